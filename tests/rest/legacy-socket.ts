/** A legacy WebSocket client for tests: collects JSON messages and waits for the one a test expects. */
import WebSocket from 'ws';

export interface LegacySocket {
  messages: any[];
  send(message: unknown): void;
  waitFor(predicate: (message: any) => boolean, timeoutMs?: number): Promise<any>;
  close(): Promise<void>;
  /** Resolves with the close code once the server (or the client) closes the socket. */
  readonly closed: Promise<{ code: number; reason: string }>;
}

export function openLegacySocket(httpUrl: string, path: string, headers: Record<string, string> = {}): Promise<LegacySocket> {
  const ws = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}${path}`, { headers });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const messages: any[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (raw) => {
    messages.push(JSON.parse(raw.toString()));
    waiters.forEach((w) => w());
  });
  const socket: LegacySocket = {
    messages,
    closed,
    send: (message) => ws.send(typeof message === 'string' ? message : JSON.stringify(message)),
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        let seen = 0;
        const check = () => {
          for (; seen < messages.length; seen++) {
            if (predicate(messages[seen])) {
              waiters.delete(check);
              clearTimeout(timer);
              return resolve(messages[seen]);
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; messages: ${JSON.stringify(messages).slice(0, 1500)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        if (ws.readyState === ws.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`handshake refused: ${res.statusCode}`), { statusCode: res.statusCode })));
    ws.once('error', reject);
  });
}
