/**
 * The authorisation rule of every operation of the API. `need` is who may do it: `any` authenticated user, the
 * project's `viewer`/`editor`/`owner` (or better), or the `creator` of the item (custom components, templates, API
 * keys). `fresh` rules change or delete what they act on, so each persona gets its own fixture. A new operation
 * without a rule here fails the matrix.
 */
import type { Fixture } from './fixtures';
import { SAMPLE_INPUTS } from './fixtures';

export type Need = 'any' | 'viewer' | 'editor' | 'owner' | 'creator';

export interface Rule {
  need: Need;
  fresh?: boolean;
  op(f: Fixture, unique: string): Promise<[string, Record<string, unknown>]>;
}

const onProject = (need: Need, query: string, extra: Record<string, unknown> = {}, fresh = false): Rule => ({
  need,
  fresh,
  op: async (f) => [query, { p: await f.projectId(), ...extra }],
});
const onSession = (query: string, fresh = false): Rule => ({ need: 'editor', fresh, op: async (f) => [query, { s: await f.sessionId() }] });
const onDeployment = (need: Need, query: string, fresh = false): Rule => ({ need, fresh, op: async (f) => [query, { d: await f.deploymentId() }] });
const constant = (query: string): Rule => ({ need: 'any', op: async () => [query, {}] });

export const QUERY_RULES: Record<string, Rule> = {
  suggestion: { need: 'viewer', op: async (f) => [`query($id: ID!) { suggestion(id: $id) { id } }`, { id: await f.suggestionId() }] },
  capabilities: constant(`{ capabilities { modelConfigured } }`),
  codeArtifact: { need: 'viewer', op: async (f) => [`query($id: ID!) { codeArtifact(id: $id) { id } }`, { id: await f.artifactId() }] },
  languages: constant(`{ languages { id } }`),
  debugSession: { need: 'viewer', op: async (f) => [`query($id: ID!) { debugSession(id: $id) { id } }`, { id: await f.sessionId() }] },
  debugSessions: constant(`{ debugSessions { id } }`),
  deployment: onDeployment('viewer', `query($d: ID!) { deployment(id: $d) { id } }`),
  deployments: {
    need: 'viewer',
    op: async (f) => (await f.deploymentId(), [`query($p: ID!) { deployments(projectId: $p) { id } }`, { p: await f.projectId() }]),
  },
  deploymentConfigTemplates: constant(`{ deploymentConfigTemplates }`),
  components: constant(`{ components { id } }`),
  component: { need: 'creator', op: async (f) => [`query($id: ID!) { component(id: $id) { id } }`, { id: await f.componentId() }] },
  componentsByIds: constant(`{ componentsByIds(ids: ["core/input"]) { id } }`),
  categories: constant(`{ categories }`),
  templates: constant(`{ templates { id } }`),
  template: { need: 'creator', op: async (f) => [`query($id: ID!) { template(id: $id) { id } }`, { id: await f.templateId() }] },
  project: onProject(
    'viewer',
    `query($p: ID!) { project(id: $p) { id name members { userId role } myRole artifacts { id } debugSessions { id } deployments { id } suggestions { id } runs { id } } }`,
  ),
  projects: constant(`{ projects { nodes { id } } }`),
  run: { need: 'viewer', op: async (f) => [`query($id: ID!) { run(id: $id) { id } }`, { id: await f.runId() }] },
  projectAccess: onProject('viewer', `query($p: ID!) { projectAccess(projectIds: [$p]) { role } }`),
  apiKeys: constant(`{ apiKeys { id } }`),
  exportProject: onProject('viewer', `query($p: ID!) { exportProject(id: $p) }`),
};

export const MUTATION_RULES: Record<string, Rule> = {
  analyzeProject: onProject('editor', `mutation($p: ID!) { analyzeProject(projectId: $p) { id } }`),
  applySuggestion: {
    need: 'editor',
    fresh: true,
    op: async (f) => [`mutation($id: ID!) { applySuggestion(id: $id) { suggestion { id } } }`, { id: await f.suggestionId() }],
  },
  dismissSuggestion: {
    need: 'editor',
    fresh: true,
    op: async (f) => [`mutation($id: ID!) { dismissSuggestion(id: $id) { id } }`, { id: await f.suggestionId() }],
  },
  askAssistant: onProject('editor', `mutation($p: ID!) { askAssistant(projectId: $p, query: "what is wrong?") { category } }`),
  optimizeCode: constant(`mutation { optimizeCode(code: "x = 1", language: "python") { language } }`),
  generateCode: onProject('editor', `mutation($p: ID!) { generateCode(projectId: $p, language: "python") { id } }`),
  startDebugSession: onProject('editor', `mutation($p: ID!, $i: JSON) { startDebugSession(projectId: $p, inputs: $i) { id } }`, { i: SAMPLE_INPUTS }),
  debugStep: onSession(`mutation($s: ID!) { debugStep(sessionId: $s, action: STEP_OVER) { id } }`, true),
  setBreakpoint: onSession(`mutation($s: ID!) { setBreakpoint(sessionId: $s, nodeId: "parse") { nodeId } }`),
  removeBreakpoint: onSession(`mutation($s: ID!) { removeBreakpoint(sessionId: $s, nodeId: "parse") { id } }`),
  setBreakOnError: onSession(`mutation($s: ID!) { setBreakOnError(sessionId: $s, enabled: true) { id } }`),
  addWatch: onSession(`mutation($s: ID!) { addWatch(sessionId: $s, expression: "1 + 1") { id } }`),
  removeWatch: onSession(`mutation($s: ID!) { removeWatch(sessionId: $s, watchId: "w1") { id } }`, true),
  evaluate: onSession(`mutation($s: ID!) { evaluate(sessionId: $s, expression: "1 + 1") }`),
  setVariable: onSession(`mutation($s: ID!) { setVariable(sessionId: $s, nodeId: "parse", port: "value", value: 1) { id } }`),
  endDebugSession: { need: 'editor', fresh: true, op: async (f) => [`mutation($id: ID!) { endDebugSession(id: $id) { id } }`, { id: await f.sessionId() }] },
  deploy: onProject('editor', `mutation($p: ID!) { deploy(projectId: $p, target: KUBERNETES, environment: "development") { id } }`),
  cancelDeployment: onDeployment('editor', `mutation($d: ID!) { cancelDeployment(id: $d) { id } }`, true),
  stopDeployment: onDeployment('editor', `mutation($d: ID!) { stopDeployment(id: $d) { id } }`, true),
  rollbackDeployment: onDeployment('editor', `mutation($d: ID!) { rollbackDeployment(id: $d) { id } }`, true),
  createComponent: {
    need: 'any',
    op: async (_f, u) => [`mutation($id: ID!) { createComponent(input: {id: $id, name: "N", category: "custom"}) { id } }`, { id: `new/${u}` }],
  },
  updateComponent: {
    need: 'creator',
    op: async (f) => [`mutation($id: ID!) { updateComponent(id: $id, input: {name: "Renamed"}) { id } }`, { id: await f.componentId() }],
  },
  deleteComponent: {
    need: 'creator',
    fresh: true,
    op: async (f) => [`mutation($id: ID!) { deleteComponent(id: $id) { deleted } }`, { id: await f.componentId() }],
  },
  createTemplate: {
    need: 'any',
    op: async (_f, u) => [`mutation($id: ID!) { createTemplate(input: {id: $id, name: "T", graph: {nodes: [], connections: []}}) { id } }`, { id: `new-${u}` }],
  },
  updateTemplate: {
    need: 'creator',
    op: async (f) => [`mutation($id: ID!) { updateTemplate(id: $id, input: {name: "Renamed"}) { id } }`, { id: await f.templateId() }],
  },
  deleteTemplate: {
    need: 'creator',
    fresh: true,
    op: async (f) => [`mutation($id: ID!) { deleteTemplate(id: $id) { deleted } }`, { id: await f.templateId() }],
  },
  publishComponent: {
    need: 'creator',
    fresh: true,
    op: async (f) => [`mutation($id: ID!) { publishComponent(id: $id) { published } }`, { id: await f.componentId() }],
  },
  publishTemplate: {
    need: 'creator',
    fresh: true,
    op: async (f) => [`mutation($id: ID!) { publishTemplate(id: $id) { published } }`, { id: await f.templateId() }],
  },
  createProject: constant(`mutation { createProject(input: {name: "mine"}) { id } }`),
  importProject: constant(
    `mutation { importProject(document: {format: "visual-builder/project", version: 1, project: {name: "imported"}, graph: {nodes: [], connections: []}}) { id } }`,
  ),
  undo: onProject('editor', `mutation($p: ID!) { undo(projectId: $p) { undoneVersion } }`, {}, true),
  redo: onProject('editor', `mutation($p: ID!) { redo(projectId: $p) { undoneVersion } }`, {}, true),
  pinNodeOutput: onProject(
    'editor',
    `mutation($p: ID!) { pinNodeOutput(projectId: $p, nodeId: "parse", output: {value: 1}) { project { version } } }`,
    {},
    true,
  ),
  unpinNodeOutput: onProject('editor', `mutation($p: ID!) { unpinNodeOutput(projectId: $p, nodeId: "parse") { project { version } } }`, {}, true),
  duplicateNodes: onProject('editor', `mutation($p: ID!) { duplicateNodes(projectId: $p, nodeIds: ["parse"]) { idMap } }`, {}, true),
  updateProject: onProject('editor', `mutation($p: ID!) { updateProject(id: $p, input: {description: "changed"}) { id } }`),
  deleteProject: onProject('owner', `mutation($p: ID!) { deleteProject(id: $p) { deleted } }`, {}, true),
  addComponent: onProject(
    'editor',
    `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/constant", config: {value: 2}) { project { version } } }`,
  ),
  moveComponent: onProject('editor', `mutation($p: ID!) { moveComponent(projectId: $p, nodeId: "parse", position: {x: 5, y: 5}) { project { version } } }`),
  updateComponentConfig: onProject(
    'editor',
    `mutation($p: ID!) { updateComponentConfig(projectId: $p, nodeId: "parse", label: "Parse it") { project { version } } }`,
  ),
  removeComponent: onProject('editor', `mutation($p: ID!) { removeComponent(projectId: $p, nodeId: "source") { project { version } } }`, {}, true),
  connect: onProject(
    'editor',
    `mutation($p: ID!) { connect(projectId: $p, sourceId: "parse", sourcePort: "value", targetId: "out", targetPort: "value") { project { version } } }`,
    {},
    true,
  ),
  disconnect: onProject(
    'editor',
    `mutation($p: ID!) { disconnect(projectId: $p, connectionId: "source.value->stamp.value") { project { version } } }`,
    {},
    true,
  ),
  applyGraphEdits: onProject(
    'editor',
    `mutation($p: ID!) { applyGraphEdits(projectId: $p, edits: [{moveNode: {nodeId: "out", position: {x: 1, y: 1}}}]) { project { version } } }`,
  ),
  executeWorkflow: onProject('editor', `mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i) { id } }`, { i: SAMPLE_INPUTS }),
  cancelRun: { need: 'editor', op: async (f) => [`mutation($id: ID!) { cancelRun(id: $id) { id } }`, { id: await f.runId() }] },
  updatePresence: onProject('viewer', `mutation($p: ID!) { updatePresence(projectId: $p, cursor: {x: 1, y: 2}) { userId } }`),
  leavePresence: onProject('viewer', `mutation($p: ID!) { leavePresence(projectId: $p) }`),
  addProjectMember: onProject('owner', `mutation($p: ID!) { addProjectMember(projectId: $p, userId: "someone", role: VIEWER) { id } }`),
  removeProjectMember: onProject('owner', `mutation($p: ID!) { removeProjectMember(projectId: $p, userId: "viewer") { id } }`, {}, true),
  createSecret: onProject('owner', `mutation($p: ID!) { createSecret(projectId: $p, name: "TOKEN", value: "s3cr3t-value") { name } }`),
  deleteSecret: {
    need: 'owner',
    fresh: true,
    op: async (f) => {
      const p = await f.projectId();
      await f.secret();
      return [`mutation($p: ID!) { deleteSecret(projectId: $p, name: "FIXTURE") }`, { p }];
    },
  },
  createApiKey: constant(`mutation { createApiKey(name: "mine") { key } }`),
  revokeApiKey: { need: 'creator', fresh: true, op: async (f) => [`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: await f.apiKeyId() }] },
};

/** Subscriptions: `allowed` = the stream starts (a first message, or quiet while waiting for events). */
export const SUBSCRIPTION_RULES: Record<string, Rule> = {
  projectChanged: onProject('viewer', `subscription($p: ID!) { projectChanged(projectId: $p) { version } }`),
  presence: onProject('viewer', `subscription($p: ID!) { presence(projectId: $p) { kind } }`),
  runEvents: { need: 'viewer', op: async (f) => [`subscription($id: ID!) { runEvents(runId: $id) { type } }`, { id: await f.runId() }] },
  events: constant(`subscription { events { type } }`),
  debugEvents: { need: 'viewer', op: async (f) => [`subscription($id: ID!) { debugEvents(sessionId: $id) { type } }`, { id: await f.sessionId() }] },
  deploymentEvents: onDeployment('viewer', `subscription($d: ID!) { deploymentEvents(deploymentId: $d) { status } }`),
};

/**
 * The legacy REST shim (router/rest/route-table.ts), one rule per `METHOD /path`: who may call it and the request
 * (path with its parameters filled in, body). `visible` tells an allowed answer from an empty one, for reads that
 * answer "nothing" instead of 404. A new route without a rule fails the matrix.
 */
export interface RestRule {
  need: Need;
  fresh?: boolean;
  request(f: Fixture, unique: string): Promise<{ path: string; body?: unknown }>;
  visible?(data: any): boolean;
}

const rest = (need: Need, request: RestRule['request'], extra: Partial<RestRule> = {}): RestRule => ({ need, request, ...extra });
const open = (path: string): RestRule => rest('any', async () => ({ path }));
const enc = encodeURIComponent;

export const REST_RULES: Record<string, RestRule> = {
  'POST /projects': rest('any', async (_f, u) => ({ path: '/projects', body: { name: `p-${u}`, description: '' } })),
  'GET /projects': open('/projects'),
  'GET /projects/{project_id}': rest('viewer', async (f) => ({ path: `/projects/${await f.projectId()}` })),
  'GET /projects/{project_id}/export': rest('viewer', async (f) => ({ path: `/projects/${await f.projectId()}/export` })),
  'POST /projects/import': rest('any', async (_f, u) => ({
    path: '/projects/import',
    body: { document: { format: 'visual-builder/project', version: 1, project: { name: `i-${u}` }, graph: { nodes: [], connections: [] } } },
  })),
  'GET /artifacts/{artifact_id}/zip': rest('viewer', async (f) => ({ path: `/artifacts/${await f.artifactId()}/zip` })),
  'GET /deployments/{deployment_id}/artifacts.zip': rest('viewer', async (f) => ({ path: `/deployments/${await f.deploymentId()}/artifacts.zip` })),
  'DELETE /projects/{project_id}': rest('owner', async (f) => ({ path: `/projects/${await f.projectId()}` }), { fresh: true }),
  'POST /components/add': rest(
    'editor',
    async (f) => ({
      path: '/components/add',
      body: { project_id: await f.projectId(), component_type: 'data', component_id: 'input', position: { x: 0, y: 0 }, config: { name: 'x' } },
    }),
    { fresh: true },
  ),
  'POST /connections/create': rest(
    'editor',
    async (f) => ({
      path: '/connections/create',
      body: { project_id: await f.projectId(), source_id: 'parse', source_port: 'value', target_id: 'out', target_port: 'value' },
    }),
    { fresh: true },
  ),
  'POST /workflows/execute': rest('editor', async (f) => ({ path: '/workflows/execute', body: { project_id: await f.projectId(), inputs: SAMPLE_INPUTS } })),
  'GET /components/library': open('/components/library'),
  'GET /components/{category}': open('/components/ai'),
  'GET /components/{category}/{component_id}': rest('creator', async (f) => ({ path: `/components/custom/${enc(await f.componentId())}` })),
  'POST /components/{category}': rest('any', async (_f, u) => ({ path: '/components/custom', body: { id: `rest-${u}`, name: 'N' } })),
  'PUT /components/{category}/{component_id}': rest('creator', async (f) => ({
    path: `/components/custom/${enc(await f.componentId())}`,
    body: { name: 'Renamed' },
  })),
  'DELETE /components/{category}/{component_id}': rest('creator', async (f) => ({ path: `/components/custom/${enc(await f.componentId())}` }), { fresh: true }),
  'GET /templates': open('/templates'),
  'GET /templates/{template_id}': rest('creator', async (f) => ({ path: `/templates/${enc(await f.templateId())}` })),
  'POST /templates': rest('any', async (_f, u) => ({ path: '/templates', body: { id: `rest-t-${u}`, name: 'T', components: {}, connections: [] } })),
  'PUT /templates/{template_id}': rest('creator', async (f) => ({ path: `/templates/${enc(await f.templateId())}`, body: { name: 'Renamed' } })),
  'DELETE /templates/{template_id}': rest('creator', async (f) => ({ path: `/templates/${enc(await f.templateId())}` }), { fresh: true }),
  'POST /generate/code': rest('editor', async (f) => ({ path: '/generate/code', body: { project_id: await f.projectId(), language: 'python' } })),
  'GET /download/{code_id}': rest('viewer', async (f) => ({ path: `/download/${await f.artifactId()}` })),
  'GET /languages': open('/languages'),
  'POST /debug': rest('editor', async (f) => ({ path: '/debug', body: { project_id: await f.projectId(), inputs: SAMPLE_INPUTS } })),
  'POST /debug/step': rest('editor', async (f) => ({ path: '/debug/step', body: { session_id: await f.sessionId(), action: 'step_over' } }), { fresh: true }),
  'GET /debug': open('/debug'),
  'GET /debug/{session_id}': rest('viewer', async (f) => ({ path: `/debug/${await f.sessionId()}` })),
  'DELETE /debug/{session_id}': rest('editor', async (f) => ({ path: `/debug/${await f.sessionId()}` }), { fresh: true }),
  'POST /deploy': rest('editor', async (f) => ({ path: '/deploy', body: { project_id: await f.projectId() } })),
  'GET /deployments': open('/deployments'),
  'GET /deployments/{deployment_id}': rest('viewer', async (f) => ({ path: `/deployments/${await f.deploymentId()}` })),
  'DELETE /deployments/{deployment_id}': rest('editor', async (f) => ({ path: `/deployments/${await f.deploymentId()}` }), { fresh: true }),
  'GET /config/templates': open('/config/templates'),
  'POST /ai/suggest': rest('editor', async (f) => ({ path: '/ai/suggest', body: { project_id: await f.projectId(), query: 'what is wrong?' } })),
  'POST /ai/optimize': rest('any', async () => ({ path: '/ai/optimize', body: { code: 'x = 1', language: 'python' } })),
  'GET /suggestions/{project_id}': rest('viewer', async (f) => (await f.suggestionId(), { path: `/suggestions/${await f.projectId()}` }), {
    visible: (data) => (data?.suggestions ?? data)?.length > 0,
  }),
  'GET /capabilities': open('/capabilities'),
};
