/**
 * Subscriptions over real graphql-ws clients against the real supergraph: replay + live ordering across a
 * reconnect, presence with expiry, run events, the seed event bus, queries and mutations over the socket,
 * entity fields resolved once per event and selection, alias-aware.
 */
import { topicStats } from '../../router/subscriptions/topic-stream';
import { collect, wsClient } from '../support/ws-client';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { toEditInputs } from '../../engine/model/edit-input';
import type { GraphEdit } from '../../engine/model/edits';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
});
afterAll(async () => {
  await sg?.close();
});

async function newProject(name: string): Promise<string> {
  const r = await sg.gql(`mutation($n: String!) { createProject(input: {name: $n}) { id } }`, { n: name });
  return r.data.createProject.id;
}
const addConstant = (p: string, id: string) =>
  sg.gql(`mutation($p: ID!, $id: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: $id, config: {value: 1}) { project { version } } }`, {
    p,
    id,
  });

const CHANGED = `subscription($p: ID!, $since: Int) { projectChanged(projectId: $p, sinceVersion: $since) { version op replayed } }`;

describe('projectChanged', () => {
  it('replays the log, then streams live changes, with no gap and no duplicate across a reconnect', async () => {
    const p = await newProject('collab');
    for (let i = 0; i < 3; i++) await addConstant(p, `n${i}`); // versions 2..4
    const client = wsClient(sg.url);
    const first = collect(client, CHANGED, { p, since: 0 });
    await first.waitFor((r) => r.length === 4);
    for (let i = 3; i < 6; i++) await addConstant(p, `n${i}`); // versions 5..7
    const got = await first.waitFor((r) => r.length === 7);
    expect(got.map((r) => r.projectChanged.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(got.map((r) => r.projectChanged.replayed)).toEqual([true, true, true, true, false, false, false]);
    first.stop();

    // Reconnect from the last version seen while edits keep coming.
    const edits = (async () => {
      for (let i = 6; i < 16; i++) await addConstant(p, `n${i}`); // versions 8..17
    })();
    const again = collect(client, CHANGED, { p, since: 7 });
    await edits;
    const resumed = await again.waitFor((r) => r.length >= 10 && r[r.length - 1].projectChanged.version === 17);
    expect(resumed.map((r) => r.projectChanged.version)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    again.stop();
    await client.dispose();
  });

  it('resolves the project field through the gateway, alias-aware, once per event and selection', async () => {
    const p = await newProject('entity fields');
    const clients = [wsClient(sg.url), wsClient(sg.url), wsClient(sg.url)];
    const query = `subscription($p: ID!) { projectChanged(projectId: $p, sinceVersion: 1) { v: version project { title: name n: version components { id } } } }`;
    const subs = clients.map((c) => collect(c, query, { p }));
    await new Promise((r) => setTimeout(r, 300));
    const before = sg.launched.router!.subscriptions.entities.fetches;
    await addConstant(p, 'k');
    const results = await Promise.all(subs.map((s) => s.waitFor((r) => r.length === 1)));
    for (const r of results) expect(r[0].projectChanged).toEqual({ v: 2, project: { title: 'entity fields', n: 2, components: [{ id: 'k' }] } });
    expect(sg.launched.router!.subscriptions.entities.fetches - before).toBe(1);
    subs.forEach((s) => s.stop());
    await Promise.all(clients.map((c) => c.dispose()));
  });

  it('refuses an unknown project and ends when the project is deleted', async () => {
    const client = wsClient(sg.url);
    const missing = collect(client, CHANGED, { p: 'no-such-project', since: 0 });
    await expect(missing.waitFor(() => false, 5_000)).rejects.toThrow(/not found/);
    const p = await newProject('to delete');
    const sub = collect(client, CHANGED, { p, since: 1 });
    await new Promise((r) => setTimeout(r, 200));
    await sg.gql(`mutation($p: ID!) { deleteProject(id: $p) { deleted } }`, { p });
    await sub.waitFor((r) => r.some((x) => x.projectChanged.op === 'deleteProject'));
    await new Promise((r) => setTimeout(r, 100));
    expect(sub.completed).toBe(true);
    await client.dispose();
  });
});

describe('subscription lifetime', () => {
  it('stops listening as soon as the client goes away, without waiting for another event', async () => {
    const p = await newProject('idle');
    const baseline = topicStats.open;
    const client = wsClient(sg.url);
    const sub = collect(client, CHANGED, { p, since: 0 });
    await sub.waitFor((r) => r.length === 1);
    expect(topicStats.open).toBe(baseline + 1);
    await client.dispose();
    const deadline = Date.now() + 2_000;
    while (topicStats.open > baseline && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(topicStats.open).toBe(baseline);
  });
});

describe('presence', () => {
  it('sends a snapshot, then joins, updates and expiry', async () => {
    const p = await newProject('presence');
    await sg.gql(`mutation($p: ID!) { updatePresence(projectId: $p, cursor: {x: 1, y: 2}, selection: ["a"]) { userId } }`, { p });
    const client = wsClient(sg.url);
    const sub = collect(client, `subscription($p: ID!) { presence(projectId: $p) { kind entries { userId cursor { x y } selection } } }`, { p });
    await sub.waitFor((r) => r.length === 1);
    expect(sub.results[0].presence).toEqual({ kind: 'SNAPSHOT', entries: [{ userId: 'local', cursor: { x: 1, y: 2 }, selection: ['a'] }] });
    await sg.gql(`mutation($p: ID!) { updatePresence(projectId: $p, cursor: {x: 5, y: 6}, selection: ["b"], ttlSeconds: 1) { userId } }`, { p });
    await sub.waitFor((r) => r.length === 2);
    expect(sub.results[1].presence).toEqual({ kind: 'UPDATED', entries: [{ userId: 'local', cursor: { x: 5, y: 6 }, selection: ['b'] }] });
    const left = await sub.waitFor((r) => r.length === 3, 5_000);
    expect(left[2].presence.kind).toBe('LEFT');
    const now = await sg.gql(`query($p: ID!) { project(id: $p) { presence { userId } } }`, { p });
    expect(now.data.project.presence).toEqual([]);
    await client.dispose();
  });
});

describe('runEvents', () => {
  it('streams a real run from start to finish (RUN_STARTED included right after an ASYNC start), and replays it all to a late subscriber', async () => {
    const created = await sg.gql(`mutation { createProject(input: {name: "run events", templateId: "order_totals"}) { id } }`);
    const p = created.data.createProject.id;
    const inputs = (await sg.gql(`{ template(id: "order_totals") { sampleInputs expectedOutputs } }`)).data.template;
    const run = await sg.gql(`mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i, mode: ASYNC) { id } }`, { p, i: inputs.sampleInputs });
    const runId = run.data.executeWorkflow.id;
    const client = wsClient(sg.url);
    const live = collect(client, `subscription($r: ID!) { runEvents(runId: $r) { seq type nodeId status outputs run { id status } } }`, { r: runId });
    const events = await live.waitFor((r) => r.some((e) => e.runEvents.type === 'RUN_FINISHED'));
    expect(events[0].runEvents.type).toBe('RUN_STARTED');
    expect(events.map((e) => e.runEvents.seq)).toEqual(events.map((_, i) => i));
    const finished = events.find((e) => e.runEvents.type === 'RUN_FINISHED')!.runEvents;
    expect(finished.status).toBe('SUCCEEDED');
    expect(finished.outputs).toEqual(inputs.expectedOutputs);
    expect(finished.run).toEqual({ id: runId, status: 'SUCCEEDED' });

    const late = collect(client, `subscription($r: ID!) { runEvents(runId: $r) { seq type nodeId status outputs } }`, { r: runId });
    await late.waitFor((r) => r.length === events.length);
    expect(late.results.map((e) => e.runEvents)).toEqual(events.map(({ runEvents: { run: _run, ...rest } }) => rest));
    expect(late.results.at(-1).runEvents).toMatchObject({ type: 'RUN_FINISHED', status: 'SUCCEEDED', outputs: inputs.expectedOutputs });
    await new Promise((r) => setTimeout(r, 100));
    expect(late.completed).toBe(true);
    const tail = collect(client, `subscription($r: ID!) { runEvents(runId: $r, fromSeq: 2) { seq } }`, { r: runId });
    await tail.waitFor((r) => r.length === events.length - 2);
    expect(tail.results[0].runEvents.seq).toBe(2);
    await client.dispose();
  });

  it('shows node events of a run that is still going', async () => {
    const p = await newProject('slow run');
    const edits = [
      { op: 'addNode', node: { id: 'k', componentId: 'core/constant', position: { x: 0, y: 0 }, config: { value: 3 } } },
      { op: 'addNode', node: { id: 'wait', componentId: 'core/delay', position: { x: 200, y: 0 }, config: { ms: 400 } } },
      { op: 'addNode', node: { id: 'out', componentId: 'core/output', position: { x: 400, y: 0 }, config: { name: 'v' } } },
      { op: 'connect', connection: { id: 'c1', sourceId: 'k', sourcePort: 'value', targetId: 'wait', targetPort: 'value' } },
      { op: 'connect', connection: { id: 'c2', sourceId: 'wait', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
    ];
    await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, {
      p,
      e: toEditInputs(edits as GraphEdit[]),
    });
    const run = await sg.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, mode: ASYNC) { id } }`, { p });
    const client = wsClient(sg.url);
    const sub = collect(client, `subscription($r: ID!) { runEvents(runId: $r) { type nodeId outputs } }`, { r: run.data.executeWorkflow.id });
    const events = await sub.waitFor((r) => r.some((e) => e.runEvents.type === 'RUN_FINISHED'));
    const types = events.map((e) => `${e.runEvents.type}:${e.runEvents.nodeId ?? ''}`);
    expect(types).toContain('NODE_SUCCEEDED:out');
    expect(types[types.length - 1]).toBe('RUN_FINISHED:');
    expect(events[events.length - 1].runEvents.outputs).toEqual({ v: 3 });
    await client.dispose();
  });
});

describe('events and operations over the socket', () => {
  it('delivers the seed events the caller causes, filtered by type', async () => {
    const client = wsClient(sg.url);
    const sub = collect(
      client,
      `subscription { events(types: [PROJECT_CREATED, COMPONENT_ADDED, COMPONENT_USED, CONNECTION_CREATED, PROJECT_UPDATED, PROJECT_DELETED, WORKFLOW_EXECUTED]) { type source data } }`,
    );
    await new Promise((r) => setTimeout(r, 200));
    const created = await sg.gql(`mutation { createProject(input: {name: "bus", templateId: "keyword_extractor"}) { id } }`);
    const p = created.data.createProject.id;
    await addConstant(p, 'extra');
    await sg.gql(
      `mutation($p: ID!) { connect(projectId: $p, sourceId: "extra", sourcePort: "value", targetId: "extra", targetPort: "value") { project { id } } }`,
      { p },
    );
    const tpl = (await sg.gql(`{ template(id: "keyword_extractor") { sampleInputs } }`)).data.template;
    await sg.gql(`mutation($p: ID!) { removeComponent(projectId: $p, nodeId: "extra") { project { version } } }`, { p });
    await sg.gql(`mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i) { status } }`, { p, i: tpl.sampleInputs });
    await sg.gql(`mutation { createProject(input: {name: "wire"}) { id } }`).then(async (r) => {
      const q = r.data.createProject.id;
      await addConstant(q, 'a');
      await sg.gql(`mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/output", id: "o", config: {name: "x"}) { project { id } } }`, { p: q });
      await sg.gql(`mutation($p: ID!) { connect(projectId: $p, sourceId: "a", sourcePort: "value", targetId: "o", targetPort: "value") { project { id } } }`, {
        p: q,
      });
      await sg.gql(`mutation($p: ID!) { deleteProject(id: $p) { deleted } }`, { p: q });
    });
    const seen = await sub.waitFor((r) => new Set(r.map((e) => e.events.type)).size === 7);
    expect(new Set(seen.map((e) => e.events.type))).toEqual(
      new Set(['PROJECT_CREATED', 'COMPONENT_ADDED', 'COMPONENT_USED', 'CONNECTION_CREATED', 'PROJECT_UPDATED', 'PROJECT_DELETED', 'WORKFLOW_EXECUTED']),
    );
    expect(seen.find((e) => e.events.type === 'WORKFLOW_EXECUTED')!.events.data).toMatchObject({ projectId: p, status: 'succeeded' });
    await client.dispose();
  });

  it('executes queries and mutations sent over the socket through the gateway', async () => {
    const client = wsClient(sg.url);
    const created = collect(client, `mutation { createProject(input: {name: "over ws"}) { id name version } }`);
    await created.waitFor((r) => r.length === 1);
    expect(created.results[0].createProject).toMatchObject({ name: 'over ws', version: 1 });
    const read = collect(client, `query($id: ID!) { project(id: $id) { name components { id } } }`, { id: created.results[0].createProject.id });
    await read.waitFor((r) => r.length === 1);
    expect(read.results[0].project).toEqual({ name: 'over ws', components: [] });
    await client.dispose();
  });
});
