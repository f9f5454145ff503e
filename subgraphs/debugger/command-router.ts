/**
 * Debug session commands across debugger replicas (docs/ARCHITECTURE.md §5.1). A command runs on the replica that
 * drives its session (session-owner.ts); arriving at any other replica, it is forwarded over Redis to that one and
 * its answer comes back unchanged (a value, or an error with its message, code and extensions). When the driving
 * replica is gone — its lease ran out or was handed back — the receiving replica takes the session over instead and
 * rebuilds it from its journal. Reads are not forwarded: the driving replica writes the store before it publishes
 * an event or answers a command, so every replica reads the current state there.
 */
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { appError } from '../../platform/errors';
import { topics, type DebugControlPayload, type EventBus } from '../../platform/events';
import { signInternalToken, verifyInternalToken, type Identity } from '../../platform/identity';
import type { Logger } from '../../platform/logger';
import { maskError } from '../../platform/subgraph-server';
import type { DebugService } from './debug-service';
import type { SessionOwner } from './session-owner';
import { isLeaseLost } from './session-store';

/** The DebugService methods that act on one live session: `(sessionId, ...args, identity)`. */
const SESSION_COMMANDS = ['step', 'setBreakpoint', 'removeBreakpoint', 'setBreakOnError', 'addWatch', 'removeWatch', 'evaluate', 'setVariable', 'end'] as const;
type SessionCommand = (typeof SESSION_COMMANDS)[number];

/** What the resolvers use: the service's reads as they are, its commands routed to the replica driving the session. */
export type DebugApi = Pick<DebugService, 'access' | 'start' | 'getMany' | 'list' | 'listByProjects' | 'journalOf' | SessionCommand>;

/** Each argument boxed, so that an omitted one (undefined) stays omitted through JSON. */
type Boxed = { value?: unknown };

interface CommandRequest extends DebugControlPayload {
  kind: 'request';
  replyTo: string;
  command: SessionCommand;
  sessionId: string;
  args: Boxed[];
  /** The caller, signed like the router signs it for a subgraph, so that the Redis channel vouches for nobody. */
  token: string;
}

interface CommandReply extends DebugControlPayload {
  kind: 'reply';
  /** `moved`: the receiving replica does not drive the session (any more); route again. */
  outcome: 'ok' | 'error' | 'moved';
  value?: unknown;
  error?: { message: string; extensions?: Record<string, unknown> };
}

const MOVED = Symbol('moved');
/** Routing again after `moved` or a lost lease; more than a few hops means the session is being passed around. */
const MAX_ROUTES = 4;
/** After the driving replica's lease is seen gone, a reply it sent just before may still be on its way. */
const LATE_REPLY_MS = 250;

export interface CommandRouterDeps {
  service: DebugService;
  owner: SessionOwner;
  bus: EventBus;
  internalTokenSecret: string;
  /** How long to wait for the driving replica's answer while it keeps its lease. */
  forwardTimeoutMs: number;
  /** How often a waiting replica checks that the driving one still holds its lease. */
  leaseCheckMs: number;
  log: Logger;
}

export class CommandRouter {
  private readonly waiting = new Map<string, (reply: CommandReply) => void>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Requests that arrived while this replica was shutting down: answered `moved` once its leases are back. */
  private readonly parked: CommandRequest[] = [];
  private draining = false;
  private listening: Promise<() => void> | undefined;
  private readonly mask: ReturnType<typeof maskError>;

  constructor(private readonly deps: CommandRouterDeps) {
    this.mask = maskError(deps.log, 'debugger');
  }

  /** Listens on this replica's inbox; not awaited, so that a Redis outage does not hold the service's start up. */
  start(): void {
    this.listening = this.deps.bus
      .on(topics.debugControl(this.deps.owner.replicaId), (message) => this.receive(message))
      .catch((err) => {
        this.deps.log.warn({ err }, 'listening for forwarded debug commands failed');
        return () => undefined;
      });
  }

  get api(): DebugApi {
    const { service, owner } = this.deps;
    return {
      access: service.access,
      start: async (args, identity) => {
        const record = await service.start(args, identity);
        owner.adopt(record.id);
        return record;
      },
      getMany: (ids, identity) => service.getMany(ids, identity),
      list: (identity, first, state) => service.list(identity, first, state),
      listByProjects: (projectIds, first) => service.listByProjects(projectIds, first),
      journalOf: (record) => service.journalOf(record),
      step: (id, action, identity) => this.route('step', id, [action], identity),
      setBreakpoint: (id, input, identity) => this.route('setBreakpoint', id, [input], identity),
      removeBreakpoint: (id, nodeId, identity) => this.route('removeBreakpoint', id, [nodeId], identity),
      setBreakOnError: (id, enabled, identity) => this.route('setBreakOnError', id, [enabled], identity),
      addWatch: (id, expression, identity) => this.route('addWatch', id, [expression], identity),
      removeWatch: (id, watchId, identity) => this.route('removeWatch', id, [watchId], identity),
      evaluate: (id, expression, identity) => this.route('evaluate', id, [expression], identity),
      setVariable: (id, nodeId, port, value, identity) => this.route('setVariable', id, [nodeId, port, value], identity),
      end: (id, identity) => this.route('end', id, [], identity),
    };
  }

  /** Shutdown, first step: requests from other replicas wait from now on; those being answered finish. */
  async drain(): Promise<void> {
    this.draining = true;
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  /** Shutdown, last step (after the leases went back): waiting requests are told to route again, and the inbox closes. */
  async close(): Promise<void> {
    this.draining = true;
    for (const request of this.parked.splice(0)) await this.reply(request, { outcome: 'moved' });
    void this.listening?.then((stop) => stop()).catch(() => undefined);
  }

  /** T is the command's own result: the service method's, here or on the driving replica. */
  private route<T>(command: SessionCommand, sessionId: string, args: unknown[], identity: Identity): Promise<T> {
    return this.dispatch(command, sessionId, args, identity, false) as Promise<T>;
  }

  /** The command's result; MOVED only for a `forwarded` command this replica does not drive. */
  private async dispatch(command: SessionCommand, sessionId: string, args: unknown[], identity: Identity, forwarded: boolean): Promise<unknown> {
    for (let attempt = 0; attempt < MAX_ROUTES; attempt++) {
      let placed;
      try {
        placed = await this.deps.owner.place(sessionId, () => this.invoke(command, sessionId, args, identity));
      } catch (err) {
        // The store refused a write: another replica took the session over while this one thought it drove it.
        if (!isLeaseLost(err)) throw err;
        this.deps.owner.forget(sessionId);
        continue;
      }
      if (placed.here) return placed.value;
      // A forwarded command is never forwarded again: its sender routes it afresh.
      if (forwarded) return MOVED;
      const answer = await this.forward(placed.owner, command, sessionId, args, identity);
      if (answer !== MOVED) return answer;
    }
    throw appError('SERVICE_UNAVAILABLE', `debug session "${sessionId}" is changing hands between debugger replicas; send the command again`, { sessionId });
  }

  private invoke(command: SessionCommand, sessionId: string, args: unknown[], identity: Identity): Promise<unknown> {
    const method = this.deps.service[command] as (id: string, ...rest: unknown[]) => Promise<unknown>;
    return method.call(this.deps.service, sessionId, ...args, identity);
  }

  private async forward(replica: string, command: SessionCommand, sessionId: string, args: unknown[], identity: Identity): Promise<unknown> {
    const { owner, forwardTimeoutMs, leaseCheckMs, internalTokenSecret } = this.deps;
    const requestId = randomUUID();
    const replied = new Promise<CommandReply>((resolve) => this.waiting.set(requestId, resolve));
    try {
      const request: CommandRequest = {
        kind: 'request',
        requestId,
        replyTo: owner.replicaId,
        command,
        sessionId,
        args: args.map((value) => ({ value })),
        token: await signInternalToken(identity, internalTokenSecret),
      };
      await this.deps.bus.emit(topics.debugControl(replica), request);
      const deadline = Date.now() + forwardTimeoutMs;
      for (;;) {
        const reply = await within(replied, Math.min(leaseCheckMs, Math.max(0, deadline - Date.now())));
        if (reply) return this.unpack(reply);
        // No answer yet: a long command, or a replica that is gone. Its lease tells which.
        if (!(await owner.stillDrives(replica, sessionId))) {
          const late = await within(replied, LATE_REPLY_MS);
          return late ? this.unpack(late) : MOVED;
        }
        if (Date.now() >= deadline) {
          throw appError('SERVICE_UNAVAILABLE', `the debugger replica driving session "${sessionId}" did not answer within ${forwardTimeoutMs} ms; try again`, {
            sessionId,
          });
        }
      }
    } finally {
      this.waiting.delete(requestId);
    }
  }

  private unpack(reply: CommandReply): unknown {
    if (reply.outcome === 'moved') return MOVED;
    if (reply.outcome === 'ok') return reply.value;
    throw new GraphQLError(reply.error?.message ?? 'Internal server error', { extensions: reply.error?.extensions ?? { code: 'INTERNAL_SERVER_ERROR' } });
  }

  private receive(message: DebugControlPayload): void {
    if (message.kind === 'reply') return void this.waiting.get(message.requestId)?.(message as CommandReply);
    const request = message as CommandRequest;
    if (this.draining) return void this.parked.push(request);
    const answered = this.answer(request).finally(() => this.inFlight.delete(answered));
    this.inFlight.add(answered);
  }

  private async answer(request: CommandRequest): Promise<void> {
    try {
      if (!SESSION_COMMANDS.includes(request.command) || typeof request.sessionId !== 'string' || !Array.isArray(request.args)) {
        throw appError('BAD_USER_INPUT', 'malformed forwarded debug command');
      }
      const identity = await verifyInternalToken(request.token, this.deps.internalTokenSecret);
      const args = request.args.map((boxed) => boxed?.value);
      const value = await this.dispatch(request.command, request.sessionId, args, identity, true);
      await this.reply(request, value === MOVED ? { outcome: 'moved' } : { outcome: 'ok', value });
    } catch (err) {
      // Masked exactly as this replica would mask it for its own caller; the sender's masking then leaves it as is.
      const { message, extensions } = this.mask({ message: (err as Error).message ?? String(err), extensions: (err as GraphQLError).extensions }, err);
      await this.reply(request, { outcome: 'error', error: { message, extensions } });
    }
  }

  private reply(request: CommandRequest, answer: Pick<CommandReply, 'outcome' | 'value' | 'error'>): Promise<void> {
    const reply: CommandReply = { kind: 'reply', requestId: request.requestId, ...answer };
    return this.deps.bus.emit(topics.debugControl(request.replyTo), reply);
  }
}

/** The promise's value if it settles within `ms`, else undefined (the timer never outlives the wait). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
