/**
 * Debug sessions: start (pinning the project version), control, breakpoints, watches, evaluation, edits, end and
 * idle expiry. A session's run lives in this process (the interpreter awaits our hooks), so sessions are held in a
 * per-process registry keyed by id; one whose run is not in memory (after a restart) is rebuilt from its journal.
 * With several replicas, commands reach this class only on the replica that drives the session (command-router.ts).
 * The interpreter itself runs on a debug host thread (debug-hosts.ts); this class runs on the request thread.
 */
import { randomUUID } from 'node:crypto';
import { typeMismatch } from '../../engine/components/port-types';
import { preflight } from '../../engine/runtime/preflight';
import { appError, badInput, notFound } from '../../platform/errors';
import type { EventPublisher } from '../../platform/events';
import type { Identity } from '../../platform/identity';
import type { Logger } from '../../platform/logger';
import type { ProjectAccessClient } from '../../platform/project-access';
import { fetchProjectSnapshot } from '../../platform/project-client';
import type { ServiceClient } from '../../platform/service-client';
import type { StepMode } from './debug-driver';
import type { DebugHosts } from './debug-hosts';
import { compileForDebugger, evaluateSafely, positionScope } from './debug-expressions';
import { allNodeIds, graphAt, inputsFrom, nodeAt, outputPortNames, outputPortOf } from './graph-paths';
import { Journal } from './journal';
import { LiveSession } from './live-session';
import { launchDriver, refreshWatches, restoreDriver, watchEvents } from './session-runner';
import type { SessionOwner } from './session-owner';
import type { BreakpointRecord, DebugSessionRecord, DebugState, SessionStore, WatchRecord } from './session-store';
import type { DebuggerSettings } from './settings';

export type DebugAction = 'START' | 'STEP_OVER' | 'STEP_INTO' | 'STEP_OUT' | 'CONTINUE' | 'PAUSE' | 'STOP' | 'RESTART';

export interface BreakpointInput {
  nodeId: string;
  condition?: string | null;
  enabled?: boolean | null;
}

const MAX_BREAKPOINTS = 500;
const MAX_WATCHES = 50;
const MAX_INPUT_BYTES = 1024 * 1024;

export interface DebugServiceDeps {
  store: SessionStore;
  services: ServiceClient;
  events: EventPublisher;
  /** Where sessions' runs execute: threads that serve no requests. */
  hosts: DebugHosts;
  settings: DebuggerSettings;
  log: Logger;
  /** Reading a session needs the viewer role on its project; starting and driving one, the editor role. */
  access: ProjectAccessClient;
  /** With several replicas: which sessions this one drives (its copies of others are stale). Absent in one process. */
  replicas?: Pick<SessionOwner, 'drives' | 'place'>;
}

export class DebugService {
  private readonly registry = new Map<string, Promise<LiveSession | undefined>>();
  private readonly sweeper: NodeJS.Timeout;

  get access(): ProjectAccessClient {
    return this.deps.access;
  }

  constructor(private readonly deps: DebugServiceDeps) {
    const every = Math.max(50, Math.min(deps.settings.idleTimeoutMs / 2, 30_000));
    this.sweeper = setInterval(() => void this.expireIdle().catch((err) => deps.log.warn({ err }, 'expiring idle debug sessions failed')), every).unref();
  }

  async start(
    args: {
      projectId: string;
      inputs?: unknown;
      breakpoints?: readonly BreakpointInput[] | null;
      watches?: readonly string[] | null;
      breakOnError?: boolean | null;
      usePinned?: boolean | null;
    },
    identity: Identity,
  ): Promise<DebugSessionRecord> {
    const inputs = args.inputs ?? {};
    if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) throw badInput('inputs must be a JSON object', { field: 'inputs' });
    if (JSON.stringify(inputs).length > MAX_INPUT_BYTES) throw appError('LIMIT_EXCEEDED', `inputs are larger than ${MAX_INPUT_BYTES} bytes`);
    if ((args.breakpoints?.length ?? 0) > MAX_BREAKPOINTS) throw badInput(`at most ${MAX_BREAKPOINTS} breakpoints`);
    if ((args.watches?.length ?? 0) > MAX_WATCHES) throw badInput(`at most ${MAX_WATCHES} watches`);
    await this.deps.access.require(args.projectId, identity, 'editor');
    const project = await fetchProjectSnapshot(this.deps.services, args.projectId, identity);
    // The session's graph keeps pins only when asked for: the driver replays a pinned node instead of running it.
    if (!args.usePinned) project.graph.nodes = project.graph.nodes.map(({ pinnedOutput: _pin, ...node }) => node);
    assertRunnable(project.graph);
    const nodeIds = allNodeIds(project.graph);
    const breakpoints = (args.breakpoints ?? []).map((b) => makeBreakpoint(b, nodeIds));
    const watches = (args.watches ?? []).map((expression, i) => makeWatch(expression, `w${i + 1}`));
    const now = new Date().toISOString();
    const live = await this.deps.store.countLive(identity.sub, now);
    if (live >= this.deps.settings.maxLiveSessionsPerUser) {
      throw appError(
        'LIMIT_EXCEEDED',
        `you already have ${live} live debug sessions (the limit is ${this.deps.settings.maxLiveSessionsPerUser}); end one with endDebugSession`,
      );
    }
    const record: DebugSessionRecord = {
      id: randomUUID(),
      projectId: project.id,
      ownerId: identity.sub,
      createdAt: now,
      updatedAt: now,
      projectVersion: project.version,
      graph: project.graph,
      inputs: inputs as Record<string, unknown>,
      state: 'INITIALIZED',
      pauseReason: null,
      position: null,
      error: null,
      outputs: null,
      breakpoints,
      breakOnError: args.breakOnError === true,
      breakpointsHit: [],
      watches,
      nextWatchId: watches.length + 1,
      expiresAt: new Date(Date.now() + this.deps.settings.idleTimeoutMs).toISOString(),
      endedReason: null,
      journalLength: 0,
      eventSeq: 0,
    };
    await this.deps.store.insert(record);
    this.deps.hosts.warm();
    const s = this.adopt(record, new Journal());
    await s.commit(
      () => refreshWatches(s, { frames: [], inputs: {} }),
      (r) => [{ type: 'SESSION_STARTED' }, ...watchEvents(r)],
    );
    await this.deps.events.publish('DEBUG_SESSION_STARTED', { sessionId: record.id, projectId: record.projectId, projectVersion: record.projectVersion });
    return record;
  }

  async step(id: string, action: DebugAction, identity: Identity): Promise<DebugSessionRecord> {
    const s = await this.open(id, identity);
    const driver = await s.exclusive(() => this.control(s, action));
    if (driver) await driver.whenSettled(this.deps.settings.stepWaitMs);
    await s.flushed();
    await this.deps.events.publish('DEBUG_STEP_EXECUTED', {
      sessionId: s.id,
      projectId: s.record.projectId,
      action,
      state: s.record.state,
      currentNodeId: s.record.position?.nodeId ?? null,
    });
    return s.record;
  }

  async setBreakpoint(id: string, input: BreakpointInput, identity: Identity): Promise<BreakpointRecord> {
    const s = await this.open(id, identity);
    return s.exclusive(async () => {
      const breakpoint = makeBreakpoint(input, allNodeIds(s.record.graph));
      const existing = s.record.breakpoints.find((b) => b.nodeId === input.nodeId);
      if (!existing && s.record.breakpoints.length >= MAX_BREAKPOINTS) throw badInput(`at most ${MAX_BREAKPOINTS} breakpoints`);
      await s.commit((r) => {
        if (existing) Object.assign(existing, { condition: breakpoint.condition, enabled: breakpoint.enabled, lastError: null });
        else r.breakpoints.push(breakpoint);
      });
      return existing ?? breakpoint;
    });
  }

  async removeBreakpoint(id: string, nodeId: string, identity: Identity): Promise<DebugSessionRecord> {
    const s = await this.open(id, identity);
    return s.exclusive(async () => {
      if (!s.record.breakpoints.some((b) => b.nodeId === nodeId)) throw badInput(`no breakpoint on node "${nodeId}"`, { nodeId });
      await s.commit((r) => void (r.breakpoints = r.breakpoints.filter((b) => b.nodeId !== nodeId)));
      return s.record;
    });
  }

  async setBreakOnError(id: string, enabled: boolean, identity: Identity): Promise<DebugSessionRecord> {
    const s = await this.open(id, identity);
    return s.exclusive(async () => {
      await s.commit((r) => void (r.breakOnError = enabled));
      return s.record;
    });
  }

  async addWatch(id: string, expression: string, identity: Identity): Promise<WatchRecord> {
    const s = await this.open(id, identity);
    return s.exclusive(async () => {
      if (s.record.watches.length >= MAX_WATCHES) throw badInput(`at most ${MAX_WATCHES} watches`);
      const watch = makeWatch(expression, `w${s.record.nextWatchId}`);
      await s.commit(
        (r) => {
          r.nextWatchId++;
          r.watches.push(watch);
          refreshWatches(s, r.position ?? { frames: [], inputs: {} });
        },
        (r) => watchEvents(r),
      );
      return s.record.watches.find((w) => w.id === watch.id)!;
    });
  }

  async removeWatch(id: string, watchId: string, identity: Identity): Promise<DebugSessionRecord> {
    const s = await this.open(id, identity);
    return s.exclusive(async () => {
      if (!s.record.watches.some((w) => w.id === watchId)) throw badInput(`no watch "${watchId}"`, { watchId });
      await s.commit((r) => void (r.watches = r.watches.filter((w) => w.id !== watchId)));
      return s.record;
    });
  }

  /** The expression language at the current position; any failure is a BAD_USER_INPUT naming where it failed. */
  async evaluate(id: string, expression: string, identity: Identity): Promise<unknown> {
    const s = await this.open(id, identity);
    compileForDebugger(expression, 'expression');
    const result = evaluateSafely(expression, positionScope(s.record, s.journal));
    if (!result.ok) throw badInput(`evaluation failed: ${result.error}`, { expressionCode: result.code, position: result.position });
    return result.value;
  }

  async setVariable(id: string, nodeId: string, port: string, value: unknown, identity: Identity): Promise<DebugSessionRecord> {
    const s = await this.open(id, identity);
    return s.exclusive(async () => {
      if (s.record.state !== 'PAUSED') throw badInput(`setVariable needs a paused session; this one is ${s.record.state}`, { state: s.record.state });
      const driver = s.driver ?? (await restoreDriver(s, this.deps.hosts));
      const position = s.record.position;
      if (!driver || !position) throw badInput('the session is no longer paused');
      const finished = s.journal.visible(position.frames).get(nodeId);
      if (!finished) {
        if (!allNodeIds(s.record.graph).has(nodeId)) throw badInput(`unknown node "${nodeId}"`, { nodeId });
        throw badInput(`node "${nodeId}" has no outputs at this position (it has not run, was skipped, or belongs to another iteration)`, { nodeId });
      }
      const node = nodeAt(s.record.graph, finished.frames, nodeId)!;
      const spec = outputPortOf(node, port);
      if (!spec) throw badInput(`node "${nodeId}" has no output port "${port}" (ports: ${outputPortNames(node).join(', ')})`, { nodeId, port });
      const mismatch = value === undefined ? 'expected a value' : typeMismatch(value, spec.type);
      if (mismatch) throw badInput(`${nodeId}.${port} is ${spec.type}: ${mismatch}`, { nodeId, port, type: spec.type });
      const previous = await driver.edit(finished.frames, nodeId, port, value);
      const edit = { kind: 'edit' as const, nodeId, frames: finished.frames, port, value, previous: previous ?? null, at: new Date().toISOString() };
      await s.commit(
        (r) => {
          const graph = graphAt(r.graph, position.frames)!;
          const current = graph.nodes.find((n) => n.id === position.nodeId)!;
          const visible = s.journal.visible(position.frames);
          r.position = { ...position, inputs: inputsFrom(graph, current, (source) => visible.get(source)?.outputs, position.inputs) };
          refreshWatches(s, r.position);
        },
        (r) => [
          { type: 'VARIABLE_CHANGED', nodeId, frames: finished.frames, variable: { nodeId, frames: finished.frames, port, value, previous: previous ?? null } },
          ...watchEvents(r),
        ],
        edit,
      );
      return s.record;
    });
  }

  async end(id: string, identity: Identity): Promise<DebugSessionRecord> {
    const s = await this.open(id, identity);
    await s.exclusive(() => this.stopSession(s, 'ENDED'));
    return s.record;
  }

  /** Current records (this process's copy when it holds the session), limited to projects the caller may read. */
  async getMany(ids: readonly string[], identity: Identity): Promise<Map<string, DebugSessionRecord>> {
    const found = await this.deps.store.getMany(ids);
    for (const id of ids) {
      const held = await this.current(id);
      if (held) found.set(id, held.record);
    }
    const readable = new Set(await this.deps.access.filter([...found.values()], identity));
    for (const [id, record] of found) if (!readable.has(record)) found.delete(id);
    return found;
  }

  /** The caller's own sessions, on projects they may still read. */
  async list(identity: Identity, first: number, state?: DebugState | null): Promise<DebugSessionRecord[]> {
    return this.deps.access.filter(await this.deps.store.listByOwner(identity.sub, first, state ?? undefined), identity);
  }

  listByProjects(projectIds: readonly string[], first: number): ReturnType<SessionStore['listByProjects']> {
    return this.deps.store.listByProjects(projectIds, first);
  }

  async journalOf(record: DebugSessionRecord): Promise<Journal> {
    const held = await this.current(record.id);
    return held?.journal ?? new Journal(await this.deps.store.journal(record.id, record.journalLength));
  }

  /**
   * Process shutdown: abandon in-memory runs without recording anything (their journals keep them resumable), once
   * the writes already made are stored — another replica may rebuild them as soon as this one lets go.
   */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    for (const pending of this.registry.values()) {
      const s = await pending.catch(() => undefined);
      s?.driver?.detach();
      await s?.flushed();
    }
    this.registry.clear();
  }

  /** Another replica drives the session now, or it ended (session-owner.ts): forget this process's copy. */
  async evict(id: string): Promise<void> {
    const pending = this.registry.get(id);
    this.registry.delete(id);
    const s = await pending?.catch(() => undefined);
    s?.driver?.detach();
    await s?.flushed();
  }

  /** Stops live sessions idle past their expiry (with several replicas, those this one drives or may take over). */
  async expireIdle(): Promise<void> {
    for (const id of await this.deps.store.expiredLiveIds(new Date().toISOString())) {
      const expire = async () => {
        const s = await this.load(id);
        if (s) await s.exclusive(() => (isExpired(s.record) ? this.stopSession(s, 'IDLE_TIMEOUT') : Promise.resolve()));
      };
      await (this.deps.replicas ? this.deps.replicas.place(id, expire) : expire());
    }
  }

  /** This process's copy of a session, when it is the current one. */
  private current(id: string): Promise<LiveSession | undefined> | undefined {
    return this.deps.replicas && !this.deps.replicas.drives(id) ? undefined : this.registry.get(id);
  }

  private async control(s: LiveSession, action: DebugAction) {
    const { state } = s.record;
    if (action === 'STOP') {
      if (!s.isLive) throw badInput(`the session is already ${state.toLowerCase()}`, { state });
      await this.stopSession(s, null);
      return undefined;
    }
    if (action === 'RESTART') {
      if (s.driver) {
        s.driver.detach();
        await s.driver.done;
        s.driver = undefined;
      }
      await s.commit(
        async (r) => {
          await this.deps.store.clearJournal(r.id);
          s.journal = new Journal();
          Object.assign(r, {
            state: 'RUNNING',
            pauseReason: null,
            position: null,
            error: null,
            outputs: null,
            breakpointsHit: [],
            journalLength: 0,
            endedReason: null,
          });
          for (const b of r.breakpoints) Object.assign(b, { hitCount: 0, lastError: null });
        },
        () => [{ type: 'RESUMED', action }],
      );
      return launchDriver(s, this.deps.hosts, 'CONTINUE');
    }
    if (action === 'PAUSE') {
      if (state !== 'RUNNING' || !s.driver) throw badInput(`PAUSE needs a running session; this one is ${state}`, { state });
      s.driver.requestPause();
      return s.driver;
    }
    const mode: StepMode = action === 'START' ? 'CONTINUE' : action;
    if (state === 'INITIALIZED') {
      await s.commit(
        (r) => void (r.state = 'RUNNING'),
        () => [{ type: 'RESUMED', action }],
      );
      return launchDriver(s, this.deps.hosts, mode);
    }
    if (action === 'START') throw badInput(`the session has already started (it is ${state}); use CONTINUE or RESTART`, { state });
    if (state === 'RUNNING') throw appError('CONFLICT', `the session is running; send PAUSE or STOP first`, { state });
    if (state !== 'PAUSED') throw badInput(`the session is ${state.toLowerCase()}: ${action} is not possible; RESTART it or start a new session`, { state });
    const driver = s.driver ?? (await restoreDriver(s, this.deps.hosts));
    if (!driver) return undefined;
    await s.commit(
      (r) => void (r.state = 'RUNNING'),
      () => [{ type: 'RESUMED', action, nodeId: s.record.position?.nodeId ?? null }],
    );
    driver.resumeWith(mode);
    return driver;
  }

  private async stopSession(s: LiveSession, reason: string | null): Promise<void> {
    if (!s.isLive) return;
    s.record.endedReason = reason;
    if (s.driver) {
      await s.driver.stop();
      return;
    }
    await s.commit(
      (r) =>
        void Object.assign(r, {
          state: 'STOPPED',
          pauseReason: null,
          position: null,
          error: reason ? { code: reason, message: `session ended: ${reason.toLowerCase().replace(/_/g, ' ')}` } : null,
        }),
      (r) => [{ type: 'STOPPED', error: r.error }],
    );
  }

  private adopt(record: DebugSessionRecord, journal: Journal): LiveSession {
    const s = new LiveSession(record, journal, this.deps.store, this.deps.events, this.deps.settings.idleTimeoutMs);
    this.registry.set(record.id, Promise.resolve(s));
    return s;
  }

  /** From the registry, or from storage (a session whose run was in an earlier process). */
  private load(id: string): Promise<LiveSession | undefined> {
    let pending = this.registry.get(id);
    if (!pending) {
      pending = (async () => {
        const record = await this.deps.store.get(id);
        if (!record) return undefined;
        const journal = new Journal(await this.deps.store.journal(id, record.journalLength));
        const s = new LiveSession(record, journal, this.deps.store, this.deps.events, this.deps.settings.idleTimeoutMs);
        // It was running when its process went away: rebuild it now, paused where the journal ends.
        if (record.state === 'RUNNING') await s.exclusive(() => restoreDriver(s, this.deps.hosts));
        return s;
      })();
      this.registry.set(id, pending);
      pending.then(
        (s) => s || this.registry.delete(id),
        () => this.registry.delete(id),
      );
    }
    return pending;
  }

  private async open(id: string, identity: Identity): Promise<LiveSession> {
    const s = await this.load(id);
    if (!s) throw notFound('DebugSession', id);
    await this.deps.access.require(s.record.projectId, identity, 'editor', { type: 'DebugSession', id });
    if (isExpired(s.record)) {
      await s.exclusive(() => this.stopSession(s, 'IDLE_TIMEOUT'));
      throw badInput(`debug session "${id}" expired after ${this.deps.settings.idleTimeoutMs} ms without activity`, { state: s.record.state });
    }
    return s;
  }
}

function isExpired(record: DebugSessionRecord): boolean {
  return ['INITIALIZED', 'RUNNING', 'PAUSED'].includes(record.state) && record.expiresAt !== null && record.expiresAt <= new Date().toISOString();
}

/** Only what the engine can run (engine/runtime/preflight.ts); the session keeps every value, so no secrets. */
function assertRunnable(graph: DebugSessionRecord['graph']): void {
  const problem = preflight(graph, { secrets: 'refused' });
  if (problem) throw appError(problem.code, problem.message, problem.issues ? { issues: problem.issues } : {});
}

function makeBreakpoint(input: BreakpointInput, nodeIds: Set<string>): BreakpointRecord {
  if (!nodeIds.has(input.nodeId)) throw badInput(`unknown node "${input.nodeId}" in breakpoint`, { nodeId: input.nodeId });
  const condition = input.condition?.trim() ? input.condition : null;
  if (condition) compileForDebugger(condition, `breakpoint condition on "${input.nodeId}"`);
  return { nodeId: input.nodeId, condition, enabled: input.enabled !== false, hitCount: 0, lastError: null };
}

function makeWatch(expression: string, id: string): WatchRecord {
  compileForDebugger(expression, 'watch');
  return { id, expression, value: null, error: null };
}
