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
echo "$summary" | tee "$res/summary.txt"
[[ $(echo "$summary" | tail -n1) == *", 0 failed,"* ]]
