#!/usr/bin/env python3
"""Runs a command with stdout on a pseudo-terminal of COLUMNS width and prints what it
wrote there (stderr passes through). usage: on_tty.py COLUMNS COMMAND..."""
import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

cols = int(sys.argv[1])
master, slave = pty.openpty()
fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, cols, 0, 0))
attrs = termios.tcgetattr(slave)
attrs[1] &= ~termios.ONLCR  # keep "\n" as written, not "\r\n"
termios.tcsetattr(slave, termios.TCSANOW, attrs)
proc = subprocess.Popen(sys.argv[2:], stdout=slave, stdin=subprocess.DEVNULL)
os.close(slave)
out = b""
while True:
    try:
        chunk = os.read(master, 65536)
    except OSError:  # EIO: the child closed the terminal
        break
    if not chunk:
        break
    out += chunk
code = proc.wait()
sys.stdout.buffer.write(out)
sys.exit(code)
