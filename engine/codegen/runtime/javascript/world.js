'use strict';
/**
 * The outside world: an OpenAI-compatible LLM (LLM_BASE_URL, LLM_API_KEY, LLM_MODEL, LLM_EMBEDDING_MODEL) through
 * Node's built-in fetch, and plain HTTP through the outbound guard (http-guard.js). Same requests, replies and error
 * codes as the visual builder's engine.
 */
const { ComponentError, WorkflowError } = require('./scheduler');
const { read, typeMismatch } = require('./components');
const { guardedRequest } = require('./http-guard');

const HINT = 'set LLM_BASE_URL (e.g. http://127.0.0.1:1234/v1), LLM_API_KEY (if the server needs one) and LLM_MODEL';
const truncate = (t, n = 500) => (t.length > n ? `${t.slice(0, n)}…` : t);

async function llmPost(path, payload) {
  const env = process.env;
  const base = (env.LLM_BASE_URL || '').trim().replace(/\/+$/, '');
  if (!base) throw new WorkflowError('LLM_NOT_CONFIGURED', `no LLM server is configured: ${HINT}`);
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (env.LLM_API_KEY) headers.authorization = `Bearer ${env.LLM_API_KEY}`;
  const timeoutMs = Number(env.LLM_TIMEOUT_MS) > 0 ? Number(env.LLM_TIMEOUT_MS) : 60000;
  let status;
  let text;
  try {
    const response = await fetch(base + path, { method: 'POST', headers, body: JSON.stringify(payload), signal: AbortSignal.timeout(timeoutMs) });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (error && error.name === 'TimeoutError') throw new WorkflowError('LLM_TIMEOUT', `the LLM server at ${base} did not answer ${path} within ${timeoutMs} ms`);
    throw new WorkflowError('LLM_UNREACHABLE', `could not reach the LLM server at ${base}: ${(error.cause && error.cause.message) || error.message}`);
  }
  if (status < 200 || status > 299) throw new WorkflowError(`LLM_HTTP_${status}`, `the LLM server answered ${path} with HTTP ${status}: ${truncate(text) || '(empty body)'}`);
  try {
    return JSON.parse(text);
  } catch {
    throw new WorkflowError('LLM_BAD_RESPONSE', `the LLM server's answer to ${path} is malformed: the body is not JSON: ${truncate(text)}`);
  }
}

function pickModel(requested, fallback) {
  const model = requested || fallback;
  if (!(process.env.LLM_BASE_URL || '').trim()) throw new WorkflowError('LLM_NOT_CONFIGURED', `no LLM server is configured: ${HINT}`);
  if (!model) throw new WorkflowError('LLM_NOT_CONFIGURED', `no model chosen: name one on the node or set LLM_MODEL (${HINT})`);
  return model;
}

async function chat({ model, messages, temperature, maxTokens, json }) {
  const payload = { model: pickModel(model, process.env.LLM_MODEL), messages };
  if (temperature !== undefined) payload.temperature = temperature;
  if (maxTokens !== undefined) payload.max_tokens = maxTokens;
  if (json) payload.response_format = { type: 'json_object' };
  const reply = await llmPost('/chat/completions', payload);
  const content = reply && reply.choices && reply.choices[0] && reply.choices[0].message && reply.choices[0].message.content;
  if (typeof content !== 'string') throw new WorkflowError('LLM_BAD_RESPONSE', "the LLM server's answer to /chat/completions is malformed: no choices[0].message.content string");
  return content;
}

async function embed(model, input) {
  const chosen = pickModel(model, process.env.LLM_EMBEDDING_MODEL || process.env.LLM_MODEL);
  const reply = await llmPost('/embeddings', { model: chosen, input });
  const data = reply && reply.data;
  const bad = (detail) => new WorkflowError('LLM_BAD_RESPONSE', `the LLM server's answer to /embeddings is malformed: ${detail}`);
  if (!Array.isArray(data) || data.length !== input.length) throw bad(`expected ${input.length} embeddings in "data"`);
  const vectors = new Array(input.length);
  data.forEach((item, position) => {
    const index = typeof (item && item.index) === 'number' ? item.index : position;
    const vector = item && item.embedding;
    if (!Array.isArray(vector) || !vector.every((x) => typeof x === 'number') || !Number.isInteger(index) || index < 0 || index >= vectors.length || vectors[index] !== undefined) {
      throw bad(`item ${position} is not a numeric embedding with a distinct index`);
    }
    vectors[index] = vector;
  });
  return vectors;
}

function labelFromReply(reply, labels) {
  let candidate = reply.trim();
  try {
    const parsed = JSON.parse(reply);
    candidate = parsed !== null && typeof parsed === 'object' ? parsed.label : parsed;
  } catch {
    // not JSON: maybe the bare label
  }
  if (typeof candidate !== 'string') return null;
  const wanted = candidate.trim().toLowerCase();
  return labels.find((label) => label.toLowerCase() === wanted) ?? null;
}

// The engine's URL shape check (engine/components/http_request.ts), the same in every language.
const URL_SHAPE = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/(?:[^\x00-\x20\x7f\/?#@\\]*@)?(?:[A-Za-z0-9._~!$&'()*+,;=%-]+|\[[0-9A-Fa-f:.]+\])(?::([0-9]*))?(?:[\/?#][^\x00-\x20\x7f]*)?$/;
const isValidUrl = (url) => {
  const match = URL_SHAPE.exec(url);
  return match !== null && (match[1] === undefined || match[1] === '' || Number(match[1]) <= 65535);
};

const worldComponents = {
  async llm(ctx, c) {
    const prompt = read(ctx, 'prompt', 'string');
    const messages = c.system ? [{ role: 'system', content: c.system }] : [];
    messages.push({ role: 'user', content: prompt });
    const content = await chat({ model: c.model, messages, temperature: c.temperature, maxTokens: c.maxTokens, json: c.json });
    if (!c.json) return { text: content };
    try {
      return { text: content, json: JSON.parse(content) };
    } catch {
      return { text: content };
    }
  },
  async classifier(ctx, c) {
    const text = read(ctx, 'text', 'string');
    const system = [`Classify the text given by the user into exactly one of these labels: ${JSON.stringify(c.labels)}`, ...(c.instructions ? [c.instructions] : []), 'Reply with a JSON object only, of the form {"label": "<one of the labels>"}.'].join('\n');
    const content = await chat({ model: c.model, json: true, temperature: 0, messages: [{ role: 'system', content: system }, { role: 'user', content: text }] });
    const label = labelFromReply(content, c.labels);
    if (label === null) throw new ComponentError('LLM_INVALID_RESPONSE', `the model replied ${JSON.stringify(truncate(content, 200))}, which names none of the labels ${c.labels.join(', ')}`, ctx.nodeId);
    return { label };
  },
  async embedder(ctx, c) {
    const text = read(ctx, 'text', 'any');
    const single = typeof text === 'string';
    const mismatch = single ? null : typeMismatch(text, 'array<string>');
    if (mismatch) throw new ComponentError('INVALID_INPUT', `input "text": expected a string or an array of strings (${mismatch})`, ctx.nodeId);
    const input = single ? [text] : text;
    if (input.length === 0) return { embeddings: [] };
    const vectors = await embed(c.model, input);
    return single ? { embedding: vectors[0] } : { embeddings: vectors };
  },
  async http_request(ctx, c) {
    const baseUrl = read(ctx, 'url', 'string', false) ?? c.url;
    if (!baseUrl) throw new ComponentError('MISSING_INPUT', 'no URL: set config.url or connect the "url" input', ctx.nodeId);
    if (!/^https?:\/\//i.test(baseUrl)) throw new ComponentError('INVALID_INPUT', `URL ${JSON.stringify(baseUrl)} is not http(s)`, ctx.nodeId);
    if (!isValidUrl(baseUrl)) throw new ComponentError('INVALID_INPUT', `URL ${JSON.stringify(baseUrl)} is not valid`, ctx.nodeId);
    const query = read(ctx, 'query', 'object', false);
    let url;
    try {
      const target = new URL(baseUrl);
      for (const [key, value] of Object.entries(query || {})) if (value !== undefined && value !== null) target.searchParams.append(key, typeof value === 'string' ? value : JSON.stringify(value));
      url = target.toString();
    } catch {
      throw new ComponentError('INVALID_INPUT', `URL ${JSON.stringify(baseUrl)} is not valid`, ctx.nodeId);
    }
    const headers = { ...c.headers };
    const raw = ctx.inputs.body;
    let body;
    if (raw !== undefined && raw !== null) {
      if (c.method === 'GET' || c.method === 'HEAD') throw new ComponentError('INVALID_INPUT', `a ${c.method} request cannot have a body`, ctx.nodeId);
      body = typeof raw === 'string' ? raw : JSON.stringify(raw);
      if (typeof raw !== 'string' && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }
    const reply = await guardedRequest(url, { method: c.method, headers, body, timeoutMs: c.timeoutMs });
    const text = reply.body;
    if (c.failOnErrorStatus && reply.status >= 400) throw new ComponentError('HTTP_ERROR', `${c.method} ${url} answered ${reply.status}: ${truncate(text, 200)}`, ctx.nodeId);
    const response = { status: reply.status, headers: reply.headers, body: text };
    if (/\bjson\b/i.test(reply.headers['content-type'] || '')) {
      try {
        response.json = JSON.parse(text);
      } catch {
        // a mislabelled body stays in `body`
      }
    }
    return { response };
  },
};

module.exports = { worldComponents };
