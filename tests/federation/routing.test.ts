/**
 * Our router on a supergraph that is not ours: every subgraph reached at its supergraph URL; a subgraph that is down
 * answered as the plain gateway does (normalised, see compare.ts); a misconfigured address reported truthfully,
 * logged at warn and kept out of the circuit breaker; /health, /live and /ready from the loaded supergraph; the
 * subscription schema built without an error.
 */
import { request } from 'undici';
import { freePort } from '../../platform/free-port';
import { expectConformant } from './compare';
import { compose, startRouters, type Routers } from './harness';
import { startConformanceSubgraphs, type ConformanceSubgraphs } from './subgraphs';

let subgraphs: ConformanceSubgraphs;

beforeAll(async () => {
  subgraphs = await startConformanceSubgraphs();
});

afterAll(async () => {
  await subgraphs?.close();
});

const get = async (url: string) => {
  const response = await request(url);
  return { status: response.statusCode, body: (await response.body.json()) as any };
};

describe('a subgraph that is down', () => {
  let routers: Routers;
  beforeAll(async () => {
    // Nothing listens on the inventory port.
    routers = await startRouters(compose(subgraphs.all, { inventory: `http://127.0.0.1:${await freePort()}/graphql` }));
  });
  afterAll(() => routers?.close());

  test('fields of the other subgraphs are answered, the missing ones are null with an error, as the plain gateway does', async () => {
    const { ours, plain } = await routers.both('{ product(upc: "p1") { name inStock } reviews { body } }');
    expect(plain.data).toEqual({ product: null, reviews: [{ body: 'Love it' }, { body: 'Too expensive' }, { body: 'Could be better' }] });
    expectConformant(ours, plain);
    expect(ours.errors?.[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', service: 'inventory' });
  });

  test('a query that does not touch it is unaffected', async () => {
    const { ours, plain } = await routers.both('{ topProducts { name reviews { rating } } }');
    expect(ours).toEqual(plain);
    expect(ours.errors).toBeUndefined();
  });

  test('/health reports it down by its supergraph name, the router itself live and ready', async () => {
    const health = await get(`${routers.ours.url}/health`);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'degraded', down: ['inventory'] });
    expect(Object.keys(health.body.services).sort()).toEqual(['accounts', 'inventory', 'products', 'reviews']);
    expect(health.body.services.accounts.status).toBe('healthy');
    expect(health.body.services.inventory).toEqual({ status: 'unreachable', error: 'ECONNREFUSED' });
    expect(await get(`${routers.ours.url}/live`)).toEqual({ status: 200, body: { status: 'live' } });
    expect(await get(`${routers.ours.url}/ready`)).toEqual({ status: 200, body: { status: 'ready', schemaLoaded: true } });
  });

  test('starting on a foreign supergraph logged no error (the subscription schema fits itself to it)', () => {
    expect(routers.logs.at(50)).toEqual([]);
  });
});

describe('a misconfigured subgraph address', () => {
  let routers: Routers;
  beforeAll(async () => {
    routers = await startRouters(compose(subgraphs.all, { reviews: 'http://no-such-host.invalid/graphql', accounts: 'undefined/graphql' }));
  });
  afterAll(() => routers?.close());

  test.each([
    ['an invalid URL', '{ users { name } }', 'accounts', 'invalid_url', /invalid URL/i],
    ['a host name that does not resolve', '{ reviews { body } }', 'reviews', 'host_not_found', /ENOTFOUND/],
  ])('%s: a truthful code, a warning with the cause, and no open circuit', async (_what, query, subgraph, reason, cause) => {
    // More calls than the breaker's threshold (5): a counted failure would have opened the circuit.
    for (let i = 0; i < 8; i++) {
      const { ours } = await routers.both(query);
      expect(ours.data).toBeNull();
      expect(ours.errors).toHaveLength(1);
      expect(ours.errors![0].extensions).toEqual({ code: 'SUBGRAPH_MISCONFIGURED', service: subgraph, reason });
    }
    const warnings = routers.logs.at(40).filter((l) => l.msg === 'subgraph address misconfigured' && l.subgraph === subgraph);
    expect(warnings.length).toBeGreaterThanOrEqual(8);
    expect(warnings[0]).toMatchObject({ reason });
    expect(String(warnings[0].cause)).toMatch(cause);
    const metrics = await (await request(`${routers.ours.url}/metrics`)).body.text();
    expect(metrics).toContain(`vb_subgraph_circuit_state{subgraph="${subgraph}"} 0`);
    expect(routers.logs.at(50)).toEqual([]);
  });

  test('the other subgraphs are still routed', async () => {
    const { ours, plain } = await routers.both('{ topProducts { name shippingEstimate } }');
    expect(ours).toEqual(plain);
    expect(ours.errors).toBeUndefined();
  });
});
