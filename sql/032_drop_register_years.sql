-- 032_drop_register_years.sql: the register entry loses the facts of a
-- school year for good (issue 11). Since 026 a household's poverty status
-- and a child's stage, school, grade, boarding, schooling status and
-- nutrition meal are kept per school year (household_year, student_year);
-- since 030 no form shows the old columns, and now nothing reads or
-- writes them: the roster import makes its drafts' year rows itself, the
-- demo and the tests give a child's facts on the year rows.
--
-- What the columns held is in the year rows 026 made from them, and in
-- the audit trail (each change's old and new values), which is kept.
-- Dropping a column drops its constraints and indexes (the partial index
-- of members out of school among them: the suspected ledger reads the
-- year rows); their messages go with them.
--
-- SQLSTATEs: none new.
SET ROLE eduaid_owner;

-- A database upgraded from eduaid 0.1 still has that release's readers of
-- the old columns until sql/repeatable/ runs after the migrations: the
-- SQL-bodied ones hold the columns (the server tracks what they name), so
-- they go first, to be made again from the year rows by the repeatable
-- files. (Installed fresh or from 0.2's development, none of them exists
-- at this point, or none names an old column.)
DROP FUNCTION IF EXISTS eduaid.report_tally_add(integer, bigint, integer);
DROP FUNCTION IF EXISTS eduaid.subsidy_share(integer, bigint);
DROP FUNCTION IF EXISTS eduaid.member_share(integer, bigint);
DROP FUNCTION IF EXISTS eduaid.dropout_ledger(integer, text, integer);
DROP FUNCTION IF EXISTS eduaid.report_subsidy_missing(integer, integer, integer, text, bigint,
                                                      text, integer);
DROP FUNCTION IF EXISTS eduaid.report_schooling(integer, integer);
DROP FUNCTION IF EXISTS eduaid.ledger_counts(integer);
DROP FUNCTION IF EXISTS eduaid.dropout_flagged(integer);
DROP VIEW IF EXISTS eduaid.student_school_age;

ALTER TABLE eduaid.household DROP COLUMN poverty_status;

ALTER TABLE eduaid.student
    DROP COLUMN stage,
    DROP COLUMN school_id,
    DROP COLUMN grade,
    DROP COLUMN boarding,
    DROP COLUMN schooling_status,
    DROP COLUMN nutrition_meal;

DELETE FROM eduaid.message
 WHERE key IN ('household_poverty_status_fk', 'student_stage_fk', 'student_school_fk',
               'student_school_id_check', 'student_grade_check', 'student_boarding_check',
               'student_schooling_status_fk');
