/**
 * graphql-ws on the router's port and path (ws://…:8006/graphql). Subscriptions run against the subscription schema;
 * queries and mutations sent over the socket are executed by the gateway like HTTP ones. `connection_init` carries
 * the caller's credentials; slow consumers are closed; subscriptions end cleanly when the supergraph reloads.
 */
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import { execute as graphqlExecute, getOperationAST, GraphQLError, print, subscribe, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '../../platform/events';
import type { Logger } from '../../platform/logger';
import { authenticateConnection } from '../authenticate';
import type { RouterContext } from '../gateway';
import { aliasAwareFieldResolver, GatewayFieldResolver, type GatewayExecutor } from './gateway-fields';
import { buildSubscriptionSchema } from './subscription-schema';

/** Bytes a socket may have queued before its client counts as too slow (then closed with 1013, "try again later"). */
export const SLOW_CONSUMER_BYTES = 4 * 1024 * 1024;

export interface SubscriptionServer {
  /** Called with each new API schema from the gateway. */
  schemaChanged(apiSchema: GraphQLSchema): void;
  readonly entities: GatewayFieldResolver;
  readonly openSubscriptions: number;
  close(): Promise<void>;
}

export function startSubscriptionServer(httpServer: http.Server, apollo: ApolloServer<RouterContext>, bus: EventBus, log: Logger, options: { memoise?: boolean } = {}): SubscriptionServer {
  const executeThroughGateway: GatewayExecutor = async (query, variables, context) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new GraphQLError('Incremental delivery is not supported over this path');
    return response.body.singleResult as ExecutionResult;
  };
  const entities = new GatewayFieldResolver(executeThroughGateway, options.memoise ?? true);
  let schema: GraphQLSchema | undefined;
  /** Live subscription iterators, so a schema reload can end them cleanly. */
  const live = new Set<AsyncGenerator | AsyncIterableIterator<unknown>>();

  const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const disposable = useServer<Record<string, unknown>, { socket: WebSocket }>(
    {
      schema: () => {
        if (!schema) throw new GraphQLError('The supergraph is not loaded yet', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
        return schema;
      },
      context: async (ctx) => ctx.extra as unknown as RouterContext,
      onConnect: async (ctx) => {
        try {
          const identity = await authenticateConnection(ctx.connectionParams ?? {});
          Object.assign(ctx.extra, { identity, requestId: randomUUID() });
          return true;
        } catch {
          return false;
        }
      },
      execute: async (args: ExecutionArgs) => {
        const operation = getOperationAST(args.document, args.operationName);
        if (operation && operation.operation !== 'subscription') {
          return executeThroughGateway(print(args.document), (args.variableValues ?? {}) as Record<string, unknown>, args.contextValue as RouterContext);
        }
        return graphqlExecute({ ...args, fieldResolver: aliasAwareFieldResolver });
      },
      subscribe: async (args: ExecutionArgs) => {
        const result = await subscribe({ ...args, fieldResolver: aliasAwareFieldResolver });
        if (Symbol.asyncIterator in result) {
          const iterator = result as AsyncGenerator;
          live.add(iterator);
          const originalReturn = iterator.return.bind(iterator);
          iterator.return = (value?: unknown) => {
            live.delete(iterator);
            return originalReturn(value);
          };
        }
        return result;
      },
      onNext: (ctx) => {
        const socket = ctx.extra.socket;
        if (socket.bufferedAmount > SLOW_CONSUMER_BYTES) {
          log.warn({ buffered: socket.bufferedAmount }, 'closing a slow subscription consumer');
          socket.close(1013, 'Slow consumer: too many undelivered messages; reconnect and resubscribe');
        }
      },
    },
    wss,
  );

  return {
    entities,
    get openSubscriptions() {
      return live.size;
    },
    schemaChanged(apiSchema) {
      try {
        schema = buildSubscriptionSchema(apiSchema, bus, executeThroughGateway, entities);
      } catch (err) {
        log.error({ err }, 'subscription schema rebuild failed; keeping the previous one');
        return;
      }
      // Running subscriptions were planned against the old schema: complete them; clients resubscribe.
      for (const iterator of [...live]) void iterator.return?.(undefined);
    },
    async close() {
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
