#!/bin/bash
# Build one kernel flavour from build/linux: tinyconfig plus the fragments in
# config/, out of tree in build/obj-<flavour>, through ccache.
#
#   release   make bench            -> build/bzImage
#   debug     make check            -> build/bzImage-debug
#   iommufd   make check's iommufd boot -> build/bzImage-iommufd: debug with
#             iommufd's VFIO container and the VFIO device cdev
#   lockstat  profiling (lock_stat) -> build/bzImage-lockstat
#   stock     make bench-stock      -> build/bzImage-stock: the release
#             config on the pristine base, to compare the series with
#   stock-debug  make check-stock   -> build/bzImage-stock-debug: the debug
#             config on the pristine base
#   stock-iommufd  make check-stock -> build/bzImage-stock-iommufd: the
#             iommufd config on the pristine base
#   mutant, mutant-iommufd  make mutants -> build/bzImage-mutant[-iommufd]:
#             release plus the tests' options (and iommufd) on
#             build/worktrees/mutant, the series with one deliberate break
#             (scripts/mutants.sh)
set -euo pipefail
. "$(dirname "$0")/lib.sh"

flavour=${1:?usage: kernel.sh release|debug|iommufd|lockstat|stock|stock-debug|stock-iommufd}
src=$TREE
case $flavour in
release)  frags=(common release) ;;
debug)    frags=(common debug) ;;
iommufd)  frags=(common debug iommufd) ;;
lockstat) frags=(common release lockstat) ;;
stock)    frags=(common release) ;;
stock-debug) frags=(common debug) ;;
stock-iommufd) frags=(common debug iommufd) ;;
mutant)   frags=(common release mutant) ;;
mutant-iommufd) frags=(common release mutant iommufd) ;;
*) die "unknown flavour $flavour" ;;
esac
image=$(image_of "$flavour")
if [[ $flavour == stock* ]]; then
	worktree base base shared
	src=$WT
fi
[[ $flavour == mutant* ]] && src=$BUILD/worktrees/mutant
frag_files=()
for f in "${frags[@]}"; do frag_files+=("$ROOT/config/$f.config"); done

obj=$(objdir "$flavour")
mkdir -p "$obj"
# Paths relative to build/ in ccache's keys, so trees share the cache.
export CCACHE_BASEDIR=$BUILD
kmake=(make -C "$src" O="$obj" -j"$(nproc)" CC="ccache gcc"
	KBUILD_BUILD_TIMESTAMP="harness" KBUILD_BUILD_USER=harness
	KBUILD_BUILD_HOST=harness)

step "kernel($flavour): configuring (tinyconfig + ${frags[*]})"
kconfig "$src" "$obj" "${frag_files[@]}"

# Kconfig silently drops what it cannot satisfy; we do not.
# A later fragment overrides an earlier one: check each symbol's last word.
effective() {
	awk '{ sym = $0
	       if (sub(/^# /, "", sym) && sub(/ is not set$/, "", sym)) ;
	       else if (sym ~ /^CONFIG_[A-Za-z0-9_]+=/) sub(/=.*/, "", sym)
	       else next
	       if (!(sym in last)) order[n++] = sym
	       last[sym] = $0 }
	     END { for (i = 0; i < n; i++) print last[order[i]] }' "$@"
}
bad=$(effective "${frag_files[@]}" | while read -r line; do
	case $line in
	CONFIG_*=*)
		sym=${line%%=*}
		# The stock kernel lacks the series' own options.
		[[ $flavour == stock* ]] &&
			! grep -rqsx "config ${sym#CONFIG_}" --include='Kconfig*' "$src" &&
			continue
		grep -qxF "$line" "$obj/.config" ||
			echo "  $line (got: $(grep "^$sym=" "$obj/.config" || echo unset))" ;;
	"# CONFIG_"*" is not set")
		opt=${line#\# }; opt=${opt%% *}
		! grep -q "^$opt=" "$obj/.config" || echo "  $line (got: set)" ;;
	esac
done)
[[ -z $bad ]] || die "kernel($flavour): config options did not stick:
$bad"

step "kernel($flavour): building in ${obj#$ROOT/}"
with_progress "kernel($flavour) objects" "$obj/build.log" \
	'^ +(CC|AS|AR|LD|OBJCOPY) ' "${kmake[@]}" bzImage
"${kmake[@]}" -s headers >/dev/null
cp "$obj/arch/x86/boot/bzImage" "$image"
step "kernel($flavour): ${image#$ROOT/} ready"
