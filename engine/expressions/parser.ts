/**
 * Hand-written Pratt parser: source → AST (SPEC.md §Grammar). Checks, before anything runs: syntax, that every
 * callee is in the function table with a valid argument count, source length, and nesting depth — the latter both
 * for parser recursion ("((((…") and for the built tree (long operator chains), so evaluation recursion is bounded.
 */
import type { BinaryOperator, ExpressionNode, LogicalOperator, PropertyNode, UnaryOperator } from './ast';
import { EXPRESSION_LIMITS, ExpressionError } from './errors';
import { acceptsArgumentCount, getExpressionFunction } from './functions';
import { describeToken, Lexer, type Token } from './lexer';

/** Binding power of infix operators; higher binds tighter. The ternary `?:` sits below all of them. */
export const BINARY_PRECEDENCE: Readonly<Record<BinaryOperator | LogicalOperator, number>> = Object.freeze({
  '??': 1,
  '||': 2,
  '&&': 3,
  '==': 4,
  '!=': 4,
  '<': 5,
  '<=': 5,
  '>': 5,
  '>=': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  '%': 7,
});

const LOGICAL_OPERATORS = new Set<string>(['&&', '||', '??']);
const KEYWORD_LITERALS: Record<string, boolean | null> = { true: true, false: false, null: null };

type Span = { start: number; end: number };
type Unplaced<T> = T extends ExpressionNode ? Omit<T, 'start' | 'end'> : never;

class Parser {
  private readonly lexer: Lexer;
  private token: Token;
  private nesting = 0;
  /** Height of each built subtree (leaves = 1), to bound the tree that operator loops build without recursing. */
  private readonly heights = new WeakMap<ExpressionNode, number>();

  constructor(source: string) {
    this.lexer = new Lexer(source);
    this.token = this.lexer.next();
  }

  parseRoot(): ExpressionNode {
    const node = this.parseExpression();
    if (this.token.kind !== 'eof') throw this.unexpected();
    return node;
  }

  private advance(): Token {
    const current = this.token;
    this.token = this.lexer.next();
    return current;
  }

  private isPunct(text: string): boolean {
    return this.token.kind === 'punct' && this.token.text === text;
  }

  private expect(text: string): Token {
    if (!this.isPunct(text)) throw this.unexpected();
    return this.advance();
  }

  private unexpected(): ExpressionError {
    const reason = this.token.kind === 'eof' ? 'Unexpected end of expression' : `Unexpected ${describeToken(this.token)}`;
    return new ExpressionError('EXPRESSION_SYNTAX', reason, this.token.start);
  }

  private enter(): void {
    if (++this.nesting > EXPRESSION_LIMITS.maxDepth) {
      throw new ExpressionError('EXPRESSION_LIMIT', `expression nested deeper than ${EXPRESSION_LIMITS.maxDepth} levels`, this.token.start);
    }
  }

  /** Places a node and enforces the tree-height limit. */
  private make<T extends ExpressionNode>(fields: Unplaced<T>, span: Span, children: readonly ExpressionNode[]): T {
    const node = { ...fields, start: span.start, end: span.end } as unknown as T;
    let height = 1;
    for (const child of children) height = Math.max(height, (this.heights.get(child) ?? 1) + 1);
    if (height > EXPRESSION_LIMITS.maxDepth) {
      throw new ExpressionError('EXPRESSION_LIMIT', `expression nested deeper than ${EXPRESSION_LIMITS.maxDepth} levels`, node.start);
    }
    this.heights.set(node, height);
    return node;
  }

  private parseExpression(): ExpressionNode {
    this.enter();
    const test = this.parseBinary(1);
    let result = test;
    if (this.isPunct('?')) {
      this.advance();
      const consequent = this.parseExpression();
      this.expect(':');
      const alternate = this.parseExpression();
      result = this.make({ type: 'Conditional', test, consequent, alternate }, { start: test.start, end: alternate.end }, [test, consequent, alternate]);
    }
    this.nesting--;
    return result;
  }

  private parseBinary(minPrecedence: number): ExpressionNode {
    let left = this.parseUnary();
    for (;;) {
      const token = this.token;
      if (token.kind !== 'punct' || !Object.hasOwn(BINARY_PRECEDENCE, token.text)) return left;
      const precedence = BINARY_PRECEDENCE[token.text as BinaryOperator];
      if (precedence < minPrecedence) return left;
      this.advance();
      const right = this.parseBinary(precedence + 1);
      const span = { start: left.start, end: right.end };
      left = LOGICAL_OPERATORS.has(token.text)
        ? this.make({ type: 'Logical', operator: token.text as LogicalOperator, operatorStart: token.start, left, right }, span, [left, right])
        : this.make({ type: 'Binary', operator: token.text as BinaryOperator, operatorStart: token.start, left, right }, span, [left, right]);
    }
  }

  private parseUnary(): ExpressionNode {
    if (this.isPunct('-') || this.isPunct('!')) {
      const operator = this.advance();
      this.enter();
      const argument = this.parseUnary();
      this.nesting--;
      return this.make({ type: 'Unary', operator: operator.text as UnaryOperator, argument }, { start: operator.start, end: argument.end }, [argument]);
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(base: ExpressionNode): ExpressionNode {
    let node = base;
    for (;;) {
      if (this.isPunct('.')) {
        this.advance();
        if (this.token.kind !== 'name') throw this.unexpected();
        const name = this.advance();
        node = this.make({ type: 'Member', object: node, property: name.text }, { start: node.start, end: name.end }, [node]);
      } else if (this.isPunct('[')) {
        this.advance();
        const index = this.parseExpression();
        const close = this.expect(']');
        node = this.make({ type: 'Index', object: node, index }, { start: node.start, end: close.end }, [node, index]);
      } else if (this.isPunct('(')) {
        throw new ExpressionError('EXPRESSION_SYNTAX', 'Only functions of the function table can be called', this.token.start);
      } else {
        return node;
      }
    }
  }

  private parsePrimary(): ExpressionNode {
    const token = this.token;
    switch (token.kind) {
      case 'number':
      case 'string':
        this.advance();
        return this.make({ type: 'Literal', value: token.value }, token, []);
      case 'name':
        this.advance();
        if (Object.hasOwn(KEYWORD_LITERALS, token.text)) return this.make({ type: 'Literal', value: KEYWORD_LITERALS[token.text] }, token, []);
        if (this.isPunct('(')) return this.parseCall(token);
        return this.make({ type: 'Identifier', name: token.text }, token, []);
      case 'punct':
        if (token.text === '(') {
          this.advance();
          const inner = this.parseExpression();
          this.expect(')');
          return inner;
        }
        if (token.text === '[') return this.parseArray();
        if (token.text === '{') return this.parseObject();
        throw this.unexpected();
      default:
        throw this.unexpected();
    }
  }

  /** Comma-separated items up to `close`; no trailing comma. Returns the closing token. */
  private parseList(close: string, item: () => void): Token {
    if (!this.isPunct(close)) {
      item();
      while (this.isPunct(',')) {
        this.advance();
        item();
      }
    }
    return this.expect(close);
  }

  private parseCall(callee: Token): ExpressionNode {
    const definition = getExpressionFunction(callee.text);
    if (!definition) throw new ExpressionError('EXPRESSION_UNKNOWN_NAME', `unknown function '${callee.text}'`, callee.start);
    this.advance();
    const args: ExpressionNode[] = [];
    const close = this.parseList(')', () => args.push(this.parseExpression()));
    if (!acceptsArgumentCount(definition, args.length)) {
      const expected =
        definition.maxArgs === definition.minArgs
          ? `${definition.minArgs}`
          : definition.maxArgs === null
            ? `at least ${definition.minArgs}`
            : `${definition.minArgs} to ${definition.maxArgs}`;
      throw new ExpressionError('EXPRESSION_TYPE', `${callee.text}() expects ${expected} argument(s), got ${args.length}`, callee.start);
    }
    return this.make({ type: 'Call', callee: callee.text, args }, { start: callee.start, end: close.end }, args);
  }

  private parseArray(): ExpressionNode {
    const open = this.advance();
    const elements: ExpressionNode[] = [];
    const close = this.parseList(']', () => elements.push(this.parseExpression()));
    return this.make({ type: 'Array', elements }, { start: open.start, end: close.end }, elements);
  }

  private parseObject(): ExpressionNode {
    const open = this.advance();
    const properties: PropertyNode[] = [];
    const seen = new Set<string>();
    const close = this.parseList('}', () => {
      const key = this.token;
      if (key.kind !== 'name' && key.kind !== 'string') throw this.unexpected();
      const keyText = String(key.value);
      if (seen.has(keyText)) throw new ExpressionError('EXPRESSION_SYNTAX', `Duplicate key ${JSON.stringify(keyText)}`, key.start);
      seen.add(keyText);
      this.advance();
      this.expect(':');
      const value = this.parseExpression();
      properties.push({ type: 'Property', key: keyText, value, start: key.start, end: value.end });
    });
    return this.make(
      { type: 'Object', properties },
      { start: open.start, end: close.end },
      properties.map((p) => p.value),
    );
  }
}

/** Parses an expression or throws `ExpressionError` (EXPRESSION_SYNTAX / _UNKNOWN_NAME / _TYPE for arity / _LIMIT). */
export function parseExpression(source: string): ExpressionNode {
  if (typeof source !== 'string') throw new ExpressionError('EXPRESSION_SYNTAX', 'expression must be a string', 0);
  if (source.length > EXPRESSION_LIMITS.maxSourceLength) {
    throw new ExpressionError('EXPRESSION_LIMIT', `expression longer than ${EXPRESSION_LIMITS.maxSourceLength} characters`, EXPRESSION_LIMITS.maxSourceLength);
  }
  return new Parser(source).parseRoot();
}
