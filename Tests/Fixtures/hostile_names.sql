-- Names, types and comments that break naive Mermaid, DOT and HTML writers.
CREATE TABLE "billing.invoice" ( -- <b>bold</b> "quoted" 100% back\slash #quot; ]]> & 😀
  "line.no" INTEGER PRIMARY KEY,
  "amount-due" numeric(10,2) NOT NULL, -- in "EUR", 100% \ <script>alert(1)</script>
  "first name" TEXT,
  "2fa_enabled" INTEGER,
  "to" TEXT,
  "one" TEXT,
  "pk" INTEGER,
  "fk" INTEGER,
  "PK-id" INTEGER,
  "ratio" double precision,
  "wide" numeric(10, 2),
  "label" character varying(255),
  "at" timestamp with time zone,
  "untyped",
  "select" TEXT,
  "_private_" TEXT,
  "*star*" TEXT,
  "a~b~c" TEXT,
  "back`tick" TEXT,
  "new
line" TEXT
);
CREATE TABLE "my-table" (
  id INTEGER PRIMARY KEY,
  "billing.invoice_id" INTEGER NOT NULL REFERENCES "billing.invoice" ("line.no")
);
CREATE TABLE "to" (id INTEGER PRIMARY KEY, "one" INTEGER REFERENCES "my-table" (id));
CREATE TABLE "one" (id INTEGER PRIMARY KEY, "to" INTEGER UNIQUE REFERENCES "to" (id));
CREATE TABLE "123abc" (id INTEGER PRIMARY KEY);
CREATE TABLE "order" (id INTEGER PRIMARY KEY, "123abc_id" INTEGER REFERENCES "123abc" (id));
CREATE TABLE "class" (id INTEGER PRIMARY KEY);
CREATE TABLE "end" (id INTEGER PRIMARY KEY);
CREATE TABLE "u-turn" (id INTEGER PRIMARY KEY, "end" INTEGER REFERENCES "end" (id));
CREATE TABLE "with space" (id INTEGER PRIMARY KEY, "class" INTEGER REFERENCES "class" (id));
CREATE TABLE "quote""d" (id INTEGER PRIMARY KEY);
CREATE TABLE "<script>alert('x')</script>" (id INTEGER PRIMARY KEY, q INTEGER REFERENCES "quote""d" (id));
CREATE TABLE "100%" (id INTEGER PRIMARY KEY);
CREATE TABLE "back\slash" (id INTEGER PRIMARY KEY, p INTEGER REFERENCES "100%" (id));
CREATE TABLE "emoji😀" (id INTEGER PRIMARY KEY);
CREATE TABLE "客户" (id INTEGER PRIMARY KEY, e INTEGER REFERENCES "emoji😀" (id));
CREATE TABLE "__init__" (id INTEGER PRIMARY KEY);
CREATE TABLE "x]]>y" (id INTEGER PRIMARY KEY, i INTEGER REFERENCES "__init__" (id));
CREATE TABLE "a_b" (id INTEGER PRIMARY KEY);
CREATE TABLE "a-b" (id INTEGER PRIMARY KEY, ab INTEGER REFERENCES "a_b" (id));
CREATE VIEW "view.of-things" AS SELECT "line.no", "first name" FROM "billing.invoice";
-- Markup, script, template and URL payloads in names, comments, defaults, checks, indexes and
-- triggers: every output must keep them as text, and the HTML page must run none of them.
CREATE TABLE "</script><script>window.__erdvizInjected='table'</script>" ( -- <img src=x onerror="window.__erdvizInjected='comment'"> </script><script>alert('comment')</script> ]]> <!-- -->
  id INTEGER PRIMARY KEY,
  "<img src=x onerror=alert(1)>" TEXT DEFAULT '</script><script>window.__erdvizInjected=''default''</script>', -- javascript:window.__erdvizInjected='link'
  "{{script}}" TEXT DEFAULT '{{catalog}}', -- {{csp}} ${alert(1)} <svg onload="window.__erdvizInjected='svg'">
  "emoji 😀 | pipe" TEXT DEFAULT 'it''s "quoted" & <b>bold</b>', -- 😀 | pipes | *stars* _under_ #hash `tick`
  invoice_no INTEGER NOT NULL REFERENCES "billing.invoice" ("line.no"),
  CHECK ("emoji 😀 | pipe" <> '</script><img src=x onerror=alert(2)>')
);
CREATE INDEX "<svg onload=alert('index')>" ON "</script><script>window.__erdvizInjected='table'</script>" ("<img src=x onerror=alert(1)>");
CREATE TRIGGER "<img src=x onerror=alert('trigger')>" AFTER INSERT ON "</script><script>window.__erdvizInjected='table'</script>"
BEGIN
  SELECT '</script><script>window.__erdvizInjected=''trigger''</script>';
END;
