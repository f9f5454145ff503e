/**
 * A small local HTTP service on 127.0.0.1 (a random port) for the http_request tests and the HTTP template:
 * real sockets, real HTTP. Routes:
 * - `GET /users/<id>` → 200 JSON {id, name, email} for ids 1..3, else 404 JSON {error};
 * - `POST /echo` → 200 JSON {method, query, headers: {content-type}, body};
 * - `GET /text` → 200 text/plain "plain text";
 * - `/redirect?to=<url>[&status=<3xx>]` → that redirect (302 by default) to `to`, as given;
 * - `/loop` → 302 to itself, forever.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_USERS: Record<string, { id: number; name: string; email: string }> = {
  '1': { id: 1, name: 'Ada Lovelace', email: 'ada@example.test' },
  '2': { id: 2, name: 'Alan Turing', email: 'alan@example.test' },
  '3': { id: 3, name: 'Grace Hopper', email: 'grace@example.test' },
};

export interface FakeHttpServer {
  baseUrl: string;
  requests: { method: string; url: string }[];
  close(): Promise<void>;
}

export async function startFakeHttpServer(): Promise<FakeHttpServer> {
  const requests: { method: string; url: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '' });
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      const user = /^\/users\/(\w+)$/.exec(url.pathname);
      if (req.method === 'GET' && user) return FAKE_USERS[user[1]] ? json(200, FAKE_USERS[user[1]]) : json(404, { error: 'no such user' });
      if (req.method === 'POST' && url.pathname === '/echo') {
        return json(200, {
          method: req.method,
          query: Object.fromEntries(url.searchParams),
          headers: { 'content-type': req.headers['content-type'] ?? null },
          body: Buffer.concat(chunks).toString('utf8'),
        });
      }
      if (url.pathname === '/redirect' || url.pathname === '/loop') {
        res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('to') ?? '/loop' });
        return res.end();
      }
      if (url.pathname === '/text') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('plain text');
      }
      json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
