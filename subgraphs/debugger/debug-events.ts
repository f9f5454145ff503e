/**
 * The live stream of a debug session: one message per event on `topics.debug(sessionId)`, published after the
 * change it reports is persisted. The router's `debugEvents(sessionId)` subscription serves these payloads.
 */
import type { Frame } from '../../engine/runtime/types';
import type { DebugEventStepPayload, DebugEventTopicPayload } from '../../platform/events';
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

export interface DebugEventStep extends DebugEventStepPayload {
  frames: Frame[];
}

/** The payload of `topics.debug` (platform/events.ts) with this service's own enums. */
export interface DebugEventPayload extends DebugEventTopicPayload {
  type: DebugEventType;
  state: DebugState;
  frames?: Frame[];
  reason?: PauseReason | null;
  step?: DebugEventStep | null;
  variable?: { nodeId: string; frames: Frame[]; port: string; value: unknown; previous: unknown } | null;
}

/** What a caller supplies; the service adds sessionId, seq, state and at when it publishes. */
export type DebugEventInit = Omit<DebugEventPayload, 'sessionId' | 'seq' | 'state' | 'at'>;
