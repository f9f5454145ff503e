/**
 * Who is calling. The embedded default runs in a clearly announced local single-user mode (loopback only); the
 * security issue adds JWT and API-key authentication behind this same function.
 */
import type { IncomingMessage } from 'node:http';
import { LOCAL_IDENTITY, type Identity } from '../platform/identity';

export async function authenticate(_req: IncomingMessage): Promise<Identity> {
  return LOCAL_IDENTITY;
}

/** graphql-ws: credentials arrive in the `connection_init` payload (e.g. `{authorization: "Bearer …"}`). */
export async function authenticateConnection(_params: Record<string, unknown>): Promise<Identity> {
  return LOCAL_IDENTITY;
}
