/**
 * exportProject / importProject through the router and the REST shim: a versioned document whose JSON Schema is in
 * the repo and served; every template survives a round trip; other versions are refused by name.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { request } from 'undici';
import { PROJECT_DOCUMENT_SCHEMA } from '../../engine/model/project-document';
import { expectError, expectOk, restClient } from '../rest/rest-client';
import { errorCode, startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
}, 60_000);
afterAll(() => sg?.close());

const EXPORT = `query($id: ID!) { exportProject(id: $id) }`;
const IMPORT = `mutation($d: JSON!, $n: String) { importProject(document: $d, name: $n) { id name description templateId components { id componentId componentVersion label position { x y } config } connections { id sourceId sourcePort targetId targetPort } } }`;

test('the JSON Schema in the repo is the one the code uses, and the router serves it', async () => {
  const file = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schema/project-document.schema.json'), 'utf8'));
  expect(file).toEqual(JSON.parse(JSON.stringify(PROJECT_DOCUMENT_SCHEMA)));
  const served = await request(`${sg.url}/schemas/project-document.json`);
  expect(served.statusCode).toBe(200);
  expect(await served.body.json()).toEqual(file);
});

test('every template survives export → import → export unchanged, and the documents validate against the schema', async () => {
  const validate = addFormats(new Ajv({ strict: false })).compile(PROJECT_DOCUMENT_SCHEMA);
  const { templates } = (await sg.gql(`{ templates { id } }`)).data;
  expect(templates.length).toBeGreaterThanOrEqual(10);
  for (const { id: templateId } of templates) {
    const created = await sg.gql(
      `mutation($t: String!, $tid: ID!) { createProject(input: {name: $t, description: "from a template", templateId: $tid, metadata: {tags: ["x"]}}) { id } }`,
      { t: templateId, tid: templateId },
    );
    expect(created.errors).toBeUndefined();
    const first = (await sg.gql(EXPORT, { id: created.data.createProject.id })).data.exportProject;
    expect(validate(first)).toBe(true);
    expect(first).toMatchObject({
      format: 'visual-builder/project',
      version: 1,
      project: { name: templateId, description: 'from a template', templateId, metadata: { tags: ['x'] } },
    });
    const imported = await sg.gql(IMPORT, { d: first });
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importProject.id).not.toBe(created.data.createProject.id);
    const second = (await sg.gql(EXPORT, { id: imported.data.importProject.id })).data.exportProject;
    expect({ ...second, exportedAt: null }).toEqual({ ...first, exportedAt: null });
  }
});

test('other formats and versions are refused clearly; unknown components refuse the import', async () => {
  const created = await sg.gql(`mutation { createProject(input: {name: "v", templateId: "order_totals"}) { id } }`);
  const document = (await sg.gql(EXPORT, { id: created.data.createProject.id })).data.exportProject;
  const future = await sg.gql(IMPORT, { d: { ...document, version: 2 } });
  expect(errorCode(future)).toBe('BAD_USER_INPUT');
  expect(future.errors![0].message).toBe('Export version 2 is not supported: this server reads version 1');
  expect(future.errors![0].extensions).toMatchObject({ reason: 'UNSUPPORTED_VERSION', field: 'document.version', supportedVersions: [1] });
  const other = await sg.gql(IMPORT, { d: { nodes: [], connections: [] } });
  expect(other.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_DOCUMENT' });
  const broken = await sg.gql(IMPORT, { d: { ...document, graph: { nodes: [{ id: 'x' }], connections: [] } } });
  expect(broken.errors![0].extensions.reason).toBe('INVALID_DOCUMENT');
  expect(broken.errors![0].message).toContain('/graph/nodes/0');
  const unknown = await sg.gql(IMPORT, {
    d: {
      ...document,
      graph: { nodes: [{ id: 'x', componentId: 'acme/nothing', componentVersion: '1.0.0', position: { x: 0, y: 0 }, config: {} }], connections: [] },
    },
  });
  expect(errorCode(unknown)).toBe('INVALID_GRAPH');
  const renamed = await sg.gql(IMPORT, { d: document, n: 'Renamed' });
  expect(renamed.data.importProject.name).toBe('Renamed');
  expect(errorCode(await sg.gql(EXPORT, { id: 'nope' }))).toBe('NOT_FOUND');
});

test('REST: GET /projects/{id}/export and POST /projects/import', async () => {
  const api = restClient(sg.url);
  const project = expectOk(await api.post('/projects', { name: 'Rest export', description: '', template_id: 'basic_agent' }));
  const document = expectOk(await api.get(`/projects/${project.id}/export`));
  expect(document).toMatchObject({ format: 'visual-builder/project', version: 1 });
  const imported = expectOk(await api.post('/projects/import', { document, name: 'Rest import' }));
  expect(imported.name).toBe('Rest import');
  expect(Object.keys(imported.components).sort()).toEqual(Object.keys(project.components).sort());
  const refused = expectError(await api.post('/projects/import', { document: { ...document, version: 99 } }), 400, 'BAD_USER_INPUT');
  expect(refused.data.reason).toBe('UNSUPPORTED_VERSION');
  expectError(await api.get('/projects/nope/export'), 404, 'NOT_FOUND');
});
