/**
 * The router's subscriptions (schema/subscriptions.graphql). Each listens to its entity's topic BEFORE reading the
 * stored state through the gateway (which also checks the caller's access), so nothing falls between the two — and
 * ends when the caller loses access to the project (access-watch).
 */
import { GraphQLError } from 'graphql';
import { topics, type EventBus, type PresencePayload, type ProjectChangePayload, type RunEventPayload } from '../../platform/events';
import type { RouterContext } from '../gateway';
import type { GatewayExecutor } from './gateway-fields';
import { endWhenAccessLost } from './access-watch';
import { openTopic } from './topic-stream';

type ChangeEvent = ProjectChangePayload;

async function query<T>(execute: GatewayExecutor, text: string, variables: Record<string, unknown>, context: RouterContext): Promise<T> {
  const result = await execute(text, variables, context);
  if (result.errors?.length) throw new GraphQLError(result.errors[0].message, { extensions: result.errors[0].extensions });
  return result.data as T;
}

const notFound = (what: string, id: string) => new GraphQLError(`${what} "${id}" not found`, { extensions: { code: 'NOT_FOUND', id } });

/**
 * One derived object per bus message (the bus hands every listener the same message), so every subscriber yields the
 * same event object and shares its execution (shared-execution.ts).
 */
function perMessage<T extends object, R>(derive: (message: T) => R): (message: T) => R {
  const derived = new WeakMap<T, R>();
  return (message) => {
    if (!derived.has(message)) derived.set(message, derive(message));
    return derived.get(message)!;
  };
}

const liveChange = perMessage((change: ChangeEvent) => ({ ...change, replayed: false }));
const shownRunEvent = perMessage((event: RunEventPayload) => ({
  ...event,
  status: typeof event.status === 'string' ? event.status.toUpperCase() : event.status,
}));
const presenceEvent = perMessage((event: PresencePayload) => ({
  projectId: event.projectId,
  kind: event.kind,
  entries: [event.entry],
}));

const CHANGES = `query ReplayChanges($id: ID!, $since: Int!) { project(id: $id) { id changes(sinceVersion: $since, first: 1000) { version actor op payload at } } }`;
const PAGE = 1000;

export function subscriptionFields(bus: EventBus, execute: GatewayExecutor, bufferLimit: number) {
  async function changesAfter(projectId: string, since: number, context: RouterContext): Promise<ChangeEvent[]> {
    const data = await query<{ project: { changes: Omit<ChangeEvent, 'projectId'>[] } | null }>(execute, CHANGES, { id: projectId, since }, context);
    if (!data.project) throw notFound('Project', projectId);
    return data.project.changes.map((c) => ({ ...c, projectId }));
  }

  return {
    async *projectChanged(args: { projectId: string; sinceVersion?: number | null }, context: RouterContext, signal?: AbortSignal) {
      const live = await openTopic(bus, topics.project(args.projectId), bufferLimit, signal);
      let unwatch = () => {};
      try {
        let last = Math.max(0, args.sinceVersion ?? 0);
        for (;;) {
          const page = await changesAfter(args.projectId, last, context);
          for (const change of page) {
            yield { ...change, replayed: true };
            last = change.version;
          }
          if (page.length < PAGE) break;
        }
        unwatch = await endWhenAccessLost(bus, execute, args.projectId, context, live);
        for await (const change of live) {
          if (change.op === 'deleteProject') {
            yield liveChange(change);
            return;
          }
          if (change.version <= last) continue; // already replayed
          if (change.version > last + 1) {
            // Pub/sub is at-most-once: fill a gap from the log rather than skip a version.
            for (const missed of await changesAfter(args.projectId, last, context)) {
              if (missed.version >= change.version) break;
              yield { ...missed, replayed: true };
              last = missed.version;
            }
          }
          yield liveChange(change);
          last = change.version;
        }
      } finally {
        unwatch();
        await live.return();
      }
    },

    async *presence(args: { projectId: string; sessionId?: string | null }, context: RouterContext, signal?: AbortSignal) {
      const live = await openTopic(bus, topics.presence(args.projectId), bufferLimit, signal);
      let unwatch = () => {};
      try {
        const data = await query<{ project: { presence: unknown[] } | null }>(
          execute,
          `query PresenceSnapshot($id: ID!) { project(id: $id) { presence { userId sessionId name cursor { x y } selection updatedAt expiresAt } } }`,
          { id: args.projectId },
          context,
        );
        if (!data.project) throw notFound('Project', args.projectId);
        unwatch = await endWhenAccessLost(bus, execute, args.projectId, context, live);
        yield { projectId: args.projectId, kind: 'SNAPSHOT', entries: data.project.presence };
        for await (const event of live) yield presenceEvent(event);
      } finally {
        unwatch();
        await live.return();
        // A closed socket (or a completed subscription) leaves at once; the entry's TTL is for lost connections.
        if (args.sessionId) {
          await query(
            execute,
            `mutation LeaveOnClose($id: ID!, $s: ID) { leavePresence(projectId: $id, sessionId: $s) }`,
            { id: args.projectId, s: args.sessionId },
            context,
          ).catch(() => undefined);
        }
      }
    },

    async *runEvents(args: { runId: string; fromSeq?: number | null }, context: RouterContext, signal?: AbortSignal) {
      type Event = RunEventPayload;
      const live = await openTopic(bus, topics.run(args.runId), bufferLimit, signal);
      const recorded = async (fromSeq: number) => {
        const data = await query<{ run: { projectId: string; events: Event[] } | null }>(
          execute,
          `query RunEventLog($id: ID!, $from: Int!) { run(id: $id) { projectId events(fromSeq: $from, first: 1000) } }`,
          { id: args.runId, from: fromSeq },
          context,
        );
        if (!data.run) throw notFound('Run', args.runId);
        return data.run;
      };
      let unwatch = () => {};
      try {
        // Listening already (above), so replaying the record and then going live leaves no gap; seq removes duplicates.
        let next = Math.max(0, args.fromSeq ?? 0);
        let page = await recorded(next);
        unwatch = await endWhenAccessLost(bus, execute, page.projectId, context, live);
        for (;;) {
          for (const event of page.events) {
            yield shownRunEvent(event);
            next = event.seq + 1;
            if (event.type === 'RUN_FINISHED') return;
          }
          if (page.events.length < 1000) break;
          page = await recorded(next);
        }
        for await (const event of live) {
          if (event.seq < next) continue; // already replayed
          if (event.seq > next) {
            // Pub/sub is at-most-once: fill a gap from the record rather than skip events.
            for (const missed of (await recorded(next)).events) {
              if (missed.seq >= event.seq) break;
              yield shownRunEvent(missed);
              next = missed.seq + 1;
            }
          }
          yield shownRunEvent(event);
          next = event.seq + 1;
          if (event.type === 'RUN_FINISHED') return;
        }
      } finally {
        unwatch();
        await live.return();
      }
    },

    async *debugEvents(args: { sessionId: string }, context: RouterContext, signal?: AbortSignal) {
      const live = await openTopic(bus, topics.debug(args.sessionId), bufferLimit, signal);
      let unwatch = () => {};
      try {
        const data = await query<{ debugSession: { id: string; projectId: string } | null }>(
          execute,
          `query DebugSessionExists($id: ID!) { debugSession(id: $id) { id projectId } }`,
          { id: args.sessionId },
          context,
        );
        if (!data.debugSession) throw notFound('Debug session', args.sessionId);
        unwatch = await endWhenAccessLost(bus, execute, data.debugSession.projectId, context, live);
        yield* live;
      } finally {
        unwatch();
        await live.return();
      }
    },

    async *deploymentEvents(args: { deploymentId: string }, context: RouterContext, signal?: AbortSignal) {
      const live = await openTopic(bus, topics.deployment(args.deploymentId), bufferLimit, signal);
      const finalStatuses = new Set(['STOPPED', 'FAILED', 'CANCELLED']);
      let unwatch = () => {};
      try {
        const data = await query<{
          deployment: { id: string; projectId: string; target: string; environment: string; status: string; endpoint: string | null; updatedAt: string } | null;
        }>(
          execute,
          `query DeploymentState($id: ID!) { deployment(id: $id) { id projectId target environment status endpoint updatedAt } }`,
          { id: args.deploymentId },
          context,
        );
        const current = data.deployment;
        if (!current) throw notFound('Deployment', args.deploymentId);
        unwatch = await endWhenAccessLost(bus, execute, current.projectId, context, live);
        // Where it stands now, so a late subscriber is never left with silence.
        yield {
          deploymentId: current.id,
          projectId: current.projectId,
          target: current.target,
          environment: current.environment,
          status: current.status,
          previousStatus: null,
          reason: null,
          endpoint: current.endpoint,
          at: current.updatedAt,
          logs: [],
        };
        if (finalStatuses.has(current.status)) return;
        for await (const event of live) {
          if (Date.parse(String(event.at)) <= Date.parse(current.updatedAt)) continue; // already reflected in the snapshot
          yield event;
          if (finalStatuses.has(event.status)) return;
        }
      } finally {
        unwatch();
        await live.return();
      }
    },

    async *events(args: { types?: string[] | null }, context: RouterContext, signal?: AbortSignal) {
      const wanted = args.types?.length ? new Set(args.types) : undefined;
      const live = await openTopic(bus, topics.seedEvents, bufferLimit, signal);
      try {
        for await (const event of live) {
          // The caller's own events only, until project membership arrives with the security issue.
          if (event.data.actor !== context.identity.sub) continue;
          if (!wanted || wanted.has(event.type)) yield event;
        }
      } finally {
        await live.return();
      }
    },
  };
}
