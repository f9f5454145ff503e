/**
 * Legacy clients of the code generator, debugger, deployment and AI assistant through the router's REST shim, and
 * the status a REST client sees when a backing service is down.
 */
import { strFromU8, unzipSync } from 'fflate';
import { request } from 'undici';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { expectError, expectOk, restClient, type RestClient } from './rest-client';

let sg: TestSupergraph;
let api: RestClient;
/** input n → transform (n * 2) → output result */
let project: { id: string; input: string; double: string; output: string };

beforeAll(async () => {
  sg = await startTestSupergraph();
  api = restClient(sg.url);
  const { id } = expectOk(await api.post('/projects', { name: 'Doubler', description: 'doubles n' }));
  const add = async (component_id: string, config: Record<string, unknown>, x: number) =>
    expectOk(await api.post('/components/add', { project_id: id, component_type: 'data', component_id, position: { x, y: 0 }, config })).component_id as string;
  project = {
    id,
    input: await add('input', { name: 'n' }, 0),
    double: await add('transform', { expression: 'value * 2' }, 200),
    output: await add('output', { name: 'result' }, 400),
  };
  for (const [source_id, target_id] of [
    [project.input, project.double],
    [project.double, project.output],
  ]) {
    expectOk(await api.post('/connections/create', { project_id: id, source_id, source_port: 'value', target_id, target_port: 'value' }));
  }
});
afterAll(async () => {
  await sg?.close();
});

describe('code generation', () => {
  test('POST /generate/code with the original defaults, then GET /download/{code_id}', async () => {
    const generated = expectOk(await api.post('/generate/code', { project_id: project.id }));
    expect(generated).toMatchObject({
      language: 'python',
      code: expect.any(String),
      metadata: { project_name: 'Doubler', component_count: 3, connection_count: 2, optimize: true, include_comments: true },
    });
    expect(generated.lines).toBe(generated.code.split('\n').length - (generated.code.endsWith('\n') ? 1 : 0));
    expect(Date.parse(generated.timestamp)).not.toBeNaN();

    const file = await request(`${sg.url}/download/${generated.code_id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename=generated_python_${generated.code_id.slice(0, 8)}.py`);
    expect(await file.body.text()).toBe(generated.code);

    const zip = await request(`${sg.url}/download/${generated.code_id}?format=zip`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-disposition']).toBe(`attachment; filename=generated_python_${generated.code_id.slice(0, 8)}.zip`);
    const files = unzipSync(new Uint8Array(await zip.body.arrayBuffer()));
    const main = Object.keys(files).find((name) => name.endsWith(`/${generated.metadata.main_file}`));
    expect(main && strFromU8(files[main])).toBe(generated.code);

    const js = expectOk(await api.post('/generate/code', { project_id: project.id, language: 'javascript', optimize: false, include_comments: false }));
    const jsFile = await request(`${sg.url}/download/${js.code_id}`);
    expect(jsFile.headers['content-disposition']).toMatch(/^attachment; filename=generated_javascript_[0-9a-f-]{8}\.js$/);
    await jsFile.body.dump();
  });

  test('code generation errors', async () => {
    const unsupported = expectError(await api.post('/generate/code', { project_id: project.id, language: 'cobol' }), 400, 'BAD_USER_INPUT');
    expect(unsupported.message).toMatch(/python.*javascript|javascript.*python/);
    expectError(await api.post('/generate/code', { project_id: 'nope' }), 404);
    const inline = expectError(await api.post('/generate/code', { project: { name: 'inline' } }), 400);
    expect(inline.message).toContain('POST /projects');
    expectError(await api.post('/generate/code', { project_id: project.id, optimize: 'yes' }), 400);
    expectError(await api.get('/download/nope'), 404, 'NOT_FOUND');
    expectError(await api.get('/download/nope?format=tar'), 400);
  });

  test('GET /languages', async () => {
    const languages = expectOk(await api.get('/languages'));
    expect(languages.default).toBe('python');
    expect(languages.languages).toEqual(expect.arrayContaining(['python', 'javascript']));
    expect(languages.details.find((l: { id: string }) => l.id === 'python')).toMatchObject({ file_extension: '.py', implemented: true });
  });
});

describe('debugging', () => {
  test('POST /debug, POST /debug/step through to the end, GET /debug/{id}, GET /debug, DELETE', async () => {
    const created = expectOk(
      await api.post('/debug', { project_id: project.id, breakpoints: [project.double], watch_variables: ['inputs'], inputs: { n: 4 } }),
    );
    expect(created).toEqual({ session_id: expect.any(String), status: 'created', state: 'initialized' });
    const step = async (action: string) => expectOk(await api.post('/debug/step', { session_id: created.session_id, action }));

    const atBreakpoint = await step('start');
    expect(atBreakpoint).toMatchObject({
      session_id: created.session_id,
      state: 'paused',
      current_component: project.double,
      breakpoints_hit: [project.double],
    });
    expect(atBreakpoint.execution_stack).toEqual([project.double]);
    expect(Object.keys(atBreakpoint.variable_values)).toEqual([project.input]);

    const next = await step('step_over');
    expect(next).toMatchObject({ state: 'paused', current_component: project.output });
    expect(next.variable_values[project.double]).toEqual({ value: 8 });

    const done = await step('continue');
    expect(done.state).toBe('completed');
    expect(expectOk(await api.get(`/debug/${created.session_id}`))).toMatchObject({
      session_id: created.session_id,
      state: 'completed',
      project_id: project.id,
    });
    const list = expectOk(await api.get('/debug?state=completed'));
    expect(list.sessions.map((s: { session_id: string }) => s.session_id)).toContain(created.session_id);
    expect(expectOk(await api.del(`/debug/${created.session_id}`))).toMatchObject({ status: 'deleted', session_id: created.session_id });
  });

  test('debug errors', async () => {
    expectError(await api.post('/debug', { project_id: 'nope' }), 404);
    expectError(await api.post('/debug', {}), 400);
    expectError(await api.post('/debug', { project_id: project.id, breakpoints: 'all' }), 400);
    const { session_id } = expectOk(await api.post('/debug', { project_id: project.id, inputs: { n: 1 } }));
    const badAction = expectError(await api.post('/debug/step', { session_id, action: 'jump' }), 400);
    expect(badAction.message).toContain('step_over');
    expectError(await api.post('/debug/step', { session_id: 'nope', action: 'start' }), 404);
    expectError(await api.get('/debug/nope'), 404);
    expectError(await api.del('/debug/nope'), 404);
    expectError(await api.get('/debug?state=sleeping'), 400);
  });
});

describe('deployment', () => {
  test('POST /deploy answers at once; the status moves on; overrides deep-merge; cancel after the end is 409', async () => {
    const templates = expectOk(await api.get('/config/templates'));
    expect(Object.keys(templates)).toEqual(expect.arrayContaining(['development', 'staging', 'production']));

    const started = expectOk(
      await api.post('/deploy', { project_id: project.id, environment: 'staging', target: 'docker', config_overrides: { resources: { replicas: 3 } } }),
    );
    expect(started).toMatchObject({
      project_id: project.id,
      environment: 'staging',
      target: 'docker',
      config: { environment: 'staging', resources: { replicas: 3, cpu: templates.staging.resources.cpu } },
    });
    expect(['pending', 'building', 'deploying', 'ready']).toContain(started.status);

    let current = started;
    for (let i = 0; i < 100 && !['ready', 'failed'].includes(current.status); i++) {
      await new Promise((r) => setTimeout(r, 100));
      current = expectOk(await api.get(`/deployments/${started.deployment_id}`));
    }
    expect(current.status).toBe('ready');
    expect(current.logs.length).toBeGreaterThan(0);
    expect(current.logs[0]).toMatchObject({ timestamp: expect.any(String), level: expect.any(String), message: expect.any(String) });

    const listed = expectOk(await api.get(`/deployments?project_id=${project.id}`));
    expect(listed.deployments.map((d: { deployment_id: string }) => d.deployment_id)).toContain(started.deployment_id);
    expectError(await api.del(`/deployments/${started.deployment_id}`), 409, 'CONFLICT');
  });

  test('deployment errors', async () => {
    const environment = expectError(await api.post('/deploy', { project_id: project.id, environment: 'moon' }), 400);
    expect(environment.data.errors[0]).toMatchObject({ field: 'environment' });
    expectError(await api.post('/deploy', { project_id: 'nope' }), 404);
    expectError(await api.post('/deploy', { project_id: project.id, config_overrides: { resources: { replicas: 'many' } } }), 400);
    expectError(await api.get('/deployments'), 400);
    expectError(await api.get('/deployments/nope'), 404);
    expectError(await api.del('/deployments/nope'), 404);
  });
});

describe('AI assistance', () => {
  test('POST /ai/suggest in the original shape (rules answer without a model)', async () => {
    const answer = expectOk(await api.post('/ai/suggest', { project_id: project.id, query: 'How should I handle errors?', context: { editor: 'legacy' } }));
    expect(answer).toMatchObject({ project_id: project.id, query: 'How should I handle errors?', timestamp: expect.any(String) });
    expect(['critical', 'high', 'medium', 'low']).toContain(answer.suggestion.priority);
    expect(answer.suggestion).toMatchObject({
      suggestion: expect.any(String),
      code_snippets: expect.any(Array),
      best_practices: expect.any(Array),
      source: 'rules',
    });
    expect(answer.suggestion.project_insights).toEqual({
      total_components: 3,
      component_types: ['core/input', 'core/output', 'core/transform'],
      connections_count: 2,
      has_cycles: false,
    });
    expectError(await api.post('/ai/suggest', { project_id: project.id }), 400);
    expectError(await api.post('/ai/suggest', { project_id: 'nope', query: 'x' }), 404);
  });

  test('POST /ai/optimize, GET /suggestions/{project_id}, GET /capabilities', async () => {
    const code = 'xs = [1, 2]\nfor i in range(len(xs)):\n    print(xs[i])\n';
    const optimized = expectOk(await api.post('/ai/optimize', { project_id: project.id, code }));
    expect(optimized).toMatchObject({ original_code: code, language: 'python', optimized_code: expect.any(String) });
    expect(optimized.optimizations.length).toBeGreaterThan(0);
    expect(optimized.optimizations[0]).toMatchObject({ rule: expect.any(String), line: expect.any(Number) });
    expectError(await api.post('/ai/optimize', { language: 'python' }), 400);

    const open = expectOk(await api.get(`/suggestions/${project.id}`));
    expect(open).toMatchObject({ project_id: project.id, count: open.suggestions.length });
    for (const s of open.suggestions)
      expect(s).toMatchObject({ status: 'open', priority: expect.stringMatching(/^(critical|high|medium|low)$/), suggestion: expect.any(String) });
    expect(expectOk(await api.get(`/suggestions/${project.id}?status=all`)).count).toBeGreaterThanOrEqual(open.count);
    expectError(await api.get('/suggestions/nope'), 404);
    expectError(await api.get('/suggestions/nope?status=all'), 404);

    const capabilities = expectOk(await api.get('/capabilities'));
    expect(capabilities).toMatchObject({ model_configured: false, ask_categories: expect.arrayContaining(['security']) });
    expect(capabilities.analysis_rules[0]).toMatchObject({ id: expect.any(String), priority: expect.any(String), auto_fix: expect.any(Boolean) });
  });
});

describe('a backing service down', () => {
  test('is a 502 naming the service, never a 500; the other routes still answer', async () => {
    await sg.launched.stop('assistant');
    const down = expectError(await api.get('/capabilities'), 502, 'SERVICE_UNAVAILABLE');
    expect(down.message).toContain('assistant');
    expect(down.message).not.toMatch(/127\.0\.0\.1|http:/);
    expectOk(await api.get('/languages'));
  });
});
