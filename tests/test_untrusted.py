"""Untrusted trees: devmify runs nothing from the tree it reads, and odd file names
(spaces, quotes, tabs, leading dashes, bytes that are not UTF-8) reach patch, git and
make safely."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from golden import BLINKY

from devmify import kbuild
from devmify.cli import main
from devmify.pipeline import analyse_path

CONVERTED = analyse_path(str(BLINKY), "blinky.c").converted
ODD = ["foo bar.c", "it's \"quoted\".c", "-dash.c", "tab\there.c", "back\\slash.c",
       os.fsdecode(b"lat\xe9n1.c"), "ünï.c", "--in-place.c"]


@pytest.fixture
def odd_tree(tmp_path):
    (tmp_path / "d").mkdir()
    for name in ODD:
        shutil.copy(BLINKY, tmp_path / "d" / name)
    return tmp_path


def _devmify(cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "devmify", *args], cwd=cwd, capture_output=True)


@pytest.mark.parametrize("tool", [["patch", "-p1", "-s"], ["git", "apply"]])
def test_odd_file_names_come_back_whole_through_patch_and_git_apply(odd_tree, tool):
    proc = _devmify(odd_tree, "d")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count(b"\n+++ ") + proc.stdout.startswith(b"+++ ") == len(ODD)
    applied = subprocess.run(tool, input=proc.stdout, cwd=odd_tree, capture_output=True)
    assert applied.returncode == 0, applied.stderr
    converted = _devmify(odd_tree, "d")
    assert converted.returncode == 0 and converted.stdout == b""  # every file was patched
    assert {p.read_bytes() for p in (odd_tree / "d").iterdir()} == {CONVERTED}


def test_a_dash_named_file_after_double_dash_is_a_file_not_an_option(odd_tree):
    proc = _devmify(odd_tree / "d", "--format", "report", "--", "--in-place.c", "-dash.c")
    assert proc.returncode == 0, proc.stderr
    assert b"--in-place.c:" in proc.stdout and b"-dash.c:" in proc.stdout
    assert (odd_tree / "d" / "--in-place.c").read_bytes() == BLINKY.read_bytes()


def test_nothing_in_the_tree_is_ever_run(odd_tree, capsysbinary, monkeypatch):
    """A tree with a Makefile, scripts and a git hook that would leave a mark: every
    subcommand but verify runs with an audit hook that records process creation (a
    configuration file in the tree included; --format-patch runs git only: test_mails)."""
    mark = odd_tree / "ran"
    trap = f"#!/bin/sh\ntouch {mark}\n"
    (odd_tree / "Makefile").write_text(f"all:\n\ttouch {mark}\n")
    for rel in ("scripts/checkpatch.pl", ".git/hooks/post-checkout", "d/gen.sh"):
        (odd_tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (odd_tree / rel).write_text(trap)
        (odd_tree / rel).chmod(0o755)
    spawned = []

    def audit(event, args):
        if event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn"):
            spawned.append((event, args))

    sys.addaudithook(audit)  # cannot be removed: it only records while `spawned` is read
    monkeypatch.chdir(odd_tree)
    (odd_tree / ".devmify.toml").write_text('exclude = ["nothing/**"]\n')
    for args in (["d"], ["--format", "json", "d"], ["--format", "report", "d"], ["check", "d"],
                 ["--format", "sarif", "d"], ["--show-config", "d"],
                 ["--in-place", "d"], ["explain", "DV001"], ["rules"], ["apis"]):
        del spawned[:]
        main(["-j", "1", *args] if args[0] not in ("check", "explain", "rules", "apis") else args)
        assert spawned == [], args
    capsysbinary.readouterr()
    assert not mark.exists()


def test_verify_gives_make_only_names_it_can_build(tmp_path, capsys):
    """A configured tree whose make records its targets: the odd names are skipped with a
    reason, the plain one is built, and make never sees an argument starting with '-'."""
    tree = tmp_path / "linux"
    (tree / "scripts").mkdir(parents=True)
    (tree / ".config").write_text("CONFIG_X=y\n")
    (tree / "Makefile").write_text("%.o: %.c\n\t@echo '$@' >> targets.log\n\t@cp '$<' '$@'\n")
    (tree / "scripts" / "checkpatch.pl").write_text("exit 0;\n")
    (tree / "drivers").mkdir()
    for name in ODD + ["plain.c"]:
        shutil.copy(BLINKY, tree / "drivers" / name)
    verdicts = {v.path: v for v in kbuild.verify(str(tree), [str(tree / "drivers")], 1, [])}
    assert verdicts["drivers/plain.c"].built_before and verdicts["drivers/plain.c"].built_after
    for name in ("foo bar.c", "it's \"quoted\".c", "tab\there.c", "back\\slash.c"):
        assert verdicts[f"drivers/{name}"].skipped == "a name make cannot build"
        assert not verdicts[f"drivers/{name}"].passed
    made = (tree / "targets.log").read_text().split()
    assert set(made) <= {"drivers/plain.o", "drivers/-dash.o", "drivers/--in-place.o"}
    assert not any(t.startswith("-") for t in made)
    assert all(p.read_bytes() == BLINKY.read_bytes() for p in (tree / "drivers").glob("*.c"))


def test_verify_puts_every_file_back_when_terminated_mid_build(tmp_path):
    tree = tmp_path / "linux"
    (tree / "scripts").mkdir(parents=True)
    (tree / "drivers").mkdir()
    (tree / ".config").write_text("CONFIG_X=y\n")
    (tree / "Makefile").write_text("%.o: %.c\n\t@sleep 1\n\t@cp '$<' '$@'\n")
    (tree / "scripts" / "checkpatch.pl").write_text("exit 0;\n")
    target = tree / "drivers" / "blinky.c"
    shutil.copy(BLINKY, target)
    proc = subprocess.Popen([sys.executable, "-m", "devmify", "verify", "--kernel-tree", str(tree),
                             str(tree / "drivers")], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and target.read_bytes() != CONVERTED:
        time.sleep(0.02)  # the "after" build is running on the patched file
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert target.read_bytes() == BLINKY.read_bytes()
