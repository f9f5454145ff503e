/**
 * Legacy clients of the workflow engine and the component registry, through the router's REST shim: the original
 * request bodies, the original response shapes, real status codes on every error path.
 */
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { expectError, expectOk, restClient, type RestClient } from './rest-client';

let sg: TestSupergraph;
let api: RestClient;

beforeAll(async () => {
  sg = await startTestSupergraph();
  api = restClient(sg.url);
});
afterAll(async () => {
  await sg?.close();
});

const newProject = async (name = 'Legacy', extra: Record<string, unknown> = {}) => expectOk(await api.post('/projects', { name, description: '', ...extra }));

describe('projects', () => {
  test('POST /projects creates an empty project in the original shape', async () => {
    const project = await newProject('Empty', { agent_id: 'agent-7' });
    expect(project).toMatchObject({ name: 'Empty', description: '', agent_id: 'agent-7', template_id: null, components: {}, connections: [] });
    expect(project.metadata).toMatchObject({ status: 'draft', version: 1 });
    expect(Date.parse(project.metadata.created_at)).not.toBeNaN();
  });

  test('POST /projects with template_id copies the template graph, with the original library keys', async () => {
    const project = await newProject('From template', { template_id: 'basic_agent' });
    expect(Object.keys(project.components).sort()).toEqual(['agent', 'answer', 'prompt', 'question']);
    expect(project.components.agent).toMatchObject({ type: 'ai', component_id: 'llm', metadata: { canonical_id: 'core/llm' } });
    expect(project.components.question).toMatchObject({ type: 'data', component_id: 'input', config: { name: 'question' } });
    expect(project.connections).toContainEqual(expect.objectContaining({ source: 'agent', source_port: 'text', target: 'answer', target_port: 'value' }));
  });

  test('POST /projects refuses bad bodies with the field and the reason', async () => {
    let body = expectError(await api.post('/projects', { description: '' }), 400, 'BAD_USER_INPUT');
    expect(body.data.errors).toEqual([{ field: 'name', reason: 'is required' }]);
    body = expectError(await api.post('/projects', { name: 42, description: '' }), 400);
    expect(body.message).toContain('name must be string');
    expectError(await api.post('/projects', { name: '', description: '' }), 400);
    expectError(await api.post('/projects', { name: 'x', description: '', template_id: 'no_such_template' }), 404, 'NOT_FOUND');
    expectError(await api.post('/projects', '{"name": "x",'), 400, 'BAD_REQUEST');
    expectError(await api.post('/projects', '[1, 2]'), 400);
    expectError(
      await api.send('POST', '/projects', 'name=x&description=', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(await api.send('POST', '/projects', 'hello', { 'content-type': 'text/plain' }), 415);
    expectError(await api.post('/projects', { name: 'x', description: 'y'.repeat(1_100_000) }), 413, 'LIMIT_EXCEEDED');
  });

  test('GET /projects honours ?limit=&offset= and GET/DELETE /projects/{id} answer 404 for unknown ids', async () => {
    const all = expectOk(await api.get('/projects?limit=100')).projects.map((p: { id: string }) => p.id);
    expect(all.length).toBeGreaterThanOrEqual(2);
    const second = expectOk(await api.get('/projects?limit=1&offset=1'));
    expect(second).toMatchObject({ count: 1, total: all.length, limit: 1, offset: 1 });
    expect(second.projects[0].id).toBe(all[1]);
    expect(expectOk(await api.get(`/projects?offset=${all.length}`)).projects).toEqual([]);
    expectError(await api.get('/projects?limit=abc'), 400);
    expectError(await api.get('/projects?limit=0'), 400);
    expectError(await api.get('/projects?offset=-1'), 400);

    const project = await newProject('Doomed');
    expect(expectOk(await api.get(`/projects/${project.id}`)).name).toBe('Doomed');
    expect(expectOk(await api.del(`/projects/${project.id}`))).toEqual({ status: 'deleted', project_id: project.id });
    expectError(await api.get(`/projects/${project.id}`), 404, 'NOT_FOUND');
    expectError(await api.del(`/projects/${project.id}`), 404, 'NOT_FOUND');
  });

  test('a known path with another method answers 405 with Allow', async () => {
    const response = await api.send('PATCH', '/projects', { name: 'x' });
    expectError(response, 405, 'METHOD_NOT_ALLOWED');
    expect(response.headers.allow).toBe('POST, GET');
  });
});

describe('building and running a graph', () => {
  test('add components, connect them and execute with the original field names', async () => {
    const project = await newProject('Pipeline');
    const add = async (component_type: string, component_id: string, config: Record<string, unknown>, x: number) =>
      expectOk(await api.post('/components/add', { project_id: project.id, component_type, component_id, position: { x, y: 0 }, config }));
    const input = await add('data', 'input', { name: 'n' }, 0);
    const double = await add('data', 'transform', { expression: 'value * 2' }, 200);
    const output = await add('data', 'output', { name: 'result' }, 400);
    expect(input).toMatchObject({ status: 'added' });
    expect(input.component_id).toMatch(/^input_[0-9a-f]{8}$/);
    expect(double.component_id).toMatch(/^transform_[0-9a-f]{8}$/);

    const connect = (source_id: string, source_port: string, target_id: string, target_port: string) =>
      api.post('/connections/create', { project_id: project.id, source_id, source_port, target_id, target_port });
    expect(expectOk(await connect(input.component_id, 'value', double.component_id, 'value'))).toMatchObject({
      status: 'connected',
      connection: { source: input.component_id, target_port: 'value' },
    });
    expectOk(await connect(double.component_id, 'value', output.component_id, 'value'));

    const stored = expectOk(await api.get(`/projects/${project.id}`));
    expect(stored.components[double.component_id]).toMatchObject({
      type: 'data',
      component_id: 'transform',
      position: { x: 200, y: 0 },
      config: { expression: 'value * 2' },
    });
    expect(stored.connections).toHaveLength(2);

    const run = expectOk(await api.post('/workflows/execute', { project_id: project.id, inputs: { n: 21 } }));
    expect(run).toMatchObject({ status: 'executed', outputs: { result: 42 } });
    expect(run.steps.map((s: { component_id: string }) => s.component_id)).toEqual([input.component_id, double.component_id, output.component_id]);

    // A run that fails: 422 with the error envelope carrying the run's own code and message (no model is configured here).
    const agent = await newProject('Agent without a model', { template_id: 'basic_agent' });
    const failed = expectError(await api.post('/workflows/execute', { project_id: agent.id, inputs: { question: 'hi' } }), 422, 'LLM_NOT_CONFIGURED');
    expect(failed.message).toContain('LLM_BASE_URL');
    expect(failed.data).toMatchObject({ run_status: 'failed', run_id: expect.any(String) });
    expect(failed.data.steps.some((s: { status: string }) => s.status === 'failed')).toBe(true);

    // Edges that break the graph: 400 with the reason; unknown nodes: 404.
    let body = expectError(await connect(output.component_id, 'value', input.component_id, 'value'), 400);
    expect(body.message).toMatch(/port|input/i);
    body = expectError(await connect(double.component_id, 'value', input.component_id, 'nope'), 400, 'INVALID_GRAPH');
    expect(body.message).toContain('nope');
    expectError(await connect('ghost', 'value', output.component_id, 'value'), 404, 'NOT_FOUND');
    const extra = await add('data', 'transform', { expression: 'value + 1' }, 600);
    expectOk(await connect(double.component_id, 'value', extra.component_id, 'value'));
    body = expectError(await connect(extra.component_id, 'value', double.component_id, 'value'), 400);
    expect(body.message.toLowerCase()).toMatch(/cycle|already connected/);
  });

  test('component and project errors of /components/add and /workflows/execute', async () => {
    const project = await newProject('Errors');
    const add = (body: Record<string, unknown>) => api.post('/components/add', { project_id: project.id, position: { x: 0, y: 0 }, ...body });
    expectError(await add({ component_type: 'ai', component_id: 'no_such_component' }), 404, 'NOT_FOUND');
    const wrongCategory = expectError(await add({ component_type: 'logic', component_id: 'llm' }), 404);
    expect(wrongCategory.message).toContain('"ai"');
    expectError(await api.post('/components/add', { project_id: 'nope', component_type: 'data', component_id: 'input', position: { x: 0, y: 0 } }), 404);
    const missing = expectError(await add({ component_type: 'data', component_id: 'input', position: { x: 'left' } }), 400);
    expect(missing.data.errors).toEqual(
      expect.arrayContaining([
        { field: 'position.x', reason: 'must be number' },
        { field: 'position.y', reason: 'is required' },
      ]),
    );
    // A draft: the seed body without config is accepted; validation says what is missing; a wrong value is refused.
    const draft = expectOk(await api.post('/components/add', { project_id: project.id, component_type: 'data', component_id: 'transform' }));
    expect(draft).toMatchObject({ status: 'added' });
    expectError(await add({ component_type: 'data', component_id: 'transform', config: { expression: 42 } }), 400, 'BAD_USER_INPUT');

    // An input with no producer blocks execution: 422 with the issues.
    expectOk(await add({ component_type: 'data', component_id: 'output', config: { name: 'out' } }));
    const invalid = expectError(await api.post('/workflows/execute', { project_id: project.id }), 422, 'INVALID_GRAPH');
    expect(invalid.data.issues?.length ?? invalid.message.length).toBeGreaterThan(0);
    expectError(await api.post('/workflows/execute', { project_id: 'nope' }), 404);
    expectError(await api.post('/workflows/execute', { project_id: project.id, inputs: 'x' }), 400);
  });
});

describe('component library', () => {
  test('GET /components/library groups by category under the original keys', async () => {
    const library = expectOk(await api.get('/components/library'));
    expect(Object.keys(library.categories)).toEqual(expect.arrayContaining(['ai', 'data', 'logic']));
    for (const [category, key] of [
      ['logic', 'condition'],
      ['logic', 'loop'],
      ['logic', 'function'],
      ['data', 'input'],
      ['data', 'output'],
      ['data', 'transform'],
      ['ai', 'llm'],
      ['ai', 'classifier'],
      ['ai', 'embedder'],
    ]) {
      expect(library.categories[category][key]).toMatchObject({ name: expect.any(String), ports: { inputs: expect.any(Array), outputs: expect.any(Array) } });
    }
    expect(library.categories.logic.condition.ports.outputs.map((p: { name: string }) => p.name)).toEqual(['true', 'false']);
    expect(library.total).toBeGreaterThanOrEqual(24);
    const searched = expectOk(await api.get('/components/library?search=classif'));
    expect(searched.total).toBe(1);
  });

  test('category and component reads; 404 for unknown ones', async () => {
    const ai = expectOk(await api.get('/components/ai'));
    expect(ai).toMatchObject({ category: 'ai', count: 3 });
    expect(Object.keys(ai.components).sort()).toEqual(['classifier', 'embedder', 'llm']);
    expectError(await api.get('/components/no_such_category'), 404);
    expect(expectOk(await api.get('/components/ai/llm'))).toMatchObject({ component_id: 'llm', name: expect.any(String), metadata: { id: 'core/llm' } });
    expect(expectOk(await api.get('/components/ai/core%2Fllm')).metadata.id).toBe('core/llm');
    expectError(await api.get('/components/logic/llm'), 404);
  });

  test('custom component CRUD in the original body shape; built-ins are read-only', async () => {
    const body = {
      id: 'shout',
      name: 'Shout',
      category: 'text',
      ports: { inputs: ['text'], outputs: [{ name: 'loud', type: 'string' }] },
      metadata: { description: 'Upper-cases', version: '1.2.0' },
      default_config: { suffix: '!' },
    };
    const created = expectOk(await api.post('/components/text', body));
    expect(created).toMatchObject({
      component_id: 'shout',
      name: 'Shout',
      category: 'text',
      default_config: { suffix: '!' },
      metadata: { version: '1.2.0', description: 'Upper-cases', builtin: false },
    });
    expect(created.ports.inputs[0]).toMatchObject({ name: 'text', type: 'any' });
    expectError(await api.post('/components/text', body), 409, 'CONFLICT');
    expectError(await api.post('/components/other', { ...body, id: 'shout2' }), 400);
    expectError(await api.post('/components/text', { id: 'x' }), 400);

    expect(expectOk(await api.put('/components/text/shout', { name: 'Shout louder' })).name).toBe('Shout louder');
    expect(expectOk(await api.get('/components/text')).components.shout.name).toBe('Shout louder');
    expectError(await api.put('/components/ai/llm', { name: 'Mine' }), 403, 'FORBIDDEN');
    expectError(await api.del('/components/ai/llm'), 403);
    expect(expectOk(await api.del('/components/text/shout'))).toEqual({ status: 'deleted', component_id: 'shout' });
    expectError(await api.del('/components/text/shout'), 404);
  });
});

describe('templates', () => {
  test('GET /templates lists them with their ids; GET /templates/{id}', async () => {
    const list = expectOk(await api.get('/templates'));
    expect(list.templates.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['basic_agent', 'ml_pipeline']));
    expect(list.count).toBe(list.templates.length);
    expect(list.categories).toEqual(expect.arrayContaining(['ai']));
    const basic = expectOk(await api.get('/templates/basic_agent'));
    expect(basic).toMatchObject({ id: 'basic_agent', metadata: { builtin: true } });
    expect(basic.components.agent.component_id).toBe('llm');
    expect(expectOk(await api.get('/templates?category=agent')).templates.every((t: { categories: string[] }) => t.categories.includes('agent'))).toBe(true);
    expectError(await api.get('/templates/nope'), 404);
  });

  test('custom template CRUD from a legacy graph; projects start as a copy of it', async () => {
    const body = {
      id: 'echo_tpl',
      name: 'Echo',
      description: 'in → out',
      categories: ['demo'],
      components: { inp: { component_id: 'input', config: { name: 'x' } }, out: { component_id: 'output', config: { name: 'y' }, position: { x: 300, y: 0 } } },
      connections: [{ source: 'inp', source_port: 'value', target: 'out', target_port: 'value' }],
      metadata: { sample_inputs: { x: 1 }, expected_outputs: { y: 1 } },
    };
    const created = expectOk(await api.post('/templates', body));
    expect(created).toMatchObject({
      id: 'echo_tpl',
      components: { inp: { component_id: 'input', type: 'data' }, out: { position: { x: 300, y: 0 } } },
      metadata: { builtin: false, sample_inputs: { x: 1 } },
    });
    expectError(await api.post('/templates', body), 409);
    const broken = expectError(
      await api.post('/templates', { ...body, id: 'broken', connections: [{ source: 'inp', source_port: 'value', target: 'out', target_port: 'nope' }] }),
      422,
      'INVALID_GRAPH',
    );
    expect(broken.message).toContain('nope');
    expectError(await api.post('/templates', { id: 'x', name: 'x' }), 400);

    const project = await newProject('Copied', { template_id: 'echo_tpl' });
    expect(Object.keys(project.components).sort()).toEqual(['inp', 'out']);
    expect(expectOk(await api.post('/workflows/execute', { project_id: project.id, inputs: { x: 5 } })).outputs).toEqual({ y: 5 });

    expect(expectOk(await api.put('/templates/echo_tpl', { name: 'Echo 2' })).name).toBe('Echo 2');
    expectError(await api.put('/templates/basic_agent', { name: 'Mine' }), 403);
    expectError(await api.put('/templates/nope', { name: 'x' }), 404);
    expect(expectOk(await api.del('/templates/echo_tpl'))).toEqual({ status: 'deleted', template_id: 'echo_tpl' });
    expectError(await api.del('/templates/echo_tpl'), 404);
    expectError(await api.del('/templates/basic_agent'), 403);
  });
});
