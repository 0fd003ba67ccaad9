#!/usr/bin/env python3
# Usage: python3 .ci/root-api.py .   (from the project root; a heuristic by name, not a compiler)
"""Public methods of module root types that no other module, no controller and no template uses."""
import re, pathlib, sys
base = pathlib.Path(sys.argv[1])
root = base / "src/main/java/org/govflow"
src = {p: p.read_text() for p in root.rglob("*.java")}
tpl = "\n".join(p.read_text() for p in (base / "src/main/resources/templates").rglob("*.html"))
def module(p): return p.relative_to(root).parts[0]
out = []; total = 0
for f in sorted(root.glob("*/*.java")):
    if f.name == "package-info.java": continue
    m = module(f)
    for name in re.findall(r"^\s+public\s+(?:static\s+)?(?:final\s+)?(?:<[^>]+>\s+)?[\w<>\[\],.? ]+?\s+(\w+)\s*\(", src[f], re.M):
        if name == f.stem or name[0].isupper(): continue
        total += 1
        pat = re.compile(r"(\.|::)" + name + r"\b")
        used = any((module(p) != m or "@Controller" in t or "@RestController" in t) and p != f and pat.search(t) for p, t in src.items())
        if not used and not re.search(r"\." + re.escape(name) + r"\b", tpl):
            out.append(f"{m}/{f.name}: {name}")
print("\n".join(out)); print(f"{len(out)} of {total} public root methods used by no other module, controller or template")
