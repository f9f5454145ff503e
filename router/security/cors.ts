/**
 * CORS allow-list (CORS_ORIGINS): only listed origins get CORS headers, credentials included; everybody else gets
 * none, so browsers keep other sites' scripts out. No wildcard — the original's `*` with credentials is what not to do.
 */
import type http from 'node:http';
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

/**
 * Cross-site WebSocket handshakes carry an Origin too; a browser page from elsewhere may not open one. Allowed: the
 * configured public origins and CORS origins — never anything derived from the request's Host header, which the
 * client chooses (`Origin: http://evil.example:PORT` with `Host: evil.example:PORT` would match itself).
 */
export function originAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true; // not a browser
  return allowed.includes(origin);
}

/**
 * The router's own origins when PUBLIC_ORIGINS is not set: its loopback addresses on the port it listens on (the
 * local mode's GraphiQL page), taken from the bound socket rather than from any request.
 */
export function loopbackOrigins(server: http.Server): string[] {
  const address = server.address();
  if (!address || typeof address !== 'object') return [];
  return [`http://localhost:${address.port}`, `http://127.0.0.1:${address.port}`, `http://[::1]:${address.port}`];
}
