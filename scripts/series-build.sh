#!/bin/bash
# Build the kernel at every patch of the series (bisectability) with the
# make check config (debug: lockdep, KASAN and the KUnit and fault injection
# options), in a worktree of its own. Slow: an incremental build per patch,
# through ccache.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

worktree series base
gate=$WT
obj=$(objdir series)
mapfile -t commits < <(git -C "$TREE" rev-list --reverse base..HEAD)
flavour debug  # its config, at every patch
frags=("${F_FRAGS[@]}")

mkdir -p "$obj"
n=0
for c in "${commits[@]}"; do
	n=$((n + 1))
	git -C "$gate" checkout -q -f --detach "$c"
	step "series-build: $n/${#commits[@]} $(git -C "$gate" log -1 --format=%s)"
	kconfig "$gate" "$obj" "$F_BASE" "${frags[@]}"
	# Options the patch does not know yet are dropped by olddefconfig.
	make -C "$gate" O="$obj" -j"$(nproc)" CC="ccache gcc" \
		KBUILD_BUILD_TIMESTAMP=harness bzImage >"$obj/build.log" 2>&1 ||
		{ grep -E 'error|Error' "$obj/build.log" | head -20 >&2
		  die "patch $n does not build (log: $obj/build.log)"; }
	if grep -q 'warning:' "$obj/build.log"; then
		grep 'warning:' "$obj/build.log" | grep -v 'frame size' | head -5 >&2 || true
	fi
done
step "series-build: all ${#commits[@]} patches build"
