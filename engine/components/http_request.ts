/**
 * `http_request`: one outbound HTTP call through the guard (`services.http`), which refuses loopback, private,
 * link-local and metadata addresses unless allow-listed. Non-string bodies are sent as JSON; a JSON reply is also
 * parsed onto `response.json`.
 */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { readInput } from './port-types';
import { configSchema } from './schema-fragments';

export const MAX_HTTP_TIMEOUT_MS = 60_000;

interface HttpRequestConfig {
  url?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  headers: Record<string, string>;
  timeoutMs: number;
  failOnErrorStatus: boolean;
}

export interface HttpResponseValue {
  status: number;
  headers: Record<string, string>;
  body: string;
  json?: unknown;
}

/**
 * The URL shape every language checks before any request (SPEC-level rule, engine/components/README.md): http(s),
 * an optional user-info, a host name or [IPv6], an optional port 0–65535, no spaces or control characters.
 * Hosts' URL parsers differ; this shared check is what makes "invalid URL" the same INVALID_INPUT everywhere.
 */
export const URL_SHAPE =
  /^[Hh][Tt][Tt][Pp][Ss]?:\/\/(?:[^\x00-\x20\x7f/?#@\\]*@)?(?:[A-Za-z0-9._~!$&'()*+,;=%-]+|\[[0-9A-Fa-f:.]+\])(?::([0-9]*))?(?:[/?#][^\x00-\x20\x7f]*)?$/;

export function isValidUrl(url: string): boolean {
  const match = URL_SHAPE.exec(url);
  return match !== null && (match[1] === undefined || match[1] === '' || Number(match[1]) <= 65535);
}

function withQuery(url: string, query: Record<string, unknown> | undefined): string {
  if (!query) return url;
  const target = new URL(url);
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    target.searchParams.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return target.toString();
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

export const httpRequestComponent: ComponentDefinition<HttpRequestConfig> = {
  id: 'core/http_request',
  version: '1.0.0',
  name: 'HTTP request',
  category: 'integration',
  description: 'Calls an HTTP API (through the outbound guard) and emits {status, headers, body, json?}.',
  icon: '🌐',
  color: '#283593',
  inputs: [
    { name: 'url', type: 'string', description: 'Overrides config.url.' },
    { name: 'body', type: 'any', description: 'Strings are sent as they are, other values as JSON.' },
    { name: 'query', type: 'object', description: 'Appended to the URL as query parameters.' },
  ],
  outputs: [{ name: 'response', type: 'object', description: '{status, headers, body, json?}' }],
  configSchema: configSchema({
    url: { type: 'string', pattern: '^https?://', description: 'Target URL (http or https).' },
    method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'], default: 'GET' },
    headers: { type: 'object', additionalProperties: { type: 'string' }, default: {} },
    timeoutMs: { type: 'integer', minimum: 1, maximum: MAX_HTTP_TIMEOUT_MS, default: 10_000 },
    failOnErrorStatus: { type: 'boolean', default: true, description: 'Fail the node on a 4xx/5xx status.' },
  }),
  secretFields: ['/headers/*'],
  requires: ['network'],
  sideEffects: true,
  emit: (e) => e.helper('http_request'),
  async run(ctx) {
    const { method, timeoutMs, failOnErrorStatus } = ctx.config;
    const baseUrl = readInput<string | undefined>(ctx, 'url', 'string', false) ?? ctx.config.url;
    if (!baseUrl) throw new ComponentError('MISSING_INPUT', 'no URL: set config.url or connect the "url" input', ctx.node.id);
    if (!/^https?:\/\//i.test(baseUrl)) throw new ComponentError('INVALID_INPUT', `URL ${JSON.stringify(baseUrl)} is not http(s)`, ctx.node.id);
    if (!isValidUrl(baseUrl)) throw new ComponentError('INVALID_INPUT', `URL ${JSON.stringify(baseUrl)} is not valid`, ctx.node.id);
    const query = readInput<Record<string, unknown> | undefined>(ctx, 'query', 'object', false);
    let url: string;
    try {
      url = withQuery(baseUrl, query);
    } catch {
      throw new ComponentError('INVALID_INPUT', `URL ${JSON.stringify(baseUrl)} is not valid`, ctx.node.id);
    }
    const headers = { ...ctx.config.headers };
    const rawBody = ctx.inputs.body;
    let body: string | undefined;
    if (rawBody !== undefined && rawBody !== null) {
      if (method === 'GET' || method === 'HEAD') throw new ComponentError('INVALID_INPUT', `a ${method} request cannot have a body`, ctx.node.id);
      body = typeof rawBody === 'string' ? rawBody : JSON.stringify(rawBody);
      if (typeof rawBody !== 'string' && !hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
    }
    const reply = await ctx.services.http.request({ url, method, headers, body, timeoutMs }, ctx.signal);
    if (failOnErrorStatus && reply.status >= 400) {
      const preview = reply.body.length > 200 ? `${reply.body.slice(0, 200)}…` : reply.body;
      throw new ComponentError('HTTP_ERROR', `${method} ${url} answered ${reply.status}: ${preview}`, ctx.node.id);
    }
    const response: HttpResponseValue = { status: reply.status, headers: reply.headers, body: reply.body };
    const contentType = Object.entries(reply.headers).find(([key]) => key.toLowerCase() === 'content-type')?.[1] ?? '';
    if (/\bjson\b/i.test(contentType)) {
      try {
        response.json = JSON.parse(reply.body);
      } catch {
        // A server mislabelling its body is not our failure; `body` still carries it.
      }
    }
    return { response };
  },
};
