#!/usr/bin/env python3
"""Drives `quarry shell` through a pseudo-terminal, as a person at a keyboard would.

usage: shell_pty_test.py QUARRY_BINARY SOURCE_DIR

Every step waits for what the shell prints (a prompt, a result) with a generous timeout,
never for a fixed time, so it holds on a loaded machine. Exits non-zero at the first
failed expectation, printing what the terminal showed.
"""
import fcntl
import os
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>]|\r|\x07")
SGR = re.compile(rb"\x1b\[[0-9;]*m")
PROMPT = "quarry> "
TIMEOUT = 60.0


class Failure(Exception):
    pass


class Session:
    """One `quarry shell` on its own pty."""

    def __init__(self, binary, db, history, no_color=True, args=("shell",)):
        env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        env.update({"TERM": "xterm", "QUARRY_HISTORY": history, "HOME": os.path.dirname(history),
                    "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
        if no_color:
            env["NO_COLOR"] = "1"
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(binary, [binary, "--db", db, *args], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.raw = b""
        self.seen = 0  # offset in the plain text already matched
        self.status = None

    def _read(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        ready, _, _ = select.select([self.fd], [], [], min(left, 0.5))
        if ready:
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # the child closed the terminal
                data = b""
            if not data:
                return None
            self.raw += data
        return True

    def plain(self):
        return ANSI.sub(b"", self.raw).decode("utf-8", "replace")

    def expect(self, pattern, timeout=TIMEOUT):
        """Waits until `pattern` (a regex) shows after the last match; returns the match."""
        deadline = time.monotonic() + timeout
        regex = re.compile(pattern)
        while True:
            m = regex.search(self.plain(), self.seen)
            if m:
                self.seen = m.end()
                return m
            got = self._read(deadline)
            if got is False or got is None:
                tail = self.plain()[self.seen:][-1500:]
                why = "timed out" if got is False else "the shell exited"
                raise Failure(f"{why} waiting for {pattern!r}; the terminal showed after the "
                              f"last match:\n{tail}")

    def prompt(self):
        m = self.expect(re.escape(PROMPT))
        self.wait_editing()
        return m

    def wait_editing(self, timeout=TIMEOUT):
        """Waits until libedit has the terminal in its editing mode (no canonical input).

        The prompt can show a moment before the switch; a Ctrl-D or Ctrl-C typed in that
        moment would be taken by the terminal's line discipline, not by the editor.
        """
        deadline = time.monotonic() + timeout
        while termios.tcgetattr(self.fd)[3] & termios.ICANON:
            check(time.monotonic() < deadline, "the terminal never left canonical mode")
            self._read(time.monotonic() + 0.01)

    def send(self, text):
        os.write(self.fd, text.encode())

    def run(self, statement, *patterns):
        """Types a line, checks what it prints, then waits for the next prompt."""
        self.send(statement + "\r")
        for p in patterns:
            self.expect(p)
        self.prompt()

    def wait_exit(self, timeout=TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                return self.status
            self._read(time.monotonic() + 0.2)
        os.kill(self.pid, signal.SIGKILL)
        tail = self.plain()[self.seen:][-1500:]
        raise Failure(f"the shell did not exit; the terminal showed after the last match:\n{tail}")

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
        os.close(self.fd)


def check(condition, message):
    if not condition:
        raise Failure(message)


def main():
    binary, source = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="quarry-shell-test-")
    db = os.path.join(tmp, "db")
    history = os.path.join(tmp, "history")
    facts = os.path.join(source, "examples", "facts", "sorel.tsv")
    check(os.system(f"'{binary}' --db '{db}' -q import '{facts}' > /dev/null") == 0, "import failed")

    steps = []

    def step(name):
        steps.append(name)
        print(f"- {name}", flush=True)

    s = Session(binary, db, history)
    try:
        step("banner and prompt")
        s.expect(r"Quarry .* shell")
        s.prompt()

        step("a statement over two lines, with the continuation prompt")
        s.send("CREATE (:Person {name: 'Kim Jong Un'}),\r")
        s.expect(re.escape("   ...> "))
        s.wait_editing()
        s.run("(:Person {name: 'Moon Jae-in'});", r"0 rows \(\d+\.\d ms\)")
        s.run("MATCH (p:Person)\rRETURN p.name AS name ORDER BY name;",
              r"name", r"Kim Jong Un", r"Moon Jae-in", r"2 rows \(\d+\.\d ms\)")

        step("box-drawing table with types")
        s.run("RETURN 42 AS answer, 'x' AS s;", r"┌", r"answer", r"INT", r"42", r"1 row")

        step("an error with its caret, then a good query")
        s.run("RETRUN 1;", r"SyntaxError at 1:1", r"\^+", r"hint")
        s.run("RETURN 1 + 1 AS two;", r"two", r"\b2\b", r"1 row")

        step(":format csv")
        s.run(":format csv")
        s.run("RETURN 'a,b' AS x, 2 AS y;", r'x,y\n"a,b",2\n', r"1 row")

        step("a failed write changes nothing")
        s.run("CREATE (:Temp {name: 'x'}) WITH 1 AS one RETURN one / 0 AS boom;",
              r"RuntimeError", r"division by zero")
        s.run("MATCH (t:Temp) RETURN count(*) AS temps;", r"temps\n0\n", r"1 row")

        step(":param and its use")
        s.run(":param who => 'Kim Jong Un'")
        s.run(":params", r":param who => 'Kim Jong Un'")
        s.run("MATCH (p:Person {name: $who}) RETURN p.name AS found;", r"found\nKim Jong Un\n")

        step("Tab completes a label")
        s.send("MATCH (p:Pers\t")
        s.run(") RETURN count(*) AS people;", r"people\n2\n")

        step("Tab completes a keyword")
        s.send("MATCH (p:Person) RET\t")
        s.run("count(*) AS again;", r"again\n2\n")

        step("Tab completes an entity name inside quarry.lookup('")
        s.send("CALL quarry.lookup('pavel d\t")
        s.run(") YIELD node RETURN node.name AS hit;", r"hit\nPavel Dremin\n")

        step("an unknown command names the closest one")
        s.run(":fromat csv", r"unknown command :fromat", r"did you mean :format\?")

        step(":why shows the sentences behind a relationship")
        s.run(":why 1", r"Pavel Dremin.*arrive_in.*Sorel", r"01-harbour-wire")

        step(":timing off, :explain, :source with an error at its file position")
        s.run(":timing off")
        s.run("RETURN 1 AS t;", r"t\n1\n1 row\n")
        s.run(":timing on")
        s.run(":explain MATCH (p:Person) RETURN p.name", r"Match\(\(p:Person\)\)")

        step(":timeout and :maxrows limit the statements typed after them")
        s.run(":timeout", r"timeout: off")
        s.run(":timeout 150ms")
        s.run(":timeout", r"timeout: 150ms")
        s.run("UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y RETURN count(*) AS n;",
              r"Timeout: the query ran past its timeout", r":timeout in the CLI")
        s.run(":timeout off")
        s.run(":maxrows 2")
        s.run("UNWIND range(1, 3) AS x RETURN x AS many;", r"more than 2 rows")
        s.run(":maxrows two", r":maxrows wants a whole number of rows, or off")
        s.run(":maxrows", r"maxrows: 2")
        s.run(":maxrows off")
        s.run("UNWIND range(1, 3) AS x RETURN x AS three;", r"3 rows")
        script = os.path.join(tmp, "script.cypher")
        with open(script, "w") as f:
            f.write("// a comment\nRETURN 'from file' AS f;\n\nRETURN nope;\nRETURN 'never' AS g;\n")
        s.run(f":source {script}", r"f\nfrom file\n", re.escape(script) + r":4:8: ",
              r"SemanticError")
        check("never" not in s.plain()[s.seen - 400:], ":source went on after an error")

        step("Ctrl-C on a continuation line drops the whole statement")
        s.send("MATCH (n)\r")
        s.expect(re.escape("   ...> "))
        s.wait_editing()
        s.send("\x03")
        s.prompt()
        s.run("RETURN 'fresh' AS f2;", r"f2\nfresh\n1 row")

        step("Ctrl-C while typing discards the input")
        s.send("MATCH (n) RETURN n\x03")
        s.prompt()
        s.run("RETURN 'alive' AS typed;", r"typed\nalive\n")

        step("Ctrl-C cancels a long query and the shell lives on")
        s.send("UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*);\r")
        # A ^C that arrives before the query starts is read as a key at the next prompt
        # (harmless), so send until the query reports that it was cancelled.
        first = time.monotonic()
        while True:
            sent = time.monotonic()
            s.send("\x03")
            try:
                s.expect(r"cancelled", timeout=1.0)
                break
            except Failure:
                check(time.monotonic() - first < TIMEOUT, "the long query was never cancelled")
        took = time.monotonic() - sent
        print(f"  cancelled {took:.3f} s after the Ctrl-C that reached it", flush=True)
        s.prompt()
        s.run("RETURN 'still here' AS after;", r"after\nstill here\n")

        step("a second shell on the same database opens read-only with a notice")
        other = Session(binary, db, os.path.join(tmp, "history2"))
        try:
            other.expect(r"opened read-only")
            other.prompt()
            other.run("CREATE (:Nope);", r"ReadOnly")
            other.send("\x04")
            check(other.wait_exit() == 0, "the read-only shell did not exit with 0")
        finally:
            other.close()

        step("the last statement, over two lines, for the history test")
        s.run("MATCH (p:Person)\rRETURN 'multi' + toString(count(p)) AS recalled;",
              r"recalled\nmulti2\n")

        step("Ctrl-D exits with status 0")
        s.send("\x04")
        check(s.wait_exit() == 0, f"exit status {s.status}")
        check(not SGR.search(s.raw), "colour codes printed although NO_COLOR is set")
    finally:
        s.close()

    step("Up recalls the two-line statement as one entry after a restart")
    s = Session(binary, db, history, no_color=False)
    try:
        s.prompt()
        s.send("\x1b[A")
        s.expect(r"RETURN 'multi'")
        s.send("\r")
        s.expect(r"multi2")
        s.prompt()
        step("Ctrl-R finds an earlier statement")
        s.send("\x12")
        s.send("answer")
        s.expect(r"AS answer")
        s.send("\r")
        s.expect(r"42")
        s.prompt()
        step("colour on a terminal without NO_COLOR")
        check(SGR.search(s.raw), "no colour codes on a terminal without NO_COLOR")
        s.send("\x04")
        check(s.wait_exit() == 0, f"exit status {s.status}")
    finally:
        s.close()
    step("quarry shell --timeout / --max-rows set the starting limits")
    s = Session(binary, db, history, args=("shell", "--timeout", "2m", "--max-rows", "7"))
    try:
        s.prompt()
        s.run(":timeout", r"timeout: 2m")
        s.run(":maxrows", r"maxrows: 7")
        s.send("\x04")
        check(s.wait_exit() == 0, f"exit status {s.status}")
    finally:
        s.close()
    step("plain `quarry` starts the shell on a terminal")
    s = Session(binary, db, history, args=())
    try:
        s.prompt()
        s.run("RETURN 'plain' AS mode;", r"plain")
        s.send("\x04")
        check(s.wait_exit() == 0, f"exit status {s.status}")
    finally:
        s.close()

    step("plain `quarry` without a terminal prints usage and exits 2")
    out = subprocess.run([binary, "--db", db], stdin=subprocess.DEVNULL, capture_output=True,
                         text=True, timeout=TIMEOUT)
    check(out.returncode == 2 and "Usage" in out.stderr, f"got {out.returncode}: {out.stderr}")
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"ok: {len(steps)} steps")


if __name__ == "__main__":
    try:
        main()
    except Failure as e:
        print(f"FAILED: {e}", file=sys.stderr)
        sys.exit(1)
