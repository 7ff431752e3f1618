# The one interface to this repository. README.md explains each target.

# The kernel base: Debian's linux-source-6.12, pinned. Written here and only here.
LINUX_DEB_VERSION := 6.12.117-1~deb12u1

# make bench knobs (the guest gets one vCPU per host core unless told otherwise).
VCPUS   ?= $(shell nproc)
MEM     ?= 4G
SIZE    ?= 1G
RUNS    ?= 5
# Thread counts to sweep; empty means 1, 2, 4, ... up to VCPUS.
THREADS ?=
# Backings to measure: any of 4k thp hugetlb.
BACKINGS ?= 4k thp hugetlb
# Operations to measure (vfio_dma_bench -o); empty means all.
OPS ?=

# make check knobs.
CHECK_VCPUS ?= 2
CHECK_MEM   ?= 3G

# Optional filter for make check: comma-separated globs of guest/check.list names.
TESTS ?=

# Seconds a guest may run before it is declared hung.
BOOT_TIMEOUT ?=

# One clock for the progress lines of every script of a make run.
HARNESS_T0 := $(shell date +%s)

export HARNESS_T0 LINUX_DEB_VERSION VCPUS MEM SIZE RUNS THREADS BACKINGS OPS \
	CHECK_VCPUS CHECK_MEM TESTS BOOT_TIMEOUT

.PHONY: help deps tree export kernel kernel-release kernel-debug \
	kernel-lockstat kernel-stock selftests initramfs gate check bench bench-stock lockstat \
	series-build shell clean distclean

help:
	@echo "make bench        build, boot, run the benchmark, print the table (README.md)"
	@echo "make check        the series gate, then the tests on the debug kernel"
	@echo "make tree         build/linux: the pinned source with patches/ applied"
	@echo "make export       patches/ from build/linux (base..HEAD)"
	@echo "make kernel       the release and debug kernels"
	@echo "make bench-stock  the benchmark on the kernel without the series"
	@echo "make lockstat     the benchmark with lock_stat and mmap_lock tracing"
	@echo "make series-build build every patch of the series in turn"
	@echo "make shell        boot a kernel (FLAVOUR=release|debug) to a shell"

deps:
	@scripts/deps.sh

tree: deps
	@scripts/tree.sh

export:
	@scripts/export.sh

kernel: kernel-release kernel-debug

kernel-release: tree
	@scripts/kernel.sh release

kernel-debug: tree
	@scripts/kernel.sh debug

# Release plus lock_stat, for profiling where scaling stops.
kernel-lockstat: tree
	@scripts/kernel.sh lockstat

selftests: tree
	@scripts/selftests.sh

initramfs: selftests
	@scripts/initramfs.sh

# The series applies to a pristine base and is checkpatch-clean.
gate: tree
	@scripts/gate.sh

# check.sh runs the gate itself: its results are part of the count.
check: kernel-debug initramfs
	@scripts/check.sh

bench: kernel-release initramfs
	@scripts/bench.sh

# The kernel without the series, for bench-stock.
kernel-stock: tree
	@scripts/kernel.sh stock

# The same benchmark on the kernel without the series (kernel ops at 1 thread).
bench-stock: kernel-stock initramfs
	@FLAVOUR=stock scripts/bench.sh

# The benchmark under lock_stat (FLAVOUR=release: without lock_stat's
# overhead), then the most contended locks.
lockstat: kernel-$(or $(FLAVOUR),lockstat) initramfs
	@scripts/lockstat.sh

# Build every prefix of the series (bisectability); slow, not part of check.
series-build: tree
	@scripts/series-build.sh

# Boot a kernel (FLAVOUR=release|debug) to a shell, for poking around.
shell: initramfs
	@scripts/boot.sh $${FLAVOUR:-release} shell

clean:
	rm -rf build/obj-* build/selftests build/initramfs* build/results \
		build/bzImage*

distclean:
	rm -rf build
