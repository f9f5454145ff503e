/**
 * `merge`: joins branches. It runs as soon as its inputs are settled even when some branches were skipped
 * (`runsOnPartialInputs`) and emits the first value that arrived, in connection order.
 */
import type { ComponentDefinition } from './types';
import { configSchema } from './schema-fragments';

export const mergeComponent: ComponentDefinition<Record<string, never>> = {
  id: 'core/merge',
  version: '1.0.0',
  name: 'Merge',
  category: 'logic',
  description: 'Emits the first non-skipped value among its connected branches.',
  icon: '🔃',
  color: '#ef6c00',
  inputs: [{ name: 'values', type: 'any', multiple: true, required: true, description: 'Skipped branches hold no value.' }],
  outputs: [{ name: 'value', type: 'any' }],
  configSchema: configSchema({}),
  runsOnPartialInputs: true,
  droppable: true,
  emit: (e) => e.helper('merge'),
  run(ctx) {
    const values = ctx.inputs.values;
    const candidates = Array.isArray(values) ? values : values === undefined ? [] : [values];
    const first = candidates.find((value) => value !== undefined);
    // Every branch skipped: stay silent so the skip carries on downstream.
    return first === undefined ? {} : { value: first };
  },
};
