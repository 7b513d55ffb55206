-- 027_subsidy_rates.sql: the standard amounts of 全程资助 (issue 11, "Aid":
-- the programs entitled are offered with the standard amounts, a rates
-- table per program and school year, kept by the admin in the database).
--
-- eduaid.choice_program: the ten programs of student_subsidy_program_check
-- (004_records.sql) as a choice list (024_messages.sql), with their words;
-- 50_messages.sql grants it as every choice list.
--
-- eduaid.subsidy_rate (program, school_year, stage, boarding, amount):
-- the amount a member of that stage (boarding or not) is granted under
-- that program in that school year. County-wide reference data like
-- eduaid.school: every login reads it, only the admin writes it (insert,
-- the amount, and deleting through eduaid.delete_subsidy_rate:
-- repeatable/40_rates.sql), every change audited as kind 'reference'
-- (37_triggers.sql). A rate is only for a stage that the program is an
-- entitlement of (eduaid.stage_programs, repeatable/01_shared_rules.sql,
-- which runs before this file); the programs that are applied for
-- (student_loan, 生源地信用助学贷款; zihui, 滋蕙计划) have no standard amount.
-- eduaid.standard_amount(program, year, stage, boarding) answers it
-- (40_rates.sql).
--
-- The rates seeded for school years 2024, 2025 and 2026 are Hubei's
-- standards per pupil and year (湖北省学生资助, as the bureau applies them):
--   preschool_aid          1000  学前教育资助 (家庭经济困难幼儿)
--   compulsory_waiver         0  两免: tuition and textbooks are waived,
--                                no money reaches the family
--   boarding_subsidy       1000 primary, 1250 junior, boarders only
--                                (义务教育家庭经济困难寄宿生生活补助)
--   high_school_grant      2000  普通高中国家助学金 (average standard)
--   high_school_waiver      800  普通高中免学杂费 (the county's fee)
--   vocational_waiver      2000  中职免学费
--   vocational_grant       2000  中职国家助学金
--   college_freshman_aid   1000  新生入学资助 (1000 at a college outside
--                                the province, 500 inside: the clerk
--                                adjusts the amount of the latter)
-- the amounts the demo data has always granted (sql/data/demo_records.sql
-- now reads them from here). The admin corrects or adds a year with
-- `eduaid rates set` (src/cli/cmd_rates.c).
--
-- SQLSTATEs: none new.
SET ROLE eduaid_owner;

CREATE TABLE eduaid.choice_program (
    value    text PRIMARY KEY,
    position smallint NOT NULL,
    zh       text NOT NULL,
    en       text NOT NULL,
    CONSTRAINT choice_program_position_key UNIQUE (position)
);
COMMENT ON TABLE eduaid.choice_program IS
    'eduaid: the choice list program (values a column takes, in order, with their words)';
INSERT INTO eduaid.choice_program (value, position, zh, en) VALUES
    ('preschool_aid', 1, '学前教育资助', 'Preschool aid'),
    ('compulsory_waiver', 2, '义务教育两免', 'Compulsory waiver'),
    ('boarding_subsidy', 3, '寄宿生生活补助', 'Boarding subsidy'),
    ('high_school_grant', 4, '普通高中国家助学金', 'High school grant'),
    ('high_school_waiver', 5, '普通高中免学杂费', 'High school fee waiver'),
    ('vocational_waiver', 6, '中职免学费', 'Vocational fee waiver'),
    ('vocational_grant', 7, '中职国家助学金', 'Vocational grant'),
    ('college_freshman_aid', 8, '大学新生入学资助', 'College freshman aid'),
    ('student_loan', 9, '生源地信用助学贷款', 'Student loan'),
    ('zihui', 10, '滋蕙计划', 'Zihui programme');

CREATE TABLE eduaid.subsidy_rate (
    program     text NOT NULL,
    school_year int NOT NULL,        -- 2026 means school year 2026-2027
    stage       text NOT NULL,
    boarding    boolean NOT NULL,
    amount      numeric NOT NULL,    -- yuan per member and school year
    CONSTRAINT subsidy_rate_pkey PRIMARY KEY (program, school_year, stage, boarding),
    CONSTRAINT subsidy_rate_program_fk FOREIGN KEY (program)
        REFERENCES eduaid.choice_program (value),
    CONSTRAINT subsidy_rate_stage_fk FOREIGN KEY (stage)
        REFERENCES eduaid.choice_stage (value),
    CONSTRAINT subsidy_rate_school_year_check CHECK (school_year BETWEEN 2014 AND 2035),
    CONSTRAINT subsidy_rate_amount_check CHECK (eduaid.money_valid(amount)),
    CONSTRAINT subsidy_rate_applied_check
        CHECK (program NOT IN ('student_loan', 'zihui')),
    CONSTRAINT subsidy_rate_entitled_check
        CHECK (program = ANY (eduaid.stage_programs(stage, boarding)))
);
COMMENT ON TABLE eduaid.subsidy_rate IS
    'eduaid: the standard amount of a subsidy program per school year, stage and boarding (kept by the admin)';

INSERT INTO eduaid.subsidy_rate (program, school_year, stage, boarding, amount)
SELECT r.program, y, r.stage, b, r.amount
  FROM generate_series(2024, 2026) AS y
 CROSS JOIN (VALUES (false), (true)) AS o (b)
 CROSS JOIN (VALUES ('preschool_aid', 'preschool', NULL::boolean, 1000),
                    ('compulsory_waiver', 'primary', NULL, 0),
                    ('compulsory_waiver', 'junior', NULL, 0),
                    ('boarding_subsidy', 'primary', true, 1000),
                    ('boarding_subsidy', 'junior', true, 1250),
                    ('high_school_grant', 'senior_high', NULL, 2000),
                    ('high_school_waiver', 'senior_high', NULL, 800),
                    ('vocational_waiver', 'secondary_vocational', NULL, 2000),
                    ('vocational_grant', 'secondary_vocational', NULL, 2000),
                    ('college_freshman_aid', 'college', NULL, 1000))
       AS r (program, stage, boarding, amount)
 WHERE r.boarding IS NULL OR r.boarding = b
 ORDER BY 1, 2, 3, 4;

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('choice_program_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_program_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
('subsidy_rate_pkey', NULL, '该项目、学年、学段和寄宿情况的标准已存在。',
    'A rate for this program, school year, stage and boarding exists already.'),
('subsidy_rate_program_fk', NULL, '没有这个资助项目。', 'No such subsidy program.'),
('subsidy_rate_stage_fk', NULL, '没有这个学段。', 'No such stage.'),
('subsidy_rate_school_year_check', NULL, '学年须在2014到2035之间。',
    'The school year is 2014 to 2035.'),
('subsidy_rate_amount_check', NULL, '金额不能为负，最多两位小数。',
    'An amount is not negative and has at most two decimals.'),
('subsidy_rate_applied_check', NULL, '贷款和滋蕙计划按申请发放，没有标准金额。',
    'Loans and the Zihui programme are applied for and have no standard amount.'),
('subsidy_rate_entitled_check', NULL, '该学段（寄宿情况）不享受这个资助项目。',
    'This stage (boarding or not) is not entitled to this program.');
