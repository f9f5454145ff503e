/**
 * Two debugger replicas over one PostgreSQL schema and one Redis namespace (docs/ARCHITECTURE.md §5.1). Replica B
 * runs in this process with the rest of the supergraph; replica A is a real child process (`main.ts debugger
 * router`, its own router in front of it), so SIGKILL hits the process that drives the session.
 * Commands alternate between the replicas; one process drives the session (the HTTP node runs once, the journal
 * holds one step per node), both read the same state and both routers stream its events; a replica that closes
 * hands its sessions over at once, a killed replica's session is taken over once its lease has run out.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { startFakeHttpServer, type FakeHttpServer } from '../engine/components/fake-http-server';
import { spawnServices, type ChildServices } from '../faults/support';
import { freePort } from '../support/redis-server';
import { postGraphQL, startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { collect, wsClient } from '../support/ws-client';
import { debuggerClient, projectFromTemplate } from './support';

jest.setTimeout(180_000);

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const schema = `vb_replicas_${randomBytes(4).toString('hex')}`;
const namespace = `vbtest-replicas-${randomUUID().slice(0, 8)}`;
const LEASE_MS = 3_000;
const SHARED_ENV = {
  REDIS_URL,
  REDIS_NAMESPACE: namespace,
  DATABASE_URL: PG_URL,
  DATABASE_SCHEMA: schema,
  DEBUG_LEASE_MS: String(LEASE_MS),
  HTTP_ALLOWLIST: '127.0.0.1',
  INTERNAL_TOKEN_SECRET: 'replicas-test-internal-secret-0123456789',
};
const NODES = ['base_url', 'user_id', 'params', 'url', 'fetch_user', 'name', 'email', 'out_name', 'out_email'];

let b: TestSupergraph;
let pool: Pool;
let http: FakeHttpServer;
const children: ChildServices[] = [];

/** Replica A: the debugger and a router in a child process, every other service reached in this one. */
async function startReplicaA() {
  const routerUrl = `http://127.0.0.1:${await freePort()}`;
  const debuggerUrl = `http://127.0.0.1:${await freePort()}`;
  const { urls } = b.launched.config;
  const child = spawnServices(['debugger', 'router'], {
    ...SHARED_ENV,
    LOG_LEVEL: process.env.REPLICA_LOG ?? 'silent',
    VISUAL_BUILDER_PORT: new URL(routerUrl).port,
    VISUAL_DEBUGGER_PORT: new URL(debuggerUrl).port,
    VISUAL_DEBUGGER_URL: debuggerUrl,
    VISUAL_WORKFLOW_ENGINE_URL: urls.workflow,
    VISUAL_COMPONENT_REGISTRY_URL: urls.registry,
    VISUAL_CODE_GENERATOR_URL: urls.codegen,
    VISUAL_DEPLOYMENT_URL: urls.deployment,
    VISUAL_AI_ASSISTANT_URL: urls.assistant,
  });
  children.push(child);
  await child.ready([debuggerUrl, routerUrl], 120_000);
  const gql = (query: string, variables?: Record<string, unknown>) => postGraphQL(`${routerUrl}/graphql`, query, variables);
  return { child, routerUrl, client: debuggerClient({ gql } as TestSupergraph) };
}

async function lease(sessionId: string): Promise<{ holder: string | null; until: string | null }> {
  const { rows } = await pool.query(`SELECT lease_holder, lease_until FROM ${schema}.debug_sessions WHERE id = $1`, [sessionId]);
  return { holder: rows[0].lease_holder, until: rows[0].lease_until };
}

/** How many times the journal records each node as run. */
async function stepsPerNode(sessionId: string): Promise<Record<string, number>> {
  const { rows } = await pool.query(`SELECT entry FROM ${schema}.debug_journal WHERE session_id = $1 ORDER BY seq`, [sessionId]);
  const counts: Record<string, number> = {};
  for (const { entry } of rows) {
    const parsed = JSON.parse(entry);
    if (parsed.kind === 'step') counts[parsed.nodeId] = (counts[parsed.nodeId] ?? 0) + 1;
  }
  return counts;
}

const once = Object.fromEntries(NODES.map((id) => [id, 1]));
const startOptions = () => ({ inputs: { baseUrl: http.baseUrl, userId: 3 }, breakpoints: [{ nodeId: 'name' }], watches: ['vars.name.value'] });
const requestsFor = () => http.requests.filter((r) => r.url === '/users/3').length;

beforeAll(async () => {
  pool = new Pool({ connectionString: PG_URL });
  http = await startFakeHttpServer();
  b = await startTestSupergraph({ env: SHARED_ENV });
}, 120_000);

afterAll(async () => {
  for (const child of children) child.signal('SIGKILL');
  await b?.close();
  await http?.close();
  await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
  await pool.end();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${namespace}:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('two debugger replicas', () => {
  let a: Awaited<ReturnType<typeof startReplicaA>>;
  const viaB = () => debuggerClient(b);

  beforeAll(async () => {
    a = await startReplicaA();
  }, 150_000);

  it('drives a session from the replica that started it, whichever replica the commands reach', async () => {
    const project = await projectFromTemplate(b, 'http_user_lookup');
    http.requests.length = 0;
    const started = await a.client.start(project, startOptions());
    const driver = (await lease(started.id)).holder;
    expect(driver).toEqual(expect.any(String));

    const streams = [wsClient(a.routerUrl), wsClient(b.url)];
    try {
      const [onA, onB] = streams.map((client) =>
        collect(client, `subscription($s: ID!) { debugEvents(sessionId: $s) { seq type state nodeId } }`, { s: started.id }),
      );
      // Both subscriptions are listening once an event published after this point reaches them.
      await new Promise((resolve) => setTimeout(resolve, 500));

      const paused = await viaB().step(started.id, 'START');
      expect(paused).toMatchObject({ state: 'PAUSED', pauseReason: 'BREAKPOINT', currentNodeId: 'name' });
      expect((await viaB().setBreakpoint(started.id, 'out_email')).data.setBreakpoint).toMatchObject({ nodeId: 'out_email', enabled: true });
      expect((await viaB().addWatch(started.id, 'vars.fetch_user.response.status')).data.addWatch).toMatchObject({ id: 'w2', value: 200, error: null });
      expect(await viaB().step(started.id, 'STEP_OVER')).toMatchObject({ state: 'PAUSED', currentNodeId: 'email' });
      const edited = await viaB().setVariable(started.id, 'name', 'value', 'Rear Admiral Hopper');
      expect(edited.errors).toBeUndefined();
      expect(edited.data.setVariable.watches[0]).toMatchObject({ expression: 'vars.name.value', value: 'Rear Admiral Hopper' });
      expect((await viaB().evaluate(started.id, 'upper(vars.name.value)')).data.evaluate).toBe('REAR ADMIRAL HOPPER');

      // An error comes back from the driving replica as that replica gives it: message, code and extensions.
      const direct = await a.client.setVariable(started.id, 'no_such_node', 'value', 1);
      const forwarded = await viaB().setVariable(started.id, 'no_such_node', 'value', 1);
      expect(direct.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', nodeId: 'no_such_node' });
      expect(forwarded.errors![0].message).toBe(direct.errors![0].message);
      expect(forwarded.errors![0].extensions).toEqual(direct.errors![0].extensions);

      // Both replicas read the state the driving one has stored.
      const [fromA, fromB] = [await a.client.get(started.id), await viaB().get(started.id)];
      expect(fromB).toEqual(fromA);
      expect(fromA).toMatchObject({ state: 'PAUSED', currentNodeId: 'email', breakpoints: [{ nodeId: 'name' }, { nodeId: 'out_email' }] });

      expect(await viaB().step(started.id, 'CONTINUE')).toMatchObject({ state: 'PAUSED', currentNodeId: 'out_email', pauseReason: 'BREAKPOINT' });
      const done = await a.client.step(started.id, 'CONTINUE');
      expect(done).toMatchObject({ state: 'COMPLETED', outputs: { name: 'Rear Admiral Hopper', email: 'grace@example.test' } });

      const [eventsA, eventsB] = await Promise.all([onA, onB].map((s) => s.waitFor((r) => r.some((e) => e.debugEvents.type === 'COMPLETED'), 20_000)));
      expect(eventsB).toEqual(eventsA);
      const seqs = eventsA.map((e) => e.debugEvents.seq);
      expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
      expect(eventsA.filter((e) => e.debugEvents.type === 'PAUSED').map((e) => e.debugEvents.nodeId)).toEqual(['name', 'email', 'out_email']);
    } finally {
      await Promise.all(streams.map((client) => client.dispose()));
    }

    // One process drove it: the lease never moved, the HTTP node ran once, the journal has each node once.
    expect((await lease(started.id)).holder).toBe(driver);
    expect(requestsFor()).toBe(1);
    expect(await stepsPerNode(started.id)).toEqual(once);
  });

  // The same close as SIGTERM's (main.ts stops what launch() started), here on the replica in this process.
  it('hands its sessions over when it closes: the other replica continues at once', async () => {
    const project = await projectFromTemplate(b, 'http_user_lookup');
    http.requests.length = 0;
    const started = await viaB().start(project, startOptions());
    expect(await viaB().step(started.id, 'START')).toMatchObject({ state: 'PAUSED', currentNodeId: 'name' });
    const driver = (await lease(started.id)).holder;

    await b.launched.stop('debugger');
    try {
      expect(await lease(started.id)).toEqual({ holder: null, until: null });
      expect(await a.client.get(started.id)).toMatchObject({ state: 'PAUSED', currentNodeId: 'name' });
      const done = await a.client.step(started.id, 'CONTINUE');
      expect(done).toMatchObject({ state: 'COMPLETED', outputs: { name: 'Grace Hopper', email: 'grace@example.test' } });
    } finally {
      await b.launched.restart('debugger');
    }
    const taken = (await lease(started.id)).holder;
    expect(taken).toEqual(expect.any(String));
    expect(taken).not.toBe(driver);
    expect(requestsFor()).toBe(1);
    expect(await stepsPerNode(started.id)).toEqual(once);
  });

  it("takes a killed replica's session over once its lease has run out, without running a node twice", async () => {
    const project = await projectFromTemplate(b, 'http_user_lookup');
    http.requests.length = 0;
    const started = await a.client.start(project, startOptions());
    expect(await a.client.step(started.id, 'START')).toMatchObject({ state: 'PAUSED', currentNodeId: 'name' });

    a.child.signal('SIGKILL');
    await a.child.exited;
    const held = await lease(started.id);
    expect(held.holder).toEqual(expect.any(String));

    const before = Date.now();
    const done = await viaB().step(started.id, 'CONTINUE');
    const after = Date.now();
    expect(done).toMatchObject({ state: 'COMPLETED', outputs: { name: 'Grace Hopper', email: 'grace@example.test' } });
    // Not before the dead replica's lease ran out (it might only have been slow), and soon after it.
    expect(after).toBeGreaterThanOrEqual(Date.parse(held.until!));
    expect(after - before).toBeLessThan(LEASE_MS + 10_000);
    expect((await lease(started.id)).holder).not.toBe(held.holder);
    expect(requestsFor()).toBe(1);
    expect(await stepsPerNode(started.id)).toEqual(once);
  });
});
