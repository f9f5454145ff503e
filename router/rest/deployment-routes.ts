/** Deployment: POST /deploy, GET /deployments, GET/DELETE /deployments/{deployment_id}, GET /deployments/{deployment_id}/artifacts.zip, GET /config/templates. */
import { sendUpstreamZip } from './upstream-zip';
import { RestError } from './envelope';
import { storedOperation } from './gateway-call';
import type { RouteGroup } from './route-table';
import { arrayOf, bool, idField, int, jsonObject, nullable, obj, str } from './schemas';

const ENVIRONMENTS = ['development', 'staging', 'production'];
const TARGETS = ['local', 'docker', 'compose', 'kubernetes', 'helm', 'serverless_aws', 'serverless_gcp'];

const FIELDS = `fragment LegacyDeploymentFields on Deployment { id projectId status environment target language autoScale config endpoint error createdAt updatedAt logs(last: 100) { at level message } }`;
const DEPLOY = storedOperation(
  'LegacyDeploy',
  `mutation LegacyDeploy($projectId: ID!, $target: DeploymentTarget!, $environment: String!, $autoScale: Boolean, $overrides: JSON, $language: String) {
    deploy(projectId: $projectId, target: $target, environment: $environment, autoScale: $autoScale, overrides: $overrides, language: $language) { ...LegacyDeploymentFields }
  } ${FIELDS}`,
);
const GET = storedOperation('LegacyDeployment', `query LegacyDeployment($id: ID!) { deployment(id: $id) { ...LegacyDeploymentFields } } ${FIELDS}`);
const LIST = storedOperation(
  'LegacyDeployments',
  `query LegacyDeployments($projectId: ID!, $first: Int!) { deployments(projectId: $projectId, first: $first) { ...LegacyDeploymentFields } } ${FIELDS}`,
);
const CANCEL = storedOperation(
  'LegacyCancelDeployment',
  `mutation LegacyCancelDeployment($id: ID!) { cancelDeployment(id: $id) { ...LegacyDeploymentFields } } ${FIELDS}`,
);
const TEMPLATES = storedOperation('LegacyDeploymentTemplates', `query LegacyDeploymentTemplates { deploymentConfigTemplates }`);

interface GqlDeployment {
  id: string;
  projectId: string;
  status: string;
  environment: string;
  target: string;
  language: string;
  autoScale: boolean;
  config: unknown;
  endpoint: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  logs: { at: string; level: string; message: string }[];
}

const legacyDeployment = (d: GqlDeployment) => ({
  deployment_id: d.id,
  project_id: d.projectId,
  status: d.status.toLowerCase(),
  environment: d.environment,
  target: d.target.toLowerCase(),
  language: d.language,
  auto_scale: d.autoScale,
  config: d.config,
  endpoint: d.endpoint,
  error: d.error,
  created_at: d.createdAt,
  updated_at: d.updatedAt,
  logs: d.logs.map((l) => ({ timestamp: l.at, level: l.level, message: l.message })),
});

const deploymentSchema = obj(
  {
    deployment_id: str(),
    project_id: str(),
    status: str('pending, building, deploying, running, ready, stopped, failed or cancelled'),
    environment: str(),
    target: str(),
    language: str(),
    auto_scale: { type: 'boolean' },
    config: jsonObject('{environment, auto_scale, resources: {cpu, memory, replicas}, deployment_type, health_checks, networking, …}'),
    endpoint: nullable(str()),
    error: nullable(str()),
    created_at: str(),
    updated_at: str(),
    logs: arrayOf(obj({ timestamp: str(), level: str(), message: str() })),
  },
  ['deployment_id', 'project_id', 'status', 'environment', 'config', 'created_at', 'updated_at', 'logs'],
);

export const deploymentRoutes: RouteGroup = ({ config }) => [
  {
    method: 'post',
    path: '/deploy',
    operationId: 'deploy',
    tag: 'deployment',
    summary: 'Deploy the project; answers at once (pending) and the work proceeds — follow it with GET /deployments/{id}',
    description: 'target (ours) defaults to local, which runs the generated program (language python or javascript; python by default) on this machine.',
    body: obj(
      {
        project_id: idField('project'),
        environment: str(undefined, { enum: ENVIRONMENTS, default: 'development' }),
        auto_scale: bool(undefined, { default: false }),
        config_overrides: jsonObject('Deep-merged into the environment defaults (GET /config/templates)'),
        target: str(undefined, { enum: TARGETS, default: 'local' }),
        language: str(undefined, { enum: ['python', 'javascript', 'typescript'], default: 'python' }),
      },
      ['project_id'],
      { open: true },
    ),
    response: deploymentSchema,
    errors: [404, 409, 422],
    async handle({ body, call }) {
      const data = await call<{ deploy: GqlDeployment }>(DEPLOY, {
        projectId: body.project_id,
        target: body.target.toUpperCase(),
        environment: body.environment,
        autoScale: body.auto_scale,
        overrides: body.config_overrides ?? null,
        language: body.language,
      });
      return { data: legacyDeployment(data.deploy), message: 'Deployment started' };
    },
  },
  {
    method: 'get',
    path: '/deployments',
    operationId: 'listDeployments',
    tag: 'deployment',
    summary: "A project's deployments, newest first",
    query: obj({ project_id: idField('project'), limit: int('At most this many (1–100)', { minimum: 1, maximum: 100, default: 20 }) }, ['project_id']),
    response: obj({ deployments: arrayOf(deploymentSchema), count: int() }, ['deployments', 'count']),
    errors: [404],
    async handle({ query, call }) {
      const data = await call<{ deployments: GqlDeployment[] }>(LIST, { projectId: query.project_id, first: query.limit });
      return { data: { deployments: data.deployments.map(legacyDeployment), count: data.deployments.length } };
    },
  },
  {
    method: 'get',
    path: '/deployments/{deployment_id}',
    operationId: 'getDeployment',
    tag: 'deployment',
    summary: 'A deployment with its status and logs',
    response: deploymentSchema,
    errors: [404],
    async handle({ params, call }) {
      const { deployment } = await call<{ deployment: GqlDeployment | null }>(GET, { id: params.deployment_id });
      if (!deployment) throw new RestError(404, 'NOT_FOUND', `Deployment "${params.deployment_id}" not found`, { deployment_id: params.deployment_id });
      return { data: legacyDeployment(deployment) };
    },
  },
  {
    method: 'get',
    path: '/deployments/{deployment_id}/artifacts.zip',
    operationId: 'downloadDeploymentArtifacts',
    tag: 'deployment',
    summary: "The deployment's program and target artefacts as a zip (Deployment.downloadPath)",
    description:
      "Answered with the caller's access: 404 when the deployment does not exist or the caller cannot read its project; 409 while it has no files yet.",
    response: { type: 'string', format: 'binary' },
    file: { contentTypes: ['application/zip'] },
    errors: [404, 409, 502],
    async handle({ params, call, context, res }) {
      const { deployment } = await call<{ deployment: GqlDeployment | null }>(GET, { id: params.deployment_id });
      const notFound = new RestError(404, 'NOT_FOUND', `Deployment "${params.deployment_id}" not found`, { deployment_id: params.deployment_id });
      if (!deployment) throw notFound;
      await sendUpstreamZip(config, context, res, {
        service: 'deployment',
        path: `/deployments/${encodeURIComponent(deployment.id)}/artifacts.zip`,
        filename: `deployment_${deployment.target.toLowerCase()}_${deployment.id.slice(0, 8)}.zip`,
        notFound,
      });
    },
  },
  {
    method: 'delete',
    path: '/deployments/{deployment_id}',
    operationId: 'cancelDeployment',
    tag: 'deployment',
    summary: 'Cancel a deployment still in progress (409 once it finished)',
    response: deploymentSchema,
    errors: [404, 409],
    async handle({ params, call }) {
      const data = await call<{ cancelDeployment: GqlDeployment }>(CANCEL, { id: params.deployment_id });
      return { data: legacyDeployment(data.cancelDeployment), message: 'Deployment cancelled' };
    },
  },
  {
    method: 'get',
    path: '/config/templates',
    operationId: 'deploymentConfigTemplates',
    tag: 'deployment',
    summary: "Each environment's default deployment configuration",
    response: obj({ development: jsonObject(), staging: jsonObject(), production: jsonObject() }, [], { open: true }),
    errors: [],
    async handle({ call }) {
      const data = await call<{ deploymentConfigTemplates: Record<string, unknown> }>(TEMPLATES);
      return { data: data.deploymentConfigTemplates };
    },
  },
];
