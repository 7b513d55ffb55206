-- 016_index_scope.sql: no index scan and no statistic reaches another
-- township's rows ahead of row-level security (issue 9, items 1 and 10).
--
-- The attack: comparison operators on text, numbers and dates are
-- LEAKPROOF, so the planner may drive an index with a user's own predicate
-- and apply the RLS township filter afterwards. As demo_clerk,
--   EXPLAIN (ANALYZE, BUFFERS) SELECT 1 FROM eduaid.student
--    WHERE id_number >= '4203252017' AND id_number < '4203252018'
-- then printed "Rows Removed by Filter: 2" (or a bitmap scan's row count,
-- or a buffer count) for rows of other townships, and a prefix walk digit
-- by digit listed every ID number of the county. With only indexes that
-- lead with township_id, the RLS qual township_id = ANY (my_townships())
-- is an index condition of every index scan (btree takes all matching
-- clauses; a ScalarArrayOp on the first column always), so no other
-- township's entry is touched, whatever the planner settings.
--
-- So every index of a table with a township_id column under row-level
-- security leads with township_id (tests/db/16_index_scope.sql checks the
-- catalog). This file drops or rebuilds the ones that did not:
--   <record>_id_idx (id), 004           dropped: every lookup by id also
--                                       names the township (the primary
--                                       key (township_id, id) serves it)
--   <record>_verified_at_idx, 010       dropped: the supervisor's county
--                                       queue reads one township at a
--                                       time (review_queue, below)
--   special_ed_plan_child_idx, 014      (township_id, child_id_number);
--                                       special_ed_counts() joins by the
--                                       township too (restated below)
--   student_subsidy_report_idx, 014     (township_id, school_year, ...)
--   notice_item_record_hash_key         UNIQUE (township_id, record_hash):
--                                       the hashed text names the
--                                       township, so two equal hashes of
--                                       two townships are a SHA-256
--                                       collision; nothing is lost
--   notice_item_record_key              UNIQUE (township_id, notice_id,
--                                       kind, record_id): a record has one
--                                       township, so the same rule
--   notice_item_line_no_key             line numbers run across the
--                                       townships of a county-wide notice:
--                                       their uniqueness moves to
--                                       eduaid.notice_line, which no login
--                                       can read (a trigger fills it); an
--                                       index (township_id, notice_id,
--                                       line_no) serves the lists
--   notice_objection_pending_idx        (township_id, notice_id)
--   dropout_case_student_open_key       UNIQUE (township_id, student_id)
--                                       WHERE open: a child has one
--                                       township, so the same rule (the
--                                       name stays: the client maps it)
--   audit_log_pkey (id)                 UNIQUE NULLS NOT DISTINCT
--                                       (township_id, id): ids are
--                                       GENERATED ALWAYS; rows of users
--                                       and reference data (no township)
--                                       are one group
--   audit_log_actor_idx (actor, at)     (township_id, actor, at)
-- Not here: the county-wide unique keys on ID numbers and household
-- numbers (household_household_no_key, household_head_id_number_key,
-- student_id_number_key, teacher_id_number_key,
-- special_ed_plan_child_id_number_key) move to a registry no login can
-- read in 017. eduaid.notice keeps its primary key (id): county-wide
-- notices have no township and the notice lines reference it; a notice
-- header is a public posting (docs/threat-model.md says what that leaves).
--
-- Statistics. Under RLS PostgreSQL hides pg_stats rows from the caller,
-- but the planner still uses a column's histogram and most-common values
-- with leakproof operators, and prints its estimates: the row estimate of
-- EXPLAIN SELECT 1 FROM eduaid.student WHERE id_number >= '...' steps at
-- each histogram bound -- a county-wide sample of real ID numbers, names
-- and birth dates -- and a range beyond the histogram makes the planner
-- read the real minimum or maximum from an index. So every personal or
-- free-text column of these tables (names, ID numbers and their masks,
-- birth dates, household numbers, phones, addresses, bank accounts,
-- certificate numbers, audit rows, notes, reasons) gets STATISTICS 0 and
-- its collected statistics are deleted (ANALYZE does not delete them).
-- Estimates on these columns fall back to the planner's defaults, the
-- same for every value. Columns the plans need (township_id, status, ids,
-- times, stages, programs) keep theirs. (repeatable/90_statistics.sql does
-- it on every migrate, for every column whichever migration added it.)
--
-- The policies' InitPlan. Even with no index at all, the township
-- condition of the policies ran after a caller's cheaper predicate, so its
-- InitPlan ran only when some row of the county matched (below, "The
-- township condition first"): every policy comparing township_id with
-- my_townships() compares with eduaid.my_scope() instead
-- (repeatable/10_scope.sql, 38_policies.sql), and pg_catalog.int48eq gets
-- COST 0.01 (also in 000_bootstrap.sql).
--
-- The review queue reads a supervisor's whole county one township at a
-- time, without verified_at_idx, and special_ed_counts() finds a child's
-- plans within the child's township (repeatable/30_review.sql,
-- 34_reports.sql). Measured in tests/bench/queue.sh (README, "Speed").
--
-- SQLSTATEs: none new (EA040-EA049 reserved for this part).
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The record tables.
DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'training_enrollment', 'special_ed_plan',
                               'teacher_fund_application']
    LOOP
        EXECUTE format('DROP INDEX eduaid.%I', tbl || '_id_idx');
        EXECUTE format('DROP INDEX eduaid.%I', tbl || '_verified_at_idx');
    END LOOP;
END
$$;

DROP INDEX eduaid.special_ed_plan_child_idx;
CREATE INDEX special_ed_plan_child_idx ON eduaid.special_ed_plan (township_id, child_id_number);

DROP INDEX eduaid.student_subsidy_report_idx;
CREATE INDEX student_subsidy_report_idx ON eduaid.student_subsidy
    (township_id, school_year, household_id, student_id) INCLUDE (program);

------------------------------------------------------------------------
-- Ledgers.
DROP INDEX eduaid.dropout_case_student_open_key;
CREATE UNIQUE INDEX dropout_case_student_open_key
    ON eduaid.dropout_case (township_id, student_id) WHERE state <> 'returned';

------------------------------------------------------------------------
-- Notices.
ALTER TABLE eduaid.notice_item
    DROP CONSTRAINT notice_item_record_hash_key,
    DROP CONSTRAINT notice_item_line_no_key,
    DROP CONSTRAINT notice_item_record_key,
    ADD CONSTRAINT notice_item_record_hash_key UNIQUE (township_id, record_hash),
    ADD CONSTRAINT notice_item_record_key UNIQUE (township_id, notice_id, kind, record_id);
CREATE INDEX notice_item_line_idx ON eduaid.notice_item (township_id, notice_id, line_no);

-- One line number once per notice, across its townships: readable by no
-- login (only its owner), filled as each line is inserted (the trigger
-- a_notice_line_key, repeatable/33_notice.sql).
CREATE TABLE eduaid.notice_line (
    notice_id bigint NOT NULL,
    line_no   int NOT NULL,
    CONSTRAINT notice_item_line_no_key PRIMARY KEY (notice_id, line_no)
);
INSERT INTO eduaid.notice_line (notice_id, line_no)
SELECT i.notice_id, i.line_no FROM eduaid.notice_item i;

DROP INDEX eduaid.notice_objection_pending_idx;
CREATE INDEX notice_objection_pending_idx ON eduaid.notice_objection (township_id, notice_id)
    WHERE decision = 'pending';

------------------------------------------------------------------------
-- The audit log (as the superuser: its owner may no longer create in the
-- schema; an index belongs to its table's owner anyway).
RESET ROLE;
ALTER TABLE eduaid.audit_log
    DROP CONSTRAINT audit_log_pkey,
    ADD CONSTRAINT audit_log_township_id_key UNIQUE NULLS NOT DISTINCT (township_id, id);
DROP INDEX eduaid.audit_log_actor_idx;
CREATE INDEX audit_log_actor_idx ON eduaid.audit_log (township_id, actor, at);

------------------------------------------------------------------------
-- The township condition first. In a Filter the planner evaluates quals
-- cheapest first, and a caller's leakproof predicate (col >= 'A', one
-- operator) was cheaper than the policy's
--   township_id = ANY ((SELECT eduaid.my_townships())::integer[])
-- (ten guessed array elements). Its InitPlan then ran only when some row
-- of the county passed the caller's predicate: EXPLAIN (ANALYZE, BUFFERS)
-- printed "InitPlan 1 ... (never executed)" and three buffers fewer when no
-- row of any township matched -- a one-bit oracle, enough for the digit
-- walk, on every table and with no index at all. The policies now compare
-- with eduaid.my_scope() (the same townships as bigint[]: no array
-- coercion) through int4 = int8, whose function is made the cheapest
-- comparison there is (COST 0.01; btree's integer_ops still index it), so
-- the policy's condition is evaluated first, for every row, whatever the
-- caller writes. Only bare boolean columns (cost 0) still go ahead of it:
-- whether any row of the county has, say, boarding set.
-- (000_bootstrap.sql sets it again on every run of migrate.sh: a dump
-- does not carry a catalog function's cost)
ALTER FUNCTION pg_catalog.int48eq(int4, int8) COST 0.01;
