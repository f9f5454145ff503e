/**
 * Compose interpolates `${VAR}` references before it validates the file against the schema, so the tests do the same
 * with a chosen environment. Supported, as in the compose spec: `$$` (literal `$`), `$VAR`, `${VAR}`, `${VAR:-default}`,
 * `${VAR-default}`, `${VAR:?error}`, `${VAR?error}`, `${VAR:+alternative}`, `${VAR+alternative}`.
 * Nested references inside a default are not supported (the project's compose file does not use them).
 */

const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

export type Environment = Readonly<Record<string, string | undefined>>;

export class InterpolationError extends Error {
  constructor(readonly problems: readonly { variable: string; message: string }[]) {
    super(problems.map(({ variable, message }) => `${variable}: ${message}`).join('; '));
  }
}

type Problem = InterpolationError['problems'][number];

function resolveReference(name: string, operator: string | undefined, argument: string, env: Environment, problems: Problem[]): string {
  const value = env[name];
  const isSet = value !== undefined;
  const isSetAndNonEmpty = isSet && value !== '';
  const present = operator?.startsWith(':') ? isSetAndNonEmpty : isSet;
  switch (operator) {
    case undefined:
      return value ?? '';
    case ':-':
    case '-':
      return present ? (value as string) : argument;
    case ':?':
    case '?':
      if (!present) problems.push({ variable: name, message: argument || 'required variable is missing' });
      return value ?? '';
    default: // ':+' and '+'
      return present ? argument : '';
  }
}

function interpolateString(text: string, env: Environment, problems: Problem[]): string {
  const result = text.replace(REFERENCE, (match, bracedName?: string, operator?: string, argument?: string, bareName?: string) => {
    if (match === '$$') return '$';
    return resolveReference((bracedName ?? bareName) as string, operator, argument ?? '', env, problems);
  });
  // Anything left like "${" means a malformed reference; compose rejects those too.
  if (text.replace(REFERENCE, '').includes('${')) problems.push({ variable: text, message: 'malformed ${...} reference' });
  return result;
}

/** Interpolates every string value (not keys) of a parsed compose document; throws listing every failed `?` check. */
export function interpolate<T>(document: T, env: Environment): T {
  const problems: Problem[] = [];
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') return interpolateString(node, env, problems);
    if (Array.isArray(node)) return node.map(visit);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, visit(value)]));
    }
    return node;
  };
  const result = visit(document) as T;
  if (problems.length > 0) throw new InterpolationError(problems);
  return result;
}

/** Variables a document requires via `${VAR:?…}` / `${VAR?…}`, in order of first use. */
export function requiredVariables(document: unknown): string[] {
  const required = new Set<string>();
  const text = JSON.stringify(document);
  for (const match of text.matchAll(REFERENCE)) {
    if (match[2] === ':?' || match[2] === '?') required.add(match[1]);
  }
  return [...required];
}
