/** Debugging (debugger): POST /debug, POST /debug/step, GET /debug, GET/DELETE /debug/{session_id}. */
import { RestError } from './envelope';
import { storedOperation, type GatewayCall } from './gateway-call';
import type { RouteGroup } from './route-table';
import { anyJson, arrayOf, idField, int, jsonObject, mapOf, nonEmpty, nullable, obj, str } from './schemas';

export const DEBUG_ACTIONS = ['start', 'step_over', 'step_into', 'step_out', 'continue', 'pause', 'stop', 'restart'] as const;
const STATES = ['initialized', 'running', 'paused', 'completed', 'stopped', 'error'];

const START = storedOperation(
  'LegacyStartDebug',
  `mutation LegacyStartDebug($projectId: ID!, $inputs: JSON, $breakpoints: [BreakpointInput!], $watches: [String!]) {
    startDebugSession(projectId: $projectId, inputs: $inputs, breakpoints: $breakpoints, watches: $watches) { id state }
  }`,
);
export const DEBUG_STEP = storedOperation(
  'LegacyDebugStep',
  `mutation LegacyDebugStep($id: ID!, $action: DebugAction!) { debugStep(sessionId: $id, action: $action) { legacyState } }`,
);
export const DEBUG_STATE = storedOperation(
  'LegacyDebugState',
  `query LegacyDebugState($id: ID!) { debugSession(id: $id) { projectId legacyState watches { id expression value error } } }`,
);
export const ADD_WATCH = storedOperation(
  'LegacyAddWatch',
  `mutation LegacyAddWatch($id: ID!, $expression: String!) { addWatch(sessionId: $id, expression: $expression) { id expression value error } }`,
);
const LIST = storedOperation(
  'LegacyDebugSessions',
  `query LegacyDebugSessions($first: Int!, $state: DebugState) { debugSessions(first: $first, state: $state) { projectId legacyState } }`,
);
const END = storedOperation('LegacyEndDebug', `mutation LegacyEndDebug($id: ID!) { endDebugSession(id: $id) { state } }`);

export const executionState = obj(
  {
    session_id: str(),
    state: str(undefined, { enum: STATES }),
    current_component: nullable(str()),
    execution_stack: arrayOf(str()),
    variable_values: mapOf(anyJson(), 'Instance id → its output values'),
    breakpoints_hit: arrayOf(str()),
    timestamp: str(),
  },
  ['session_id', 'state', 'current_component', 'execution_stack', 'variable_values', 'breakpoints_hit', 'timestamp'],
  { open: true },
);

export async function debugState(call: GatewayCall, id: string) {
  const { debugSession } = await call<{
    debugSession: {
      projectId: string;
      legacyState: Record<string, unknown>;
      watches: { id: string; expression: string; value: unknown; error: string | null }[];
    } | null;
  }>(DEBUG_STATE, { id });
  if (!debugSession) throw new RestError(404, 'NOT_FOUND', `Debug session "${id}" not found`, { session_id: id });
  return debugSession;
}

export const debugRoutes: RouteGroup = () => [
  {
    method: 'post',
    path: '/debug',
    operationId: 'startDebugSession',
    tag: 'debug',
    summary: "Create a debug session on the project's current version (run it with POST /debug/step)",
    body: obj(
      {
        project_id: idField('project'),
        breakpoints: arrayOf(nonEmpty('Instance id')),
        watch_variables: arrayOf(nonEmpty('A variable name or expression')),
        inputs: jsonObject(),
      },
      ['project_id'],
      { open: true },
    ),
    response: obj({ session_id: str(), status: str(undefined, { enum: ['created'] }), state: str(undefined, { enum: STATES }) }, [
      'session_id',
      'status',
      'state',
    ]),
    errors: [404, 413, 422],
    async handle({ body, call }) {
      const { startDebugSession: s } = await call<{ startDebugSession: { id: string; state: string } }>(START, {
        projectId: body.project_id,
        inputs: body.inputs ?? {},
        breakpoints: (body.breakpoints ?? []).map((nodeId: string) => ({ nodeId })),
        watches: body.watch_variables ?? [],
      });
      return { data: { session_id: s.id, status: 'created', state: s.state.toLowerCase() }, message: 'Debug session created' };
    },
  },
  {
    method: 'post',
    path: '/debug/step',
    operationId: 'debugStep',
    tag: 'debug',
    summary: 'Drive a session: start, step_over, step_into, step_out, continue, pause, stop (or restart)',
    body: obj({ session_id: nonEmpty('Debug session id'), action: str(undefined, { enum: [...DEBUG_ACTIONS] }) }, ['session_id', 'action'], { open: true }),
    response: executionState,
    errors: [404, 409],
    async handle({ body, call }) {
      const data = await call<{ debugStep: { legacyState: unknown } }>(DEBUG_STEP, { id: body.session_id, action: body.action.toUpperCase() });
      return { data: data.debugStep.legacyState };
    },
  },
  {
    method: 'get',
    path: '/debug',
    operationId: 'listDebugSessions',
    tag: 'debug',
    summary: "The caller's debug sessions, newest first",
    query: obj({ limit: int('At most this many (1–100)', { minimum: 1, maximum: 100, default: 20 }), state: str(undefined, { enum: STATES }) }),
    response: obj({ sessions: arrayOf({ ...executionState, properties: { ...(executionState.properties as object), project_id: str() } }), count: int() }, [
      'sessions',
      'count',
    ]),
    errors: [],
    async handle({ query, call }) {
      const data = await call<{ debugSessions: { projectId: string; legacyState: Record<string, unknown> }[] }>(LIST, {
        first: query.limit,
        state: query.state ? query.state.toUpperCase() : null,
      });
      const sessions = data.debugSessions.map((s) => ({ ...s.legacyState, project_id: s.projectId }));
      return { data: { sessions, count: sessions.length } };
    },
  },
  {
    method: 'get',
    path: '/debug/{session_id}',
    operationId: 'getDebugSession',
    tag: 'debug',
    summary: "A session's execution state",
    response: executionState,
    errors: [404],
    async handle({ params, call }) {
      const session = await debugState(call, params.session_id);
      return { data: { ...session.legacyState, project_id: session.projectId, watches: session.watches } };
    },
  },
  {
    method: 'delete',
    path: '/debug/{session_id}',
    operationId: 'endDebugSession',
    tag: 'debug',
    summary: 'Stop a session and free its slot',
    response: obj({ status: str(undefined, { enum: ['deleted'] }), session_id: str(), state: str(undefined, { enum: STATES }) }, ['status', 'session_id']),
    errors: [404],
    async handle({ params, call }) {
      const data = await call<{ endDebugSession: { state: string } }>(END, { id: params.session_id });
      return { data: { status: 'deleted', session_id: params.session_id, state: data.endDebugSession.state.toLowerCase() }, message: 'Debug session ended' };
    },
  },
];
