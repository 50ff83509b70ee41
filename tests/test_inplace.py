"""--in-place never loses a file: temp file + rename, symlinks kept inside the tree,
no write over a file that changed since it was read, and interruption at any point."""

from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from golden import BLINKY

from devmify import inplace, problems, scan
from devmify.cli import main
from devmify.pipeline import analyse_path

ORIGINAL = BLINKY.read_bytes()
CONVERTED = analyse_path(str(BLINKY), "blinky.c").converted


def run(capsys, *args):
    code = main(["-j", "1", *args])
    out = capsys.readouterr()
    return code, out.out, out.err.splitlines()


def leftovers(path: Path) -> list[Path]:
    return [p for p in path.rglob(".devmify-*")]


def test_the_converted_driver_is_the_one_devmify_checked():
    assert CONVERTED != ORIGINAL and b"devm_kzalloc" in CONVERTED


def test_a_symlink_inside_the_tree_stays_a_symlink_to_the_converted_file(blinky_tree, capsys):
    (blinky_tree / "drivers" / "z").mkdir()
    real = blinky_tree / "drivers" / "z" / "impl.c"
    (blinky_tree / "drivers" / "blinky.c").rename(real)
    (blinky_tree / "drivers" / "a").mkdir()
    (blinky_tree / "drivers" / "a" / "link.c").symlink_to("../z/impl.c")  # met first, then impl.c
    code, out, err = run(capsys, "--in-place", "--format", "json", "drivers")
    assert (code, err) == (0, [])
    assert [f["path"] for f in json.loads(out)["files"]] == ["drivers/a/link.c"]
    assert (blinky_tree / "drivers" / "a" / "link.c").is_symlink()
    assert real.read_bytes() == CONVERTED and not leftovers(blinky_tree)


def test_a_symlink_leading_outside_the_tree_is_not_written_through(blinky_tree, capsys):
    outside = blinky_tree / "elsewhere.c"
    shutil.copy(BLINKY, outside)
    (blinky_tree / "drivers" / "out.c").symlink_to(outside)
    code, _, err = run(capsys, "--in-place", "drivers")
    assert code == problems.NOT_WRITTEN.status == 6
    assert err == [f"devmify: drivers/out.c: a symlink leading outside drivers (to {outside}); "
                   f"not written"]
    assert outside.read_bytes() == ORIGINAL
    assert (blinky_tree / "drivers" / "blinky.c").read_bytes() == CONVERTED  # the rest went on


def test_a_file_changed_since_it_was_read_is_not_overwritten(blinky_tree, capsys, monkeypatch):
    target = blinky_tree / "drivers" / "blinky.c"
    edited = ORIGINAL.replace(b"blinky", b"blinkz")

    def edit_meanwhile(real, display, policy):
        res = analyse_path(real, display, policy)
        target.write_bytes(edited)  # as an editor saving between the read and the write
        return res

    monkeypatch.setattr(scan, "analyse_path", edit_meanwhile)
    code, out, err = run(capsys, "--in-place", "--format", "json", "drivers")
    assert code == problems.NOT_WRITTEN.status
    assert err == ["devmify: drivers/blinky.c: changed on disk since devmify read it; not written"]
    assert target.read_bytes() == edited and not leftovers(blinky_tree)
    report = json.loads(out)
    assert report["summary"]["files_changed"] == 0
    assert report["files"][0]["errors"][0]["kind"] == "not-written"


def test_a_failed_write_leaves_the_file_and_no_temporary(blinky_tree, capsys, monkeypatch):
    def disk_full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(inplace.os, "fsync", disk_full)
    code, _, err = run(capsys, "--in-place", "drivers")
    assert code == problems.NOT_WRITTEN.status
    assert err == ["devmify: drivers/blinky.c: cannot write it: No space left on device; "
                   "left as it was"]
    assert (blinky_tree / "drivers" / "blinky.c").read_bytes() == ORIGINAL and not leftovers(blinky_tree)


def test_a_hard_linked_file_gets_a_copy_of_its_own_as_patch_gives_it(blinky_tree, capsys):
    target = blinky_tree / "drivers" / "blinky.c"
    os.link(target, blinky_tree / "pristine.c")  # a `cp -al` blinky_tree beside the work blinky_tree
    target.chmod(0o640)
    assert run(capsys, "--in-place", "drivers")[0] == 0
    assert target.read_bytes() == CONVERTED and (blinky_tree / "pristine.c").read_bytes() == ORIGINAL
    assert oct(target.stat().st_mode & 0o777) == "0o640"


# Interruption: 200 copies of a driver that converts, rewritten in place by 2 workers.

def _copies(path: Path, n: int = 200) -> None:
    for i in range(n):
        (path / f"blinky{i:03}.c").write_bytes(ORIGINAL)


def _start(path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "devmify", "--in-place", "-j", "2", str(path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


def _contents(path: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(path.glob("*.c"))]


@pytest.mark.parametrize("sig,status,word", [(signal.SIGINT, 130, "interrupted"),
                                             (signal.SIGTERM, 143, "terminated")])
def test_a_stop_signal_leaves_every_file_untouched_or_whole(tmp_path, sig, status, word):
    _copies(tmp_path)
    proc = _start(tmp_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and CONVERTED not in _contents(tmp_path):
        time.sleep(0.01)
    os.killpg(proc.pid, sig)  # as a terminal or a job runner sends it: to every process
    _, err = proc.communicate(timeout=60)
    contents = _contents(tmp_path)
    assert proc.returncode == status, err
    assert f"{word} after" in err and "Traceback" not in err
    assert all(c in (ORIGINAL, CONVERTED) for c in contents)
    assert 0 < contents.count(CONVERTED) < 200
    assert not leftovers(tmp_path)


def test_a_run_killed_at_random_points_loses_nothing_and_a_rerun_finishes(tmp_path):
    """SIGKILL gives no chance to clean up: every file must still be the original or the
    whole conversion; at most the temporary file being written may be left (never a
    .c file), and running again converts the rest."""
    _copies(tmp_path)
    rng = random.Random(8)
    started = time.monotonic()
    assert _start(tmp_path).wait(timeout=120) == 0
    full = time.monotonic() - started
    kills = 0
    for _ in range(6):
        _copies(tmp_path)
        proc = _start(tmp_path)
        time.sleep(rng.uniform(0.1, full))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate()
        assert all(c in (ORIGINAL, CONVERTED) for c in _contents(tmp_path))
        assert all(p.name.endswith(".tmp") for p in leftovers(tmp_path))
        for p in leftovers(tmp_path):
            p.unlink()
    assert kills >= 3
    assert _start(tmp_path).wait(timeout=120) == 0
    assert set(_contents(tmp_path)) == {CONVERTED}
