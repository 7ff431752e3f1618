#!/bin/bash
# The series itself: it applies with git am to a pristine base, and every
# patch passes checkpatch.pl --strict with no error, warning or check, except
# what config/checkpatch-exceptions lists (with a reason).
#
# Writes its results as KTAP to build/results/gate.log, framed like the
# guest's output, so make check counts them with everything else.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

gate=$BUILD/gate
log=$BUILD/results/gate.log
exceptions=$ROOT/config/checkpatch-exceptions
mkdir -p "$BUILD/results"
mapfile -t series < <(ls "$PATCHES"/[0-9]*.patch 2>/dev/null | grep -v '/0000-' || true)

step "gate: git am of ${#series[@]} patches onto a clean base"
git -C "$TREE" worktree prune
if [[ ! -d $gate ]]; then
	git -C "$TREE" worktree add -q --detach "$gate" base
fi
git -C "$gate" am --abort >/dev/null 2>&1 || true
git -C "$gate" checkout -q -f --detach base
git -C "$gate" clean -q -fdx

n=0
results=()
ok() { n=$((n + 1)); results+=("ok $n $1"); }
notok() { n=$((n + 1)); results+=("not ok $n $1"); }

applied=1
for p in "${series[@]}"; do
	if ! git -C "$gate" am -q "$p" >"$BUILD/results/gate-am.log" 2>&1; then
		applied=0
		sed 's/^/# /' "$BUILD/results/gate-am.log" | head -n 20 >&2
		git -C "$gate" am --abort >/dev/null 2>&1 || true
		notok "series applies to base with git am (fails at $(basename "$p"))"
		break
	fi
done
[[ $applied == 1 ]] && ok "series applies to base with git am (${#series[@]} patches)"

for p in "${series[@]}"; do
	name=$(basename "$p")
	ignore=$(awk -v n="$name" '!/^#/ && NF >= 2 && n ~ $1 { printf "%s%s", sep, $2; sep = "," }' \
		"$exceptions" 2>/dev/null || true)
	# Debian's python3 has the modules spdxcheck.py needs (python3-ply, -git).
	out=$(PATH=/usr/bin:$PATH "$gate/scripts/checkpatch.pl" --strict --no-summary --terse \
		--show-types ${ignore:+--ignore "$ignore"} "$p" 2>&1) || true
	if [[ -z $out ]]; then
		ok "checkpatch --strict $name"
	else
		printf '%s\n' "$out" | sed 's/^/# /' | head -n 30
		notok "checkpatch --strict $name"
	fi
done

{
	echo "# harness: run gate"
	echo "1..$n"
	printf '%s\n' "${results[@]}"
	echo "# harness: exit gate 0"
} >"$log"
grep -E '^(not )?ok' "$log" | sed 's/^/  gate: /'
