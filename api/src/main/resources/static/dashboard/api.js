// The dashboard's only way to the HTTP API: requests with the API key, problem documents as errors, live streams.

const KEY = 'scatter.apiKey';

/** An error answer of the API: its status and RFC 9457 problem document. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

const keyListeners = [];

/** Calls {@code listener(reason)} when the API refuses the key (or wants one), so the page can ask for it. */
export function onKeyNeeded(listener) {
  keyListeners.push(listener);
}

export function apiKey() {
  return sessionStorage.getItem(KEY) || localStorage.getItem(KEY) || '';
}

export function saveKey(key, remember) {
  forgetKey();
  (remember ? localStorage : sessionStorage).setItem(KEY, key.trim());
}

export function forgetKey() {
  sessionStorage.removeItem(KEY);
  localStorage.removeItem(KEY);
}

function headers(extra) {
  const all = { Accept: 'application/json', ...extra };
  const key = apiKey();
  if (key) {
    all.Authorization = `Bearer ${key}`;
  }
  return all;
}

async function problemOf(response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { title: response.statusText, detail: text.slice(0, 200) || `HTTP ${response.status}` };
  }
}

async function refused(response) {
  const problem = await problemOf(response);
  if (response.status === 401) {
    keyListeners.forEach((listener) => listener(problem.detail || 'an API key is needed'));
  }
  return new ApiError(response.status, problem);
}

/** GETs (or sends) {@code path} and returns the parsed JSON body; throws ApiError for an error answer. */
export async function request(path, { method = 'GET', body, headers: extra } = {}) {
  const init = { method, headers: headers(extra), cache: 'no-store' };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(path, init);
  if (!response.ok) {
    throw await refused(response);
  }
  return response.status === 204 ? null : response.json();
}

/**
 * Follows {@code path}, a text/event-stream, calling {@code onEvent(name, data)} for each event; while the stream
 * cannot be had (an older API, a proxy that buffers, a network hiccup) calls {@code poll()} every
 * {@code interval} ms instead and tries the stream again now and then. {@code onMode('live' | 'polling')} says
 * which. Stops when {@code done()} turns true or {@code close()} is called.
 */
export function follow(path, { onEvent, poll, interval = 2000, done = () => false, onMode = () => {} }) {
  let closed = false;
  let controller = null;
  let timer = null;
  let failures = 0;

  const stop = () => closed || done();

  async function pollLoop(rounds) {
    onMode('polling');
    for (let i = 0; i < rounds && !stop(); i++) {
      try {
        await poll();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          return;
        }
      }
      await new Promise((resolve) => { timer = setTimeout(resolve, interval); });
    }
    if (!stop()) {
      connect();
    }
  }

  async function connect() {
    if (stop()) {
      return;
    }
    controller = new AbortController();
    let response;
    try {
      response = await fetch(path, {
        headers: headers({ Accept: 'text/event-stream' }), cache: 'no-store', signal: controller.signal,
      });
    } catch {
      response = null;
    }
    if (response && response.status === 401) {
      await refused(response);
      return;
    }
    const streaming = response && response.ok && response.body
        && (response.headers.get('Content-Type') || '').startsWith('text/event-stream');
    if (!streaming) {
      if (response) {
        controller.abort();
      }
      failures++;
      pollLoop(failures > 3 ? 30 : 5);
      return;
    }
    onMode('live');
    try {
      await read(response.body, (name, data) => {
        failures = 0;
        onEvent(name, data);
      });
    } catch {
      failures++;
    }
    if (!stop()) {
      timer = setTimeout(connect, failures ? 1000 : 100);
    }
  }

  connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      if (controller) {
        controller.abort();
      }
    },
  };
}

async function read(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      dispatchBlock(block, dispatch);
    }
  }
}

function dispatchBlock(block, dispatch) {
  let name = 'message';
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith(':')) {
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') {
      name = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }
  if (data.length) {
    dispatch(name, JSON.parse(data.join('\n')));
  }
}
