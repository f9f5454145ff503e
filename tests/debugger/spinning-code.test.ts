/**
 * The debugger evaluates code nodes on the sandbox's worker threads: stepping a session whose code node spins until
 * its deadline does not stall other callers or other sessions.
 */
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { debuggerClient, projectFromTemplate } from './support';

let sg: TestSupergraph;
beforeAll(async () => {
  sg = await startTestSupergraph();
});
afterAll(() => sg?.close());

it("keeps other sessions and queries fast while one session's code node spins", async () => {
  const created = await sg.gql(`mutation { createProject(input: {name: "spin debug"}) { id } }`);
  const p = created.data.createProject.id;
  const edits = [
    { addNode: { id: 'spin', componentId: 'core/code', position: { x: 0, y: 0 }, config: { code: 'while (true) {}', timeoutMs: 5000 } } },
    { addNode: { id: 'out', componentId: 'core/output', position: { x: 200, y: 0 }, config: { name: 'v' } } },
    { connect: { id: 'c1', sourceId: 'spin', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
  ];
  expect(
    (await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, { p, e: edits })).errors,
  ).toBeUndefined();
  const other = await projectFromTemplate(sg, 'order_totals');
  const debug = debuggerClient(sg);

  const spinning = await debug.start(p);
  const stepped = debug.stepRaw(spinning.id, 'START');
  await new Promise((r) => setTimeout(r, 300));
  let worst = 0;
  const started = Date.now();
  while (Date.now() - started < 3_000) {
    const t0 = Date.now();
    expect((await sg.gql(`{ projects { totalCount } }`)).errors).toBeUndefined();
    const session = await debug.start(other);
    await debug.end(session.id);
    worst = Math.max(worst, Date.now() - t0);
  }
  expect(worst).toBeLessThan(1_000);
  const result = await stepped;
  expect(result.errors).toBeUndefined();
  let after = await debug.get(spinning.id);
  for (let i = 0; i < 100 && !JSON.stringify(after.timeline).includes('CODE_TIMEOUT') && !JSON.stringify(after.error).includes('CODE_TIMEOUT'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    after = await debug.get(spinning.id);
  }
  expect(JSON.stringify(after)).toContain('CODE_TIMEOUT');
}, 30_000);
