/**
 * What a generator needs about a graph, reusing the interpreter's planner (same component resolution, config
 * defaults, input wiring and cycle check), plus the `optimize` pruning of nodes nothing depends on.
 */
import { findBuiltinComponent } from '../components';
import type { ComponentDefinition } from '../components/types';
import { planGraph, type PlannedNode } from '../runtime/graph-plan';
import type { WorkflowGraph } from '../model/types';
import { CodegenError } from './types';

/**
 * Dropping a node must not change outputs, so only components that declare `droppable` qualify (they can neither
 * fail nor touch the world: a dropped failing node would turn a failed run into a successful one). A declaration
 * contradicted by `sideEffects` or `requires` is ignored.
 */
function droppable(component: ComponentDefinition): boolean {
  return component.droppable === true && !component.sideEffects && (component.requires?.length ?? 0) === 0;
}

export interface CodeNode {
  planned: PlannedNode;
  /** Inputs with sources as indexes into the (possibly pruned) node list. */
  inputs: { port: string; multiple: boolean; sources: [number, string][] }[];
}

export function planForCodegen(graph: WorkflowGraph, optimize: boolean): CodeNode[] {
  let plan;
  try {
    plan = planGraph(graph, findBuiltinComponent, Number.MAX_SAFE_INTEGER);
  } catch (error) {
    throw new CodegenError((error as Error).message);
  }
  const keep = plan.nodes.map(() => true);
  if (optimize) pruneUnused(plan.nodes, keep);
  const newIndex: number[] = [];
  let next = 0;
  keep.forEach((kept, index) => (newIndex[index] = kept ? next++ : -1));
  return plan.nodes
    .filter((_, index) => keep[index])
    .map((planned) => ({
      planned,
      inputs: planned.inputs.map((input) => ({
        port: input.port,
        multiple: input.multiple,
        sources: input.sourceIndexes.map((source, i): [number, string] => [newIndex[source], input.sourcePorts[i]]),
      })),
    }));
}

/** Marks droppable nodes from which no output node can be reached, sinks first (a kept node keeps its sources). */
function pruneUnused(nodes: PlannedNode[], keep: boolean[]): void {
  const reachesOutput = nodes.map((n) => n.outputName !== undefined);
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of nodes) {
      if (!reachesOutput[n.index] && n.dependents.some((d) => reachesOutput[d])) changed = reachesOutput[n.index] = true;
    }
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of nodes) {
      if (keep[n.index] && !reachesOutput[n.index] && droppable(n.component) && n.dependents.every((d) => !keep[d])) {
        keep[n.index] = false;
        changed = true;
      }
    }
  }
}
