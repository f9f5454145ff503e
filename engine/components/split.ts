/** `split`: splits text into an array of strings. */
import type { ComponentDefinition } from './types';
import { readInput } from './port-types';
import { configSchema } from './schema-fragments';

interface SplitConfig {
  separator: string;
  trim: boolean;
  removeEmpty: boolean;
}

export const splitComponent: ComponentDefinition<SplitConfig> = {
  id: 'core/split',
  version: '1.0.0',
  name: 'Split',
  category: 'data',
  description: 'Splits text on `separator` (as the expression split(); "" splits into characters); optionally trims parts and drops empty ones.',
  icon: '✂️',
  color: '#1565c0',
  inputs: [{ name: 'text', type: 'string', required: true }],
  outputs: [{ name: 'items', type: 'array<string>' }],
  configSchema: configSchema({
    separator: { type: 'string', default: '\n' },
    trim: { type: 'boolean', default: false },
    removeEmpty: { type: 'boolean', default: false },
  }),
  emit: (e) => e.helper('split'),
  run(ctx) {
    const text = readInput<string>(ctx, 'text', 'string');
    const { separator, trim, removeEmpty } = ctx.config;
    // Same semantics as the expression language's split(): "" splits into UTF-16 units.
    let items = text.split(separator);
    if (trim) items = items.map((item) => item.trim());
    if (removeEmpty) items = items.filter((item) => item !== '');
    return { items };
  },
};
