/** A real graphql-ws client for tests: collects a subscription's results, and can wait for a condition on them. */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Collected<T = any> {
  results: T[];
  errors: unknown[];
  completed: boolean;
  waitFor(predicate: (results: T[]) => boolean, timeoutMs?: number): Promise<T[]>;
  stop(): void;
}

export function wsClient(httpUrl: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({ url: `${httpUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}): Collected<T> {
  const results: T[] = [];
  const errors: unknown[] = [];
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const collected: Collected<T> = {
    results,
    errors,
    completed: false,
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(results)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(results);
          } else if (errors.length || collected.completed) {
            waiters.delete(check);
            clearTimeout(timer);
            reject(
              new Error(
                `subscription ended first: ${JSON.stringify(errors).slice(0, 500)} after ${results.length} results: ${JSON.stringify(results).slice(0, 500)}`,
              ),
            );
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out after ${results.length} results: ${JSON.stringify(results).slice(0, 500)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop: () => undefined,
  };
  collected.stop = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) errors.push(value.errors);
        else results.push(value.data as T);
        notify();
      },
      error: (err) => {
        errors.push(err);
        notify();
      },
      complete: () => {
        collected.completed = true;
        notify();
      },
    },
  );
  return collected;
}
