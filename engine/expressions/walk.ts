/**
 * Generic traversal and static analysis of the AST. `freeVariables` lets the assistant and template checks see
 * which inputs/config an expression reads without running it.
 */
import type { AstNode, ExpressionNode } from './ast';

/** Direct children in source order. */
export function childrenOf(node: AstNode): AstNode[] {
  switch (node.type) {
    case 'Literal':
    case 'Identifier':
      return [];
    case 'Array':
      return node.elements;
    case 'Object':
      return node.properties;
    case 'Property':
      return [node.value];
    case 'Member':
      return [node.object];
    case 'Index':
      return [node.object, node.index];
    case 'Call':
      return node.args;
    case 'Unary':
      return [node.argument];
    case 'Binary':
    case 'Logical':
      return [node.left, node.right];
    case 'Conditional':
      return [node.test, node.consequent, node.alternate];
  }
}

/**
 * Depth-first, pre-order. Returning `false` from the visitor skips that node's children.
 * Iterative, so even a hand-built very deep AST cannot overflow the stack.
 */
export function walk(root: AstNode, visit: (node: AstNode, parent: AstNode | null) => boolean | void): void {
  const stack: Array<[AstNode, AstNode | null]> = [[root, null]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (visit(node, parent) === false) continue;
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i], node]);
  }
}

const IDENTIFIER_LIKE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * The static path a member chain reads: `inputs.a["b"]` → "inputs.a.b". Stops (returns null) at anything that is
 * not a plain `.name` or identifier-like string-literal index, so the caller keeps only the known prefix.
 */
function staticPath(node: ExpressionNode): string | null {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'Member') {
    const base = staticPath(node.object);
    return base === null ? null : `${base}.${node.property}`;
  }
  if (node.type === 'Index' && node.index.type === 'Literal' && typeof node.index.value === 'string' && IDENTIFIER_LIKE.test(node.index.value)) {
    const base = staticPath(node.object);
    return base === null ? null : `${base}.${node.index.value}`;
  }
  return null;
}

/**
 * Root identifiers and the longest static member paths read, deduplicated, in order of first appearance:
 * `inputs.text + config.limit * item[0]` → ["inputs.text", "config.limit", "item"].
 */
export function freeVariables(ast: AstNode): string[] {
  const seen = new Set<string>();
  walk(ast, (node, parent) => {
    if (node.type !== 'Identifier' && node.type !== 'Member' && node.type !== 'Index') return;
    // Only the outermost node of a chain reports; inner links are covered by it.
    if (parent !== null && isChainLink(parent) && parent.object === node && staticPath(parent) !== null) return;
    const path = staticPath(node);
    if (path !== null) seen.add(path);
  });
  return [...seen];
}

function isChainLink(node: AstNode): node is Extract<ExpressionNode, { type: 'Member' | 'Index' }> {
  return node.type === 'Member' || node.type === 'Index';
}
