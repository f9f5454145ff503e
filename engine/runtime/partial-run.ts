/**
 * Pinned data and partial runs (n8n's "pin data" and "execute from here"). A plan says which nodes run and which
 * stand in with known values: a pinned node's pins (when the run uses pins), or a node's outputs in the last
 * successful run. From `fromNodeId`, only that node and what it feeds run; what they read comes from such values,
 * and upstream nodes without one run too (with their own upstream, recursively). Pure: the caller supplies the pins
 * (on the nodes) and the previous outputs, and replays through the interpreter's `beforeNode` hook.
 */
import type { PortValues } from '../components/types';
import type { WorkflowGraph } from '../model/types';
import type { StepHooks, StepRecord } from './types';

export type StandIn = { kind: 'pinned' | 'reused'; values: PortValues };

export interface PartialRunPlan {
  /** The nodes that take part (those that run and those that stand in) and the connections between them. */
  graph: WorkflowGraph;
  /** Nodes replayed instead of run, with the values they emit. */
  standIns: Map<string, StandIn>;
}

export interface PartialRunOptions {
  fromNodeId?: string | null;
  usePinned?: boolean;
  /** Outputs by node id from the last successful run (top-level steps). */
  previous?: ReadonlyMap<string, PortValues>;
}

/**
 * What a queued run executes: the plan's graph with its stand-ins by node id (plain JSON, so it is stored with the
 * run and sent to the run thread as is). Without stand-ins it is just the graph.
 */
export interface PlannedGraph extends WorkflowGraph {
  standIns?: Record<string, StandIn>;
}

export function plannedGraph(plan: PartialRunPlan): PlannedGraph {
  return plan.standIns.size ? { ...plan.graph, standIns: Object.fromEntries(plan.standIns) } : plan.graph;
}

/** Interpreter hooks that replay stand-ins (top level only) instead of running them; undefined when there are none. */
export function standInHooks(standIns: Record<string, StandIn> | undefined): StepHooks | undefined {
  if (!standIns || !Object.keys(standIns).length) return undefined;
  return { beforeNode: (b) => (!b.frames.length && Object.hasOwn(standIns, b.node.id) ? { replay: standIns[b.node.id].values } : undefined) };
}

/** A replayed step (attempt 0: the component did not run) is recorded PINNED or REUSED. */
export function markStandIns(steps: StepRecord[], standIns: Record<string, StandIn> | undefined): StepRecord[] {
  if (!standIns) return steps;
  return steps.map((s) =>
    !s.frames.length && s.attempt === 0 && s.status === 'succeeded' && Object.hasOwn(standIns, s.nodeId) ? { ...s, status: standIns[s.nodeId].kind } : s,
  );
}

export class PartialRunError extends Error {}

export function planPartialRun(graph: WorkflowGraph, options: PartialRunOptions): PartialRunPlan {
  const pinned = (id: string): StandIn | undefined => {
    const node = graph.nodes.find((n) => n.id === id);
    return options.usePinned && node?.pinnedOutput ? { kind: 'pinned', values: node.pinnedOutput } : undefined;
  };
  if (!options.fromNodeId) {
    // A whole run: pinned nodes stand in when pins are used.
    const standIns = new Map(graph.nodes.flatMap((n) => (pinned(n.id) ? [[n.id, pinned(n.id)!] as const] : [])));
    return { graph, standIns };
  }
  if (!graph.nodes.some((n) => n.id === options.fromNodeId)) throw new PartialRunError(`Node "${options.fromNodeId}" not found in the project`);
  const next = new Map<string, string[]>();
  const sources = new Map<string, string[]>();
  for (const c of graph.connections) {
    next.set(c.sourceId, [...(next.get(c.sourceId) ?? []), c.targetId]);
    sources.set(c.targetId, [...(sources.get(c.targetId) ?? []), c.sourceId]);
  }
  // The start node and everything downstream of it run (pinned ones downstream stand in when pins are used).
  const runs = new Set<string>();
  const queue = [options.fromNodeId];
  while (queue.length) {
    const id = queue.shift()!;
    if (runs.has(id)) continue;
    runs.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  const standIns = new Map<string, StandIn>();
  for (const id of runs) if (id !== options.fromNodeId && pinned(id)) standIns.set(id, pinned(id)!);
  // What they read: a pin or the last successful run's values; otherwise that node runs too, and so on upstream.
  const upstream = [...runs].flatMap((id) => (standIns.has(id) ? [] : (sources.get(id) ?? [])));
  while (upstream.length) {
    const id = upstream.shift()!;
    if (runs.has(id) || standIns.has(id)) continue;
    const known = pinned(id) ?? (options.previous?.has(id) ? { kind: 'reused' as const, values: options.previous.get(id)! } : undefined);
    if (known) {
      standIns.set(id, known);
      continue;
    }
    runs.add(id);
    upstream.push(...(sources.get(id) ?? []));
  }
  const keep = new Set([...runs, ...standIns.keys()]);
  return {
    graph: { nodes: graph.nodes.filter((n) => keep.has(n.id)), connections: graph.connections.filter((c) => keep.has(c.sourceId) && keep.has(c.targetId)) },
    standIns,
  };
}
