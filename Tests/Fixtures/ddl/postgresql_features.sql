--
-- PostgreSQL DDL exercising what erdviz maps, in the shape pg_dump and hand-written
-- scripts give it. Loads into PostgreSQL 15 with psql.
--
SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
\restrict 9a8b7c

CREATE SCHEMA billing;
COMMENT ON SCHEMA billing IS 'Money in and out';

CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');
ALTER TYPE public.mood ADD VALUE 'ecstatic' AFTER 'happy';
CREATE DOMAIN public.positive_int AS integer NOT NULL CHECK (VALUE > 0);
COMMENT ON TYPE public.mood IS 'How a customer feels';

SET search_path = public, pg_catalog;

CREATE TABLE customer (
    id serial PRIMARY KEY,
    email character varying(200) NOT NULL UNIQUE,
    name text COLLATE "C",
    mood mood DEFAULT 'ok',
    score numeric(10,2) DEFAULT 0 CHECK (score >= 0),
    tags text[],
    created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
    CONSTRAINT customer_name_not_empty CHECK (name <> '' AND email <> '')
);
COMMENT ON TABLE customer IS 'People who buy';
COMMENT ON COLUMN customer.email IS 'Unique, lower case';

CREATE TABLE billing.invoice (
    id bigint GENERATED ALWAYS AS IDENTITY,
    customer_id integer NOT NULL,
    number positive_int,
    total numeric(12,2) NOT NULL,
    tax numeric(12,2) GENERATED ALWAYS AS (total * 0.2) STORED,
    issued date NOT NULL,
    PRIMARY KEY (id),
    UNIQUE NULLS NOT DISTINCT (customer_id, number),
    FOREIGN KEY (customer_id) REFERENCES customer (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE billing.invoice_line (
    invoice_id bigint NOT NULL,
    line_no int4 NOT NULL,
    sku varchar(40),
    quantity int2 DEFAULT 1 NOT NULL,
    price float8,
    CONSTRAINT invoice_line_pk PRIMARY KEY (invoice_id, line_no)
);
ALTER TABLE ONLY billing.invoice_line
    ADD CONSTRAINT invoice_line_invoice_fk FOREIGN KEY (invoice_id) REFERENCES billing.invoice(id) MATCH FULL ON UPDATE RESTRICT;
ALTER TABLE billing.invoice_line ALTER COLUMN sku SET NOT NULL, ALTER COLUMN price SET DEFAULT 0.0;
ALTER TABLE billing.invoice_line ADD COLUMN note text;
COMMENT ON CONSTRAINT invoice_line_invoice_fk ON billing.invoice_line IS 'Lines die with their invoice';

CREATE TABLE measurement (
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peak integer
) PARTITION BY RANGE (logdate);
CREATE TABLE measurement_y2024 PARTITION OF measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE measurement_rest PARTITION OF measurement DEFAULT;

CREATE TABLE employee (
    id integer PRIMARY KEY,
    manager_id integer REFERENCES employee,
    during tsrange,
    EXCLUDE USING gist (during WITH &&)
);
CREATE TABLE contractor (agency text) INHERITS (employee);
CREATE TABLE employee_archive (LIKE employee INCLUDING DEFAULTS, archived_at timestamp);

CREATE UNIQUE INDEX customer_lower_email ON customer USING btree (lower((email)::text));
CREATE INDEX ON billing.invoice (issued) WHERE total > 1000;

CREATE VIEW billing.big_customer (customer, spent) AS
 WITH totals AS (
   SELECT customer_id, sum(total) AS spent FROM billing.invoice GROUP BY customer_id
 )
 SELECT c.name, t.spent FROM customer c JOIN totals t ON t.customer_id = c.id
 UNION ALL
 SELECT e.id::text, NULL FROM employee e;
COMMENT ON VIEW billing.big_customer IS 'Customers who spent a lot';

CREATE MATERIALIZED VIEW customer_mood AS
 SELECT mood, count(*) AS n FROM customer GROUP BY mood
 WITH NO DATA;

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := now(); -- a ; inside the body
  RETURN NEW;
END $$;
CREATE TRIGGER customer_touch BEFORE INSERT OR UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION touch();

COPY customer (id, email, name) FROM stdin;
1	ann@example.com	Ann; not SQL
2	bob@example.com	\N
\.

ALTER TABLE customer OWNER TO postgres;
GRANT SELECT ON customer TO PUBLIC;
\unrestrict 9a8b7c
