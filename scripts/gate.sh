#!/bin/bash
# The series itself: its series (config/series) apply in order with git am to
# a pristine base, each with a cover letter that says what it depends on;
# every patch passes checkpatch.pl --strict with no error, warning or check,
# except what config/checkpatch-exceptions lists (with a reason); the files it touches
# gain no sparse, W=1 or kernel-doc warning (scripts/gate-static.sh;
# CHECK_STATIC=0 leaves those out). Then the README: does it still match
# make help, the flavours, the knobs and the files (scripts/readme-check.sh)?
#
# Writes its results as KTAP to RESULTS_DIR/gate.log (make check's
# build/results/check-debug/, else build/results/gate-debug/), framed like
# the guest's output, so make check counts them with everything else.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

export RESULTS_DIR=${RESULTS_DIR:-$(results_dir gate debug)}
log=$RESULTS_DIR/gate.log
exceptions=$ROOT/config/checkpatch-exceptions
mkdir -p "$RESULTS_DIR"
mapfile -t series < <(series)

step "gate: git am of ${#series[@]} patches onto a clean base"
worktree gate base
gate=$WT

n=0
results=()
ok() { n=$((n + 1)); results+=("ok $n $1"); }
notok() { n=$((n + 1)); results+=("not ok $n $1"); }

applied=1
for p in "${series[@]}"; do
	if ! git -C "$gate" am -q "$p" >"$RESULTS_DIR/gate-am.log" 2>&1; then
		applied=0
		sed 's/^/# /' "$RESULTS_DIR/gate-am.log" | head -n 20 >&2
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

# Each series of config/series reads on its own: a cover letter with a
# subject and text of its own (not git's placeholders) that says what the
# series depends on; and patches/ holds nothing but those series.
for d in $(series_dirs); do
	c=$PATCHES/$d/0000-cover-letter.patch
	why=
	if [[ ! -f $c ]]; then
		why="no ${c#$ROOT/}"
	elif grep -q '\*\*\* \(SUBJECT\|BLURB\) HERE \*\*\*' "$c"; then
		why="git's placeholder text"
	elif ! grep -q '^Depends on: ' "$c"; then
		why="no 'Depends on: ' line"
	fi
	if [[ -z $why ]]; then
		ok "cover letter of patches/$d"
	else
		echo "# $why"
		notok "cover letter of patches/$d"
	fi
done
stray=$(cd "$PATCHES" && ls -A | grep -vxF "$(series_dirs)" || true)
if [[ -z $stray ]]; then
	ok "patches/ holds only the series of config/series"
else
	echo "# not in config/series: $(echo $stray)"
	notok "patches/ holds only the series of config/series"
fi

# take_results: number the "ok"/"not ok" lines of another checker (on
# stdin) as results of the gate; pass its "# " lines through.
take_results() {
	local line
	while read -r line; do
		case $line in
		"ok "*) ok "${line#ok }" ;;
		"not ok "*) notok "${line#not ok }" ;;
		*) echo "$line" ;;
		esac
	done
}

# The README against what it describes (scripts/readme-check.sh).
take_results < <("$ROOT/scripts/readme-check.sh" || echo "not ok README checks ran to the end")

if [[ $CHECK_STATIC == 1 ]]; then
	static_ok=1
	"$ROOT/scripts/gate-static.sh" >"$RESULTS_DIR/gate-static.log" || static_ok=0
	take_results <"$RESULTS_DIR/gate-static.log"
	[[ $static_ok == 1 ]] || notok "static checks ran to the end (scripts/gate-static.sh failed)"
fi

# One KTAP document, as a guest's (guest/time-limit): the gate is its one
# test, its checks nested.
{
	echo "KTAP version 1"
	echo "1..1"
	echo "# harness: run gate"
	echo "    1..$n"
	printf '    %s\n' "${results[@]}"
	if printf '%s\n' "${results[@]}" | grep -q '^not ok'; then
		echo "not ok 1 gate # exit=1"
	else
		echo "ok 1 gate"
	fi
} >"$log"
grep -E '^    (not )?ok' "$log" | sed 's/^    /  gate: /'
