#!/bin/bash
# Does README.md still describe this repository? Compared with what it
# describes, not with a copy:
#
#   targets   its "$ make help" block is what make help prints;
#   flavours  every flavour of config/flavours is named in it (`NAME`);
#   knobs     every knob of scripts/lib.sh has a row in its Knobs table;
#   layout    every path its Layout block names exists, and every file of
#             config/, guest/ and scripts/ is named there;
#   prose     no issue-tracker numbers ("issue 12") in README.md or docs/:
#             the tracker is not part of the repository.
#
# Prints one "ok DESCRIPTION" or "not ok DESCRIPTION" line per check, with
# what differs as "# " lines before it (scripts/gate.sh numbers them).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

readme=$ROOT/README.md
report() {	# report DESCRIPTION PROBLEMS
	if [[ -z $2 ]]; then
		echo "ok $1"
	else
		printf '%s\n' "$2" | sed 's/^/# /'
		echo "not ok $1"
	fi
}
# block FIRSTLINE: the fenced block of README.md that starts with FIRSTLINE.
block() {
	awk -v first="$1" '/^```/ { if (on) exit; fence = 1; next }
		fence && !on { fence = 0; if ($0 == first) on = 1 }
		on' "$readme"
}

help=$(block '$ make help' | sed 1d)
real=$(make -s -C "$ROOT" --no-print-directory help)
report "README's make help is make help's" \
	"$(diff <(echo "$help") <(echo "$real") | grep '^[<>]' || true)"

missing=
for f in $(sed 's/#.*//' "$ROOT/config/flavours" | awk 'NF { print $1 }'); do
	grep -q "\`$f\`" "$readme" || missing+="flavour $f (config/flavours) is not in README.md"$'\n'
done
report "README names every flavour of config/flavours" "${missing%$'\n'}"

missing=
for k in $(sed -n '/^# The knobs and their defaults/,/^export /p' "$ROOT/scripts/lib.sh" |
	grep -oE '\$\{[A-Z_]+' | tr -d '${' | sort -u); do
	grep -qE "^\| \`$k\` " "$readme" || missing+="knob $k (scripts/lib.sh) has no row in README's Knobs"$'\n'
done
report "README's Knobs table has every knob of scripts/lib.sh" "${missing%$'\n'}"

layout=$(block 'Makefile               the interface (make help); the pinned base version')
problems=
dir=
while read -r indent path; do
	[[ -n $path ]] || continue
	if [[ $indent == 0 ]]; then
		[[ $path == */ ]] && dir=$path || dir=
		p=$path
	else
		p=$dir$path
	fi
	[[ $p == build/* ]] && continue		# scratch: not in a clone
	[[ -e $ROOT/$p ]] || problems+="Layout names $p, which does not exist"$'\n'
done < <(echo "$layout" | awk '/^[^ ]/ || /^  [^ ]/ {
	match($0, /^ */); print RLENGTH, $1 }')
named=$(echo "$layout" | tr -s ' ,;()+' '\n')
for f in "$ROOT"/config/* "$ROOT"/guest/*; do
	p=${f#"$ROOT"/}
	grep -qxF "$p" <<<"$named" || grep -qxF "${p##*/}" <<<"$named" ||
		grep -qxF "$p/" <<<"$named" || problems+="Layout does not name $p"$'\n'
done
for f in "$ROOT"/scripts/*; do
	n=${f##*/}
	grep -qxF "$n" <<<"$named" || grep -qxF "${n%.*}" <<<"$named" ||
		problems+="Layout's scripts/ does not name $n"$'\n'
done
report "README's Layout matches config/, guest/ and scripts/" "${problems%$'\n'}"

report "no issue-tracker numbers in README.md or docs/" \
	"$(grep -rnE '[Ii]ssues? #?[0-9]+|issue[0-9]' "$readme" "$ROOT/docs" --include='*.md' --include='*.txt' |
		sed "s#^$ROOT/##" || true)"
