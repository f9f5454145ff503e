/**
 * Presence per client session (two tabs are two entries of one user; a closed socket leaves at once) and deployment
 * artefacts that reference only the secrets the workflow uses.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { request } from 'undici';
import { collect, wsClient } from '../support/ws-client';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
}, 60_000);
afterAll(() => sg?.close());

const UPDATE = `mutation($p: ID!, $s: ID, $sel: [ID!]) { updatePresence(projectId: $p, sessionId: $s, selection: $sel, ttlSeconds: 600) { userId sessionId } }`;
const LIST = `query($p: ID!) { project(id: $p) { presence { userId sessionId selection } } }`;

test('two tabs of one user are two entries; a closed socket leaves at once; leavePresence leaves one session', async () => {
  const p = (await sg.gql(`mutation { createProject(input: {name: "Presence"}) { id } }`)).data.createProject.id;
  const watcher = wsClient(sg.url);
  const events = collect(watcher, `subscription($p: ID!) { presence(projectId: $p) { kind entries { userId sessionId } } }`, { p });
  await events.waitFor((r) => r.some((e) => e.presence.kind === 'SNAPSHOT'));

  // Tab 1 subscribes with its session and announces itself; tab 2 too (local mode: the same user).
  const tab1 = wsClient(sg.url);
  const tab1Stream = collect(tab1, `subscription($p: ID!, $s: ID) { presence(projectId: $p, sessionId: $s) { kind } }`, { p, s: 'tab-1' });
  await tab1Stream.waitFor((r) => r.length > 0);
  expect((await sg.gql(UPDATE, { p, s: 'tab-1', sel: ['a'] })).data.updatePresence.sessionId).toBe('tab-1');
  expect((await sg.gql(UPDATE, { p, s: 'tab-2', sel: ['b'] })).errors).toBeUndefined();
  const entries = (await sg.gql(LIST, { p })).data.project.presence;
  expect(entries).toHaveLength(2);
  expect(new Set(entries.map((e: { userId: string }) => e.userId)).size).toBe(1);
  expect(entries.map((e: { sessionId: string }) => e.sessionId).sort()).toEqual(['tab-1', 'tab-2']);

  // Closing tab 1's socket: its entry leaves at once (the TTL is 600 s), announced as LEFT.
  const closedAt = Date.now();
  await tab1.dispose();
  await events.waitFor((r) => r.some((e) => e.presence.kind === 'LEFT' && e.presence.entries[0].sessionId === 'tab-1'), 5_000);
  expect(Date.now() - closedAt).toBeLessThan(3_000);
  expect((await sg.gql(LIST, { p })).data.project.presence.map((e: { sessionId: string }) => e.sessionId)).toEqual(['tab-2']);

  expect((await sg.gql(`mutation($p: ID!) { leavePresence(projectId: $p, sessionId: "tab-2") }`, { p })).data.leavePresence).toBe(true);
  expect((await sg.gql(LIST, { p })).data.project.presence).toEqual([]);
  // Without a session id: one entry per user, as before.
  await sg.gql(UPDATE, { p });
  await sg.gql(UPDATE, { p });
  const single = (await sg.gql(LIST, { p })).data.project.presence;
  expect(single).toHaveLength(1);
  expect(single[0].sessionId).toBe(single[0].userId);
  await watcher.dispose();
});

async function deploymentFiles(templateId: string, target: 'KUBERNETES' | 'HELM'): Promise<Record<string, string>> {
  const p = (await sg.gql(`mutation($t: ID!) { createProject(input: {name: "Secrets", templateId: $t}) { id } }`, { t: templateId })).data.createProject.id;
  const deployed = await sg.gql(`mutation($p: ID!, $t: DeploymentTarget!) { deploy(projectId: $p, target: $t) { id downloadPath config } }`, { p, t: target });
  expect(deployed.errors).toBeUndefined();
  let status = '';
  for (let i = 0; i < 300 && status !== 'READY' && status !== 'FAILED'; i++) {
    status = (await sg.gql(`query($d: ID!) { deployment(id: $d) { status } }`, { d: deployed.data.deploy.id })).data.deployment.status;
    if (status !== 'READY') await new Promise((r) => setTimeout(r, 100));
  }
  const zip = await request(`${sg.url}${deployed.data.deploy.downloadPath}`);
  expect(zip.statusCode).toBe(200);
  const files = unzipSync(new Uint8Array(await zip.body.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

test.each(['KUBERNETES', 'HELM'] as const)(
  '%s artefacts reference LLM_API_KEY only when the workflow has a model node',
  async (target) => {
    const offline = await deploymentFiles('order_totals', target);
    // The manifests and their secret instructions (the program's own README documents every variable it reads).
    const manifests = Object.entries(offline).filter(([name]) => /\.ya?ml$/.test(name) || (name.includes('/') && name.endsWith('README.md')));
    expect(manifests.length).toBeGreaterThan(0);
    for (const [name, text] of manifests) expect({ name, mentions: text.includes('LLM_API_KEY') }).toEqual({ name, mentions: false });
    const agent = await deploymentFiles('basic_agent', target);
    expect(Object.entries(agent).some(([name, text]) => /\.ya?ml$/.test(name) && text.includes('LLM_API_KEY'))).toBe(true);
  },
  60_000,
);
