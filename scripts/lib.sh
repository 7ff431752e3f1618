# Sourced by the scripts in this directory: paths and messages, nothing else.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$ROOT/build
TREE=$BUILD/linux
PATCHES=$ROOT/patches

# The same object directory per flavour every time, so ccache hits.
objdir() { echo "$BUILD/obj-$1"; }

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

# git am and commit need a committer; a fresh CI machine may have none.
if ! git config user.email >/dev/null 2>&1; then
	export GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-harness}
	export GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-harness@localhost}
	export GIT_AUTHOR_NAME=${GIT_AUTHOR_NAME:-harness}
	export GIT_AUTHOR_EMAIL=${GIT_AUTHOR_EMAIL:-harness@localhost}
fi
