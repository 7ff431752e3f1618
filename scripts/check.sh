#!/bin/bash
# make check, make check-stock and make check-distro: the boots of
# guest/boots for one suite, in order, each running its KUnit suites (where
# its kernel has them) and its list of tests, then the count over all of
# them: "N passed, N failed, N skipped" (scripts/parse.sh). A kernel splat or
# a hung guest counts as a failure.
#
#   FLAVOUR=debug (make check): the series gate (scripts/gate.sh) first, then
#     two boots of the debug kernel (lockdep, KASAN, DEBUG_VM, ...) and two
#     of the iommufd kernel. CHECK_FULL=1 (make check-full) takes the lists'
#     "full" lines too (scripts/lib.sh, tier_lines).
#   FLAVOUR=stock-debug (make check-stock): the same configs on the kernel
#     without the series, no gate, upstream's tests only; a boot with none of
#     them is left out.
#   FLAVOUR=distro (make check-distro): the series on Debian's config, no gate.
#   FLAVOUR=deb (make check-deb): the same tests on make deb's package,
#     installed into a fresh Debian root (scripts/deb-install.sh).
#
# Everything goes to build/results/check-FLAVOUR/: gate.log, one directory
# per boot (console.log, results.log, status), expected.txt, summary.txt.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

flavour=${FLAVOUR:-debug}
case $flavour in
debug) suite=check ;;
stock-debug) suite=check-stock ;;
distro) suite=check-distro ;;
deb) suite=check-deb ;;
*) die "FLAVOUR=$flavour: make check runs debug, stock-debug, distro or deb" ;;
esac
only=
[[ $suite == check-stock ]] && only=upstream
tcg_for_flavour "$flavour"
res=$(results_dir check "$flavour")
rm -rf "$res"
mkdir -p "$res"

expected=
if [[ $suite == check ]]; then
	tree_matches_patches ||
		echo "warning: build/linux differs from patches/: testing the tree; run make export" >&2
	RESULTS_DIR=$res "$ROOT/scripts/gate.sh"
	expected=gate
fi

kunit=$(list_lines "$ROOT/guest/kunit.list")
boot() {	# boot NAME PREFIX FLAVOUR VCPUS MEM KUNIT LIST [KERNEL-ARG...]
	local name=$1 prefix=$2 kflavour=$3 vcpus=$4 mem=$5 with_kunit=$6 \
		list=$ROOT/guest/$7 s
	shift 7
	select_tests "$list" "$prefix" $only >"$res/$name.plan"
	if [[ ( -n $TESTS || -n $only ) && ! -s $res/$name.plan ]]; then
		rm "$res/$name.plan"
		return 0
	fi
	echo "$name" >>"$res/boots.txt"
	expected+=" $(awk '{ print $1 }' "$res/$name.plan" | xargs)"
	[[ $with_kunit == yes ]] && for s in $kunit; do expected+=" ${prefix}kunit:$s"; done
	BOOT_DIR=$res/$name BOOT_PLAN=$res/$name.plan BOOT_VCPUS=$vcpus \
		BOOT_MEM=$mem "$ROOT/scripts/boot.sh" "$kflavour" check \
		${prefix:+harness_prefix="$prefix"} "$@" || true
}

# {KNOB} in guest/boots is the knob's value.
knobs() {
	local line=$1 k
	for k in CHECK_VCPUS CHECK_MEM CHECK_MT_VCPUS CHECK_MT_MEM; do
		line=${line//\{$k\}/${!k}}
	done
	echo "$line"
}
: >"$res/boots.txt"
n=0
while read -r line; do
	read -r s name prefix kflavour vcpus mem with_kunit list args <<<"$(knobs "$line")"
	[[ $s == "$suite" ]] || continue
	[[ $prefix == - ]] && prefix=
	[[ $args == - ]] && args=
	# shellcheck disable=SC2086 # args: kernel command line words
	boot "$name" "$prefix" "$kflavour" "$vcpus" "$mem" "$with_kunit" "$list" $args
	n=$((n + 1))
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/guest/boots")
[[ $n -gt 0 ]] || die "guest/boots has no boot for $suite"
echo "$expected" | xargs -n1 >"$res/expected.txt"

echo
exec "$ROOT/scripts/parse.sh" "$res"
