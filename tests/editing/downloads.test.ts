/**
 * Downloads through the router with the caller's access: CodeArtifact.downloadUrl and Deployment.downloadPath are
 * router paths (and REST routes) answering a zip to readers of the project and 404 to anyone else.
 */
import { unzipSync } from 'fflate';
import { request } from 'undici';
import { callerFor, startSecuredSupergraph, type Caller } from '../security/support';
import type { TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
let owner: Caller;
let other: Caller;
beforeAll(async () => {
  sg = await startSecuredSupergraph();
  owner = await callerFor(sg, 'owner', '-dl');
  other = await callerFor(sg, 'other', '-dl');
}, 60_000);
afterAll(() => sg?.close());

async function get(path: string, caller: Caller) {
  const response = await request(`${sg.url}${path}`, { headers: caller.headers });
  const body = Buffer.from(await response.body.arrayBuffer());
  return { status: response.statusCode, headers: response.headers, body };
}

async function project(): Promise<string> {
  const created = await owner.gql(`mutation { createProject(input: {name: "Downloads", templateId: "order_totals"}) { id } }`);
  expect(created.errors).toBeUndefined();
  return created.data.createProject.id;
}

test('CodeArtifact.downloadUrl answers the zip through the router, to readers only', async () => {
  const p = await project();
  const generated = await owner.gql(`mutation($p: ID!) { generateCode(projectId: $p, language: "javascript") { id downloadUrl files { path } } }`, { p });
  expect(generated.errors).toBeUndefined();
  const artifact = generated.data.generateCode;
  const zip = await get(artifact.downloadUrl, owner);
  expect(zip.status).toBe(200);
  expect(zip.headers['content-type']).toBe('application/zip');
  const names = Object.keys(unzipSync(new Uint8Array(zip.body)));
  expect(names.length).toBe(artifact.files.length);
  for (const file of artifact.files) expect(names.some((n) => n.endsWith(`/${file.path}`))).toBe(true);

  const refused = await get(artifact.downloadUrl, other);
  expect(refused.status).toBe(404);
  expect(JSON.parse(refused.body.toString())).toMatchObject({ status: 'error', data: { code: 'NOT_FOUND' } });
  expect((await get('/artifacts/no-such-artifact/zip', owner)).status).toBe(404);
  // The legacy REST route gives the same zip.
  const legacy = await get(`/download/${artifact.id}?format=zip`, owner);
  expect(legacy.status).toBe(200);
  expect(Object.keys(unzipSync(new Uint8Array(legacy.body))).sort()).toEqual(names.sort());
});

test('Deployment.downloadPath answers the artefacts zip through the router, to readers only', async () => {
  const p = await project();
  const deployed = await owner.gql(`mutation($p: ID!) { deploy(projectId: $p, target: KUBERNETES, environment: "staging") { id downloadPath } }`, { p });
  expect(deployed.errors).toBeUndefined();
  const { id, downloadPath } = deployed.data.deploy;
  let status = '';
  for (let i = 0; i < 300 && !['READY', 'FAILED'].includes(status); i++) {
    status = (await owner.gql(`query($d: ID!) { deployment(id: $d) { status } }`, { d: id })).data.deployment.status;
    if (status !== 'READY') await new Promise((r) => setTimeout(r, 100));
  }
  expect(status).toBe('READY');
  const zip = await get(downloadPath, owner);
  expect(zip.status).toBe(200);
  expect(zip.headers['content-disposition']).toContain('deployment_kubernetes_');
  const names = Object.keys(unzipSync(new Uint8Array(zip.body)));
  expect(names.some((n) => n.endsWith('.yaml') || n.endsWith('.yml'))).toBe(true);
  expect(names.some((n) => /\.(js|py)$/.test(n))).toBe(true);

  expect((await get(downloadPath, other)).status).toBe(404);
  expect((await get('/deployments/nope/artifacts.zip', owner)).status).toBe(404);
}, 60_000);
