-- The "use all of PostgreSQL" pattern: the application's role `app` reads and writes the shop,
-- only reads the audit trail a trigger writes, and sees only its tenant's orders (row-level
-- security). The roles `app`, `app_user` and `auditor` exist before this runs (the tests create
-- them, and drop them after); the script runs as `postgres`.
CREATE SCHEMA shop;
CREATE SCHEMA audit;
COMMENT ON SCHEMA audit IS 'written by triggers only';
GRANT USAGE ON SCHEMA shop, audit TO app;
GRANT USAGE ON SCHEMA audit TO auditor;
ALTER DEFAULT PRIVILEGES IN SCHEMA shop GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO app;
ALTER DEFAULT PRIVILEGES IN SCHEMA audit GRANT SELECT, INSERT ON TABLES TO app;
ALTER DEFAULT PRIVILEGES IN SCHEMA audit GRANT SELECT ON TABLES TO auditor;

CREATE TABLE shop.tenant (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE shop.orders (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id integer NOT NULL REFERENCES shop.tenant (id),
  placed_by name NOT NULL DEFAULT CURRENT_USER,
  total numeric(12,2) NOT NULL
);
CREATE TABLE audit.log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  table_name text NOT NULL,
  operation text NOT NULL,
  row_data jsonb,
  changed_by name NOT NULL DEFAULT SESSION_USER,
  changed_at timestamp with time zone NOT NULL DEFAULT now()
);
CREATE TABLE audit.login (id bigint PRIMARY KEY, who name NOT NULL);
ALTER TABLE audit.login OWNER TO auditor;

-- Whatever the defaults gave, the application may not write the audit trail.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA audit FROM app;
REVOKE ALL ON SCHEMA audit FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA audit REVOKE INSERT ON TABLES FROM app;

CREATE FUNCTION audit.log_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
  INSERT INTO audit.log (table_name, operation, row_data) VALUES (TG_TABLE_NAME, TG_OP, to_jsonb(NEW));
  RETURN NEW;
END $$;
COMMENT ON FUNCTION audit.log_change() IS 'writes every change to audit.log';
CREATE FUNCTION shop.current_tenant() RETURNS integer LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('app.tenant', true), '')::integer $$;
CREATE FUNCTION shop.orders_of(p_tenant integer, OUT id bigint, OUT total numeric) RETURNS SETOF record
  LANGUAGE sql AS $$ SELECT id, total FROM shop.orders WHERE tenant_id = p_tenant $$;
CREATE PROCEDURE shop.close_tenant(p_tenant integer, INOUT closed integer DEFAULT 0)
  LANGUAGE plpgsql AS $$ BEGIN closed := 1; END $$;
CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OR DELETE ON shop.orders
  FOR EACH ROW EXECUTE FUNCTION audit.log_change();

ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE shop.orders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON shop.orders TO app USING (tenant_id = shop.current_tenant());
CREATE POLICY no_big_orders ON shop.orders AS RESTRICTIVE FOR INSERT TO app WITH CHECK (total < 10000.0);
COMMENT ON POLICY tenant_isolation ON shop.orders IS 'a session sees its own tenant only';

GRANT SELECT (id, name) ON shop.tenant TO auditor;
GRANT app TO app_user;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA shop GRANT USAGE ON SEQUENCES TO app;
CREATE VIEW shop.order_totals AS SELECT tenant_id, sum(total) AS total FROM shop.orders GROUP BY tenant_id;
GRANT SELECT ON shop.order_totals TO auditor WITH GRANT OPTION;
