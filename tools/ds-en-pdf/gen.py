"""Writes backend/core/src/test/resources/corpus/ds-en-pdf from the texts in teacher.py and students*.py.

Run from anywhere: python3 tools/ds-en-pdf/gen.py, then sheet.py (the CSVs), check_code.py (the key's tests on the
students' code) and verify.py (CSVs, pdftotext, excerpts). Needs chromium and groff (with gropdf).
"""
import html
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import render  # noqa: E402
import students1, students2, students3, students4  # noqa: E402
import teacher  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
SET = os.path.join(ROOT, 'backend/core/src/test/resources/corpus/ds-en-pdf')
SUB = os.path.join(SET, 'submissions')
STUDENTS = students1.S + students2.S + students3.S + students4.S

GDOCS_CSS = '''
@page { size: Letter; margin: 1in; }
body { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 11pt; line-height: 1.15; color: #000; }
.hdr { font-size: 9pt; color: #555; border-bottom: 1px solid #bbb; padding-bottom: 4pt; margin-bottom: 14pt; }
h1 { font-size: 20pt; font-weight: normal; margin: 0 0 6pt; }
h2 { font-size: 16pt; font-weight: normal; margin: 16pt 0 4pt; }
h3 { font-size: 13pt; color: #434343; font-weight: normal; margin: 12pt 0 4pt; }
pre { font-family: 'Liberation Mono', 'Courier New', monospace; font-size: 9.5pt; margin: 4pt 0 8pt; }
code { font-family: 'Liberation Mono', monospace; }
'''

GITHUB_CSS = '''
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.5; max-width: 760px; margin: 0 auto;
       color: #24292f; }
h1 { border-bottom: 1px solid #d0d7de; padding-bottom: .3em; font-size: 1.9em; }
h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .3em; font-size: 1.4em; }
pre { background: #f6f8fa; padding: 12px; border-radius: 6px; font-size: 9pt; }
code { font-family: 'DejaVu Sans Mono', monospace; background: #f6f8fa; }
table { border-collapse: collapse; } td, th { border: 1px solid #d0d7de; padding: 4px 10px; }
'''

TWOCOL_CSS = '''
@page { size: A4; margin: 1.6cm 1.5cm; }
body { font-family: 'Liberation Serif', serif; font-size: 10pt; line-height: 1.3; }
.title { text-align: center; font-weight: bold; font-size: 12pt; border-bottom: 2px solid #000; padding-bottom: 5pt;
         margin-bottom: 10pt; }
.cols { column-count: 2; column-gap: 0.9cm; column-rule: 1px solid #aaa; }
h3 { font-size: 11pt; margin: 8pt 0 3pt; background: #e8e8e8; padding: 1pt 4pt; }
p { margin: 3pt 0; }
pre { font-family: 'Liberation Mono', monospace; font-size: 7.6pt; margin: 3pt 0; white-space: pre; }
table { border-collapse: collapse; font-size: 9pt; } td, th { border: 1px solid #888; padding: 1pt 8pt; }
'''

TABLE_CSS = '''
@page { size: A4; margin: 1.5cm; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; }
table.id { margin-bottom: 12pt; } table.id td { padding: 2pt 10pt 2pt 0; }
table.ans { border-collapse: collapse; width: 100%; }
table.ans td, table.ans th { border: 1px solid #333; padding: 5pt 7pt; vertical-align: top; }
table.ans th { background: #dde; }
td.q { width: 14%; text-align: center; font-weight: bold; }
pre { font-family: 'Liberation Mono', monospace; font-size: 8.5pt; margin: 0; }
p { margin: 2pt 0 5pt; }
'''

PLAIN_CSS = '''
body { font-family: 'DejaVu Serif', serif; font-size: 11pt; line-height: 1.4; margin: 0 10px; }
pre { font-family: 'DejaVu Sans Mono', monospace; font-size: 9.5pt; border-left: 3px solid #999; padding-left: 8px; }
h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-bottom: 2pt; }
'''

PRE_CSS = '''
@page { size: Letter; margin: 0.8in; }
body { margin: 0; } pre { font-family: 'Liberation Mono', monospace; font-size: 10pt; white-space: pre-wrap; }
'''


def pagebox_css(left, right):
    q = lambda s: '"%s"' % s.replace('"', '\\"')
    return '''
@page { size: A4; margin: 2.4cm 2cm 2.2cm;
  @top-left { content: %s; font-family: 'Liberation Sans', sans-serif; font-size: 9pt; color: #444; }
  @top-right { content: %s; font-family: 'Liberation Sans', sans-serif; font-size: 9pt; color: #444; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-family: 'Liberation Sans'; font-size: 9pt; }
}
body { font-family: 'Liberation Sans', sans-serif; font-size: 10.5pt; line-height: 1.35; }
h2 { font-size: 13pt; color: #1f3b73; border-bottom: 1px solid #1f3b73; }
p { margin: 4pt 0; }
pre { font-family: 'Liberation Mono', monospace; font-size: 9pt; background: #f7f7f7; padding: 5pt; }
''' % (q(left), q(right))


def write_student(s):
    out = os.path.join(SUB, s['file'])
    how = s['how']
    if how == 'chromium-doc':
        body = '<div class="hdr">%s</div>%s' % (html.escape(s['header']), render.to_html_body(s['md']))
        render.chromium_pdf(render.html_page(body, GDOCS_CSS, 'Homework 5'), out, 'Homework 5')
    elif how == 'chromium-markdown':
        # VS Code / browser preview printed with "Headers and footers" left on: date, title, file URL, page i/n
        render.chromium_pdf(render.html_page(render.to_html_body(s['md']), GITHUB_CSS, s['title']), out,
                            'hw5', browser_header_footer=True, folder='daniel/Documents/cs2110')
    elif how == 'chromium-twocol':
        body = '<div class="title">%s</div><div class="cols">%s</div>' % (
            html.escape(s['title_block']), render.to_html_body(s['md']))
        render.chromium_pdf(render.html_page(body, TWOCOL_CSS, 'HW5'), out)
    elif how == 'chromium-table':
        rows = ''.join('<tr><td class="q">%s</td><td>%s</td></tr>' % (q, render.to_html_body(a)) for q, a in s['rows'])
        body = ('<table class="id"><tr><td><b>Name:</b> %s</td><td><b>Student ID:</b> %s</td>'
                '<td><b>Course:</b> CS 2110 — Homework 5</td></tr></table>'
                '<table class="ans"><tr><th>Problem</th><th>Answer</th></tr>%s</table>'
                % (html.escape(s['name']), s['id'], rows))
        render.chromium_pdf(render.html_page(body, TABLE_CSS, 'HW5'), out)
    elif how == 'chromium-pagebox':
        render.chromium_pdf(render.html_page(render.to_html_body(s['md']),
                                             pagebox_css(s['top_left'], s['top_right']), 'HW5'), out)
    elif how == 'chromium-plain':
        render.chromium_pdf(render.html_page(render.to_html_body(s['md']), PLAIN_CSS, 'Homework 5'), out)
    elif how == 'chromium-pre':
        render.chromium_pdf(render.html_page('<pre>%s</pre>' % html.escape(s['text'], quote=False), PRE_CSS,
                                             'hw5.txt'), out)
    elif how == 'groff':
        render.groff_pdf(s['md'], out, s['title'], s['author'])
    elif how == 'simple-pdf':
        render.simple_pdf(s['md'], out, s['header'], s['footer'])
    elif how == 'docx':
        render.docx(s['md'], out, 'Homework 5')
    elif how == 'md':
        with open(out, 'w', encoding='utf-8') as f:
            f.write(s['md'].lstrip('\n'))
    else:
        raise ValueError(how)


def main():
    os.makedirs(SUB, exist_ok=True)
    for f in os.listdir(SUB):
        os.remove(os.path.join(SUB, f))
    render.chromium_pdf(render.html_page(render.to_html_body(teacher.PROBLEMS), teacher.CSS, 'CS 2110 Homework 5'),
                        os.path.join(SET, 'problems.pdf'))
    render.chromium_pdf(render.html_page(render.to_html_body(teacher.KEY), teacher.CSS, 'CS 2110 Homework 5 Key'),
                        os.path.join(SET, 'key.pdf'))
    for s in STUDENTS:
        write_student(s)
        print('wrote', s['file'])
    # the duplicate upload is the same bytes twice, as when a student submits the same file again
    shutil.copyfile(os.path.join(SUB, 'hw5_2023011205.pdf'), os.path.join(SUB, 'hw5_2023011205 (1).pdf'))


if __name__ == '__main__':
    main()
