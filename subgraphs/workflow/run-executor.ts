/**
 * Executes queued runs (in a `worker` process, or in the workflow service in the embedded default): claims the run,
 * decrypts its secrets, runs the interpreter on a worker thread (RunPool), records every event with its sequence
 * number, keeps a heartbeat on the run while it executes and listens for cancellation on the run's control topic
 * (so `cancelRun` works from any replica).
 *
 * Lost workers (policy): a run whose heartbeat is older than RUN_LOST_AFTER_MS is marked FAILED with WORKER_LOST by
 * whichever process sweeps first (every workflow replica and every worker sweeps every RUN_HEARTBEAT_MS). A run is
 * never re-executed after it started, since its nodes may have had side effects; a job that was delivered but not
 * yet claimed is re-delivered by BullMQ.
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
import { boundSteps, boundValue, type RunRecord, type RunStore } from './run-store';
import type { SecretStore } from './secret-store';

export interface HeartbeatPolicy {
  heartbeatMs: number;
  lostAfterMs: number;
}

export function heartbeatPolicyFromEnv(env: NodeJS.ProcessEnv): HeartbeatPolicy {
  const int = (name: string, fallback: number) => (Number.isInteger(Number(env[name])) && Number(env[name]) > 0 ? Number(env[name]) : fallback);
  return { heartbeatMs: int('RUN_HEARTBEAT_MS', 5_000), lostAfterMs: int('RUN_LOST_AFTER_MS', 30_000) };
}

export type RunControl = RunControlPayload;

/** Writes a run's final state (unless it already ended) and announces it: RUN_FINISHED, then WORKFLOW_EXECUTED. */
export async function finishRun(store: RunStore, bus: EventBus, log: Logger, finished: RunRecord, events?: RunEventLog): Promise<boolean> {
  if (!(await store.update(finished))) return false;
  const eventLog = events ?? (await RunEventLog.resume(finished.id, store, bus, log));
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

export class RunExecutor {
  readonly workerId = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly live = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: RunStore,
    private readonly secrets: SecretStore,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly pool: RunPool,
    policy: HeartbeatPolicy,
  ) {
    this.timer = setInterval(() => {
      this.store.heartbeat([...this.live], new Date().toISOString()).catch((err) => this.log.warn({ err }, 'run heartbeat failed'));
    }, policy.heartbeatMs).unref();
  }

  /** Runs executing in this process. */
  get running(): number {
    return this.live.size;
  }

  async execute(runId: string): Promise<void> {
    if (!(await this.store.claim(runId, this.workerId, new Date().toISOString()))) return; // cancelled, or taken
    this.live.add(runId);
    const controller = new AbortController();
    const stopListening = await this.bus.on(topics.runControl(runId), (message) => {
      if (message.action === 'cancel') controller.abort();
    });
    const run = (await this.store.get(runId))!;
    try {
      // The graph was planned at enqueue time (run-service.ts): a partial run carries its stand-ins with it.
      const { standIns, ...graph } = (await this.store.graphOf(runId)) as PlannedGraph;
      // Secrets are decrypted for this run only and reach just the nodes that declare the field (the engine resolves
      // them per node); masking what the run records and streams is the second line, for remote ends that echo.
      const secretValues = await this.secrets.values(run.projectId, secretNames(graph));
      const secrets = [...secretValues.values()];
      const events = new RunEventLog(runId, this.store, this.bus, this.log, secrets);
      // The record may have been cancelled between the claim and here; the listener is up, so re-check once.
      if ((await this.store.get(runId))?.status !== 'running') controller.abort();
      const result: RunResult = await this.pool.execute({
        runId,
        graph,
        secrets: secretValues,
        inputs: run.inputs,
        // RUN_FINISHED is announced once the record is written (finishRun).
        onEvent: (event) => event.type !== 'RUN_FINISHED' && events.push(event),
        signal: controller.signal,
        standIns,
      });
      const { steps, truncated } = boundSteps(maskSecrets(result.steps, secrets));
      const outputs = boundValue(maskSecrets(result.outputs, secrets));
      await events.flush();
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
        events,
      );
    } catch (err) {
      // Whatever went wrong before or around the interpreter (a secret deleted meanwhile, the database), the run ends.
      this.log.error({ err, runId }, 'run execution failed');
      const code = String((err as { extensions?: { code?: unknown } }).extensions?.code ?? 'INTERNAL');
      const message = code === 'INTERNAL' ? 'The run could not be executed' : (err as Error).message;
      await finishRun(this.store, this.bus, this.log, { ...run, status: 'failed', error: { code, message }, finishedAt: new Date().toISOString() }).catch(
        () => undefined,
      );
    } finally {
      stopListening();
      this.live.delete(runId);
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}

/** Fails runs whose worker stopped beating (see the policy above); returns how many. */
export async function sweepLostRuns(store: RunStore, bus: EventBus, log: Logger, policy: HeartbeatPolicy): Promise<number> {
  const lost = await store.lostRuns(new Date(Date.now() - policy.lostAfterMs).toISOString());
  let failed = 0;
  for (const run of lost) {
    const error = {
      code: 'WORKER_LOST',
      message: `The worker executing this run stopped responding (no heartbeat for ${policy.lostAfterMs} ms); the run was not retried because its nodes may have had side effects`,
    };
    if (await finishRun(store, bus, log, { ...run, status: 'failed', error, finishedAt: new Date().toISOString() })) failed++;
  }
  return failed;
}
