-- 014_reports.sql: the indexes and tallies behind the plan's indicators
-- (issue 5). The reports themselves, what they count and how fast:
-- repeatable/34_reports.sql.
--
-- Three reports read tallies instead of the records: eduaid.subsidy_tally
-- holds, per township and program, how many registered students are
-- entitled (school_year 0) and how many of those entitlements were granted
-- in each school year; eduaid.member_tally counts the members of counted
-- households by stage, school, schooling status and nutrition meal. A
-- trigger on household keeps them (34_reports.sql). They are derived data
-- and have no audit trigger: every change to them follows an audited
-- change of a household's status.
SET ROLE eduaid_owner;

-- Members in household order with what the reports read of them.
CREATE INDEX student_report_idx ON eduaid.student (township_id, household_id, id)
    INCLUDE (stage, boarding, schooling_status, school_id, nutrition_meal, disability_type);
-- A year's subsidies in member order.
CREATE INDEX student_subsidy_report_idx ON eduaid.student_subsidy
    (school_year, township_id, household_id, student_id) INCLUDE (program);
-- Disabled members (one in a hundred): the special-education report.
CREATE INDEX student_disabled_idx ON eduaid.student (township_id, household_id)
    INCLUDE (id_number, birth_date) WHERE disability_type IS NOT NULL;
-- A child's plans, found by the ID number.
CREATE INDEX special_ed_plan_child_idx ON eduaid.special_ed_plan (child_id_number);
-- Counted households.
CREATE INDEX household_counted_idx ON eduaid.household (township_id, id)
    WHERE status IN ('approved', 'in_notice', 'final');
-- Counted households in the order of the missing-subsidy list.
CREATE INDEX household_counted_no_idx ON eduaid.household (township_id, household_no)
    INCLUDE (id) WHERE status IN ('approved', 'in_notice', 'final');

------------------------------------------------------------------------
-- The tallies (see the head of this file).
CREATE TABLE eduaid.subsidy_tally (
    township_id int NOT NULL CONSTRAINT subsidy_tally_township_fk
                REFERENCES eduaid.township (id),
    school_year int NOT NULL,   -- 0: entitlements; else grants of that year
    program     text NOT NULL,
    n           bigint NOT NULL,
    PRIMARY KEY (township_id, school_year, program),
    CONSTRAINT subsidy_tally_n_check CHECK (n >= 0)
);
COMMENT ON TABLE eduaid.subsidy_tally IS
    'eduaid: entitlements (school_year 0) and grants of the counted households, per township and program';

CREATE TABLE eduaid.member_tally (
    township_id      int NOT NULL CONSTRAINT member_tally_township_fk
                     REFERENCES eduaid.township (id),
    stage            text NOT NULL,
    school_id        int NOT NULL,   -- 0: none
    schooling_status text NOT NULL,
    nutrition_meal   boolean NOT NULL,
    n                bigint NOT NULL,
    PRIMARY KEY (township_id, stage, school_id, schooling_status, nutrition_meal),
    CONSTRAINT member_tally_n_check CHECK (n >= 0)
);
COMMENT ON TABLE eduaid.member_tally IS
    'eduaid: members of the counted households by stage, school, schooling status and meal, per township';
