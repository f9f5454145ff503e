/** `set`: a copy of the `object` input with `value` written at a dotted path (missing levels are created). */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { parsePath, setAtPath } from './paths';
import { readInput } from './port-types';
import { configSchema } from './schema-fragments';

export const setComponent: ComponentDefinition<{ path: string }> = {
  id: 'core/set',
  version: '1.0.0',
  name: 'Set field',
  category: 'data',
  description: 'Returns a copy of `object` with `value` at `path`; the input object is left unchanged.',
  icon: '✏️',
  color: '#00838f',
  inputs: [
    { name: 'object', type: 'object', required: true },
    { name: 'value', type: 'any', required: true },
  ],
  outputs: [{ name: 'value', type: 'object' }],
  configSchema: configSchema({ path: { type: 'string', minLength: 1, description: 'Dotted path, e.g. meta.source.' } }, ['path']),
  emit: (e) => e.helper('set'),
  run(ctx) {
    const target = readInput<Record<string, unknown>>(ctx, 'object', 'object');
    const value = readInput(ctx, 'value', 'any');
    try {
      return { value: setAtPath(target, parsePath(ctx.config.path), value) };
    } catch (error) {
      throw new ComponentError('INVALID_INPUT', `cannot set "${ctx.config.path}": ${(error as Error).message}`, ctx.node.id);
    }
  },
};
