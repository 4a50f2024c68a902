// Small helpers to build DOM nodes (never from HTML strings, so no text from the API is ever parsed as markup) and
// to format times, durations and statuses.

const SVG = 'http://www.w3.org/2000/svg';

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: {@code h('a', {href: '#/jobs'}, 'Jobs')}. */
export function h(tag, attributes, ...children) {
  return build(document.createElement(tag), attributes, children);
}

/** An SVG element: {@code svg('rect', {x: 0, width: 4})}. */
export function svg(tag, attributes, ...children) {
  return build(document.createElementNS(SVG, tag), attributes, children);
}

export function replace(parent, ...children) {
  parent.replaceChildren(...children.flat().filter((child) => child !== null && child !== undefined));
}

export const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];

export function statusBadge(status) {
  return h('span', { class: `status status-${status.toLowerCase()}` }, status);
}

/** A progress bar with its percentage as text, readable by screen readers. */
export function progressBar(progress, label) {
  const percent = progress ? progress.percent : 0;
  const bar = h('div', { class: 'bar' });
  bar.style.width = `${percent}%`;
  return h('div', { class: 'progress-wrap' },
    h('div', {
      class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': percent,
      'aria-label': label || 'Progress',
    }, bar),
    h('span', { class: 'progress-text' }, `${percent} %`));
}

export function shortId(id) {
  return id ? id.slice(0, 8) : '';
}

export function duration(ms) {
  if (ms === null || ms === undefined || Number.isNaN(ms)) {
    return '';
  }
  if (ms < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (ms < 60000) {
    return `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`;
  }
  const minutes = Math.floor(ms / 60000);
  if (minutes < 60) {
    return `${minutes} min ${Math.floor((ms % 60000) / 1000)} s`;
  }
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** How long a job ran: from its start to its end, or to now while it runs. */
export function jobDuration(job, now = Date.now()) {
  if (!job.startedAt) {
    return '';
  }
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return duration(end - Date.parse(job.startedAt));
}

export function time(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  return h('time', { datetime: iso, title: iso }, date.toLocaleString());
}

export function ago(iso, now = Date.now()) {
  if (!iso) {
    return '';
  }
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  const text = seconds < 60 ? `${seconds} s ago` : seconds < 3600 ? `${Math.floor(seconds / 60)} min ago`
    : `${Math.floor(seconds / 3600)} h ago`;
  return h('time', { datetime: iso, title: iso }, text);
}

export function json(value) {
  return h('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}

/** A message region for errors and confirmations, announced by screen readers. */
export function notice(kind, text) {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** Wraps a table so that it scrolls sideways on a narrow screen instead of breaking the page. */
export function scroller(table, label) {
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: 0 }, table);
}
