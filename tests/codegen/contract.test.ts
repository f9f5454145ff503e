/**
 * The component contract, checked without any toolchain: every built-in can be generated, has its helper in each
 * runtime (Python, Go, Java and the JavaScript runtime TypeScript shares), is exercised by the fidelity corpus, and
 * its declarations (`expressionFields`, `secretFields`, `requires`, `droppable`) agree with what it does. The
 * checklist for adding a component is engine/components/README.md.
 */
import { builtinComponents } from '../../engine/components';
import type { ComponentDefinition } from '../../engine/components/types';
import type { ComponentEmitContext } from '../../engine/codegen/types';
import { goHelperName } from '../../engine/codegen/languages/go';
import { javaHelperName } from '../../engine/codegen/languages/java';
import { runtimeFiles } from '../../engine/codegen/languages/shared';
import { applyConfigDefaults } from '../../engine/runtime/config-defaults';
import { builtinTemplates } from '../../engine/templates';
import type { WorkflowGraph } from '../../engine/model/types';
import { componentCases } from './corpus-components';
import { expressionCases } from './corpus-expressions';
import { regressionCases } from './corpus-regressions';

/** Runs a component's emitter against a recording context: the helper it names and the expressions it compiles. */
function emitted(component: ComponentDefinition, config: Record<string, unknown>): { helpers: string[]; expressions: string[] } {
  const helpers: string[] = [];
  const expressions: string[] = [];
  const context: ComponentEmitContext = {
    language: 'python',
    nodeId: 'n',
    config,
    helper: (name) => (helpers.push(name), 'helper'),
    expression: (field) => (expressions.push(field), 'expression'),
    list: (items) => `[${items.join(',')}]`,
    literal: (value) => JSON.stringify(value),
    subgraph: () => 'subgraph',
    userFunction: () => 'user',
    fail: (message) => {
      throw new Error(message);
    },
  };
  component.emit?.(context);
  return { helpers, expressions };
}

/** A config that exercises every declared expression field (defaults plus the fields the schema requires). */
const SAMPLE_CONFIGS: Record<string, Record<string, unknown>> = {
  'core/input': { name: 'x' },
  'core/output': { name: 'x' },
  'core/template': { template: '{{a}}' },
  'core/transform': { expression: '1' },
  'core/get': { path: 'a' },
  'core/set': { path: 'a' },
  'core/object': { keys: ['a'] },
  'core/filter': { expression: 'true' },
  'core/reduce': { expression: 'acc', initial: 0 },
  'core/condition': { expression: 'true' },
  'core/switch': {
    cases: [
      { name: 'a', expression: 'true' },
      { name: 'b', expression: 'false' },
    ],
  },
  'core/map': { mode: 'expression', expression: 'item' },
  'core/code': { code: 'return 1', python: 'return 1', go: 'return 1, nil', java: 'return 1;' },
  'core/classifier': { labels: ['a', 'b'] },
};

const sampleConfig = (c: ComponentDefinition) => applyConfigDefaults(c.configSchema as Record<string, unknown>, SAMPLE_CONFIGS[c.id] ?? {});

const runtimeText = (dir: string, file?: RegExp) =>
  runtimeFiles(dir)
    .filter((f) => !file || file.test(f.path))
    .map((f) => f.content)
    .join('\n');

describe.each(builtinComponents.map((c) => [c.id, c] as const))('%s', (_id, component) => {
  const { helpers, expressions } = emitted(component, sampleConfig(component));
  const world = (component.requires?.length ?? 0) > 0;

  it('has a code emitter naming one runtime helper', () => {
    expect(component.emit).toBeDefined();
    expect(new Set(helpers).size).toBe(1);
  });

  it('has that helper in every runtime', () => {
    const name = helpers[0];
    const javaClass = javaHelperName(name, world);
    const [file, method] = javaClass.split('.');
    const missing = [
      !new RegExp(`^def c_${name}\\(`, 'm').test(runtimeText('python')) && `python c_${name}`,
      !new RegExp(`^func ${goHelperName(name)}\\(`, 'm').test(runtimeText('go')) && `go ${goHelperName(name)}`,
      !new RegExp(`public static Map<String, Object> ${method}\\(`).test(runtimeText('java', new RegExp(`^${file}\\.java$`))) && `java ${javaClass}`,
      !new RegExp(`^  ((async )?${name}\\(ctx|${name}: \\(ctx)`, 'm').test(runtimeText('javascript', /^(components|world)\.js$/)) && `javascript ${name}`,
    ].filter(Boolean);
    expect(missing).toEqual([]);
  });

  it('compiles every expression field it declares', () => {
    const declared = (component.expressionFields ?? []).filter((f) => f.kind === 'expression');
    // `/cases/*/expression` is compiled once per case (as `cases[i].expression`), `/expression` as `expression`.
    const pattern = (pointer: string) =>
      new RegExp(
        `^${pointer
          .slice(1)
          .replace(/\/\*\//g, '\\[\\d+\\]\\.')
          .replace(/\//g, '\\.')}$`,
      );
    expect(declared.filter((f) => !expressions.some((e) => pattern(f.pointer).test(e))).map((f) => f.pointer)).toEqual([]);
    expect(expressions.filter((e) => !declared.some((f) => pattern(f.pointer).test(e)))).toEqual([]);
  });

  it('declares secret fields that exist in its config schema', () => {
    const properties = (component.configSchema as { properties?: Record<string, unknown> }).properties ?? {};
    expect((component.secretFields ?? []).filter((pointer) => !(pointer.split('/')[1] in properties))).toEqual([]);
  });

  it('is droppable only if it can neither fail nor touch the world', () => {
    if (component.droppable)
      expect([component.sideEffects ?? false, component.requires ?? [], component.inputs.some((p) => p.type !== 'any')]).toEqual([false, [], false]);
  });
});

it('every built-in is exercised by the fidelity corpus', () => {
  const used = new Set<string>();
  const visit = (graph: WorkflowGraph) =>
    graph.nodes.forEach((n) => {
      used.add(n.componentId);
      const sub = (n.config as { graph?: WorkflowGraph }).graph;
      if (sub?.nodes) visit(sub);
    });
  const http = 'http://127.0.0.1:1';
  [...builtinTemplates.map((t) => t.graph), ...[...expressionCases, ...componentCases(http), ...regressionCases(http)].map((c) => c.graph)].forEach(visit);
  expect(builtinComponents.map((c) => c.id).filter((id) => !used.has(id))).toEqual([]);
});
