/** `join`: joins an array of strings, numbers or booleans into text. */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { describeValueKind, readInput } from './port-types';
import { configSchema } from './schema-fragments';

export const joinComponent: ComponentDefinition<{ separator: string }> = {
  id: 'core/join',
  version: '1.0.0',
  name: 'Join',
  category: 'data',
  description: 'Joins the items with `separator`; objects and nulls are refused rather than printed as [object Object].',
  icon: '🔗',
  color: '#1565c0',
  inputs: [{ name: 'items', type: 'array', required: true }],
  outputs: [{ name: 'text', type: 'string' }],
  configSchema: configSchema({ separator: { type: 'string', default: ', ' } }),
  emit: (e) => e.helper('join'),
  run(ctx) {
    const items = readInput<unknown[]>(ctx, 'items', 'array');
    const parts = items.map((item, index) => {
      if (typeof item === 'string') return item;
      if (typeof item === 'number' || typeof item === 'boolean') return String(item);
      throw new ComponentError('INVALID_INPUT', `input "items"[${index}]: expected a string, number or boolean, got ${describeValueKind(item)}`, ctx.node.id);
    });
    return { text: parts.join(ctx.config.separator) };
  },
};
