"""`devmify verify`: build each changed driver with the kernel's own make, before and
after its patch, and run the kernel's checkpatch on the patch.

The tree must be configured (`scripts/prepare-kernel-build.sh`: allmodconfig and
modules_prepare).  Objects are built in batches with `make -k <path>.o ...` and fixed
flags; a file built before must build after with no warning it did not have (warnings
compared without line numbers).  Every patched file is restored and every object removed
afterwards, whatever happens, so nothing stays patched.
"""

from __future__ import annotations

import collections
import os
import re
import subprocess
from dataclasses import dataclass, field

from .config import Settings
from .inputs import find_c_files
from .output import unified_diff
from .pipeline import FileResult, analyse_path

BATCH = 40  # objects per make call
# Paths make can be given as targets: it splits words at spaces, reads a leading dash as
# an option and expands $ and %.  kbuild builds no other names, so others are skipped.
_MAKEABLE = re.compile(r"[A-Za-z0-9_+,.][A-Za-z0-9_+,./-]*\.c")


@dataclass
class Verdict:
    path: str                      # relative to the kernel tree
    diff: str
    built_before: bool = False
    built_after: bool = False
    new_warnings: list[str] = field(default_factory=list)
    checkpatch: list[str] = field(default_factory=list)   # ERROR/WARNING/CHECK lines it adds
    checkpatch_kept: int = 0       # complaints about touched lines the original had too
    skipped: str = ""              # why it was not built (then it does not pass)

    @property
    def checkpatch_errors(self) -> int:
        return sum(1 for line in self.checkpatch if ":ERROR:" in line or " ERROR:" in line)

    @property
    def passed(self) -> bool:
        """Builds after when it built before, no new warning, no checkpatch error."""
        return (self.built_after or not self.built_before) and not self.new_warnings \
            and not self.checkpatch_errors and not self.skipped


def _messages(log: str, rel: str) -> list[str]:
    """The compiler's warnings and errors for ``rel``, without line and column."""
    pat = re.compile(rf"^(?:\./)?{re.escape(rel)}:\d+:(?:\d+:)? (warning|error): (.*)$", re.M)
    return sorted(f"{kind}: {msg}" for kind, msg in pat.findall(log))


def _build(tree: str, rels: list[str], jobs: int, make_args: list[str]) -> dict[str, tuple[bool, list[str]]]:
    """(built, messages) per file, building its object from scratch."""
    out = {}
    for i in range(0, len(rels), BATCH):
        batch = rels[i:i + BATCH]
        objs = [r[:-2] + ".o" for r in batch]
        for o in objs:
            _remove(os.path.join(tree, o))
        proc = subprocess.run(["make", "-C", tree, "-k", f"-j{jobs}", *make_args, *objs],
                              capture_output=True, text=True, errors="replace")
        log = proc.stdout + proc.stderr
        for rel, obj in zip(batch, objs):
            out[rel] = (os.path.exists(os.path.join(tree, obj)), _messages(log, rel))
            _remove(os.path.join(tree, obj))
    for rel, (built, _) in list(out.items()):
        if not built:  # parallel builds in one directory can race: once more, alone
            obj = rel[:-2] + ".o"
            proc = subprocess.run(["make", "-C", tree, *make_args, obj],
                                  capture_output=True, text=True, errors="replace")
            out[rel] = (os.path.exists(os.path.join(tree, obj)), _messages(proc.stdout + proc.stderr, rel))
            _remove(os.path.join(tree, obj))
    return out


def _remove(path: str) -> None:
    if os.path.exists(path):
        os.unlink(path)


# checkpatch on code alone: a bare diff has no commit message to judge
CODE_ONLY = ("--no-signoff", "--ignore", "COMMIT_MESSAGE")


def _checkpatch_added(tree: str, res: FileResult) -> tuple[list[str], int]:
    """checkpatch's complaints about the patch that the same lines, put back, do not
    already earn (a touched `if(` or `(pdev,0)` was the original's style): (new, kept)."""
    return complaints_added(tree, unified_diff(res), res, *CODE_ONLY)


def complaints_added(tree: str, patch: str, res: FileResult, *options: str) -> tuple[list[str], int]:
    """checkpatch's complaints about ``patch`` (a diff, or a mail, checked with
    ``options``) of ``res``'s change, less those its reverse, checked as code only, also
    earns: (new, kept)."""
    back = unified_diff(FileResult(res.path, res.converted, res.original))
    before = collections.Counter(what(line) for line in checkpatch(tree, back, *CODE_ONLY))
    new, kept = [], 0
    for line in checkpatch(tree, patch, *options):
        if before[what(line)]:
            before[what(line)] -= 1
            kept += 1
        else:
            new.append(line)
    return new, kept


def what(line: str) -> str:
    """A checkpatch line without its position: `-:10: ERROR:SPACING: ...` -> `ERROR:SPACING: ...`."""
    return re.sub(r"^[^:]*:\d+: ", "", line)


def checkpatch(tree: str, text: str, *options: str) -> list[str]:
    """The ERROR/WARNING/CHECK lines the tree's checkpatch.pl prints for ``text``."""
    proc = subprocess.run(
        ["perl", os.path.join(tree, "scripts", "checkpatch.pl"), "--terse", "--no-summary",
         "--show-types", *options, "-"],
        input=text, capture_output=True, text=True, errors="replace", cwd=tree)
    return [line for line in proc.stdout.splitlines() if re.search(r"\b(ERROR|WARNING|CHECK):", line)]


def verify(tree: str, paths: list[str], jobs: int, make_args: list[str],
           policy: str = "prefix") -> list[Verdict]:
    """Analyse the .c files under ``paths`` (inside ``tree``) and check each changed one."""
    tree = os.path.abspath(tree)
    results: list[tuple[str, FileResult]] = []
    skipped: list[Verdict] = []
    for f in find_c_files(paths)[0]:
        rel = os.path.relpath(os.path.abspath(f.real), tree)
        res = analyse_path(f.real, rel, Settings(policy))
        if not res.changed:
            continue
        if rel.startswith("../") or not _MAKEABLE.fullmatch(rel):
            why = "outside the kernel tree" if rel.startswith("../") else "a name make cannot build"
            skipped.append(Verdict(rel, unified_diff(res), skipped=why))
        else:
            results.append((rel, res))
    verdicts = {rel: Verdict(rel, unified_diff(res)) for rel, res in results}
    originals = dict(results)
    rels = [rel for rel, _ in results]
    before = _build(tree, rels, jobs, make_args)
    try:
        for rel, res in results:
            with open(os.path.join(tree, rel), "wb") as fh:
                fh.write(res.converted)
        after = _build(tree, rels, jobs, make_args)
    finally:
        for rel, res in results:
            with open(os.path.join(tree, rel), "wb") as fh:
                fh.write(res.original)
    for rel, v in verdicts.items():
        v.built_before, old = before[rel]
        v.built_after, new = after[rel]
        v.new_warnings = [m for m in new if m not in old]
        v.checkpatch, v.checkpatch_kept = _checkpatch_added(tree, originals[v.path])
    return list(verdicts.values()) + skipped


def summary(verdicts: list[Verdict]) -> str:
    built = [v for v in verdicts if v.built_before]
    return (f"{len(verdicts)} files changed; {len(built)} built before, "
            f"{sum(v.built_after for v in built)} of those after; "
            f"{sum(1 for v in verdicts if v.new_warnings)} with new compiler messages; "
            f"checkpatch: {sum(v.checkpatch_errors for v in verdicts)} errors, "
            f"{sum(len(v.checkpatch) - v.checkpatch_errors for v in verdicts)} warnings/checks "
            f"added ({sum(v.checkpatch_kept for v in verdicts)} more on touched lines that had them); "
            f"{sum(v.passed for v in verdicts)} pass")
