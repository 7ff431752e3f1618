#!/usr/bin/env python3
"""Write mutants/NAME.patch for each break described in mutants/mutants.txt.

Each break replaces one piece of a file of build/linux (exactly once in it)
with another; the patch is that change against build/linux's HEAD, with the
break's name, tests and description above the diff, where git apply ignores
them. Run after the series changes (make mutants-gen); make mutants applies
the patches.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TREE = os.path.join(ROOT, "build", "linux")
SPEC = os.path.join(ROOT, "mutants", "mutants.txt")
KEYS = ("name", "file", "tests", "what", "old", "new")


def parse(text):
    """The paragraphs of the spec, as dicts of KEYS."""
    muts, cur, key = [], {}, None
    for line in text.split("\n") + [""]:
        if line.startswith("#") and not cur:
            continue
        if not line.strip() and key != "old":
            if cur:
                muts.append(cur)
            cur, key = {}, None
            continue
        head = line.split(":", 1)[0]
        if head in KEYS and line.startswith(head + ":"):
            key = head
            val = line[len(head) + 1:]
            cur[key] = val[1:] if val.startswith(" ") else val
        elif key:
            cur[key] += "\n" + line
    return muts


def main():
    muts = parse(open(SPEC).read())
    names = set()
    bad = 0
    for m in muts:
        missing = [k for k in KEYS if k not in m]
        if missing or m["name"] in names:
            sys.exit(f"mutants.txt: {m.get('name', '?')}: missing {missing} or a second break of that name")
        names.add(m["name"])
        path = os.path.join(TREE, m["file"])
        src = subprocess.run(["git", "-C", TREE, "show", "HEAD:" + m["file"]],
                             capture_output=True, text=True, check=True).stdout
        if src.count(m["old"]) != 1:
            print(f"{m['name']}: 'old' is {src.count(m['old'])} times in {m['file']}, not once",
                  file=sys.stderr)
            bad += 1
            continue
        mutated = src.replace(m["old"], m["new"])
        a = os.path.join("/tmp", "mutant-a"); b = os.path.join("/tmp", "mutant-b")
        open(a, "w").write(src); open(b, "w").write(mutated)
        diff = subprocess.run(["diff", "-u", "--label", "a/" + m["file"], "--label",
                               "b/" + m["file"], a, b], capture_output=True, text=True).stdout
        out = os.path.join(ROOT, "mutants", m["name"] + ".patch")
        with open(out, "w") as f:
            f.write(f"Mutant: {m['name']}\nTests: {m['tests']}\nBreaks: {m['what']}\n\n")
            f.write(f"diff --git a/{m['file']} b/{m['file']}\n")
            f.write(diff)
    for p in os.listdir(os.path.join(ROOT, "mutants")):
        if p.endswith(".patch") and p[:-6] not in names:
            os.remove(os.path.join(ROOT, "mutants", p))
    print(f"{len(muts) - bad} patches in mutants/, {bad} breaks that no longer fit")
    sys.exit(1 if bad else 0)


main()
