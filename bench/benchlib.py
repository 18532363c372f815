"""Shared pieces of Quarry's benchmarks: peers, data sets, timing.

Every benchmark runs Quarry and the peers a user would pick instead on the same machine in
one run, so the ratios between them mean something even on a shared, noisy box.
"""
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
PEERS = os.path.join(BENCH, ".peers")  # npm packages, git-ignored
OUT = os.path.join(BENCH, "out")  # generated data and databases, git-ignored
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
QUARRY = os.environ.get("QUARRY", os.path.join(ROOT, "build", "quarry"))
FB15K = os.path.join(SHARED, "kg", "fb15k-237")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def ensure_peers():
    """Installs Kuzu (npm) into bench/.peers and checks sqlite3 (Debian) once."""
    if shutil.which("sqlite3") is None:
        subprocess.run(["sh", "-c", "${SUDO:-$( [ $(id -u) = 0 ] || echo sudo )} "
                        "apt-get install -y sqlite3 nodejs npm"], check=True)
    if not os.path.isdir(os.path.join(PEERS, "node_modules", "kuzu")):
        os.makedirs(PEERS, exist_ok=True)
        with open(os.path.join(PEERS, "package.json"), "w") as f:
            f.write('{"private": true}\n')
        log("installing kuzu from npm into bench/.peers ...")
        subprocess.run(["npm", "install", "--silent", "kuzu"], cwd=PEERS, check=True)


def node_env():
    """Environment in which `node` finds the peers installed in bench/.peers."""
    return dict(os.environ, NODE_PATH=os.path.join(PEERS, "node_modules"))


def kuzu_version():
    out = subprocess.run(["node", "-e", "console.log(require('kuzu').VERSION)"], cwd=PEERS,
                         env=node_env(), capture_output=True, text=True)
    return out.stdout.strip() or "?"


def sqlite_version():
    return subprocess.run(["sqlite3", "--version"], capture_output=True,
                          text=True).stdout.split()[0]


LAST_CPU = 0.0  # user + system CPU seconds of the last run_measured child


def run_measured(cmd, cwd=None, env=None, stdin=None):
    """Runs `cmd`; returns (seconds, peak RSS in MiB, stdout). Raises on failure.

    The child's CPU seconds (user + system) are left in LAST_CPU: on a loaded machine they
    say more about the work done than the wall time."""
    global LAST_CPU
    # Linux carries a process's peak RSS across exec, so a child forked from this (large)
    # Python process would report at least our own footprint. GNU time forks the command
    # from a small process and reports its true peak; without it, fall back to wait4's.
    rss_file = None
    if os.path.exists("/usr/bin/time"):
        fd, rss_file = tempfile.mkstemp(prefix="quarry-bench-rss-")
        os.close(fd)
        cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file] + list(cmd)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    # Drain both pipes while the child runs: a child that writes more than a pipe holds
    # would otherwise block forever while we wait for it.
    chunks = {}
    readers = [threading.Thread(target=lambda n, f: chunks.__setitem__(n, f.read()), args=(n, f))
               for n, f in (("out", proc.stdout), ("err", proc.stderr))]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    LAST_CPU = usage.ru_utime + usage.ru_stime
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out, err = chunks["out"], chunks["err"]
    peak_kib = usage.ru_maxrss
    if rss_file:
        with open(rss_file) as f:
            lines = f.read().split()
        os.unlink(rss_file)
        if lines and lines[-1].isdigit():
            peak_kib = int(lines[-1])
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-400:]}")
    return seconds, peak_kib / 1024.0, out


def dir_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for dirpath, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(dirpath, name))
    return total


def fresh(path):
    if os.path.isdir(path):
        shutil.rmtree(path)
    elif os.path.exists(path):
        os.remove(path)
    return path


def fb15k_files():
    return [os.path.join(FB15K, n) for n in ("train.txt", "valid.txt", "test.txt")]


def powerlaw_file(triples, seed=7):
    """A generated graph whose node degrees and predicate frequencies follow power laws.

    Entities are named e<N>, predicates p<N>; about triples/8 entities and 300 predicates.
    Deterministic for a given size and seed; cached in bench/out.
    """
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, f"powerlaw-{triples}.tsv")
    if os.path.exists(path):
        return path
    log(f"generating {path} ...")
    rng = random.Random(seed)
    entities = max(triples // 8, 10)
    # Zipf-like draws by inverse transform of a Pareto; clamp to the id range.
    def draw(n, alpha):
        return min(int(rng.paretovariate(alpha)) - 1, n - 1)
    seen = set()
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        written = 0
        while written < triples:
            s = rng.randrange(entities) if rng.random() < 0.5 else draw(entities, 0.8)
            o = draw(entities, 0.9)
            p = draw(300, 1.2)
            key = (s, p, o)
            if s == o or key in seen:
                continue
            seen.add(key)
            f.write(f"e{s}\tp{p}\te{o}\n")
            written += 1
    os.rename(tmp, path)
    return path


def ratio(value, best):
    return f"{value / best:.2f}x" if best else "-"
