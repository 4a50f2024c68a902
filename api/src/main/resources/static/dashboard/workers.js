// The workers page: every worker the API has heard from lately, from their heartbeats, refreshed every 2 s.

import { ApiError, request } from './api.js';
import { ago, h, notice, replace, scroller, shortId, statusBadge, time } from './dom.js';

export function render(main) {
  document.title = 'Workers · Scatter';
  const rows = h('tbody', { id: 'worker-rows' });
  const message = h('div', {});
  const summary = h('p', { id: 'workers-summary', class: 'subtle', 'aria-live': 'polite' });
  replace(main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Workers')),
    h('p', { class: 'subtle' }, 'Every worker sends a heartbeat every few seconds; one silent for three of them is ',
      'LOST. Its unfinished tasks go back to the queue for another worker.'),
    summary, message,
    scroller(h('table', { class: 'workers' },
      h('thead', {}, h('tr', {}, ['Worker', 'Host', 'Status', 'Concurrency', 'Current tasks', 'Tasks done',
        'Failed', 'Started', 'Last seen'].map((name) => h('th', { scope: 'col' }, name)))),
      rows), 'Workers'));

  function current(tasks) {
    if (!tasks.length) {
      return h('span', { class: 'subtle' }, 'idle');
    }
    return h('ul', { class: 'plain' }, tasks.map((task) => h('li', {},
      h('a', { href: `#/jobs/${task.jobId}`, class: 'mono' }, shortId(task.jobId)), ` task ${task.taskIndex}`)));
  }

  async function load() {
    try {
      const { items } = await request('/api/v1/workers');
      const alive = items.filter((worker) => worker.status === 'ALIVE');
      summary.textContent = `${alive.length} alive, ${alive.reduce((sum, w) => sum + w.concurrency, 0)} threads, `
        + `${alive.reduce((sum, w) => sum + w.currentTasks.length, 0)} tasks being computed.`;
      replace(message);
      replace(rows, items.length ? items.map((worker) => h('tr', { 'data-worker': worker.name },
        h('th', { scope: 'row' }, worker.name), h('td', {}, worker.host), h('td', {}, statusBadge(worker.status)),
        h('td', { class: 'num' }, worker.concurrency), h('td', {}, current(worker.currentTasks)),
        h('td', { class: 'num' }, worker.tasksDone), h('td', { class: 'num' }, worker.tasksFailed),
        h('td', {}, time(worker.startedAt)), h('td', {}, ago(worker.lastSeenAt))))
        : h('tr', {}, h('td', { colspan: 9, class: 'empty' },
          'No worker has been heard from. Start one with ./scatter worker.')));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        replace(message, notice('error', `Could not load the workers: ${error.message}`));
      }
    }
  }

  load();
  const timer = setInterval(load, 2000);
  return () => clearInterval(timer);
}
