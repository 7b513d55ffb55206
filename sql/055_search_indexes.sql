-- 055_search_indexes.sql: the list screens' `/` search at a province's
-- scale (issue 16): 1,000,000 households, 2,000,000 students.
--
-- Under row-level security the planner applies a caller's predicate ahead
-- of the policy only when it is LEAKPROOF; LIKE and lower() are not, so
-- `head_name LIKE '王建%'` ran as a filter over every row the caller may
-- see (all 1,000,000 for a supervisor), and an ID number had no index
-- that leads with township_id at all (017 dropped the county-wide ones).
-- The client (src/db/record.c) now searches with leakproof operators only:
-- a name prefix as the range
--     col COLLATE "C" >= $1 AND col COLLATE "C" < $1 || chr(1114111)
-- (byte order: every string that starts with $1 lies in it), an ID or
-- registry number by =, a lookup's label or a grid's column through
-- `= ANY (ARRAY(SELECT ...))` over that table's own index. Each of these
-- indexes leads with township_id, so the policy's township condition is
-- part of the index condition and no other township's entry is touched
-- (016_index_scope.sql; tests/db/74_search_scale.sql). Measured by
-- tests/bench/search.sh (docs/scale.md).
--
-- A supervisor reads no ID number column (42501, even in EXPLAIN), so he
-- searches the *_masked twins, and only with what the mask shows: the
-- visible digits as eduaid.search_masked_id() spells them (the first six
-- and the last four). A full ID number is refused by that function (it
-- gives NULL, which matches nothing): an exact search by the hidden
-- number would unmask it.
--
-- SQLSTATEs: none used (EA247-EA249 reserved).
SET ROLE eduaid_owner;

-- Names, by prefix ("C" order; the column keeps its own collation).
CREATE INDEX household_head_name_idx ON eduaid.household (township_id, head_name COLLATE "C");
CREATE INDEX student_name_idx ON eduaid.student (township_id, name COLLATE "C") INCLUDE (household_id);
CREATE INDEX special_ed_plan_child_name_idx ON eduaid.special_ed_plan
    (township_id, child_name COLLATE "C");
CREATE INDEX training_enrollment_trainee_name_idx ON eduaid.training_enrollment
    (township_id, trainee_name COLLATE "C");

-- ID numbers, exact; their masks for supervisors.
CREATE INDEX household_head_id_number_idx ON eduaid.household (township_id, head_id_number);
CREATE INDEX household_head_id_number_masked_idx ON eduaid.household
    (township_id, head_id_number_masked);
CREATE INDEX student_id_number_idx ON eduaid.student (township_id, id_number) INCLUDE (household_id);
CREATE INDEX student_id_number_masked_idx ON eduaid.student (township_id, id_number_masked)
    INCLUDE (household_id);
CREATE INDEX special_ed_plan_child_id_number_masked_idx ON eduaid.special_ed_plan
    (township_id, child_id_number_masked);
CREATE INDEX training_enrollment_trainee_id_number_idx ON eduaid.training_enrollment
    (township_id, trainee_id_number);
CREATE INDEX training_enrollment_trainee_id_number_masked_idx ON eduaid.training_enrollment
    (township_id, trainee_id_number_masked);

-- A household by its village (the search of the village's name).
CREATE INDEX household_village_idx ON eduaid.household (township_id, village_id);

-- (eduaid.search_masked_id, the masked form a supervisor searches with,
-- is in sql/repeatable/01_shared_rules.sql)

-- No parallel plan for a small result. Personal columns keep no
-- statistics (016), so the planner guesses 0.5% of the county for every
-- name or ID number condition, and with six OR'd terms it chose a
-- parallel plan: 200-300 ms of starting workers on a loaded 2-vCPU server
-- for a search that reads 0.35 ms serially (tests/bench/search.sh). A high
-- setup cost keeps parallel plans for what really scans millions of rows.
-- A database default (a login may change it for its session, and only
-- to its own cost); pg_dump without --create does not carry it: restore
-- it with this statement (docs/scale.md).
RESET ROLE;
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET parallel_setup_cost = 100000', current_database());
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'not the database''s owner: set parallel_setup_cost = 100000 for database % by hand (docs/scale.md)',
        current_database();
END
$$;
