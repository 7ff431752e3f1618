#!/bin/bash
# make series-objects: a quick bisectability check, for when make
# series-build (a full build per patch) is too slow. At every patch of the
# series that touches kernel code, with the make check config: compile every
# object the series touches that exists at that patch, then check that each
# symbol those objects leave undefined is defined by one of them or was in
# a base kernel: the debug one (make kernel-stock-debug) or, for iommufd's
# objects, the iommufd one (make kernel-stock-iommufd).
# It catches a patch that uses what a later patch declares or defines; a
# link failure elsewhere needs make series-build. At every patch that
# touches the selftests, it also builds the selftests of make check that
# the series adds and that exist at that patch, so that no test uses a
# library or a kernel change that comes after it. Shares series-build's
# worktree and objects.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

base_maps=()
for f in stock-debug stock-iommufd; do
	base_maps+=("$(objdir $f)/System.map")
	[[ -f ${base_maps[-1]} ]] || die "no ${base_maps[-1]}: run make kernel-$f"
done
worktree series base
obj=$(objdir series)
flavour debug  # its config, at every patch
frags=("${F_FRAGS[@]}")
mapfile -t commits < <(git -C "$TREE" rev-list --reverse base..HEAD)
# The .c files of kernel code that the whole series touches, as objects.
mapfile -t objs < <(git -C "$TREE" diff --name-only base..HEAD -- '*.c' |
	grep -v '^tools/' | sed 's/\.c$/.o/')
# The selftests of make check (and the benchmark) that the series adds.
mapfile -t sts < <( (all_test_binaries; echo vfio/vfio_dma_bench) | sort -u |
	while read -r t; do
		git -C "$TREE" cat-file -e "base:tools/testing/selftests/$t.c" 2>/dev/null ||
			echo "$t"
	done)
hdr=$BUILD/headers
[[ -d $hdr/include ]] || die "no $hdr: run make selftests (the UAPI headers)"
defs=$(mktemp)
trap 'rm -f "$defs"' EXIT

# build_selftests: the selftests of $sts whose source exists in $WT; the
# number built in $built, the failing directory's log in $obj/selftests.log.
build_selftests() {
	local dir bins t
	built=0
	for dir in $(printf '%s\n' "${sts[@]}" | cut -d/ -f1 | sort -u); do
		bins=()
		for t in "${sts[@]}"; do
			[[ ${t%%/*} == "$dir" && -f $WT/tools/testing/selftests/$t.c ]] &&
				bins+=("$obj/selftests/$t")
		done
		[[ ${#bins[@]} -gt 0 ]] || continue
		mkdir -p "$obj/selftests/$dir"
		rm -f "${bins[@]}"
		make -C "$WT/tools/testing/selftests/$dir" -s CC="ccache gcc" \
			OUTPUT="$obj/selftests/$dir" KHDR_INCLUDES="-isystem $hdr/include" \
			"${bins[@]}" >"$obj/selftests.log" 2>&1 || return 1
		built=$((built + ${#bins[@]}))
	done
}

mkdir -p "$obj"
n=0 bad=0
for c in "${commits[@]}"; do
	n=$((n + 1))
	subj=$(git -C "$TREE" log -1 --format=%s "$c")
	files=$(git -C "$TREE" diff-tree --no-commit-id --name-only -r "$c")
	git -C "$WT" checkout -q -f --detach "$c"
	if grep -q '^tools/testing/selftests/' <<<"$files"; then
		if ! build_selftests; then
			grep -E 'error' "$obj/selftests.log" | head -5 >&2
			echo "not ok $n $subj: its selftests do not build (log: ${obj#$ROOT/}/selftests.log)"
			bad=$((bad + 1))
			continue
		fi
		if ! grep -qv '^tools/\|^Documentation/\|^MAINTAINERS' <<<"$files"; then
			echo "ok $n $subj ($built selftests)"
			continue
		fi
	elif ! grep -qv '^tools/\|^Documentation/\|^MAINTAINERS' <<<"$files"; then
		continue
	fi
	kconfig "$WT" "$obj" "$F_BASE" "${frags[@]}"
	# What exists at this patch, and that the make check kernels build: a
	# base file whose object neither base kernel has (SELinux's, which
	# only the distro flavours build) is left to make series-build.
	want=()
	for o in "${objs[@]}"; do
		[[ -f $WT/${o%.o}.c ]] || continue
		if git -C "$TREE" cat-file -e "base:${o%.o}.c" 2>/dev/null &&
		   [[ ! -f $(objdir stock-debug)/$o && ! -f $(objdir stock-iommufd)/$o ]]; then
			continue
		fi
		want+=("$o")
	done
	if ! make -C "$WT" O="$obj" -j"$(nproc)" CC="ccache gcc" \
		KBUILD_BUILD_TIMESTAMP=harness "${want[@]}" >"$obj/objects.log" 2>&1; then
		grep -E 'error' "$obj/objects.log" | head -5 >&2
		echo "not ok $n $subj: does not compile (log: ${obj#$ROOT/}/objects.log)"
		bad=$((bad + 1))
		continue
	fi
	{ awk '{ print $3 }' "${base_maps[@]}"
	  for o in "${want[@]}"; do nm --defined-only "$obj/$o" | awk '{ print $3 }'; done
	} | sort -u >"$defs"
	undef=$(for o in "${want[@]}"; do nm -u "$obj/$o" | awk '{ print $2 }'; done |
		sort -u | comm -23 - "$defs" | xargs)
	warn=$(grep -c 'warning:' "$obj/objects.log" || true)
	if [[ -n $undef ]]; then
		echo "not ok $n $subj: undefined: $undef"
		bad=$((bad + 1))
	else
		echo "ok $n $subj (${#want[@]} objects, $warn warnings)"
	fi
done
[[ $bad -eq 0 ]] || die "$bad patches fail"
step "series-objects: every kernel patch compiles and resolves, every selftest patch builds"
