/** A plain-HTTP URL sends requests, credentials and replies readable and alterable by anyone on the path. */
import type { Rule } from './types';
import { describeNode, updateConfig } from './patch-helpers';

const URL_KEY = /^(url|baseUrl|endpoint|webhook(Url)?)$/i;
/** Local development hosts: TLS there protects nothing (and the HTTP guard blocks them unless allow-listed). */
const LOCAL_HOST = /^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/i;

export const plainHttpUrlRule: Rule = {
  id: 'plain-http-url',
  kind: 'SECURITY',
  severity: 'MEDIUM',
  title: 'Plain-HTTP URL',
  autoFix: true,
  bestPractices: ['Call remote services over HTTPS only.', 'Keep service base URLs in run inputs or configuration, not hard-coded per node.'],
  check(ctx) {
    return ctx.graph.nodes.flatMap((node) =>
      Object.entries(node.config ?? {})
        .filter(([key, value]) => URL_KEY.test(key) && typeof value === 'string' && /^http:\/\//i.test(value) && !LOCAL_HOST.test(value))
        .map(([key, value]) => {
          const secure = (value as string).replace(/^http:/i, 'https:');
          return {
            nodeIds: [node.id],
            key: `${node.id}/${key}`,
            message: `${describeNode(node)} calls ${value} over plain HTTP; use ${secure}.`,
            codeSnippets: [`${key}: "${secure}"`],
            patch: [updateConfig(node, { [key]: secure })],
          };
        }),
    );
  },
};
