// The job page: input, progress, result or error, and the timeline of its tasks over the workers, kept current by
// the job's event stream.

import { ApiError, follow, request } from './api.js';
import { h, json, jobDuration, notice, progressBar, replace, statusBadge, TERMINAL, time } from './dom.js';
import { throughputChart, timelineChart, workerSummary } from './timeline.js';

export function render(main, { args: [id] }) {
  document.title = `Job ${id.slice(0, 8)} · Scatter`;
  let job = null;
  const tasks = new Map();
  const head = h('div', { class: 'page-head' }, h('h1', {}, 'Job'));
  const message = h('div', { id: 'job-message' });
  const summary = h('section', { id: 'job-summary', 'aria-label': 'Summary' });
  const outcome = h('section', { id: 'job-outcome', 'aria-label': 'Result' });
  const timeline = h('section', { id: 'job-timeline', 'aria-labelledby': 'timeline-title' });
  const mode = h('span', { id: 'live-mode', class: 'mode' }, 'connecting');
  const badge = h('span', {});
  const cancelButton = h('button', { type: 'button', id: 'cancel-job', class: 'danger', hidden: true, onclick: cancel },
    'Cancel job');
  const elapsed = h('span', { id: 'job-duration' });
  replace(main, head, message, summary, outcome, timeline);

  async function cancel() {
    if (!window.confirm(`Cancel job ${id}? Its queued tasks are withdrawn.`)) {
      return;
    }
    try {
      job = await request(`/api/v1/jobs/${id}`, { method: 'DELETE' });
      replace(message, notice('ok', 'The job was cancelled.'));
      draw();
    } catch (error) {
      replace(message, notice('error', `Could not cancel the job: ${error.message}`));
    }
  }

  function draw() {
    if (!head.querySelector('.tools')) {
      replace(head, h('h1', {}, `${job.type} `, h('span', { class: 'mono subtle' }, id)),
        h('div', { class: 'tools' }, badge, mode, cancelButton));
    }
    replace(badge, statusBadge(job.status));
    cancelButton.hidden = TERMINAL.includes(job.status);
    elapsed.textContent = jobDuration(job) || '–';
    replace(summary,
      progressBar(job.progress, 'Job progress'),
      h('p', { id: 'progress-detail', class: 'subtle' },
        `${job.progress.tasksDone} of ${job.progress.tasksTotal} tasks done`),
      h('dl', { class: 'facts' },
        fact('Created', time(job.createdAt)),
        fact('Started', job.startedAt ? time(job.startedAt) : 'not yet'),
        fact('Finished', job.finishedAt ? time(job.finishedAt) : 'not yet'),
        fact('Duration', elapsed),
        job.traceId ? fact('Trace', h('span', { class: 'mono' }, job.traceId)) : null),
      h('div', { class: 'columns' },
        h('div', {}, h('h2', {}, 'Input'), json(job.input)),
        h('div', {}, h('h2', {}, 'Options'), json(job.options))));
    if (job.status === 'SUCCEEDED') {
      replace(outcome, h('h2', {}, 'Result'), h('div', { id: 'job-result' }, json(job.result)));
    } else if (job.error) {
      replace(outcome, h('h2', {}, 'Error'), h('p', { id: 'job-error', class: 'notice notice-error' }, job.error));
    } else {
      replace(outcome, h('h2', {}, 'Result'),
        h('p', { class: 'subtle' }, job.status === 'CANCELLED' ? 'None: the job was cancelled.' : 'Not yet.'));
    }
    drawTimeline();
  }

  function drawTimeline() {
    const all = [...tasks.values()];
    replace(timeline,
      h('h2', { id: 'timeline-title' }, 'Timeline'),
      h('p', { class: 'subtle' }, 'One lane per worker, one bar per task from its start to its end on that worker. ',
        'Red bars failed; a ring marks a task that took more than one attempt.'),
      timelineChart(all),
      h('h2', {}, 'Throughput'),
      throughputChart(all),
      h('h2', {}, 'Tasks per worker'),
      workerSummary(all));
  }

  function failed(error) {
    if (error instanceof ApiError && error.status === 404) {
      replace(main, h('h1', {}, 'Job not found'),
        notice('error', `No job ${id} (or it belongs to another API key).`), h('a', { href: '#/jobs' }, 'All jobs'));
      live.close();
    } else if (!(error instanceof ApiError && error.status === 401)) {
      replace(message, notice('error', `Could not load the job: ${error.message}`));
    }
  }

  async function poll() {
    job = await request(`/api/v1/jobs/${id}`);
    let cursor = null;
    do {
      const page = await request(`/api/v1/jobs/${id}/tasks?limit=1000${cursor ? `&cursor=${cursor}` : ''}`);
      page.tasks.forEach((task) => tasks.set(task.index, task));
      cursor = page.nextCursor ? encodeURIComponent(page.nextCursor) : null;
    } while (cursor);
    draw();
  }

  let redraw = null;
  const live = follow(`/api/v1/jobs/${id}/events`, {
    onEvent(name, data) {
      if (name === 'job') {
        job = data;
      } else if (name === 'tasks') {
        data.tasks.forEach((task) => tasks.set(task.index, task));
      }
      if (job && !redraw) {
        redraw = requestAnimationFrame(() => {
          redraw = null;
          draw();
        });
      }
    },
    poll: () => poll().catch(failed),
    interval: 1000,
    done: () => job !== null && TERMINAL.includes(job.status) && tasksSettled(),
    onMode: (text) => { mode.textContent = text; },
  });

  function tasksSettled() {
    return [...tasks.values()].filter((task) => task.status !== 'QUEUED').length >= job.progress.tasksDone;
  }

  const ticker = setInterval(() => {
    if (job && !TERMINAL.includes(job.status)) {
      elapsed.textContent = jobDuration(job) || '–';
    }
  }, 1000);
  return () => {
    live.close();
    clearInterval(ticker);
  };
}

function fact(name, value) {
  return [h('dt', {}, name), h('dd', {}, value)];
}
