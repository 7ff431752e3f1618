# The time of each test and of each kselftest case of one boot, from its
# times.log (scripts/boot.sh: each line of results.log after the host's
# clock in seconds, as the line came out of the guest). Prints "test SECONDS
# NAME" for each test and "case SECONDS TEST CASE" for each case, in the
# order they ran; a case still running at the end of the log is "cut".
{
	t = $1
	line = substr($0, index($0, " ") + 1)
	# A test's own lines are nested in the boot's KTAP (guest/time-limit).
	sub(/^    /, "", line)
}
line ~ /^# harness: run / {
	split(line, a, " ")
	test = a[4]
	tstart = t
	c = ""
	next
}
line ~ /^# harness: time / && test != "" {
	printf "test %d %s\n", t - tstart, test
	test = ""
	next
}
line ~ /^#  RUN / {
	split(line, a, " ")
	c = a[3]
	cstart = t
	next
}
line ~ /^# +(OK|FAIL|XFAIL) / && c != "" {
	printf "case %d %s %s\n", t - cstart, test, c
	c = ""
	next
}
END {
	if (c != "")
		printf "case cut %s %s\n", test, c
	if (test != "")
		printf "test cut %s\n", test
}
