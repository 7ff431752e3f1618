# The one interface to this repository. README.md explains each target; make
# help lists them. The knobs (VCPUS, SIZE, TESTS, ...) and their defaults are
# in scripts/lib.sh: set them on the command line, make passes them on.

# The kernel base: Debian's linux-source-6.12, pinned. Written here and only here.
LINUX_DEB_VERSION := 6.12.117-1~deb12u1

# One clock for the progress lines of every script of a make run.
HARNESS_T0 := $(shell date +%s)

export HARNESS_T0 LINUX_DEB_VERSION

.PHONY: help deps tree export kernel selftests initramfs \
	gate check check-full check-stock check-distro lsm deb check-deb parse run bench bench-settings \
	bench-stock lockstat \
	series-build series-objects shell fresh-check mutants mutants-gen \
	clean distclean

# "target: ## text" lines are what make help prints.
help: ## this list
	@awk -F ':.*## ' '/^[a-z%-]+:.*## / { printf "make %-18s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

check: kernel-debug kernel-iommufd initramfs ## the series gate, then the tests on the debug kernel and the iommufd kernel (two boots each)
	@scripts/check.sh

check-full: kernel-debug kernel-iommufd initramfs ## make check with its lists' "full" lines too: more conditions, the sysctl at 1 too
	@CHECK_FULL=1 scripts/check.sh

bench: kernel-$(or $(FLAVOUR),release) initramfs ## build, boot, run the benchmark, print the table (FLAVOUR=distro: on Debian's config)
	@scripts/bench.sh

deps: ## install the host tools (as root) or name the missing ones
	@scripts/deps.sh

tree: deps ## build/linux: the pinned source with the series of patches/ applied in order
	@scripts/tree.sh

export: ## patches/ from build/linux (base..HEAD), cut into the series of config/series
	@scripts/export.sh

kernel: kernel-release kernel-debug ## the release and debug kernels

# One rule for every flavour of config/flavours: kernel-release (build/bzImage),
# kernel-debug, kernel-iommufd, kernel-stock, kernel-distro, ... Debian's own
# binary (kernel-stock-debian) is fetched, so it needs no tree.
kernel-%: tree FORCE ## build/bzImage-%: the flavour % of config/flavours (release: build/bzImage)
	@scripts/kernel.sh $*

kernel-stock-debian: FORCE ## build/bzImage-stock-debian: Debian's own kernel of the same version, and its modules
	@scripts/kernel.sh stock-debian

FORCE:

selftests: tree ## the selftests of guest/check*.list and the benchmark, static
	@scripts/selftests.sh

initramfs: selftests ## build/initramfs.cpio.gz: busybox, guest/init, the selftests
	@scripts/initramfs.sh

lsm: kernel-distro ## build/lsm: the SELinux policy and AppArmor profile of make check-distro's lsm boots (config/lsm)
	@scripts/lsm-policy.sh

# check.sh runs the gate itself: its results are part of the count.
gate: kernel-debug ## only the gate: git am, checkpatch, sparse, W=1, kernel-doc, the README against the repository
	@scripts/gate.sh

check-stock: kernel-stock-debug kernel-stock-iommufd initramfs ## upstream's tests of make check on the kernel without the series
	@FLAVOUR=stock-debug scripts/check.sh

check-distro: kernel-distro kernel-distro-iommufd initramfs lsm ## the tests of make check that need no debug kernel, on the series built from Debian's own config
	@FLAVOUR=distro scripts/check.sh

deb: tree ## Debian packages of the series (bindeb-pkg) in build/deb/: the distro kernel; FULL=1 every module (hours), CONFIG_ONLY=1 configure only
	@scripts/deb.sh

check-deb: kernel-deb initramfs ## make deb's package installed into a fresh Debian root: its kernel and initrd boot, then make check-distro's tests on it
	@FLAVOUR=deb scripts/check.sh

parse: ## count the last make check's results again (FLAVOUR=stock-debug: check-stock's)
	@scripts/parse.sh

run: kernel-$(or $(FLAVOUR),debug) initramfs ## boot FLAVOUR (debug) and run CMD="DIR/BINARY ARGS" or a shell command
	@scripts/run.sh

# The kernels of config/bench-settings.
SETTINGS_KERNELS := $(shell sed 's/\#.*//' config/bench-settings | awk 'NF { print "kernel-" $$2 }' | sort -u)

bench-settings: $(SETTINGS_KERNELS) initramfs ## the benchmark at each setting of config/bench-settings (preempt model, init_on_alloc), one table
	@scripts/bench-settings.sh

bench-stock: kernel-stock initramfs ## the benchmark on the kernel without the series
	@FLAVOUR=stock scripts/bench.sh

# FLAVOUR=release: without lock_stat's overhead.
lockstat: kernel-$(or $(FLAVOUR),lockstat) initramfs ## the benchmark under lock_stat and mmap_lock tracing
	@scripts/lockstat.sh

series-build: tree ## build every patch of the series in turn (slow)
	@scripts/series-build.sh

series-objects: tree kernel-stock-debug kernel-stock-iommufd selftests ## compile and symbol-check the series' objects, and build its selftests, at every patch (quick)
	@scripts/series-objects.sh

shell: kernel-$(or $(FLAVOUR),release) initramfs ## boot FLAVOUR (release) to a shell
	@scripts/boot.sh $(or $(FLAVOUR),release) shell

mutants: tree initramfs ## break the series on purpose (mutants/*.patch), one at a time: do the tests notice?
	@scripts/mutants.sh

mutants-gen: tree ## write mutants/*.patch from mutants/mutants.txt against build/linux
	@scripts/mutants-gen.py

fresh-check: ## make bench (small) and make check in a new minimal Debian 12 root (~1 h)
	@scripts/fresh-check.sh

clean: ## remove build outputs, keep build/linux
	rm -rf build/obj-* build/selftests build/initramfs* build/results \
		build/bzImage* build/headers

distclean: ## remove build/
	rm -rf build
