// Live progress for the job shown on a task page: polls the frontend's JSON view of it, reloads when it ends.
(function () {
  const box = document.querySelector('[data-job]');
  if (!box) return;
  const job = box.getAttribute('data-job');
  const field = (name) => box.querySelector('[data-field="' + name + '"]');
  const shownStatus = field('status').getAttribute('data-status');
  const started = Date.now();
  let firstDone = null;
  async function tick() {
    let view;
    try {
      const response = await fetch('/jobs/' + encodeURIComponent(job) + '.json', { credentials: 'same-origin' });
      if (!response.ok) return setTimeout(tick, 2000);
      view = await response.json();
    } catch (e) {
      return setTimeout(tick, 2000);
    }
    field('done').textContent = view.done;
    field('total').textContent = view.total;
    field('current').textContent = view.current || '';
    const percent = view.total > 0 ? Math.floor(100 * view.done / view.total) : 0;
    box.querySelector('.bar-fill').style.width = percent + '%';
    box.querySelector('[role=progressbar]').setAttribute('aria-valuenow', view.done);
    if (firstDone === null) firstDone = view.done;
    const rate = (view.done - firstDone) / ((Date.now() - started) / 1000);
    field('eta').textContent = rate > 0 && view.total > view.done
      ? field('eta').getAttribute('data-left').replace('?', Math.ceil((view.total - view.done) / rate)) : '';
    const warnings = field('warnings');
    warnings.replaceChildren(...(view.warnings || []).map((w) => {
      const li = document.createElement('li');
      li.textContent = w;
      return li;
    }));
    // A new state brings other controls (pause only while running, resume only while paused): draw the page again.
    if (view.status !== shownStatus || ['succeeded', 'failed', 'cancelled'].includes(view.status)) {
      setTimeout(() => window.location.reload(), 400);
      return;
    }
    setTimeout(tick, 700);
  }
  tick();
})();
