/** A branch expression that reads no variable always takes the same way: the other branch is dead code. */
import { evaluateExpression, freeVariables, parseExpression, type ExpressionNode } from '../../../engine/expressions';
import type { GraphEdit } from '../../../engine/model/edits';
import type { NodeInstance } from '../../../engine/model/types';
import type { GraphContext } from '../analysis/graph-context';
import type { Finding, Rule } from './types';
import { describeNode, wire } from './patch-helpers';

/** The constant value of an expression that reads no variable, or undefined when it reads one (or fails). */
export function constantValue(source: unknown): { value: unknown } | undefined {
  if (typeof source !== 'string') return undefined;
  let ast: ExpressionNode;
  try {
    ast = parseExpression(source);
  } catch {
    return undefined;
  }
  if (freeVariables(ast).length) return undefined;
  try {
    return { value: evaluateExpression(ast, {}) };
  } catch {
    return undefined;
  }
}

const BRANCHING: Record<string, (node: NodeInstance) => { field: string; source: unknown }[]> = {
  'core/condition': (node) => [{ field: 'expression', source: node.config?.expression }],
  'core/filter': (node) => [{ field: 'expression', source: node.config?.expression }],
  'core/switch': (node) =>
    (Array.isArray(node.config?.cases) ? node.config.cases : []).map((c: { expression?: unknown }, i: number) => ({
      field: `cases[${i}].expression`,
      source: c?.expression,
    })),
};

export const constantConditionRule: Rule = {
  id: 'constant-condition',
  kind: 'STRUCTURE',
  severity: 'MEDIUM',
  title: 'Condition that is always true or always false',
  autoFix: true,
  bestPractices: ['Branch on the data (`value`, `item`, `inputs.*`), not on constants; delete branches that can never run.'],
  check(ctx) {
    const findings: Finding[] = [];
    for (const node of ctx.graph.nodes) {
      for (const { field, source } of BRANCHING[node.componentId]?.(node) ?? []) {
        const constant = constantValue(source);
        if (!constant || typeof constant.value !== 'boolean') continue;
        findings.push({
          nodeIds: [node.id],
          key: `${node.id}/${field}`,
          message: `${describeNode(node)}: ${field} ${JSON.stringify(source)} reads no variable and is always ${constant.value}.`,
          codeSnippets: [String(source)],
          patch: node.componentId === 'core/condition' ? bypassCondition(ctx, node) : undefined,
        });
      }
    }
    return findings;
  },
};

/** A condition that always takes one branch: the nodes only its never-taken branch feeds are dead. */
export interface DeadBranch {
  node: NodeInstance;
  taken: boolean;
  /** The condition itself and every node only the dead branch feeds. */
  removed: Set<string>;
}

/** Conditions with a constant expression (and a wired input), with what their fix removes. */
export function deadBranches(ctx: GraphContext): DeadBranch[] {
  const found: DeadBranch[] = [];
  for (const node of ctx.nodesOf('core/condition')) {
    const constant = constantValue(node.config?.expression);
    if (!constant || typeof constant.value !== 'boolean' || !ctx.wiresInto(node.id, 'value')[0]) continue;
    const taken = constant.value;
    const removed = new Set([node.id]);
    // A node dies when every wire into it comes from a removed node through the dead branch (or from the dead nodes).
    const queue = ctx.wiresFrom(node.id, String(!taken)).map((c) => c.targetId);
    while (queue.length) {
      const id = queue.shift()!;
      if (removed.has(id)) continue;
      const feeds = ctx.wiresInto(id);
      if (feeds.every((c) => removed.has(c.sourceId) && !(c.sourceId === node.id && c.sourcePort === String(taken)))) {
        removed.add(id);
        queue.push(...ctx.wiresFrom(id).map((c) => c.targetId));
      }
    }
    found.push({ node, taken, removed });
  }
  return found;
}

/**
 * Wires the condition's input straight to the consumers of the branch it always takes, and removes the condition
 * with whatever only the never-taken branch fed.
 */
function bypassCondition(ctx: GraphContext, node: NodeInstance): GraphEdit[] | undefined {
  const branch = deadBranches(ctx).find((b) => b.node.id === node.id);
  const input = ctx.wiresInto(node.id, 'value')[0];
  if (!branch || !input) return undefined;
  const ids = new Set<string>();
  const { removed, taken } = branch;
  return [
    ...[...removed].map((nodeId) => ({ op: 'removeNode' as const, nodeId })),
    ...ctx
      .wiresFrom(node.id, String(taken))
      .filter((c) => !removed.has(c.targetId))
      .map((c) => ({ op: 'connect' as const, connection: wire(ctx, ids, input.sourceId, input.sourcePort, c.targetId, c.targetPort) })),
  ];
}
