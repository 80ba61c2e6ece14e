// Maths in rendered text (problems, answers, keys, comments, evidence, review reasons) typeset by MathJax from this
// server: no CDN, no inline script. Loaded only on pages that hold maths. Raw sources (pre, code, the "Source" boxes)
// are left as typed: the server marks maths with class "math" only where it renders.
(function () {
  if (!document.querySelector('.math')) return;
  window.MathJax = {
    tex: { inlineMath: [['$', '$'], ['\\(', '\\)']], displayMath: [['$$', '$$'], ['\\[', '\\]']] },
    options: { processHtmlClass: 'math', ignoreHtmlClass: 'page' },
    svg: { fontCache: 'global' },
    startup: { typeset: true }
  };
  const script = document.createElement('script');
  script.src = '/webjars/mathjax/3.2.2/es5/tex-svg.js';
  script.async = true;
  document.head.appendChild(script);
})();
