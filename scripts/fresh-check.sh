#!/bin/bash
# make fresh-check: does the harness work on a machine with nothing
# installed? In a new minimal Debian 12 root (mmdebstrap --variant=minbase),
# with this host's apt configuration so apt reaches the same archive, a
# clone of this repository's committed HEAD runs scripts/deps.sh, a small
# make bench and make check, each timed, with an empty ccache. Needs root.
# Logs and times: build/results/fresh-check/ (deps.log, bench.log,
# check.log, times.txt, and the root's build/results/). Not part of CI: it
# takes about an hour on 2 cores.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

[[ $(id -u) -eq 0 ]] || die "fresh-check needs root (mmdebstrap, chroot, bind mounts)"
"$ROOT/scripts/deps.sh" mmdebstrap:mmdebstrap

out=$RESULTS/fresh-check
rm -rf "$out"
mkdir -p "$out"
root=$(mktemp -d /var/tmp/harness-fresh.XXXXXX)
mounted=()
cleanup() {
	local i
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount "${mounted[i]}" 2>/dev/null || umount -l "${mounted[i]}" || true
	done
	rm -rf --one-file-system "$root"
}
trap cleanup EXIT

step "fresh-check: mmdebstrap --variant=minbase bookworm"
mmdebstrap --quiet --variant=minbase bookworm "$root" >"$out/mmdebstrap.log" 2>&1 ||
	{ tail -n 20 "$out/mmdebstrap.log" >&2; die "mmdebstrap failed"; }
cp -a /etc/apt/apt.conf.d/. "$root/etc/apt/apt.conf.d/"
cp -a /etc/apt/sources.list.d/. "$root/etc/apt/sources.list.d/"
for d in proc sys dev; do
	mount --bind "/$d" "$root/$d"
	mounted+=("$root/$d")
done
git clone -q "$ROOT" "$root/root/repo"
step "fresh-check: $(git -C "$root/root/repo" log -1 --format='%h %s')"

# timed NAME COMMAND: run COMMAND in the root's clone, log to NAME.log.
timed() {
	local name=$1 t0 rc=0
	t0=$(date +%s)
	step "fresh-check: $name: $2"
	env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
		LANG=C.UTF-8 TERM=dumb chroot "$root" /bin/bash -c "cd /root/repo && $2" \
		>"$out/$name.log" 2>&1 || rc=$?
	local s=$(($(date +%s) - t0))
	printf '%-6s %3dm%02ds  rc=%d  %s\n' "$name" $((s / 60)) $((s % 60)) "$rc" "$2" |
		tee -a "$out/times.txt"
	[[ $rc -eq 0 ]] || { tail -n 30 "$out/$name.log" >&2; return 1; }
}
ok=1
timed deps "bash scripts/deps.sh" || die "fresh-check: scripts/deps.sh failed in the fresh root (logs: ${out#$ROOT/}/)"
timed bench "make bench SIZE=128M RUNS=1 BACKINGS=thp OPS=map THREADS='1 2'" || ok=0
timed check "make check" || ok=0
cp -r "$root/root/repo/build/results" "$out/results" 2>/dev/null || true
tail -n 1 "$out/check.log" 2>/dev/null || true
cat "$out/times.txt"
[[ $ok == 1 ]] || die "fresh-check failed (logs: ${out#$ROOT/}/)"
step "fresh-check: a fresh Debian 12 root runs make bench and make check"
