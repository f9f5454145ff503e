import { QuickJsSandbox } from '../../../engine/sandbox/quickjs-sandbox';
import { SandboxError } from '../../../engine/sandbox/sandbox-error';

const sandbox = new QuickJsSandbox();

async function failure(code: string, args = { inputs: {}, config: {} }, limits?: { timeoutMs?: number; memoryBytes?: number }): Promise<SandboxError> {
  try {
    await sandbox.run(code, args, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(SandboxError);
    return error as SandboxError;
  }
  throw new Error(`expected the code to fail: ${code}`);
}

describe('QuickJsSandbox: results', () => {
  it('runs a function body with inputs and config and returns its JSON result', async () => {
    const result = await sandbox.run('return { sum: inputs.a + inputs.b, label: config.prefix + inputs.name }', {
      inputs: { a: 2, b: 40, name: 'x' },
      config: { prefix: 'id-' },
    });
    expect(result).toEqual({ sum: 42, label: 'id-x' });
  });

  it('returns null when the code returns nothing, and plain values as they are', async () => {
    await expect(sandbox.run('const x = 1;', { inputs: {}, config: {} })).resolves.toBeNull();
    await expect(sandbox.run('return "text"', { inputs: {}, config: {} })).resolves.toBe('text');
    await expect(sandbox.run('return [1, 2.5, true, null]', { inputs: {}, config: {} })).resolves.toEqual([1, 2.5, true, null]);
  });

  it('passes copies: mutating inputs inside the VM leaves the host object untouched', async () => {
    const inputs = { list: [1, 2] };
    const result = await sandbox.run('inputs.list.push(3); return inputs.list', { inputs, config: {} });
    expect(result).toEqual([1, 2, 3]);
    expect(inputs.list).toEqual([1, 2]);
  });

  it('shares no state between runs', async () => {
    await sandbox.run('globalThis.leftover = 42; Object.prototype.polluted = true;', { inputs: {}, config: {} });
    const result = await sandbox.run('return [typeof leftover, ({}).polluted === undefined]', { inputs: {}, config: {} });
    expect(result).toEqual(['undefined', true]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('collects console output, capped', async () => {
    const outcome = await sandbox.runWithLogs('console.log("n =", inputs.n, { ok: true }); for (let i = 0; i < 500; i++) console.log(i); return 1', {
      inputs: { n: 3 },
      config: {},
    });
    expect(outcome.result).toBe(1);
    expect(outcome.logs[0]).toBe('n = 3 {"ok":true}');
    expect(outcome.logs).toHaveLength(100);
  });
});

describe('QuickJsSandbox: errors from user code', () => {
  it('reports a thrown error with its message and the user line', async () => {
    const error = await failure('const a = 1;\nconst b = 2;\nthrow new Error("boom at three");');
    expect(error.code).toBe('CODE_ERROR');
    expect(error.message).toContain('boom at three');
    expect(error.line).toBe(3);
  });

  it('reports a thrown non-Error value', async () => {
    const error = await failure('throw "plain text"');
    expect(error.code).toBe('CODE_ERROR');
    expect(error.message).toContain('plain text');
  });

  it('reports syntax errors', async () => {
    const error = await failure('return (1 + ;');
    expect(error.code).toBe('CODE_ERROR');
    expect(error.message).toContain('SyntaxError');
  });

  it('refuses results that are not JSON', async () => {
    for (const code of ['return () => 1', 'return Symbol("s")', 'const o = {}; o.self = o; return o', 'return 10n', 'return Promise.resolve(1)']) {
      const error = await failure(code);
      expect(error.code).toBe('CODE_RESULT');
      expect(error.message).toMatch(/JSON|Promise/);
    }
  });

  it('refuses results larger than the cap', async () => {
    const error = await failure('return "x".repeat(2 * 1024 * 1024)');
    expect(error.code).toBe('CODE_RESULT');
    expect(error.message).toContain('too large');
  });

  it('refuses inputs that cannot be sent as JSON', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const error = await failure('return 1', { inputs: cyclic, config: {} });
    expect(error.code).toBe('CODE_ERROR');
  });
});

describe('QuickJsSandbox: containment', () => {
  it('exposes no host objects, timers or network', async () => {
    const result = await sandbox.run(
      `return [typeof process, typeof require, typeof module, typeof setTimeout, typeof setInterval, typeof fetch,
        typeof XMLHttpRequest, typeof Buffer, typeof WebAssembly, typeof std, typeof os, typeof ArrayBuffer]`,
      { inputs: {}, config: {} },
    );
    expect(result).toEqual(Array(12).fill('undefined'));
  });

  it('cannot reach the host through prototype or constructor tricks', async () => {
    const result = await sandbox.run(
      `const viaConstructor = (function () {}).constructor("return typeof process")();
       const viaGlobal = Object.getOwnPropertyNames(globalThis).filter((n) => /process|require|host|node/i.test(n));
       const viaThis = (function () { return this === globalThis })();
       return { viaConstructor, viaGlobal, viaThis }`,
      { inputs: {}, config: {} },
    );
    expect(result).toEqual({ viaConstructor: 'undefined', viaGlobal: [], viaThis: true });
  });

  it('tampering with JSON inside the VM does not break the host', async () => {
    const result = await sandbox.run('JSON.stringify = () => "{\\"hacked\\":true}"; JSON.parse = () => 0; return { ok: true }', { inputs: {}, config: {} });
    expect(result).toEqual({ ok: true });
  });

  it('stops an infinite loop at the deadline', async () => {
    const started = Date.now();
    const error = await failure('while (true) {}', undefined, { timeoutMs: 200 });
    expect(error.code).toBe('CODE_TIMEOUT');
    expect(error.message).toContain('200 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops catastrophic regular-expression backtracking at the deadline', async () => {
    const error = await failure('return /(a+)+b/.test("a".repeat(40) + "c")', undefined, { timeoutMs: 200 });
    expect(error.code).toBe('CODE_TIMEOUT');
  });

  it('stops an array that grows forever (memory limit, long deadline)', async () => {
    const error = await failure('const a = []; while (true) a.push(1);', undefined, { timeoutMs: 30_000, memoryBytes: 16 * 1024 * 1024 });
    expect(error.code).toBe('CODE_MEMORY');
    expect(error.message).toContain('16 MiB');
  });

  it('stops an array of objects that grows forever', async () => {
    const error = await failure('const a = []; while (true) a.push({ n: a.length });', undefined, { timeoutMs: 30_000, memoryBytes: 16 * 1024 * 1024 });
    expect(error.code).toBe('CODE_MEMORY');
  });

  it('stops string doubling', async () => {
    const error = await failure('let s = "x"; while (true) s = s + s;');
    expect(error.code).toBe('CODE_MEMORY');
  });

  it('stops a single huge allocation', async () => {
    const error = await failure('return "a".repeat(1e8).length');
    expect(error.code).toBe('CODE_MEMORY');
  });

  it('stops runaway recursion', async () => {
    const error = await failure('function f() { return f() + 1 } return f()');
    expect(error.code).toBe('CODE_MEMORY');
    expect(error.message).toContain('stack');
  });

  it('contains deeply nested natives that overflow the host stack, and keeps working afterwards', async () => {
    const error = await failure('let o = {}; for (let i = 0; i < 100000; i++) o = { o }; return JSON.stringify(o).length');
    expect(error.code).toBe('CODE_MEMORY');
    await expect(sandbox.run('return inputs.x * 2', { inputs: { x: 21 }, config: {} })).resolves.toBe(42);
  });

  it('allows moderate recursion', async () => {
    await expect(sandbox.run('function d(n) { return n === 0 ? 0 : 1 + d(n - 1) } return d(200)', { inputs: {}, config: {} })).resolves.toBe(200);
  });

  it('does not leak: 500 runs (some failing) leave the host memory bounded', async () => {
    const codes = ['return inputs.items.map((x) => x * 2)', 'throw new Error("x")', 'return () => 1'];
    const run = (i: number) =>
      sandbox.run(codes[i % codes.length], { inputs: { items: Array.from({ length: 20_000 }, (_, k) => k) }, config: {} }).catch(() => undefined);
    for (let i = 0; i < 50; i++) await run(i);
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 500; i++) await run(i);
    const grownBytes = process.memoryUsage().rss - before;
    expect(grownBytes).toBeLessThan(40 * 1024 * 1024);
  });
});

describe('QuickJsSandbox: limits', () => {
  it('applies the default 1 s deadline when none is given, and clamps a nonsensical one', async () => {
    const started = Date.now();
    const error = await failure('while (true) {}');
    expect(error.code).toBe('CODE_TIMEOUT');
    expect(error.message).toContain('1000 ms');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const tiny = await failure('while (true) {}', undefined, { timeoutMs: -5 });
    expect(tiny.message).toContain('1 ms');
  });
});
