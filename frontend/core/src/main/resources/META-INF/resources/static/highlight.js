// A small code highlighter for rendered Markdown: keywords, strings, comments and numbers of the languages homework
// uses (Python, C, C++, Java, JavaScript), coloured by smartai.css. Builds text nodes only, so nothing typed runs.
(function () {
  const KEYWORDS = new Set(('def return if elif else for while in not and or import from class try except finally '
    + 'with as lambda yield pass break continue None True False int long float double char void bool boolean '
    + 'public private protected static final new this null true false include using namespace struct const auto '
    + 'function let var switch case default do throw throws catch extends implements interface package').split(' '));
  const TOKEN = /(#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|\b(\d+(?:\.\d+)?)\b|\b([A-Za-z_]\w*)\b/g;
  function span(cls, text) {
    const s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }
  document.querySelectorAll('.rendered pre code').forEach((code) => {
    const text = code.textContent;
    const out = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(TOKEN)) {
      const cls = m[1] ? 'com' : m[2] ? 'str' : m[3] ? 'num' : KEYWORDS.has(m[4]) ? 'kw' : null;
      if (!cls) continue;
      out.appendChild(document.createTextNode(text.slice(last, m.index)));
      out.appendChild(span(cls, m[0]));
      last = m.index + m[0].length;
    }
    out.appendChild(document.createTextNode(text.slice(last)));
    code.replaceChildren(out);
  });
})();
