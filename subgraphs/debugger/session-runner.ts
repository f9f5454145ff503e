/**
 * Connects a session to a driver: what the driver's hooks do to the session (count breakpoint hits, record steps,
 * pause, finish) and how a session whose run is not in memory is rebuilt from its journal. The run itself is on a
 * debug host thread (debug-hosts.ts); the hooks below run here, on the request thread, as answers to its calls.
 *
 * A host thread that dies takes its runs with it (docs/ARCHITECTURE.md §5.1). A session that was paused loses
 * nothing — its journal holds every step — and is rebuilt from it by its next command, as after a restart. A session
 * whose run was between boundaries (a node in flight, its side effects unknown) ends in ERROR with DEBUG_HOST_LOST;
 * RESTART runs it again.
 */
import type { RunResult, StepRecord } from '../../engine/runtime/types';
import { appError } from '../../platform/errors';
import type { StepMode } from './debug-driver';
import type { DebugEventInit } from './debug-events';
import { breakpointStops, debugScope, evaluateWatches } from './debug-expressions';
import type { DebugHosts } from './debug-hosts';
import { stepEntry } from './journal';
import type { LiveSession } from './live-session';
import type { RemoteDriver } from './remote-driver';
import type { DebugSessionRecord, PauseReason, Position } from './session-store';

/** Replay does no work (recorded outputs only), so rebuilding a session is quick; this only bounds a stuck one. */
const RESTORE_TIMEOUT_MS = 30_000;

export function watchEvents(record: DebugSessionRecord): DebugEventInit[] {
  return record.watches.length
    ? [{ type: 'WATCH_VALUES', watches: record.watches.map(({ id, expression, value, error }) => ({ id, expression, value, error })) }]
    : [];
}

/** Re-evaluates the watches in the scope of a frame with the given current inputs. */
export function refreshWatches(s: LiveSession, position: Pick<Position, 'frames' | 'inputs'>): void {
  s.record.watches = evaluateWatches(s.record.watches, debugScope(s.record, s.journal, position.frames, position.inputs));
}

export function launchDriver(s: LiveSession, hosts: DebugHosts, mode: StepMode, replay = false): RemoteDriver {
  const driver: RemoteDriver = hosts.launch(
    {
      graph: s.record.graph,
      inputs: s.record.inputs,
      mode,
      replay: replay ? { outputs: s.journal.replayOutputs(), at: s.record.position } : undefined,
    },
    {
      breakpointStops(position) {
        const breakpoint = s.record.breakpoints.find((b) => b.nodeId === position.nodeId);
        if (!breakpoint || !breakpointStops(breakpoint, debugScope(s.record, s.journal, position.frames, position.inputs))) return false;
        breakpoint.hitCount++;
        return true;
      },
      breakOnError: () => s.record.breakOnError,
      paused: (position, reason, error) =>
        s.commit(
          (r) => pauseAt(s, r, position, reason, error),
          (r) => [{ type: 'PAUSED', nodeId: position.nodeId, frames: position.frames, reason, error }, ...watchEvents(r)],
        ),
      restored(position) {
        const wasRunning = s.record.state === 'RUNNING';
        return s.commit(
          (r) => pauseAt(s, r, position, r.pauseReason ?? 'PAUSE', r.pauseReason === 'ERROR' ? r.error : null),
          (r) => (wasRunning ? [{ type: 'PAUSED', nodeId: position.nodeId, frames: position.frames, reason: r.pauseReason }] : []),
        );
      },
      stepped: (step) =>
        s.commit(
          () => refreshWatches(s, { frames: step.frames, inputs: step.inputs ?? {} }),
          (r) => [{ type: 'STEP_EXECUTED', nodeId: step.nodeId, frames: step.frames, step: stepPayload(step) }, ...watchEvents(r)],
          stepEntry(step),
        ),
      finished: (result) =>
        s
          .commit(
            (r) => finish(s, r, result),
            (r) => [finishedEvent(r), ...watchEvents(r)],
          )
          .finally(() => {
            if (s.driver === driver) s.driver = undefined;
          }),
    },
  );
  s.driver = driver;
  // If the store cannot be written either, the session keeps its last stored state until a command or RESTART.
  void driver.done.then(() => (driver.lost && !driver.detached ? hostLost(s, driver) : undefined)).catch(() => undefined);
  return driver;
}

/** Rebuilds the run of a paused session from its journal: replays to where it stood and pauses there again. */
export async function restoreDriver(s: LiveSession, hosts: DebugHosts): Promise<RemoteDriver | undefined> {
  const driver = launchDriver(s, hosts, 'CONTINUE', true);
  await driver.whenSettled(RESTORE_TIMEOUT_MS);
  if (driver.finished) return undefined;
  if (driver.lost) throw appError('SERVICE_UNAVAILABLE', 'the debug thread stopped while the session was being rebuilt; try again');
  if (!driver.paused) throw appError('SERVICE_UNAVAILABLE', 'the session is still being restored; try again in a moment');
  return driver;
}

/** The run's host thread died (see the top of this file): forget the run; a session that was running fails. */
async function hostLost(s: LiveSession, driver: RemoteDriver): Promise<void> {
  if (s.driver !== driver) return;
  s.driver = undefined;
  if (s.record.state !== 'RUNNING') return;
  await s.commit(
    (r) =>
      void Object.assign(r, {
        state: 'ERROR',
        pauseReason: null,
        position: null,
        error: { code: 'DEBUG_HOST_LOST', message: 'the debug thread running this session stopped while a node was running; RESTART the session' },
      }),
    (r) => [{ type: 'ERROR', error: r.error }],
  );
}

function pauseAt(s: LiveSession, r: DebugSessionRecord, position: Position, reason: PauseReason, error: { code: string; message: string } | null): void {
  r.state = 'PAUSED';
  r.pauseReason = reason;
  r.position = position;
  r.error = error;
  if (reason === 'BREAKPOINT') r.breakpointsHit.push(position.nodeId);
  refreshWatches(s, position);
}

function finish(s: LiveSession, r: DebugSessionRecord, result: RunResult): void {
  if (result.status === 'succeeded') {
    r.state = 'COMPLETED';
    r.outputs = result.outputs;
    r.error = null;
  } else if (result.status === 'cancelled') {
    r.state = 'STOPPED';
    r.error = r.endedReason ? { code: r.endedReason, message: `session ended: ${r.endedReason.toLowerCase().replace(/_/g, ' ')}` } : null;
  } else {
    r.state = 'ERROR';
    r.error = result.error ?? { code: 'INTERNAL', message: 'the run failed' };
  }
  r.pauseReason = null;
  r.position = null;
  refreshWatches(s, { frames: [], inputs: {} });
}

function finishedEvent(r: DebugSessionRecord): DebugEventInit {
  if (r.state === 'COMPLETED') return { type: 'COMPLETED', outputs: r.outputs };
  if (r.state === 'STOPPED') return { type: 'STOPPED', error: r.error };
  return { type: 'ERROR', error: r.error };
}

function stepPayload(step: StepRecord) {
  return {
    nodeId: step.nodeId,
    frames: step.frames,
    status: step.status,
    inputs: step.inputs ?? {},
    outputs: step.outputs ?? null,
    error: step.error ?? null,
    attempt: step.attempt,
    durationMs: step.durationMs,
  };
}
