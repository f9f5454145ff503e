/**
 * JavaScript and TypeScript, read with the TypeScript compiler API. Rewrites are applied only where they provably
 * keep behaviour; the rest is reported.
 */
import ts from 'typescript';
import { containsFunction, functionScope, identifierNames, isWrite, references } from './js-scope';
import type { LanguageOptimizer, Rewrite } from './types';

type Check = (node: ts.Node, file: ts.SourceFile, names: Set<string>) => Rewrite | undefined;

/** `var` → `const` (never written) or `let`, when block scoping cannot change what any reference sees. */
const varDeclaration: Check = (node, file) => {
  if (!ts.isVariableDeclarationList(node) || node.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) return undefined;
  const keyword = { start: node.getStart(file), end: node.getStart(file) + 3 };
  const rewrite = (text: string | null, message: string): Rewrite => ({
    rule: 'js-var',
    message,
    at: keyword.start,
    edits: text ? [{ ...keyword, text }] : [],
  });
  const names = node.declarations.map((d) => (ts.isIdentifier(d.name) ? d.name : undefined));
  if (names.some((n) => !n)) return rewrite(null, '`var` is function-scoped and hoisted; use `let` or `const`.');
  const scope = functionScope(node);
  const loop = ts.isForStatement(node.parent) || ts.isForOfStatement(node.parent) || ts.isForInStatement(node.parent) ? node.parent : undefined;
  const block = loop ?? node.parent.parent; // the statement's enclosing block (or the loop that owns the declaration)
  let written = false;
  for (const name of names as ts.Identifier[]) {
    for (const ref of references(scope, name.text)) {
      if (ref === name) continue;
      const inBlock = ref.getStart(file) >= block.getStart(file) && ref.getEnd() <= block.getEnd();
      const declaredTwice = ts.isVariableDeclaration(ref.parent) && ref.parent.name === ref;
      if (!inBlock || ref.getStart(file) < name.getStart(file) || declaredTwice)
        return rewrite(null, `\`var ${name.text}\` is used outside its block or before its declaration; make that explicit, then use \`let\`.`);
      if (isWrite(ref)) written = true;
    }
  }
  // A closure created in a loop would capture a fresh binding per iteration with `let`: different behaviour.
  if (loop && containsFunction(loop)) return rewrite(null, '`var` in a loop that creates closures: `let` would change what they capture; review by hand.');
  const forLoopCounter = loop && ts.isForStatement(loop);
  const allInitialised = node.declarations.every((d) => d.initializer !== undefined);
  const keywordText = !written && allInitialised && !forLoopCounter ? 'const' : 'let';
  return rewrite(keywordText, `\`var\` is function-scoped and hoisted; \`${keywordText}\` says what is meant.`);
};

/** `==` / `!=` → strict, only when both sides are known to be of the same primitive type (no coercion possible). */
const looseEquality: Check = (node, file) => {
  if (!ts.isBinaryExpression(node)) return undefined;
  const op = node.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  const kind = (e: ts.Expression) =>
    ts.isStringLiteralLike(e) || ts.isTypeOfExpression(e)
      ? 'string'
      : ts.isNumericLiteral(e)
        ? 'number'
        : e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword
          ? 'boolean'
          : undefined;
  const safe = kind(node.left) !== undefined && kind(node.left) === kind(node.right);
  const strict = op === ts.SyntaxKind.EqualsEqualsToken ? '===' : '!==';
  const at = node.operatorToken.getStart(file);
  return {
    rule: 'js-loose-equality',
    message: safe
      ? `\`${node.operatorToken.getText(file)}\` → \`${strict}\`: no coercion can happen here.`
      : `\`${node.operatorToken.getText(file)}\` coerces its operands; use \`${strict}\` (check the types first: this one is not rewritten automatically).`,
    at,
    edits: safe ? [{ start: at, end: node.operatorToken.getEnd(), text: strict }] : [],
  };
};

/** `a.indexOf(x) !== -1` / `> -1` / `>= 0` → `a.includes(x)`. */
const indexOfPresence: Check = (node, file) => {
  if (!ts.isBinaryExpression(node)) return undefined;
  const call = node.left;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'indexOf' || call.arguments.length !== 1)
    return undefined;
  const right = node.right.getText(file).replace(/\s+/g, '');
  const op = node.operatorToken.kind;
  const present =
    ((op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken || op === ts.SyntaxKind.GreaterThanToken) &&
      right === '-1') ||
    (op === ts.SyntaxKind.GreaterThanEqualsToken && right === '0');
  if (!present) return undefined;
  const message = 'Testing presence with indexOf: `includes` says it directly.';
  // includes() finds NaN where indexOf() does not: only a literal string or number is certain to behave the same.
  const argument = call.arguments[0];
  if (!ts.isStringLiteralLike(argument) && !ts.isNumericLiteral(argument))
    return { rule: 'js-indexof-includes', message: `${message} (not rewritten: for NaN the two differ)`, at: node.getStart(file), edits: [] };
  const text = `${call.expression.expression.getText(file)}.includes(${argument.getText(file)})`;
  return { rule: 'js-indexof-includes', message, at: node.getStart(file), edits: [{ start: node.getStart(file), end: node.getEnd(), text }] };
};

/** `for (let i = 0; i < xs.length; i++)` that only reads `xs[i]` → `for (const x of xs)` (the seed's range(len()) in JS). */
const indexLoop: Check = (node, file, names) => {
  if (!ts.isForStatement(node) || !node.initializer || !ts.isVariableDeclarationList(node.initializer) || node.initializer.declarations.length !== 1)
    return undefined;
  const decl = node.initializer.declarations[0];
  const cond = node.condition;
  if (
    !ts.isIdentifier(decl.name) ||
    decl.initializer?.getText(file) !== '0' ||
    !cond ||
    !ts.isBinaryExpression(cond) ||
    cond.operatorToken.kind !== ts.SyntaxKind.LessThanToken
  )
    return undefined;
  const index = decl.name.text;
  const length = cond.right;
  if (cond.left.getText(file) !== index || !ts.isPropertyAccessExpression(length) || length.name.text !== 'length' || !ts.isIdentifier(length.expression))
    return undefined;
  const incr = node.incrementor?.getText(file).replace(/\s+/g, '');
  if (![`${index}++`, `++${index}`, `${index}+=1`].includes(incr ?? '')) return undefined;
  const array = length.expression.text;
  const uses = references(node.statement, index);
  const onlyElementReads = uses.every(
    (u) => ts.isElementAccessExpression(u.parent) && u.parent.argumentExpression === u && u.parent.expression.getText(file) === array && !isAssigned(u.parent),
  );
  const arrayTouched = references(node.statement, array).some(
    (r) => !(ts.isElementAccessExpression(r.parent) && r.parent.expression === r && r.parent.argumentExpression.getText(file) === index),
  );
  const message = `Index loop over ${array}: iterate the elements with for…of.`;
  if (!uses.length || !onlyElementReads || arrayTouched) return { rule: 'js-index-loop', message, at: node.getStart(file), edits: [] };
  const element = freshName(array.endsWith('s') && array.length > 1 ? array.slice(0, -1) : `${array}Item`, names);
  names.add(element);
  const header = { start: node.getStart(file), end: node.statement.getStart(file), text: `for (const ${element} of ${array}) ` };
  return {
    rule: 'js-index-loop',
    message,
    at: node.getStart(file),
    edits: [header, ...uses.map((u) => ({ start: u.parent.getStart(file), end: u.parent.getEnd(), text: element }))],
  };
};

function isAssigned(access: ts.Node): boolean {
  const parent = access.parent;
  return (
    (ts.isBinaryExpression(parent) &&
      parent.left === access &&
      parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) ||
    ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && parent.operand === access)
  );
}

function freshName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`)) return `${base}${i}`;
}

/** Reported only: they need a decision the code does not show. */
const reportOnly: Check = (node, file) => {
  if (ts.isAwaitExpression(node) && insideLoop(node))
    return {
      rule: 'js-await-in-loop',
      message: '`await` inside a loop runs the calls one after another; if they are independent, start them together with Promise.all.',
      at: node.getStart(file),
      edits: [],
    };
  if (ts.isCallExpression(node) && node.expression.getText(file) === 'console.log')
    return { rule: 'js-console-log', message: 'console.log in application code: use a logger with levels.', at: node.getStart(file), edits: [] };
  if (
    ts.isCallExpression(node) &&
    node.expression.getText(file) === 'JSON.parse' &&
    node.arguments[0] &&
    ts.isCallExpression(node.arguments[0]) &&
    node.arguments[0].expression.getText(file) === 'JSON.stringify'
  )
    return {
      rule: 'js-json-clone',
      message: 'JSON round-trip to copy a value: structuredClone is faster and keeps Dates, Maps and Sets.',
      at: node.getStart(file),
      edits: [],
    };
  if (node.kind === ts.SyntaxKind.AnyKeyword)
    return {
      rule: 'ts-explicit-any',
      message: '`any` switches type checking off; use `unknown` and narrow it, or a precise type.',
      at: node.getStart(file),
      edits: [],
    };
  return undefined;
};

function insideLoop(node: ts.Node): boolean {
  for (let p = node.parent; p && !ts.isFunctionLike(p); p = p.parent) if (ts.isIterationStatement(p, false)) return true;
  return false;
}

const CHECKS: Check[] = [varDeclaration, looseEquality, indexOfPresence, indexLoop, reportOnly];

function parse(code: string, typescript: boolean) {
  return ts.createSourceFile(typescript ? 'input.ts' : 'input.js', code, ts.ScriptTarget.Latest, true, typescript ? ts.ScriptKind.TS : ts.ScriptKind.JS);
}

function makeOptimizer(language: string, typescript: boolean): LanguageOptimizer {
  return {
    language,
    parser: `typescript ${ts.version}`,
    checks: [
      'js-var',
      'js-loose-equality',
      'js-indexof-includes',
      'js-index-loop',
      'js-await-in-loop',
      'js-console-log',
      'js-json-clone',
      ...(typescript ? ['ts-explicit-any'] : []),
    ],
    async syntaxError(code) {
      const result = ts.transpileModule(code, { reportDiagnostics: true, fileName: typescript ? 'input.ts' : 'input.js', compilerOptions: { allowJs: true } });
      const error = result.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
      if (!error) return null;
      const where = error.file && error.start !== undefined ? error.file.getLineAndCharacterOfPosition(error.start) : undefined;
      return `${ts.flattenDiagnosticMessageText(error.messageText, ' ')}${where ? ` (line ${where.line + 1}, column ${where.character + 1})` : ''}`;
    },
    async rewrites(code) {
      const file = parse(code, typescript);
      const names = identifierNames(file);
      const found: Rewrite[] = [];
      const visit = (node: ts.Node) => {
        for (const check of CHECKS) {
          const rewrite = check(node, file, names);
          if (rewrite) found.push(rewrite);
        }
        ts.forEachChild(node, visit);
      };
      visit(file);
      return found;
    },
  };
}

export const javascriptOptimizer = makeOptimizer('javascript', false);
export const typescriptOptimizer = makeOptimizer('typescript', true);
