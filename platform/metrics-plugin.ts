/** Apollo Server plugin feeding the per-operation request, latency and error metrics (router and every subgraph). */
import type { ApolloServerPlugin } from '@apollo/server';
import { startOperationTimer } from './metrics';

export function operationMetricsPlugin<TContext extends object>(service: string): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const done = startOperationTimer(service);
      let failed = false;
      return {
        async didEncounterErrors() {
          failed = true;
        },
        async willSendResponse({ operationName, request, response }) {
          // Partial results (a subgraph down) count as errors too: the operator wants to see them.
          const single = response.body.kind === 'single' ? response.body.singleResult : undefined;
          done(operationName ?? request.operationName, failed || Boolean(single?.errors?.length));
        },
      };
    },
  };
}
