/** String functions. Lengths and offsets are UTF-16 code units (as in JavaScript and Java). */
import { checkStringLength, toText } from '../values';
import { arrayArg, fn, stringArg, type ExpressionFunction } from './arguments';

export const textFunctions: ExpressionFunction[] = [
  fn('lower', [1, 1], 'lower(s: string): string', 'Unicode default lower-casing, locale-independent.', (a) => stringArg(a, 0).toLowerCase()),
  fn('upper', [1, 1], 'upper(s: string): string', 'Unicode default upper-casing, locale-independent ("ß" → "SS").', (a) => stringArg(a, 0).toUpperCase()),
  fn('trim', [1, 1], 'trim(s: string): string', 'Removes leading and trailing whitespace (the ECMAScript WhiteSpace and LineTerminator set).', (a) =>
    stringArg(a, 0).trim(),
  ),
  fn('startsWith', [2, 2], 'startsWith(s: string, prefix: string): boolean', 'True if s begins with prefix ("" → true).', (a) =>
    stringArg(a, 0).startsWith(stringArg(a, 1)),
  ),
  fn('endsWith', [2, 2], 'endsWith(s: string, suffix: string): boolean', 'True if s ends with suffix ("" → true).', (a) =>
    stringArg(a, 0).endsWith(stringArg(a, 1)),
  ),
  fn(
    'replace',
    [3, 3],
    'replace(s: string, find: string, replacement: string): string',
    'Replaces every literal (non-regex) occurrence, left to right, non-overlapping; an empty `find` returns s unchanged.',
    replaceAll,
  ),
  fn(
    'split',
    [2, 2],
    'split(s: string, separator: string): array<string>',
    'Splits on every literal occurrence; separator "" splits into UTF-16 code units; split("", "") = [], split("", ",") = [""].',
    (a) => stringArg(a, 0).split(stringArg(a, 1)),
  ),
  fn('join', [1, 2], 'join(items: array, separator?: string = ","): string', 'Concatenates string() of each item with the separator between.', join),
];

function replaceAll(args: unknown[]): string {
  const subject = stringArg(args, 0);
  const find = stringArg(args, 1);
  const replacement = stringArg(args, 2);
  if (find === '') return subject;
  // split/join, not String.replaceAll: the latter gives "$&" and friends special meaning.
  const pieces = subject.split(find);
  checkStringLength(subject.length + (pieces.length - 1) * (replacement.length - find.length));
  return pieces.join(replacement);
}

function join(args: unknown[]): string {
  const items = arrayArg(args, 0);
  const separator = args.length > 1 ? stringArg(args, 1) : ',';
  const texts: string[] = new Array(items.length);
  let length = 0;
  for (let i = 0; i < items.length; i++) {
    texts[i] = toText(items[i]);
    length += texts[i].length + (i > 0 ? separator.length : 0);
    checkStringLength(length);
  }
  return texts.join(separator);
}
