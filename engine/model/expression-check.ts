/**
 * Static checks of a node's expressions and templates, as a compiler would: every field a component declares in
 * `expressionFields` is parsed with the engine's parser (syntax, known functions, arity) and its free variables are
 * checked against the field's scope. Validation reports the problems; the assistant turns them into findings.
 */
import { listPlaceholders } from '../components/placeholders';
import { parsePath } from '../components/paths';
import type { ExpressionField } from '../components/types';
import { ExpressionError, freeVariables, parseExpression, walk, type ExpressionNode } from '../expressions';
import type { NodeInstance, PortSpec } from './types';

/** One expression or template found in a config: `field` is the concrete JSON pointer (`/cases/1/expression`). */
export interface ExpressionSource {
  field: string;
  kind: ExpressionField['kind'];
  scope: readonly string[];
  source: string;
}

export interface ExpressionProblem {
  /** EXPRESSION_INVALID: does not parse (syntax, unknown function, arity); UNKNOWN_VARIABLE: reads a name out of scope. */
  code: 'EXPRESSION_INVALID' | 'UNKNOWN_VARIABLE';
  /** `error` blocks a run; `warning` (an `inputs.<port>` the node does not have reads null) does not. */
  severity: 'error' | 'warning';
  field: string;
  source: string;
  /** 0-based offset into the source. */
  position: number;
  /** Without the node: "reads "vaule", which is not in its scope (…); did you mean "value"?". */
  reason: string;
  /** For UNKNOWN_VARIABLE: the path read and, when exactly one scope name is near, the suggested rename of its root. */
  variable?: string;
  suggestion?: { from: string; to: string; fixed: string };
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Every string the config holds at `pointer` (`*` matches any array index or object key). */
export function expressionSources(config: Record<string, unknown>, fields: readonly ExpressionField[] | undefined): ExpressionSource[] {
  const found: ExpressionSource[] = [];
  for (const field of fields ?? []) {
    const segments = field.pointer.split('/').slice(1);
    const visit = (value: unknown, depth: number, path: string) => {
      if (depth === segments.length) {
        if (typeof value === 'string') found.push({ field: path, kind: field.kind, scope: field.scope, source: value });
        return;
      }
      if (value === null || typeof value !== 'object') return;
      const segment = segments[depth];
      const keys = segment === '*' ? Object.keys(value) : Object.prototype.hasOwnProperty.call(value, segment) ? [segment] : [];
      for (const key of keys) visit((value as Record<string, unknown>)[key], depth + 1, `${path}/${escapePointer(key)}`);
    };
    visit(config, 0, '');
  }
  return found;
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
function closest(name: string, allowed: readonly string[]): string | undefined {
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

/** Where a root identifier first appears, for the error position. */
function firstUse(ast: ExpressionNode, name: string): number {
  let at = -1;
  walk(ast, (node) => {
    if (at < 0 && node.type === 'Identifier' && node.name === name) at = node.start;
  });
  return Math.max(at, 0);
}

function checkExpression(found: ExpressionSource, ports: readonly PortSpec[]): ExpressionProblem[] {
  let ast: ExpressionNode;
  try {
    ast = parseExpression(found.source);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return [{ code: 'EXPRESSION_INVALID', severity: 'error', field: found.field, source: found.source, position: error.position, reason: error.reason }];
  }
  const roots = found.scope;
  const portNames = ports.map((p) => p.name);
  const problems: ExpressionProblem[] = [];
  for (const path of freeVariables(ast)) {
    const [root, member] = path.split('.');
    const base = { code: 'UNKNOWN_VARIABLE' as const, field: found.field, source: found.source, position: firstUse(ast, root), variable: path };
    if (!roots.includes(root)) {
      const guess = closest(root, roots);
      problems.push({
        ...base,
        severity: 'error',
        reason: `reads "${root}", which is not in its scope (${roots.join(', ')})${guess ? `; did you mean "${guess}"?` : ''}`,
        ...(guess ? { suggestion: { from: root, to: guess, fixed: renameRoot(found.source, ast, root, guess) } } : {}),
      });
    } else if (root === 'inputs' && member !== undefined && !portNames.includes(member)) {
      problems.push({
        ...base,
        severity: 'warning',
        reason: `reads inputs.${member} but the node has no input port "${member}" (ports: ${portNames.join(', ') || 'none'})`,
      });
    }
  }
  return problems;
}

/** A `{{path}}` placeholder must be a valid path; its root must be in scope unless the scope is open (`*`). */
function checkTemplate(found: ExpressionSource): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  const open = found.scope.includes('*');
  for (const placeholder of listPlaceholders(found.source)) {
    const position = Math.max(found.source.indexOf(placeholder), 0);
    let root: string | number;
    try {
      root = parsePath(placeholder)[0];
    } catch (error) {
      problems.push({
        code: 'EXPRESSION_INVALID',
        severity: 'error',
        field: found.field,
        source: found.source,
        position,
        reason: `placeholder {{${placeholder}}}: ${(error as Error).message}`,
      });
      continue;
    }
    if (!open && !found.scope.includes(String(root))) {
      problems.push({
        code: 'UNKNOWN_VARIABLE',
        severity: 'error',
        field: found.field,
        source: found.source,
        position,
        variable: placeholder,
        reason: `placeholder {{${placeholder}}} reads "${root}", which is not in its scope (${found.scope.join(', ')})`,
      });
    }
  }
  return problems;
}

/** Every problem in the node's expressions and templates (config as stored, before defaults). */
export function checkNodeExpressions(
  node: Pick<NodeInstance, 'config'>,
  component: { inputs: readonly PortSpec[]; expressionFields?: readonly ExpressionField[] },
): ExpressionProblem[] {
  return expressionSources(node.config ?? {}, component.expressionFields).flatMap((found) =>
    found.kind === 'template' ? checkTemplate(found) : checkExpression(found, component.inputs),
  );
}
