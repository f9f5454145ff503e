/** Helpers for the debugger tests: projects from templates and the debugger's GraphQL surface through the router. */
import { errorCode, startTestSupergraph, type TestSupergraph } from '../support/supergraph';

export const SESSION_FIELDS = `
  id projectId projectVersion state pauseReason currentNodeId currentInputs inputs outputs breakOnError breakpointsHit
  error { code message }
  callStack { nodeId componentId iteration depth }
  breakpoints { nodeId condition enabled hitCount lastError }
  watches { id expression value error }
  variables { nodeId frames { nodeId index } inputs outputs }
  timeline(last: 1000) { seq nodeId frames { nodeId index } status inputs outputs attempt durationMs error { code message } }
  legacyState expiresAt
`;

export async function projectFromTemplate(sg: TestSupergraph, templateId: string): Promise<string> {
  const result = await sg.gql(`mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`, {
    input: { name: `debug ${templateId}`, description: '', templateId },
  });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.createProject.id;
}

export interface StartOptions {
  inputs?: Record<string, unknown>;
  breakpoints?: { nodeId: string; condition?: string; enabled?: boolean }[];
  watches?: string[];
  breakOnError?: boolean;
}

export function debuggerClient(sg: TestSupergraph) {
  const ok = async (query: string, variables: Record<string, unknown>, field: string) => {
    const result = await sg.gql(query, variables);
    if (result.errors) throw new Error(`${field}: ${JSON.stringify(result.errors)}`);
    return result.data[field];
  };
  return {
    start: (projectId: string, options: StartOptions = {}) =>
      ok(
        `mutation($p: ID!, $i: JSON, $b: [BreakpointInput!], $w: [String!], $e: Boolean) { startDebugSession(projectId: $p, inputs: $i, breakpoints: $b, watches: $w, breakOnError: $e) { ${SESSION_FIELDS} } }`,
        { p: projectId, i: options.inputs, b: options.breakpoints, w: options.watches, e: options.breakOnError ?? false },
        'startDebugSession',
      ),
    step: (sessionId: string, action: string) =>
      ok(`mutation($s: ID!, $a: DebugAction!) { debugStep(sessionId: $s, action: $a) { ${SESSION_FIELDS} } }`, { s: sessionId, a: action }, 'debugStep'),
    stepRaw: (sessionId: string, action: string) =>
      sg.gql(`mutation($s: ID!, $a: DebugAction!) { debugStep(sessionId: $s, action: $a) { state } }`, { s: sessionId, a: action }),
    get: (sessionId: string) => ok(`query($s: ID!) { debugSession(id: $s) { ${SESSION_FIELDS} } }`, { s: sessionId }, 'debugSession'),
    evaluate: (sessionId: string, expression: string) =>
      sg.gql(`mutation($s: ID!, $e: String!) { evaluate(sessionId: $s, expression: $e) }`, { s: sessionId, e: expression }),
    addWatch: (sessionId: string, expression: string) =>
      sg.gql(`mutation($s: ID!, $e: String!) { addWatch(sessionId: $s, expression: $e) { id expression value error } }`, { s: sessionId, e: expression }),
    setBreakpoint: (sessionId: string, nodeId: string, condition?: string, enabled = true) =>
      sg.gql(
        `mutation($s: ID!, $n: ID!, $c: String, $e: Boolean) { setBreakpoint(sessionId: $s, nodeId: $n, condition: $c, enabled: $e) { nodeId condition enabled hitCount } }`,
        { s: sessionId, n: nodeId, c: condition, e: enabled },
      ),
    removeBreakpoint: (sessionId: string, nodeId: string) =>
      sg.gql(`mutation($s: ID!, $n: ID!) { removeBreakpoint(sessionId: $s, nodeId: $n) { breakpoints { nodeId } } }`, { s: sessionId, n: nodeId }),
    setVariable: (sessionId: string, nodeId: string, port: string, value: unknown) =>
      sg.gql(`mutation($s: ID!, $n: ID!, $p: String!, $v: JSON) { setVariable(sessionId: $s, nodeId: $n, port: $p, value: $v) { ${SESSION_FIELDS} } }`, {
        s: sessionId,
        n: nodeId,
        p: port,
        v: value,
      }),
    end: (sessionId: string) => ok(`mutation($s: ID!) { endDebugSession(id: $s) { id state } }`, { s: sessionId }, 'endDebugSession'),
  };
}

/** Steps with `action` until the session leaves PAUSED; returns the node ids it paused at, in order. */
export async function stepToEnd(
  client: ReturnType<typeof debuggerClient>,
  sessionId: string,
  action: string,
  first: any,
): Promise<{ pausedAt: string[]; last: any }> {
  const pausedAt: string[] = [];
  let session = first;
  for (let guard = 0; session.state === 'PAUSED' && guard < 200; guard++) {
    pausedAt.push(pathOf(session));
    session = await client.step(sessionId, action);
  }
  return { pausedAt, last: session };
}

/** `node` at the top level, `map[1]/node` inside an iteration. */
export function pathOf(session: { currentNodeId: string; callStack: { nodeId: string; iteration: number | null }[] }): string {
  const enclosing = session.callStack
    .slice(1)
    .reverse()
    .map((f) => `${f.nodeId}[${f.iteration}]/`)
    .join('');
  return `${enclosing}${session.currentNodeId}`;
}

export { errorCode };

/** A test file's supergraph and debugger client, started before its tests and stopped after them. */
export function withDebuggerSupergraph(env: () => Record<string, string> = () => ({})) {
  const context = {} as { sg: TestSupergraph; client: ReturnType<typeof debuggerClient> };
  beforeAll(async () => {
    context.sg = await startTestSupergraph({ env: env() });
    context.client = debuggerClient(context.sg);
  });
  afterAll(async () => {
    await context.sg?.close();
  });
  return context;
}
