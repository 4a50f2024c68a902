// The jobs page: the caller's jobs, newest first, with a status filter, kept current by the jobs event stream.

import { ApiError, follow, request } from './api.js';
import { h, jobDuration, notice, progressBar, replace, scroller, shortId, statusBadge, time } from './dom.js';

const STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const PAGE = 20;

export function render(main, { query }) {
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : '';
  document.title = 'Jobs · Scatter';
  const jobs = new Map();
  let nextCursor; // undefined until the first page says; null once the last page is shown
  const rows = h('tbody', { id: 'job-rows' });
  const message = h('div', { id: 'jobs-message' });
  const mode = h('span', { id: 'live-mode', class: 'mode' }, 'connecting');
  const more = h('button', { type: 'button', class: 'quiet', hidden: true, onclick: loadMore }, 'Show older jobs');
  const filter = h('select', { id: 'status-filter', onchange: (event) => {
    location.hash = event.target.value ? `#/jobs?status=${event.target.value}` : '#/jobs';
  } }, h('option', { value: '' }, 'All'),
  STATUSES.map((s) => h('option', { value: s, selected: s === status }, s)));

  replace(main,
    h('div', { class: 'page-head' },
      h('h1', {}, 'Jobs'),
      h('div', { class: 'tools' },
        h('label', { for: 'status-filter' }, 'Status'), filter, mode,
        h('a', { class: 'button', href: '#/submit' }, 'Submit a job'))),
    message,
    scroller(h('table', { class: 'jobs' },
      h('caption', { class: 'visually-hidden' }, 'Jobs, newest first'),
      h('thead', {}, h('tr', {},
        ['Job', 'Type', 'Status', 'Progress', 'Duration', 'Created'].map((name) => h('th', { scope: 'col' }, name)))),
      rows), 'Jobs'),
    more);

  function show() {
    const shown = [...jobs.values()].filter((job) => !status || job.status === status)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    replace(rows, shown.map(row));
    if (!shown.length) {
      replace(rows, h('tr', {}, h('td', { colspan: 6, class: 'empty' },
        status ? `No ${status} jobs.` : 'No jobs yet. ', status ? '' : h('a', { href: '#/submit' }, 'Submit one.'))));
    }
  }

  function row(job) {
    return h('tr', { 'data-job': job.id, 'data-status': job.status },
      h('td', {}, h('a', { href: `#/jobs/${job.id}`, class: 'mono' }, shortId(job.id))),
      h('td', {}, job.type),
      h('td', {}, statusBadge(job.status)),
      h('td', { class: 'progress-cell' }, progressBar(job.progress, `Progress of job ${shortId(job.id)}`)),
      h('td', { class: 'num' }, jobDuration(job)),
      h('td', {}, time(job.createdAt)));
  }

  function failed(error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      replace(message, notice('error', `Could not load the jobs: ${error.message}`));
    }
  }

  /** Adds a page of the list to what is shown: the newest one, or the one after {@code cursor}. */
  async function fetchPage(cursor) {
    const page = await request(`/api/v1/jobs?limit=${PAGE}${status ? `&status=${status}` : ''}`
      + `${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    page.items.forEach((job) => jobs.set(job.id, job));
    if (cursor || nextCursor === undefined) {
      nextCursor = page.nextCursor;
      more.hidden = !nextCursor;
    }
    replace(message);
    show();
  }

  function load() {
    return fetchPage(null);
  }

  function loadMore() {
    return fetchPage(nextCursor).catch(failed);
  }

  load().catch(failed);
  const live = follow(`/api/v1/jobs/events${status ? `?status=${status}` : ''}`, {
    onEvent(name, job) {
      if (name === 'job') {
        jobs.set(job.id, job);
        show();
      }
    },
    poll: () => load().catch(failed),
    onMode: (text) => { mode.textContent = text; },
  });
  const ticker = setInterval(() => {
    if ([...jobs.values()].some((job) => job.status === 'RUNNING')) {
      show();
    }
  }, 1000);
  return () => {
    live.close();
    clearInterval(ticker);
  };
}
