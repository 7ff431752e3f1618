#!/bin/bash
# make parse: count the results of the last make check again, without
# booting (like kunit.py parse): the gate's KTAP and each boot's results.log
# and status in build/results/check-FLAVOUR/ (or the directory given), against
# the tests that run expected (expected.txt). Prints the failures and
# "N passed, N failed, N skipped" (also to summary.txt); exits non-zero on
# any failure. Each boot's times.txt gets the time of each test and case
# (scripts/case-times.awk), and times.txt of the run its slowest.
#
#   parse.sh [DIR]
set -euo pipefail
. "$(dirname "$0")/lib.sh"

res=${1:-$(results_dir check "${FLAVOUR:-debug}")}
[[ -f $res/expected.txt ]] || die "no results in $res: run make check first"

logs=() why=() boots=0
[[ -f $res/gate.log ]] && logs+=("$res/gate.log")
while read -r b; do
	boots=$((boots + 1))
	logs+=("$res/$b/results.log")
	s=$(cat "$res/$b/status" 2>/dev/null || echo "the guest did not run")
	[[ $s == ok ]] || why+=("$b: $s")
done <"$res/boots.txt"

summary=$(for f in "${logs[@]}"; do
		echo "# harness: log $f"
		cat "$f" 2>/dev/null || true
	done |
	gawk -v boots="$boots" -v extra_fail="${#why[@]}" \
		-v extra_why="$(IFS=';'; echo "${why[*]:-}")" \
		-v expected="$(xargs <"$res/expected.txt")" \
		-v known="$(known_failures)" \
		-f "$ROOT/scripts/summarize.awk")
while read -r b; do
	[[ -f $res/$b/times.log ]] || continue
	awk -f "$ROOT/scripts/case-times.awk" "$res/$b/times.log" |
		tee "$res/$b/times.txt" | sed "s|^|$b |"
done <"$res/boots.txt" | sort -k3,3nr >"$res/times.txt"

# Each boot's results.log must be standard nested KTAP: upstream's parser
# (tools/testing/kunit/kunit.py parse) must read it with no parse error and
# no test missing its result. Upstream's kselftests write a skip with no
# name ("ok 5 # SKIP reason"), which that parser misreads: such a line gets
# a name first; a test that skipped itself short of its plan (a NOTE of
# summarize.awk: upstream's gup_test without CONFIG_GUP_TEST) is read by
# its result line alone. Checked only when nothing else failed: a test
# that crashed or was killed would be counted twice.
if [[ $(echo "$summary" | tail -n1) == *", 0 failed,"* ]]; then
	bad=()
	short=$(echo "$summary" | sed -n 's/^NOTE \(.*\): skipped itself after .*/\1/p' | xargs)
	while read -r b; do
		out=$(awk -v short="$short" '
			BEGIN { n = split(short, a, " "); for (i = 1; i <= n; i++) s[a[i]] = 1 }
			/^# harness: run / { drop = ($4 in s) }
			drop && /^    / { next }
			{ print }' "$res/$b/results.log" |
			sed -E 's/^( *(not )?ok [0-9]+) # /\1 - # /' |
			python3 "$TREE/tools/testing/kunit/kunit.py" parse 2>&1 || true)
		e=$(grep -cE '\[(ERROR|CRASHED)\]' <<<"$out" || true)
		grep -q 'Testing complete\. Ran [1-9]' <<<"$out" && [[ $e == 0 ]] ||
			bad+=("FAIL $b: kunit.py parse does not read its results.log as KTAP ($e errors)")
	done <"$res/boots.txt"
	if ((${#bad[@]})); then
		last=$(echo "$summary" | tail -n1)
		summary=$(echo "$summary" | sed '$d'
			printf '%s\n' "${bad[@]}"
			echo "$last" | awk -v n=${#bad[@]} '{ $3 = $3 + n; print }')
	fi
fi
echo "$summary" | tee "$res/summary.txt"
[[ $(echo "$summary" | tail -n1) == *", 0 failed,"* ]]
