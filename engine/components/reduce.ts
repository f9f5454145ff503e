/** `reduce`: folds an array with an expression (scope: `acc`, `item`, `index`, `inputs`, `config`). */
import type { ComponentDefinition } from './types';
import { nodeExpression } from './expression-scope';
import { readInput } from './port-types';
import { configSchema, expressionField } from './schema-fragments';

export const reduceComponent: ComponentDefinition<{ expression: string; initial: unknown }> = {
  id: 'core/reduce',
  version: '1.0.0',
  name: 'Reduce',
  category: 'data',
  description: 'Folds the items into one value, e.g. `acc + item.price` starting from `initial`.',
  icon: '∑',
  color: '#1565c0',
  inputs: [{ name: 'items', type: 'array', required: true }],
  outputs: [{ name: 'value', type: 'any' }],
  configSchema: configSchema(
    {
      expression: expressionField('Next accumulator from `acc`, `item` and `index`.'),
      initial: { description: 'Starting accumulator.', default: null },
    },
    ['expression'],
  ),
  expressionFields: [{ pointer: '/expression', kind: 'expression', scope: ['inputs', 'config', 'value', 'item', 'index', 'acc'] }],
  emit: (e) => e.helper('reduce', e.expression('expression')),
  run(ctx) {
    const items = readInput<unknown[]>(ctx, 'items', 'array');
    const step = nodeExpression(ctx, ctx.config.expression);
    let acc = ctx.config.initial;
    items.forEach((item, index) => {
      acc = step.evaluate({ acc, item, index });
    });
    return { value: acc };
  },
};
