/**
 * The federated gateway over the composed supergraph: loaded statically from schema/supergraph.graphql, reloaded
 * when the file changes (the last good supergraph stays if a reload fails), subgraphs reached over pooled
 * keep-alive HTTP with the caller's identity signed into an internal token, behind a circuit breaker per subgraph.
 */
import fs from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse, GatewayInterface } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import type { AppConfig } from '../platform/config';
import { appError } from '../platform/errors';
import { INTERNAL_TOKEN_HEADER, REQUEST_ID_HEADER, signInternalToken, type Identity } from '../platform/identity';
import type { Logger } from '../platform/logger';
import { createDedupFetcher } from './inflight-dedup';
import { dedupOperations } from './operation-dedup';
import { createPassThrough, plannerSupergraph, type PassThrough } from './pass-through';
import { createResilientFetcher, SubgraphConfigurationError } from './resilient-fetcher';
import { subgraphEndpoints, subgraphUrl, type SubgraphEndpoint } from './subgraph-endpoints';
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
    private readonly log: Logger,
    private readonly passThrough: PassThrough,
  ) {
    super({ url, fetcher });
  }

  override async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    return this.passThrough.capture(options, await super.process(options));
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>) {
    const headers = request.http!.headers;
    if (context?.identity) headers.set(INTERNAL_TOKEN_HEADER, await signInternalToken(context.identity, this.secret));
    if (context?.requestId) headers.set(REQUEST_ID_HEADER, context.requestId);
  }

  /** A subgraph that cannot be reached is named; its internal URL is not (the operator's log has it). */
  override didEncounterError(error: Error): never {
    if (error instanceof SubgraphConfigurationError) {
      this.log.warn(
        { subgraph: this.serviceName, url: this.url, reason: error.reason, cause: (error.cause as Error).message },
        'subgraph address misconfigured',
      );
      const what = error.reason === 'invalid_url' ? 'its URL is invalid' : 'its host name does not resolve';
      throw appError('SUBGRAPH_MISCONFIGURED', `The ${this.serviceName} subgraph is misconfigured: ${what}`, {
        service: this.serviceName,
        reason: error.reason,
      });
    }
    if (error instanceof GraphQLError) {
      const { response: _internal, ...extensions } = error.extensions as Record<string, unknown>;
      throw new GraphQLError(error.message, { extensions: { ...extensions, service: this.serviceName } });
    }
    throw appError('SERVICE_UNAVAILABLE', `The ${this.serviceName} service is unavailable`, { service: this.serviceName });
  }
}

export interface Gateway {
  /** What Apollo Server runs: the gateway with the single-fetch pass-through and identical in-flight queries shared. */
  gateway: GatewayInterface;
  /** The subgraphs of the loaded supergraph and where they are reached (empty until it loads). */
  endpoints(): SubgraphEndpoint[];
  close(): Promise<void>;
}

export function createGateway(config: AppConfig, log: Logger): Gateway {
  const pooled = createPooledFetcher({ timeoutMs: config.subgraphTimeoutMs, inProcess: config.inProcessSubgraphs });
  let lastGood = '';
  let endpoints: SubgraphEndpoint[] = [];
  // The planner's parsed supergraph holds the subgraphs' own schemas, which the pass-through compares types with.
  const passThrough = createPassThrough(config.routerPassThrough, () => plannerSupergraph(gateway));
  const gateway = new ApolloGateway({
    logger: log,
    experimental_didResolveQueryPlan: passThrough.planResolved,
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
    // Each subgraph is reached at its supergraph URL unless it is one of ours with a configured address. Each gets its
    // own circuit breaker, so one dead service fails fast without slowing the others. Identical in-flight reads of
    // one caller are sent once (router/inflight-dedup.ts).
    buildService: ({ name, url }) =>
      new SubgraphDataSource(
        name,
        subgraphUrl(config, name, url),
        createDedupFetcher(name, createResilientFetcher(name, pooled.fetcher)),
        config.internalTokenSecret,
        log,
        passThrough,
      ),
  });
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    endpoints = subgraphEndpoints(coreSupergraphSdl, config);
  });
  return {
    gateway: dedupOperations(passThrough.gateway(gateway), config.routerOperationDedup),
    endpoints: () => endpoints,
    close: async () => {
      await gateway.stop().catch(() => undefined);
      await pooled.close();
    },
  };
}
