/**
 * Named secrets: stored encrypted (the plaintext is nowhere in the database file), names only through the API,
 * substituted at run time (the remote end receives the real value), masked in run records and streamed events,
 * kept as references in the project, its change log and generated code; the debugger refuses them for now.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { TestSupergraph } from '../support/supergraph';
import { callerFor, errorCodes, startSecuredSupergraph, type Caller } from './support';

const SECRET = 'sk-live-0123456789abcdef';
let sg: TestSupergraph;
let owner: Caller;
let echo: http.Server;
let echoUrl: string;
const received: string[] = [];

beforeAll(async () => {
  echo = http.createServer((req, res) => {
    received.push(String(req.headers.authorization));
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ youSent: req.headers.authorization }));
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/`;
  sg = await startSecuredSupergraph({ HTTP_ALLOWLIST: '127.0.0.1' });
  owner = await callerFor(sg, 'owner');
});
afterAll(async () => {
  await sg?.close();
  await new Promise((resolve) => echo.close(resolve));
});

it('substitutes a secret at run time, masks it everywhere, and never returns or stores it in clear', async () => {
  const p = (await owner.gql(`mutation { createProject(input: {name: "with a secret"}) { id } }`)).data.createProject.id;
  await owner.gql(`mutation($p: ID!) { addProjectMember(projectId: $p, userId: "editor", role: EDITOR) { id } }`, { p });
  const editor = await callerFor(sg, 'editor');
  expect(errorCodes(await editor.gql(`mutation($p: ID!) { createSecret(projectId: $p, name: "API_TOKEN", value: "nope-nope") { name } }`, { p }))).toEqual(['FORBIDDEN']);
  const created = await owner.gql(`mutation($p: ID!, $v: String!) { createSecret(projectId: $p, name: "API_TOKEN", value: $v) { name createdBy } }`, { p, v: SECRET });
  expect(created.data.createSecret).toEqual({ name: 'API_TOKEN', createdBy: 'owner' });

  const edits = [
    { op: 'addNode', node: { id: 'call', componentId: 'core/http_request', position: { x: 0, y: 0 }, config: { url: echoUrl, headers: { authorization: { $secret: 'API_TOKEN' } } } } },
    { op: 'addNode', node: { id: 'out', componentId: 'core/output', position: { x: 1, y: 0 }, config: { name: 'response' } } },
    { op: 'connect', connection: { id: 'c1', sourceId: 'call', sourcePort: 'response', targetId: 'out', targetPort: 'value' } },
  ];
  const edited = await editor.gql(`mutation($p: ID!, $e: JSON!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, { p, e: edits });
  expect(edited.errors).toBeUndefined();

  const ran = await editor.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p) { id status outputs error { message } steps { nodeId inputs outputs } } }`, { p });
  expect(ran.data.executeWorkflow.status).toBe('SUCCEEDED');
  expect(received).toEqual([SECRET]); // the remote end got the real value
  const everything = JSON.stringify(ran) + JSON.stringify(await owner.gql(`query($p: ID!) { project(id: $p) { components { config } changes { payload } secrets { name } runs { outputs steps { inputs outputs } } artifacts { id } } }`, { p }));
  expect(everything).not.toContain(SECRET);
  expect(everything).toContain('***');
  expect(everything).toContain('"$secret":"API_TOKEN"');

  const code = await editor.gql(`mutation($p: ID!) { generateCode(projectId: $p, language: "python") { files { content } } }`, { p });
  expect(JSON.stringify(code)).not.toContain(SECRET);

  expect(errorCodes(await editor.gql(`mutation($p: ID!) { startDebugSession(projectId: $p) { id } }`, { p }))).toEqual(['NOT_IMPLEMENTED']);

  const dbFile = path.join(sg.launched.config.dataDir, 'workflow.sqlite');
  const onDisk = [dbFile, `${dbFile}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('');
  expect(onDisk).toContain('API_TOKEN');
  expect(onDisk).not.toContain(SECRET);
});

it('refuses a run that refers to a secret the project does not have', async () => {
  const p = (await owner.gql(`mutation { createProject(input: {name: "missing secret"}) { id } }`)).data.createProject.id;
  const edits = [
    { op: 'addNode', node: { id: 'call', componentId: 'core/http_request', position: { x: 0, y: 0 }, config: { url: echoUrl, headers: { authorization: { $secret: 'NOPE' } } } } },
    { op: 'addNode', node: { id: 'out', componentId: 'core/output', position: { x: 1, y: 0 }, config: { name: 'response' } } },
    { op: 'connect', connection: { id: 'c1', sourceId: 'call', sourcePort: 'response', targetId: 'out', targetPort: 'value' } },
  ];
  await owner.gql(`mutation($p: ID!, $e: JSON!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, { p, e: edits });
  const ran = await owner.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p) { id } }`, { p });
  expect(errorCodes(ran)).toEqual(['BAD_USER_INPUT']);
  expect(ran.errors![0].message).toContain('"NOPE"');
});
