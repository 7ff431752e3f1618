#!/bin/bash
# The guest's initramfs: static busybox, guest/init, and the static selftests
# from build/selftests. One image serves every suite; scripts/boot.sh appends
# the tests a boot runs (/harness/plan).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

root=$BUILD/initramfs
img=$BUILD/initramfs.cpio.gz
rm -rf "$root"
mkdir -p "$root"/{bin,dev,etc,proc,sys,tmp,tests}
cp /bin/busybox "$root/bin/busybox"
ln -s busybox "$root/bin/sh"
install -m 755 "$ROOT/guest/init" "$root/init"
install -m 755 "$ROOT/guest/run-one" "$root/bin/run-one"
install -D -m 644 "$ROOT/guest/time-limit" "$root/lib/harness/time-limit"
cp -r "$BUILD/selftests/." "$root/tests/"
find "$root/tests" -name '*.o' -delete
# Debug info stays in build/selftests; the guest unpacks less.
find "$root/tests" -type f -perm -u+x -exec strip --strip-debug {} +
# The harness's own test (harness/ in the lists): a script, not a kselftest.
install -D -m 755 "$ROOT/guest/time-limit-test" "$root/tests/harness/time_limit"
(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -1 >"$img"
step "initramfs: ${img#$ROOT/} ($(du -h "$img" | cut -f1))"
