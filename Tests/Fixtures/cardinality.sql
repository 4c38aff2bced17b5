-- Every combination the cardinality rule distinguishes, one child table each.
-- Parent end: exactly one when every FK column is NOT NULL, else zero-or-one.
-- Child end: zero-or-one when a PK or UNIQUE covers exactly the FK columns, else zero-or-many.
CREATE TABLE parent (id INTEGER PRIMARY KEY);
CREATE TABLE pair (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (a, b));

CREATE TABLE required_many (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id));
CREATE TABLE optional_many (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id));
CREATE TABLE required_one (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL UNIQUE REFERENCES parent (id));
CREATE TABLE optional_one (id INTEGER PRIMARY KEY, parent_id INTEGER UNIQUE REFERENCES parent (id));

-- The primary key itself is the foreign key: one-to-one, identifying.
CREATE TABLE extension (id INTEGER PRIMARY KEY REFERENCES parent (id));
-- A full unique index counts as uniqueness; a partial one does not.
CREATE TABLE indexed_one (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id));
CREATE UNIQUE INDEX indexed_one_parent ON indexed_one (parent_id);
CREATE TABLE partial_many (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent (id), live INTEGER);
CREATE UNIQUE INDEX partial_many_parent ON partial_many (parent_id) WHERE live = 1;

-- Composite foreign keys: one edge each.
CREATE TABLE pair_required (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b INTEGER NOT NULL,
  FOREIGN KEY (a, b) REFERENCES pair (a, b));
CREATE TABLE pair_optional (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b INTEGER,
  FOREIGN KEY (a, b) REFERENCES pair (a, b));
CREATE TABLE pair_one (a INTEGER NOT NULL, b INTEGER NOT NULL, PRIMARY KEY (b, a),
  FOREIGN KEY (a, b) REFERENCES pair (a, b));
-- Unique over more columns than the key does not make the key unique.
CREATE TABLE pair_wider (a INTEGER NOT NULL, b INTEGER NOT NULL, c INTEGER NOT NULL, UNIQUE (a, b, c),
  FOREIGN KEY (a, b) REFERENCES pair (a, b));

-- A self-reference.
CREATE TABLE node (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES node (id));
