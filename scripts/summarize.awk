# Count test results in the guests' ttyS1 logs (see guest/init) and the gate's
# log, concatenated by scripts/parse.sh with a "# harness: log FILE" line
# before each.
#
# Each log is one KTAP document (guest/time-limit): "KTAP version 1", a plan
# of one test per section, and for each section a "# harness: run NAME"
# line, the section's own output nested four spaces deeper, and its result
# line at column 0 ("ok N NAME", "not ok N NAME # exit=RC", "... # TIMEOUT
# LIMITs exit=RC"). Inside a kselftest section the results are its KTAP
# lines at the first level of nesting; inside a KUnit section
# ("kunit:SUITE", or "PREFIX:kunit:SUITE" on a second boot) they are the
# test-case lines, one level deeper. A section that exits non-zero
# without reporting a failure, or reports fewer results than its plan, counts
# as one more failure: a crash must never look like a pass; so does one that
# guest/init killed at its time limit, whatever it reported before, and a
# log whose sections are fewer than its plan. One exception:
# a section that skipped every result it reported and exited 0 has skipped
# itself, even if its plan was larger (upstream's gup_test plans a result per
# thread and stops at its first check, CONFIG_GUP_TEST); that is a NOTE.
#
# Prints each failure, then the last line: "N passed, N failed, N skipped"
# (", N known" added when there are any). -v known="SECTION|CASE ..." names
# the upstream cases that also fail without the series (guest/known-failures):
# such a failure is printed as KNOWN and counted apart, not as a failure.
# Set -v extra_fail=N -v extra_why="TEXT;TEXT..." to add failures found
# elsewhere (a splat on the console, a hung guest), -v expected="A B ..." to
# the sections that must have run (one that did not is a failure too), and
# -v boots=N to the number of guest logs: each must reach its end.
#
# Under a failed test's line comes the first assertion that failed in it, with
# the message the test logged with it (kselftest's "FILE.c:LINE:TEST:Expected
# ..." and the line after it; KUnit's "EXPECTATION FAILED at FILE:LINE" and
# the lines after it), so that the summary alone says why.

function result(line, ok,	name, key, w, wn) {
	w = why; wn = why_n; why_reset()
	if (line ~ /# (SKIP|skip)/) { skipped++; sec_n++; sec_skip++; return }
	sec_n++
	sub(/^ */, "", line)
	name = line
	sub(/^(not )?ok [0-9]+ /, "", name)
	sub(/ .*/, "", name)
	key = sec
	sub(/^[0-9]+cpu:/, "", key)
	key = key "|" name
	if (ok) {
		passed++
		if (key in known_case)
			print "NOTE " sec ": " name " passed, though guest/known-failures lists it"
		return
	}
	if (key in known_case) {
		nknown++; sec_known++
		print "KNOWN " sec ": " line " (fails without the series too)"
		return
	}
	failed++; sec_fail++
	print "FAIL " sec ": " line
	if (w != "")
		print "     " w (wn > 1 ? " (and " wn - 1 " more)" : "")
}

# The first failed assertion of the test that runs, and the line after it.
function why_reset() { why = ""; why_n = 0; why_next = 0 }
function note_why(line) {
	sub(/^ *# */, "", line)
	if (why_n++ == 0) { why = line; why_next = kunit ? 2 : 1 }
}
function note_more(line) {
	why_next--
	sub(/^ *(# *)?/, "", line)
	if (line != "" && length(why) < 400) why = why " -- " line
}

BEGIN {
	nk = split(known, k, " ")
	for (i = 1; i <= nk; i++) known_case[k[i]] = 1
}

function cut_short() {
	if (insec) {
		failed++
		print "FAIL " sec ": the guest stopped in the middle of it"
	}
	insec = 0
}
# The end of a log: did it run every section its plan announced?
function log_end() {
	if (log_plan > log_n) {
		failed++
		print "FAIL " log_name ": ran " log_n " of the " log_plan " tests of its plan"
	}
	log_plan = -1; log_n = 0
}
# A section's result line, at column 0 after its nested output.
function section_end(line,	rc) {
	insec = 0; log_n++
	rc = 0
	if (match(line, /exit=[0-9]+/))
		rc = substr(line, RSTART + 5, RLENGTH - 5) + 0
	sec_timeout = ""
	if (match(line, /# TIMEOUT [0-9]+s/))
		sec_timeout = substr(line, RSTART + 10, RLENGTH - 10)
	if (sec_timeout != "") {
		failed++
		print "FAIL " sec ": killed at its time limit of " sec_timeout \
			" (its directory's settings, times TIMEOUT_SCALE)"
	} else if (plan >= 0 && sec_n < plan && sec_n > 0 && sec_skip == sec_n &&
	    rc == 0) {
		print "NOTE " sec ": skipped itself after " sec_n " of " plan " planned tests"
	} else if (plan >= 0 && sec_n < plan) {
		failed++
		print "FAIL " sec ": ran " sec_n " of " plan " planned tests"
	} else if (rc != 0 && sec_fail == 0 && sec_known == 0) {
		failed++
		print "FAIL " sec ": exited with status " rc " without a failed test"
	} else if (sec_n == 0 && plan < 0) {
		failed++
		print "FAIL " sec ": reported no results"
	}
}
BEGIN { log_plan = -1 }
/^# harness: log / { cut_short(); log_end(); log_name = $4; next }
/^# harness: run / {
	cut_short()
	sec = $4; sec_n = 0; sec_fail = 0; sec_known = 0; sec_skip = 0; plan = -1
	why_reset()
	ran[sec] = 1
	kunit = (sec ~ /(^|:)kunit:/); insec = 1; next
}
/^# harness: done/ { done++; next }
insec && /^(not )?ok [0-9]+ / { section_end($0); next }
!insec && /^1\.\.[0-9]+/ { log_plan = substr($1, 4) + 0; next }
!insec { next }
# A section's own lines are nested one level; read them as if they were not.
!sub(/^    /, "") { next }
!kunit && /^#  RUN / { why_reset(); next }
!kunit && /^# [^ ]+\.c:[0-9]+:[^ ]*:Expected / { note_why($0); next }
kunit && /^ +# .*(EXPECTATION|ASSERTION) FAILED at / { note_why($0); next }
!kunit && why_next && /^# [^ ]+\.c:[0-9]+:/ { note_more($0); next }
kunit && why_next && /^ +[^ #]/ && !/^ *((not )?ok [0-9]|[0-9]+\.\.|KTAP)/ {
	note_more($0); next
}
why_next { why_next = 0 }
kunit && /^    1\.\.[0-9]+/ { plan = substr($1, 4) + 0; next }
!kunit && /^1\.\.[0-9]+/ { plan = substr($1, 4) + 0; next }
kunit && /^    ok [0-9]/ { result($0, 1); next }
kunit && /^    not ok [0-9]/ { result($0, 0); next }
!kunit && /^ok [0-9]/ { result($0, 1); next }
!kunit && /^not ok [0-9]/ { result($0, 0); next }

END {
	cut_short()
	log_end()
	if (boots == "") boots = 1
	if (done < boots) {
		failed += boots - done
		print "FAIL guest: " boots - done " of " boots " boots never reached the end of their job"
	}
	n = split(expected, want, " ")
	for (i = 1; i <= n; i++) {
		if (!(want[i] in ran)) {
			failed++
			print "FAIL " want[i] ": did not run"
		}
	}
	if (extra_fail) {
		failed += extra_fail
		n = split(extra_why, splats, ";")
		for (i = 1; i <= n; i++)
			print "FAIL kernel: " splats[i]
	}
	printf "%d passed, %d failed, %d skipped%s\n", passed, failed, skipped,
		nknown ? ", " nknown " known" : ""
}
