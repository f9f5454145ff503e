/**
 * With authentication and a rate limit configured, the REST shim answers like GraphQL does — 401 without a valid
 * token (HTTP and WebSocket handshakes alike), 429 past the limit — in the REST envelope; each user sees only their
 * own projects.
 */
import { SignJWT } from 'jose';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { openLegacySocket } from './legacy-socket';
import { expectError, expectOk, restClient } from './rest-client';

const SECRET = 'rest-shim-test-secret-of-at-least-32-characters';
let sg: TestSupergraph;

const tokenFor = (sub: string) =>
  new SignJWT({ name: sub }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode(SECRET));

beforeAll(async () => {
  sg = await startTestSupergraph({ env: { AUTH_JWT_SECRET: SECRET, RATE_LIMIT_POINTS: '40', RATE_LIMIT_WINDOW_SECONDS: '60' } });
});
afterAll(async () => {
  await sg?.close();
});

test('401 without credentials, the caller’s own data with them, 404 for someone else’s', async () => {
  const anonymous = restClient(sg.url);
  const body = expectError(await anonymous.get('/projects'), 401, 'UNAUTHENTICATED');
  expect(body.message).toMatch(/Authorization|Authentication/);
  expectError(await anonymous.get('/projects', { authorization: 'Bearer not-a-token' }), 401);

  const alice = { authorization: `Bearer ${await tokenFor('alice')}` };
  const bob = { authorization: `Bearer ${await tokenFor('bob')}` };
  const api = restClient(sg.url);
  const project = expectOk(await api.post('/projects', { name: 'Alice’s', description: '' }, alice));
  expect(expectOk(await api.get(`/projects/${project.id}`, alice)).name).toBe('Alice’s');
  expectError(await api.get(`/projects/${project.id}`, bob), 404);
  expect(expectOk(await api.get('/projects', bob)).projects).toEqual([]);

  await expect(openLegacySocket(sg.url, `/ws/${project.id}`)).rejects.toMatchObject({ statusCode: 401 });
});

test('past the rate limit: 429 in the envelope with Retry-After', async () => {
  const api = restClient(sg.url);
  const headers = { authorization: `Bearer ${await tokenFor('busy')}` };
  let last = await api.get('/languages', headers);
  for (let i = 0; i < 60 && last.status !== 429; i++) last = await api.get('/languages', headers);
  expectError(last, 429, 'RATE_LIMITED');
  expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
});
