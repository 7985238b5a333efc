#!/usr/bin/env python3
"""The first `/` of a session, as a person meets it: how long each key waits for its frame.

otter (the screen) runs in a pseudo-terminal of 160x48 on a data directory. Once its first
frame is drawn (and Esc closed a "who are you?"), it types `/` and then a query a letter at a
time, a person's pace apart (--pace, 120 ms), while the index is still being read, and goes
on typing after the results came. For each key it times the wait from writing the key to the
first output that carries it (the letter typed, or the overlay's title for `/`): the frame
that answered the key. It also times `/` to the first results (the index read and searched).

Each round starts a fresh otter, so each `/` is a first one. Printed: per round the longest
wait of any key and the time to results, then the medians over the rounds.

Usage: benches/search_frames.py DATA_DIR [--otter target/release/otter] [--rounds 5]
Needs: python3 on a Unix.
"""

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time

TODAY = "2026-11-23"
LAST_ROW = b"\x1b[48;1H"
DRAWN = b"\x1b[?25l"
# Letters no escape sequence of the screen ends with (m, H, l, h, J, K are), so an output
# holding one drew it as text. The query is typed in two parts: before and after the results.
BEFORE = "jan"
AFTER = "sen"
RESULTS = b"Leerlingen ("


class Screen:
    def __init__(self, otter, data_dir):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(OTTER_DATA_DIR=data_dir, OTTER_TODAY=TODAY, OTTER_LANG="nl",
                              TERM="xterm")
            os.execv(otter, [otter])
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
        self.seen = b""

    def read_until(self, found, timeout=120.0):
        """Reads output until `found(new)` holds for what came since the call; when."""
        start = len(self.seen)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.5)
            if ready:
                self.seen += os.read(self.fd, 65536)
                if found(self.seen[start:]):
                    return time.perf_counter()
        sys.exit(f"otter did not answer; last output: {self.seen[-400:]!r}")

    def drain(self, seconds):
        deadline = time.perf_counter() + seconds
        while True:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    return  # otter has gone
            if time.perf_counter() >= deadline:
                return

    def key(self, text, answer):
        """Writes `text`; seconds until an output holding `answer` came."""
        self.drain(0)
        sent = time.perf_counter()
        os.write(self.fd, text.encode())
        return self.read_until(lambda new: answer in new) - sent

    def close(self):
        os.write(self.fd, b"\x03")
        deadline = time.time() + 20
        while time.time() < deadline:
            finished, _ = os.waitpid(self.pid, os.WNOHANG)
            if finished:
                break
            self.drain(0.05)
        else:
            os.kill(self.pid, 15)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


def round_of(otter, data_dir, pace):
    screen = Screen(otter, data_dir)
    screen.read_until(lambda new: LAST_ROW in new and DRAWN in new[new.find(LAST_ROW):])
    screen.key("\x1b", b"")
    screen.drain(1.0)
    waits = []
    slash = time.perf_counter()
    waits.append(("/", screen.key("/", b"Zoeken")))
    results = None
    for letter in BEFORE:
        time.sleep(pace)
        waits.append((letter, screen.key(letter, letter.encode())))
        if RESULTS in screen.seen[-65536:]:
            results = results or time.perf_counter() - slash
    if results is None:
        results = screen.read_until(lambda new: RESULTS in new) - slash
    for letter in AFTER:
        time.sleep(pace)
        waits.append((letter, screen.key(letter, letter.encode())))
    screen.close()
    return waits, results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir")
    parser.add_argument("--otter", default="target/release/otter")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pace", type=float, default=0.12)
    opts = parser.parse_args()
    otter = os.path.realpath(opts.otter)
    longest, to_results = [], []
    for n in range(opts.rounds):
        waits, results = round_of(otter, opts.data_dir, opts.pace)
        worst = max(wait for _, wait in waits)
        longest.append(worst)
        to_results.append(results)
        keys = " ".join(f"{key}:{wait * 1000:.0f}" for key, wait in waits)
        print(f"round {n + 1}: longest key wait {worst * 1000:.0f} ms, results after "
              f"{results * 1000:.0f} ms ({keys} ms)")
    print(f"median of {opts.rounds} rounds, load average {os.getloadavg()[0]:.1f}: longest key "
          f"wait {statistics.median(longest) * 1000:.0f} ms, `/` to results "
          f"{statistics.median(to_results) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
