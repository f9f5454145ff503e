import { findBuiltinComponent } from '../../../engine/components';
import { QuickJsSandbox } from '../../../engine/sandbox/quickjs-sandbox';
import { invalidFields, run } from './run-context';

const code = findBuiltinComponent('core/code')!;
const sandbox = new QuickJsSandbox();

describe('code (real QuickJS sandbox)', () => {
  it('runs the body with inputs and config.params, and emits the JSON result', async () => {
    const result = await run(
      code,
      { code: 'return { doubled: inputs.value.map((x) => x * config.factor), label: config.label };', params: { factor: 2, label: 'x' } },
      { inputs: { value: [1, 2, 3] }, services: { sandbox } },
    );
    expect(result).toEqual({ value: { doubled: [2, 4, 6], label: 'x' } });
  });

  it('emits null when the code returns nothing', async () => {
    await expect(run(code, { code: 'const a = 1;' }, { services: { sandbox } })).resolves.toEqual({ value: null });
  });

  it('fails with the error the user code throws, and stops runaway code at the deadline', async () => {
    await expect(run(code, { code: 'throw new Error("bad input: " + inputs.value);' }, { inputs: { value: 7 }, services: { sandbox } })).rejects.toThrow(
      'bad input: 7',
    );
    const started = Date.now();
    await expect(run(code, { code: 'while (true) {}', timeoutMs: 50 }, { services: { sandbox } })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('cannot reach host objects', async () => {
    await expect(run(code, { code: 'return typeof process + "/" + typeof require;' }, { services: { sandbox } })).resolves.toEqual({
      value: 'undefined/undefined',
    });
  });

  it('rejects bad config', () => {
    expect(invalidFields(code, {})).toEqual(['/code']);
    expect(invalidFields(code, { code: 'return 1', timeoutMs: 0, params: [] }).sort()).toEqual(['/params', '/timeoutMs']);
    expect(invalidFields(code, { code: 'return 1', timeoutMs: 60_001 })).toEqual(['/timeoutMs']);
  });
});
