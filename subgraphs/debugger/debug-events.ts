/**
 * The live stream of a debug session: one message per event on `topics.debug(sessionId)`, published after the
 * change it reports is persisted. The router's `debugEvents(sessionId)` subscription serves these payloads.
 */
import type { Frame } from '../../engine/runtime/types';
import type { DebugState, PauseReason } from './session-store';

export type DebugEventType =
  | 'SESSION_STARTED'
  | 'RESUMED'
  | 'PAUSED'
  | 'STEP_EXECUTED'
  | 'WATCH_VALUES'
  | 'VARIABLE_CHANGED'
  | 'COMPLETED'
  | 'STOPPED'
  | 'ERROR';

export interface DebugEventStep {
  nodeId: string;
  frames: Frame[];
  status: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  attempt: number;
  durationMs: number;
}

export interface DebugEventPayload {
  sessionId: string;
  /** 1, 2, 3… per session: a client can tell it missed one (pub/sub is at-most-once). */
  seq: number;
  type: DebugEventType;
  /** The session's state once this event applied. */
  state: DebugState;
  at: string;
  /** PAUSED: the node paused before; STEP_EXECUTED / VARIABLE_CHANGED: the node concerned. */
  nodeId?: string | null;
  frames?: Frame[];
  /** PAUSED: why. */
  reason?: PauseReason | null;
  /** RESUMED: the action that resumed the run (STEP_OVER, CONTINUE, …). */
  action?: string | null;
  /** STEP_EXECUTED: the step as recorded in the timeline. */
  step?: DebugEventStep | null;
  /** WATCH_VALUES: every watch with its current value or error. */
  watches?: { id: string; expression: string; value: unknown; error: string | null }[] | null;
  /** VARIABLE_CHANGED: the edit. */
  variable?: { nodeId: string; frames: Frame[]; port: string; value: unknown; previous: unknown } | null;
  /** COMPLETED: the run's outputs. */
  outputs?: Record<string, unknown> | null;
  /** ERROR (or PAUSED with reason ERROR): the failure; STOPPED: why, when not stopped by the user (e.g. IDLE_TIMEOUT). */
  error?: { code: string; message: string } | null;
}

/** What a caller supplies; the service adds sessionId, seq, state and at when it publishes. */
export type DebugEventInit = Omit<DebugEventPayload, 'sessionId' | 'seq' | 'state' | 'at'>;
