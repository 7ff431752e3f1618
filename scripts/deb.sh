#!/bin/bash
# make deb [FULL=1]: Debian packages of the series (the kernel's bindeb-pkg)
# for an operator to dpkg -i on a Debian 12 or 13 host: linux-image (the
# kernel and its modules), linux-headers and linux-libc-dev, in build/deb/.
#
# By default from the distro flavour: Debian's own config with the modules of
# config/distro-modules (VFIO, type1, vfio-pci, iommufd), the kernel that make
# check-distro tests, packaged from its build in build/obj-distro. FULL=1:
# the distro-full flavour, Debian's config with every module it has, which
# takes hours on 2 cores; CONFIG_ONLY=1 configures it and stops.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

flavour=distro
[[ ${FULL:-0} == 1 ]] && flavour=distro-full
obj=$(objdir "$flavour")
out=$BUILD/deb/$flavour
# The kernel's own debian/control build-depends on debhelper-compat.
"$ROOT/scripts/deps.sh" dpkg-dev:dpkg-buildpackage debhelper:dh
[[ $(id -u) -eq 0 ]] || "$ROOT/scripts/deps.sh" fakeroot:fakeroot
# kernel.sh builds (or, with CONFIG_ONLY=1, configures) it; the same make
# variables here, so that bindeb-pkg finds every object up to date.
"$ROOT/scripts/kernel.sh" "$flavour"
[[ ${CONFIG_ONLY:-0} == 1 ]] && exit 0

release=$(make -s -C "$TREE" O="$obj" kernelrelease)
# Debian's revision of the same upstream version, and ours after it.
version="$release-1+populatemt$(git -C "$TREE" rev-list --count base..HEAD)"
version=${version//+-/-}
step "deb($flavour): packaging $release as $version"
rm -f "$BUILD"/linux-*_"$version"_*.deb "$BUILD"/linux-upstream_"$version"_*
with_progress "deb($flavour)" "$obj/bindeb-pkg.log" '^ *(CC|LD|INSTALL)|dpkg-deb' \
	kmake "$TREE" "$obj" KDEB_PKGVERSION="$version" bindeb-pkg
rm -rf "$out"
mkdir -p "$out"
mv "$BUILD"/linux-*_"$version"_*.deb "$out/"
rm -f "$BUILD"/linux-upstream_"$version"_*
for d in "$out"/*.deb; do
	step "deb($flavour): ${d#$ROOT/} ($(du -h "$d" | cut -f1))"
done
