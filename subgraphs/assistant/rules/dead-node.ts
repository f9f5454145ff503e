/** A node whose results never reach an output still costs time (and money, for model calls) on every run. */
import type { GraphContext } from '../analysis/graph-context';
import type { Rule } from './types';
import { describeNode } from './patch-helpers';

export const deadNodeRule: Rule = {
  id: 'dead-node',
  kind: 'PERFORMANCE',
  severity: 'LOW',
  title: 'Node whose result is never used',
  autoFix: true,
  bestPractices: ['Remove work whose result reaches no output, or wire it to an `output` node if the result matters.'],
  check(ctx) {
    // Without any output node every node is "dead": no-output-node reports that case instead.
    if (!ctx.nodesOf('core/output').length) return [];
    return ctx.graph.nodes
      .filter((node) => ctx.isConnected(node.id) && !ctx.reachesOutput(node.id))
      .map((node) => {
        // Everything downstream is dead too and goes with it (leaving it would leave required inputs unwired).
        const doomed = downstream(ctx, node.id);
        // A node with side effects (an HTTP POST, user code) may be there for the effect: say so, do not delete it.
        // Custom components may do anything: treated as effectful.
        const effectful = doomed.some((id) => {
          const builtin = ctx.builtin(ctx.nodes.get(id)!);
          return builtin ? Boolean(builtin.sideEffects) : true;
        });
        return {
          nodeIds: [node.id],
          message: effectful
            ? `No output depends on ${describeNode(node)} (${node.componentId}). If it runs only for its side effect, keep it; otherwise remove it.`
            : `No output depends on ${describeNode(node)} (${node.componentId}): it runs on every execution for nothing. Remove it or wire its result to an output.`,
          patch: effectful ? undefined : doomed.map((nodeId) => ({ op: 'removeNode' as const, nodeId })),
        };
      });
  },
};

/** The node and every node fed by it, directly or not. */
function downstream(ctx: GraphContext, nodeId: string): string[] {
  const seen = new Set([nodeId]);
  const queue = [nodeId];
  while (queue.length) {
    for (const c of ctx.wiresFrom(queue.pop()!)) {
      if (seen.has(c.targetId)) continue;
      seen.add(c.targetId);
      queue.push(c.targetId);
    }
  }
  return [...seen];
}
