/**
 * `/ws/debug/{session_id}`: the original debugger socket. Clients send `{command: "step", action}` (→ debugStep,
 * answered with the execution state) and `{command: "watch_variable", variable_name}` (→ addWatch, answered with its
 * value); the session's live events (topics.debug, payload DebugEventTopicPayload) arrive as `debug_event` messages.
 */
import type { WebSocket } from 'ws';
import { topics, type DebugEventTopicPayload, type EventBus } from '../../../platform/events';
import { openTopic } from '../../subscriptions/topic-stream';
import { ADD_WATCH, DEBUG_ACTIONS, DEBUG_STEP } from '../debug-routes';
import type { GatewayCall } from '../gateway-call';
import { badMessage, pump, type SocketSession } from './socket-session';

const lower = (value: string | null | undefined) => (typeof value === 'string' ? value.toLowerCase() : (value ?? null));

/** A debugger event in the legacy vocabulary (instance ids as `component_id`, lower-case states and actions). */
export function legacyDebugEvent(event: DebugEventTopicPayload): Record<string, unknown> {
  return {
    type: 'debug_event',
    event: event.type.toLowerCase(),
    session_id: event.sessionId,
    seq: event.seq,
    state: lower(event.state),
    timestamp: event.at,
    ...(event.nodeId !== undefined ? { component_id: event.nodeId } : {}),
    ...(event.reason ? { reason: lower(event.reason) } : {}),
    ...(event.action ? { action: lower(event.action) } : {}),
    ...(event.step
      ? {
          step: {
            component_id: event.step.nodeId,
            status: event.step.status.toLowerCase(),
            inputs: event.step.inputs,
            outputs: event.step.outputs,
            error: event.step.error,
            duration_ms: event.step.durationMs,
          },
        }
      : {}),
    ...(event.watches ? { variables: Object.fromEntries(event.watches.map((w) => [w.expression, w.error ? { error: w.error } : w.value])) } : {}),
    ...(event.variable
      ? { variable: { component_id: event.variable.nodeId, port: event.variable.port, value: event.variable.value, previous: event.variable.previous } }
      : {}),
    ...(event.outputs ? { outputs: event.outputs } : {}),
    ...(event.error ? { error: event.error } : {}),
  };
}

export async function runDebugBridge(
  ws: WebSocket,
  session: SocketSession,
  args: { sessionId: string; initialState: unknown; call: GatewayCall; bus: EventBus; bufferLimit: number },
): Promise<void> {
  const { sessionId, call } = args;
  // Listening starts before the first message is handled, so no event of a step the client asks for is missed.
  const listening = openTopic<DebugEventTopicPayload>(args.bus, topics.debug(sessionId), args.bufferLimit);
  session.onMessage(async (message) => {
    await listening;
    switch (message.command) {
      case 'step': {
        const action = typeof message.action === 'string' ? message.action.toLowerCase() : '';
        if (!(DEBUG_ACTIONS as readonly string[]).includes(action)) throw badMessage(`action must be one of ${DEBUG_ACTIONS.join(', ')}`);
        const data = await call<{ debugStep: { legacyState: unknown } }>(DEBUG_STEP, { id: sessionId, action: action.toUpperCase() });
        session.send({ type: 'execution_state', data: data.debugStep.legacyState });
        return;
      }
      case 'watch_variable': {
        if (typeof message.variable_name !== 'string' || !message.variable_name.trim())
          throw badMessage('watch_variable needs variable_name (a name or an expression)');
        const { addWatch } = await call<{ addWatch: { id: string; expression: string; value: unknown; error: string | null } }>(ADD_WATCH, {
          id: sessionId,
          expression: message.variable_name,
        });
        session.send({ type: 'watch_added', watch_id: addWatch.id, variable_name: addWatch.expression, value: addWatch.value, error: addWatch.error });
        return;
      }
      default:
        throw badMessage(`unsupported command ${JSON.stringify(message.command)}; send step or watch_variable`);
    }
  });
  const events = await listening;
  session.send({ type: 'execution_state', data: args.initialState });
  await pump(events, session, ws, (event) => session.send(legacyDebugEvent(event)));
}
