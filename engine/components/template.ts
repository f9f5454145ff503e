/**
 * `template`: renders a string with `{{path}}` placeholders (the prompt template). Placeholders resolve against the
 * `values` object input; the `value` input, when connected, is also available as `{{value}}` (so a single string
 * needs no `object` node in between).
 */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { PlaceholderError, renderPlaceholders } from './placeholders';
import { readInput } from './port-types';
import { configSchema } from './schema-fragments';

export const templateComponent: ComponentDefinition<{ template: string }> = {
  id: 'core/template',
  version: '1.0.0',
  name: 'Template',
  category: 'data',
  description: 'Fills `{{path}}` placeholders from the `values` object (and `{{value}}` from the `value` input).',
  icon: '📝',
  color: '#6a1b9a',
  inputs: [
    { name: 'values', type: 'object', description: 'Variables for the placeholders, e.g. {question, user: {name}}.' },
    { name: 'value', type: 'any', description: 'Available as {{value}}.' },
  ],
  outputs: [{ name: 'text', type: 'string' }],
  configSchema: configSchema({ template: { type: 'string', maxLength: 100_000, description: 'Text with {{path}} placeholders.' } }, ['template']),
  // `*`: any key of the `values` input.
  expressionFields: [{ pointer: '/template', kind: 'template', scope: ['value', '*'] }],
  emit: (e) => e.helper('template'),
  run(ctx) {
    const values = readInput<Record<string, unknown> | undefined>(ctx, 'values', 'object', false) ?? {};
    const scope = ctx.inputs.value === undefined ? values : { ...values, value: ctx.inputs.value };
    try {
      return { text: renderPlaceholders(ctx.config.template, scope) };
    } catch (error) {
      if (error instanceof PlaceholderError) throw new ComponentError('TEMPLATE_ERROR', error.message, ctx.node.id);
      throw error;
    }
  },
};
