import { findBuiltinComponent } from '../../../engine/components';
import type { SubgraphFrame } from '../../../engine/components/types';
import type { WorkflowGraph } from '../../../engine/model/types';
import { invalidFields, run } from './run-context';

const def = (id: string) => findBuiltinComponent(id)!;

describe('condition', () => {
  const condition = def('core/condition');
  it('emits the input on the port the expression selects', async () => {
    await expect(run(condition, { expression: 'value.amount > 100' }, { inputs: { value: { amount: 150 } } })).resolves.toEqual({ true: { amount: 150 } });
    await expect(run(condition, { expression: 'value.amount > 100' }, { inputs: { value: { amount: 5 } } })).resolves.toEqual({ false: { amount: 5 } });
  });
  it('insists on a boolean result', async () => {
    await expect(run(condition, { expression: 'value' }, { inputs: { value: 1 } })).rejects.toThrow(
      'config.expression "value" must produce a boolean, got number',
    );
  });
  it('requires its input and rejects bad config', async () => {
    await expect(run(condition, { expression: 'true' })).rejects.toMatchObject({ code: 'MISSING_INPUT' });
    expect(invalidFields(condition, {})).toEqual(['/expression']);
  });
});

describe('switch', () => {
  const switchDef = def('core/switch');
  const config = {
    cases: [
      { name: 'high', expression: 'value >= 80' },
      { name: 'medium', expression: 'value >= 50' },
    ],
  };
  it('routes to the first matching case, else to the default port', async () => {
    await expect(run(switchDef, config, { inputs: { value: 90 } })).resolves.toEqual({ high: 90 });
    await expect(run(switchDef, config, { inputs: { value: 60 } })).resolves.toEqual({ medium: 60 });
    await expect(run(switchDef, { ...config, defaultPort: 'low' }, { inputs: { value: 10 } })).resolves.toEqual({ low: 10 });
  });
  it('derives its output ports from config', () => {
    expect(switchDef.outputsFor!({ ...config, defaultPort: 'low' }).map((p) => p.name)).toEqual(['high', 'medium', 'low']);
  });
  it('names the failing case and refuses duplicate ports', async () => {
    await expect(run(switchDef, { cases: [{ name: 'a', expression: '"x"' }] }, { inputs: { value: 1 } })).rejects.toThrow(
      'config.cases[0].expression "\\"x\\"" must produce a boolean',
    );
    await expect(run(switchDef, { cases: [{ name: 'a', expression: 'true' }], defaultPort: 'a' }, { inputs: { value: 1 } })).rejects.toThrow(
      'port name "a" is used twice',
    );
  });
  it('rejects bad config', () => {
    expect(invalidFields(switchDef, { cases: [] })).toEqual(['/cases']);
    expect(invalidFields(switchDef, { cases: [{ name: 'error', expression: 'true' }, { name: 'ok' }] })).toEqual(['/cases/0/name', '/cases/1/expression']);
  });
});

describe('merge', () => {
  const merge = def('core/merge');
  it('runs on partial inputs and emits the first value that arrived', async () => {
    expect(merge.runsOnPartialInputs).toBe(true);
    await expect(run(merge, {}, { inputs: { values: [undefined, 'b', 'c'] } })).resolves.toEqual({ value: 'b' });
    await expect(run(merge, {}, { inputs: { values: [null, 'b'] } })).resolves.toEqual({ value: null });
  });
  it('stays silent when every branch was skipped', async () => {
    await expect(run(merge, {}, { inputs: { values: [undefined] } })).resolves.toEqual({});
    await expect(run(merge, {}, { inputs: {} })).resolves.toEqual({});
  });
  it('rejects bad config', () => {
    expect(invalidFields(merge, { first: true })).toEqual(['/first']);
  });
});

describe('delay', () => {
  const delay = def('core/delay');
  it('passes its input on after the delay', async () => {
    const started = Date.now();
    await expect(run(delay, { ms: 30 }, { inputs: { value: 'x' } })).resolves.toEqual({ value: 'x' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
  it('is interrupted by cancellation', async () => {
    const controller = new AbortController();
    const pending = run(delay, { ms: 60_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' });
  });
  it('refuses delays over a minute', () => {
    expect(invalidFields(delay, { ms: 60_001 })).toEqual(['/ms']);
    expect(invalidFields(delay, { ms: -1 })).toEqual(['/ms']);
  });
});

describe('map', () => {
  const map = def('core/map');
  const subgraph: WorkflowGraph = {
    nodes: [{ id: 'in', componentId: 'core/input', componentVersion: '1.0.0', position: { x: 0, y: 0 }, config: { name: 'item' } }],
    connections: [],
  };

  it('applies an expression to each item with item and index', async () => {
    await expect(run(map, { expression: 'item * 10 + index' }, { inputs: { items: [1, 2, 3] } })).resolves.toEqual({ items: [10, 21, 32] });
  });

  it('runs the sub-graph per item with frames, bounded by concurrency, keeping order', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const frames: SubgraphFrame[] = [];
    const runSubgraph = async (graph: WorkflowGraph, inputs: Record<string, unknown>, frame: SubgraphFrame) => {
      expect(graph).toEqual(subgraph);
      frames.push(frame);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Later items finish first, so result order must come from the index, not completion order.
      await new Promise((resolve) => setTimeout(resolve, 5 * (6 - (inputs.index as number))));
      inFlight--;
      return { result: `${inputs.item}!` };
    };
    const result = await run(
      map,
      { mode: 'subgraph', graph: subgraph, concurrency: 2 },
      { inputs: { items: ['a', 'b', 'c', 'd', 'e'] }, services: { runSubgraph }, nodeId: 'loop' },
    );
    expect(result).toEqual({ items: ['a!', 'b!', 'c!', 'd!', 'e!'] });
    expect(maxInFlight).toBe(2);
    expect(frames.map((f) => f.index).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(frames.every((f) => f.parentNodeId === 'loop')).toBe(true);
  });

  it('names the item whose sub-graph failed or produced no result', async () => {
    const failing = async (_g: WorkflowGraph, inputs: Record<string, unknown>) => {
      if (inputs.index === 1) throw new Error('boom');
      return { result: 1 };
    };
    await expect(
      run(map, { mode: 'subgraph', graph: subgraph, concurrency: 1 }, { inputs: { items: [1, 2] }, services: { runSubgraph: failing } }),
    ).rejects.toThrow('node "node1": item 1: boom');
    const wrongOutput = async () => ({ answer: 1 });
    await expect(run(map, { mode: 'subgraph', graph: subgraph }, { inputs: { items: [1] }, services: { runSubgraph: wrongOutput } })).rejects.toThrow(
      'produced no output "result" (it produced: answer)',
    );
  });

  it('refuses more items than the run allows', async () => {
    const limits = { maxNodes: 100, maxMapItems: 2, maxRunMs: 1000, maxOutputBytes: 1000, concurrency: 1 };
    await expect(run(map, { expression: 'item' }, { inputs: { items: [1, 2, 3] }, limits })).rejects.toMatchObject({ code: 'LIMIT_MAP_ITEMS' });
    await expect(run(map, { expression: 'item' }, { inputs: { items: [1, 2] }, limits })).resolves.toEqual({ items: [1, 2] });
  });

  it('rejects a non-array input and bad config', async () => {
    await expect(run(map, { expression: 'item' }, { inputs: { items: 'abc' } })).rejects.toThrow('input "items": expected array, got string');
    expect(invalidFields(map, { mode: 'subgraph' })).toEqual(['/graph']);
    expect(invalidFields(map, {})).toEqual(['/expression']);
    expect(invalidFields(map, { expression: 'item', concurrency: 0 })).toEqual(['/concurrency']);
  });
});
