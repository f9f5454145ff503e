/**
 * `code` (legacy `function`): user JavaScript run in the QuickJS sandbox (never in the host). The code is the body
 * of a function receiving `inputs` (this node's inputs by port) and `config` (= `config.params`); what it returns
 * (JSON) is emitted on `value`.
 */
import type { ComponentDefinition } from './types';
import { configSchema } from './schema-fragments';

export const MAX_CODE_TIMEOUT_MS = 60_000;

interface CodeConfig {
  code: string;
  timeoutMs: number;
  memoryBytes: number;
  params: Record<string, unknown>;
}

export const codeComponent: ComponentDefinition<CodeConfig> = {
  id: 'core/code',
  legacyIds: ['function'],
  version: '1.0.0',
  name: 'Code',
  category: 'logic',
  description: 'Runs JavaScript in a sandbox with a deadline and a memory limit: `return inputs.value * 2;`.',
  icon: '💻',
  color: '#37474f',
  inputs: [{ name: 'value', type: 'any', description: 'Visible to the code as inputs.value.' }],
  outputs: [{ name: 'value', type: 'any', description: 'The JSON value the code returns.' }],
  configSchema: configSchema(
    {
      code: { type: 'string', minLength: 1, maxLength: 100_000, description: 'Function body; `inputs` and `config` are in scope.' },
      timeoutMs: { type: 'integer', minimum: 1, maximum: MAX_CODE_TIMEOUT_MS, default: 1000 },
      memoryBytes: { type: 'integer', minimum: 1_048_576, maximum: 268_435_456, default: 33_554_432 },
      params: { type: 'object', default: {}, description: 'Constants passed to the code as `config`.' },
    },
    ['code'],
  ),
  sideEffects: true,
  async run(ctx) {
    const { code, timeoutMs, memoryBytes, params } = ctx.config;
    const value = await ctx.services.sandbox.run(code, { inputs: ctx.inputs, config: params }, { timeoutMs, memoryBytes });
    return { value: value === undefined ? null : value };
  },
};
