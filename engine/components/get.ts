/** `get`: reads a dotted path (`user.name`, `items[0].id`) out of its input. */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { lookupPath, parsePath } from './paths';
import { readInput } from './port-types';
import { configSchema } from './schema-fragments';

export const getComponent: ComponentDefinition<{ path: string; default?: unknown }> = {
  id: 'core/get',
  version: '1.0.0',
  name: 'Get field',
  category: 'data',
  description: 'Emits the value at `path` inside the input; a missing path fails unless `default` is set.',
  icon: '🔍',
  color: '#00838f',
  inputs: [{ name: 'value', type: 'any', required: true }],
  outputs: [{ name: 'value', type: 'any' }],
  configSchema: configSchema(
    {
      path: { type: 'string', minLength: 1, description: 'Dotted path, e.g. user.name or items[0].id.' },
      default: { description: 'Emitted when the path does not exist.' },
    },
    ['path'],
  ),
  emit: (e) => e.helper('get'),
  run(ctx) {
    const value = readInput(ctx, 'value', 'any');
    let segments;
    try {
      segments = parsePath(ctx.config.path);
    } catch (error) {
      throw new ComponentError('INVALID_INPUT', `config.path: ${(error as Error).message}`, ctx.node.id);
    }
    const lookup = lookupPath(value, segments);
    if (lookup.found) return { value: lookup.value };
    if (ctx.config.default !== undefined) return { value: ctx.config.default };
    throw new ComponentError('PATH_NOT_FOUND', `path "${ctx.config.path}" not found: "${lookup.missingAt}" does not exist`, ctx.node.id);
  },
};
