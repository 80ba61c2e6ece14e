// A keyboard cursor over a page's items (review rows, workbench groups): j/k or the arrows move it, Escape leaves a
// field, and any other key goes to the page's handler with the current item. Keys typed into a field stay there.
window.smartaiCursor = function (items, start, block, onKey) {
  let at = Math.max(0, Math.min(start, items.length - 1));
  function show(i) {
    items[at].classList.remove('current');
    at = Math.max(0, Math.min(i, items.length - 1));
    items[at].classList.add('current');
    items[at].scrollIntoView({ block: block });
  }
  show(at);
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement.tagName)) {
      if (e.key === 'Escape') document.activeElement.blur();
      return;
    }
    if (e.key === 'j' || e.key === 'ArrowDown') { show(at + 1); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'ArrowUp') { show(at - 1); e.preventDefault(); }
    else if (onKey(e.key, items[at])) e.preventDefault();
  });
};
