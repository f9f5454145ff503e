/**
 * `map` (legacy `loop`): applies an expression or a sub-graph to every item of an array, `concurrency` at a time,
 * keeping item order. Sub-graph mode: each iteration runs `config.graph` with run inputs `{item, index}` (read them
 * with `input` nodes named `item` / `index`) through `services.runSubgraph`, so step hooks see the iterations;
 * the item's result is the sub-graph output named `config.output`.
 */
import type { WorkflowGraph } from '../model/types';
import { assertMapItems } from '../runtime/limits';
import type { ComponentDefinition } from './types';
import { mapWithConcurrency } from './concurrency';
import { ComponentError } from './errors';
import { nodeExpression } from './expression-scope';
import { readInput } from './port-types';
import { configSchema, expressionField } from './schema-fragments';

export const MAX_MAP_CONCURRENCY = 32;

interface MapConfig {
  mode: 'expression' | 'subgraph';
  expression?: string;
  graph?: WorkflowGraph;
  output: string;
  concurrency: number;
}

const graphSchema = {
  type: 'object',
  required: ['nodes', 'connections'],
  properties: {
    nodes: { type: 'array', minItems: 1, items: { type: 'object', required: ['id', 'componentId'] } },
    connections: { type: 'array', items: { type: 'object', required: ['sourceId', 'sourcePort', 'targetId', 'targetPort'] } },
  },
};

export const mapComponent: ComponentDefinition<MapConfig> = {
  id: 'core/map',
  legacyIds: ['loop'],
  version: '1.0.0',
  name: 'Map',
  category: 'logic',
  description: 'Runs an expression (scope: item, index) or a sub-graph (inputs item, index) for each item; emits the results in order.',
  icon: '🔁',
  color: '#ef6c00',
  inputs: [{ name: 'items', type: 'array', required: true }],
  outputs: [{ name: 'items', type: 'array', description: 'One result per input item, in input order.' }],
  configSchema: {
    ...configSchema({
      mode: { enum: ['expression', 'subgraph'], default: 'expression' },
      expression: expressionField('Result for one item, from `item` and `index`.'),
      graph: { ...graphSchema, description: 'Sub-graph run once per item.' },
      output: { type: 'string', minLength: 1, default: 'result', description: 'Sub-graph output holding the item result.' },
      concurrency: { type: 'integer', minimum: 1, maximum: MAX_MAP_CONCURRENCY, default: 4 },
    }),
    allOf: [{ if: { properties: { mode: { const: 'subgraph' } }, required: ['mode'] }, then: { required: ['graph'] }, else: { required: ['expression'] } }],
  },
  // Expression mode compiles the expression; sub-graph mode compiles the sub-graph into its own node table.
  // In sub-graph mode the nodes of `/graph` declare their own fields.
  expressionFields: [{ pointer: '/expression', kind: 'expression', scope: ['inputs', 'config', 'value', 'item', 'index'] }],
  emit: (e) =>
    e.config.mode === 'subgraph' ? e.helper('map', e.literal(null), e.subgraph(e.config.graph)) : e.helper('map', e.expression('expression'), e.literal(null)),
  async run(ctx) {
    const items = readInput<unknown[]>(ctx, 'items', 'array');
    // The run's limit (LIMIT_MAP_ITEMS, not retried); the interpreter hands it over as ctx.limits.
    if (ctx.limits) assertMapItems(items.length, ctx.limits);
    const { mode, concurrency, output } = ctx.config;
    if (mode === 'expression') {
      const expression = nodeExpression(ctx, ctx.config.expression ?? '');
      return { items: items.map((item, index) => expression.evaluate({ item, index })) };
    }
    const graph = ctx.config.graph as WorkflowGraph;
    const results = await mapWithConcurrency(
      items,
      concurrency,
      async (item, index) => {
        let outputs: Record<string, unknown>;
        try {
          outputs = await ctx.services.runSubgraph(graph, { item, index }, { parentNodeId: ctx.node.id, index });
        } catch (error) {
          if (ctx.signal.aborted) throw error;
          throw new ComponentError('SUBGRAPH_ERROR', `item ${index}: ${(error as Error).message}`, ctx.node.id);
        }
        if (!(output in outputs)) {
          const produced = Object.keys(outputs);
          throw new ComponentError(
            'SUBGRAPH_ERROR',
            `item ${index}: the sub-graph produced no output "${output}" (it produced: ${produced.length ? produced.join(', ') : 'nothing'})`,
            ctx.node.id,
          );
        }
        return outputs[output];
      },
      ctx.signal,
    );
    return { items: results };
  },
};
