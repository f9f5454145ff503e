/**
 * Typed documents for the web app (client preset): the router's public schema is the composed supergraph plus the
 * router-owned subscriptions. Run `npm --prefix web run codegen` after changing a document or the schema; the output
 * (src/gql/) is committed so a build needs no codegen step.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  overwrite: true,
  schema: ['../schema/supergraph.graphql', '../schema/subscriptions.graphql'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { scalars: { JSON: 'unknown', DateTime: 'string' }, enumsAsTypes: true, useTypeImports: true },
    },
  },
};
export default config;
