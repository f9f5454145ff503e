/**
 * The whole supergraph booted for real (six subgraphs + router over HTTP): CRUD, graph editing, validation,
 * conflicts, the six-subgraph query, DataLoader batching, bad input, and degraded mode with a subgraph stopped.
 */
import { request } from 'undici';
import { errorCode, postGraphQL, startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;

beforeAll(async () => {
  sg = await startTestSupergraph();
});
afterAll(async () => {
  await sg?.close();
});

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id name description version status components { id componentId } } }`;
const ADD = `mutation($p: ID!, $c: ID!, $config: JSON, $id: ID, $v: Int) {
  addComponent(projectId: $p, componentId: $c, config: $config, id: $id, position: {x: 10, y: 20}, expectedVersion: $v) {
    project { version } component { id componentId componentVersion position { x y } config }
  }
}`;
const CONNECT = `mutation($p: ID!, $s: ID!, $sp: String!, $t: ID!, $tp: String!, $v: Int) {
  connect(projectId: $p, sourceId: $s, sourcePort: $sp, targetId: $t, targetPort: $tp, expectedVersion: $v) { project { version } connection { id sourceId targetId } }
}`;

async function createProject(name: string, extra: Record<string, unknown> = {}) {
  const result = await sg.gql(CREATE, { input: { name, description: `${name} description`, ...extra } });
  expect(result.errors).toBeUndefined();
  return result.data.createProject as { id: string; version: number; components: { id: string; componentId: string }[] };
}

describe('projects', () => {
  it('creates, reads, updates, lists with pagination and deletes', async () => {
    const created = await createProject('CRUD project');
    expect(created.version).toBe(1);
    const read = await sg.gql(`query($id: ID!) { project(id: $id) { id name status version validation { valid } } }`, { id: created.id });
    expect(read.data.project).toMatchObject({ id: created.id, name: 'CRUD project', status: 'DRAFT', version: 1, validation: { valid: true } });

    const updated = await sg.gql(
      `mutation($id: ID!) { updateProject(id: $id, input: {name: "Renamed", status: TESTING}, expectedVersion: 1) { name status version } }`,
      { id: created.id },
    );
    expect(updated.data.updateProject).toEqual({ name: 'Renamed', status: 'TESTING', version: 2 });

    for (let i = 0; i < 4; i++) await createProject(`page ${i}`);
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    do {
      const page: any = await sg.gql(
        `query($after: String) { projects(first: 2, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } totalCount } }`,
        { after },
      );
      for (const n of page.data.projects.nodes) seen.add(n.id);
      total = page.data.projects.totalCount;
      after = page.data.projects.pageInfo.hasNextPage ? page.data.projects.pageInfo.endCursor : null;
    } while (after);
    expect(seen.size).toBe(total);
    expect(seen.has(created.id)).toBe(true);

    const deleted = await sg.gql(`mutation($id: ID!) { deleteProject(id: $id) { id deleted } }`, { id: created.id });
    expect(deleted.data.deleteProject).toEqual({ id: created.id, deleted: true });
    const gone = await sg.gql(`query($id: ID!) { project(id: $id) { id } }`, { id: created.id });
    expect(gone.data.project).toBeNull();
    const again = await sg.gql(`mutation($id: ID!) { deleteProject(id: $id) { id } }`, { id: created.id });
    expect(errorCode(again)).toBe('NOT_FOUND');
  });

  it('refuses a stale expectedVersion with CONFLICT carrying the current version', async () => {
    const p = await createProject('conflicts');
    const first = await sg.gql(ADD, { p: p.id, c: 'core/constant', config: { value: 1 }, v: 1 });
    expect(first.data.addComponent.project.version).toBe(2);
    const stale = await sg.gql(ADD, { p: p.id, c: 'core/constant', config: { value: 2 }, v: 1 });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions.currentVersion).toBe(2);
    const changes = await sg.gql(`query($id: ID!) { project(id: $id) { version changes(sinceVersion: 0) { version op actor } } }`, { id: p.id });
    expect(changes.data.project.changes.map((c: any) => c.version)).toEqual([1, 2]);
    expect(changes.data.project.changes.map((c: any) => c.op)).toEqual(['createProject', 'addComponent']);
  });

  it('creates a project from a template that validates', async () => {
    const p = await createProject('from template', { templateId: 'basic_agent' });
    expect(p.components.map((c) => c.componentId)).toEqual(expect.arrayContaining(['core/input', 'core/llm', 'core/output']));
    const v = await sg.gql(`query($id: ID!) { project(id: $id) { validation { valid errors { code message } warnings { code } } } }`, { id: p.id });
    expect(v.data.project.validation).toMatchObject({ valid: true, errors: [] });
    const missing = await sg.gql(CREATE, { input: { name: 'x', templateId: 'no_such_template' } });
    expect(errorCode(missing)).toBe('NOT_FOUND');
  });
});

describe('graph editing and validation', () => {
  it('builds a graph, moves, reconfigures, disconnects and removes nodes', async () => {
    const p = await createProject('editing');
    const input = await sg.gql(ADD, { p: p.id, c: 'input', config: { name: 'text', type: 'string' }, id: 'in' });
    expect(input.data.addComponent.component).toMatchObject({ id: 'in', componentId: 'core/input', componentVersion: '1.0.0', position: { x: 10, y: 20 } });
    await sg.gql(ADD, { p: p.id, c: 'core/transform', config: { expression: 'upper(value)' }, id: 'up' });
    await sg.gql(ADD, { p: p.id, c: 'output', config: { name: 'result' }, id: 'out' });

    const before = await sg.gql(`query($id: ID!) { project(id: $id) { validation { valid errors { code nodeId port } warnings { code nodeId } } } }`, {
      id: p.id,
    });
    expect(before.data.project.validation.valid).toBe(false);
    expect(before.data.project.validation.errors).toEqual(expect.arrayContaining([{ code: 'MISSING_INPUT', nodeId: 'up', port: 'value' }]));
    expect(before.data.project.validation.warnings.map((w: any) => w.code)).toContain('DISCONNECTED');

    const c1 = await sg.gql(CONNECT, { p: p.id, s: 'in', sp: 'value', t: 'up', tp: 'value' });
    expect(c1.errors).toBeUndefined();
    const c2 = await sg.gql(CONNECT, { p: p.id, s: 'up', sp: 'value', t: 'out', tp: 'value' });
    const after = await sg.gql(
      `query($id: ID!) { project(id: $id) { version validation { valid errors { code } warnings { code } } connections { id sourceId targetId } } }`,
      { id: p.id },
    );
    expect(after.data.project.validation).toEqual({ valid: true, errors: [], warnings: [] });
    expect(after.data.project.connections).toHaveLength(2);

    const moved = await sg.gql(
      `mutation($p: ID!) { moveComponent(projectId: $p, nodeId: "up", position: {x: 300, y: 40}) { component { position { x y } } } }`,
      { p: p.id },
    );
    expect(moved.data.moveComponent.component.position).toEqual({ x: 300, y: 40 });
    const reconf = await sg.gql(
      `mutation($p: ID!) { updateComponentConfig(projectId: $p, nodeId: "up", config: {expression: "lower(value)"}, label: "Lower", settings: {retries: 2, onError: CONTINUE}) { component { config label settings { retries onError } } } }`,
      { p: p.id },
    );
    expect(reconf.data.updateComponentConfig.component).toEqual({
      config: { expression: 'lower(value)' },
      label: 'Lower',
      settings: { retries: 2, onError: 'CONTINUE' },
    });

    const connectionId = c2.data.connect.connection.id;
    const dis = await sg.gql(`mutation($p: ID!, $c: ID!) { disconnect(projectId: $p, connectionId: $c) { project { connections { id } } } }`, {
      p: p.id,
      c: connectionId,
    });
    expect(dis.data.disconnect.project.connections).toHaveLength(1);
    const removed = await sg.gql(`mutation($p: ID!) { removeComponent(projectId: $p, nodeId: "in") { project { components { id } connections { id } } } }`, {
      p: p.id,
    });
    expect(removed.data.removeComponent.project).toEqual({ components: [{ id: 'up' }, { id: 'out' }], connections: [] });
  });

  it('refuses invalid edges naming the port and the reason', async () => {
    const p = await createProject('bad edges');
    await sg.gql(ADD, { p: p.id, c: 'core/constant', config: { value: 'x' }, id: 'k' });
    await sg.gql(ADD, { p: p.id, c: 'core/length', config: {}, id: 'len' });
    await sg.gql(ADD, { p: p.id, c: 'core/transform', config: { expression: 'value' }, id: 't1' });
    await sg.gql(ADD, { p: p.id, c: 'core/transform', config: { expression: 'value' }, id: 't2' });

    const unknownPort = await sg.gql(CONNECT, { p: p.id, s: 'k', sp: 'nope', t: 't1', tp: 'value' });
    expect(errorCode(unknownPort)).toBe('INVALID_GRAPH');
    expect(unknownPort.errors![0].message).toMatch(/no output port "nope"/);
    expect(unknownPort.errors![0].extensions.issues[0]).toMatchObject({ code: 'UNKNOWN_PORT', port: 'nope' });

    const unknownNode = await sg.gql(CONNECT, { p: p.id, s: 'k', sp: 'value', t: 'ghost', tp: 'value' });
    expect(errorCode(unknownNode)).toBe('NOT_FOUND');

    // length returns a number; join's `items` wants an array.
    await sg.gql(ADD, { p: p.id, c: 'core/join', config: {}, id: 'j' });
    const mismatch = await sg.gql(CONNECT, { p: p.id, s: 'len', sp: 'length', t: 'j', tp: 'items' });
    expect(errorCode(mismatch)).toBe('INVALID_GRAPH');
    expect(mismatch.errors![0].extensions.issues[0]).toMatchObject({ code: 'TYPE_MISMATCH', port: 'items' });

    expect((await sg.gql(CONNECT, { p: p.id, s: 't1', sp: 'value', t: 't2', tp: 'value' })).errors).toBeUndefined();
    const cycle = await sg.gql(CONNECT, { p: p.id, s: 't2', sp: 'value', t: 't1', tp: 'value' });
    expect(errorCode(cycle)).toBe('INVALID_GRAPH');
    expect(cycle.errors![0].message).toMatch(/cycle/);

    const version = (await sg.gql(`query($id: ID!) { project(id: $id) { version connections { id } } }`, { id: p.id })).data.project;
    expect(version.connections).toHaveLength(1); // refused edits changed nothing
  });

  it('lists the offending config fields and refuses unknown components', async () => {
    const p = await createProject('bad config');
    const bad = await sg.gql(ADD, { p: p.id, c: 'core/classifier', config: { labels: ['only-one'], temperature: 'hot' } });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    const fields = bad.errors![0].extensions.issues.map((i: any) => i.field);
    expect(fields).toContain('/labels');
    const unknown = await sg.gql(ADD, { p: p.id, c: 'core/teleport', config: {} });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
    const missing = await sg.gql(ADD, { p: '00000000-0000-0000-0000-000000000000', c: 'core/constant', config: { value: 1 } });
    expect(errorCode(missing)).toBe('NOT_FOUND');
  });
});

describe('federation across the six subgraphs', () => {
  it('answers one query touching all six subgraphs', async () => {
    await createProject('six', { templateId: 'basic_agent' });
    const result = await sg.gql(
      `{ projects(first: 100) { nodes { id name components { id component { id name inputs { name type } } } artifacts { id } debugSessions { id } deployments { id } suggestions { id } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const six = result.data.projects.nodes.find((n: any) => n.name === 'six');
    expect(six.components.find((c: any) => c.component.id === 'core/llm').component).toMatchObject({
      name: 'LLM',
      inputs: expect.arrayContaining([{ name: 'prompt', type: 'string' }]),
    });
    expect(six).toMatchObject({ artifacts: [], debugSessions: [], deployments: [], suggestions: [] });
  });

  it('batches 50 projects into one _entities request and one SQL statement per extending subgraph', async () => {
    for (let i = 0; i < 50; i++) await createProject(`batch ${i}`);
    const names = ['codegen', 'debugger', 'deployment', 'assistant'] as const;
    const before = names.map((n) => ({ entity: sg.launched.subgraphs[n]!.stats.entityRequests, db: sg.launched.subgraphs[n]!.stats.dbQueries }));
    const result = await sg.gql(`{ projects(first: 60) { nodes { id artifacts { id } debugSessions { id } deployments { id } suggestions { id } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.projects.nodes.length).toBeGreaterThanOrEqual(50);
    names.forEach((n, i) => {
      expect(sg.launched.subgraphs[n]!.stats.entityRequests - before[i].entity).toBe(1);
      expect(sg.launched.subgraphs[n]!.stats.dbQueries - before[i].db).toBe(1);
    });
  });
  it("reads every listed project's runs in one statement, each project's newest first", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createProject(`runs ${i}`, { templateId: 'priority_router' })).id);
    for (const [i, id] of ids.entries())
      for (let r = 0; r <= i; r++) {
        const run = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, inputs: {score: 65}) { status } }`, { p: id });
        expect(run.data?.executeWorkflow.status).toBe('SUCCEEDED');
      }
    const workflow = sg.launched.subgraphs.workflow!.stats;
    const list = (runs: string) => sg.gql(`{ projects(first: 100) { nodes { id ${runs} } } }`);
    const statements = async (runs: string) => {
      const before = workflow.dbQueries;
      const result = await list(runs);
      expect(result.errors).toBeUndefined();
      return { result, count: workflow.dbQueries - before };
    };
    const bare = await statements('');
    const withRuns = await statements('runs(first: 2) { id projectId createdAt }');
    expect(withRuns.count - bare.count).toBe(1);
    const byProject = new Map(withRuns.result.data.projects.nodes.map((p: any) => [p.id, p.runs]));
    expect(ids.map((id) => (byProject.get(id) as any[]).length)).toEqual([1, 2, 2]);
    const newest = byProject.get(ids[2]) as { projectId: string; createdAt: string }[];
    expect(newest.every((r) => r.projectId === ids[2])).toBe(true);
    expect(newest[0].createdAt >= newest[1].createdAt).toBe(true);
  });
});

describe('bad input never yields a 500', () => {
  it('answers malformed GraphQL, unknown fields and malformed JSON with client errors', async () => {
    const syntax = await sg.gql('{ projects(first: ');
    expect(syntax.status).toBe(400);
    expect(errorCode(syntax)).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await sg.gql('{ nope }');
    expect(unknown.status).toBe(400);
    expect(errorCode(unknown)).toBe('GRAPHQL_VALIDATION_FAILED');
    const raw = await request(`${sg.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(raw.statusCode).toBe(400);
    await raw.body.text();
    const badVar = await sg.gql(`query($id: ID!) { project(id: $id) { id } }`, { id: { not: 'an id' } });
    expect(badVar.status).toBe(400);
    const tooMany = await sg.gql(`{ projects(first: 1000) { totalCount } }`);
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
  });

  it('refuses direct subgraph calls that do not carry the router token', async () => {
    const direct = await postGraphQL(`${sg.launched.config.urls.workflow}/graphql`, '{ projects { totalCount } }');
    expect(direct.status).toBe(401);
    expect(errorCode(direct)).toBe('UNAUTHENTICATED');
    const entities = await postGraphQL(
      `${sg.launched.config.urls.codegen}/graphql`,
      '{ _entities(representations: [{__typename: "Project", id: "x"}]) { ... on Project { artifacts { id } } } }',
    );
    expect(entities.status).toBe(401);
  });
});

describe('degraded mode', () => {
  it('stays up with a subgraph stopped, reports it, and serves what does not need it', async () => {
    const p = await createProject('degraded');
    await sg.launched.stop('debugger');
    try {
      const health = await request(`${sg.url}/health`);
      const body = (await health.body.json()) as any;
      expect(body.status).toBe('degraded');
      expect(body.down).toEqual(['debugger']);
      expect(body.services.debugger.status).toBe('unreachable');
      expect(body.services.workflow_engine.status).toBe('healthy');

      const ok = await sg.gql(`query($id: ID!) { project(id: $id) { id name artifacts { id } } }`, { id: p.id });
      expect(ok.errors).toBeUndefined();
      expect(ok.data.project.name).toBe('degraded');

      const partial = await sg.gql(`query($id: ID!) { project(id: $id) { id name debugSessions { id } } }`, { id: p.id });
      expect(partial.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'debugger' });
      expect(JSON.stringify(partial.errors)).not.toMatch(/127\.0\.0\.1/);
    } finally {
      await sg.launched.restart('debugger');
    }
    const healthy = (await (await request(`${sg.url}/health`)).body.json()) as any;
    expect(healthy.status).toBe('healthy');
  });
});
