-- 061_admission.sql: 定向招生专项计划 (issue 17 H4) -- a registered poor
-- student's application to a targeted college admission plan (国家专项计划,
-- 省精准扶贫专项计划 / 地方专项, 高校专项计划), the record kind
-- 'admission', and the outcome of the admission once the application is
-- qualified.
--
-- The application (eduaid.admission) is a record (LIKE record_template)
-- and takes the workflow's steps as every kind (draft -> submitted ->
-- verified -> approved, rejected with a reason, reopened, four-eyes: no
-- new row of workflow_step). 资格审查 is that workflow: an officer of the
-- student's township verifies (the 乡镇 checks the facts), a supervisor
-- approves (the 县招办's 资格审查); qualified = approved. The kind joins
-- the workflow tables' kinds CHECKs as 047_pairing_workflow.sql did for
-- 'pairing'; it has no notice states (the qualified students' 公示 is a
-- printed list, eduaid.admission_notice, 36_m_admission.sql).
--
-- One application per student, 高考 year and plan
-- (admission_plan_key, township first). What the database enforces:
--   * the student is a member of a household of the record's township
--     (admission_student_fk; the household is filled from the student and
--     named, admission_household_fk), registered the school year the
--     exam ends (高考 year Y: school year Y-1): the household's record of
--     that year is approved, in its notice or final
--     (admission_household_registered_check, raised by admission_fill):
--     建档立卡 means the register's check passed; for the provincial plan
--     the household is 建档立卡 proper that year (poor or lifted), not a
--     监测户 (admission_poverty_status_plan_check);
--   * the student's row of that year says senior high or secondary
--     vocational (admission_student_stage_check), and the high school
--     named is one (admission_school_kind_check);
--   * the household's poverty status of that year is copied from the
--     register on every save (poverty_status, a fact the reviewers see;
--     fixed once approved);
--   * years of hukou in the county and of high-school enrolment in the
--     county are recorded in whole years (0..60, 0..6); an application
--     leaves the draft only with 3 or more of each
--     (admission_hukou_years_three_check, admission_school_years_three_check:
--     all three plans ask 3 years of each).
-- What the reviewers judge: that the facts are true (户口簿 and 学籍
-- records: continuous hukou, actual attendance, 高考报名 in the county),
-- and the plan's rules the register does not hold (the 高校专项's
-- 农村户籍 in a 县以下 school, the colleges' own tests).
--
-- The outcome (eduaid.admission_outcome): admitted or not and the
-- college, one row an application, recorded by an officer of the
-- application's township once the application is approved (EA243
-- otherwise, admission_outcome_guard): the 录取 result comes from the
-- 县招办 after the 高考 and needs no review of its own; supervisors read
-- it, nobody else writes it, the audit files it under its application.
--
-- SQLSTATEs (EA243..EA245 reserved):
--   EA243 an outcome is recorded only for an approved (qualified)
--         application
SET ROLE eduaid_owner;

ALTER TABLE eduaid.record_status
    DROP CONSTRAINT record_status_kinds_check,
    ADD CONSTRAINT record_status_kinds_check CHECK (cardinality(kinds) > 0 AND kinds <@
        '{household,household_year,training,special_ed,teacher_fund,pairing,admission}'::text[]);
ALTER TABLE eduaid.workflow_step
    DROP CONSTRAINT workflow_step_kinds_check,
    ADD CONSTRAINT workflow_step_kinds_check CHECK (cardinality(kinds) > 0 AND kinds <@
        '{household,household_year,training,special_ed,teacher_fund,pairing,admission}'::text[]);

CREATE TABLE eduaid.admission (
    LIKE eduaid.record_template INCLUDING ALL,
    student_id     bigint NOT NULL,
    exam_year      int NOT NULL,      -- 高考 year
    plan           text NOT NULL,
    school_id      int NOT NULL,      -- the high school
    hukou_years    int NOT NULL,      -- 户籍在本县 years
    school_years   int NOT NULL,      -- 在本县高中(中职)就读 years
    notes          text,
    CONSTRAINT admission_township_fk FOREIGN KEY (township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT admission_school_fk FOREIGN KEY (school_id) REFERENCES eduaid.school (id),
    CONSTRAINT admission_status_fk FOREIGN KEY (status) REFERENCES eduaid.record_status (code),
    CONSTRAINT admission_exam_year_check CHECK (exam_year BETWEEN 2016 AND 2035),
    CONSTRAINT admission_plan_check CHECK (plan IN
        ('national',            -- 国家专项计划
         'provincial_poverty',  -- 省精准扶贫专项计划 (地方专项)
         'college_special')),   -- 高校专项计划
    CONSTRAINT admission_hukou_years_check CHECK (hukou_years BETWEEN 0 AND 60),
    CONSTRAINT admission_school_years_check CHECK (school_years BETWEEN 0 AND 6),
    CONSTRAINT admission_hukou_years_three_check CHECK (status IN ('draft', 'rejected')
        OR hukou_years >= 3),
    CONSTRAINT admission_school_years_three_check CHECK (status IN ('draft', 'rejected')
        OR school_years >= 3),
    CONSTRAINT admission_notes_check CHECK (char_length(notes) <= 500),
    CONSTRAINT admission_notes_clean CHECK (eduaid.is_clean(notes, true)),
    CONSTRAINT admission_reason_clean CHECK (eduaid.is_clean(reason)),
    CONSTRAINT admission_plan_key UNIQUE (township_id, student_id, exam_year, plan)
);
-- The facts the server fills (admission_fill, 36_m_admission.sql): the
-- student's household, and its poverty status copied on every save (the
-- form's read-only fields).
ALTER TABLE eduaid.admission ADD COLUMN household_id bigint NOT NULL,
    ADD COLUMN poverty_status text NOT NULL,
    ADD CONSTRAINT admission_household_fk FOREIGN KEY (township_id, household_id)
        REFERENCES eduaid.household (township_id, id),
    ADD CONSTRAINT admission_student_fk FOREIGN KEY (township_id, household_id, student_id)
        REFERENCES eduaid.student (township_id, household_id, id),
    ADD CONSTRAINT admission_poverty_status_fk FOREIGN KEY (poverty_status)
        REFERENCES eduaid.choice_poverty_status (value),
    ADD CONSTRAINT admission_poverty_status_plan_check CHECK (plan <> 'provincial_poverty'
        OR poverty_status IN ('poor', 'lifted'));
CREATE UNIQUE INDEX admission_client_uuid_key ON eduaid.admission (township_id, client_uuid);
-- the review queue (as 010_review.sql for every kind)
CREATE INDEX admission_submitted_idx ON eduaid.admission (township_id, submitted_at, id)
    INCLUDE (created_by, submitted_by, editors) WHERE status = 'submitted';
CREATE INDEX admission_verified_idx ON eduaid.admission (township_id, verified_at, id)
    INCLUDE (created_by, verified_by, editors) WHERE status = 'verified';
-- the report and the notice: a township's applications of a year
CREATE INDEX admission_year_idx ON eduaid.admission (township_id, exam_year, plan);
CREATE INDEX admission_household_idx ON eduaid.admission (township_id, household_id);
COMMENT ON TABLE eduaid.admission IS
    'eduaid: 定向招生专项计划 -- a registered poor student''s application to a targeted admission plan (record kind admission)';

CREATE TABLE eduaid.admission_outcome (
    LIKE eduaid.row_template INCLUDING ALL,
    admission_id bigint NOT NULL,
    admitted     boolean NOT NULL,
    college      text,               -- the college that admitted the student
    CONSTRAINT admission_outcome_admission_fk FOREIGN KEY (township_id, admission_id)
        REFERENCES eduaid.admission (township_id, id),
    CONSTRAINT admission_outcome_admission_key UNIQUE (township_id, admission_id),
    CONSTRAINT admission_outcome_college_check CHECK ((college IS NOT NULL) = admitted
        AND (college IS NULL OR (NOT eduaid.is_blank(college) AND char_length(college) <= 100))),
    CONSTRAINT admission_outcome_college_clean CHECK (eduaid.is_clean(college))
);
COMMENT ON TABLE eduaid.admission_outcome IS
    'eduaid: the admission''s outcome (admitted, college) of a qualified application';

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('admission_pkey', '_record', '这份申请已存在。', 'This application exists already.'),
('admission_client_uuid_key', '_record', '这份申请已保存过。', 'This application was saved already.'),
('admission_township_fk', 'township_id', '没有这个乡镇。', 'No such township.'),
('admission_household_fk', '_record', '找不到这名学生的家庭。', 'No such household for this student.'),
('admission_student_fk', 'student_id', '找不到这名学生（须是本乡镇建档立卡户的成员）。',
 'No such student (a member of a registered household of this township).'),
('admission_school_fk', 'school_id', '没有这所学校。', 'No such school.'),
('admission_status_fk', '_record', '记录状态不对。', 'Not a record status.'),
('admission_poverty_status_fk', 'poverty_status', '贫困状态不对。', 'Not a poverty status.'),
('admission_exam_year_check', 'exam_year', '高考年度须在2016到2035之间。',
 'The exam year lies between 2016 and 2035.'),
('admission_plan_check', 'plan', '请从列表中选择专项计划。', 'Choose a plan from the list.'),
('admission_poverty_status_plan_check', 'plan', '省精准扶贫专项计划只招建档立卡户（未脱贫或已脱贫）的学生，监测户不在其列。',
 'The provincial poverty plan takes students of registered poor households (not lifted or lifted), not monitored ones.'),
('admission_hukou_years_check', 'hukou_years', '户籍年限须在0到60年之间。',
 'Years of hukou lie between 0 and 60.'),
('admission_school_years_check', 'school_years', '高中就读年限须在0到6年之间。',
 'Years at high school lie between 0 and 6.'),
('admission_hukou_years_three_check', 'hukou_years', '专项计划要求本县户籍满3年，不足3年的申请不能报审。',
 'The plans ask 3 years of hukou in the county: this application cannot be submitted.'),
('admission_school_years_three_check', 'school_years', '专项计划要求在本县高中（中职）连续就读满3年，不足3年的申请不能报审。',
 'The plans ask 3 years at a high school of the county: this application cannot be submitted.'),
('admission_notes_check', 'notes', '备注不超过500字。', 'Notes of up to 500 characters.'),
('admission_notes_clean', 'notes', '备注不能含控制字符或方向控制符（可以换行）。',
 'Notes cannot hold control or direction characters (line breaks are fine).'),
('admission_reason_clean', 'reason', '退回理由不能含控制字符、换行或方向控制符。',
 'A reason cannot hold control characters, line breaks or direction marks.'),
('admission_plan_key', 'plan', '这名学生这一年已申请过这个专项计划。',
 'This student has applied to this plan for this year already.'),
('admission_household_registered_check', 'student_id', '这名学生的家庭在高考前一学年没有已审批的建档立卡核查记录，不能申请专项计划。',
 'This student''s household has no approved record of the school year the exam ends: no application.'),
('admission_student_stage_check', 'student_id', '只有高考前一学年在普通高中或中职就读的学生可以申请专项计划。',
 'Only a student at senior high or secondary vocational school the school year the exam ends applies.'),
('admission_school_kind_check', 'school_id', '请选择一所高中或中职学校。',
 'Choose a senior high or vocational school.'),
('admission_outcome_pkey', '_record', '这条录取结果已存在。', 'This outcome exists already.'),
('admission_outcome_admission_fk', '_record', '找不到这份申请。', 'No such application.'),
('admission_outcome_admission_key', '_record', '这份申请已登记录取结果。',
 'This application has its outcome already.'),
('admission_outcome_college_check', 'college', '录取时须填写录取高校（不超过100字），未录取时不填。',
 'An admission names its college (up to 100 characters); no college when not admitted.'),
('admission_outcome_college_clean', 'college', '录取高校不能含控制字符、换行或方向控制符。',
 'The college cannot hold control characters, line breaks or direction marks.'),
('EA243', '_record', '只有资格审查已批准的申请才能登记录取结果。',
 'An outcome is recorded only for an application that passed the qualification review (approved).');
