/**
 * Fairness and limits of the run queue (embedded mode, two runs at a time, one per project): one user's backlog does
 * not hold up another user's single run by more than one run, a busy project does not block its owner's other
 * projects, queued runs report their queuePosition, one user cannot fill the queue for everyone (QUEUE_FULL, scope
 * USER) and a full queue refuses new runs (QUEUE_FULL, scope ALL).
 */
import type { TestSupergraph } from '../support/supergraph';
import { callerFor, startSecuredSupergraph, type Caller } from '../security/support';

let sg: TestSupergraph;
let alice: Caller;
let bob: Caller;

beforeAll(async () => {
  sg = await startSecuredSupergraph({
    RUN_CONCURRENCY: '2',
    RUN_USER_CONCURRENCY: '2',
    RUN_PROJECT_CONCURRENCY: '1',
    RUN_QUEUE_MAX: '10',
    RUN_USER_QUEUE_MAX: '7',
  });
  alice = await callerFor(sg, 'owner', '-alice');
  bob = await callerFor(sg, 'owner', '-bob');
});
afterAll(() => sg?.close());

async function delayProject(caller: Caller, ms: number): Promise<string> {
  const created = await caller.gql(`mutation { createProject(input: {name: "fair"}) { id } }`);
  const p = created.data.createProject.id;
  const edits = [
    { addNode: { id: 'k', componentId: 'core/constant', position: { x: 0, y: 0 }, config: { value: 1 } } },
    { addNode: { id: 'wait', componentId: 'core/delay', position: { x: 200, y: 0 }, config: { ms } } },
    { addNode: { id: 'out', componentId: 'core/output', position: { x: 400, y: 0 }, config: { name: 'v' } } },
    { connect: { id: 'c1', sourceId: 'k', sourcePort: 'value', targetId: 'wait', targetPort: 'value' } },
    { connect: { id: 'c2', sourceId: 'wait', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
  ];
  expect(
    (await caller.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, { p, e: edits }))
      .errors,
  ).toBeUndefined();
  return p;
}

const start = (caller: Caller, p: string) => caller.gql(`mutation($p: ID!) { executeWorkflow(projectId: $p, mode: ASYNC) { id status } }`, { p });

it("runs another user's single run after at most one run of a busy user's backlog, and reports queue positions", async () => {
  // Long enough that Alice's backlog does not drain while it is being queued (on a loaded machine that takes seconds).
  const pa = await delayProject(alice, 3_000);
  const pb = await delayProject(bob, 10);
  const aliceRuns: string[] = [];
  for (let i = 0; i < 6; i++) aliceRuns.push((await start(alice, pa)).data.executeWorkflow.id);
  const bobRun = (await start(bob, pb)).data.executeWorkflow.id;
  const positions = await alice.gql(`query($id: ID!) { run(id: $id) { status queuePosition } }`, { id: aliceRuns[5] });
  expect(positions.data.run.status).toBe('QUEUED');
  expect(positions.data.run.queuePosition).toBeGreaterThanOrEqual(4);
  const bobPosition = (await bob.gql(`query($id: ID!) { run(id: $id) { queuePosition } }`, { id: bobRun })).data.run.queuePosition;
  expect(bobPosition ?? 0).toBeLessThanOrEqual(1); // null: it already started

  let bobState: any;
  do {
    await new Promise((r) => setTimeout(r, 100));
    bobState = (await bob.gql(`query($id: ID!) { run(id: $id) { status startedAt queuePosition } }`, { id: bobRun })).data.run;
  } while (bobState.status !== 'SUCCEEDED');
  expect(bobState.queuePosition).toBeNull();
  const startedBefore = [];
  for (const id of aliceRuns) {
    const run = (await alice.gql(`query($id: ID!) { run(id: $id) { startedAt } }`, { id })).data.run;
    if (run.startedAt && run.startedAt < bobState.startedAt) startedBefore.push(id);
  }
  // The one running when Bob queued, plus at most one more (round-robin).
  expect(startedBefore.length).toBeLessThanOrEqual(2);
  for (const id of aliceRuns) await alice.gql(`mutation($id: ID!) { cancelRun(id: $id) { status } }`, { id });
}, 60_000);

it("refuses a user's runs past their own bound (QUEUE_FULL, USER) while others still queue, then everyone's at the queue's bound (ALL)", async () => {
  const pa = await delayProject(alice, 5_000);
  const pb = await delayProject(bob, 5_000);
  const attempt = async (caller: Caller, p: string, ids: string[], refusals: Array<{ code: string; scope: string; maxQueued: number }>) => {
    const result = await start(caller, p);
    if (result.errors) refusals.push(result.errors[0].extensions);
    else ids.push(result.data.executeWorkflow.id);
  };
  const aliceIds: string[] = [];
  const aliceRefusals: Array<{ code: string; scope: string; maxQueued: number }> = [];
  for (let i = 0; i < 10; i++) await attempt(alice, pa, aliceIds, aliceRefusals);
  expect(aliceIds.length).toBe(8); // one running (one per project), seven waiting
  expect(aliceRefusals).toEqual([0, 1].map(() => expect.objectContaining({ code: 'QUEUE_FULL', scope: 'USER', maxQueued: 7 })));
  // Bob is not held by Alice's backlog: his runs queue until the whole queue (10) is full.
  const bobIds: string[] = [];
  const bobRefusals: Array<{ code: string; scope: string; maxQueued: number }> = [];
  for (let i = 0; i < 6 && !bobRefusals.length; i++) await attempt(bob, pb, bobIds, bobRefusals);
  expect(bobIds.length).toBeGreaterThanOrEqual(3); // his first may start at once (a free slot), the next three wait
  expect(bobRefusals).toEqual([expect.objectContaining({ code: 'QUEUE_FULL', scope: 'ALL', maxQueued: 10 })]);
  for (const id of aliceIds) await alice.gql(`mutation($id: ID!) { cancelRun(id: $id) { status } }`, { id });
  for (const id of bobIds) await bob.gql(`mutation($id: ID!) { cancelRun(id: $id) { status } }`, { id });
}, 60_000);

it("holds a second run of a busy project while running the same user's other project", async () => {
  const px = await delayProject(alice, 3_000);
  const py = await delayProject(alice, 3_000);
  const x1 = (await start(alice, px)).data.executeWorkflow.id;
  const x2 = (await start(alice, px)).data.executeWorkflow.id;
  const y1 = (await start(alice, py)).data.executeWorkflow.id;
  await new Promise((r) => setTimeout(r, 1_000));
  const states: string[] = [];
  for (const id of [x1, x2, y1]) states.push((await alice.gql(`query($id: ID!) { run(id: $id) { status } }`, { id })).data.run.status);
  expect(states).toEqual(['RUNNING', 'QUEUED', 'RUNNING']);
  for (const id of [x1, x2, y1]) await alice.gql(`mutation($id: ID!) { cancelRun(id: $id) { status } }`, { id });
}, 60_000);
