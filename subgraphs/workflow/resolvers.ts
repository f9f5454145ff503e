/** GraphQL resolvers of the workflow subgraph: thin over ProjectService. */
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import type { NodeSettings } from '../../engine/model/types';
import type { StepRecord } from '../../engine/runtime/types';
import type { GraphEditInput } from '../../engine/model/edit-input';
import { appError, badInput } from '../../platform/errors';
import { isRouterService } from '../../platform/identity';
import type { ProjectRole } from '../../platform/project-access';
import type { ApiKeyStore } from './api-key-store';
import type { SecretStore } from './secret-store';
import type { SubgraphContext } from '../../platform/subgraph-server';
import type { NodeSettingsInput, ProjectRole as GqlRole, Resolvers } from './generated/resolvers-types';
import type { ProjectRecord } from './project-store';
import type { ProjectService } from './project-service';
import type { PresenceService } from './presence-store';
import type { RunService } from './run-service';
import type { RunSummary } from './run-store';

const toSettings = (input: NodeSettingsInput | null | undefined): NodeSettings | null =>
  input ? ({ ...input, onError: input.onError?.toLowerCase() as NodeSettings['onError'] } as NodeSettings) : null;

function projectLoader(service: ProjectService, ctx: SubgraphContext) {
  return ctx.loader<string, ProjectRecord | null>('project', async (ids) => {
    const found = await service.getMany(ids, ctx.identity);
    return ids.map((id) => found.get(id) ?? null);
  });
}

function runLoader(runs: RunService, ctx: SubgraphContext) {
  return ctx.loader<string, RunSummary | null>('run', async (ids) => {
    const found = await runs.getMany(ids, ctx.identity);
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Each project's newest runs, for every project of the request in one query (a dashboard lists many). */
function projectRunsLoader(runs: RunService, ctx: SubgraphContext, first: number) {
  return ctx.loader<ProjectRecord, RunSummary[]>(`projectRuns:${first}`, async (projects) => {
    const found = await runs.listByProjects(projects, first, ctx.identity);
    return projects.map((p) => found.get(p.id) ?? []);
  });
}

/** Steps are read only when selected, for every run of the request in one query. */
function stepsLoader(runs: RunService, ctx: SubgraphContext) {
  return ctx.loader<string, StepRecord[]>('runSteps', async (ids) => {
    const found = await runs.stepsOf(ids);
    return ids.map((id) => found.get(id) ?? []);
  });
}

const upper = <T extends string>(value: string) => value.toUpperCase() as T;

export function workflowResolvers(service: ProjectService, runs: RunService, presence: PresenceService, apiKeys: ApiKeyStore, secrets: SecretStore): Resolvers {
  return {
    JSON: GraphQLJSON,
    DateTime: GraphQLDateTime,
    Query: {
      project: (_, { id }, ctx) => projectLoader(service, ctx).load(id),
      projects: (_, { first, after }, ctx) => service.list(ctx.identity, first ?? 20, after),
      run: (_, { id }, ctx) => runLoader(runs, ctx).load(id),
      projectAccess: async (_, { projectIds }, ctx) =>
        (await service.access(projectIds, ctx.identity)).map((a) => ({ projectId: a.projectId, role: a.role ? upper<GqlRole>(a.role) : null })),
      exportProject: (_, { id }, ctx) => service.exportDocument(id, ctx.identity),
      apiKeys: (_, __, ctx) => apiKeys.list(ctx.identity),
      resolveApiKey: async (_, { key }, ctx) => {
        if (!isRouterService(ctx.identity)) throw appError('FORBIDDEN', 'Only the router resolves API keys');
        const found = await apiKeys.verify(key);
        return found && { userId: found.ownerId, keyId: found.id, name: found.name };
      },
    },
    Mutation: {
      createProject: (_, { input }, ctx) => service.create(input, ctx.identity),
      importProject: (_, { document, name }, ctx) => service.importDocument(document, name, ctx.identity),
      updateProject: (_, { id, input, expectedVersion }, ctx) => service.update(id, input, expectedVersion, ctx.identity),
      deleteProject: (_, { id, expectedVersion }, ctx) => service.delete(id, expectedVersion, ctx.identity),
      addComponent: (_, args, ctx) =>
        service.addComponent({ ...args, config: args.config as Record<string, unknown> | null, settings: toSettings(args.settings) }, ctx.identity),
      moveComponent: (_, { projectId, nodeId, position, expectedVersion }, ctx) =>
        service.moveComponent(projectId, nodeId, position, expectedVersion, ctx.identity),
      updateComponentConfig: (_, args, ctx) =>
        service.updateComponentConfig({ ...args, config: args.config as Record<string, unknown> | null, settings: toSettings(args.settings) }, ctx.identity),
      removeComponent: (_, { projectId, nodeId, expectedVersion }, ctx) => service.removeComponent(projectId, nodeId, expectedVersion, ctx.identity),
      connect: (_, args, ctx) => service.connect(args, ctx.identity),
      disconnect: (_, { projectId, connectionId, expectedVersion }, ctx) => service.disconnect(projectId, connectionId, expectedVersion, ctx.identity),
      applyGraphEdits: (_, { projectId, edits, expectedVersion }, ctx) =>
        service.applyGraphEdits(projectId, edits as GraphEditInput[], expectedVersion, ctx.identity),
      undo: (_, { projectId, expectedVersion }, ctx) => service.undo(projectId, expectedVersion, ctx.identity),
      redo: (_, { projectId, expectedVersion }, ctx) => service.redo(projectId, expectedVersion, ctx.identity),
      duplicateNodes: (_, { projectId, nodeIds, offset, expectedVersion }, ctx) =>
        service.duplicateNodes(projectId, nodeIds, offset, expectedVersion, ctx.identity),
      executeWorkflow: (_, { projectId, inputs, mode, fromNodeId, usePinned }, ctx) =>
        runs.execute(projectId, inputs, mode ?? 'SYNC', ctx.identity, { fromNodeId, usePinned: usePinned ?? false }),
      pinNodeOutput: (_, { projectId, nodeId, output, expectedVersion }, ctx) => service.pinOutput(projectId, nodeId, output, expectedVersion, ctx.identity),
      unpinNodeOutput: (_, { projectId, nodeId, expectedVersion }, ctx) => service.pinOutput(projectId, nodeId, null, expectedVersion, ctx.identity),
      cancelRun: (_, { id }, ctx) => runs.cancel(id, ctx.identity),
      updatePresence: async (_, { projectId, cursor, selection, ttlSeconds, sessionId }, ctx) => {
        await service.require(projectId, ctx.identity);
        const ttl = ttlSeconds ?? 30;
        if (ttl < 1 || ttl > 3600) throw badInput('ttlSeconds must be between 1 and 3600', { field: 'ttlSeconds' });
        if ((selection?.length ?? 0) > 1000) throw badInput('selection holds at most 1000 ids', { field: 'selection' });
        if (sessionId != null && !/^[^\u0000-\u001f]{1,100}$/.test(sessionId))
          throw badInput('sessionId must be 1 to 100 printable characters', { field: 'sessionId' });
        return presence.update(projectId, { id: ctx.identity.sub, name: ctx.identity.name }, sessionId, cursor ?? null, selection ?? [], ttl);
      },
      addProjectMember: (_, { projectId, userId, role }, ctx) => service.setMember(projectId, userId, role.toLowerCase() as ProjectRole, ctx.identity),
      removeProjectMember: (_, { projectId, userId }, ctx) => service.setMember(projectId, userId, null, ctx.identity),
      createApiKey: (_, { name }, ctx) => apiKeys.create(name, ctx.identity),
      revokeApiKey: (_, { id }, ctx) => apiKeys.revoke(id, ctx.identity),
      createSecret: async (_, { projectId, name, value }, ctx) => {
        await service.require(projectId, ctx.identity, 'owner');
        return secrets.put(projectId, name, value, ctx.identity.sub);
      },
      deleteSecret: async (_, { projectId, name }, ctx) => {
        await service.require(projectId, ctx.identity, 'owner');
        await secrets.delete(projectId, name);
        return true;
      },
      leavePresence: async (_, { projectId, sessionId }, ctx) => {
        await service.require(projectId, ctx.identity);
        return presence.leave(projectId, ctx.identity.sub, sessionId);
      },
    },
    Project: {
      __resolveReference: (ref, ctx) => projectLoader(service, ctx).load(ref.id),
      components: (project) => project.graph.nodes,
      connections: (project) => project.graph.connections,
      validation: (project, _, ctx) => service.validate(project.graph, ctx.identity),
      changes: (project, { sinceVersion, first }) => service.changes(project, sinceVersion ?? 0, first ?? 100),
      runs: (project, { first }, ctx) => projectRunsLoader(runs, ctx, first ?? 20).load(project),
      presence: (project) => presence.list(project.id),
      members: async (project) => (await service.members(project)).map((m) => ({ ...m, role: upper<GqlRole>(m.role) })),
      secrets: (project) => secrets.list(project.id),
      myRole: async (project, _, ctx) => upper<GqlRole>((await service.roleOf(project, ctx.identity)) ?? 'viewer'),
    },
    WorkflowRun: {
      __resolveReference: (ref, ctx) => runLoader(runs, ctx).load(ref.id),
      status: (run) => upper(run.status),
      steps: (run, _, ctx) => run.steps ?? stepsLoader(runs, ctx).load(run.id),
      durationMs: (run) => (run.startedAt && run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : null),
      queuePosition: (run) => runs.queuePosition(run),
      events: (run, { fromSeq, first }) => runs.eventsOf(run, fromSeq ?? 0, first ?? 1000),
    },
    RunStep: {
      status: (step) => upper(step.status),
      error: (step) => step.error ?? null,
    },
    ProjectConnection: {
      nodes: (page) => page.nodes,
      pageInfo: (page) => ({ hasNextPage: page.hasNextPage, endCursor: page.endCursor }),
      totalCount: (page) => page.totalCount,
    },
    ComponentInstance: {
      component: (node) => ({ __typename: 'Component', id: node.componentId }),
      settings: (node) =>
        node.settings ? { ...node.settings, onError: node.settings.onError?.toUpperCase() as 'FAIL' | 'CONTINUE' | 'ROUTE' | undefined } : null,
      label: (node) => node.label ?? null,
      pinnedOutput: (node) => node.pinnedOutput ?? null,
    },
  };
}
