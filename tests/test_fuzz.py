"""Fuzzing as tests: driver-shaped C, broken on purpose, through the whole pipeline.

Every golden case (and every example driver) is a seed; hypothesis applies one to four
mutations a tree of real drivers is full of (statements deleted, duplicated or swapped,
identifiers renamed, braces broken, macros and preprocessor lines inserted, the file
truncated, NUL and invalid UTF-8 injected, CRLF line ends, random bytes).  For every
input: no exception escapes; a NUL byte is the only thing that makes a file an error;
whatever patch devmify emits applies with GNU patch to exactly the converted text,
which parses with no more error nodes than the input and which a second run leaves
alone.  Over a tree, --in-place touches exactly the files the diff names, each to what
its diff makes of it, and nothing else.

Fast profile (the default, in CI): a few hundred inputs, the same every run.  Long
profile, random inputs (the README records its figures), and the same over real drivers:

    DEVMIFY_FUZZ=10000 .venv/bin/pytest -q tests/test_fuzz.py
    DEVMIFY_FUZZ=2000 DEVMIFY_FUZZ_SEEDS=~/.cache/devmify/linux-source-6.1/drivers/input \
        .venv/bin/pytest -q tests/test_fuzz.py
"""

from __future__ import annotations

import collections
import contextlib
import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devmify.cli import main
from devmify.output import unified_diff
from devmify.pipeline import analyse_bytes, error_count

HERE = Path(__file__).parent
# DEVMIFY_FUZZ_SEEDS=DIR: the drivers under DIR (e.g. a kernel tree's drivers/input) are
# the seeds instead, mutated in place of their originals so that their headers are read
SEED_DIR = os.environ.get("DEVMIFY_FUZZ_SEEDS")
SEEDS = sorted(p for p in Path(SEED_DIR).rglob("*.c") if b"_driver" in p.read_bytes()) if SEED_DIR \
    else sorted((HERE / "cases").rglob("*.c")) + sorted((HERE.parent / "examples").rglob("*.c"))
SEED_BYTES = [p.read_bytes() for p in SEEDS]
INPUTS = int(os.environ.get("DEVMIFY_FUZZ", "0"))  # 0: the fast profile
FUZZ = settings(max_examples=INPUTS or 600, derandomize=not INPUTS, deadline=None,
                database=None, suppress_health_check=list(HealthCheck))
TREES = settings(FUZZ, max_examples=max(INPUTS // 20, 40))
STATS: collections.Counter = collections.Counter()  # printed by conftest after the run

# Lines a driver tree is full of: preprocessor conditionals, macros that hide calls or
# braces, attributes, declarations in odd places.
MACRO_LINES = [
    b"#ifdef CONFIG_PM\n", b"#endif\n", b"#else\n", b"#if 0\n", b"#if IS_ENABLED(CONFIG_OF)\n",
    b"#define FOO(x) do { (x); } while (0)\n", b"#define kfree(p) my_free(p)\n",
    b"#define probe remove\n", b"#define DEVM devm_\n", b"\tFOO(ret);\n",
    b"MODULE_LICENSE(\"GPL\");\n", b"static DEFINE_MUTEX(lock);\n", b"\tguard(mutex)(&lock);\n",
    b"\tscoped_guard(spinlock, &l) {\n", b"\tfor_each_child_of_node(np, child)\n",
    b"\tlist_for_each_entry(p, &head, node) {\n", b"\tif (unlikely(!p))\n", b"\t\tgoto err;\n",
    b"\treturn -ENOMEM;\n", b"err:\n", b"\tkfree(priv);\n", b"\tfree_irq(irq, priv);\n",
    b"\tstruct foo *p __free(kfree) = NULL;\n", b"\t__acquire(lock);\n", b"\\\n",
    b"module_platform_driver(foo_driver);\n", b"static int __maybe_unused foo(void)\n",
]
BAD_BYTES = [b"\xff", b"\xc3", b"\xe9", b"\xed\xa0\x80", b"\xf0\x9f", b"\xc0\xaf", b"\r"]
NAMES = [b"devm_kzalloc", b"kfree", b"goto", b"return", b"probe", b"remove", b"dev", b"x1",
         b"if", b"struct", b"NULL", b"0"]


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def delete_lines(draw, data):
    lines = _lines(data)
    i = draw(st.integers(0, len(lines) - 1))
    del lines[i:i + draw(st.integers(1, 3))]
    return b"".join(lines)


def duplicate_line(draw, data):
    lines = _lines(data)
    lines.insert(draw(st.integers(0, len(lines))), lines[draw(st.integers(0, len(lines) - 1))])
    return b"".join(lines)


def swap_lines(draw, data):
    lines = _lines(data)
    i, j = (draw(st.integers(0, len(lines) - 1)) for _ in range(2))
    lines[i], lines[j] = lines[j], lines[i]
    return b"".join(lines)


def rename_identifier(draw, data):
    words = sorted(set(re.findall(rb"\b[A-Za-z_]\w*", data)))
    if not words:
        return data
    old = draw(st.sampled_from(words))
    new = draw(st.sampled_from(words + NAMES))
    spots = [m.start() for m in re.finditer(rb"\b%s\b" % re.escape(old), data)]
    if draw(st.booleans()):
        return re.sub(rb"\b%s\b" % re.escape(old), new.replace(b"\\", b"\\\\"), data)
    at = draw(st.sampled_from(spots))
    return data[:at] + new + data[at + len(old):]


def break_brace(draw, data):
    braces = [m.start() for m in re.finditer(rb"[{}()]", data)]
    if braces and draw(st.booleans()):
        at = draw(st.sampled_from(braces))
        return data[:at] + data[at + 1:]
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.sampled_from([b"{", b"}", b"(", b")", b";"])) + data[at:]


def insert_macro(draw, data):
    lines = _lines(data)
    lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(MACRO_LINES)))
    return b"".join(lines)


def truncate(draw, data):
    return data[:draw(st.integers(0, len(data)))]


def inject_nul(draw, data):
    at = draw(st.integers(0, len(data)))
    return data[:at] + b"\0" + data[at:]


def inject_bad_utf8(draw, data):
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.sampled_from(BAD_BYTES)) + data[at:]


def crlf(draw, data):
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def random_bytes(draw, data):
    at = draw(st.integers(0, len(data)))
    return data[:at] + draw(st.binary(min_size=1, max_size=8)) + data[at:]


MUTATIONS = [delete_lines, duplicate_line, swap_lines, rename_identifier, break_brace,
             insert_macro, truncate, inject_nul, inject_bad_utf8, crlf, random_bytes]


@st.composite
def driver_inputs(draw) -> tuple[Path, bytes]:
    """A seed and a mutation of it (its path: the headers beside the case are read)."""
    seed = draw(st.integers(0, len(SEEDS) - 1))
    data = SEED_BYTES[seed]
    for _ in range(draw(st.integers(1, 4))):
        data = draw(st.sampled_from(MUTATIONS))(draw, data)
    return SEEDS[seed], data


def patched(original: bytes, diff: str, rel: str = "drivers/fuzz/case.c") -> bytes:
    """``original`` with ``diff`` applied by GNU patch, as a maintainer would."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / rel
        target.parent.mkdir(parents=True)
        target.write_bytes(original)
        proc = subprocess.run(["patch", "-p1", "-s", "--batch", "--no-backup-if-mismatch"],
                              input=diff.encode("utf-8", "surrogateescape"), cwd=tmp,
                              capture_output=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return target.read_bytes()


@FUZZ
@given(driver_inputs())
def test_a_broken_driver_never_crashes_and_any_patch_is_sound(case):
    seed, data = case
    STATS["inputs"] += 1
    res = analyse_bytes("drivers/fuzz/case.c", data, fs_path=str(seed))  # raises: a crash
    assert [e.kind for e in res.errors] == (["not-c"] if b"\0" in data else [])
    if not res.changed:
        return
    STATS["patches"] += 1
    assert patched(data, unified_diff(res)) == res.converted
    assert error_count(res.converted) <= error_count(data)
    assert not analyse_bytes("drivers/fuzz/case.c", res.converted, fs_path=str(seed)).changed


def _main(args: list[str]) -> tuple[int, bytes]:
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(args)
        out.flush()
    return code, out.buffer.getvalue()


def _snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@TREES
@given(st.lists(driver_inputs(), min_size=2, max_size=4))
def test_in_place_touches_exactly_what_the_diff_names(cases):
    STATS["inputs"] += len(cases)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "drivers" / "fuzz").mkdir(parents=True)
        (root / "drivers" / "fuzz" / "Makefile").write_bytes(b"obj-y += case0.o\n")
        for i, (_, data) in enumerate(cases):
            (root / "drivers" / "fuzz" / f"case{i}.c").write_bytes(data)
        before = _snapshot(root)
        cwd = os.getcwd()
        os.chdir(root)
        try:
            _, diff = _main(["-j", "1", "drivers"])
            code, _ = _main(["-j", "1", "--in-place", "drivers"])
        finally:
            os.chdir(cwd)
        after = _snapshot(root)
        named = set(re.findall(rb"^\+\+\+ b/(\S+)$", diff, re.M))
        STATS["patches"] += len(named)
        assert code in (0, 4)  # 4: a NUL byte made a file not C
        assert set(after) == set(before)  # no file created or removed
        assert {k.encode() for k in before if before[k] != after[k]} == named
        for name in named:
            one = re.search(rb"^--- a/%s\n.*?(?=^--- |\Z)" % re.escape(name), diff, re.M | re.S)
            assert patched(before[name.decode()], one.group().decode("utf-8", "surrogateescape"),
                           name.decode()) == after[name.decode()]


def fuzz_summary() -> str | None:
    if not STATS:
        return None
    return (f"fuzz: {STATS['inputs']} inputs from {len(SEEDS)} seeds, {STATS['patches']} "
            f"patches checked, profile {'long' if INPUTS else 'fast'} "
            f"(python {sys.version.split()[0]})")
