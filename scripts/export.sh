#!/bin/bash
# Regenerate patches/ from base..HEAD of build/linux: one series per line of
# config/series, cut where its first patch begins, each in patches/DIR with
# a cover letter. A cover letter's subject and body are carried over from
# the current patches/DIR/0000 file; git regenerates its shortlog and
# diffstat.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[[ -d $TREE/.git ]] || die "no $TREE: run make tree"
git -C "$TREE" rev-parse -q --verify base >/dev/null || die "$TREE has no base tag"
[[ -z $(git -C "$TREE" status --porcelain --untracked-files=no) ]] ||
	die "$TREE has uncommitted changes: commit them first"
n=$(git -C "$TREE" rev-list --count base..HEAD)
[[ $n -gt 0 ]] || die "no commits on top of base"

# Where each series begins: the commit of base..HEAD whose subject is FIRST.
mapfile -t commits < <(git -C "$TREE" rev-list --reverse base..HEAD)
mapfile -t subjects < <(git -C "$TREE" log --reverse --format=%s base..HEAD)
dirs=() starts=()
while read -r dir first; do
	at=
	for i in "${!subjects[@]}"; do
		[[ ${subjects[i]} == "$first" ]] || continue
		[[ -z $at ]] || die "config/series: two patches are called '$first'"
		at=$i
	done
	[[ -n $at ]] || die "config/series: no patch of base..HEAD is called '$first' ($dir)"
	[[ ${#starts[@]} -gt 0 || $at == 0 ]] ||
		die "config/series: $dir does not begin at the first patch of the series"
	[[ ${#starts[@]} -eq 0 || $at -gt ${starts[-1]} ]] ||
		die "config/series: $dir begins before the series above it"
	dirs+=("$dir") starts+=("$at")
done < <(series_table)
[[ ${#dirs[@]} -gt 0 ]] || die "config/series lists no series"
starts+=("${#commits[@]}")

# The subject, a blank line and the body of cover letter $1 (up to the
# shortlog's "Author Name (N):" line), or git's placeholders.
cover_text() {
	if [[ -f $1 ]]; then
		awk '
			/^Subject: / { sub(/^Subject: \[[^]]*\] */, ""); subj = $0; insubj = 1; next }
			insubj && /^ / { sub(/^ /, ""); subj = subj " " $0; next }
			insubj { insubj = 0 }
			!body && /^$/ && subj != "" { body = 1; print subj; print ""; next }
			body && /^[^ ].* \([0-9]+\):$/ { exit }
			body { print }
		' "$1" | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
	else
		printf '*** SUBJECT HERE ***\n\n*** BLURB HERE ***\n'
	fi
}

out=$(mktemp -d)
trap 'rm -rf "$out"; git -C "$TREE" for-each-ref --format="%(refname:short)" refs/heads/export/ |
	xargs -r git -C "$TREE" branch -q -D' EXIT
for i in "${!dirs[@]}"; do
	dir=${dirs[i]}
	from=${commits[starts[i]]}~1 to=${commits[starts[i + 1] - 1]}
	# git format-patch takes a cover letter's text from the description of
	# the branch it formats: a branch of the series' last patch.
	br=export/$dir
	git -C "$TREE" branch -q -f "$br" "$to"
	git -C "$TREE" config "branch.$br.description" "$(cover_text "$PATCHES/$dir/0000-cover-letter.patch")"
	git -C "$TREE" format-patch -q --cover-letter --cover-from-description=subject \
		--zero-commit --no-signature --full-index -o "$out/$dir" "$from..$br"
	git -C "$TREE" config --remove-section "branch.$br" 2>/dev/null || true
	step "export: patches/$dir: $((starts[i + 1] - starts[i])) patches + cover letter"
done

mkdir -p "$PATCHES"
rm -rf "${PATCHES:?}"/*
cp -r "$out"/. "$PATCHES"/
step "export: $n patches in ${#dirs[@]} series in patches/"
