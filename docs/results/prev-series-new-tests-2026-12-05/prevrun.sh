#!/bin/bash
# The new tests on the previous series (421285e, before this work), on the
# mutant config (release plus the tests' options).
set -euo pipefail
cd /work/main
. scripts/lib.sh
REV=421285e14
worktree mutant "$REV"
res=$RESULTS/prev
rm -rf "$res"; mkdir -p "$res"
run() {	# run NAME FLAVOUR LIST PREFIX LINES...
	local name=$1 flavour=$2 prefix=$4; shift 4
	local d=$res/$name
	mkdir -p "$d"
	: >"$d/boot.plan"
	for l in "$@"; do echo "$prefix${l// /_} $l" >>"$d/boot.plan"; done
	awk '{print $1}' "$d/boot.plan" >"$d/expected.txt"
	echo boot >"$d/boots.txt"
	scripts/kernel.sh "$flavour" >"$d/build.log" 2>&1
	BOOT_TIMEOUT=2400 BOOT_DIR=$d/boot BOOT_PLAN=$d/boot.plan BOOT_VCPUS=2 BOOT_MEM=3G \
		scripts/boot.sh "$flavour" check ${prefix:+harness_prefix="$prefix"} kunit.enable=0 >"$d/boot.log" 2>&1 || true
	scripts/parse.sh "$d" >"$d/summary.txt" 2>&1 || true
	tail -n 40 "$d/summary.txt"
}
run type1 mutant check.list "" \
	"vfio/populate_diff_test -r diff.mlock.anon_4k -r diff.vfio_type1_map_dma.anon_4k -r diff.madv_populate_write.anon_4k" \
	"mm/populate_mt_unseen_test -f tracer -t userfaultfd_sees_only_the_caller -t helpers_have_no_shadow_stack -t no_job_takes_only_the_stock_locks -t helpers_have_the_callers_pkru -f placement" \
	"mm/mlock_mt_test -f in_job -f cmp" \
	"vfio/vfio_dma_mt_test -t bad_memory -t no_job_takes_only_the_stock_locks"
run iommufd mutant-iommufd check-iommufd.list "iommufd:" \
	"vfio/vfio_dma_mt_test_iommufd -t fail_iommufd_in_chunks -t bad_memory"
