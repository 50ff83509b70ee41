import os
import sys

sys.path.insert(0, os.path.dirname(__file__))


def pytest_terminal_summary(terminalreporter):
    """The fuzz tests' counts (inputs run, patches checked), when they ran."""
    fuzz = sys.modules.get("test_fuzz")
    line = fuzz.fuzz_summary() if fuzz else None
    if line:
        terminalreporter.write_line(line)
