/**
 * The messages between the request thread (debug-hosts.ts, remote-driver.ts) and a debug host thread
 * (debug-host-thread.ts). Everything in them is structured-cloneable: graphs, positions, steps, results and the
 * replay's Map of recorded outputs. Drivers are named by id, so one thread hosts many sessions' runs.
 */
import type { PortValues } from '../../engine/components/types';
import type { WorkflowGraph } from '../../engine/model/types';
import type { Frame, RunResult, StepRecord } from '../../engine/runtime/types';
import type { StepMode } from './debug-driver';
import type { PauseReason, Position } from './session-store';

/** What starting a driver needs (DriverOptions without the world and the callbacks, which live on each side). */
export interface DriverLaunch {
  graph: WorkflowGraph;
  inputs: Record<string, unknown>;
  mode: StepMode;
  replay?: { outputs: Map<string, PortValues>; at: Position | null };
}

/** A driver callback (debug-driver.ts `DriverCallbacks`) asked of the request thread; the run waits for the answer. */
export type DriverCall =
  | { name: 'breakpointStops'; position: Position }
  | { name: 'breakOnError' }
  | { name: 'paused'; position: Position; reason: PauseReason; error: { code: string; message: string } | null }
  | { name: 'restored'; position: Position }
  | { name: 'stepped'; step: StepRecord };

/** Request thread → host thread. */
export type HostCommand =
  | ({ kind: 'launch'; driverId: string } & DriverLaunch)
  | { kind: 'resume'; driverId: string; mode: StepMode }
  | { kind: 'pause'; driverId: string }
  | { kind: 'stop'; driverId: string }
  | { kind: 'detach'; driverId: string }
  | { kind: 'edit'; driverId: string; requestId: number; frames: Frame[]; nodeId: string; port: string; value: unknown }
  | { kind: 'answer'; callId: number; ok: true; value: unknown }
  | { kind: 'answer'; callId: number; ok: false; message: string };

/** Host thread → request thread. `ended` carries the run's result, or null when the run was abandoned (detach). */
export type HostReply =
  | { kind: 'call'; driverId: string; callId: number; call: DriverCall }
  | { kind: 'edited'; driverId: string; requestId: number; ok: true; previous: unknown }
  | { kind: 'edited'; driverId: string; requestId: number; ok: false; message: string }
  | { kind: 'ended'; driverId: string; result: RunResult | null };
