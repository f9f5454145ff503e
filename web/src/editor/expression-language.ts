/**
 * The expression language and `{{path}}` templates in CodeMirror: a stream tokenizer for highlighting and a
 * completion source. Function names, signatures and descriptions come from the engine's own function table
 * (engine/expressions/functions), so the editor offers exactly what the parser accepts; variables come from the
 * component's `expressionFields[].scope` (registry `Component.expressionFields`).
 */
import { StreamLanguage, type StringStream } from '@codemirror/language';
import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { EXPRESSION_FUNCTIONS } from '../../../engine/expressions/functions/index.ts';

const KEYWORDS = new Set(['true', 'false', 'null']);

/** What a field may read: its scope names plus, for member completion, the node's input ports and config keys. */
export interface FieldScope {
  kind: 'expression' | 'template';
  scope: readonly string[];
  inputPorts: readonly string[];
  configKeys: readonly string[];
  /** Debugger expressions: the node ids `vars.` completes. */
  nodeIds?: readonly string[];
}

function tokenString(stream: StringStream, quote: string): string {
  let escaped = false;
  let ch: string | void;
  while ((ch = stream.next()) != null) {
    if (ch === quote && !escaped) break;
    escaped = !escaped && ch === '\\';
  }
  return 'string';
}

/** One token of an expression; `afterDot` marks a property name after `.`. */
function tokenExpression(stream: StringStream, state: { afterDot: boolean }): string | null {
  if (stream.eatSpace()) return null;
  const afterDot = state.afterDot;
  state.afterDot = false;
  const ch = stream.peek()!;
  if (ch === '"' || ch === "'") {
    stream.next();
    return tokenString(stream, ch);
  }
  if (/\d/.test(ch)) {
    stream.match(/^\d+(\.\d+)?([eE][+-]?\d+)?/);
    return 'number';
  }
  if (stream.match(/^[A-Za-z_$][\w$]*/)) {
    const word = stream.current();
    if (afterDot) return 'propertyName';
    if (KEYWORDS.has(word)) return word === 'null' ? 'null' : 'bool';
    if (stream.match(/^\s*\(/, false)) return word in EXPRESSION_FUNCTIONS ? 'variableName.function' : 'invalid';
    return 'variableName';
  }
  if (ch === '.') {
    stream.next();
    state.afterDot = true;
    return 'punctuation';
  }
  if (stream.match(/^(\?\?|\|\||&&|==|!=|<=|>=|[-+*/%<>!?:])/)) return 'operator';
  stream.next();
  return /[()[\]{},]/.test(ch) ? 'punctuation' : 'invalid';
}

export const expressionLanguage = StreamLanguage.define<{ afterDot: boolean }>({
  name: 'expression',
  startState: () => ({ afterDot: false }),
  token: tokenExpression,
});

/** Templates: plain text with `{{ path }}` placeholders highlighted. */
export const templateLanguage = StreamLanguage.define<{ inside: boolean; afterDot: boolean }>({
  name: 'template',
  startState: () => ({ inside: false, afterDot: false }),
  token(stream, state) {
    if (!state.inside) {
      if (stream.match('{{')) {
        state.inside = true;
        return 'brace';
      }
      // Up to the next placeholder (or the end of the line).
      if (!stream.skipTo('{{')) stream.skipToEnd();
      return null;
    }
    if (stream.match('}}')) {
      state.inside = false;
      return 'brace';
    }
    return tokenExpression(stream, state);
  },
});

const functionCompletions: Completion[] = Object.values(EXPRESSION_FUNCTIONS).map((f) => ({
  label: f.name,
  type: 'function',
  detail: f.signature.slice(f.name.length),
  info: f.description,
  apply: `${f.name}(`,
}));

/** Completion of functions and scope variables (expressions), members of `inputs`/`config`, and template paths. */
export function fieldCompletions(field: FieldScope): CompletionSource {
  const variables = field.scope.filter((name) => name !== '*');
  return (context: CompletionContext): CompletionResult | null => {
    const before = context.state.sliceDoc(0, context.pos);
    if (field.kind === 'template') {
      // Only inside an open placeholder.
      const open = before.lastIndexOf('{{');
      if (open < 0 || before.lastIndexOf('}}') > open) return null;
    }
    const member = /([A-Za-z_$][\w$]*)\s*\.\s*([\w$]*)$/.exec(before);
    if (member) {
      const keys = member[1] === 'inputs' ? field.inputPorts : member[1] === 'config' ? field.configKeys : member[1] === 'vars' ? (field.nodeIds ?? []) : [];
      if (!keys.length) return null;
      return { from: context.pos - member[2].length, options: keys.map((label) => ({ label, type: 'property' })), validFor: /^[\w$]*$/ };
    }
    const word = context.matchBefore(/[A-Za-z_$][\w$]*/);
    if (!word && !context.explicit) return null;
    const options: Completion[] = variables.map((label) => ({ label, type: 'variable', boost: 1 }));
    if (field.kind === 'expression') options.push(...functionCompletions, ...[...KEYWORDS].map((label) => ({ label, type: 'keyword' })));
    return { from: word ? word.from : context.pos, options, validFor: /^[\w$]*$/ };
  };
}
