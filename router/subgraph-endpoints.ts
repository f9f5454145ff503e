/**
 * Where the router sends each subgraph's fetches: the URL the supergraph records (`@join__graph(name:, url:)` on the
 * `join__Graph` enum), except for our own six services when their address was configured (VISUAL_*_URL /
 * VISUAL_*_PORT) or started by the launcher — those override by subgraph name. So any supergraph routes, and a
 * subgraph added to ours is reached with no code change.
 */
import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { SERVICE_ENV, SUBGRAPH_NAMES, type AppConfig, type SubgraphName } from '../platform/config';

export interface SubgraphEndpoint {
  name: string;
  /** The GraphQL endpoint the router calls. */
  url: string;
  /** One of our six services (which also serve `/health`). */
  own: boolean;
  /** Name in the `/health` report: the seed's name for ours, the subgraph's name otherwise. */
  healthName: string;
}

const isOwn = (name: string): name is SubgraphName => (SUBGRAPH_NAMES as readonly string[]).includes(name);

/** The URL the router uses for subgraph `name` whose supergraph URL is `supergraphUrl`. */
export function subgraphUrl(config: AppConfig, name: string, supergraphUrl: string | undefined): string {
  if (isOwn(name) && config.urlOverrides.has(name)) return `${config.urls[name]}/graphql`;
  return supergraphUrl ?? '';
}

const argument = (directive: ConstDirectiveNode, name: string) => {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
};

/** The name the join spec is imported under (`@link(url: "https://specs.apollo.dev/join/v0.x", as: …)`). */
function joinPrefix(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      const url = link.name.value === 'link' ? argument(link, 'url') : undefined;
      if (url && /\/join\/v\d/.test(url)) return argument(link, 'as') ?? 'join';
    }
  }
  return 'join';
}

/** The subgraphs recorded in a supergraph SDL, with the URL the router uses for each. */
export function subgraphEndpoints(supergraphSdl: string, config: AppConfig): SubgraphEndpoint[] {
  const document = parse(supergraphSdl);
  const prefix = joinPrefix(document);
  const graphEnum = document.definitions.find((d) => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === `${prefix}__Graph`);
  if (graphEnum?.kind !== Kind.ENUM_TYPE_DEFINITION) return [];
  return (graphEnum.values ?? []).flatMap((value) => {
    const directive = value.directives?.find((d) => d.name.value === `${prefix}__graph`);
    const name = directive && argument(directive, 'name');
    if (!name) return [];
    const own = isOwn(name);
    return [{ name, url: subgraphUrl(config, name, argument(directive, 'url')), own, healthName: own ? SERVICE_ENV[name].healthName : name }];
  });
}
