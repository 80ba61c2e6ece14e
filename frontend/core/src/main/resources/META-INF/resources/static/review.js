// Review queue shortcuts: j/k move, a accepts the machine score, o edits the score, Enter saves.
(function () {
  const rows = [...document.querySelectorAll('#review-queue tbody tr[data-row]')];
  if (!rows.length) return;
  let at = Math.min(Number(new URLSearchParams(location.search).get('at') || 0), rows.length - 1);
  function show(i) {
    rows[at].classList.remove('current');
    at = Math.max(0, Math.min(i, rows.length - 1));
    rows[at].classList.add('current');
    rows[at].scrollIntoView({ block: 'nearest' });
  }
  show(at);
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const typing = ['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement.tagName);
    if (typing) {
      if (e.key === 'Escape') document.activeElement.blur();
      return;
    }
    if (e.key === 'j' || e.key === 'ArrowDown') { show(at + 1); e.preventDefault(); }
    else if (e.key === 'k' || e.key === 'ArrowUp') { show(at - 1); e.preventDefault(); }
    else if (e.key === 'a') {
      const accept = rows[at].querySelector('form.accept');
      if (accept) accept.requestSubmit();
    } else if (e.key === 'o') {
      rows[at].querySelector('form.decide input[name=score]').focus();
      e.preventDefault();
    } else if (e.key === 'Enter') {
      rows[at].querySelector('a').click();
    }
  });
})();
