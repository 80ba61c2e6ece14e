"""Renderers that turn the mini-markdown of a document into the file a student or teacher would upload.

Mini-markdown: '#'/'##'/'###' headings, ``` fenced code, '- ' bullets, '|' tables, blank-line paragraphs,
inline `code`, **bold**, *italic*. Each renderer imitates one real way of producing the file.
"""
import html
import os
import re
import subprocess
import tempfile
import zipfile


def blocks(md):
    """Split mini-markdown into (kind, payload) blocks."""
    out, para, lines = [], [], md.strip('\n').split('\n')
    i = 0

    def flush():
        if para:
            out.append(('p', ' '.join(para)))
            para.clear()

    while i < len(lines):
        ln = lines[i]
        if ln.startswith('```'):
            flush()
            code = []
            i += 1
            while not lines[i].startswith('```'):
                code.append(lines[i])
                i += 1
            out.append(('code', '\n'.join(code)))
        elif re.match(r'#{1,3} ', ln):
            flush()
            level = len(ln.split(' ')[0])
            out.append(('h%d' % level, ln[level + 1:]))
        elif ln.startswith('- '):
            flush()
            items = []
            while i < len(lines) and lines[i].startswith('- '):
                items.append(lines[i][2:])
                i += 1
            out.append(('ul', items))
            continue
        elif re.match(r'\d+\. ', ln):
            flush()
            items = []
            while i < len(lines) and re.match(r'\d+\. ', lines[i]):
                items.append(lines[i].split('. ', 1)[1])
                i += 1
            out.append(('ol', items))
            continue
        elif ln.startswith('|'):
            flush()
            rows = []
            while i < len(lines) and lines[i].startswith('|'):
                cells = [c.strip() for c in lines[i].strip().strip('|').split('|')]
                if not all(re.fullmatch(r':?-+:?', c) for c in cells):
                    rows.append(cells)
                i += 1
            out.append(('table', rows))
            continue
        elif ln.startswith('    ') and not para:
            # an indented line on its own is kept as a line (options on one line, arrays)
            out.append(('line', ln.strip()))
        elif ln.strip() == '':
            flush()
        elif ln.endswith('  '):
            para.append(ln.rstrip())
            out.append(('p', ' '.join(para)))
            para.clear()
        else:
            para.append(ln)
        i += 1
    flush()
    return out


def inline_html(t):
    t = html.escape(t, quote=False)
    t = re.sub(r'`([^`]+)`', r'<code>\1</code>', t)
    t = re.sub(r'\*\*([^*]+)\*\*', r'<b>\1</b>', t)
    t = re.sub(r'(?<![*\w])\*([^*]+)\*(?!\*)', r'<i>\1</i>', t)
    return t


def plain(t):
    t = re.sub(r'`([^`]+)`', r'\1', t)
    t = re.sub(r'\*\*([^*]+)\*\*', r'\1', t)
    return re.sub(r'(?<![*\w])\*([^*]+)\*(?!\*)', r'\1', t)


def to_html_body(md):
    parts = []
    for kind, p in blocks(md):
        if kind == 'p':
            parts.append('<p>%s</p>' % inline_html(p))
        elif kind == 'line':
            parts.append('<p class="line">%s</p>' % inline_html(p))
        elif kind == 'code':
            parts.append('<pre><code>%s</code></pre>' % html.escape(p, quote=False))
        elif kind in ('ul', 'ol'):
            parts.append('<%s>%s</%s>' % (kind, ''.join('<li>%s</li>' % inline_html(x) for x in p), kind))
        elif kind == 'table':
            head, *rest = p
            parts.append('<table><tr>%s</tr>%s</table>' % (
                ''.join('<th>%s</th>' % inline_html(c) for c in head),
                ''.join('<tr>%s</tr>' % ''.join('<td>%s</td>' % inline_html(c) for c in r) for r in rest)))
        else:
            parts.append('<%s>%s</%s>' % (kind, inline_html(p), kind))
    return '\n'.join(parts)


def chromium_pdf(page_html, out, title='', browser_header_footer=False, folder=''):
    """Print an HTML page to PDF with headless Chromium, as 'Save as PDF' in the browser does."""
    with tempfile.TemporaryDirectory() as d:
        if folder:  # the file URL in a browser footer shows where the student kept the page
            d = os.path.join(d, folder)
            os.makedirs(d)
        name = (title or 'document').replace('/', '_') + '.html'
        src = os.path.join(d, name)
        with open(src, 'w', encoding='utf-8') as f:
            f.write(page_html)
        cmd = ['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--print-to-pdf=' + out]
        if not browser_header_footer:
            cmd.append('--no-pdf-header-footer')
        subprocess.run(cmd + [src], check=True, capture_output=True, timeout=120)


def html_page(body, css, title=''):
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title><style>%s</style></head>'
            '<body>%s</body></html>' % (html.escape(title), css, body))


# ---------------------------------------------------------------- groff -ms (a typeset, LaTeX-like PDF)

def groff_escape(t):
    t = t.replace('\\', '\\e')
    return '\n'.join(('\\&' + l) if l.startswith(('.', "'")) else l for l in t.split('\n'))


def to_ms(md, title, author, two_column=False):
    out = ['.nr PS 11', '.nr VS 13', '.nr HY 0', '.hy 0', '.TL', groff_escape(title), '.AU', groff_escape(author), '.LP']
    if two_column:
        out.append('.2C')
    for kind, p in blocks(md):
        if kind in ('h1', 'h2', 'h3'):
            out += ['.SH', groff_escape(plain(p))]
        elif kind == 'p':
            out += ['.PP', groff_escape(plain(p))]
        elif kind == 'line':
            out += ['.LP', '.nf', groff_escape(plain(p)), '.fi']
        elif kind == 'code':
            out += ['.LP', '.nf', '.ft CR', '.ps 9'] + [groff_escape(l) for l in p.split('\n')] + ['.ps', '.ft', '.fi']
        elif kind in ('ul', 'ol'):
            for x in p:
                out += ['.IP \\(bu 2', groff_escape(plain(x))]
        elif kind == 'table':
            out += ['.LP', '.nf'] + ['   '.join(r) for r in p] + ['.fi']
    return '\n'.join(out) + '\n'


def groff_pdf(md, out, title, author, two_column=False):
    src = to_ms(md, title, author, two_column)
    with open(out, 'wb') as f:
        subprocess.run(['groff', '-ms', '-k', '-Tpdf'], input=src.encode('utf-8'), stdout=f, check=True)


# ---------------------------------------------------------------- a hand-made PDF (word processor style export)

WINANSI = {'–': 0x96, '—': 0x97, '·': 0xB7, '’': 0x92, '“': 0x93, '”': 0x94, '×': 0xD7, '…': 0x85}


def pdf_str(t):
    b = bytearray()
    for ch in t:
        if ch in WINANSI:
            b.append(WINANSI[ch])
        elif ord(ch) < 128:
            if ch in '()\\':
                b.append(ord('\\'))
            b.append(ord(ch))
        else:
            raise ValueError('character not in WinAnsi: %r' % ch)
    return bytes(b)


def wrap(t, width):
    words, lines, cur = t.split(' '), [], ''
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + ' ' + w) if cur else w
    if cur:
        lines.append(cur)
    return lines


def simple_pdf(md, out, header, footer_left):
    """A PDF written object by object: Helvetica body, Courier code, running header and 'Page i of n' footer."""
    W, H, left, top, bottom = 595, 842, 72, 770, 80
    lines = []  # (font, size, text, gap_before)
    for kind, p in blocks(md):
        if kind in ('h1', 'h2', 'h3'):
            lines.append(('F2', 13 if kind != 'h3' else 11.5, plain(p), 12))
        elif kind in ('p', 'line'):
            for i, l in enumerate(wrap(plain(p), 92)):
                lines.append(('F1', 10.5, l, 5 if i == 0 else 0))
        elif kind == 'code':
            for i, l in enumerate(p.split('\n')):
                lines.append(('F3', 9.5, l, 5 if i == 0 else 0))
        elif kind in ('ul', 'ol'):
            for x in p:
                for i, l in enumerate(wrap(plain(x), 88)):
                    lines.append(('F1', 10.5, ('-  ' if i == 0 else '   ') + l, 3 if i == 0 else 0))
        elif kind == 'table':
            for r in p:
                lines.append(('F1', 10.5, '    '.join(r), 2))
    pages, cur, y = [], [], top
    for font, size, text, gap in lines:
        step = size * 1.35 + gap
        if y - step < bottom:
            pages.append(cur)
            cur, y = [], top
            step = size * 1.35
        y -= step
        cur.append((font, size, text, y))
    pages.append(cur)
    objs = []  # index 0 -> obj 1

    def add(b):
        objs.append(b)
        return len(objs)

    cat = add(None)
    pages_obj = add(None)
    f1 = add(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
    f2 = add(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
    f3 = add(b'<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>')
    kids = []
    for n, pg in enumerate(pages, 1):
        ops = [b'BT /F1 9 Tf 72 805 Td (' + pdf_str(header) + b') Tj ET',
               b'0.5 w 72 798 m 523 798 l S',
               b'BT /F1 9 Tf 72 50 Td (' + pdf_str(footer_left) + b') Tj ET',
               b'BT /F1 9 Tf 470 50 Td (' + pdf_str('Page %d of %d' % (n, len(pages))) + b') Tj ET']
        for font, size, text, y in pg:
            ops.append(b'BT /%s %.1f Tf %d %.1f Td (%s) Tj ET' % (font.encode(), size, left, y, pdf_str(text)))
        stream = b'\n'.join(ops)
        content = add(b'<< /Length %d >>\nstream\n%s\nendstream' % (len(stream), stream))
        kids.append(add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R '
                        b'/Resources << /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R >> >> >>'
                        % (pages_obj, W, H, content, f1, f2, f3)))
    objs[cat - 1] = b'<< /Type /Catalog /Pages %d 0 R >>' % pages_obj
    objs[pages_obj - 1] = b'<< /Type /Pages /Kids [%s] /Count %d >>' % (
        b' '.join(b'%d 0 R' % k for k in kids), len(kids))
    info = add(b'<< /Title (%s) >>' % pdf_str(header))
    data = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(data))
        data += b'%d 0 obj\n%s\nendobj\n' % (i, o)
    xref = len(data)
    data += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for off in offsets:
        data += b'%010d 00000 n \n' % off
    data += b'trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (
        len(objs) + 1, cat, info, xref)
    with open(out, 'wb') as f:
        f.write(data)


# ---------------------------------------------------------------- .docx written by hand (WordprocessingML)

W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


def _run(text, bold=False, mono=False, size=None):
    props = ''
    if mono:
        props += '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/>'
    if bold:
        props += '<w:b/>'
    if size:
        props += '<w:sz w:val="%d"/>' % size
    rpr = '<w:rPr>%s</w:rPr>' % props if props else ''
    return '<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, html.escape(text, quote=False))


def _inline_runs(t):
    runs = []
    for part in re.split(r'(`[^`]+`|\*\*[^*]+\*\*)', t):
        if not part:
            continue
        if part.startswith('`'):
            runs.append(_run(part[1:-1], mono=True))
        elif part.startswith('**'):
            runs.append(_run(part[2:-2], bold=True))
        else:
            runs.append(_run(part))
    return ''.join(runs)


def docx(md, out, title):
    paras = []
    for kind, p in blocks(md):
        if kind in ('h1', 'h2', 'h3'):
            paras.append('<w:p><w:pPr><w:pStyle w:val="Heading%s"/></w:pPr>%s</w:p>'
                         % (kind[1], _run(plain(p), bold=True, size=28 if kind == 'h1' else 24)))
        elif kind in ('p', 'line'):
            paras.append('<w:p>%s</w:p>' % _inline_runs(p))
        elif kind == 'code':
            for l in p.split('\n'):
                paras.append('<w:p><w:pPr><w:spacing w:after="0"/></w:pPr>%s</w:p>' % _run(l, mono=True, size=20))
        elif kind in ('ul', 'ol'):
            for x in p:
                paras.append('<w:p><w:pPr><w:ind w:left="360"/></w:pPr>%s</w:p>' % _inline_runs('• ' + x))
        elif kind == 'table':
            paras.append('<w:tbl>%s</w:tbl>' % ''.join(
                '<w:tr>%s</w:tr>' % ''.join('<w:tc><w:p>%s</w:p></w:tc>' % _inline_runs(c) for c in r) for r in p))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="%s"><w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
                '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr></w:body></w:document>'
                % (W_NS, ''.join(paras)))
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/word/document.xml" '
                     'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/docProps/core.xml" '
                     'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                     '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/>'
            '</Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title></cp:coreProperties>'
            % html.escape(title))
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', content_types)
        z.writestr('_rels/.rels', rels)
        z.writestr('word/document.xml', document)
        z.writestr('docProps/core.xml', core)
