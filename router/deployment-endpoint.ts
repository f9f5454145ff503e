/**
 * `/deployments/:id/endpoint/*` on the router: the public way to a LOCAL deployment's program. The caller is
 * authenticated like any other request and the deployment service (which checks the project access) gets the verified
 * identity as the internal token; the program itself is never reachable without both.
 */
import { randomUUID } from 'node:crypto';
import type express from 'express';
import type { GraphQLError } from 'graphql';
import type { AppConfig } from '../platform/config';
import { proxyRequest } from '../platform/http-proxy';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken } from '../platform/identity';
import type { RequestAuthentication } from './authenticate';

export function mountDeploymentEndpoint(app: express.Express, config: AppConfig, auth: RequestAuthentication) {
  app.all('/deployments/:id/endpoint{/*rest}', async (req, res) => {
    let identity;
    try {
      identity = await auth.authenticate(req);
    } catch (err) {
      const error = err as GraphQLError;
      res.status(401).json({ errors: [{ message: error.message, extensions: { code: error.extensions?.code ?? 'UNAUTHENTICATED' } }] });
      return;
    }
    await proxyRequest(req, res, {
      url: `${config.urls.deployment}${req.originalUrl}`,
      headers: {
        [INTERNAL_TOKEN_HEADER]: await signInternalToken(identity, config.internalTokenSecret),
        [REQUEST_ID_HEADER]: String(req.headers[REQUEST_ID_HEADER] ?? randomUUID()),
      },
      drop: [INTERNAL_TOKEN_HEADER],
    });
  });
}
