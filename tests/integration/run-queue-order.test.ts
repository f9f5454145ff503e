/** The embedded run queue's order with one slot: FIFO per user, round-robin between users, per-user limits. */
import { createInProcessRunQueue } from '../../subgraphs/workflow/run-queue';
import { createLogger } from '../../platform/logger';

it("serves a second user's single run after at most one run of the first user's backlog", async () => {
  const order: string[] = [];
  let release: () => void = () => undefined;
  const queue = createInProcessRunQueue(
    async (runId) => {
      order.push(runId);
      await new Promise<void>((resolve) => (release = resolve));
    },
    { concurrency: 1, perUser: 1, perProject: 1 },
    createLogger('test', 'silent'),
  );
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
  for (let i = 0; i < 200; i++) await queue.enqueue({ runId: `a${i}`, ownerId: 'alice', projectId: `pa${i}`, createdAt: at(i) }, i + 1);
  await queue.enqueue({ runId: 'b0', ownerId: 'bob', projectId: 'pb', createdAt: at(300) }, 1);
  for (let i = 0; i < 4; i++) {
    release();
    await new Promise((r) => setImmediate(r));
  }
  expect(order).toEqual(['a0', 'b0', 'a1', 'a2', 'a3']);
  await queue.remove('a4'); // cancelled while waiting
  release();
  await new Promise((r) => setImmediate(r));
  expect(order[5]).toBe('a5');
  for (let i = 6; i < 200; i++) await queue.remove(`a${i}`);
  release();
  await queue.close();
});
