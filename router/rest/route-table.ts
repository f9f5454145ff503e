/**
 * The shape of one legacy route: method, path (OpenAPI style, `{project_id}`), the JSON Schemas of its query string,
 * body and response data, and the handler that runs its stored GraphQL operations. The same table mounts the routes
 * and writes /openapi.json, so the two cannot drift apart.
 */
import type express from 'express';
import type { AppConfig } from '../../platform/config';
import type { RouterContext } from '../gateway';
import type { GatewayCall } from './gateway-call';
import type { JsonSchema } from './validation';

export type HttpMethod = 'get' | 'post' | 'put' | 'delete';

export interface RouteContext {
  params: Record<string, string>;
  query: Record<string, any>;
  body: any;
  call: GatewayCall;
  context: RouterContext;
  /** For routes that answer with a file instead of the envelope. */
  res: express.Response;
}

export interface RouteResult {
  data: unknown;
  message?: string;
}

export interface RouteSpec {
  method: HttpMethod;
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  query?: JsonSchema;
  body?: JsonSchema;
  /** Schema of the envelope's `data` (or of the file, for `file` routes). */
  response: JsonSchema;
  /** HTTP error statuses the route can answer with, besides the ones every route has. */
  errors: number[];
  /** Answers with a file (these content types) instead of the envelope. */
  file?: { contentTypes: string[] };
  /** The result (sent in the envelope), or nothing when the handler wrote a file itself. */
  handle(ctx: RouteContext): Promise<RouteResult | void>;
}

export interface RouteDeps {
  config: AppConfig;
}

export type RouteGroup = (deps: RouteDeps) => RouteSpec[];

/** `/projects/{project_id}` → `/projects/:project_id` */
export const expressPath = (path: string) => path.replace(/\{([A-Za-z_]+)\}/g, ':$1');

export const pathParams = (path: string) => [...path.matchAll(/\{([A-Za-z_]+)\}/g)].map((m) => m[1]);

/**
 * `router`, entered only for paths under one of `paths`' first segments (a literal in every legacy path). A router
 * tries each of its layers' patterns in turn; without the gate every GraphQL request walked the ≈100 layers of the
 * legacy routes (express's router was ≈6 % of the router process's busy time on a small query; bench/README.md,
 * fourth pass). `caseSensitive` as the router's own matching.
 */
export function underLegacyPaths(paths: Iterable<string>, router: express.RequestHandler, caseSensitive: boolean): express.RequestHandler {
  const fold = (segment: string) => (caseSensitive ? segment : segment.toLowerCase());
  const firstSegments = new Set([...paths].map((path) => fold(path.split('/')[1])));
  return (req, res, next) => (firstSegments.has(fold(req.path.split('/', 2)[1] ?? '')) ? router(req, res, next) : next());
}
