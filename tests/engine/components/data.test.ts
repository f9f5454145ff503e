import { findBuiltinComponent } from '../../../engine/components';
import { invalidFields, run } from './run-context';

const def = (id: string) => findBuiltinComponent(id)!;

describe('input', () => {
  const input = def('core/input');
  it('emits the run input, type-checked', async () => {
    await expect(run(input, { name: 'question', type: 'string' }, { runInputs: { question: 'hi' } })).resolves.toEqual({ value: 'hi' });
    await expect(run(input, { name: 'n', type: 'array<number>' }, { runInputs: { n: [1, 2] } })).resolves.toEqual({ value: [1, 2] });
  });
  it('falls back to the default, fails when required, and stays silent when optional', async () => {
    await expect(run(input, { name: 'x', default: 5 })).resolves.toEqual({ value: 5 });
    await expect(run(input, { name: 'x' })).rejects.toThrow('node "node1": run input "x" is required');
    await expect(run(input, { name: 'x', required: false })).resolves.toEqual({});
  });
  it('rejects a run input of the wrong type', async () => {
    await expect(run(input, { name: 'q', type: 'string' }, { runInputs: { q: 42 } })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'node "node1": run input "q": expected string, got number',
    });
    await expect(run(input, { name: 'n', type: 'array<number>' }, { runInputs: { n: [1, 'two'] } })).rejects.toThrow('element 1: expected number, got string');
  });
  it('rejects bad config', () => {
    expect(invalidFields(input, {})).toEqual(['/name']);
    expect(invalidFields(input, { name: 'x', type: 'text' })).toEqual(['/type']);
  });
});

describe('output', () => {
  const output = def('core/output');
  it('emits nothing (the interpreter collects its input)', async () => {
    await expect(run(output, { name: 'answer' }, { inputs: { value: 1 } })).resolves.toEqual({});
  });
  it('requires its value and rejects bad config', async () => {
    await expect(run(output, {})).rejects.toMatchObject({ code: 'MISSING_INPUT' });
    expect(invalidFields(output, { name: '' })).toEqual(['/name']);
  });
});

describe('constant', () => {
  const constant = def('core/constant');
  it('emits its configured value', async () => {
    await expect(run(constant, { value: { a: [1] } })).resolves.toEqual({ value: { a: [1] } });
    await expect(run(constant, {})).resolves.toEqual({ value: null });
  });
  it('rejects unknown settings', () => {
    expect(invalidFields(constant, { valu: 1 })).toEqual(['/valu']);
  });
});

describe('template', () => {
  const template = def('core/template');
  it('fills placeholders from values and value', async () => {
    const values = { question: 'Why?', user: { name: 'Ada', tags: ['x', 'y'] }, n: 3 };
    await expect(
      run(template, { template: 'Q: {{question}} by {{ user.name }} ({{user.tags[1]}}, {{n}}, {{user.tags}}) {{value}}' }, { inputs: { values, value: '!' } }),
    ).resolves.toEqual({ text: 'Q: Why? by Ada (y, 3, ["x","y"]) !' });
  });
  it('lists every missing variable', async () => {
    await expect(run(template, { template: '{{a}} {{b.c}} {{a}} {{ok}}' }, { inputs: { values: { ok: 1, b: {} } } })).rejects.toMatchObject({
      code: 'TEMPLATE_ERROR',
      message: 'node "node1": missing template variables "a", "b.c" (available: ok, b)',
    });
  });
  it('rejects a non-object values input and bad config', async () => {
    await expect(run(template, { template: '{{x}}' }, { inputs: { values: 'x' } })).rejects.toThrow('input "values": expected object, got string');
    expect(invalidFields(template, {})).toEqual(['/template']);
  });
});

describe('transform', () => {
  const transform = def('core/transform');
  it('evaluates the expression with value, inputs and config in scope', async () => {
    await expect(run(transform, { expression: 'value.price * value.qty' }, { inputs: { value: { price: 2.5, qty: 4 } } })).resolves.toEqual({ value: 10 });
    const expression = 'inputs.value + len(config.expression)';
    await expect(run(transform, { expression }, { inputs: { value: 1 } })).resolves.toEqual({ value: 1 + expression.length });
  });
  it('reports expression errors with the node and the field', async () => {
    await expect(run(transform, { expression: 'value +' }, { inputs: { value: 1 } })).rejects.toMatchObject({ code: 'EXPRESSION_ERROR' });
    await expect(run(transform, { expression: 'value +' }, { inputs: { value: 1 } })).rejects.toThrow(/^node "node1": config\.expression "value \+": /);
  });
  it('requires its input and an expression', async () => {
    await expect(run(transform, { expression: '1' })).rejects.toMatchObject({ code: 'MISSING_INPUT' });
    expect(invalidFields(transform, { expression: '' })).toEqual(['/expression']);
  });
});

describe('json_parse', () => {
  const jsonParse = def('core/json_parse');
  it('parses JSON text, also inside a ```json fence', async () => {
    await expect(run(jsonParse, {}, { inputs: { text: '{"a":[1,true,null]}' } })).resolves.toEqual({ value: { a: [1, true, null] } });
    await expect(run(jsonParse, {}, { inputs: { text: '```json\n{"a":1}\n```' } })).resolves.toEqual({ value: { a: 1 } });
  });
  it('refuses fenced text when allowCodeFence is off, and invalid JSON with a preview', async () => {
    await expect(run(jsonParse, { allowCodeFence: false }, { inputs: { text: '```json\n{"a":1}\n```' } })).rejects.toMatchObject({ code: 'INVALID_JSON' });
    await expect(run(jsonParse, {}, { inputs: { text: '{oops' } })).rejects.toThrow('"{oops"');
    await expect(run(jsonParse, {}, { inputs: { text: 5 } })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
  it('rejects bad config', () => {
    expect(invalidFields(jsonParse, { allowCodeFence: 'yes' })).toEqual(['/allowCodeFence']);
  });
});

describe('get', () => {
  const get = def('core/get');
  const value = { user: { name: 'Ada', emails: ['a@x.test', 'b@x.test'] } };
  it('reads dotted and indexed paths', async () => {
    await expect(run(get, { path: 'user.name' }, { inputs: { value } })).resolves.toEqual({ value: 'Ada' });
    await expect(run(get, { path: 'user.emails[1]' }, { inputs: { value } })).resolves.toEqual({ value: 'b@x.test' });
    await expect(run(get, { path: 'user.emails.0' }, { inputs: { value } })).resolves.toEqual({ value: 'a@x.test' });
  });
  it('fails on a missing path naming where it stopped, unless a default is set', async () => {
    await expect(run(get, { path: 'user.address.city' }, { inputs: { value } })).rejects.toMatchObject({
      code: 'PATH_NOT_FOUND',
      message: 'node "node1": path "user.address.city" not found: "user.address" does not exist',
    });
    await expect(run(get, { path: 'user.address.city', default: 'n/a' }, { inputs: { value } })).resolves.toEqual({ value: 'n/a' });
    await expect(run(get, { path: 'user..name' }, { inputs: { value } })).rejects.toThrow('invalid path segment');
  });
  it('rejects bad config', () => {
    expect(invalidFields(get, {})).toEqual(['/path']);
  });
});

describe('set', () => {
  const set = def('core/set');
  it('returns a copy with the value set, creating missing levels', async () => {
    const object = { a: { b: 1 }, list: [1, 2] };
    await expect(run(set, { path: 'a.c.d' }, { inputs: { object, value: 'x' } })).resolves.toEqual({ value: { a: { b: 1, c: { d: 'x' } }, list: [1, 2] } });
    await expect(run(set, { path: 'list[1]' }, { inputs: { object, value: 9 } })).resolves.toEqual({ value: { a: { b: 1 }, list: [1, 9] } });
    expect(object).toEqual({ a: { b: 1 }, list: [1, 2] });
  });
  it('refuses to set inside a scalar or a non-object input', async () => {
    await expect(run(set, { path: 'a.b.c' }, { inputs: { object: { a: { b: 3 } }, value: 1 } })).rejects.toThrow('cannot set "c" inside a number');
    await expect(run(set, { path: 'a' }, { inputs: { object: [1], value: 1 } })).rejects.toThrow('input "object": expected object, got array');
  });
  it('rejects bad config', () => {
    expect(invalidFields(set, { path: 3 })).toEqual(['/path']);
  });
});

describe('object', () => {
  const object = def('core/object');
  it('zips keys with the connected values', async () => {
    await expect(run(object, { keys: ['question', 'context'] }, { inputs: { values: ['Q', { c: 1 }] } })).resolves.toEqual({
      value: { question: 'Q', context: { c: 1 } },
    });
  });
  it('fails when the number of wires does not match the keys', async () => {
    await expect(run(object, { keys: ['a', 'b'] }, { inputs: { values: [1] } })).rejects.toThrow('config.keys names 2 value(s) (a, b) but 1 are connected');
  });
  it('rejects bad config', () => {
    expect(invalidFields(object, { keys: [] })).toEqual(['/keys']);
    expect(invalidFields(object, { keys: ['a', 'a'] })).toEqual(['/keys']);
  });
});
