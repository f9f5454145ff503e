/**
 * `output`: marks a value as a run output. It emits nothing; the interpreter collects
 * `outputs[config.name ?? node.id] = inputs.value` from every output node that ran.
 */
import type { ComponentDefinition } from './types';
import { readInput } from './port-types';
import { configSchema } from './schema-fragments';

export const outputComponent: ComponentDefinition<{ name?: string }> = {
  id: 'core/output',
  legacyIds: ['output'],
  version: '1.0.0',
  name: 'Output',
  category: 'data',
  description: 'Publishes its input as the run output `name` (the node id when no name is set).',
  icon: '📤',
  color: '#2e7d32',
  inputs: [{ name: 'value', type: 'any', required: true, description: 'The value to publish.' }],
  outputs: [],
  configSchema: configSchema({ name: { type: 'string', minLength: 1, description: 'Key in the run outputs.' } }),
  emit: (e) => e.helper('output'),
  run(ctx) {
    readInput(ctx, 'value', 'any');
    return {};
  },
};
