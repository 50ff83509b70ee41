#!/usr/bin/env python3
"""devmify against Coccinelle on the same kernel tree, side by side in one run.

Prepares its inputs itself: Debian's ``linux-source-6.1`` (unpacked to
``~/.cache/devmify/``, as the real-tree tests do) and ``coccinelle`` (``apt-get install``),
and writes the seed's semantic patch (``../shared/seeds/``) as spatch needs it: ASCII
``-`` and ``...`` for the blog's typographic dash and ellipsis, and the ``...`` between
the ``- e = kzalloc(...)`` and ``?-kfree(e);`` lines that the published text lost.

Then, ``--runs`` times (default 3), alternating the two tools:

* ``spatch --sp-file seed.cocci --dir SUBDIR -j N`` (the seed's one rewrite),
* ``python -m devmify --format json SUBDIR -j N`` (every rule, API pair and finding),

and prints the median wall time of each, their ratio, files per second (every ``.c``
file under SUBDIR counted for both) and peak memory (the largest process of the run: a
worker or the parent).  Also: one driver file end to end with interpreter start-up
(median of 5), and the I/O floor (reading every ``.c`` file under SUBDIR).

    python bench/vs_spatch.py [--tree DIR] [--subdir drivers] [--runs 3] [-j N] [--file F]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from devmify.kernel_tree import kernel_tree

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
TYPICAL = "drivers/input/keyboard/omap4-keypad.c"  # 12.8 KB, a platform driver that converts


def seed_cocci(seeds: Path = SEEDS) -> str:
    """The semantic patch of the seed story, in the syntax spatch parses."""
    for path in sorted(seeds.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        start = text.find("@platform@")
        if start < 0:
            continue
        body = text[start:]
        end = re.search(r"@rem depends on prb@.*?\n}\n", body, re.S)
        body = body[:end.end()] if end else body
        body = body.replace("\u2013", "-").replace("\u2026", "...")
        # the rewrite and the optional kfree sit in one <+... ...+> block: spatch wants
        # a `...` between them (the blog's blank line)
        body = re.sub(r"(\+ e = devm_kzalloc\(&pdev->dev, e1, e2\)\n)\s*\n(\?-kfree\(e\);)",
                      r"\1...\n\2", body)
        return body
    raise SystemExit(f"no semantic patch found in {seeds}")


def ensure_spatch() -> str:
    found = shutil.which("spatch")
    if found:
        return found
    if shutil.which("apt-get") is None:
        raise SystemExit("spatch is not installed and apt-get is not available")
    subprocess.run(["apt-get", "update", "-qq"], check=False)
    subprocess.run(["apt-get", "install", "-y", "-qq", "coccinelle"], check=True,
                   stdout=subprocess.DEVNULL)
    return shutil.which("spatch") or sys.exit("apt-get installed coccinelle but no spatch")


def timed(cmd: list[str], cwd: str, out_path: str) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KiB of the largest process of the run, exit status)."""
    with open(out_path, "wb") as out:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss, proc.returncode


def io_floor(tree: str, subdir: str) -> tuple[float, int, int]:
    """(seconds, files, bytes) to find and read every .c file under subdir."""
    start, files, size = time.monotonic(), 0, 0
    for root, _, names in os.walk(os.path.join(tree, subdir)):
        for name in names:
            if name.endswith(".c"):
                with open(os.path.join(root, name), "rb") as fh:
                    size += len(fh.read())
                files += 1
    return time.monotonic() - start, files, size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tree", help="kernel tree (default: the cached linux-source-6.1)")
    ap.add_argument("--subdir", default="drivers")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--file", default=TYPICAL, help="the one-file timing (path in the tree)")
    args = ap.parse_args(argv)
    tree = args.tree or kernel_tree()
    spatch = ensure_spatch()
    work = tempfile.mkdtemp(prefix="devmify-bench-")
    cocci = os.path.join(work, "seed.cocci")
    Path(cocci).write_text(seed_cocci())
    devmify = [sys.executable, "-m", "devmify"]

    io_floor(tree, args.subdir)  # once to warm the page cache for everyone
    floor = [io_floor(tree, args.subdir) for _ in range(args.runs)]
    files, size = floor[0][1], floor[0][2]
    tools = {
        "spatch": [spatch, "--sp-file", cocci, "--dir", args.subdir, "-j", str(args.jobs)],
        "devmify": [*devmify, "--format", "json", args.subdir, "-j", str(args.jobs)],
    }
    runs: dict[str, list[tuple[float, int, int]]] = {name: [] for name in tools}
    for i in range(args.runs):
        for name, cmd in tools.items():
            runs[name].append(timed(cmd, tree, os.path.join(work, f"{name}.{i}.out")))
            print(f"run {i + 1}/{args.runs} {name}: {runs[name][-1][0]:.1f} s", file=sys.stderr)
    one = {
        "devmify": [timed([*devmify, args.file], tree, os.path.join(work, "one.diff")) for _ in range(5)],
        "spatch": [timed([spatch, "--sp-file", cocci, args.file], tree, os.path.join(work, "one.cocci"))
                   for _ in range(5)],
    }
    report = json.loads(Path(work, f"devmify.{args.runs - 1}.out").read_text())["summary"]
    patched = sum(1 for line in Path(work, f"spatch.{args.runs - 1}.out").read_text(
        errors="replace").splitlines() if line.startswith("+++ "))

    med = {name: statistics.median(r[0] for r in rs) for name, rs in runs.items()}
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
          f"{subprocess.run([spatch, '--version'], capture_output=True, text=True).stdout.splitlines()[0]}")
    print(f"tree: {tree}  subdir: {args.subdir}  {files} .c files, {size / 1e6:.0f} MB  "
          f"jobs: {args.jobs}  runs: {args.runs}")
    print(f"I/O floor (find and read every .c file): median {statistics.median(f[0] for f in floor):.2f} s")
    for name, rs in runs.items():
        print(f"{name:8} median {med[name]:7.1f} s  ({', '.join(f'{r[0]:.1f}' for r in rs)})  "
              f"{files / med[name]:7.0f} files/s  peak RSS {max(r[1] for r in rs) / 1024:.0f} MB  "
              f"exit {sorted({r[2] for r in rs})}")
    print(f"ratio devmify / spatch: {med['devmify'] / med['spatch']:.2f}")
    print(f"spatch patched {patched} files (one rule); devmify: {report['files_changed']} changed, "
          f"{report['conversions']} conversions, {report['refusals']} refusals, "
          f"{report['findings']} findings, {report['errors']} errors")
    for name, rs in one.items():
        print(f"one file ({args.file}, start-up included) {name}: median "
              f"{statistics.median(r[0] for r in rs):.3f} s, peak RSS {max(r[1] for r in rs) / 1024:.0f} MB")
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
