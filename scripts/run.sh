#!/bin/bash
# make run CMD="..." [FLAVOUR=debug|release]: boot a kernel with VCPUS vCPUs
# and MEM and run one command in the guest, printing its output (like
# vng -- CMD). A DIR/BINARY first word is a selftest, run as make check runs
# it (in its directory, with what guest/init gives upstream's tests); anything
# else is a busybox shell command in /tests. Exits with the command's status;
# a kernel splat or a hang fails it as in make check.
#
#   make run CMD="mm/mlock_mt_test -t mt.sigkill_during_mlock"
#   make run CMD="cat /proc/meminfo" FLAVOUR=release
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[[ -n $CMD ]] || die 'usage: make run CMD="DIR/BINARY [ARGS...]" [FLAVOUR=debug|release]'
flavour=${FLAVOUR:-debug}
tcg_for_flavour "$flavour"
res=$(results_dir run "$flavour")
plan=$(mktemp)
trap 'rm -f "$plan"' EXIT
echo "run $CMD" >"$plan"
# shellcheck disable=SC2086 # BOOT_ARGS: kernel command line words
BOOT_DIR=$res BOOT_PLAN=$plan "$ROOT/scripts/boot.sh" "$flavour" run $BOOT_ARGS
rc=$(sed -n 's/^# harness: exit run \([0-9]*\)$/\1/p' "$res/results.log")
step "run: exit status ${rc:-unknown} (output: ${res#$ROOT/}/results.log)"
exit "${rc:-1}"
