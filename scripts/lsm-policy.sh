#!/bin/bash
# The LSM policies that make check-distro's lsm boots load (guest/init,
# harness_lsm=): build/lsm/selinux.policy, the kernel's dummy SELinux policy
# (scripts/selinux/mdp: one type, every permission) with the domains of
# config/lsm/selinux-*.te added, and build/lsm/apparmor.bin, the profiles of
# config/lsm/apparmor-* compiled for the kernel to load. Built against the
# distro kernel's configuration, whose classes and file systems it lists.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

"$ROOT/scripts/deps.sh" checkpolicy:checkpolicy apparmor:apparmor_parser

obj=$(objdir distro)
[[ -f $obj/include/generated/autoconf.h ]] ||
	die "no $obj/include/generated/autoconf.h: run make kernel-distro"
out=$BUILD/lsm
tmp=$out/tmp
rm -rf "$out"
mkdir -p "$tmp"

# The dummy policy, for every class of this kernel's classmap.
gcc -o "$tmp/mdp" -I"$TREE/security/selinux/include" -I"$TREE/include/uapi" \
	-I"$TREE/include" -I"$obj/include" "$TREE/scripts/selinux/mdp/mdp.c"
"$tmp/mdp" "$tmp/policy.conf" "$tmp/file_contexts"
mapfile -t classes < <(sed -n 's/^allow base_t base_t:\([a-z0-9_]*\) \*;$/\1/p' \
	"$tmp/policy.conf")
[[ ${#classes[@]} -gt 50 ]] || die "mdp's policy lists ${#classes[@]} classes"

# Our rules go after mdp's allow rules, before its users and initial SIDs.
rules=$tmp/rules.conf
: >"$rules"
for te in "$ROOT"/config/lsm/selinux-*.te; do
	sed 's/#.*//; /^[[:space:]]*$/d' "$te" | while IFS= read -r line; do
		case $line in
		*@CLASS@*)
			for c in "${classes[@]}"; do echo "${line//@CLASS@/$c}"; done ;;
		*@CLASS_BUT_PROCESS@*)
			for c in "${classes[@]}"; do
				[[ $c == process ]] || echo "${line//@CLASS_BUT_PROCESS@/$c}"
			done ;;
		*) echo "$line" ;;
		esac
	done >>"$rules"
done
awk -v rules="$rules" '
	/^user / && !done { while ((getline l < rules) > 0) print l; done = 1 }
	{ print }' "$tmp/policy.conf" >"$tmp/policy-ours.conf"
# Debian 12's checkpolicy (3.4) predates some of 6.12's policy capabilities:
# leave out each it refuses (none changes what the tests look at), and say so.
while ! checkpolicy -U allow -o "$out/selinux.policy" "$tmp/policy-ours.conf" \
	>"$tmp/checkpolicy.log" 2>&1; do
	cap=$(sed -n "s/.*invalid policy capability name \([a-z0-9_]*\).*/\1/p" \
		"$tmp/checkpolicy.log" | head -n1)
	[[ -n $cap ]] || { cat "$tmp/checkpolicy.log" >&2; die "checkpolicy failed"; }
	step "lsm: Debian 12's checkpolicy does not know policycap $cap: left out"
	sed -i "/^policycap $cap;/d" "$tmp/policy-ours.conf"
done

# AppArmor: compile only (-Q), to a file (-o); the kernel takes it as is.
apparmor_parser -Q -o "$out/apparmor.bin" "$ROOT"/config/lsm/apparmor-* 2>"$tmp/apparmor.log" ||
	{ cat "$tmp/apparmor.log" >&2; die "apparmor_parser failed"; }
rm -rf "$tmp"
step "lsm: ${out#$ROOT/}/selinux.policy ($(du -h "$out/selinux.policy" | cut -f1)), apparmor.bin ($(du -h "$out/apparmor.bin" | cut -f1))"
