/** Without an `output` node a run produces nothing a caller can read, whatever it computes. */
import type { GraphEdit } from '../../../engine/model/edits';
import type { NodeInstance } from '../../../engine/model/types';
import { deadBranches } from './constant-condition';
import type { Rule } from './types';
import { newNode, wire } from './patch-helpers';

export const noOutputNodeRule: Rule = {
  id: 'no-output-node',
  kind: 'STRUCTURE',
  severity: 'HIGH',
  title: 'Project has no output',
  autoFix: true,
  bestPractices: ['Publish each result a caller needs through an `output` node with a clear name.'],
  check(ctx) {
    if (!ctx.graph.nodes.length || ctx.nodesOf('core/output').length) return [];
    // The ends of the graph: nodes with outputs nothing consumes — but not on a branch that can never run (the
    // constant-condition fix deletes those, and the output with them); a constant condition's taken port counts.
    const dead = deadBranches(ctx);
    const deadIds = new Set(dead.flatMap((b) => [...b.removed].filter((id) => id !== b.node.id)));
    const ends: [NodeInstance, string][] = ctx.graph.nodes
      .filter(
        (node) =>
          !deadIds.has(node.id) &&
          !dead.some((b) => b.node.id === node.id) &&
          ctx.outputPorts(node).length > 0 &&
          ctx.wiresFrom(node.id).length === 0 &&
          ctx.isConnected(node.id),
      )
      .map((node) => [node, ctx.outputPorts(node)[0].name]);
    for (const b of dead) if (!ctx.wiresFrom(b.node.id, String(b.taken)).length) ends.push([b.node, String(b.taken)]);
    const sinks = ends.map(([node]) => node);
    const taken = new Set<string>();
    const patch: GraphEdit[] = ends.flatMap(([sink, port]) => {
      const output = newNode(ctx, taken, `out_${sink.id}`, 'core/output', { name: sink.id.replace(/[^A-Za-z0-9_]/g, '_') }, sink, { x: 260, y: 0 });
      return [
        { op: 'addNode' as const, node: output },
        { op: 'connect' as const, connection: wire(ctx, taken, sink.id, port, output.id, 'value') },
      ];
    });
    return [
      {
        nodeIds: sinks.map((s) => s.id),
        key: 'project',
        message: sinks.length
          ? `The project has no output node, so a run returns nothing. Publish the results of ${sinks.map((s) => `"${s.id}"`).join(', ')}.`
          : 'The project has no output node, so a run returns nothing.',
        patch: patch.length ? patch : undefined,
      },
    ];
  },
};
