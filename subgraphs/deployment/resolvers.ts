/** GraphQL resolvers of the deployment subgraph: thin over DeploymentService; reads batched and limited to readers of the project. */
import { badInput } from '../../platform/errors';
import { projectEntityResolvers } from '../../platform/project-entity-subgraph';
import type { SubgraphContext } from '../../platform/subgraph-server';
import type { DeploymentRecord, DeploymentStore, LogLine } from './deployment-store';
import type { DeploymentService } from './deployment-service';
import { environmentTemplates } from './environment-config';
import type { Resolvers } from './generated/resolvers-types';
import { outputTail } from './local-supervisor';

const MAX_LIST = 100;

export const downloadPath = (id: string) => `/deployments/${encodeURIComponent(id)}/artifacts.zip`;

export function deploymentResolvers(store: DeploymentStore, service: DeploymentService): Resolvers {
  const read: Resolvers = projectEntityResolvers<DeploymentRecord>({
    store,
    access: service.access,
    typeName: 'Deployment',
    queryField: 'deployment',
    projectField: 'deployments',
  });
  return {
    ...read,
    Query: {
      ...read.Query,
      deployments: async (_, { projectId, first }, ctx) => {
        const limit = first ?? 20;
        if (limit < 0 || limit > MAX_LIST) throw badInput(`first must be between 0 and ${MAX_LIST}`, { field: 'first' });
        if (!(await service.access.role(projectId, ctx.identity))) return [];
        const found = await store.listByProjects([projectId], limit);
        return found.get(projectId) ?? [];
      },
      deploymentConfigTemplates: () => environmentTemplates(),
    },
    Mutation: {
      deploy: (_, args, ctx) =>
        service.deploy(
          {
            projectId: args.projectId,
            target: args.target,
            environment: args.environment,
            autoScale: args.autoScale ?? false,
            overrides: args.overrides,
            language: args.language ?? 'typescript',
          },
          ctx.identity,
        ),
      cancelDeployment: (_, { id }, ctx) => service.cancel(id, ctx.identity),
      stopDeployment: (_, { id }, ctx) => service.stop(id, ctx.identity),
      rollbackDeployment: (_, { id }, ctx) => service.rollback(id, ctx.identity),
    },
    Deployment: {
      ...read.Deployment,
      // Lists and entity fetches read deployments without their log: it is loaded (batched) only when selected.
      logs: async (d, { last }, ctx) => {
        const logs =
          d.logs ??
          (await (ctx as SubgraphContext)
            .loader<string, LogLine[]>('Deployment:logs', async (ids) => {
              const found = await store.logs(ids);
              return ids.map((id) => found.get(id) ?? []);
            })
            .load(d.id));
        return logs.slice(-Math.max(0, Math.min(last ?? 100, 200)));
      },
      output: (d) => (d.process ? outputTail(d.process.logFile, 16_000) : null),
      files: async (d, args) => {
        const kinds = args.program ? (['artifact', 'program'] as const) : (['artifact'] as const);
        const lists = await Promise.all(
          kinds.map(async (kind) => (await store.files(d.id, kind)).map((f) => ({ ...f, kind, size: Buffer.byteLength(f.content) }))),
        );
        return lists.flat();
      },
      downloadPath: (d) => downloadPath(d.id),
    },
  };
}
