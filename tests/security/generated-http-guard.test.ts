/**
 * Generated programs carry the engine's outbound HTTP guard (issue 15): a deployed program's http_request refuses
 * loopback, private, link-local and metadata targets — whoever calls the deployed endpoint chooses the URL — unless
 * HTTP_ALLOWLIST names them, re-checks every redirect, and reads hosts as the engine does (2130706433 is 127.0.0.1).
 * All five languages run the same hostile targets, and each outcome must be the engine's own (HttpGuard) as well as
 * the expected one. Every hostile target that could be served aims at the fake server's port, so one that got
 * through would show up in its request log.
 */
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { graph, node, wire } from '../../engine/templates/build';
import { refusalReasonForAddress } from '../../engine/sandbox/address-policy';
import { startFakeHttpServer, type FakeHttpServer } from '../engine/components/fake-http-server';
import { engineOutcomes, generatedOutcomes, type FidelityCase, type Outcome } from '../codegen/harness';

jest.setTimeout(180_000);

let fake: FakeHttpServer;
let port: string;
/** A name other than localhost that resolves to loopback here (the machine's own, from /etc/hosts), if there is one. */
let loopbackName: string | undefined;

beforeAll(async () => {
  fake = await startFakeHttpServer();
  port = new URL(fake.baseUrl).port;
  const name = hostname().toLowerCase();
  const addresses = await lookup(name, { all: true }).catch(() => []);
  const local = addresses.length > 0 && addresses.every(({ address }) => refusalReasonForAddress(address) !== undefined);
  loopbackName = local && /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(name) && !name.endsWith('localhost') ? name : undefined;
  if (!loopbackName) console.warn(`generated-http-guard: ${name} does not resolve to a local address here; its cases are left out`);
});
afterAll(async () => {
  await fake?.close();
});

const fetchUrl: FidelityCase['graph'] = graph(
  [
    node('u', 'core/input', 0, 0, { name: 'url', type: 'string' }),
    node('get', 'core/http_request', 1, 0, { failOnErrorStatus: false, timeoutMs: 5000 }),
    node('st', 'core/get', 2, 0, { path: 'status' }),
    node('o', 'core/output', 3, 0, { name: 'status' }),
  ],
  [wire('u.value', 'get.url'), wire('get.response', 'st.value'), wire('st.value', 'o.value')],
);

/** Loopback in every spelling the engine reads as loopback, private, link-local and metadata targets. */
const hostileTargets = () => [
  `http://127.0.0.1:${port}/users/1`,
  `http://localhost:${port}/users/1`,
  `http://LOCALHOST.:${port}/users/1`,
  `http://[::1]:${port}/users/1`,
  `http://[::ffff:127.0.0.1]:${port}/users/1`,
  `http://[::ffff:7f00:1]:${port}/users/1`,
  `http://0.0.0.0:${port}/users/1`,
  `http://0:${port}/users/1`,
  `http://2130706433:${port}/users/1`,
  `http://0x7f000001:${port}/users/1`,
  `http://0177.0.0.1:${port}/users/1`,
  `http://0x7f.1:${port}/users/1`,
  `http://127.1:${port}/users/1`,
  `http://127.0.0.1.:${port}/users/1`,
  ...(loopbackName ? [`http://${loopbackName}:${port}/users/1`] : []),
  'http://169.254.169.254/latest/meta-data/',
  'http://[::ffff:169.254.169.254]/latest/meta-data/',
  'http://[fd00:ec2::254]/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://10.0.0.1/',
  'http://172.16.0.1/',
  'http://192.168.1.1/',
  'http://100.64.0.1/',
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://[::]/',
];

const redirectTo = (target: string, status = 302) => `${fake.baseUrl}/redirect?status=${status}&to=${encodeURIComponent(target)}`;

/** With 127.0.0.1 allow-listed: an allowed server that redirects to a target that is not (marked, to spot it in the log). */
const hostileRedirects = () => [
  redirectTo(`http://localhost:${port}/users/1?hostile`),
  redirectTo(`http://[::1]:${port}/users/1?hostile`),
  redirectTo(`http://127.0.0.2:${port}/users/1?hostile`, 307),
  redirectTo(`http://2130706434:${port}/users/1?hostile`, 301),
  redirectTo('http://169.254.169.254/latest/meta-data/', 303),
  redirectTo('http://10.0.0.1/', 308),
];

/** With 127.0.0.1 allow-listed: reached directly, in a numeric spelling, through redirects; and a redirect loop. */
const allowedTargets = () => [
  `${fake.baseUrl}/users/1`,
  `http://2130706433:${port}/users/2`,
  redirectTo('/users/3'),
  redirectTo(`${fake.baseUrl}/users/1`, 307),
  redirectTo(`http://0x7f.1:${port}/users/2`, 308),
  `${fake.baseUrl}/loop`,
];

/**
 * Runs `targets` through the generated program (HTTP_ALLOWLIST = `allow`) and through the engine with the same list;
 * `log` is what reached the fake server meanwhile (from either).
 */
async function outcomes(language: Language, targets: string[], allow: string[]): Promise<{ generated: Outcome[]; engine: Outcome[]; log: string[] }> {
  const cases = [{ name: 'guard', graph: fetchUrl, inputs: targets.map((url) => ({ url })) }];
  const before = fake.requests.length;
  const [[generated], [engine]] = await Promise.all([
    generatedOutcomes(language, cases, { includeComments: false }, { HTTP_ALLOWLIST: allow.join(',') }),
    engineOutcomes(cases, { llmUrl: 'http://127.0.0.1:1', httpAllow: allow }),
  ]);
  return { generated, engine, log: fake.requests.slice(before).map((r) => r.url) };
}

const labelled = (targets: string[], row: Outcome[]) => row.map((o, i) => [targets[i], o.ok ? o.outputs.status : o.code]);

type Language = 'javascript' | 'typescript' | 'python' | 'go' | 'java';

describe.each<Language>(['javascript', 'typescript', 'python', 'go', 'java'])('%s', (language) => {
  // One build for both tests that allow-list 127.0.0.1 (javac and tsc take seconds).
  let withLoopbackAllowed: ReturnType<typeof outcomes> | undefined;
  const loopbackAllowed = () => (withLoopbackAllowed ??= outcomes(language, [...hostileRedirects(), ...allowedTargets()], ['127.0.0.1']));

  it('refuses loopback (in every spelling), private, link-local and metadata targets without HTTP_ALLOWLIST', async () => {
    const targets = hostileTargets();
    const { generated, engine, log } = await outcomes(language, targets, []);
    expect(labelled(targets, generated)).toEqual(targets.map((t) => [t, 'HTTP_FORBIDDEN_TARGET']));
    expect(labelled(targets, generated)).toEqual(labelled(targets, engine));
    expect(log).toEqual([]);
  });

  it('re-checks every redirect: an allow-listed server cannot bounce the request to a target that is not', async () => {
    const targets = hostileRedirects();
    const { generated, engine, log } = await loopbackAllowed();
    expect(labelled(targets, generated.slice(0, targets.length))).toEqual(targets.map((t) => [t, 'HTTP_FORBIDDEN_TARGET']));
    expect(labelled(targets, generated.slice(0, targets.length))).toEqual(labelled(targets, engine.slice(0, targets.length)));
    // The redirecting server was reached (by the program and by the engine); none of the targets it pointed at.
    expect(log.filter((url) => url.startsWith('/redirect?')).length).toBeGreaterThanOrEqual(2 * targets.length);
    expect(log.filter((url) => url.endsWith('?hostile'))).toEqual([]);
  });

  it('reaches allow-listed targets, follows redirects among them as the engine does, and stops a redirect loop', async () => {
    const targets = allowedTargets();
    const { generated, engine } = await loopbackAllowed();
    const skip = hostileRedirects().length;
    expect(labelled(targets, generated.slice(skip))).toEqual(labelled(targets, [200, 200, 200, 200, 200, 'HTTP_FAILED'].map(expected)));
    expect(labelled(targets, generated.slice(skip))).toEqual(labelled(targets, engine.slice(skip)));
  });

  it('allows a host name by name only: it is reached, its address under another name is not', async () => {
    if (!loopbackName) return;
    const targets = [`http://${loopbackName}:${port}/users/1`, `http://127.0.0.1:${port}/users/1`, `http://localhost:${port}/users/1`];
    const { generated, engine } = await outcomes(language, targets, [loopbackName]);
    expect(labelled(targets, generated)).toEqual(labelled(targets, [200, 'HTTP_FORBIDDEN_TARGET', 'HTTP_FORBIDDEN_TARGET'].map(expected)));
    expect(labelled(targets, generated)).toEqual(labelled(targets, engine));
  });
});

function expected(outcome: number | string): Outcome {
  return typeof outcome === 'number' ? { ok: true, outputs: { status: outcome } } : { ok: false, code: outcome };
}
