-- atlas:pos catalog_author[type=table] /src/catalog/models.py:4:1-10:25
-- atlas:pos catalog_book[type=table] /src/catalog/models.py:13:1-19:26

.headers on
PRAGMA foreign_keys = OFF;
BEGIN TRANSACTION;
CREATE TABLE "catalog_author" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(200) NOT NULL);
CREATE TABLE "catalog_book" (
  "id" integer NOT NULL PRIMARY KEY AUTOINCREMENT,
  "title" varchar(200) NOT NULL, -- as printed
  "author_id" bigint NULL REFERENCES "catalog_author" ("id") DEFERRABLE INITIALLY DEFERRED,
  "isbn" text NOT NULL UNIQUE,
  "pages" integer CHECK ("pages" > 0)
);
CREATE INDEX "catalog_book_author_id" ON "catalog_book" ("author_id");
-- A Django migration rebuilds a table to change a column.
CREATE TABLE "new__catalog_author" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(300) NOT NULL, "born" date NULL);
INSERT INTO "new__catalog_author" ("id", "name") SELECT "id", "name" FROM "catalog_author";
DROP TABLE "catalog_author";
ALTER TABLE "new__catalog_author" RENAME TO "catalog_author";
CREATE VIEW "long_books" AS SELECT b."title", a."name" FROM "catalog_book" b JOIN "catalog_author" a ON a."id" = b."author_id" WHERE b."pages" > 500;
ATTACH DATABASE 'erdviz-must-not-create-this.db' AS other;
COMMIT;
