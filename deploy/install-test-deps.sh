#!/usr/bin/env bash
# Everything `npm test` needs besides Node, on Debian 12 (bookworm) or later, and the two services started:
#   python3 make g++           better-sqlite3 compiles from source at `npm install`
#   redis-server               Redis on 127.0.0.1:6379 (pub/sub, streams, rate limits; random namespaces per test)
#   postgresql                 PostgreSQL on 127.0.0.1:5432, trusted local TCP logins, database `test`
#   golang-go, a JDK           generated Go and Java projects are compiled and run
#   chromium                   GraphiQL, /docs and the web app in a real headless browser (playwright-core drives it)
#   bubblewrap, slirp4netns    the isolated LOCAL deployment sandbox (its hostile suite)
# Idempotent: installs only what is missing, starts only what is down. Run as root or with sudo.
set -euo pipefail
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo

need=()
command -v python3 >/dev/null || need+=(python3)
command -v make >/dev/null || need+=(make)
command -v g++ >/dev/null || need+=(g++)
command -v redis-server >/dev/null || need+=(redis-server)
command -v pg_ctlcluster >/dev/null || need+=(postgresql)
command -v go >/dev/null || need+=(golang-go)
command -v javac >/dev/null || need+=(default-jdk-headless)
command -v chromium >/dev/null || need+=(chromium)
command -v bwrap >/dev/null || need+=(bubblewrap)
command -v slirp4netns >/dev/null || need+=(slirp4netns)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  $SUDO redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
fi

version=$(ls /etc/postgresql | sort -V | tail -1)
hba=/etc/postgresql/$version/main/pg_hba.conf
# The tests connect as postgres@127.0.0.1 without a password: trust local TCP logins (first matching line wins).
if ! $SUDO grep -Eq '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
  $SUDO sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main reload 2>/dev/null || true
fi
if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
  $SUDO pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
for _ in $(seq 1 30); do
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 && break
  sleep 1
done
if [ "$(psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'")" != 1 ]; then
  psql -h 127.0.0.1 -U postgres -qc 'CREATE DATABASE test'
fi
echo "ready: redis $(redis-cli -h 127.0.0.1 -p 6379 ping), postgres $(pg_isready -h 127.0.0.1 -p 5432 | sed 's/.*- //'), go $(go env GOVERSION), $(javac -version 2>&1), $(chromium --version 2>/dev/null | head -1)"
