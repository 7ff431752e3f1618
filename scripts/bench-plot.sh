#!/bin/bash
# Speedup against threads from bench.csv, one line per backing and operation.
#   bench-plot.sh BENCH.CSV OUT.svg OUT.png
set -euo pipefail
csv=$1 svg=$2 png=$3
command -v gnuplot >/dev/null ||
	{ echo "gnuplot is missing (apt-get install gnuplot-nox)" >&2; exit 1; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
plots=()
while IFS=, read -r b op; do
	f="$dir/$b-${op//+/_}.dat"
	awk -F, -v b="$b" -v op="$op" \
		'NR > 1 && $1 == b && $2 == op { print $4, $8 }' "$csv" >"$f"
	[[ $(wc -l <"$f") -gt 1 ]] &&
		plots+=("'$f' using 1:2 with linespoints title '$b $op'")
done < <(awk -F, 'NR > 1 { print $1 "," $2 }' "$csv" | sort -u)

if [[ ${#plots[@]} -eq 0 ]]; then
	echo "bench-plot: no operation was measured at more than one thread count" >&2
	exit 1
fi
maxt=$(awk -F, 'NR > 1 && $4 > m { m = $4 } END { print m }' "$csv")
lines=$(printf '%s, ' "${plots[@]}")

for term in "svg size 900,600 dynamic:$svg" "pngcairo size 900,600:$png"; do
	gnuplot <<-GP
	set terminal ${term%%:*}
	set output '${term#*:}'
	set title 'Speedup against threads (medians, fresh buffers)'
	set xlabel 'threads'
	set ylabel 'speedup against 1 thread'
	set key top left
	set grid
	set xrange [1:$maxt]
	set yrange [0:*]
	plot ${lines} x title 'linear' with lines dashtype 2 lc rgb 'gray'
	GP
done
