"""Clear errors: one line saying what and where, an exit status per kind, the run goes on."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from golden import BLINKY

from devmify import problems
from devmify.cli import EXIT_USAGE, main


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err.splitlines()


def test_a_binary_file_is_not_c_and_the_others_are_converted(blinky_tree, capsys):
    (blinky_tree / "drivers" / "fw.c").write_bytes(b"\x7fELF\x02\x01\x01\0\0\0")
    code, out, err = run(capsys, "drivers")
    assert code == problems.NOT_C.status == 4
    assert err == ["devmify: drivers/fw.c: binary file (contains NUL bytes)"]
    assert "+++ b/drivers/blinky.c" in out


def test_a_file_named_on_the_command_line_must_be_a_c_file(blinky_tree, capsys):
    (blinky_tree / "README").write_text("not C\n")
    code, out, err = run(capsys, "README", "drivers/blinky.c")
    assert code == problems.NOT_C.status
    assert err == ["devmify: README: not a .c file (devmify reads C source files named *.c)"]
    assert "+++ b/drivers/blinky.c" in out


def test_a_directory_without_c_files_is_missing_input(blinky_tree, capsys):
    (blinky_tree / "docs").mkdir()
    (blinky_tree / "docs" / "index.rst").write_text("text\n")
    code, out, err = run(capsys, "docs", "drivers")
    assert code == problems.MISSING.status == 3
    assert err == ["devmify: docs: no .c file under this directory"]
    assert out


def test_a_fifo_named_c_is_unreadable_and_does_not_block_the_run(blinky_tree, capsys):
    os.mkfifo(blinky_tree / "drivers" / "pipe.c")
    code, out, err = run(capsys, "-j", "1", "drivers")
    assert code == problems.UNREADABLE.status == 5
    assert err == ["devmify: drivers/pipe.c: not a regular file"]
    assert "+++ b/drivers/blinky.c" in out


def test_a_dangling_symlink_is_unreadable_and_reported_in_json(blinky_tree, capsys):
    (blinky_tree / "drivers" / "gone.c").symlink_to(blinky_tree / "nowhere.c")
    code, out, err = run(capsys, "--format", "json", "drivers")
    report = json.loads(out)
    assert code == problems.UNREADABLE.status
    assert err == ["devmify: drivers/gone.c: No such file or directory"]
    gone = next(f for f in report["files"] if f["path"] == "drivers/gone.c")
    assert gone["errors"] == [{"message": "No such file or directory", "kind": "unreadable"}]
    assert report["summary"]["errors"] == 1 and report["summary"]["conversions"] > 0


def test_unreadable_files_and_directories_are_one_line_each(tmp_path):
    """Run as an unprivileged user (root reads everything: as root, through setpriv)."""
    as_user = [] if os.geteuid() else ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    if as_user and shutil.which("setpriv") is None:
        pytest.skip("running as root and setpriv (util-linux) is not installed")
    top = Path(tempfile.mkdtemp())  # not under pytest's tmp_path: nobody may not enter it
    try:
        top.chmod(0o755)
        (top / "drivers" / "locked").mkdir(parents=True)
        shutil.copy(BLINKY, top / "drivers" / "blinky.c")
        shutil.copy(BLINKY, top / "drivers" / "secret.c")
        (top / "drivers" / "secret.c").chmod(0)
        (top / "drivers" / "locked").chmod(0)
        proc = subprocess.run([*as_user, sys.executable, "-m", "devmify", "-j", "1", "drivers"],
                              cwd=top, capture_output=True, text=True)
    finally:
        (top / "drivers" / "locked").chmod(0o755)
        shutil.rmtree(top)
    assert proc.returncode == problems.UNREADABLE.status, proc.stderr
    assert proc.stderr.splitlines() == [
        "devmify: drivers/locked: cannot list this directory: Permission denied",
        "devmify: drivers/secret.c: Permission denied"]
    assert "+++ b/drivers/blinky.c" in proc.stdout


def test_the_most_serious_kind_decides_the_exit_status(blinky_tree, capsys):
    (blinky_tree / "drivers" / "fw.c").write_bytes(b"\0")
    os.mkfifo(blinky_tree / "drivers" / "pipe.c")
    code, _, err = run(capsys, "no-such-dir", "drivers")
    assert len(err) == 3 and code == problems.UNREADABLE.status


def test_a_file_reached_twice_is_read_once(blinky_tree, capsys):
    (blinky_tree / "drivers" / "alias.c").symlink_to("blinky.c")
    code, out, _ = run(capsys, "--format", "json", "drivers", "drivers/blinky.c")
    assert code == 0
    assert [f["path"] for f in json.loads(out)["files"]] == ["drivers/alias.c"]


@pytest.mark.parametrize("args", [["-j", "0", "drivers"], ["--format", "xml", "drivers"],
                                  ["--in-place"], ["check", "--in-place", "drivers"]])
def test_an_option_that_makes_no_sense_stops_before_anything_is_read(blinky_tree, capsys, args):
    with pytest.raises(SystemExit) as stop:
        main(args)
    assert stop.value.code == EXIT_USAGE
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith(("devmify: error:", "devmify check: error:"))


def test_help_documents_every_exit_status():
    proc = subprocess.run([sys.executable, "-m", "devmify", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    for kind in problems.KINDS.values():
        assert f"  {kind.status}  {kind.name}: " in proc.stdout
    for status in ("130", "143", "141"):
        assert f"  {status}  " in proc.stdout
    assert "only `devmify verify` runs" in proc.stdout
