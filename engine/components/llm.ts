/** `llm`: one chat completion through the OpenAI-compatible client (LLM_BASE_URL / LLM_API_KEY / LLM_MODEL). */
import type { ChatMessage, ComponentDefinition } from './types';
import { readInput } from './port-types';
import { configSchema, modelField } from './schema-fragments';

interface LlmConfig {
  model?: string;
  system?: string;
  temperature: number;
  maxTokens: number;
  json: boolean;
}

export const llmComponent: ComponentDefinition<LlmConfig> = {
  id: 'core/llm',
  legacyIds: ['llm'],
  version: '1.0.0',
  name: 'LLM',
  category: 'ai',
  description: 'Sends `prompt` (after an optional system message) to a chat model; in JSON mode also emits the parsed reply on `json`.',
  icon: '🤖',
  color: '#c62828',
  inputs: [{ name: 'prompt', type: 'string', required: true }],
  outputs: [
    { name: 'text', type: 'string', description: 'The reply text.' },
    { name: 'json', type: 'any', description: 'JSON mode only, when the reply parses; otherwise this port does not fire.' },
  ],
  configSchema: configSchema({
    model: modelField,
    system: { type: 'string', maxLength: 100_000 },
    temperature: { type: 'number', minimum: 0, maximum: 2, default: 0 },
    maxTokens: { type: 'integer', minimum: 1, maximum: 128_000, default: 1024 },
    json: { type: 'boolean', default: false, description: 'Ask for a JSON object reply.' },
  }),
  requires: ['model'],
  sideEffects: true,
  emit: (e) => e.helper('llm'),
  async run(ctx) {
    const prompt = readInput<string>(ctx, 'prompt', 'string');
    const { model, system, temperature, maxTokens, json } = ctx.config;
    const messages: ChatMessage[] = system ? [{ role: 'system', content: system }] : [];
    messages.push({ role: 'user', content: prompt });
    const reply = await ctx.services.llm.chat({ model, messages, temperature, maxTokens, json }, ctx.signal);
    if (!json) return { text: reply.content };
    try {
      return { text: reply.content, json: JSON.parse(reply.content) };
    } catch {
      return { text: reply.content };
    }
  },
};
