#!/bin/bash
# The guest's initramfs: static busybox, guest/init, and the static selftests
# from build/selftests. One image serves make check and make bench.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

root=$BUILD/initramfs
img=$BUILD/initramfs.cpio.gz
rm -rf "$root"
mkdir -p "$root"/{bin,dev,proc,sys,tmp,tests}
cp /bin/busybox "$root/bin/busybox"
ln -s busybox "$root/bin/sh"
install -m 755 "$ROOT/guest/init" "$root/init"
cp "$ROOT/guest/check.list" "$root/tests/check.list"
cp -r "$BUILD/selftests/." "$root/tests/"
find "$root/tests" -name '*.o' -delete
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -1 >"$img"
step "initramfs: ${img#$ROOT/} ($(du -h "$img" | cut -f1))"
