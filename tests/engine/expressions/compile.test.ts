import {
  COMPILE_CACHE_SIZE,
  childrenOf,
  compileExpression,
  compiledExpressionCacheSize,
  freeVariables,
  parseExpression,
  walk,
  type AstNode,
} from '../../../engine/expressions';
import { failure } from './helpers';

describe('compileExpression', () => {
  it('parses once and evaluates against any scope', () => {
    const compiled = compileExpression('inputs.a * 2');
    expect(compiled.source).toBe('inputs.a * 2');
    expect(compiled.ast).toEqual(parseExpression('inputs.a * 2'));
    expect(compiled.evaluate({ inputs: { a: 2 } })).toBe(4);
    expect(compiled.evaluate({ inputs: { a: 5 } })).toBe(10);
    expect(compileExpression('inputs.a * 2')).toBe(compiled);
  });

  it('shares a frozen AST so one caller cannot corrupt another', () => {
    const { ast } = compileExpression('x + 1');
    expect(Object.isFrozen(ast)).toBe(true);
    expect(ast.type === 'Binary' && Object.isFrozen(ast.left)).toBe(true);
    expect(() => {
      (ast as { type: string }).type = 'Literal';
    }).toThrow(TypeError);
  });

  it('throws ExpressionError for invalid sources every time (errors are not cached)', () => {
    const first = failure(() => compileExpression('1 +'));
    expect(first).toMatchObject({ code: 'EXPRESSION_SYNTAX', position: 3 });
    expect(failure(() => compileExpression('1 +'))).toEqual(first);
  });

  it('keeps at most COMPILE_CACHE_SIZE entries, evicting the least recently used', () => {
    const kept = compileExpression('"kept"');
    const evictedFirst = compileExpression('"evicted"');
    for (let i = 0; i < COMPILE_CACHE_SIZE - 2; i++) compileExpression(`${i} + 0`);
    expect(compiledExpressionCacheSize()).toBe(COMPILE_CACHE_SIZE);
    expect(compileExpression('"kept"')).toBe(kept); // refreshes "kept"; "evicted" is now the oldest
    compileExpression('"newcomer"');
    expect(compiledExpressionCacheSize()).toBe(COMPILE_CACHE_SIZE);
    expect(compileExpression('"kept"')).toBe(kept);
    expect(compileExpression('"evicted"')).not.toBe(evictedFirst);
  });
});

describe('freeVariables', () => {
  it.each([
    ['inputs.text + config.limit', ['inputs.text', 'config.limit']],
    ['len(inputs.text) > config.limit ? inputs.text : ""', ['inputs.text', 'config.limit']],
    ['item[0] + item.name', ['item', 'item.name']],
    ['inputs.a[index].b', ['inputs.a', 'index']],
    ['inputs["b"].c + inputs["not ident"]', ['inputs.b.c', 'inputs']],
    ['acc + 1', ['acc']],
    ['{k: vars.x, list: [inputs]}', ['vars.x', 'inputs']],
    ['1 + len("x")', []],
    ['merge(a, b).c', ['a', 'b']],
  ])('%s → %j', (source, expected) => {
    expect(freeVariables(parseExpression(source))).toEqual(expected);
  });
});

describe('walk', () => {
  it('visits every node pre-order with its parent', () => {
    const visited: string[] = [];
    walk(parseExpression('a ? len(1) : {k: -b}'), (node, parent) => {
      visited.push(`${node.type}<${parent?.type ?? 'root'}`);
    });
    expect(visited).toEqual([
      'Conditional<root',
      'Identifier<Conditional',
      'Call<Conditional',
      'Literal<Call',
      'Object<Conditional',
      'Property<Object',
      'Unary<Property',
      'Identifier<Unary',
    ]);
  });

  it('skips the children of a node when the visitor returns false', () => {
    const names: string[] = [];
    walk(parseExpression('x + len(y) + z'), (node: AstNode) => {
      if (node.type === 'Identifier') names.push(node.name);
      return node.type !== 'Call';
    });
    expect(names).toEqual(['x', 'z']);
  });

  it('lists children in source order for every node type', () => {
    const ast = parseExpression('[a.b, c[d], -e, f + g, h && i, j ? k : l, {m: n}, len(o), 1]');
    const leaves: string[] = [];
    walk(ast, (node) => {
      if (childrenOf(node).length === 0 && node.type === 'Identifier') leaves.push(node.name);
    });
    expect(leaves.join('')).toBe('acdefghijklno');
  });
});
