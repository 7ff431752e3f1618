#!/usr/bin/gawk -f
# The benchmark's medians (bench.csv) as a table: one row per backing and
# thread count, one column group per operation.
BEGIN { FS = "," }
NR == 1 { next }
{
	b = $1; op = $2; t = $4 + 0
	if (!(b in seen_b)) { seen_b[b] = 1; backings[++nb] = b }
	if (!(op in seen_op)) { seen_op[op] = 1; ops[++nop] = op }
	if (!((b, t) in seen_bt)) { seen_bt[b, t] = 1; threads[b, ++nt[b]] = t }
	secs[b, op, t] = $6; gibs[b, op, t] = $7; x[b, op, t] = $8
}
END {
	printf "%-8s %7s", "backing", "threads"
	for (o = 1; o <= nop; o++)
		printf " | %-24s", ops[o] " s GiB/s x"
	printf "\n"
	for (i = 1; i <= nb; i++) {
		b = backings[i]
		for (j = 1; j <= nt[b]; j++) {
			t = threads[b, j]
			printf "%-8s %7d", b, t
			for (o = 1; o <= nop; o++) {
				op = ops[o]
				if ((b, op, t) in secs)
					printf " | %9.3f %6.2f %6.2fx", secs[b, op, t],
						gibs[b, op, t], x[b, op, t]
				else
					printf " | %-24s", "         -"
			}
			printf "\n"
		}
	}
}
