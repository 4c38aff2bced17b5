-- SQLite features the inspector must read: keys, actions, indexes, generated and hidden columns.
CREATE TABLE author ( -- people who write
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL COLLATE NOCASE, -- as printed
  email TEXT,
  CONSTRAINT author_email_key UNIQUE (email)
);
CREATE TABLE book (
  isbn TEXT NOT NULL,
  edition INTEGER NOT NULL DEFAULT 1,
  title TEXT NOT NULL,
  author_id INTEGER REFERENCES AUTHOR ON DELETE SET NULL ON UPDATE CASCADE,
  pages INTEGER CHECK (pages > 0),
  slug TEXT GENERATED ALWAYS AS (lower(title)) STORED,
  words INTEGER AS (pages * 300) VIRTUAL,
  CONSTRAINT book_pk PRIMARY KEY (isbn, edition),
  CONSTRAINT book_title_check CHECK (length(title) > 0)
) WITHOUT ROWID;
CREATE INDEX book_title_partial ON book (title) WHERE pages > 100;
CREATE INDEX book_expr ON book (lower(title), edition DESC);
CREATE TABLE review (
  id INTEGER PRIMARY KEY,
  isbn TEXT NOT NULL,
  edition INTEGER NOT NULL,
  stars INTEGER NOT NULL,
  CONSTRAINT review_book_fk FOREIGN KEY (isbn, edition) REFERENCES book (isbn, edition)
    ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED
) STRICT;
CREATE VIRTUAL TABLE book_search USING fts5(title, body);
CREATE TRIGGER review_stars BEFORE INSERT ON review
BEGIN
  SELECT RAISE(ABORT, 'stars out of range') WHERE NEW.stars NOT BETWEEN 1 AND 5;
END;
CREATE VIEW book_stars AS SELECT b.title, avg(r.stars) AS stars FROM book b JOIN review r USING (isbn, edition) GROUP BY b.title;
CREATE VIEW top_books AS SELECT title FROM book_stars WHERE stars > 4;
