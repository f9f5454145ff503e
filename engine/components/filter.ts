/** `filter`: keeps the array items for which an expression (scope: `item`, `index`, `inputs`, `config`) is true. */
import type { ComponentDefinition } from './types';
import { nodeExpression } from './expression-scope';
import { readInput } from './port-types';
import { configSchema, expressionField } from './schema-fragments';

export const filterComponent: ComponentDefinition<{ expression: string }> = {
  id: 'core/filter',
  version: '1.0.0',
  name: 'Filter',
  category: 'data',
  description: 'Keeps the items for which the expression is true, e.g. `item.score > 0.5`.',
  icon: '🧹',
  color: '#1565c0',
  inputs: [{ name: 'items', type: 'array', required: true }],
  outputs: [{ name: 'items', type: 'array' }],
  configSchema: configSchema({ expression: expressionField('Boolean expression over `item` and `index`.') }, ['expression']),
  expressionFields: [{ pointer: '/expression', kind: 'expression', scope: ['inputs', 'config', 'value', 'item', 'index'] }],
  emit: (e) => e.helper('filter', e.expression('expression')),
  run(ctx) {
    const items = readInput<unknown[]>(ctx, 'items', 'array');
    const keep = nodeExpression(ctx, ctx.config.expression);
    return { items: items.filter((item, index) => keep.test({ item, index }, ` (item ${index})`)) };
  },
};
