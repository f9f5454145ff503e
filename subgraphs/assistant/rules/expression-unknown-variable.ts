/**
 * An expression that reads a variable the node's scope does not have (a typo like `vlaue`, `inputs.x` where the node
 * has no port `x`) fails or reads null at run time. Found statically with the expression's free variables.
 */
import { freeVariables, parseExpression, walk, type ExpressionNode } from '../../../engine/expressions';
import type { NodeInstance } from '../../../engine/model/types';
import type { GraphContext } from '../analysis/graph-context';
import type { Finding, Rule } from './types';
import { describeNode, updateConfig } from './patch-helpers';

const BASE_SCOPE = ['inputs', 'config', 'value'];
/** Extra scope per component (engine/components/README.md § Expression scope). */
const EXTRA_SCOPE: Record<string, string[]> = {
  'core/filter': ['item', 'index'],
  'core/map': ['item', 'index'],
  'core/reduce': ['acc', 'item', 'index'],
};

/** [config field, expression] pairs of the node's expressions. */
function expressionsOf(node: NodeInstance): [string, string][] {
  const config = node.config ?? {};
  if (node.componentId === 'core/switch') {
    return (Array.isArray(config.cases) ? config.cases : []).flatMap((c: { expression?: unknown }, i: number) => (typeof c?.expression === 'string' ? [[`cases[${i}].expression`, c.expression] as [string, string]] : []));
  }
  if (node.componentId === 'core/map' && config.mode === 'subgraph') return [];
  return ['core/condition', 'core/transform', 'core/filter', 'core/map', 'core/reduce'].includes(node.componentId) && typeof config.expression === 'string' ? [['expression', config.expression]] : [];
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The one allowed name within two edits of `name`, if exactly one is. */
function closest(name: string, allowed: string[]): string | undefined {
  const near = allowed.filter((candidate) => editDistance(name, candidate) <= 2);
  return near.length === 1 ? near[0] : undefined;
}

/** The source with each identifier `from` (a root variable, not a property name) renamed to `to`. */
function renameRoot(source: string, ast: ExpressionNode, from: string, to: string): string {
  const spans: [number, number][] = [];
  walk(ast, (node) => {
    if (node.type === 'Identifier' && node.name === from) spans.push([node.start, node.end]);
  });
  return spans.sort((a, b) => b[0] - a[0]).reduce((text, [start, end]) => text.slice(0, start) + to + text.slice(end), source);
}

function checkExpression(ctx: GraphContext, node: NodeInstance, field: string, source: string): Finding[] {
  let ast: ExpressionNode;
  try {
    ast = parseExpression(source);
  } catch {
    return []; // config validation / the run reports syntax errors
  }
  const roots = [...BASE_SCOPE, ...(EXTRA_SCOPE[node.componentId] ?? [])];
  const ports = (ctx.component(node)?.inputs ?? []).map((p) => p.name);
  const findings: Finding[] = [];
  for (const path of freeVariables(ast)) {
    const [root, member] = path.split('.');
    let problem: string | undefined;
    let rename: [string, string] | undefined;
    if (!roots.includes(root)) {
      const guess = closest(root, roots);
      problem = `reads "${root}", which is not in its scope (${roots.join(', ')})${guess ? `; did you mean "${guess}"?` : ''}`;
      if (guess) rename = [root, guess];
    } else if (root === 'inputs' && member !== undefined && !ports.includes(member)) {
      problem = `reads inputs.${member} but the node has no input port "${member}" (ports: ${ports.join(', ') || 'none'})`;
    }
    if (!problem) continue;
    const fixed = rename && renameRoot(source, ast, rename[0], rename[1]);
    findings.push({
      nodeIds: [node.id],
      key: `${node.id}/${field}/${path}`,
      message: `${describeNode(node)}: ${field} ${JSON.stringify(source)} ${problem}.`,
      codeSnippets: fixed ? [fixed] : [source],
      patch: fixed && field === 'expression' ? [updateConfig(node, { expression: fixed })] : undefined,
    });
  }
  return findings;
}

export const expressionUnknownVariableRule: Rule = {
  id: 'expression-unknown-variable',
  kind: 'STRUCTURE',
  severity: 'HIGH',
  title: 'Expression reads a variable that does not exist',
  autoFix: true,
  bestPractices: ['Read the node\'s input as `value` (or `inputs.<port>`), array elements as `item`, and the accumulator as `acc`.'],
  check(ctx) {
    return ctx.graph.nodes.flatMap((node) => expressionsOf(node).flatMap(([field, source]) => checkExpression(ctx, node, field, source)));
  },
};
