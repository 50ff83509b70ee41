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
