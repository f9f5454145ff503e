/**
 * Four small synthetic subgraphs (not ours) that between them use every federation feature the conformance suite
 * checks: accounts (User, Node), products (Product, Media interface entity, search union), inventory (@requires,
 * @override, @external), reviews (@provides, @interfaceObject, partial errors). Mutations append to one shared log so
 * their order is observable.
 */
import { GraphQLError } from 'graphql';
import gql from 'graphql-tag';
import { startSyntheticSubgraph, type SyntheticSubgraph } from './harness';

const FED = '"https://specs.apollo.dev/federation/v2.7"';

const USERS = [
  { id: 'u1', name: 'Ada Lovelace', username: '@ada', birthYear: 1815 },
  { id: 'u2', name: 'Alan Turing', username: '@alan', birthYear: 1912 },
];
const PRODUCTS = [
  { upc: 'p1', name: 'Table', price: 899, weight: 100, dimensions: { size: 'large', weight: 100.5, unit: 'kg' }, internalCode: 'T-1' },
  { upc: 'p2', name: 'Couch', price: 1299, weight: 1000, dimensions: { size: 'huge', weight: 1000, unit: 'kg' }, internalCode: 'C-2' },
  { upc: 'p3', name: 'Chair', price: 54, weight: 50, dimensions: { size: 'small', weight: 49.9, unit: 'lb' }, internalCode: 'H-3' },
];
const MEDIA = [
  { __typename: 'Book', id: 'm1', title: 'Dune', author: 'Frank Herbert' },
  { __typename: 'Movie', id: 'm2', title: 'Alien', minutes: 117 },
];
const REVIEWS = [
  { id: 'r1', body: 'Love it', authorId: 'u1', upc: 'p1', rating: 5 },
  { id: 'r2', body: 'Too expensive', authorId: 'u2', upc: 'p1', rating: 2 },
  { id: 'r3', body: 'Could be better', authorId: 'u1', upc: 'p2', rating: 3 },
];
const MEDIA_REVIEWS: Record<string, number> = { m1: 2, m2: 0 };

/** What mutations append to, in the order the subgraphs execute them. */
export const mutationLog: string[] = [];
const append =
  (subgraph: string) =>
  (_: unknown, { entry }: { entry: string }) => {
    mutationLog.push(`${subgraph}:${entry}`);
    return [...mutationLog];
  };

const byId = <T extends Record<string, unknown>>(list: T[], key: keyof T, id: unknown) => list.find((item) => item[key] === id) ?? null;

export const accountsTypeDefs = gql(`
  extend schema @link(url: ${FED}, import: ["@key", "@shareable", "@inaccessible"])
  type Query {
    me: User
    users: [User!]!
    userNode(id: ID!): Node
  }
  type Mutation {
    appendAccount(entry: String!): [String!]!
  }
  interface Node {
    id: ID!
  }
  type User implements Node @key(fields: "id") {
    id: ID!
    name: String! @shareable
    username: String!
    birthYear: Int @inaccessible
  }
`);

export const productsTypeDefs = gql(`
  extend schema @link(url: ${FED}, import: ["@key", "@shareable", "@inaccessible"])
  type Query {
    topProducts(first: Int = 5): [Product!]!
    product(upc: ID!): Product
    search(text: String!): [SearchResult!]!
    allMedia: [Media!]!
    node(id: ID!): Node
  }
  type Mutation {
    appendProduct(entry: String!): [String!]!
  }
  interface Node {
    id: ID!
  }
  union SearchResult = Product | User
  type User @key(fields: "id", resolvable: false) {
    id: ID!
  }
  type Product implements Node @key(fields: "upc") {
    id: ID!
    upc: ID!
    name: String! @shareable
    price: Int!
    priceIn(currency: String!): Int!
    weight: Int!
    dimensions: Dimensions!
    inStock: Boolean!
    internalCode: String @inaccessible
    "A value clients cannot see for p3 (DISCONTINUED is @inaccessible): the gateway nulls it."
    availability: Availability
  }
  enum Availability {
    AVAILABLE
    DISCONTINUED @inaccessible
  }
  type Dimensions @shareable {
    size: String!
    weight: Float!
    unit: String!
  }
  interface Media @key(fields: "id") {
    id: ID!
    title: String!
  }
  type Book implements Media @key(fields: "id") {
    id: ID!
    title: String!
    author: String!
  }
  type Movie implements Media @key(fields: "id") {
    id: ID!
    title: String!
    minutes: Int!
  }
`);

export const inventoryTypeDefs = gql(`
  extend schema @link(url: ${FED}, import: ["@key", "@shareable", "@external", "@requires", "@override"])
  type Product @key(fields: "upc") {
    upc: ID!
    price: Int! @external
    weight: Int! @external
    dimensions: Dimensions! @external
    priceIn(currency: String!): Int! @external
    inStock: Boolean! @override(from: "products")
    "@requires without arguments"
    shippingEstimate: Int! @requires(fields: "price weight")
    "@requires on a field with arguments, requiring a nested selection"
    shippingTo(zone: String!): String! @requires(fields: "weight dimensions { unit }")
    "@requires of a field with arguments"
    euroPrice: Int! @requires(fields: "priceIn(currency: \\"EUR\\")")
    "@requires with an inline fragment in its field set"
    packaging: String! @requires(fields: "dimensions { ... on Dimensions { size } }")
  }
  type Dimensions @shareable {
    size: String!
    weight: Float!
    unit: String!
  }
`);

export const reviewsTypeDefs = gql(`
  extend schema @link(url: ${FED}, import: ["@key", "@external", "@provides", "@interfaceObject"])
  type Query {
    reviews: [Review!]!
  }
  type Mutation {
    appendReview(entry: String!): [String!]!
  }
  type Review {
    id: ID!
    body: String!
    rating: Int!
    author: User! @provides(fields: "name")
    product: Product!
    "Fails with a code for r2 (NOT_FOUND, one of ours) and r3 (REVIEW_HIDDEN, the subgraph's own): partial errors."
    flaky: String
    "Fails with an unexpected error for r2: a non-null field, the null propagates."
    strict: String!
  }
  type User @key(fields: "id") {
    id: ID!
    name: String! @external
    reviews: [Review!]!
  }
  type Product @key(fields: "upc") {
    upc: ID!
    reviews: [Review!]!
    reviewCount: Int!
  }
  type Media @key(fields: "id") @interfaceObject {
    id: ID!
    reviewCount: Int!
  }
`);

const product = (upc: unknown) => byId(PRODUCTS, 'upc', upc);

const reviewFields = {
  author: (r: (typeof REVIEWS)[number]) => ({ __typename: 'User', id: r.authorId, name: byId(USERS, 'id', r.authorId)?.name }),
  product: (r: (typeof REVIEWS)[number]) => ({ __typename: 'Product', upc: r.upc }),
  flaky: (r: (typeof REVIEWS)[number]) => {
    if (r.id === 'r2') throw new GraphQLError(`review ${r.id} has no flaky value`, { extensions: { code: 'NOT_FOUND' } });
    if (r.id === 'r3') throw new GraphQLError(`review ${r.id} is hidden`, { extensions: { code: 'REVIEW_HIDDEN', reason: 'moderation' } });
    return `flaky-${r.id}`;
  },
  strict: (r: (typeof REVIEWS)[number]) => {
    if (r.id === 'r2') throw new Error(`strict failed for ${r.id}`);
    return `strict-${r.id}`;
  },
};

export interface ConformanceSubgraphs {
  accounts: SyntheticSubgraph;
  products: SyntheticSubgraph;
  inventory: SyntheticSubgraph;
  reviews: SyntheticSubgraph;
  all: SyntheticSubgraph[];
  close(): Promise<void>;
}

export async function startConformanceSubgraphs(): Promise<ConformanceSubgraphs> {
  const accounts = await startSyntheticSubgraph('accounts', accountsTypeDefs, {
    Query: { me: () => USERS[0], users: () => USERS, userNode: (_: unknown, { id }: { id: string }) => byId(USERS, 'id', id) },
    Mutation: { appendAccount: append('accounts') },
    Node: { __resolveType: () => 'User' },
    User: { __resolveReference: (ref: { id: string }) => byId(USERS, 'id', ref.id) },
  } as never);
  const products = await startSyntheticSubgraph('products', productsTypeDefs, {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first),
      product: (_: unknown, { upc }: { upc: string }) => product(upc),
      search: () => [PRODUCTS[0], { __typename: 'User', id: 'u2' }, PRODUCTS[2]],
      allMedia: () => MEDIA,
      node: (_: unknown, { id }: { id: string }) => product(id),
    },
    Mutation: { appendProduct: append('products') },
    Node: { __resolveType: () => 'Product' },
    SearchResult: { __resolveType: (value: { __typename?: string }) => value.__typename ?? 'Product' },
    Media: { __resolveType: (value: { __typename: string }) => value.__typename, __resolveReference: (ref: { id: string }) => byId(MEDIA, 'id', ref.id) },
    Book: { __resolveReference: (ref: { id: string }) => byId(MEDIA, 'id', ref.id) },
    Movie: { __resolveReference: (ref: { id: string }) => byId(MEDIA, 'id', ref.id) },
    Product: {
      __resolveReference: (ref: { upc: string }) => product(ref.upc),
      id: (p: { upc: string }) => p.upc,
      availability: (p: { upc: string }) => (p.upc === 'p3' ? 'DISCONTINUED' : 'AVAILABLE'),
      priceIn: (p: { price: number }, { currency }: { currency: string }) => (currency === 'EUR' ? Math.round(p.price * 0.9) : p.price),
      // Overridden by inventory: never asked for through a router.
      inStock: () => false,
    },
  } as never);
  const inventory = await startSyntheticSubgraph('inventory', inventoryTypeDefs, {
    Product: {
      __resolveReference: (ref: Record<string, unknown>) => ref,
      inStock: (p: { upc: string }) => p.upc !== 'p3',
      shippingEstimate: (p: { price: number; weight: number }) => (p.price > 1000 ? 0 : Math.round(p.weight / 2)),
      shippingTo: (p: { weight: number; dimensions: { unit: string } }, { zone }: { zone: string }) => `${zone}:${p.weight}${p.dimensions.unit}`,
      euroPrice: (p: { priceIn: number }) => p.priceIn,
      packaging: (p: { dimensions: { size: string } }) => `box-${p.dimensions.size}`,
    },
  } as never);
  const reviews = await startSyntheticSubgraph('reviews', reviewsTypeDefs, {
    Query: { reviews: () => REVIEWS },
    Mutation: { appendReview: append('reviews') },
    Review: reviewFields,
    User: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      reviews: (u: { id: string }) => REVIEWS.filter((r) => r.authorId === u.id),
    },
    Product: {
      __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
      reviews: (p: { upc: string }) => REVIEWS.filter((r) => r.upc === p.upc),
      reviewCount: (p: { upc: string }) => REVIEWS.filter((r) => r.upc === p.upc).length,
    },
    Media: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      reviewCount: (m: { id: string }) => MEDIA_REVIEWS[m.id] ?? 0,
    },
  } as never);
  const all = [accounts, products, inventory, reviews];
  return { accounts, products, inventory, reviews, all, close: async () => void (await Promise.all(all.map((s) => s.close()))) };
}
