/** Our subscriptions fitted to a supergraph: only those whose types exist, with only the types they reach. */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, extendSchema, parse, printSchema } from 'graphql';
import { fittingSubscriptions } from '../../router/subscriptions/subscription-sdl';

const SDL = parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'subscriptions.graphql'), 'utf8'));
const fieldsOf = (schema: ReturnType<typeof buildSchema>) => Object.keys(schema.getSubscriptionType()?.getFields() ?? {});

test('a supergraph with none of our types gets no subscriptions at all', () => {
  expect(fittingSubscriptions(SDL, buildSchema('type Query { hello: String }'))).toBeUndefined();
});

test('a supergraph with some of our scalars gets the subscriptions they allow, and no stray types', () => {
  const api = buildSchema('scalar DateTime scalar JSON type Query { hello: String }');
  const schema = extendSchema(api, fittingSubscriptions(SDL, api)!);
  expect(fieldsOf(schema)).toEqual(['events']);
  expect(schema.getType('PlatformEvent')).toBeDefined();
  expect(schema.getType('DebugEventType')).toBeUndefined();
  expect(printSchema(schema)).not.toContain('RunEvent');
});

test('a type of ours that already exists there is not redefined; what needs it is left out', () => {
  const api = buildSchema('scalar DateTime scalar JSON type PlatformEvent { id: ID } type Query { hello: String }');
  expect(fittingSubscriptions(SDL, api)).toBeUndefined();
});

test('a supergraph with its own subscription root keeps it', () => {
  expect(fittingSubscriptions(SDL, buildSchema('scalar DateTime scalar JSON type Query { a: Int } type Subscription { tick: Int }'))).toBeUndefined();
});

// Our own supergraph gets every subscription: tests/federation/seventh-subgraph.test.ts and the realtime tests.
