/** `input`: one of the run's own inputs, checked against the declared type. */
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { typeMismatch } from './port-types';
import { configSchema, portTypeField } from './schema-fragments';

interface InputConfig {
  name: string;
  type: string;
  default?: unknown;
  required: boolean;
}

export const inputComponent: ComponentDefinition<InputConfig> = {
  id: 'core/input',
  legacyIds: ['input'],
  version: '1.0.0',
  name: 'Input',
  category: 'data',
  description:
    'Reads the run input `name`. A missing input takes `default`; without one it fails when `required`, otherwise ' +
    'the `value` port does not fire (dependants are skipped).',
  icon: '📥',
  color: '#2e7d32',
  inputs: [],
  outputs: [{ name: 'value', type: 'any', description: 'The run input.' }],
  configSchema: configSchema(
    {
      name: { type: 'string', minLength: 1, pattern: '^[A-Za-z_][\\w-]*$', description: 'Key in the run inputs.' },
      type: { ...portTypeField, default: 'any' },
      default: { description: 'Used when the run input is absent.' },
      required: { type: 'boolean', default: true },
    },
    ['name'],
  ),
  emit: (e) => e.helper('input'),
  run(ctx) {
    const { name, type } = ctx.config;
    // Own keys only: a run input named `__proto__` or `constructor` must not find Object.prototype's.
    let value = Object.hasOwn(ctx.runInputs, name) ? ctx.runInputs[name] : undefined;
    if (value === undefined) value = ctx.config.default;
    if (value === undefined) {
      if (ctx.config.required) throw new ComponentError('MISSING_INPUT', `run input "${name}" is required`, ctx.node.id);
      return {};
    }
    const mismatch = typeMismatch(value, type);
    if (mismatch) throw new ComponentError('INVALID_INPUT', `run input "${name}": ${mismatch}`, ctx.node.id);
    if (hasNonFinite(value)) throw new ComponentError('INVALID_INPUT', `run input "${name}": a number is out of range`, ctx.node.id);
    return { value };
  },
};

/**
 * Run inputs are JSON, whose numbers are finite doubles (SPEC §4): a literal that overflows (`1e400`) reads as
 * ±Infinity in every host parser and is refused here, in every language alike. Iterative: inputs may be deep.
 */
export function hasNonFinite(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') stack.push(...Object.values(v));
  }
  return false;
}
