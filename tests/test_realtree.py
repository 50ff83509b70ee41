"""Real-tree tests against Debian's linux-source-6.1 (installed by the test itself).

Skipped, with the reason, only when the tree cannot be had (no apt-get, no network to
the Debian mirror).  Set DEVMIFY_KERNEL_TREE to use an already unpacked tree.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from devmify.kernel_tree import TreeUnavailable, kernel_tree
from devmify.treecheck import check_tree

pytestmark = pytest.mark.realtree


@pytest.fixture(scope="module")
def tree():
    try:
        return kernel_tree(install=True)
    except TreeUnavailable as exc:
        pytest.skip(f"linux-source-6.1 unavailable: {exc}")


def test_whole_drivers_tree_patches_apply_reparse_and_are_idempotent(tree):
    s = check_tree(tree, ["drivers"], jobs=os.cpu_count() or 1)
    print(f"\nfiles {s['files_scanned']} changed {s['files_changed']} "
          f"conversions {dict(s['conversions'])} refusals {dict(s['refusals'])} "
          f"errors {len(s['errors'])} in {s['seconds']:.0f}s")
    assert s["files_scanned"] > 15000
    assert s["files_changed"] > 0
    assert s["patch_applies"], s["patch_output"]
    assert s["problems"] == []
    assert s["errors"] == []


# The seed's seven drivers (../shared/seeds/) and, per allocation its author found
# unsafe to convert, the rule devmify refuses it with.
SEED_REFUSALS = {
    "drivers/input/misc/pcf50633-input.c": {"input": "DV007"},
    "drivers/tty/hvc/hvc_opal.c": {"pv": "DV002"},
    "drivers/input/serio/apbps2.c": {"priv->io": "DV003"},
    "drivers/dma/iop-adma.c": {"iop_chan": "DV004", "adev": "DV006"},
    # the author could convert only partly: of_ioremap() has no devm form
    "drivers/input/misc/sparcspkr.c": {"info->regs": "DV016"},
    "drivers/nvmem/sunxi_sid.c": {"randomness": "DV001"},
    "drivers/input/misc/mc13783-pwrbutton.c": {"priv": "DV007"},
}


@pytest.mark.parametrize("path", sorted(SEED_REFUSALS))
def test_seed_drivers_are_refused_with_their_reason(tree, path):
    from devmify.pipeline import analyse_path

    result = analyse_path(os.path.join(tree, path), path)
    converted = {a.target for p in result.plans for a in p.conversions}
    refused = {r.target: r.rule for p in result.plans for r in p.refusals}
    for target, rule in SEED_REFUSALS[path].items():
        assert target not in converted
        assert target in refused and refused[target].startswith("DV")
        if rule is not None:
            assert refused[target] == rule, (target, refused[target])


# Drivers whose 6.1 patches exercise the issue-5 kinds (a regulator action, a devm mutex, a
# merged clock, an OF provider with the device for its node, runtime PM with a status check).
VERIFY_FILES = [
    "drivers/iio/dac/ti-dac7311.c",
    "drivers/iio/light/cm36651.c",
    "drivers/rtc/rtc-mt7622.c",
    "drivers/clk/keystone/sci-clk.c",
    "drivers/i2c/busses/i2c-riic.c",
]


@pytest.fixture(scope="module")
def build_tree():
    """A configured copy of the tree (allmodconfig, modules_prepare), made by the same
    script the README documents; skipped, saying why, when it cannot be prepared."""
    import subprocess
    from pathlib import Path

    from devmify.kernel_tree import CACHE

    script = Path(__file__).resolve().parents[1] / "scripts" / "prepare-kernel-build.sh"
    build = os.path.join(CACHE, "build-6.1")
    proc = subprocess.run(["sh", str(script), build], capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"kernel build could not be prepared: {(proc.stdout + proc.stderr)[-400:]}")
    return build


def test_verify_builds_each_patch_with_kbuild_and_restores_the_tree(build_tree):
    from devmify import kbuild

    paths = [os.path.join(build_tree, p) for p in VERIFY_FILES]
    before = {p: open(p, "rb").read() for p in paths}
    verdicts = kbuild.verify(build_tree, paths, os.cpu_count() or 1, [])
    print("\n" + kbuild.summary(verdicts))
    assert sorted(v.path for v in verdicts) == sorted(VERIFY_FILES)
    for v in verdicts:
        assert v.built_before and v.built_after, v.path
        assert v.new_warnings == [], (v.path, v.new_warnings)
        assert v.checkpatch_errors == 0, (v.path, v.checkpatch)
    assert {p: open(p, "rb").read() for p in paths} == before  # nothing stays patched
    assert not any(os.path.exists(p[:-2] + ".o") for p in paths)


# Where 6.1 defines each struct rules/unseen_type.py takes as plain.
PLAIN_HEADERS = {
    "mutex": "linux/mutex.h", "spinlock": "linux/spinlock_types.h",
    "raw_spinlock": "linux/spinlock_types_raw.h", "rw_semaphore": "linux/rwsem.h",
    "semaphore": "linux/semaphore.h", "list_head": "linux/types.h",
    "hlist_head": "linux/types.h", "hlist_node": "linux/types.h",
    "work_struct": "linux/workqueue.h", "delayed_work": "linux/workqueue.h",
    "completion": "linux/completion.h", "timer_list": "linux/timer.h",
    "hrtimer": "linux/hrtimer.h", "wait_queue_head": "linux/wait.h",
    "notifier_block": "linux/notifier.h", "tasklet_struct": "linux/interrupt.h",
    "clk_hw": "linux/clk-provider.h", "led_classdev": "linux/leds.h",
    "watchdog_device": "linux/watchdog.h", "idr": "linux/idr.h", "ida": "linux/idr.h",
    "serial_rs485": "linux/serial.h", "serial_iso7816": "linux/serial.h",
    "v4l2_mbus_framefmt": "linux/v4l2-mediabus.h",
}


def test_the_structs_taken_as_plain_embed_nothing_refcounted_in_61(tree):
    from devmify.rules import lifetime, unseen_type
    from devmify.source import SourceFile

    assert sorted(PLAIN_HEADERS) == sorted(unseen_type.PLAIN)
    for name, header in PLAIN_HEADERS.items():
        src = SourceFile.from_bytes("probe.c", f"#include <{header}>\n".encode(),
                                    os.path.join(tree, "drivers", "misc", "probe.c"))
        assert lifetime.embedded_types(src, name) is not None, (name, "not found in", header)
        assert lifetime.refcounted_chain(src, name) == [], name


def test_checkpatch_finds_no_error_and_no_new_warning_in_the_input_series(tree):
    """Issue 9's bar: the mails devmify makes for 6.1's drivers/input, through the tree's
    own checkpatch.pl (commit message, sign-off and code), against the original lines."""
    script = Path(__file__).parent.parent / "scripts" / "checkpatch_series.py"
    proc = subprocess.run([sys.executable, str(script), "--kernel-tree", tree, "drivers/input"],
                          capture_output=True, text=True)
    print(proc.stdout[-2000:])
    summary = re.search(r"^(\d+) mails for drivers/input: checkpatch (\d+) errors, (\d+) new ",
                        proc.stdout, re.M)
    assert summary, proc.stdout + proc.stderr
    assert int(summary.group(1)) > 40
    assert (summary.group(2), summary.group(3)) == ("0", "0"), proc.stdout
    assert proc.returncode == 0


def test_the_checkpatch_count_can_fail(tree, tmp_path):
    """The same count on a mail spoiled twice, a sign-off dropped and a trailing space
    added on a line the patch adds, finds both (so a clean count above means clean)."""
    spec = importlib.util.spec_from_file_location(
        "checkpatch_series", Path(__file__).parent.parent / "scripts" / "checkpatch_series.py")
    series = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(series)
    out = tmp_path / "mails"
    subprocess.run([sys.executable, "-m", "devmify", "--format-patch", str(out), "--from",
                    series.AUTHOR, "-s", "drivers/input/keyboard"], cwd=tree, check=True,
                   capture_output=True)
    mail = sorted(out.iterdir())[0].read_text()
    spoiled = re.sub(r"^Signed-off-by: .*\n", "", mail, flags=re.M)
    spoiled = re.sub(r"^(\+\t.*devm_\w+\(.*)$", r"\1 ", spoiled, count=1, flags=re.M)
    assert spoiled.count("\n") == mail.count("\n") - 1
    new, _ = series.new_complaints(tree, spoiled)
    assert {series.what(line).split(":")[1] for line in new} >= {"MISSING_SIGN_OFF", "TRAILING_WHITESPACE"}
