/**
 * Runs the rules over a graph. A patch is only offered when it passes checkPatch and, applied, really makes its
 * finding disappear (the rule re-run on the patched graph no longer reports the same fingerprint).
 */
import type { GraphEdit } from '../../../engine/model/edits';
import type { WorkflowGraph } from '../../../engine/model/types';
import type { ComponentShape } from '../../../engine/model/validate';
import { ANALYSIS_RULES, type Finding, type Rule } from '../rules';
import { GraphContext } from './graph-context';
import { checkPatch } from './patch-check';

export interface RuleFinding {
  rule: Rule;
  finding: Finding;
  /** Rule + subject: equal across versions for "the same" problem. */
  fingerprint: string;
  /** The verified patch, or null when there is none (or it did not pass the checks). */
  patch: GraphEdit[] | null;
}

export const fingerprintOf = (rule: Rule, finding: Finding) => `${rule.id}:${finding.key ?? [...finding.nodeIds].sort().join(',')}`;

export function analyzeGraph(graph: WorkflowGraph, components: ReadonlyMap<string, ComponentShape>, rules: readonly Rule[] = ANALYSIS_RULES): RuleFinding[] {
  const ctx = new GraphContext(graph, components);
  return rules.flatMap((rule) =>
    rule.check(ctx).map((finding) => {
      const fingerprint = fingerprintOf(rule, finding);
      return { rule, finding, fingerprint, patch: finding.patch ? verifiedPatch(graph, components, rule, fingerprint, finding.patch) : null };
    }),
  );
}

function verifiedPatch(
  graph: WorkflowGraph,
  components: ReadonlyMap<string, ComponentShape>,
  rule: Rule,
  fingerprint: string,
  patch: GraphEdit[],
): GraphEdit[] | null {
  const checked = checkPatch(graph, patch, components);
  if (!checked.ok) return null;
  const again = rule.check(new GraphContext(checked.graph, components));
  return again.some((f) => fingerprintOf(rule, f) === fingerprint) ? null : checked.edits;
}
