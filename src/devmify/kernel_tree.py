"""Locating (and, on request, installing) Debian's linux-source-6.1 for real-tree runs."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tarfile

CACHE = os.path.join(os.path.expanduser("~"), ".cache", "devmify")
DEFAULT_TREE = os.path.join(CACHE, "linux-source-6.1")
TARBALL = "/usr/src/linux-source-6.1.tar.xz"


class TreeUnavailable(Exception):
    pass


def kernel_tree(install: bool = True) -> str:
    """Path of an unpacked 6.1 tree: $DEVMIFY_KERNEL_TREE, else the cache directory,
    unpacked from Debian's tarball (installed with apt-get when ``install``)."""
    env = os.environ.get("DEVMIFY_KERNEL_TREE")
    if env:
        if not os.path.isdir(os.path.join(env, "drivers")):
            raise TreeUnavailable(f"DEVMIFY_KERNEL_TREE={env} has no drivers/ directory")
        return env
    if os.path.isdir(os.path.join(DEFAULT_TREE, "drivers")):
        return DEFAULT_TREE
    tarballs = glob.glob(TARBALL)
    if not tarballs and install:
        if shutil.which("apt-get") is None:
            raise TreeUnavailable("apt-get is not available to install linux-source-6.1")
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        proc = subprocess.run(["apt-get", "install", "-y", "-qq", "linux-source-6.1"],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            raise TreeUnavailable(f"apt-get install linux-source-6.1 failed: {proc.stderr[-500:]}")
        tarballs = glob.glob(TARBALL)
    if not tarballs:
        raise TreeUnavailable(f"{TARBALL} not found")
    os.makedirs(CACHE, exist_ok=True)
    with tarfile.open(tarballs[0]) as tar:
        tar.extractall(CACHE, filter="data")
    return DEFAULT_TREE
