import { builtinComponents, findBuiltinComponent, validateComponentConfig } from '../../../engine/components';
import { isPortType } from '../../../engine/components/port-types';

describe('built-in catalogue', () => {
  it('has at least 22 components with unique core/ ids, version 1.0.0 and complete metadata', () => {
    expect(builtinComponents.length).toBeGreaterThanOrEqual(22);
    const ids = builtinComponents.map((def) => def.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const def of builtinComponents) {
      expect(def.id).toMatch(/^core\/[a-z_]+$/);
      expect(def.version).toBe('1.0.0');
      expect(def.name).not.toBe('');
      expect(def.description.length).toBeGreaterThan(10);
      expect(def.icon).not.toBe('');
      expect(def.color).toMatch(/^#[0-9a-f]{6}$/);
      for (const port of [...def.inputs, ...def.outputs]) expect(isPortType(port.type)).toBe(true);
    }
  });

  it('resolves every legacy id of the original catalogue into its original category', () => {
    const legacy: Record<string, [string, string]> = {
      condition: ['core/condition', 'logic'],
      loop: ['core/map', 'logic'],
      function: ['core/code', 'logic'],
      input: ['core/input', 'data'],
      output: ['core/output', 'data'],
      transform: ['core/transform', 'data'],
      llm: ['core/llm', 'ai'],
      classifier: ['core/classifier', 'ai'],
      embedder: ['core/embedder', 'ai'],
    };
    for (const [legacyId, [id, category]] of Object.entries(legacy)) {
      const def = findBuiltinComponent(legacyId);
      expect(def?.id).toBe(id);
      expect(def?.category).toBe(category);
    }
    expect(findBuiltinComponent('core/http_request')?.category).toBe('integration');
    expect(findBuiltinComponent('nope')).toBeUndefined();
  });

  it('keeps the original port shapes of condition (1 in, 2 out), input (0 in) and output (0 out)', () => {
    const condition = findBuiltinComponent('condition')!;
    expect([condition.inputs.length, condition.outputs.length]).toEqual([1, 2]);
    expect(findBuiltinComponent('input')!.inputs).toHaveLength(0);
    expect(findBuiltinComponent('output')!.outputs).toHaveLength(0);
  });

  it('marks the world-touching components as side-effecting and only merge as partial-input', () => {
    const sideEffects = builtinComponents
      .filter((def) => def.sideEffects)
      .map((def) => def.id)
      .sort();
    expect(sideEffects).toEqual(['core/classifier', 'core/code', 'core/embedder', 'core/http_request', 'core/llm']);
    expect(builtinComponents.filter((def) => def.runsOnPartialInputs).map((def) => def.id)).toEqual(['core/merge']);
  });

  it('has config schemas that compile, apply defaults and reject unknown settings', () => {
    for (const def of builtinComponents) {
      const result = validateComponentConfig(def, { definitelyNotASetting: 1 });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => e.field)).toContain('/definitelyNotASetting');
    }
  });
});
