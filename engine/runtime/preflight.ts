/**
 * The one check before a graph runs, shared by runs (workflow) and debug sessions (debugger), so both refuse the
 * same graphs, in the same order, with the same messages: custom components without an implementation, then
 * validation errors, then (where the caller cannot keep secrets out of what it stores) secret references.
 */
import { findBuiltinComponent } from '../components';
import type { WorkflowGraph } from '../model/types';
import { validateGraph, type ComponentShape, type ValidationIssue, type ValidationReport } from '../model/validate';
import { secretNames } from '../secrets/secret-refs';

export interface PreflightProblem {
  code: 'NOT_IMPLEMENTED' | 'INVALID_GRAPH';
  message: string;
  issues?: ValidationIssue[];
}

export interface PreflightOptions {
  /** A validation report the caller already has (the workflow service validates against its catalog); else built-ins. */
  validation?: ValidationReport;
  /** `refused` where the caller would store secret values (the debugger keeps every value it shows). */
  secrets: 'allowed' | 'refused';
}

/** Why the graph cannot run, or undefined when it can. */
export function preflight(graph: WorkflowGraph, options: PreflightOptions): PreflightProblem | undefined {
  const custom = graph.nodes.filter((n) => !findBuiltinComponent(n.componentId));
  if (custom.length) {
    return {
      code: 'NOT_IMPLEMENTED',
      message: `Custom components have no implementation to run yet: ${custom.map((n) => `${n.id} (${n.componentId})`).join(', ')}`,
    };
  }
  const report =
    options.validation ?? validateGraph(graph, new Map<string, ComponentShape>(graph.nodes.map((n) => [n.componentId, findBuiltinComponent(n.componentId)!])));
  if (!report.valid)
    return { code: 'INVALID_GRAPH', message: `The project cannot run: ${report.errors.map((e) => e.message).join('; ')}`, issues: report.errors };
  const secrets = secretNames(graph);
  if (options.secrets === 'refused' && secrets.length) {
    return {
      code: 'NOT_IMPLEMENTED',
      message: `Debugging a project that uses secrets is not supported yet (it refers to ${secrets.map((s) => `"${s}"`).join(', ')}); run it with executeWorkflow`,
    };
  }
  return undefined;
}
