/**
 * Per-identity rate limits (docs/ARCHITECTURE.md §11): a fixed window of RATE_LIMIT_POINTS requests per
 * RATE_LIMIT_WINDOW_SECONDS for each authenticated user, or each address when the caller is anonymous. Counted in
 * Redis when REDIS_URL is set (every router replica shares the budget), in memory otherwise. Over budget: 429 with
 * Retry-After. A Redis outage falls back to the in-memory limiter rather than refusing everybody.
 */
import type express from 'express';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../../platform/config';
import type { Logger } from '../../platform/logger';
import type { RequestAuthentication } from '../authenticate';

export interface RateLimit {
  middleware: express.RequestHandler;
  /**
   * Takes one point from `key`'s budget (`user:<sub>` or `addr:<address>`): undefined when allowed, else the seconds
   * to wait. graphql-ws operations draw from the same budget as HTTP requests.
   */
  consume(key: string): Promise<number | undefined>;
  close(): Promise<void>;
}

export const rateLimitKey = (identity: { sub: string } | undefined, address: string | undefined) =>
  identity ? `user:${identity.sub}` : `addr:${address ?? 'unknown'}`;

/** The GraphQL error of an operation over budget (HTTP answers 429 with it; graphql-ws sends it as the operation's error). */
export const rateLimited = (retryAfter: number) => ({
  message: `Too many requests; retry in ${retryAfter} s`,
  extensions: { code: 'RATE_LIMITED', retryAfter },
});

export function createRateLimit(config: AppConfig, log: Logger, auth: RequestAuthentication): RateLimit {
  const { rateLimitPoints: points, rateLimitWindowSeconds: duration } = config.security;
  if (points === 0) return { middleware: (_req, _res, next) => next(), consume: async () => undefined, close: async () => undefined };
  const memory = new RateLimiterMemory({ points, duration, keyPrefix: 'rl' });
  let redis: Redis | undefined;
  let limiter: RateLimiterMemory | RateLimiterRedis = memory;
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, retryStrategy: (n) => Math.min(n * 200, 2_000) });
    redis.on('error', (err) => log.debug({ err }, 'rate-limit Redis connection error'));
    limiter = new RateLimiterRedis({
      storeClient: redis,
      points,
      duration,
      keyPrefix: `${config.redisNamespace}:rl`,
      insuranceLimiter: new RateLimiterMemory({ points, duration }),
    });
  }
  const consume = async (key: string): Promise<number | undefined> => {
    try {
      await limiter.consume(key);
      return undefined;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) {
        log.warn({ err }, 'rate limiter unavailable; letting the request through');
        return undefined;
      }
      return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    }
  };
  const middleware: express.RequestHandler = async (req, res, next) => {
    let key: string;
    try {
      key = rateLimitKey(await auth.authenticate(req), undefined);
    } catch {
      key = rateLimitKey(undefined, req.socket.remoteAddress); // refused later with 401; still counted
    }
    try {
      const result = await limiter.consume(key);
      res.setHeader('RateLimit-Limit', String(points));
      res.setHeader('RateLimit-Remaining', String(result.remainingPoints));
      next();
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) {
        log.warn({ err }, 'rate limiter unavailable; letting the request through');
        return next();
      }
      const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      res.setHeader('Retry-After', String(retryAfter));
      res.status(429).json({ errors: [rateLimited(retryAfter)] });
    }
  };
  return {
    middleware,
    consume,
    close: async () => {
      redis?.disconnect();
    },
  };
}
