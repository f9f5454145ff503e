/**
 * The federation conformance harness: synthetic subgraphs (buildSubgraphSchema + Apollo Server, on free ports, in
 * this process), composed with @apollo/composition, served side by side by OUR router (startRouter: pooled fetcher,
 * circuit breaker, retries, security, error masking — everything `npm start` runs) and by a plain
 * `new ApolloGateway({ supergraphSdl })` in Apollo Server. Each case sends the same request to both.
 */
import fs from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode } from 'graphql';
import pino from 'pino';
import { loadConfig, SERVICE_ENV, type AppConfig } from '../../platform/config';
import { createEventBus, type EventBus } from '../../platform/events';
import { startRouter, type RunningRouter } from '../../router/server';
import { postGraphQL } from '../support/supergraph';

export interface SyntheticSubgraph {
  name: string;
  url: string;
  typeDefs: DocumentNode;
  close(): Promise<void>;
}

/** `context` builds the resolvers' context from the request's headers (what the router sent). */
export async function startSyntheticSubgraph(
  name: string,
  typeDefs: DocumentNode,
  resolvers: GraphQLResolverMap<unknown>,
  context: (headers: IncomingHttpHeaders) => object = () => ({}),
): Promise<SyntheticSubgraph> {
  const server = new ApolloServer<object>({
    schema: buildSubgraphSchema({ typeDefs, resolvers }),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' }, context: async ({ req }) => context(req.headers) });
  return { name, url, typeDefs, close: () => server.stop() };
}

/** A supergraph SDL; `urls` replaces a subgraph's recorded URL (a dead port, an invalid URL). */
export function compose(subgraphs: { name: string; url: string; typeDefs: DocumentNode }[], urls: Record<string, string> = {}): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: urls[s.name] ?? s.url, typeDefs: s.typeDefs })));
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  return result.supergraphSdl;
}

/** Log lines of our router, to assert what it logged (and that it logged no error). */
export class LogCapture extends Writable {
  readonly lines: { level: number; msg: string; [k: string]: unknown }[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
  /** pino levels: 40 warn, 50 error. */
  at(level: number) {
    return this.lines.filter((l) => l.level === level);
  }
}

export interface Routers {
  ours: RunningRouter;
  plainUrl: string;
  config: AppConfig;
  logs: LogCapture;
  /** The same operation to ours, then to the plain gateway (`before` runs before each: reset shared state). */
  both(query: string, variables?: Record<string, unknown>, before?: () => void): Promise<{ ours: Response; plain: Response }>;
  close(): Promise<void>;
}

type Response = { data?: unknown; errors?: any[] };

/** An environment without our own services' address variables: nothing overrides the supergraph's URLs. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const service of Object.values(SERVICE_ENV)) {
    delete env[service.portVar];
    if (service.urlVar) delete env[service.urlVar];
  }
  return { ...env, LOG_LEVEL: 'silent', DATABASE_URL: '', REDIS_URL: '', ...extra };
}

export async function startRouters(supergraphSdl: string, env: Record<string, string> = {}): Promise<Routers> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-federation-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  fs.writeFileSync(supergraphPath, supergraphSdl);
  const config = loadConfig(cleanEnv({ SUPERGRAPH_PATH: supergraphPath, DATA_DIR: dir, ...env }));
  const logs = new LogCapture();
  const log = pino({ level: 'warn' }, logs);
  const events: EventBus = createEventBus({ source: 'federation-test', namespace: `fed-${process.pid}`, log });
  const ours = await startRouter(config, log, events, { port: 0 });

  const plain = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl }), includeStacktraceInErrorResponses: false });
  const { url: plainUrl } = await startStandaloneServer(plain, { listen: { port: 0, host: '127.0.0.1' } });
  const strip = ({ status: _status, ...body }: Response & { status: number }) => body;
  return {
    ours,
    plainUrl,
    config,
    logs,
    async both(query, variables, before) {
      before?.();
      const a = await postGraphQL(`${ours.url}/graphql`, query, variables);
      before?.();
      const b = await postGraphQL(plainUrl, query, variables);
      return { ours: strip(a), plain: strip(b) };
    },
    async close() {
      await ours.close();
      await plain.stop();
      await events.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
