// The submit page: a form for every registered job type, generated from the JSON Schema of its input and options.

import { ApiError, request } from './api.js';
import { h, notice, replace } from './dom.js';

const INTEGER = /^-?[0-9]+$/;

export function render(main, { args: [chosen] }) {
  document.title = 'Submit a job · Scatter';
  const message = h('div', { id: 'submit-message' });
  const body = h('div', {});
  replace(main, h('div', { class: 'page-head' }, h('h1', {}, 'Submit a job')), message, body);

  request('/api/v1/job-types').then(({ items }) => {
    if (!items.length) {
      replace(body, notice('error', 'This API has no job types.'));
      return;
    }
    const type = items.find((item) => item.name === chosen) || items[0];
    const choose = (event) => { location.hash = `#/submit/${event.target.value}`; };
    const picker = h('select', { id: 'job-type', onchange: choose },
      items.map((item) => h('option', { value: item.name, selected: item === type }, `${item.title || item.name}`)));
    replace(body, h('div', { class: 'field' }, h('label', { for: 'job-type' }, 'Job type'), picker,
      h('p', { class: 'help' }, type.description || '')), form(type, message));
  }).catch((error) => {
    if (!(error instanceof ApiError && error.status === 401)) {
      replace(message, notice('error', `Could not load the job types: ${error.message}`));
    }
  });
}

function form(type, message) {
  const fields = [];
  const sections = ['input', 'options'].map((part) => {
    const schema = type[part];
    if (!schema) {
      const area = h('textarea', { id: `f-${part}`, name: part, rows: 4, class: 'mono', spellcheck: 'false',
        'aria-describedby': `f-${part}-help` }, '{}');
      fields.push({ part, raw: area });
      return h('fieldset', {}, h('legend', {}, part === 'input' ? 'Input' : 'Options'),
        h('label', { for: `f-${part}` }, `${part === 'input' ? 'Input' : 'Options'} as JSON`), area,
        h('p', { class: 'help', id: `f-${part}-help` }, 'This type does not describe its fields; see its docs.'));
    }
    const properties = Object.entries(schema.properties || {});
    if (!properties.length) {
      return null;
    }
    return h('fieldset', {}, h('legend', {}, part === 'input' ? 'Input' : 'Options'),
      properties.map(([name, property]) => {
        const field = control(part, name, property, (schema.required || []).includes(name));
        fields.push(field);
        return field.element;
      }));
  });
  const submitButton = h('button', { type: 'submit', id: 'submit-job' }, 'Submit job');
  const element = h('form', { id: 'submit-form', novalidate: true }, sections,
    h('div', { class: 'actions' }, submitButton));
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    fields.forEach((field) => field.input && field.input.removeAttribute('aria-invalid'));
    let job;
    try {
      job = { type: type.name, input: {}, options: {} };
      fields.forEach((field) => read(field, job));
    } catch (error) {
      replace(message, notice('error', error.message));
      return;
    }
    submitButton.disabled = true;
    try {
      const created = await request('/api/v1/jobs', { method: 'POST', body: job });
      location.hash = `#/jobs/${created.id}`;
    } catch (error) {
      if (error instanceof ApiError && error.status !== 401) {
        replace(message, notice('error', error.message));
        markInvalid(fields, error.problem.field);
      }
    } finally {
      submitButton.disabled = false;
    }
  });
  return element;
}

function markInvalid(fields, path) {
  const field = path && fields.find((candidate) => `${candidate.part}.${candidate.name}` === path
    || (candidate.raw && path.startsWith(`${candidate.part}`)));
  const input = field && (field.input || field.raw);
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

/** A labelled control for one schema property; its value is read back by {@link read}. */
function control(part, name, property, required) {
  const id = `f-${part}-${name}`;
  const help = `${id}-help`;
  const common = { id, name: `${part}.${name}`, required, 'aria-describedby': help };
  const placeholder = property.default !== undefined ? `default: ${property.default}` : required ? '' : 'optional';
  let input;
  let kind = property.type;
  if (Array.isArray(property.enum)) {
    kind = 'enum';
    input = h('select', common, required ? null : h('option', { value: '' }, placeholder),
      property.enum.map((value) => h('option', { value, selected: value === property.default }, value)));
  } else if (property.type === 'integer') {
    input = h('input', { ...common, type: 'text', inputmode: 'numeric', autocomplete: 'off', placeholder,
      value: required && property.default !== undefined ? property.default : null });
  } else if (property.type === 'boolean') {
    input = h('input', { ...common, type: 'checkbox', checked: property.default === true });
  } else if (property.type === 'array' || property['x-multiline']) {
    input = h('textarea', { ...common, rows: 5, spellcheck: 'false',
      placeholder: property.type === 'array' ? 'one per line' : placeholder });
  } else {
    input = h('input', { ...common, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder,
      maxlength: property.maxLength });
  }
  const limits = [];
  if (property.minimum !== undefined && property.maximum !== undefined) {
    limits.push(`${property.minimum.toLocaleString('en')} to ${property.maximum.toLocaleString('en')}`);
  }
  if (property.type === 'array') {
    limits.push(`one per line, ${property.minItems ?? 0} to ${(property.maxItems ?? '').toLocaleString('en')}`);
  }
  const label = h('label', { for: id }, property.title || name,
    required ? h('span', { class: 'required' }, ' (required)') : null);
  const element = h('div', { class: property.type === 'boolean' ? 'field check' : 'field' }, label, input,
    h('p', { class: 'help', id: help }, property.description || '', limits.length ? ` (${limits.join('; ')})` : ''));
  return { part, name, kind, property, required, input, element };
}

function read(field, job) {
  if (field.raw) {
    const text = field.raw.value.trim() || '{}';
    try {
      job[field.part] = JSON.parse(text);
    } catch (error) {
      field.raw.setAttribute('aria-invalid', 'true');
      throw new Error(`${field.part} is not valid JSON: ${error.message}`);
    }
    return;
  }
  const { input, kind, name, part } = field;
  if (kind === 'boolean') {
    if (input.checked !== (field.property.default === true)) {
      job[part][name] = input.checked;
    }
    return;
  }
  const text = input.value.trim();
  if (!text) {
    if (field.required) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      throw new Error(`${field.property.title || name} is required.`);
    }
    return;
  }
  if (kind === 'integer') {
    if (!INTEGER.test(text) || !Number.isSafeInteger(Number(text))) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      throw new Error(`${field.property.title || name} must be a whole number, got "${text.slice(0, 40)}".`);
    }
    job[part][name] = Number(text);
  } else if (kind === 'array') {
    job[part][name] = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line);
  } else {
    job[part][name] = text;
  }
}
