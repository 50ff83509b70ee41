"""Output formats: unified diff, JSON report (contract in DESIGN.md), report lines."""

from __future__ import annotations

import difflib
import itertools
import json
import re

from .cfg import key
from .pipeline import FileResult
from .source import enclosing_function, function_name

JSON_VERSION = 1


def unified_diff(result: FileResult) -> str:
    if not result.changed:
        return ""
    path = result.path.lstrip("/")
    old, new = _lines(result.original), _lines(result.converted)
    out = [f"--- {diff_name('a/' + path)}\n", f"+++ {diff_name('b/' + path)}\n"]
    for line in itertools.islice(difflib.unified_diff(old, new), 2, None):  # after ---/+++
        if not line.endswith("\n"):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def _lines(data: bytes) -> list[str]:
    """Lines as patch reads them: ended by \\n only (str.splitlines also splits at \\r,
    form feeds and other separators, which put hunks on the wrong lines)."""
    *ended, last = data.decode("utf-8", "surrogateescape").split("\n")
    return [line + "\n" for line in ended] + ([last] if last else [])


_ESCAPES = {ord("\""): '\\"', ord("\\"): "\\\\", ord("\t"): "\\t", ord("\n"): "\\n"}


def diff_name(name: str) -> str:
    """A file name for a ---/+++ line as git writes it, so that patch and git apply
    read it back whole: C-quoted when it holds a quote, a backslash, a control or
    non-ASCII byte; followed by a tab when it holds a space (else the name ends there)."""
    raw = name.encode("utf-8", "surrogateescape")
    if any(b < 0x20 or b >= 0x7F or b in b'"\\' for b in raw):
        return '"' + "".join(_ESCAPES.get(b) or (chr(b) if 0x20 <= b < 0x7F else f"\\{b:03o}")
                             for b in raw) + '"'
    return name + "\t" if " " in name else name


def _driver_json(plan) -> dict:
    d = plan.driver
    return {
        "bus": d.bus.name, "struct": d.struct, "probe": d.probe, "remove": d.remove,
        "conversions": [
            {"function": a.function, "line": a.line,
             "from": a.api.action if plan.as_action(a) else a.api.name,
             "to": plan.managed_name(a), "target": a.target,
             "class": a.api.cls,
             "notes": plan.notes.get(key(a.call), [])}
            for a in plan.conversions
        ],
        "removed_releases": [
            {"function": r.function, "line": r.line, "call": r.name, "arg": r.arg}
            for r in plan.removed
        ],
        "refusals": [
            {"function": r.function, "line": r.line, "api": r.api, "target": r.target,
             "rule": r.rule, "message": r.message}
            for r in plan.refusals
        ],
        "collapses": [
            {"function": enclosing_name(plan, c.call), "line": plan.model.src.line_of(c.call.start_byte),
             "to": c.name, "from": c.sources}
            for c in plan.collapses
        ],
        "findings": [
            {"kind": f.kind, "function": f.function, "line": f.line, "call": f.call,
             "target": f.target, "message": f.message, "path": list(f.trail)}
            for f in plan.findings
        ],
    }


def enclosing_name(plan, node) -> str:
    fn = enclosing_function(node)
    return function_name(fn, plan.model.src) if fn is not None else ""


def file_entry(result: FileResult) -> dict:
    """One file of the JSON report."""
    return {"path": result.path, "drivers": [_driver_json(p) for p in result.plans],
            "errors": [problem_json(e) for e in result.errors]}


def problem_json(problem) -> dict:
    return {"message": problem.message, "kind": problem.kind}


def json_report(files: list[dict], changed: int) -> str:
    """The whole JSON report from the files' entries and how many of them changed."""
    drivers = [d for f in files for d in f["drivers"]]
    summary = {
        "files_scanned": len(files),
        "files_changed": changed,
        "conversions": sum(len(d["conversions"]) for d in drivers),
        "refusals": sum(len(d["refusals"]) for d in drivers),
        "findings": sum(len(d["findings"]) for d in drivers),
        "errors": sum(len(f["errors"]) for f in files),
    }
    return json.dumps({"version": JSON_VERSION, "files": files, "summary": summary}, indent=2) + "\n"


def finding_line(at: "Positions", f) -> str:
    """A finding as a report line: `file:line:col-col: WARNING: message [kind]`."""
    return f"{at(f.line, f.column)}: WARNING: {f.message} [{f.kind}]"


class Positions:
    """`path:line:start-end` as Coccinelle's report mode prints a position: columns are
    bytes counted from 0 (as spatch counts them, a UTF-8 comment before a call
    included), the end after the word there (the called function's name, or the
    `return` a leak is reported at), so that scripts that read coccicheck read devmify."""

    def __init__(self, result: FileResult) -> None:
        self.path = result.path
        self.lines = result.original.split(b"\n")

    def __call__(self, line: int, column: int) -> str:
        """``column``: 1-based, in bytes (tree-sitter's, plus one)."""
        start = column - 1
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else b""
        word = re.match(rb"[A-Za-z_]\w*", text[start:])
        return f"{self.path}:{line}:{start}-{start + (len(word.group()) if word else 1)}"


def report_lines(result: FileResult) -> list[str]:
    """Coccinelle report-mode lines, `file:line:col-col: LEVEL: message`, in line order:
    WARNING for what devmify converts or drops and for findings, NOTE for what a reviewer
    should know of a conversion, INFO for what stays unmanaged and why."""
    at = Positions(result)
    rows = []
    for e in result.errors:
        rows.append((0, f"{result.path}:1:0-1: ERROR: {e}"))
    for p in result.plans:
        for a in p.conversions:
            pos = at(a.line, a.call.start_point[1] + 1)
            if a.api.via:
                advice = f"{a.api.name}() on {a.target} becomes managed through {a.api.managed}()"
            elif p.as_action(a):
                advice = (f"{a.api.action}({a.target}) moves into a devm_add_action_or_reset() action "
                          f"after {a.api.name}()")
            else:
                advice = f"use {p.managed_name(a)}() instead of {a.api.name}() for {a.target}"
            rows.append((a.line, f"{pos}: WARNING: {advice}"))
            for note in p.notes.get(key(a.call), []):
                rows.append((a.line, f"{pos}: NOTE: {note}"))
        converting = {key(a.call) for a in p.conversions}
        for c in p.collapses:
            if key(c.call) not in converting:  # calls managed already, tidied into one
                line = p.model.src.line_of(c.call.start_byte)
                rows.append((line, f"{at(line, c.call.start_point[1] + 1)}: WARNING: use "
                                   f"{c.name}() instead of {' + '.join(n + '()' for n in c.sources)}"))
        for r in p.removed:
            rows.append((r.line, f"{at(r.line, r.call.start_point[1] + 1)}: WARNING: {r.name}({r.arg}) "
                                 f"becomes redundant with devres"))
        for f in p.findings:
            rows.append((f.line, finding_line(at, f)))
        for r in p.refusals:
            rows.append((r.line, f"{at(r.line, r.column)}: INFO: {r.api}() for {r.target or '?'} "
                                 f"left unmanaged [{r.rule}]: {r.message}"))
    return [text for _, text in sorted(rows, key=lambda x: x[0])]
