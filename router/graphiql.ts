/**
 * GraphiQL served offline: @graphql-yoga/render-graphiql renders a self-contained page (no CDN; it worked in headless
 * Chromium with zero external requests). Rendered once, on first use: the page is ~9 MB. The renderer is required on
 * first use too: its module is a 10 MB source string, which at startup would sit in every router's heap (and, under
 * tsx, grow es-module-lexer's WebAssembly memory by ≈36 MB for good) whether anyone opens GraphiQL or not.
 */
import type * as RenderGraphiQL from '@graphql-yoga/render-graphiql';

let page: string | undefined;

export function graphiqlPage(): string {
  if (page) return page;
  const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as typeof RenderGraphiQL;
  page = renderGraphiQL({
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
