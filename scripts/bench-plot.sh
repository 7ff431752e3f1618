#!/bin/bash
# Speedup against threads from bench.csv: one panel per backing, one line
# per operation.
#   bench-plot.sh BENCH.CSV OUT.svg OUT.png
set -euo pipefail
csv=$1 svg=$2 png=$3
command -v gnuplot >/dev/null ||
	{ echo "gnuplot is missing (apt-get install gnuplot-nox)" >&2; exit 1; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mapfile -t backings < <(awk -F, 'NR > 1 && !seen[$1]++ { print $1 }' "$csv")
panels=
for b in "${backings[@]}"; do
	lines=
	while read -r op; do
		f="$dir/$b-${op//+/_}.dat"
		awk -F, -v b="$b" -v op="$op" \
			'NR > 1 && $1 == b && $2 == op { print $4, $8 }' "$csv" >"$f"
		[[ $(wc -l <"$f") -gt 1 ]] &&
			lines+="'$f' using 1:2 with linespoints title '$op', "
	done < <(awk -F, -v b="$b" 'NR > 1 && $1 == b && !seen[$2]++ { print $2 }' "$csv")
	[[ -n $lines ]] && panels+="set title '$b'; plot ${lines}x title 'linear' with lines dashtype 2 lc rgb 'gray'
"
done
if [[ -z $panels ]]; then
	echo "bench-plot: no operation was measured at more than one thread count" >&2
	exit 1
fi
maxt=$(awk -F, 'NR > 1 && $4 > m { m = $4 } END { print m }' "$csv")

for term in "svg size 1200,450 dynamic:$svg" "pngcairo size 1200,450:$png"; do
	gnuplot <<-GP
	set terminal ${term%%:*}
	set output '${term#*:}'
	set multiplot layout 1,${#backings[@]} title 'Speedup against 1 thread (medians, fresh buffers)'
	set xlabel 'threads'
	set ylabel 'speedup'
	set key top left
	set grid
	set xrange [1:$maxt]
	set yrange [0:*]
	$panels
	unset multiplot
	GP
done
