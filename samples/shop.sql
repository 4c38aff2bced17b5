-- erdviz sample: a small online shop, in SQLite's dialect.
-- `make sample` builds samples/shop.db from this file and draws it into samples/shop/.
-- A `--` comment on a column's line becomes the column's comment in the diagram; one on the
-- line of a table's opening parenthesis becomes the table's comment.
PRAGMA foreign_keys = ON;

CREATE TABLE country ( -- ISO 3166 countries we ship to
  code TEXT PRIMARY KEY NOT NULL, -- two-letter ISO code
  name TEXT NOT NULL UNIQUE
) WITHOUT ROWID;

CREATE TABLE customer ( -- everyone with an account
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  referred_by INTEGER REFERENCES customer (id) ON DELETE SET NULL, -- who brought them in
  created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE customer_profile ( -- optional extras, at most one per customer
  customer_id INTEGER PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
  bio TEXT,
  avatar_url TEXT
);

CREATE TABLE address (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
  line1 TEXT NOT NULL,
  city TEXT NOT NULL,
  postal_code TEXT,
  country_code TEXT NOT NULL,
  CONSTRAINT address_country_fk FOREIGN KEY (country_code) REFERENCES country (code)
);

CREATE TABLE category ( -- a tree of product categories
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES category (id), -- NULL for top-level categories
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);

CREATE TABLE product (
  id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL,
  name TEXT NOT NULL,
  price numeric(10,2) NOT NULL CHECK (price >= 0), -- list price in EUR
  weight_kg double precision,
  category_id INTEGER NOT NULL REFERENCES category (id),
  active INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX product_active_sku ON product (sku) WHERE active = 1;
CREATE INDEX product_name_lower ON product (lower(name));

CREATE TABLE tag (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE product_tag ( -- many-to-many between products and tags
  product_id INTEGER NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,
  PRIMARY KEY (product_id, tag_id)
);

CREATE TABLE warehouse (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  country_code TEXT NOT NULL REFERENCES country (code)
);

CREATE TABLE stock ( -- units on hand per warehouse
  warehouse_id INTEGER NOT NULL REFERENCES warehouse (id),
  product_id INTEGER NOT NULL REFERENCES product (id),
  quantity INTEGER NOT NULL DEFAULT 0 CHECK (quantity >= 0),
  PRIMARY KEY (warehouse_id, product_id)
) WITHOUT ROWID;

CREATE TABLE "order" (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customer (id),
  shipping_address_id INTEGER REFERENCES address (id), -- NULL until checkout
  status TEXT NOT NULL DEFAULT 'cart' CHECK (status IN ('cart', 'placed', 'shipped', 'cancelled')),
  placed_at TEXT
);

CREATE TABLE order_line (
  order_id INTEGER NOT NULL REFERENCES "order" (id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  product_id INTEGER NOT NULL REFERENCES product (id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price numeric(10,2) NOT NULL,
  line_total numeric(10,2) GENERATED ALWAYS AS (quantity * unit_price) VIRTUAL,
  PRIMARY KEY (order_id, line_no)
);

CREATE TABLE payment ( -- one payment settles one order
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL UNIQUE REFERENCES "order" (id),
  amount numeric(10,2) NOT NULL,
  paid_at TEXT NOT NULL
);

CREATE TABLE shipment (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES "order" (id),
  warehouse_id INTEGER NOT NULL REFERENCES warehouse (id),
  shipped_at TEXT
);

CREATE TABLE shipment_item ( -- which order lines went in which parcel
  shipment_id INTEGER NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
  order_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  quantity INTEGER NOT NULL,
  PRIMARY KEY (shipment_id, order_id, line_no),
  CONSTRAINT shipment_item_line_fk FOREIGN KEY (order_id, line_no)
    REFERENCES order_line (order_id, line_no) DEFERRABLE INITIALLY DEFERRED
);

CREATE TRIGGER order_placed_at AFTER UPDATE OF status ON "order"
WHEN NEW.status = 'placed' AND OLD.placed_at IS NULL
BEGIN
  UPDATE "order" SET placed_at = datetime('now') WHERE id = NEW.id;
END;

CREATE VIEW order_total AS
SELECT o.id AS order_id, o.customer_id, SUM(l.quantity * l.unit_price) AS total
FROM "order" o JOIN order_line l ON l.order_id = o.id
GROUP BY o.id;

CREATE VIEW customer_lifetime_value AS
SELECT c.id AS customer_id, c.full_name, COALESCE(SUM(t.total), 0) AS lifetime_value
FROM customer c LEFT JOIN order_total t ON t.customer_id = c.id
GROUP BY c.id;
