/**
 * Mounts the route table on an express Router: content type (415), JSON parsing (400/413), authentication (exactly
 * as for GraphQL), validation (400 naming field and reason), the handler, and the envelope. Bad input never ends in
 * a 500; a path with a known route but another method answers 405 with `Allow`.
 */
import type { ApolloServer } from '@apollo/server';
import express from 'express';
import type { Logger } from '../../platform/logger';
import type { RouterContext } from '../gateway';
import { RestError, sendError, sendSuccess } from './envelope';
import type { RequestAuthentication } from '../authenticate';
import { gatewayCaller, routerContextFor } from './gateway-call';
import { expressPath, type RouteSpec } from './route-table';
import { bodyValidator, queryValidator } from './validation';

const BODY_LIMIT = '1mb';
const parseJson = express.json({ limit: BODY_LIMIT, strict: true, type: () => true });

/** Reads a JSON body: none at all reads as `{}` (validation then names what is missing). */
function readJsonBody(req: express.Request, res: express.Response): Promise<unknown> {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!hasBody) return Promise.resolve({});
  if (!req.is(['application/json', 'application/*+json'])) {
    return Promise.reject(new RestError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/json (got ${req.headers['content-type'] ?? 'none'})`));
  }
  return new Promise((resolve, reject) =>
    parseJson(req, res, (err?: unknown) => {
      if (!err) return resolve(req.body);
      const { status, type } = err as { status?: number; type?: string };
      if (type === 'entity.too.large') return reject(new RestError(413, 'LIMIT_EXCEEDED', `The request body is larger than ${BODY_LIMIT}`));
      if (type === 'entity.parse.failed') return reject(new RestError(400, 'BAD_REQUEST', `The request body is not valid JSON: ${(err as Error).message}`));
      if (status && status >= 400 && status < 500)
        return reject(new RestError(status, status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST', (err as Error).message));
      reject(err);
    }),
  );
}

function handlerFor(route: RouteSpec, apollo: ApolloServer<RouterContext>, auth: RequestAuthentication, log: Logger): express.RequestHandler {
  const validateBody = route.body ? bodyValidator(route.body) : undefined;
  // Unknown query parameters (cache busters and the like) are ignored, not refused.
  const validateQuery = route.query ? queryValidator({ ...route.query, additionalProperties: true }) : undefined;
  return async (req, res) => {
    try {
      const context = await routerContextFor(req, auth);
      const body = validateBody ? await readJsonBody(req, res) : undefined;
      validateBody?.(body);
      const query: Record<string, unknown> = { ...(req.query as Record<string, unknown>) };
      validateQuery?.(query);
      const result = await route.handle({ params: req.params as Record<string, string>, query, body, call: gatewayCaller(apollo, context), context, res });
      if (result) sendSuccess(res, result.data, result.message);
    } catch (err) {
      if (res.headersSent) {
        log.warn({ err, route: route.operationId }, 'REST response failed after it started');
        res.destroy();
        return;
      }
      if (err instanceof RestError) return sendError(res, err);
      log.error({ err, route: route.operationId }, 'REST shim failure');
      sendError(res, new RestError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'));
    }
  };
}

export function restRouter(routes: RouteSpec[], apollo: ApolloServer<RouterContext>, auth: RequestAuthentication, log: Logger): express.Router {
  const router = express.Router({ caseSensitive: true, strict: false });
  for (const route of routes) router[route.method](expressPath(route.path), handlerFor(route, apollo, auth, log));
  const methodsByPath = new Map<string, string[]>();
  for (const route of routes) methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), route.method.toUpperCase()]);
  for (const [path, methods] of methodsByPath) {
    router.all(expressPath(path), (req, res) => {
      res.set('allow', methods.join(', '));
      sendError(res, new RestError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${path}; allowed: ${methods.join(', ')}`));
    });
  }
  return router;
}
