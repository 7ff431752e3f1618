#!/bin/bash
# make bench-settings: the benchmark once per line of config/bench-settings
# (a kernel and its command line: preempt model, init_on_alloc), with the
# knobs of make bench (OPS defaults to "map mlock populate" here), then one
# table of the medians: per setting, backing and operation, the seconds at
# one thread, at the most threads, and the speedup.
#
# Writes build/results/bench-settings/: settings.csv (every median, with its
# setting), table.txt, each boot's output as TAG.log (TAG: the name with "_"
# for characters other than letters, digits, "=", "." and "-"), and each
# boot's files in build/results/bench-FLAVOUR-TAG/.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

: "${OPS:=map mlock populate}"
export OPS
out=$RESULTS/bench-settings
rm -rf "$out"
mkdir -p "$out"
echo "setting,flavour,backing,op,size_bytes,threads,runs,median_s,gib_per_s,speedup" \
	>"$out/settings.csv"
while read -r name flavour words; do
	[[ $name != *,* ]] || die "config/bench-settings: a name may not hold a comma ($name)"
	[[ $words == - ]] && words=
	tag=${name//[^A-Za-z0-9=.-]/_}
	step "bench-settings: $name ($flavour${words:+, $words})"
	BENCH_NAME=$tag BOOT_ARGS=$words FLAVOUR=$flavour \
		"$ROOT/scripts/bench.sh" >"$out/$tag.log" 2>&1 ||
		{ tail -n 30 "$out/$tag.log" >&2; die "bench-settings: $name failed"; }
	res=$(results_dir bench "$flavour")-$tag
	awk -v s="$name" -v f="$flavour" 'NR > 1 { print s "," f "," $0 }' \
		"$res/bench.csv" >>"$out/settings.csv"
done < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/config/bench-settings")

echo
echo "Medians of $RUNS runs, fresh $SIZE buffers, $VCPUS vCPUs, $MEM guest (TCG)."
echo "1 t: seconds at one thread; N t: at the most threads; x: speedup (same boot)."
echo
"$ROOT/scripts/bench-settings-table.awk" "$out/settings.csv" | tee "$out/table.txt"
