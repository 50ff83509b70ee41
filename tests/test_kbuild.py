"""`devmify verify`'s parts that need no kernel tree: reading make's output, the verdict."""

from __future__ import annotations

from devmify.cli import main
from devmify.kbuild import Verdict, _messages

LOG = """\
  CC [M]  drivers/iio/dac/foo.o
drivers/iio/dac/foo.c:120:7: warning: unused variable 'np' [-Wunused-variable]
drivers/iio/dac/foo.c: In function 'foo_probe':
drivers/iio/dac/foo.c:131:2: error: implicit declaration of function 'bar'
drivers/iio/dac/foobar.c:9:1: warning: not this file's [-Wother]
./drivers/iio/dac/foo.c:140:3: warning: unused label 'err' [-Wunused-label]
"""


def test_messages_are_the_files_own_without_line_numbers():
    assert _messages(LOG, "drivers/iio/dac/foo.c") == [
        "error: implicit declaration of function 'bar'",
        "warning: unused label 'err' [-Wunused-label]",
        "warning: unused variable 'np' [-Wunused-variable]",
    ]


def test_a_verdict_passes_only_when_nothing_got_worse():
    ok = Verdict("a.c", "", built_before=True, built_after=True)
    assert ok.passed
    assert not Verdict("a.c", "", built_before=True, built_after=False).passed
    assert Verdict("a.c", "", built_before=False, built_after=False).passed  # never built here
    assert not Verdict("a.c", "", True, True, new_warnings=["warning: x"]).passed
    assert not Verdict("a.c", "", True, True, checkpatch=["-:7: ERROR:SPACING: x"]).passed
    assert Verdict("a.c", "", True, True, checkpatch=["-:7: WARNING:LONG_LINE: x"]).passed


def test_verify_refuses_an_unconfigured_tree(tmp_path, capsys):
    assert main(["verify", "--kernel-tree", str(tmp_path), str(tmp_path)]) == 2
    assert "not a configured kernel tree" in capsys.readouterr().err

