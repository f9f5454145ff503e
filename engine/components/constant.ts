/** `constant`: a fixed JSON value from config. */
import type { ComponentDefinition } from './types';
import { configSchema } from './schema-fragments';

export const constantComponent: ComponentDefinition<{ value: unknown }> = {
  id: 'core/constant',
  version: '1.0.0',
  name: 'Constant',
  category: 'data',
  description: 'Emits the JSON value set in its config.',
  icon: '📌',
  color: '#546e7a',
  inputs: [],
  outputs: [{ name: 'value', type: 'any' }],
  configSchema: configSchema({ value: { description: 'Any JSON value.', default: null } }),
  droppable: true,
  emit: (e) => e.helper('constant'),
  run(ctx) {
    return { value: ctx.config.value };
  },
};
