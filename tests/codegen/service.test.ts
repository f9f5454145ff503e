/**
 * The codegen subgraph through the real supergraph: generateCode pins the project version and stores the files,
 * the artifact is readable by its owner only, languages are listed, bad input gets clear codes, the zip download
 * checks the internal token and ownership, and CODE_GENERATED is published.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { request } from 'undici';
import { INTERNAL_TOKEN_HEADER, signInternalToken } from '../../platform/identity';
import { errorCode, startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { writeProject } from './harness';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
}, 60_000);
afterAll(() => sg?.close());

const GENERATE = `mutation($p: ID!, $l: String!, $o: CodegenOptionsInput) { generateCode(projectId: $p, language: $l, options: $o) {
  id projectId projectVersion language mainFile code checksum lines options buildCommand runCommand downloadUrl files { path content } } }`;

async function projectFromTemplate(templateId: string, name: string): Promise<string> {
  const created = await sg.gql(`mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`, { input: { name, templateId } });
  expect(created.errors).toBeUndefined();
  return created.data.createProject.id;
}

it('generates a pinned, stored, runnable artifact and lists it on the project', async () => {
  const events: any[] = [];
  const stop = await sg.launched.events.on('events', (e) => events.push(e));
  const projectId = await projectFromTemplate('order_totals', 'Order "totals" */');
  const result = await sg.gql(GENERATE, { p: projectId, l: 'python', o: { includeComments: true, packageName: 'orders' } });
  expect(result.errors).toBeUndefined();
  const artifact = result.data.generateCode;
  expect(artifact).toMatchObject({
    projectId,
    language: 'python',
    mainFile: 'orders/workflow.py',
    runCommand: 'python3 -m orders inputs.json',
    options: { includeComments: true, optimize: false, packageName: 'orders' },
  });
  expect(artifact.projectVersion).toBeGreaterThanOrEqual(1);
  expect(artifact.checksum).toMatch(/^[0-9a-f]{64}$/);
  expect(artifact.code).toContain('def run(inputs)');
  expect(artifact.lines).toBe(artifact.files.reduce((n: number, f: any) => n + f.content.split('\n').length, 0));

  // The stored project runs and prints the template's outputs.
  const dir = mkdtempSync(join(tmpdir(), 'codegen-service-'));
  writeProject(dir, artifact.files);
  const lines = [
    { sku: 'pen', price: 2.5, qty: 4 },
    { sku: 'lamp', price: 10, qty: 1 },
  ];
  const out = execFileSync('python3', ['-m', 'orders', '-'], { cwd: dir, input: JSON.stringify({ lines }) }).toString();
  expect(JSON.parse(out)).toEqual({ total: 20, lineCount: 2, bulkSkus: ['pen'] });

  const read = await sg.gql(`query($id: ID!, $p: ID!) { codeArtifact(id: $id) { id checksum } project(id: $p) { artifacts { id language } } }`, {
    id: artifact.id,
    p: projectId,
  });
  expect(read.data.codeArtifact).toEqual({ id: artifact.id, checksum: artifact.checksum });
  expect(read.data.project.artifacts).toEqual([{ id: artifact.id, language: 'python' }]);
  // Files live in their own column: read back through an entity fetch and a list they are the generated ones.
  const again = await sg.gql(
    `query($id: ID!, $p: ID!) { codeArtifact(id: $id) { files { path content } code } project(id: $p) { artifacts { id code files { path } } } }`,
    { id: artifact.id, p: projectId },
  );
  expect(again.data.codeArtifact).toEqual({ files: artifact.files, code: artifact.code });
  expect(again.data.project.artifacts).toEqual([{ id: artifact.id, code: artifact.code, files: artifact.files.map((f: any) => ({ path: f.path })) }]);
  await new Promise((r) => setTimeout(r, 50));
  stop();
  expect(events.some((e) => e.type === 'CODE_GENERATED' && e.data?.artifactId === artifact.id)).toBe(true);
});

it('lists languages and refuses unknown or unimplemented ones and ungeneratable graphs with clear codes', async () => {
  const languages = await sg.gql(`{ languages { id fileExtension toolchain implemented } }`);
  expect(languages.data.languages.map((l: any) => l.id)).toEqual(['python', 'typescript', 'javascript', 'go', 'java']);
  const projectId = await projectFromTemplate('code_stats', 'stats');
  const unknown = await sg.gql(GENERATE, { p: projectId, l: 'cobol' });
  expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
  expect(unknown.errors?.[0].message).toContain('python, typescript, javascript, go, java');
  const missing = await sg.gql(GENERATE, { p: '00000000-0000-0000-0000-000000000000', l: 'javascript' });
  expect(errorCode(missing)).toBe('NOT_FOUND');
  for (const language of ['python', 'typescript', 'javascript', 'go', 'java']) {
    const ok = await sg.gql(GENERATE, { p: projectId, l: language });
    expect([language, ok.errors]).toEqual([language, undefined]);
  }
});

it('serves the zip to the owner only, with a valid internal token', async () => {
  const projectId = await projectFromTemplate('batch_greetings', 'zip me');
  const artifact = (await sg.gql(GENERATE, { p: projectId, l: 'javascript' })).data.generateCode;
  const url = `${sg.launched.subgraphs.codegen!.url}${artifact.downloadUrl}`;
  const secret = sg.launched.config.internalTokenSecret;
  const owner = await signInternalToken({ sub: 'local', via: 'local' }, secret);
  const ok = await request(url, { headers: { [INTERNAL_TOKEN_HEADER]: owner } });
  expect(ok.statusCode).toBe(200);
  expect(ok.headers['content-type']).toBe('application/zip');
  const files = unzipSync(new Uint8Array(await ok.body.arrayBuffer()));
  const main = Object.keys(files).find((name) => name.endsWith('/workflow.js'))!;
  expect(strFromU8(files[main])).toBe(artifact.files.find((f: any) => f.path === 'workflow.js').content);

  const stranger = await request(url, { headers: { [INTERNAL_TOKEN_HEADER]: await signInternalToken({ sub: 'someone-else', via: 'jwt' }, secret) } });
  expect(stranger.statusCode).toBe(404);
  await stranger.body.dump();
  const anonymous = await request(url);
  expect(anonymous.statusCode).toBe(401);
  await anonymous.body.dump();
});
