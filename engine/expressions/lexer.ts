/**
 * Tokenizer. Produces one token at a time for the Pratt parser; positions are 0-based UTF-16 offsets.
 */
import { ExpressionError } from './errors';

export type TokenKind = 'number' | 'string' | 'name' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text for names and punctuation; decoded value for strings; numeric value for numbers. */
  text: string;
  value: number | string;
  start: number;
  end: number;
}

// Longest first, so "<=" wins over "<".
const PUNCTUATORS = ['&&', '||', '??', '==', '!=', '<=', '>=', '+', '-', '*', '/', '%', '<', '>', '!', '?', ':', '.', ',', '(', ')', '[', ']', '{', '}'];

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

export function isIdentifierStart(ch: string): boolean {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_' || ch === '$';
}

function isIdentifierPart(ch: string): boolean {
  return isIdentifierStart(ch) || isDigit(ch);
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** How a token is shown in "Unexpected token" messages. */
export function describeToken(token: Token): string {
  if (token.kind === 'eof') return 'end of expression';
  return `token ${JSON.stringify(token.text)}`;
}

export class Lexer {
  private pos = 0;

  constructor(private readonly source: string) {}

  next(): Token {
    const src = this.source;
    while (this.pos < src.length && isWhitespace(src[this.pos])) this.pos++;
    const start = this.pos;
    if (start >= src.length) return { kind: 'eof', text: '', value: '', start, end: start };
    const ch = src[start];
    if (isDigit(ch)) return this.readNumber(start);
    if (ch === '"' || ch === "'") return this.readString(start, ch);
    if (isIdentifierStart(ch)) {
      let end = start + 1;
      while (end < src.length && isIdentifierPart(src[end])) end++;
      this.pos = end;
      const text = src.slice(start, end);
      return { kind: 'name', text, value: text, start, end };
    }
    for (const p of PUNCTUATORS) {
      if (src.startsWith(p, start)) {
        this.pos = start + p.length;
        return { kind: 'punct', text: p, value: p, start, end: this.pos };
      }
    }
    throw new ExpressionError('EXPRESSION_SYNTAX', `Unexpected character ${JSON.stringify(ch)}`, start);
  }

  private readNumber(start: number): Token {
    const src = this.source;
    let end = start;
    const digits = () => {
      const from = end;
      while (end < src.length && isDigit(src[end])) end++;
      return end - from;
    };
    digits();
    // Leading zeros are octal in Go/Java-ish targets and illegal in Python 3: reject them outright.
    if (src[start] === '0' && end - start > 1) throw new ExpressionError('EXPRESSION_SYNTAX', 'Invalid number: leading zero', start);
    if (src[end] === '.' && isDigit(src[end + 1] ?? '')) {
      end++;
      digits();
    }
    if (src[end] === 'e' || src[end] === 'E') {
      end++;
      if (src[end] === '+' || src[end] === '-') end++;
      if (digits() === 0) throw new ExpressionError('EXPRESSION_SYNTAX', 'Invalid number: missing exponent digits', start);
    }
    // "1." / "1.x" / "1.5.2": a dot right after a number is never meaningful, so report it as a bad number.
    if (end < src.length && (isIdentifierPart(src[end]) || src[end] === '.')) {
      throw new ExpressionError('EXPRESSION_SYNTAX', `Invalid number ${JSON.stringify(src.slice(start, end + 1))}`, start);
    }
    const text = src.slice(start, end);
    const value = Number(text);
    if (!Number.isFinite(value)) throw new ExpressionError('EXPRESSION_SYNTAX', `Number out of range ${JSON.stringify(text)}`, start);
    this.pos = end;
    return { kind: 'number', text, value, start, end };
  }

  private readString(start: number, quote: string): Token {
    const src = this.source;
    let i = start + 1;
    let out = '';
    let chunkStart = i;
    while (i < src.length) {
      const ch = src[i];
      if (ch === quote) {
        out += src.slice(chunkStart, i);
        this.pos = i + 1;
        return { kind: 'string', text: src.slice(start, i + 1), value: out, start, end: i + 1 };
      }
      if (ch !== '\\') {
        i++;
        continue;
      }
      out += src.slice(chunkStart, i);
      const esc = src[i + 1];
      if (esc !== undefined && Object.hasOwn(SIMPLE_ESCAPES, esc)) {
        out += SIMPLE_ESCAPES[esc];
        i += 2;
      } else if (esc === 'u' && /^[0-9A-Fa-f]{4}$/.test(src.slice(i + 2, i + 6))) {
        out += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
        i += 6;
      } else {
        throw new ExpressionError('EXPRESSION_SYNTAX', `Invalid escape sequence ${JSON.stringify(src.slice(i, i + 2))}`, i);
      }
      chunkStart = i;
    }
    throw new ExpressionError('EXPRESSION_SYNTAX', 'Unterminated string', start);
  }
}
