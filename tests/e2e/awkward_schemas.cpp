// The awkward-schema catalogue (awkward_schemas.h): each shape as SQLite and as
// PostgreSQL SQL, written as a hand-made or third-party schema would be.

#include "tests/e2e/awkward_schemas.h"

namespace migrate::test {

namespace {

AwkwardSchema shape(int number, std::string name, std::string sqlite, std::string postgresql) {
    AwkwardSchema s;
    s.number = number;
    s.name = std::move(name);
    s.sqlite = std::move(sqlite);
    s.postgresql = std::move(postgresql);
    return s;
}

const char* kNoComments = "SQLite has no comments";
const char* kNoEnums = "SQLite has no enum types";

}  // namespace

std::vector<AwkwardSchema> awkward_schemas() {
    std::vector<AwkwardSchema> v;
    v.push_back(shape(1, "composite primary keys with a serial column; serial outside a key",
                      R"SQL(
CREATE TABLE tenant_orders (tenant_id INTEGER NOT NULL, id INTEGER NOT NULL,
    placed_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (tenant_id, id));
CREATE TABLE logs (id INTEGER PRIMARY KEY AUTOINCREMENT, msg TEXT);
CREATE TABLE big_keys (id BIGINT PRIMARY KEY, note TEXT);
)SQL",
                      R"SQL(
CREATE TABLE tenant_orders (tenant_id integer NOT NULL, id serial,
    placed_at timestamp NOT NULL DEFAULT now(), PRIMARY KEY (tenant_id, id));
CREATE TABLE counters (id integer PRIMARY KEY, seq bigserial, label text);
CREATE TABLE audit_log (id bigint GENERATED ALWAYS AS IDENTITY, at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, at));
CREATE TABLE parts (id smallserial PRIMARY KEY, name text);
)SQL"));
    v.push_back(shape(2, "tables without a primary key",
                      R"SQL(
CREATE TABLE events (at TEXT NOT NULL, kind TEXT, payload TEXT);
CREATE TABLE kv (k TEXT UNIQUE, v TEXT);
CREATE INDEX events_at ON events (at);
)SQL",
                      R"SQL(
CREATE TABLE events (at timestamptz NOT NULL, kind text, payload jsonb);
CREATE TABLE kv (k text UNIQUE, v text);
CREATE INDEX events_at ON events (at);
)SQL"));
    v.push_back(shape(3, "quoted and mixed-case identifiers",
                      R"SQL(
CREATE TABLE "UserAccounts" ("UserId" INTEGER PRIMARY KEY, "Email Address" VARCHAR(200) NOT NULL,
    "isActive" BOOLEAN DEFAULT 1);
CREATE INDEX "IX_Email" ON "UserAccounts" ("Email Address");
CREATE TABLE "Orders" ("OrderId" INTEGER PRIMARY KEY, "UserId" INTEGER REFERENCES "UserAccounts" ("UserId"),
    "Total-Amount" NUMERIC(10, 2));
)SQL",
                      R"SQL(
CREATE TABLE "UserAccounts" ("UserId" serial PRIMARY KEY, "Email Address" varchar(200) NOT NULL,
    "isActive" boolean DEFAULT true);
CREATE INDEX "IX_Email" ON "UserAccounts" ("Email Address");
CREATE TABLE "Orders" ("OrderId" integer PRIMARY KEY, "UserId" integer REFERENCES "UserAccounts" ("UserId"),
    "Total-Amount" numeric(10, 2));
)SQL"));
    v.push_back(shape(4, "reserved words as table, column and index names",
                      R"SQL(
CREATE TABLE "order" ("select" INTEGER PRIMARY KEY, "from" TEXT, "group" INTEGER, "user" TEXT,
    "table" TEXT CHECK ("table" <> ''));
CREATE TABLE "user" (id INTEGER PRIMARY KEY, "order" INTEGER REFERENCES "order" ("select"));
CREATE INDEX "index" ON "order" ("from", "group");
)SQL",
                      R"SQL(
CREATE TABLE "order" ("select" integer PRIMARY KEY, "from" text, "group" integer, "user" text,
    "table" text CHECK ("table" <> ''));
CREATE TABLE "user" (id integer PRIMARY KEY, "order" integer REFERENCES "order" ("select"));
CREATE INDEX "index" ON "order" ("from", "group");
)SQL"));
    v.push_back(shape(5, "defaults of many kinds",
                      R"SQL(
CREATE TABLE defaults (
    id INTEGER PRIMARY KEY,
    i INTEGER DEFAULT 0, neg INTEGER DEFAULT -1, r REAL DEFAULT 2.5, big INTEGER DEFAULT 9000000000,
    s TEXT DEFAULT 'it''s', e TEXT DEFAULT '', b BOOLEAN NOT NULL DEFAULT 0, t DATETIME DEFAULT CURRENT_TIMESTAMP,
    d DATE DEFAULT (date('now')), x INTEGER DEFAULT (1 + 2), bl BLOB DEFAULT x'00ff', n NUMERIC DEFAULT 1.50,
    nul TEXT DEFAULT NULL, pos INTEGER DEFAULT +5, ct TIME DEFAULT CURRENT_TIME
);
)SQL",
                      R"SQL(
CREATE TABLE defaults (
    id serial PRIMARY KEY,
    i integer DEFAULT 0, neg integer DEFAULT -1, big bigint DEFAULT '42'::bigint, n numeric(10,2) DEFAULT 1.50,
    f double precision DEFAULT 2.5e3, b boolean NOT NULL DEFAULT false, s varchar(20) DEFAULT 'it''s',
    e text DEFAULT '', t timestamp DEFAULT CURRENT_TIMESTAMP, tz timestamptz DEFAULT now(),
    d date DEFAULT CURRENT_DATE, d2 date DEFAULT '2020-01-01', iv interval DEFAULT '1 day',
    j jsonb DEFAULT '{}'::jsonb, arr text[] DEFAULT '{}', u uuid DEFAULT gen_random_uuid(),
    expr integer DEFAULT (1 + 2), lo text DEFAULT lower('ABC'), utc timestamp DEFAULT (now() AT TIME ZONE 'utc'),
    nul text DEFAULT NULL, neg_n numeric DEFAULT -0.5, ch char(2) DEFAULT 'ab'
);
)SQL"));
    v.push_back(shape(6, "self-referencing foreign keys",
                      R"SQL(
CREATE TABLE categories (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES categories (id) ON DELETE CASCADE,
    name TEXT NOT NULL);
CREATE TABLE employees (id INTEGER PRIMARY KEY, manager_id INTEGER, mentor_id INTEGER,
    FOREIGN KEY (manager_id) REFERENCES employees (id), FOREIGN KEY (mentor_id) REFERENCES employees (id) ON DELETE SET NULL);
)SQL",
                      R"SQL(
CREATE TABLE categories (id serial PRIMARY KEY, parent_id integer REFERENCES categories (id) ON DELETE CASCADE,
    name text NOT NULL);
CREATE TABLE employees (id integer PRIMARY KEY, manager_id integer, mentor_id integer,
    FOREIGN KEY (manager_id) REFERENCES employees (id), FOREIGN KEY (mentor_id) REFERENCES employees (id) ON DELETE SET NULL);
)SQL"));
    v.push_back(shape(7, "a foreign-key cycle between two tables",
                      R"SQL(
CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES b (id) ON DELETE SET NULL);
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a (id));
)SQL",
                      R"SQL(
CREATE TABLE a (id integer PRIMARY KEY, b_id integer);
CREATE TABLE b (id integer PRIMARY KEY, a_id integer NOT NULL REFERENCES a (id));
ALTER TABLE a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES b (id) ON DELETE SET NULL;
)SQL"));
    v.push_back(shape(8, "partial, unique, descending, expression and mixed indexes",
                      R"SQL(
CREATE TABLE people (id INTEGER PRIMARY KEY, name VARCHAR(50), email TEXT, disabled BOOLEAN NOT NULL DEFAULT 0,
    score INTEGER, created DATETIME);
CREATE UNIQUE INDEX people_email_live ON people (lower(email)) WHERE disabled = 0;
CREATE INDEX people_score_desc ON people (score DESC, created);
CREATE INDEX people_mixed ON people (lower(name), disabled);
CREATE INDEX people_expr_desc ON people (score * 2 DESC);
CREATE INDEX people_coalesce ON people (coalesce(score, 0), id);
CREATE UNIQUE INDEX people_name ON people (name);
CREATE INDEX people_nocase ON people (name COLLATE NOCASE);
)SQL",
                      R"SQL(
CREATE TABLE people (id serial PRIMARY KEY, name varchar(50), email text, disabled boolean NOT NULL DEFAULT false,
    score integer, created timestamp);
CREATE UNIQUE INDEX people_email_live ON people (lower(email)) WHERE NOT disabled;
CREATE INDEX people_score_desc ON people (score DESC NULLS LAST, created);
CREATE INDEX people_mixed ON people (lower(name), disabled);
CREATE INDEX people_pattern ON people (name varchar_pattern_ops);
CREATE INDEX people_expr_desc ON people ((score * 2) DESC);
CREATE INDEX people_coalesce ON people (coalesce(score, 0), id);
CREATE UNIQUE INDEX people_name ON people (name);
CREATE INDEX people_lower_pattern ON people (lower(name) text_pattern_ops, created DESC);
CREATE INDEX people_gin ON people USING gin (to_tsvector('english', coalesce(name, '')));
)SQL"));
    v.push_back(shape(9, "check constraints",
                      R"SQL(
CREATE TABLE products (id INTEGER PRIMARY KEY, price NUMERIC(10, 2) CHECK (price >= 0),
    status TEXT CHECK (status IN ('draft', 'live')), qty INTEGER, code VARCHAR(10),
    CONSTRAINT qty_range CHECK (qty BETWEEN 0 AND 1000),
    CHECK (length(code) = 10 OR code IS NULL),
    CHECK (price > 0 OR qty = 0));
)SQL",
                      R"SQL(
CREATE TABLE products (id integer PRIMARY KEY, price numeric(10, 2) CHECK (price >= 0),
    status text CHECK (status IN ('draft', 'live')), qty integer, code varchar(10),
    CONSTRAINT qty_range CHECK (qty BETWEEN 0 AND 1000),
    CHECK (length(code) = 10 OR code IS NULL),
    CHECK (price > 0 OR qty = 0),
    CHECK (code ~ '^[A-Z]+$'));
)SQL"));
    {
        AwkwardSchema s = shape(10, "comments", "",
                                R"SQL(
CREATE TABLE notes (id integer PRIMARY KEY, body text, "Weird Col" text);
COMMENT ON TABLE notes IS 'it''s a "note": with punctuation';
COMMENT ON COLUMN notes.body IS E'two\nlines';
COMMENT ON COLUMN notes."Weird Col" IS '';
)SQL");
        s.sqlite_skip = kNoComments;
        v.push_back(s);
    }
    {
        AwkwardSchema s = shape(11, "enums", "",
                                R"SQL(
CREATE TYPE status AS ENUM ('new', 'in progress', 'done');
CREATE TYPE "Mood" AS ENUM ('ok', 'not ok');
CREATE TABLE tickets (id integer PRIMARY KEY, status status NOT NULL DEFAULT 'new', mood "Mood",
    history status[]);
)SQL");
        s.sqlite_skip = kNoEnums;
        v.push_back(s);
    }
    v.push_back(shape(12, "columns named like keywords and types",
                      R"SQL(
CREATE TABLE things (id INTEGER PRIMARY KEY, "type" TEXT, name TEXT, "key" TEXT, value TEXT, "text" TEXT,
    "integer" INTEGER, "date" DATE, "default" TEXT DEFAULT 'x', "check" INTEGER CHECK ("check" > 0),
    "primary" INTEGER UNIQUE, "references" INTEGER);
CREATE INDEX things_type ON things ("type", "key");
)SQL",
                      R"SQL(
CREATE TABLE things (id integer PRIMARY KEY, "type" text, name text, "key" text, value text, "text" text,
    "integer" integer, "date" date, "default" text DEFAULT 'x', "check" integer CHECK ("check" > 0),
    "primary" integer UNIQUE, "references" integer);
CREATE INDEX things_type ON things ("type", "key");
)SQL"));
    v.push_back(shape(13, "types of many kinds",
                      R"SQL(
CREATE TABLE typed (id INTEGER PRIMARY KEY, a VARCHAR(20), b NVARCHAR(10), c CHAR(3), d DECIMAL(10, 2),
    e DOUBLE, f FLOAT, g BLOB, h BOOLEAN, i DATETIME, j TIMESTAMP, k JSON, l, m SMALLINT, n BIGINT,
    o UNSIGNED BIG INT, p CLOB, q VARYING CHARACTER(5), r DOUBLE PRECISION, s INT8, t TINYINT);
)SQL",
                      R"SQL(
CREATE TABLE typed (id integer PRIMARY KEY, a smallint, b char(3), c varchar, d numeric, e real,
    f double precision, g bytea, h inet, i cidr, j macaddr, k tsvector, l time, m timetz, n timestamp(3),
    o interval, p integer[], q jsonb, r json, s xml, t money, u uuid, w bit(8), x varbit, y text[][],
    z timestamptz(0), aa varchar(20)[], bb numeric(5), cc float8, dd int2, ee "char");
)SQL"));
    v.push_back(shape(14, "composite unique constraints and composite foreign keys with actions",
                      R"SQL(
CREATE TABLE regions (country CHAR(2) NOT NULL, code VARCHAR(10) NOT NULL, name TEXT, PRIMARY KEY (country, code));
CREATE TABLE shops (id INTEGER PRIMARY KEY, country CHAR(2), region VARCHAR(10), UNIQUE (country, region, id),
    FOREIGN KEY (country, region) REFERENCES regions (country, code) ON UPDATE CASCADE ON DELETE SET NULL);
)SQL",
                      R"SQL(
CREATE TABLE regions (country char(2), code varchar(10), name text, PRIMARY KEY (country, code));
CREATE TABLE shops (id serial PRIMARY KEY, country char(2), region varchar(10), UNIQUE (country, region, id),
    FOREIGN KEY (country, region) REFERENCES regions (country, code) ON UPDATE CASCADE ON DELETE SET NULL);
)SQL"));
    v.push_back(shape(15, "collations",
                      R"SQL(
CREATE TABLE c (id INTEGER PRIMARY KEY, name TEXT COLLATE NOCASE, title VARCHAR(20) COLLATE RTRIM);
)SQL",
                      R"SQL(
CREATE TABLE c (id integer PRIMARY KEY, name text COLLATE "C", title varchar(20) COLLATE "POSIX");
)SQL"));
    {
        AwkwardSchema s = shape(16, "views, triggers and functions beside the tables",
                                R"SQL(
CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL, updated TEXT);
CREATE VIEW titles AS SELECT title FROM posts;
CREATE TRIGGER posts_touch AFTER UPDATE ON posts BEGIN UPDATE posts SET updated = 'x' WHERE id = NEW.id; END;
)SQL",
                                R"SQL(
CREATE TABLE posts (id serial PRIMARY KEY, title text NOT NULL, updated timestamptz);
CREATE VIEW titles AS SELECT title FROM posts;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.updated = now(); RETURN NEW; END$$;
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch();
)SQL");
        s.sqlite_not_managed = {"  trigger posts_touch", "  view titles"};
        s.postgresql_not_managed = {"  function touch()", "  trigger posts_touch on posts",
                                    "  view titles"};
        v.push_back(s);
    }
    {
        AwkwardSchema s =
            shape(17,
                  "what the models cannot carry: generated columns, table options, deferrable "
                  "and exclusion constraints, covering indexes",
                  R"SQL(
CREATE TABLE rooms (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE bookings (id INTEGER PRIMARY KEY, room_id INTEGER REFERENCES rooms (id) DEFERRABLE INITIALLY DEFERRED,
    nights INTEGER NOT NULL, total REAL GENERATED ALWAYS AS (nights * 90.0) STORED, label TEXT AS ('#' || id));
CREATE TABLE settings (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
CREATE TABLE counters (id INTEGER PRIMARY KEY, n INT NOT NULL, v ANY) STRICT;
)SQL",
                  R"SQL(
CREATE TABLE rooms (id serial PRIMARY KEY, name text);
CREATE TABLE bookings (id serial PRIMARY KEY,
    room_id integer REFERENCES rooms (id) DEFERRABLE INITIALLY DEFERRED, during tsrange NOT NULL,
    nights integer NOT NULL, total numeric GENERATED ALWAYS AS (nights * 90) STORED,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&));
CREATE INDEX bookings_room ON bookings (room_id) INCLUDE (nights);
CREATE TABLE pairs (a integer, b integer, CONSTRAINT pairs_ab UNIQUE NULLS NOT DISTINCT (a, b));
CREATE TABLE tickets (id integer PRIMARY KEY, position serial);
ALTER TABLE tickets ALTER position DROP NOT NULL;
)SQL");
        s.sqlite_not_managed = {"  STRICT table counters", "  WITHOUT ROWID table settings",
                                "  deferrable constraint bookings.fk_bookings_room_id_rooms",
                                "  generated column bookings.label",
                                "  generated column bookings.total"};
        s.postgresql_not_managed = {"  INCLUDE columns of index bookings_room",
                                    "  NULLS NOT DISTINCT constraint pairs.pairs_ab",
                                    "  deferrable constraint bookings.bookings_room_id_fkey",
                                    "  exclusion constraint bookings.bookings_no_overlap",
                                    "  generated column bookings.total",
                                    "  nullable serial column tickets.position"};
        v.push_back(s);
    }
    return v;
}

}  // namespace migrate::test
