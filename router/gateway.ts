/**
 * The federated gateway over the composed supergraph: loaded statically from schema/supergraph.graphql, reloaded
 * when the file changes (the last good supergraph stays if a reload fails), subgraphs reached over pooled
 * keep-alive HTTP with the caller's identity signed into an internal token, behind a circuit breaker per subgraph.
 */
import fs from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { AppConfig, SubgraphName } from '../platform/config';
import { appError } from '../platform/errors';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken, type Identity } from '../platform/identity';
import type { Logger } from '../platform/logger';
import { createResilientFetcher } from './resilient-fetcher';
import { createPooledFetcher } from './subgraph-fetcher';

export interface RouterContext {
  identity: Identity;
  requestId: string;
}

class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    fetcher: RemoteGraphQLDataSource['fetcher'],
    private readonly secret: string,
  ) {
    super({ url, fetcher });
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>) {
    const headers = request.http!.headers;
    if (context?.identity) headers.set(INTERNAL_TOKEN_HEADER, await signInternalToken(context.identity, this.secret));
    if (context?.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /** A subgraph that cannot be reached is named; its internal URL is not. */
  override didEncounterError(error: Error): never {
    if (error instanceof GraphQLError) {
      const { response: _internal, ...extensions } = error.extensions as Record<string, unknown>;
      throw new GraphQLError(error.message, { extensions: { ...extensions, service: this.serviceName } });
    }
    throw appError('SERVICE_UNAVAILABLE', `The ${this.serviceName} service is unavailable`, { service: this.serviceName });
  }
}

export interface Gateway {
  gateway: ApolloGateway;
  close(): Promise<void>;
}

export function createGateway(config: AppConfig, log: Logger): Gateway {
  const pooled = createPooledFetcher({ timeoutMs: config.subgraphTimeoutMs });
  let lastGood = '';
  const gateway = new ApolloGateway({
    logger: log,
    supergraphSdl: async ({ update }) => {
      lastGood = fs.readFileSync(config.supergraphPath, 'utf8');
      const reload = () => {
        let next: string;
        try {
          next = fs.readFileSync(config.supergraphPath, 'utf8');
        } catch (err) {
          log.error({ err }, 'supergraph file unreadable; keeping the last good supergraph');
          return;
        }
        if (next === lastGood) return;
        try {
          update(next);
          lastGood = next;
          log.info('supergraph reloaded');
        } catch (err) {
          log.error({ err }, 'supergraph reload failed; keeping the last good supergraph');
        }
      };
      fs.watchFile(config.supergraphPath, { interval: 500 }, reload);
      return { supergraphSdl: lastGood, cleanup: async () => fs.unwatchFile(config.supergraphPath, reload) };
    },
    // Subgraph URLs come from our configuration, not from the URLs recorded at composition time. Each subgraph gets
    // its own circuit breaker, so one dead service fails fast without slowing the others.
    buildService: ({ name }) =>
      new SubgraphDataSource(name, `${config.urls[name as SubgraphName]}/graphql`, createResilientFetcher(name, pooled.fetcher), config.internalTokenSecret),
  });
  return {
    gateway,
    close: async () => {
      await gateway.stop().catch(() => undefined);
      await pooled.close();
    },
  };
}
