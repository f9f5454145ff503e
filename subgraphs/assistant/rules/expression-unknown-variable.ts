/**
 * An expression that reads a variable the node's scope does not have (a typo like `vlaue`, `inputs.x` where the node
 * has no port `x`) fails or reads null at run time. The engine's expression check finds it (validation reports the
 * same problems); this rule adds the suggested rename as a patch.
 */
import { checkNodeExpressions } from '../../../engine/model/expression-check';
import type { Rule } from './types';
import { describeNode, updateConfig } from './patch-helpers';

export const expressionUnknownVariableRule: Rule = {
  id: 'expression-unknown-variable',
  kind: 'STRUCTURE',
  severity: 'HIGH',
  title: 'Expression reads a variable that does not exist',
  autoFix: true,
  bestPractices: ["Read the node's input as `value` (or `inputs.<port>`), array elements as `item`, and the accumulator as `acc`."],
  check(ctx) {
    return ctx.graph.nodes.flatMap((node) => {
      const component = ctx.component(node);
      if (!component) return [];
      return checkNodeExpressions(node, component)
        .filter((p) => p.code === 'UNKNOWN_VARIABLE' && p.variable !== undefined)
        .map((p) => ({
          nodeIds: [node.id],
          key: `${node.id}${p.field}/${p.variable}`,
          message: `${describeNode(node)}: ${p.field.slice(1)} ${JSON.stringify(p.source)} ${p.reason}.`,
          codeSnippets: [p.suggestion?.fixed ?? p.source],
          // Only a top-level field is patched: the config is replaced as a whole by updateNode.
          patch: p.suggestion && p.field === '/expression' ? [updateConfig(node, { expression: p.suggestion.fixed })] : undefined,
        }));
    });
  },
};
