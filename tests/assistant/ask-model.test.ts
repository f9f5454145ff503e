/**
 * askAssistant with a model: the supergraph configured with LLM_* pointing at a local fake OpenAI-compatible server
 * (real HTTP). Valid patches become applicable suggestions; invalid ones get one retry and are then dropped (said
 * so); garbage and timeouts fall back to the rules, saying why.
 */
import { startFakeOpenAi, type FakeOpenAi, type FakeOpenAiRequest } from '../support/fake-openai';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { APPLY, ASK, craftedProject } from './assistant-client';
import { CRAFTED } from './crafted-projects';

let fake: FakeOpenAi;
let sg: TestSupergraph;
let projectId: string;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  sg = await startTestSupergraph({ env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake', LLM_TIMEOUT_MS: '1500' } });
});
beforeEach(async () => {
  projectId = (await craftedProject(sg, 'ask model', CRAFTED['network-without-retry'])).id;
  fake.setHandler();
  fake.requests.length = 0;
});
afterAll(async () => {
  await sg?.close();
  await fake?.close();
});

const chats = () => fake.requests.filter((r) => r.path === '/v1/chat/completions');
const reply = (value: unknown) => JSON.stringify(value);
const RETRY_PATCH = [{ op: 'updateNode', nodeId: 'agent', settings: { retries: 3, retryBackoffMs: 250 } }];

async function ask(query: string) {
  const result = await sg.gql(ASK, { p: projectId, q: query });
  expect(result.errors).toBeUndefined();
  return result.data.askAssistant;
}

it('reports the model in capabilities', async () => {
  const caps = await sg.gql(`{ capabilities { modelConfigured model } }`);
  expect(caps.data.capabilities).toEqual({ modelConfigured: true, model: 'fake' });
});

it('sends the graph, the findings and the question, and stores a valid patch as an applicable suggestion', async () => {
  fake.setHandler(() => reply({ answer: 'Retry the model call three times.', patch: RETRY_PATCH }));
  const answer = await ask('How do I make the agent resilient to errors?');
  expect(answer).toMatchObject({ source: 'MODEL', suggestion: 'Retry the model call three times.', category: 'error_handling', patchNote: null });
  expect(answer.proposal).toMatchObject({ source: 'MODEL', status: 'OPEN', kind: 'ERROR_HANDLING', rule: null, patch: RETRY_PATCH, nodeIds: ['agent'] });

  const [request] = chats();
  expect(request.body.response_format).toEqual({ type: 'json_object' });
  const prompt = request.body.messages.map((m: FakeOpenAiRequest['body']) => m.content).join('\n');
  expect(prompt).toContain('- agent: core/llm');
  expect(prompt).toContain('q.value -> agent.prompt');
  expect(prompt).toContain('Remote call without retry');
  expect(prompt).toContain('How do I make the agent resilient to errors?');

  const applied = await sg.gql(APPLY, { id: answer.proposal.id });
  expect(applied.errors).toBeUndefined();
  expect(applied.data.applySuggestion.project.validation.valid).toBe(true);
  const project = await sg.gql(`query($id: ID!) { project(id: $id) { components { id settings { retries retryBackoffMs } } } }`, { id: projectId });
  expect(project.data.project.components.find((c: any) => c.id === 'agent').settings).toEqual({ retries: 3, retryBackoffMs: 250 });
});

it('retries once with the reason when the patch is invalid, and takes the corrected one', async () => {
  const replies = [
    reply({ answer: 'Remove the ghost.', patch: [{ op: 'removeNode', nodeId: 'ghost' }] }),
    reply({ answer: 'Retry instead.', patch: RETRY_PATCH }),
  ];
  fake.setHandler(() => replies.shift());
  const answer = await ask('fix errors');
  expect(chats()).toHaveLength(2);
  expect(chats()[1].body.messages.at(-1).content).toContain('Node "ghost" not found');
  expect(answer).toMatchObject({ source: 'MODEL', suggestion: 'Retry instead.', patchNote: null, proposal: { patch: RETRY_PATCH } });
});

it('drops a patch that is still invalid after the retry, keeps the answer and says so', async () => {
  // Disconnecting the prompt leaves a required input unwired: a new validation error.
  fake.setHandler(() => reply({ answer: 'Disconnect the prompt.', patch: [{ op: 'disconnect', connectionId: 'q.value->agent.prompt' }] }));
  const answer = await ask('simplify this');
  expect(chats()).toHaveLength(2);
  expect(answer).toMatchObject({ source: 'MODEL', suggestion: 'Disconnect the prompt.', proposal: null });
  expect(answer.patchNote).toMatch(/dropped because it would make the project invalid: Required input agent\.prompt/);
});

it('falls back to the rules when the model twice replies with something that is not the JSON asked for', async () => {
  fake.setHandler(() => 'Sure! Here is my answer: {not json');
  const answer = await ask('How do I handle errors?');
  expect(chats()).toHaveLength(2);
  expect(answer).toMatchObject({ source: 'RULES', category: 'error_handling', proposal: null, findings: [{ rule: 'network-without-retry' }] });
  expect(answer.patchNote).toContain('not the JSON asked for');
});

it('falls back to the rules when the model does not answer in time', async () => {
  fake.setHandler(() => ({ delayMs: 5_000 }));
  const started = Date.now();
  const answer = await ask('How do I handle errors?');
  expect(Date.now() - started).toBeLessThan(4_500);
  expect(answer).toMatchObject({ source: 'RULES', proposal: null });
  expect(answer.patchNote).toContain('did not answer');
});
