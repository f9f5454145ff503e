/**
 * The debugger against the outside world (fake OpenAI and HTTP servers on 127.0.0.1): run-to-end equals
 * executeGraph on every template, the live stream, and a restart of the debugger process mid-session that resumes
 * from the journal without executing a side-effecting node again.
 */
import { findBuiltinComponent } from '../../engine/components';
import { executeGraph } from '../../engine/runtime/interpreter';
import type { WorldServices } from '../../engine/runtime/types';
import { worldServicesFromEnv } from '../../engine/runtime/world';
import type { SandboxPool } from '../../engine/sandbox';
import { builtinTemplates, type TemplateDefinition } from '../../engine/templates';
import { SEED_EVENTS_TOPIC, topics, type PlatformEvent } from '../../platform/events';
import type { DebugEventPayload } from '../../subgraphs/debugger/debug-events';
import { startFakeHttpServer, type FakeHttpServer } from '../engine/components/fake-http-server';
import { FAKE_MODEL, startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { debuggerClient, pathOf, projectFromTemplate } from './support';

let sg: TestSupergraph;
let client: ReturnType<typeof debuggerClient>;
let llm: FakeOpenAi;
let http: FakeHttpServer;
/** The direct runs' world, on this thread (its sandbox pool is closed after the file, so no thread outlives it). */
let world: WorldServices;
const env = () => ({ LLM_BASE_URL: llm.url, LLM_MODEL: FAKE_MODEL, HTTP_ALLOWLIST: '127.0.0.1' });

beforeAll(async () => {
  llm = await startFakeOpenAi();
  http = await startFakeHttpServer();
  sg = await startTestSupergraph({ env: env() });
  client = debuggerClient(sg);
  world = worldServicesFromEnv(env());
});
afterAll(async () => {
  await (world?.sandbox as SandboxPool | undefined)?.close();
  await sg?.close();
  await llm?.close();
  await http?.close();
});

const inputsFor = (t: TemplateDefinition) => (t.needs?.includes('http') ? { ...t.sampleInputs, baseUrl: http.baseUrl } : t.sampleInputs);

describe('one interpreter, two drivers', () => {
  it.each(builtinTemplates.map((t) => [t.id, t] as [string, TemplateDefinition]))(
    "%s: a session run to the end gives executeGraph's outputs",
    async (_id, template) => {
      const direct = await executeGraph({
        runId: `direct-${template.id}`,
        graph: template.graph,
        inputs: inputsFor(template),
        resolveComponent: (id) => findBuiltinComponent(id),
        services: world,
      });
      expect(direct.status).toBe('succeeded');
      const project = await projectFromTemplate(sg, template.id);
      const s = await client.start(project, { inputs: inputsFor(template) });
      const done = await client.step(s.id, 'CONTINUE');
      expect(done).toMatchObject({ state: 'COMPLETED', error: null });
      expect(done.outputs).toEqual(direct.outputs);
      expect(done.outputs).toEqual(template.expectedOutputs);
    },
  );
});

describe('live stream', () => {
  it('publishes every debug event after persisting it, in order, and the seed events', async () => {
    const project = await projectFromTemplate(sg, 'ticket_triage');
    const seed: PlatformEvent[] = [];
    const stopSeed = await sg.launched.events.on<PlatformEvent>(SEED_EVENTS_TOPIC, (e) => void (e.type.startsWith('DEBUG_') && seed.push(e)));
    const s = await client.start(project, {
      inputs: { ticket: { subject: 'refund', customer: 'c' } },
      breakpoints: [{ nodeId: 'route' }],
      watches: ['len(keys(vars))'],
    });
    const events: DebugEventPayload[] = [];
    const stop = await sg.launched.events.on(topics.debug(s.id), (e) => void events.push(e as DebugEventPayload));
    await client.step(s.id, 'START');
    const persisted = await client.get(s.id);
    const paused = events.find((e) => e.type === 'PAUSED')!;
    expect(paused).toMatchObject({ sessionId: s.id, state: 'PAUSED', nodeId: 'route', reason: 'BREAKPOINT', frames: [] });
    expect(persisted.state).toBe('PAUSED');
    await client.setVariable(s.id, 'to_billing', 'text', 'edited');
    await client.step(s.id, 'CONTINUE');
    stop();
    stopSeed();
    expect(events.map((e) => e.type)).toEqual([
      'RESUMED',
      ...['ticket', 'is_refund', 'to_billing'].flatMap(() => ['STEP_EXECUTED', 'WATCH_VALUES']),
      'PAUSED',
      'WATCH_VALUES',
      'VARIABLE_CHANGED',
      'WATCH_VALUES',
      'RESUMED',
      ...['route', 'out'].flatMap(() => ['STEP_EXECUTED', 'WATCH_VALUES']),
      'COMPLETED',
      'WATCH_VALUES',
    ]);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => events[0].seq + i));
    expect(events.find((e) => e.type === 'STEP_EXECUTED')!.step).toMatchObject({
      nodeId: 'ticket',
      status: 'succeeded',
      outputs: { value: { subject: 'refund', customer: 'c' } },
    });
    expect(events.find((e) => e.type === 'VARIABLE_CHANGED')!.variable).toEqual({
      nodeId: 'to_billing',
      frames: [],
      port: 'text',
      value: 'edited',
      previous: '[billing] refund (customer c)',
    });
    expect(events.filter((e) => e.type === 'WATCH_VALUES').map((e) => e.watches![0].value)).toEqual([1, 2, 3, 3, 3, 4, 5, 5]);
    expect(events.at(-2)).toMatchObject({ type: 'COMPLETED', state: 'COMPLETED', outputs: { routed: 'edited' } });
    expect(seed.map((e) => [e.type, e.data.sessionId, e.data.action ?? null])).toEqual([
      ['DEBUG_SESSION_STARTED', s.id, null],
      ['DEBUG_STEP_EXECUTED', s.id, 'START'],
      ['DEBUG_STEP_EXECUTED', s.id, 'CONTINUE'],
    ]);
  });
});

describe('restart of the debugger process', () => {
  it('finds the session paused at the same place with the same variables and resumes without re-running the HTTP node', async () => {
    const project = await projectFromTemplate(sg, 'http_user_lookup');
    http.requests.length = 0;
    const s = await client.start(project, { inputs: { baseUrl: http.baseUrl, userId: 3 }, breakpoints: [{ nodeId: 'email' }], watches: ['vars.name.value'] });
    const before = await client.step(s.id, 'START');
    expect(before).toMatchObject({ state: 'PAUSED', currentNodeId: 'email' });
    expect(http.requests).toEqual([{ method: 'GET', url: '/users/3' }]);
    expect((await client.setVariable(s.id, 'name', 'value', 'Rear Admiral Hopper')).errors).toBeUndefined();
    const edited = await client.get(s.id);

    await sg.launched.stop('debugger');
    await sg.launched.restart('debugger');

    const after = await client.get(s.id);
    expect(after).toMatchObject({ state: 'PAUSED', pauseReason: 'BREAKPOINT', currentNodeId: 'email', currentInputs: edited.currentInputs });
    expect(after.variables).toEqual(edited.variables);
    expect(after.watches).toEqual([{ id: 'w1', expression: 'vars.name.value', value: 'Rear Admiral Hopper', error: null }]);
    const done = await client.step(s.id, 'CONTINUE');
    expect(done).toMatchObject({ state: 'COMPLETED', outputs: { name: 'Rear Admiral Hopper', email: 'grace@example.test' } });
    expect(http.requests).toHaveLength(1);
    expect(done.timeline.map((t: any) => t.nodeId)).toEqual(['base_url', 'user_id', 'params', 'url', 'fetch_user', 'name', 'email', 'out_name', 'out_email']);
  });

  it('resumes inside a map iteration after a restart', async () => {
    const project = await projectFromTemplate(sg, 'batch_greetings');
    const s = await client.start(project, { inputs: { names: ['Ada', 'Bob', 'Cy'] }, breakpoints: [{ nodeId: 'greeting', condition: 'iteration == 1' }] });
    expect(pathOf(await client.step(s.id, 'START'))).toBe('greet_each[1]/greeting');
    await sg.launched.stop('debugger');
    await sg.launched.restart('debugger');
    expect(pathOf(await client.get(s.id))).toBe('greet_each[1]/greeting');
    expect(pathOf(await client.step(s.id, 'STEP_OVER'))).toBe('greet_each[1]/result');
    const done = await client.step(s.id, 'CONTINUE');
    expect(done.outputs).toEqual({ greetings: ['Hello, Ada!', 'Hello, Bob!', 'Hello, Cy!'], count: 3 });
    expect(done.timeline.filter((t: any) => t.nodeId === 'greeting')).toHaveLength(3);
  });
});
