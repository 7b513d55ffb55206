-- 026_school_years.sql: a household's facts per school year (issue 11,
-- docs/design/school-years.md). What changes from year to year moves out
-- of the register entry into year rows, reviewed as their own record:
--
--   household_year   record kind 'household_year' (学年资助核查): one per
--                    household and school year -- that year's poverty
--                    status, and the workflow of that year's facts and aid
--   student_year     member of household_year: a child's stage, school,
--                    grade, boarding, schooling status and nutrition meal
--                    in that year, and whether they left school that year
--   student_subsidy  a grant (as before), now a member of the year record
--                    of its school year: household_year_id
--
-- The household (register entry: number, head, village, address) and
-- student (the person: name, ID number, sex, birth date, relation,
-- disability) stay records and members of kind 'household'. Approving a
-- year's record never touches another year's: each is its own row with
-- its own status, stamps, editors and history.
--
-- Existing data: each household gets a year row for the school year the
-- migration runs in, in the household's state (in_notice counts as
-- approved: the notice was of the household), with a member row per child
-- from today's columns; each grant of another school year gets a year row
-- of its year, a copy of the same facts (the best the data knows). Written
-- with the triggers off: filling a copy is not an edit by anyone.
--
-- The old columns (student.stage and the rest, household.poverty_status)
-- stay until every reader has moved to the year rows; a later migration
-- drops them.
--
-- Functions, guards, policies, grants and triggers of the new tables:
-- sql/repeatable/ (20_workflow, 37_triggers, 38_policies, 39_privileges).
-- SQLSTATEs: none new.
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The new kind joins the workflow's tables (023_workflow_data.sql).
ALTER TABLE eduaid.record_status
    DROP CONSTRAINT record_status_kinds_check,
    ADD CONSTRAINT record_status_kinds_check CHECK (cardinality(kinds) > 0 AND kinds <@
        '{household,household_year,training,special_ed,teacher_fund}'::text[]);
ALTER TABLE eduaid.workflow_step
    DROP CONSTRAINT workflow_step_kinds_check,
    ADD CONSTRAINT workflow_step_kinds_check CHECK (cardinality(kinds) > 0 AND kinds <@
        '{household,household_year,training,special_ed,teacher_fund}'::text[]);
UPDATE eduaid.record_status SET kinds = kinds || '{household_year}'::text[]
 WHERE 'household' = ANY (kinds);
UPDATE eduaid.workflow_step SET kinds = kinds || '{household_year}'::text[]
 WHERE 'household' = ANY (kinds);

------------------------------------------------------------------------
-- A year row belongs to the township that had the household that year: a
-- family that moves (a transfer) takes its register entry and its current
-- and future years along, and leaves its past years where they were
-- counted, so past reports do not move. Such a row refers to its household
-- and child by id alone (ids are unique county-wide: identity columns);
-- that a new row's household is in the row's own township is the guard's
-- rule (eduaid.year_guard, repeatable/20_workflow.sql), checked before
-- any foreign key so that a refusal says nothing about another township.
-- A grant, likewise, now names its child by (household, student).
ALTER TABLE eduaid.household ADD CONSTRAINT household_id_key UNIQUE (id);
ALTER TABLE eduaid.student ADD CONSTRAINT student_member_key UNIQUE (household_id, id);
ALTER TABLE eduaid.student_subsidy
    DROP CONSTRAINT student_subsidy_student_fk,
    ADD CONSTRAINT student_subsidy_student_fk FOREIGN KEY (household_id, student_id)
        REFERENCES eduaid.student (household_id, id) ON DELETE CASCADE;

------------------------------------------------------------------------
-- The tables.
CREATE TABLE eduaid.household_year (
    LIKE eduaid.record_template INCLUDING ALL,
    household_id   bigint NOT NULL,
    school_year    int NOT NULL,       -- 2026 means school year 2026-2027
    poverty_status text NOT NULL DEFAULT 'poor',
    notes          text,
    CONSTRAINT household_year_household_fk FOREIGN KEY (household_id)
        REFERENCES eduaid.household (id) ON DELETE CASCADE,
    CONSTRAINT household_year_status_fk FOREIGN KEY (status)
        REFERENCES eduaid.record_status (code),
    CONSTRAINT household_year_poverty_status_fk FOREIGN KEY (poverty_status)
        REFERENCES eduaid.choice_poverty_status (value),
    CONSTRAINT household_year_school_year_check CHECK (school_year BETWEEN 2014 AND 2035),
    CONSTRAINT household_year_notes_check CHECK (char_length(notes) <= 2000),
    CONSTRAINT household_year_school_year_key UNIQUE (township_id, household_id, school_year),
    -- what the member rows point at: their household and year agree
    CONSTRAINT household_year_member_key UNIQUE (township_id, id, household_id, school_year)
);
ALTER TABLE eduaid.household_year
    ADD CONSTRAINT household_year_client_uuid_key UNIQUE (township_id, client_uuid);
CREATE INDEX household_year_status_idx ON eduaid.household_year (township_id, school_year, status);
-- the review queue's (010_review.sql)
CREATE INDEX household_year_submitted_idx ON eduaid.household_year (township_id, submitted_at, id)
    INCLUDE (created_by, submitted_by, editors) WHERE status = 'submitted';
CREATE INDEX household_year_verified_idx ON eduaid.household_year (township_id, verified_at, id)
    INCLUDE (created_by, verified_by, editors) WHERE status = 'verified';
COMMENT ON TABLE eduaid.household_year IS
    'eduaid: a household in one school year: its poverty status, and the record its members'' facts and aid of that year are reviewed as';

CREATE TABLE eduaid.student_year (
    LIKE eduaid.row_template INCLUDING ALL,
    household_year_id bigint NOT NULL,
    household_id      bigint NOT NULL,
    school_year       int NOT NULL,
    student_id        bigint NOT NULL,
    stage             text NOT NULL,
    school_id         int,
    grade             int,
    boarding          boolean NOT NULL DEFAULT false,
    schooling_status  text NOT NULL DEFAULT 'enrolled',
    nutrition_meal    boolean NOT NULL DEFAULT false,  -- 营养改善计划
    left_school       boolean NOT NULL DEFAULT false,  -- graduated or left in this year
    CONSTRAINT student_year_household_year_fk
        FOREIGN KEY (township_id, household_year_id, household_id, school_year)
        REFERENCES eduaid.household_year (township_id, id, household_id, school_year)
        ON DELETE CASCADE,
    CONSTRAINT student_year_student_fk FOREIGN KEY (household_id, student_id)
        REFERENCES eduaid.student (household_id, id) ON DELETE CASCADE,
    CONSTRAINT student_year_school_fk FOREIGN KEY (school_id) REFERENCES eduaid.school (id),
    CONSTRAINT student_year_stage_fk FOREIGN KEY (stage) REFERENCES eduaid.choice_stage (value),
    CONSTRAINT student_year_schooling_status_fk FOREIGN KEY (schooling_status)
        REFERENCES eduaid.choice_schooling_status (value),
    CONSTRAINT student_year_school_id_check CHECK (stage = 'none' OR school_id IS NOT NULL),
    CONSTRAINT student_year_grade_check CHECK (grade BETWEEN 1 AND 12),
    CONSTRAINT student_year_boarding_check CHECK (NOT boarding OR stage <> 'none'),
    CONSTRAINT student_year_student_key UNIQUE (township_id, household_year_id, student_id)
);
CREATE INDEX student_year_student_idx ON eduaid.student_year (township_id, student_id, school_year);
COMMENT ON TABLE eduaid.student_year IS
    'eduaid: a child in one school year: stage, school, grade, boarding, schooling status (member of household_year)';

ALTER TABLE eduaid.student_subsidy
    ADD COLUMN household_year_id bigint,
    ADD CONSTRAINT student_subsidy_student_year_fk
        FOREIGN KEY (township_id, household_year_id, student_id)
        REFERENCES eduaid.student_year (township_id, household_year_id, student_id)
        ON DELETE CASCADE,
    ADD CONSTRAINT student_subsidy_household_year_fk
        FOREIGN KEY (township_id, household_year_id, household_id, school_year)
        REFERENCES eduaid.household_year (township_id, id, household_id, school_year)
        ON DELETE CASCADE;
CREATE INDEX student_subsidy_household_year_idx
    ON eduaid.student_subsidy (township_id, household_year_id);
-- a grant's school year is its record's: it no longer changes by itself
RESET ROLE;
REVOKE UPDATE (school_year) ON eduaid.student_subsidy FROM eduaid_clerk, eduaid_officer;
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The data as it stands: this school year from the households' state,
-- other years of grants as copies.
ALTER TABLE eduaid.student_subsidy DISABLE TRIGGER USER;

INSERT INTO eduaid.household_year
       (township_id, version, created_by, created_at, updated_by, updated_at,
        status, reason, editors, submitted_by, submitted_at, verified_by, verified_at,
        approved_by, approved_at, rejected_by, rejected_at,
        household_id, school_year, poverty_status)
SELECT h.township_id, 1, h.created_by, h.created_at, h.updated_by, h.updated_at,
       CASE h.status WHEN 'in_notice' THEN 'approved' ELSE h.status END,
       h.reason, h.editors, h.submitted_by, h.submitted_at, h.verified_by, h.verified_at,
       h.approved_by, h.approved_at, h.rejected_by, h.rejected_at,
       h.id, y.school_year, h.poverty_status
  FROM eduaid.household h
 CROSS JOIN LATERAL (
        SELECT eduaid.school_year_of(current_date) AS school_year
        UNION
        SELECT s.school_year FROM eduaid.student_subsidy s
         WHERE s.township_id = h.township_id AND s.household_id = h.id) AS y;

INSERT INTO eduaid.student_year
       (township_id, created_by, created_at, updated_by, updated_at,
        household_year_id, household_id, school_year, student_id,
        stage, school_id, grade, boarding, schooling_status, nutrition_meal)
SELECT st.township_id, st.created_by, st.created_at, st.updated_by, st.updated_at,
       hy.id, hy.household_id, hy.school_year, st.id,
       st.stage, st.school_id, st.grade, st.boarding, st.schooling_status, st.nutrition_meal
  FROM eduaid.student st
  JOIN eduaid.household_year hy
    ON hy.township_id = st.township_id AND hy.household_id = st.household_id;

UPDATE eduaid.student_subsidy s SET household_year_id = hy.id
  FROM eduaid.household_year hy
 WHERE hy.township_id = s.township_id AND hy.household_id = s.household_id
   AND hy.school_year = s.school_year;

ALTER TABLE eduaid.student_subsidy ENABLE TRIGGER USER;
ALTER TABLE eduaid.student_subsidy ALTER COLUMN household_year_id SET NOT NULL;

------------------------------------------------------------------------
-- What the refusals mean (24_messages.sql).
INSERT INTO eduaid.message (key, field, zh, en) VALUES
('household_id_key', NULL, '该户已存在。', 'This household exists already.'),
('student_member_key', NULL, '该成员已存在。', 'This member exists already.'),
('household_year_household_fk', NULL, '没有这个建档立卡户。', 'No such household.'),
('household_year_status_fk', NULL, '没有这个审核状态。', 'Not a state of a record.'),
('household_year_poverty_status_fk', 'poverty_status', '请从列表中选择脱贫状态。', 'Choose a poverty status from the list.'),
('household_year_school_year_check', 'school_year', '学年须在2014到2035之间。', 'The school year is 2014 to 2035.'),
('household_year_notes_check', 'notes', '备注最多2000字。', 'Notes are at most 2000 characters.'),
('household_year_school_year_key', 'school_year', '该户这一学年已有记录。', 'The household has a record for this school year already.'),
('household_year_member_key', NULL, '该学年记录已存在。', 'This school-year record exists already.'),
('household_year_pkey', NULL, '该学年记录已存在。', 'This school-year record exists already.'),
('household_year_client_uuid_key', NULL, '该记录已保存过。', 'This record was saved already.'),
('student_year_household_year_fk', NULL, '没有这一学年的户记录。', 'No such household school-year record.'),
('student_year_student_fk', NULL, '该成员不属于这一户。', 'The member is not of this household.'),
('student_year_school_fk', 'school_id', '没有这所学校。', 'No such school.'),
('student_year_stage_fk', 'stage', '请从列表中选择学段。', 'Choose a stage from the list.'),
('student_year_schooling_status_fk', 'schooling_status', '请从列表中选择就学状态。', 'Choose a schooling status from the list.'),
('student_year_school_id_check', 'school_id', '在校学生须填写就读学校。', 'A pupil in school needs a school.'),
('student_year_grade_check', 'grade', '年级须在1到12之间。', 'The grade is 1 to 12.'),
('student_year_boarding_check', 'boarding', '未入学或已离校的不能是寄宿生。', 'Only a pupil in school can board.'),
('student_year_student_key', 'student_id', '该成员这一学年已有记录。', 'The member has a row for this school year already.'),
('student_year_pkey', NULL, '该成员学年记录已存在。', 'This member''s school-year row exists already.'),
('student_subsidy_student_year_fk', 'student_id', '该成员这一学年还没有学年信息，请先填写。', 'The member has no row for this school year: add it first.'),
('student_subsidy_household_year_fk', NULL, '资助的学年须与户的学年记录一致。', 'A grant''s school year is its household record''s year.');
