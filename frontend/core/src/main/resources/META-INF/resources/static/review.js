// Review queue shortcuts: j/k move, a accepts the machine score, o edits the score, Enter saves.
(function () {
  const rows = [...document.querySelectorAll('#review-queue tbody tr[data-row]')];
  if (!rows.length) return;
  const start = Number(new URLSearchParams(location.search).get('at') || 0);
  window.smartaiCursor(rows, start, 'nearest', (key, row) => {
    if (key === 'a') {
      const accept = row.querySelector('form.accept');
      if (accept) accept.requestSubmit();
    } else if (key === 'o') {
      row.querySelector('form.decide input[name=score]').focus();
      return true;
    } else if (key === 'Enter') {
      row.querySelector('a').click();
    }
    return false;
  });
})();
