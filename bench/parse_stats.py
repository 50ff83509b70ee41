#!/usr/bin/env python3
"""How well does tree-sitter-c parse kernel C, before and after devmify's normalisation?

For every ``.c`` file under each directory given, the raw bytes and the bytes from
:func:`devmify.macros.normalise` are parsed with tree-sitter-c and one table row per
directory and variant is printed:

* ``files``      number of .c files;
* ``clean%``     share of files whose tree holds no ERROR and no MISSING node;
* ``funcs``      top-level function definitions (looking inside #if blocks);
* ``fn_err%``    share of those functions whose subtree has an error (``has_error``);
* ``err_line%``  share of lines lying inside the span of some ERROR node, roughly the
  complement of Coccinelle's "% of lines parsed";
* ``ERROR``, ``MISSING``  number of ERROR nodes and of MISSING (inserted) nodes.

Usage::

    python bench/parse_stats.py [DIR ...] [--worst N] [--causes N]

Without DIR, ``drivers/input`` and ``drivers/spi`` of the tree in
``$DEVMIFY_KERNEL_TREE`` (default ``~/.cache/devmify/linux-source-6.1``) are used.
``--worst N`` lists the N files with the most error lines after normalisation and
``--causes N`` the N most frequent first lines of the remaining ERROR nodes.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from dataclasses import dataclass, field

try:
    from devmify.macros import normalise
    from devmify.source import parse_bytes, top_level_nodes
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src"))
    from devmify.macros import normalise
    from devmify.source import parse_bytes, top_level_nodes

DEFAULT_TREE = os.path.expanduser("~/.cache/devmify/linux-source-6.1")
DEFAULT_SUBDIRS = ("drivers/input", "drivers/spi")


@dataclass
class FileStats:
    path: str
    lines: int
    clean: bool
    errors: int              # ERROR nodes (outermost and nested)
    missing: int             # MISSING nodes
    funcs: int
    bad_funcs: int
    error_lines: int
    error_heads: list[str] = field(default_factory=list)


@dataclass
class Totals:
    files: int = 0
    clean: int = 0
    funcs: int = 0
    bad_funcs: int = 0
    lines: int = 0
    error_lines: int = 0
    errors: int = 0
    missing: int = 0

    def add(self, fs: FileStats) -> None:
        self.files += 1
        self.clean += fs.clean
        self.funcs += fs.funcs
        self.bad_funcs += fs.bad_funcs
        self.lines += fs.lines
        self.error_lines += fs.error_lines
        self.errors += fs.errors
        self.missing += fs.missing


def analyse(path: str, data: bytes) -> FileStats:
    """Parse ``data`` and collect the statistics; only subtrees with errors are walked."""
    tree = parse_bytes(data)
    root = tree.root_node
    covered: set[int] = set()
    errors = missing = 0
    heads: list[str] = []
    stack = [root] if root.has_error else []
    while stack:
        n = stack.pop()
        if n.is_missing:
            missing += 1
            continue
        if n.is_error:
            errors += 1
            covered.update(range(n.start_point[0], n.end_point[0] + 1))
            line_end = data.find(b"\n", n.start_byte)
            line_end = len(data) if line_end < 0 else line_end
            heads.append(data[n.start_byte:min(line_end, n.start_byte + 60)]
                         .decode("utf-8", "replace").strip())
        stack.extend(c for c in n.children if c.has_error or c.is_missing)
    funcs = bad = 0
    for n in top_level_nodes(root):
        if n.type == "function_definition":
            funcs += 1
            bad += n.has_error
    lines = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    return FileStats(path, lines, not root.has_error, errors, missing, funcs, bad,
                     len(covered), heads)


def c_files(directory: str):
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".c"):
                yield os.path.join(dirpath, name)


def pct(part: int, whole: int, digits: int = 2) -> str:
    return f"{100.0 * part / whole:.{digits}f}" if whole else "n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="*", help="directories to scan for .c files")
    ap.add_argument("--worst", type=int, default=0, metavar="N",
                    help="list the N files with most error lines after normalisation")
    ap.add_argument("--causes", type=int, default=0, metavar="N",
                    help="list the N most frequent first lines of remaining ERROR nodes")
    args = ap.parse_args(argv)
    dirs = args.dirs
    if not dirs:
        tree = os.environ.get("DEVMIFY_KERNEL_TREE", DEFAULT_TREE)
        dirs = [os.path.join(tree, d) for d in DEFAULT_SUBDIRS]
    for d in dirs:
        if not os.path.isdir(d):
            ap.error(f"not a directory: {d}")

    t0 = time.perf_counter()
    header = (f"{'directory':<24} {'variant':<10} {'files':>6} {'clean%':>7} "
              f"{'funcs':>6} {'fn_err%':>7} {'err_line%':>9} {'ERROR':>6} {'MISSING':>7}")
    rows = [header, "-" * len(header)]
    after_all: list[FileStats] = []
    for d in dirs:
        before, after = Totals(), Totals()
        for path in c_files(d):
            with open(path, "rb") as fh:
                raw = fh.read()
            before.add(analyse(path, raw))
            fs = analyse(path, normalise(raw))
            after.add(fs)
            after_all.append(fs)
        label = "/".join(os.path.abspath(d).split(os.sep)[-2:])
        for variant, t in (("raw", before), ("normalised", after)):
            rows.append(f"{label:<24} {variant:<10} {t.files:>6} {pct(t.clean, t.files):>7} "
                        f"{t.funcs:>6} {pct(t.bad_funcs, t.funcs):>7} "
                        f"{pct(t.error_lines, t.lines, 3):>9} {t.errors:>6} {t.missing:>7}")
    print("\n".join(rows))
    print(f"({time.perf_counter() - t0:.1f}s)")

    if args.worst:
        print("\nworst files after normalisation (error lines / lines):")
        for fs in sorted(after_all, key=lambda f: -f.error_lines)[:args.worst]:
            if fs.error_lines:
                print(f"  {fs.error_lines:5} / {fs.lines:5}  {fs.path}")
    if args.causes:
        counts = collections.Counter(h for fs in after_all for h in fs.error_heads)
        print("\nmost frequent ERROR node starts after normalisation:")
        for head, n in counts.most_common(args.causes):
            print(f"  {n:5}  {head}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
