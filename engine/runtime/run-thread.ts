/**
 * Worker-thread side of the run pool: executes one run at a time with the interpreter and streams its events back.
 * The thread serves no requests, so user code runs here directly in QuickJS; a VM that ignores its deadline or a
 * cancellation is handled by the pool terminating this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findBuiltinComponent } from '../components';
import { QuickJsSandbox } from '../sandbox';
import { EngineError, executeGraph } from './interpreter';
import type { RunEvent, RunResult } from './types';
import { worldServicesFromEnv } from './world';
import type { WorkflowGraph } from '../model/types';
import { markStandIns, standInHooks, type StandIn } from './partial-run';

export type RunThreadRequest =
  | {
      kind: 'run';
      runId: string;
      graph: WorkflowGraph;
      inputs: Record<string, unknown>;
      secrets?: ReadonlyMap<string, string>;
      standIns?: Record<string, StandIn>;
      /** Ask the pool (reply `outside-effects`) before the first node acting outside the run starts. */
      announceOutsideEffects?: boolean;
    }
  | { kind: 'cancel'; runId: string }
  /** The answer to `outside-effects`: the node may start, or it fails with `error`. */
  | { kind: 'outside-effects-answer'; runId: string; error?: { code: string; message: string } };
export type RunThreadReply =
  | { kind: 'event'; runId: string; event: RunEvent }
  | { kind: 'outside-effects'; runId: string; nodeId: string }
  | { kind: 'result'; runId: string; result: RunResult }
  /** A code node's VM starts with this time limit (`vm: n`), then is done: the pool's watchdog (run-pool.ts). */
  | { kind: 'vm-started'; runId: string; vm: number; timeoutMs: number }
  | { kind: 'vm-done'; runId: string; vm: number };

const env = (workerData as { env?: NodeJS.ProcessEnv } | undefined)?.env ?? process.env;
/** The run this thread is executing (one at a time, run-pool.ts). */
let currentRunId = '';
let vms = 0;
const sandbox = new QuickJsSandbox((timeoutMs) => {
  const runId = currentRunId;
  const vm = ++vms;
  parentPort?.postMessage({ kind: 'vm-started', runId, vm, timeoutMs } satisfies RunThreadReply);
  return () => parentPort?.postMessage({ kind: 'vm-done', runId, vm } satisfies RunThreadReply);
});
const world = { ...worldServicesFromEnv(env), sandbox };

const running = new Map<string, AbortController>();
const outsideEffectsAnswers = new Map<string, { resolve(): void; reject(error: Error): void }>();

parentPort?.on('message', (request: RunThreadRequest) => {
  if (request.kind === 'cancel') {
    running.get(request.runId)?.abort();
    return;
  }
  if (request.kind === 'outside-effects-answer') {
    const waiting = outsideEffectsAnswers.get(request.runId);
    outsideEffectsAnswers.delete(request.runId);
    if (request.error) waiting?.reject(new EngineError(request.error.code, request.error.message, false));
    else waiting?.resolve();
    return;
  }
  const controller = new AbortController();
  running.set(request.runId, controller);
  currentRunId = request.runId;
  const post = (reply: RunThreadReply) => parentPort!.postMessage(reply);
  executeGraph({
    runId: request.runId,
    graph: request.graph,
    inputs: request.inputs,
    resolveComponent: (id) => findBuiltinComponent(id),
    services: world,
    onEvent: (event) => post({ kind: 'event', runId: request.runId, event }),
    signal: controller.signal,
    secrets: request.secrets,
    // A partial run (partial-run.ts): pinned and reused nodes replay their values instead of running.
    hooks: standInHooks(request.standIns),
    beforeOutsideEffects: request.announceOutsideEffects
      ? (nodeId) =>
          new Promise<void>((resolve, reject) => {
            outsideEffectsAnswers.set(request.runId, { resolve, reject });
            post({ kind: 'outside-effects', runId: request.runId, nodeId });
          })
      : undefined,
  })
    .then((result) => ({ ...result, steps: markStandIns(result.steps, request.standIns) }))
    .catch((err: Error): RunResult => {
      const now = new Date().toISOString();
      return {
        runId: request.runId,
        status: 'failed',
        outputs: {},
        error: { code: 'INTERNAL', message: `The interpreter failed unexpectedly: ${err.message}` },
        steps: [],
        startedAt: now,
        finishedAt: now,
      };
    })
    .then((result) => {
      running.delete(request.runId);
      post({ kind: 'result', runId: request.runId, result });
    });
});
