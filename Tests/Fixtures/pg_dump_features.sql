-- What pg_dump --schema-only prints for a schema, object kind by object kind: loaded into the
-- throwaway PostgreSQL, dumped, and read back under --strict (PostgresDumpTests).
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
CREATE EXTENSION IF NOT EXISTS citext;
CREATE COLLATION app.ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE app.pair AS (a integer, b text);
CREATE TYPE app.span AS RANGE (subtype = integer);
CREATE DOMAIN app.positive AS integer CHECK (VALUE > 0);
CREATE TEXT SEARCH CONFIGURATION app.simple_cfg (COPY = pg_catalog.simple);
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
CREATE FUNCTION app.add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT a + b; END;
CREATE PROCEDURE app.noop() LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;
CREATE AGGREGATE app.total(integer) (SFUNC = int4pl, STYPE = integer);
CREATE OPERATOR app.=== (LEFTARG = integer, RIGHTARG = integer, FUNCTION = int4pl);
CREATE CAST (app.pair AS text) WITH INOUT;

CREATE TABLE app.account (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email citext NOT NULL UNIQUE,
  name text COLLATE app.ci,
  mood app.mood DEFAULT 'ok',
  score app.positive,
  updated timestamptz
) WITH (fillfactor = 90);
ALTER TABLE app.account ALTER COLUMN name SET STATISTICS 500;
ALTER TABLE app.account ALTER COLUMN name SET STORAGE EXTERNAL;
ALTER TABLE app.account REPLICA IDENTITY FULL;
ALTER TABLE app.account ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON app.account USING (true);
CREATE INDEX account_name_idx ON app.account (name);
ALTER TABLE app.account CLUSTER ON account_name_idx;
CREATE INDEX account_lower_idx ON app.account (lower(name));
ALTER INDEX app.account_lower_idx ALTER COLUMN 1 SET STATISTICS 100;
CREATE STATISTICS app.account_stats ON name, mood FROM app.account;
CREATE TRIGGER touch BEFORE UPDATE ON app.account FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.account DISABLE TRIGGER touch;

CREATE TABLE app.event (
  id bigserial,
  account_id integer NOT NULL REFERENCES app.account (id) ON DELETE CASCADE,
  at date NOT NULL,
  span app.span,
  PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE app.event_2025 PARTITION OF app.event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE app.event_rest PARTITION OF app.event DEFAULT;
CREATE INDEX event_at_idx ON app.event (at);

CREATE TABLE app.note (id serial PRIMARY KEY, body text);
CREATE TABLE app.account_note (account_id integer REFERENCES app.account (id)) INHERITS (app.note);
CREATE UNLOGGED TABLE app.cache (k text PRIMARY KEY, v jsonb);

CREATE VIEW app.happy AS SELECT id, email FROM app.account WHERE mood = 'happy';
COMMENT ON COLUMN app.happy.email IS 'shown';
CREATE FUNCTION app.happy_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER happy_insert INSTEAD OF INSERT ON app.happy FOR EACH ROW EXECUTE FUNCTION app.happy_insert();
CREATE RULE cache_log AS ON DELETE TO app.cache DO ALSO (NOTIFY cache_a; NOTIFY cache_b);
CREATE MATERIALIZED VIEW app.scores AS SELECT mood, count(*) AS n FROM app.account GROUP BY mood WITH NO DATA;
CREATE INDEX scores_mood_idx ON app.scores (mood);

CREATE PUBLICATION app_pub FOR TABLE app.account;
CREATE ROLE erdviz_dump_reader NOLOGIN;
GRANT USAGE ON SCHEMA app TO erdviz_dump_reader;
GRANT SELECT (id, email) ON app.account TO erdviz_dump_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO erdviz_dump_reader;
CREATE FOREIGN DATA WRAPPER dummy_fdw;
CREATE SERVER dummy_server FOREIGN DATA WRAPPER dummy_fdw;
CREATE FOREIGN TABLE app.remote (id integer, label text) SERVER dummy_server OPTIONS (table_name 'remote');
CREATE FUNCTION app.on_drop() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER no_drops ON sql_drop EXECUTE FUNCTION app.on_drop();
