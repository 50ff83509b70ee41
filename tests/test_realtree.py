"""Real-tree tests against Debian's linux-source-6.1 (installed by the test itself).

Skipped, with the reason, only when the tree cannot be had (no apt-get, no network to
the Debian mirror).  Set DEVMIFY_KERNEL_TREE to use an already unpacked tree.
"""

from __future__ import annotations

import os

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
