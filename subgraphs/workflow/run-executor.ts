/**
 * Executes queued runs (in a `worker` process, or in the workflow service in the embedded default): claims the run,
 * decrypts its secrets, runs the interpreter on a worker thread (RunPool), records every event with its sequence
 * number, keeps a heartbeat on the run while it executes and listens for cancellation on the run's control topic
 * (so `cancelRun` works from any replica).
 *
 * Recovery (policy, docs/ARCHITECTURE.md §5.1): a run whose execution stops before it ends — its worker stopped
 * beating for RUN_LOST_AFTER_MS (killed, frozen), or shut down with the run still going after RUN_SHUTDOWN_GRACE_MS —
 * goes back to the queue if no node acting outside the run had started (a component that `requires` a model or the
 * network: http_request, llm, classifier, embedder), at most RUN_MAX_REQUEUES times; otherwise it ends FAILED with
 * WORKER_LOST (or SHUTTING_DOWN). Such a node does not start before the run records it (the run thread asks, this
 * executor writes `outside_effects_node`), so a re-queued run never repeats an effect; `delay`, `code` (QuickJS has
 * no I/O) and the pure components simply run again. Every write deciding a running run's fate is conditional on who
 * holds it (RunHolder), so a sweeper and a worker that comes back to life never both decide.
 */
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import type { PlannedGraph } from '../../engine/runtime/partial-run';
import type { RunPool } from '../../engine/runtime/run-pool';
import type { RunResult } from '../../engine/runtime/types';
import { maskSecrets, secretNames } from '../../engine/secrets/secret-refs';
import { topics, type EventBus, type RunControlPayload } from '../../platform/events';
import type { Logger } from '../../platform/logger';
import { RunEventLog } from './run-events';
import type { RunQueue } from './run-queue';
import { boundSteps, boundValue, type RunHolder, type RunRecord, type RunStore } from './run-store';
import type { SecretStore } from './secret-store';

export interface RunRecoveryPolicy {
  /** How often an executing worker writes its heartbeat (and every process sweeps for lost runs). */
  heartbeatMs: number;
  /** A running run whose heartbeat is older is lost. */
  lostAfterMs: number;
  /** How many times one run may go back to the queue (0: never). */
  maxRequeues: number;
  /** How long a `worker` process lets its runs finish after SIGTERM before it hands them back. */
  shutdownGraceMs: number;
}

export function runRecoveryPolicyFromEnv(env: NodeJS.ProcessEnv): RunRecoveryPolicy {
  const int = (name: string, fallback: number, min: number) => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isInteger(value) && value >= min ? value : fallback;
  };
  return {
    heartbeatMs: int('RUN_HEARTBEAT_MS', 5_000, 1),
    lostAfterMs: int('RUN_LOST_AFTER_MS', 30_000, 1),
    maxRequeues: int('RUN_MAX_REQUEUES', 2, 0),
    shutdownGraceMs: int('RUN_SHUTDOWN_GRACE_MS', 20_000, 0),
  };
}

export type RunControl = RunControlPayload;

/**
 * Writes a run's final state (unless it already ended, or `holder` no longer holds it) and announces it:
 * RUN_FINISHED, then WORKFLOW_EXECUTED.
 */
export async function finishRun(
  store: RunStore,
  bus: EventBus,
  log: Logger,
  finished: RunRecord,
  options: { events?: RunEventLog; holder?: RunHolder } = {},
): Promise<boolean> {
  if (!(await store.update(finished, options.holder))) return false;
  const eventLog = options.events ?? (await RunEventLog.resume(finished.id, store, bus, log));
  eventLog.push({
    type: 'RUN_FINISHED',
    runId: finished.id,
    status: finished.status,
    outputs: finished.outputs ?? {},
    ...(finished.error ? { error: finished.error } : {}),
    at: finished.finishedAt,
  });
  await eventLog.flush();
  await bus.publish('WORKFLOW_EXECUTED', {
    runId: finished.id,
    projectId: finished.projectId,
    projectVersion: finished.projectVersion,
    status: finished.status,
    actor: finished.ownerId,
  });
  return true;
}

export interface RecoveryContext {
  store: RunStore;
  bus: EventBus;
  log: Logger;
  policy: RunRecoveryPolicy;
  queue: Pick<RunQueue, 'enqueue'>;
}

/**
 * A run whose execution stopped before it ended (the policy above): re-queued (RUN_REQUEUED event, a new queue job
 * ahead of its owner's backlog) when that is safe, FAILED with `reason.code` otherwise. 'gone': `holder` no longer
 * held it (another process decided first).
 */
export async function recoverRun(
  ctx: RecoveryContext,
  run: RunRecord,
  holder: RunHolder,
  reason: { code: 'WORKER_LOST' | 'SHUTTING_DOWN'; cause: string },
): Promise<'requeued' | 'failed' | 'gone'> {
  const { store, bus, log, policy } = ctx;
  if (await store.requeue(run.id, holder, policy.maxRequeues)) {
    const requeues = run.requeues + 1;
    const events = await RunEventLog.resume(run.id, store, bus, log);
    events.push({
      type: 'RUN_REQUEUED',
      runId: run.id,
      error: {
        code: reason.code,
        message: `${reason.cause}; no node acting outside the run had started, so it was queued again (${requeues} of at most ${policy.maxRequeues})`,
      },
      at: new Date().toISOString(),
    });
    await events.flush();
    try {
      await ctx.queue.enqueue({ runId: run.id, ownerId: run.ownerId, projectId: run.projectId, createdAt: run.createdAt, requeues }, 1);
    } catch (err) {
      log.error({ err, runId: run.id }, 're-queueing a run failed');
      const error = { code: 'SERVICE_UNAVAILABLE', message: `${reason.cause}; it could not be queued again (the queue did not answer)` };
      await finishRun(store, bus, log, { ...run, status: 'failed', error, finishedAt: new Date().toISOString() });
      return 'failed';
    }
    log.warn({ runId: run.id, requeues, reason: reason.code }, 'run re-queued');
    return 'requeued';
  }
  const why = run.outsideEffectsNode
    ? `node "${run.outsideEffectsNode}" acts outside the run (model or network) and had started, so the run was not executed again`
    : `it was re-queued ${run.requeues} times already, the most RUN_MAX_REQUEUES (${policy.maxRequeues}) allows`;
  const failed = { ...run, status: 'failed' as const, error: { code: reason.code, message: `${reason.cause}; ${why}` }, finishedAt: new Date().toISOString() };
  return (await finishRun(store, bus, log, failed, { holder })) ? 'failed' : 'gone';
}

/** Runs lost by their worker (no heartbeat for lostAfterMs) are recovered (the policy above); returns how many. */
export async function sweepLostRuns(ctx: RecoveryContext): Promise<number> {
  const cutoff = new Date(Date.now() - ctx.policy.lostAfterMs).toISOString();
  let recovered = 0;
  for (const run of await ctx.store.lostRuns(cutoff)) {
    const cause = `The worker executing this run stopped responding (no heartbeat for ${ctx.policy.lostAfterMs} ms)`;
    if ((await recoverRun(ctx, run, { heartbeatBefore: cutoff }, { code: 'WORKER_LOST', cause })) !== 'gone') recovered++;
  }
  return recovered;
}

/** A run executing in this process. */
interface LiveRun {
  controller: AbortController;
  /** cancelRun asked for it (never handed back). */
  cancelled: boolean;
  /** Shutdown: stopped here to be recovered (re-queued or failed). */
  handingBack: boolean;
}

export class RunExecutor {
  readonly workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly live = new Map<string, LiveRun>();
  private readonly timer: NodeJS.Timeout;
  private readonly holder: RunHolder = { workerId: this.workerId };
  /** Set by handBack: where runs stopped at shutdown are re-queued. */
  private recoveryQueue?: Pick<RunQueue, 'enqueue'>;

  constructor(
    private readonly store: RunStore,
    private readonly secrets: SecretStore,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly pool: RunPool,
    private readonly policy: RunRecoveryPolicy,
  ) {
    this.timer = setInterval(() => void this.beat(), policy.heartbeatMs).unref();
  }

  /** Runs executing in this process. */
  get running(): number {
    return this.live.size;
  }

  /** The heartbeat; a run taken back meanwhile (this process was thought lost) is stopped here, its outcome unwritten. */
  private async beat(): Promise<void> {
    const ids = [...this.live.keys()];
    try {
      const held = await this.store.heartbeat(ids, this.workerId, new Date().toISOString());
      for (const id of ids) if (!held.has(id)) this.live.get(id)?.controller.abort();
    } catch (err) {
      this.log.warn({ err }, 'run heartbeat failed');
    }
  }

  async execute(runId: string): Promise<void> {
    if (!(await this.store.claim(runId, this.workerId, new Date().toISOString()))) return; // cancelled, or taken
    const live: LiveRun = { controller: new AbortController(), cancelled: false, handingBack: false };
    this.live.set(runId, live);
    const stopListening = await this.bus.on(topics.runControl(runId), (message) => {
      if (message.action !== 'cancel') return;
      live.cancelled = true;
      live.controller.abort();
    });
    const run = (await this.store.get(runId))!;
    try {
      // The graph was planned at enqueue time (run-service.ts): a partial run carries its stand-ins with it.
      const { standIns, ...graph } = (await this.store.graphOf(runId)) as PlannedGraph;
      // Secrets are decrypted for this run only and reach just the nodes that declare the field (the engine resolves
      // them per node); masking what the run records and streams is the second line, for remote ends that echo.
      const secretValues = await this.secrets.values(run.projectId, secretNames(graph));
      const secrets = [...secretValues.values()];
      // A re-queued run continues its event sequence (the first attempt's events stay recorded).
      const events = new RunEventLog(runId, this.store, this.bus, this.log, secrets, run.requeues ? await this.store.nextSeq(runId) : 0);
      // The record may have been cancelled between the claim and here; the listener is up, so re-check once.
      if ((await this.store.get(runId))?.status !== 'running') live.controller.abort();
      const result: RunResult = await this.pool.execute({
        runId,
        graph,
        secrets: secretValues,
        inputs: run.inputs,
        // RUN_FINISHED is announced once the record is written (finishRun).
        onEvent: (event) => event.type !== 'RUN_FINISHED' && events.push(event),
        signal: live.controller.signal,
        standIns,
        beforeOutsideEffects: (nodeId) => this.recordOutsideEffects(runId, live, nodeId),
      });
      await events.flush();
      if (live.handingBack && !live.cancelled && result.status === 'cancelled') {
        const current = (await this.store.get(runId)) ?? run;
        const ctx = { store: this.store, bus: this.bus, log: this.log, policy: this.policy, queue: this.recoveryQueue! };
        await recoverRun(ctx, current, this.holder, { code: 'SHUTTING_DOWN', cause: 'The worker executing this run shut down before it ended' });
        return;
      }
      const { steps, truncated } = boundSteps(maskSecrets(result.steps, secrets));
      const outputs = boundValue(maskSecrets(result.outputs, secrets));
      await finishRun(
        this.store,
        this.bus,
        this.log,
        {
          ...run,
          status: result.status,
          outputs: outputs.value as Record<string, unknown>,
          error: result.error ? maskSecrets(result.error, secrets) : null,
          steps,
          truncated: truncated || outputs.cut,
          finishedAt: result.finishedAt,
        },
        { events, holder: this.holder },
      );
    } catch (err) {
      // Whatever went wrong before or around the interpreter (a secret deleted meanwhile, the database), the run ends.
      this.log.error({ err, runId }, 'run execution failed');
      const code = String((err as { extensions?: { code?: unknown } }).extensions?.code ?? 'INTERNAL');
      const message = code === 'INTERNAL' ? 'The run could not be executed' : (err as Error).message;
      const failed: RunRecord = { ...run, status: 'failed', error: { code, message }, finishedAt: new Date().toISOString() };
      await finishRun(this.store, this.bus, this.log, failed, { holder: this.holder }).catch(() => undefined);
    } finally {
      stopListening();
      this.live.delete(runId);
    }
  }

  /** The run thread asks before the first node acting outside the run starts: recorded first, or the node fails. */
  private async recordOutsideEffects(runId: string, live: LiveRun, nodeId: string): Promise<void> {
    const refuse = (code: string, message: string) => Object.assign(new Error(`node "${nodeId}" was not started: ${message}`), { code });
    if (live.handingBack) throw refuse('SHUTTING_DOWN', 'the worker is shutting down');
    let recorded: boolean;
    try {
      recorded = await this.store.markOutsideEffects(runId, this.workerId, nodeId, new Date().toISOString());
    } catch (err) {
      this.log.warn({ err, runId }, 'recording outside effects failed');
      throw refuse('SERVICE_UNAVAILABLE', 'the run database did not answer');
    }
    if (!recorded) throw refuse('WORKER_LOST', 'the run no longer runs on this worker (its heartbeat was lost)');
  }

  /**
   * Shutdown after the grace period: stops the runs still executing here; each is then recovered (re-queued on
   * `queue` or failed, the policy above) once its thread has stopped. The queue's drain() resolves after that.
   */
  handBack(queue: Pick<RunQueue, 'enqueue'>): void {
    this.recoveryQueue = queue;
    for (const live of this.live.values()) {
      live.handingBack = true;
      live.controller.abort();
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
