#!/bin/sh
# Prepare a configured kernel tree for `devmify verify`: Debian's linux-source-6.1,
# unpacked to DIR (default ~/.cache/devmify/build-6.1), allmodconfig, modules_prepare.
# A few minutes on 2 cores; needs root for apt-get (skipped when the packages are there).
set -eu
DIR=${1:-$HOME/.cache/devmify/build-6.1}
JOBS=${JOBS:-$(nproc)}
need=""
for p in build-essential bc bison flex libelf-dev libssl-dev linux-source-6.1 xz-utils; do
    dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
if [ -n "$need" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi
if [ ! -f "$DIR/Makefile" ]; then
    tarball=$(ls /usr/src/linux-source-6.1*.tar.xz | head -n 1)
    mkdir -p "$DIR"
    tar -xf "$tarball" -C "$DIR" --strip-components=1
fi
cd "$DIR"
[ -f .config ] || make -s allmodconfig
make -s -j"$JOBS" modules_prepare
echo "kernel build ready: $DIR"
