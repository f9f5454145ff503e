# syntax=docker/dockerfile:1
# One image for every service, running compiled JavaScript (no tsx at run time); docker-compose.yml picks the service
# with `command: ["node", "dist/main.js", "<service>"]`.

# ---- deps: better-sqlite3 compiles from source, so the toolchain lives only in this stage.
FROM node:20-bookworm-slim AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only: this node_modules is what the runtime stage copies.
RUN SKIP_WEB_BUILD=1 npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

# ---- web: the browser app (web/) built by Vite; only web/dist goes into the runtime image.
FROM node:20-bookworm-slim AS web
WORKDIR /app
COPY web/package.json web/package-lock.json ./web/
RUN npm --prefix web ci --no-audit --no-fund
COPY web ./web
COPY engine/model ./engine/model
RUN npm --prefix web run build

# ---- build: the TypeScript compiler (a dev dependency) turns the sources into dist/ (tsconfig.build.json).
FROM deps AS build
RUN SKIP_WEB_BUILD=1 npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# ---- runtime: no compiler, no root.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=true \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
# Code stays root-owned (read-only for the app); only the data directory is writable.
COPY package.json ./
COPY deploy/healthcheck.js ./deploy/
COPY --from=build /app/dist ./dist
# router/web-app.ts serves ../web/dist from its compiled location (dist/router).
COPY --from=web /app/web/dist ./dist/web/dist
RUN mkdir -p /app/data && chown node:node /app/data
# Numeric id of the image's `node` user, so orchestrators can verify runAsNonRoot.
USER 1000:1000
EXPOSE 8006 8007 8008 8009 8010 8011 8012
# Probes the router's port by default; a container running another service sets HEALTHCHECK_PORT
# (compose passes the port as an argument instead). Node, because slim images have no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "/app/deploy/healthcheck.js"]
# node itself is PID 1 (no npm or shell in between), so SIGTERM from `docker stop` reaches the server.
CMD ["node", "dist/main.js", "router"]
