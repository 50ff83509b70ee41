"""Whole-tree self-check: run devmify over a kernel tree and prove its output.

For every file devmify changes: the patch applies with `patch -p1 --dry-run` from the
tree root, the result parses with no more error nodes than the original, and a second
run over the result changes nothing.  Prints the counts the README quotes.

    python -m devmify.treecheck [--tree DIR] [SUBDIR ...]   (default: drivers)
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time

from . import catalogue
from .config import Config
from .kernel_tree import kernel_tree
from .output import unified_diff
from .pipeline import analyse_bytes, analyse_path, error_count
from .scan import Job, Scan, jobs_for


def _row(path: str, errors: list) -> dict:
    return {"path": path, "errors": [f"{e.kind}: {e}" for e in errors], "changed": False, "conversions": [], "classes": [],
            "refusals": [], "refused_classes": [], "collapses": [], "kinds": [], "findings": [],
            "diff": "", "problems": []}


def _check_one(job: Job) -> dict:
    res = analyse_path(job.real, job.display)
    display = job.display
    row = {
        **_row(display, res.errors), "changed": res.changed,
        "conversions": [a.api.name for p in res.plans for a in p.conversions],
        "classes": [a.api.cls for p in res.plans for a in p.conversions],
        "refusals": [r.rule for p in res.plans for r in p.refusals],
        "refused_classes": [_class_of(r.api, p) for p in res.plans for r in p.refusals],
        "collapses": [c.name for p in res.plans for c in p.collapses],
        "kinds": [kind(p, a) for p in res.plans for a in p.conversions],
        "findings": [f.kind for p in res.plans for f in p.findings],
    }
    if res.changed:
        row["diff"] = unified_diff(res)
        if error_count(res.converted) > error_count(res.original):
            row["problems"].append("more parse errors after the patch")
        if analyse_bytes(display, res.converted).changed:
            row["problems"].append("a second run changes the result again")
    return row


def kind(plan, acq) -> str:
    """How a conversion manages its resource, for the README's counts."""
    if plan.collapse_of(acq) is not None:
        return "collapse"
    if plan.as_action(acq):
        return "release action"
    if acq.api.void:
        return "gains a status check"
    if acq.api.via:
        return "managed through another"
    if acq.api.cls == "registration" and any(w in acq.api.name for w in ("register", "add", "populate")):
        return "registration helper"
    return "managed twin"


def _class_of(api: str, plan) -> str:
    found = catalogue.lookup(api) or next((a for a in plan.model.driver_pairs if a.name == api), None)
    return found.cls if found else "no managed form"


def check_tree(tree: str, subdirs: list[str], jobs: int, keep_patch: str | None = None) -> dict:
    cwd = os.getcwd()
    os.chdir(tree)
    try:
        work, bad_paths = jobs_for(subdirs, Config(), "json", False)
        if bad_paths:
            raise SystemExit("; ".join(f"{b.path}: {b.problem}" for b in bad_paths))
        start = time.monotonic()
        rows = [r if isinstance(r, dict) else _row(r.path, r.errors)  # a worker died on it
                for r in Scan(work, jobs, work=_check_one)]
        elapsed = time.monotonic() - start
        patch = "".join(r["diff"] for r in rows)
        with tempfile.NamedTemporaryFile("w", suffix=".patch", delete=False,
                                         encoding="utf-8", errors="surrogateescape") as fh:
            fh.write(patch)
        proc = subprocess.run(["patch", "-p1", "--dry-run", "-s", "-i", fh.name],
                              capture_output=True, text=True)
        if keep_patch:
            os.replace(fh.name, os.path.join(cwd, keep_patch))
        else:
            os.unlink(fh.name)
    finally:
        os.chdir(cwd)
    return {
        "files_scanned": len(rows),
        "files_changed": sum(r["changed"] for r in rows),
        "conversions": collections.Counter(c for r in rows for c in r["conversions"]),
        "refusals": collections.Counter(c for r in rows for c in r["refusals"]),
        "classes": collections.Counter(c for r in rows for c in r["classes"]),
        "refused_classes": collections.Counter(c for r in rows for c in r["refused_classes"]),
        "collapses": collections.Counter(c for r in rows for c in r["collapses"]),
        "kinds": collections.Counter(c for r in rows for c in r["kinds"]),
        "findings": collections.Counter(c for r in rows for c in r["findings"]),
        "errors": [(r["path"], r["errors"]) for r in rows if r["errors"]],
        "problems": [(r["path"], p) for r in rows for p in r["problems"]],
        "patch_applies": proc.returncode == 0,
        "patch_output": (proc.stdout + proc.stderr)[-2000:],
        "seconds": elapsed,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m devmify.treecheck", description=__doc__.splitlines()[0])
    ap.add_argument("subdirs", nargs="*", default=["drivers"])
    ap.add_argument("--tree", help="kernel tree (default: $DEVMIFY_KERNEL_TREE or the cached linux-source-6.1)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--patch", metavar="FILE", help="keep the whole patch in FILE for review")
    args = ap.parse_args(argv)
    tree = args.tree or kernel_tree()
    s = check_tree(tree, args.subdirs, args.jobs, args.patch)
    print(f"tree: {tree}  subdirs: {' '.join(args.subdirs)}  jobs: {args.jobs}")
    print(f"files scanned: {s['files_scanned']}  changed: {s['files_changed']}  "
          f"in {s['seconds']:.1f} s")
    print(f"conversions: {sum(s['conversions'].values())}  " +
          ", ".join(f"{k} {v}" for k, v in s["conversions"].most_common()))
    print("by kind: " + ", ".join(f"{k} {v}" for k, v in s["kinds"].most_common()))
    print("by class: " + ", ".join(
        f"{k} {v} converted / {s['refused_classes'][k]} refused" for k, v in s["classes"].most_common()))
    print(f"collapses: {sum(s['collapses'].values())}  " +
          ", ".join(f"{k} {v}" for k, v in s["collapses"].most_common()))
    print(f"refusals: {sum(s['refusals'].values())}  " +
          ", ".join(f"{k} {v}" for k, v in sorted(s["refusals"].items())))
    print("findings: " + (", ".join(f"{k} {v}" for k, v in s["findings"].most_common()) or "none"))
    print("refusals by class: " + ", ".join(f"{k} {v}" for k, v in s["refused_classes"].most_common()))
    print(f"file errors: {len(s['errors'])}")
    for path, errs in s["errors"][:20]:
        print(f"  {path}: {'; '.join(errs)}")
    print(f"patch -p1 --dry-run: {'applies' if s['patch_applies'] else 'FAILS'}")
    if not s["patch_applies"]:
        print(s["patch_output"])
    print(f"problems (re-parse, idempotence): {len(s['problems'])}")
    for path, p in s["problems"][:20]:
        print(f"  {path}: {p}")
    return 0 if s["patch_applies"] and not s["problems"] else 1


if __name__ == "__main__":
    sys.exit(main())
