-- 036_message_fields.sql: every rule says which field it concerns (issue
-- 12, "Every server rule has words").
--
-- eduaid.message.field was NULL for the rows of 241 constraints (primary
-- and foreign keys, unique keys and indexes, the CHECKs of tables no form
-- edits) and for most EA0xx SQLSTATEs. Each row now names the column of
-- the constraint's table that a person would fix, or the whole-record
-- marker '_record' (the rule concerns the record as a whole: a primary
-- key, a row's identity, a rule across several records, a SQLSTATE of the
-- workflow). The client (src/db/messages.c) shows a rule's sentence as the
-- hint of its field when the field is entered and puts a refusal on that
-- field; '_record' goes to the status line only. tests/db/24_messages.sql
-- walks every named constraint and unique index of schema eduaid and
-- holds each to a row with both languages and a field that is a column of
-- its table or '_record'; a new constraint comes with such a row.
--
-- The column is found once, here, from the catalogue as it stands:
--   * a primary key: '_record';
--   * the column the name spells, <table>_<column>_<what> (the longest
--     such column), or <table>_<stem>_<what> for the column <stem>_id (a
--     foreign key named after what it refers to);
--   * else the first column of the constraint other than township_id
--     (the tenant key every table carries) and id (the row itself);
--   * else '_record'.
-- A name a function raises gets its column by hand. Any other name, and an
-- EA0xx SQLSTATE, without a field concerns the record ('_record'); the
-- PostgreSQL SQLSTATEs (23505 and so on) stay without one: the constraint
-- they name says which field.
--
-- SQLSTATEs: none new.
SET ROLE eduaid_owner;

WITH named AS (
    SELECT c.conname::text AS name, t.oid AS rel, t.relname::text AS tbl,
           c.contype = 'p' AS pkey,
           ARRAY(SELECT a.attname::text
                   FROM unnest(c.conkey) WITH ORDINALITY AS k(n, o)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n
                  ORDER BY k.o) AS cols
      FROM pg_catalog.pg_constraint c
      JOIN pg_catalog.pg_class t ON t.oid = c.conrelid
     WHERE c.connamespace = 'eduaid'::regnamespace
    UNION ALL
    SELECT i.relname::text, t.oid, t.relname::text, x.indisprimary,
           ARRAY(SELECT a.attname::text
                   FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(n, o)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n
                  ORDER BY k.o)
      FROM pg_catalog.pg_index x
      JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
      JOIN pg_catalog.pg_class t ON t.oid = x.indrelid
     WHERE i.relnamespace = 'eduaid'::regnamespace AND x.indisunique
       AND NOT EXISTS (SELECT FROM pg_catalog.pg_constraint c
                        WHERE c.conname = i.relname AND c.connamespace = i.relnamespace)
), chosen AS (
    SELECT n.name,
           CASE WHEN n.pkey THEN '_record'
                ELSE coalesce(
                    (SELECT a.attname::text FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = n.rel AND a.attnum > 0 AND NOT a.attisdropped
                        AND (starts_with(n.name, n.tbl || '_' || a.attname || '_')
                             OR (a.attname ~ '_id$'
                                 AND starts_with(n.name, n.tbl || '_' || left(a.attname, -3) || '_')))
                      ORDER BY length(a.attname) DESC LIMIT 1),
                    (SELECT c FROM unnest(n.cols) WITH ORDINALITY AS u(c, o)
                      WHERE c NOT IN ('township_id', 'id') ORDER BY o LIMIT 1),
                    '_record')
           END AS field
      FROM named n
)
UPDATE eduaid.message m SET field = c.field
  FROM chosen c
 WHERE m.key = c.name AND m.field IS NULL;

-- Names that functions raise themselves (no constraint of that name), and
-- the constraint triggers (sql/repeatable/37_triggers.sql makes them after
-- the migrations): their column by hand, else the record.
UPDATE eduaid.message m SET field = v.field
  FROM (VALUES ('training_attendance_session_date_check', 'session_date'),
               ('dropout_visit_visit_date_check', 'visit_date'),
               ('home_visit_visit_date_check', 'visit_date'),
               ('home_visit_plan_id_check', 'plan_id')) AS v (key, field)
 WHERE m.key = v.key AND m.field IS NULL;
UPDATE eduaid.message SET field = '_record'
 WHERE key ~ '^([a-z]|EA[0-9]{3}$)' AND field IS NULL;

COMMENT ON COLUMN eduaid.message.field IS
    'the column a person should fix (the form field), ''_record'' for the record as a whole, or NULL for a PostgreSQL SQLSTATE';
