/**
 * Timeouts and a per-client connection cap for a public HTTP server (issue 16): slow clients (headers or bodies
 * trickled in) are cut off, idle keep-alive sockets closed, and one address cannot hold the server's sockets.
 */
import http from 'node:http';
import type { HttpServerLimits } from './config';

const TOO_MANY = 'Too many connections from this address';

/** An HTTP server for `app` with the limits applied. */
export function createLimitedServer(app: http.RequestListener, limits: HttpServerLimits): http.Server {
  const server = http.createServer(
    {
      // Node refuses a headers timeout longer than the request timeout.
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts above on this period (30 s by default, which would let slow bodies run long).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    app,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  if (limits.maxConnectionsPerClient > 0) capConnectionsPerClient(server, limits.maxConnectionsPerClient);
  return server;
}

function capConnectionsPerClient(server: http.Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= max) {
      const body = JSON.stringify({ errors: [{ message: TOO_MANY, extensions: { code: 'RATE_LIMITED', limit: 'connectionsPerClient', max } }] });
      socket.end(
        `HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
