/**
 * Runs through the router: every shipped template executes with its documented outputs (LLM and HTTP templates
 * against local fake servers speaking the real protocols), runs and steps are queryable afterwards, invalid graphs
 * are refused, async runs can be cancelled, and WORKFLOW_EXECUTED is published.
 */
import { builtinTemplates } from '../../engine/templates';
import type { TemplateDefinition } from '../../engine/templates/types';
import { SEED_EVENTS_TOPIC, type PlatformEvent } from '../../platform/events';
import { startFakeHttpServer, type FakeHttpServer } from '../engine/components/fake-http-server';
import { FAKE_MODEL, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { errorCode, startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { toEditInputs } from '../../engine/model/edit-input';
import type { GraphEdit } from '../../engine/model/edits';

let sg: TestSupergraph;
let llm: FakeOpenAi;
let http: FakeHttpServer;

beforeAll(async () => {
  llm = await startFakeOpenAi();
  http = await startFakeHttpServer();
  sg = await startTestSupergraph({ env: { LLM_BASE_URL: llm.url, LLM_MODEL: FAKE_MODEL, HTTP_ALLOWLIST: '127.0.0.1' } });
});
afterAll(async () => {
  await sg?.close();
  await llm?.close();
  await http?.close();
});

const RUN_FIELDS = `id projectId projectVersion status outputs error { code message } steps { nodeId status attempt durationMs frames } createdAt finishedAt durationMs`;

async function projectFrom(templateId: string): Promise<string> {
  const created = await sg.gql(`mutation($n: String!, $t: ID!) { createProject(input: {name: $n, templateId: $t}) { id } }`, { n: templateId, t: templateId });
  expect(created.errors).toBeUndefined();
  return created.data.createProject.id;
}

const inputsFor = (t: TemplateDefinition) => (t.needs?.includes('http') ? { ...t.sampleInputs, baseUrl: http.baseUrl } : t.sampleInputs);

describe('executeWorkflow on every template', () => {
  it.each(builtinTemplates.map((t) => [t.id, t] as [string, TemplateDefinition]))(
    '%s returns its documented outputs and is queryable afterwards',
    async (_id, template) => {
      const projectId = await projectFrom(template.id);
      const ran = await sg.gql(`mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i) { ${RUN_FIELDS} } }`, {
        p: projectId,
        i: inputsFor(template),
      });
      expect(ran.errors).toBeUndefined();
      const run = ran.data.executeWorkflow;
      expect(run).toMatchObject({ status: 'SUCCEEDED', projectId, projectVersion: 1, error: null });
      expect(run.outputs).toEqual(template.expectedOutputs);
      expect(run.steps.length).toBeGreaterThanOrEqual(template.graph.nodes.length);

      const again = await sg.gql(
        `query($id: ID!, $p: ID!) { run(id: $id) { ${RUN_FIELDS} } project(id: $p) { runs { id status steps { nodeId status attempt durationMs frames } } } }`,
        {
          id: run.id,
          p: projectId,
        },
      );
      // Lists and run(id) read steps only when selected (run-store.ts): the same steps as the run returned.
      expect(again.data.run).toEqual(run);
      expect(again.data.project.runs).toEqual([{ id: run.id, status: 'SUCCEEDED', steps: run.steps }]);
    },
  );
});

describe('run semantics through the API', () => {
  it('refuses to run an invalid graph, listing the errors', async () => {
    const created = await sg.gql(`mutation { createProject(input: {name: "invalid"}) { id } }`);
    const p = created.data.createProject.id;
    await sg.gql(
      `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/transform", config: {expression: "value"}, id: "t") { project { version } } }`,
      { p },
    );
    const ran = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p) { id } }`, { p });
    expect(errorCode(ran)).toBe('INVALID_GRAPH');
    expect(ran.errors![0].extensions.issues).toEqual([expect.objectContaining({ code: 'MISSING_INPUT', nodeId: 't' })]);
    const badInputs = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, inputs: [1, 2]) { id } }`, { p });
    expect(errorCode(badInputs)).toBe('BAD_USER_INPUT');
    const unknown = await sg.gql(`mutation { executeWorkflow(projectId: "nope") { id } }`);
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });

  it('reports a failing node with its error, and records the failed run', async () => {
    const created = await sg.gql(`mutation { createProject(input: {name: "failing"}) { id } }`);
    const p = created.data.createProject.id;
    const edits = [
      { op: 'addNode', node: { id: 'k', componentId: 'core/constant', position: { x: 0, y: 0 }, config: { value: 'not json' } } },
      { op: 'addNode', node: { id: 'parse', componentId: 'core/json_parse', position: { x: 200, y: 0 }, config: {} } },
      { op: 'addNode', node: { id: 'out', componentId: 'core/output', position: { x: 400, y: 0 }, config: { name: 'parsed' } } },
      { op: 'connect', connection: { id: 'c1', sourceId: 'k', sourcePort: 'value', targetId: 'parse', targetPort: 'text' } },
      { op: 'connect', connection: { id: 'c2', sourceId: 'parse', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
    ];
    const applied = await sg.gql(
      `mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e, expectedVersion: 1) { project { version validation { valid errors { message } } } } }`,
      { p, e: toEditInputs(edits as GraphEdit[]) },
    );
    expect(applied.errors).toBeUndefined();
    expect(applied.data.applyGraphEdits.project).toMatchObject({ version: 2, validation: { valid: true } });
    const ran = await sg.gql(
      `mutation($p: ID!) { executeWorkflow(projectId: $p) { status error { code message } steps { nodeId status error { message } } } }`,
      { p },
    );
    expect(ran.data.executeWorkflow.status).toBe('FAILED');
    expect(ran.data.executeWorkflow.error.message).toMatch(/parse/);
    expect(ran.data.executeWorkflow.steps.find((s: any) => s.nodeId === 'parse').status).toBe('FAILED');
  });

  it('runs ASYNC, can be cancelled while running, and publishes WORKFLOW_EXECUTED', async () => {
    const created = await sg.gql(`mutation { createProject(input: {name: "slow"}) { id } }`);
    const p = created.data.createProject.id;
    const edits = [
      { op: 'addNode', node: { id: 'k', componentId: 'core/constant', position: { x: 0, y: 0 }, config: { value: 1 } } },
      { op: 'addNode', node: { id: 'wait', componentId: 'core/delay', position: { x: 200, y: 0 }, config: { ms: 30000 } } },
      { op: 'addNode', node: { id: 'out', componentId: 'core/output', position: { x: 400, y: 0 }, config: { name: 'v' } } },
      { op: 'connect', connection: { id: 'c1', sourceId: 'k', sourcePort: 'value', targetId: 'wait', targetPort: 'value' } },
      { op: 'connect', connection: { id: 'c2', sourceId: 'wait', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
    ];
    expect(
      (
        await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
          p,
          e: toEditInputs(edits as GraphEdit[]),
        })
      ).errors,
    ).toBeUndefined();
    const seen: PlatformEvent[] = [];
    const stop = await sg.launched.events.on<PlatformEvent>(SEED_EVENTS_TOPIC, (e) => seen.push(e));
    try {
      const started = Date.now();
      const ran = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, mode: ASYNC) { id status } }`, { p });
      expect(ran.data.executeWorkflow.status).toBe('QUEUED'); // recorded before it starts
      const id = ran.data.executeWorkflow.id;
      const cancelled = await sg.gql(`mutation($id: ID!) { cancelRun(id: $id) { id status error { code } } }`, { id });
      expect(cancelled.data.cancelRun).toEqual({ id, status: 'CANCELLED', error: { code: 'CANCELLED' } });
      expect(Date.now() - started).toBeLessThan(10_000);
      const twice = await sg.gql(`mutation($id: ID!) { cancelRun(id: $id) { id } }`, { id });
      expect(errorCode(twice)).toBe('CONFLICT');
      expect(seen).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ type: 'WORKFLOW_EXECUTED', data: expect.objectContaining({ runId: id, status: 'cancelled', projectId: p }) }),
        ]),
      );
    } finally {
      stop();
    }
  });
});
