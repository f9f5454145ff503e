/** `transform`: computes a new value from its input with an expression (scope: `value`, `inputs`, `config`). */
import type { ComponentDefinition } from './types';
import { nodeExpression } from './expression-scope';
import { readInput } from './port-types';
import { configSchema, expressionField } from './schema-fragments';

export const transformComponent: ComponentDefinition<{ expression: string }> = {
  id: 'core/transform',
  legacyIds: ['transform'],
  version: '1.0.0',
  name: 'Transform',
  category: 'data',
  description: 'Evaluates an expression over its input, e.g. `upper(value)` or `value.price * value.qty`.',
  icon: '🔧',
  color: '#1565c0',
  inputs: [{ name: 'value', type: 'any', required: true }],
  outputs: [{ name: 'value', type: 'any' }],
  configSchema: configSchema({ expression: expressionField('Expression; `value` is the input.') }, ['expression']),
  expressionFields: [{ pointer: '/expression', kind: 'expression', scope: ['inputs', 'config', 'value'] }],
  emit: (e) => e.helper('transform', e.expression('expression')),
  run(ctx) {
    readInput(ctx, 'value', 'any');
    return { value: nodeExpression(ctx, ctx.config.expression).evaluate() };
  },
};
