/** The sandbox pool: user code runs on worker threads, so the caller's event loop keeps serving while it spins. */
import { SandboxPool } from '../../../engine/sandbox/sandbox-pool';
import { SandboxError } from '../../../engine/sandbox/sandbox-error';

const pool = new SandboxPool({ threads: 2 });
afterAll(() => pool.close());

describe('SandboxPool', () => {
  it('returns results and logs, and maps sandbox errors with their code and line', async () => {
    await expect(pool.runWithLogs('console.log("hi"); return inputs.a * 2', { inputs: { a: 21 }, config: {} })).resolves.toEqual({ result: 42, logs: ['hi'] });
    const error = await pool.run('const a = 1;\nthrow new Error("boom")', { inputs: {}, config: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(SandboxError);
    expect(error).toMatchObject({ code: 'CODE_ERROR', line: 2 });
  });

  it('keeps the caller responsive while code spins, and times the spinning code out', async () => {
    let ticks = 0;
    let worstGap = 0;
    let last = Date.now();
    const timer = setInterval(() => {
      const now = Date.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
      ticks++;
    }, 20);
    try {
      const spinning = pool.run('while (true) {}', { inputs: {}, config: {} }, { timeoutMs: 1500 }).catch((e) => e);
      // Another call is served by the second thread meanwhile.
      await expect(pool.run('return 7', { inputs: {}, config: {} })).resolves.toBe(7);
      const error = await spinning;
      expect(error).toBeInstanceOf(SandboxError);
      expect((error as SandboxError).code).toBe('CODE_TIMEOUT');
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(30);
    expect(worstGap).toBeLessThan(500);
  });

  it('queues calls beyond the pool size and runs them all', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => pool.run(`return ${i}`, { inputs: {}, config: {} })));
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
