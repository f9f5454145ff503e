/**
 * The platform's event bus (ARCHITECTURE §8). Two kinds of message, both published only after the owning
 * transaction commits:
 * - the seed's 13 events (PROJECT_CREATED … AI_SUGGESTION_GENERATED), on the `events` topic;
 * - entity streams, one topic per entity (`project.<id>`, `run.<id>`, `debug.<id>`, `deployment.<id>`,
 *   `presence.<projectId>`), so Redis routes messages instead of every subscriber filtering them.
 * Redis pub/sub (graphql-redis-subscriptions, two ioredis connections) when REDIS_URL is set; an in-process PubSub
 * with the same interface in the embedded default. Topic names are prefixed with a namespace because pub/sub
 * ignores the Redis DB number.
 */
import { EventEmitter } from 'node:events';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import type { Logger } from './logger';
import { eventsDelivered, eventsPublished, topicKind } from './metrics';

export const SEED_EVENTS = [
  'PROJECT_CREATED', 'PROJECT_UPDATED', 'PROJECT_DELETED', 'COMPONENT_ADDED', 'COMPONENT_USED', 'CONNECTION_CREATED',
  'WORKFLOW_EXECUTED', 'CODE_GENERATED', 'DEBUG_SESSION_STARTED', 'DEBUG_STEP_EXECUTED', 'DEPLOYMENT_STARTED',
  'DEPLOYMENT_COMPLETED', 'AI_SUGGESTION_GENERATED',
] as const;
export type SeedEventType = (typeof SEED_EVENTS)[number];

export interface PlatformEvent {
  type: SeedEventType;
  source: string;
  at: string;
  data: Record<string, unknown>;
}

export const SEED_EVENTS_TOPIC = 'events';
export const topics = {
  project: (projectId: string) => `project.${projectId}`,
  run: (runId: string) => `run.${runId}`,
  /** Commands to whichever process executes a run (`{ action: 'cancel' }`); not exposed to clients. */
  runControl: (runId: string) => `runctl.${runId}`,
  debug: (sessionId: string) => `debug.${sessionId}`,
  deployment: (deploymentId: string) => `deployment.${deploymentId}`,
  presence: (projectId: string) => `presence.${projectId}`,
};

export interface EventPublisher {
  /** A seed event, on the `events` topic. */
  publish(type: SeedEventType, data: Record<string, unknown>): Promise<void>;
  /** A message on an entity topic. */
  emit(topic: string, payload: object): Promise<void>;
}

export interface EventBus extends EventPublisher {
  /** Listens to a topic; resolves to the function that stops listening. */
  on<T = unknown>(topic: string, listener: (payload: T) => void): Promise<() => void>;
  /** The underlying engine, namespaced topics, for GraphQL subscriptions: `pubsub.asyncIterableIterator(bus.key(topic))`. */
  readonly pubsub: PubSubEngine;
  key(topic: string): string;
  readonly kind: 'redis' | 'in-process';
  close(): Promise<void>;
}

export interface EventBusOptions {
  source: string;
  redisUrl?: string;
  namespace: string;
  log?: Logger;
}

/**
 * Publishing never holds up the write that caused it: pub/sub is at-most-once by design (subscribers replay from the
 * change log), so during a Redis outage a publish gives up after PUBLISH_TIMEOUT_MS instead of stalling a mutation.
 */
const PUBLISH_TIMEOUT_MS = 1_000;

export function createEventBus(options: EventBusOptions): EventBus {
  const key = (topic: string) => `${options.namespace}:${topic}`;
  const kindOfChannel = (channel: string) => topicKind(channel.slice(options.namespace.length + 1));
  const send = async (channel: string, payload: unknown, kind: string) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        pubsub.publish(channel, payload),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('publish timed out')), PUBLISH_TIMEOUT_MS);
        }),
      ]);
      eventsPublished.inc({ kind, outcome: 'ok' });
      countLocalDelivery?.(channel);
    } catch (err) {
      eventsPublished.inc({ kind, outcome: 'failed' });
      options.log?.warn({ channel, err: (err as Error).message }, 'event not published');
    } finally {
      clearTimeout(timer);
    }
  };
  let pubsub: PubSubEngine;
  /** In-process delivery happens inside publish; Redis delivery is counted as messages arrive. */
  let countLocalDelivery: ((channel: string) => void) | undefined;
  let close: () => Promise<void>;
  if (options.redisUrl) {
    // Keep retrying forever: a Redis outage must not crash anything, and subscriptions resume when it returns.
    const connect = () => {
      const client = new Redis(options.redisUrl!, { maxRetriesPerRequest: null, enableOfflineQueue: true, retryStrategy: (n) => Math.min(n * 200, 2_000) });
      client.on('error', (err) => options.log?.warn({ err: err.message }, 'redis connection error'));
      return client;
    };
    const publisher = connect();
    const subscriber = connect();
    subscriber.on('message', (channel: string) => eventsDelivered.inc({ kind: kindOfChannel(channel) }));
    pubsub = new RedisPubSub({ publisher, subscriber });
    close = async () => {
      await (pubsub as RedisPubSub).close().catch(() => undefined);
    };
  } else {
    // Many subscribers per topic is the normal case, not a leak.
    const emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    countLocalDelivery = (channel) => {
      const listeners = emitter.listenerCount(channel);
      if (listeners) eventsDelivered.inc({ kind: kindOfChannel(channel) }, listeners);
    };
    pubsub = new PubSub({ eventEmitter: emitter });
    close = async () => undefined;
  }
  return {
    pubsub,
    key,
    kind: options.redisUrl ? 'redis' : 'in-process',
    async publish(type, data) {
      const event: PlatformEvent = { type, source: options.source, at: new Date().toISOString(), data };
      await send(key(SEED_EVENTS_TOPIC), event, type);
    },
    async emit(topic, payload) {
      await send(key(topic), payload, topicKind(topic));
    },
    async on(topic, listener) {
      const id = await pubsub.subscribe(key(topic), listener as (payload: unknown) => void, {});
      return () => pubsub.unsubscribe(id);
    },
    close,
  };
}
