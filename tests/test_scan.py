"""Many files at once: order, a crash in one file, a dying worker, a whole tree."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devmify import scan
from devmify.cli import main
from devmify.config import Config
from devmify.pipeline import analyse_path
from devmify.problems import INTERNAL, Problem

EXAMPLES = Path(__file__).parent.parent / "examples" / "drivers"

fork_only = pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                               reason="the patched analysis reaches workers only when they fork")


def _cli(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("fmt", ["json", "diff", "report"])
def test_output_is_the_same_whatever_the_number_of_workers(fmt, capsys):
    runs = [_cli(["--format", fmt, "-j", str(j), str(EXAMPLES)], capsys) for j in (1, 2, 3)]
    assert runs[0][1] and runs[0] == runs[1] == runs[2]


def test_files_come_back_in_the_order_given_even_when_the_first_is_slowest(monkeypatch):
    jobs, _ = scan.jobs_for([str(EXAMPLES)], Config(), "json", False)
    first = jobs[0].real

    def slow_first(real, display, policy):
        if real == first:
            time.sleep(1)
        return analyse_path(real, display, policy)

    monkeypatch.setattr(scan, "analyse_path", slow_first)
    assert [o.path for o in scan.Scan(jobs, 2)] == [j.display for j in jobs]


def test_an_exception_in_one_file_becomes_that_files_error(monkeypatch, capsys):
    def broken(real, display, policy):
        if real.endswith("blinky.c"):
            raise RecursionError("maximum recursion depth exceeded")
        return analyse_path(real, display, policy)

    monkeypatch.setattr(scan, "analyse_path", broken)
    code, out, err = _cli(["--format", "json", "-j", "1", str(EXAMPLES)], capsys)
    assert code == INTERNAL.status
    assert "blinky.c: internal error, file skipped: RecursionError" in err
    assert '"conversions": [' in out  # the other files were analysed
    failed = [f for f in json.loads(out)["files"] if f["errors"]]  # and this one is in the report
    assert [(f["path"].endswith("blinky.c"), f["drivers"], f["errors"][0]["kind"]) for f in failed] == \
        [(True, [], INTERNAL.name)]


@fork_only
def test_a_worker_that_dies_costs_only_its_file(monkeypatch):
    jobs, _ = scan.jobs_for([str(EXAMPLES)], Config(), "json", False)
    victim = jobs[len(jobs) // 2].real

    def crash(real, display, policy):
        if real == victim:
            os._exit(139)  # as a segfault in the parser would end the worker
        return analyse_path(real, display, policy)

    expected = [o.entry for o in scan.Scan(jobs, 1)]
    monkeypatch.setattr(scan, "analyse_path", crash)
    got = list(scan.Scan(jobs, 2))
    assert [o.path for o in got] == [j.display for j in jobs]
    for job, out, want in zip(jobs, got, expected):
        if job.real == victim:
            assert out.errors == [Problem(INTERNAL.name, "internal error, file skipped: "
                                                         "the process analysing it died")]
        else:
            assert out.entry == want


def test_output_does_not_depend_on_the_hash_seed():
    """Python salts str hashes per process: nothing devmify prints may follow set order
    (two findings that differ only in the acquisition they name once swapped places
    between runs: tests/cases/findings/leak_two_sources_one_exit.c)."""
    cases = Path(__file__).parent / "cases" / "findings"
    outs = set()
    for seed in range(1, 7):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        proc = subprocess.run([sys.executable, "-m", "devmify", "--format", "report", "-j", "2", str(cases)],
                              capture_output=True, text=True, env=env)
        assert "kmalloc() at line 33 (t->ring) is not released" in proc.stdout
        outs.add(proc.stdout)
    assert len(outs) == 1


def test_a_whole_tree_of_files_never_stalls_the_workers(tmp_path):
    """30,000 small files: the workers once reported each file they started through a
    pipe the parent did not read until a crash, and all stopped for good when its buffer
    filled, a few thousand files into a kernel tree."""
    for i in range(30000):
        (tmp_path / f"plain{i:05}.c").write_text("int plain(void) { return 0; }\n")
    proc = subprocess.Popen([sys.executable, "-m", "devmify", "--format", "json", "-j", "2", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # the workers too
        proc.communicate()
        pytest.fail("the scan stalled")
    assert proc.returncode == 0, err
    assert '"files_scanned": 30000' in out


def test_a_file_slower_than_the_timeout_is_skipped_and_the_run_goes_on(monkeypatch, capsys):
    """1,000 nested ifs take the cleanups minutes (measured: 170 s); any such shape must
    cost one file, not the run."""
    def stuck(real, display, policy):
        if real.endswith("blinky.c"):
            time.sleep(30)
        return analyse_path(real, display, policy)

    monkeypatch.setattr(scan, "analyse_path", stuck)
    started = time.monotonic()
    code, out, err = _cli(["--format", "json", "-j", "1", "--timeout", "0.5", str(EXAMPLES)], capsys)
    assert time.monotonic() - started < 20
    assert code == INTERNAL.status
    assert "blinky.c: internal error, file skipped: took longer than 0.5 s (--timeout)" in err
    assert '"conversions": [' in out


def test_the_timeout_holds_in_worker_processes_on_a_real_pathological_file(tmp_path):
    text = (EXAMPLES / "misc" / "blinky.c").read_bytes()
    at = text.index(b"\tbl = kzalloc")
    (tmp_path / "deep.c").write_bytes(text[:at] + b"if (x) {" * 1000 + b"x++;" + b"}" * 1000 +
                                      b"\n" + text[at:])
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    proc = subprocess.run([sys.executable, "-m", "devmify", "--format", "report", "-j", "2",
                           "--timeout", "3", str(tmp_path)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == INTERNAL.status
    assert proc.stderr.splitlines() == [
        f"devmify: {tmp_path}/deep.c: internal error, file skipped: took longer than 3 s "
        f"(--timeout): the analysis meets a shape it is slow on"]
    assert "blinky.c:23:6-13: WARNING: use devm_kzalloc()" in proc.stdout
