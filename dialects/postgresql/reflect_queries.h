#pragma once
// The catalog queries of PostgreSQL reflection. Each reads one catalog for the whole
// database (every included schema at once), so the number of statements is fixed
// whatever the number of tables. $1 is a JSON array of the included schema names.

namespace migrate::pg::queries {

// Tables, views and materialized views; extension members left out.
inline constexpr const char* kRelations = R"SQL(
SELECT n.nspname, c.relname, c.relkind, obj_description(c.oid, 'pg_class') AS comment
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN (SELECT json_array_elements_text($1::json))
  AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname)SQL";

inline constexpr const char* kColumns = R"SQL(
SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
       pg_get_expr(ad.adbin, ad.adrelid) AS default_expr, a.attidentity, a.attgenerated,
       col_description(c.oid, a.attnum) AS comment,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END AS collation,
       t.typtype, tn.nspname AS type_schema, t.typname,
       pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) AS owned_sequence
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_collation co ON co.oid = a.attcollation
WHERE n.nspname IN (SELECT json_array_elements_text($1::json))
  AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY n.nspname, c.relname, a.attnum)SQL";

inline constexpr const char* kConstraints = R"SQL(
SELECT n.nspname, c.relname, con.conname, con.contype,
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num) AS columns,
       fn.nspname AS ref_schema, fc.relname AS ref_table,
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num) AS ref_columns,
       con.confdeltype, con.confupdtype, con.condeferrable,
       (SELECT to_jsonb(i) ->> 'indnullsnotdistinct' FROM pg_index i WHERE i.indexrelid = con.conindid)
           AS nulls_not_distinct,
       CASE WHEN con.contype = 'c' THEN pg_get_expr(con.conbin, con.conrelid, true) END AS check_expr
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
WHERE n.nspname IN (SELECT json_array_elements_text($1::json))
  AND con.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relkind IN ('r', 'p')
ORDER BY n.nspname, c.relname, con.conname)SQL";

// Indexes that back a primary key, unique or exclusion constraint are left out.
// (to_jsonb(...) ->> reads a catalog column that older servers do not have as NULL.)
inline constexpr const char* kIndexes = R"SQL(
SELECT n.nspname, c.relname, i.relname AS name, x.indisunique, am.amname,
       x.indnatts > x.indnkeyatts AS has_include, to_jsonb(x) ->> 'indnullsnotdistinct' AS nulls_not_distinct,
       pg_get_expr(x.indpred, x.indrelid, true) AS predicate,
       (SELECT json_agg(json_build_object(
                   'column', CASE WHEN k.attnum <> 0 THEN a.attname END,
                   'expression', pg_get_indexdef(x.indexrelid, k.ord::int, true),
                   'option', x.indoption[k.ord - 1],
                   'opclass', CASE WHEN oc.opcdefault THEN NULL ELSE oc.opcname END) ORDER BY k.ord)
        FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
        LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
        LEFT JOIN pg_opclass oc ON oc.oid = x.indclass[k.ord - 1]
        WHERE k.ord <= x.indnkeyatts) AS elements
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = i.relam
WHERE n.nspname IN (SELECT json_array_elements_text($1::json)) AND c.relkind IN ('r', 'p')
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = x.indexrelid
                  AND con.conrelid = x.indrelid AND con.contype IN ('p', 'u', 'x'))
ORDER BY n.nspname, c.relname, i.relname)SQL";

inline constexpr const char* kEnums = R"SQL(
SELECT n.nspname, t.typname, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname IN (SELECT json_array_elements_text($1::json))
GROUP BY n.nspname, t.typname ORDER BY n.nspname, t.typname)SQL";

// Sequences (not those of extensions) with their settings and the column that owns
// them: deptype 'i' for an identity column, 'a' for OWNED BY (serial columns included);
// owner_default: the owning column's default calls nextval on this sequence (serial).
inline constexpr const char* kSequences = R"SQL(
SELECT n.nspname, c.relname, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
       own.deptype AS owner_kind, oc.relname AS owner_table, oa.attname AS owner_column,
       EXISTS (SELECT 1 FROM pg_attrdef ad JOIN pg_depend dd ON dd.classid = 'pg_attrdef'::regclass AND dd.objid = ad.oid
               WHERE ad.adrelid = own.refobjid AND ad.adnum = own.refobjsubid
                 AND dd.refclassid = 'pg_class'::regclass AND dd.refobjid = c.oid) AS owner_default
FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_depend own ON own.classid = 'pg_class'::regclass AND own.objid = c.oid
     AND own.refclassid = 'pg_class'::regclass AND own.deptype IN ('a', 'i')
LEFT JOIN pg_class oc ON oc.oid = own.refobjid
LEFT JOIN pg_attribute oa ON oa.attrelid = own.refobjid AND oa.attnum = own.refobjsubid
WHERE n.nspname IN (SELECT json_array_elements_text($1::json))
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass AND e.objid = c.oid AND e.deptype = 'e')
ORDER BY n.nspname, c.relname)SQL";

// Triggers and functions (not those of extensions) that models cannot express.
inline constexpr const char* kRoutines = R"SQL(
SELECT 'trigger' AS kind, n.nspname, tg.tgname || ' on ' || c.relname AS name
FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname IN (SELECT json_array_elements_text($1::json)) AND NOT tg.tgisinternal
UNION ALL
SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END, n.nspname,
       p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname IN (SELECT json_array_elements_text($1::json))
  AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_proc'::regclass AND e.objid = p.oid AND e.deptype = 'e')
ORDER BY 1, 2, 3)SQL";

}  // namespace migrate::pg::queries
