/**
 * `switch`: routes its input to the port of the first case whose expression is true, else to the default port.
 * Its output ports come from its config (`outputsFor`): one per case name, plus the default port.
 */
import type { PortSpec } from '../model/types';
import type { ComponentDefinition } from './types';
import { ComponentError } from './errors';
import { nodeExpression } from './expression-scope';
import { readInput } from './port-types';
import { configSchema, expressionField } from './schema-fragments';

interface SwitchConfig {
  cases: { name: string; expression: string }[];
  defaultPort: string;
}

// `error` is every node's implicit error port (model ERROR_PORT), so a case may not take that name.
const portName = { type: 'string', pattern: '^[A-Za-z_][\\w-]*$', not: { const: 'error' } };

export const switchComponent: ComponentDefinition<SwitchConfig> = {
  id: 'core/switch',
  version: '1.0.0',
  name: 'Switch',
  category: 'logic',
  description: 'Emits the input on the first case whose expression holds (cases tried in order), else on the default port.',
  icon: '🚦',
  color: '#ef6c00',
  inputs: [{ name: 'value', type: 'any', required: true }],
  outputs: [{ name: 'default', type: 'any', description: 'Case ports come from config.cases (see outputsFor).' }],
  configSchema: configSchema(
    {
      cases: {
        type: 'array',
        minItems: 1,
        items: configSchema({ name: portName, expression: expressionField('Boolean expression over `value`.') }, ['name', 'expression']),
      },
      defaultPort: { ...portName, default: 'default' },
    },
    ['cases'],
  ),
  outputsFor(config: SwitchConfig): PortSpec[] {
    return [...config.cases.map((c) => ({ name: c.name, type: 'any' as const })), { name: config.defaultPort ?? 'default', type: 'any' }];
  },
  // Cases become (port name, compiled expression) pairs; the runtime helper picks the first that holds.
  expressionFields: [{ pointer: '/cases/*/expression', kind: 'expression', scope: ['inputs', 'config', 'value'] }],
  emit: (e) => {
    const cases = (e.config.cases as SwitchConfig['cases']).map((entry, index) =>
      e.list([e.literal(entry.name), e.expression(`cases[${index}].expression`, entry.expression)]),
    );
    return e.helper('switch', e.list(cases));
  },
  run(ctx) {
    const value = readInput(ctx, 'value', 'any');
    const { cases, defaultPort } = ctx.config;
    const names = [...cases.map((c) => c.name), defaultPort];
    const duplicate = names.find((name, i) => names.indexOf(name) !== i);
    if (duplicate) throw new ComponentError('INVALID_INPUT', `config: port name "${duplicate}" is used twice`, ctx.node.id);
    for (const [index, entry] of cases.entries()) {
      if (nodeExpression(ctx, entry.expression, `cases[${index}].expression`).test()) return { [entry.name]: value };
    }
    return { [defaultPort]: value };
  },
};
