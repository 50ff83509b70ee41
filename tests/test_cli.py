"""The command line end to end: formats, paths, errors, exit codes, in-place writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from devmify import problems
from devmify.cli import EXIT_OK, EXIT_USAGE, main
from golden import run







def test_diff_from_a_directory_applies_with_patch_p1(tree, capsys):
    code, out, _ = run(["drivers"], tree, capsys)
    assert code == EXIT_OK
    assert "--- a/drivers/misc/blinky.c\n+++ b/drivers/misc/blinky.c\n" in out
    proc = subprocess.run(["patch", "-p1", "--dry-run"], input=out, text=True,
                          cwd=tree, capture_output=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_json_contract_and_mixed_file_and_directory_arguments(tree, capsys):
    code, out, _ = run(["--format", "json", "drivers/usb", "drivers/misc/blinky.c"], tree, capsys)
    report = json.loads(out)
    assert code == EXIT_OK and report["version"] == 1
    assert [f["path"] for f in report["files"]] == ["drivers/usb/padport.c", "drivers/misc/blinky.c"]
    drv = report["files"][0]["drivers"][0]
    assert set(drv) >= {"bus", "struct", "probe", "remove", "conversions",
                        "removed_releases", "refusals", "collapses", "findings"}
    assert drv["conversions"][0] == {"function": "padport_probe", "line": 22, "from": "kzalloc",
                                     "to": "devm_kzalloc", "target": "pp",
                                     "class": "memory", "notes": []}
    assert drv["refusals"][0]["rule"] == "DV003" and drv["refusals"][0]["target"] == "serio"
    assert set(report["summary"]) >= {"files_scanned", "files_changed", "conversions", "refusals"}


def test_report_lines_are_kernel_style(tree, capsys):
    _, out, _ = run(["--format", "report", "drivers/usb"], tree, capsys)
    assert "drivers/usb/padport.c:23:9-16: INFO: kzalloc() for serio left unmanaged [DV003]:" in out
    assert "drivers/usb/padport.c:22:6-13: WARNING: use devm_kzalloc() instead of kzalloc() for pp" in out


def test_a_bad_file_is_an_error_entry_and_the_run_goes_on(tree, capsys):
    (tree / "drivers" / "broken.c").write_bytes(b"\x7fELF\0\0binary")
    code, out, err = run(["--format", "json", "drivers"], tree, capsys)
    report = json.loads(out)
    assert code == problems.NOT_C.status
    bad = [f for f in report["files"] if f["errors"]]
    assert [f["path"] for f in bad] == ["drivers/broken.c"]
    assert report["summary"]["conversions"] > 0
    assert "drivers/broken.c" in err


def test_a_missing_path_is_one_line_and_the_other_paths_are_still_read(tree, capsys):
    code, out, err = run(["no/such/dir", "drivers/misc"], tree, capsys)
    assert code == problems.MISSING.status
    assert err == "devmify: no/such/dir: no such file or directory\n"
    assert "+++ b/drivers/misc/blinky.c" in out


def test_in_place_rewrites_atomically_keeping_mode_and_is_idempotent(tree, capsys):
    target = tree / "drivers" / "misc" / "blinky.c"
    target.chmod(0o640)
    expected_diff = run(["drivers/misc/blinky.c"], tree, capsys)[1]
    assert run(["--in-place", "drivers"], tree, capsys)[0] == EXIT_OK
    assert oct(target.stat().st_mode & 0o777) == "0o640"
    assert b"devm_kzalloc(dev, sizeof(*bl), GFP_KERNEL)" in target.read_bytes()
    assert not [p for p in (tree / "drivers" / "misc").iterdir() if p.name.startswith(".devmify-")]
    assert expected_diff and run(["drivers"], tree, capsys)[1] == ""


def test_explain_prints_rules_and_apis(capsys):
    assert main(["explain", "DV001"]) == EXIT_OK
    text = capsys.readouterr().out
    for heading in ("What it does", "Why it matters", "Example", "Instead"):
        assert heading in text
    assert main(["explain", "kzalloc"]) == EXIT_OK
    assert "devm_kzalloc" in capsys.readouterr().out
    assert main(["explain", "nonsense"]) == EXIT_USAGE


def test_every_rule_is_documented():
    from devmify.rules import ALL_RULES
    codes = [r.CODE for r in ALL_RULES]
    assert len(codes) == len(set(codes))
    for rule in ALL_RULES:
        for heading in ("What it does", "Why it matters", "Example", "Instead"):
            assert heading in rule.__doc__, (rule.CODE, heading)


def test_every_finding_kind_is_documented_and_has_golden_cases(capsys):
    """`devmify explain KIND` prints each kind; each has a case that reports it."""
    import json

    from devmify import findings
    reported = set()
    for case in (Path(__file__).parent / "cases").rglob("*.json"):
        for driver in json.loads(case.read_text()):
            reported |= {f["kind"] for f in driver["findings"]}
    for name, kind in findings.KINDS.items():
        assert main(["explain", name]) == EXIT_OK
        text = capsys.readouterr().out
        for heading in ("What it does", "Why it matters", "Example", "Instead"):
            assert heading in text, (name, heading)
        assert name in reported, name


def test_console_script_runs():
    proc = subprocess.run([sys.executable, "-m", "devmify", "rules"], capture_output=True, text=True)
    assert proc.returncode == 0 and "DV001" in proc.stdout


def test_a_reader_closing_the_pipe_early_is_not_a_traceback(tree, src_dir=None):
    blinky = (tree / "drivers" / "misc" / "blinky.c").read_bytes()
    for i in range(120):  # far more diff than a pipe buffer holds
        (tree / "drivers" / "misc" / f"blinky{i:03}.c").write_bytes(blinky)
    src_dir = src_dir or str(Path(__file__).parent.parent / "src")
    proc = subprocess.run(
        f"{sys.executable} -m devmify drivers | head -1", shell=True, cwd=tree,
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": src_dir},
    )
    assert proc.stdout.startswith("--- a/drivers/")
    assert "Traceback" not in proc.stderr


def test_every_api_pair_is_documented_and_matches_the_61_table():
    """Each catalogue entry explains itself, and its managed form is the one the 6.1
    devres table (data/devres_6_1.toml, from ../shared/reference) gives."""
    from devmify import catalogue, known_apis
    table = known_apis.managed_form()
    for api in catalogue.apis().values():
        for part in (api.what, api.why, api.example, api.instead):
            assert part.strip(), api.name
        if api.via or api.action:
            continue
        if api.merge:
            for partner, merged in api.merge:
                assert partner in catalogue.apis() and merged.startswith("devm_"), api.name
            continue
        assert table.get(api.name) == api.managed, api.name
        assert set(api.releases) <= set(catalogue.release_args()), api.name


def test_check_prints_only_the_findings(capsys):
    from pathlib import Path

    from devmify.cli import main

    case = Path(__file__).parent / "cases" / "findings" / "managed_release_kfree.c"
    assert main(["check", str(case)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].endswith("[managed-release]") and ":30:1-6: WARNING: kfree(d)" in out[0]


@pytest.mark.parametrize("odd", [b"\x0c", b"\r", b"\x0b", b"\x1c", b"\xc2\x85", b"\xe2\x80\xa8"])
def test_line_separators_other_than_newline_do_not_shift_the_hunks(tree, capsys, odd):
    """Old drivers keep form feeds (^L) between functions (scsi/st.c); Python's
    str.splitlines() splits there too (and at \\r, \\v, \\x1c, U+0085, U+2028 in a
    comment), which once numbered every hunk after it wrong."""
    target = tree / "drivers" / "misc" / "blinky.c"
    text = target.read_bytes()
    comment = b"/*" + odd + b"*/\n"
    at = text.index(b"\tbl = kzalloc")  # inside the first hunk, and before the rest
    target.write_bytes(comment + text[:at] + comment + text[at:])
    code, out, _ = run(["drivers/misc/blinky.c"], tree, capsys)
    assert code == EXIT_OK and out
    proc = subprocess.run(["patch", "-p1", "--batch", "--fuzz=0"], cwd=tree, capture_output=True,
                          input=out.encode("utf-8", "surrogateescape"))
    assert proc.returncode == 0 and b"offset" not in proc.stdout, proc.stdout + proc.stderr
    assert run(["drivers/misc/blinky.c"], tree, capsys)[1] == ""
