/**
 * Pinned data and partial runs through the router (and the REST shim): pins stand in for a node when a run asks for
 * them (PINNED); "execute from here" runs only the node and what it feeds, reusing the last successful run's values
 * upstream (REUSED).
 */
import { expectOk, restClient } from '../rest/rest-client';
import { errorCode, startTestSupergraph, type TestSupergraph } from '../support/supergraph';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
}, 60_000);
afterAll(() => sg?.close());

const RUN = `mutation($p: ID!, $i: JSON, $from: ID, $pins: Boolean) { executeWorkflow(projectId: $p, inputs: $i, fromNodeId: $from, usePinned: $pins) {
  status outputs error { message } steps { nodeId status outputs } } }`;

async function project(): Promise<string> {
  const p = (await sg.gql(`mutation { createProject(input: {name: "Pins"}) { id } }`)).data.createProject.id;
  const edits = [
    { addNode: { id: 'n', componentId: 'core/input', config: { name: 'n', type: 'number' } } },
    { addNode: { id: 'double', componentId: 'core/transform', config: { expression: 'value * 2' } } },
    { addNode: { id: 'plus', componentId: 'core/transform', config: { expression: 'value + 1' } } },
    { addNode: { id: 'r', componentId: 'core/output', config: { name: 'r' } } },
    { addNode: { id: 'neg', componentId: 'core/transform', config: { expression: '0 - value' } } },
    { addNode: { id: 'm', componentId: 'core/output', config: { name: 'm' } } },
    { connect: { sourceId: 'n', sourcePort: 'value', targetId: 'double', targetPort: 'value' } },
    { connect: { sourceId: 'double', sourcePort: 'value', targetId: 'plus', targetPort: 'value' } },
    { connect: { sourceId: 'plus', sourcePort: 'value', targetId: 'r', targetPort: 'value' } },
    { connect: { sourceId: 'n', sourcePort: 'value', targetId: 'neg', targetPort: 'value' } },
    { connect: { sourceId: 'neg', sourcePort: 'value', targetId: 'm', targetPort: 'value' } },
  ];
  const applied = await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { validation { valid } } } }`, {
    p,
    e: edits,
  });
  expect(applied.data.applyGraphEdits.project.validation.valid).toBe(true);
  return p;
}

const statuses = (run: { steps: { nodeId: string; status: string }[] }) => Object.fromEntries(run.steps.map((s) => [s.nodeId, s.status]));

test('pins stand in when asked; execute-from-here reuses the last successful run upstream', async () => {
  const p = await project();
  // "Execute from here" with no run yet: what it needs upstream runs too.
  const cold = (await sg.gql(RUN, { p, i: { n: 5 }, from: 'plus' })).data.executeWorkflow;
  expect(cold).toMatchObject({ status: 'SUCCEEDED', outputs: { r: 11 } });
  expect(statuses(cold)).toEqual({ n: 'SUCCEEDED', double: 'SUCCEEDED', plus: 'SUCCEEDED', r: 'SUCCEEDED' });

  const full = (await sg.gql(RUN, { p, i: { n: 5 } })).data.executeWorkflow;
  expect(full.outputs).toEqual({ r: 11, m: -5 });

  const pinned = await sg.gql(`mutation($p: ID!) { pinNodeOutput(projectId: $p, nodeId: "double", output: {value: 100}) { component { id pinnedOutput } } }`, {
    p,
  });
  expect(pinned.data.pinNodeOutput.component).toEqual({ id: 'double', pinnedOutput: { value: 100 } });

  const withPins = (await sg.gql(RUN, { p, i: { n: 5 }, pins: true })).data.executeWorkflow;
  expect(withPins.outputs).toEqual({ r: 101, m: -5 });
  expect(statuses(withPins)).toMatchObject({ double: 'PINNED', plus: 'SUCCEEDED', neg: 'SUCCEEDED' });
  expect((await sg.gql(RUN, { p, i: { n: 5 } })).data.executeWorkflow.outputs).toEqual({ r: 11, m: -5 });

  // From "plus": only plus and r run; double's value is the last successful run's (10); the other branch is left out.
  const partial = (await sg.gql(RUN, { p, i: { n: 5 }, from: 'plus' })).data.executeWorkflow;
  expect(partial).toMatchObject({ status: 'SUCCEEDED', outputs: { r: 11 } });
  expect(statuses(partial)).toEqual({ double: 'REUSED', plus: 'SUCCEEDED', r: 'SUCCEEDED' });
  const fromPins = (await sg.gql(RUN, { p, i: { n: 5 }, from: 'plus', pins: true })).data.executeWorkflow;
  expect(fromPins.outputs).toEqual({ r: 101 });
  expect(statuses(fromPins)).toEqual({ double: 'PINNED', plus: 'SUCCEEDED', r: 'SUCCEEDED' });

  // REST: the same options on /workflows/execute.
  const rest = expectOk(await restClient(sg.url).post('/workflows/execute', { project_id: p, inputs: { n: 5 }, from_node_id: 'plus', use_pinned: true }));
  expect(rest.outputs).toEqual({ r: 101 });
  expect(rest.steps.map((s: { status: string }) => s.status)).toContain('pinned');

  // The debugger honours pins when asked: the session's run emits the pinned value.
  for (const [usePinned, r] of [
    [true, 101],
    [false, 11],
  ] as const) {
    const session = await sg.gql(`mutation($p: ID!, $pins: Boolean) { startDebugSession(projectId: $p, inputs: {n: 5}, usePinned: $pins) { id } }`, {
      p,
      pins: usePinned,
    });
    expect(session.errors).toBeUndefined();
    const id = session.data.startDebugSession.id;
    await sg.gql(`mutation($id: ID!) { debugStep(sessionId: $id, action: CONTINUE) { id } }`, { id });
    let state: { state: string; outputs: any } = { state: '', outputs: null };
    for (let i = 0; i < 100 && state.state !== 'COMPLETED' && state.state !== 'ERROR'; i++) {
      state = (await sg.gql(`query($id: ID!) { debugSession(id: $id) { state outputs } }`, { id })).data.debugSession;
      if (state.state !== 'COMPLETED') await new Promise((res) => setTimeout(res, 50));
    }
    expect(state).toEqual({ state: 'COMPLETED', outputs: { r, m: -5 } });
  }

  const unpinned = await sg.gql(`mutation($p: ID!) { unpinNodeOutput(projectId: $p, nodeId: "double") { component { pinnedOutput } } }`, { p });
  expect(unpinned.data.unpinNodeOutput.component.pinnedOutput).toBeNull();
  expect((await sg.gql(RUN, { p, i: { n: 5 }, pins: true })).data.executeWorkflow.outputs).toEqual({ r: 11, m: -5 });
});

test('a queued (ASYNC) partial run executes the plan made when it was enqueued', async () => {
  const p = await project();
  expect((await sg.gql(RUN, { p, i: { n: 5 } })).data.executeWorkflow.outputs).toEqual({ r: 11, m: -5 });
  await sg.gql(`mutation($p: ID!) { pinNodeOutput(projectId: $p, nodeId: "double", output: {value: 100}) { project { version } } }`, { p });
  const queued = await sg.gql(
    `mutation($p: ID!) { executeWorkflow(projectId: $p, inputs: {n: 5}, mode: ASYNC, fromNodeId: "plus", usePinned: true) { id status } }`,
    { p },
  );
  expect(queued.errors).toBeUndefined();
  const id = queued.data.executeWorkflow.id;
  // Unpinning and editing after enqueueing changes nothing for this run: its graph and stand-ins were recorded with it.
  await sg.gql(`mutation($p: ID!) { unpinNodeOutput(projectId: $p, nodeId: "double") { project { version } } }`, { p });
  let run: { status: string; outputs: unknown; steps: { nodeId: string; status: string }[] } = { status: 'QUEUED', outputs: null, steps: [] };
  for (let i = 0; i < 200 && (run.status === 'QUEUED' || run.status === 'RUNNING'); i++) {
    await new Promise((res) => setTimeout(res, 50));
    run = (await sg.gql(`query($id: ID!) { run(id: $id) { status outputs steps { nodeId status } } }`, { id })).data.run;
  }
  expect(run.status).toBe('SUCCEEDED');
  expect(run.outputs).toEqual({ r: 101 });
  expect(statuses(run)).toEqual({ double: 'PINNED', plus: 'SUCCEEDED', r: 'SUCCEEDED' });
  // The next run plans again: no pin now, and a pin that stood in last time is not reused, so double runs again.
  const next = (await sg.gql(RUN, { p, i: { n: 5 }, from: 'plus', pins: true })).data.executeWorkflow;
  expect(next.outputs).toEqual({ r: 11 });
  expect(statuses(next)).toEqual({ n: 'SUCCEEDED', double: 'SUCCEEDED', plus: 'SUCCEEDED', r: 'SUCCEEDED' });
});

test('bad pins and unknown start nodes are refused clearly', async () => {
  const p = await project();
  const wrongPort = await sg.gql(`mutation($p: ID!) { pinNodeOutput(projectId: $p, nodeId: "double", output: {nope: 1}) { project { version } } }`, { p });
  expect(errorCode(wrongPort)).toBe('BAD_USER_INPUT');
  expect(wrongPort.errors![0].message).toContain('"nope"');
  expect(
    errorCode(await sg.gql(`mutation($p: ID!) { pinNodeOutput(projectId: $p, nodeId: "ghost", output: {value: 1}) { project { version } } }`, { p })),
  ).toBe('NOT_FOUND');
  expect(errorCode(await sg.gql(`mutation($p: ID!) { pinNodeOutput(projectId: $p, nodeId: "double", output: [1]) { project { version } } }`, { p }))).toBe(
    'BAD_USER_INPUT',
  );
  expect(errorCode(await sg.gql(RUN, { p, i: { n: 1 }, from: 'ghost' }))).toBe('NOT_FOUND');
  // Pins travel with export/import and are undone like any edit.
  await sg.gql(`mutation($p: ID!) { pinNodeOutput(projectId: $p, nodeId: "double", output: {value: 7}) { project { version } } }`, { p });
  const doc = (await sg.gql(`query($p: ID!) { exportProject(id: $p) }`, { p })).data.exportProject;
  expect(doc.graph.nodes.find((n: { id: string }) => n.id === 'double').pinnedOutput).toEqual({ value: 7 });
  const undone = await sg.gql(`mutation($p: ID!) { undo(projectId: $p) { project { components { id pinnedOutput } } } }`, { p });
  expect(undone.data.undo.project.components.find((c: { id: string }) => c.id === 'double').pinnedOutput).toBeNull();
});
