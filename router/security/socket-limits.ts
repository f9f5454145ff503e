/**
 * Limits shared by every WebSocket endpoint of the router (graphql-ws on /graphql and the legacy /ws/* bridges):
 * message size (enforced by ws's frame parser, so before `connection_init` is even read), connections per identity,
 * operations per connection, the HTTP rate-limit budget per operation, and periodic re-authentication so a revoked
 * API key or an expired token ends the socket (docs/ARCHITECTURE.md §11).
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { SecurityConfig } from '../../platform/config';
import type { Identity } from '../../platform/identity';
import type { Logger } from '../../platform/logger';
import type { RequestAuthentication } from '../authenticate';
import { rateLimitKey, type RateLimit } from './rate-limit';

/** Close codes a client can act on (graphql-ws owns 4400–4499 with its own meanings). */
export const CLOSE_TOO_MANY_CONNECTIONS = 1008;
export const CLOSE_CREDENTIALS_REVOKED = 4401;
export const CLOSE_ACCESS_REVOKED = 4403;

export interface SocketLimits {
  readonly maxPayloadBytes: number;
  readonly connectionInitTimeoutMs: number;
  readonly maxSubscriptionsPerConnection: number;
  /** Counts an open socket of `identity`: the release function, or undefined when the identity is at its cap. */
  admit(identity: Identity): (() => void) | undefined;
  readonly tooManyConnections: string;
  /** Seconds to wait when the identity's request budget is spent, else undefined. */
  consume(identity: Identity | undefined, address: string | undefined): Promise<number | undefined>;
  /** Re-checks the socket's credentials every revalidation period; closes it with 4401 once they fail. Returns the stop function. */
  watchCredentials(ws: WebSocket, identity: Identity, params: Record<string, unknown>, req: IncomingMessage): () => void;
}

export function socketLimits(security: SecurityConfig, rateLimit: RateLimit, log: Logger, auth: RequestAuthentication): SocketLimits {
  const open = new Map<string, number>();
  const max = security.wsMaxConnectionsPerIdentity;
  return {
    maxPayloadBytes: security.wsMaxPayloadBytes,
    connectionInitTimeoutMs: security.wsConnectionInitTimeoutMs,
    maxSubscriptionsPerConnection: security.wsMaxSubscriptionsPerConnection,
    tooManyConnections: `Too many WebSocket connections for this user (at most ${max})`,
    admit(identity) {
      const count = open.get(identity.sub) ?? 0;
      if (count >= max) return undefined;
      open.set(identity.sub, count + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(identity.sub) ?? 1) - 1;
        if (left <= 0) open.delete(identity.sub);
        else open.set(identity.sub, left);
      };
    },
    consume: (identity, address) => rateLimit.consume(rateLimitKey(identity, address)),
    watchCredentials(ws, identity, params, req) {
      if (identity.via === 'local') return () => undefined;
      let checking = false;
      const timer = setInterval(() => {
        if (checking) return;
        checking = true;
        auth
          .reauthenticate(params, req)
          .then((current) => current.sub === identity.sub)
          .catch(() => false)
          .then((valid) => {
            checking = false;
            if (valid) return;
            log.info({ sub: identity.sub }, 'closing a WebSocket whose credentials were revoked or expired');
            clearInterval(timer);
            ws.close(CLOSE_CREDENTIALS_REVOKED, 'Credentials revoked or expired');
            setTimeout(() => ws.terminate(), 5_000).unref();
          });
      }, security.wsRevalidateMs);
      timer.unref();
      ws.once('close', () => clearInterval(timer));
      return () => clearInterval(timer);
    },
  };
}
