/** Two model calls with the same settings on the same input give the same answer: one of them is paid for nothing. */
import { findBuiltinComponent } from '../../../engine/components';
import type { GraphEdit } from '../../../engine/model/edits';
import type { NodeInstance } from '../../../engine/model/types';
import type { GraphContext } from '../analysis/graph-context';
import type { Finding, Rule } from './types';
import { wire } from './patch-helpers';

/** Model calls: components that declare they require a model. */
const callsModel = (componentId: string): boolean => findBuiltinComponent(componentId)?.requires?.includes('model') === true;

/** Stable JSON (sorted keys) so configs that differ only in key order compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function callSignature(ctx: GraphContext, node: NodeInstance): string {
  const inputs = ctx
    .wiresInto(node.id)
    .map((c) => `${c.targetPort}<-${c.sourceId}.${c.sourcePort}`)
    .sort();
  return canonicalJson({ component: node.componentId, config: node.config ?? {}, inputs });
}

export const duplicateModelCallsRule: Rule = {
  id: 'duplicate-model-calls',
  kind: 'COST',
  severity: 'MEDIUM',
  title: 'Identical model calls that could be merged',
  autoFix: true,
  bestPractices: ['Call a model once per distinct prompt and fan the reply out to every consumer.'],
  check(ctx) {
    const groups = new Map<string, NodeInstance[]>();
    for (const node of ctx.graph.nodes) {
      if (!callsModel(node.componentId) || !ctx.wiresInto(node.id).length) continue;
      const key = callSignature(ctx, node);
      groups.set(key, [...(groups.get(key) ?? []), node]);
    }
    const findings: Finding[] = [];
    for (const [, [kept, ...duplicates]] of groups) {
      if (!duplicates.length) continue;
      const taken = new Set<string>();
      const patch: GraphEdit[] = duplicates.flatMap((dup) => [
        { op: 'removeNode' as const, nodeId: dup.id },
        ...ctx.wiresFrom(dup.id).map((c) => ({ op: 'connect' as const, connection: wire(ctx, taken, kept.id, c.sourcePort, c.targetId, c.targetPort) })),
      ]);
      findings.push({
        nodeIds: [kept.id, ...duplicates.map((d) => d.id)],
        message: `${[kept, ...duplicates].map((n) => `"${n.id}"`).join(', ')} send the same ${kept.componentId} request on the same input: each run pays ${duplicates.length + 1} times for one answer. Keep "${kept.id}" and feed its consumers from it.`,
        patch,
      });
    }
    return findings;
  },
};
