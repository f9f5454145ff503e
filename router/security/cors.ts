/**
 * CORS allow-list (CORS_ORIGINS): only listed origins get CORS headers, credentials included; everybody else gets
 * none, so browsers keep other sites' scripts out. No wildcard — the original's `*` with credentials is what not to do.
 */
import type express from 'express';

const ALLOWED_HEADERS = 'authorization, content-type, x-api-key, x-request-id, apollo-require-preflight';

export function corsAllowList(origins: readonly string[]): express.RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', 'retry-after, ratelimit-limit, ratelimit-remaining');
    }
    res.vary('Origin');
    if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      if (origin && allowed.has(origin)) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
        res.setHeader('Access-Control-Max-Age', '600');
      }
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Cross-site WebSocket handshakes carry an Origin too; a browser page from elsewhere may not open one. */
export function originAllowed(origin: string | undefined, host: string | undefined, origins: readonly string[]): boolean {
  if (!origin) return true; // not a browser
  if (origins.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
