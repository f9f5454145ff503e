'use strict';
/** The built-in components' behaviour, shared by every generated node (one helper per component). */
const V = require('./values');
const { ComponentError, WorkflowError, runGraph, sleep } = require('./scheduler');

const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function typeMismatch(value, type) {
  if (type === 'any') return value === undefined ? 'expected a value, got undefined' : null;
  const element = /^array<(.+)>$/.exec(type);
  if (element) {
    if (!Array.isArray(value)) return `expected ${type}, got ${kind(value)}`;
    for (let i = 0; i < value.length; i++) {
      const inner = typeMismatch(value[i], element[1]);
      if (inner) return `expected ${type}, element ${i}: ${inner}`;
    }
    return null;
  }
  const fits = type === 'number' ? typeof value === 'number' && Number.isFinite(value) : kind(value) === type;
  return fits ? null : `expected ${type}, got ${kind(value)}`;
}

function read(ctx, port, type, required = true) {
  const value = ctx.inputs[port];
  if (value === undefined) {
    if (required) throw new ComponentError('MISSING_INPUT', `input "${port}" has no value`, ctx.nodeId);
    return undefined;
  }
  const mismatch = typeMismatch(value, type);
  if (mismatch) throw new ComponentError('INVALID_INPUT', `input "${port}": ${mismatch}`, ctx.nodeId);
  return value;
}

/** Evaluates a compiled expression `[field, source, fn]` with the node's scope plus `extra`. */
function evaluate(ctx, config, expression, extra) {
  const [field, source, compiled] = expression;
  try {
    return compiled({ inputs: ctx.inputs, config, value: ctx.inputs.value, ...extra });
  } catch (error) {
    if (error instanceof V.ExpressionError) throw new ComponentError('EXPRESSION_ERROR', `config.${field} ${JSON.stringify(source)}: ${error.message}`, ctx.nodeId);
    throw error;
  }
}

function test(ctx, config, expression, extra, what = '') {
  const result = evaluate(ctx, config, expression, extra);
  if (typeof result !== 'boolean') {
    throw new ComponentError('EXPRESSION_ERROR', `config.${expression[0]} ${JSON.stringify(expression[1])} must produce a boolean${what}, got ${kind(result)}`, ctx.nodeId);
  }
  return result;
}

// ---- paths (get, set, template placeholders) ----
const SEGMENT = /^(?:[A-Za-z_$][\w$-]*|\d+)$/;
function parsePath(path) {
  const normalised = path.trim().replace(/\[(\d+)\]/g, '.$1');
  if (normalised === '') throw new Error('path is empty');
  return normalised.split('.').map((segment) => {
    if (!SEGMENT.test(segment)) throw new Error(`invalid path segment "${segment}" in "${path}"`);
    return /^\d+$/.test(segment) ? Number(segment) : segment;
  });
}
const formatPath = (segments) => segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
function lookupPath(root, segments) {
  let current = root;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const has = current !== null && typeof current === 'object' && (Array.isArray(current) ? typeof s === 'number' && s < current.length : V.hasOwn(current, s));
    if (!has) return { found: false, missingAt: formatPath(segments.slice(0, i + 1)) };
    current = current[s];
  }
  return { found: true, value: current };
}
function setAtPath(root, segments, value) {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments;
  if (Array.isArray(root)) {
    if (typeof head !== 'number') throw new Error(`cannot set property "${head}" on an array`);
    const copy = root.slice();
    copy[head] = setAtPath(root[head], rest, value);
    for (let i = 0; i < copy.length; i++) if (!(i in copy)) copy[i] = null;
    return copy;
  }
  if (root === undefined || root === null) return setAtPath(typeof head === 'number' ? [] : {}, segments, value);
  if (typeof root !== 'object') throw new Error(`cannot set "${head}" inside a ${typeof root}`);
  const copy = { ...root };
  V.setOwn(copy, head, setAtPath(root[head], rest, value));
  return copy;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
function renderTemplate(ctx, template, scope) {
  const missing = [];
  const text = template.replace(PLACEHOLDER, (whole, path) => {
    let segments;
    try {
      segments = parsePath(path);
    } catch (error) {
      throw new ComponentError('TEMPLATE_ERROR', `placeholder ${whole}: ${error.message}`, ctx.nodeId);
    }
    const lookup = lookupPath(scope, segments);
    if (!lookup.found || lookup.value === undefined) {
      if (!missing.includes(path)) missing.push(path);
      return whole;
    }
    return typeof lookup.value === 'string' ? lookup.value : JSON.stringify(lookup.value);
  });
  if (missing.length > 0) {
    const available = Object.keys(scope).filter((k) => scope[k] !== undefined);
    const list = missing.map((m) => `"${m}"`).join(', ');
    throw new ComponentError('TEMPLATE_ERROR', `missing template variable${missing.length > 1 ? 's' : ''} ${list} (available: ${available.length ? available.join(', ') : 'none'})`, ctx.nodeId);
  }
  return text;
}

async function mapWithConcurrency(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** JSON numbers are finite: a literal that overflowed (1e400 → Infinity) is refused (SPEC §4). */
function hasNonFinite(value) {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}

const FENCED = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/;

const components = {
  input(ctx, c) {
    let value = V.hasOwn(ctx.runInputs, c.name) ? ctx.runInputs[c.name] : undefined;
    if (value === undefined) value = c.default;
    if (value === undefined) {
      if (c.required) throw new ComponentError('MISSING_INPUT', `run input "${c.name}" is required`, ctx.nodeId);
      return {};
    }
    const mismatch = typeMismatch(value, c.type);
    if (mismatch) throw new ComponentError('INVALID_INPUT', `run input "${c.name}": ${mismatch}`, ctx.nodeId);
    if (hasNonFinite(value)) throw new ComponentError('INVALID_INPUT', `run input "${c.name}": a number is out of range`, ctx.nodeId);
    return { value };
  },
  output(ctx) {
    read(ctx, 'value', 'any');
    return {};
  },
  constant: (ctx, c) => ({ value: c.value }),
  transform(ctx, c, expression) {
    read(ctx, 'value', 'any');
    return { value: evaluate(ctx, c, expression) };
  },
  condition(ctx, c, expression) {
    const value = read(ctx, 'value', 'any');
    return { [test(ctx, c, expression) ? 'true' : 'false']: value };
  },
  switch(ctx, c, cases) {
    const value = read(ctx, 'value', 'any');
    const names = [...c.cases.map((entry) => entry.name), c.defaultPort];
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new ComponentError('INVALID_INPUT', `config: port name "${duplicate}" is used twice`, ctx.nodeId);
    for (const [name, expression] of cases) if (test(ctx, c, expression)) return { [name]: value };
    return { [c.defaultPort]: value };
  },
  merge(ctx) {
    const values = ctx.inputs.values;
    const first = (Array.isArray(values) ? values : values === undefined ? [] : [values]).find((v) => v !== undefined);
    return first === undefined ? {} : { value: first };
  },
  filter(ctx, c, expression) {
    const items = read(ctx, 'items', 'array');
    return { items: items.filter((item, index) => test(ctx, c, expression, { item, index }, ` (item ${index})`)) };
  },
  reduce(ctx, c, expression) {
    let acc = c.initial;
    read(ctx, 'items', 'array').forEach((item, index) => {
      acc = evaluate(ctx, c, expression, { acc, item, index });
    });
    return { value: acc };
  },
  async map(ctx, c, expression, subgraph) {
    const items = read(ctx, 'items', 'array');
    if (items.length > 10000) throw new WorkflowError('LIMIT_MAP_ITEMS', `map over ${items.length} items exceeds the limit of 10000 items per map`, false);
    if (!subgraph) return { items: items.map((item, index) => evaluate(ctx, c, expression, { item, index })) };
    const results = await mapWithConcurrency(items, c.concurrency, async (item, index) => {
      let outputs;
      try {
        outputs = await runGraph(subgraph, { item, index }, ctx.world);
      } catch (error) {
        const detail = `iteration ${index} of "${ctx.nodeId}" failed: ${error.message}`;
        throw new ComponentError('SUBGRAPH_ERROR', `item ${index}: ${detail}`, ctx.nodeId);
      }
      if (!V.hasOwn(outputs, c.output)) {
        const produced = Object.keys(outputs);
        throw new ComponentError('SUBGRAPH_ERROR', `item ${index}: the sub-graph produced no output "${c.output}" (it produced: ${produced.length ? produced.join(', ') : 'nothing'})`, ctx.nodeId);
      }
      return outputs[c.output];
    });
    return { items: results };
  },
  template(ctx, c) {
    const values = read(ctx, 'values', 'object', false) ?? {};
    const scope = ctx.inputs.value === undefined ? values : { ...values, value: ctx.inputs.value };
    return { text: renderTemplate(ctx, c.template, scope) };
  },
  json_parse(ctx, c) {
    const text = read(ctx, 'text', 'string');
    const fenced = c.allowCodeFence ? FENCED.exec(text) : null;
    try {
      return { value: JSON.parse(fenced ? fenced[1] : text) };
    } catch (error) {
      const preview = text.length > 80 ? `${text.slice(0, 80)}…` : text;
      throw new ComponentError('INVALID_JSON', `input "text" is not JSON (${error.message}): ${JSON.stringify(preview)}`, ctx.nodeId);
    }
  },
  get(ctx, c) {
    const value = read(ctx, 'value', 'any');
    let segments;
    try {
      segments = parsePath(c.path);
    } catch (error) {
      throw new ComponentError('INVALID_INPUT', `config.path: ${error.message}`, ctx.nodeId);
    }
    const lookup = lookupPath(value, segments);
    if (lookup.found) return { value: lookup.value };
    if (c.default !== undefined) return { value: c.default };
    throw new ComponentError('PATH_NOT_FOUND', `path "${c.path}" not found: "${lookup.missingAt}" does not exist`, ctx.nodeId);
  },
  set(ctx, c) {
    const target = read(ctx, 'object', 'object');
    const value = read(ctx, 'value', 'any');
    try {
      return { value: setAtPath(target, parsePath(c.path), value) };
    } catch (error) {
      throw new ComponentError('INVALID_INPUT', `cannot set "${c.path}": ${error.message}`, ctx.nodeId);
    }
  },
  object(ctx, c) {
    const values = read(ctx, 'values', 'array');
    if (values.length !== c.keys.length) {
      throw new ComponentError('INVALID_INPUT', `config.keys names ${c.keys.length} value(s) (${c.keys.join(', ')}) but ${values.length} are connected to "values"`, ctx.nodeId);
    }
    return { value: V.objectOf(c.keys.flatMap((key, i) => [key, values[i]])) };
  },
  length(ctx) {
    const value = read(ctx, 'value', 'any');
    if (Array.isArray(value) || typeof value === 'string') return { length: value.length };
    if (value !== null && typeof value === 'object') return { length: Object.keys(value).length };
    throw new ComponentError('INVALID_INPUT', `input "value": expected an array, string or object, got ${kind(value)}`, ctx.nodeId);
  },
  join(ctx, c) {
    const parts = read(ctx, 'items', 'array').map((item, index) => {
      if (typeof item === 'string') return item;
      if (typeof item === 'number' || typeof item === 'boolean') return String(item);
      throw new ComponentError('INVALID_INPUT', `input "items"[${index}]: expected a string, number or boolean, got ${kind(item)}`, ctx.nodeId);
    });
    return { text: parts.join(c.separator) };
  },
  split(ctx, c) {
    let items = read(ctx, 'text', 'string').split(c.separator);
    if (c.trim) items = items.map((item) => item.trim());
    if (c.removeEmpty) items = items.filter((item) => item !== '');
    return { items };
  },
  async delay(ctx, c) {
    await sleep(c.ms);
    return { value: ctx.inputs.value ?? null };
  },
  code(ctx, c, userFunction) {
    let value;
    try {
      value = userFunction(JSON.parse(JSON.stringify(ctx.inputs)), JSON.parse(JSON.stringify(c.params)));
      if (value instanceof Promise) throw new TypeError('the code returned a Promise; asynchronous code is not supported');
      value = value === undefined ? null : JSON.parse(JSON.stringify(value));
    } catch (error) {
      throw new WorkflowError('CODE_ERROR', `${error && error.name ? error.name : 'Error'}: ${error && error.message !== undefined ? error.message : String(error)}`);
    }
    return { value: value === undefined ? null : value };
  },
};

module.exports = { components, read, typeMismatch };
