import { findBuiltinComponent } from '../../../engine/components';
import type { GuardedHttp } from '../../../engine/components/types';
import { HttpGuard } from '../../../engine/sandbox/http-guard';
import { FAKE_USERS, startFakeHttpServer, type FakeHttpServer } from './fake-http-server';
import { invalidFields, run } from './run-context';

const httpRequest = findBuiltinComponent('core/http_request')!;

type HttpCall = Parameters<GuardedHttp['request']>[0];

/** A remote endpoint double: answers with a canned response and records the request it got. */
function cannedHttp(status: number, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const calls: HttpCall[] = [];
  const http: GuardedHttp = {
    async request(request) {
      calls.push(request);
      return { status, headers, body };
    },
  };
  return { http, calls };
}

describe('http_request (canned remote endpoint)', () => {
  it('sends the configured request and parses a JSON reply', async () => {
    const { http, calls } = cannedHttp(200, '{"ok":true}');
    const result = await run(
      httpRequest,
      { url: 'https://api.example.test/v1/items?x=1', method: 'POST', headers: { authorization: 'Bearer t' }, timeoutMs: 500 },
      { inputs: { body: { name: 'n' }, query: { page: 2, tags: ['a'] } }, services: { http } },
    );
    expect(result).toEqual({ response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}', json: { ok: true } } });
    expect(calls).toEqual([
      {
        url: 'https://api.example.test/v1/items?x=1&page=2&tags=%5B%22a%22%5D',
        method: 'POST',
        headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
        body: '{"name":"n"}',
        timeoutMs: 500,
      },
    ]);
  });

  it('takes the URL from its input, sends string bodies as they are and leaves non-JSON replies unparsed', async () => {
    const { http, calls } = cannedHttp(201, 'created', { 'content-type': 'text/plain' });
    const result = await run(
      httpRequest,
      { method: 'PUT', headers: { 'Content-Type': 'text/csv' } },
      { inputs: { url: 'http://h.example.test/a', body: 'a,b' }, services: { http } },
    );
    expect(result).toEqual({ response: { status: 201, headers: { 'content-type': 'text/plain' }, body: 'created' } });
    expect(calls[0]).toMatchObject({ url: 'http://h.example.test/a', headers: { 'Content-Type': 'text/csv' }, body: 'a,b' });
  });

  it('fails on an error status unless told not to', async () => {
    const { http } = cannedHttp(404, '{"error":"nope"}');
    await expect(run(httpRequest, { url: 'https://x.example.test/u' }, { services: { http } })).rejects.toMatchObject({
      code: 'HTTP_ERROR',
      message: 'node "node1": GET https://x.example.test/u answered 404: {"error":"nope"}',
    });
    await expect(run(httpRequest, { url: 'https://x.example.test/u', failOnErrorStatus: false }, { services: { http } })).resolves.toMatchObject({
      response: { status: 404, json: { error: 'nope' } },
    });
  });

  it('rejects bad input: no URL, a non-http URL, a body on GET', async () => {
    await expect(run(httpRequest, {})).rejects.toThrow('no URL: set config.url or connect the "url" input');
    await expect(run(httpRequest, {}, { inputs: { url: 'file:///etc/passwd' } })).rejects.toThrow('is not http(s)');
    await expect(run(httpRequest, { url: 'https://x.example.test' }, { inputs: { body: 'x' } })).rejects.toThrow('a GET request cannot have a body');
  });

  it('rejects bad config', () => {
    expect(invalidFields(httpRequest, { url: 'ftp://x', method: 'FETCH', headers: { a: 1 }, timeoutMs: 0 }).sort()).toEqual([
      '/headers/a',
      '/method',
      '/timeoutMs',
      '/url',
    ]);
  });
});

describe('http_request (real HTTP guard, local HTTP service)', () => {
  let server: FakeHttpServer;
  beforeAll(async () => {
    server = await startFakeHttpServer();
  });
  afterAll(() => server.close());

  it('GETs JSON from an allow-listed local service', async () => {
    const http = new HttpGuard({ allow: ['127.0.0.1'] });
    const result = (await run(httpRequest, { url: `${server.baseUrl}/users/1` }, { services: { http } })) as { response: Record<string, unknown> };
    expect(result.response.status).toBe(200);
    expect(result.response.json).toEqual(FAKE_USERS['1']);
    expect(JSON.parse(result.response.body as string)).toEqual(FAKE_USERS['1']);
  });

  it('POSTs a JSON body with query parameters', async () => {
    const http = new HttpGuard({ allow: ['127.0.0.1'] });
    const result = (await run(
      httpRequest,
      { url: `${server.baseUrl}/echo`, method: 'POST' },
      { inputs: { body: { a: 1 }, query: { q: 'x y' } }, services: { http } },
    )) as {
      response: { json: unknown };
    };
    expect(result.response.json).toEqual({ method: 'POST', query: { q: 'x y' }, headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
  });

  it('is refused by the guard, before connecting, when loopback is not allow-listed', async () => {
    const before = server.requests.length;
    await expect(run(httpRequest, { url: `${server.baseUrl}/users/1` }, { services: { http: new HttpGuard() } })).rejects.toThrow();
    expect(server.requests.length).toBe(before);
  });
});
