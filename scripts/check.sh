#!/bin/bash
# make check: the series gate (scripts/gate.sh), then two boots of the debug
# kernel (lockdep, KASAN, DEBUG_VM, ...): CHECK_VCPUS vCPUs for the KUnit
# suites and guest/check.list, then CHECK_MT_VCPUS vCPUs for the KUnit suites
# again and guest/check-mt.list (names prefixed "4cpu:"); then one boot of
# the iommufd kernel (debug with iommufd's VFIO container, the VFIO device
# cdev and CONFIG_IOMMUFD_TEST) with CHECK_VCPUS vCPUs for
# guest/check-iommufd.list (names prefixed "iommufd:"), and again with
# intel_iommu=off for upstream's iommufd tests and their mock devices,
# guest/check-iommufd-mock.list ("iommufd-mock:"). Ends with
# "N passed, N failed, N skipped" over the gate and all boots
# (scripts/parse.sh); a kernel splat or a hung guest counts as a failure.
#
# FLAVOUR=stock-debug (make check-stock): the same configs on the kernel
# without the series (stock-debug, stock-iommufd), no gate, upstream's
# tests only; a boot with none of them is left out.
#
# Everything goes to build/results/check-FLAVOUR/: gate.log, 2cpu/, 4cpu/,
# iommufd/ and iommufd-mock/ (each boot's console.log, results.log, status),
# expected.txt, summary.txt.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

flavour=${FLAVOUR:-debug}
only=
[[ $flavour == stock* ]] && only=upstream
res=$(results_dir check "$flavour")
rm -rf "$res"
mkdir -p "$res"

expected=
if [[ -z $only ]]; then
	tree_matches_patches ||
		echo "warning: build/linux differs from patches/: testing the tree; run make export" >&2
	RESULTS_DIR=$res "$ROOT/scripts/gate.sh"
	expected=gate
fi

kunit=$(list_lines "$ROOT/guest/kunit.list")
boot() {	# boot NAME VCPUS MEM LIST PREFIX [FLAVOUR [KERNEL-ARG...]]
	local name=$1 vcpus=$2 mem=$3 list=$4 prefix=$5 kflavour=${6:-$flavour} s
	shift 6 2>/dev/null || shift $#
	select_tests "$list" "$prefix" $only >"$res/$name.plan"
	if [[ ( -n $TESTS || -n $only ) && ! -s $res/$name.plan ]]; then
		rm "$res/$name.plan"
		return 0
	fi
	echo "$name" >>"$res/boots.txt"
	expected+=" $(awk '{ print $1 }' "$res/$name.plan" | xargs)"
	[[ -z $only ]] && for s in $kunit; do expected+=" ${prefix}kunit:$s"; done
	BOOT_DIR=$res/$name BOOT_PLAN=$res/$name.plan BOOT_VCPUS=$vcpus \
		BOOT_MEM=$mem "$ROOT/scripts/boot.sh" "$kflavour" check \
		${prefix:+harness_prefix="$prefix"} "$@" || true
}
: >"$res/boots.txt"
boot 2cpu "$CHECK_VCPUS" "$CHECK_MEM" "$ROOT/guest/check.list" ""
boot "${CHECK_MT_VCPUS}cpu" "$CHECK_MT_VCPUS" "$CHECK_MT_MEM" \
	"$ROOT/guest/check-mt.list" "${CHECK_MT_VCPUS}cpu:"
# Upstream's iommufd tests need their mock devices, which 6.12 cannot probe
# while intel-iommu is on: a boot of their own, with it off. check-stock
# runs the upstream tests of both lists on the stock iommufd kernel.
ifl=iommufd
[[ -n $only ]] && ifl=stock-iommufd
# The slow KUnit cases ran in the two debug boots already.
boot iommufd "$CHECK_VCPUS" "$CHECK_MEM" "$ROOT/guest/check-iommufd.list" \
	"iommufd:" "$ifl" "kunit.filter=speed>slow"
boot iommufd-mock "$CHECK_VCPUS" "$CHECK_MEM" \
	"$ROOT/guest/check-iommufd-mock.list" "iommufd-mock:" "$ifl" \
	intel_iommu=off "kunit.filter=speed>slow"
echo "$expected" | xargs -n1 >"$res/expected.txt"

echo
exec "$ROOT/scripts/parse.sh" "$res"
