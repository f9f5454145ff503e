/**
 * Accepts runs and keeps their history. `execute` validates, pins the project version, records the run as QUEUED
 * (with its graph) and enqueues it; ASYNC returns at once, SYNC waits for RUN_FINISHED on the run's topic (with a
 * database check as a fallback, since pub/sub is at-most-once), bounded by the run time limit. Execution happens in
 * RunExecutor, on a worker thread of whichever process takes the job (run-queue.ts). Validation errors block a run;
 * custom components without an implementation are refused up front.
 */
import { randomUUID } from 'node:crypto';
import { preflight } from '../../engine/runtime/preflight';
import { DEFAULT_LIMITS } from '../../engine/runtime/interpreter';
import { appError, badInput, notFound } from '../../platform/errors';
import { topics, type EventBus } from '../../platform/events';
import type { Identity } from '../../platform/identity';
import type { Logger } from '../../platform/logger';
import type { ProjectService } from './project-service';
import type { ProjectRecord } from './project-store';
import { finishRun, sweepLostRuns, type RunControl, type RunRecoveryPolicy } from './run-executor';
import { fairOrder, type RunQueue } from './run-queue';
import type { RunRecord, RunStore, RunSummary, StoredRunEvent } from './run-store';
import type { SecretStore } from './secret-store';
import { secretNames } from '../../engine/secrets/secret-refs';
import { PartialRunError, plannedGraph, planPartialRun, type PartialRunOptions, type PartialRunPlan } from '../../engine/runtime/partial-run';
import type { PortValues } from '../../engine/components/types';
import type { StepRecord } from '../../engine/runtime/types';
import type { WorkflowGraph } from '../../engine/model/types';

const MAX_INPUT_BYTES = 1024 * 1024;
const SWEEP_INTERVAL_MS = 60_000;
/** How long SYNC waits beyond the run's own time limit (queueing, recording). */
const SYNC_SLACK_MS = 30_000;
const ENQUEUE_TIMEOUT_MS = 3_000;

export interface RunServiceSettings {
  /** Runs waiting at most; beyond it `executeWorkflow` fails with QUEUE_FULL. */
  maxQueued: number;
  /** Runs one user may have waiting, so one user cannot fill the queue for everyone (QUEUE_FULL, scope USER). */
  maxQueuedPerUser: number;
  recovery: RunRecoveryPolicy;
}

export function runServiceSettingsFromEnv(env: NodeJS.ProcessEnv, recovery: RunRecoveryPolicy): RunServiceSettings {
  const positive = (name: string, fallback: number) => (Number.isInteger(Number(env[name])) && Number(env[name]) > 0 ? Number(env[name]) : fallback);
  const maxQueued = positive('RUN_QUEUE_MAX', 1_000);
  return { maxQueued, maxQueuedPerUser: positive('RUN_USER_QUEUE_MAX', Math.max(1, Math.floor(maxQueued / 5))), recovery };
}

export class RunService {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly runs: RunStore,
    private readonly projects: ProjectService,
    private readonly events: EventBus,
    private readonly log: Logger,
    private readonly queue: RunQueue,
    private readonly settings: RunServiceSettings,
    private readonly secrets: SecretStore,
  ) {
    const sweepInterrupted = () => {
      const cutoff = new Date(Date.now() - DEFAULT_LIMITS.maxRunMs - SWEEP_INTERVAL_MS).toISOString();
      this.runs.failInterrupted(cutoff).catch((err) => this.log.warn({ err }, 'sweeping interrupted runs failed'));
    };
    const recovery = { store: runs, bus: events, log, policy: settings.recovery, queue };
    const sweepLost = () => void sweepLostRuns(recovery).catch((err) => this.log.warn({ err }, 'sweeping lost runs failed'));
    sweepInterrupted();
    this.timers.push(setInterval(sweepInterrupted, SWEEP_INTERVAL_MS).unref(), setInterval(sweepLost, settings.recovery.heartbeatMs).unref());
  }

  async execute(projectId: string, inputs: unknown, mode: 'SYNC' | 'ASYNC', identity: Identity, partial: PartialRunOptions = {}): Promise<RunRecord> {
    if (inputs != null && (typeof inputs !== 'object' || Array.isArray(inputs))) throw badInput('inputs must be a JSON object', { field: 'inputs' });
    const runInputs = (inputs ?? {}) as Record<string, unknown>;
    if (JSON.stringify(runInputs).length > MAX_INPUT_BYTES) throw appError('LIMIT_EXCEEDED', `inputs are larger than ${MAX_INPUT_BYTES} bytes`);
    const project = await this.projects.require(projectId, identity, 'editor');
    const problem = preflight(project.graph, { validation: await this.projects.validate(project.graph, identity), secrets: 'allowed' });
    if (problem) throw appError(problem.code, problem.message, problem.issues ? { issues: problem.issues } : {});
    // Secret values are decrypted only by the executor; here only their existence is checked.
    await this.secrets.assertExist(projectId, secretNames(project.graph));
    const { maxQueued, maxQueuedPerUser } = this.settings;
    const waitingOfUser = await this.runs.countByStatus('queued', { ownerId: identity.sub });
    if (waitingOfUser >= maxQueuedPerUser) {
      throw appError('QUEUE_FULL', `You have ${waitingOfUser} runs waiting, the most one user may (${maxQueuedPerUser}); try again when some have started`, {
        maxQueued: maxQueuedPerUser,
        scope: 'USER',
      });
    }
    if ((await this.runs.countByStatus('queued')) >= maxQueued) {
      throw appError('QUEUE_FULL', `The run queue is full (${maxQueued} runs waiting); try again later`, { maxQueued, scope: 'ALL' });
    }
    // Planned now, against the last successful run at enqueue time; the worker executes the plan as recorded.
    const plan = await this.plan(project.graph, projectId, partial);
    const now = new Date().toISOString();
    const run: RunRecord = {
      id: randomUUID(),
      projectId,
      projectVersion: project.version,
      ownerId: identity.sub,
      status: 'queued',
      inputs: runInputs,
      outputs: null,
      error: null,
      steps: [],
      truncated: false,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      requeues: 0,
      outsideEffectsNode: null,
    };
    await this.runs.insert(run, plannedGraph(plan));
    // Its rank in the owner's backlog (the BullMQ priority); concurrent requests of one user may share a rank.
    const rank = waitingOfUser + 1;
    // SYNC listens before the run can start, so its end cannot be missed.
    const finished = mode === 'SYNC' ? this.waitForEnd(run.id) : undefined;
    try {
      // A Redis outage must not hold the request until the router gives up: fail fast, and record it. A job that
      // reaches Redis later anyway finds the run FAILED and is not executed (claim).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.queue.enqueue({ runId: run.id, ownerId: run.ownerId, projectId: run.projectId, createdAt: run.createdAt }, rank),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('enqueue timed out')), ENQUEUE_TIMEOUT_MS))),
      ]).finally(() => clearTimeout(timer));
    } catch (err) {
      finished?.cancel();
      await finishRun(this.runs, this.events, this.log, {
        ...run,
        status: 'failed',
        error: { code: 'SERVICE_UNAVAILABLE', message: 'The run could not be queued' },
        finishedAt: new Date().toISOString(),
      });
      throw appError('SERVICE_UNAVAILABLE', 'The run queue is unavailable; try again later', { cause: (err as Error).message });
    }
    if (!finished) return run;
    return finished.promise;
  }

  /** Which nodes run and which stand in (pins, the last successful run's values): engine/runtime/partial-run. */
  private async plan(graph: WorkflowGraph, projectId: string, partial: PartialRunOptions): Promise<PartialRunPlan> {
    let previous: Map<string, PortValues> | undefined;
    if (partial.fromNodeId) {
      const last = await this.runs.lastSucceeded(projectId);
      // Computed values only: a pin that stood in last time is not a result to reuse once the pin is gone.
      const reusable = new Set(['succeeded', 'reused']);
      previous = new Map(
        (last?.steps ?? []).filter((s) => !s.frames.length && s.outputs && reusable.has(s.status)).map((s) => [s.nodeId, s.outputs as PortValues]),
      );
    }
    try {
      return planPartialRun(graph, { ...partial, previous });
    } catch (err) {
      if (err instanceof PartialRunError) throw notFound('Node', partial.fromNodeId ?? '');
      throw err;
    }
  }

  /** Resolves with the stored run once it ended (RUN_FINISHED, or seen in the database), bounded by the run time limit. */
  private waitForEnd(runId: string): { promise: Promise<RunRecord>; cancel(): void } {
    let stop: (() => void) | undefined;
    let cancelled = false;
    const promise = new Promise<RunRecord>((resolve, reject) => {
      const deadline = Date.now() + DEFAULT_LIMITS.maxRunMs + SYNC_SLACK_MS;
      let settled = false;
      const check = async () => {
        if (settled) return;
        const current = await this.runs.get(runId).catch(() => undefined);
        if (current?.finishedAt && !settled) {
          settled = true;
          finish();
          resolve(current);
        } else if (Date.now() > deadline && !settled) {
          settled = true;
          finish();
          reject(appError('SERVICE_UNAVAILABLE', `Run "${runId}" did not finish in time; follow it with run(id) or runEvents`, { runId }));
        }
      };
      const poll = setInterval(() => void check(), 1_000);
      const finish = () => {
        clearInterval(poll);
        stop?.();
      };
      void this.events
        .on(topics.run(runId), (event) => {
          if (event.type === 'RUN_FINISHED') void check();
        })
        .then((unsubscribe) => {
          stop = unsubscribe;
          if (settled || cancelled) unsubscribe();
        });
    });
    return {
      promise,
      cancel: () => {
        cancelled = true;
        stop?.();
      },
    };
  }

  async get(id: string, identity: Identity): Promise<RunSummary | null> {
    return (await this.getMany([id], identity)).get(id) ?? null;
  }

  /** Runs are visible to whoever may read their project. */
  async getMany(ids: readonly string[], identity: Identity): Promise<Map<string, RunSummary>> {
    const found = await this.runs.getMany(ids);
    const readable = await this.projects.getMany([...new Set([...found.values()].map((r) => r.projectId))], identity);
    for (const [id, run] of found) if (!readable.has(run.projectId)) found.delete(id);
    return found;
  }

  /** Each project's newest runs, for the projects the caller may read (records already loaded: no re-read). */
  async listByProjects(projects: readonly ProjectRecord[], first: number, identity: Identity): Promise<Map<string, RunSummary[]>> {
    if (first < 0 || first > 100) throw badInput('first must be between 0 and 100', { field: 'first' });
    const readable = await this.projects.readable(projects, identity);
    return this.runs.listByProjects(
      readable.map((p) => p.id),
      first,
    );
  }

  /** Steps of runs the caller may read (checked by the resolver that loaded them). */
  stepsOf(ids: readonly string[]): Promise<Map<string, StepRecord[]>> {
    return this.runs.stepsOf(ids);
  }

  /** Recorded events of a run the caller may read (checked by the resolver that loaded it). */
  async eventsOf(run: RunSummary, fromSeq: number, first: number): Promise<StoredRunEvent[]> {
    if (first < 1 || first > 1000) throw badInput('first must be between 1 and 1000', { field: 'first' });
    return this.runs.events(run.id, Math.max(0, fromSeq), first);
  }

  /** How many queued runs start before this one, in the fair order (run-queue.ts); null once it started. */
  async queuePosition(run: RunSummary): Promise<number | null> {
    if (run.status !== 'queued') return null;
    const order = fairOrder(await this.runs.queued(this.settings.maxQueued * 2));
    const index = order.findIndex((r) => r.runId === run.id);
    return index < 0 ? null : index;
  }

  async cancel(id: string, identity: Identity): Promise<RunSummary> {
    const run = await this.get(id, identity);
    if (!run) throw notFound('Run', id);
    await this.projects.require(run.projectId, identity, 'editor');
    if (run.status !== 'running' && run.status !== 'queued') throw appError('CONFLICT', `Run "${id}" already finished (${run.status})`, { status: run.status });
    // A queued run has no steps yet; a running one's are written by whichever process executes it.
    const cancelled: RunRecord = {
      ...run,
      steps: [],
      status: 'cancelled',
      error: { code: 'CANCELLED', message: 'run cancelled' },
      finishedAt: new Date().toISOString(),
    };
    if (run.status === 'queued') {
      await this.queue.remove(id);
      // A worker that claims it after this sees it cancelled; one that claimed it just before gets the message below.
      await finishRun(this.runs, this.events, this.log, cancelled);
    }
    // Whichever process executes the run aborts it (any replica, through the bus); its record is written there.
    await this.events.emit(topics.runControl(id), { action: 'cancel' } satisfies RunControl);
    for (let i = 0; i < 250; i++) {
      const current = await this.runs.get(id);
      if (current?.finishedAt) return current;
      await new Promise((r) => setTimeout(r, 20));
    }
    return (await this.runs.get(id))!;
  }

  close() {
    for (const timer of this.timers) clearInterval(timer);
  }
}
