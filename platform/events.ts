/**
 * The platform's event bus (docs/ARCHITECTURE.md §8). Two kinds of message, both published only after the owning
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
  'PROJECT_CREATED',
  'PROJECT_UPDATED',
  'PROJECT_DELETED',
  'COMPONENT_ADDED',
  'COMPONENT_USED',
  'CONNECTION_CREATED',
  'WORKFLOW_EXECUTED',
  'CODE_GENERATED',
  'DEBUG_SESSION_STARTED',
  'DEBUG_STEP_EXECUTED',
  'DEPLOYMENT_STARTED',
  'DEPLOYMENT_COMPLETED',
  'AI_SUGGESTION_GENERATED',
] as const;
export type SeedEventType = (typeof SEED_EVENTS)[number];

export interface PlatformEvent {
  type: SeedEventType;
  source: string;
  at: string;
  data: Record<string, unknown>;
}

export const SEED_EVENTS_TOPIC = 'events';

/**
 * An entity topic with the type of what is published on it, so publishers and listeners (subgraphs, the router's
 * subscriptions) share one declaration of each payload. `payload` exists only for the type checker.
 */
export interface Topic<T> {
  readonly name: string;
  readonly payload?: T;
}

const topic = <T>(name: string): Topic<T> => ({ name });

/** One project change (the change log's entry); `deleteProject` ends the stream. */
export interface ProjectChangePayload {
  projectId: string;
  version: number;
  actor: string;
  op: string;
  payload: unknown;
  at: string;
}

export interface PresencePayload {
  projectId: string;
  kind: 'JOINED' | 'UPDATED' | 'LEFT';
  entry: unknown;
}

/** A run event (the interpreter's, secrets masked) with its per-run sequence number; RUN_FINISHED is the last. */
export interface RunEventPayload {
  type: string;
  runId: string;
  /** 0, 1, 2… per run. */
  seq: number;
  at: string;
  nodeId?: string;
  frames?: unknown;
  attempt?: number;
  outputs?: unknown;
  error?: { code: string; message: string };
  status?: string;
  durationMs?: number;
}

/** Commands to whichever process executes a run. */
export interface RunControlPayload {
  action: 'cancel';
}

/** Between debugger replicas: a session command for the replica driving the session, or its answer (subgraphs/debugger/command-router.ts). */
export interface DebugControlPayload {
  kind: 'request' | 'reply';
  /** Pairs an answer with its request. */
  requestId: string;
}

export interface DebugEventStepPayload {
  nodeId: string;
  frames: unknown[];
  status: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  attempt: number;
  durationMs: number;
}

/** A debug session's event (subgraphs/debugger/debug-events.ts narrows the string fields). */
export interface DebugEventTopicPayload {
  sessionId: string;
  /** 1, 2, 3… per session: a client can tell it missed one (pub/sub is at-most-once). */
  seq: number;
  type: string;
  /** The session's state once this event applied. */
  state: string;
  at: string;
  /** PAUSED: the node paused before; STEP_EXECUTED / VARIABLE_CHANGED: the node concerned. */
  nodeId?: string | null;
  frames?: unknown[];
  /** PAUSED: why. */
  reason?: string | null;
  /** RESUMED: the action that resumed the run (STEP_OVER, CONTINUE, …). */
  action?: string | null;
  /** STEP_EXECUTED: the step as recorded in the timeline. */
  step?: DebugEventStepPayload | null;
  /** WATCH_VALUES: every watch with its current value or error. */
  watches?: { id: string; expression: string; value: unknown; error: string | null }[] | null;
  /** VARIABLE_CHANGED: the edit. */
  variable?: { nodeId: string; frames: unknown[]; port: string; value: unknown; previous: unknown } | null;
  /** COMPLETED: the run's outputs. */
  outputs?: Record<string, unknown> | null;
  /** ERROR (or PAUSED with reason ERROR): the failure; STOPPED: why, when not stopped by the user. */
  error?: { code: string; message: string } | null;
}

/** A deployment's status change (subgraphs/deployment/deployment-events.ts narrows the string fields). */
export interface DeploymentEventTopicPayload {
  deploymentId: string;
  projectId: string;
  target: string;
  environment: string;
  status: string;
  previousStatus: string | null;
  reason: string | null;
  endpoint: string | null;
  at: string;
  logs: unknown[];
}

export const topics = {
  seedEvents: topic<PlatformEvent>(SEED_EVENTS_TOPIC),
  project: (projectId: string) => topic<ProjectChangePayload>(`project.${projectId}`),
  run: (runId: string) => topic<RunEventPayload>(`run.${runId}`),
  /** Not exposed to clients. */
  runControl: (runId: string) => topic<RunControlPayload>(`runctl.${runId}`),
  debug: (sessionId: string) => topic<DebugEventTopicPayload>(`debug.${sessionId}`),
  /** Not exposed to clients: one debugger replica's inbox. */
  debugControl: (replicaId: string) => topic<DebugControlPayload>(`debugctl.${replicaId}`),
  deployment: (deploymentId: string) => topic<DeploymentEventTopicPayload>(`deployment.${deploymentId}`),
  presence: (projectId: string) => topic<PresencePayload>(`presence.${projectId}`),
};

export interface EventPublisher {
  /** A seed event, on the `events` topic. */
  publish(type: SeedEventType, data: Record<string, unknown>): Promise<void>;
  /** A message on an entity topic. */
  emit<T extends object>(topic: Topic<T>, payload: T): Promise<void>;
}

export interface EventBus extends EventPublisher {
  /** Listens to a topic; resolves to the function that stops listening. A bare name is the seed `events` topic's. */
  on<T>(topic: Topic<T>, listener: (payload: T) => void): Promise<() => void>;
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
      await send(key(topic.name), payload, topicKind(topic.name));
    },
    async on(topic: Topic<unknown> | string, listener: (payload: never) => void) {
      const id = await pubsub.subscribe(key(typeof topic === 'string' ? topic : topic.name), listener as (payload: unknown) => void, {});
      return () => pubsub.unsubscribe(id);
    },
    close,
  };
}
