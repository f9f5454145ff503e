/**
 * A real OpenAI-compatible HTTP server on 127.0.0.1 for tests (chat completions, embeddings, models).
 *
 * Default, deterministic behaviour:
 * - Chat: let TEXT be the content of the last `user` message.
 *   - Classification: when a `system` message contains a JSON array of strings (the labels, e.g.
 *     `Classify into one of ["billing","bug","other"]`), the answer is the first label whose name occurs in TEXT
 *     (case-insensitive), else the first label. Content: the label itself, or `{"label":"<label>"}` in JSON mode.
 *   - Otherwise: `echo: TEXT`, or `{"echo":"TEXT"}` in JSON mode (`response_format: {type: "json_object"}`).
 *   - `model` is echoed back (default `fake-model`); usage counts words.
 * - Embeddings: each input gets 8 numbers from the SHA-256 of its text, L2-normalised (same text → same vector).
 * - `GET /v1/models` lists `fake-model`.
 * - With `apiKey` set, requests without `Authorization: Bearer <apiKey>` get a 401 in OpenAI's error shape.
 *
 * `setHandler(fn)` overrides replies per request: return a string (chat content), `{ status, body }` (raw reply; a
 * string body is sent verbatim, so garbage is possible), `{ delayMs, reply? }` (wait, then reply or do the default),
 * or `undefined` for the default.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOpenAiRequest {
  method: string;
  /** Path without the query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body (undefined for GET). */
  body: any;
}

export type FakeReply = string | { status: number; body: unknown } | { delayMs: number; reply?: FakeReply } | undefined;
export type FakeHandler = (request: FakeOpenAiRequest) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAi {
  /** Base URL ending with `/v1`, e.g. `http://127.0.0.1:41234/v1` (what LLM_BASE_URL would hold). */
  url: string;
  /** Every request received, in order. */
  requests: FakeOpenAiRequest[];
  /** Replace (or with no argument, remove) the custom handler. */
  setHandler(handler?: FakeHandler): void;
  close(): Promise<void>;
}

export interface FakeOpenAiOptions {
  apiKey?: string;
  handler?: FakeHandler;
}

export const FAKE_MODEL = 'fake-model';
export const FAKE_EMBEDDING_DIMENSIONS = 8;

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  let handler = options.handler;
  const requests: FakeOpenAiRequest[] = [];
  const pendingTimers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => (pendingTimers.delete(timer), resolve()), ms);
      pendingTimers.add(timer);
    });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return sendError(res, 400, 'invalid_request_error', 'We could not parse the JSON body of your request.');
      }
      const request: FakeOpenAiRequest = { method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0], headers: req.headers, body };
      requests.push(request);
      if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return sendError(res, 401, 'invalid_request_error', 'Incorrect API key provided.');
      }
      respond(request, res, handler, wait).catch((error: Error) => sendError(res, 500, 'server_error', error.message));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setHandler: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pendingTimers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(request: FakeOpenAiRequest, res: ServerResponse, handler: FakeHandler | undefined, wait: (ms: number) => Promise<void>): Promise<void> {
  let reply = handler ? await handler(request) : undefined;
  while (reply && typeof reply === 'object' && 'delayMs' in reply) {
    await wait(reply.delayMs);
    reply = reply.reply;
  }
  if (reply && typeof reply === 'object') {
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': typeof reply.body === 'string' ? 'text/plain' : 'application/json' }).end(text);
    return;
  }
  const route = `${request.method} ${request.path}`;
  if (route === 'POST /v1/chat/completions') return sendJson(res, chatCompletion(request.body, reply));
  if (route === 'POST /v1/embeddings') return sendJson(res, embeddings(request.body));
  if (route === 'GET /v1/models') return sendJson(res, { object: 'list', data: [{ id: FAKE_MODEL, object: 'model', created: 0, owned_by: 'fake' }] });
  sendError(res, 404, 'invalid_request_error', `Unknown request URL: ${route}`);
}

interface ChatBody {
  model?: string;
  messages?: Array<{ role: string; content: string }>;
  response_format?: { type?: string };
}

function chatCompletion(body: ChatBody, customContent: string | undefined) {
  const messages = Array.isArray(body?.messages) ? body.messages : [];
  const content = customContent ?? defaultChatContent(messages, body?.response_format?.type === 'json_object');
  const promptTokens = messages.reduce((sum, message) => sum + countWords(String(message.content ?? '')), 0);
  const completionTokens = countWords(content);
  return {
    id: `chatcmpl-fake-${createHash('sha256').update(JSON.stringify(messages)).digest('hex').slice(0, 12)}`,
    object: 'chat.completion',
    created: 0,
    model: body?.model ?? FAKE_MODEL,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

/** The documented default rule (see the file header). */
export function defaultChatContent(messages: Array<{ role: string; content: string }>, json: boolean): string {
  const text = [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
  const labels = messages
    .filter((message) => message.role === 'system')
    .map((message) => labelsIn(String(message.content)))
    .find(Boolean);
  if (labels) {
    const label = labels.find((candidate) => text.toLowerCase().includes(candidate.toLowerCase())) ?? labels[0];
    return json ? JSON.stringify({ label }) : label;
  }
  return json ? JSON.stringify({ echo: text }) : `echo: ${text}`;
}

/** The first JSON array of (at least one) strings in a prompt, if any. */
function labelsIn(prompt: string): string[] | undefined {
  for (const match of prompt.matchAll(/\[[^[\]]*\]/g)) {
    try {
      const parsed: unknown = JSON.parse(match[0]);
      if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((item) => typeof item === 'string')) return parsed;
    } catch {
      // Not JSON: keep looking.
    }
  }
  return undefined;
}

function embeddings(body: { model?: string; input?: string | string[] }) {
  const inputs = typeof body?.input === 'string' ? [body.input] : Array.isArray(body?.input) ? body.input : [];
  return {
    object: 'list',
    model: body?.model ?? FAKE_MODEL,
    data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(String(text)) })),
    usage: { prompt_tokens: inputs.reduce((sum, text) => sum + countWords(String(text)), 0), total_tokens: 0 },
  };
}

/** 8 signed 16-bit numbers from the text's SHA-256, scaled to unit length. */
export function fakeEmbedding(text: string): number[] {
  const digest = createHash('sha256').update(text).digest();
  const raw = Array.from({ length: FAKE_EMBEDDING_DIMENSIONS }, (_, i) => digest.readInt16BE(i * 2) || 1);
  const norm = Math.hypot(...raw);
  return raw.map((value) => value / norm);
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function sendJson(res: ServerResponse, payload: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
}

function sendError(res: ServerResponse, status: number, type: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message, type, param: null, code: null } }));
}
