import os
import shutil
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from golden import BLINKY, EXAMPLES  # noqa: E402 - importable once the path above is set


@pytest.fixture
def blinky_tree(tmp_path, monkeypatch):
    """The current directory, holding one example driver that converts: drivers/blinky.c."""
    (tmp_path / "drivers").mkdir()
    shutil.copy(BLINKY, tmp_path / "drivers" / "blinky.c")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def tree(tmp_path):
    """A kernel-like tree: the example drivers under drivers/, no configuration."""
    shutil.copytree(EXAMPLES, tmp_path / "drivers")
    return tmp_path


def pytest_terminal_summary(terminalreporter):
    """The fuzz tests' counts (inputs run, patches checked), when they ran."""
    fuzz = sys.modules.get("test_fuzz")
    line = fuzz.fuzz_summary() if fuzz else None
    if line:
        terminalreporter.write_line(line)
