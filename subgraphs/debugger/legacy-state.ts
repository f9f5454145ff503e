/**
 * The seed's execution state (legacy-rest-contract.md, `POST /debug/step` and `GET /debug/{id}`), derived from a
 * session and its journal — never the raw internals. The REST shim serves it (also as `DebugSession.legacyState`).
 */
import type { Journal } from './journal';
import type { DebugSessionRecord } from './session-store';

export interface LegacyExecutionState {
  session_id: string;
  state: 'initialized' | 'running' | 'paused' | 'completed' | 'stopped' | 'error';
  current_component: string | null;
  /** Outermost first: each enclosing map node, then the current node. */
  execution_stack: string[];
  /** Finished nodes visible at the current position: instance id → its output values. */
  variable_values: Record<string, unknown>;
  breakpoints_hit: string[];
  timestamp: string;
}

export function legacyExecutionState(session: DebugSessionRecord, journal: Journal): LegacyExecutionState {
  const position = session.position;
  const stack = position ? [...position.frames.map((f) => f.parentNodeId), position.nodeId] : [];
  return {
    session_id: session.id,
    state: session.state.toLowerCase() as LegacyExecutionState['state'],
    current_component: position?.nodeId ?? null,
    execution_stack: stack,
    variable_values: journal.vars(position?.frames ?? []),
    breakpoints_hit: [...session.breakpointsHit],
    timestamp: session.updatedAt,
  };
}
