# syntax=docker/dockerfile:1
# The account-request server (packages/demo-server) for production, in two stages: `build`
# installs every dependency and runs `npm run build` (the packages, the browser bundles and the
# server compiled to plain JavaScript); the final image holds only the runtime dependencies of
# the server and the built files, runs as the unprivileged `node` user, and starts with plain
# `node` (no tsx, no compiler). See docs/deployment.md.
#
#   docker build -t account-request .
#   docker run -p 8080:8080 -e PUBLIC_URL=https://shop.example -e ADMIN_PASSWORD=… -v account-request-data:/data account-request
#
# Set PUBLIC_URL (HOST is 0.0.0.0): links in e-mails are built on it, never on a request's Host;
# without it they point at http://localhost and the server warns at start.

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The manifests first, so the dependency layer is reused while only sources change.
COPY package.json package-lock.json ./
COPY packages/sdk/package.json packages/sdk/
COPY packages/form/package.json packages/form/
COPY packages/field-config/package.json packages/field-config/
COPY packages/postgres/package.json packages/postgres/
COPY packages/demo-server/package.json packages/demo-server/
COPY examples/react/package.json examples/react/
COPY examples/postgres-store/package.json examples/postgres-store/
RUN npm ci --no-fund --no-audit
COPY . .
RUN npm run build \
 && mkdir -p /staging/manifests /staging/built \
 && cp --parents package.json package-lock.json packages/*/package.json examples/*/package.json /staging/manifests/ \
 && cp -r --parents packages/*/dist packages/demo-server/public /staging/built/

FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /staging/manifests ./
# Only what the server imports at run time; none of these has an install script.
RUN npm ci --omit=dev --ignore-scripts --no-fund --no-audit --workspace=@account-request/demo-server \
 && npm cache clean --force
COPY --from=build /staging/built ./
RUN mkdir /data && chown node:node /data
USER node
ENV HOST=0.0.0.0 \
    PORT=8080 \
    DATA_DIR=/data
VOLUME /data
EXPOSE 8080
# /healthz: the process answers (the image has no curl; Node's fetch does it).
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself (graceful shutdown, SHUTDOWN_TIMEOUT_MS).
CMD ["node", "packages/demo-server/dist/main.js"]
