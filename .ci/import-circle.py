#!/usr/bin/env python3
"""The largest import circle among the files of src/ (a measure for reviews, not a CI gate).

A file uses another when it names it: a `crate::`, `super::` or `self::` path (in `use` items,
braces expanded, or inline), resolved to the deepest module file that exists, or a child module
named bare (`lock::tick` after `mod lock;`). The circles are the strongly connected components
of that graph (Tarjan). `--no-tests` leaves out test code: files under a `tests*` name and an
inline `#[cfg(test)] mod` (by convention the end of a file). `-v` lists the three largest,
`--path A B` shows how A reaches B (module paths such as app/meeting/case).

Usage: python3 .ci/import-circle.py [src] [--no-tests] [-v] [--path A B]"""
import os, re, sys
root = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith('-') else 'src'
mods = {}  # module path tuple -> file
for d, _, fs in os.walk(root):
    for f in fs:
        if not f.endswith('.rs'): continue
        if '--no-tests' in sys.argv and any(x.startswith('tests') for x in os.path.relpath(os.path.join(d, f), root).split(os.sep)): continue
        p = os.path.join(d, f)
        rel = os.path.relpath(p, root)[:-3].split(os.sep)
        if rel[-1] in ('mod', 'lib', 'main'): rel = rel[:-1]
        mods[tuple(rel)] = p
def strip(src):
    src = re.sub(r'//[^\n]*', '', src)
    return re.sub(r'/\*.*?\*/', '', src, flags=re.S)
def expand(prefix, body):
    # expand a `use` tree like a::{b, c::{d, e}} into paths
    out = []; depth = 0; cur = ''
    items = []
    for ch in body:
        if ch == '{': depth += 1
        if ch == '}': depth -= 1
        if ch == ',' and depth == 0: items.append(cur); cur = ''
        else: cur += ch
    items.append(cur)
    for it in items:
        it = it.strip()
        if not it: continue
        m = re.match(r'^([\w:]*?)(::)?\{(.*)\}$', it, re.S)
        if m:
            out += expand(prefix + [x for x in m.group(1).split('::') if x], m.group(3))
        else:
            out.append(prefix + [x for x in it.split(' as ')[0].split('::') if x])
    return out
def resolve(me, path):
    base = list(me)
    if path and path[0] == 'crate': cur = []; path = path[1:]
    elif path and path[0] in ('super', 'self'):
        cur = list(base)
        while path and path[0] in ('super', 'self'):
            if path[0] == 'super': cur = cur[:-1]
            path = path[1:]
    else: return None
    best = None
    for i in range(len(path) + 1):
        t = tuple(cur + path[:i])
        if t in mods: best = t
    return best
graph = {m: set() for m in mods}
for m, p in mods.items():
    s = strip(open(p, encoding='utf-8').read())
    if '--no-tests' in sys.argv:
        # inline test modules close a file by convention: cut from there
        s = re.split(r'#\[cfg\(test\)\]\s*(?:pub(?:\([a-z]+\))?\s+)?mod\s+\w+\s*\{', s)[0]
    paths = []
    for u in re.finditer(r'\buse\s+((?:crate|super|self)[^;]*);', s, re.S):
        paths += expand([], u.group(1).replace('\n', ' '))
    for u in re.finditer(r'\b((?:crate|super|self)(?:::\w+)+)', s):
        paths.append(u.group(1).split('::'))
    # a child module named bare (`lock::tick(..)` after `mod lock;`) is used as well
    for u in re.finditer(r'(?<![:\w])([a-z_][a-z0-9_]*)::(?=\w)', s):
        if m + (u.group(1),) in mods:
            paths.append(['self', u.group(1)])
    for path in paths:
        t = resolve(m, path)
        if t is not None and t != m and t != ():
            graph[m].add(t)
sys.setrecursionlimit(100000)
index = {}; low = {}; stack = []; on = set(); sccs = []; n = [0]
def sc(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in graph[v]:
        if w not in index: sc(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while True:
            w = stack.pop(); on.discard(w); c.append(w)
            if w == v: break
        sccs.append(c)
for v in graph:
    if v not in index: sc(v)
sccs.sort(key=len, reverse=True)
big = sccs[0]
print(len(big), 'files in the largest import circle')
if '-v' in sys.argv:
    for c in sccs[:3]:
        print(len(c), sorted('/'.join(x) for x in c))
if '--path' in sys.argv:
    a = tuple(sys.argv[sys.argv.index('--path') + 1].split('/')); b = tuple(sys.argv[sys.argv.index('--path') + 2].split('/'))
    from collections import deque
    prev = {a: None}; q = deque([a])
    while q:
        v = q.popleft()
        if v == b: break
        for w in graph[v]:
            if w not in prev: prev[w] = v; q.append(w)
    p = []; v = b
    while v is not None and v in prev: p.append('/'.join(v)); v = prev[v]
    print(' <- '.join(p))
