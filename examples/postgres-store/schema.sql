-- Tables of the PostgreSQL stores (store.ts). `migrate()` runs this file's statements.
CREATE TABLE IF NOT EXISTS account_requests (
  seq           bigserial PRIMARY KEY,
  id            text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL,
  field_values  jsonb NOT NULL,
  password_hash text,
  locale        text NOT NULL,
  access        text NOT NULL,
  status        text NOT NULL
);

CREATE TABLE IF NOT EXISTS idempotency_keys (
  key        text PRIMARY KEY,
  body_hash  text NOT NULL,
  claimed_at timestamptz NOT NULL DEFAULT now(),
  response   jsonb
);

CREATE TABLE IF NOT EXISTS form_config (
  name   text PRIMARY KEY,
  config jsonb NOT NULL,
  etag   text NOT NULL
);
