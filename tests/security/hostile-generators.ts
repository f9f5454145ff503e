/**
 * Generated hostile inputs: malformed JSON and GraphQL, deep/wide queries, alias and fragment bombs, huge strings,
 * unicode edge cases, wrong content types, path tricks in ids, `__proto__`/`constructor` keys in JSON configs.
 * Each case is a plain HTTP request (method, path, headers, body) or a WebSocket script; the suite sends them all.
 */
export interface HttpCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

const json = (value: unknown) => JSON.stringify(value);
const gqlBody = (query: string, variables?: Record<string, unknown>) => json({ query, variables });

export const UNICODE_EDGES = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\ud83d\ude00',
  '\u202e\u0074\u0078\u0074',
  '\u200b\u200c\u200d\ufeff',
  'e\u0301\u0301\u0301\u0301',
  '\uffff',
  '\u0085',
  '\u2028\u2029',
  'ǅ',
  'ß'.repeat(100),
  '𝕳𝖊𝖑𝖑𝖔',
  '\u{10ffff}',
  'a\r\nSet-Cookie: x=y',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  "'; DROP TABLE projects; --",
  '" OR 1=1 --',
];

export const PATH_TRICKS = [
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%2e%2e%2f%2e%2e%2f',
  '..\\..\\windows\\win.ini',
  '/etc/passwd',
  'x/../../y',
  '%00',
  'x%00.zip',
  '....//....//',
  '%252e%252e%252f',
  '~root',
  'C:\\boot.ini',
  'file:///etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  '*',
  '?',
  '#',
  '%',
  '%ZZ',
  '.',
];

const PROTO_PAYLOADS: unknown[] = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"a": {"__proto__": {"polluted": "yes"}}}'),
  JSON.parse('{"__proto__": null}'),
  JSON.parse('{"prototype": {"polluted": "yes"}, "toString": "x", "valueOf": 1, "hasOwnProperty": "no"}'),
];

export function malformedJson(): HttpCase[] {
  const bodies = [
    '{',
    '}',
    '[',
    '{"query": ',
    '{"query": "{ languages { id } }"',
    'null',
    'true',
    '123',
    '"string"',
    '[]',
    '{"query": 5}',
    '{"query": null}',
    '{"query": {}}',
    '{"query": []}',
    '{"query": "{ languages { id } }", "variables": "nope"}',
    '{"query": "{ languages { id } }", "variables": [1]}',
    '{"query": "{ languages { id } }", "operationName": 7}',
    '\ufeff{"query": "{ languages { id } }"}',
    '{"query": "\\ud800"}',
    "{'query': '{ languages { id } }'}",
    '{"query": "{ languages { id } }",}',
    'NaN',
    '{"a": NaN}',
    '['.repeat(5000) + ']'.repeat(5000),
    '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
    '\u0000\u0001\u0002',
    '{"query": "{ languages { id } }"}\u0000garbage',
    json({ query: '{ languages { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'deadbeef' } } }),
  ];
  const cases: HttpCase[] = bodies.map((body, i) => ({
    name: `malformed json ${i}`,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body,
  }));
  cases.push({
    name: 'binary body',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)),
  });
  return cases;
}

export function malformedGraphQL(): HttpCase[] {
  const valid = '{ projects(first: 5) { nodes { id name components { id } } } }';
  const cases: HttpCase[] = [];
  for (let cut = 1; cut < valid.length; cut += 2)
    cases.push({
      name: `truncated query ${cut}`,
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: gqlBody(valid.slice(0, cut)),
    });
  const broken = [
    '{ languages { id }',
    '{ languages { id } } }',
    'query { }',
    'mutation',
    'subscription { events { type } }',
    '{ __schema { types { name } } }',
    '{ languages { nope } }',
    '{ languages(id: 1) { id } }',
    'query A { languages { id } } query A { languages { id } }',
    'query($x: Int) { languages { id } }',
    'query($x: NoSuchType) { languages { id } }',
    '{ project(id: 1.5e999) { id } }',
    '{ project(id: """unterminated) { id } }',
    '{ languages { ...Missing } }',
    'fragment F on Language { ...F } { languages { ...F } }',
    '{ project(id: "x") @skip(if: "no") { id } }',
    '{ languages { id @nonexistent } }',
    '#'.repeat(1000),
    '{ ' + '\u0000' + ' }',
    '{ languages { id } } extra',
    '{ projects(first: -1) { totalCount } }',
    '{ projects(first: 100000000000) { totalCount } }',
    '{ projects(after: "!!!not base64!!!") { totalCount } }',
    '{ projects(after: "' + Buffer.from('x|y|z').toString('base64url') + '") { totalCount } }',
  ];
  for (const [i, query] of broken.entries())
    cases.push({ name: `broken graphql ${i}`, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: gqlBody(query) });
  return cases;
}

export function bombs(): HttpCase[] {
  const cases: HttpCase[] = [];
  const post = (name: string, query: string) =>
    cases.push({ name, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: gqlBody(query) });
  for (let depth = 8; depth <= 200; depth += 12) post(`deep ${depth}`, `{ projects { nodes ${'{ components '.repeat(depth)}{ id }${' }'.repeat(depth)} } }`);
  for (let width = 100; width <= 3000; width += 250) post(`wide ${width}`, `{ languages { ${'id name '.repeat(width)} } }`);
  for (let aliases = 20; aliases <= 1000; aliases += 70)
    post(`alias bomb ${aliases}`, `{ ${Array.from({ length: aliases }, (_, i) => `a${i}: projects { totalCount }`).join(' ')} }`);
  for (let levels = 4; levels <= 30; levels += 2) {
    const fragments = Array.from(
      { length: levels },
      (_, i) => `fragment F${i} on Language { ${i === levels - 1 ? '__typename' : `...F${i + 1} ...F${i + 1} ...F${i + 1}`} }`,
    ).join(' ');
    post(`fragment bomb ${levels}`, `{ languages { ...F0 } } ${fragments}`);
  }
  for (let n = 50; n <= 2000; n += 200) post(`directive bomb ${n}`, `{ languages ${'@include(if: true) '.repeat(n)} { id } }`);
  return cases;
}

export function hugeStrings(): HttpCase[] {
  const cases: HttpCase[] = [];
  for (const size of [1_000, 10_001, 100_000, 500_000, 900_000, 1_100_000, 3_000_000]) {
    cases.push({
      name: `huge name ${size}`,
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: gqlBody('mutation($n: String!) { createProject(input: {name: $n}) { id } }', { n: 'x'.repeat(size) }),
    });
    cases.push({
      name: `huge query ${size}`,
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: gqlBody(`{ languages { id } } #${'y'.repeat(size)}`),
    });
    cases.push({
      name: `huge REST body ${size}`,
      method: 'POST',
      path: '/projects',
      headers: { 'content-type': 'application/json' },
      body: json({ name: 'z'.repeat(size) }),
    });
  }
  return cases;
}

export function unicodeCases(projectId: string): HttpCase[] {
  return UNICODE_EDGES.flatMap((text, i) => [
    {
      name: `unicode name ${i}`,
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: gqlBody('mutation($n: String!) { createProject(input: {name: $n, description: $n}) { id } }', { n: text }),
    },
    {
      name: `unicode id ${i}`,
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: gqlBody('query($id: ID!) { project(id: $id) { id } run(id: $id) { id } codeArtifact(id: $id) { id } deployment(id: $id) { id } }', { id: text }),
    },
    {
      name: `unicode node id ${i}`,
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: gqlBody('mutation($p: ID!, $n: ID!) { addComponent(projectId: $p, componentId: $n, id: $n) { project { version } } }', { p: projectId, n: text }),
    },
  ]);
}

export function wrongContentTypes(): HttpCase[] {
  const body = gqlBody('mutation { createProject(input: {name: "via wrong type"}) { id } }');
  const types = [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/graphql',
    'application/xml',
    'text/html',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'image/png',
    '*/*',
    '',
  ];
  const cases: HttpCase[] = [];
  for (const [i, type] of types.entries()) {
    cases.push({ name: `content-type ${i} graphql`, method: 'POST', path: '/graphql', headers: type ? { 'content-type': type } : {}, body });
    cases.push({
      name: `content-type ${i} rest`,
      method: 'POST',
      path: '/projects',
      headers: type ? { 'content-type': type } : {},
      body: json({ name: 'via wrong type' }),
    });
  }
  cases.push({
    name: 'form-encoded mutation',
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'query=mutation%20%7B%20createProject(input%3A%20%7Bname%3A%20%22csrf%22%7D)%20%7B%20id%20%7D%20%7D',
  });
  cases.push({
    name: 'GET mutation',
    method: 'GET',
    path: `/graphql?query=${encodeURIComponent('mutation { createProject(input: {name: "via GET"}) { id } }')}`,
  });
  return cases;
}

export function pathTricks(restPaths: string[]): HttpCase[] {
  const cases: HttpCase[] = [];
  for (const trick of PATH_TRICKS) {
    cases.push({
      name: `graphql id ${trick}`,
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: gqlBody(
        'query($id: ID!) { project(id: $id) { id } codeArtifact(id: $id) { id } debugSession(id: $id) { id } suggestion(id: $id) { id } template(id: $id) { id } component(id: $id) { id } }',
        { id: trick },
      ),
    });
    for (const restPath of restPaths) {
      const filled = restPath.replace(/\{[A-Za-z_]+\}/g, trick.includes('%') ? trick : encodeURIComponent(trick));
      cases.push({ name: `rest ${restPath} ${trick}`, method: 'GET', path: filled });
    }
    cases.push({ name: `raw path ${trick}`, method: 'GET', path: `/projects/${trick}` });
  }
  return cases;
}

/** `__proto__`/`constructor` keys in configs, metadata, inputs and edits (the project may accept some as plain data). */
export function prototypeKeys(projectId: string): HttpCase[] {
  const cases: HttpCase[] = [];
  const post = (name: string, query: string, variables: Record<string, unknown>) =>
    cases.push({ name, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: gqlBody(query, variables) });
  for (const [i, payload] of PROTO_PAYLOADS.entries()) {
    post(`proto config ${i}`, 'mutation($p: ID!, $c: JSON) { addComponent(projectId: $p, componentId: "core/constant", config: $c) { project { version } } }', {
      p: projectId,
      c: payload,
    });
    post(`proto metadata ${i}`, 'mutation($p: ID!, $m: JSON) { updateProject(id: $p, input: {metadata: $m}) { version } }', { p: projectId, m: payload });
    post(`proto inputs ${i}`, 'mutation($p: ID!, $i: JSON) { executeWorkflow(projectId: $p, inputs: $i) { id status } }', { p: projectId, i: payload });
    post(`proto edits ${i}`, 'mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }', {
      p: projectId,
      e: [{ addNode: { id: `n${i}`, componentId: 'core/constant', position: { x: 0, y: 0 }, config: payload } }],
    });
    post(`proto edit op ${i}`, 'mutation($p: ID!, $e: [GraphEditInput!]!) { applyGraphEdits(projectId: $p, edits: $e) { project { version } } }', {
      p: projectId,
      e: [payload],
    });
    post(
      `proto overrides ${i}`,
      'mutation($p: ID!, $o: JSON) { deploy(projectId: $p, target: KUBERNETES, environment: "development", overrides: $o) { id } }',
      { p: projectId, o: payload },
    );
    post(`proto template graph ${i}`, 'mutation($g: JSON!) { createTemplate(input: {id: "proto-t", name: "t", graph: $g}) { id } }', { g: payload });
    post(`proto component schema ${i}`, 'mutation($s: JSON) { createComponent(input: {id: "proto/c", name: "c", category: "x", configSchema: $s}) { id } }', {
      s: payload,
    });
    cases.push({
      name: `proto raw json ${i}`,
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: `{"query": "{ languages { id } }", "__proto__": {"polluted": "yes"}, "variables": {"constructor": {"prototype": {"polluted": "yes"}}}}`,
    });
    cases.push({
      name: `proto rest body ${i}`,
      method: 'POST',
      path: '/projects',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'p', metadata: payload, ...(payload as object) }),
    });
  }
  return cases;
}

/** Writes aimed at the canary project that must all be refused (they would change it if accepted). */
export function refusedWrites(canaryId: string): HttpCase[] {
  const cases: HttpCase[] = [];
  const post = (name: string, query: string, variables: Record<string, unknown>) =>
    cases.push({ name, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: gqlBody(query, variables) });
  post('too-long name', 'mutation($p: ID!, $n: String) { updateProject(id: $p, input: {name: $n}) { version } }', { p: canaryId, n: 'n'.repeat(201) });
  post('empty name', 'mutation($p: ID!) { updateProject(id: $p, input: {name: "   "}) { version } }', { p: canaryId });
  post('stale version', 'mutation($p: ID!) { updateProject(id: $p, input: {description: "x"}, expectedVersion: 999) { version } }', { p: canaryId });
  post('unknown component', 'mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/../../etc") { project { version } } }', { p: canaryId });
  post('bad node id', 'mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/constant", id: "../x") { project { version } } }', { p: canaryId });
  post(
    'infinite position',
    'mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/constant", position: {x: 1e999, y: 0}) { project { version } } }',
    { p: canaryId },
  );
  post('edits not a list', 'mutation($p: ID!) { applyGraphEdits(projectId: $p, edits: {op: "addNode"}) { project { version } } }', { p: canaryId });
  post(
    'two edit kinds in one',
    'mutation($p: ID!) { applyGraphEdits(projectId: $p, edits: [{removeNode: {nodeId: "a"}, disconnect: {connectionId: "b"}}]) { project { version } } }',
    { p: canaryId },
  );
  post(
    'connect to nothing',
    'mutation($p: ID!) { connect(projectId: $p, sourceId: "a", sourcePort: "b", targetId: "c", targetPort: "d") { project { version } } }',
    { p: canaryId },
  );
  post('remove missing node', 'mutation($p: ID!) { removeComponent(projectId: $p, nodeId: "missing") { project { version } } }', { p: canaryId });
  post(
    'huge settings',
    'mutation($p: ID!) { addComponent(projectId: $p, componentId: "core/constant", settings: {timeoutMs: 999999999}) { project { version } } }',
    { p: canaryId },
  );
  post('bad member role', 'mutation($p: ID!) { addProjectMember(projectId: $p, userId: "x", role: ADMIN) { id } }', { p: canaryId });
  post('control chars member', 'mutation($p: ID!) { addProjectMember(projectId: $p, userId: "a\\u0000b", role: VIEWER) { id } }', { p: canaryId });
  post('remove creator', 'mutation($p: ID!, $u: ID!) { addProjectMember(projectId: $p, userId: $u, role: VIEWER) { id } }', { p: canaryId, u: 'owner' });
  return cases;
}

/** Raw graphql-ws frames: each is sent on a fresh socket after a valid connection_init (or instead of it). */
export function wsFrames(): { name: string; init: boolean; frames: string[] }[] {
  const sub = (payload: unknown, id: unknown = '1') => json({ id, type: 'subscribe', payload });
  const frames: { name: string; init: boolean; frames: string[] }[] = [
    { name: 'not json', init: true, frames: ['{'] },
    { name: 'unknown type', init: true, frames: [json({ type: 'hack' })] },
    { name: 'subscribe before init', init: false, frames: [sub({ query: 'subscription { events { type } }' })] },
    { name: 'double init', init: true, frames: [json({ type: 'connection_init' })] },
    { name: 'no id', init: true, frames: [json({ type: 'subscribe', payload: { query: '{ languages { id } }' } })] },
    { name: 'numeric id', init: true, frames: [sub({ query: '{ languages { id } }' }, 5)] },
    { name: 'payload not object', init: true, frames: [json({ id: '1', type: 'subscribe', payload: 'x' })] },
    { name: 'complete unknown', init: true, frames: [json({ id: 'zzz', type: 'complete' })] },
    { name: 'binary garbage', init: true, frames: ['\u0000\u0001\u0002'] },
    { name: 'proto payload', init: true, frames: ['{"id":"1","type":"subscribe","payload":{"query":"{ languages { id } }","__proto__":{"polluted":"yes"}}}'] },
  ];
  const queries = [
    'subscription { projectChanged(projectId: "../../etc/passwd") { version } }',
    'subscription { runEvents(runId: "\\u0000") { type } }',
    'subscription { debugEvents(sessionId: "%00") { type } }',
    'subscription { deploymentEvents(deploymentId: "x") { status } }',
    'subscription { events(types: [NOPE]) { type } }',
    `subscription { ${Array.from({ length: 200 }, (_, i) => `a${i}: events { type }`).join(' ')} }`,
    'subscription { events { type } events2: events { type } }',
    `{ ${'projects { nodes { '.repeat(40)}id${' } }'.repeat(40)} }`,
    'subscription {',
    `{ languages { ${'id '.repeat(20000)} } }`,
    'mutation { createProject(input: {name: ""}) { id } }',
    '{ __schema { types { fields { type { ofType { ofType { name } } } } } } }',
  ];
  for (const [i, query] of queries.entries()) frames.push({ name: `ws query ${i}`, init: true, frames: [sub({ query })] });
  for (let i = 0; i < 20; i++)
    frames.push({
      name: `ws duplicate ids ${i}`,
      init: true,
      frames: [sub({ query: 'subscription { events { type } }' }, 'same'), sub({ query: 'subscription { events { type } }' }, 'same')],
    });
  return frames;
}
