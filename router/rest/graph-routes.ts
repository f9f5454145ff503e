/** Building and running a graph (workflow engine): /components/add, /connections/create, /workflows/execute. */
import { randomBytes } from 'node:crypto';
import { RestError } from './envelope';
import { storedOperation } from './gateway-call';
import { legacyConnection, legacyKey } from './legacy-shapes';
import type { RouteGroup } from './route-table';
import { arrayOf, bool, idField, jsonObject, nonEmpty, obj, position, projectConnection, str } from './schemas';

const COMPONENT = storedOperation('LegacyComponentKind', `query LegacyComponentKind($id: ID!) { component(id: $id) { id category legacyIds } }`);
const ADD = storedOperation(
  'LegacyAddComponent',
  `mutation LegacyAddComponent($projectId: ID!, $componentId: ID!, $id: ID!, $position: PositionInput, $config: JSON) {
    addComponent(projectId: $projectId, componentId: $componentId, id: $id, position: $position, config: $config) { component { id } project { version } }
  }`,
);
const CONNECT = storedOperation(
  'LegacyConnect',
  `mutation LegacyConnect($projectId: ID!, $sourceId: ID!, $sourcePort: String!, $targetId: ID!, $targetPort: String!) {
    connect(projectId: $projectId, sourceId: $sourceId, sourcePort: $sourcePort, targetId: $targetId, targetPort: $targetPort) { connection { id sourceId sourcePort targetId targetPort } project { version } }
  }`,
);
const EXECUTE = storedOperation(
  'LegacyExecute',
  `mutation LegacyExecute($projectId: ID!, $inputs: JSON, $fromNodeId: ID, $usePinned: Boolean) {
    executeWorkflow(projectId: $projectId, inputs: $inputs, mode: SYNC, fromNodeId: $fromNodeId, usePinned: $usePinned) { id status outputs error { code message } durationMs steps { nodeId status durationMs error { code message } } }
  }`,
);

/** The original's instance ids: `<component_id>_<8 hex>` (the last segment of an id like core/llm). */
const instanceId = (componentId: string) =>
  `${componentId
    .split('/')
    .pop()!
    .replace(/[^A-Za-z0-9_.-]/g, '_')}_${randomBytes(4).toString('hex')}`;

export const graphRoutes: RouteGroup = () => [
  {
    method: 'post',
    path: '/components/add',
    operationId: 'addComponent',
    tag: 'graph',
    summary: 'Add a component instance to a project',
    description:
      'component_type is the library category (logic, data, ai, …) and component_id the library key (condition, input, llm, … or a full id such as core/llm). The new instance id is `<component_id>_<8 hex>`.',
    body: obj(
      { project_id: idField('project'), component_type: nonEmpty('Library category'), component_id: nonEmpty('Library key'), position, config: jsonObject() },
      ['project_id', 'component_type', 'component_id'],
      { open: true },
    ),
    response: obj({ component_id: str('The new instance id'), status: str(undefined, { enum: ['added'] }), version: { type: 'integer' } }, [
      'component_id',
      'status',
    ]),
    errors: [404, 409],
    async handle({ body, call }) {
      const { component } = await call<{ component: { id: string; category: string; legacyIds: string[] } | null }>(COMPONENT, { id: body.component_id });
      if (!component) throw new RestError(404, 'NOT_FOUND', `Component "${body.component_id}" not found`, { field: 'component_id' });
      if (component.category !== body.component_type) {
        throw new RestError(
          404,
          'NOT_FOUND',
          `Component "${body.component_id}" not found in category "${body.component_type}" (it is in "${component.category}")`,
          { field: 'component_type' },
        );
      }
      const variables = {
        projectId: body.project_id,
        componentId: component.id,
        id: instanceId(body.component_id),
        position: body.position ?? null,
        config: body.config ?? null,
      };
      const data = await call<{ addComponent: { component: { id: string }; project: { version: number } } }>(ADD, variables);
      return {
        data: {
          component_id: data.addComponent.component.id,
          status: 'added',
          version: data.addComponent.project.version,
          library_key: legacyKey(component, component.id),
        },
      };
    },
  },
  {
    method: 'post',
    path: '/connections/create',
    operationId: 'createConnection',
    tag: 'graph',
    summary: 'Connect an output port to an input port',
    description:
      'An edge that breaks the graph (cycle, unknown port, incompatible port types) is refused with 400 and the reason; a graph that is still disconnected is fine.',
    body: obj(
      { project_id: idField('project'), source_id: nonEmpty(), source_port: nonEmpty(), target_id: nonEmpty(), target_port: nonEmpty() },
      ['project_id', 'source_id', 'source_port', 'target_id', 'target_port'],
      { open: true },
    ),
    response: obj({ status: str(undefined, { enum: ['connected'] }), connection: projectConnection, version: { type: 'integer' } }, ['status']),
    errors: [404, 409],
    async handle({ body, call }) {
      const variables = {
        projectId: body.project_id,
        sourceId: body.source_id,
        sourcePort: body.source_port,
        targetId: body.target_id,
        targetPort: body.target_port,
      };
      try {
        const data = await call<{ connect: { connection: Parameters<typeof legacyConnection>[0]; project: { version: number } } }>(CONNECT, variables);
        return { data: { status: 'connected', connection: legacyConnection(data.connect.connection), version: data.connect.project.version } };
      } catch (err) {
        // The legacy contract answers a graph-breaking edge with 400, not 422.
        if (err instanceof RestError && err.code === 'INVALID_GRAPH') throw new RestError(400, err.code, err.message, err.details);
        throw err;
      }
    },
  },
  {
    method: 'post',
    path: '/workflows/execute',
    operationId: 'executeWorkflow',
    tag: 'graph',
    summary: "Run the project's current version to completion",
    description:
      "A workflow that fails answers 422 with the error envelope: data.code and message are those of the run's error, data.run_id and data.steps say where it failed; a graph with validation errors is refused with 422 INVALID_GRAPH. Breakpoints only apply to debug sessions (POST /debug).",
    body: obj(
      {
        project_id: idField('project'),
        inputs: jsonObject(),
        breakpoints: arrayOf(str()),
        from_node_id: str('Execute from here: only this node and what it feeds run; upstream values come from pins or the last successful run'),
        use_pinned: bool('Pinned nodes emit their pinned data instead of running'),
      },
      ['project_id'],
      { open: true },
    ),
    response: obj(
      {
        status: str(undefined, { enum: ['executed'] }),
        outputs: jsonObject(),
        run_id: str(),
        duration_ms: { type: ['integer', 'null'] },
        steps: arrayOf(jsonObject()),
      },
      ['status', 'outputs'],
    ),
    errors: [404, 422],
    async handle({ body, call }) {
      const { executeWorkflow: run } = await call<{
        executeWorkflow: {
          id: string;
          status: string;
          outputs: unknown;
          error: { code: string; message: string } | null;
          durationMs: number | null;
          steps: { nodeId: string; status: string; durationMs: number; error: unknown }[];
        };
      }>(EXECUTE, {
        projectId: body.project_id,
        inputs: body.inputs ?? {},
        fromNodeId: body.from_node_id ?? null,
        usePinned: body.use_pinned ?? false,
      });
      const steps = run.steps.map((s) => ({ component_id: s.nodeId, status: s.status.toLowerCase(), duration_ms: s.durationMs, error: s.error }));
      // A failed (or cancelled) run is an error of the request: 422 with the run's own code and message.
      if (run.status !== 'SUCCEEDED') {
        const code = run.error?.code ?? (run.status === 'CANCELLED' ? 'RUN_CANCELLED' : 'RUN_FAILED');
        throw new RestError(422, code, run.error?.message ?? `The run ended ${run.status.toLowerCase()}`, {
          run_id: run.id,
          run_status: run.status.toLowerCase(),
          outputs: run.outputs ?? {},
          duration_ms: run.durationMs,
          steps,
        });
      }
      return {
        data: { status: 'executed', outputs: run.outputs ?? {}, run_id: run.id, duration_ms: run.durationMs, steps },
        message: ['Workflow executed', body.breakpoints?.length ? 'breakpoints apply to debug sessions (POST /debug)' : ''].filter(Boolean).join('; '),
      };
    },
  },
];
