#!/bin/bash
# make lockstat: the benchmark on the lockstat kernel (release + LOCK_STAT)
# for OPS, BACKINGS and THREADS, then the most contended lock classes, to
# find out where scaling stops. Times under lock_stat are not benchmark
# results.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

res=$BUILD/results/lockstat-lockstat
comma() { echo "$*" | tr ' ' ','; }
"$ROOT/scripts/boot.sh" lockstat lockstat \
	bench_size="$SIZE" bench_runs="${RUNS}" \
	bench_threads="$(comma $THREADS)" bench_backings="$(comma $BACKINGS)" \
	${OPS:+bench_ops="$(comma $OPS)"} >/dev/null
sed -n '/^# harness: lock_stat/,$p' "$res/results.log" | tail -n +2 |
	tee "$BUILD/results/lock_stat.txt"
step "lockstat: build/results/lock_stat.txt"
