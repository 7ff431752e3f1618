#!/bin/bash
# make lockstat: the benchmark on the lockstat kernel (release + LOCK_STAT;
# FLAVOUR=release for the release kernel, without lock_stat's overhead) for
# OPS, BACKINGS and THREADS, with the mmap_lock trace events on. Prints how
# long mmap_lock writers waited and the most contended lock classes, to find
# out where scaling stops. Times from here are not benchmark results.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

flavour=${FLAVOUR:-lockstat}
res=$(results_dir lockstat "$flavour")
BOOT_DIR=$res "$ROOT/scripts/boot.sh" "$flavour" lockstat $(bench_args) >/dev/null
grep -E '^ *# run ' "$res/results.log"
sed -n '/^# harness: mmap_lock writers/,$p' "$res/results.log" |
	grep -v '^# harness' | tee "$res/lock_stat.txt"
step "lockstat: ${res#$ROOT/}/lock_stat.txt"
