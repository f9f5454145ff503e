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
      // Bodies for generated code in other languages (the engine itself always runs `code`); see engine/codegen/README.md.
      python: { type: 'string', maxLength: 100_000, description: 'Python body of the same function, for generated Python code.' },
      go: { type: 'string', maxLength: 100_000, description: 'Go body of `func(inputs, config map[string]any) (any, error)`, for generated Go code.' },
      java: {
        type: 'string',
        maxLength: 100_000,
        description: 'Java body of `Object apply(Map<String,Object> inputs, Map<String,Object> config)`, for generated Java code.',
      },
    },
    ['code'],
  ),
  sideEffects: true,
  // JavaScript/TypeScript embed the user's code; other languages need their own body in config.<language>.
  emit: (e) => {
    const body = e.language === 'javascript' || e.language === 'typescript' ? e.config.code : e.config[e.language];
    if (typeof body === 'string' && body.trim() !== '') return e.helper('code', e.userFunction(body));
    return e.fail(`a code node needs config.${e.language} (the function body in ${e.language}, receiving inputs and config) to be generated in ${e.language}`);
  },
  async run(ctx) {
    const { code, timeoutMs, memoryBytes, params } = ctx.config;
    const value = await ctx.services.sandbox.run(code, { inputs: ctx.inputs, config: params }, { timeoutMs, memoryBytes });
    return { value: value === undefined ? null : value };
  },
};
