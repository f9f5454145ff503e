/**
 * Issue 15: a tenant's LOCAL deployment, with authentication on, as a hostile user would write it. Its code nodes try
 * to read the platform's process environment through /proc, DATA_DIR/secrets.key and workflow.sqlite, other
 * deployments' directories, and to open raw sockets to the platform's Redis on loopback; an http_request node aims
 * at the router on loopback; the deployment asks for NODE_OPTIONS; a caller without credentials (or without access)
 * calls the endpoint; a code node allocates far more memory than the deployment's limit. Every attack must fail — the program runs under bubblewrap with its own uid, pid and network
 * namespaces. Real generated programs (codegen subgraph), real processes, real sockets.
 */
import fs from 'node:fs';
import path from 'node:path';
import { request } from 'undici';
import { sandboxTools } from '../../subgraphs/deployment/local-sandbox';
import { callerFor, startSecuredSupergraph, type Caller } from './support';
import type { TestSupergraph } from '../support/supergraph';

jest.setTimeout(120_000);

let sg: TestSupergraph;
let owner: Caller;
let stranger: Caller;
let dataDir: string;
const running: string[] = [];

beforeAll(async () => {
  sg = await startSecuredSupergraph({ HTTP_ALLOWLIST: '', LOCAL_DEPLOYMENT_MEMORY_MB: '256', LOCAL_DEPLOYMENT_MAX_PROCESSES: '64' });
  owner = await callerFor(sg, 'owner', '-iso');
  stranger = await callerFor(sg, 'other', '-iso');
  dataDir = sg.launched.config.dataDir;
});

afterAll(async () => {
  for (const id of running) await owner.gql(`mutation($d: ID!) { stopDeployment(id: $d) { status } }`, { d: id });
  await sg?.close();
});

async function must(caller: Caller, query: string, variables: Record<string, unknown>) {
  const result = await caller.gql(query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}

/** input "value" → one node → output "result". */
async function project(name: string, componentId: string, config: Record<string, unknown>, port: string): Promise<string> {
  const p = (await must(owner, `mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: name })).createProject.id;
  await must(
    owner,
    `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/input", id: "in", config: {name: "value", type: "any"}) { project { version } } }`,
    { p },
  );
  await must(owner, `mutation($p: ID!, $c: ID!, $cfg: JSON) { addComponent(projectId: $p, componentId: $c, id: "n", config: $cfg) { project { version } } }`, {
    p,
    c: componentId,
    cfg: config,
  });
  await must(
    owner,
    `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/output", id: "out", config: {name: "result"}) { project { version } } }`,
    { p },
  );
  const inputPort = componentId === 'core/http_request' ? 'url' : 'value';
  await must(
    owner,
    `mutation($p: ID!, $t: String!) { connect(projectId: $p, sourceId: "in", sourcePort: "value", targetId: "n", targetPort: $t) { project { version } } }`,
    { p, t: inputPort },
  );
  await must(
    owner,
    `mutation($p: ID!, $s: String!) { connect(projectId: $p, sourceId: "n", sourcePort: $s, targetId: "out", targetPort: "value") { project { version } } }`,
    { p, s: port },
  );
  return p;
}

async function deploy(projectId: string, language: string, overrides?: unknown) {
  return owner.gql(`mutation($p: ID!, $l: String, $o: JSON) { deploy(projectId: $p, target: LOCAL, language: $l, overrides: $o) { id status } }`, {
    p: projectId,
    l: language,
    o: overrides,
  });
}

async function runningDeployment(projectId: string, language: string) {
  const deployed = await deploy(projectId, language);
  expect(deployed.errors).toBeUndefined();
  const id = deployed.data.deploy.id;
  running.push(id);
  for (let i = 0; i < 300; i++) {
    const d = (await must(owner, `query($d: ID!) { deployment(id: $d) { status endpoint error logs { message } } }`, { d: id })).deployment;
    if (d.status === 'RUNNING') return { id, ...d };
    if (d.status === 'FAILED') throw new Error(`deployment failed: ${d.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('deployment never became RUNNING');
}

async function callEndpoint(endpoint: string, inputs: unknown, headers: Record<string, string> = owner.headers) {
  const response = await request(`${sg.url}${endpoint}/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(inputs),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text ? JSON.parse(text) : null };
}

const PY_ATTACKS = `
import os, socket
out = {"uid": os.getuid(), "env": sorted(os.environ.keys())}
def attempt(name, fn):
    try:
        out[name] = "READ " + repr(fn())[:120]
    except Exception as error:
        out[name] = "refused: " + type(error).__name__
def read(p):
    with open(p, "rb") as f:
        return f.read()
def tcp(host, port):
    socket.create_connection((host, port), timeout=2).close()
    return "connected"
attempt("ppid_environ", lambda: read("/proc/%d/environ" % os.getppid()))
attempt("platform_environ", lambda: read("/proc/%d/environ" % int(inputs["value"]["platformPid"])))
attempt("pid1_environ", lambda: read("/proc/1/environ"))
attempt("secrets_key", lambda: read(os.path.join(inputs["value"]["dataDir"], "secrets.key")))
attempt("workflow_sqlite", lambda: read(os.path.join(inputs["value"]["dataDir"], "workflow.sqlite")))
attempt("other_deployments", lambda: os.listdir(os.path.join(inputs["value"]["dataDir"], "deployments")))
attempt("redis_loopback", lambda: tcp("127.0.0.1", 6379))
attempt("redis_host_gateway", lambda: tcp("10.0.2.2", 6379))
attempt("postgres_loopback", lambda: tcp("127.0.0.1", 5432))
out["processes"] = sorted(p for p in os.listdir("/proc") if p.isdigit())
return out
`;

const JS_ATTACKS = `
const fs = require('fs');
const out = { uid: process.getuid(), env: Object.keys(process.env).sort() };
const attempt = (name, fn) => { try { out[name] = 'READ ' + String(fn()).slice(0, 120); } catch (error) { out[name] = 'refused: ' + error.code; } };
attempt('ppid_environ', () => fs.readFileSync('/proc/' + process.ppid + '/environ', 'utf8'));
attempt('platform_environ', () => fs.readFileSync('/proc/' + inputs.value.platformPid + '/environ', 'utf8'));
attempt('secrets_key', () => fs.readFileSync(inputs.value.dataDir + '/secrets.key'));
attempt('workflow_sqlite', () => fs.readFileSync(inputs.value.dataDir + '/workflow.sqlite'));
attempt('platform_source', () => fs.readFileSync(inputs.value.repo + '/platform/config.ts'));
return out;
`;

const refused = (value: unknown) => expect(String(value)).toMatch(/^refused: /);

it('runs isolated here (bubblewrap is installed on this machine); without it, names the packages to install', () => {
  expect(sandboxTools()).toHaveProperty('tools');
  expect(sandboxTools('/nonexistent')).toEqual({ missing: expect.stringContaining('apt-get install -y bubblewrap slirp4netns') });
});

describe('a hostile code node (Python)', () => {
  let endpoint: string;
  let id: string;
  beforeAll(async () => {
    const p = await project('hostile python', 'core/code', { code: 'return inputs', python: PY_ATTACKS }, 'value');
    ({ id, endpoint } = await runningDeployment(p, 'python'));
  });

  it('is reachable only through the router, and says it is isolated', async () => {
    expect(endpoint).toBe(`/deployments/${id}/endpoint`);
    const { logs } = (await must(owner, `query($d: ID!) { deployment(id: $d) { logs { message } } }`, { d: id })).deployment;
    expect(logs.map((l: { message: string }) => l.message).join('\n')).toMatch(/isolated \(bubblewrap: own uid \d+/);
  });

  it('cannot read the platform environment, DATA_DIR, other deployments, or reach loopback databases', async () => {
    expect(fs.existsSync(path.join(dataDir, 'secrets.key'))).toBe(true);
    const answer = await callEndpoint(endpoint, { value: { dataDir, platformPid: process.pid } });
    expect(answer.status).toBe(200);
    const out = answer.body.result ?? answer.body.outputs?.result ?? answer.body;
    // Its parent is the sandbox's own bridge: readable, and holding nothing but the sandbox's variables.
    expect(out.ppid_environ).not.toMatch(/SECRET|DATA_DIR|DATABASE_URL|REDIS_URL/);
    for (const attack of [
      'platform_environ',
      'pid1_environ',
      'secrets_key',
      'workflow_sqlite',
      'other_deployments',
      'redis_loopback',
      'redis_host_gateway',
      'postgres_loopback',
    ]) {
      expect([attack, out[attack]]).toEqual([attack, expect.stringMatching(/^refused: /)]);
    }
    expect(out.uid).toBeGreaterThanOrEqual(200_000);
    // Its own pid namespace: the bubblewrap init, the bridge and the program (and its threads' helpers), nothing else.
    expect(out.processes.length).toBeLessThanOrEqual(4);
    expect(out.env).toEqual(expect.not.arrayContaining(['AUTH_JWT_SECRET', 'INTERNAL_TOKEN_SECRET', 'DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'NODE_OPTIONS']));
    expect(out.env).toEqual(expect.arrayContaining(['HOME', 'PATH', 'PORT', 'HTTP_ALLOWLIST']));
  });

  it('refuses callers without credentials or without access to the project', async () => {
    const anonymous = await callEndpoint(endpoint, { value: {} }, {});
    expect(anonymous.status).toBe(401);
    expect(JSON.stringify(anonymous.body)).toMatch(/UNAUTHENTICATED/);
    const other = await callEndpoint(endpoint, { value: {} }, stranger.headers);
    expect(other.status).toBe(404);
    const forged = await callEndpoint(endpoint, { value: {} }, { 'x-vb-internal-token': 'forged' });
    expect(forged.status).toBe(401);
  });
});

it('a hostile code node (JavaScript, require("fs")) cannot read the platform\'s /proc environ, secrets.key, workflow.sqlite or the platform source', async () => {
  const p = await project('hostile javascript', 'core/code', { code: JS_ATTACKS }, 'value');
  const { endpoint } = await runningDeployment(p, 'javascript');
  const answer = await callEndpoint(endpoint, { value: { dataDir, platformPid: process.pid, repo: process.cwd() } });
  expect(answer.status).toBe(200);
  const out = answer.body.result ?? answer.body.outputs?.result ?? answer.body;
  expect(out.ppid_environ).not.toMatch(/SECRET|DATA_DIR|DATABASE_URL|REDIS_URL/);
  for (const attack of ['platform_environ', 'secrets_key', 'workflow_sqlite', 'platform_source']) refused(out[attack]);
  expect(out.uid).toBeGreaterThanOrEqual(200_000);
});

const MEMORY_HOG = `
if (inputs.value.allocateMb) {
  const held = [];
  for (let i = 0; i < inputs.value.allocateMb / 8; i++) held.push(Buffer.alloc(8 * 1024 * 1024, 1));
  return held.length * 8;
}
return require('fs').readFileSync('/proc/self/limits', 'utf8');
`;

/** `/proc/self/limits` → { 'Max data size': '268435456', … } (the soft limit of each row). */
const softLimits = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((row) => [row.slice(0, 26).trim(), row.slice(26).trim().split(/\s+/)[0]]),
  );

it('runs under resource limits: memory beyond LOCAL_DEPLOYMENT_MEMORY_MB fails inside the program, which keeps answering', async () => {
  const p = await project('memory hog', 'core/code', { code: MEMORY_HOG }, 'value');
  const { endpoint } = await runningDeployment(p, 'javascript');
  const limits = await callEndpoint(endpoint, { value: {} });
  expect(limits.status).toBe(200);
  const rows = softLimits(String(limits.body.result ?? limits.body.outputs?.result));
  expect(rows).toMatchObject({
    'Max data size': String(256 * 1024 * 1024),
    'Max open files': '1024',
    'Max file size': String(256 * 1024 * 1024),
    'Max core file size': '0',
  });
  // Its own uid (the platform runs as root here) is what the process limit counts.
  if (process.getuid?.() === 0) expect(rows['Max processes']).toBe('64');
  const small = await callEndpoint(endpoint, { value: { allocateMb: 64 } });
  expect([small.status, small.body.result ?? small.body.outputs?.result]).toEqual([200, 64]);
  const hog = await callEndpoint(endpoint, { value: { allocateMb: 2048 } });
  expect(hog.status).not.toBe(200);
  expect(JSON.stringify(hog.body)).toMatch(/allocation failed|out of memory|ERR_MEMORY_ALLOCATION_FAILED|Cannot create a Buffer/i);
  const after = await callEndpoint(endpoint, { value: { allocateMb: 64 } });
  expect(after.status).toBe(200);
});

it('an http_request node cannot reach the router on loopback', async () => {
  const p = await project('ssrf', 'core/http_request', { failOnErrorStatus: false }, 'response');
  const { endpoint } = await runningDeployment(p, 'python');
  const answer = await callEndpoint(endpoint, { value: `${sg.url}/health` });
  expect(JSON.stringify(answer.body)).toMatch(/HTTP_FORBIDDEN_TARGET/);
});

it.each(['NODE_OPTIONS', 'LD_PRELOAD', 'PYTHONSTARTUP'])('refuses overrides.env.%s', async (name) => {
  const p = (await must(owner, `mutation { createProject(input: {name: "env"}) { id } }`, {})).createProject.id;
  const refusedDeploy = await deploy(p, 'javascript', { env: { [name]: '--inspect=0.0.0.0:9229' } });
  expect(refusedDeploy.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: `overrides.env.${name}` });
});
