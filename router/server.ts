/**
 * The router on 8006: federated GraphQL at /graphql (Apollo Server 5 over @apollo/gateway, graphql-ws on the same
 * path), GraphiQL offline, the web app at /, the REST shim, aggregated /health, /live and /ready, /metrics. Apollo's
 * CDN landing page is disabled and nothing phones home.
 *
 * The router is an ordered list of parts (gate, error shape, compression, security, gateway, deployment endpoint, web
 * app, REST, metrics, health, GraphiQL, GraphQL, client errors): each mounts its routes in that order and is closed in
 * the reverse order once the shutdown gate refuses new requests. Authentication is one object passed to the parts that
 * need it.
 */
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { AppConfig } from '../platform/config';
import { createLimitedServer } from '../platform/http-limits';
import { listen } from '../platform/listen';
import type { EventBus } from '../platform/events';
import { REQUEST_ID_HEADER } from '../platform/identity';
import type { Logger } from '../platform/logger';
import { addSubscriptionsSource, mountMetrics } from '../platform/metrics';
import { operationMetricsPlugin } from '../platform/metrics-plugin';
import { createShutdownGate } from '../platform/shutdown-gate';
import { compressResponses, sendPrecompressed } from './compression';
import { maskRouterError } from './error-masking';
import { mountDeploymentEndpoint } from './deployment-endpoint';
import { createGateway, type RouterContext } from './gateway';
import { graphiqlPage, wantsGraphiQL } from './graphiql';
import { aggregateHealth } from './health';
import { apolloCopy, noSubscriptionOverHttp, publicSchemaGateway } from './public-schema';
import { routerSecurity } from './security';
import { legacyErrorShape, mountRestShim, type RestShim } from './rest';
import { startSubscriptionServer, type SubscriptionServer } from './subscriptions/ws-server';
import { mountWebApp } from './web-app';

export interface RunningRouter {
  url: string;
  port: number;
  subscriptions: SubscriptionServer;
  close(): Promise<void>;
}

/** One part of the router: what it mounts on the app, and what it releases when the router closes. */
interface RouterPart {
  name: string;
  mount?(app: express.Express): void;
  close?(): Promise<void> | void;
}

export interface RouterOptions {
  port?: number;
  /** Resolve subscription entity fields once per event and selection (on by default; off only to measure it). */
  memoiseSubscriptionFields?: boolean;
}

export async function startRouter(config: AppConfig, log: Logger, events: EventBus, options: RouterOptions = {}): Promise<RunningRouter> {
  const port = options.port ?? config.ports.router;
  const app = express();
  app.disable('x-powered-by');
  // Header/request/keep-alive timeouts and a per-address connection cap (HTTP_* settings).
  const httpServer = createLimitedServer(app, config.security.http);
  // Graceful shutdown: once closing, new requests get a 503 while in-flight ones finish (issue 12).
  const gate = createShutdownGate('router');
  // Authentication, headers, CORS, body size, rate limit, persisted operations, WebSocket limits (issues 10, 16).
  const security = routerSecurity(config, log, httpServer);
  const { auth } = security;
  const { gateway, endpoints, close: closeGateway } = createGateway(config, log);
  let loadedSchema: GraphQLSchema | undefined;
  // Assigned before the server starts (the first schema arrives during start()); it runs Apollo's operations lazily.
  let subscriptions: SubscriptionServer | undefined;
  // HTTP and WebSocket serve one public schema: the API schema plus our subscriptions (router/public-schema.ts).
  const publicGateway = publicSchemaGateway(gateway, (apiSchema) => {
    loadedSchema = apiSchema;
    const served = subscriptions?.schemaChanged(apiSchema);
    return served && apolloCopy(served);
  });
  const server = new ApolloServer<RouterContext>({
    gateway: publicGateway,
    ...security.apolloOptions,
    validationRules: [...security.apolloOptions.validationRules, noSubscriptionOverHttp],
    includeStacktraceInErrorResponses: false,
    formatError: maskRouterError(log),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      operationMetricsPlugin<RouterContext>('router'),
    ],
  });
  const subscriptionServer = startSubscriptionServer(httpServer, server, events, log, {
    memoise: options.memoiseSubscriptionFields,
    sharedExecution: config.sharedSubscriptionExecution,
    slowConsumerBytes: config.wsSlowConsumerBytes,
    slowConsumerEvents: config.wsSlowConsumerEvents,
    prepareOperation: security.prepareOperation,
    limits: security.sockets,
    auth,
  });
  subscriptions = subscriptionServer;
  try {
    await server.start();
  } catch (err) {
    await subscriptionServer.close();
    await security.close();
    throw err;
  }
  let restShim: RestShim | undefined;
  let removeSubscriptionGauge: (() => void) | undefined;
  // The ~9 MB page is compressed once per encoding (≈2 MB), not on every load.
  const sendGraphiQL = (req: express.Request, res: express.Response, next: express.NextFunction) => {
    sendPrecompressed(req, res, graphiqlPage, 'html', graphiqlPage).catch(next);
  };

  const parts: RouterPart[] = [
    // Guards below answer legacy REST paths in the REST envelope (issue 9).
    { name: 'error shape', mount: (a) => a.use(legacyErrorShape(config)) },
    { name: 'shutdown gate', mount: (a) => a.use(gate.middleware) },
    // brotli/gzip for whole bodies (GraphQL answers, REST, errors) when the client accepts it.
    { name: 'compression', mount: (a) => a.use(compressResponses()) },
    { name: 'security', mount: (a) => a.use(security.middleware), close: () => security.close() },
    {
      name: 'gateway',
      close: async () => {
        await server.stop();
        await closeGateway();
      },
    },
    // GraphQL first after the guards: its requests (most of the traffic) then skip the layers of the routes below.
    {
      name: 'GraphiQL',
      mount: (a) => {
        a.get('/graphiql', sendGraphiQL);
        a.get('/graphql', (req, res, next) =>
          wantsGraphiQL(req.method, req.headers.accept, req.query as Record<string, unknown>) ? sendGraphiQL(req, res, next) : next(),
        );
      },
    },
    // GraphQL over HTTP; graphql-ws on the same path (closed before the gateway: its sockets end before the server stops).
    {
      name: 'GraphQL',
      mount: (a) => {
        a.use(
          '/graphql',
          express.json({ limit: '1mb' }),
          expressMiddleware(server, {
            context: async ({ req }) => ({
              identity: await auth.authenticate(req),
              requestId: String(req.headers[REQUEST_ID_HEADER] ?? randomUUID()),
            }),
          }),
        );
      },
      close: () => subscriptionServer.close(),
    },
    // LOCAL deployments' programs, behind authentication and the deployment service's access check (issue 15).
    { name: 'deployment endpoint', mount: (a) => mountDeploymentEndpoint(a, config, auth) },
    // The web app at `/` (issue 19), before the REST shim so its catch-alls never see /assets.
    { name: 'web app', mount: (a) => mountWebApp(a) },
    // The legacy REST contract (issue 9): routes, /openapi.json, /docs, /ws/* bridges.
    {
      name: 'REST shim',
      mount: (a) => void (restShim = mountRestShim(a, { apollo: server, httpServer, events, config, log, socketLimits: security.sockets, auth })),
      close: () => restShim?.close(),
    },
    {
      name: 'metrics',
      mount: (a) => {
        mountMetrics(a, {
          metricsToken: config.security.metricsToken,
          production: config.nodeEnv === 'production',
          operationNames: config.security.metricsOperationNames,
        });
        removeSubscriptionGauge = addSubscriptionsSource(() => [{ labels: { service: 'router' }, value: subscriptionServer.openSubscriptions }]);
      },
      close: () => removeSubscriptionGauge?.(),
    },
    {
      name: 'health',
      mount: (a) => {
        a.get('/health', async (_req, res) => {
          const health = await aggregateHealth(config, endpoints(), loadedSchema !== undefined);
          res.status(health.status === 'unhealthy' ? 503 : 200).json(health);
        });
        // The router's own probes, independent of the subgraphs: the process answers (/live); it can plan (/ready).
        a.get('/live', (_req, res) => void res.json({ status: 'live' }));
        a.get(
          '/ready',
          (_req, res) =>
            void res.status(loadedSchema ? 200 : 503).json({ status: loadedSchema ? 'ready' : 'starting', schemaLoaded: loadedSchema !== undefined }),
        );
      },
    },
    // Malformed JSON bodies and other client errors are answered as such, never as a 500.
    {
      name: 'client errors',
      mount: (a) =>
        a.use((err: { status?: number; type?: string; message?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
          const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
          if (status === 500) log.error({ err }, 'unhandled router error');
          res.status(status).json({
            errors: [
              {
                message: status === 500 ? 'Internal server error' : (err.message ?? 'Bad request'),
                extensions: { code: status === 413 ? 'LIMIT_EXCEEDED' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' },
              },
            ],
          });
        }),
    },
  ];
  for (const part of parts) part.mount?.(app);

  const { port: actualPort, url } = await listen(httpServer, port, config.host);
  log.info({ url }, 'router listening');
  let closing: Promise<void> | undefined;
  return {
    url,
    port: actualPort,
    subscriptions: subscriptionServer,
    close: () =>
      (closing ??= (async () => {
        gate.close();
        for (const part of [...parts].reverse()) await part.close?.();
      })()),
  };
}
