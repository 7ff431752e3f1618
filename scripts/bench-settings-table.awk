#!/usr/bin/gawk -f
# settings.csv (scripts/bench-settings.sh) as a table: one row per setting
# and backing, one column group per operation (seconds at one thread, at the
# most threads, and the speedup).
BEGIN { FS = "," }
NR == 1 { next }
{
	s = $1; b = $3; op = $4; t = $6 + 0
	if (!(s in seen_s)) { seen_s[s] = 1; settings[++ns] = s }
	if (!(b in seen_b)) { seen_b[b] = 1; backings[++nb] = b }
	if (!(op in seen_op)) { seen_op[op] = 1; ops[++nop] = op }
	if (t == 1) one[s, b, op] = $8
	if (t >= maxt[s, b, op]) { maxt[s, b, op] = t; most[s, b, op] = $8; x[s, b, op] = $10 }
}
END {
	printf "%-18s %-8s", "setting", "backing"
	for (o = 1; o <= nop; o++)
		printf " | %-22s", ops[o] " 1t Nt x"
	printf "\n"
	for (i = 1; i <= ns; i++)
		for (j = 1; j <= nb; j++) {
			s = settings[i]; b = backings[j]
			printf "%-18s %-8s", s, b
			for (o = 1; o <= nop; o++) {
				op = ops[o]
				if (!((s, b, op) in one)) { printf " | %-22s", "  -"; continue }
				if (maxt[s, b, op] > 1)
					printf " | %6.3f %6.3f %5.2fx ", one[s, b, op], most[s, b, op], x[s, b, op]
				else
					printf " | %6.3f %6s %6s ", one[s, b, op], "-", "-"
			}
			printf "\n"
		}
}
