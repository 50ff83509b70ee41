"""SARIF 2.1.0 output (``--format sarif``): the run as a log that code scanning reads.

One run, one result per thing a reviewer acts on, from the same per-file JSON entries
as ``--format json``:

* a refusal, devmify leaving an acquisition alone, is a ``note`` whose rule is the
  refusal's code (``DV004``): nothing is wrong with the driver, the rule says why the
  conversion is unsafe;
* a finding, a bug in the driver as it is, is a ``warning`` whose rule is its kind
  (``error-path-leak``), with the lines the path to it took as a code flow;
* a changed file is one ``note`` (rule ``devm-conversion``) that lists its conversions
  and carries the whole patch as a single fix: a file's conversion is atomic (a
  release deleted by one hunk belongs to an acquisition another hunk converts), so its
  replacements are never offered one by one.

A file that could not be read or analysed (or, with ``--in-place``, written) is a
tool execution notification of level ``error``; ``executionSuccessful`` is true
exactly when devmify's exit status, given as ``exitCode``, is 0, that is when every
file was analysed (and written): otherwise the results are incomplete.  A file with
such an error has no fix: its bytes on disk are not the ones the fix was computed from.

The JSON entry has lines only (the contract keeps it so); the columns and the patch's
replacements come from :func:`file_extras`, run in the worker where the file's bytes
are, so that only that small data crosses processes.  Columns count characters
(``columnKind`` ``unicodeCodePoints``); a byte that is not UTF-8 counts as one.
"""

from __future__ import annotations

import base64
import difflib
import itertools
import json
import os
import re
from urllib.parse import quote

from . import __version__, findings, problems
from .output import _lines as diff_lines  # the diff's lines: the fix's hunks are the diff's
from .rules import by_code, explain

SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
          "sarif-schema-2.1.0.json")
SRCROOT = "SRCROOT"
CONVERSION = "devm-conversion"

_CONVERSION_SUMMARY = "a driver devmify converts to managed device resources"
_CONVERSION_HELP = f"""\
{CONVERSION}: {_CONVERSION_SUMMARY}

What it does
    Marks a file devmify rewrites: acquisitions that become devm_*, dmam_* or pcim_*
    calls (or whose release moves into a devm_add_action_or_reset() action), the
    releases that become redundant and the error-path code that becomes dead.  The
    result's one fix is the file's whole patch.

Why it matters
    devres releases what probe acquired when probe fails or the driver unbinds, last
    acquired first: no unwind ladder to get wrong, no leak on an error path, a shorter
    remove().  Every conversion devmify could not prove safe is left alone and reported
    with its rule code instead.

Example
    priv = kzalloc(sizeof(*priv), GFP_KERNEL);
    becomes
    priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
    and the kfree(priv) calls on probe's error paths and in remove() go.

Instead
    Apply the fix whole (or run devmify PATH | patch -p1, or devmify --in-place PATH);
    `devmify verify` builds each patch with the kernel's make and checkpatches it.
"""


# In the worker ------------------------------------------------------------------------


def file_extras(res) -> dict:
    """What the log needs of a file (a :class:`~devmify.pipeline.FileResult`) beyond its
    JSON entry: per driver, the column of every item the entry lists (the same lists in
    the same order), and the patch as replacements (none when the file is unchanged)."""
    column = _columns(res.original)

    def at(node) -> int:
        row, byte = node.start_point
        return column(row + 1, byte + 1)
    return {
        "columns": [{"conversions": [at(a.call) for a in p.conversions],
                     "removed_releases": [at(r.call) for r in p.removed],
                     "refusals": [column(r.line, r.column) for r in p.refusals],
                     "collapses": [at(c.call) for c in p.collapses],
                     "findings": [column(f.line, f.column) for f in p.findings]}
                    for p in res.plans],
        "replacements": replacements(res.original, res.converted) if res.changed else [],
    }


def _columns(data: bytes):
    """line, byte column -> character column (SARIF counts characters, not bytes)."""
    starts = [0, *(m.end() for m in re.finditer(b"\n", data))]

    def column(line: int, byte_column: int) -> int:
        start = starts[line - 1]
        return len(data[start:start + byte_column - 1].decode("utf-8", "surrogateescape")) + 1
    return column


def replacements(old: bytes, new: bytes) -> list[dict]:
    """The patch from ``old`` to ``new`` as SARIF replacements, one per run of changed
    lines (the diff's hunks, without context): each deletes whole lines of ``old`` (none,
    for an insertion) and inserts whole lines of ``new``.  Every region is given both by
    line/column and by byte offset, relative to ``old``, in increasing order."""
    a, b = diff_lines(old), diff_lines(new)
    offsets = list(itertools.accumulate((len(_raw(line)) for line in a), initial=0))
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if tag == "equal":
            continue
        (start_line, start_column), (end_line, end_column) = _position(a, i1), _position(a, i2)
        change = {"deletedRegion": {
            "startLine": start_line, "startColumn": start_column,
            "endLine": end_line, "endColumn": end_column,
            "byteOffset": offsets[i1], "byteLength": offsets[i2] - offsets[i1]}}
        if j2 > j1:
            change["insertedContent"] = _content(_raw("".join(b[j1:j2])))
        out.append(change)
    return out


def _position(lines: list[str], i: int) -> tuple[int, int]:
    """Where line ``i`` (0-based) starts, as SARIF's 1-based (line, column); past the last
    line, the end of the artifact is the column after the last line's last character,
    its newline included (SARIF 2.1.0, 3.30.2)."""
    if i < len(lines) or not lines:
        return i + 1, 1
    return len(lines), len(lines[-1]) + 1


def _raw(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _content(raw: bytes) -> dict:
    """Inserted bytes as text when they are UTF-8, else as base64 (a Latin-1 comment):
    either way the bytes the converted file has."""
    try:
        return {"text": raw.decode("utf-8")}
    except UnicodeDecodeError:
        return {"binary": base64.b64encode(raw).decode("ascii")}


# In the parent ------------------------------------------------------------------------


class Log:
    """The SARIF log of a run, built file by file in the order the scan hands them out."""

    def __init__(self, bad_paths) -> None:
        """``bad_paths``: the paths given that led to no file (missing, unreadable)."""
        self.results: list[dict] = []
        self.notifications = [_notification(b.path, b.problem) for b in bad_paths]

    def add(self, out) -> None:
        """One file's :class:`~devmify.scan.FileOutput`: its problems, and, when it was
        analysed, its results (the fix only when the file is changed, and written if
        ``--in-place``)."""
        self.notifications += [_notification(out.path, p) for p in out.errors]
        if out.entry is not None:
            self.results += _file_results(out.entry, out.sarif, out.changed)

    def text(self, status: int) -> str:
        """The log, given the run's exit status."""
        rules = _indexed(r["ruleId"] for r in self.results)
        for r in self.results:
            r["ruleIndex"] = rules[r["ruleId"]]
        kinds = _indexed(n["descriptor"]["id"] for n in self.notifications)
        for n in self.notifications:
            n["descriptor"]["index"] = kinds[n["descriptor"]["id"]]
        run = {
            "tool": {"driver": {
                "name": "devmify", "version": __version__,
                "rules": [_rule(rule_id) for rule_id in rules],
                "notifications": [_problem_kind(kind) for kind in kinds]}},
            "invocations": [{"executionSuccessful": status == 0, "exitCode": status,
                             "toolExecutionNotifications": self.notifications}],
            "originalUriBaseIds": {SRCROOT: {"description": {"text": (
                "The directory devmify ran in: file paths are as given on its command line.")}}},
            "columnKind": "unicodeCodePoints",
            "results": self.results,
        }
        return json.dumps({"version": "2.1.0", "$schema": SCHEMA, "runs": [run]}, indent=2) + "\n"


def _indexed(ids) -> dict[str, int]:
    """Each distinct id and its index in the sorted list of them."""
    return {i: n for n, i in enumerate(sorted(set(ids)))}


def _file_results(entry: dict, extras: dict, changed: bool) -> list[dict]:
    """A file's results in line order: its refusals and findings, and the conversion
    with its fix when the file is changed."""
    path, results = entry["path"], []
    for driver, columns in zip(entry["drivers"], extras["columns"], strict=True):
        results += [_result(r["rule"], f"{r['api']}() for {r['target'] or '?'} left unmanaged: "
                                       f"{r['message']}", _location(path, r, column))
                    for r, column in _paired(driver, columns, "refusals")]
        results += [_finding(path, f, column) for f, column in _paired(driver, columns, "findings")]
    made, removed = _changes(path, entry["drivers"], extras["columns"])
    if changed and made:  # a changed file always has a conversion or a collapse
        results.append(_conversion(path, made, removed, extras["replacements"]))
    return sorted(results, key=lambda r: _start(r["locations"][0]))


def _paired(driver: dict, columns: dict, name: str):
    """The items of one list of a driver's entry, each with its column."""
    return zip(driver[name], columns[name], strict=True)


def _result(rule_id: str, text: str, location: dict) -> dict:
    return {"ruleId": rule_id, "level": _level(rule_id), "message": {"text": text},
            "locations": [location]}


def _level(rule_id: str) -> str:
    """A finding is a bug in the driver: a warning.  A refusal or a conversion is what
    devmify does with a driver, nothing wrong in it: a note."""
    return "warning" if rule_id in findings.KINDS else "note"


def _finding(path: str, f: dict, column: int) -> dict:
    """A finding, with the lines where the path to it branched or jumped as its code flow."""
    result = _result(f["kind"], f["message"], _location(path, f, column))
    if f["path"]:
        steps = [{"location": {"physicalLocation": {"artifactLocation": _artifact(path),
                                                    "region": {"startLine": line}}}}
                 for line in f["path"]]
        result["codeFlows"] = [{"threadFlows": [{"locations": steps}]}]
    return result


def _changes(path: str, drivers: list[dict], columns: list[dict]) -> tuple[list, list]:
    """Where a file changes, as locations with a message, in line order: what converts
    (conversions and collapses), and the releases that go."""
    made, removed = [], []
    for driver, cols in zip(drivers, columns, strict=True):
        made += [_location(path, c, column, _conversion_text(c))
                 for c, column in _paired(driver, cols, "conversions")]
        made += [_location(path, c, column, f"{' + '.join(n + '()' for n in c['from'])} become "
                                            f"{c['to']}()")
                 for c, column in _paired(driver, cols, "collapses")]
        removed += [_location(path, r, column, f"{r['call']}({r['arg']}) is deleted: devres "
                                               f"releases it")
                    for r, column in _paired(driver, cols, "removed_releases")]
    return sorted(made, key=_start), sorted(removed, key=_start)


def _conversion_text(c: dict) -> str:
    if c["to"] == "devm_add_action_or_reset":
        return f"{c['from']}({c['target']}) moves into a devm_add_action_or_reset() action"
    if c["to"] == c["from"]:
        return f"{c['from']}() for {c['target']} keeps its name and becomes managed"
    return f"use {c['to']}() instead of {c['from']}() for {c['target']}"


def _conversion(path: str, made: list[dict], removed: list[dict], replacements: list[dict]) -> dict:
    """A changed file's result: at its first conversion, listing them all; the other
    conversions and the deleted releases as related locations; the whole patch as one fix."""
    text = "; ".join(f"{c['message']['text']} (line {_start(c)[0]})" for c in made)
    first, *others = made
    result = _result(CONVERSION, f"devmify converts to managed device resources: {text}", first)
    if others or removed:
        result["relatedLocations"] = [{"id": n, **loc} for n, loc in enumerate(others + removed, 1)]
    result["fixes"] = [{
        "description": {"text": f"Convert {path} to managed device resources: the whole patch "
                                f"(its parts depend on each other)"},
        "artifactChanges": [{"artifactLocation": _artifact(path), "replacements": replacements}],
    }]
    return result


def _location(path: str, item: dict, column: int, message: str = "") -> dict:
    """Where an item of the JSON entry is: its line, ``column``, and its function."""
    region = {"startLine": item["line"], "startColumn": column}
    location: dict = {"physicalLocation": {"artifactLocation": _artifact(path), "region": region}}
    if item["function"]:
        location["logicalLocations"] = [{"name": item["function"], "kind": "function"}]
    if message:
        location["message"] = {"text": message}
    return location


def _start(location: dict) -> tuple[int, int]:
    region = location["physicalLocation"]["region"]
    return region["startLine"], region["startColumn"]


def _artifact(path: str) -> dict:
    """A path as printed, as a URI reference: percent-encoded (a space is %20, a byte
    that is not UTF-8 its own %XX), relative to where devmify ran unless absolute."""
    uri = quote(os.fsencode(path))
    if path.startswith("/"):
        return {"uri": "file://" + uri}
    return {"uri": uri, "uriBaseId": SRCROOT}


def _notification(path: str, problem) -> dict:
    return {"level": "error", "message": {"text": problem.message},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(path)}}],
            "descriptor": {"id": problem.kind}}


def _problem_kind(kind: str) -> dict:
    return {"id": kind, "shortDescription": {"text": problems.KINDS[kind].meaning},
            "defaultConfiguration": {"level": "error"}}


def _rule(rule_id: str) -> dict:
    """The reportingDescriptor of a result's rule: a refusal's rule (DV...), a finding
    kind, or the conversion; its help is the long form `devmify explain` prints."""
    if rule_id == CONVERSION:
        name, summary, long_form = CONVERSION, _CONVERSION_SUMMARY, _CONVERSION_HELP
    elif rule_id in findings.KINDS:
        kind = findings.KINDS[rule_id]
        name, summary, long_form = kind.name, kind.summary, kind.explain()
    else:
        rule = by_code(rule_id)
        name, summary, long_form = rule.NAME, rule.SUMMARY, explain(rule)
    return {"id": rule_id, "name": name, "shortDescription": {"text": summary},
            "fullDescription": {"text": _what_it_does(long_form)}, "help": {"text": long_form},
            "defaultConfiguration": {"level": _level(rule_id)}}


def _what_it_does(long_form: str) -> str:
    """The *What it does* section of a long form, as one paragraph."""
    section = re.search(r"^What it does\n(.*?)\n\n", long_form, re.M | re.S)
    return " ".join(section.group(1).split())
