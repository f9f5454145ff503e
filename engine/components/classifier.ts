/**
 * `classifier`: asks a chat model to pick one of `labels` for `text`, as JSON `{"label": …}`. A reply that is not
 * one of the labels is an error rather than a guess: downstream branches key on the label. Chat completions give no
 * calibrated confidence, so none is claimed.
 */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { readInput } from './port-types';
import { configSchema, modelField } from './schema-fragments';

interface ClassifierConfig {
  labels: string[];
  model?: string;
  instructions?: string;
}

export function classificationPrompt(labels: string[], instructions?: string): string {
  return [
    // The labels as a JSON array: unambiguous for the model even when a label contains commas or quotes.
    `Classify the text given by the user into exactly one of these labels: ${JSON.stringify(labels)}`,
    ...(instructions ? [instructions] : []),
    'Reply with a JSON object only, of the form {"label": "<one of the labels>"}.',
  ].join('\n');
}

/** The canonical label named by `reply`, or null. Accepts {"label": x} JSON and, leniently, a bare label. */
export function labelFromReply(reply: string, labels: string[]): string | null {
  let candidate: unknown = reply.trim();
  try {
    const parsed = JSON.parse(reply);
    candidate = parsed !== null && typeof parsed === 'object' ? (parsed as { label?: unknown }).label : parsed;
  } catch {
    // not JSON: maybe the bare label
  }
  if (typeof candidate !== 'string') return null;
  const wanted = candidate.trim().toLowerCase();
  return labels.find((label) => label.toLowerCase() === wanted) ?? null;
}

export const classifierComponent: ComponentDefinition<ClassifierConfig> = {
  id: 'core/classifier',
  legacyIds: ['classifier'],
  version: '1.0.0',
  name: 'Classifier',
  category: 'ai',
  description: 'Labels `text` with one of `labels` using a chat model.',
  icon: '🏷️',
  color: '#c62828',
  inputs: [{ name: 'text', type: 'string', required: true }],
  outputs: [{ name: 'label', type: 'string' }],
  configSchema: configSchema(
    {
      labels: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string', minLength: 1 } },
      model: modelField,
      instructions: { type: 'string', maxLength: 10_000, description: 'Extra guidance for the model.' },
    },
    ['labels'],
  ),
  requires: ['model'],
  sideEffects: true,
  emit: (e) => e.helper('classifier'),
  async run(ctx) {
    const text = readInput<string>(ctx, 'text', 'string');
    const { labels, model, instructions } = ctx.config;
    const reply = await ctx.services.llm.chat(
      {
        model,
        json: true,
        temperature: 0,
        messages: [
          { role: 'system', content: classificationPrompt(labels, instructions) },
          { role: 'user', content: text },
        ],
      },
      ctx.signal,
    );
    const label = labelFromReply(reply.content, labels);
    if (label === null) {
      const preview = reply.content.length > 200 ? `${reply.content.slice(0, 200)}…` : reply.content;
      throw new ComponentError(
        'LLM_INVALID_RESPONSE',
        `the model replied ${JSON.stringify(preview)}, which names none of the labels ${labels.join(', ')}`,
        ctx.node.id,
      );
    }
    return { label };
  },
};
