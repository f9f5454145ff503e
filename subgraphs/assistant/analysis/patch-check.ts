/**
 * The one gate every patch passes before it is offered (rules' and the model's alike): it must be a well-formed list
 * of graph edits, apply to the graph it was made for, and add no validation error — the same test the workflow
 * service applies when the patch is finally submitted.
 */
import { applyGraphEdits, GraphEditError, type GraphEdit } from '../../../engine/model/edits';
import { parseGraphEdits } from '../../../engine/model/edits-schema';
import type { WorkflowGraph } from '../../../engine/model/types';
import { validateGraph, type ComponentShape, type ValidationIssue } from '../../../engine/model/validate';

export type PatchCheck = { ok: true; edits: GraphEdit[]; graph: WorkflowGraph } | { ok: false; reason: string };

const issueKey = (i: ValidationIssue) => [i.code, i.nodeId, i.connectionId, i.port, i.field].join('\u0000');

export function checkPatch(graph: WorkflowGraph, patch: unknown, components: ReadonlyMap<string, ComponentShape>): PatchCheck {
  const parsed = parseGraphEdits(patch);
  if (!parsed.ok) return { ok: false, reason: parsed.message };
  if (!parsed.edits.length) return { ok: false, reason: 'the patch is empty' };
  let after: WorkflowGraph;
  try {
    after = applyGraphEdits(graph, parsed.edits);
  } catch (error) {
    if (error instanceof GraphEditError) return { ok: false, reason: error.message };
    throw error;
  }
  const known = new Set(validateGraph(graph, components).errors.map(issueKey));
  const added = validateGraph(after, components).errors.filter((e) => !known.has(issueKey(e)));
  if (added.length) return { ok: false, reason: `it would make the project invalid: ${added.map((e) => e.message).join('; ')}` };
  return { ok: true, edits: parsed.edits, graph: after };
}
