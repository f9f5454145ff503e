/** Without an `output` node a run produces nothing a caller can read, whatever it computes. */
import type { GraphEdit } from '../../../engine/model/edits';
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
    // The ends of the graph: nodes with outputs nothing consumes.
    const sinks = ctx.graph.nodes.filter((node) => ctx.outputPorts(node).length > 0 && ctx.wiresFrom(node.id).length === 0 && ctx.isConnected(node.id));
    const taken = new Set<string>();
    const patch: GraphEdit[] = sinks.flatMap((sink) => {
      const port = ctx.outputPorts(sink)[0].name;
      const output = newNode(ctx, taken, `out_${sink.id}`, 'core/output', { name: sink.id.replace(/[^A-Za-z0-9_]/g, '_') }, sink, { x: 260, y: 0 });
      return [{ op: 'addNode' as const, node: output }, { op: 'connect' as const, connection: wire(ctx, taken, sink.id, port, output.id, 'value') }];
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
