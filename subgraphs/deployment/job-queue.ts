/**
 * Where deployment work runs: BullMQ over Redis when REDIS_URL is set (jobs survive this process; any replica's
 * worker takes them), an in-process queue otherwise. Either way the database is the source of truth: on start the
 * service re-enqueues every unfinished deployment, and the job id is the deployment id, so a job still waiting in
 * Redis is not doubled. On shutdown running jobs are aborted and end without touching the deployment's status,
 * leaving it to the next start.
 */
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from '../../platform/logger';

export type DeploymentJobHandler = (deploymentId: string, signal: AbortSignal) => Promise<void>;

export interface DeploymentJobQueue {
  readonly kind: 'bullmq' | 'in-process';
  enqueue(deploymentId: string): Promise<void>;
  close(): Promise<void>;
}

const CONCURRENCY = 4;

/** Aborts every running job at shutdown. */
class ShutdownSignals {
  private readonly running = new Set<AbortController>();

  async run(handler: DeploymentJobHandler, deploymentId: string) {
    const controller = new AbortController();
    this.running.add(controller);
    try {
      await handler(deploymentId, controller.signal);
    } finally {
      this.running.delete(controller);
    }
  }

  abortAll() {
    for (const controller of this.running) controller.abort();
  }
}

export function createInProcessQueue(handler: DeploymentJobHandler, log: Logger): DeploymentJobQueue {
  const signals = new ShutdownSignals();
  const waiting: string[] = [];
  const queued = new Set<string>();
  const active = new Set<Promise<void>>();
  let closed = false;
  const pump = () => {
    while (!closed && active.size < CONCURRENCY && waiting.length) {
      const id = waiting.shift()!;
      const job: Promise<void> = signals
        .run(handler, id)
        .catch((err) => log.error({ err, deploymentId: id }, 'deployment job crashed'))
        .finally(() => {
          queued.delete(id);
          active.delete(job);
          pump();
        });
      active.add(job);
    }
  };
  return {
    kind: 'in-process',
    async enqueue(id) {
      if (closed || queued.has(id)) return;
      queued.add(id);
      waiting.push(id);
      pump();
    },
    async close() {
      closed = true;
      signals.abortAll();
      await Promise.all([...active]);
    },
  };
}

export function createBullMqQueue(options: { redisUrl: string; prefix: string; handler: DeploymentJobHandler; log: Logger }): DeploymentJobQueue {
  const connect = () => {
    // BullMQ requires maxRetriesPerRequest: null (its blocking commands must wait out a Redis outage).
    const client = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    client.on('error', (err) => options.log.warn({ err: err.message }, 'deployment queue redis error'));
    return client;
  };
  const queueConnection = connect();
  const workerConnection = connect();
  const queue = new Queue('deployments', { connection: queueConnection, prefix: options.prefix });
  const signals = new ShutdownSignals();
  const worker = new Worker<{ deploymentId: string }>('deployments', (job) => signals.run(options.handler, job.data.deploymentId), {
    connection: workerConnection,
    prefix: options.prefix,
    concurrency: CONCURRENCY,
  });
  worker.on('failed', (job, err) => options.log.error({ err, deploymentId: job?.data.deploymentId }, 'deployment job failed'));
  worker.on('error', (err) => options.log.warn({ err: err.message }, 'deployment worker error'));
  return {
    kind: 'bullmq',
    async enqueue(deploymentId) {
      await queue.add('deploy', { deploymentId }, { jobId: deploymentId, removeOnComplete: true, removeOnFail: 1000 });
    },
    async close() {
      signals.abortAll();
      await worker.close();
      await queue.close();
      await Promise.all([queueConnection.quit().catch(() => undefined), workerConnection.quit().catch(() => undefined)]);
    },
  };
}
