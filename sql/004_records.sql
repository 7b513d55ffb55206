-- 004_records.sql: the record tables of the four record kinds and their
-- data rules. Every constraint is named <table>_<field>_<kind> so that the
-- client can put a server error on the field it concerns.
--
--   household + student + student_subsidy   建档立卡户核查 (kind 'household')
--   training_enrollment                      技能培训       (kind 'training')
--   special_ed_plan                          一人一案       (kind 'special_ed')
--   teacher + teacher_fund_application       教师帮扶资金   (kind 'teacher_fund')
--
-- Every township-scoped table carries township_id first in its primary key
-- (DESIGN.md: distributable by township). Workflow columns are changed only
-- by the workflow functions; their guards enforce it
-- (repeatable/20_workflow.sql). The functions the CHECK constraints and
-- generated columns call: repeatable/00_rules.sql.
SET ROLE eduaid_owner;

-- Templates, copied into each table with LIKE ... INCLUDING ALL; they never
-- hold rows and no role but the owner may touch them.
CREATE TABLE eduaid.row_template (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    township_id int NOT NULL,
    version     int NOT NULL DEFAULT 1,
    created_by  text NOT NULL DEFAULT session_user,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL DEFAULT session_user,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (township_id, id)
);
COMMENT ON TABLE eduaid.row_template IS 'template: bookkeeping columns of every township-scoped row';

CREATE TABLE eduaid.record_template (
    LIKE eduaid.row_template INCLUDING ALL,
    client_uuid  uuid,         -- made by the client: replays are idempotent
    status       text NOT NULL DEFAULT 'draft',
    reason       text,         -- of the last rejection or reopening
    editors      text[] NOT NULL DEFAULT ARRAY[session_user::text],
    submitted_by text,
    submitted_at timestamptz,
    verified_by  text,
    verified_at  timestamptz,
    approved_by  text,
    approved_at  timestamptz,
    rejected_by  text,
    rejected_at  timestamptz,
    CONSTRAINT record_status_check CHECK (status IN
        ('draft', 'submitted', 'verified', 'approved', 'rejected'))
);
COMMENT ON TABLE eduaid.record_template IS 'template: bookkeeping and workflow columns of every record';


------------------------------------------------------------------------
-- 建档立卡户核查: the household, its school-age members, their aid.

CREATE TABLE eduaid.household (
    LIKE eduaid.record_template INCLUDING ALL,
    household_no     text NOT NULL,   -- 建档立卡户编号 in the official register
    village_id       bigint NOT NULL,
    head_name        text NOT NULL,
    head_id_number   text NOT NULL,
    head_id_number_masked text GENERATED ALWAYS AS
                     (eduaid.mask_id_number(head_id_number)) STORED,
    phone            text,
    address          text,
    poverty_status   text NOT NULL DEFAULT 'poor',
    registered_year  int NOT NULL,
    family_size      int NOT NULL,
    notes            text,
    CONSTRAINT household_township_fk FOREIGN KEY (township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT household_village_fk FOREIGN KEY (township_id, village_id)
        REFERENCES eduaid.village (township_id, id),
    CONSTRAINT household_household_no_check CHECK (household_no ~ '^[0-9A-Z-]{6,30}$'),
    CONSTRAINT household_household_no_key UNIQUE (household_no),
    CONSTRAINT household_head_name_check CHECK (NOT eduaid.is_blank(head_name) AND char_length(head_name) <= 50),
    CONSTRAINT household_head_id_number_check CHECK (eduaid.id_number_valid(head_id_number)),
    CONSTRAINT household_head_id_number_key UNIQUE (head_id_number),
    CONSTRAINT household_phone_check CHECK (phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
    CONSTRAINT household_address_check CHECK (char_length(address) <= 200),
    CONSTRAINT household_poverty_status_check CHECK (poverty_status IN
        ('poor',        -- 未脱贫
         'lifted',      -- 已脱贫 (still entitled during the plan)
         'monitored')), -- 监测户
    CONSTRAINT household_registered_year_check CHECK (registered_year BETWEEN 2014 AND 2035),
    CONSTRAINT household_family_size_check CHECK (family_size BETWEEN 1 AND 30),
    CONSTRAINT household_notes_check CHECK (char_length(notes) <= 2000)
);

CREATE TABLE eduaid.student (
    LIKE eduaid.row_template INCLUDING ALL,
    household_id     bigint NOT NULL,
    name             text NOT NULL,
    id_number        text NOT NULL,
    id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(id_number)) STORED,
    sex              text NOT NULL,
    birth_date       date NOT NULL,
    birth_date_masked text GENERATED ALWAYS AS (eduaid.mask_date(birth_date)) STORED,
    relation         text NOT NULL DEFAULT 'child',
    stage            text NOT NULL,
    school_id        int,
    grade            int,
    boarding         boolean NOT NULL DEFAULT false,
    schooling_status text NOT NULL DEFAULT 'enrolled',
    disability_type  text,
    disability_grade int,
    left_behind      boolean NOT NULL DEFAULT false,  -- 留守儿童
    migrant          boolean NOT NULL DEFAULT false,  -- 随迁子女
    nutrition_meal   boolean NOT NULL DEFAULT false,  -- 营养改善计划
    CONSTRAINT student_household_fk FOREIGN KEY (township_id, household_id)
        REFERENCES eduaid.household (township_id, id) ON DELETE CASCADE,
    CONSTRAINT student_school_fk FOREIGN KEY (school_id) REFERENCES eduaid.school (id),
    CONSTRAINT student_name_check CHECK (NOT eduaid.is_blank(name) AND char_length(name) <= 50),
    CONSTRAINT student_id_number_check CHECK (eduaid.id_number_valid(id_number)),
    CONSTRAINT student_id_number_key UNIQUE (id_number),
    CONSTRAINT student_sex_check CHECK (sex IN ('M', 'F') AND sex = eduaid.id_sex(id_number)),
    CONSTRAINT student_birth_date_check CHECK (birth_date = eduaid.id_birth_date(id_number)),
    CONSTRAINT student_relation_check CHECK (relation IN
        ('child', 'grandchild', 'sibling', 'self', 'other')),
    CONSTRAINT student_stage_check CHECK (stage IN
        ('preschool',             -- 学前
         'primary',               -- 小学
         'junior',                -- 初中
         'senior_high',           -- 普通高中
         'secondary_vocational',  -- 中职
         'college',               -- 高校
         'none')),                -- 未入学 / 已离校
    CONSTRAINT student_school_id_check CHECK (stage = 'none' OR school_id IS NOT NULL),
    CONSTRAINT student_grade_check CHECK (grade BETWEEN 1 AND 12),
    CONSTRAINT student_schooling_status_check CHECK (schooling_status IN
        ('enrolled',              -- 在校
         'dropped_out',           -- 辍学
         'suspended',             -- 休学
         'not_enrolled')),        -- 未入学
    CONSTRAINT student_disability_type_check CHECK (disability_type IN
        ('visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple')),
    CONSTRAINT student_disability_grade_check CHECK (disability_grade IS NULL
        OR (disability_grade BETWEEN 1 AND 4 AND disability_type IS NOT NULL)),
    CONSTRAINT student_boarding_check CHECK (NOT boarding OR stage <> 'none'),
    CONSTRAINT student_household_key UNIQUE (township_id, household_id, id)
);
CREATE INDEX student_household_idx ON eduaid.student (township_id, household_id);

CREATE TABLE eduaid.student_subsidy (
    LIKE eduaid.row_template INCLUDING ALL,
    household_id bigint NOT NULL,
    student_id   bigint NOT NULL,
    school_year  int NOT NULL,       -- 2026 means school year 2026-2027
    program      text NOT NULL,
    amount       numeric NOT NULL,
    granted_on   date,
    CONSTRAINT student_subsidy_student_fk FOREIGN KEY (township_id, household_id, student_id)
        REFERENCES eduaid.student (township_id, household_id, id) ON DELETE CASCADE,
    CONSTRAINT student_subsidy_school_year_check CHECK (school_year BETWEEN 2014 AND 2035),
    CONSTRAINT student_subsidy_program_check CHECK (program IN
        ('preschool_aid',          -- 学前教育资助
         'compulsory_waiver',      -- 两免 (tuition and textbooks)
         'boarding_subsidy',       -- 一补 (boarding living subsidy)
         'high_school_grant',      -- 普通高中国家助学金
         'high_school_waiver',     -- 普通高中免学杂费
         'vocational_waiver',      -- 中职免学费
         'vocational_grant',       -- 中职国家助学金
         'college_freshman_aid',   -- 大学新生入学资助
         'student_loan',           -- 生源地信用助学贷款
         'zihui')),                -- 滋蕙计划
    CONSTRAINT student_subsidy_amount_check CHECK (eduaid.money_valid(amount)),
    CONSTRAINT student_subsidy_program_key UNIQUE (township_id, student_id, school_year, program)
);

------------------------------------------------------------------------
-- 技能培训: vocational training enrollment.

CREATE TABLE eduaid.training_enrollment (
    LIKE eduaid.record_template INCLUDING ALL,
    household_id       bigint NOT NULL,
    trainee_name       text NOT NULL,
    trainee_id_number  text NOT NULL,
    trainee_id_number_masked text GENERATED ALWAYS AS
                       (eduaid.mask_id_number(trainee_id_number)) STORED,
    trainee_sex        text NOT NULL,
    trainee_birth_date date NOT NULL,
    trainee_birth_date_masked text GENERATED ALWAYS AS
                       (eduaid.mask_date(trainee_birth_date)) STORED,
    phone              text,
    trainee_type       text NOT NULL,
    course_id          int NOT NULL,
    provider_school_id int NOT NULL,
    batch              text NOT NULL,
    needs_survey       text,
    start_date         date NOT NULL,
    end_date           date,
    hours_attended     int NOT NULL DEFAULT 0,
    completed          boolean NOT NULL DEFAULT false,
    certificate_no     text,
    employment_outcome text NOT NULL DEFAULT 'pending',
    CONSTRAINT training_enrollment_township_fk FOREIGN KEY (township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT training_enrollment_household_fk FOREIGN KEY (township_id, household_id)
        REFERENCES eduaid.household (township_id, id),
    CONSTRAINT training_enrollment_course_fk FOREIGN KEY (course_id)
        REFERENCES eduaid.training_course (id),
    CONSTRAINT training_enrollment_provider_school_fk FOREIGN KEY (provider_school_id)
        REFERENCES eduaid.school (id),
    CONSTRAINT training_enrollment_trainee_name_check CHECK (NOT eduaid.is_blank(trainee_name) AND char_length(trainee_name) <= 50),
    CONSTRAINT training_enrollment_trainee_id_number_check CHECK (eduaid.id_number_valid(trainee_id_number)),
    CONSTRAINT training_enrollment_trainee_sex_check CHECK (trainee_sex IN ('M', 'F')
        AND trainee_sex = eduaid.id_sex(trainee_id_number)),
    CONSTRAINT training_enrollment_trainee_birth_date_check CHECK (trainee_birth_date = eduaid.id_birth_date(trainee_id_number)),
    CONSTRAINT training_enrollment_phone_check CHECK (phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
    CONSTRAINT training_enrollment_trainee_type_check CHECK (trainee_type IN
        ('poor_labor',       -- 贫困劳动力
         'two_after',        -- 两后生 (school leavers after junior/senior high)
         'rich_leader')),    -- 致富能人
    CONSTRAINT training_enrollment_batch_check CHECK (batch ~ '^[0-9]{4}-[0-9]{1,2}$'),
    CONSTRAINT training_enrollment_needs_survey_check CHECK (char_length(needs_survey) <= 2000),
    CONSTRAINT training_enrollment_end_date_check CHECK (end_date >= start_date),
    CONSTRAINT training_enrollment_start_date_check CHECK (start_date >= DATE '2014-01-01'),
    CONSTRAINT training_enrollment_hours_attended_check CHECK (hours_attended BETWEEN 0 AND 2000),
    CONSTRAINT training_enrollment_certificate_no_check CHECK (certificate_no IS NULL
        OR (completed AND NOT eduaid.is_blank(certificate_no))),
    CONSTRAINT training_enrollment_employment_outcome_check CHECK (employment_outcome IN
        ('pending', 'employed', 'self_employed', 'entrepreneur', 'further_study', 'unemployed')),
    CONSTRAINT training_enrollment_course_key UNIQUE (township_id, trainee_id_number, course_id, batch)
);

------------------------------------------------------------------------
-- 教师帮扶资金: rural teachers and their fund applications.

CREATE TABLE eduaid.teacher (
    LIKE eduaid.row_template INCLUDING ALL,
    school_id   int NOT NULL,
    name        text NOT NULL,
    id_number   text NOT NULL,
    id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(id_number)) STORED,
    sex         text NOT NULL,
    birth_date  date NOT NULL,
    birth_date_masked text GENERATED ALWAYS AS (eduaid.mask_date(birth_date)) STORED,
    phone       text,
    title       text,
    rural_years int NOT NULL DEFAULT 0,
    active      boolean NOT NULL DEFAULT true,
    CONSTRAINT teacher_school_fk FOREIGN KEY (township_id, school_id)
        REFERENCES eduaid.school (township_id, id),
    CONSTRAINT teacher_name_check CHECK (NOT eduaid.is_blank(name) AND char_length(name) <= 50),
    CONSTRAINT teacher_id_number_check CHECK (eduaid.id_number_valid(id_number)),
    CONSTRAINT teacher_id_number_key UNIQUE (id_number),
    CONSTRAINT teacher_sex_check CHECK (sex IN ('M', 'F') AND sex = eduaid.id_sex(id_number)),
    CONSTRAINT teacher_birth_date_check CHECK (birth_date = eduaid.id_birth_date(id_number)),
    CONSTRAINT teacher_phone_check CHECK (phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'),
    CONSTRAINT teacher_title_check CHECK (char_length(title) <= 30),
    CONSTRAINT teacher_rural_years_check CHECK (rural_years BETWEEN 0 AND 60)
);
CREATE INDEX teacher_school_idx ON eduaid.teacher (township_id, school_id);

CREATE TABLE eduaid.teacher_fund_application (
    LIKE eduaid.record_template INCLUDING ALL,
    teacher_id       bigint NOT NULL,
    program_id       int NOT NULL,
    school_year      int NOT NULL,
    reason_category  text NOT NULL,
    reason_text      text NOT NULL,
    amount_requested numeric NOT NULL,
    amount_approved  numeric,
    months           int NOT NULL DEFAULT 12,
    bank_name        text NOT NULL,
    bank_account     text NOT NULL,
    bank_account_masked text GENERATED ALWAYS AS (eduaid.mask_account(bank_account)) STORED,
    CONSTRAINT teacher_fund_application_township_fk FOREIGN KEY (township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT teacher_fund_application_teacher_fk FOREIGN KEY (township_id, teacher_id)
        REFERENCES eduaid.teacher (township_id, id),
    CONSTRAINT teacher_fund_application_program_fk FOREIGN KEY (program_id)
        REFERENCES eduaid.fund_program (id),
    CONSTRAINT teacher_fund_application_school_year_check CHECK (school_year BETWEEN 2014 AND 2035),
    CONSTRAINT teacher_fund_application_reason_category_check CHECK (reason_category IN
        ('illness', 'disaster', 'family_hardship', 'remote_post', 'other')),
    CONSTRAINT teacher_fund_application_reason_text_check CHECK (NOT eduaid.is_blank(reason_text)
        AND char_length(reason_text) <= 2000),
    CONSTRAINT teacher_fund_application_amount_requested_check CHECK (eduaid.money_valid(amount_requested)
        AND amount_requested > 0),
    CONSTRAINT teacher_fund_application_amount_approved_check CHECK (eduaid.money_valid(amount_approved)
        AND amount_approved <= amount_requested),
    CONSTRAINT teacher_fund_application_months_check CHECK (months BETWEEN 1 AND 12),
    CONSTRAINT teacher_fund_application_bank_name_check CHECK (NOT eduaid.is_blank(bank_name)
        AND char_length(bank_name) <= 60),
    CONSTRAINT teacher_fund_application_bank_account_check CHECK (bank_account ~ '^[0-9]{12,19}$'),
    CONSTRAINT teacher_fund_application_program_key UNIQUE (township_id, teacher_id, program_id, school_year)
);

------------------------------------------------------------------------
-- 特殊教育一人一案: one placement plan per disabled child.

CREATE TABLE eduaid.special_ed_plan (
    LIKE eduaid.record_template INCLUDING ALL,
    household_id     bigint NOT NULL,
    child_name       text NOT NULL,
    child_id_number  text NOT NULL,
    child_id_number_masked text GENERATED ALWAYS AS
                     (eduaid.mask_id_number(child_id_number)) STORED,
    child_sex        text NOT NULL,
    child_birth_date date NOT NULL,
    child_birth_date_masked text GENERATED ALWAYS AS
                     (eduaid.mask_date(child_birth_date)) STORED,
    disability_type  text NOT NULL,
    disability_grade int NOT NULL,
    disability_certificate_no text,
    disability_certificate_no_masked text GENERATED ALWAYS AS
                     (eduaid.mask_value('disability_certificate_no', disability_certificate_no)) STORED,
    assessment_date  date,
    assessment       text,
    placement        text NOT NULL,
    school_id        int NOT NULL,
    home_teacher_id  bigint,
    visits_per_month int,
    individual_plan  text,
    placed_on        date NOT NULL,
    review_date      date,
    ended_on         date,
    end_reason       text,
    CONSTRAINT special_ed_plan_township_fk FOREIGN KEY (township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT special_ed_plan_household_fk FOREIGN KEY (township_id, household_id)
        REFERENCES eduaid.household (township_id, id),
    CONSTRAINT special_ed_plan_school_fk FOREIGN KEY (school_id) REFERENCES eduaid.school (id),
    CONSTRAINT special_ed_plan_home_teacher_fk FOREIGN KEY (township_id, home_teacher_id)
        REFERENCES eduaid.teacher (township_id, id),
    CONSTRAINT special_ed_plan_child_name_check CHECK (NOT eduaid.is_blank(child_name) AND char_length(child_name) <= 50),
    CONSTRAINT special_ed_plan_child_id_number_check CHECK (eduaid.id_number_valid(child_id_number)),
    CONSTRAINT special_ed_plan_child_sex_check CHECK (child_sex IN ('M', 'F')
        AND child_sex = eduaid.id_sex(child_id_number)),
    CONSTRAINT special_ed_plan_child_birth_date_check CHECK (child_birth_date = eduaid.id_birth_date(child_id_number)),
    CONSTRAINT special_ed_plan_disability_type_check CHECK (disability_type IN
        ('visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple')),
    CONSTRAINT special_ed_plan_disability_grade_check CHECK (disability_grade BETWEEN 1 AND 4),
    -- second-generation certificates: the ID number, type 1-7, grade 1-4
    CONSTRAINT special_ed_plan_disability_certificate_no_check CHECK (disability_certificate_no ~ '^[0-9]{17}[0-9X][1-7][1-4]$'),
    CONSTRAINT special_ed_plan_assessment_date_check CHECK (assessment_date >= child_birth_date),
    CONSTRAINT special_ed_plan_placement_check CHECK (placement IN
        ('special_school',    -- 特殊教育学校
         'regular_class',     -- 随班就读
         'special_class',     -- 特教班
         'home_delivery')),   -- 送教上门
    CONSTRAINT special_ed_plan_home_teacher_id_check CHECK (placement <> 'home_delivery'
        OR home_teacher_id IS NOT NULL),
    CONSTRAINT special_ed_plan_visits_per_month_check CHECK (CASE WHEN visits_per_month IS NULL
        THEN placement <> 'home_delivery' ELSE visits_per_month BETWEEN 1 AND 8 END),
    CONSTRAINT special_ed_plan_placed_on_check CHECK (
        placed_on >= (child_birth_date + interval '6 years')::date AND
        placed_on < (child_birth_date + interval '16 years')::date),
    CONSTRAINT special_ed_plan_review_date_check CHECK (review_date > placed_on),
    CONSTRAINT special_ed_plan_ended_on_check CHECK (ended_on >= placed_on),
    CONSTRAINT special_ed_plan_end_reason_check CHECK ((ended_on IS NULL) = (end_reason IS NULL))
);
-- One active plan per child, county-wide.
CREATE UNIQUE INDEX special_ed_plan_child_id_number_key
    ON eduaid.special_ed_plan (child_id_number) WHERE ended_on IS NULL;

-- Every record table: lists page by (status, last change) within a
-- township; the workflow functions find a record by id; replays of a new
-- record are recognised by the client's UUID.
DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'training_enrollment',
                               'special_ed_plan', 'teacher_fund_application']
    LOOP
        EXECUTE format('CREATE INDEX %I ON eduaid.%I (township_id, status, updated_at DESC, id DESC)',
                       tbl || '_list_idx', tbl);
        EXECUTE format('CREATE INDEX %I ON eduaid.%I (township_id, updated_at DESC, id DESC)',
                       tbl || '_recent_idx', tbl);
        EXECUTE format('CREATE INDEX %I ON eduaid.%I (id)', tbl || '_id_idx', tbl);
        EXECUTE format('ALTER TABLE eduaid.%I ADD CONSTRAINT %I UNIQUE (township_id, client_uuid)',
                       tbl, tbl || '_client_uuid_key');
    END LOOP;
END
$$;
