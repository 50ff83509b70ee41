"""--format-patch: a throwaway git repository of the example drivers with a history;
every mail applies with `git am`, subjects follow that history, bodies say what changed.

The expected mail for tapkey is tests/mails/tapkey.patch (regenerate with
DEVMIFY_REGEN_MAILS=1 and read the diff before committing it)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devmify import mails
from devmify.cli import EXIT_OK, EXIT_USAGE, main

HERE = Path(__file__).parent
EXAMPLES = HERE.parent / "examples" / "drivers"
EXPECTED = HERE / "mails" / "tapkey.patch"
AUTHOR = "Jane Developer <jane@example.org>"
EPOCH = "1700000000"

# where each example goes in the throwaway tree, and the history written for it
LAYOUT = {
    "input/tapkey.c": "drivers/input/keyboard/tapkey.c",
    "misc/blinky.c": "drivers/leds/leds-blinky.c",
    "i2c/thermo.c": "drivers/iio/temperature/thermo.c",
    "usb/padport.c": "drivers/usb/misc/padport.c",
}
HISTORY = [  # (subject, files touched): oldest first
    ("Input: tapkey - add wakeup support", ["drivers/input/keyboard/tapkey.c"]),
    ("leds: blinky: Add pattern support", ["drivers/leds/leds-blinky.c"]),
    ("Input: tapkey - fix a typo in a comment", ["drivers/input/keyboard/tapkey.c"]),
    ("leds: blinky: Fix the label's lifetime", ["drivers/leds/leds-blinky.c"]),
    ("Input: use input_set_capability() everywhere",  # subsystem-wide: names no driver
     ["drivers/input/keyboard/tapkey.c"]),
    ("iio: Use sizeof(*ptr) in allocations",  # the only history of thermo.c
     ["drivers/iio/temperature/thermo.c"]),
    ("iio: Drop unneeded casts", ["drivers/iio/temperature/thermo.c"]),
]
SUBJECTS = {
    "drivers/input/keyboard/tapkey.c": "Input: tapkey - use device-managed resources",
    "drivers/leds/leds-blinky.c": "leds: blinky: Use devm_kzalloc(), devm_kcalloc() and devm_kasprintf()",
    "drivers/iio/temperature/thermo.c": "iio: thermo: Use devm_kzalloc()",
    "drivers/usb/misc/padport.c": "usb: misc: padport: use devm_kzalloc()",  # from the path
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """The examples in a kernel-like layout, committed with HISTORY (each commit appends
    a comment, so that it touches the file)."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.setenv("HOME", str(tmp_path))  # no user config but the repository's
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    tree = tmp_path / "linux"
    for src, dst in LAYOUT.items():
        (tree / dst).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(EXAMPLES / src, tree / dst)
    git(tree, "init", "-q", "-b", "master")
    git(tree, "config", "user.name", "Jane Developer")
    git(tree, "config", "user.email", "jane@example.org")
    git(tree, "add", ".")
    git(tree, "commit", "-q", "-m", "Import the drivers")
    for n, (subject, files) in enumerate(HISTORY):
        for f in files:
            with open(tree / f, "a") as out:
                out.write(f"/* {n} */\n")
        git(tree, "commit", "-q", "-am", subject)
    monkeypatch.chdir(tree)
    return tree


def _series(repo: Path, capsys, *extra: str) -> list[Path]:
    assert main(["--format-patch", "out", "-j", "1", *extra, "drivers"]) == EXIT_OK
    printed = capsys.readouterr().out.split()
    assert printed == sorted(str(p.relative_to(repo)) for p in (repo / "out").iterdir())
    return [repo / p for p in printed]


def _subject(mail: Path) -> str:
    return re.search(r"^Subject: \[PATCH \d/4\] (.*)$", mail.read_text(), re.M).group(1)


def test_every_mail_applies_with_git_am_and_subjects_follow_the_history(repo, capsys):
    patches = _series(repo, capsys, "--signoff")
    subjects = {re.search(r"^\+\+\+ b/(\S+)", p.read_text(), re.M).group(1): _subject(p)
                for p in patches}
    assert subjects == SUBJECTS
    before = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "am", *map(str, patches))
    log = git(repo, "log", "--format=%an <%ae>%n%s%n%b%x00", f"{before}..").split("\0")
    commits = [c.strip() for c in log if c.strip()]
    assert len(commits) == 4
    for commit in commits:
        assert commit.startswith(AUTHOR + "\n")
        assert commit.endswith(f"Signed-off-by: {AUTHOR}")
        assert "devmify left these unmanaged" not in commit  # under the ---: for the maintainer
    # the tree after `git am` is the tree devmify --in-place writes
    converted = repo.parent / "converted"
    shutil.copytree(repo, converted, ignore=shutil.ignore_patterns(".git", "out"))
    subprocess.run(["git", "checkout", "-q", before, "--", "drivers"], cwd=repo, check=True)
    shutil.rmtree(converted / "drivers")
    shutil.copytree(repo / "drivers", converted / "drivers")
    assert main(["--in-place", "-j", "1", str(converted / "drivers")]) == EXIT_OK
    git(repo, "checkout", "-q", "HEAD", "--", "drivers")
    for dst in LAYOUT.values():
        assert (repo / dst).read_bytes() == (converted / dst).read_bytes(), dst


def test_the_mail_says_what_changed_and_what_was_left(repo, capsys):
    patches = _series(repo, capsys, "--signoff")
    text = {_subject(p): p.read_text() for p in patches}
    tapkey = text[SUBJECTS["drivers/input/keyboard/tapkey.c"]]
    if os.environ.get("DEVMIFY_REGEN_MAILS"):
        EXPECTED.parent.mkdir(exist_ok=True)
        EXPECTED.write_text(tapkey)
    assert tapkey == EXPECTED.read_text()
    padport = text[SUBJECTS["drivers/usb/misc/padport.c"]]
    message, below = padport.split("\n---\n", 1)
    assert "- Use devm_kzalloc() for pp" in message
    assert "devmify left these unmanaged" not in message and "DV003" not in message
    # the refusal goes under the --- line with its rule, where git am drops it
    assert re.search(r"^  drivers/usb/misc/padport\.c:\d+: kzalloc\(\) for \S+ stays unmanaged: "
                     r"DV003 ", below, re.M)
    assert "What stays unmanaged is left as it was: where the driver releases it by hand, " \
        "that still happens before devres runs" in \
        " ".join(message.split())
    # nothing is left in tapkey: no such paragraph, nothing under the line but the diff
    assert "What stays unmanaged" not in tapkey
    assert tapkey.split("\n---\n", 1)[1].split("\n\n", 1)[1].startswith("diff --git ")


def test_without_signoff_the_mail_has_none(repo, capsys):
    patches = _series(repo, capsys)
    assert not any("Signed-off-by:" in p.read_text() for p in patches)


def test_from_overrides_git_config(repo, capsys):
    patches = _series(repo, capsys, "--from", "Zoë Maintainer <zoe@example.org>", "-s")
    text = patches[0].read_text()
    assert "From: =?utf-8?q?Zo=C3=AB_Maintainer?= <zoe@example.org>" in text
    assert "Signed-off-by: Zoë Maintainer <zoe@example.org>" in text
    before = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "am", str(patches[0]))
    assert git(repo, "log", "-1", "--format=%an", f"{before}..").strip() == "Zoë Maintainer"


def test_no_author_is_invented(repo, capsys):
    git(repo, "config", "--unset", "user.email")
    for argv, says in ((["--format-patch", "out", "drivers"], "no author for the mails"),
                       (["--format-patch", "out", "--from", "jane", "drivers"], "wants 'Name <email>'"),
                       (["--format-patch", "out", "--in-place", "--from", AUTHOR, "drivers"],
                        "neither --in-place nor --format"),
                       (["--signoff", "drivers"], "go with --format-patch")):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == EXIT_USAGE
        assert says in capsys.readouterr().err
    assert not (repo / "out").exists()


def test_outside_git_the_prefix_comes_from_the_path(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drivers" / "iio" / "adc").mkdir(parents=True)
    shutil.copy(EXAMPLES / "i2c" / "thermo.c", tmp_path / "drivers" / "iio" / "adc" / "thermo.c")
    assert main(["--format-patch", "out", "--from", AUTHOR, "drivers"]) == EXIT_OK
    out = capsys.readouterr()
    mail = Path(out.out.split()[0]).read_text()
    assert "Subject: [PATCH] iio: adc: thermo: use devm_kzalloc()\n" in mail
    assert "1 of 1 subject prefixes come from the path" in out.err


@pytest.mark.parametrize("subjects, stem, expected", [
    (["Input: navpoint - use devm", "Input: navpoint - Fix x"], "navpoint", ("Input: navpoint -", False)),
    (["iio: adc: foo: Convert to x", "iio: adc: foo: Add y"], "foo", ("iio: adc: foo:", True)),
    (["ASoC: codecs: wm1: fix", "ASoC: fix all codecs", "ASoC: codecs: wm1: tidy"], "wm1",
     ("ASoC: codecs: wm1:", False)),
    (["net: use foo everywhere", "net: drop bar"], "baz", ("net: baz:", False)),
    (["Input: use foo everywhere", "Input: other - thing"], "baz", ("Input: baz -", False)),
    (["Revert \"x\"", "Merge branch 'y'", "fix things"], "baz", (None, False)),
])
def test_history_prefix(subjects, stem, expected, monkeypatch):
    log = "".join(s + "\n" for s in subjects)
    monkeypatch.setattr(mails, "_git", lambda directory, *args: log)
    assert mails.history_prefix("/top", f"drivers/x/{stem}.c") == expected


def test_reading_history_runs_nothing_from_the_tree(repo, capsys):
    """A repository whose config would run a program for a pager, a signature check or
    fsmonitor: --format-patch runs git only, and git runs none of them."""
    mark = repo.parent / "ran"
    trap = repo.parent / "trap.sh"
    trap.write_text(f"#!/bin/sh\ntouch {mark}\ncat\n")
    trap.chmod(0o755)
    for name, value in (("core.pager", trap), ("log.showSignature", "true"),
                        ("gpg.program", trap), ("core.fsmonitor", trap), ("pager.log", trap)):
        git(repo, "config", name, str(value))
    spawned = []

    def audit(event, args):
        if event == "subprocess.Popen":
            spawned.append(args[1][0] if isinstance(args[1], list) else args[1])
        elif event in ("os.system", "os.exec", "os.posix_spawn", "os.spawn"):
            spawned.append(event)

    sys.addaudithook(audit)  # cannot be removed: it only records while `spawned` is read
    _series(repo, capsys)
    assert spawned and set(spawned) == {"git"}
    assert not mark.exists()


def test_file_names_are_those_git_format_patch_makes():
    assert mails.file_name(1, "Input: tapkey - use devm_kzalloc()") == \
        "0001-Input-tapkey-use-devm_kzalloc.patch"
    assert mails.file_name(12, "iio: adc: foo: " + "x" * 80) == \
        "0012-iio-adc-foo-" + "x" * 40 + ".patch"
