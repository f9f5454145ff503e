/**
 * Trusted subgraphs (docs/ARCHITECTURE.md §11): everything a subgraph serves — GraphQL (including `_service` and
 * `_entities`), downloads, any route added later — answers only requests that carry a valid router-signed internal
 * token. `/health` and `/metrics` stay open for orchestrators and scrapers; they reveal no project data.
 */
import type express from 'express';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken } from './identity';

const OPEN_PATHS = new Set(['/health', '/metrics']);

export function requireRouterToken(secret: string): express.RequestHandler {
  return (req, res, next) => {
    if (OPEN_PATHS.has(req.path)) return next();
    verifyInternalToken(req.get(INTERNAL_TOKEN_HEADER), secret).then(
      () => next(),
      (err: Error) => void res.status(401).json({ errors: [{ message: err.message, extensions: { code: 'UNAUTHENTICATED' } }] }),
    );
  };
}
