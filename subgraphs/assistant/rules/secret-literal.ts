/** Credentials typed into a node's config end up in the project, its change log, generated code and exports. */
import type { Rule } from './types';
import { describeNode } from './patch-helpers';

const SECRET_VALUE = [
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/, // OpenAI / Anthropic
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{30,}/, // GitHub tokens
  /\bxox[abposr]-[A-Za-z0-9-]{10,}/, // Slack
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/, // a JWT
];
const SECRET_KEY = /(pass(word)?|secret|token|api[-_]?key|authorization|credential|private[-_]?key)$/i;
/** Values that name a secret rather than hold one. */
const PLACEHOLDER = /^(\{\{.*\}\}|\$\{.*\}|<.*>|x+|\*+|changeme|your[-_ ].*)$/i;

/** Config leaves as [JSON-pointer-ish path, key, value]. */
function* strings(value: unknown, path: string, key: string): Generator<[string, string, string]> {
  if (typeof value === 'string') yield [path, key, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}/${i}`, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, `${path}/${k}`, k);
}

export function looksLikeSecret(key: string, value: string): boolean {
  const trimmed = value.trim();
  if (SECRET_VALUE.some((pattern) => pattern.test(trimmed))) return true;
  if (!SECRET_KEY.test(key) || trimmed.length < 8 || PLACEHOLDER.test(trimmed)) return false;
  // An `Authorization: Bearer <token>` header, or a long random-looking value under a secret-sounding key.
  const token = trimmed.replace(/^(bearer|basic|token)\s+/i, '');
  return token.length >= 12 && /[A-Za-z]/.test(token) && /[0-9]/.test(token) && !/\s/.test(token);
}

export const secretLiteralRule: Rule = {
  id: 'secret-literal',
  kind: 'SECURITY',
  severity: 'CRITICAL',
  title: 'Secret written into a node config',
  autoFix: false,
  bestPractices: [
    'Keep credentials out of the graph: pass them at run time or let the platform inject them from a secret store.',
    'Rotate a key that has been saved in a project: it is in the change log and in any generated code.',
  ],
  check(ctx) {
    return ctx.graph.nodes.flatMap((node) =>
      [...strings(node.config ?? {}, '', '')]
        .filter(([, key, value]) => looksLikeSecret(key, value))
        .map(([path]) => ({
          nodeIds: [node.id],
          key: `${node.id}${path}`,
          message: `${describeNode(node)} has what looks like a credential at config${path} ("${mask(String(readPath(node.config, path)))}"). Remove it from the project and rotate it.`,
        })),
    );
  },
};

function readPath(config: unknown, path: string): unknown {
  return path
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], config);
}

/** Enough to recognise the key, not enough to use it. */
function mask(value: string): string {
  return `${value.trim().slice(0, 4)}…`;
}
