/** Parsing a free-text reply as JSON fails whenever the model adds a sentence around it; JSON mode prevents that. */
import type { Rule } from './types';
import { describeNode, updateConfig } from './patch-helpers';

export const jsonReplyWithoutJsonModeRule: Rule = {
  id: 'json-reply-without-json-mode',
  kind: 'ERROR_HANDLING',
  severity: 'MEDIUM',
  title: 'Model reply parsed as JSON without JSON mode',
  autoFix: true,
  bestPractices: ['Ask the model for a JSON object (JSON mode) when the next step parses its reply.'],
  check(ctx) {
    return ctx.nodesOf('core/llm').flatMap((node) => {
      if (node.config?.json === true) return [];
      const parsers = ctx.wiresFrom(node.id, 'text').filter((c) => ctx.nodes.get(c.targetId)?.componentId === 'core/json_parse');
      if (!parsers.length) return [];
      return [
        {
          nodeIds: [node.id, ...parsers.map((c) => c.targetId)],
          message: `${describeNode(node)}'s reply is parsed as JSON by ${parsers.map((c) => `"${c.targetId}"`).join(', ')}, but the node does not ask for JSON: any prose around the JSON fails the parse. Turn on JSON mode.`,
          codeSnippets: ['json: true'],
          patch: [updateConfig(node, { json: true })],
        },
      ];
    });
  },
};
