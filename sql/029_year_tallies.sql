-- 029_year_tallies.sql: the report tallies per school year (issue 11,
-- docs/design/school-years.md "Entitlement and aid"). NUMBER PROVISIONAL:
-- asked for in helper 4's report; renumber on merge (file, Makefile.am,
-- EDUAID_SCHEMA_LEVEL in src/db/schema.h).
--
-- Before, eduaid.subsidy_tally held the entitlements of today's stages as
-- school_year 0 and the grants of each school year beside them, and
-- eduaid.member_tally today's members with no year at all: last year's
-- report compared last year's grants with this year's stages. Now both
-- count the year rows (026_school_years.sql) of the household_year
-- records that count (approved, in_notice, final), per school year:
--
--   subsidy_tally (township_id, school_year, program): entitled, the
--       student_year rows of that year whose stage (and boarding) entitle
--       them to the program (eduaid.stage_programs); granted, those of
--       them with a grant of the program in that year's record
--   member_tally (township_id, school_year, stage, school_id,
--       schooling_status, nutrition_meal): n, the student_year rows
--
-- The subsidy list's public notice becomes a notice of household_year
-- records (kind 'household_year'): the notice tables' kind checks learn it.
--
-- The rows of the old shape are emptied here; repeatable/34_reports.sql
-- counts them again from the year rows and keeps them from then on.
-- SQLSTATEs: none new.
SET ROLE eduaid_owner;

DELETE FROM eduaid.subsidy_tally;
DELETE FROM eduaid.member_tally;

ALTER TABLE eduaid.subsidy_tally RENAME COLUMN n TO entitled;
ALTER TABLE eduaid.subsidy_tally
    ADD COLUMN granted bigint NOT NULL DEFAULT 0,
    ADD CONSTRAINT subsidy_tally_granted_check CHECK (granted BETWEEN 0 AND entitled);
COMMENT ON TABLE eduaid.subsidy_tally IS
    'eduaid: per township, school year and program, the entitlements of the counted household_year records and how many of them were granted';

ALTER TABLE eduaid.member_tally
    ADD COLUMN school_year int NOT NULL,
    DROP CONSTRAINT member_tally_pkey,
    ADD CONSTRAINT member_tally_pkey
        PRIMARY KEY (township_id, school_year, stage, school_id, schooling_status, nutrition_meal);
COMMENT ON TABLE eduaid.member_tally IS
    'eduaid: per township and school year, the members of the counted household_year records by stage, school, schooling status and meal';

-- The counted year records of a school year in a township: the reports'
-- and the missing list's way in.
CREATE INDEX household_year_counted_idx ON eduaid.household_year (township_id, school_year, household_id)
    WHERE status IN ('approved', 'in_notice', 'final');

-- The tallies of the data as it stands are counted again by
-- repeatable/34_reports.sql, which runs after this (empty tallies while
-- counted records exist: eduaid.report_tally_rebuild()); the rule naming
-- the entitlements, eduaid.stage_programs, is a repeatable function.

------------------------------------------------------------------------
-- The subsidy list on public notice (repeatable/33_notice.sql) is a notice
-- of household_year records of its school year (kind 'household_year'):
-- the grants a year's record lists. Notices of kind 'household' stay as
-- they were published (closed or closing); no new one is opened.
ALTER TABLE eduaid.notice
    DROP CONSTRAINT notice_kind_check,
    ADD CONSTRAINT notice_kind_check CHECK (kind IN ('household', 'household_year', 'teacher_fund')),
    DROP CONSTRAINT notice_township_id_check,
    ADD CONSTRAINT notice_township_id_check
        CHECK ((kind IN ('household', 'household_year')) = (township_id IS NOT NULL)
               AND (kind = 'teacher_fund') = (program_id IS NOT NULL));
ALTER TABLE eduaid.notice_item
    DROP CONSTRAINT notice_item_kind_check,
    ADD CONSTRAINT notice_item_kind_check
        CHECK (kind IN ('household', 'household_year', 'teacher_fund'));

------------------------------------------------------------------------
-- What the refusals mean (24_messages.sql).
INSERT INTO eduaid.message (key, field, zh, en) VALUES
('subsidy_tally_granted_check', NULL, '资助计数出错。', 'The count of grants went wrong.');
