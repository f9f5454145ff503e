/**
 * The expression AST: a discriminated union on `type`. Every node carries `start`/`end`, 0-based character offsets
 * into the source (`end` exclusive), so errors, the debugger and the code generators can point back at the text.
 */
export interface NodeSpan {
  start: number;
  end: number;
}

export type LiteralValue = string | number | boolean | null;

export interface LiteralNode extends NodeSpan {
  type: 'Literal';
  value: LiteralValue;
}

export interface ArrayNode extends NodeSpan {
  type: 'Array';
  elements: ExpressionNode[];
}

export interface PropertyNode extends NodeSpan {
  type: 'Property';
  key: string;
  value: ExpressionNode;
}

export interface ObjectNode extends NodeSpan {
  type: 'Object';
  properties: PropertyNode[];
}

/** A scope variable (`inputs`, `config`, `item`, …). */
export interface IdentifierNode extends NodeSpan {
  type: 'Identifier';
  name: string;
}

/** `object.property` */
export interface MemberNode extends NodeSpan {
  type: 'Member';
  object: ExpressionNode;
  property: string;
}

/** `object[index]` */
export interface IndexNode extends NodeSpan {
  type: 'Index';
  object: ExpressionNode;
  index: ExpressionNode;
}

/** A call to a function of the fixed table (the parser rejects any other callee). */
export interface CallNode extends NodeSpan {
  type: 'Call';
  callee: string;
  args: ExpressionNode[];
}

export type UnaryOperator = '-' | '!';

export interface UnaryNode extends NodeSpan {
  type: 'Unary';
  operator: UnaryOperator;
  argument: ExpressionNode;
}

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface BinaryNode extends NodeSpan {
  type: 'Binary';
  operator: BinaryOperator;
  /** Offset of the operator itself: type errors point here. */
  operatorStart: number;
  left: ExpressionNode;
  right: ExpressionNode;
}

export type LogicalOperator = '&&' | '||' | '??';

export interface LogicalNode extends NodeSpan {
  type: 'Logical';
  operator: LogicalOperator;
  operatorStart: number;
  left: ExpressionNode;
  right: ExpressionNode;
}

export interface ConditionalNode extends NodeSpan {
  type: 'Conditional';
  test: ExpressionNode;
  consequent: ExpressionNode;
  alternate: ExpressionNode;
}

export type ExpressionNode =
  | LiteralNode
  | ArrayNode
  | ObjectNode
  | IdentifierNode
  | MemberNode
  | IndexNode
  | CallNode
  | UnaryNode
  | BinaryNode
  | LogicalNode
  | ConditionalNode;

/** Any node, including object-literal properties (which are not expressions by themselves). */
export type AstNode = ExpressionNode | PropertyNode;
