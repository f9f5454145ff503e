/**
 * Runs one node: step hooks, attempts with timeout, retries with exponential backoff, and the `onError` policy.
 * A node without hooks or timeout whose component answers synchronously takes the fast path: no promise, no timer,
 * no extra await (what keeps a 10,000-node chain of pure nodes cheap).
 */
import type { ComponentServices, PortValues, RunContext } from '../components/types';
import { ERROR_PORT, type NodeSettings } from '../model/types';
import { resolveSecretFields } from '../secrets/secret-refs';
import { EngineError, isRetryable, toErrorInfo, type ErrorInfo } from './errors';
import type { PlannedNode } from './graph-plan';
import { assertOutputSize } from './limits';
import { abortable, isThenable, linkAbort, sleep } from './signals';
import { logFinished, logRetried, logStarted, startTiming, type StepScope, type StepTiming } from './step-log';
import type { NodeBoundary } from './types';

const DEFAULT_RETRY_BACKOFF_MS = 100;

/** What the scheduler gives a node: its frame's values, signal, services and run inputs. */
export interface NodeFrame extends StepScope {
  readonly values: Map<string, PortValues>;
  readonly signal: AbortSignal;
  readonly runInputs: Record<string, unknown>;
  readonly services: ComponentServices;
  /** Current inputs from `values` (read late so a driver's edits are seen); undefined when an input is dead. */
  collectInputs(index: number): Record<string, unknown> | undefined;
  /** The signal of a node's current attempt, so a sub-graph it starts is aborted with it (e.g. on its timeout). */
  setNodeSignal(index: number, signal: AbortSignal | undefined): void;
}

/** On success the runner has already put `outputs` into `frame.values` (before `afterNode`, which may edit them). */
export type NodeOutcome = { ok: true; outputs: PortValues; inputs: Record<string, unknown> } | { ok: false; error: ErrorInfo };

type FirstAttempt = { pending: PromiseLike<unknown> } | { error: unknown };

export function runNode(frame: NodeFrame, pn: PlannedNode, inputs: Record<string, unknown>): NodeOutcome | Promise<NodeOutcome> {
  const gate = pn.reachesOutside ? frame.state.outsideEffectsGate(pn.node.id) : undefined;
  if (gate) {
    // The node does not start unless the driver allowed it (a run executor recorded that effects begin here).
    return gate.then(
      () => runNode(frame, pn, inputs),
      (error: unknown): NodeOutcome => ({ ok: false, error: toErrorInfo(error) }),
    );
  }
  frame.state.countExecution();
  if (frame.signal.aborted) return { ok: false, error: abortError(frame.signal) };
  if (frame.state.hooks || pn.node.settings?.timeoutMs) return runControlled(frame, pn, inputs);

  const timing = startTiming();
  logStarted(frame, pn, 1);
  let result: unknown;
  try {
    result = pn.component.run(contextFor(frame, pn, inputs, frame.signal));
    if (isThenable(result)) return runControlled(frame, pn, inputs, { pending: result }, timing);
    const outputs = checkOutputs(pn, result, frame.state.limits.maxOutputBytes);
    logFinished(frame, pn, 'succeeded', inputs, outputs, undefined, 1, timing);
    frame.values.set(pn.node.id, outputs);
    return { ok: true, outputs, inputs };
  } catch (error) {
    return runControlled(frame, pn, inputs, { error }, timing);
  }
}

/** The general path. `first` is an attempt the fast path already started (never run a component twice by accident). */
async function runControlled(
  frame: NodeFrame,
  pn: PlannedNode,
  initialInputs: Record<string, unknown>,
  first?: FirstAttempt,
  startTimingAt?: StepTiming,
): Promise<NodeOutcome> {
  const hooks = frame.state.hooks;
  const settings: NodeSettings = pn.node.settings ?? {};
  let inputs = initialInputs;
  let inputsOverridden = false;
  const boundary: NodeBoundary = { node: pn.node, frames: frame.frames, inputs, values: frame.values };
  let timing = startTimingAt ?? startTiming();
  let attempt = 0;
  try {
    if (hooks?.beforeNode && !first) {
      const decision = await abortable(Promise.resolve(hooks.beforeNode(boundary)), frame.signal);
      timing = startTiming();
      if (decision?.replay) {
        // Journal replay: the recorded outputs stand in for the run (attempt 0 = the component did not run).
        const step = logFinished(frame, pn, 'succeeded', inputs, decision.replay, undefined, 0, timing);
        frame.values.set(pn.node.id, decision.replay);
        await hooks.afterNode?.(boundary, step);
        return { ok: true, outputs: decision.replay, inputs };
      }
      inputsOverridden = decision?.inputs !== undefined;
      inputs = decision?.inputs ?? frame.collectInputs(pn.index) ?? inputs;
      boundary.inputs = inputs;
    }
    let retriesLeft = settings.retries ?? 0;
    for (;;) {
      attempt++;
      let outputs: PortValues;
      try {
        if (attempt === 1 && first) {
          if ('error' in first) throw first.error;
          outputs = checkOutputs(pn, await abortable(first.pending, frame.signal), frame.state.limits.maxOutputBytes);
        } else {
          logStarted(frame, pn, attempt);
          outputs = await attemptOnce(frame, pn, inputs, settings.timeoutMs);
        }
      } catch (error) {
        if (frame.signal.aborted) throw error;
        const info = toErrorInfo(error);
        if (retriesLeft > 0 && isRetryable(error)) {
          retriesLeft--;
          logRetried(frame, pn, attempt + 1, info);
          await sleep((settings.retryBackoffMs ?? DEFAULT_RETRY_BACKOFF_MS) * 2 ** (attempt - 1), frame.signal);
          continue;
        }
        if (hooks?.onNodeError && (await abortable(Promise.resolve(hooks.onNodeError(boundary, info)), frame.signal)) === 'retry') {
          // The driver changed something (values, config): run again with what is there now.
          if (!inputsOverridden) inputs = boundary.inputs = frame.collectInputs(pn.index) ?? inputs;
          continue;
        }
        return await applyErrorPolicy(frame, pn, settings, inputs, info, attempt, timing, boundary);
      }
      const step = logFinished(frame, pn, 'succeeded', inputs, outputs, undefined, attempt, timing);
      frame.values.set(pn.node.id, outputs);
      await hooks?.afterNode?.(boundary, step);
      return { ok: true, outputs, inputs };
    }
  } catch (error) {
    // Aborted (cancel, run limit, a failed sibling) or a step hook threw: no policy applies, the frame stops.
    const info = frame.signal.aborted
      ? abortError(frame.signal)
      : { code: 'HOOK_ERROR', message: `step hook failed at node "${pn.node.id}": ${toErrorInfo(error).message}` };
    logFinished(frame, pn, 'failed', inputs, undefined, info, attempt, timing);
    return { ok: false, error: info };
  }
}

function attemptOnce(frame: NodeFrame, pn: PlannedNode, inputs: Record<string, unknown>, timeoutMs: number | undefined): Promise<PortValues> | PortValues {
  const maxBytes = frame.state.limits.maxOutputBytes;
  if (!timeoutMs) {
    const result = pn.component.run(contextFor(frame, pn, inputs, frame.signal));
    return isThenable(result) ? abortable(result, frame.signal).then((value) => checkOutputs(pn, value, maxBytes)) : checkOutputs(pn, result, maxBytes);
  }
  return attemptWithTimeout(frame, pn, inputs, timeoutMs, maxBytes);
}

async function attemptWithTimeout(
  frame: NodeFrame,
  pn: PlannedNode,
  inputs: Record<string, unknown>,
  timeoutMs: number,
  maxBytes: number,
): Promise<PortValues> {
  const controller = new AbortController();
  const unlink = linkAbort(frame.signal, controller);
  const timer = setTimeout(() => controller.abort(new EngineError('NODE_TIMEOUT', `node "${pn.node.id}" timed out after ${timeoutMs} ms`)), timeoutMs);
  frame.setNodeSignal(pn.index, controller.signal);
  try {
    const result = pn.component.run(contextFor(frame, pn, inputs, controller.signal));
    return checkOutputs(pn, await abortable(Promise.resolve(result), controller.signal), maxBytes);
  } finally {
    clearTimeout(timer);
    unlink();
    frame.setNodeSignal(pn.index, undefined);
  }
}

async function applyErrorPolicy(
  frame: NodeFrame,
  pn: PlannedNode,
  settings: NodeSettings,
  inputs: Record<string, unknown>,
  error: ErrorInfo,
  attempt: number,
  timing: StepTiming,
  boundary: NodeBoundary,
): Promise<NodeOutcome> {
  const onError = settings.onError ?? 'fail';
  if (onError === 'fail') {
    const step = logFinished(frame, pn, 'failed', inputs, undefined, error, attempt, timing);
    await frame.state.hooks?.afterNode?.(boundary, step);
    // ComponentError messages already start with `node "<id>"`; do not say it twice.
    const named = error.message.startsWith(`node "${pn.node.id}"`) ? error.message : `node "${pn.node.id}" (${pn.node.componentId}) failed: ${error.message}`;
    return { ok: false, error: { code: error.code, message: named } };
  }
  // Handled: the step succeeded with the error on record; `route` fires only the implicit error port.
  const outputs: PortValues =
    onError === 'continue' ? { ...(settings.defaultOutputs ?? {}) } : { [ERROR_PORT]: { message: error.message, code: error.code, nodeId: pn.node.id } };
  const step = logFinished(frame, pn, 'succeeded', inputs, outputs, error, attempt, timing);
  frame.values.set(pn.node.id, outputs);
  await frame.state.hooks?.afterNode?.(boundary, step);
  return { ok: true, outputs, inputs };
}

function contextFor(frame: NodeFrame, pn: PlannedNode, inputs: Record<string, unknown>, signal: AbortSignal): RunContext {
  // Secret values exist only in this context object, at the fields the component declares.
  const secrets = frame.state.options.secrets;
  const config = secrets && pn.component.secretFields ? resolveSecretFields(pn.config, pn.component.secretFields, secrets) : pn.config;
  return { node: pn.node, config, inputs, runInputs: frame.runInputs, signal, services: frame.services, limits: frame.state.limits };
}

function checkOutputs(pn: PlannedNode, result: unknown, maxBytes: number): PortValues {
  if (result === undefined || result === null) return {};
  if (typeof result !== 'object' || Array.isArray(result)) {
    throw new EngineError(
      'INVALID_OUTPUTS',
      `component "${pn.component.id}" returned ${Array.isArray(result) ? 'an array' : typeof result} instead of an object of port values`,
      false,
    );
  }
  assertOutputSize(pn.node.id, result, maxBytes);
  return result as PortValues;
}

function abortError(signal: AbortSignal): ErrorInfo {
  const reason: unknown = signal.reason;
  if (reason instanceof EngineError) return { code: reason.code, message: reason.message };
  return { code: 'CANCELLED', message: reason instanceof Error ? reason.message : 'run cancelled' };
}
