-- tests/db/24_messages.sql: the error table and the choice lists
-- (sql/024_messages.sql, sql/repeatable/50_messages.sql, 51_fields.sql).
--
-- eduaid.message has a row for every SQLSTATE eduaid raises (read from
-- the functions' bodies and from the files of sql/), every named
-- constraint and unique index of schema eduaid and every constraint name a
-- function raises itself; no row for anything that no longer exists; both
-- languages; fields that are columns of the constraint's table or
-- '_record' (issue 12), a SQLSTATE's a field of the forms (forms/*.conf,
-- read by tests/db/_form_fields.sh). Every login reads
-- it, none writes it (demo_clerk, demo_officer, demo_supervisor,
-- demo_admin, demo_auditor try). The choice lists: what the forms' choice
-- columns refer to, readable by all and written by none, taken by the
-- columns through foreign keys (a clerk's unknown stage is refused, by
-- student_stage_fk, whose row names the field); roster_row's own CHECKs
-- take exactly the lists' values. eduaid.field_refusals() and
-- field_lengths() answer as the columns' rules do.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(38);

-- ---- what the sources raise --------------------------------------------------
-- The SQLSTATEs the files of sql/ raise (ERRCODE = 'EA0xx'), found from the
-- source tree on the client side as tests/db/01_schema.sql finds it.
CREATE TABLE public.fx_raised (code text);
\copy public.fx_raised FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/sql/migrate.sh" ]; then grep -rhoE "ERRCODE *= *.EA[0-9]{3}" "$d/sql" | grep -oE "EA[0-9]{3}" | sort -u; exit 0; fi; done; exit 1'
CREATE TABLE public.fx_form_marks (tbl text, field text, required bool, read_only bool);
\copy public.fx_form_marks FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/tests/db/_form_required.sh" ]; then sh "$d/tests/db/_form_required.sh" "$d/forms"; exit 0; fi; done; exit 1'
CREATE TABLE public.fx_form_field (tbl text, field text);
\copy public.fx_form_field FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/tests/db/_form_fields.sh" ]; then sh "$d/tests/db/_form_fields.sh" "$d/forms"; exit 0; fi; done; exit 1'

-- The codes and constraint names the installed functions raise.
CREATE VIEW public.fx_proc_code AS
    SELECT DISTINCT m[1] AS code
      FROM pg_proc p, regexp_matches(p.prosrc, '''(EA[0-9]{3})''', 'g') AS m
     WHERE p.pronamespace = 'eduaid'::regnamespace;
CREATE VIEW public.fx_proc_constraint AS
    SELECT DISTINCT m[1] AS name
      FROM pg_proc p,
           regexp_matches(p.prosrc, '''([a-z][a-z0-9_]*_(check|fk|key|pkey|required))''', 'g') AS m
     WHERE p.pronamespace = 'eduaid'::regnamespace;
-- Every name a refusal can carry: constraints, unique indexes, and names
-- raised by functions; with the table each belongs to (NULL: unknown; a
-- name a function raises belongs to the longest table name it starts
-- with, as eduaid names constraints <table>_<column>_<what>).
CREATE VIEW public.fx_named AS
    SELECT c.conname::text AS name, t.relname::text AS tbl
      FROM pg_constraint c LEFT JOIN pg_class t ON t.oid = c.conrelid
     WHERE c.connamespace = 'eduaid'::regnamespace
    UNION
    SELECT i.relname::text, t.relname::text
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE i.relnamespace = 'eduaid'::regnamespace AND x.indisunique
    UNION
    SELECT f.name, (SELECT t.relname::text FROM pg_class t
                     WHERE t.relnamespace = 'eduaid'::regnamespace AND t.relkind = 'r'
                       AND starts_with(f.name, t.relname || '_')
                     ORDER BY length(t.relname) DESC LIMIT 1)
      FROM public.fx_proc_constraint f;

SELECT cmp_ok((SELECT count(*)::int FROM public.fx_raised), '>=', 30,
    'the files of sql/ raise thirty SQLSTATEs of eduaid or more (the source tree was found)');
SELECT is_empty($$SELECT code FROM public.fx_raised EXCEPT SELECT key FROM eduaid.message$$,
    'every EA0xx SQLSTATE raised in sql/ has its message');
SELECT is_empty($$SELECT code FROM public.fx_proc_code EXCEPT SELECT key FROM eduaid.message$$,
    'every EA0xx SQLSTATE an installed function raises has its message');
SELECT is_empty(
    $$SELECT c.conname FROM pg_constraint c
       WHERE c.connamespace = 'eduaid'::regnamespace
         AND NOT EXISTS (SELECT FROM eduaid.message m WHERE m.key = c.conname)$$,
    'every named constraint of schema eduaid (check, unique, keys, constraint triggers) has its message');
SELECT is_empty(
    $$SELECT i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       WHERE i.relnamespace = 'eduaid'::regnamespace AND x.indisunique
         AND NOT EXISTS (SELECT FROM eduaid.message m WHERE m.key = i.relname)$$,
    'every unique index (a 23505 names it as its constraint) has its message');
SELECT cmp_ok((SELECT count(*)::int FROM public.fx_proc_constraint), '>=', 10,
    'functions raise constraint names of their own (ledger dates, plans, objections)');
SELECT is_empty($$SELECT name FROM public.fx_proc_constraint EXCEPT SELECT key FROM eduaid.message$$,
    'every constraint name a function raises has its message');

-- ---- nothing stale, nothing empty --------------------------------------------
SELECT is_empty(
    $$SELECT key FROM eduaid.message WHERE key ~ '^[a-z]'
      EXCEPT SELECT name FROM public.fx_named$$,
    'no message for a constraint that does not exist');
SELECT is_empty(
    $$SELECT key FROM eduaid.message WHERE key ~ '^EA'
      EXCEPT (SELECT code FROM public.fx_raised UNION SELECT code FROM public.fx_proc_code)$$,
    'no message for an EA0xx SQLSTATE nothing raises');
SELECT is_empty(
    $$SELECT key FROM eduaid.message
       WHERE key ~ '^[0-9A-Z]{5}$' AND key !~ '^EA'
         AND left(key, 2) NOT IN ('22', '23', '40', '42', '57')$$,
    'the PostgreSQL SQLSTATEs with words are of the classes a person meets');
SELECT is_empty(
    $$SELECT key FROM eduaid.message
       WHERE btrim(zh) = '' OR btrim(en) = '' OR zh IS NULL OR en IS NULL
          OR zh !~ '[\u4e00-\u9fff]' OR en ~ '[\u4e00-\u9fff]'$$,
    'every message has Chinese words in zh and English words in en');
SELECT is_empty(
    $$SELECT m.key FROM eduaid.message m
       WHERE m.zh ~ '[a-z0-9]_[a-z]' OR m.en ~ '[a-z0-9]_[a-z]'$$,
    'no message shows an identifier (a constraint or column name)');

-- ---- fields ------------------------------------------------------------------
SELECT cmp_ok((SELECT count(*)::int FROM public.fx_form_field), '>=', 60,
    'the forms'' fields were read (forms/*.conf)');
SELECT is_empty(
    $$SELECT m.key, m.field FROM eduaid.message m
       WHERE m.field IS NOT NULL AND m.field <> '_record'
         AND NOT EXISTS (SELECT FROM public.fx_form_field f
                          WHERE f.field = m.field
                            AND f.tbl IN (SELECT n.tbl FROM public.fx_named n
                                           WHERE n.name = m.key AND n.tbl IS NOT NULL
                                          UNION ALL
                                          SELECT f.tbl WHERE m.key !~ '^[a-z]'))
         AND m.key !~ '^[a-z]'$$,
    'every field a SQLSTATE''s message names is a field of a form (a constraint''s: a column of its table, below)');
-- Issue 12 (every server rule has words): every named constraint and
-- unique index of schema eduaid, walked from the catalogue, has its row
-- with words in both languages and the field it concerns: a column of its
-- own table (which the form shows as the field's hint and marks when the
-- rule refuses), or '_record' when it concerns the record as a whole
-- (sql/036_message_fields.sql). Every SQLSTATE of ours names a field or
-- '_record' too.
SELECT is_empty(
    $$SELECT n.name, n.tbl, m.field FROM public.fx_named n
        LEFT JOIN eduaid.message m ON m.key = n.name
       WHERE n.name NOT IN (SELECT name FROM public.fx_proc_constraint)
         AND (m.key IS NULL OR btrim(m.zh) = '' OR btrim(m.en) = '' OR m.field IS NULL
              OR (m.field <> '_record'
                  AND NOT EXISTS (SELECT FROM pg_attribute a
                                   WHERE a.attrelid = ('eduaid.' || quote_ident(n.tbl))::regclass
                                     AND a.attname = m.field AND a.attnum > 0
                                     AND NOT a.attisdropped)))$$,
    'every named constraint and unique index has zh, en and a field: a column of its table or _record');
SELECT is_empty(
    $$SELECT f.name, m.field FROM public.fx_named f JOIN eduaid.message m ON m.key = f.name
       WHERE f.name IN (SELECT name FROM public.fx_proc_constraint)
         AND (m.field IS NULL
              OR (m.field <> '_record' AND f.tbl IS NOT NULL
                  AND NOT EXISTS (SELECT FROM pg_attribute a
                                   WHERE a.attrelid = ('eduaid.' || quote_ident(f.tbl))::regclass
                                     AND a.attname = m.field AND a.attnum > 0
                                     AND NOT a.attisdropped)))$$,
    'every constraint name a function raises names a column of its table or _record');
SELECT is_empty(
    $$SELECT key FROM eduaid.message WHERE key ~ '^EA[0-9]{3}$' AND field IS NULL$$,
    'every SQLSTATE of ours names the field it concerns or _record');
-- The required marks of the forms agree with the server: a column the
-- person fills that is NOT NULL without a default is marked required (*),
-- and a field marked required is NOT NULL; a field the server requires
-- only under a condition (a CHECK with IS NULL / IS NOT NULL on it: the
-- school unless the stage is "not in school") is not marked, and a rule
-- of its table names it, so its hint says the condition when the field
-- is entered (src/screens/formhint.c).
SELECT is_empty(
    $$SELECT f.tbl, f.field, f.required, a.attnotnull FROM public.fx_form_marks f
        JOIN pg_attribute a ON a.attrelid = ('eduaid.' || quote_ident(f.tbl))::regclass
                           AND a.attname = f.field
       WHERE (a.attnotnull AND NOT a.atthasdef AND NOT f.read_only AND NOT f.required)
          OR (f.required AND NOT a.attnotnull)$$,
    'every field of a NOT NULL column without a default is marked required, and only those of NOT NULL columns');
SELECT is_empty(
    $$SELECT f.tbl, f.field, c.conname FROM public.fx_form_marks f
        JOIN pg_constraint c ON c.conrelid = ('eduaid.' || quote_ident(f.tbl))::regclass
                            AND c.contype = 'c'
       WHERE NOT f.required AND NOT f.read_only
         AND pg_get_constraintdef(c.oid) ~ ('\m' || f.field || '\M IS (NOT )?NULL')
         AND NOT EXISTS (SELECT FROM eduaid.message m JOIN pg_constraint k ON k.conname = m.key
                          WHERE k.conrelid = c.conrelid AND m.field = f.field)$$,
    'every field required under a condition has a rule of its table naming it (its hint)');
SELECT cmp_ok((SELECT count(*)::int FROM public.fx_form_marks WHERE required), '>=', 40,
    '... the forms'' marks were read');
SELECT is(
    (SELECT field FROM eduaid.message WHERE key = 'household_village_fk'), 'village_id',
    'household_village_fk concerns the field village_id');

-- ---- who reads and writes ----------------------------------------------------
SELECT is_empty(
    $$SELECT g.rolname, t.relname FROM pg_roles g
       CROSS JOIN pg_class t
       WHERE g.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                           'eduaid_admin', 'eduaid_auditor')
         AND t.relnamespace = 'eduaid'::regnamespace AND t.relkind = 'r'
         AND (t.relname = 'message' OR t.relname LIKE 'choice\_%')
         AND (NOT has_table_privilege(g.oid, t.oid, 'SELECT')
              OR has_table_privilege(g.oid, t.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER'))$$,
    'every group reads the messages and the choice lists, and none may write them');
SET SESSION AUTHORIZATION demo_clerk;
SELECT cmp_ok((SELECT count(*)::int FROM eduaid.message), '>', 250, 'demo_clerk reads the messages');
SELECT throws_ok($$INSERT INTO eduaid.message (key, zh, en) VALUES ('EA099', '坏', 'bad')$$,
    '42501', NULL, 'demo_clerk cannot add a message');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$UPDATE eduaid.message SET en = 'Fine.' WHERE key = 'EA002'$$,
    '42501', NULL, 'demo_officer cannot change a message');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$DELETE FROM eduaid.message WHERE key = 'EA002'$$,
    '42501', NULL, 'demo_supervisor cannot delete a message');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$UPDATE eduaid.message SET field = NULL$$,
    '42501', NULL, 'demo_admin cannot change the messages either');
SELECT throws_ok($$INSERT INTO eduaid.choice_stage (value, position, zh, en) VALUES ('phd', 8, '博士', 'PhD')$$,
    '42501', NULL, 'demo_admin cannot add a choice');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$TRUNCATE eduaid.message$$, '42501', NULL, 'demo_auditor cannot empty the messages');
SELECT is((SELECT zh FROM eduaid.message WHERE key = 'EA002'),
    '四眼原则：此记录由您创建、修改或审核过，您不能再处理。', 'demo_auditor reads the words of EA002');
RESET SESSION AUTHORIZATION;

-- ---- the choice lists ----------------------------------------------------------
SELECT is_empty(
    $$SELECT f.tbl, f.field FROM public.fx_form_field f
       JOIN pg_attribute a ON a.attrelid = ('eduaid.' || f.tbl)::regclass AND a.attname = f.field
       WHERE f.field IN ('poverty_status', 'sex', 'relation', 'stage', 'schooling_status',
                         'disability_type', 'child_sex', 'placement', 'reason_category',
                         'trainee_sex', 'trainee_type', 'employment_outcome')
         AND NOT EXISTS (SELECT FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid
                          WHERE c.conrelid = a.attrelid AND c.contype = 'f'
                            AND c.conkey = ARRAY[a.attnum] AND r.relname LIKE 'choice\_%')$$,
    'every choice column of the forms refers to a choice list');
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_m', 420325100), fx_student('st_m', 'hh_m') \gset
SELECT fx_year('y_m', 'hh_m', 2027) \gset
SELECT throws_ok(
    $$UPDATE eduaid.student_year SET stage = 'university' WHERE household_year_id = fx('y_m')$$,
    '23503', 'insert or update on table "student_year" violates foreign key constraint "student_year_stage_fk"',
    'demo_clerk''s unknown stage (of a school year) is refused by its list');
SELECT is((SELECT field FROM eduaid.message WHERE key = 'student_year_stage_fk'), 'stage',
    '... and that refusal''s message concerns the field stage');
SELECT throws_ok(
    $$INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
      SELECT township_id, id, '测试学生', fx_new_idno('2014-09-01', 'F'), 'X', '2014-09-01'
        FROM eduaid.household WHERE id = fx('hh_m')$$,
    '23514', 'new row for relation "student" violates check constraint "student_sex_check"',
    'a sex other than M or F still disagrees with the ID number (student_sex_check)');
RESET SESSION AUTHORIZATION;
SELECT is_empty(
    $$SELECT r.n, r.refused_by
        FROM eduaid.field_refusals(
            (SELECT array_agg(x.t) FROM (SELECT 'roster_row' AS t, value FROM eduaid.choice_stage
                                          UNION ALL SELECT 'roster_row', value FROM eduaid.choice_relation) x),
            (SELECT array_agg(x.c) FROM (SELECT 'stage' AS c, value FROM eduaid.choice_stage
                                          UNION ALL SELECT 'relation', value FROM eduaid.choice_relation) x),
            (SELECT array_agg(x.value) FROM (SELECT value FROM eduaid.choice_stage
                                              UNION ALL SELECT value FROM eduaid.choice_relation) x)) r$$,
    'roster_row takes every stage and relation of the lists');
SELECT is(
    (SELECT count(*)::int FROM pg_constraint c
      WHERE c.conrelid = 'eduaid.roster_row'::regclass AND c.conname IN ('roster_row_stage_check', 'roster_row_relation_check')
        AND (SELECT array_agg(m[1] ORDER BY m[1]) FROM regexp_matches(pg_get_constraintdef(c.oid), '''([^'']*)''', 'g') m)
            = (SELECT array_agg(v ORDER BY v) FROM (SELECT value AS v FROM eduaid.choice_stage
                                                     WHERE c.conname = 'roster_row_stage_check'
                                                    UNION ALL SELECT value FROM eduaid.choice_relation
                                                     WHERE c.conname = 'roster_row_relation_check') l)),
    2, 'roster_row''s stage and relation CHECKs list exactly the lists'' values');

-- ---- what a column takes -------------------------------------------------------
SELECT results_eq(
    $$SELECT n, refused_by FROM eduaid.field_refusals(
          ARRAY['household_year', 'household_year', 'household', 'household', 'student', 'student_year',
                'student_year', 'nowhere'],
          ARRAY['poverty_status', 'poverty_status', 'family_size', 'family_size', 'sex', 'stage', 'grade', 'x'],
          ARRAY['poor', 'rich', '30', '31', 'X', 'primary', 'two', '1']) ORDER BY n$$,
    $$VALUES (2, 'household_year_poverty_status_fk'), (4, 'household_family_size_check'),
             (5, 'student_sex_fk'), (7, 'not a value of type integer'), (8, 'no such column')$$,
    'field_refusals: the list, the range, the type; a rule across columns (school unless stage none) is not its question');
SET SESSION AUTHORIZATION demo_auditor;
SELECT results_eq(
    $$SELECT table_name, column_name, max_chars FROM eduaid.field_lengths()
       WHERE (table_name, column_name) IN (('household', 'head_name'), ('teacher', 'title'), ('household', 'phone'))
       ORDER BY 1, 2$$,
    $$VALUES ('household', 'head_name', 50), ('teacher', 'title', 30)$$,
    'field_lengths: char_length limits of the column alone, as any login may ask');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
