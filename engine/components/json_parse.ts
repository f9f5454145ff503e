/** `json_parse`: parses JSON text (e.g. an LLM reply or an HTTP body) into a value. */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { readInput } from './port-types';
import { configSchema } from './schema-fragments';

/** LLMs often wrap JSON in a Markdown fence; accepting it saves a `transform` in every prompt pipeline. */
const FENCED = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/;

export const jsonParseComponent: ComponentDefinition<{ allowCodeFence: boolean }> = {
  id: 'core/json_parse',
  version: '1.0.0',
  name: 'Parse JSON',
  category: 'data',
  description: 'Parses JSON text into a value; optionally accepts text wrapped in a ```json fence.',
  icon: '🧩',
  color: '#00838f',
  inputs: [{ name: 'text', type: 'string', required: true }],
  outputs: [{ name: 'value', type: 'any' }],
  configSchema: configSchema({ allowCodeFence: { type: 'boolean', default: true } }),
  emit: (e) => e.helper('json_parse'),
  run(ctx) {
    const text = readInput<string>(ctx, 'text', 'string');
    const fenced = ctx.config.allowCodeFence ? FENCED.exec(text) : null;
    try {
      return { value: JSON.parse(fenced ? fenced[1] : text) };
    } catch (error) {
      const preview = text.length > 80 ? `${text.slice(0, 80)}…` : text;
      throw new ComponentError('INVALID_JSON', `input "text" is not JSON (${(error as Error).message}): ${JSON.stringify(preview)}`, ctx.node.id);
    }
  },
};
