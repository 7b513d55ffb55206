-- 017_registry.sql: one registry of the county's people and household
-- numbers, readable by no login (issue 9, items 1 and 7).
--
-- An ID number names one person of the county. Before this file the rule
-- was kept per table -- UNIQUE (head_id_number), UNIQUE (id_number) of
-- student and of teacher, UNIQUE (household_no), one active plan per
-- child_id_number -- plus the BEFORE trigger eduaid.person_id_guard of
-- 009_person_ids.sql, which looked in one table at a time. So a 土城镇
-- household head was accepted as a member of a 城关镇 household, a draft
-- plan filed under another township's child's ID number blocked that
-- child's real plan forever (and its unique error told any clerk which
-- children have a plan), and the five unique indexes, which do not lead
-- with township_id, let a clerk's EXPLAIN ANALYZE walk them past the RLS
-- filter ("Rows Removed by Filter").
--
-- eduaid.registry keeps the county-wide rules in one table, under its own
-- NOLOGIN owner eduaid_registry_owner, with no grant to anyone: only the
-- definer trigger function eduaid.registry_sync() (owned by that role)
-- reads or writes it. One row per (kind, key): a person's ID number (and
-- the household and township that hold it), a household number, a
-- teacher's ID number, a child's active plan. The functions and what they
-- refuse: repeatable/26_registry.sql; their triggers: 37_triggers.sql.
--
-- Replaces: the constraints household_household_no_key,
-- household_head_id_number_key, student_id_number_key,
-- teacher_id_number_key and the index special_ed_plan_child_id_number_key
-- (004_records.sql), dropped at the end, and the guard of
-- 009_person_ids.sql; student_id_number_key comes back per household
-- (township_id, household_id, id_number): one member row per person.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'eduaid_registry_owner') THEN
        CREATE ROLE eduaid_registry_owner NOLOGIN;
    END IF;
END
$$;
COMMENT ON ROLE eduaid_registry_owner IS 'eduaid: owns eduaid.registry and its trigger function';
GRANT USAGE ON SCHEMA eduaid TO eduaid_registry_owner;
GRANT CREATE ON SCHEMA eduaid TO eduaid_registry_owner;
SET ROLE eduaid_registry_owner;

CREATE TABLE eduaid.registry (
    kind        text NOT NULL,
    key         text NOT NULL,
    township_id int NOT NULL,
    holder      bigint NOT NULL,
    refs        int NOT NULL DEFAULT 1,
    PRIMARY KEY (kind, key),
    CONSTRAINT registry_kind_check CHECK (kind IN ('person', 'household_no', 'teacher', 'plan')),
    CONSTRAINT registry_refs_check CHECK (refs > 0 AND (kind = 'person' OR refs = 1))
);
COMMENT ON TABLE eduaid.registry IS
    'eduaid: county-wide ID numbers and household numbers; no login may read it (017_registry.sql)';

-- What a row of a registered table names, person first. The one place
-- the mapping lives (registry_row_refs, repeatable/26_registry.sql);
-- registry_rebuild() states the same set-wise and
-- tests/db/17_registry.sql checks that both agree. (Field access by name
-- in plpgsql, not to_jsonb: the trigger runs for every row of an import.)
CREATE TYPE eduaid.registry_ref AS (kind text, key text, township_id int, holder bigint, col text);

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_registry_owner;
SET ROLE eduaid_owner;

-- The old per-table rules go: the registry is the rule now, and these
-- indexes, which do not lead with township_id, were the side channel.
-- (The rows that existed were registered here with registry_rebuild():
-- an empty database has none, and migrate.sh applies this file to no
-- database made before the re-layout of eduaid 0.1.)
ALTER TABLE eduaid.household DROP CONSTRAINT household_household_no_key,
                             DROP CONSTRAINT household_head_id_number_key;
ALTER TABLE eduaid.student DROP CONSTRAINT student_id_number_key;
-- A person is one member of their household, not two: the registry lets
-- a household name a person many times (head, member, trainee, child), so
-- the member rows keep a key of their own -- per household, leading with
-- township_id (a clerk reaches it only after row-level security let the
-- row in, and sees that household anyway). Same name as before, so the
-- client still puts the error on the ID number field.
ALTER TABLE eduaid.student ADD CONSTRAINT student_id_number_key
    UNIQUE (township_id, household_id, id_number);
ALTER TABLE eduaid.teacher DROP CONSTRAINT teacher_id_number_key;
DROP INDEX eduaid.special_ed_plan_child_id_number_key;

-- A household found by its number within a township (roster drafts ask
-- whether it exists before creating it).
CREATE INDEX household_no_idx ON eduaid.household (township_id, household_no);
