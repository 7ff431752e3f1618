#!/bin/bash
# Build one kernel flavour of config/flavours (its source, its config base and
# its fragments), out of tree in build/obj-<flavour>, through ccache:
#
#   kernel.sh FLAVOUR     -> build/bzImage (release) or build/bzImage-FLAVOUR
#
# A flavour on Debian's config also builds its modules and packs those the
# guest loads into build/modules-FLAVOUR.cpio.gz (scripts/modules.sh). The
# flavour whose source is "debian" is Debian's own binary, fetched, not built.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

flavour=${1:?usage: kernel.sh FLAVOUR (config/flavours lists them)}
flavour "$flavour"
case $F_SOURCE in
series) src=$TREE ;;
base) worktree base base shared; src=$WT ;;
mutant) src=$BUILD/worktrees/mutant ;;
debian) exec "$(dirname "$0")/debian-kernel.sh" binary ;;
deb) exec "$(dirname "$0")/deb-install.sh" ;;
*) die "flavour $flavour: unknown source $F_SOURCE" ;;
esac
frag_files=("${F_FRAGS[@]}")
image=$(image_of "$flavour")

obj=$(objdir "$flavour")
mkdir -p "$obj"

step "kernel($flavour): configuring ($F_BASE config + $(basename -a -s .config "${frag_files[@]}" | xargs))"
kconfig "$src" "$obj" "$F_BASE" "${frag_files[@]}"

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
		[[ $F_SOURCE == base ]] &&
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
if [[ ${CONFIG_ONLY:-0} == 1 ]]; then
	step "kernel($flavour): configured in ${obj#$ROOT/} (CONFIG_ONLY=1: not built)"
	exit 0
fi

targets=(bzImage)
[[ $F_BASE == debian* ]] && targets+=(modules)
step "kernel($flavour): building ${targets[*]} in ${obj#$ROOT/}"
with_progress "kernel($flavour) objects" "$obj/build.log" \
	'^ +(CC|AS|AR|LD|OBJCOPY) ' kmake "$src" "$obj" "${targets[@]}"
kmake "$src" "$obj" -s headers >/dev/null
if [[ $F_BASE == debian* ]]; then
	rm -rf "$obj/modroot"
	kmake "$src" "$obj" -s INSTALL_MOD_PATH="$obj/modroot" INSTALL_MOD_STRIP=1 \
		modules_install >/dev/null
	"$(dirname "$0")/modules.sh" "$flavour" "$obj/modroot" \
		"$(kmake "$src" "$obj" -s kernelrelease)"
fi
cp "$obj/arch/x86/boot/bzImage" "$image"
step "kernel($flavour): ${image#$ROOT/} ready"
