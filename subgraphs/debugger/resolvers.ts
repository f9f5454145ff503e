/** GraphQL resolvers of the debugger subgraph: thin over DebugService; every read is limited to readers of the project. */
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { badInput } from '../../platform/errors';
import type { SubgraphContext } from '../../platform/subgraph-server';
import type { DebugApi } from './command-router';
import type { Resolvers } from './generated/resolvers-types';
import { nodeAt } from './graph-paths';
import type { Journal } from './journal';
import { legacyExecutionState } from './legacy-state';
import type { DebugSessionRecord } from './session-store';

const MAX_LIST = 100;
const MAX_TIMELINE = 1_000;

function bounded(value: number | null | undefined, fallback: number, max: number, field: string): number {
  const n = value ?? fallback;
  if (n < 0 || n > max) throw badInput(`${field} must be between 0 and ${max}`, { field });
  return n;
}

function sessionLoader(service: DebugApi, ctx: SubgraphContext) {
  return ctx.loader<string, DebugSessionRecord | null>('DebugSession:id', async (ids) => {
    const found = await service.getMany(ids, ctx.identity);
    return ids.map((id) => found.get(id) ?? null);
  });
}

function journalOf(service: DebugApi, ctx: SubgraphContext, session: DebugSessionRecord): Promise<Journal> {
  return ctx.loader<DebugSessionRecord, Journal>('DebugSession:journal', (sessions) => Promise.all(sessions.map((s) => service.journalOf(s)))).load(session);
}

export function debuggerResolvers(service: DebugApi): Resolvers {
  return {
    JSON: GraphQLJSON,
    DateTime: GraphQLDateTime,
    Query: {
      debugSession: (_, { id }, ctx) => sessionLoader(service, ctx).load(id),
      debugSessions: (_, { first, state }, ctx) => service.list(ctx.identity, bounded(first, 20, MAX_LIST, 'first'), state),
    },
    Mutation: {
      startDebugSession: (_, args, ctx) => service.start(args, ctx.identity),
      debugStep: (_, { sessionId, action }, ctx) => service.step(sessionId, action, ctx.identity),
      setBreakpoint: (_, { sessionId, nodeId, condition, enabled }, ctx) => service.setBreakpoint(sessionId, { nodeId, condition, enabled }, ctx.identity),
      removeBreakpoint: (_, { sessionId, nodeId }, ctx) => service.removeBreakpoint(sessionId, nodeId, ctx.identity),
      setBreakOnError: (_, { sessionId, enabled }, ctx) => service.setBreakOnError(sessionId, enabled, ctx.identity),
      addWatch: (_, { sessionId, expression }, ctx) => service.addWatch(sessionId, expression, ctx.identity),
      removeWatch: (_, { sessionId, watchId }, ctx) => service.removeWatch(sessionId, watchId, ctx.identity),
      evaluate: (_, { sessionId, expression }, ctx) => service.evaluate(sessionId, expression, ctx.identity),
      setVariable: (_, { sessionId, nodeId, port, value }, ctx) => service.setVariable(sessionId, nodeId, port, value, ctx.identity),
      endDebugSession: (_, { id }, ctx) => service.end(id, ctx.identity),
    },
    DebugSession: {
      __resolveReference: (ref, ctx) => sessionLoader(service, ctx).load(ref.id),
      pauseReason: (s) => (s.state === 'PAUSED' ? s.pauseReason : null),
      currentNodeId: (s) => s.position?.nodeId ?? null,
      currentInputs: (s) => s.position?.inputs ?? null,
      callStack: (s) => {
        if (!s.position) return [];
        const { frames, nodeId } = s.position;
        const current = { nodeId, componentId: nodeAt(s.graph, frames, nodeId)?.componentId ?? 'unknown', iteration: null, depth: frames.length };
        const enclosing = frames.map((f, depth) => ({
          nodeId: f.parentNodeId,
          componentId: nodeAt(s.graph, frames.slice(0, depth), f.parentNodeId)?.componentId ?? 'unknown',
          iteration: f.index,
          depth,
        }));
        return [current, ...enclosing.reverse()];
      },
      variables: async (s, _, ctx) => {
        const visible = (await journalOf(service, ctx, s)).visible(s.position?.frames ?? []);
        return [...visible.values()].map((n) => ({ nodeId: n.nodeId, frames: n.frames.map(toIterationFrame), inputs: n.inputs, outputs: n.outputs }));
      },
      timeline: async (s, { last }, ctx) => {
        const steps = (await journalOf(service, ctx, s)).steps().map((step, seq) => ({ ...step, seq }));
        const n = bounded(last, 200, MAX_TIMELINE, 'last');
        return (n === 0 ? [] : steps.slice(-n)).map((step) => ({ ...step, frames: step.frames.map(toIterationFrame) }));
      },
      legacyState: async (s, _, ctx) => legacyExecutionState(s, await journalOf(service, ctx, s)),
    },
    Project: {
      __resolveReference: (ref) => ({ id: ref.id }),
      debugSessions: async (project, { first }, ctx) => {
        const n = bounded(first, 20, MAX_LIST, 'first');
        const lists = await ctx.loader<string, DebugSessionRecord[]>(`DebugSession:project:${n}`, async (projectIds) => {
          const roles = await service.access.roles(projectIds, ctx.identity);
          const found = await service.listByProjects(
            projectIds.filter((id) => roles.get(id)),
            n,
          );
          return projectIds.map((id) => found.get(id) ?? []);
        });
        return lists.load(project.id);
      },
    },
  };
}

const toIterationFrame = (f: { parentNodeId: string; index: number }) => ({ nodeId: f.parentNodeId, index: f.index });
