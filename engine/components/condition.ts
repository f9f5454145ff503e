/** `condition`: routes its input to the `true` or the `false` port; dependants of the other port are skipped. */
import type { ComponentDefinition } from './types';
import { nodeExpression } from './expression-scope';
import { readInput } from './port-types';
import { configSchema, expressionField } from './schema-fragments';

export const conditionComponent: ComponentDefinition<{ expression: string }> = {
  id: 'core/condition',
  legacyIds: ['condition'],
  version: '1.0.0',
  name: 'Condition',
  category: 'logic',
  description: 'Evaluates a boolean expression over `value` and emits the input on `true` or `false`.',
  icon: '🔀',
  color: '#ef6c00',
  inputs: [{ name: 'value', type: 'any', required: true }],
  outputs: [
    { name: 'true', type: 'any', description: 'The input, when the expression is true.' },
    { name: 'false', type: 'any', description: 'The input, when the expression is false.' },
  ],
  configSchema: configSchema({ expression: expressionField('Boolean expression, e.g. `value.amount > 100`.') }, ['expression']),
  expressionFields: [{ pointer: '/expression', kind: 'expression', scope: ['inputs', 'config', 'value'] }],
  emit: (e) => e.helper('condition', e.expression('expression')),
  run(ctx) {
    const value = readInput(ctx, 'value', 'any');
    const taken = nodeExpression(ctx, ctx.config.expression).test();
    return { [taken ? 'true' : 'false']: value };
  },
};
