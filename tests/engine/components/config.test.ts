import { findBuiltinComponent, validateComponentConfig } from '../../../engine/components';

const classifier = findBuiltinComponent('core/classifier')!;
const http = findBuiltinComponent('core/http_request')!;

describe('validateComponentConfig', () => {
  it('returns a copy with defaults applied and leaves the given config untouched', () => {
    const given = { labels: ['a', 'b'] };
    const result = validateComponentConfig(classifier, given);
    expect(result).toEqual({ ok: true, config: { labels: ['a', 'b'] } });
    const withDefaults = validateComponentConfig(http, { url: 'https://example.test/x' });
    expect(withDefaults).toEqual({
      ok: true,
      config: { url: 'https://example.test/x', method: 'GET', headers: {}, timeoutMs: 10000, failOnErrorStatus: true },
    });
    const untouched = { url: 'https://example.test/x' };
    validateComponentConfig(http, untouched);
    expect(untouched).toEqual({ url: 'https://example.test/x' });
  });

  it('reports every error at once with JSON pointers to the fields', () => {
    const result = validateComponentConfig(classifier, { labels: ['ok', 7], model: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual(['/labels/1', '/model']);
  });

  it('names a missing required field and lists allowed values for enums', () => {
    const missing = validateComponentConfig(classifier, {});
    expect(missing).toEqual({ ok: false, errors: [{ field: '/labels', message: 'is required', missing: true }] });
    const badMethod = validateComponentConfig(http, { method: 'FETCH' });
    expect(badMethod.ok).toBe(false);
    if (!badMethod.ok) {
      expect(badMethod.errors[0].field).toBe('/method');
      expect(badMethod.errors[0].message).toContain('"POST"');
    }
  });

  it('treats a null or absent config as empty', () => {
    const constant = findBuiltinComponent('core/constant')!;
    expect(validateComponentConfig(constant, null)).toEqual({ ok: true, config: { value: null } });
  });
});
