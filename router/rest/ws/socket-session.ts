/**
 * What both legacy bridges need from a socket: JSON out with a bound on what a slow client may leave queued, JSON
 * in handled one message at a time (a `step` must not overtake the one before it), and errors as messages — a bad
 * message never closes the connection.
 */
import type { WebSocket } from 'ws';
import type { Logger } from '../../../platform/logger';
import { RestError } from '../envelope';

export interface SocketSession {
  send(message: Record<string, unknown>): void;
  /** Runs `handle` for each client message, in order. */
  onMessage(handle: (message: Record<string, unknown>) => Promise<void>): void;
  /** Resolves when the socket closes. */
  readonly closed: Promise<void>;
  readonly isOpen: boolean;
}

const SLOW_CONSUMER_REASON = 'Slow consumer: too many undelivered messages; reconnect';

/** `throttle` answers the seconds to wait when the caller's request budget is spent (the HTTP rate limit), else undefined. */
export function socketSession(ws: WebSocket, log: Logger, slowConsumerBytes: number, throttle?: () => Promise<number | undefined>): SocketSession {
  let open = true;
  const closed = new Promise<void>((resolve) => ws.once('close', () => ((open = false), resolve())));
  const send = (message: Record<string, unknown>) => {
    if (!open || ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > slowConsumerBytes) {
      log.warn({ buffered: ws.bufferedAmount }, 'closing a slow legacy WebSocket client');
      ws.close(1013, SLOW_CONSUMER_REASON);
      setTimeout(() => ws.terminate(), 5_000).unref();
      return;
    }
    ws.send(JSON.stringify(message));
  };
  const failure = (err: unknown) => {
    if (err instanceof RestError) return { type: 'error', code: err.code, status: err.status, message: err.message };
    log.error({ err }, 'legacy WebSocket message failed');
    return { type: 'error', code: 'INTERNAL_SERVER_ERROR', status: 500, message: 'Internal server error' };
  };
  return {
    send,
    closed,
    get isOpen() {
      return open;
    },
    onMessage(handle) {
      let queue = Promise.resolve();
      ws.on('message', (raw, isBinary) => {
        queue = queue.then(async () => {
          let message: unknown;
          try {
            message = isBinary ? undefined : JSON.parse(raw.toString());
          } catch {
            message = undefined;
          }
          if (!message || typeof message !== 'object' || Array.isArray(message)) {
            send({ type: 'error', code: 'BAD_REQUEST', status: 400, message: 'Messages must be JSON objects' });
            return;
          }
          const retryAfter = await throttle?.();
          if (retryAfter !== undefined) {
            send({ type: 'error', code: 'RATE_LIMITED', status: 429, message: `Too many requests; retry in ${retryAfter} s`, retry_after: retryAfter });
            return;
          }
          try {
            await handle(message as Record<string, unknown>);
          } catch (err) {
            send(failure(err));
          }
        });
      });
    },
  };
}

/** Pumps a stream into the socket until either ends; a stream failure closes the socket with its reason. */
export async function pump<T>(stream: AsyncIterator<T>, session: SocketSession, ws: WebSocket, forward: (item: T) => Promise<void> | void): Promise<void> {
  const stop = session.closed.then(() => ({ done: true, value: undefined }) as IteratorResult<T>);
  try {
    for (;;) {
      const next = await Promise.race([stream.next(), stop]);
      if (next.done) break;
      await forward(next.value);
    }
  } catch (err) {
    if (session.isOpen) ws.close(1011, ((err as Error).message || 'stream failed').slice(0, 120));
  } finally {
    void stream.return?.(undefined);
  }
}

export function badMessage(message: string): RestError {
  return new RestError(400, 'BAD_USER_INPUT', message);
}
