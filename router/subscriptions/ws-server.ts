/**
 * graphql-ws on the router's port and path (ws://…:8006/graphql). Subscriptions run against the subscription schema;
 * queries and mutations sent over the socket are executed by the gateway like HTTP ones. `connection_init` carries
 * the caller's credentials; slow consumers are closed; subscriptions end cleanly when the supergraph reloads.
 */
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ApolloServer } from '@apollo/server';
import {
  execute as graphqlExecute,
  getOperationAST,
  GraphQLError,
  print,
  subscribe,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '../../platform/events';
import type { Logger } from '../../platform/logger';
import type { RequestAuthentication } from '../authenticate';
import type { RouterContext } from '../gateway';
import { routeUpgrades } from '../upgrade-router';
import { aliasAwareFieldResolver, GatewayFieldResolver, type GatewayExecutor } from './gateway-fields';
import type { PrepareOperation } from '../security/prepare-operation';
import { buildSubscriptionSchema } from './subscription-schema';
import { subscribeShared } from './shared-execution';
import { SLOW_CONSUMER } from './topic-stream';
import { rateLimited } from '../security/rate-limit';
import { CLOSE_TOO_MANY_CONNECTIONS, type SocketLimits } from '../security/socket-limits';

export interface SubscriptionServer {
  /** Called with each new API schema from the gateway; returns the public schema built from it (undefined when that failed). */
  schemaChanged(apiSchema: GraphQLSchema): GraphQLSchema | undefined;
  readonly entities: GatewayFieldResolver;
  readonly openSubscriptions: number;
  close(): Promise<void>;
}

export interface SubscriptionServerOptions {
  memoise?: boolean;
  /** Execute each event once per operation, variables and access scope (shared-execution.ts); on by default. */
  sharedExecution?: boolean;
  /** Bytes a socket may have queued before its client counts as too slow (then closed with 1013, "try again later"). */
  slowConsumerBytes: number;
  /** Persisted-operations check, token cap and validation with the operation limits (router/security). */
  prepareOperation?: PrepareOperation;
  /** Events a subscription may fall behind — graphql-ws awaits each send, so a client that stops reading backs up here. */
  slowConsumerEvents: number;
  /** Message size, init timeout, connections per identity, operations per connection, rate limit, re-authentication. */
  limits: SocketLimits;
  /** Who is calling (the router's authentication). */
  auth: RequestAuthentication;
}

const SLOW_CONSUMER_REASON = 'Slow consumer: too many undelivered messages; reconnect and resubscribe';

/** Closes with 1013 ("try again later"), then cuts the socket: a client that does not read will not read the close frame either. */
function closeSlowConsumer(socket: WebSocket, log: Logger, detail: Record<string, unknown>) {
  log.warn(detail, 'closing a slow subscription consumer');
  socket.close(1013, SLOW_CONSUMER_REASON);
  setTimeout(() => socket.terminate(), 5_000).unref();
}

export function startSubscriptionServer(
  httpServer: http.Server,
  apollo: ApolloServer<RouterContext>,
  bus: EventBus,
  log: Logger,
  options: SubscriptionServerOptions,
): SubscriptionServer {
  const executeThroughGateway: GatewayExecutor = async (query, variables, context) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new GraphQLError('Incremental delivery is not supported over this path');
    return response.body.singleResult as ExecutionResult;
  };
  const entities = new GatewayFieldResolver(executeThroughGateway, options.memoise ?? true);
  let schema: GraphQLSchema | undefined;
  /** Live subscription iterators, so a schema reload can end them cleanly. */
  const live = new Set<AsyncGenerator | AsyncIterableIterator<unknown>>();

  // Shares the HTTP server's upgrades with the legacy REST bridges (/ws/*): this server takes /graphql only.
  const { limits } = options;
  // maxPayload: ws refuses a larger frame while parsing it (close 1009), before graphql-ws reads any message.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxPayloadBytes });
  const stopRouting = routeUpgrades(
    httpServer,
    (pathname) => pathname === '/graphql',
    (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req)),
  );
  const disposable = useServer<Record<string, unknown>, { socket: WebSocket; request: http.IncomingMessage }>(
    {
      schema: () => {
        if (!schema) throw new GraphQLError('The supergraph is not loaded yet', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
        return schema;
      },
      context: async (ctx) => ctx.extra as unknown as RouterContext,
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      onSubscribe: async (ctx, _id, payload) => {
        // This operation is already counted in ctx.subscriptions.
        if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection) {
          return [
            new GraphQLError(
              `Too many operations on this connection (at most ${limits.maxSubscriptionsPerConnection}); complete some or open another connection`,
              { extensions: { code: 'LIMIT_EXCEEDED', limit: 'subscriptionsPerConnection', max: limits.maxSubscriptionsPerConnection } },
            ),
          ];
        }
        const extra = ctx.extra as unknown as Partial<RouterContext> & { request: http.IncomingMessage };
        const retryAfter = await limits.consume(extra.identity, extra.request.socket.remoteAddress);
        if (retryAfter !== undefined) {
          const { message, extensions } = rateLimited(retryAfter);
          return [new GraphQLError(message, { extensions })];
        }
        if (!options.prepareOperation) return undefined;
        if (!schema) return [new GraphQLError('The supergraph is not loaded yet', { extensions: { code: 'SERVICE_UNAVAILABLE' } })];
        const prepared = options.prepareOperation(schema, payload);
        return 'document' in prepared ? { schema, ...prepared } : prepared;
      },
      onConnect: async (ctx) => {
        let identity;
        try {
          identity = await options.auth.authenticateConnection(ctx.connectionParams ?? {}, ctx.extra.request);
        } catch {
          return false;
        }
        const release = limits.admit(identity);
        if (!release) {
          ctx.extra.socket.close(CLOSE_TOO_MANY_CONNECTIONS, limits.tooManyConnections);
          return false;
        }
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) {
          release(); // closed while authenticating: onClose has run already
          return false;
        }
        const stopWatching = limits.watchCredentials(ctx.extra.socket, identity, ctx.connectionParams ?? {}, ctx.extra.request);
        Object.assign(ctx.extra, { identity, requestId: randomUUID(), release: () => (stopWatching(), release()) });
        return true;
      },
      onClose: (ctx) => {
        (ctx.extra as { release?: () => void }).release?.();
      },
      execute: async (args: ExecutionArgs) => {
        const operation = getOperationAST(args.document, args.operationName);
        if (operation && operation.operation !== 'subscription') {
          const result = await executeThroughGateway(
            print(args.document),
            (args.variableValues ?? {}) as Record<string, unknown>,
            args.contextValue as RouterContext,
          );
          // Apollo hands back formatted (plain) errors; graphql-ws serialises GraphQLErrors (it calls toJSON).
          return result.errors
            ? { ...result, errors: result.errors.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })) }
            : result;
        }
        return graphqlExecute({ ...args, fieldResolver: aliasAwareFieldResolver });
      },
      subscribe: async (args: ExecutionArgs) => {
        const subscribeArgs = { ...args, fieldResolver: aliasAwareFieldResolver };
        const result = await (options.sharedExecution === false ? subscribe(subscribeArgs) : subscribeShared(subscribeArgs));
        if (Symbol.asyncIterator in result) {
          const iterator = result as AsyncGenerator;
          live.add(iterator);
          const socket = (args.contextValue as { socket?: WebSocket }).socket;
          const originalNext = iterator.next.bind(iterator);
          iterator.next = async (...nextArgs: [] | [unknown]) => {
            try {
              return await originalNext(...nextArgs);
            } catch (err) {
              if (socket && (err as { extensions?: { code?: string } }).extensions?.code === SLOW_CONSUMER)
                closeSlowConsumer(socket, log, { behind: options.slowConsumerEvents });
              throw err;
            }
          };
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
        if (socket.bufferedAmount > options.slowConsumerBytes) closeSlowConsumer(socket, log, { buffered: socket.bufferedAmount });
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
        schema = buildSubscriptionSchema(apiSchema, bus, executeThroughGateway, entities, options.slowConsumerEvents);
      } catch (err) {
        log.error({ err }, 'subscription schema rebuild failed; keeping the previous one');
        return undefined;
      }
      // Running subscriptions were planned against the old schema: complete them; clients resubscribe.
      for (const iterator of [...live]) void iterator.return?.(undefined);
      return schema;
    },
    async close() {
      stopRouting();
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
