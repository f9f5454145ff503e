/**
 * The OpenAPI 3.1 document of the legacy REST API, written from the same route table that mounts the routes (so a
 * route cannot be served undocumented). Schemas are the request validators' own JSON Schemas (draft 2020-12, the
 * dialect of OpenAPI 3.1).
 */
import { pathParams, type RouteSpec } from './route-table';
import { anyJson, obj, str } from './schemas';
import type { JsonSchema } from './validation';

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input: malformed JSON, or a field that is missing or invalid (data.errors names each field and why)',
  401: 'Not authenticated',
  403: 'Not allowed (e.g. changing a built-in)',
  404: 'Unknown id',
  405: 'Method not allowed on this path',
  409: 'Conflict with the current state (version conflict, already exists, already finished)',
  413: 'Too large (body over 1 MB, or a limit exceeded)',
  415: 'Content-Type is not application/json',
  422: 'The project graph is invalid for this operation (data.issues lists the problems)',
  429: 'Rate limited (see Retry-After)',
  500: 'Server fault',
  501: 'Not implemented yet (e.g. a code generator language)',
  502: 'A backing service could not be reached',
  503: 'A backing service is unavailable',
};
const COMMON_ERRORS = [401, 429, 500, 502, 503];

export const envelope = (data: JsonSchema): JsonSchema =>
  obj({ status: str(undefined, { enum: ['success'] }), data, message: str(), timestamp: str('ISO 8601', { format: 'date-time' }) }, [
    'status',
    'data',
    'timestamp',
  ]);

const errorEnvelope = obj(
  {
    status: str(undefined, { enum: ['error'] }),
    data: obj(
      {
        code: str('BAD_USER_INPUT, NOT_FOUND, CONFLICT, INVALID_GRAPH, …'),
        errors: { type: 'array', items: obj({ field: str(), reason: str() }) },
        issues: anyJson(),
      },
      ['code'],
      { open: true },
    ),
    message: str(),
    timestamp: str('ISO 8601', { format: 'date-time' }),
  },
  ['status', 'data', 'message', 'timestamp'],
);

function operation(route: RouteSpec) {
  const errors = [...new Set([...(route.body ? [400, 415, 413] : []), ...(route.query || route.body ? [400] : []), ...route.errors, ...COMMON_ERRORS])].sort();
  const query = (route.query?.properties ?? {}) as Record<string, JsonSchema>;
  const requiredQuery = new Set((route.query?.required as string[] | undefined) ?? []);
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    parameters: [
      ...pathParams(route.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...Object.entries(query).map(([name, schema]) => ({
        name,
        in: 'query',
        required: requiredQuery.has(name),
        ...(schema.description ? { description: schema.description } : {}),
        schema,
      })),
    ],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
    responses: {
      '200': route.file
        ? {
            description: 'The file (Content-Disposition: attachment; filename=generated_<lang>_<first 8 of id>.<ext>)',
            headers: { 'Content-Disposition': { schema: { type: 'string' } } },
            content: Object.fromEntries(route.file.contentTypes.map((type) => [type, { schema: route.response }])),
          }
        : { description: 'Success', content: { 'application/json': { schema: envelope(route.response) } } },
      ...Object.fromEntries(errors.map((status) => [String(status), { $ref: `#/components/responses/Error${status}` }])),
    },
  };
}

export function openApiDocument(routes: RouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  const used = new Set<number>(
    routes.flatMap((r) =>
      Object.keys(operation(r).responses)
        .filter((k) => k !== '200')
        .map(Number),
    ),
  );
  return {
    // No jsonSchemaDialect: the default (the OAS 3.1 base dialect, JSON Schema 2020-12 plus OpenAPI's vocabulary) is
    // what our schemas use, and Swagger UI warns on any other value.
    openapi: '3.1.0',
    info: {
      title: 'Visual Builder — legacy REST API',
      version,
      description: [
        "The original services' REST contract, served by the router on top of the federated GraphQL API (each route runs stored GraphQL operations).",
        'Every JSON response is the envelope `{status, data, message, timestamp}` with a real HTTP status.',
        'WebSockets: `ws://…/ws/{project_id}` (collaboration: component_added, connection_created, component_move, selection_change; send component_move and selection_change) and `ws://…/ws/debug/{session_id}` (send `{command: "step", action}` or `{command: "watch_variable", variable_name}`).',
      ].join('\n\n'),
    },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { ErrorEnvelope: errorEnvelope },
      responses: Object.fromEntries(
        [...used]
          .sort()
          .map((status) => [
            `Error${status}`,
            { description: ERROR_TEXT[status] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } } },
          ]),
      ),
    },
  };
}
