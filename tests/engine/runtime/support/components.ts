/**
 * Small test components for interpreter tests — plain ComponentDefinitions, independent of the built-in catalogue.
 * Factories return fresh definitions with their own counters so a test can see how often a node really ran.
 */
import type { ComponentDefinition, RunContext } from '../../../../engine/components/types';
import type { WorkflowGraph } from '../../../../engine/model/types';
import { assertMapItems } from '../../../../engine/runtime/limits';

function define(id: string, parts: Partial<ComponentDefinition> & Pick<ComponentDefinition, 'run'>): ComponentDefinition {
  return { id, version: '1.0.0', name: id, category: 'logic', description: id, icon: 'x', color: '#000', inputs: [], outputs: [], configSchema: {}, ...parts };
}

const valueIn = [{ name: 'value', type: 'any' as const }];
const valueOut = [{ name: 'value', type: 'any' as const }];

/** Resolves when `ms` elapsed; rejects with the signal's reason when aborted first. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export const constant = define('test/const', {
  outputs: valueOut,
  configSchema: { type: 'object', properties: { value: { default: 0 } } },
  run: (ctx) => ({ value: ctx.config.value }),
});

export const add = define('test/add', {
  inputs: valueIn,
  outputs: valueOut,
  configSchema: { type: 'object', properties: { amount: { type: 'number', default: 1 } } },
  run: (ctx: RunContext<{ amount: number }>) => ({ value: (ctx.inputs.value as number) + ctx.config.amount }),
});

/** Async: waits `config.delay` ms (honouring its signal), then passes its input (or config.value) on. */
export const slow = define('test/slow', {
  inputs: valueIn,
  outputs: valueOut,
  configSchema: { type: 'object', properties: { delay: { type: 'number', default: 20 } } },
  run: async (ctx) => {
    await delay(ctx.config.delay as number, ctx.signal);
    return { value: 'value' in ctx.inputs ? ctx.inputs.value : ctx.config.value };
  },
});

/** Fires `true` or `false` with its input, by the input's truthiness. */
export const branch = define('test/branch', {
  inputs: valueIn,
  outputs: [
    { name: 'true', type: 'any' },
    { name: 'false', type: 'any' },
  ],
  run: (ctx) => (ctx.inputs.value ? { true: ctx.inputs.value } : { false: ctx.inputs.value }),
});

/** Merge-like: first present of `a`, `b`. */
export const merge = define('test/merge', {
  inputs: [
    { name: 'a', type: 'any' },
    { name: 'b', type: 'any' },
  ],
  outputs: valueOut,
  runsOnPartialInputs: true,
  run: (ctx) => ({ value: 'a' in ctx.inputs ? ctx.inputs.a : ctx.inputs.b }),
});

/** Needs both `a` and `b` (a normal, non-partial node with two ports). */
export const pair = define('test/pair', {
  inputs: [
    { name: 'a', type: 'any' },
    { name: 'b', type: 'any' },
  ],
  outputs: valueOut,
  run: (ctx) => ({ value: [ctx.inputs.a, ctx.inputs.b] }),
});

export const sum = define('test/sum', {
  inputs: [{ name: 'values', type: 'array<number>', multiple: true }],
  outputs: [
    { name: 'value', type: 'number' },
    { name: 'count', type: 'number' },
  ],
  run: (ctx) => {
    const values = ctx.inputs.values as number[];
    return { value: values.reduce((total, value) => total + value, 0), count: values.length };
  },
});

export const output = define('core/output', {
  category: 'data',
  inputs: valueIn,
  configSchema: { type: 'object', properties: { name: { type: 'string' } } },
  run: () => ({}),
});

export const input = define('core/input', {
  category: 'data',
  outputs: valueOut,
  configSchema: { type: 'object', properties: { name: { type: 'string', default: 'value' } } },
  run: (ctx) => ({ value: ctx.runInputs[ctx.config.name as string] }),
});

export const big = define('test/big', {
  outputs: valueOut,
  run: (ctx) => ({ value: 'x'.repeat(ctx.config.size as number) }),
});

/** Map-like: runs `config.graph` once per item (sequentially) with `{ value: item }` as run inputs. */
export const mapLike = define('test/map', {
  inputs: [{ name: 'items', type: 'array' }],
  outputs: [{ name: 'results', type: 'array' }],
  run: async (ctx) => {
    const items = ctx.inputs.items as unknown[];
    assertMapItems(items.length, ctx.limits);
    const results: unknown[] = [];
    for (let index = 0; index < items.length; index++) {
      const outputs = await ctx.services.runSubgraph(ctx.config.graph as WorkflowGraph, { value: items[index] }, { parentNodeId: ctx.node.id, index });
      results.push(outputs.result);
    }
    return { results };
  },
});

/** Fails its first `failures` runs with code FLAKY, then echoes its input. */
export function failNTimes(failures: number): ComponentDefinition & { calls: number } {
  const definition = define('test/flaky', {
    inputs: valueIn,
    outputs: valueOut,
    run: (ctx) => {
      definition.calls++;
      if (definition.calls <= failures) throw Object.assign(new Error(`failure ${definition.calls}`), { code: 'FLAKY' });
      return { value: ctx.inputs.value ?? 'ok' };
    },
  }) as ComponentDefinition & { calls: number };
  definition.calls = 0;
  return definition;
}

/** A side-effecting node that counts its calls. */
export function counter(): ComponentDefinition & { calls: number } {
  const definition = define('test/counter', {
    inputs: valueIn,
    outputs: valueOut,
    sideEffects: true,
    run: (ctx) => ({ value: `call ${++definition.calls} with ${String(ctx.inputs.value)}` }),
  }) as ComponentDefinition & { calls: number };
  definition.calls = 0;
  return definition;
}

/** Never finishes by itself and ignores its signal; records whether the signal was aborted. */
export function stubborn(): ComponentDefinition & { sawAbort: boolean } {
  const definition = define('test/stubborn', {
    inputs: valueIn,
    outputs: valueOut,
    run: (ctx) => {
      ctx.signal.addEventListener('abort', () => (definition.sawAbort = true));
      return new Promise<never>(() => undefined);
    },
  }) as ComponentDefinition & { sawAbort: boolean };
  definition.sawAbort = false;
  return definition;
}

export const standardComponents: ComponentDefinition[] = [constant, add, slow, branch, merge, pair, sum, output, input, big, mapLike];
