/**
 * A topic of the event bus as a bounded async stream. Listening starts before the caller reads anything (so a
 * replay that follows loses nothing); a consumer that falls more than `limit` messages behind is cut off with a
 * clear error instead of growing memory without bound.
 */
import { GraphQLError } from 'graphql';
import type { EventBus, Topic } from '../../platform/events';

export interface TopicStream<T> extends AsyncIterableIterator<T> {
  return(): Promise<IteratorResult<T>>;
}

export const SLOW_CONSUMER = 'SLOW_CONSUMER';

/** Topic streams currently listening in this process (a leak shows here first). */
export const topicStats = { open: 0 };

/**
 * `signal` ends the stream from outside: a generator suspended on `next()` cannot be returned until that promise
 * settles, so a client that goes away must end the stream itself, or the listener lives until the next event.
 */
export async function openTopic<T>(bus: EventBus, topic: Topic<T>, limit: number, signal?: AbortSignal): Promise<TopicStream<T>> {
  const buffer: T[] = [];
  let waiting: ((result: IteratorResult<T>) => void) | undefined;
  let failure: Error | undefined;
  let done = false;
  const stop = await bus.on(topic, (message) => {
    if (done) return;
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve({ value: message, done: false });
      return;
    }
    if (buffer.length >= limit) {
      failure = new GraphQLError(`Subscription fell more than ${limit} events behind and was ended; resubscribe to catch up`, {
        extensions: { code: SLOW_CONSUMER },
      });
      finish();
      return;
    }
    buffer.push(message);
  });
  topicStats.open++;
  const finish = () => {
    if (done) return;
    done = true;
    topicStats.open--;
    stop();
    waiting?.({ value: undefined, done: true });
    waiting = undefined;
  };
  if (signal?.aborted) finish();
  else signal?.addEventListener('abort', finish, { once: true });
  const stream: TopicStream<T> = {
    next() {
      if (buffer.length) return Promise.resolve({ value: buffer.shift()!, done: false });
      if (failure) return Promise.reject(failure);
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    async return() {
      finish();
      buffer.length = 0;
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}
