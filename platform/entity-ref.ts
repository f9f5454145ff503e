/** A reference to an entity owned by another subgraph: just its key, resolved by the router. */
export interface EntityRef {
  __typename?: string;
  id: string;
}
