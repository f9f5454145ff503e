/**
 * The router's own guards (shutdown gate, body size, rate limit, CORS, …) run before any route and answer in the
 * GraphQL error format. On a legacy REST path that answer is rewritten into the envelope, so a REST client sees
 * `{status: "error", data: {code}, message, timestamp}` with the guard's HTTP status whoever refused it.
 */
import express from 'express';
import type { AppConfig } from '../../platform/config';
import { expressPath, underLegacyPaths } from './route-table';
import { legacyRoutes } from './routes';

interface GraphQLErrorBody {
  errors: { message?: string; extensions?: Record<string, unknown> }[];
}

const isGraphQLErrorBody = (body: unknown): body is GraphQLErrorBody =>
  !!body && typeof body === 'object' && Array.isArray((body as GraphQLErrorBody).errors) && (body as GraphQLErrorBody).errors.length > 0 && !('status' in body);

/** Mount first, before the guards. */
export function legacyErrorShape(config: AppConfig): express.RequestHandler {
  const router = express.Router();
  const reshape: express.RequestHandler = (_req, res, next) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode < 400 || !isGraphQLErrorBody(body)) return json(body);
      const [first] = body.errors;
      const { code = 'ERROR', ...details } = first.extensions ?? {};
      return json({ status: 'error', data: { code, ...details }, message: first.message ?? 'Error', timestamp: new Date().toISOString() });
    };
    next();
  };
  const paths = new Set(legacyRoutes({ config }).map((r) => r.path));
  for (const path of paths) router.all(expressPath(path), reshape);
  return underLegacyPaths(paths, router, false);
}
