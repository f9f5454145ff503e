/** Projects (workflow engine): POST/GET /projects, GET/DELETE /projects/{project_id}, export and import. */
import { deletionRoute } from './deletion-route';
import { RestError } from './envelope';
import { storedOperation, type GatewayCall } from './gateway-call';
import { componentKinds, legacyProject, PROJECT_FIELDS, type GqlProject } from './legacy-shapes';
import type { RouteGroup } from './route-table';
import { arrayOf, int, jsonObject, nonEmpty, nullable, obj, pagination, project, str } from './schemas';

const CREATE = storedOperation(
  'LegacyCreateProject',
  `mutation LegacyCreateProject($input: CreateProjectInput!) { createProject(input: $input) { ...LegacyProjectFields } } ${PROJECT_FIELDS}`,
);
const GET = storedOperation('LegacyProject', `query LegacyProject($id: ID!) { project(id: $id) { ...LegacyProjectFields } } ${PROJECT_FIELDS}`);
const PAGE = storedOperation(
  'LegacyProjectPage',
  `query LegacyProjectPage($first: Int!, $after: String) { projects(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ...LegacyProjectFields } } } ${PROJECT_FIELDS}`,
);
const SKIP = storedOperation(
  'LegacyProjectSkip',
  `query LegacyProjectSkip($first: Int!, $after: String) { projects(first: $first, after: $after) { pageInfo { hasNextPage endCursor } } }`,
);
const EXPORT = storedOperation('ExportProject', `query ExportProject($id: ID!) { exportProject(id: $id) }`);
const IMPORT = storedOperation(
  'ImportProject',
  `mutation ImportProject($document: JSON!, $name: String) { importProject(document: $document, name: $name) { ...LegacyProjectFields } } ${PROJECT_FIELDS}`,
);
const DELETE = storedOperation('LegacyDeleteProject', `mutation LegacyDeleteProject($id: ID!) { deleteProject(id: $id) { id deleted } }`);

const MAX_PAGE = 100;

/** Our projects page with a cursor; `?offset=` is walked there in pages of ids only. */
async function cursorAfter(call: GatewayCall, offset: number): Promise<string | null | undefined> {
  let after: string | null = null;
  for (let left = offset; left > 0; ) {
    const first = Math.min(left, MAX_PAGE);
    const page: { projects: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await call(SKIP, { first, after });
    if (!page.projects.pageInfo.hasNextPage) return undefined; // the offset is past the end
    after = page.projects.pageInfo.endCursor;
    left -= first;
  }
  return after;
}

export async function loadLegacyProject(call: GatewayCall, id: string) {
  const data = await call<{ project: GqlProject | null }>(GET, { id });
  if (!data.project) throw new RestError(404, 'NOT_FOUND', `Project "${id}" not found`, { project_id: id });
  return legacyProject(data.project, await componentKinds(call, [data.project]));
}

export const projectRoutes: RouteGroup = () => [
  {
    method: 'post',
    path: '/projects',
    operationId: 'createProject',
    tag: 'projects',
    summary: 'Create a project, empty or as a copy of a template graph',
    body: obj(
      {
        name: nonEmpty('Project name'),
        description: str('May be empty', { maxLength: 10_000 }),
        agent_id: nullable(str()),
        template_id: nullable(str('Start as a copy of this template (e.g. basic_agent)')),
        metadata: jsonObject(),
      },
      ['name', 'description'],
    ),
    response: project,
    errors: [404, 422],
    async handle({ body, call }) {
      const input = {
        name: body.name,
        description: body.description,
        agentId: body.agent_id ?? null,
        templateId: body.template_id ?? null,
        ...(body.metadata ? { metadata: body.metadata } : {}),
      };
      const data = await call<{ createProject: GqlProject }>(CREATE, { input });
      return { data: legacyProject(data.createProject, await componentKinds(call, [data.createProject])), message: 'Project created' };
    },
  },
  {
    method: 'get',
    path: '/projects',
    operationId: 'listProjects',
    tag: 'projects',
    summary: "The caller's projects, oldest first",
    query: obj(pagination(MAX_PAGE)),
    response: obj({ projects: arrayOf(project), count: int('Projects in this page'), total: int('All projects'), limit: int(), offset: int() }, [
      'projects',
      'count',
    ]),
    errors: [],
    async handle({ query, call }) {
      const after = await cursorAfter(call, query.offset);
      if (after === undefined) {
        const total = (await call<{ projects: { totalCount: number } }>(PAGE, { first: 0 })).projects.totalCount;
        return { data: { projects: [], count: 0, total, limit: query.limit, offset: query.offset } };
      }
      const data = await call<{ projects: { totalCount: number; nodes: GqlProject[] } }>(PAGE, { first: query.limit, after });
      const kinds = await componentKinds(call, data.projects.nodes);
      const projects = data.projects.nodes.map((p) => legacyProject(p, kinds));
      return { data: { projects, count: projects.length, total: data.projects.totalCount, limit: query.limit, offset: query.offset } };
    },
  },
  {
    method: 'get',
    path: '/projects/{project_id}',
    operationId: 'getProject',
    tag: 'projects',
    summary: 'A project',
    response: project,
    errors: [404],
    handle: async ({ params, call }) => ({ data: await loadLegacyProject(call, params.project_id) }),
  },
  {
    method: 'get',
    path: '/projects/{project_id}/export',
    operationId: 'exportProject',
    tag: 'projects',
    summary: 'The project as a versioned export document (JSON Schema: /schemas/project-document.json)',
    response: jsonObject('format "visual-builder/project", version 1, project, graph'),
    errors: [404],
    handle: async ({ params, call }) => ({ data: (await call<{ exportProject: unknown }>(EXPORT, { id: params.project_id })).exportProject }),
  },
  {
    method: 'post',
    path: '/projects/import',
    operationId: 'importProject',
    tag: 'projects',
    summary: 'Create a project from an export document',
    description:
      'Another format or an unknown version answers 400 with data.reason UNSUPPORTED_VERSION or INVALID_DOCUMENT; components that do not exist answer 422.',
    body: obj(
      {
        document: jsonObject('What GET /projects/{project_id}/export answered'),
        name: nullable(nonEmpty('Name of the new project (default: the one in the document)')),
      },
      ['document'],
    ),
    response: project,
    errors: [422],
    async handle({ body, call }) {
      const data = await call<{ importProject: GqlProject }>(IMPORT, { document: body.document, name: body.name ?? null });
      return { data: legacyProject(data.importProject, await componentKinds(call, [data.importProject])), message: 'Project imported' };
    },
  },
  deletionRoute({
    path: '/projects/{project_id}',
    operationId: 'deleteProject',
    tag: 'projects',
    summary: 'Delete a project (404 when it does not exist)',
    idParam: 'project_id',
    operation: DELETE,
    errors: [404, 409],
    message: 'Project deleted',
  }),
];
