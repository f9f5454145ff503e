/**
 * A subgraph's `POST /graphql` lane (platform/graphql-post-lane.ts): the router's calls are answered without express
 * by the same endpoint function as in-process calls; refusals come before the body is read; oversized and malformed
 * bodies get clear JSON errors; every other request keeps express's handling.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../platform/identity';
import { inProcessSubgraph } from '../../platform/in-process-subgraphs';
import { withGraphQLPostLane, type GraphQLPostLane } from '../../platform/graphql-post-lane';
import { createLogger } from '../../platform/logger';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

async function call(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  const response = await request(url, { method: init.method ?? 'POST', headers: init.headers, body: init.body });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

describe('the lane on its own', () => {
  let server: http.Server;
  let url: string;
  const seen: { refused: string[]; answered: string[]; fallback: string[] } = { refused: [], answered: [], fallback: [] };
  const lane: GraphQLPostLane = {
    limitBytes: 1000,
    log: createLogger('lane-test', 'silent'),
    refuse: async (headers) => {
      if (headers['x-refuse'] === undefined) return undefined;
      seen.refused.push(headers['x-refuse']);
      return { status: 401, headers: { 'content-type': 'application/json' }, body: '{"errors":[{"message":"no"}]}' };
    },
    answer: async ({ body, headers }) => {
      if (headers['x-throw']) throw new Error('boom');
      seen.answered.push(body);
      return { status: 200, headers: { 'content-type': 'application/json', 'x-lane': 'yes' }, body: `{"echo":${JSON.stringify(body)}}` };
    },
  };

  beforeAll(async () => {
    server = http.createServer(
      withGraphQLPostLane(lane, (req, res) => {
        seen.fallback.push(`${req.method} ${req.url} ${req.headers['content-type'] ?? ''}`);
        res.end('express');
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a JSON POST to /graphql with the endpoint’s status, headers and body', async () => {
    const answer = await call(`${url}/graphql`, { headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{"query":"{ a }"}' });
    expect(answer).toMatchObject({ status: 200, text: '{"echo":"{\\"query\\":\\"{ a }\\"}"}' });
    expect(answer.headers['x-lane']).toBe('yes');
    expect(answer.headers['content-length']).toBe(String(Buffer.byteLength(answer.text)));
  });

  it('refuses before reading the body', async () => {
    const refused = await call(`${url}/graphql`, { headers: { 'content-type': 'application/json', 'x-refuse': 'r1' }, body: '{"query":"{ b }"}' });
    expect(refused.status).toBe(401);
    expect(seen.refused).toContain('r1');
    expect(seen.answered).not.toContain('{"query":"{ b }"}');
  });

  it('refuses bodies over the limit, declared or streamed, with 413 LIMIT_EXCEEDED', async () => {
    const declared = await call(`${url}/graphql`, { headers: { 'content-type': 'application/json' }, body: 'x'.repeat(1001) });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text).errors[0].extensions.code).toBe('LIMIT_EXCEEDED');
    // Chunked: no content-length, the lane counts what arrives.
    const streamed = await new Promise<{ status?: number; text: string }>((resolve, reject) => {
      const req = http.request(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode, text }));
      });
      req.on('error', reject);
      for (let i = 0; i < 5; i++) req.write('y'.repeat(400));
      req.end();
    });
    expect(streamed.status).toBe(413);
    expect(seen.answered.some((b) => b.startsWith('y'))).toBe(false);
    expect(seen.answered.some((b) => b.startsWith('x'))).toBe(false);
  });

  it('leaves every other request to express', async () => {
    const others: [string, Parameters<typeof call>[1]][] = [
      ['/graphql', { method: 'GET' }],
      ['/graphql?query=%7Ba%7D', { headers: { 'content-type': 'application/json' }, body: '{}' }],
      ['/graphql', { headers: { 'content-type': 'text/plain' }, body: '{}' }],
      ['/graphql', { headers: { 'content-type': 'application/json; charset=latin1' }, body: '{}' }],
      ['/graphql', { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: Buffer.from([0x1f, 0x8b]) }],
      ['/graphql/', { headers: { 'content-type': 'application/json' }, body: '{}' }],
      ['/other', { headers: { 'content-type': 'application/json' }, body: '{}' }],
    ];
    for (const [path, init] of others) expect({ path, text: (await call(`${url}${path}`, init)).text }).toEqual({ path, text: 'express' });
    expect(seen.fallback).toHaveLength(others.length);
  });

  it('drops a request whose client goes away mid-body, and keeps serving', async () => {
    const { port } = new URL(url);
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"partial":');
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    expect(seen.answered.some((b) => b.includes('partial'))).toBe(false);
    expect((await call(`${url}/graphql`, { headers: { 'content-type': 'application/json' }, body: '{"next":1}' })).status).toBe(200);
  });

  it('answers 500 without crashing when the endpoint throws', async () => {
    const failed = await call(`${url}/graphql`, { headers: { 'content-type': 'application/json', 'x-throw': '1' }, body: '{}' });
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.text).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await call(`${url}/graphql`, { headers: { 'content-type': 'application/json' }, body: '{"after":1}' })).status).toBe(200);
  });
});

describe('a real subgraph', () => {
  let sg: TestSupergraph;
  let token: string;
  const registry = () => sg.launched.config.urls.registry;

  beforeAll(async () => {
    // In-process calls on, so the two transports of one endpoint can be compared.
    sg = await startTestSupergraph({ env: { IN_PROCESS_SUBGRAPHS: 'true' } });
    token = await signInternalToken({ sub: 'local', via: 'local' }, sg.launched.config.internalTokenSecret);
  });
  afterAll(() => sg?.close());

  it('answers over HTTP exactly as in-process', async () => {
    const body = JSON.stringify({ query: '{ components(category: "logic") { id name } }' });
    const headers = { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token };
    const overHttp = await call(`${registry()}/graphql`, { headers, body });
    const local = await inProcessSubgraph(new URL(`${registry()}/graphql`))!({ body, headers });
    expect(overHttp).toMatchObject({ status: 200 });
    expect(JSON.parse(overHttp.text).data.components.length).toBeGreaterThan(0);
    expect(overHttp.text).toBe(local.body);
    expect(overHttp.headers['content-type']).toBe(local.headers['content-type']);
  });

  it('refuses a missing token with 401 and a malformed body with 400 BAD_REQUEST', async () => {
    const anonymous = await call(`${registry()}/graphql`, { headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const malformed = await call(`${registry()}/graphql`, {
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
      body: '{"query": ',
    });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.text).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a body over 2 MB with 413 and keeps serving', async () => {
    const headers = { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token };
    const huge = await call(`${registry()}/graphql`, { headers, body: JSON.stringify({ query: `{ __typename } #${'x'.repeat(2 * 1024 * 1024)}` }) });
    expect(huge.status).toBe(413);
    const after = await call(`${registry()}/graphql`, { headers, body: '{"query":"{ __typename }"}' });
    expect(JSON.parse(after.text).data.__typename).toBe('Query');
  });
});
