/**
 * Worker-thread side of the run pool: executes one run at a time with the interpreter and streams its events back.
 * The thread serves no requests, so user code runs here directly in QuickJS; a VM that ignores its deadline or a
 * cancellation is handled by the pool terminating this thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { findBuiltinComponent } from '../components';
import { QuickJsSandbox } from '../sandbox';
import { executeGraph } from './interpreter';
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
    }
  | { kind: 'cancel'; runId: string };
export type RunThreadReply = { kind: 'event'; runId: string; event: RunEvent } | { kind: 'result'; runId: string; result: RunResult };

const world = { ...worldServicesFromEnv((workerData as { env?: NodeJS.ProcessEnv } | undefined)?.env ?? process.env), sandbox: new QuickJsSandbox() };
const running = new Map<string, AbortController>();

parentPort?.on('message', (request: RunThreadRequest) => {
  if (request.kind === 'cancel') {
    running.get(request.runId)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(request.runId, controller);
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
