// Pictures of how a job's tasks spread over the workers: the timeline (a lane per worker, a bar per task), the
// throughput over time, and the same numbers as a table for those who cannot see the pictures.

import { duration, h, scroller, svg } from './dom.js';

const LABEL = 120;
const WIDTH = 960;
const LANE = 28;
const BAR = 14;
const GAP = 4;
const AXIS = 22;

function placed(tasks) {
  return tasks.filter((task) => task.worker && task.startedAt && task.finishedAt)
    .map((task) => ({ ...task, start: Date.parse(task.startedAt), end: Date.parse(task.finishedAt) }));
}

function span(list) {
  const t0 = Math.min(...list.map((task) => task.start));
  const t1 = Math.max(...list.map((task) => task.end), t0 + 1);
  return { t0, t1 };
}

function axis(t0, t1, top) {
  const marks = [];
  for (let i = 0; i <= 4; i++) {
    const at = LABEL + ((WIDTH - LABEL - 8) * i) / 4;
    marks.push(svg('line', { x1: at, x2: at, y1: 0, y2: top, class: 'grid' }),
      svg('text', { x: at, y: top + 15, class: 'tick', 'text-anchor': i === 0 ? 'start' : i === 4 ? 'end' : 'middle' },
        `+${duration(((t1 - t0) * i) / 4) || '0 ms'}`));
  }
  return marks;
}

/** Puts each task of one worker on the first row free at its start: a row per thread the worker used at once. */
function pack(tasks) {
  const ends = [];
  return tasks.sort((a, b) => a.start - b.start || a.index - b.index).map((task) => {
    let row = ends.findIndex((end) => end <= task.start);
    if (row < 0) {
      row = ends.length;
    }
    ends[row] = task.end;
    return { task, row };
  });
}

function bar(task, worker, x, y, width) {
  const classes = ['task', task.status === 'FAILED' ? 'failed' : 'done', task.attempts > 1 ? 'retried' : '']
    .join(' ').trim();
  const title = `task ${task.index} on ${worker}: ${duration(task.durationMs)}, attempt ${task.attempts}`
    + `${task.error ? `, failed: ${task.error}` : ''}`;
  return svg('g', { class: classes, 'data-task': task.index },
    svg('rect', { x, y, width, height: BAR, rx: 2 }, svg('title', {}, title)),
    task.attempts > 1 ? svg('circle', { cx: x + width / 2, cy: y + BAR / 2, r: 5, class: 'retry-mark' }) : null);
}

/**
 * One lane per worker (sorted by name), one bar per task from its start to its end on that worker; tasks a worker
 * computed at the same time stack in rows within its lane.
 */
export function timelineChart(tasks) {
  const list = placed(tasks);
  if (!list.length) {
    return h('p', { id: 'timeline-empty', class: 'subtle' }, 'No task has finished yet.');
  }
  const workers = [...new Set(list.map((task) => task.worker))].sort();
  const { t0, t1 } = span(list);
  const scale = (WIDTH - LABEL - 8) / (t1 - t0);
  let top = 0;
  const lanes = workers.map((worker, lane) => {
    const rows = pack(list.filter((task) => task.worker === worker));
    const height = (Math.max(...rows.map((placedTask) => placedTask.row)) + 1) * (BAR + GAP) + GAP;
    const y = top;
    top += height;
    return svg('g', { class: 'lane', 'data-worker': worker },
      svg('rect', { x: 0, y, width: WIDTH, height, class: lane % 2 ? 'lane-bg odd' : 'lane-bg' }),
      svg('text', { x: 6, y: y + Math.min(height, LANE) / 2 + 4, class: 'lane-label' }, worker),
      rows.map(({ task, row }) => bar(task, worker, LABEL + (task.start - t0) * scale,
        y + GAP + row * (BAR + GAP), Math.max(2, (task.end - task.start) * scale))));
  });
  return h('figure', { class: 'chart' },
    svg('svg', {
      id: 'timeline', viewBox: `0 0 ${WIDTH} ${top + AXIS}`, role: 'img', preserveAspectRatio: 'xMinYMin meet',
      'aria-label': `Timeline of ${list.length} tasks over ${workers.length} workers`,
    }, lanes, axis(t0, t1, top)),
    h('figcaption', { class: 'subtle' },
      `${list.length} tasks over ${workers.length} ${workers.length === 1 ? 'worker' : 'workers'} in `
      + `${duration(t1 - t0)}.`));
}

/** Tasks finished per second over the job's run, in up to 40 buckets. */
export function throughputChart(tasks) {
  const list = placed(tasks);
  if (list.length < 2) {
    return h('p', { class: 'subtle' }, 'Shown once two tasks have finished.');
  }
  const { t0, t1 } = span(list);
  const buckets = Math.min(40, Math.max(4, list.length));
  const size = (t1 - t0) / buckets;
  const counts = new Array(buckets).fill(0);
  list.forEach((task) => { counts[Math.min(buckets - 1, Math.floor((task.end - t0) / size))]++; });
  const rates = counts.map((count) => count / (size / 1000));
  const peak = Math.max(...rates);
  const top = 120;
  const width = (WIDTH - LABEL - 8) / buckets;
  const bars = rates.map((rate, i) => {
    const height = peak ? (rate / peak) * (top - 10) : 0;
    return svg('rect', { x: LABEL + i * width + 1, y: top - height, width: Math.max(1, width - 2), height,
      class: 'rate' }, svg('title', {}, `${rate.toFixed(1)} tasks/s`));
  });
  return h('figure', { class: 'chart' },
    svg('svg', {
      id: 'throughput', viewBox: `0 0 ${WIDTH} ${top + AXIS}`, role: 'img', preserveAspectRatio: 'xMinYMin meet',
      'aria-label': `Throughput: at most ${peak.toFixed(1)} tasks per second`,
    },
    svg('text', { x: 6, y: 14, class: 'lane-label' }, `${peak.toFixed(1)} tasks/s`),
    svg('text', { x: 6, y: top, class: 'lane-label' }, '0'),
    bars, axis(t0, t1, top)),
    h('figcaption', { class: 'subtle' },
      `Peak ${peak.toFixed(1)} tasks/s, mean ${((list.length * 1000) / (t1 - t0)).toFixed(1)} tasks/s.`));
}

/** The timeline's numbers as a table: per worker, its tasks, compute time, failures and retries. */
export function workerSummary(tasks) {
  const list = placed(tasks);
  const byWorker = new Map();
  list.forEach((task) => {
    const entry = byWorker.get(task.worker) || { tasks: 0, busy: 0, failed: 0, retried: 0 };
    entry.tasks++;
    entry.busy += task.end - task.start;
    entry.failed += task.status === 'FAILED' ? 1 : 0;
    entry.retried += task.attempts > 1 ? 1 : 0;
    byWorker.set(task.worker, entry);
  });
  const waiting = tasks.filter((task) => task.status === 'QUEUED').length;
  return h('div', {},
    scroller(h('table', { id: 'worker-summary' },
      h('thead', {}, h('tr', {}, ['Worker', 'Tasks', 'Compute time', 'Failed', 'Retried']
        .map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, [...byWorker.keys()].sort().map((worker) => {
        const entry = byWorker.get(worker);
        return h('tr', {}, h('th', { scope: 'row' }, worker), h('td', { class: 'num' }, entry.tasks),
          h('td', { class: 'num' }, duration(entry.busy)), h('td', { class: 'num' }, entry.failed),
          h('td', { class: 'num' }, entry.retried));
      }))), 'Tasks per worker'),
    waiting ? h('p', { class: 'subtle' }, `${waiting} tasks waiting or being computed.`) : null);
}
