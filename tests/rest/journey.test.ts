/**
 * The "done when": a client written for the original REST API creates a project from basic_agent, adds
 * components, connects them, executes, generates Python and downloads it, debugs step by step, deploys and asks for
 * suggestions — all through the router's port with the original field names (the model is a fake OpenAI server).
 */
import { request } from 'undici';
import { FAKE_MODEL, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { expectOk, restClient, type RestClient } from './rest-client';

let llm: FakeOpenAi;
let sg: TestSupergraph;
let api: RestClient;

beforeAll(async () => {
  llm = await startFakeOpenAi();
  sg = await startTestSupergraph({ env: { LLM_BASE_URL: llm.url, LLM_MODEL: FAKE_MODEL } });
  api = restClient(sg.url);
});
afterAll(async () => {
  await sg?.close();
  await llm?.close();
});

test('create from basic_agent → add → connect → execute → generate + download → debug → deploy → suggestions', async () => {
  const question = 'What is a workflow graph?';
  const answer = `echo: Answer the question in one short paragraph.\n\nQuestion: ${question}`;

  // 1. A project from the basic_agent template.
  const project = expectOk(await api.post('/projects', { name: 'Support agent', description: 'answers questions', template_id: 'basic_agent' }));
  expect(project.template_id).toBe('basic_agent');

  // 2. Add components: a transform that shouts the answer, and a second output.
  const shout = expectOk(
    await api.post('/components/add', {
      project_id: project.id,
      component_type: 'data',
      component_id: 'transform',
      position: { x: 860, y: 240 },
      config: { expression: 'upper(value)' },
    }),
  );
  const loud = expectOk(
    await api.post('/components/add', {
      project_id: project.id,
      component_type: 'data',
      component_id: 'output',
      position: { x: 1120, y: 240 },
      config: { name: 'loud' },
    }),
  );

  // 3. Connect them.
  for (const body of [
    { source_id: 'agent', source_port: 'text', target_id: shout.component_id, target_port: 'value' },
    { source_id: shout.component_id, source_port: 'value', target_id: loud.component_id, target_port: 'value' },
  ]) {
    expect(expectOk(await api.post('/connections/create', { project_id: project.id, ...body })).status).toBe('connected');
  }

  // 4. Execute: the model really answers (the fake echoes its prompt).
  const run = expectOk(await api.post('/workflows/execute', { project_id: project.id, inputs: { question } }));
  expect(run).toMatchObject({ status: 'executed', outputs: { answer, loud: answer.toUpperCase() } });
  expect(llm.requests.some((r) => r.path === '/v1/chat/completions')).toBe(true);

  // 5. Generate Python and download it.
  const code = expectOk(await api.post('/generate/code', { project_id: project.id, language: 'python' }));
  expect(code.metadata).toMatchObject({ project_name: 'Support agent', component_count: 6, connection_count: 5 });
  const download = await request(`${sg.url}/download/${code.code_id}`);
  expect(download.headers['content-disposition']).toBe(`attachment; filename=generated_python_${code.code_id.slice(0, 8)}.py`);
  expect(await download.body.text()).toBe(code.code);

  // 6. Debug step by step: every node, in data-flow order, then completed with the same outputs.
  const { session_id } = expectOk(await api.post('/debug', { project_id: project.id, inputs: { question } }));
  const visited: string[] = [];
  let state = expectOk(await api.post('/debug/step', { session_id, action: 'step_over' }));
  for (let i = 0; i < 20 && state.state === 'paused'; i++) {
    visited.push(state.current_component);
    state = expectOk(await api.post('/debug/step', { session_id, action: 'step_over' }));
  }
  expect(state.state).toBe('completed');
  expect(visited.slice(0, 3)).toEqual(['question', 'prompt', 'agent']);
  expect(new Set(visited)).toEqual(new Set(['question', 'prompt', 'agent', 'answer', shout.component_id, loud.component_id]));
  expect(state.variable_values.agent).toEqual(expect.objectContaining({ text: answer }));

  // 7. Deploy (target local by default, development): the program runs and answers; the status says so.
  const deployment = expectOk(await api.post('/deploy', { project_id: project.id, environment: 'development' }));
  expect(deployment).toMatchObject({
    target: 'local',
    environment: 'development',
    language: 'python',
    config: { environment: 'development', auto_scale: false },
  });
  let current = deployment;
  for (let i = 0; i < 200 && !['running', 'failed'].includes(current.status); i++) {
    await new Promise((r) => setTimeout(r, 150));
    current = expectOk(await api.get(`/deployments/${deployment.deployment_id}`));
  }
  expect(current).toMatchObject({ status: 'running', endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) });
  const health = await request(`${current.endpoint}/health`);
  expect(health.statusCode).toBe(200);
  await health.body.dump();
  await sg.gql(`mutation($id: ID!) { stopDeployment(id: $id) { status } }`, { id: deployment.deployment_id });

  // 8. Suggestions: ask the assistant, then list the project's open findings.
  const suggestion = expectOk(await api.post('/ai/suggest', { project_id: project.id, query: 'How do I make the model call more reliable?' }));
  expect(suggestion.suggestion).toMatchObject({ suggestion: expect.any(String), priority: expect.stringMatching(/^(critical|high|medium|low)$/) });
  expect(suggestion.suggestion.project_insights).toMatchObject({ total_components: 6, connections_count: 5, has_cycles: false });
  const list = expectOk(await api.get(`/suggestions/${project.id}`));
  expect(list.project_id).toBe(project.id);
  expect(Array.isArray(list.suggestions)).toBe(true);
}, 120_000);
