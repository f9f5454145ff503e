/**
 * One `upgrade` listener per HTTP server that hands each WebSocket handshake to the server registered for its path
 * (graphql-ws on /graphql, the legacy bridges on /ws/*). ws's `{server, path}` mode cannot share a server: every
 * WebSocketServer answers 400 to the paths it does not own, racing the others. Unclaimed paths get a 404.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';

export type UpgradeHandler = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void;

interface UpgradeRoute {
  matches(pathname: string): boolean;
  handle: UpgradeHandler;
}

const tables = new WeakMap<http.Server, UpgradeRoute[]>();
/** Checks run before any route (e.g. the security module's Origin check); a guard that returns false has answered. */
export type UpgradeGuard = (req: http.IncomingMessage, socket: Duplex) => boolean;
const guards = new WeakMap<http.Server, UpgradeGuard[]>();

export function guardUpgrades(server: http.Server, guard: UpgradeGuard): () => void {
  let list = guards.get(server);
  if (!list) guards.set(server, (list = []));
  list.push(guard);
  return () => {
    const index = list!.indexOf(guard);
    if (index !== -1) list!.splice(index, 1);
  };
}

export function pathnameOf(req: http.IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** Refuses a handshake with a plain HTTP answer. */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) return void socket.destroy();
  const body = JSON.stringify({ status: 'error', message: reason });
  socket.end(
    `HTTP/1.1 ${status} ${reason.replace(/[\r\n]/g, ' ').slice(0, 100)}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Routes handshakes whose path `matches` to `handle`; returns the function that removes the route. */
export function routeUpgrades(server: http.Server, matches: (pathname: string) => boolean, handle: UpgradeHandler): () => void {
  let table = tables.get(server);
  if (!table) {
    const routes: UpgradeRoute[] = [];
    tables.set(server, (table = routes));
    server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!(guards.get(server) ?? []).every((guard) => guard(req, socket))) return;
      const pathname = pathnameOf(req);
      const route = routes.find((r) => r.matches(pathname));
      if (route) route.handle(req, socket, head);
      else refuseUpgrade(socket, 404, 'Not Found');
    });
  }
  const route = { matches, handle };
  table.push(route);
  return () => {
    const index = table!.indexOf(route);
    if (index !== -1) table!.splice(index, 1);
  };
}
