// The dashboard's shell: routes the location hash to a page, and asks for an API key when the API wants one.

import { apiKey, forgetKey, onKeyNeeded, saveKey } from './api.js';
import { h, replace } from './dom.js';
import * as jobs from './jobs.js';
import * as job from './job.js';
import * as submit from './submit.js';
import * as workers from './workers.js';
import * as deadLetters from './dead-letters.js';

const routes = [
  { pattern: /^\/jobs\/([0-9a-fA-F-]{36})$/, page: job, nav: 'jobs' },
  { pattern: /^\/jobs$/, page: jobs, nav: 'jobs' },
  { pattern: /^\/submit(?:\/([a-z0-9-]+))?$/, page: submit, nav: 'submit' },
  { pattern: /^\/workers$/, page: workers, nav: 'workers' },
  { pattern: /^\/dead-letters$/, page: deadLetters, nav: 'dead-letters' },
];

const main = document.getElementById('main');
let cleanup = () => {};

function parseHash() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, '')) || '/jobs';
  const [path, query = ''] = hash.split('?');
  return { path, query: new URLSearchParams(query) };
}

function route() {
  cleanup();
  cleanup = () => {};
  const { path, query } = parseHash();
  const found = routes.map((r) => ({ r, match: path.match(r.pattern) })).find((candidate) => candidate.match);
  document.querySelectorAll('[data-nav]').forEach((link) => {
    if (found && link.dataset.nav === found.r.nav) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  if (!found) {
    document.title = 'Not found · Scatter';
    replace(main, h('h1', {}, 'Not found'), h('p', {}, 'No page here. ', h('a', { href: '#/jobs' }, 'See the jobs.')));
    return;
  }
  const result = found.r.page.render(main, { args: found.match.slice(1), query });
  cleanup = typeof result === 'function' ? result : () => {};
}

const dialog = document.getElementById('key-dialog');
const keyInput = document.getElementById('key-input');
const keyReason = document.getElementById('key-reason');

function askForKey(reason) {
  keyReason.textContent = reason || '';
  keyInput.value = '';
  if (!dialog.open) {
    dialog.showModal();
  }
  keyInput.focus();
}

onKeyNeeded((reason) => askForKey(apiKey() ? `The API refused the key: ${reason}.` : 'Enter an API key to continue.'));

document.getElementById('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!keyInput.value.trim()) {
    return;
  }
  saveKey(keyInput.value, document.getElementById('key-remember').checked);
  dialog.close();
  route();
});
document.getElementById('key-forget').addEventListener('click', () => {
  forgetKey();
  dialog.close();
  route();
});
document.getElementById('key-button').addEventListener('click', () => askForKey(''));

window.addEventListener('hashchange', () => {
  route();
  main.focus({ preventScroll: true });
});
route();
