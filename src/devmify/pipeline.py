"""One file through the pipeline: source -> drivers -> plan -> rewrite -> checked result."""

from __future__ import annotations

import collections
from dataclasses import dataclass, field

from . import catalogue, findings
from .cfg import key
from .config import Settings
from .drivers import find_drivers
from .inputs import ReadFailed, read
from .plan import DriverPlan, plan_driver
from .resources import DriverModel
from .rewrite import CleanupFailed, Rewriter, apply
from .rules import rewrite_check
from .macros import normalise
from .problems import NOT_C, Problem
from .source import SourceFile, parse_bytes

# Words at least one of which a file must contain to be worth parsing.
_PREFILTER = tuple(n.encode() for n in catalogue.apis())


@dataclass
class FileResult:
    path: str
    original: bytes = b""
    converted: bytes = b""
    plans: list[DriverPlan] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    cleanups: list[str] = field(default_factory=list)  # what the rewrite tidied, as changelog lines

    @property
    def changed(self) -> bool:
        return not self.errors and self.converted != self.original


def error_count(data: bytes) -> int:
    return error_nodes(parse_bytes(normalise(data)).root_node)


def error_nodes(root) -> int:
    """ERROR and MISSING nodes in a parse tree (only subtrees with errors are walked)."""
    if not root.has_error:
        return 0
    count, stack = 0, [root]
    while stack:
        n = stack.pop()
        if n.type == "ERROR" or n.is_missing:
            count += 1
        elif n.has_error:
            stack.extend(n.children)
    return count


def analyse_bytes(path: str, raw: bytes, settings: Settings = Settings(),
                  fs_path: str | None = None) -> FileResult:
    """``settings.kinds``: the finding kinds reported; the verified-output check (DV015)
    compares every kind, so the others are dropped only from the result."""
    result = _analysed(path, raw, settings, fs_path)
    for p in result.plans:
        p.findings = [f for f in p.findings if f.kind in settings.kinds]
    return result


def _analysed(path: str, raw: bytes, settings: Settings, fs_path: str | None) -> FileResult:
    result = FileResult(path, raw, raw)
    if b"\0" in raw:
        result.errors.append(Problem(NOT_C.name, "binary file (contains NUL bytes)"))
        return result
    if b"_driver" not in raw or not any(w in raw for w in _PREFILTER):
        return result
    src = SourceFile.from_bytes(path, raw, fs_path)
    drivers = find_drivers(src)
    result.plans = [
        plan_driver(src, d, settings, frozenset(
            f for o in drivers if o is not d for f in (o.probe, o.remove) if f))
        for d in drivers
    ]
    if not any(p.conversions or p.collapses for p in result.plans):
        return result
    try:
        rewriter = Rewriter(src, result.plans)
        new = apply(raw, rewriter.edits())
        if error_count(new) > error_nodes(src.root):
            raise CleanupFailed("the rewritten file parses with more errors than the original")
        added, fixed = _compare_findings(result.plans, path, new, fs_path)
        if added:
            raise CleanupFailed(f"verified output: in the converted driver, {added[0].message} "
                                f"({added[0].call}() at line {added[0].line} of the result)")
    except CleanupFailed as exc:
        for p in result.plans:
            p.refuse_all(rewrite_check.CODE, str(exc))
        return result
    _note_fixed(result.plans, fixed, settings.kinds)
    result.converted, result.cleanups = new, rewriter.made()
    return result


def _compare_findings(plans, path: str, new: bytes, fs_path: str | None) -> tuple[list, list]:
    """(findings the converted file has that the original did not: verified output,
    findings of the original the converted file no longer has: what the patch fixes)."""
    src = SourceFile.from_bytes(path, new, fs_path)
    had_remove = {p.driver.probe: p.model.has_remove for p in plans}
    # where the original's paths were too many to walk, a path finding in the result
    # may be one the original has too: only managed-release compares (and where no
    # driver's paths were walked, the result's are not walked either: nothing reads them)
    unknown = any(p.model.walk_incomplete for p in plans)
    walk = not all(p.model.walk_incomplete for p in plans)
    found = [f for d in find_drivers(src) for m in [DriverModel(src, d)]
             for f in findings.find(m, m.driver_releases(), had_remove.get(d.probe), walk)]
    after = collections.Counter(f.key for f in found)
    before = collections.Counter(f.key for p in plans for f in p.findings)
    added = [f for f in found if after[f.key] > before[f.key]
             and not (unknown and f.kind != findings.MANAGED_RELEASE.name)]
    fixed = [f for p in plans for f in p.findings if before[f.key] > after[f.key]]
    return added, fixed


def _note_fixed(plans, fixed, kinds: frozenset[str]) -> None:
    """A finding the patch makes disappear is noted on the conversion of what it was
    about (the same call and target), else on the driver's first conversion; only
    findings of the ``kinds`` reported."""
    for f in (f for f in fixed if f.kind in kinds):
        for p in plans:
            if f not in p.findings or not p.conversions:
                continue
            acq = next((a for a in p.conversions if a.api.name == f.call and a.target == f.target),
                       p.conversions[0])
            note = f"this patch also fixes a bug: {f.message} (line {f.line}) [{f.kind}]"
            p.notes.setdefault(key(acq.call), []).append(note)


def analyse_path(path: str, display: str, settings: Settings = Settings()) -> FileResult:
    try:
        raw = read(path)
    except ReadFailed as exc:
        return FileResult(display, errors=[exc.problem])
    return analyse_bytes(display, raw, settings, path)
