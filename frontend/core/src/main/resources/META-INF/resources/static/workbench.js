// Review workbench shortcuts: j/k next and previous group, 1-9 apply that rubric item to the group, a accept the
// group's score as shown (the machine's suggestion unless changed), o type a score, Escape leaves a field.
(function () {
  const groups = [...document.querySelectorAll('#groups section.group')];
  if (!groups.length) return;
  const start = Number(document.getElementById('groups').getAttribute('data-at') || 0);
  window.smartaiCursor(groups, start, 'start', (key, group) => {
    const form = group.querySelector('form.decide-group');
    const score = form.querySelector('input[name=score]');
    if (/^[1-9]$/.test(key)) {
      const item = form.querySelector('button.rubric-item[data-key="' + key + '"]');
      if (item) item.click();
      return true;
    } else if (key === 'a') {
      if (score.value !== '') form.querySelector('button.accept-group').click();
      return true;
    } else if (key === 'o') {
      score.focus();
      score.select();
      return true;
    }
    return false;
  });
})();
