"""--format sarif: the log validates against the official SARIF 2.1.0 schema, says what
the JSON report says (each refusal a note, each finding a warning), and each changed
file's fix, applied to the original bytes, gives exactly the converted bytes.

The schema is the one Microsoft's SARIF SDK ships, in the npm package
@microsoft/jest-sarif; the test downloads that package's tarball from the npm registry
itself (no npm needed), checks it against the registry's integrity hash, and keeps it
in ~/.cache/devmify/.  Skipped, saying why, only when it cannot be downloaded.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import signal
import tarfile
import urllib.request
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from devmify import cli, findings, scan
from devmify.problems import INTERNAL, MISSING, NOT_C
from devmify.rules import by_code, explain

HERE = Path(__file__).parent
EXAMPLES = HERE.parent / "examples" / "drivers"
CASES = HERE / "cases"
# refusals and findings, unchanged; a conversion, a collapse and a finding with a path;
# devm actions beside refusals; a call that keeps its name; a regulator action
PICKED = ["findings/leak_two_sources_one_exit", "findings/leak_clk_enable_on_error",
          "actions/dv019_supply_off_before_clock_by_hand", "passive/pci_enable_regions_iomap",
          "actions/regulator_enable"]

TARBALL = "https://registry.npmjs.org/@microsoft/jest-sarif/-/jest-sarif-1.0.0-beta.0.tgz"
INTEGRITY = "sha512-A1fOhPd6Ic5iDk4F9YPw1qNB4XF+7+IviR7xl8r2F6QzQkx5cpY9LsGk2rExiFIEcBbjpVnSmwWGBukASkiQ9A=="
SCHEMA = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
CACHED = Path.home() / ".cache" / "devmify" / "jest-sarif-1.0.0-beta.0.tgz"


def _integrity(data: bytes) -> str:
    """As npm writes it in a package's dist.integrity."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def _tarball() -> bytes:
    """The package, from the cache when it holds the right bytes, else downloaded."""
    if CACHED.is_file() and _integrity(CACHED.read_bytes()) == INTEGRITY:
        return CACHED.read_bytes()
    try:
        with urllib.request.urlopen(TARBALL, timeout=60) as response:
            data = response.read()
    except OSError as exc:  # URLError, a timeout, a refused connection
        pytest.skip(f"the SARIF 2.1.0 schema cannot be downloaded from {TARBALL}: {exc}")
    assert _integrity(data) == INTEGRITY, f"{TARBALL} does not have the registry's integrity hash"
    CACHED.parent.mkdir(parents=True, exist_ok=True)
    partial = CACHED.with_name(f"{CACHED.name}.{os.getpid()}.tmp")
    partial.write_bytes(data)
    os.replace(partial, CACHED)
    return data


@pytest.fixture(scope="module")
def validator():
    with tarfile.open(fileobj=io.BytesIO(_tarball()), mode="r:gz") as tar:
        schema = json.load(tar.extractfile(SCHEMA))
    cls = jsonschema.validators.validator_for(schema)
    assert cls is jsonschema.Draft4Validator
    cls.check_schema(schema)
    # every format jsonschema knows, not only draft-04's: artifactLocation.uri is a
    # uri-reference; without rfc3986-validator installed both would pass unchecked
    checker = jsonschema.FormatChecker()
    assert {"uri", "uri-reference"} <= set(checker.checkers)
    return cls(schema, format_checker=checker)


def run(args, capsys):
    code = cli.main(args)
    return code, capsys.readouterr().out


def sarif(capsys, *paths: str) -> tuple[int, dict]:
    code, out = run(["--format", "sarif", "-j", "1", *paths], capsys)
    return code, json.loads(out)


@pytest.fixture
def examples(tmp_path, monkeypatch):
    """The current directory, holding the bundled examples as drivers/."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(EXAMPLES, tmp_path / "drivers")
    return tmp_path


@pytest.fixture
def cases(tmp_path, monkeypatch):
    """The current directory, holding the picked golden cases as drivers/<topic>/<name>.c,
    and a changed driver with CRLF line ends, a UTF-8 comment before the first call it
    converts and a Latin-1 comment on a line the patch replaces, under a name with a space."""
    monkeypatch.chdir(tmp_path)
    for case in PICKED:
        dst = tmp_path / "drivers" / f"{case}.c"
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CASES / f"{case}.c", dst)
    blinky = (EXAMPLES / "misc" / "blinky.c").read_bytes()
    odd = (blinky.replace(b"\tbl = kzalloc", "\t/* \u00e9 */ bl = kzalloc".encode())
           .replace(b"GFP_KERNEL);\n\tif (!bl->pattern)",
                    b"GFP_KERNEL); /* J\xf6rg */\n\tif (!bl->pattern)")
           .replace(b"\n", b"\r\n"))
    assert odd.count(b"\xf6") == 1 and odd.count("\u00e9".encode()) == 1
    (tmp_path / "drivers" / "odd").mkdir()
    (tmp_path / "drivers" / "odd" / "crlf latin1.c").write_bytes(odd)
    return tmp_path


@pytest.fixture
def broken(tmp_path, monkeypatch):
    """The current directory, holding a driver and a binary file named .c."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bin.c").write_bytes(b"\0\1\2")
    shutil.copy(EXAMPLES / "misc" / "blinky.c", tmp_path / "blinky.c")
    return tmp_path


def _results(log: dict) -> list[dict]:
    return log["runs"][0]["results"]


def _where(result: dict) -> tuple[str, int]:
    loc = result["locations"][0]["physicalLocation"]
    return loc["artifactLocation"]["uri"], loc["region"]["startLine"]


def _uri(notification: dict) -> str:
    return notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]


@pytest.mark.parametrize("tree", ["examples", "cases", "broken"])
def test_the_log_is_valid_sarif_2_1_0(validator, tree, request, capsys):
    """The bundled examples, golden cases with refusals, findings, conversions, an odd
    file name and bytes, and a run with problems (an absolute path, a missing one)."""
    cwd = request.getfixturevalue(tree)
    paths = [str(cwd / "missing.c"), str(cwd)] if tree == "broken" else ["drivers"]
    _, out = run(["--format", "sarif", "-j", "1", *paths], capsys)
    errors = list(validator.iter_errors(json.loads(out)))
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]]


def test_the_examples(examples, capsys):
    code, log = sarif(capsys, "drivers")
    assert code == 0 and log["version"] == "2.1.0"
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] and invocation["exitCode"] == 0
    fixed = {_where(r)[0] for r in _results(log) if r["ruleId"] == "devm-conversion"}
    assert "drivers/misc/blinky.c" in fixed


def test_the_log_says_what_the_json_report_says(cases, capsys):
    _, log = sarif(capsys, "drivers")
    report = json.loads(run(["--format", "json", "-j", "1", "drivers"], capsys)[1])
    uri = {f["path"]: f["path"].replace(" ", "%20") for f in report["files"]}
    assert "drivers/odd/crlf%20latin1.c" in uri.values()
    want = Counter()
    for f in report["files"]:
        for d in f["drivers"]:
            want.update((r["rule"], "note", uri[f["path"]], r["line"]) for r in d["refusals"])
            want.update((x["kind"], "warning", uri[f["path"]], x["line"]) for x in d["findings"])
    got = Counter((r["ruleId"], r["level"], *_where(r)) for r in _results(log)
                  if r["ruleId"] != "devm-conversion")
    assert got == want and any(level == "warning" for _, level, _, _ in want)
    assert any(rule.startswith("DV") for rule, _, _, _ in want)
    conversions = [r for r in _results(log) if r["ruleId"] == "devm-conversion"]
    assert len(conversions) == report["summary"]["files_changed"] == 5
    assert all(r["level"] == "note" and len(r["fixes"]) == 1 for r in conversions)


def test_a_fix_applied_to_the_original_gives_the_converted_bytes(cases, capsys):
    _, log = sarif(capsys, "drivers")
    fixes = {_where(r)[0]: r["fixes"][0] for r in _results(log) if "fixes" in r}
    case = "findings/leak_clk_enable_on_error"
    original = (CASES / f"{case}.c").read_bytes()
    assert _applied(original, fixes[f"drivers/{case}.c"]) == (CASES / f"{case}.res").read_bytes()

    odd = cases / "drivers" / "odd" / "crlf latin1.c"
    original = odd.read_bytes()
    change = fixes["drivers/odd/crlf%20latin1.c"]["artifactChanges"][0]
    inserted = [r["insertedContent"] for r in change["replacements"] if "insertedContent" in r]
    assert any("binary" in c for c in inserted)
    assert any("\r\n" in c.get("text", "") for c in inserted)
    assert run(["--in-place", "-j", "1", "drivers/odd"], capsys)[0] == 0
    assert original != odd.read_bytes() == _applied(original, fixes["drivers/odd/crlf%20latin1.c"])


def _applied(original: bytes, fix: dict) -> bytes:
    """The fix applied by its byte regions, after checking that its line/column regions
    name the same bytes (SARIF says both must)."""
    (change,) = fix["artifactChanges"]
    out, at = [], 0
    for r in change["replacements"]:
        region = r["deletedRegion"]
        start, end = region["byteOffset"], region["byteOffset"] + region["byteLength"]
        assert (_offset(original, region["startLine"], region["startColumn"]),
                _offset(original, region["endLine"], region["endColumn"])) == (start, end)
        assert start >= at  # in order, none overlapping
        content = r.get("insertedContent", {"text": ""})
        new = content["text"].encode() if "text" in content else base64.b64decode(content["binary"])
        out += [original[at:start], new]
        at = end
    return b"".join(out + [original[at:]])


def _offset(data: bytes, line: int, column: int) -> int:
    """The byte offset of a 1-based line and character column (a byte that is not UTF-8
    is one character)."""
    start = sum(len(x) for x in data.split(b"\n")[:line - 1]) + line - 1
    text = data[start:].decode("utf-8", "surrogateescape")
    return start + len(text[:column - 1].encode("utf-8", "surrogateescape"))


def test_columns_count_characters_and_unchanged_files_have_no_fix(cases, capsys):
    results = _results(sarif(capsys, "drivers")[1])
    (odd,) = [r for r in results if _where(r)[0] == "drivers/odd/crlf%20latin1.c"]
    region = odd["locations"][0]["physicalLocation"]["region"]
    # the call's column in characters: the é before it is one, its UTF-8 two bytes
    assert (region["startLine"], region["startColumn"]) == (23, len("\t/* \u00e9 */ bl = ") + 1)
    assert odd["message"]["text"].startswith(
        "devmify converts to managed device resources: use devm_kzalloc() instead of kzalloc() "
        "for bl (line 23); ")
    unchanged = "drivers/findings/leak_two_sources_one_exit.c"
    rules = {r["ruleId"] for r in results if _where(r)[0] == unchanged}
    assert rules == {"DV011", "error-path-leak"}
    assert all("fixes" not in r for r in results if _where(r)[0] == unchanged)


def test_every_rule_a_result_names_is_described(cases, capsys):
    run_ = sarif(capsys, "drivers")[1]["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert len({r["id"] for r in rules}) == len(rules)
    assert {r["ruleId"] for r in run_["results"]} == {r["id"] for r in rules}
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    assert all(r["fullDescription"]["text"] and r["shortDescription"]["text"] for r in rules)
    helps = {r["id"]: r["help"]["text"] for r in rules}
    assert helps.pop("devm-conversion").startswith("devm-conversion: ")
    assert any(rule_id in findings.KINDS for rule_id in helps)
    for rule_id, text in helps.items():  # `devmify explain`'s long form
        assert text == (findings.KINDS[rule_id].explain() if rule_id in findings.KINDS else
                        explain(by_code(rule_id)))


def test_the_log_is_the_same_whatever_the_number_of_workers(cases, capsys):
    one = run(["--format", "sarif", "-j", "1", "drivers"], capsys)
    assert one[1] and one == run(["--format", "sarif", "-j", "2", "drivers"], capsys)


def test_problems_are_error_notifications_and_the_run_is_not_successful(broken, capsys):
    code, log = sarif(capsys, str(broken / "missing.c"), str(broken))
    invocation = log["runs"][0]["invocations"][0]
    assert code == NOT_C.status and invocation["exitCode"] == code
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(n["level"], n["descriptor"]["id"], _uri(n)) for n in notes] == [
        ("error", MISSING.name, f"file://{broken}/missing.c"),
        ("error", NOT_C.name, f"file://{broken}/bin.c")]
    kinds = log["runs"][0]["tool"]["driver"]["notifications"]
    assert all(kinds[n["descriptor"]["index"]]["id"] == n["descriptor"]["id"] for n in notes)
    assert [r["ruleId"] for r in _results(log)] == ["devm-conversion"]  # the run went on


def test_a_file_devmify_fails_on_is_a_notification_and_the_run_goes_on(examples, capsys,
                                                                         monkeypatch):
    """Unlike the JSON report, which leaves such a file out."""
    analyse = scan.analyse_path

    def broken(path, *args):
        if path.endswith("blinky.c"):
            raise RecursionError("maximum recursion depth exceeded")
        return analyse(path, *args)

    monkeypatch.setattr(scan, "analyse_path", broken)
    code, log = sarif(capsys, "drivers")
    invocation = log["runs"][0]["invocations"][0]
    assert code == INTERNAL.status == invocation["exitCode"]
    assert [(n["descriptor"]["id"], _uri(n)) for n in invocation["toolExecutionNotifications"]] == \
        [(INTERNAL.name, "drivers/misc/blinky.c")]
    files = {_where(r)[0] for r in _results(log)}
    assert files and "drivers/misc/blinky.c" not in files


def test_an_interrupted_run_prints_no_log(examples, capsys, monkeypatch):
    class Interrupted(scan.Scan):
        def __iter__(self):  # Ctrl-C once the first file is out
            for out in super().__iter__():
                self.interrupted = signal.SIGINT
                yield out

    monkeypatch.setattr(cli, "Scan", Interrupted)
    assert run(["--format", "sarif", "-j", "1", "drivers"], capsys) == (130, "")
