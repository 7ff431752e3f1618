#!/bin/bash
# Boot a kernel flavour with the initramfs under QEMU and run one suite:
#
#   boot.sh FLAVOUR SUITE [KEY=VALUE...]
#
# SUITE: check, run, bench, lockstat, probe, shell (guest/init). A flavour
# built from Debian's config, or Debian's own, gets its modules too
# (build/modules-FLAVOUR.cpio.gz, scripts/modules.sh). The caller
# may set BOOT_VCPUS and BOOT_MEM (else the suite's knobs), BOOT_DIR (else
# build/results/SUITE-FLAVOUR) and BOOT_PLAN, a file of tests that the guest
# finds as /harness/plan (appended to the initramfs as a second archive), and
# BOOT_EXTRA, a directory of files for that archive too.
#
# q35 with an Intel vIOMMU (interrupt remapping, caching mode) and the
# DMA-capable edu device, two NUMA nodes with the vCPUs and memory split
# between them. KVM only where it really boots a guest, else multi-threaded TCG.
#
# The console (ttyS0) goes to console.log, the tests' output (ttyS1) to
# results.log, both in BOOT_DIR. The run fails on a hang
# (wall-clock timeout), on a guest that did not finish its job, and on any
# kernel splat (BUG, WARNING, lockdep, KASAN, oops, hung task, RCU stall); it
# then prints the tail of the console. The verdict is also written to
# BOOT_DIR/status.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

flavour=${1:?usage: boot.sh FLAVOUR SUITE [KEY=VALUE...]}
suite=${2:?usage: boot.sh FLAVOUR SUITE [KEY=VALUE...]}
shift 2

image=$(image_of "$flavour")
initrd=$BUILD/initramfs.cpio.gz
[[ -f $image ]] || die "no $image: run make kernel-$flavour"
[[ -f $initrd ]] || die "no $initrd: run make initramfs"

timeout=${BOOT_TIMEOUT:-5400}
case $suite in
check) vcpus=$CHECK_VCPUS mem=$CHECK_MEM ;;
probe) vcpus=1 mem=512M timeout=20 ;;
*) vcpus=$VCPUS mem=$MEM ;;
esac
vcpus=${BOOT_VCPUS:-$vcpus} mem=${BOOT_MEM:-$mem}

res=${BOOT_DIR:-$(results_dir "$suite" "$flavour")}
rm -rf "$res"
mkdir -p "$res"

# The boot's own initramfs: the common image, then /harness/plan.
mkdir -p "$res/plan/harness"
if [[ -n ${BOOT_PLAN:-} ]]; then cp "$BOOT_PLAN" "$res/plan/harness/plan"; else : >"$res/plan/harness/plan"; fi
# BOOT_EXTRA: a directory whose files join the boot's initramfs (a test made
# for one boot, such as docs/results/hung-test/'s).
[[ -z ${BOOT_EXTRA:-} ]] || cp -r "$BOOT_EXTRA/." "$res/plan/"
# harness_lsm=...: the LSM policies too (scripts/lsm-policy.sh, /harness/lsm).
if [[ " $* " == *" harness_lsm="* ]]; then
	[[ -f $BUILD/lsm/selinux.policy ]] || die "no $BUILD/lsm: run scripts/lsm-policy.sh"
	cp -r "$BUILD/lsm" "$res/plan/harness/lsm"
fi
cp "$initrd" "$res/initramfs.cpio.gz"
# A flavour with modules (Debian's config) adds those the guest loads.
mods=$BUILD/modules-$flavour.cpio.gz
if [[ $(flavour "$flavour"; echo "$F_BASE$F_SOURCE") == *debian* ]]; then
	[[ -f $mods ]] || die "no $mods: run make kernel-$flavour"
	cat "$mods" >>"$res/initramfs.cpio.gz"
fi
(cd "$res/plan" && find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0) |
	gzip -1 >>"$res/initramfs.cpio.gz"
rm -rf "$res/plan"
initrd=$res/initramfs.cpio.gz

# Does KVM boot a guest here? Asked once per host kernel, by a probe boot.
pick_accel() {
	local cache=$BUILD/accel
	if [[ -n $ACCEL ]]; then echo "$ACCEL"; return; fi
	if [[ -f $cache && $(head -n1 "$cache") == "$(uname -r)" ]]; then
		tail -n1 "$cache"; return
	fi
	local a=tcg
	if [[ -r /dev/kvm && -w /dev/kvm ]] &&
	   ACCEL=kvm BOOT_DIR=$BUILD/results/probe "$0" "$flavour" probe >/dev/null 2>&1; then
		a=kvm
	fi
	printf '%s\n%s\n' "$(uname -r)" "$a" >"$cache"
	echo "$a"
}
accel=$(pick_accel)
if [[ $accel == kvm ]]; then
	accel_args=(-accel kvm -cpu host -machine q35,kernel-irqchip=split)
else
	accel_args=(-accel "tcg,thread=${TCG_THREAD:-multi}" -cpu max -machine q35)
fi

# Two nodes: the first half of the vCPUs and memory on node 0, the rest on 1.
# Each vCPU is a socket of its own, so no cache is shared across nodes.
mem_mib=$(($(numfmt --from=iec "$mem") >> 20))
half=$((mem_mib / 2))
n0=$(((vcpus + 1) / 2))
# Timed runs get guest RAM that the host has already faulted in.
pre=
[[ $suite == bench || $suite == lockstat ]] && pre=,prealloc=on
numa=(-object memory-backend-ram,id=m0,size=${half}M$pre
      -object memory-backend-ram,id=m1,size=$((mem_mib - half))M$pre
      -numa node,nodeid=0,cpus=0-$((n0 - 1)),memdev=m0)
if [[ $vcpus -gt $n0 ]]; then
	numa+=(-numa node,nodeid=1,cpus=$n0-$((vcpus - 1)),memdev=m1)
else
	numa+=(-numa node,nodeid=1,memdev=m1)
fi

# no5lvl: QEMU's "max" CPU has LA57, and 6.12's identify_cpu() clears
# X86_FEATURE_LA57 for a moment with interrupts on; an interrupt then makes
# KASAN see per-CPU addresses as wild: a splat at boot, before any code of
# the series runs (seen on 2 boots so far). Guests this size need no 5 levels.
append="console=ttyS0 loglevel=5 intel_iommu=on no5lvl panic=-1 harness_suite=$suite"
append+=" harness_timeout_scale=$TIMEOUT_SCALE $*"
qemu=(qemu-system-x86_64 "${accel_args[@]}" -m "${mem_mib}M"
	-smp "$vcpus,sockets=$vcpus,cores=1,threads=1"
	"${numa[@]}" -nodefaults -display none -no-reboot
	-device intel-iommu,intremap=on,caching-mode=on
	-device edu,dma_mask=0xffffffffffffffff
	-kernel "$image" -initrd "$initrd" -append "$append")

if [[ $suite == shell ]]; then
	exec "${qemu[@]}" -serial mon:stdio -serial file:"$res/results.log"
fi

step "boot($flavour): $suite, $vcpus vCPUs, $mem, 2 nodes, $accel, timeout ${timeout}s"
: >"$res/results.log"
if [[ $suite != probe ]]; then
	tail -n +1 -F "$res/results.log" 2>/dev/null | grep --line-buffered -v '^# harness: time' &
	tail_pid=$!
	# times.log: each line after the host's clock as the guest wrote it, for
	# the time of each test and case (scripts/case-times.awk, make parse).
	tail -n +1 -F "$res/results.log" 2>/dev/null |
		while IFS= read -r l; do printf '%(%s)T %s\n' -1 "$l"; done \
			>"$res/times.log" &
	times_pid=$!
	trap 'kill $tail_pid $times_pid 2>/dev/null || true' EXIT
fi
rc=0
timeout --kill-after=10 "$timeout" "${qemu[@]}" \
	-serial file:"$res/console.log" -serial file:"$res/results.log" \
	</dev/null >"$res/qemu.log" 2>&1 || rc=$?
sleep 1
# Stop echoing before sed -i replaces the file: tail -F would print it again.
[[ -n ${tail_pid:-} ]] && { kill "$tail_pid" "$times_pid" 2>/dev/null || true; }
rm -f "$res/initramfs.cpio.gz"
sed -i 's/\r$//' "$res/results.log" "$res/console.log"

# The OOM killer's report has a stack trace that is not a splat (tests run
# cgroups out of memory on purpose): its "Call Trace:" line is left out, from
# "invoked oom-killer" to the "Killed process" line; nothing else is.
oom_reports_trimmed() {
	awk '/invoked oom-killer:/ { oom = 1 }
	     oom && /Call Trace:/ { next }
	     /[Oo]ut of memory: Killed process/ { oom = 0 }
	     { print }'
}
# Every line through grep, then the first: "grep -m1" would stop reading,
# and the awk before it would die of SIGPIPE, which pipefail turns into
# "no splat" on any console longer than awk's buffer.
splats=$(oom_reports_trimmed <"$res/console.log" | grep -E "$SPLAT_RE" || true)
first=${splats%%$'\n'*}
verdict=ok
if [[ $rc -eq 124 || $rc -eq 137 ]]; then
	verdict="timeout: the guest ran past ${timeout}s"
elif [[ -n $first ]]; then
	verdict="splat: $first"
elif ! grep -q '^# harness: done' "$res/results.log"; then
	verdict="the guest stopped before finishing (qemu exit $rc)"
fi
echo "$verdict" >"$res/status"

if [[ $verdict != ok ]]; then
	if [[ $suite != probe ]]; then
		echo "---- console tail ($res/console.log) ----" >&2
		tail -n 60 "$res/console.log" >&2
		[[ -s $res/qemu.log ]] && { echo "---- qemu ----" >&2; tail -n 20 "$res/qemu.log" >&2; }
		echo "----" >&2
		step "boot($flavour): FAILED: $verdict" >&2
	fi
	exit 1
fi
[[ $suite == probe ]] && grep -q '^# harness: probe ok' "$res/results.log"
step "boot($flavour): $suite finished"
