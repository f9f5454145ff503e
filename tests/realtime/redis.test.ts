/**
 * Real-time on real Redis: two routers deliver every event to clients of both; a Redis restart during a
 * subscription crashes nothing and the subscription resumes with no version missing; a slow consumer is cut off
 * while the others keep receiving.
 */
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { launch, type Launched } from '../../launcher';
import { loadConfig, setSubgraphUrl, type SubgraphName } from '../../platform/config';
import { startPrivateRedis, type PrivateRedis } from '../support/redis-server';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { collect, wsClient } from '../support/ws-client';

const CHANGED = `subscription($p: ID!, $since: Int) { projectChanged(projectId: $p, sinceVersion: $since) { version } }`;

async function newProject(sg: TestSupergraph, name: string): Promise<string> {
  const r = await sg.gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: name });
  return r.data.createProject.id;
}
const addConstant = (sg: TestSupergraph, p: string, id: string) =>
  sg.gql(`mutation($p: ID!, $id: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: $id, config: {value: 1}) { project { version } } }`, {
    p,
    id,
  });

describe('two routers on one Redis', () => {
  let sg: TestSupergraph;
  let second: Launched;
  beforeAll(async () => {
    const namespace = `vbtest${randomBytes(4).toString('hex')}`;
    sg = await startTestSupergraph({ env: { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_NAMESPACE: namespace } });
    const config = loadConfig({ ...process.env, REDIS_URL: 'redis://127.0.0.1:6379', REDIS_NAMESPACE: namespace, LOG_LEVEL: 'silent' });
    for (const [name, url] of Object.entries(sg.launched.config.urls)) setSubgraphUrl(config, name as SubgraphName, url);
    second = await launch(config, { services: ['router'], freePorts: true });
  });
  afterAll(async () => {
    await second?.stop();
    await sg?.close();
  });

  it('delivers every change to subscribers of both routers', async () => {
    expect(sg.launched.events.kind).toBe('redis');
    const p = await newProject(sg, 'two routers');
    const a = wsClient(sg.url);
    const b = wsClient(second.router!.url);
    const onA = collect(a, CHANGED, { p, since: 1 });
    const onB = collect(b, CHANGED, { p, since: 1 });
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 20; i++) await addConstant(sg, p, `n${i}`);
    const expected = Array.from({ length: 20 }, (_, i) => i + 2);
    expect((await onA.waitFor((r) => r.length === 20)).map((r) => r.projectChanged.version)).toEqual(expected);
    expect((await onB.waitFor((r) => r.length === 20)).map((r) => r.projectChanged.version)).toEqual(expected);
    await a.dispose();
    await b.dispose();
  });
});

describe('Redis restarted during a subscription', () => {
  let redis: PrivateRedis;
  let sg: TestSupergraph;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    sg = await startTestSupergraph({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await sg?.close();
    await redis?.stop().catch(() => undefined);
  });

  it('keeps serving writes, crashes nothing, and the subscription resumes with no version missing', async () => {
    const p = await newProject(sg, 'outage');
    const client = wsClient(sg.url);
    const sub = collect(client, CHANGED, { p, since: 1 });
    await addConstant(sg, p, 'before');
    await sub.waitFor((r) => r.length === 1);

    await redis.stop();
    const during = await addConstant(sg, p, 'during'); // acknowledged although pub/sub is down
    expect(during.data.addComponent.project.version).toBe(3);
    await redis.start();
    // ioredis reconnects and re-subscribes on its own; the next change fills the gap from the change log.
    let version = 3;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !sub.results.some((r) => r.projectChanged.version > 3)) {
      version = (await addConstant(sg, p, `after${version}`)).data.addComponent.project.version;
      await new Promise((r) => setTimeout(r, 300));
    }
    const got = await sub.waitFor((r) => r.some((x) => x.projectChanged.version === version));
    expect(got.map((r) => r.projectChanged.version)).toEqual(Array.from({ length: version - 1 }, (_, i) => i + 2));
    const health = await sg.gql(`{ projects(first: 1) { totalCount } }`);
    expect(health.errors).toBeUndefined();
    await client.dispose();
  });
});

describe('slow consumers', () => {
  let sg: TestSupergraph;
  beforeAll(async () => {
    sg = await startTestSupergraph({ env: { WS_SLOW_CONSUMER_BYTES: String(256 * 1024), WS_SLOW_CONSUMER_EVENTS: '100' } });
  });
  afterAll(async () => {
    await sg?.close();
  });

  it('closes a client that stops reading while the others keep receiving', async () => {
    const query = `subscription { events(types: [PROJECT_UPDATED]) { type data } }`;
    // The slow client speaks graphql-transport-ws by hand, then stops reading its socket.
    const slow = new WebSocket(`${sg.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => slow.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve) => slow.on('open', () => resolve()));
    slow.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await new Promise<void>((resolve) => slow.once('message', () => resolve()));
    slow.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    const fast = wsClient(sg.url);
    const healthy = collect(fast, query);
    await new Promise((r) => setTimeout(r, 300));
    (slow as unknown as { _socket: { pause(): void } })._socket.pause();

    const blob = 'x'.repeat(100_000);
    const count = 300; // ~30 MB: more than the kernel's loopback buffers can hide
    for (let i = 0; i < count; i++) {
      await sg.launched.events.publish('PROJECT_UPDATED', { actor: 'local', i, blob });
      // The healthy client reads as it goes; only the paused one falls behind.
      if (i % 20 === 19) await healthy.waitFor((r) => r.length === i + 1);
    }
    const received = await healthy.waitFor((r) => r.length === count, 30_000);
    expect(received.map((r) => r.events.data.i)).toEqual(Array.from({ length: count }, (_, i) => i));
    // The slow client reads again: it finds the server's close frame after what was already buffered.
    (slow as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await closed).toBe(1013);
    await fast.dispose();
  });
});
