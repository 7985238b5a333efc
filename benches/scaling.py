#!/usr/bin/env python3
"""The scaling table: otter's cost at the school's size, mid (a quarter of large) and large.

For each demo database it times, whole process each, interleaved (one run of every command on
every size per round, so a busy machine slows them alike), and prints the median of the rounds.
The light commands are timed by the CPU time of their process (user + system, from its
rusage): on a loaded machine wall times vary threefold and CPU time little. Backup and
restore by wall time, with their memory and bytes:

  open         otter school                 a look-up's read-only open and one setting
  first frame  otter (the screen) in a pseudo-terminal of 160x48, until its first frame is
               drawn to the last row; then Esc and q
  search       otter search jan
  pupils       otter pupils
  backup       otter backup FILE            with its peak RSS and the file's size
  restore      otter restore FILE           into an empty directory: peak RSS, bytes written

and the ratios mid/school and large/mid (large is four times mid's data: linear is ~4x).

The databases are made once and kept: `--dirs SCHOOL MID LARGE` names existing ones (made with
`otter demo --scale school|mid|large`, which takes minutes for large); without it they are
made under a temporary directory. Backup and restore run fewer rounds (`--heavy-rounds`).

`--measure` names the rows to take (default all; `--measure search pupils` takes those two
and neither backup nor restore).

Usage: benches/scaling.py [--otter target/release/otter] [--rounds 5] [--heavy-rounds 1]
                          [--dirs SCHOOL MID LARGE] [--measure NAME ...]
Needs: python3, GNU time (/usr/bin/time).
"""

import argparse
import os
import pty
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

TODAY = "2026-11-23"
SIZES = ["school", "mid", "large"]
LIGHT = ["open", "first frame", "search", "pupils"]
HEAVY = ["backup", "restore"]
# The first frame is whole once the cursor went to the last row (drawn last) and was hidden
# after it.
LAST_ROW = b"\x1b[48;1H"
DRAWN = b"\x1b[?25l"


def env(data_dir):
    e = dict(os.environ)
    e.update(OTTER_DATA_DIR=data_dir, OTTER_TODAY=TODAY, OTTER_LANG="nl", TERM="xterm")
    return e


def timed(otter, data_dir, args):
    """Wall seconds, peak RSS (KB), file-system output (bytes) and CPU seconds (user +
    system) of one whole run."""
    start = time.perf_counter()
    child = subprocess.Popen([otter, *args], env=env(data_dir), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    stderr = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        sys.exit(f"{' '.join(args)} on {data_dir} failed: {stderr.decode()}")
    return wall, usage.ru_maxrss, usage.ru_oublock * 512, usage.ru_utime + usage.ru_stime


def first_frame(otter, data_dir):
    """CPU seconds (user + system) of `otter` showing its first whole start screen in a pty,
    then closed at once (Esc, q)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(env(data_dir))
        os.execv(otter, [otter])
    # 160x48, as the screen benches draw.
    import fcntl
    import struct
    import termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 48, 160, 0, 0))
    start = time.perf_counter()
    seen = b""
    elapsed = None
    while time.perf_counter() - start < 60:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        last = seen.find(LAST_ROW)
        if last >= 0 and seen.find(DRAWN, last) >= 0:
            elapsed = time.perf_counter() - start
            break
    # Esc closes whatever asks first (a fresh demo asks who you are), q stops.
    os.write(fd, b"\x1b")
    time.sleep(0.3)
    os.write(fd, b"q")
    deadline = time.time() + 10
    usage = None
    while time.time() < deadline:
        finished, _, usage = os.wait4(pid, os.WNOHANG)
        if finished:
            break
        try:
            os.read(fd, 65536)
        except OSError:
            pass
        time.sleep(0.05)
    else:
        os.kill(pid, 15)
        _, _, usage = os.wait4(pid, 0)
    os.close(fd)
    if elapsed is None:
        sys.exit(f"no start screen from otter on {data_dir}")
    return usage.ru_utime + usage.ru_stime


def demo(otter, root, size):
    path = os.path.join(root, size)
    print(f"making the {size} demo in {path}…", file=sys.stderr)
    timed(otter, path, ["demo", "--scale", size])
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--otter", default="target/release/otter")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--heavy-rounds", type=int, default=1)
    parser.add_argument("--dirs", nargs=3, metavar=("SCHOOL", "MID", "LARGE"))
    parser.add_argument("--only", nargs="+", choices=SIZES, default=SIZES)
    parser.add_argument("--measure", nargs="+", choices=LIGHT + HEAVY, default=LIGHT + HEAVY)
    opts = parser.parse_args()
    otter = os.path.realpath(opts.otter)
    work = tempfile.mkdtemp(prefix="otter-scaling-")
    try:
        dirs = dict(zip(SIZES, opts.dirs)) if opts.dirs else {
            size: demo(otter, work, size) for size in opts.only}
        sizes = [size for size in SIZES if size in opts.only]
        light = {
            "open": lambda d: timed(otter, d, ["school"])[3],
            "first frame": lambda d: first_frame(otter, d),
            "search": lambda d: timed(otter, d, ["search", "jan"])[3],
            "pupils": lambda d: timed(otter, d, ["pupils"])[3],
        }
        light = {name: run for name, run in light.items() if name in opts.measure}
        samples = {(name, size): [] for name in light for size in sizes}
        for _ in range(opts.rounds):
            for name, run in light.items():
                for size in sizes:
                    samples[(name, size)].append(run(dirs[size]))
        heavy = {}
        for size in sizes if "backup" in opts.measure else []:
            for _ in range(opts.heavy_rounds):
                file = os.path.join(work, f"{size}.json")
                wall, rss, _, _ = timed(otter, dirs[size], ["backup", file])
                heavy.setdefault(("backup", size), []).append((wall, rss, os.path.getsize(file)))
                target = os.path.join(work, f"{size}-restored")
                shutil.rmtree(target, ignore_errors=True)
                if "restore" not in opts.measure:
                    os.remove(file)
                    continue
                wall, rss, written, _ = timed(otter, target, ["restore", file])
                heavy.setdefault(("restore", size), []).append((wall, rss, written))
                shutil.rmtree(target, ignore_errors=True)
                os.remove(file)

        def ratio(values, a, b):
            if a in values and b in values and values[a] > 0:
                return f"{values[b] / values[a]:.1f}x"
            return "-"

        print(f"\nmedians of {opts.rounds} interleaved rounds ({opts.heavy_rounds} for backup "
              f"and restore), load average {os.getloadavg()[0]:.1f}; CPU time (user + system) "
              f"but for backup and restore (wall)")
        header = f"{'':12}" + "".join(f"{size:>12}" for size in sizes)
        print(header + f"{'mid/school':>12}{'large/mid':>12}")
        for name in light:
            values = {size: statistics.median(samples[(name, size)]) for size in sizes}
            row = "".join(f"{values[s] * 1000:>10.0f}ms" for s in sizes)
            print(f"{name:12}{row}{ratio(values, 'school', 'mid'):>12}"
                  f"{ratio(values, 'mid', 'large'):>12}")
        for name in [name for name in HEAVY if (name, sizes[0]) in heavy]:
            values = {s: statistics.median(r[0] for r in heavy[(name, s)]) for s in sizes}
            row = "".join(f"{values[s]:>11.1f}s" for s in sizes)
            print(f"{name:12}{row}{ratio(values, 'school', 'mid'):>12}"
                  f"{ratio(values, 'mid', 'large'):>12}")
            rss = "".join(f"{max(r[1] for r in heavy[(name, s)]) / 1024:>10.0f}MB"
                          for s in sizes)
            print(f"{'  peak RSS':12}{rss}")
            label = "  file" if name == "backup" else "  written"
            size_row = "".join(f"{max(r[2] for r in heavy[(name, s)]) / 2**20:>10.0f}MB"
                               for s in sizes)
            print(f"{label:12}{size_row}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
