/**
 * The subscription bench's clients: `perProject` graphql-ws subscriptions to `projectChanged` per project over
 * `connections` sockets, recording publish→receive latency (the change's commit time `at` → arrival, both
 * `Date.now()` on this one machine) and which versions each subscriber saw. Runs in the bench process
 * (`openSubscribers`) or in a child process of its own (`spawnSubscribers`, this file as the child's entry), so the
 * clients' work does not share an event loop with what they measure.
 */
import { fork } from 'node:child_process';
import type { Client } from 'graphql-ws';
import { wsClient } from '../tests/support/ws-client';

export interface SubscribedProject {
  id: string;
  startVersion: number;
}

export interface SubscribersOptions {
  url: string;
  projects: SubscribedProject[];
  /** Extra selection on the change event, e.g. `project { name version }`. */
  selection: string;
  perProject: number;
  connections: number;
}

export interface SubscribersResult {
  latencies: number[];
  /** Committed versions some subscriber never received. */
  lost: number;
  subscriptionErrors: string[];
  /** CPU time (user + system) of the process the clients ran in, from `start()` to `finish()` (ms; shared with the bench in-process). */
  cpuMs: number;
}

export interface Subscribers {
  /** Starts the measured window: latencies recorded so far are dropped. */
  start(): void;
  /** Waits `drainMs`, counts the committed versions (by project id) each subscriber missed, closes the clients. */
  finish(committed: Record<string, number[]>, drainMs: number): Promise<SubscribersResult>;
}

export function openSubscribers(options: SubscribersOptions): Subscribers {
  const clients: Client[] = Array.from({ length: options.connections }, () => wsClient(options.url));
  const latencies: number[] = [];
  const seen: { projectId: string; versions: Set<number> }[] = [];
  const disposers: (() => void)[] = [];
  const subscriptionErrors: string[] = [];
  let cpuAtStart = process.cpuUsage();
  for (const project of options.projects) {
    for (let s = 0; s < options.perProject; s++) {
      const versions = new Set<number>();
      const client = clients[seen.length % options.connections];
      seen.push({ projectId: project.id, versions });
      disposers.push(
        client.subscribe<any>(
          {
            query: `subscription($p: ID!, $v: Int) { projectChanged(projectId: $p, sinceVersion: $v) { version at ${options.selection} } }`,
            variables: { p: project.id, v: project.startVersion },
          },
          {
            next: ({ data }) => {
              const change = data?.projectChanged;
              if (!change) return;
              versions.add(change.version);
              latencies.push(Date.now() - Date.parse(change.at));
            },
            error: (err: any) => subscriptionErrors.push(String(err?.message ?? err?.reason ?? err?.code ?? err).slice(0, 200)),
            complete: () => undefined,
          },
        ),
      );
    }
  }
  return {
    start() {
      latencies.length = 0;
      cpuAtStart = process.cpuUsage();
    },
    async finish(committed, drainMs) {
      const cpu = process.cpuUsage(cpuAtStart);
      await new Promise((r) => setTimeout(r, drainMs));
      let lost = 0;
      for (const { projectId, versions } of seen) for (const v of committed[projectId] ?? []) if (!versions.has(v)) lost++;
      disposers.forEach((d) => d());
      await Promise.all(clients.map((c) => c.dispose()));
      return { latencies, lost, subscriptionErrors, cpuMs: (cpu.user + cpu.system) / 1000 };
    },
  };
}

type Request = { type: 'open'; options: SubscribersOptions } | { type: 'start' } | { type: 'finish'; committed: Record<string, number[]>; drainMs: number };
type Reply = { type: 'opened' } | { type: 'started' } | { type: 'finished'; result: SubscribersResult };

/** The same clients in a child process (`node --import tsx bench/subscribers.ts`), driven over IPC. */
export async function spawnSubscribers(options: SubscribersOptions): Promise<Subscribers> {
  const child = fork(__filename, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`subscriber process exited (${code})`))));
  exited.catch(() => undefined);
  const ask = <T extends Reply['type']>(request: Request, answer: T) =>
    Promise.race([
      exited,
      new Promise<Extract<Reply, { type: T }>>((resolve) => {
        const onMessage = (reply: Reply) => {
          if (reply.type !== answer) return;
          child.off('message', onMessage);
          resolve(reply as Extract<Reply, { type: T }>);
        };
        child.on('message', onMessage);
        child.send(request);
      }),
    ]);
  await ask({ type: 'open', options }, 'opened');
  return {
    start() {
      void ask({ type: 'start' }, 'started');
    },
    async finish(committed, drainMs) {
      const { result } = await ask({ type: 'finish', committed, drainMs }, 'finished');
      child.disconnect();
      return result;
    },
  };
}

if (require.main === module) {
  let subscribers: Subscribers | undefined;
  const reply = (message: Reply) => process.send!(message);
  process.on('message', async (request: Request) => {
    if (request.type === 'open') {
      subscribers = openSubscribers(request.options);
      reply({ type: 'opened' });
    } else if (request.type === 'start') {
      subscribers!.start();
      reply({ type: 'started' });
    } else {
      reply({ type: 'finished', result: await subscribers!.finish(request.committed, request.drainMs) });
      process.exit(0);
    }
  });
}
