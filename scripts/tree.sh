#!/bin/bash
# build/linux: the pinned Debian source as a git repository, its pristine
# commit tagged "base", with the series from patches/ applied by git am.
#
# An existing tree is kept when its base..HEAD matches patches/. Otherwise we
# stop, rather than throw away work that was not exported; FORCE=1 re-applies
# patches/ on top of base.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

tarball=/usr/src/linux-source-6.12.tar.xz

apply_series() {
	local p n=0
	for p in $(series); do
		git -C "$TREE" am -q --3way "$p" ||
			die "$(basename "$p") does not apply; the tree is left mid-am in $TREE"
		n=$((n + 1))
	done
	step "tree: applied $n patches on base"
}

if [[ -d $TREE/.git ]] && git -C "$TREE" rev-parse -q --verify base >/dev/null; then
	tree_matches_patches && exit 0
	# Work in progress in the tree, newer than patches/: build it.
	newest_patch=$(series | xargs -r stat -c %Y 2>/dev/null | sort -n | tail -n1)
	if [[ ${FORCE:-0} != 1 ]] &&
	   [[ $(git -C "$TREE" log -1 --format=%ct) -gt ${newest_patch:-0} ]]; then
		echo "note: $TREE has commits that are not in patches/ yet (make export)" >&2
		exit 0
	fi
	if [[ ${FORCE:-0} != 1 ]]; then
		die "$TREE (base..HEAD) differs from patches/.
  To keep the tree's commits:   make export
  To re-apply patches/ on base: make tree FORCE=1 (the tree's commits are lost)"
	fi
	step "tree: resetting to base and re-applying patches/"
	git -C "$TREE" am --abort >/dev/null 2>&1 || true
	git -C "$TREE" checkout -q --detach base
	git -C "$TREE" branch -q -f series base
	git -C "$TREE" checkout -q series
	apply_series
	exit 0
fi

[[ -f $tarball ]] || die "$tarball is missing: run make deps"
version=$(dpkg-query -W -f='${Version}' linux-source-6.12)

step "tree: unpacking linux-source-6.12 $version"
rm -rf "$TREE" "$TREE.tmp"
mkdir -p "$TREE.tmp"
tar -C "$TREE.tmp" --strip-components=1 -xf "$tarball"

step "tree: committing the pristine base"
# Debian's .gitignore ends with a rule that ignores everything at the top
# level; without it, new files (a new selftest) can be added normally. This is
# the only change to the unpacked source, and no patch touches .gitignore.
sed -i -e '/^# Debian packaging: ignore everything/,$d' "$TREE.tmp/.gitignore"
sed -i -e '${/^#$/d}' "$TREE.tmp/.gitignore"
git -C "$TREE.tmp" init -q -b series
# -f: the tarball is pristine source, dotfiles (.gitignore) included.
git -C "$TREE.tmp" add -A -f
git -C "$TREE.tmp" commit -q -m "Debian linux-source-6.12 $version" \
	-m "Debian's top-level ignore-everything rule is dropped from .gitignore."
git -C "$TREE.tmp" tag base
mv "$TREE.tmp" "$TREE"
apply_series
