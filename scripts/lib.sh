# Sourced by the scripts in this directory: paths, the knobs' defaults,
# messages, and what several scripts share (the series, the test lists, the
# worktrees of build/linux).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build
TREE=$BUILD/linux
PATCHES=$ROOT/patches
RESULTS=$BUILD/results

# The knobs and their defaults, here and only here (README.md, "Knobs").
# The Makefile passes what is set on its command line through the environment.
: "${VCPUS:=$(nproc)}" "${MEM:=4G}" "${SIZE:=1G}" "${RUNS:=5}"
: "${THREADS=}"                       # empty: 1, 2, 4, ... up to VCPUS
: "${BACKINGS:=4k thp hugetlb}"
: "${OPS=}"                           # empty: every operation
: "${CHECK_VCPUS:=2}" "${CHECK_MEM:=3G}"
: "${CHECK_MT_VCPUS:=4}" "${CHECK_MT_MEM:=3G}"
: "${CHECK_STATIC:=1}"                # make check runs sparse, W=1, kernel-doc
: "${CHECK_FULL:=0}"                  # 1: the lists' "full" lines too (make check-full)
: "${TESTS=}"                         # comma-separated globs of test names
: "${BOOT_TIMEOUT=}" "${ACCEL=}" "${FLAVOUR=}" "${CMD=}"
: "${TIMEOUT_SCALE:=4}"               # a test's settings timeout, times this
: "${BOOT_ARGS=}"                     # kernel command line words (bench, run)
: "${TCG_THREAD=}"                    # multi (default) or single: TCG's vCPU threads
: "${VIOMMU_CACHING:=on}"             # the vIOMMU's caching mode: on, or off (no IOTLB flush on map)
export VCPUS MEM SIZE RUNS THREADS BACKINGS OPS CHECK_VCPUS CHECK_MEM \
	CHECK_MT_VCPUS CHECK_MT_MEM CHECK_STATIC CHECK_FULL TESTS BOOT_TIMEOUT TIMEOUT_SCALE ACCEL \
	BOOT_ARGS TCG_THREAD VIOMMU_CACHING

# The same object directory per flavour every time, so ccache hits.
objdir() { echo "$BUILD/obj-$1"; }

# flavour NAME: its row of config/flavours as F_SOURCE, F_BASE and F_FRAGS
# (an array of fragment files).
flavour() {
	local row
	row=$(sed 's/#.*//' "$ROOT/config/flavours" | awk -v f="$1" '$1 == f')
	[[ -n $row ]] || die "unknown flavour $1 (config/flavours lists them)"
	read -r _ F_SOURCE F_BASE F_FRAGS <<<"$row"
	local f frags=()
	for f in $F_FRAGS; do
		[[ $f == - ]] || frags+=("$ROOT/config/$f.config")
	done
	F_FRAGS=("${frags[@]}")
}

# kconfig SRC OBJ BASE FRAGMENT...: BASE (tiny: tinyconfig; debian: Debian's
# own config with only the modules of config/distro-modules; debian-full:
# Debian's own config, every module) plus the fragments, in OBJ.
kconfig() {
	local src=$1 obj=$2 base=$3
	shift 3
	mkdir -p "$obj"
	case $base in
	tiny) make -C "$src" O="$obj" -s tinyconfig >/dev/null ;;
	debian)
		local cfg
		cfg=$("$ROOT/scripts/debian-kernel.sh" config)
		cp "$cfg" "$obj/.config"
		list_lines "$ROOT/config/distro-modules" |
			awk 'BEGIN { print "Module Size Used by" } { print $1, 0, 0 }' \
			>"$obj/distro-modules.lsmod"
		make -C "$src" O="$obj" -s LSMOD="$obj/distro-modules.lsmod" \
			localmodconfig >"$obj/localmodconfig.log" 2>&1 ||
			{ tail "$obj/localmodconfig.log" >&2; die "localmodconfig failed"; }
		;;
	debian-full) cp "$("$ROOT/scripts/debian-kernel.sh" config)" "$obj/.config" ;;
	*) die "unknown config base $base" ;;
	esac
	KCONFIG_CONFIG=$obj/.config "$src/scripts/kconfig/merge_config.sh" -m \
		-O "$obj" "$obj/.config" "$@" >/dev/null
	make -C "$src" O="$obj" -s olddefconfig >/dev/null
}

# make of kernel tree SRC out of tree in OBJ, on every CPU, through ccache
# (paths relative to build/ in its keys, so trees share the cache), with
# fixed build names: kmake SRC OBJ ARGS...
kmake() {
	CCACHE_BASEDIR=$BUILD make -C "$1" O="$2" -j"$(nproc)" CC="ccache gcc" \
		KBUILD_BUILD_TIMESTAMP="harness" KBUILD_BUILD_USER=harness \
		KBUILD_BUILD_HOST=harness "${@:3}"
}

# Debian's config rewrites kernel text at run time (jump labels, static
# calls) when a test turns a trace event on or off, and multi-threaded TCG
# then runs stale code with an int3 in it: an oops, with Debian's own kernel
# too (docs/results/distro-2026-12-05). So a kernel of Debian's config, or
# Debian's own, runs with one TCG thread unless TCG_THREAD says otherwise:
# tcg_for_flavour FLAVOUR.
tcg_for_flavour() {
	flavour "$1"
	if [[ $F_SOURCE == deb* || $F_BASE == debian* ]]; then
		export TCG_THREAD=${TCG_THREAD:-single}
	fi
}

# What in a guest's console fails a run: a kernel splat (BUG, WARNING,
# lockdep, KASAN, UBSAN, oops, panic, hung task, RCU stall, a stack trace).
SPLAT_RE='BUG: |WARNING: |kernel BUG at|Oops|general protection fault|Kernel panic|UBSAN: |INFO: task .* blocked for more than|rcu: INFO: .* stall|Call Trace:'

# Where a kernel flavour's image is.
image_of() {
	case $1 in
	release) echo "$BUILD/bzImage" ;;
	*) echo "$BUILD/bzImage-$1" ;;
	esac
}

# Every run of a target keeps its files in one place, with the same names
# every time: build/results/TARGET-FLAVOUR/.
results_dir() { echo "$RESULTS/$1-$2"; }

_t0=${HARNESS_T0:-$(date +%s)}
export HARNESS_T0=$_t0

step() {
	local s=$(($(date +%s) - _t0))
	printf '[%2d:%02d] %s\n' $((s / 60)) $((s % 60)) "$*"
}

die() {
	echo "error: $*" >&2
	exit 1
}

# Run "$@" with its output in $log, printing one progress line every 20 s
# (how many lines matching $pattern it printed so far). Dump the log tail on
# failure.
with_progress() {
	local what=$1 log=$2 pattern=$3
	shift 3
	"$@" >"$log" 2>&1 &
	local pid=$! n
	while kill -0 "$pid" 2>/dev/null; do
		sleep 20 &
		wait $! || true
		kill -0 "$pid" 2>/dev/null || break
		n=$(grep -cE "$pattern" "$log" || true)
		step "$what: $n done"
	done
	if ! wait "$pid"; then
		tail -n 40 "$log" >&2
		die "$what failed (whole log: $log)"
	fi
}

# The benchmark's kernel command line words (guest/init's bench_*), one a
# line, from the knobs.
bench_args() {
	local t=${THREADS// /,} b=${BACKINGS// /,} o=${OPS// /,}
	printf '%s\n' bench_size="$SIZE" bench_runs="$RUNS" \
		bench_threads="$t" bench_backings="$b" ${o:+bench_ops="$o"}
}

# --- The series ---------------------------------------------------------

# config/series: a line per series of patches/ (DIR FIRST-SUBJECT), in
# the order they apply.
series_table() { grep -v '^#' "$ROOT/config/series" | awk 'NF'; }

# The directories of patches/'s series, in order.
series_dirs() { series_table | awk '{ print $1 }'; }

# The patch files of patches/, series after series, without cover letters.
series() {
	local d
	for d in $(series_dirs); do
		ls "$PATCHES/$d"/[0-9]*.patch 2>/dev/null | grep -v '/0000-' || true
	done
}

# Sorted stable patch-ids of the patches on stdin.
patch_ids() { git patch-id --stable | awk '{ print $1 }' | sort; }

# Is base..HEAD of build/linux the same change as patches/?
tree_matches_patches() {
	local a b
	a=$(git -C "$TREE" format-patch --stdout base..HEAD | patch_ids)
	b=$(series | xargs -r cat | patch_ids)
	[[ $a == "$b" ]]
}

# --- Worktrees of build/linux ---------------------------------------------

# worktree NAME REV [shared]: sets WT to build/worktrees/NAME, a clean
# worktree of build/linux at REV, locked until the caller exits. Each user
# that moves the checkout (git am, checkout of each patch) has a NAME of its
# own and an exclusive lock, so none clobbers another's. With "shared", the
# caller only reads REV, and may share the worktree with other such readers
# (the stock kernels and the gate's base build share "base"); it is set up
# only if it is not at REV and clean already.
worktree() {
	WT=$BUILD/worktrees/$1
	mkdir -p "$BUILD/worktrees"
	exec {_wt_lock}>"$WT.lock"
	if [[ ${3:-} == shared ]]; then
		flock -s -n "$_wt_lock" || die "$WT is in use by another harness command"
		[[ -d $WT && $(git -C "$WT" rev-parse HEAD) == $(git -C "$TREE" rev-parse "$2^{commit}") &&
		   -z $(git -C "$WT" status --porcelain) ]] && return 0
	fi
	flock -x -n "$_wt_lock" || die "$WT is in use by another harness command"
	git -C "$TREE" worktree prune
	[[ -d $WT ]] || git -C "$TREE" worktree add -q --detach "$WT" "$2"
	git -C "$WT" am --abort >/dev/null 2>&1 || true
	git -C "$WT" checkout -q -f --detach "$2"
	git -C "$WT" clean -q -fdx
	[[ ${3:-} == shared ]] && flock -s "$_wt_lock"
	return 0
}

# --- The test lists --------------------------------------------------------

# A list (guest/check.list, guest/check-mt.list) has one test a line:
# DIR/BINARY [ARGS...], and # comments. A test's name is its line with the
# blanks as "_" (mm/gup_test -a -j 4 is mm/gup_test_-a_-j_4).
list_lines() {
	sed -e 's/#.*//' -e 's/[[:space:]]\+/ /g' -e 's/^ //' -e 's/ $//' "$1" |
		grep -v '^$' || true
}

# A line that starts with the word "full" is for make check-full only: its
# tests run where CHECK_FULL=1 (make check-full, make mutants), and make check
# (CI's) leaves them out. tier_lines LIST: the lines of LIST this run takes,
# without the word.
tier_lines() {
	if [[ $CHECK_FULL == 1 ]]; then
		list_lines "$1" | sed 's/^full //'
	else
		list_lines "$1" | grep -v '^full ' || true
	fi
}

# Is the test binary DIR/BINARY in the base tree, i.e. not the series'?
is_upstream() { git -C "$TREE" cat-file -e "base:tools/testing/selftests/$1.c" 2>/dev/null; }

# select_tests LIST PREFIX [upstream]: "NAME DIR/BINARY [ARGS...]" for each
# test of LIST that TESTS selects (a glob matches the name with or without
# PREFIX), NAME being PREFIX and the test's name; with "upstream", only the
# tests that are not the series' own, and not at a populate_max_threads=.
select_tests() {
	local list=$1 prefix=$2 only=${3:-} line name glob want
	while read -r line; do
		name=$prefix${line// /_}
		[[ $only == upstream ]] && ! is_upstream "${line%% *}" && continue
		# Without the series there is no sysctl: the line would repeat another.
		[[ $only == upstream && $line == *" populate_max_threads="* ]] && continue
		want=1
		if [[ -n $TESTS ]]; then
			want=0
			set -f
			for glob in ${TESTS//,/ }; do
				[[ $name == $glob || ${name#"$prefix"} == $glob ]] && want=1
			done
			set +f
		fi
		if [[ $want == 1 ]]; then echo "$name $line"; fi
	done < <(tier_lines "$list")
}

# Every kselftest binary of every list, DIR/BINARY, once; harness/ is the
# harness's own tests (guest/, installed by scripts/initramfs.sh).
all_test_binaries() {
	local l
	for l in "$ROOT"/guest/check*.list; do CHECK_FULL=1 tier_lines "$l"; done |
		awk '$1 !~ /^harness\// { print $1 }' | sort -u
}

# git am and commit need a committer; a fresh CI machine may have none.
if ! git config user.email >/dev/null 2>&1; then
	export GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-harness}
	export GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-harness@localhost}
	export GIT_AUTHOR_NAME=${GIT_AUTHOR_NAME:-harness}
	export GIT_AUTHOR_EMAIL=${GIT_AUTHOR_EMAIL:-harness@localhost}
fi

# The upstream cases that fail without the series too (guest/known-failures),
# as "SECTION|CASE" words for scripts/summarize.awk.
known_failures() {
	list_lines "$ROOT/guest/known-failures" | awk '{ print $1 "|" $2 }' | xargs
}
