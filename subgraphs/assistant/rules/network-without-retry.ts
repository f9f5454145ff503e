/** LLM and HTTP calls fail transiently (rate limits, timeouts): without a retry or an error route one blip fails the run. */
import { findBuiltinComponent } from '../../../engine/components';
import type { Rule } from './types';
import { describeNode } from './patch-helpers';

/** Remote calls: components that declare a run-time requirement (a model or the network). */
const isRemoteCall = (componentId: string): boolean => (findBuiltinComponent(componentId)?.requires?.length ?? 0) > 0;

export const networkWithoutRetryRule: Rule = {
  id: 'network-without-retry',
  kind: 'ERROR_HANDLING',
  severity: 'HIGH',
  title: 'Remote call without retry or error route',
  autoFix: true,
  bestPractices: [
    'Retry remote calls a few times with exponential backoff: most provider errors (429, 503, timeouts) are transient.',
    'Route persistent failures to an error branch (settings.onError = ROUTE) instead of failing the whole run.',
  ],
  check(ctx) {
    return ctx.graph.nodes
      .filter((node) => isRemoteCall(node.componentId) && !(node.settings?.retries && node.settings.retries > 0) && !ctx.handlesErrors(node))
      .map((node) => ({
        nodeIds: [node.id],
        message: `${describeNode(node)} (${node.componentId}) calls a remote service once and fails the run on the first error. Retry it (2 retries, 500 ms backoff doubling).`,
        codeSnippets: [`settings: { retries: 2, retryBackoffMs: 500 }`],
        patch: [{ op: 'updateNode', nodeId: node.id, settings: { ...node.settings, retries: 2, retryBackoffMs: 500 } }],
      }));
  },
};
