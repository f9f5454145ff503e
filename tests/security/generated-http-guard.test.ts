/**
 * Generated programs carry the engine's outbound HTTP guard (issue 15): a deployed program's http_request refuses
 * loopback, private, link-local and metadata targets — whoever calls the deployed endpoint chooses the URL — unless
 * HTTP_ALLOWLIST names them. Same refusal code as the engine's HttpGuard.
 */
import { graph, node, wire } from '../../engine/templates/build';
import { startFakeHttpServer, type FakeHttpServer } from '../engine/components/fake-http-server';
import { generatedOutcomes, type FidelityCase } from '../codegen/harness';

jest.setTimeout(120_000);

let fake: FakeHttpServer;
beforeAll(async () => {
  fake = await startFakeHttpServer();
});
afterAll(async () => {
  await fake?.close();
});

const fetchUrl: FidelityCase['graph'] = graph(
  [
    node('u', 'core/input', 0, 0, { name: 'url', type: 'string' }),
    node('get', 'core/http_request', 1, 0, { failOnErrorStatus: false }),
    node('st', 'core/get', 2, 0, { path: 'status' }),
    node('o', 'core/output', 3, 0, { name: 'status' }),
  ],
  [wire('u.value', 'get.url'), wire('get.response', 'st.value'), wire('st.value', 'o.value')],
);

const HOSTILE_TARGETS = (port: string) => [
  `http://127.0.0.1:${port}/users/1`,
  `http://localhost:${port}/users/1`,
  `http://[::1]:${port}/`,
  `http://[::ffff:127.0.0.1]:${port}/`,
  'http://169.254.169.254/latest/meta-data/',
  'http://10.0.0.1/',
  'http://192.168.1.1/',
  'http://0.0.0.0/',
];

describe.each(['javascript', 'python', 'typescript'] as const)('%s', (language) => {
  it('refuses loopback, private and metadata targets without HTTP_ALLOWLIST', async () => {
    const port = new URL(fake.baseUrl).port;
    const targets = HOSTILE_TARGETS(port);
    const before = fake.requests.length;
    const [row] = await generatedOutcomes(
      language,
      [{ name: 'ssrf', graph: fetchUrl, inputs: targets.map((url) => ({ url })) }],
      { includeComments: false },
      { HTTP_ALLOWLIST: '' },
    );
    expect(row.map((o, i) => [targets[i], o.ok ? 'reached' : o.code])).toEqual(targets.map((t) => [t, 'HTTP_FORBIDDEN_TARGET']));
    expect(fake.requests.length).toBe(before);
  });

  it('reaches an allow-listed loopback target', async () => {
    const [row] = await generatedOutcomes(
      language,
      [{ name: 'allowed', graph: fetchUrl, inputs: [{ url: `${fake.baseUrl}/users/1` }] }],
      { includeComments: false },
      { HTTP_ALLOWLIST: '127.0.0.1' },
    );
    expect(row).toEqual([{ ok: true, outputs: { status: 200 } }]);
  });
});
