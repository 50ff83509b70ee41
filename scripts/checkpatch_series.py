#!/usr/bin/env python3
"""checkpatch.pl over a devmify --format-patch series, against the original files.

    python scripts/checkpatch_series.py --kernel-tree ~/.cache/devmify/linux-source-6.1 drivers/input

Writes the series for PATHS (inside the kernel tree) with `devmify --format-patch`, runs
the tree's own scripts/checkpatch.pl on every mail as a maintainer's inbox would (commit
message, sign-off and code), and counts, per mail, the errors and the warnings/checks
that are new: those that the same lines put back (the patch reversed) do not already
earn (a touched `if(` was the original's style, not the patch's).  Prints one line per
mail with a complaint, then the totals; exit status 1 when any mail has an error or a
new warning.  This runs code from the kernel tree (checkpatch.pl): a tree you trust.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

from devmify.kbuild import complaints_added, what
from devmify.pipeline import FileResult

AUTHOR = "devmify checkpatch run <checkpatch@example.org>"


def new_complaints(tree: str, mail: str) -> tuple[list[str], int]:
    """checkpatch's lines about the mail that the reversed patch does not earn too: (new, kept)."""
    path = re.search(r"^\+\+\+ b/(.+)$", mail, re.M).group(1)
    original = open(os.path.join(tree, path), "rb").read()
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "converted.c")
        subprocess.run(["patch", "--quiet", "-o", out, os.path.join(tree, path)], input=mail.encode(),
                       check=True, capture_output=True)
        converted = open(out, "rb").read()
    return complaints_added(tree, mail, FileResult(path, original, converted))


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kernel-tree", required=True, metavar="DIR")
    p.add_argument("--keep", metavar="OUTDIR", help="write the series here (default: a temporary directory)")
    p.add_argument("paths", nargs="+", help="paths inside the kernel tree, relative to it")
    args = p.parse_args()
    tree = os.path.abspath(os.path.expanduser(args.kernel_tree))
    with tempfile.TemporaryDirectory() as tmp:
        outdir = os.path.abspath(args.keep or tmp)
        made = subprocess.run([sys.executable, "-m", "devmify", "--format-patch", outdir, "--from", AUTHOR,
                               "--signoff", *args.paths], cwd=tree, capture_output=True, text=True)
        if made.returncode != 0:
            print(made.stderr, file=sys.stderr)
            return made.returncode
        mails = made.stdout.split()
        errors = warnings = kept = 0
        types: collections.Counter = collections.Counter()
        for name in mails:
            with open(name, encoding="utf-8", errors="surrogateescape") as f:
                new, same = new_complaints(tree, f.read())
            kept += same
            errors += sum(" ERROR:" in line for line in new)
            warnings += sum(" ERROR:" not in line for line in new)
            types.update(what(line).split(":")[1] for line in new)
            for line in new:
                print(f"{os.path.basename(name)}: {line}")
    print(f"{len(mails)} mails for {' '.join(args.paths)}: checkpatch {errors} errors, {warnings} new "
          f"warnings/checks ({kept} complaints on touched lines that the original had too)"
          + (f"; new by type: {dict(types)}" if types else ""))
    return 1 if errors or warnings else 0


if __name__ == "__main__":
    sys.exit(main())
