#!/bin/bash
# Debian's own kernel of LINUX_DEB_VERSION, from the archive, in build/debian:
#
#   debian-kernel.sh config   print the path of Debian's amd64 config
#   debian-kernel.sh binary   build/bzImage-stock-debian, and its modules
#                             (config/distro-modules and what they need) as
#                             build/modules-stock-debian.cpio.gz
#
# Both come from linux-image-ABI-amd64 (ABI: 6.12.117+deb12 for
# 6.12.117-1~deb12u1), whose /boot/config-ABI-amd64 is the file that
# linux-config-6.12 ships as config.amd64_none_amd64. If that version has
# left the archive, "config" falls back to the newest linux-config-6.12 and
# says so; "binary" stops: Debian's kernel of another version is no
# reference for this base.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

what=${1:?usage: debian-kernel.sh config|binary}
: "${LINUX_DEB_VERSION:=$(sed -n 's/^LINUX_DEB_VERSION *:= *//p' "$ROOT/Makefile")}"
up=${LINUX_DEB_VERSION%%-*}
suite=${LINUX_DEB_VERSION##*~deb}
suite=${suite%%u*}
abi=$up+deb$suite
pkg=linux-image-$abi-amd64
dir=$BUILD/debian
mkdir -p "$dir"

# fetch PACKAGE VERSION: its .deb in build/debian, unpacked in build/debian/PACKAGE.
fetch() {
	local deb=$dir/${1}_$2.deb
	if [[ ! -s $deb ]]; then
		step "debian: downloading $1 $2" >&2
		(cd "$dir" && apt-get download -q "$1=$2" >"$dir/apt.log" 2>&1) || return 1
		mv "$dir/${1}_${2//:/%3a}_"*.deb "$deb"
	fi
	if [[ ! -d $dir/$1 ]]; then
		dpkg-deb -x "$deb" "$dir/$1.tmp"
		mv "$dir/$1.tmp" "$dir/$1"
	fi
}

case $what in
config)
	if fetch "$pkg" "$LINUX_DEB_VERSION"; then
		echo "$dir/$pkg/boot/config-$abi-amd64"
		exit 0
	fi
	apt-get -q update >/dev/null 2>&1 || true
	newest=$(apt-cache madison linux-config-6.12 | awk '{ print $3; exit }')
	[[ -n $newest ]] || die "neither $pkg $LINUX_DEB_VERSION nor linux-config-6.12 is in the archive (apt log: $dir/apt.log)"
	cat >&2 <<-MSG
	########################################################################
	WARNING: $pkg $LINUX_DEB_VERSION has left the archive.
	Using Debian's config of linux-config-6.12 $newest instead, on the
	$LINUX_DEB_VERSION source: Kconfig fills in what differs.
	########################################################################
	MSG
	fetch linux-config-6.12 "$newest" || die "apt-get download linux-config-6.12=$newest failed (log: $dir/apt.log)"
	out=$dir/config-$newest-amd64
	xz -dc "$dir/linux-config-6.12/usr/src/linux-config-6.12/config.amd64_none_amd64.xz" >"$out"
	echo "$out"
	;;
binary)
	fetch "$pkg" "$LINUX_DEB_VERSION" ||
		die "Debian's own kernel, $pkg $LINUX_DEB_VERSION, is not in the archive any more (log: $dir/apt.log): stock-debian needs that exact version"
	cp "$dir/$pkg/boot/vmlinuz-$abi-amd64" "$(image_of stock-debian)"
	scripts_dir=$(dirname "$0")
	"$scripts_dir/modules.sh" stock-debian "$dir/$pkg" "$abi-amd64"
	step "debian: $(image_of stock-debian | sed "s|$ROOT/||") ready (Debian's $pkg $LINUX_DEB_VERSION)"
	;;
*) die "usage: debian-kernel.sh config|binary" ;;
esac
