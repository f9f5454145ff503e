/**
 * A code node's time limit holds in a run even when QuickJS does not notice it: its interrupt handler is polled only
 * every 10,000 jumps or calls, and a loop of huge allocations (each a full GC near the memory limit) ran for ≈9 s past a
 * 500 ms limit. The run pool stops the thread from outside (run-pool.ts) and the next run gets a fresh one.
 */
import { RunPool } from '../../../engine/runtime/run-pool';
import { graph, link, node } from './support/harness';

let pool: RunPool;
beforeAll(() => {
  pool = new RunPool({ threads: 1 });
});
afterAll(async () => {
  await pool.close();
});

const codeGraph = (code: string, timeoutMs: number) =>
  graph([node('code', 'core/code', { code, timeoutMs }), node('out', 'core/output', { name: 'y' })], [link('code.value', 'out.value')]);

const execute = (runId: string, code: string, timeoutMs: number) =>
  pool.execute({ runId, graph: codeGraph(code, timeoutMs), inputs: {}, onEvent: () => undefined });

it('fails a run whose code node overruns its time limit with CODE_TIMEOUT within the grace period, then runs the next', async () => {
  const started = Date.now();
  const result = await execute('allocating', 'const a = []; while (true) a.push(new Array(100000).fill(1));', 300);
  const took = Date.now() - started;
  expect(result).toMatchObject({ status: 'failed', error: { code: 'CODE_TIMEOUT' } });
  expect(result.error!.message).toContain('300 ms');
  // 300 ms + 1 s grace, plus the thread's start-up on a loaded machine; the VM alone took ≈9 s.
  expect(took).toBeLessThan(5_000);
  const next = await execute('after', 'return 6 * 7;', 1_000);
  expect(next).toMatchObject({ status: 'succeeded', outputs: { y: 42 } });
});

it('leaves code that finishes within its limit alone', async () => {
  const result = await execute('quick', 'let s = 0; for (let i = 0; i < 1e5; i++) s += i; return s;', 200);
  expect(result).toMatchObject({ status: 'succeeded', outputs: { y: 4999950000 } });
});
