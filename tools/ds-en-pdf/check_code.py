"""Runs the key's tests on every student's Problem 5/6 code (taken from the generator's texts), as the TA does.

Code that the key forbids (imports, sorted) is reported and not run.
"""
import re
import subprocess
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen import STUDENTS  # noqa: E402

T5 = [('[]', True), ('[1, 3, 2, 7, 4]', True), ('[2, 1]', False), ('[1, 3, 2, 7, 2]', False), ('[2, 2, 2]', True)]
T6 = [('[1, 4, 9], [2, 3, 10]', [1, 2, 3, 4, 9, 10]), ('[], [1, 2]', [1, 2]), ('[5], []', [5]),
      ('[1, 2, 2], [2, 3]', [1, 2, 2, 2, 3]), ('[7, 8], [1, 2, 3]', [1, 2, 3, 7, 8])]


def codes(s):
    if 'rows' in s:
        text = '\n'.join(a for _, a in s['rows'])
    elif 'text' in s:
        # plain text: the code of Q5 runs until Q6), of Q6 until Q7)
        t = s['text']
        return {'5': t.split('Q5)\n')[1].split('\nQ6)')[0], '6': t.split('Q6)\n')[1].split('\nQ7)')[0]}
    else:
        text = s['md']
    blocks = re.findall(r'```[a-z]*\n(.*?)```', text, re.S)
    out = {}
    for b in blocks:
        if 'is_min_heap' in b and 'def ' in b:
            out['5'] = b
        elif 'def merge' in b:
            out['6'] = b
    return out


def run(code, fname, tests):
    if re.search(r'^\s*import |^\s*from \w+ import|(?<![\w.])sorted\(|\.sort\(|\beval\(|\bexec\(', code, re.M):
        return 'FORBIDDEN (not run)'
    try:
        compile(code, 'student', 'exec')
    except SyntaxError as e:
        return 'SYNTAX ERROR: %s' % e
    m = re.search(r'def (\w+)\(', code)
    alias = '' if m.group(1) == fname else '\n%s = %s\n' % (fname, m.group(1))
    res = []
    for args, want in tests:
        prog = code + alias + '\nimport sys\nsys.stdout = open("/dev/null", "w")\nr = %s(%s)\nsys.stdout = sys.__stdout__\nprint(repr(r))\n' % (fname, args)
        try:
            p = subprocess.run([sys.executable, '-c', prog], capture_output=True, text=True, timeout=5)
            got = (p.stdout.strip().splitlines() or [""])[-1]
            res.append('ok' if got == repr(want) else 'FAIL(%s)' % (got or p.stderr.strip().splitlines()[-1]))
        except subprocess.TimeoutExpired:
            res.append('TIMEOUT')
    passed = res.count('ok')
    return '%d/5 %s%s' % (passed, ' '.join(res), '  [name %s]' % m.group(1) if alias else '')


for s in STUDENTS:
    c = codes(s)
    print(s['file'])
    print('   P5:', run(c['5'], 'is_min_heap', T5) if '5' in c else 'none')
    print('   P6:', run(c['6'], 'merge_sorted', T6) if '6' in c else 'none')
