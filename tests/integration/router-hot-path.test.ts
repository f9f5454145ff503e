/**
 * The router's hot-path optimisations against the real supergraph (authentication on, so callers differ):
 * identical in-flight subgraph reads are sent once per caller and never shared between callers; mutations are never
 * de-duplicated; responses are compressed when the client accepts it and byte-for-byte the same once decompressed.
 */
import zlib from 'node:zlib';
import { request } from 'undici';
import { callerFor, startSecuredSupergraph, type Caller } from '../security/support';
import type { TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
let alice: Caller;
let bob: Caller;

beforeAll(async () => {
  // Over HTTP, as between processes: in-process calls answer too fast for 60 requests to overlap reliably. Whole
  // queries are not shared here, so each request reaches the fetch layer (operation-dedup.test.ts covers that).
  sg = await startSecuredSupergraph({ IN_PROCESS_SUBGRAPHS: 'false', ROUTER_OPERATION_DEDUP: 'false' });
  alice = await callerFor(sg, 'owner', '-alice');
  bob = await callerFor(sg, 'owner', '-bob');
});
afterAll(async () => {
  await sg?.close();
});

/** The router's `vb_subgraph_fetches_total` for one subgraph and outcome. */
async function fetches(subgraph: string, outcome: string): Promise<number> {
  const text = await (await request(`${sg.url}/metrics`)).body.text();
  const line = text.split('\n').find((l) => l.startsWith(`vb_subgraph_fetches_total{subgraph="${subgraph}",outcome="${outcome}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
}

const CREATE = `mutation($name: String!) { createProject(input: {name: $name}) { id name } }`;
const LIST = `query { projects(first: 50) { totalCount nodes { id name } } }`;

describe('in-flight de-duplication', () => {
  it('shares identical concurrent reads within a caller, never across callers', async () => {
    const a = await alice.gql(CREATE, { name: 'alice only' });
    const b = await bob.gql(CREATE, { name: 'bob only' });
    expect(a.errors ?? b.errors).toBeUndefined();
    const sentBefore = await fetches('workflow', 'ok');
    const sharedBefore = await fetches('workflow', 'shared');

    const callers = Array.from({ length: 60 }, (_, i) => (i % 2 ? bob : alice));
    const answers = await Promise.all(callers.map((c) => c.gql(LIST)));
    answers.forEach((answer, i) => {
      expect(answer.errors).toBeUndefined();
      // Each caller sees exactly their own project: nothing leaked through a shared answer.
      expect(answer.data.projects).toEqual({ totalCount: 1, nodes: [i % 2 ? b.data.createProject : a.data.createProject] });
    });
    const sent = (await fetches('workflow', 'ok')) - sentBefore;
    const shared = (await fetches('workflow', 'shared')) - sharedBefore;
    expect(sent + shared).toBe(60);
    // Two callers: at least two fetches; under 60 concurrent requests some are answered by an in-flight one.
    expect(sent).toBeGreaterThanOrEqual(2);
    expect(shared).toBeGreaterThan(0);
  });

  it('never de-duplicates mutations', async () => {
    const sharedBefore = await fetches('workflow', 'shared');
    const created = await Promise.all(Array.from({ length: 20 }, () => alice.gql(CREATE, { name: 'same name' })));
    const ids = new Set(created.map((c) => c.data?.createProject.id));
    expect(ids.size).toBe(20);
    expect(await fetches('workflow', 'shared')).toBe(sharedBefore);
  });
});

async function get(path: string, headers: Record<string, string>, method: 'GET' | 'POST' = 'GET', body?: string) {
  const response = await request(`${sg.url}${path}`, { method, headers, body });
  return { status: response.statusCode, headers: response.headers, bytes: Buffer.from(await response.body.arrayBuffer()) };
}

describe('compression', () => {
  it('serves the GraphiQL page compressed (brotli or gzip), identical once decompressed', async () => {
    const html = { accept: 'text/html' };
    const plain = await get('/graphiql', html);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(1_000_000);
    const br = await get('/graphiql', { ...html, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/html/);
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 4);
    expect(zlib.brotliDecompressSync(br.bytes).equals(plain.bytes)).toBe(true);
    const gz = await get('/graphql', { ...html, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.bytes).equals(plain.bytes)).toBe(true);
    const refused = await get('/graphiql', { ...html, 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('compresses large GraphQL answers and leaves small ones alone', async () => {
    for (let i = 0; i < 30; i++) await alice.gql(CREATE, { name: `project number ${i} with a name long enough to matter` });
    const body = JSON.stringify({ query: LIST });
    const json = { ...alice.headers, 'content-type': 'application/json' };
    const plain = await get('/graphql', json, 'POST', body);
    const gz = await get('/graphql', { ...json, 'accept-encoding': 'gzip' }, 'POST', body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^application\/(graphql-response\+)?json/);
    expect(JSON.parse(zlib.gunzipSync(gz.bytes).toString())).toEqual(JSON.parse(plain.bytes.toString()));
    const small = await get('/graphql', { ...json, 'accept-encoding': 'gzip' }, 'POST', JSON.stringify({ query: '{ __typename }' }));
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.bytes.toString())).toEqual({ data: { __typename: 'Query' } });
    // Errors keep their status and shape.
    const bad = await get('/graphql', { ...json, 'accept-encoding': 'br' }, 'POST', '{"query": "{ nope }"}');
    expect(bad.status).toBe(400);
    const decoded = bad.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(bad.bytes) : bad.bytes;
    expect(JSON.parse(decoded.toString()).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
