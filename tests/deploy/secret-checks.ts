import type { ComposeDocument } from './compose-checks';
import { environmentOf } from './compose-checks';

/**
 * Runs on the file as written (before interpolation): secrets must come from the environment, with no default that
 * would quietly become a shared, public password.
 */

const SECRET_NAME = /PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY/i;
const ENV_REFERENCE_WITHOUT_DEFAULT = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::?\?[^}]*)?\}$/;
const URL_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^@\s]*)@/gi;
const PASSWORD_FLAG = /--(?:requirepass|password|pass)[\s=]+(\S+)/gi;
const SHELL_VARIABLE = /^"?\$\$?\{?[A-Za-z_][A-Za-z0-9_]*\}?"?$/;

export function literalSecretProblems({ services }: ComposeDocument): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(services)) {
    for (const [key, value] of Object.entries(environmentOf(service))) {
      if (SECRET_NAME.test(key) && !ENV_REFERENCE_WITHOUT_DEFAULT.test(value)) {
        problems.push(`${name}: ${key} must be a \${VARIABLE} reference without a default, got "${value}"`);
      }
      for (const [, password] of value.matchAll(URL_CREDENTIALS)) {
        if (password !== '' && !ENV_REFERENCE_WITHOUT_DEFAULT.test(password)) {
          problems.push(`${name}: ${key} embeds a literal password`);
        }
      }
    }
    // Exec form splits flag and value into separate items, so scan each command as one line.
    const commands = [service.command, service.healthcheck?.test].map((part) => (Array.isArray(part) ? part.join(' ') : (part ?? '')));
    for (const command of commands) {
      for (const [, argument] of command.matchAll(PASSWORD_FLAG)) {
        if (!SHELL_VARIABLE.test(argument)) problems.push(`${name}: command passes a literal password (${argument})`);
      }
    }
  }
  return problems;
}
