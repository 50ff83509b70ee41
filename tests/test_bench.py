"""The benchmark against spatch keeps working (run on a small subtree; figures not checked)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from vs_spatch import SEEDS, seed_cocci  # noqa: E402


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is not beside the repository")
def test_the_seed_patch_is_written_as_spatch_parses_it():
    cocci = seed_cocci()
    assert cocci.isascii()
    assert "+ e = devm_kzalloc(&pdev->dev, e1, e2)\n...\n?-kfree(e);" in cocci
    assert cocci.startswith("@platform@") and cocci.rstrip().endswith("}")
    assert cocci.count("@@") == 3 and "<+..." in cocci and "...>" in cocci


@pytest.mark.realtree
@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"{SEEDS} is not beside the repository")
def test_bench_runs_side_by_side_on_a_small_subtree():
    proc = subprocess.run([sys.executable, str(BENCH / "vs_spatch.py"), "--subdir", "drivers/input/misc",
                           "--runs", "1", "-j", "2"], capture_output=True, text=True)
    if proc.returncode != 0 and "apt-get" in proc.stderr + proc.stdout:
        pytest.skip(f"spatch or the kernel tree unavailable: {proc.stderr[-300:]}")
    assert proc.returncode == 0, proc.stderr[-2000:]
    for line in ("I/O floor", "spatch   median", "devmify  median", "ratio devmify / spatch:",
                 "one file (drivers/input/keyboard/omap4-keypad.c, start-up included) devmify"):
        assert line in proc.stdout, proc.stdout
    assert "exit [0]" in proc.stdout
