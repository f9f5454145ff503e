/** `embedder`: embeddings through the OpenAI-compatible client; one text → `embedding`, an array → `embeddings`. */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { readInput, typeMismatch } from './port-types';
import { configSchema, modelField } from './schema-fragments';

export const embedderComponent: ComponentDefinition<{ model?: string }> = {
  id: 'core/embedder',
  legacyIds: ['embedder'],
  version: '1.0.0',
  name: 'Embedder',
  category: 'ai',
  description: 'Turns a string into a vector (`embedding`) or an array of strings into vectors (`embeddings`).',
  icon: '🧬',
  color: '#c62828',
  inputs: [{ name: 'text', type: 'any', required: true, description: 'A string or an array of strings.' }],
  outputs: [
    { name: 'embedding', type: 'array<number>', description: 'When `text` is a string.' },
    { name: 'embeddings', type: 'array<array<number>>', description: 'When `text` is an array, one per string.' },
  ],
  configSchema: configSchema({ model: modelField }),
  requires: ['model'],
  sideEffects: true,
  emit: (e) => e.helper('embedder'),
  async run(ctx) {
    const text = readInput(ctx, 'text', 'any');
    const single = typeof text === 'string';
    if (!single && typeMismatch(text, 'array<string>')) {
      throw new ComponentError('INVALID_INPUT', `input "text": expected a string or an array of strings (${typeMismatch(text, 'array<string>')})`, ctx.node.id);
    }
    const input = single ? [text] : (text as string[]);
    if (input.length === 0) return { embeddings: [] };
    const vectors = await ctx.services.llm.embed({ model: ctx.config.model, input }, ctx.signal);
    if (vectors.length !== input.length) {
      throw new ComponentError('LLM_INVALID_RESPONSE', `asked for ${input.length} embedding(s), received ${vectors.length}`, ctx.node.id);
    }
    return single ? { embedding: vectors[0] } : { embeddings: vectors };
  },
};
