/**
 * The router's limits: depth, aliases, cost (fragment bombs included), tokens, body size (413), batches, rate limit
 * (429 + Retry-After), persisted-operations-only mode, introspection off, CORS allow-list, security headers and CSP.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'undici';
import { postGraphQL, startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { errorCodes } from './support';

describe('operation limits (local mode, default limits)', () => {
  let sg: TestSupergraph;
  beforeAll(async () => {
    sg = await startTestSupergraph({
      env: {
        GRAPHQL_MAX_DEPTH: '5',
        GRAPHQL_MAX_ALIASES: '5',
        GRAPHQL_MAX_COST: '60',
        GRAPHQL_MAX_TOKENS: '400',
        MAX_BODY_BYTES: '20000',
        CORS_ORIGINS: 'https://app.example.test',
      },
    });
  });
  afterAll(async () => {
    await sg?.close();
  });

  /** Apollo reports validation errors as GRAPHQL_VALIDATION_FAILED; `extensions.limit` names the limit. */
  const limitOf = (result: { errors?: any[] }) => result.errors?.find((e) => e.extensions?.limit)?.extensions?.limit;

  it('refuses deep, alias-heavy and costly operations before running them', async () => {
    const shallow = `{ projects { nodes { components { component { id } } } } }`; // depth 5
    expect((await sg.gql(shallow)).errors).toBeUndefined();
    const deeper = `{ projects { nodes { components { component { inputs { name } } } } } }`; // depth 6
    expect(limitOf(await sg.gql(deeper))).toBe('depth');
    expect(limitOf(await sg.gql(`{ ${Array.from({ length: 6 }, (_, i) => `a${i}: languages { id }`).join(' ')} }`))).toBe('aliases');
    expect(limitOf(await sg.gql(`{ languages { ${Array.from({ length: 70 }, () => 'id').join(' ')} } }`))).toBe('cost');
  });

  it('expands fragments when counting, so a fragment bomb is refused cheaply', async () => {
    const levels = 12;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Language { ${i === levels - 1 ? 'id' : `...F${i + 1} ...F${i + 1}`} }`).join(
      '\n',
    );
    const started = Date.now();
    const result = await sg.gql(`{ languages { ...F0 } }\n${fragments}`);
    expect(limitOf(result)).toBe('cost');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('caps tokens at parse time and body size with 413', async () => {
    const many = await sg.gql(`{ languages { ${'id '.repeat(500)} } }`);
    expect(many.status).toBe(400);
    expect(JSON.stringify(many.errors)).toMatch(/token/i);
    const huge = await postGraphQL(`${sg.url}/graphql`, '{ languages { id } }', { pad: 'x'.repeat(30_000) });
    expect(huge.status).toBe(413);
    expect(errorCodes(huge)).toEqual(['LIMIT_EXCEEDED']);
  });

  it('refuses batched requests', async () => {
    const response = await request(`${sg.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ languages { id } }' }, { query: '{ languages { id } }' }]),
    });
    await response.body.text();
    expect(response.statusCode).toBe(400);
  });

  it('sends CORS headers to listed origins only, and security headers with a CSP everywhere', async () => {
    const listed = await request(`${sg.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.test', 'access-control-request-method': 'POST' },
    });
    await listed.body.text();
    expect(listed.statusCode).toBe(204);
    expect(listed.headers['access-control-allow-origin']).toBe('https://app.example.test');
    const stranger = await request(`${sg.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example.test', 'access-control-request-method': 'POST' },
    });
    await stranger.body.text();
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    const page = await request(`${sg.url}/health`);
    await page.body.text();
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    const graphiql = await request(`${sg.url}/graphiql`);
    await graphiql.body.text();
    // The page's inline script is allowed by its hash, not by 'unsafe-inline' (tests/e2e/graphiql.test.ts runs it).
    expect(graphiql.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
  });

  it('refuses cross-site WebSocket handshakes (a page elsewhere cannot act as the local user)', async () => {
    const { WebSocket } = await import('ws');
    const code = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${sg.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: { origin: 'https://evil.example.test' } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('error', () => undefined);
    });
    expect(code).toBe(403);
  });
});

describe('rate limit, persisted operations, introspection', () => {
  let sg: TestSupergraph;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-persisted-'));
  const allowed = '{ languages { id } }';
  const hash = createHash('sha256').update(allowed).digest('hex');
  beforeAll(async () => {
    fs.writeFileSync(path.join(dir, 'safelist.json'), JSON.stringify({ [hash]: allowed }));
    sg = await startTestSupergraph({
      env: {
        RATE_LIMIT_POINTS: '5',
        RATE_LIMIT_WINDOW_SECONDS: '60',
        PERSISTED_OPERATIONS_ONLY: 'true',
        PERSISTED_OPERATIONS_FILE: path.join(dir, 'safelist.json'),
        GRAPHQL_INTROSPECTION: 'false',
      },
    });
  });
  afterAll(async () => {
    await sg?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs safelisted documents (by text or hash) only, refuses introspection, then rate-limits with Retry-After', async () => {
    const first = await sg.gql(allowed);
    expect(first).toMatchObject({ status: 200 });
    expect(first.data.languages.length).toBeGreaterThan(0);
    const byHash = await request(`${sg.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
    });
    expect(((await byHash.body.json()) as any).data.languages.length).toBeGreaterThan(0);
    const other = await sg.gql('{ projects { totalCount } }');
    expect(other.status).toBe(400);
    expect(errorCodes(other)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(errorCodes(await sg.gql('{ __schema { types { name } } }'))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    // 4 requests so far; the window allows 5, so the 6th and later are refused.
    await sg.gql(allowed);
    await sg.gql(allowed);
    const limited = await request(`${sg.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: allowed }),
    });
    const body = (await limited.body.json()) as any;
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
    const health = await request(`${sg.url}/health`);
    await health.body.text();
    expect(health.statusCode).toBe(200); // never rate-limited
  });
});

describe('introspection off', () => {
  it('refuses __schema when GRAPHQL_INTROSPECTION=false', async () => {
    const sg = await startTestSupergraph({ env: { GRAPHQL_INTROSPECTION: 'false' } });
    try {
      const result = await sg.gql('{ __schema { queryType { name } } }');
      expect(errorCodes(result)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect((await sg.gql('{ languages { id } }')).errors).toBeUndefined();
    } finally {
      await sg.close();
    }
  });
});
