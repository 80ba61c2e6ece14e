"""Checks the written set: CSVs parse, one grades row per submitted file, scores within points, every PDF's text
extractable with pdftotext, and every excerpt verbatim and unique in its student's file (whitespace collapsed)."""
import csv
import os
import re
import subprocess
import sys
import zipfile

SET = os.path.abspath(os.path.join(os.path.dirname(__file__), '../../backend/core/src/test/resources/corpus/ds-en-pdf'))
SUB = os.path.join(SET, 'submissions')
bad = []


def texts(path):
    if path.endswith('.pdf'):
        raw = subprocess.run(['pdftotext', path, '-'], capture_output=True, text=True, check=True).stdout
        lay = subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True, text=True, check=True).stdout
        return [raw, lay]
    if path.endswith('.docx'):
        xml = zipfile.ZipFile(path).read('word/document.xml').decode('utf-8')
        paras = [''.join(re.findall(r'<w:t[^>]*>([^<]*)</w:t>', p)) for p in re.findall(r'<w:p[ >].*?</w:p>', xml)]
        import html
        return [html.unescape('\n'.join(paras))]
    return [open(path, encoding='utf-8').read()]


norm = lambda t: re.sub(r'\s+', ' ', t)
rows = lambda name: list(csv.DictReader(open(os.path.join(SET, name), encoding='utf-8', newline='')))
for name in ('expected.csv', 'grades.csv', 'rationale.csv'):
    if open(os.path.join(SET, name), 'rb').read(3) == b'\xef\xbb\xbf':
        bad.append(name + ' has a BOM')
exp = rows('expected.csv')
points = {e['problem']: float(e['points']) for e in exp}
grades = rows('grades.csv')
files = sorted(os.listdir(SUB))
if sorted(g['file'] for g in grades) != files:
    bad.append('grades.csv rows != submissions: %s' % (set(files) ^ {g['file'] for g in grades}))
for g in grades:
    for q, p in points.items():
        v = float(g[q])
        if not 0 <= v <= p:
            bad.append('%s %s=%s > %s' % (g['file'], q, v, p))
for f in ['problems.pdf', 'key.pdf'] + files:
    path = os.path.join(SET, f) if f in ('problems.pdf', 'key.pdf') else os.path.join(SUB, f)
    t = texts(path)
    if len(norm(t[0]).strip()) < 200:
        bad.append('%s: too little extractable text' % f)
rat = rows('rationale.csv')
seen = {(r['file'], r['problem']) for r in rat}
for g in grades:
    for q in points:
        if (g['file'], q) not in seen:
            bad.append('rationale missing %s %s' % (g['file'], q))
for r in rat:
    ex = r['excerpt']
    if not ex:
        continue
    ts = [norm(t) for t in texts(os.path.join(SUB, r['file']))]
    counts = [t.count(norm(ex)) for t in ts]
    if counts[0] != 1 or any(c != 1 for c in counts):
        bad.append('%s %s excerpt %r found %s times' % (r['file'], r['problem'], ex, counts))
    if not r['rationale']:
        bad.append('%s %s no rationale' % (r['file'], r['problem']))
totals = sorted(sum(float(g[q]) for q in points) for g in grades)
print('files', len(files), 'rationale rows', len(rat), 'totals', totals)
print('\n'.join(bad) or 'all checks pass')
sys.exit(1 if bad else 0)
