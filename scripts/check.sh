#!/bin/bash
# make check: the series gate, then the debug kernel (lockdep, KASAN,
# DEBUG_VM, ...) boots and runs the KUnit suites and every kselftest in
# guest/check.list. Ends with "N passed, N failed, N skipped"; a kernel splat
# or a hung guest counts as a failure.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

res=$BUILD/results
ids() { git patch-id --stable | awk '{ print $1 }' | sort; }
if [[ $(git -C "$TREE" format-patch --stdout base..HEAD | ids) != \
      $(ls "$PATCHES"/[0-9]*.patch 2>/dev/null | grep -v '/0000-' | xargs -r cat | ids) ]]; then
	echo "warning: build/linux differs from patches/: testing the tree; run make export" >&2
fi

"$ROOT/scripts/gate.sh"

boot_ok=1
"$ROOT/scripts/boot.sh" debug check ${TESTS:+harness_tests="$TESTS"} || boot_ok=0
status=$(cat "$res/check-debug/status" 2>/dev/null || echo "the guest did not run")

extra=0
[[ $status == ok ]] || extra=1

# Every test of guest/check.list that TESTS selects must have run.
: "${TESTS:=}"
expected=gate
set -f
while read -r t; do
	[[ -z $t || $t == \#* ]] && continue
	for glob in ${TESTS//,/ }; do
		[[ $t == $glob ]] && { expected+=" $t"; break; }
	done
	[[ -z $TESTS ]] && expected+=" $t"
done <"$ROOT/guest/check.list"
set +f
expected+=" $(grep -v '^[[:space:]]*\(#\|$\)' "$ROOT/guest/kunit.list" | sed 's/^/kunit:/' | xargs)"

echo
summary=$(cat "$res/gate.log" "$res/check-debug/results.log" |
	gawk -v extra_fail="$extra" -v extra_why="$status" \
		-v expected="$expected" -f "$ROOT/scripts/summarize.awk")
echo "$summary" | tee "$res/check-summary.txt"
[[ $boot_ok == 1 && $(echo "$summary" | tail -n1) == *", 0 failed"* ]]
