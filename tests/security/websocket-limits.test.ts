/**
 * WebSocket limits (issue 16): message size before `connection_init`, the `connection_init` timeout, the HTTP rate
 * limit applied to graphql-ws operations, operations per connection, connections per identity, and revoked API keys
 * ending open sockets.
 */
import WebSocket from 'ws';
import { postGraphQL, type TestSupergraph } from '../support/supergraph';
import { openLegacySocket } from '../rest/legacy-socket';
import { callerFor, startSecuredSupergraph, tokenFor, wsClient } from './support';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startSecuredSupergraph({
    WS_MAX_PAYLOAD_BYTES: '65536',
    WS_CONNECTION_INIT_TIMEOUT_MS: '500',
    WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: '3',
    WS_MAX_CONNECTIONS_PER_IDENTITY: '2',
    WS_REVALIDATE_MS: '300',
    RATE_LIMIT_POINTS: '30',
    RATE_LIMIT_WINDOW_SECONDS: '60',
  });
});
afterAll(async () => {
  await sg?.close();
});

/** A signed-in user outside the personas of the authorisation suite (each test its own rate-limit budget). */
async function user(sub: string) {
  const headers = { authorization: `Bearer ${await tokenFor(sub)}` };
  return { headers, gql: (query: string, variables?: Record<string, unknown>) => postGraphQL(`${sg.url}/graphql`, query, variables, headers) };
}

const wsUrl = () => `${sg.url.replace('http', 'ws')}/graphql`;

/** A raw graphql-transport-ws socket (no client library), so a test can misbehave. */
function rawSocket(): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const ws = new WebSocket(wsUrl(), 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('error', () => undefined);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, closed }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
  });
}

const within = <T>(promise: Promise<T>, ms: number) => Promise.race([promise, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

async function initialised(sub: string) {
  const socket = await rawSocket();
  const messages: any[] = [];
  socket.ws.on('message', (raw) => messages.push(JSON.parse(raw.toString())));
  socket.ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await tokenFor(sub)}` } }));
  await waitUntil(() => messages.some((m) => m.type === 'connection_ack'));
  return { ...socket, messages };
}

async function waitUntil(check: () => boolean, ms = 5_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

it('refuses an oversized message before connection_init with 1009, and the server keeps serving', async () => {
  const { ws, closed } = await rawSocket();
  ws.send('x'.repeat(200_000));
  expect((await within(closed, 5_000)) as { code: number }).toMatchObject({ code: 1009 });
  expect((await callerFor(sg, 'owner')).headers.authorization).toBeTruthy();
  const health = await sg.gql('{ __typename }', undefined, (await callerFor(sg, 'owner')).headers);
  expect(health.status).toBe(200);
});

it('closes a socket that never sends connection_init (4408)', async () => {
  const { closed } = await rawSocket();
  expect((await within(closed, 3_000)) as { code: number }).toMatchObject({ code: 4408 });
});

it('applies the per-user rate limit to operations over graphql-ws', async () => {
  const socket = await initialised('flooder');
  // One at a time (the per-connection cap counts operations in flight): 40 queries against a budget of 30.
  for (let i = 0; i < 40; i++) {
    socket.ws.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: '{ __typename }' } }));
    await waitUntil(() => socket.messages.some((m) => m.id === String(i) && (m.type === 'complete' || m.type === 'error')));
  }
  const limited = socket.messages.filter((m) => m.type === 'error' && m.payload?.[0]?.extensions?.code === 'RATE_LIMITED');
  expect(limited.length).toBeGreaterThanOrEqual(10);
  expect(limited[0].payload[0].extensions.retryAfter).toBeGreaterThan(0);
  socket.ws.close();
});

it('caps operations per connection with LIMIT_EXCEEDED', async () => {
  const socket = await initialised('subscriber');
  for (let i = 0; i < 4; i++) socket.ws.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: 'subscription { events { type } }' } }));
  await waitUntil(() => socket.messages.some((m) => m.type === 'error'));
  const errors = socket.messages.filter((m) => m.type === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatchObject({ id: 's3', payload: [{ extensions: { code: 'LIMIT_EXCEEDED', limit: 'subscriptionsPerConnection', max: 3 } }] });
  // Completing one frees a slot.
  socket.ws.send(JSON.stringify({ id: 's0', type: 'complete' }));
  socket.ws.send(JSON.stringify({ id: 's4', type: 'subscribe', payload: { query: 'subscription { events { type } }' } }));
  await new Promise((r) => setTimeout(r, 500));
  expect(socket.messages.filter((m) => m.type === 'error')).toHaveLength(1);
  socket.ws.close();
});

it('caps connections per identity on graphql-ws and the legacy sockets together (1008 / 429)', async () => {
  const first = await initialised('hoarder');
  const second = await initialised('hoarder');
  const third = await rawSocket();
  third.ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${await tokenFor('hoarder')}` } }));
  expect((await within(third.closed, 3_000)) as { code: number; reason: string }).toMatchObject({
    code: 1008,
    reason: expect.stringMatching(/Too many WebSocket connections/),
  });
  const owner = await user('hoarder');
  const p = (await owner.gql(`mutation { createProject(input: {name: "mine"}) { id } }`)).data.createProject.id;
  await expect(openLegacySocket(sg.url, `/ws/${p}`, owner.headers)).rejects.toMatchObject({ statusCode: 429 });
  first.ws.close();
  await first.closed;
  await new Promise((r) => setTimeout(r, 100));
  const legacy = await openLegacySocket(sg.url, `/ws/${p}`, owner.headers);
  await legacy.close();
  second.ws.close();
});

it('ends graphql-ws and legacy sockets opened with an API key once the key is revoked', async () => {
  const holder = await user('keyholder');
  const created = (await holder.gql(`mutation { createApiKey(name: "socket") { key apiKey { id } } }`)).data.createApiKey;
  const p = (await holder.gql(`mutation { createProject(input: {name: "keyed"}) { id } }`)).data.createProject.id;
  const client = wsClient(sg, { apiKey: created.key });
  const ended = new Promise<unknown>((resolve) => {
    client.subscribe({ query: 'subscription { events { type } }' }, { next: () => undefined, error: (e) => resolve(e), complete: () => resolve('complete') });
  });
  const legacy = await openLegacySocket(sg.url, `/ws/${p}`, { 'x-api-key': created.key });
  await legacy.waitFor((m) => m.type === 'connected');
  await new Promise((r) => setTimeout(r, 500));
  expect(await within(ended, 100)).toBe('timeout'); // still open while the key is valid
  await holder.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: created.apiKey.id });
  expect(await within(ended, 5_000)).toMatchObject({ code: 4401 });
  expect(await within(legacy.closed, 5_000)).toMatchObject({ code: 4401 });
  await client.dispose();
});

it('applies the per-user rate limit to legacy socket messages', async () => {
  const spammer = await user('legacy-spammer');
  const p = (await spammer.gql(`mutation { createProject(input: {name: "pings"}) { id } }`)).data.createProject.id; // 1 request
  const socket = await openLegacySocket(sg.url, `/ws/${p}`, spammer.headers);
  await socket.waitFor((m) => m.type === 'connected');
  for (let i = 0; i < 35; i++) socket.send({ type: 'ping' });
  const limited = await socket.waitFor((m) => m.type === 'error' && m.code === 'RATE_LIMITED');
  expect(limited).toMatchObject({ status: 429, retry_after: expect.any(Number) });
  await socket.close();
});
