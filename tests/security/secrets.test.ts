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
import { toEditInputs } from '../../engine/model/edit-input';
import type { GraphEdit } from '../../engine/model/edits';

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
  expect(errorCodes(await editor.gql(`mutation($p: ID!) { createSecret(projectId: $p, name: "API_TOKEN", value: "nope-nope") { name } }`, { p }))).toEqual([
    'FORBIDDEN',
  ]);
  const created = await owner.gql(`mutation($p: ID!, $v: String!) { createSecret(projectId: $p, name: "API_TOKEN", value: $v) { name createdBy } }`, {
    p,
    v: SECRET,
  });
  expect(created.data.createSecret).toEqual({ name: 'API_TOKEN', createdBy: 'owner' });

  const edits = [
    {
      op: 'addNode',
      node: {
        id: 'call',
        componentId: 'core/http_request',
        position: { x: 0, y: 0 },
        config: { url: echoUrl, headers: { authorization: { $secret: 'API_TOKEN' } } },
      },
    },
    { op: 'addNode', node: { id: 'out', componentId: 'core/output', position: { x: 1, y: 0 }, config: { name: 'response' } } },
    { op: 'connect', connection: { id: 'c1', sourceId: 'call', sourcePort: 'response', targetId: 'out', targetPort: 'value' } },
  ];
  const edited = await editor.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
    p,
    e: toEditInputs(edits as GraphEdit[]),
  });
  expect(edited.errors).toBeUndefined();

  const ran = await editor.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p) { id status outputs error { message } steps { nodeId inputs outputs } } }`, {
    p,
  });
  expect(ran.data.executeWorkflow.status).toBe('SUCCEEDED');
  expect(received).toEqual([SECRET]); // the remote end got the real value
  const everything =
    JSON.stringify(ran) +
    JSON.stringify(
      await owner.gql(
        `query($p: ID!) { project(id: $p) { components { config } changes { payload } secrets { name } runs { outputs steps { inputs outputs } } artifacts { id } } }`,
        { p },
      ),
    );
  expect(everything).not.toContain(SECRET);
  expect(everything).toContain('***');
  expect(everything).toContain('"$secret":"API_TOKEN"');

  const code = await editor.gql(`mutation($p: ID!) { generateCode(projectId: $p, language: "python") { files { content } } }`, { p });
  expect(JSON.stringify(code)).not.toContain(SECRET);

  expect(errorCodes(await editor.gql(`mutation($p: ID!) { startDebugSession(projectId: $p) { id } }`, { p }))).toEqual(['NOT_IMPLEMENTED']);

  const dbFile = path.join(sg.launched.config.dataDir, 'workflow.sqlite');
  const onDisk = [dbFile, `${dbFile}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('');
  expect(onDisk).toContain('API_TOKEN');
  expect(onDisk).not.toContain(SECRET);
});

it('refuses a run that refers to a secret the project does not have', async () => {
  const p = (await owner.gql(`mutation { createProject(input: {name: "missing secret"}) { id } }`)).data.createProject.id;
  const edits = [
    {
      op: 'addNode',
      node: {
        id: 'call',
        componentId: 'core/http_request',
        position: { x: 0, y: 0 },
        config: { url: echoUrl, headers: { authorization: { $secret: 'NOPE' } } },
      },
    },
    { op: 'addNode', node: { id: 'out', componentId: 'core/output', position: { x: 1, y: 0 }, config: { name: 'response' } } },
    { op: 'connect', connection: { id: 'c1', sourceId: 'call', sourcePort: 'response', targetId: 'out', targetPort: 'value' } },
  ];
  await owner.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
    p,
    e: toEditInputs(edits as GraphEdit[]),
  });
  const ran = await owner.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p) { id } }`, { p });
  expect(errorCodes(ran)).toEqual(['BAD_USER_INPUT']);
  expect(ran.errors![0].message).toContain('"NOPE"');
});

describe('secrets reach only the fields that declare they take one (issue 16)', () => {
  let p: string;
  let editor: Caller;
  const TRICKY = 'sk-"quoted"\\back-slashed-0123';
  beforeAll(async () => {
    p = (await owner.gql(`mutation { createProject(input: {name: "secret fields"}) { id } }`)).data.createProject.id;
    await owner.gql(`mutation($p: ID!) { addProjectMember(projectId: $p, userId: "editor", role: EDITOR) { id } }`, { p });
    await owner.gql(`mutation($p: ID!, $v: String!) { createSecret(projectId: $p, name: "TOKEN", value: $v) { name } }`, { p, v: TRICKY });
    editor = await callerFor(sg, 'editor');
  });

  const add = (node: Record<string, unknown>) =>
    editor.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
      p,
      e: [{ addNode: { position: { x: 0, y: 0 }, ...node } }],
    });

  it.each([
    [
      'a code node (which could reverse or space it)',
      { id: 'code', componentId: 'core/code', config: { code: 'return { value: 1 }', token: { $secret: 'TOKEN' } } },
      '/token',
    ],
    ['a constant (a port value)', { id: 'const', componentId: 'core/constant', config: { value: { $secret: 'TOKEN' } } }, '/value'],
    ['an http_request URL', { id: 'url', componentId: 'core/http_request', config: { url: { $secret: 'TOKEN' } } }, '/url'],
    [
      'a nested header value',
      { id: 'deep', componentId: 'core/http_request', config: { url: 'https://example.test', headers: { a: { b: { $secret: 'TOKEN' } } } } },
      '/headers/a/b',
    ],
  ])('refuses a reference in %s with SECRET_NOT_ALLOWED, node id and pointer', async (_what, node, pointer) => {
    const result = await add(node);
    expect(errorCodes(result)).toEqual(['INVALID_GRAPH']);
    const issues = result.errors![0].extensions.issues as { code: string; nodeId: string; field: string }[];
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SECRET_NOT_ALLOWED', nodeId: node.id, field: pointer }));
  });

  it('keeps the value out of steps, events and errors, JSON-escaped forms included', async () => {
    const failing = http.createServer((req, res) => {
      res.statusCode = 500;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ youSent: req.headers['x-token'] }));
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}/`;
      expect(
        (await add({ id: 'call', componentId: 'core/http_request', config: { url, headers: { 'x-token': { $secret: 'TOKEN' } } } })).errors,
      ).toBeUndefined();
      const ran = await editor.gql(
        `mutation($p: ID!) { executeWorkflow(projectId: $p) { id status error { message } steps { nodeId inputs outputs error { message } } } }`,
        { p },
      );
      expect(ran.data.executeWorkflow.status).toBe('FAILED');
      const viewerSees = await owner.gql(`query($r: ID!) { run(id: $r) { error { message } steps { inputs outputs error { message } } } }`, {
        r: ran.data.executeWorkflow.id,
      });
      const everything = JSON.stringify(ran) + JSON.stringify(viewerSees);
      expect(everything).toContain('***');
      for (const form of [TRICKY, JSON.stringify(TRICKY).slice(1, -1), 'back-slashed-0123']) expect(everything).not.toContain(form);
      const dbFile = path.join(sg.launched.config.dataDir, 'workflow.sqlite');
      const onDisk = [dbFile, `${dbFile}-wal`]
        .filter((f) => fs.existsSync(f))
        .map((f) => fs.readFileSync(f).toString('latin1'))
        .join('');
      expect(onDisk).not.toContain('back-slashed-0123');
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
  });
});
