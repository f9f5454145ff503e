/** A run input of type `any` is never checked: bad test data and bad callers are only noticed deep in the graph. */
import type { Rule } from './types';
import { describeNode, updateConfig } from './patch-helpers';

export const untypedInputRule: Rule = {
  id: 'untyped-input',
  kind: 'TESTING',
  severity: 'LOW',
  title: 'Run input without a type',
  autoFix: true,
  bestPractices: ['Declare the type of every run input: runs then reject bad inputs at the door, and tests can be derived from the types.'],
  check(ctx) {
    return ctx.nodesOf('core/input').flatMap((node) => {
      const declared = node.config?.type;
      if (declared !== undefined && declared !== 'any') return [];
      // The type its consumers expect, when they agree on one.
      const wanted = new Set(ctx.wiresFrom(node.id, 'value').map((c) => ctx.inputPort(ctx.nodes.get(c.targetId)!, c.targetPort)?.type ?? 'any'));
      wanted.delete('any');
      const inferred = wanted.size === 1 ? [...wanted][0] : undefined;
      return [
        {
          nodeIds: [node.id],
          message: `Run input ${describeNode(node)} ("${String(node.config?.name ?? node.id)}") has no type, so any value is accepted.${inferred ? ` Its consumers expect ${inferred}.` : ' Declare the type it should have.'}`,
          codeSnippets: inferred ? [`type: "${inferred}"`] : [],
          patch: inferred ? [updateConfig(node, { type: inferred })] : undefined,
        },
      ];
    });
  },
};
