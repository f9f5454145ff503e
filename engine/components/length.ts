/** `length`: number of items in an array, characters in a string, or keys in an object. */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { describeValueKind, readInput } from './port-types';
import { configSchema } from './schema-fragments';

export const lengthComponent: ComponentDefinition<Record<string, never>> = {
  id: 'core/length',
  version: '1.0.0',
  name: 'Length',
  category: 'data',
  description: 'Counts array items, string length (UTF-16 units, like len()) or object keys.',
  icon: '📏',
  color: '#1565c0',
  inputs: [{ name: 'value', type: 'any', required: true }],
  outputs: [{ name: 'length', type: 'number' }],
  configSchema: configSchema({}),
  emit: (e) => e.helper('length'),
  run(ctx) {
    const value = readInput(ctx, 'value', 'any');
    if (Array.isArray(value)) return { length: value.length };
    // UTF-16 units, exactly as the expression language's len(): generated code must agree with the interpreter.
    if (typeof value === 'string') return { length: value.length };
    if (value !== null && typeof value === 'object') return { length: Object.keys(value).length };
    throw new ComponentError('INVALID_INPUT', `input "value": expected an array, string or object, got ${describeValueKind(value)}`, ctx.node.id);
  },
};
