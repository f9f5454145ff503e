/** JSON extraction with `json_parse` → `get` → `object` → `set`: a contact record out of a webhook payload. */
import { graph, node, wire } from './build';
import type { TemplateDefinition } from './types';

export const jsonExtractTemplate: TemplateDefinition = {
  id: 'json_extract',
  name: 'JSON extraction',
  description: 'Parses a JSON payload, picks the name and e-mail, builds a contact object and stamps its source.',
  categories: ['data', 'json'],
  graph: graph(
    [
      node('payload', 'core/input', 0, 1, { name: 'payload', type: 'string' }),
      node('parse', 'core/json_parse', 1, 1),
      node('name', 'core/get', 2, 0, { path: 'user.name' }),
      node('email', 'core/get', 2, 1, { path: 'user.contact.email' }),
      node('plan', 'core/get', 2, 2, { path: 'user.plan', default: 'free' }),
      node('contact', 'core/object', 3, 1, { keys: ['name', 'email', 'plan'] }),
      node('source', 'core/constant', 3, 2, { value: 'webhook' }),
      node('stamp', 'core/set', 4, 1, { path: 'meta.source' }),
      node('out', 'core/output', 5, 1, { name: 'contact' }),
    ],
    [
      wire('payload.value', 'parse.text'),
      wire('parse.value', 'name.value'),
      wire('parse.value', 'email.value'),
      wire('parse.value', 'plan.value'),
      wire('name.value', 'contact.values'),
      wire('email.value', 'contact.values'),
      wire('plan.value', 'contact.values'),
      wire('contact.value', 'stamp.object'),
      wire('source.value', 'stamp.value'),
      wire('stamp.value', 'out.value'),
    ],
  ),
  sampleInputs: {
    payload: '{"event":"signup","user":{"name":"Ada Lovelace","contact":{"email":"ada@example.test","phone":null}}}',
  },
  expectedOutputs: { contact: { name: 'Ada Lovelace', email: 'ada@example.test', plan: 'free', meta: { source: 'webhook' } } },
};
