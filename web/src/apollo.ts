/**
 * The GraphQL client: Apollo Client 4 with a normalised cache, HTTP for queries and mutations, graphql-ws for
 * subscriptions — both through the router's /graphql only. The credential (API key or token) pasted at sign-in is sent
 * as a Bearer header on HTTP and as `authorization` in the WebSocket's connection params.
 */
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';

const CREDENTIAL_KEY = 'vb-credential';
export const UNAUTHENTICATED_EVENT = 'vb:unauthenticated';

export function credential(): string | null {
  return localStorage.getItem(CREDENTIAL_KEY);
}

export function authHeaders(): Record<string, string> {
  const value = credential();
  return value ? { authorization: `Bearer ${value}` } : {};
}

let wsClient: Client | undefined;

/** Stores the credential and reconnects the WebSocket so subscriptions use it. */
export function setCredential(value: string | null): void {
  if (value) localStorage.setItem(CREDENTIAL_KEY, value);
  else localStorage.removeItem(CREDENTIAL_KEY);
  wsClient?.terminate();
}

const authFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), ...authHeaders() } });
  if (response.status === 401) window.dispatchEvent(new Event(UNAUTHENTICATED_EVENT));
  return response;
};

export function createApolloClient(): ApolloClient {
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  // graphql-ws reconnects on its own; subscriptions resume with their variables (projectChanged asks sinceVersion).
  wsClient = createClient({ url: wsUrl, connectionParams: () => authHeaders(), retryAttempts: Infinity, lazy: true });
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
    },
    new GraphQLWsLink(wsClient),
    new HttpLink({ uri: '/graphql', fetch: authFetch }),
  );
  return new ApolloClient({
    link,
    cache: new InMemoryCache({
      typePolicies: {
        // Lists owned by the server: take the newest answer as a whole.
        Project: { fields: { components: { merge: false }, connections: { merge: false } } },
        Component: { keyFields: ['id'] },
      },
    }),
  });
}
