"""Helpers shared by the golden tests: discovering cases and compiling C with stubs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).parent
CASES = HERE / "cases"
STUBS = HERE / "stubs" / "kernel_stubs.h"
EXAMPLES = HERE.parent / "examples" / "drivers"
BLINKY = EXAMPLES / "misc" / "blinky.c"  # converts: kzalloc...


def run(args, cwd, capsys):
    """(exit status, stdout, stderr) of devmify's main() in ``cwd``; argparse's usage
    errors too."""
    from devmify.cli import main
    old = os.getcwd()
    os.chdir(cwd)
    try:
        code = main(args)
    except SystemExit as stop:
        code = stop.code
    finally:
        os.chdir(old)
    out = capsys.readouterr()
    return code, out.out, out.err


def cases() -> list[Path]:
    return sorted(CASES.rglob("*.c"))


def case_id(path: Path) -> str:
    return str(path.relative_to(CASES).with_suffix(""))


def gcc_warnings(code: bytes) -> list[str]:
    """Compile ``code`` with gcc -Wall -Wextra against the stubs; return the warnings
    (without line numbers, so that before and after compare) or raise on errors."""
    with tempfile.TemporaryDirectory() as tmp:
        inc = Path(tmp) / "include"
        for header in set(re.findall(rb"#include\s*<([^>]+)>", code)):
            target = inc / header.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("")
        src = Path(tmp) / "case.c"
        src.write_bytes(code)
        proc = subprocess.run(
            ["gcc", "-fsyntax-only", "-Wall", "-Wextra", "-I", str(inc),
             "-include", str(STUBS), str(src)],
            capture_output=True, text=True,
        )
        if proc.returncode != 0:
            raise AssertionError(f"gcc failed:\n{proc.stderr}")
        return sorted(
            re.sub(r"^[^:]*:\d+:\d+: ", "", line)
            for line in proc.stderr.splitlines() if "warning:" in line
        )


def have_gcc() -> bool:
    return shutil.which("gcc") is not None and os.name == "posix"
