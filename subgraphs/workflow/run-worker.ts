/**
 * Run execution for a process: the queue (BullMQ with REDIS_URL, in-process otherwise) and, when this process
 * executes runs, the executor with its pool of run threads. Used by the workflow service (embedded default) and by
 * the `worker` process kind (`tsx main.ts worker`), which serves no GraphQL and scales on its own.
 */
import { RunPool } from '../../engine/runtime/run-pool';
import { openDatabase } from '../../platform/db';
import type { ServiceDeps } from '../../platform/service-deps';
import { workflowMigrations } from './migrations';
import { RunExecutor, runRecoveryPolicyFromEnv, sweepLostRuns, type RunRecoveryPolicy } from './run-executor';
import { createBullRunQueue, createInProcessRunQueue, runQueuePrefix, type RunQueue, type RunQueueLimits } from './run-queue';
import type { WorkflowTables } from './project-store';
import { RunStore, type RunTables } from './run-store';
import { loadSecretsKey, SecretStore } from './secret-store';

export interface RunExecution {
  queue: RunQueue;
  recovery: RunRecoveryPolicy;
  executor?: RunExecutor;
  /** Run threads of this process (0: it only enqueues). */
  threads: number;
  close(): Promise<void>;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

export function queueLimitsFromEnv(env: NodeJS.ProcessEnv, pool: RunPool): RunQueueLimits {
  return { concurrency: pool.size, perUser: positive(env, 'RUN_USER_CONCURRENCY', 4), perProject: positive(env, 'RUN_PROJECT_CONCURRENCY', 4) };
}

export async function startRunExecution(deps: ServiceDeps, store: RunStore, secrets: SecretStore, options: { execute: boolean }): Promise<RunExecution> {
  const env = deps.config.env;
  const recovery = runRecoveryPolicyFromEnv(env);
  const pool = options.execute ? new RunPool({ threads: positive(env, 'RUN_CONCURRENCY', 0) || undefined, env }) : undefined;
  pool?.warm(Number.isInteger(Number(env.RUN_THREADS_WARM)) && env.RUN_THREADS_WARM !== '' ? Number(env.RUN_THREADS_WARM) : 1);
  const executor = pool && new RunExecutor(store, secrets, deps.events, deps.log, pool, recovery);
  let queue: RunQueue;
  if (deps.config.redisUrl) {
    queue = createBullRunQueue({
      redisUrl: deps.config.redisUrl,
      prefix: runQueuePrefix(deps.config.redisNamespace),
      log: deps.log,
      worker: executor && {
        handler: (runId) => executor.execute(runId),
        limits: queueLimitsFromEnv(env, pool!),
        running: (filter) => store.countByStatus('running', filter),
      },
    });
  } else {
    if (!executor) throw new Error('without REDIS_URL the workflow service must execute runs itself');
    queue = createInProcessRunQueue((runId) => executor.execute(runId), queueLimitsFromEnv(env, pool!), deps.log);
    // Runs that were waiting when this process stopped wait again (nothing else knows about them).
    for (const run of await store.queued(100_000)) await queue.enqueue(run, 1);
  }
  return {
    queue,
    recovery,
    executor,
    threads: pool?.size ?? 0,
    async close() {
      // SIGTERM: take no new job; a worker process lets its runs finish for RUN_SHUTDOWN_GRACE_MS, the embedded
      // default (which also serves requests) not at all. Runs still going are then handed back: re-queued or failed
      // by the recovery policy (run-executor.ts), recorded before the database closes. In-process, re-queued and
      // waiting runs stay QUEUED and are queued again at the next start. A process killed before this leaves its
      // runs to the lost-worker sweep, under the same policy.
      const drained = queue.drain();
      const graceMs = queue.kind === 'bullmq' ? recovery.shutdownGraceMs : 0;
      let timer: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([drained.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
      clearTimeout(timer);
      if (!inTime) {
        executor?.handBack(queue);
        await drained;
      }
      await queue.close();
      await pool?.close();
      executor?.close();
    },
  };
}

/** The `worker` process kind: executes queued runs from Redis; needs REDIS_URL and the workflow service's database. */
export async function startRunWorker(
  deps: ServiceDeps,
): Promise<{ close(): Promise<void>; executor: RunExecutor; threads: number; recovery: RunRecoveryPolicy }> {
  if (!deps.config.redisUrl) throw new Error('the worker process needs REDIS_URL (without Redis, `npm start` executes runs in-process)');
  const database = await openDatabase<WorkflowTables & RunTables>({ service: 'workflow', ...deps.storage, migrations: workflowMigrations });
  const store = new RunStore(database);
  const secrets = new SecretStore(database.db, loadSecretsKey(deps.config));
  const execution = await startRunExecution(deps, store, secrets, { execute: true });
  const recovery = { store, bus: deps.events, log: deps.log, policy: execution.recovery, queue: execution.queue };
  const sweep = setInterval(() => void sweepLostRuns(recovery).catch(() => undefined), execution.recovery.heartbeatMs).unref();
  return {
    executor: execution.executor!,
    threads: execution.threads,
    recovery: execution.recovery,
    async close() {
      clearInterval(sweep);
      await execution.close();
      await database.close();
    },
  };
}
