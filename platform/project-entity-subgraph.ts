/**
 * The read side shared by the subgraphs that extend Project with a list of their own entity: `Query.<entity>(id)`,
 * the entity's `__resolveReference`, and `Project.<listField>(first)` — all batched through DataLoader, all limited
 * to projects the caller may read (viewer or better; the workflow service says, through ProjectAccessClient).
 */
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { badInput } from './errors';
import { hasRole, type ProjectAccessClient } from './project-access';
import type { ProjectEntity, ProjectEntityStore } from './project-entity-store';
import type { SubgraphContext } from './subgraph-server';

export interface ProjectEntityResolverOptions<T extends ProjectEntity> {
  /** Any store with these two reads (a service with its own table, e.g. deployments, reuses the resolvers). */
  store: Pick<ProjectEntityStore<T>, 'getMany' | 'listByProjects'>;
  /** Who may read what: the caller's role on each entity's project. */
  access: ProjectAccessClient;
  /** GraphQL type name, e.g. `CodeArtifact`. */
  typeName: string;
  /** Root query field, e.g. `codeArtifact`. */
  queryField: string;
  /** Field on Project, e.g. `artifacts`. */
  projectField: string;
  /** Optional filter and order applied to a project's list (e.g. by status). */
  refine?: (items: T[], args: Record<string, unknown>) => T[];
}

const MAX_LIST = 100;

export function projectEntityResolvers<T extends ProjectEntity>(options: ProjectEntityResolverOptions<T>) {
  const { store, typeName, access } = options;
  const byId = (ctx: SubgraphContext) =>
    ctx.loader<string, T | null>(`${typeName}:id`, async (ids) => {
      const found = await store.getMany(ids);
      const readable = new Set(await access.filter([...found.values()], ctx.identity));
      return ids.map((id) => {
        const entity = found.get(id);
        return entity && readable.has(entity) ? entity : null;
      });
    });
  const byProject = (ctx: SubgraphContext, first: number) =>
    ctx.loader<string, T[]>(`${typeName}:project:${first}`, async (projectIds) => {
      const roles = await access.roles(projectIds, ctx.identity);
      const readable = projectIds.filter((id) => hasRole(roles.get(id), 'viewer'));
      const found = await store.listByProjects(readable, first);
      return projectIds.map((id) => found.get(id) ?? []);
    });
  return {
    JSON: GraphQLJSON,
    DateTime: GraphQLDateTime,
    Query: {
      [options.queryField]: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => byId(ctx).load(id),
    },
    [typeName]: {
      __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => byId(ctx).load(ref.id),
    },
    Project: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      [options.projectField]: async (project: { id: string }, args: Record<string, unknown>, ctx: SubgraphContext) => {
        const first = (args.first as number | undefined) ?? MAX_LIST;
        if (first < 0 || first > MAX_LIST) throw badInput(`first must be between 0 and ${MAX_LIST}`, { field: 'first' });
        const items = await byProject(ctx, first).load(project.id);
        return options.refine ? options.refine(items, args) : items;
      },
    },
  };
}
