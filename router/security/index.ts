/**
 * The router's security plugins (docs/ARCHITECTURE.md §11), each switched by config: authentication, security headers and
 * CSP, CORS allow-list, body size (413), per-identity rate limit (429), persisted-operations-only, and per-operation
 * limits (depth, cost, aliases, tokens) with introspection off in production. Apollo's automatic persisted queries are
 * off: a client-registered cache is not a safelist (PERSISTED_OPERATIONS_ONLY is). `middleware` is mounted before every
 * route; `apolloOptions` go into the router's ApolloServer; `prepareOperation` serves graphql-ws.
 */
import type http from 'node:http';
import express from 'express';
import type { ValidationRule } from 'graphql';
import type { AppConfig } from '../../platform/config';
import type { Logger } from '../../platform/logger';
import { setUpAuthentication } from '../auth';
import type { RequestAuthentication } from '../authenticate';
import { graphiqlPage, wantsGraphiQL } from '../graphiql';
import { guardUpgrades, refuseUpgrade } from '../upgrade-router';
import { corsAllowList, loopbackOrigins, originAllowed } from './cors';
import { operationLimitRules } from './operation-limits';
import { loadPersistedOperations } from './persisted-operations';
import { operationPreparer, type PrepareOperation } from './prepare-operation';
import { createRateLimit } from './rate-limit';
import { socketLimits, type SocketLimits } from './socket-limits';
import { graphiqlContentSecurityPolicy, securityHeaders } from './security-headers';

export interface RouterSecurity {
  middleware: express.Router;
  apolloOptions: {
    validationRules: ValidationRule[];
    introspection: boolean;
    parseOptions: { maxTokens: number };
    allowBatchedHttpRequests: false;
    persistedQueries: false;
  };
  prepareOperation: PrepareOperation;
  /** WebSocket limits for graphql-ws and the legacy sockets. */
  sockets: SocketLimits;
  /** Who is calling: this router's authentication, passed to every part that needs it. */
  auth: RequestAuthentication;
  /** `local` = the single-user mode (announced at start). */
  mode: 'local' | 'authenticated';
  close(): Promise<void>;
}

const PROBE_PATHS = new Set(['/health', '/live', '/ready', '/metrics']);

const tooLarge = (max: number) => ({
  errors: [{ message: `The request body is larger than ${max} bytes`, extensions: { code: 'LIMIT_EXCEEDED', limit: 'bodySize', max } }],
});

export function routerSecurity(config: AppConfig, log: Logger, httpServer: http.Server): RouterSecurity {
  const { security } = config;
  const { auth, close: closeAuth } = setUpAuthentication(config);
  const rateLimit = createRateLimit(config, log, auth);
  const persisted = loadPersistedOperations(security);
  const rules = operationLimitRules(security);
  const router = express.Router();
  router.use(securityHeaders());
  router.use((req, res, next) => {
    if (
      req.method === 'GET' &&
      (req.path === '/graphiql' || (req.path === '/graphql' && wantsGraphiQL(req.method, req.headers.accept, req.query as Record<string, unknown>)))
    ) {
      res.setHeader('Content-Security-Policy', graphiqlContentSecurityPolicy(graphiqlPage()));
    }
    next();
  });
  router.use(corsAllowList(security.corsOrigins));
  router.use((req, res, next) => {
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > security.maxBodyBytes) return void res.status(413).json(tooLarge(security.maxBodyBytes));
    next();
  });
  // Health, probes and metrics stay cheap and open (orchestrators poll them).
  router.use((req, res, next) => (PROBE_PATHS.has(req.path) ? next('router') : rateLimit.middleware(req, res, next)));
  if (persisted) {
    router.use('/graphql', express.json({ limit: security.maxBodyBytes }), (req, res, next) => {
      if (req.method === 'GET' && req.query.query !== undefined)
        return void res.status(405).json({ errors: [{ message: 'Send persisted operations with POST', extensions: { code: 'BAD_REQUEST' } }] });
      const request = req.method === 'POST' ? (req.body as Record<string, unknown> | undefined) : undefined;
      if (!request || typeof request !== 'object' || Array.isArray(request)) return next();
      try {
        const document = persisted(request);
        const { extensions: _hash, documentId: _id, ...rest } = request;
        req.body = { ...rest, query: document };
        next();
      } catch (err) {
        res.status(400).json({ errors: [{ message: (err as Error).message, extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] });
      }
    });
  }
  const stopGuard = guardUpgrades(httpServer, (req, socket) => {
    const publicOrigins = security.publicOrigins.length ? security.publicOrigins : loopbackOrigins(httpServer);
    if (originAllowed(req.headers.origin, [...publicOrigins, ...security.corsOrigins])) return true;
    refuseUpgrade(socket, 403, 'Forbidden origin');
    return false;
  });
  return {
    middleware: router,
    apolloOptions: {
      validationRules: rules,
      introspection: security.introspection,
      parseOptions: { maxTokens: security.maxTokens },
      allowBatchedHttpRequests: false,
      persistedQueries: false,
    },
    prepareOperation: operationPreparer({ maxTokens: security.maxTokens, rules, persisted }),
    sockets: socketLimits(security, rateLimit, log, auth),
    auth,
    mode: auth.mode,
    close: async () => {
      stopGuard();
      await Promise.all([closeAuth(), rateLimit.close()]);
    },
  };
}
