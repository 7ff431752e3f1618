#!/bin/bash
# Regenerate patches/ from base..HEAD of build/linux. The cover letter's
# subject and body are carried over from the current patches/0000 file; git
# regenerates its shortlog and diffstat.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[[ -d $TREE/.git ]] || die "no $TREE: run make tree"
git -C "$TREE" rev-parse -q --verify base >/dev/null || die "$TREE has no base tag"
[[ -z $(git -C "$TREE" status --porcelain --untracked-files=no) ]] ||
	die "$TREE has uncommitted changes: commit them first"
n=$(git -C "$TREE" rev-list --count base..HEAD)
[[ $n -gt 0 ]] || die "no commits on top of base"

cover=$PATCHES/0000-cover-letter.patch
desc=$(mktemp)
trap 'rm -f "$desc"' EXIT
if [[ -f $cover ]]; then
	# Subject line (unfolded), a blank line, then the body up to the
	# shortlog header ("Author Name (N):").
	awk '
		/^Subject: / { sub(/^Subject: \[[^]]*\] */, ""); subj = $0; insubj = 1; next }
		insubj && /^ / { sub(/^ /, ""); subj = subj " " $0; next }
		insubj { insubj = 0 }
		!body && /^$/ && subj != "" { body = 1; print subj; print ""; next }
		body && /^[^ ].* \([0-9]+\):$/ { exit }
		body { print }
	' "$cover" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' >"$desc"
else
	printf '*** SUBJECT HERE ***\n\n*** BLURB HERE ***\n' >"$desc"
fi

branch=$(git -C "$TREE" symbolic-ref --short HEAD)
git -C "$TREE" config "branch.$branch.description" "$(cat "$desc")"

mkdir -p "$PATCHES"
rm -f "$PATCHES"/*.patch
git -C "$TREE" format-patch -q --cover-letter --cover-from-description=subject \
	--zero-commit --no-signature --full-index -o "$PATCHES" base..HEAD
step "export: $n patches + cover letter in patches/"
