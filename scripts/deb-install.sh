#!/bin/bash
# The deb flavour: make deb's packages as an operator gets them. Install them
# with dpkg into a fresh minimal Debian 12 root (mmdebstrap, with what the
# image package depends on: kmod, linux-base, initramfs-tools), then
#
# - boot the installed kernel with the initrd that initramfs-tools made for
#   it at install time, and check that initramfs-tools' own init runs in it
#   (the trimmed config has no disk or network driver, so the init gives up
#   looking for a root file system, and panic=-1 ends the boot: that is as
#   far as a disk-less guest goes);
# - leave the installed kernel as build/bzImage-deb and its installed
#   modules as build/modules-deb.cpio.gz, for make check-deb's boots.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

debs=("$BUILD"/deb/distro/linux-image-*.deb)
[[ -f ${debs[0]} ]] || die "no package in build/deb/distro: run make deb"
[[ ${#debs[@]} -eq 1 ]] || die "more than one linux-image in build/deb/distro"
[[ $(id -u) -eq 0 ]] || die "installing into a Debian root needs root (mmdebstrap, chroot)"
"$ROOT/scripts/deps.sh" mmdebstrap:mmdebstrap

root=$BUILD/deb/root
out=$(results_dir deb install)
rm -rf "$root" "$out"
mkdir -p "$out"
step "deb: a fresh Debian 12 root (mmdebstrap --variant=minbase)"
mmdebstrap --quiet --variant=minbase --include=kmod,linux-base,initramfs-tools \
	bookworm "$root" >"$out/mmdebstrap.log" 2>&1 ||
	{ tail "$out/mmdebstrap.log" >&2; die "mmdebstrap failed (log: $out/mmdebstrap.log)"; }
cp "${debs[0]}" "$root/tmp/"
mount -t proc proc "$root/proc"
rc=0
chroot "$root" dpkg -i "/tmp/$(basename "${debs[0]}")" >"$out/dpkg.log" 2>&1 || rc=$?
umount "$root/proc"
[[ $rc -eq 0 ]] || { tail "$out/dpkg.log" >&2; die "dpkg -i failed (log: $out/dpkg.log)"; }
release=$(dpkg-deb -f "${debs[0]}" Package)
release=${release#linux-image-}
step "deb: installed $(basename "${debs[0]}"): /boot/vmlinuz-$release, /boot/initrd.img-$release"
[[ -f $root/boot/initrd.img-$release ]] ||
	die "the package's postinst made no initrd (log: $out/dpkg.log)"

step "deb: booting the installed kernel and its initramfs-tools initrd"
timeout --kill-after=10 600 qemu-system-x86_64 -accel tcg -cpu max -machine q35 \
	-m 1G -nodefaults -display none -no-reboot \
	-kernel "$root/boot/vmlinuz-$release" -initrd "$root/boot/initrd.img-$release" \
	-append "console=ttyS0 no5lvl panic=-1 root=/dev/vda rootdelay=1" \
	-serial file:"$out/console.log" </dev/null >"$out/qemu.log" 2>&1 || rc=$?
# initramfs-tools' init: its "Begin:" steps, the root it waits for, then its
# panic(), which reboots at once with panic=-1.
for want in "Linux version $release" "Loading essential drivers" \
	    "Gave up waiting for root file system device" \
	    "Rebooting automatically due to panic= boot argument"; do
	grep -qF "$want" "$out/console.log" ||
		die "the installed kernel's boot never printed \"$want\" (console: $out/console.log)"
done
if grep -E "$SPLAT_RE" "$out/console.log"; then
	die "the installed kernel reported an error (console: $out/console.log)"
fi
step "deb: initramfs-tools' init ran and looked for the root file system"

cp "$root/boot/vmlinuz-$release" "$(image_of deb)"
"$ROOT/scripts/modules.sh" deb "$root" "$release"
step "deb: $(image_of deb | sed "s|$ROOT/||") ready (the installed kernel)"
