#!/bin/bash
# Build the kselftests the guest runs (every binary of guest/check*.list,
# plus the benchmark) as static binaries, against build/linux's own UAPI
# headers. Upstream's mm tests link libcap and liburing statically.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

bench=vfio/vfio_dma_bench
out=$BUILD/selftests
hdr=$BUILD/headers

step "selftests: UAPI headers"
mkdir -p "$(objdir headers)"
make -C "$TREE" O="$(objdir headers)" -s headers_install \
	INSTALL_HDR_PATH="$hdr" >/dev/null

tests=$( (all_test_binaries; echo "$bench") | sort -u)
for dir in $(echo "$tests" | cut -d/ -f1 | sort -u); do
	bins=$(echo "$tests" | awk -F/ -v d="$dir" '$1 == d { print o "/" $2 }' o="$out/$dir")
	mkdir -p "$out/$dir"
	step "selftests: $dir: $(echo "$bins" | xargs -n1 basename | xargs)"
	extra=
	# Debian's iommu tests are newer than its kernel: see the header.
	[[ $dir == iommu ]] && extra=" -include $ROOT/config/iommufd-selftests-6.12.h"
	# CFLAGS/LDFLAGS from the environment, so the Makefiles' += still apply.
	CFLAGS="-O2 -g -static -pthread$extra" LDFLAGS="-static -pthread" \
		make -C "$TREE/tools/testing/selftests/$dir" -s OUTPUT="$out/$dir" \
		KHDR_INCLUDES="-isystem $hdr/include" $bins ||
		die "selftests: building $dir failed"
	# kselftest's per-directory settings (timeout=N): guest/init's limit;
	# where upstream has none, guest/timeouts may give one.
	src=$TREE/tools/testing/selftests/$dir/settings
	limit=$(list_lines "$ROOT/guest/timeouts" | awk -v d="$dir" '$1 == d { print $2 }')
	if [[ -f $src ]]; then
		cp "$src" "$out/$dir/settings"
	elif [[ -n $limit ]]; then
		echo "timeout=$limit" >"$out/$dir/settings"
	else
		rm -f "$out/$dir/settings"
	fi
done
