/**
 * `/deployments/:id/endpoint/*`: a LOCAL deployment's program, reached only here (the router forwards the caller's
 * verified identity). Callers need the editor role on the deployment's project — calling it runs the project's code.
 * An isolated program is reached through the Unix socket in its directory (its network namespace has no other way
 * in); a native one (single-user mode) on its loopback port.
 */
import type express from 'express';
import type { GraphQLError } from 'graphql';
import type { AppConfig } from '../../platform/config';
import { proxyRequest } from '../../platform/http-proxy';
import { INTERNAL_TOKEN_HEADER, verifyInternalToken, type Identity } from '../../platform/identity';
import type { DeploymentService } from './deployment-service';
import { socketAgent } from './local-supervisor';

const STATUS_OF: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401 };

export function mountEndpointProxy(app: express.Express, service: DeploymentService, config: AppConfig) {
  app.all('/deployments/:id/endpoint{/*rest}', async (req, res) => {
    let identity: Identity;
    try {
      identity = await verifyInternalToken(req.get(INTERNAL_TOKEN_HEADER), config.internalTokenSecret);
    } catch (err) {
      res.status(401).json({ error: (err as Error).message });
      return;
    }
    let record;
    try {
      record = await service.accessible(req.params.id, identity, 'editor');
    } catch (err) {
      const code = String((err as GraphQLError).extensions?.code ?? '');
      res.status(STATUS_OF[code] ?? 500).json({ error: STATUS_OF[code] ? (err as Error).message : 'Internal server error' });
      return;
    }
    if (record.status !== 'RUNNING' || !record.process) {
      res.status(409).json({ error: `Deployment "${record.id}" is ${record.status}, not RUNNING` });
      return;
    }
    const rest = ([] as string[])
      .concat((req.params as { rest?: string | string[] }).rest ?? [])
      .map(encodeURIComponent)
      .join('/');
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?')) : '';
    const { socket, port } = record.process;
    await proxyRequest(req, res, {
      url: socket ? `http://deployment/${rest}${query}` : `http://127.0.0.1:${port}/${rest}${query}`,
      dispatcher: socket ? socketAgent(socket) : undefined,
      drop: [INTERNAL_TOKEN_HEADER],
    });
  });
}
