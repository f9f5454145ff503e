/**
 * A seventh subgraph composed into our own supergraph is routed with no code change: a synthetic `ratings` subgraph
 * extends our `Project` entity; the supergraph file (SUPERGRAPH_PATH) is the only thing that changes. Our six
 * services run as `npm start` runs them; the seventh is reached at the URL the supergraph records.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import gql from 'graphql-tag';
import { request } from 'undici';
import { subgraphDefinitions } from '../../schema/subgraphs';
import { startTestSupergraph, type TestSupergraph } from '../support/supergraph';
import { collect, wsClient } from '../support/ws-client';
import { compose, startSyntheticSubgraph, type SyntheticSubgraph } from './harness';

const ratingsTypeDefs = gql(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    topRated: [Project!]!
  }
  type Project @key(fields: "id") {
    id: ID!
    stars: Int!
  }
`);

let ratings: SyntheticSubgraph;
let sg: TestSupergraph;
let dir: string;
const rated: string[] = [];

beforeAll(async () => {
  ratings = await startSyntheticSubgraph('ratings', ratingsTypeDefs, {
    Query: { topRated: () => rated.map((id) => ({ id })) },
    Project: { __resolveReference: (ref: { id: string }) => ref, stars: (p: { id: string }) => p.id.length % 5 },
  } as never);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vb-seventh-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  fs.writeFileSync(supergraphPath, compose([...subgraphDefinitions(), ratings]));
  sg = await startTestSupergraph({ env: { SUPERGRAPH_PATH: supergraphPath } });
});

afterAll(async () => {
  await sg?.close();
  await ratings?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('its fields join our entities in both directions', async () => {
  const created = await sg.gql<{ createProject: { id: string } }>('mutation { createProject(input: { name: "Rated" }) { id } }');
  expect(created.errors).toBeUndefined();
  const id = created.data!.createProject.id;
  rated.push(id);
  // Ours → seventh: our Project gets its `stars`.
  const mine = await sg.gql('query ($id: ID!) { project(id: $id) { name stars } }', { id });
  expect(mine).toEqual({ status: 200, data: { project: { name: 'Rated', stars: id.length % 5 } } });
  // Seventh → ours: its root field returns our Project, completed by the workflow subgraph.
  const top = await sg.gql('{ topRated { id name stars } }');
  expect(top).toEqual({ status: 200, data: { topRated: [{ id, name: 'Rated', stars: id.length % 5 }] } });
});

test('/health lists it next to our six services', async () => {
  const response = await request(`${sg.url}/health`);
  const body = (await response.body.json()) as { status: string; services: Record<string, { status: string }> };
  expect(response.statusCode).toBe(200);
  expect(body.status).toBe('healthy');
  expect(Object.keys(body.services).sort()).toEqual([
    'ai_assistant',
    'code_generator',
    'component_registry',
    'debugger',
    'deployment',
    'ratings',
    'workflow_engine',
  ]);
  expect(body.services.ratings.status).toBe('healthy');
});

test('our subscriptions are all there, and their entity fields reach the seventh subgraph', async () => {
  const created = await sg.gql<{ createProject: { id: string } }>('mutation { createProject(input: { name: "Watched" }) { id } }');
  const id = created.data!.createProject.id;
  const client = wsClient(sg.url);
  try {
    const changes = collect(client, 'subscription ($id: ID!) { projectChanged(projectId: $id) { version project { name stars } } }', { id });
    const [first] = await changes.waitFor((r) => r.length >= 1);
    expect(first.projectChanged.project).toEqual({ name: 'Watched', stars: id.length % 5 });
    changes.stop();
  } finally {
    await client.dispose();
  }
});
