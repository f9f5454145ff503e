/**
 * Fixes compose: on every crafted project, every applicable fix is applied in every order, each one computed against
 * the current graph (as applySuggestion recomputes it). No finding an earlier fix resolved comes back, and nothing an
 * earlier fix added is removed.
 */
import { builtinComponents } from '../../engine/components';
import { applyGraphEdits } from '../../engine/model/edits';
import type { WorkflowGraph } from '../../engine/model/types';
import type { ComponentShape } from '../../engine/model/validate';
import { analyzeGraph } from '../../subgraphs/assistant/analysis/analyzer';
import { COMBINED, CRAFTED } from './crafted-projects';

const components: ReadonlyMap<string, ComponentShape> = new Map(builtinComponents.map((c) => [c.id, c]));

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}

const projects = Object.entries({ ...CRAFTED, ...COMBINED });

test.each(projects)('%s: every order of its fixes composes', (_name, graph: WorkflowGraph) => {
  const fixable = analyzeGraph(graph, components)
    .filter((f) => f.patch)
    .map((f) => f.fingerprint);
  for (const order of permutations(fixable.slice(0, 5))) {
    let current = graph;
    const resolved: string[] = [];
    const added = new Set<string>();
    for (const fingerprint of order) {
      const finding = analyzeGraph(current, components).find((f) => f.fingerprint === fingerprint);
      if (!finding?.patch) continue; // resolved by an earlier fix, or no longer fixable automatically
      const removed = finding.patch.flatMap((e) => (e.op === 'removeNode' ? [e.nodeId] : []));
      expect({ order, fingerprint, removesAdded: removed.filter((id) => added.has(id)) }).toEqual({ order, fingerprint, removesAdded: [] });
      current = applyGraphEdits(current, finding.patch);
      for (const e of finding.patch) if (e.op === 'addNode') added.add(e.node.id);
      resolved.push(fingerprint);
      const back = analyzeGraph(current, components)
        .map((f) => f.fingerprint)
        .filter((f) => resolved.includes(f));
      expect({ order, back }).toEqual({ order, back: [] });
    }
  }
});

test('the combined projects do have several fixes, and the dead-end one publishes the live branch', () => {
  for (const graph of Object.values(COMBINED)) expect(analyzeGraph(graph, components).filter((f) => f.patch).length).toBeGreaterThanOrEqual(2);
  const noOutput = analyzeGraph(COMBINED['dead end without output'], components).find((f) => f.rule.id === 'no-output-node')!;
  expect(noOutput.patch).toContainEqual(
    expect.objectContaining({ op: 'connect', connection: expect.objectContaining({ sourceId: 'always', sourcePort: 'true' }) }),
  );
});
