/**
 * Events other services must not lose (docs/ARCHITECTURE.md §8) — e.g. COMPONENT_USED feeding the registry's usage counts —
 * go through Redis Streams with a consumer group: appended after commit, read with XREADGROUP, acknowledged only
 * after the handler succeeded, re-read after a crash (pending entries first). Delivery is at-least-once, so
 * handlers dedupe by the entry id they are given. In the embedded default (no Redis) the same interface delivers
 * in-process.
 */
import os from 'node:os';
import Redis from 'ioredis';
import type { Logger } from './logger';

export interface DurableEntry<T> {
  /** Unique per entry: handlers use it to stay idempotent. */
  id: string;
  data: T;
}

export interface DurableStreams {
  append(stream: string, data: object): Promise<void>;
  /** Consumes a stream as `group`; resolves once listening, to the function that stops. */
  consume<T>(stream: string, group: string, handler: (entry: DurableEntry<T>) => Promise<void>): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const MAX_LENGTH = 100_000;

/** COMPONENT_USED, appended by the workflow service, counted by the registry. */
export const COMPONENT_USAGE_STREAM = 'component-usage';

export function createDurableStreams(options: { redisUrl?: string; namespace: string; log: Logger }): DurableStreams {
  return options.redisUrl ? redisStreams(options.redisUrl, options.namespace, options.log) : inProcessStreams(options.log);
}

function inProcessStreams(log: Logger): DurableStreams {
  const handlers = new Map<string, ((entry: DurableEntry<unknown>) => Promise<void>)[]>();
  let sequence = 0;
  return {
    async append(stream, data) {
      const entry = { id: `${Date.now()}-${sequence++}`, data };
      for (const handler of handlers.get(stream) ?? []) {
        setImmediate(() => handler(entry).catch((err) => log.error({ err, stream }, 'durable event handler failed')));
      }
    },
    async consume(stream, _group, handler) {
      const list = handlers.get(stream) ?? [];
      list.push(handler as (entry: DurableEntry<unknown>) => Promise<void>);
      handlers.set(stream, list);
      return async () => {
        handlers.set(
          stream,
          (handlers.get(stream) ?? []).filter((h) => h !== handler),
        );
      };
    },
    async close() {
      handlers.clear();
    },
  };
}

/** How long an append waits for Redis before leaving the event in the client's offline queue. */
const APPEND_WAIT_MS = 1_000;

function redisStreams(url: string, namespace: string, log: Logger): DurableStreams {
  const connect = () => {
    const client = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 2_000) });
    client.on('error', (err) => log.warn({ err: err.message }, 'redis streams connection error'));
    return client;
  };
  const writer = connect();
  const readers: Redis[] = [];
  const key = (stream: string) => `${namespace}:stream:${stream}`;
  const consumerName = `${os.hostname()}-${process.pid}`;
  return {
    async append(stream, data) {
      const added = writer.xadd(key(stream), 'MAXLEN', '~', String(MAX_LENGTH), '*', 'data', JSON.stringify(data));
      // During a Redis outage the XADD waits in ioredis's offline queue and is sent when Redis returns; the write that
      // caused it (already committed) is not held hostage meanwhile — waiting longer would add no durability.
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<'waiting'>((resolve) => (timer = setTimeout(() => resolve('waiting'), APPEND_WAIT_MS)));
      const outcome = await Promise.race([added, waited]).finally(() => clearTimeout(timer));
      if (outcome === 'waiting') {
        log.warn({ stream }, 'redis unavailable; durable event queued until it returns');
        added.catch((err: Error) => log.error({ err: err.message, stream }, 'durable event not appended'));
      }
    },
    async consume<T>(stream: string, group: string, handler: (entry: DurableEntry<T>) => Promise<void>) {
      const reader = connect();
      readers.push(reader);
      try {
        await reader.xgroup('CREATE', key(stream), group, '0', 'MKSTREAM');
      } catch (err) {
        if (!String((err as Error).message).includes('BUSYGROUP')) throw err;
      }
      let running = true;
      const loop = async () => {
        // First what this consumer read but never acknowledged (a crash between handling and XACK), then new entries.
        let cursor = '0';
        while (running) {
          try {
            const reply = (await reader.xreadgroup('GROUP', group, consumerName, 'COUNT', 100, 'BLOCK', 1_000, 'STREAMS', key(stream), cursor)) as
              | [string, [string, string[]][]][]
              | null;
            const entries = reply?.[0]?.[1] ?? [];
            if (cursor === '0' && entries.length === 0) cursor = '>';
            for (const [id, fields] of entries) {
              const raw = fields[fields.indexOf('data') + 1];
              try {
                await handler({ id, data: JSON.parse(raw) as T });
                await reader.xack(key(stream), group, id);
              } catch (err) {
                log.error({ err, stream, id }, 'durable event handler failed; it stays pending');
              }
            }
          } catch (err) {
            if (!running) break;
            log.warn({ err: (err as Error).message, stream }, 'reading a stream failed; retrying');
            await new Promise((r) => setTimeout(r, 500));
          }
        }
      };
      const done = loop();
      return async () => {
        running = false;
        reader.disconnect();
        await done;
      };
    },
    async close() {
      writer.disconnect();
      for (const reader of readers) reader.disconnect();
    },
  };
}
