/**
 * The REST compatibility shim (issue 9): every route of the legacy contract on the router's port, each running
 * stored GraphQL operations through the gateway in-process; /openapi.json and the offline /docs page; the legacy
 * WebSockets /ws/{project_id} and /ws/debug/{session_id}.
 */
import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type express from 'express';
import type { AppConfig } from '../../platform/config';
import type { EventBus } from '../../platform/events';
import type { Logger } from '../../platform/logger';
import type { RouterContext } from '../gateway';
import { PROJECT_DOCUMENT_SCHEMA } from '../../engine/model/project-document';
import { docsRouter } from './docs-page';
import { openApiDocument } from './openapi';
import { restRouter } from './rest-router';
import { underLegacyPaths, type RouteSpec } from './route-table';
import { legacyRoutes } from './routes';
import type { RequestAuthentication } from '../authenticate';
import type { SocketLimits } from '../security/socket-limits';
import { mountLegacySockets } from './ws/legacy-sockets';

export { legacyErrorShape } from './error-shape';

export interface RestShimDeps {
  apollo: ApolloServer<RouterContext>;
  httpServer: http.Server;
  events: EventBus;
  config: AppConfig;
  log: Logger;
  /** Message size, connections per identity and re-authentication of the legacy sockets (router/security). */
  socketLimits: SocketLimits;
  /** Who is calling: the router's authentication, the same as for GraphQL. */
  auth: RequestAuthentication;
}

export interface RestShim {
  routes: RouteSpec[];
  /** The mounted API routes (tests compare them with the OpenAPI document). */
  router: express.Router;
  close(): Promise<void>;
}

/** Mount after the guards; the paths do not overlap with /graphql, /graphiql or /health. */
export function mountRestShim(app: express.Express, deps: RestShimDeps): RestShim {
  const routes = legacyRoutes({ config: deps.config });
  const document = openApiDocument(routes, deps.config.version);
  const router = restRouter(routes, deps.apollo, deps.auth, deps.log.child({ component: 'rest' }));
  app.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  // The export document's JSON Schema (engine/model/project-document; also schema/project-document.schema.json).
  app.get('/schemas/project-document.json', (_req, res) => {
    res.type('application/schema+json').send(JSON.stringify(PROJECT_DOCUMENT_SCHEMA, null, 2));
  });
  app.use(docsRouter());
  app.use(underLegacyPaths(new Set(routes.map((r) => r.path)), router, true));
  const sockets = mountLegacySockets(deps.httpServer, {
    apollo: deps.apollo,
    bus: deps.events,
    log: deps.log.child({ component: 'rest-ws' }),
    slowConsumerBytes: deps.config.wsSlowConsumerBytes,
    slowConsumerEvents: deps.config.wsSlowConsumerEvents,
    limits: deps.socketLimits,
    auth: deps.auth,
  });
  return { routes, router, close: () => sockets.close() };
}
