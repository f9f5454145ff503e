/**
 * A `map` running model/HTTP/code calls per item over an array that comes straight from the caller: the caller
 * decides how many calls (and how much money and time) one run costs.
 */
import type { WorkflowGraph } from '../../../engine/model/types';
import { findBuiltinComponent } from '../../../engine/components';
import type { GraphContext } from '../analysis/graph-context';
import type { Rule } from './types';
import { describeNode, insertOnWire, newNode } from './patch-helpers';

export const MAP_ITEM_CAP = 100;
/** Nodes an array passes through unchanged in size or smaller. */
const ARRAY_CARRIERS: Record<string, string> = {
  'core/filter': 'items',
  'core/map': 'items',
  'core/condition': 'value',
  'core/delay': 'value',
  'core/switch': 'value',
};

function effectfulSubgraph(graph: WorkflowGraph | undefined): string[] {
  return (graph?.nodes ?? []).filter((n) => findBuiltinComponent(n.componentId)?.sideEffects).map((n) => n.id);
}

/** Does the array on this wire come from a run input with nothing capping its length on the way? */
function uncappedRunInput(ctx: GraphContext, nodeId: string, _port: string, depth = 0): string | undefined {
  const node = ctx.nodes.get(nodeId);
  if (!node || depth > 50) return undefined;
  if (node.componentId === 'core/input') return String(node.config?.name ?? node.id);
  if (node.componentId === 'core/transform' && /\bslice\s*\(/.test(String(node.config?.expression ?? ''))) return undefined;
  const carried = ARRAY_CARRIERS[node.componentId];
  const upstream = carried && ctx.wiresInto(node.id, carried)[0];
  return upstream ? uncappedRunInput(ctx, upstream.sourceId, upstream.sourcePort, depth + 1) : undefined;
}

export const unboundedMapRule: Rule = {
  id: 'unbounded-map',
  kind: 'PERFORMANCE',
  severity: 'MEDIUM',
  title: 'Costly map over an unbounded input array',
  autoFix: true,
  bestPractices: [
    `Cap the number of items a run may fan out over (e.g. slice(value, 0, ${MAP_ITEM_CAP})) before calling models or APIs per item.`,
    "Keep map concurrency within the provider's rate limit.",
  ],
  check(ctx) {
    return ctx.nodesOf('core/map').flatMap((node) => {
      const calls = node.config?.mode === 'subgraph' ? effectfulSubgraph(node.config.graph as WorkflowGraph) : [];
      const itemsWire = ctx.wiresInto(node.id, 'items')[0];
      if (!calls.length || !itemsWire) return [];
      const source = uncappedRunInput(ctx, itemsWire.sourceId, itemsWire.sourcePort);
      if (!source) return [];
      const taken = new Set<string>();
      const cap = newNode(ctx, taken, `${node.id}_cap`, 'core/transform', { expression: `slice(value, 0, ${MAP_ITEM_CAP})` }, node, { x: -130, y: 100 });
      return [
        {
          nodeIds: [node.id],
          message: `${describeNode(node)} runs ${calls.join(', ')} once per item of the run input "${source}", with no limit on the number of items. Cap it at ${MAP_ITEM_CAP} items.`,
          codeSnippets: [`slice(value, 0, ${MAP_ITEM_CAP})`],
          patch: insertOnWire(ctx, itemsWire, cap, 'value', 'value', taken),
        },
      ];
    });
  },
};
