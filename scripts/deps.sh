#!/bin/bash
# Make sure every host tool the harness needs is here. As root, install what is
# missing with apt-get; otherwise name the missing packages and stop. A fresh
# Debian 12 (mmdebstrap --variant=minbase) needs nothing else: run this first
# there (bash scripts/deps.sh), since it brings make too.
#
#   deps.sh [PACKAGE:FILE-OR-COMMAND...]    (also what one target alone needs)
#
# The kernel base is linux-source-6.12 at $LINUX_DEB_VERSION (set in the
# Makefile, and read from it when this runs on its own, before make exists). If that version has left the archive, fall back to the newest 6.12
# that is left, and say so loudly.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

: "${LINUX_DEB_VERSION:=$(sed -n 's/^LINUX_DEB_VERSION *:= *//p' "$ROOT/Makefile")}"
[[ -n $LINUX_DEB_VERSION ]] || die "no LINUX_DEB_VERSION in $ROOT/Makefile"

# "package:file-or-command" pairs; a missing file/command means a missing package.
needs=(
	# make headers (kernel.sh, selftests.sh) copies with rsync
	rsync:rsync
	# the kernel build
	gcc:gcc make:make flex:flex bison:bison bc:bc cpio:cpio perl:perl
	libelf-dev:/usr/include/gelf.h
	libssl-dev:/usr/include/openssl/ssl.h
	ccache:ccache xz-utils:xz
	# the distro flavours' modules (modules_install, scripts/modules.sh)
	kmod:/usr/sbin/depmod
	# the gate: git am, checkpatch (spdxcheck.py), sparse (make C=2);
	# kernel-doc is perl
	git:git sparse:sparse
	python3-ply:/usr/lib/python3/dist-packages/ply
	python3-git:/usr/lib/python3/dist-packages/git
	# static selftests; upstream's mm tests link libcap and liburing
	libc6-dev:/usr/lib/x86_64-linux-gnu/libc.a
	libcap-dev:/usr/lib/x86_64-linux-gnu/libcap.a
	liburing-dev:/usr/lib/x86_64-linux-gnu/liburing.a
	# the guest and its image; gawk for the summaries, gnuplot for bench
	busybox-static:/bin/busybox
	qemu-system-x86:qemu-system-x86_64
	gawk:gawk file:file gnuplot-nox:gnuplot
	# numfmt, timeout, flock: coreutils and util-linux, in every Debian
	coreutils:numfmt util-linux:flock
	"$@"
)

missing=()
for n in "${needs[@]}"; do
	pkg=${n%%:*} what=${n#*:}
	if [[ $what == /* ]]; then
		[[ -e $what ]] || missing+=("$pkg")
	else
		command -v "$what" >/dev/null || missing+=("$pkg")
	fi
done
# Debian's dynamic busybox also owns /bin/busybox; the guest needs the static one.
if [[ -e /bin/busybox ]] && command -v file >/dev/null &&
   ! file -L /bin/busybox | grep -q 'statically linked'; then
	missing+=(busybox-static)
fi

src_pkg=linux-source-6.12
want_src=$LINUX_DEB_VERSION
have_src=$(dpkg-query -W -f='${Status} ${Version}' "$src_pkg" 2>/dev/null |
	awk '$3 == "installed" { print $4 }') || true

# awk reads all of madison's output: "grep -q" would exit at the first match
# and, under pipefail, madison's SIGPIPE would make a match look like a miss.
in_archive() {
	apt-cache madison "$src_pkg" 2>/dev/null |
		awk -v v="$1" '$3 == v { found = 1 } END { exit !found }'
}

fallback_warning() {
	cat >&2 <<-EOF

	!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
	!! WARNING: $src_pkg $want_src is not in the package archive.
	!! Using $1 instead. Results are NOT from the pinned base:
	!! rebase the series and update LINUX_DEB_VERSION in the Makefile.
	!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

	EOF
}

if [[ $have_src != "$want_src" ]]; then
	if [[ $(id -u) -eq 0 ]] && ! in_archive "$want_src"; then
		apt-get -q update >/dev/null 2>&1 || true
	fi
	if [[ $(id -u) -ne 0 ]] || in_archive "$want_src"; then
		missing+=("$src_pkg=$want_src")
	elif [[ -n $have_src ]]; then
		fallback_warning "the installed $have_src"
	else
		newest=$(apt-cache madison "$src_pkg" | awk '{ print $3 }' |
			sort -V | tail -n1)
		[[ -n $newest ]] || die "no $src_pkg in the package archive at all"
		fallback_warning "the newest left, $newest"
		missing+=("$src_pkg=$newest")
	fi
fi

[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -ne 0 ]]; then
	die "missing packages: ${missing[*]}
Install them as root (apt-get install ${missing[*]}), or run make as root."
fi

step "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log=/tmp/harness-apt.log
install() {
	apt-get -y -q -o Dpkg::Use-Pty=0 --no-install-recommends \
		--allow-downgrades install "${missing[@]}" >"$log" 2>&1
}
if ! install; then
	apt-get -q update >/dev/null 2>&1 || true
	install || { tail -n 20 "$log" >&2
		die "apt-get install ${missing[*]} failed (log: $log)"; }
fi
step "installed: ${missing[*]}"
