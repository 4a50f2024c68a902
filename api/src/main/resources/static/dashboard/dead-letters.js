// The dead-letters page: tasks no worker could compute, with the reason, and a button to put one back on the queue.

import { ApiError, request } from './api.js';
import { h, notice, replace, scroller, shortId, statusBadge, time } from './dom.js';

const STATUSES = ['DEAD', 'RETRIED'];

export function render(main, { query }) {
  document.title = 'Dead letters · Scatter';
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : '';
  const rows = h('tbody', { id: 'dead-letter-rows' });
  const message = h('div', { id: 'dead-letters-message' });
  const filter = h('select', { id: 'dead-letter-filter', onchange: (event) => {
    location.hash = event.target.value ? `#/dead-letters?status=${event.target.value}` : '#/dead-letters';
  } }, h('option', { value: '' }, 'All'), STATUSES.map((s) => h('option', { value: s, selected: s === status }, s)));
  replace(main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Dead letters'),
      h('div', { class: 'tools' }, h('label', { for: 'dead-letter-filter' }, 'Status'), filter)),
    h('p', { class: 'subtle' }, 'A task is dead-lettered when no worker can compute it: a worker refused it, it is ',
      'not a readable task, or it was delivered too often without an answer. Its job failed with it; retrying puts ',
      'the task back on the queue and reopens the job.'),
    message,
    scroller(h('table', { class: 'dead-letters' },
      h('thead', {}, h('tr', {}, ['When', 'Job', 'Task', 'Type', 'Reason', 'Attempts', 'Status', '']
        .map((name) => h('th', { scope: 'col' }, name)))),
      rows), 'Dead letters'));

  async function retry(letter) {
    try {
      const answer = await request(`/api/v1/dead-letters/${letter.id}/retry`, { method: 'POST' });
      replace(message, notice('ok', `Task ${letter.taskIndex} of job ${shortId(letter.jobId)} is queued again `
        + `(tasks ${answer.requeuedTasks.join(', ')}); the job is ${answer.job.status}.`));
    } catch (error) {
      replace(message, notice('error', `Could not retry: ${error.message}`));
    }
    load();
  }

  async function load() {
    try {
      const { items } = await request(`/api/v1/dead-letters?limit=100${status ? `&status=${status}` : ''}`);
      replace(rows, items.length ? items.map((letter) => h('tr', { 'data-dead-letter': letter.id },
        h('td', {}, time(letter.deadLetteredAt)),
        h('td', {}, letter.jobId ? h('a', { href: `#/jobs/${letter.jobId}`, class: 'mono' }, shortId(letter.jobId))
          : h('span', { class: 'subtle' }, 'unreadable')),
        h('td', { class: 'num' }, letter.taskIndex ?? ''), h('td', {}, letter.jobType ?? ''),
        h('td', { class: 'reason' }, letter.reason), h('td', { class: 'num' }, letter.attempts),
        h('td', {}, statusBadge(letter.status)),
        h('td', {}, letter.status === 'DEAD' && letter.failedJob ? h('button', {
          type: 'button', class: 'retry', onclick: () => retry(letter),
          'aria-label': `Retry task ${letter.taskIndex} of job ${shortId(letter.jobId)}`,
        }, 'Retry') : null)))
        : h('tr', {}, h('td', { colspan: 8, class: 'empty' }, 'No dead letters.')));
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        replace(message, notice('error', `Could not load the dead letters: ${error.message}`));
      }
    }
  }

  load();
  const timer = setInterval(load, 5000);
  return () => clearInterval(timer);
}
