# syntax=docker/dockerfile:1
# One image for every service; docker-compose.yml picks the service with `command: npm run start:<service>`.

# ---- deps: better-sqlite3 compiles from source, so the toolchain lives only in this stage.
FROM node:20-bookworm-slim AS deps
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# tsx is a runtime dependency (TypeScript runs without a build step), so dev tools can be left out.
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
COPY . .
COPY --from=web /app/web/dist ./web/dist
RUN mkdir -p /app/data && chown node:node /app/data
# Numeric id of the image's `node` user, so orchestrators can verify runAsNonRoot.
USER 1000:1000
EXPOSE 8006 8007 8008 8009 8010 8011 8012
# Probes the router's port by default; a container running another service sets HEALTHCHECK_PORT
# (compose passes the port as an argument instead). Node, because slim images have no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "/app/deploy/healthcheck.js"]
CMD ["npm", "run", "start:router"]
