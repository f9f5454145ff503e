/**
 * The workflow interpreter (docs/ARCHITECTURE.md §5): one interpreter, two drivers. `executeGraph` runs a validated graph to
 * completion; a debugger drives the same code through `options.hooks` (usually with `sequential: true`).
 * The caller validates the graph first; here only what would make execution itself unsound is refused
 * (cycles, unknown components, connections to unknown nodes).
 */
import { EngineError, toErrorInfo, type ErrorInfo } from './errors';
import { FrameRun, type FrameResult } from './frame-run';
import { resolveLimits } from './limits';
import { RunState } from './run-state';
import type { ExecuteOptions, RunLimits, RunResult, RunStatus } from './types';

export { assertMapItems, DEFAULT_LIMITS, resolveLimits } from './limits';
export { EngineError } from './errors';

export async function executeGraph(options: ExecuteOptions): Promise<RunResult> {
  const startedAt = new Date().toISOString();
  options.onEvent?.({ type: 'RUN_STARTED', runId: options.runId, at: startedAt });
  let limits: RunLimits;
  try {
    limits = resolveLimits(options.limits);
  } catch (error) {
    return finish(options, undefined, startedAt, { outputs: {}, error: toErrorInfo(error) });
  }
  const state = new RunState(options, limits);

  const cancel = (): void => state.abort(new EngineError('CANCELLED', 'run cancelled', false));
  options.signal?.addEventListener('abort', cancel, { once: true });
  if (options.signal?.aborted) cancel();
  const deadline = setTimeout(() => state.abort(new EngineError('LIMIT_RUN_TIME', `run exceeded the limit of ${limits.maxRunMs} ms`, false)), limits.maxRunMs);

  let result: FrameResult;
  try {
    const plan = state.planFor(options.graph);
    result = await new FrameRun(state, plan, options.inputs ?? {}, [], state.controller.signal).run();
  } catch (error) {
    result = { outputs: {}, error: toErrorInfo(error) };
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', cancel);
  }
  return finish(options, state, startedAt, result);
}

function finish(options: ExecuteOptions, state: RunState | undefined, startedAt: string, result: FrameResult): RunResult {
  const status: RunStatus = !result.error ? 'succeeded' : result.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
  const finishedAt = new Date().toISOString();
  const error: ErrorInfo | undefined = result.error;
  options.onEvent?.({ type: 'RUN_FINISHED', runId: options.runId, status, outputs: result.outputs, ...(error ? { error } : {}), at: finishedAt });
  return { runId: options.runId, status, outputs: result.outputs, ...(error ? { error } : {}), steps: state?.steps ?? [], startedAt, finishedAt };
}
