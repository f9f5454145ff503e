/**
 * GraphiQL served offline: @graphql-yoga/render-graphiql renders a self-contained page (no CDN; it worked in headless
 * Chromium with zero external requests). Rendered once, on first use: the page is ~9 MB.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

let page: string | undefined;

export function graphiqlPage(): string {
  page ??= renderGraphiQL({
    endpoint: '/graphql',
    title: 'Visual Builder — GraphiQL',
    subscriptionsProtocol: 'WS',
    defaultQuery: `# Welcome to the Visual Builder supergraph.
query Dashboard {
  projects(first: 10) {
    nodes {
      id
      name
      version
      components { id component { id name } }
      validation { valid errors { code message } }
    }
  }
}
`,
  });
  return page;
}

/** A browser navigating to the endpoint (not a GraphQL client) gets the page. */
export function wantsGraphiQL(method: string, accept: string | undefined, query: Record<string, unknown>): boolean {
  return method === 'GET' && !query.query && (accept ?? '').includes('text/html');
}
