/** Number functions. Results pass through checkedNumber: never NaN, ±Infinity or -0. */
import { checkedNumber } from '../values';
import { argumentTypeError, fn, numberArg, numberArrayArg, type ExpressionFunction } from './arguments';

export const numericFunctions: ExpressionFunction[] = [
  fn('abs', [1, 1], 'abs(x: number): number', 'Absolute value.', (a) => Math.abs(numberArg(a, 0))),
  fn('floor', [1, 1], 'floor(x: number): number', 'Largest integer ≤ x.', (a) => checkedNumber(Math.floor(numberArg(a, 0)), 'floor')),
  fn('ceil', [1, 1], 'ceil(x: number): number', 'Smallest integer ≥ x.', (a) => checkedNumber(Math.ceil(numberArg(a, 0)), 'ceil')),
  fn('round', [1, 1], 'round(x: number): number', 'Nearest integer, halves away from zero: round(2.5) = 3, round(-2.5) = -3.', (a) =>
    checkedNumber(roundHalfAwayFromZero(numberArg(a, 0)), 'round'),
  ),
  fn('min', [1, null], 'min(x: number, ...) | min(items: array<number>): number', 'Smallest of the numbers (or of one non-empty array of numbers).', (a) =>
    extreme(a, (x, y) => x < y),
  ),
  fn('max', [1, null], 'max(x: number, ...) | max(items: array<number>): number', 'Largest of the numbers (or of one non-empty array of numbers).', (a) =>
    extreme(a, (x, y) => x > y),
  ),
  fn('sum', [1, 1], 'sum(items: array<number>): number', 'Left-to-right sum; [] → 0.', (a) => checkedNumber(total(numberArrayArg(a, 0)), 'sum')),
  fn('avg', [1, 1], 'avg(items: array<number>): number', 'sum(items) / len(items); an empty array is an error.', (a) => {
    const items = numberArrayArg(a, 0);
    if (items.length === 0) throw argumentTypeError(a, 0, 'a non-empty array of numbers');
    return checkedNumber(total(items) / items.length, 'avg');
  }),
];

/**
 * Spelled out rather than Math.round (halves toward +∞) so every target reproduces it: |x| − floor(|x|) is exact
 * for doubles, unlike floor(|x| + 0.5), which misrounds 0.49999999999999994.
 */
export function roundHalfAwayFromZero(x: number): number {
  const magnitude = Math.abs(x);
  const whole = Math.floor(magnitude);
  const rounded = magnitude - whole >= 0.5 ? whole + 1 : whole;
  return x < 0 ? -rounded : rounded;
}

function total(items: readonly number[]): number {
  let sum = 0;
  for (const item of items) sum += item;
  return sum;
}

function extreme(args: unknown[], better: (x: number, y: number) => boolean): number {
  const single = args.length === 1 && Array.isArray(args[0]);
  const items: readonly number[] = single ? numberArrayArg(args, 0) : args.map((_, i) => numberArg(args, i));
  if (items.length === 0) throw argumentTypeError(args, 0, 'a non-empty array of numbers');
  let best = items[0];
  for (const item of items) if (better(item, best)) best = item;
  return best;
}
