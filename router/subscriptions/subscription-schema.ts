/**
 * The schema graphql-ws executes: the gateway's API schema extended with schema/subscriptions.graphql, with the
 * subscription resolvers attached; Apollo Server validates and introspects HTTP operations against a copy of it
 * (router/public-schema.ts). Rebuilt on every supergraph update. On a supergraph that lacks some of the types our
 * subscriptions name, only the subscriptions that fit are added (subscription-sdl.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { extendSchema, GraphQLObjectType, parse, type GraphQLSchema } from 'graphql';
import type { EventBus } from '../../platform/events';
import type { RouterContext } from '../gateway';
import { GatewayFieldResolver, type GatewayExecutor } from './gateway-fields';
import { subscriptionFields } from './subscription-fields';
import { fittingSubscriptions } from './subscription-sdl';

const SUBSCRIPTIONS_SDL = parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'subscriptions.graphql'), 'utf8'));

export function buildSubscriptionSchema(
  apiSchema: GraphQLSchema,
  bus: EventBus,
  execute: GatewayExecutor,
  entities: GatewayFieldResolver,
  bufferLimit: number,
): GraphQLSchema {
  const extension = fittingSubscriptions(SUBSCRIPTIONS_SDL, apiSchema);
  if (!extension) return apiSchema;
  const schema = extendSchema(apiSchema, extension, { assumeValidSDL: false });
  const generators = subscriptionFields(bus, execute, bufferLimit);
  const subscription = schema.getSubscriptionType()!.getFields();
  for (const [name, generator] of Object.entries(generators)) {
    const field = subscription[name];
    if (!field) continue;
    field.subscribe = (_root, args, context: RouterContext) => {
      // Ending the subscription aborts its topic streams, so a generator parked on `next()` finishes at once.
      const ended = new AbortController();
      const iterator = (generator as (a: unknown, c: RouterContext, s: AbortSignal) => AsyncGenerator)(args, context, ended.signal);
      const finish = iterator.return.bind(iterator);
      iterator.return = (value?: unknown) => {
        ended.abort();
        return finish(value);
      };
      return iterator;
    };
    field.resolve = (payload) => payload;
  }
  const attach = (typeName: string, fieldName: string, resolver: ReturnType<GatewayFieldResolver['field']>) => {
    const field = (schema.getType(typeName) as GraphQLObjectType | undefined)?.getFields()[fieldName];
    if (field) field.resolve = resolver as never;
  };
  attach(
    'ProjectChangeEvent',
    'project',
    entities.field({ rootField: 'project', idOf: (s) => s.projectId as string, eventKey: (s) => `project:${s.projectId}:${s.version}` }),
  );
  attach('RunEvent', 'run', entities.field({ rootField: 'run', idOf: (s) => s.runId as string, eventKey: (s) => `run:${s.runId}:${s.seq}` }));
  attach(
    'DebugEvent',
    'session',
    entities.field({ rootField: 'debugSession', idOf: (s) => s.sessionId as string, eventKey: (s) => `debug:${s.sessionId}:${s.seq}` }),
  );
  attach(
    'DeploymentEvent',
    'deployment',
    entities.field({ rootField: 'deployment', idOf: (s) => s.deploymentId as string, eventKey: (s) => `deployment:${s.deploymentId}:${s.status}:${s.at}` }),
  );
  return schema;
}
