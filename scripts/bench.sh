#!/bin/bash
# make bench: boot the release kernel with one vCPU per host core (VCPUS) and
# run the selftest benchmark (vfio_dma_bench) on fresh buffers of SIZE, RUNS
# times per point. Prints the table of medians and writes
# build/results/bench.csv (medians), bench-runs.csv (every run) and
# bench-speedup.svg/.png (speedup against threads).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

: "${VCPUS:=$(nproc)}" "${MEM:=4G}" "${SIZE:=1G}" "${RUNS:=5}"
: "${BACKINGS:=4k thp hugetlb}" "${THREADS:=}" "${OPS:=}"
export VCPUS MEM
flavour=${FLAVOUR:-release}
res=$BUILD/results
out=$res/bench-$flavour
comma() { echo "$*" | tr ' ' ','; }

"$ROOT/scripts/boot.sh" "$flavour" bench \
	bench_size="$SIZE" bench_runs="$RUNS" \
	bench_threads="$(comma $THREADS)" bench_backings="$(comma $BACKINGS)" \
	${OPS:+bench_ops="$(comma $OPS)"}

[[ $flavour == release ]] || res=$res/$flavour
mkdir -p "$res"
sed -n 's/^# csv: //p' "$out/results.log" >"$res/bench.csv"
{
	echo "backing,op,threads,run,seconds"
	sed -n 's/^# run op=\([^ ]*\) backing=\([^ ]*\) threads=\([0-9]*\) run=\([0-9]*\) seconds=\([0-9.]*\)$/\2,\1,\3,\4,\5/p' \
		"$out/results.log"
} >"$res/bench-runs.csv"
[[ $(wc -l <"$res/bench.csv") -gt 1 ]] || die "the benchmark printed no results"

echo
echo "Medians of $RUNS runs, fresh $SIZE buffers, $VCPUS vCPUs, $MEM guest (TCG);"
echo "speedup is against 1 thread of the same operation in the same run."
echo
"$ROOT/scripts/bench-table.awk" "$res/bench.csv"
echo
"$ROOT/scripts/bench-plot.sh" "$res/bench.csv" "$res/bench-speedup.svg" \
	"$res/bench-speedup.png" &&
	step "bench: ${res#$ROOT/}/bench.csv, bench-runs.csv, bench-speedup.{svg,png}"
