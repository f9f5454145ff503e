/**
 * The legacy WebSockets on the router's port against real collaboration and debug sessions: /ws/{project_id}
 * translates project changes and presence into the original messages and turns component_move / selection_change
 * into the real mutation / presence update; /ws/debug/{session_id} drives a debug session. graphql-ws on /graphql
 * keeps working beside them.
 */
import { collect, wsClient } from '../support/ws-client';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { openLegacySocket, type LegacySocket } from './legacy-socket';
import { expectOk, restClient, type RestClient } from './rest-client';

let sg: TestSupergraph;
let api: RestClient;
const sockets: LegacySocket[] = [];

beforeAll(async () => {
  sg = await startTestSupergraph();
  api = restClient(sg.url);
});
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await sg?.close();
});

const open = async (path: string) => {
  const socket = await openLegacySocket(sg.url, path);
  sockets.push(socket);
  return socket;
};
const newProject = async () => expectOk(await api.post('/projects', { name: 'Shared', description: '' })).id as string;
const addComponent = async (project_id: string, component_id: string, config: Record<string, unknown>, x = 0) =>
  expectOk(await api.post('/components/add', { project_id, component_type: 'data', component_id, position: { x, y: 0 }, config })).component_id as string;

test('/ws/{project_id}: the original collaboration messages, both ways', async () => {
  const projectId = await newProject();
  const alice = await open(`/ws/${projectId}`);
  const bob = await open(`/ws/${projectId}`);
  for (const s of [alice, bob]) {
    await s.waitFor((m) => m.type === 'connected' && m.project_id === projectId);
    await s.waitFor((m) => m.type === 'presence');
  }

  const input = await addComponent(projectId, 'input', { name: 'q' });
  for (const s of [alice, bob]) {
    const added = await s.waitFor((m) => m.type === 'component_added');
    expect(added).toMatchObject({ component_id: input, data: { type: 'data', component_id: 'input', config: { name: 'q' } }, version: 2 });
  }
  const output = await addComponent(projectId, 'output', { name: 'a' }, 300);
  expectOk(await api.post('/connections/create', { project_id: projectId, source_id: input, source_port: 'value', target_id: output, target_port: 'value' }));
  const created = await bob.waitFor((m) => m.type === 'connection_created');
  expect(created.connection).toMatchObject({ source: input, source_port: 'value', target: output, target_port: 'value' });

  // component_move from a client is the real mutation, and its change is echoed to everyone (the sender too).
  alice.send({ type: 'component_move', component_id: input, position: { x: 40, y: 50 } });
  for (const s of [alice, bob]) expect(await s.waitFor((m) => m.type === 'component_move')).toMatchObject({ component_id: input, position: { x: 40, y: 50 } });
  expect(expectOk(await api.get(`/projects/${projectId}`)).components[input].position).toEqual({ x: 40, y: 50 });

  // selection_change goes to the others, not back to the sender; it is real presence (GraphQL sees it).
  alice.send({ type: 'selection_change', selection: [input], cursor: { x: 1, y: 2 } });
  expect(await bob.waitFor((m) => m.type === 'selection_change')).toMatchObject({ selection: [input], cursor: { x: 1, y: 2 }, user_id: 'local' });
  const presence = await sg.gql(`query($id: ID!) { project(id: $id) { presence { selection } } }`, { id: projectId });
  expect(presence.data.project.presence[0].selection).toEqual([input]);
  alice.send({ type: 'ping' });
  await alice.waitFor((m) => m.type === 'pong');
  expect(alice.messages.some((m) => m.type === 'selection_change')).toBe(false);

  // Bad messages are answered, not fatal.
  alice.send('not json');
  expect(await alice.waitFor((m) => m.type === 'error')).toMatchObject({ code: 'BAD_REQUEST' });
  alice.send({ type: 'component_move', component_id: 'ghost', position: { x: 1, y: 1 } });
  expect(await alice.waitFor((m) => m.type === 'error' && m.status === 404)).toMatchObject({ code: 'NOT_FOUND' });
  alice.send({ type: 'teleport' });
  expect(await alice.waitFor((m) => m.type === 'error' && m.message.includes('teleport'))).toMatchObject({ status: 400 });

  // Deleting the project ends the conversation.
  expectOk(await api.del(`/projects/${projectId}`));
  await bob.waitFor((m) => m.type === 'project_deleted');
});

test('/ws/debug/{session_id}: step and watch_variable drive a real debug session', async () => {
  const projectId = await newProject();
  const input = await addComponent(projectId, 'input', { name: 'n' });
  const double = await addComponent(projectId, 'transform', { expression: 'value * 2' }, 200);
  const output = await addComponent(projectId, 'output', { name: 'result' }, 400);
  for (const [source_id, target_id] of [
    [input, double],
    [double, output],
  ]) {
    expectOk(await api.post('/connections/create', { project_id: projectId, source_id, source_port: 'value', target_id, target_port: 'value' }));
  }
  const { session_id } = expectOk(await api.post('/debug', { project_id: projectId, breakpoints: [double], inputs: { n: 5 } }));
  const debug = await open(`/ws/debug/${session_id}`);
  expect(await debug.waitFor((m) => m.type === 'execution_state')).toMatchObject({ data: { session_id, state: 'initialized' } });

  debug.send({ command: 'watch_variable', variable_name: 'runInputs.n' });
  expect(await debug.waitFor((m) => m.type === 'watch_added')).toMatchObject({ variable_name: 'runInputs.n', watch_id: expect.any(String) });

  debug.send({ command: 'step', action: 'start' });
  const paused = await debug.waitFor((m) => m.type === 'execution_state' && m.data.state === 'paused');
  expect(paused.data).toMatchObject({ current_component: double, breakpoints_hit: [double] });
  expect(await debug.waitFor((m) => m.type === 'debug_event' && m.event === 'paused')).toMatchObject({
    session_id,
    component_id: double,
    reason: 'breakpoint',
    state: 'paused',
  });

  debug.send({ command: 'step', action: 'step_over' });
  const executed = await debug.waitFor((m) => m.type === 'debug_event' && m.event === 'step_executed' && m.step.component_id === double);
  expect(executed.step).toMatchObject({ status: 'succeeded', outputs: { value: 10 } });
  const next = await debug.waitFor((m) => m.type === 'execution_state' && m.data.current_component === output);
  expect(next.data.variable_values[double]).toEqual({ value: 10 });

  debug.send({ command: 'step', action: 'teleport' });
  expect(await debug.waitFor((m) => m.type === 'error')).toMatchObject({ status: 400, message: expect.stringContaining('step_over') });
  debug.send({ command: 'step', action: 'continue' });
  expect(await debug.waitFor((m) => m.type === 'execution_state' && m.data.state === 'completed')).toBeDefined();
  expect(await debug.waitFor((m) => m.type === 'debug_event' && m.event === 'completed')).toMatchObject({ outputs: { result: 10 } });
});

test('handshakes for unknown ids or paths are refused with a real status; /graphql still speaks graphql-ws', async () => {
  await expect(openLegacySocket(sg.url, '/ws/no-such-project')).rejects.toMatchObject({ statusCode: 404 });
  await expect(openLegacySocket(sg.url, '/ws/debug/no-such-session')).rejects.toMatchObject({ statusCode: 404 });
  await expect(openLegacySocket(sg.url, '/ws/a/b/c')).rejects.toMatchObject({ statusCode: 404 });
  await expect(openLegacySocket(sg.url, '/elsewhere')).rejects.toMatchObject({ statusCode: 404 });

  const projectId = await newProject();
  const client = wsClient(sg.url);
  const changes = collect(client, `subscription($id: ID!) { projectChanged(projectId: $id) { version op } }`, { id: projectId });
  await changes.waitFor((r) => r.length >= 1);
  await addComponent(projectId, 'input', { name: 'x' });
  await changes.waitFor((r) => r.some((c) => c.projectChanged.op === 'addComponent'));
  changes.stop();
  await client.dispose();
});
