/**
 * Trusted subgraphs (docs/ARCHITECTURE.md §11): everything a subgraph serves — GraphQL (including `_service` and
 * `_entities`), downloads, any route added later — answers only requests that carry a valid router-signed internal
 * token. `/health` and `/metrics` stay open for orchestrators and scrapers; they reveal no project data.
 */
import type express from 'express';
import { graphQLErrorBody } from './graphql-post-lane';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken } from './identity';
import type { InProcessResponse } from './in-process-subgraphs';

const OPEN_PATHS = new Set(['/health', '/metrics']);

/** The 401 a request without a valid router-signed token gets, or undefined when the token is valid. */
export async function routerTokenRefusal(token: string | undefined, secret: string): Promise<InProcessResponse | undefined> {
  try {
    await verifyInternalToken(token, secret);
    return undefined;
  } catch (err) {
    return { status: 401, headers: { 'content-type': 'application/json' }, body: graphQLErrorBody((err as Error).message, 'UNAUTHENTICATED') };
  }
}

export function requireRouterToken(secret: string): express.RequestHandler {
  return (req, res, next) => {
    if (OPEN_PATHS.has(req.path)) return next();
    void routerTokenRefusal(req.get(INTERNAL_TOKEN_HEADER), secret).then((refusal) =>
      refusal ? void res.status(refusal.status).set(refusal.headers).send(refusal.body) : next(),
    );
  };
}
