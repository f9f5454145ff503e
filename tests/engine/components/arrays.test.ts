import { findBuiltinComponent } from '../../../engine/components';
import { invalidFields, run } from './run-context';

const def = (id: string) => findBuiltinComponent(id)!;

describe('filter', () => {
  const filter = def('core/filter');
  it('keeps items matching the expression, with item and index in scope', async () => {
    await expect(
      run(filter, { expression: 'item.score > 0.5 && index < 3' }, { inputs: { items: [{ score: 0.9 }, { score: 0.1 }, { score: 0.7 }, { score: 1 }] } }),
    ).resolves.toEqual({
      items: [{ score: 0.9 }, { score: 0.7 }],
    });
  });
  it('names the item whose expression did not give a boolean', async () => {
    await expect(run(filter, { expression: 'item' }, { inputs: { items: [true, 'yes'] } })).rejects.toThrow('must produce a boolean (item 1), got string');
  });
  it('rejects a non-array input and bad config', async () => {
    await expect(run(filter, { expression: 'true' }, { inputs: { items: { a: 1 } } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(invalidFields(filter, {})).toEqual(['/expression']);
  });
});

describe('reduce', () => {
  const reduce = def('core/reduce');
  it('folds with acc, item and index from initial', async () => {
    await expect(run(reduce, { expression: 'acc + item * index', initial: 100 }, { inputs: { items: [5, 6, 7] } })).resolves.toEqual({ value: 120 });
    await expect(run(reduce, { expression: '{sum: acc.sum + item, n: acc.n + 1}', initial: { sum: 0, n: 0 } }, { inputs: { items: [4, 6] } })).resolves.toEqual(
      { value: { sum: 10, n: 2 } },
    );
    await expect(run(reduce, { expression: 'acc + item' }, { inputs: { items: [] } })).resolves.toEqual({ value: null });
  });
  it('reports type errors from the expression', async () => {
    await expect(run(reduce, { expression: 'acc * item', initial: 1 }, { inputs: { items: [2, 'x'] } })).rejects.toMatchObject({ code: 'EXPRESSION_ERROR' });
  });
  it('rejects a non-array input and bad config', async () => {
    await expect(run(reduce, { expression: 'acc' }, { inputs: { items: 3 } })).rejects.toThrow('input "items": expected array, got number');
    expect(invalidFields(reduce, { initial: 0 })).toEqual(['/expression']);
  });
});

describe('length', () => {
  const length = def('core/length');
  it('counts arrays, strings (UTF-16 units like len()) and object keys', async () => {
    await expect(run(length, {}, { inputs: { value: [1, 2, 3] } })).resolves.toEqual({ length: 3 });
    await expect(run(length, {}, { inputs: { value: 'héllo' } })).resolves.toEqual({ length: 5 });
    await expect(run(length, {}, { inputs: { value: { a: 1, b: 2 } } })).resolves.toEqual({ length: 2 });
  });
  it('rejects numbers and bad config', async () => {
    await expect(run(length, {}, { inputs: { value: 5 } })).rejects.toThrow('expected an array, string or object, got number');
    expect(invalidFields(length, { of: 'x' })).toEqual(['/of']);
  });
});

describe('join', () => {
  const join = def('core/join');
  it('joins strings, numbers and booleans', async () => {
    await expect(run(join, {}, { inputs: { items: ['a', 1, true] } })).resolves.toEqual({ text: 'a, 1, true' });
    await expect(run(join, { separator: '' }, { inputs: { items: ['a', 'b'] } })).resolves.toEqual({ text: 'ab' });
  });
  it('refuses objects and nulls instead of printing them', async () => {
    await expect(run(join, {}, { inputs: { items: ['a', { b: 1 }] } })).rejects.toThrow('input "items"[1]: expected a string, number or boolean, got object');
    expect(invalidFields(join, { separator: 1 })).toEqual(['/separator']);
  });
});

describe('split', () => {
  const split = def('core/split');
  it('splits on newlines by default and on any separator', async () => {
    await expect(run(split, {}, { inputs: { text: 'a\nb\n' } })).resolves.toEqual({ items: ['a', 'b', ''] });
    await expect(run(split, { separator: ',', trim: true, removeEmpty: true }, { inputs: { text: ' a, b ,, c ' } })).resolves.toEqual({
      items: ['a', 'b', 'c'],
    });
    await expect(run(split, { separator: '' }, { inputs: { text: 'abc' } })).resolves.toEqual({ items: ['a', 'b', 'c'] });
  });
  it('rejects non-string input and bad config', async () => {
    await expect(run(split, {}, { inputs: { text: ['a'] } })).rejects.toThrow('input "text": expected string, got array');
    expect(invalidFields(split, { trim: 'yes' })).toEqual(['/trim']);
  });
});
