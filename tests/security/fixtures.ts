/**
 * What the authorisation matrix acts on: a project owned by `owner` with `viewer` and `editor` members, and — made
 * on demand, so destructive rules can have fresh ones — its run, debug session, code artefact, deployment,
 * suggestion, custom component and template, and an API key of the owner's.
 */
import type { Caller } from './support';

export interface Fixture {
  projectId(): Promise<string>;
  runId(): Promise<string>;
  sessionId(): Promise<string>;
  artifactId(): Promise<string>;
  deploymentId(): Promise<string>;
  suggestionId(): Promise<string>;
  componentId(): Promise<string>;
  templateId(): Promise<string>;
  apiKeyId(): Promise<string>;
  /** A project secret named FIXTURE. */
  secret(): Promise<void>;
}

let counter = 0;

async function must<T = any>(owner: Caller, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await owner.gql(query, variables);
  if (result.errors?.length) throw new Error(`fixture failed: ${JSON.stringify(result.errors)} for ${query}`);
  return result.data as T;
}

const once = <T>(make: () => Promise<T>) => {
  let value: Promise<T> | undefined;
  return () => (value ??= make());
};

export const SAMPLE_INPUTS = { payload: '{"user":{"name":"Ada","contact":{"email":"ada@example.test"}}}' };

export function makeFixture(owner: Caller, members: Record<'viewer' | 'editor', string>): Fixture {
  const projectId = once(async () => {
    const created = await must(owner, `mutation { createProject(input: {name: "matrix", templateId: "json_extract"}) { id } }`);
    const id = created.createProject.id as string;
    for (const [role, userId] of Object.entries(members)) {
      await must(owner, `mutation($p: ID!, $u: ID!, $r: ProjectRole!) { addProjectMember(projectId: $p, userId: $u, role: $r) { id } }`, {
        p: id,
        u: userId,
        r: role.toUpperCase(),
      });
    }
    return id;
  });
  const n = ++counter;
  return {
    projectId,
    runId: once(
      async () =>
        (await must(owner, `mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i) { id } }`, { p: await projectId(), i: SAMPLE_INPUTS }))
          .executeWorkflow.id,
    ),
    sessionId: once(
      async () =>
        (
          await must(owner, `mutation($p: ID!, $i: JSON) { startDebugSession(projectId: $p, inputs: $i, watches: ["inputs"]) { id } }`, {
            p: await projectId(),
            i: SAMPLE_INPUTS,
          })
        ).startDebugSession.id,
    ),
    artifactId: once(
      async () => (await must(owner, `mutation($p: ID!) { generateCode(projectId: $p, language: "python") { id } }`, { p: await projectId() })).generateCode.id,
    ),
    deploymentId: once(
      async () =>
        (await must(owner, `mutation($p: ID!) { deploy(projectId: $p, target: DOCKER, environment: "development") { id } }`, { p: await projectId() })).deploy
          .id,
    ),
    suggestionId: once(async () => {
      const p = await projectId();
      await must(
        owner,
        `mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/constant", config: {value: 1}, id: "stray") { project { version } } }`,
        { p },
      );
      const found = await must(owner, `mutation($p: ID!) { analyzeProject(projectId: $p) { id patch } }`, { p });
      const fixable = (found.analyzeProject as { id: string; patch: unknown }[]).find((s) => Array.isArray(s.patch) && s.patch.length > 0);
      if (!fixable) throw new Error('fixture: no auto-fixable suggestion');
      return fixable.id;
    }),
    componentId: once(
      async () =>
        (await must(owner, `mutation($id: ID!) { createComponent(input: {id: $id, name: "Mine", category: "custom"}) { id } }`, { id: `matrix/c${n}` }))
          .createComponent.id,
    ),
    templateId: once(
      async () =>
        (
          await must(owner, `mutation($id: ID!) { createTemplate(input: {id: $id, name: "Mine", graph: {nodes: [], connections: []}}) { id } }`, {
            id: `matrix-t${n}`,
          })
        ).createTemplate.id,
    ),
    secret: once(
      async () =>
        void (await must(owner, `mutation($p: ID!) { createSecret(projectId: $p, name: "FIXTURE", value: "fixture-value") { name } }`, {
          p: await projectId(),
        })),
    ),
    apiKeyId: once(async () => (await must(owner, `mutation { createApiKey(name: "matrix") { apiKey { id } } }`)).createApiKey.apiKey.id),
  };
}
