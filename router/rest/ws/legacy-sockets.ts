/**
 * The legacy WebSocket endpoints on the router's port: `/ws/debug/{session_id}` and `/ws/{project_id}`. The
 * handshake is authenticated like every request and refused with a real status (401, 404) before it upgrades.
 */
import type http from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { WebSocketServer } from 'ws';
import type { EventBus } from '../../../platform/events';
import type { Logger } from '../../../platform/logger';
import type { RouterContext } from '../../gateway';
import type { GatewayExecutor } from '../../subscriptions/gateway-fields';
import { subscriptionFields } from '../../subscriptions/subscription-fields';
import { refuseUpgrade, routeUpgrades } from '../../upgrade-router';
import { debugState } from '../debug-routes';
import { RestError } from '../envelope';
import { gatewayCaller, routerContextFor, storedOperation } from '../gateway-call';
import { runCollabBridge } from './collab-bridge';
import { runDebugBridge } from './debug-bridge';
import { socketSession } from './socket-session';
import { endWhenAccessLost } from '../../subscriptions/access-watch';
import type { RequestAuthentication } from '../../authenticate';
import { CLOSE_ACCESS_REVOKED, type SocketLimits } from '../../security/socket-limits';

const PROJECT_VERSION = storedOperation('LegacyProjectVersion', `query LegacyProjectVersion($id: ID!) { project(id: $id) { id version } }`);
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface LegacySocketOptions {
  apollo: ApolloServer<RouterContext>;
  bus: EventBus;
  log: Logger;
  slowConsumerBytes: number;
  slowConsumerEvents: number;
  limits: SocketLimits;
  auth: RequestAuthentication;
}

type Target = { kind: 'debug'; sessionId: string } | { kind: 'project'; projectId: string };

function targetOf(pathname: string): Target | undefined {
  const debug = /^\/ws\/debug\/([^/]+)$/.exec(pathname);
  if (debug) return { kind: 'debug', sessionId: decodeURIComponent(debug[1]) };
  const project = /^\/ws\/([^/]+)$/.exec(pathname);
  if (project && project[1] !== 'debug') return { kind: 'project', projectId: decodeURIComponent(project[1]) };
  return undefined;
}

export function mountLegacySockets(httpServer: http.Server, options: LegacySocketOptions) {
  const { apollo, bus, log } = options;
  const execute: GatewayExecutor = async (query, variables, context) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new GraphQLError('Incremental delivery is not supported over this path');
    return response.body.singleResult as ExecutionResult;
  };
  const generators = subscriptionFields(bus, execute, options.slowConsumerEvents);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const stopRouting = routeUpgrades(
    httpServer,
    (pathname) => pathname.startsWith('/ws/'),
    (req, socket, head) => {
      void (async () => {
        const pathname = new URL(req.url ?? '/', 'http://router').pathname;
        let target: Target | undefined;
        try {
          target = targetOf(pathname);
        } catch {
          target = undefined; // a malformed %-escape
        }
        if (!target) return refuseUpgrade(socket, 404, 'Not Found');
        try {
          const context = await routerContextFor(req, options.auth);
          const call = gatewayCaller(apollo, context);
          // Checked before upgrading, so an unknown or foreign id is a plain 404.
          let start: (ws: import('ws').WebSocket) => Promise<void>;
          // Each client message draws from the caller's HTTP rate-limit budget.
          const throttle = () => options.limits.consume(context.identity, req.socket.remoteAddress);
          let projectId: string;
          if (target.kind === 'debug') {
            const { sessionId } = target;
            const state = await debugState(call, sessionId);
            projectId = state.projectId;
            start = (ws) =>
              runDebugBridge(ws, socketSession(ws, log, options.slowConsumerBytes, throttle), {
                sessionId,
                initialState: state.legacyState,
                call,
                bus,
                bufferLimit: options.slowConsumerEvents,
              });
          } else {
            projectId = target.projectId;
            const { project } = await call<{ project: { version: number } | null }>(PROJECT_VERSION, { id: projectId });
            if (!project) throw new RestError(404, 'NOT_FOUND', `Project "${projectId}" not found`);
            start = (ws) =>
              runCollabBridge(ws, socketSession(ws, log, options.slowConsumerBytes, throttle), {
                projectId,
                version: project.version,
                context,
                call,
                generators,
              });
          }
          const release = options.limits.admit(context.identity);
          if (!release) throw new RestError(429, 'RATE_LIMITED', options.limits.tooManyConnections);
          wss.handleUpgrade(req, socket, head, (ws) => {
            ws.once('close', release);
            // Revocation ends the socket like a graphql-ws subscription: member removal (project topic) and revoked or
            // expired credentials (checked again every WS_REVALIDATE_MS).
            options.limits.watchCredentials(ws, context.identity, {}, req);
            const revoke = { return: async () => ws.close(CLOSE_ACCESS_REVOKED, 'Access to the project was revoked') };
            const watching = endWhenAccessLost(bus, execute, projectId, context, revoke);
            ws.once('close', () => void watching.then((unwatch) => unwatch()));
            start(ws)
              .then(() => {
                if (ws.readyState === ws.OPEN) ws.close(1000, 'Stream ended');
              })
              .catch((err) => {
                log.warn({ err, path: pathname }, 'legacy WebSocket bridge ended with an error');
                ws.close(1011, 'Internal error');
              });
          });
        } catch (err) {
          if (err instanceof RestError) return refuseUpgrade(socket, err.status, err.message);
          log.error({ err, path: pathname }, 'legacy WebSocket handshake failed');
          refuseUpgrade(socket, 500, 'Internal Server Error');
        }
      })();
    },
  );

  return {
    async close() {
      stopRouting();
      for (const client of wss.clients) client.close(1001, 'Server shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
