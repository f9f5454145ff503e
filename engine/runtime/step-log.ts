/**
 * Step records and run events for node executions. Events are only built when someone listens (`onEvent`), and
 * the clock is read once per record — this file sits on the per-node hot path.
 */
import type { PortValues } from '../components/types';
import type { ErrorInfo } from './errors';
import type { GraphPlan, PlannedNode } from './graph-plan';
import type { RunState } from './run-state';
import type { Frame, StepRecord, StepStatus } from './types';

/** The parts of a frame the step log needs. */
export interface StepScope {
  readonly state: RunState;
  readonly frames: Frame[];
  readonly plan: GraphPlan;
}

export interface StepTiming {
  startedAtMs: number;
  /** performance.now() at start, for a sub-millisecond duration. */
  t0: number;
}

export function startTiming(): StepTiming {
  return { startedAtMs: Date.now(), t0: performance.now() };
}

export function logStarted(scope: StepScope, pn: PlannedNode, attempt: number): void {
  scope.state.emit?.({ type: 'NODE_STARTED', runId: scope.state.runId, nodeId: pn.node.id, frames: scope.frames, attempt, at: new Date().toISOString() });
}

export function logRetried(scope: StepScope, pn: PlannedNode, nextAttempt: number, error: ErrorInfo): void {
  scope.state.emit?.({
    type: 'NODE_RETRIED',
    runId: scope.state.runId,
    nodeId: pn.node.id,
    frames: scope.frames,
    attempt: nextAttempt,
    error,
    at: new Date().toISOString(),
  });
}

/** Records a finished execution (succeeded — possibly with a handled error — or failed) and emits its event. */
export function logFinished(
  scope: StepScope,
  pn: PlannedNode,
  status: 'succeeded' | 'failed',
  inputs: Record<string, unknown>,
  outputs: PortValues | undefined,
  error: ErrorInfo | undefined,
  attempt: number,
  timing: StepTiming,
): StepRecord {
  const durationMs = performance.now() - timing.t0;
  const step = makeStep(scope, pn, status, attempt, timing.startedAtMs, durationMs);
  step.inputs = inputs;
  if (outputs) step.outputs = outputs;
  if (error) step.error = error;
  scope.state.steps.push(step);
  const emit = scope.state.emit;
  if (emit) {
    const base = { runId: scope.state.runId, nodeId: pn.node.id, frames: scope.frames, at: new Date().toISOString() };
    if (status === 'succeeded') emit({ type: 'NODE_SUCCEEDED', ...base, outputs: outputs ?? {}, durationMs });
    else emit({ type: 'NODE_FAILED', ...base, error: error! });
  }
  return step;
}

export function logSkipped(scope: StepScope, pn: PlannedNode): StepRecord {
  const now = Date.now();
  const step = makeStep(scope, pn, 'skipped', 0, now, 0);
  scope.state.steps.push(step);
  scope.state.emit?.({ type: 'NODE_SKIPPED', runId: scope.state.runId, nodeId: pn.node.id, frames: scope.frames, at: new Date(now).toISOString() });
  return step;
}

function makeStep(scope: StepScope, pn: PlannedNode, status: StepStatus, attempt: number, startedAtMs: number, durationMs: number): StepRecord {
  return { nodeId: pn.node.id, frames: scope.frames, status, attempt, startedAt: new Date(startedAtMs).toISOString(), durationMs };
}
