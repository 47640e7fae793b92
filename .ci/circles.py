#!/usr/bin/env python3
"""Import circles between sibling modules of one folder: a module's file (or folder) uses another
of the same parent (`super::x`, `crate::a::b::x`), and that one, directly or not, uses it back."""
import os, re, sys
from collections import defaultdict
root = sys.argv[1] if len(sys.argv) > 1 else 'src'
def modpath(path):
    rel = os.path.relpath(path, root)[:-3].split(os.sep)
    if rel[-1] in ('mod', 'lib', 'main'): rel = rel[:-1]
    return rel
files = []
for d, _, fs in os.walk(root):
    for f in fs:
        if f.endswith('.rs'): files.append(os.path.join(d, f))
edges = defaultdict(set)  # (parent tuple) -> set of (a, b)
for f in files:
    mp = modpath(f)
    if not mp: continue
    text = open(f, encoding='utf-8').read()
    # drop test modules
    text = re.split(r'#\[cfg\(test\)\]\s*mod tests', text)[0]
    parent, me = tuple(mp[:-1]), mp[-1]
    # the module this file's `super` means: its parent; sibling names resolved from there
    for m in re.finditer(r'\bsuper::(\{[^}]*\}|[a-z_][a-z0-9_]*)', text):
        grp = m.group(1)
        names = re.findall(r'\b([a-z_][a-z0-9_]*)\b', grp) if grp.startswith('{') else [grp]
        for n in names:
            if n != me and os.path.exists(os.path.join(root, *parent, n + '.rs')) or os.path.isdir(os.path.join(root, *parent, n)):
                if n != me: edges[parent].add((me, n))
    for m in re.finditer(r'\bcrate::((?:[a-z_][a-z0-9_]*::)*)(\{[^}]*\}|[a-z_][a-z0-9_]*)', text):
        path = [p for p in m.group(1).split('::') if p]
        last = m.group(2)
        names = re.findall(r'\b([a-z_][a-z0-9_]*)\b', last) if last.startswith('{') else [last]
        for n in names:
            full = path + [n]
            # a sibling: same parent, other name
            if len(full) >= len(parent) + 1 and tuple(full[:len(parent)]) == parent:
                sib = full[len(parent)]
                if sib != me and (os.path.exists(os.path.join(root, *parent, sib + '.rs')) or os.path.isdir(os.path.join(root, *parent, sib))):
                    edges[parent].add((me, sib))
found = 0
for parent, es in sorted(edges.items()):
    g = defaultdict(set)
    for a, b in es: g[a].add(b)
    # Tarjan SCC
    index = {}; low = {}; stack = []; on = set(); sccs = []; i = [0]
    def visit(v):
        index[v] = low[v] = i[0]; i[0] += 1; stack.append(v); on.add(v)
        for w in g[v]:
            if w not in index: visit(w); low[v] = min(low[v], low[w])
            elif w in on: low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: sccs.append(sorted(comp))
    for v in list(g):
        if v not in index: visit(v)
    for c in sccs:
        found += 1
        print('/'.join(parent) or '(root)', ':', ' <-> '.join(c))
print(f'{found} circle(s)')
sys.exit(1 if found else 0)
