/** The six subgraphs' SDL files: the source of truth the supergraph is composed from. */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { SUBGRAPH_NAMES, SERVICE_ENV } from '../platform/config';

export function subgraphDefinitions() {
  return SUBGRAPH_NAMES.map((name) => ({
    name,
    url: `http://127.0.0.1:${SERVICE_ENV[name].defaultPort}/graphql`,
    typeDefs: parse(fs.readFileSync(path.join(__dirname, `${name}.graphql`), 'utf8')),
  }));
}

export const SUPERGRAPH_FILE = path.join(__dirname, 'supergraph.graphql');
