/**
 * `npm run compose`: composes schema/*.graphql into schema/supergraph.graphql with @apollo/composition (no rover).
 * The router loads the file statically; a test fails when it is stale. `--check` only reports staleness.
 */
import fs from 'node:fs';
import { composeServices } from '@apollo/composition';
import { subgraphDefinitions, SUPERGRAPH_FILE } from './subgraphs';

export function composeSupergraph(): string {
  const result = composeServices(subgraphDefinitions());
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl + '\n';
}

if (require.main === module) {
  const sdl = composeSupergraph();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(SUPERGRAPH_FILE) ? fs.readFileSync(SUPERGRAPH_FILE, 'utf8') : '';
    if (current !== sdl) {
      console.error('schema/supergraph.graphql is stale: run `npm run compose`');
      process.exit(1);
    }
    console.log('schema/supergraph.graphql is current');
  } else {
    fs.writeFileSync(SUPERGRAPH_FILE, sdl);
    console.log(`wrote ${SUPERGRAPH_FILE}`);
  }
}
