/** A node with no wire at all is left over from editing; validation only warns about it. */
import type { Rule } from './types';
import { describeNode } from './patch-helpers';

export const disconnectedNodeRule: Rule = {
  id: 'disconnected-node',
  kind: 'STRUCTURE',
  severity: 'LOW',
  title: 'Disconnected node',
  autoFix: true,
  bestPractices: ['Keep the canvas to what runs: remove leftovers or wire them in.'],
  check(ctx) {
    if (ctx.graph.nodes.length < 2) return [];
    return ctx.graph.nodes
      .filter((node) => !ctx.isConnected(node.id))
      .map((node) => ({
        nodeIds: [node.id],
        message: `${describeNode(node)} (${node.componentId}) is not connected to anything. Remove it or connect it.`,
        patch: [{ op: 'removeNode' as const, nodeId: node.id }],
      }));
  },
};
