#!/bin/bash
# The modules a flavour's guest loads, as an archive that scripts/boot.sh
# adds to the initramfs:
#
#   modules.sh FLAVOUR ROOT RELEASE
#
# From ROOT/lib/modules/RELEASE (a modules_install, or Debian's package),
# take the modules named in config/distro-modules that exist there and the
# modules they need, uncompressed (the guest's busybox modprobe reads plain
# .ko files), with their own modules.dep, into
# build/modules-FLAVOUR.cpio.gz. guest/init loads them.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

flavour=${1:?usage: modules.sh FLAVOUR ROOT RELEASE} root=${2:?} release=${3:?}
src=$root/lib/modules/$release
[[ -d $src ]] || die "no modules in $src"
command -v depmod >/dev/null || die "depmod is missing: install kmod (apt-get install kmod)"

depmod -b "$root" "$release"
out=$BUILD/modules-$flavour
rm -rf "$out"
dst=$out/lib/modules/$release
mkdir -p "$dst"
cp "$src"/modules.order "$src"/modules.builtin* "$dst/" 2>/dev/null || true
n=0
for m in $(list_lines "$ROOT/config/distro-modules"); do
	deps=$(modprobe -d "$root" -S "$release" --show-depends "$m" 2>/dev/null |
		awk '$1 == "insmod" { print $2 }') || true
	for f in $deps; do
		rel=${f#"$src"/}
		[[ -e $dst/${rel%.xz} ]] && continue
		mkdir -p "$dst/$(dirname "$rel")"
		case $f in
		*.xz) xz -dc "$f" >"$dst/${rel%.xz}" ;;
		*) cp "$f" "$dst/$rel" ;;
		esac
		n=$((n + 1))
	done
done
[[ $n -gt 0 ]] || die "none of config/distro-modules is a module in $src"
depmod -b "$out" "$release"
(cd "$out" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -1 >"$BUILD/modules-$flavour.cpio.gz"
step "modules($flavour): $n modules of $release in build/modules-$flavour.cpio.gz"
