import { assertOutputSize, estimateJsonBytes } from '../../../engine/runtime/limits';
import { chainGraph, graph, link, node, run } from './support/harness';

describe('run limits', () => {
  it('refuses a graph with more nodes than maxNodes', async () => {
    const result = await run(chainGraph(10), { limits: { maxNodes: 5 } });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('LIMIT_NODES');
    expect(result.steps).toEqual([]);
  });

  it('counts map iterations against maxNodes', async () => {
    const body = graph([node('in', 'core/input'), node('result', 'core/output')], [link('in.value', 'result.value')]);
    const workflow = graph([node('items', 'test/const', { value: [1, 2, 3, 4, 5] }), node('m', 'test/map', { graph: body })], [link('items.value', 'm.items')]);
    const result = await run(workflow, { limits: { maxNodes: 6 } });
    expect(result.error?.code).toBe('LIMIT_NODES');
  });

  it('fails with LIMIT_MAP_ITEMS when a map gets too many items', async () => {
    const body = graph([node('in', 'core/input'), node('result', 'core/output')], [link('in.value', 'result.value')]);
    const workflow = graph([node('items', 'test/const', { value: [1, 2, 3] }), node('m', 'test/map', { graph: body })], [link('items.value', 'm.items')]);
    const result = await run(workflow, { limits: { maxMapItems: 2 } });
    expect(result.error?.code).toBe('LIMIT_MAP_ITEMS');
    expect(result.error?.message).toMatch(/3 items exceeds the limit of 2/);
  });

  it('fails with LIMIT_RUN_TIME when the run takes too long', async () => {
    const result = await run(graph([node('s', 'test/slow', { delay: 5_000 })]), { limits: { maxRunMs: 30 } });
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('LIMIT_RUN_TIME');
  });

  it('fails with LIMIT_OUTPUT_SIZE when one node output is too big, and is not retried', async () => {
    const result = await run(graph([node('b', 'test/big', { size: 2_000 }, { retries: 3, retryBackoffMs: 1 })]), { limits: { maxOutputBytes: 1_000 } });
    expect(result.error?.code).toBe('LIMIT_OUTPUT_SIZE');
    expect(result.error?.message).toMatch(/"b"/);
    expect(result.steps[0].attempt).toBe(1);
    const fits = await run(graph([node('b', 'test/big', { size: 900 })]), { limits: { maxOutputBytes: 1_000 } });
    expect(fits.status).toBe('succeeded');
  });

  it('rejects nonsensical limits', async () => {
    const result = await run(chainGraph(1), { limits: { concurrency: 0 } });
    expect(result.error?.code).toBe('INVALID_LIMITS');
  });
});

describe('output size estimate', () => {
  const exact = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
  const samples: unknown[] = [{ a: 1, b: 'héllo', c: [true, null, 2.5e-7], d: { e: 'x"y\n' } }, 'plain', [1, 2, 3], { skip: undefined, keep: 'k' }];

  it.each(samples)('brackets the exact JSON size of %j', (value) => {
    const bounds = estimateJsonBytes(value, 1e9);
    expect(bounds.low).toBeLessThanOrEqual(exact(value));
    expect(bounds.high).toBeGreaterThanOrEqual(exact(value));
  });

  it('decides exactly at the boundary, including multi-byte text', () => {
    const value = { v: 'é'.repeat(100) }; // 200 bytes of UTF-8 text, 100 code units
    const size = exact(value);
    expect(() => assertOutputSize('n', value, size)).not.toThrow();
    expect(() => assertOutputSize('n', value, size - 1)).toThrow(expect.objectContaining({ code: 'LIMIT_OUTPUT_SIZE' }));
  });

  it('stops walking a huge value once it is known to be over the limit', () => {
    const huge = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => assertOutputSize('n', huge, 1_000)).toThrow(expect.objectContaining({ code: 'LIMIT_OUTPUT_SIZE' }));
    const bounds = estimateJsonBytes(huge, 1_000);
    // The walk gave up early: its upper bound is only just past the limit, not a million numbers' worth.
    expect(bounds.high).toBeLessThan(1_100);
  });

  it('reports values that cannot be serialised', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => assertOutputSize('n', { loop }, 1_000)).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_SERIALISABLE' }));
  });
});
