/**
 * Streams one HTTP request to an upstream and its answer back (the router → deployment service → isolated program
 * hops of a LOCAL deployment's endpoint). Hop-by-hop headers and the caller's credentials never travel upstream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { request, type Dispatcher } from 'undici';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);
const CREDENTIALS = new Set(['authorization', 'cookie', 'x-api-key']);

export interface ProxyOptions {
  url: string;
  /** E.g. an agent bound to a Unix socket. */
  dispatcher?: Dispatcher;
  /** Headers to add (the internal identity token, the request id). */
  headers?: Record<string, string>;
  /** Header names (lower case) to drop besides the hop-by-hop ones and the caller's credentials. */
  drop?: readonly string[];
  timeoutMs?: number;
}

export async function proxyRequest(req: IncomingMessage, res: ServerResponse, options: ProxyOptions): Promise<void> {
  const drop = new Set(options.drop ?? []);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || CREDENTIALS.has(name) || drop.has(name)) continue;
    headers[name] = value;
  }
  Object.assign(headers, options.headers);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const timeout = options.timeoutMs ?? 60_000;
  try {
    const upstream = await request(options.url, {
      method: (req.method ?? 'GET') as Dispatcher.HttpMethod,
      headers,
      body: hasBody ? req : undefined,
      dispatcher: options.dispatcher,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    res.statusCode = upstream.statusCode;
    for (const [name, value] of Object.entries(upstream.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) res.setHeader(name, value);
    }
    for await (const chunk of upstream.body) res.write(chunk);
    res.end();
  } catch (err) {
    if (res.headersSent) return void res.destroy();
    res.statusCode = 502;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ error: `the upstream did not answer: ${(err as Error).message}` }));
  }
}
