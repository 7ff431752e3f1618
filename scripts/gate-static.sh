#!/bin/bash
# The static checks of make check's gate, on what the series touches
# (git diff --name-only base..HEAD of build/linux), each compared with the
# same check on the same files at base, so only what the series adds counts:
#
#   sparse   make C=2 of the touched kernel/ mm/ drivers/ lib/ arch/ *.c
#            files that the debug config builds: the sparse warnings.
#   W=1      the same objects built with W=1: the compiler's warnings (the
#            lines that end in [-Wsomething]).
#   kernel-doc  scripts/kernel-doc -none on every touched .c and .h outside
#            tools/: its warnings.
#
# A warning is its file and message with the line and column numbers
# dropped (a patch moves lines); "new" means it occurs more often on the
# series than on base. The series' objects are rebuilt in a copy of
# build/obj-debug (configured and prepared already), base's in
# build/obj-static-base, kept between runs; both through ccache.
#
# Prints one "ok DESCRIPTION" or "not ok DESCRIPTION" line per check, with
# the new warnings as "# " lines before it; gate.sh numbers them. Keeps the
# warnings in $RESULTS_DIR/static/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

out=${RESULTS_DIR:?}/static
debug=$(objdir debug)
[[ -f $debug/.config ]] || die "no $debug: run make kernel-debug"
rm -rf "$out"
mkdir -p "$out"

mapfile -t touched < <(git -C "$TREE" diff --name-only base..HEAD)
objs=() docs=()
for f in "${touched[@]}"; do
	[[ -f $TREE/$f ]] || continue
	[[ $f == *.[ch] && $f != tools/* ]] && docs+=("$f")
	[[ $f =~ ^(kernel|mm|drivers|lib|arch|security)/.*\.c$ && -f $debug/${f%.c}.o ]] &&
		objs+=("${f%.c}.o")
done

worktree base base shared
base=$WT
series_obj=$(objdir static-series) base_obj=$(objdir static-base)
rm -rf "$series_obj"
cp -a "$debug" "$series_obj"
if [[ ! -f $base_obj/.config ]]; then
	rm -rf "$base_obj"
	cp -a "$debug" "$base_obj"
fi
cp "$debug/.config" "$base_obj/.config"

export CCACHE_BASEDIR=$BUILD
# build SRC OBJ LOG: rebuild the touched objects that SRC has, with sparse
# and W=1.
build() {
	local src=$1 obj=$2 o mine=()
	for o in "${objs[@]}"; do
		[[ -f $src/${o%.o}.c ]] || continue
		rm -f "$obj/$o"
		mine+=("$o")
	done
	make -C "$src" O="$obj" -s olddefconfig >/dev/null
	[[ ${#mine[@]} -gt 0 ]] || { : >"$3"; return; }
	make -C "$src" O="$obj" -j"$(nproc)" CC="ccache gcc" C=2 W=1 \
		"${mine[@]}" >"$3" 2>&1 ||
		{ tail -n 20 "$3" >&2; die "gate: building ${mine[*]} in $src failed"; }
}

# The warnings and errors of a log, paths from the tree's top.
raw() {
	sed -E -e "s#^($TREE|$base)/##" -e 's#^(\.\./)+(linux|worktrees/base)/##' \
		-e 's/\x1b\[[0-9;]*m//g' "$1" |
		grep -E '^[^ :]+:[0-9]+(:[0-9]+)?: (warning|error): ' || true
}
# ... as a sorted list, without the numbers after colons (a patch moves lines).
normal() { sed -E 's/:[0-9]+(:[0-9]+)?/:/g' | LC_ALL=C sort; }
# compare NAME WHAT: "ok" when $out/NAME-series has no line more often than
# $out/NAME-base does, else "not ok" after the new lines.
compare() {
	local new
	new=$(LC_ALL=C comm -13 "$out/$1-base" "$out/$1-series")
	printf '%s' "${new:+$new$'\n'}" >"$out/$1-new"
	if [[ -z $new ]]; then
		echo "ok $2"
	else
		echo "$new" | head -n 20 | sed 's/^/# /'
		echo "not ok $2 ($(echo "$new" | wc -l) new)"
	fi
}

step "gate: sparse and W=1 of ${#objs[@]} touched objects, series and base" >&2
build "$TREE" "$series_obj" "$out/build-series.log"
build "$base" "$base_obj" "$out/build-base.log"
for side in series base; do
	raw "$out/build-$side.log" >"$out/all-$side"
	# gcc's warnings name their option; kernel-doc's (W=1 runs it too) have
	# no column and are the kernel-doc check's; sparse's are the rest.
	{ grep -E '\[-W[^]]*\]$' "$out/all-$side" || true; } | normal >"$out/w1-$side"
	{ grep -vE '\[-W[^]]*\]$' "$out/all-$side" | grep -E '^[^ :]+:[0-9]+:[0-9]+: ' || true; } |
		normal >"$out/sparse-$side"
done
compare sparse "sparse (make C=2) of ${#objs[@]} touched objects: no new warnings against base"
compare w1 "W=1 build of ${#objs[@]} touched objects: no new warnings against base"

for side in series base; do
	src=$TREE
	[[ $side == base ]] && src=$base
	for f in "${docs[@]}"; do
		[[ -f $src/$f ]] || continue
		(cd "$src" && scripts/kernel-doc -none "$f" 2>&1 >/dev/null) || true
	done >"$out/kdoc-$side.log"
	raw "$out/kdoc-$side.log" | normal >"$out/kdoc-$side"
done
compare kdoc "kernel-doc -none of ${#docs[@]} touched files: no new warnings against base"
