import { parseExpression, type AstNode, type ExpressionNode } from '../../../engine/expressions';
import { parseFailure } from './helpers';

/** Fully parenthesised rendering, to assert precedence and associativity compactly. */
function shape(node: ExpressionNode): string {
  switch (node.type) {
    case 'Literal':
      return JSON.stringify(node.value);
    case 'Identifier':
      return node.name;
    case 'Member':
      return `${shape(node.object)}.${node.property}`;
    case 'Index':
      return `${shape(node.object)}[${shape(node.index)}]`;
    case 'Call':
      return `${node.callee}(${node.args.map(shape).join(', ')})`;
    case 'Unary':
      return `(${node.operator}${shape(node.argument)})`;
    case 'Binary':
    case 'Logical':
      return `(${shape(node.left)} ${node.operator} ${shape(node.right)})`;
    case 'Conditional':
      return `(${shape(node.test)} ? ${shape(node.consequent)} : ${shape(node.alternate)})`;
    case 'Array':
      return `[${node.elements.map(shape).join(', ')}]`;
    case 'Object':
      return `{${node.properties.map((p) => `${JSON.stringify(p.key)}: ${shape(p.value)}`).join(', ')}}`;
  }
}

const parsed = (source: string) => shape(parseExpression(source));

describe('precedence and associativity', () => {
  it.each([
    ['a + b * c', '(a + (b * c))'],
    ['a * b + c', '((a * b) + c)'],
    ['a - b - c', '((a - b) - c)'],
    ['a / b % c', '((a / b) % c)'],
    ['-a * b', '((-a) * b)'],
    ['!a && b', '((!a) && b)'],
    ['- -a', '(-(-a))'],
    ['a + b < c - d', '((a + b) < (c - d))'],
    ['a < b == c >= d', '((a < b) == (c >= d))'],
    ['a == b && c != d', '((a == b) && (c != d))'],
    ['a || b && c', '(a || (b && c))'],
    ['a ?? b || c', '(a ?? (b || c))'],
    ['a || b ?? c', '((a || b) ?? c)'],
    ['a ?? b ?? c', '((a ?? b) ?? c)'],
    ['a ? b : c ? d : e', '(a ? b : (c ? d : e))'],
    ['a ? b ? c : d : e', '(a ? (b ? c : d) : e)'],
    ['a ?? b ? c : d', '((a ?? b) ? c : d)'],
    ['(a + b) * c', '((a + b) * c)'],
    ['-a.b[c]', '(-a.b[c])'],
    ['len(a.b)[0].c', 'len(a.b)[0].c'],
    ['{a: 1, "b c": [2]}', '{"a": 1, "b c": [2]}'],
    ['x.true.null', 'x.true.null'],
  ])('%s → %s', (source, expected) => {
    expect(parsed(source)).toBe(expected);
  });
});

describe('AST nodes', () => {
  it('carries 0-based start/end offsets on every node', () => {
    const ast = parseExpression('  inputs.a + len(x[0])');
    expect(ast).toMatchObject({ type: 'Binary', operator: '+', start: 2, end: 22, operatorStart: 11 });
    if (ast.type !== 'Binary') throw new Error('unreachable');
    expect(ast.left).toMatchObject({ type: 'Member', property: 'a', start: 2, end: 10, object: { type: 'Identifier', start: 2, end: 8 } });
    expect(ast.right).toMatchObject({ type: 'Call', callee: 'len', start: 13, end: 22 });
    expect(ast.right.type === 'Call' && ast.right.args[0]).toMatchObject({ type: 'Index', start: 17, end: 21 });
  });

  it('parses literals with escapes, fractions and exponents', () => {
    const literal = (source: string) => (parseExpression(source) as Extract<AstNode, { type: 'Literal' }>).value;
    expect(literal('12.5e-1')).toBe(1.25);
    expect(literal('0')).toBe(0);
    expect(literal('1E+2')).toBe(100);
    expect(literal(String.raw`"\n\t\r\\\'\"\u0041\u00e9"`)).toBe('\n\t\r\\\'"Aé');
    expect(literal(String.raw`'say "hi"'`)).toBe('say "hi"');
    expect(literal('null')).toBeNull();
    expect(literal('false')).toBe(false);
  });

  it('keeps object-literal properties as nodes with spans', () => {
    expect(parseExpression('{"k": 1}')).toMatchObject({ type: 'Object', start: 0, end: 8, properties: [{ type: 'Property', key: 'k', start: 1, end: 7 }] });
  });

  it('allows member names that are keywords and whitespace everywhere between tokens', () => {
    expect(parsed(' \n\ta\r\n.\tnull ')).toBe('a.null');
  });
});

describe('syntax errors with positions', () => {
  it.each([
    ['', 'EXPRESSION_SYNTAX', 0, 'Unexpected end of expression at 0'],
    ['(1 + 2))', 'EXPRESSION_SYNTAX', 7, 'Unexpected token ")" at 7'],
    ['1 +', 'EXPRESSION_SYNTAX', 3, 'Unexpected end of expression at 3'],
    ['a.', 'EXPRESSION_SYNTAX', 2, 'Unexpected end of expression at 2'],
    ['a.1', 'EXPRESSION_SYNTAX', 2, 'Unexpected token "1" at 2'],
    ['a b', 'EXPRESSION_SYNTAX', 2, 'Unexpected token "b" at 2'],
    ['a === b', 'EXPRESSION_SYNTAX', 4, 'Unexpected character "=" at 4'],
    ['a # b', 'EXPRESSION_SYNTAX', 2, 'Unexpected character "#" at 2'],
    ['1.', 'EXPRESSION_SYNTAX', 0, 'Invalid number "1." at 0'],
    ['1.5.2', 'EXPRESSION_SYNTAX', 0, 'Invalid number "1.5." at 0'],
    ['.5', 'EXPRESSION_SYNTAX', 0, 'Unexpected token "." at 0'],
    ['007', 'EXPRESSION_SYNTAX', 0, 'Invalid number: leading zero at 0'],
    ['1e', 'EXPRESSION_SYNTAX', 0, 'Invalid number: missing exponent digits at 0'],
    ['12abc', 'EXPRESSION_SYNTAX', 0, 'Invalid number "12a" at 0'],
    ['"abc', 'EXPRESSION_SYNTAX', 0, 'Unterminated string at 0'],
    ["'a\\'", 'EXPRESSION_SYNTAX', 0, 'Unterminated string at 0'],
    ['"\\u12"', 'EXPRESSION_SYNTAX', 1, 'Invalid escape sequence "\\\\u" at 1'],
    ['a ? b', 'EXPRESSION_SYNTAX', 5, 'Unexpected end of expression at 5'],
    ['[1, 2', 'EXPRESSION_SYNTAX', 5, 'Unexpected end of expression at 5'],
    ['{a 1}', 'EXPRESSION_SYNTAX', 3, 'Unexpected token "1" at 3'],
    ['{1: 2}', 'EXPRESSION_SYNTAX', 1, 'Unexpected token "1" at 1'],
    ['{a: 1, "a": 2}', 'EXPRESSION_SYNTAX', 7, 'Duplicate key "a" at 7'],
    ['len(1,)', 'EXPRESSION_SYNTAX', 6, 'Unexpected token ")" at 6'],
    ['(len)(1)', 'EXPRESSION_SYNTAX', 5, 'Only functions of the function table can be called at 5'],
    ['inputs.trim(x)', 'EXPRESSION_SYNTAX', 11, 'Only functions of the function table can be called at 11'],
    ['eval("1")', 'EXPRESSION_UNKNOWN_NAME', 0, "unknown function 'eval' at 0"],
    ['1 + constructor(1)', 'EXPRESSION_UNKNOWN_NAME', 4, "unknown function 'constructor' at 4"],
    ['toString()', 'EXPRESSION_UNKNOWN_NAME', 0, "unknown function 'toString' at 0"],
    ['x + len()', 'EXPRESSION_TYPE', 4, 'len() expects 1 argument(s), got 0 at 4'],
    ['slice(1)', 'EXPRESSION_TYPE', 0, 'slice() expects 2 to 3 argument(s), got 1 at 0'],
    ['merge()', 'EXPRESSION_TYPE', 0, 'merge() expects at least 1 argument(s), got 0 at 0'],
  ])('%j → %s at %d', (source, code, position, message) => {
    expect(parseFailure(source)).toEqual({ code, position, message });
  });
});
