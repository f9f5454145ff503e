/** Structured JSON logs (pino). Every request's child logger carries its request id, passed router → subgraph. */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(service: string, level: string): Logger {
  return pino({
    name: service,
    level: level === 'debug' || level === 'trace' || level === 'silent' || level === 'warn' || level === 'error' || level === 'fatal' ? level : 'info',
    // Secrets never reach the logs, whatever a caller passes along.
    redact: { paths: ['req.headers.authorization', 'headers.authorization', '*.apiKey', '*.password', '*.secret'], censor: '[redacted]' },
  });
}
