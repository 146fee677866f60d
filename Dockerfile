# Production image: the web app built with Node, embedded in the server built with Rust, run on
# Debian slim.
FROM node:20-bookworm-slim AS web
WORKDIR /src/web
COPY web/package.json web/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web/ ./
RUN npm run build

FROM rust:1.95-bookworm AS server
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Cargo.toml Cargo.lock rustfmt.toml diesel.toml ./
COPY crates crates
COPY migrations migrations
# The build embeds the web app (crates/api/build.rs): the binary alone is the app.
COPY --from=web /src/web/dist web/dist
RUN cargo build --release --locked -p continuity

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* && useradd --system --home /var/lib/continuity continuity \
    && mkdir -p /var/lib/continuity && chown continuity /var/lib/continuity
COPY --from=server /src/target/release/continuity /usr/local/bin/continuity
ENV CONTINUITY_BIND=0.0.0.0:8080 \
    CONTINUITY_DATABASE_URL=/var/lib/continuity/continuity.sqlite
USER continuity
WORKDIR /var/lib/continuity
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fsS http://127.0.0.1:8080/readyz || exit 1
ENTRYPOINT ["continuity"]
CMD ["serve"]
