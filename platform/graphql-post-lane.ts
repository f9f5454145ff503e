/**
 * A subgraph's `POST /graphql` with a plain JSON body, served without express (docs/ARCHITECTURE.md §10): the router
 * sends every subgraph call this way, and express's layers, body-parser and `res.send` cost ≈10 % of a subgraph's CPU
 * per call (bench/README.md). The answer comes from the same endpoint function the in-process calls use, so HTTP and
 * in-process answers cannot differ. Anything else — GET, a query string, another content type, a compressed or
 * non-UTF-8 body — goes to express as before.
 */
import type http from 'node:http';
import type { InProcessRequest as LaneRequest, InProcessResponse as LaneResponse } from './in-process-subgraphs';
import type { Logger } from './logger';

export interface GraphQLPostLane {
  /** Checked before the body is read, as the express chain did (shutdown gate, router token): an answer refuses. */
  refuse(headers: Record<string, string>): Promise<LaneResponse | undefined>;
  answer(request: LaneRequest): Promise<LaneResponse>;
  limitBytes: number;
  log: Logger;
}

const JSON_UTF8 = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** Whether the lane takes this request; everything it does not take keeps express's handling. */
export function takesRequest(req: http.IncomingMessage): boolean {
  return (
    req.method === 'POST' &&
    req.url === '/graphql' &&
    JSON_UTF8.test(req.headers['content-type'] ?? '') &&
    (req.headers['content-encoding'] === undefined || req.headers['content-encoding'] === 'identity')
  );
}

/** A GraphQL-shaped error body. */
export const graphQLErrorBody = (message: string, code: string, extensions: Record<string, unknown> = {}) =>
  JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });

function send(res: http.ServerResponse, response: LaneResponse): void {
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
}

class BodyTooLarge extends Error {}

/** The body as text, or BodyTooLarge past `limit` bytes (declared or received). */
function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, length).toString('utf8')));
    req.on('error', reject);
    // Closed before the end (the client went away): settles the read; after 'end' it changes nothing.
    req.on('close', () => reject(new Error('request closed before its body ended')));
  });
}

const flatHeaders = (headers: http.IncomingHttpHeaders): Record<string, string> => {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
};

/** A request listener: the lane's requests answered by `lane`, all others by `fallback` (the express app). */
export function withGraphQLPostLane(lane: GraphQLPostLane, fallback: http.RequestListener): http.RequestListener {
  const serve = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = flatHeaders(req.headers);
    const refusal = await lane.refuse(headers);
    if (refusal) {
      req.resume();
      return send(res, refusal);
    }
    let body: string;
    try {
      body = await readBody(req, lane.limitBytes);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        res.setHeader('connection', 'close');
        return send(res, {
          status: 413,
          headers: { 'content-type': 'application/json' },
          body: graphQLErrorBody(`The request body is over ${lane.limitBytes} bytes`, 'LIMIT_EXCEEDED'),
        });
      }
      // The client went away mid-body: nobody to answer.
      return void res.destroy();
    }
    send(res, await lane.answer({ body, headers }));
  };
  return (req, res) => {
    if (!takesRequest(req)) return fallback(req, res);
    serve(req, res).catch((err: unknown) => {
      lane.log.error({ err }, 'GraphQL request failed');
      if (res.headersSent) return void res.destroy();
      send(res, { status: 500, headers: { 'content-type': 'application/json' }, body: graphQLErrorBody('Internal server error', 'INTERNAL_SERVER_ERROR') });
    });
  };
}
