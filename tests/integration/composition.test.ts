/** The committed supergraph is what composition produces from schema/*.graphql, and composition is clean. */
import fs from 'node:fs';
import { composeServices } from '@apollo/composition';
import { composeSupergraph } from '../../schema/compose';
import { subgraphDefinitions, SUPERGRAPH_FILE } from '../../schema/subgraphs';

describe('supergraph composition', () => {
  it('composes the six subgraphs without errors or hints of breakage', () => {
    const result = composeServices(subgraphDefinitions());
    expect(result.errors).toBeUndefined();
    const sdl = result.supergraphSdl!;
    for (const entity of ['Project', 'Component', 'CodeArtifact', 'DebugSession', 'Deployment', 'Suggestion']) {
      expect(sdl).toMatch(new RegExp(`type ${entity}\\b[^{]*@join__type\\(graph: \\w+, key: "id"`));
    }
  });

  it('matches the committed schema/supergraph.graphql (run `npm run compose` when this fails)', () => {
    expect(fs.readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(composeSupergraph());
  });

  it('reports composition errors instead of writing a broken supergraph', () => {
    const broken = subgraphDefinitions();
    const { parse } = require('graphql') as typeof import('graphql');
    broken[1] = {
      ...broken[1],
      typeDefs: parse(
        `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Project @key(fields: "id") { id: ID! name: Int! }`,
      ),
    };
    expect(composeServices(broken).errors?.length).toBeGreaterThan(0);
  });
});
