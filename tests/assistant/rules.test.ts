/**
 * The analysis rules over real graphs and the real built-in catalogue: each fires on a project crafted with its
 * fault, none fires on a shipped template, and every automatic fix applies, leaves the graph valid, and makes its
 * finding disappear.
 */
import { builtinComponents } from '../../engine/components';
import { applyGraphEdits } from '../../engine/model/edits';
import { validateGraph, type ComponentShape } from '../../engine/model/validate';
import { builtinTemplates } from '../../engine/templates';
import { analyzeGraph, fingerprintOf } from '../../subgraphs/assistant/analysis/analyzer';
import { GraphContext } from '../../subgraphs/assistant/analysis/graph-context';
import { ANALYSIS_RULES } from '../../subgraphs/assistant/rules';
import { CRAFTED } from './crafted-projects';

const components: ReadonlyMap<string, ComponentShape> = new Map(builtinComponents.map((c) => [c.id, c]));
const ruleById = new Map(ANALYSIS_RULES.map((r) => [r.id, r]));

it('has at least 12 rules with unique ids, each with a crafted project', () => {
  expect(ANALYSIS_RULES.length).toBeGreaterThanOrEqual(12);
  expect(new Set(ANALYSIS_RULES.map((r) => r.id)).size).toBe(ANALYSIS_RULES.length);
  expect(Object.keys(CRAFTED).sort()).toEqual(ANALYSIS_RULES.map((r) => r.id).sort());
});

describe.each(builtinTemplates.map((t) => [t.id, t] as const))('template %s', (_id, template) => {
  it('triggers no rule', () => {
    expect(analyzeGraph(template.graph, components).map((f) => f.fingerprint)).toEqual([]);
  });
});

describe.each(Object.entries(CRAFTED))('rule %s', (ruleId, graph) => {
  const rule = ruleById.get(ruleId)!;
  const findings = () => analyzeGraph(graph, components, [rule]);

  it('fires on its crafted project', () => {
    const found = findings();
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.finding.message.length).toBeGreaterThan(20);
      expect(f.finding.nodeIds.every((id) => graph.nodes.some((n) => n.id === id))).toBe(true);
    }
  });

  it('offers a fix that applies, keeps the project valid and silences the finding (when it has one)', () => {
    const before = validateGraph(graph, components);
    // Validation reports an unknown variable itself (the engine's expression check); the rule adds the fix.
    expect(before.errors.filter((e) => !(ruleId === 'expression-unknown-variable' && e.code === 'UNKNOWN_VARIABLE'))).toEqual([]);
    const withPatch = findings().filter((f) => f.patch);
    if (!rule.autoFix) {
      expect(withPatch).toEqual([]);
      return;
    }
    expect(withPatch.length).toBeGreaterThan(0);
    for (const f of withPatch) {
      const after = applyGraphEdits(graph, f.patch!);
      expect(validateGraph(after, components).errors).toEqual([]);
      const again = rule.check(new GraphContext(after, components)).map((x) => fingerprintOf(rule, x));
      expect(again).not.toContain(f.fingerprint);
    }
  });
});

describe('rule details', () => {
  it('unknown expression variables: suggests the near name, and reports inputs.<port> that does not exist', () => {
    const [typo] = analyzeGraph(CRAFTED['expression-unknown-variable'], components, [ruleById.get('expression-unknown-variable')!]);
    expect(typo.finding.message).toContain('did you mean "value"');
    expect(typo.patch).toEqual([expect.objectContaining({ op: 'updateNode', nodeId: 'double', config: { expression: 'value * 2' } })]);
    const graph = {
      ...CRAFTED['no-output-node'],
      nodes: CRAFTED['no-output-node'].nodes.map((n) => (n.id === 'double' ? { ...n, config: { expression: 'inputs.amount * 2' } } : n)),
    };
    const [port] = analyzeGraph(graph, components, [ruleById.get('expression-unknown-variable')!]);
    expect(port.finding.message).toContain('no input port "amount"');
    expect(port.patch).toBeNull();
  });

  it('missing template variables: builds the values object when nothing is connected', () => {
    const graph = {
      nodes: [CRAFTED['template-missing-variable'].nodes[2], CRAFTED['template-missing-variable'].nodes[3]],
      connections: [CRAFTED['template-missing-variable'].connections[2]],
    };
    const [finding] = analyzeGraph(graph, components, [ruleById.get('template-missing-variable')!]);
    expect(finding.finding.message).toContain('{{a}}, {{b}}');
    const after = applyGraphEdits(graph, finding.patch!);
    expect(
      after.nodes
        .filter((n) => n.componentId === 'core/input')
        .map((n) => n.config.name)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(after.nodes.find((n) => n.componentId === 'core/object')?.config.keys).toEqual(['a', 'b']);
  });

  it('any into a typed object port is guarded with a type test, not converted', () => {
    const graph = {
      nodes: [...CRAFTED['unchecked-any'].nodes.slice(0, 2), { ...CRAFTED['json-reply-without-json-mode'].nodes[0], id: 'v' }],
      connections: [CRAFTED['unchecked-any'].connections[0]],
    };
    const stamp = { id: 'stamp', componentId: 'core/set', componentVersion: '1.0.0', position: { x: 0, y: 0 }, config: { path: 'seen' } };
    const out = { id: 'out', componentId: 'core/output', componentVersion: '1.0.0', position: { x: 0, y: 0 }, config: {} };
    const g = {
      nodes: [...graph.nodes, stamp, out],
      connections: [
        ...graph.connections,
        { id: 'p', sourceId: 'parse', sourcePort: 'value', targetId: 'stamp', targetPort: 'object' },
        { id: 'q', sourceId: 'v', sourcePort: 'value', targetId: 'stamp', targetPort: 'value' },
        { id: 'r', sourceId: 'stamp', sourcePort: 'value', targetId: 'out', targetPort: 'value' },
      ],
    };
    const [finding] = analyzeGraph(g, components, [ruleById.get('unchecked-any')!]);
    expect(finding.patch?.find((e) => e.op === 'addNode')).toMatchObject({
      node: { componentId: 'core/condition', config: { expression: 'typeOf(value) == "object"' } },
    });
  });

  it('secret detection ignores placeholders and ordinary values', () => {
    const graph = CRAFTED['secret-literal'];
    const clean = {
      ...graph,
      nodes: graph.nodes.map((n) =>
        n.id === 'call' ? { ...n, config: { ...n.config, headers: { authorization: 'Bearer {{token}}', accept: 'application/json' } } } : n,
      ),
    };
    expect(analyzeGraph(clean, components, [ruleById.get('secret-literal')!])).toEqual([]);
    const [finding] = analyzeGraph(graph, components, [ruleById.get('secret-literal')!]);
    expect(finding.finding.message).not.toContain('0123456789abcdef');
  });
});
