#!/bin/bash
# make mutants: would the tests notice if the series' kernel code were wrong?
# Each mutants/NAME.patch (scripts/mutants-gen.py writes them from
# mutants/mutants.txt) is one small deliberate break of the series. For each,
# alone: apply it to build/linux's HEAD in build/worktrees/mutant, build the
# mutant kernel (config/mutant.config: release plus the tests' options, and
# iommufd for iommufd:... tests), boot it with the tests the patch names
# (with KUnit when kunit:padata_job is among them), and record whether a
# test failed (killed, and which) or none did (survived). A test is a glob
# of make check-full's test names (the lists' "full" lines too), or a line
# of a test list with its arguments
# (mm/populate_mt_unseen_test -f tracer), to run only the cases that cover
# the break. MUTANTS=GLOB,GLOB picks mutants by name.
#
# Writes build/results/mutants/table.md (one row per mutant, and the score)
# and each mutant's logs in build/results/mutants/NAME/; exits non-zero if
# a mutant survived, did not apply or did not build.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

export CHECK_FULL=1
res=$RESULTS/mutants
mkdir -p "$res"
table=$res/table.md
rev=$(git -C "$TREE" rev-parse HEAD)

patches=()
for p in "$ROOT"/mutants/*.patch; do
	name=$(basename "$p" .patch) want=1
	if [[ -n ${MUTANTS:-} ]]; then
		want=0
		set -f
		for g in ${MUTANTS//,/ }; do [[ $name == $g ]] && want=1; done
		set +f
	fi
	if [[ $want == 1 ]]; then patches+=("$p"); fi
done
[[ ${#patches[@]} -gt 0 ]] || die "no mutant matches MUTANTS=${MUTANTS:-}"

worktree mutant "$rev"
killed=0 survived=0 broken=0
{
	echo "Mutants of the series at build/linux ${rev:0:12}, $(date -u +%F)."
	echo
	echo "| mutant | what it breaks | tests run | result |"
	echo "|---|---|---|---|"
} >"$table"
row() { echo "| $1 | $2 | $3 | $4 |" >>"$table"; step "mutants: $1: $4"; }

for p in "${patches[@]}"; do
	name=$(basename "$p" .patch)
	tests=$(sed -n 's/^Tests: //p' "$p")
	what=$(sed -n 's/^Breaks: //p' "$p")
	d=$res/$name
	rm -rf "$d"
	mkdir -p "$d"
	git -C "$WT" checkout -q -f --detach "$rev"
	git -C "$WT" clean -q -fdx
	if ! git -C "$WT" apply "$p" 2>"$d/apply.log"; then
		row "$name" "$what" "$tests" "**does not apply** (make mutants-gen)"
		broken=$((broken + 1))
		continue
	fi

	flavour=mutant list=check.list prefix=
	if [[ $tests == *iommufd:* ]]; then
		flavour=mutant-iommufd list=check-iommufd.list prefix=iommufd:
	fi
	step "mutants: $name: building"
	if ! "$ROOT/scripts/kernel.sh" "$flavour" >"$d/build.log" 2>&1; then
		row "$name" "$what" "$tests" "**does not build** ($d/build.log)"
		broken=$((broken + 1))
		continue
	fi

	: >"$d/boot.plan"
	IFS=, read -ra items <<<"$tests"
	for t in "${items[@]}"; do
		t=${t#"$prefix"}
		if [[ $t == *" "* ]]; then
			echo "$prefix${t// /_} $t" >>"$d/boot.plan"
		elif [[ $t != *kunit:* ]]; then
			TESTS=$t select_tests "$ROOT/guest/$list" "$prefix" >>"$d/boot.plan"
		fi
	done
	expected=$(awk '{ print $1 }' "$d/boot.plan")
	kargs=(kunit.enable=0)
	if [[ ,$tests, == *,kunit:padata_job,* ]]; then
		kargs=()
		expected+=" ${prefix}kunit:padata_job"
	fi
	echo "$expected" | xargs -n1 >"$d/expected.txt"
	echo boot >"$d/boots.txt"
	step "mutants: $name: booting with $(xargs <"$d/expected.txt")"
	BOOT_TIMEOUT=${BOOT_TIMEOUT:-900} BOOT_DIR=$d/boot BOOT_PLAN=$d/boot.plan BOOT_VCPUS=$CHECK_VCPUS \
		BOOT_MEM=$CHECK_MEM "$ROOT/scripts/boot.sh" "$flavour" check \
		${prefix:+harness_prefix="$prefix"} "${kargs[@]}" \
		>"$d/boot.log" 2>&1 || true
	if "$ROOT/scripts/parse.sh" "$d" >"$d/summary.txt" 2>&1; then
		row "$name" "$what" "$tests" "**survived**"
		survived=$((survived + 1))
	else
		by=$(grep -v -e '^[0-9]* passed' -e '^ ' "$d/summary.txt" |
			head -n 3 |
			sed 's/|/\\|/g' | cut -c1-160 | paste -sd ';' -)
		row "$name" "$what" "$tests" "killed: ${by:-see $d/summary.txt}"
		killed=$((killed + 1))
	fi
done
git -C "$WT" checkout -q -f --detach "$rev"

total=$((killed + survived + broken))
{
	echo
	echo "$killed of $total killed ($((100 * killed / total))%), $survived survived, $broken did not apply or build."
} >>"$table"
echo
cat "$table"
[[ $survived == 0 && $broken == 0 ]]
