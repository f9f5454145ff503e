/**
 * Subgraph bootstrap: Apollo Server 5 + buildSubgraphSchema; `POST /graphql` answered by one endpoint function over
 * HTTP (platform/graphql-post-lane.ts) and in-process, everything else behind express 5; `/health` in the seed's
 * format, the router-signed identity checked on every GraphQL request, error masking, graceful shutdown.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { context as otelContext, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import DataLoader from 'dataloader';
import express from 'express';
import { GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import { SERVICE_ENV, type AppConfig, type SubgraphName } from './config';
import { isDatabaseUnavailable } from './db-errors';
import { PUBLIC_ERROR_CODES } from './errors';
import { listen } from './listen';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, verifyInternalToken, type Identity } from './identity';
import { registerInProcessSubgraph, type InProcessHandler } from './in-process-subgraphs';
import type { Logger } from './logger';
import { mountMetrics } from './metrics';
import { operationMetricsPlugin } from './metrics-plugin';
import { createShutdownGate } from './shutdown-gate';
import { requireRouterToken, routerTokenRefusal } from './trusted-caller';
import { graphQLErrorBody, withGraphQLPostLane } from './graphql-post-lane';

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
  /** GraphQL requests from a router in this process, answered without HTTP (platform/in-process-subgraphs.ts). */
  inProcessRequests: number;
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

const tracer = trace.getTracer('visual-builder-subgraph');

/** The largest GraphQL request body a subgraph reads (the router's own limit is lower, 1 MB by default). */
const SUBGRAPH_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

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
    inProcessRequests: 0,
    get dbQueries() {
      return options.database?.stats.queries ?? 0;
    },
  };
  const app = express();
  app.disable('x-powered-by');
  // The GraphQL endpoint's own lane for the router's POSTs (platform/graphql-post-lane.ts); express serves the rest.
  const httpServer = http.createServer(
    withGraphQLPostLane(
      {
        refuse: async (headers) => gate.refusal() ?? (await routerTokenRefusal(headers[INTERNAL_TOKEN_HEADER], config.internalTokenSecret)),
        answer: (request) => endpoint(request),
        limitBytes: SUBGRAPH_BODY_LIMIT_BYTES,
        log,
      },
      app,
    ),
  );
  const gate = createShutdownGate(name);
  app.use(gate.middleware);
  const schema = buildSubgraphSchema({ typeDefs: loadSubgraphTypeDefs(name), resolvers: options.resolvers as GraphQLResolverMap<unknown> });
  const server = new ApolloServer<SubgraphContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    formatError: maskError(log, name),
    // Inline tracing only serves Apollo's hosted usage reporting, which we never send. No schema has cache hints, and
    // the default cache-control plugin's per-field hook wraps every resolver (≈2.5 % of a subgraph's CPU on the dashboard).
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      countingPlugin(stats),
      operationMetricsPlugin(name),
    ],
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
  mountMetrics(app, {
    metricsToken: config.security.metricsToken,
    production: config.nodeEnv === 'production',
    operationNames: config.security.metricsOperationNames,
  });
  app.use(requireRouterToken(config.internalTokenSecret));
  options.extendApp?.(app);
  const contextFor = async (token: string | undefined, requestIdHeader: string | undefined): Promise<SubgraphContext> => {
    const requestId = requestIdHeader ?? randomUUID();
    const requestLog = log.child({ requestId });
    let identity: Identity;
    try {
      identity = await verifyInternalToken(token, config.internalTokenSecret);
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
  };
  app.use(
    '/graphql',
    express.json({ limit: SUBGRAPH_BODY_LIMIT_BYTES }),
    expressMiddleware(server, {
      context: ({ req }) =>
        contextFor(
          req.headers[INTERNAL_TOKEN_HEADER] as string | undefined,
          req.headers[REQUEST_ID_HEADER] === undefined ? undefined : String(req.headers[REQUEST_ID_HEADER]),
        ),
    }),
  );
  // The same endpoint for a router in this process (platform/in-process-subgraphs.ts): the token is checked by the
  // context as over HTTP (requireRouterToken's 401 becomes the context's 401), a closing service answers 503, and
  // a server span joins the router's trace through `traceparent` as the HTTP instrumentation's would.
  const inProcess: InProcessHandler = async (request) => {
    const parent = propagation.extract(otelContext.active(), request.headers);
    const span = tracer.startSpan(
      'POST /graphql',
      { kind: SpanKind.SERVER, attributes: { 'http.method': 'POST', 'http.route': '/graphql', 'vb.in_process': true } },
      parent,
    );
    try {
      const response = await otelContext.with(trace.setSpan(parent, span), () => answerInProcess(request));
      span.setAttribute('http.status_code', response.status);
      return response;
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  };
  const answerInProcess: InProcessHandler = async (request) => {
    stats.inProcessRequests++;
    return gate.refusal() ?? (await endpoint(request));
  };
  // POST /graphql itself, in-process or over HTTP: the token is checked by the context (the HTTP lane also checks it
  // before reading the body, as express's chain did).
  const endpoint: InProcessHandler = async ({ body, headers }) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { status: 400, headers: { 'content-type': 'application/json' }, body: graphQLErrorBody('The request body is not valid JSON', 'BAD_REQUEST') };
    }
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: new HeaderMap(Object.entries(headers)), search: '', body: parsed },
      context: () => contextFor(headers[INTERNAL_TOKEN_HEADER], headers[REQUEST_ID_HEADER]),
    });
    let text = '';
    if (response.body.kind === 'complete') text = response.body.string;
    else for await (const chunk of response.body.asyncIterator) text += chunk;
    return { status: response.status ?? 200, headers: Object.fromEntries(response.headers), body: text };
  };

  const { port: actualPort, url } = await listen(httpServer, options.port ?? config.ports[name], config.host);
  log.info({ url }, `${name} subgraph listening`);
  const unregister = config.inProcessSubgraphs ? registerInProcessSubgraph(url, inProcess) : () => undefined;
  let closing: Promise<void> | undefined;
  return {
    name,
    url,
    port: actualPort,
    stats,
    close: () =>
      (closing ??= (async () => {
        unregister();
        gate.close();
        await server.stop();
        await options.onClose?.();
      })()),
  };
}
