/**
 * The debugger runs sessions on a debug host thread and code nodes on that thread's sandbox threads (at a lower
 * priority than the request thread): while one session's code node spins, other callers — GraphQL queries and other
 * sessions, run to the end on the same host thread (DEBUG_THREADS=1) — are served at once, not after the spin.
 *
 * Timing on a shared, loaded machine (CI runs this after 100+ suites in one process): a caller stalled by the spin
 * would wait until it ends, SPIN_MS after it started. So the rounds of other work must all finish while the spinning
 * step is still pending (an order, not a speed), and no request may take more than 2 s — a fifth of the spin, and
 * more than ten times what one takes unloaded. A warm-up round first keeps one-time costs (a thread's start, first
 * compilations) out of the measured rounds.
 */
import { withDebuggerSupergraph, projectFromTemplate } from './support';

const SPIN_MS = 10_000;
const t = withDebuggerSupergraph(() => ({ DEBUG_THREADS: '1' }));

it("keeps other sessions and queries fast while one session's code node spins", async () => {
  const { sg, client: debug } = t;
  const created = await sg.gql(`mutation { createProject(input: {name: "spin debug"}) { id } }`);
  const p = created.data.createProject.id;
  const edits = [
    { addNode: { id: 'spin', componentId: 'core/code', position: { x: 0, y: 0 }, config: { code: 'while (true) {}', timeoutMs: SPIN_MS } } },
    { addNode: { id: 'out', componentId: 'core/output', position: { x: 200, y: 0 }, config: { name: 'v' } } },
    { connect: { id: 'c1', sourceId: 'spin', sourcePort: 'value', targetId: 'out', targetPort: 'value' } },
  ];
  expect(
    (await sg.gql(`mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }`, { p, e: edits })).errors,
  ).toBeUndefined();
  const other = await projectFromTemplate(sg, 'order_totals');
  const inputs = { lines: [{ sku: 'pen', price: 2.5, qty: 4 }] };

  const latencies: number[] = [];
  const timed = async <T>(request: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const result = await request();
    latencies.push(Date.now() - t0);
    return result;
  };
  const round = async () => {
    expect((await timed(() => sg.gql(`{ projects { totalCount } }`))).errors).toBeUndefined();
    const session = await timed(() => debug.start(other, { inputs }));
    expect(await timed(() => debug.step(session.id, 'CONTINUE'))).toMatchObject({ state: 'COMPLETED', outputs: { total: 10 } });
    await timed(() => debug.end(session.id));
  };
  await round();
  latencies.length = 0;

  const spinning = await debug.start(p);
  let spinStepAnswered = false;
  const stepped = debug.stepRaw(spinning.id, 'START').finally(() => (spinStepAnswered = true));
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < 3; i++) await round();
  expect(spinStepAnswered).toBe(false);
  expect(Math.max(...latencies)).toBeLessThan(2_000);

  expect((await stepped).errors).toBeUndefined();
  let after = await debug.get(spinning.id);
  for (let i = 0; i < 100 && !JSON.stringify(after).includes('CODE_TIMEOUT'); i++) {
    await new Promise((r) => setTimeout(r, 100));
    after = await debug.get(spinning.id);
  }
  expect(JSON.stringify(after)).toContain('CODE_TIMEOUT');
}, 60_000);
