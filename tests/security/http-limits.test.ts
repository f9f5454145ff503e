/**
 * The router's HTTP server limits (issue 16): headers and bodies sent slowly are cut off at their timeouts, and one
 * address cannot hold more than its share of connections. WebSockets are not subject to the request timeout.
 */
import net from 'node:net';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { wsClient, collect } from '../support/ws-client';

let sg: TestSupergraph;
let port: number;
beforeAll(async () => {
  sg = await startTestSupergraph({
    env: { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000', HTTP_MAX_CONNECTIONS_PER_CLIENT: '6' },
  });
  port = Number(new URL(sg.url).port);
});
afterAll(async () => {
  await sg?.close();
});

/** A raw connection that records what the server answered and when it closed. */
function connect(): Promise<{ socket: net.Socket; received: () => string; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    const started = Date.now();
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('error', () => undefined);
    const closed = new Promise<number>((r) => socket.once('close', () => r(Date.now() - started)));
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

it('cuts off a request body trickled in slowly at the request timeout', async () => {
  const { socket, received, closed } = await connect();
  socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`);
  const trickle = setInterval(() => socket.writable && socket.write(' '), 200);
  const after = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 8_000))]);
  clearInterval(trickle);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(5_000);
  expect(received()).toMatch(/^HTTP\/1.1 408/);
});

it('cuts off headers sent slowly at the headers timeout', async () => {
  const { socket, closed } = await connect();
  socket.write('GET /health HTTP/1.1\r\n');
  const trickle = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 200);
  const after = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 8_000))]);
  clearInterval(trickle);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(4_000);
});

it('caps connections per client address with 429', async () => {
  const held = await Promise.all(Array.from({ length: 6 }, () => connect()));
  const extra = await connect();
  await extra.closed;
  expect(extra.received()).toMatch(/^HTTP\/1.1 429/);
  expect(extra.received()).toContain('connectionsPerClient');
  held.forEach((c) => c.socket.destroy());
  await Promise.all(held.map((c) => c.closed));
  const again = await sg.gql('{ __typename }');
  expect(again.status).toBe(200);
});

it('keeps WebSockets open past the request timeout', async () => {
  const client = wsClient(sg.url);
  const events = collect(client, 'subscription { events { type } }');
  await new Promise((r) => setTimeout(r, 3_500));
  expect(events.errors).toEqual([]);
  expect(events.completed).toBe(false);
  await sg.gql(`mutation { createProject(input: {name: "still here"}) { id } }`);
  await events.waitFor((results) => results.length > 0);
  await client.dispose();
});
