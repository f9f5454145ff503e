/**
 * `object`: builds an object from several wires. `values` is a `multiple` input (values in connection order) and
 * `config.keys` names them, in the same order: keys [question, context] + two wires → {question, context}.
 */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { readInput } from './port-types';
import { configSchema } from './schema-fragments';

export const objectComponent: ComponentDefinition<{ keys: string[] }> = {
  id: 'core/object',
  version: '1.0.0',
  name: 'Build object',
  category: 'data',
  description: 'Zips `keys` with the values connected to `values` (in connection order) into one object.',
  icon: '🧱',
  color: '#00838f',
  inputs: [{ name: 'values', type: 'any', multiple: true, required: true, description: 'One wire per key, in key order.' }],
  outputs: [{ name: 'value', type: 'object' }],
  configSchema: configSchema({ keys: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } } }, ['keys']),
  emit: (e) => e.helper('object'),
  run(ctx) {
    const values = readInput<unknown[]>(ctx, 'values', 'array');
    const { keys } = ctx.config;
    if (values.length !== keys.length) {
      throw new ComponentError(
        'INVALID_INPUT',
        `config.keys names ${keys.length} value(s) (${keys.join(', ')}) but ${values.length} are connected to "values"`,
        ctx.node.id,
      );
    }
    return { value: Object.fromEntries(keys.map((key, index) => [key, values[index]])) };
  },
};
