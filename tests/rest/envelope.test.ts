/** The shim's mapping of GraphQL error codes to HTTP statuses, and its validation messages. */
import { restErrorFrom } from '../../router/rest/gateway-call';
import { bodyValidator, queryValidator } from '../../router/rest/validation';
import { obj, pagination, position, str } from '../../router/rest/schemas';
import { RestError } from '../../router/rest/envelope';

test.each([
  ['BAD_USER_INPUT', {}, 400],
  ['UNAUTHENTICATED', {}, 401],
  ['FORBIDDEN', {}, 403],
  ['NOT_FOUND', {}, 404],
  ['CONFLICT', { currentVersion: 4 }, 409],
  ['LIMIT_EXCEEDED', {}, 413],
  ['INVALID_GRAPH', {}, 422],
  ['RATE_LIMITED', { retryAfterSeconds: 3 }, 429],
  ['NOT_IMPLEMENTED', {}, 501],
  ['SERVICE_UNAVAILABLE', { service: 'codegen' }, 502],
  ['SERVICE_UNAVAILABLE', {}, 503],
  ['INTERNAL_SERVER_ERROR', {}, 500],
  [undefined, {}, 500],
])('%s %j → HTTP %d', (code, extensions, status) => {
  const error = restErrorFrom({ message: 'm', extensions: { ...(code ? { code } : {}), ...extensions } });
  expect(error.status).toBe(status);
  expect(error.details).toEqual(extensions);
});

test('body validation names each field and why', () => {
  const validate = bodyValidator(obj({ name: str(), position, mode: str(undefined, { enum: ['a', 'b'] }) }, ['name']));
  let thrown: RestError | undefined;
  try {
    validate({ position: { x: 'left' }, mode: 'c', extra: 1 });
  } catch (err) {
    thrown = err as RestError;
  }
  expect(thrown).toBeInstanceOf(RestError);
  expect(thrown!.status).toBe(400);
  expect(thrown!.details.errors).toEqual(
    expect.arrayContaining([
      { field: 'name', reason: 'is required' },
      { field: 'position.x', reason: 'must be number' },
      { field: 'position.y', reason: 'is required' },
      { field: 'mode', reason: 'must be one of "a", "b"' },
      { field: 'extra', reason: 'is not a known field' },
    ]),
  );
  expect(thrown!.message).toMatch(/^Invalid request body: /);
});

test('query strings are coerced and defaulted', () => {
  const validate = queryValidator(obj(pagination()));
  const query: Record<string, unknown> = { limit: '5' };
  validate(query);
  expect(query).toEqual({ limit: 5, offset: 0 });
  expect(() => validate({ limit: '500' })).toThrow(/limit must be <= 100/);
});
