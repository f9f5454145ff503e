/**
 * Python, read with tree-sitter's Python grammar. The seed's findings (range(len()) → enumerate / direct iteration,
 * print → logging, bare except) and more; rewrites only where the tree shows they cannot change what the program prints
 * or returns, the rest reported.
 */
import type { Node } from 'web-tree-sitter';
import { descendants, firstSyntaxError, withPythonTree } from './python-parser';
import type { LanguageOptimizer, Rewrite, TextEdit } from './types';

const edit = (node: Node, text: string): TextEdit => ({ start: node.startIndex, end: node.endIndex, text });
const report = (rule: string, node: Node, message: string): Rewrite => ({ rule, message, at: node.startIndex, edits: [] });

function freshName(base: string, taken: Set<string>): string {
  const clean = /^[A-Za-z_]\w*$/.test(base) ? base : 'item';
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) if (!taken.has(`${clean}_${i}`)) return `${clean}_${i}`;
}

function isAssignmentTarget(node: Node): boolean {
  const parent = node.parent;
  return Boolean(parent && (parent.type === 'assignment' || parent.type === 'augmented_assignment') && parent.childForFieldName('left')?.equals(node));
}

/** `for i in range(len(xs)):` → `for x in xs:` (only xs[i] reads) or `for i, x in enumerate(xs):`. */
function rangeLen(loop: Node, names: Set<string>): Rewrite | undefined {
  const left = loop.childForFieldName('left');
  const right = loop.childForFieldName('right');
  const body = loop.childForFieldName('body');
  if (left?.type !== 'identifier' || right?.type !== 'call' || !body || right.childForFieldName('function')?.text !== 'range') return undefined;
  const rangeArgs = right.childForFieldName('arguments')?.namedChildren ?? [];
  const lenCall = rangeArgs.length === 1 ? rangeArgs[0] : null;
  if (lenCall?.type !== 'call' || lenCall.childForFieldName('function')?.text !== 'len') return undefined;
  const lenArgs = lenCall.childForFieldName('arguments')?.namedChildren ?? [];
  const seq = lenArgs.length === 1 ? lenArgs[0] : null;
  if (!seq || (seq.type !== 'identifier' && seq.type !== 'attribute')) return undefined;
  const index = left.text;
  const message = `range(len(${seq.text})) loop: iterate ${seq.text} directly (enumerate() when the index is needed).`;
  const isElement = (n: Node | null): n is Node =>
    n?.type === 'subscript' && n.childForFieldName('value')?.text === seq.text && n.childForFieldName('subscript')?.text === index;
  const indexUses = descendants(body, 'identifier').filter((n) => n.text === index);
  const elementReads = indexUses.map((n) => n.parent).filter(isElement);
  // Writing xs[i], rebinding i or xs, or touching xs otherwise (xs.append…) makes direct iteration differ.
  const root = seq.type === 'identifier' ? seq.text : seq.text.split('.')[0];
  const seqTouched = descendants(body, 'identifier').some(
    (n) => n.text === root && !isElement(seq.type === 'identifier' ? n.parent : (n.parent?.parent ?? null)),
  );
  if (elementReads.some(isAssignmentTarget) || indexUses.some(isAssignmentTarget) || seqTouched || !elementReads.length)
    return report('py-range-len', loop, message);
  const element = freshName(seq.type === 'identifier' && seq.text.endsWith('s') && seq.text.length > 1 ? seq.text.slice(0, -1) : 'item', names);
  names.add(element);
  const indexElsewhere = indexUses.length > elementReads.length;
  const header = {
    start: left.startIndex,
    end: right.endIndex,
    text: indexElsewhere ? `${index}, ${element} in enumerate(${seq.text})` : `${element} in ${seq.text}`,
  };
  return { rule: 'py-range-len', message, at: loop.startIndex, edits: [header, ...elementReads.map((n) => edit(n, element))] };
}

/**
 * print() is reported, never rewritten: logging writes elsewhere (stderr, with a format), so a rewrite would change
 * what the program prints — the optimizer never does.
 */
function printCall(call: Node): Rewrite | undefined {
  if (call.childForFieldName('function')?.text !== 'print') return undefined;
  return report(
    'py-print-logging',
    call,
    'print() in program code: use logging (levels, handlers, timestamps) where the output is diagnostics; not rewritten, as it would change what the program prints.',
  );
}

function bareExcept(clause: Node): Rewrite | undefined {
  const first = clause.namedChildren[0];
  if (first && first.type !== 'block' && first.type !== 'comment') return undefined;
  // Reported only: `except Exception` would let SystemExit through, so a program that exits inside the try would
  // print and return something else.
  return report('py-bare-except', clause, 'Bare `except:` also catches KeyboardInterrupt and SystemExit; catch Exception (or narrower).');
}

/** `x == None` → `x is None` (None is a singleton; == can be overridden). */
function noneComparison(cmp: Node): Rewrite | undefined {
  if (cmp.childCount !== 3) return undefined;
  const [left, op, right] = [cmp.child(0)!, cmp.child(1)!, cmp.child(2)!];
  if ((op.type !== '==' && op.type !== '!=') || (left.type !== 'none' && right.type !== 'none')) return undefined;
  return {
    rule: 'py-none-compare',
    message: `Compare with None using \`${op.type === '==' ? 'is' : 'is not'}\`.`,
    at: op.startIndex,
    edits: [edit(op, op.type === '==' ? 'is' : 'is not')],
  };
}

/** `for k in d.keys():` → `for k in d:`. */
function keysIteration(loop: Node): Rewrite | undefined {
  const right = loop.childForFieldName('right');
  const fn = right?.type === 'call' ? right.childForFieldName('function') : null;
  if (!right || fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'keys' || right.childForFieldName('arguments')?.namedChildCount !== 0)
    return undefined;
  return {
    rule: 'py-dict-keys',
    message: 'Iterating a dict yields its keys: `.keys()` is redundant.',
    at: right.startIndex,
    edits: [edit(right, fn.childForFieldName('object')!.text)],
  };
}

/**
 * def f(x=[]): one default list shared by every call — reported, not rewritten: a program may rely on the sharing
 * (a counter, a cache), and the optimizer never changes what a program returns.
 */
function mutableDefault(param: Node): Rewrite | undefined {
  const value = param.childForFieldName('value');
  const name = param.childForFieldName('name');
  if (!value || !name || !['list', 'dictionary', 'set'].includes(value.type)) return undefined;
  return report('py-mutable-default', param, `Mutable default ${name.text}=${value.text} is shared by every call; default to None and create it inside.`);
}

function reportOnly(node: Node): Rewrite | undefined {
  if (node.type === 'call' && node.childForFieldName('function')?.text === 'open' && !hasAncestor(node, 'with_item'))
    return report('py-open-without-with', node, 'open() outside a `with` block leaks the file when an exception is raised.');
  if (node.type === 'comparison_operator' && node.childCount === 3 && /^type\(/.test(node.child(0)!.text) && node.child(1)!.type === '==')
    return report('py-type-compare', node, 'type(x) == T ignores subclasses; use isinstance(x, T).');
  if (
    node.type === 'augmented_assignment' &&
    node.child(1)?.type === '+=' &&
    node.childForFieldName('right')?.type === 'string' &&
    (hasAncestor(node, 'for_statement') || hasAncestor(node, 'while_statement'))
  ) {
    return report('py-string-concat-loop', node, 'Building a string with += in a loop is quadratic; collect the parts and "".join() them.');
  }
  return undefined;
}

function hasAncestor(node: Node, type: string): boolean {
  for (let p = node.parent; p; p = p.parent) if (p.type === type) return true;
  return false;
}

export const pythonOptimizer: LanguageOptimizer = {
  language: 'python',
  parser: 'tree-sitter-python (web-tree-sitter)',
  checks: [
    'py-range-len',
    'py-print-logging',
    'py-bare-except',
    'py-none-compare',
    'py-dict-keys',
    'py-mutable-default',
    'py-open-without-with',
    'py-type-compare',
    'py-string-concat-loop',
  ],
  syntaxError: (code) => withPythonTree(code, (tree) => firstSyntaxError(tree.rootNode)),
  rewrites: (code) =>
    withPythonTree(code, (tree) => {
      const root = tree.rootNode;
      const names = new Set(descendants(root, 'identifier').map((n) => n.text));
      const found: (Rewrite | undefined)[] = [];
      const stack: Node[] = [root];
      while (stack.length) {
        const node = stack.pop()!;
        if (node.type === 'for_statement') found.push(rangeLen(node, names), keysIteration(node));
        if (node.type === 'call') found.push(printCall(node));
        if (node.type === 'except_clause') found.push(bareExcept(node));
        if (node.type === 'comparison_operator') found.push(noneComparison(node));
        if (node.type === 'default_parameter' || node.type === 'typed_default_parameter') found.push(mutableDefault(node));
        found.push(reportOnly(node));
        for (let i = node.namedChildCount - 1; i >= 0; i--) stack.push(node.namedChild(i)!);
      }
      return found.filter((r): r is Rewrite => r !== undefined);
    }),
};
