/**
 * Subgraph bootstrap: Apollo Server 5 + buildSubgraphSchema behind express 5, `/health` in the seed's format,
 * the router-signed identity checked on every GraphQL request, error masking, graceful shutdown.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import DataLoader from 'dataloader';
import express from 'express';
import { GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import { SERVICE_ENV, type AppConfig, type SubgraphName } from './config';
import { isDatabaseUnavailable } from './db-errors';
import { PUBLIC_ERROR_CODES } from './errors';
import { listen } from './listen';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, verifyInternalToken, type Identity } from './identity';
import type { Logger } from './logger';
import { mountMetrics } from './metrics';
import { operationMetricsPlugin } from './metrics-plugin';
import { createShutdownGate } from './shutdown-gate';
import { requireRouterToken } from './trusted-caller';

export interface SubgraphContext {
  identity: Identity;
  requestId: string;
  log: Logger;
  /** Per-request DataLoader by name: every `__resolveReference` and key-crossing list field batches through one. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V>;
}

export interface SubgraphStats {
  requests: number;
  /** GraphQL requests that carried an `_entities` selection (the router's entity fetches). */
  entityRequests: number;
  /** SQL statements run by the service's database (proves DataLoader batching). */
  readonly dbQueries: number;
}

export interface SubgraphServerOptions {
  name: SubgraphName;
  config: AppConfig;
  log: Logger;
  /** Typed per subgraph by GraphQL Code Generator (codegen.yml). */
  resolvers: object;
  /** The service's database, for its statement count. */
  database?: { stats: { queries: number } };
  /** Port override (0 = any free port); defaults to the configured one. */
  port?: number;
  /** Deep health: e.g. the database answers. */
  checkHealth?: () => Promise<void>;
  /** Extra routes (e.g. downloads) mounted before GraphQL. */
  extendApp?: (app: express.Express) => void;
  onClose?: () => Promise<void>;
}

export interface RunningService {
  name: string;
  url: string;
  port: number;
  stats: SubgraphStats;
  close(): Promise<void>;
}

export function loadSubgraphTypeDefs(name: SubgraphName) {
  return parse(fs.readFileSync(path.join(__dirname, '..', 'schema', `${name}.graphql`), 'utf8'));
}

/**
 * Resolver errors that are not ours become an opaque internal error; the full error goes to the log only. A database
 * outage is the exception: the client learns the service is unavailable (and the write not acknowledged).
 */
export function maskError(log: Logger, service?: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? '');
    if (PUBLIC_ERROR_CODES.has(code)) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (service && isDatabaseUnavailable(error)) {
      log.warn({ err: error }, 'database unavailable');
      const message = `The ${service} service's database is unavailable; the operation was not confirmed, try again`;
      return { message, path: formatted.path, locations: formatted.locations, extensions: { code: 'SERVICE_UNAVAILABLE', service } };
    }
    log.error({ err: error }, 'internal error');
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function countingPlugin(stats: SubgraphStats): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart({ request }) {
      stats.requests++;
      if (request.query?.includes('_entities')) stats.entityRequests++;
    },
  };
}

export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningService> {
  const { name, config, log } = options;
  const stats: SubgraphStats = {
    requests: 0,
    entityRequests: 0,
    get dbQueries() {
      return options.database?.stats.queries ?? 0;
    },
  };
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const gate = createShutdownGate(name);
  app.use(gate.middleware);
  const schema = buildSubgraphSchema({ typeDefs: loadSubgraphTypeDefs(name), resolvers: options.resolvers as GraphQLResolverMap<unknown> });
  const server = new ApolloServer<SubgraphContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    formatError: maskError(log, name),
    // Inline tracing only serves Apollo's hosted usage reporting, which we never send.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), countingPlugin(stats), operationMetricsPlugin(name)],
  });
  await server.start();

  app.get('/health', async (_req, res) => {
    let status = 'healthy';
    let error: string | undefined;
    try {
      await options.checkHealth?.();
    } catch (err) {
      status = 'unhealthy';
      error = err instanceof Error ? err.message : String(err);
    }
    res.status(status === 'healthy' ? 200 : 503).json({
      service: SERVICE_ENV[name].healthName,
      status,
      version: config.version,
      timestamp: new Date().toISOString(),
      ...(error ? { error } : {}),
    });
  });
  mountMetrics(app, { metricsToken: config.security.metricsToken, production: config.nodeEnv === 'production', operationNames: config.security.metricsOperationNames });
  app.use(requireRouterToken(config.internalTokenSecret));
  options.extendApp?.(app);
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(server, {
      context: async ({ req }) => {
        const requestId = String(req.headers[REQUEST_ID_HEADER] ?? randomUUID());
        const requestLog = log.child({ requestId });
        let identity: Identity;
        try {
          identity = await verifyInternalToken(req.headers[INTERNAL_TOKEN_HEADER] as string | undefined, config.internalTokenSecret);
        } catch (err) {
          const error = err as GraphQLError;
          throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        const loaders = new Map<string, DataLoader<unknown, unknown>>();
        return {
          identity,
          requestId,
          log: requestLog,
          loader<K, V>(loaderName: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>) {
            let loader = loaders.get(loaderName) as DataLoader<K, V> | undefined;
            if (!loader) loaders.set(loaderName, (loader = new DataLoader<K, V>(batch) as DataLoader<K, V>) as DataLoader<unknown, unknown>);
            return loader;
          },
        };
      },
    }),
  );

  const { port: actualPort, url } = await listen(httpServer, options.port ?? config.ports[name], config.host);
  log.info({ url }, `${name} subgraph listening`);
  let closing: Promise<void> | undefined;
  return {
    name,
    url,
    port: actualPort,
    stats,
    close: () =>
      (closing ??= (async () => {
        gate.close();
        await server.stop();
        await options.onClose?.();
      })()),
  };
}
