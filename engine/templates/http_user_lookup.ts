/**
 * An `http_request` node: look a user up in a JSON API and pick fields out of the reply. The API base URL is a run
 * input so the same graph works against any deployment of the service (the HTTP guard must allow its host).
 */
import { graph, node, wire, withRetries } from './build';
import type { TemplateDefinition } from './types';

export const httpUserLookupTemplate: TemplateDefinition = {
  id: 'http_user_lookup',
  name: 'HTTP user lookup',
  description: 'Builds a URL from inputs, GETs a user from a JSON API and outputs the name and e-mail.',
  categories: ['integration', 'http'],
  needs: ['http'],
  graph: graph(
    [
      node('base_url', 'core/input', 0, 0, { name: 'baseUrl', type: 'string' }),
      node('user_id', 'core/input', 0, 1, { name: 'userId', type: 'number' }),
      node('params', 'core/object', 1, 0, { keys: ['baseUrl', 'userId'] }),
      node('url', 'core/template', 2, 0, { template: '{{baseUrl}}/users/{{userId}}' }),
      withRetries(node('fetch_user', 'core/http_request', 3, 0, { method: 'GET', headers: { accept: 'application/json' }, timeoutMs: 5000 })),
      node('name', 'core/get', 4, 0, { path: 'json.name' }),
      node('email', 'core/get', 4, 1, { path: 'json.email' }),
      node('out_name', 'core/output', 5, 0, { name: 'name' }),
      node('out_email', 'core/output', 5, 1, { name: 'email' }),
    ],
    [
      wire('base_url.value', 'params.values'),
      wire('user_id.value', 'params.values'),
      wire('params.value', 'url.values'),
      wire('url.text', 'fetch_user.url'),
      wire('fetch_user.response', 'name.value'),
      wire('fetch_user.response', 'email.value'),
      wire('name.value', 'out_name.value'),
      wire('email.value', 'out_email.value'),
    ],
  ),
  // The test suite serves this API from a local server and replaces baseUrl with its address.
  sampleInputs: { baseUrl: 'http://127.0.0.1:8099', userId: 3 },
  expectedOutputs: { name: 'Grace Hopper', email: 'grace@example.test' },
};
