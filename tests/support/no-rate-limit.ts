/** Lifts the router's per-identity HTTP rate limit: a load generator or a bench is one identity sending thousands of requests. */
export const NO_RATE_LIMIT = { RATE_LIMIT_POINTS: '1000000000' };
