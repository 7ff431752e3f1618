#!/bin/bash
# make bench: boot a kernel with VCPUS vCPUs and run the selftest benchmark
# (vfio_dma_bench) on fresh buffers of SIZE, RUNS times per point. FLAVOUR:
# release (default); stock, the kernel without the series; distro, the series
# on Debian's config; stock-debian, Debian's own kernel. BOOT_ARGS: words for
# the kernel command line. Prints the table of medians and writes, in
# build/results/bench-FLAVOUR[-BENCH_NAME]/ next to the boot's logs, bench.csv
# (medians; the form of docs/results/*.csv), bench-runs.csv (every run),
# bench-speedup.svg/.png (speedup against threads) and knobs.txt.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

flavour=${FLAVOUR:-release}
res=$(results_dir bench "$flavour")${BENCH_NAME:+-$BENCH_NAME}
out=$res

# shellcheck disable=SC2086 # BOOT_ARGS: kernel command line words
BOOT_DIR=$res "$ROOT/scripts/boot.sh" "$flavour" bench $(bench_args) $BOOT_ARGS

echo "make bench FLAVOUR=$flavour BOOT_ARGS='$BOOT_ARGS' VCPUS=$VCPUS MEM=$MEM SIZE=$SIZE RUNS=$RUNS" \
	"THREADS='$THREADS' BACKINGS='$BACKINGS' OPS='$OPS'" >"$res/knobs.txt"
sed -n 's/^ *# csv: //p' "$out/results.log" >"$res/bench.csv"
{
	echo "backing,op,threads,run,seconds"
	sed -n 's/^ *# run op=\([^ ]*\) backing=\([^ ]*\) threads=\([0-9]*\) run=\([0-9]*\) seconds=\([0-9.]*\)$/\2,\1,\3,\4,\5/p' \
		"$out/results.log"
} >"$res/bench-runs.csv"
[[ $(wc -l <"$res/bench.csv") -gt 1 ]] || die "the benchmark printed no results"

echo
echo "Medians of $RUNS runs, fresh $SIZE buffers, $VCPUS vCPUs, $MEM guest (TCG);"
echo "speedup is against 1 thread of the same operation in the same run."
echo
"$ROOT/scripts/bench-table.awk" "$res/bench.csv"
echo
# No plot of a run at one thread count (Debian's own kernel, THREADS=1).
if "$ROOT/scripts/bench-plot.sh" "$res/bench.csv" "$res/bench-speedup.svg" \
	"$res/bench-speedup.png"; then
	step "bench: ${res#$ROOT/}/bench.csv, bench-runs.csv, bench-speedup.{svg,png}"
else
	step "bench: ${res#$ROOT/}/bench.csv, bench-runs.csv (no plot)"
fi
