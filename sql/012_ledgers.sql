-- 012_ledgers.sql: the tables of the ledgers the plan names (issue 5).
--
-- 控辍保学 (dropout control), over the school-age children (aged 6-15 on
-- September 1 of a school year) who are members (eduaid.student) of
-- registered households:
--   eduaid.dropout_case   one case per episode: suspected -> confirmed ->
--                         returned (or suspected -> returned); one open
--                         case per child; never deleted
--   eduaid.dropout_visit  persuasion-to-return visits (劝返) of a case
-- 送教上门 (home delivery): eduaid.home_visit logs each visit to a child
-- with an approved, active home-delivery plan: date, teacher of the
-- township, hours, content; never changed or deleted.
-- 培训台账 (training ledger): eduaid.training_attendance, one row per
-- enrollment and session day (hours, present); never deleted.
--
-- The ledgers themselves, the functions that write them and the guards:
-- repeatable/32_ledgers.sql, which says what each ledger holds.
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- School age (eduaid.school_entry_year: repeatable/00_rules.sql).

-- School age of a township by index only (the birth date included, so the
-- expression needs no visit to the table); and the few members out of
-- school, with what the suspected ledger reads of them.
CREATE INDEX student_school_entry_idx
    ON eduaid.student (township_id, eduaid.school_entry_year(birth_date)) INCLUDE (birth_date);
CREATE INDEX student_out_of_school_idx
    ON eduaid.student (township_id, eduaid.school_entry_year(birth_date))
    INCLUDE (birth_date, household_id, schooling_status, updated_at)
    WHERE schooling_status <> 'enrolled';

------------------------------------------------------------------------
-- 控辍保学 tables.

CREATE TABLE eduaid.dropout_case (
    LIKE eduaid.row_template INCLUDING ALL,
    household_id       bigint NOT NULL,
    student_id         bigint NOT NULL,
    state              text NOT NULL DEFAULT 'suspected',
    opened_on          date NOT NULL,
    notes              text,
    confirmed_on       date,
    confirmed_by       text,
    returned_on        date,
    returned_school_id int,
    returned_by        text,
    CONSTRAINT dropout_case_student_fk FOREIGN KEY (township_id, household_id, student_id)
        REFERENCES eduaid.student (township_id, household_id, id),
    CONSTRAINT dropout_case_returned_school_fk FOREIGN KEY (returned_school_id)
        REFERENCES eduaid.school (id),
    CONSTRAINT dropout_case_state_check CHECK (state IN ('suspected', 'confirmed', 'returned')),
    CONSTRAINT dropout_case_opened_on_check CHECK (opened_on >= DATE '2014-01-01'),
    CONSTRAINT dropout_case_notes_check CHECK (char_length(notes) <= 2000),
    CONSTRAINT dropout_case_confirmed_on_check CHECK (
        CASE state WHEN 'suspected' THEN confirmed_on IS NULL
                   WHEN 'confirmed' THEN confirmed_on IS NOT NULL
                   ELSE true END
        AND confirmed_on >= opened_on),
    CONSTRAINT dropout_case_returned_on_check CHECK (
        (returned_on IS NOT NULL) = (state = 'returned')
        AND returned_on >= coalesce(confirmed_on, opened_on)),
    CONSTRAINT dropout_case_returned_school_id_check CHECK (
        (returned_school_id IS NOT NULL) = (state = 'returned'))
);
-- One open case per child.
CREATE UNIQUE INDEX dropout_case_student_open_key
    ON eduaid.dropout_case (student_id) WHERE state <> 'returned';
CREATE INDEX dropout_case_student_idx ON eduaid.dropout_case (township_id, student_id);
CREATE INDEX dropout_case_returned_idx ON eduaid.dropout_case (township_id, returned_on)
    WHERE state = 'returned';

CREATE TABLE eduaid.dropout_visit (
    LIKE eduaid.row_template INCLUDING ALL,
    case_id    bigint NOT NULL,
    visit_date date NOT NULL,
    visitor    text NOT NULL,
    outcome    text NOT NULL,
    notes      text,
    CONSTRAINT dropout_visit_case_fk FOREIGN KEY (township_id, case_id)
        REFERENCES eduaid.dropout_case (township_id, id),
    CONSTRAINT dropout_visit_visitor_check CHECK (NOT eduaid.is_blank(visitor)
        AND char_length(visitor) <= 100),
    CONSTRAINT dropout_visit_outcome_check CHECK (outcome IN
        ('will_return',   -- 答应返校
         'returned',      -- 已返校
         'refused',       -- 拒绝返校
         'not_met',       -- 未见到本人
         'other')),       -- 其他
    CONSTRAINT dropout_visit_notes_check CHECK (char_length(notes) <= 2000)
);
CREATE INDEX dropout_visit_case_idx ON eduaid.dropout_visit (township_id, case_id, visit_date);

------------------------------------------------------------------------
-- 送教上门 and 培训台账 tables.

CREATE TABLE eduaid.home_visit (
    LIKE eduaid.row_template INCLUDING ALL,
    plan_id    bigint NOT NULL,
    visit_date date NOT NULL,
    teacher_id bigint NOT NULL,
    hours      numeric NOT NULL,
    content    text NOT NULL,
    CONSTRAINT home_visit_plan_fk FOREIGN KEY (township_id, plan_id)
        REFERENCES eduaid.special_ed_plan (township_id, id),
    CONSTRAINT home_visit_teacher_fk FOREIGN KEY (township_id, teacher_id)
        REFERENCES eduaid.teacher (township_id, id),
    CONSTRAINT home_visit_hours_check CHECK (hours > 0 AND hours <= 8 AND hours = round(hours, 1)),
    CONSTRAINT home_visit_content_check CHECK (NOT eduaid.is_blank(content)
        AND char_length(content) <= 2000),
    CONSTRAINT home_visit_visit_date_key UNIQUE (township_id, plan_id, visit_date)
);

CREATE TABLE eduaid.training_attendance (
    LIKE eduaid.row_template INCLUDING ALL,
    enrollment_id bigint NOT NULL,
    session_date  date NOT NULL,
    hours         numeric NOT NULL,
    present       boolean NOT NULL DEFAULT true,
    CONSTRAINT training_attendance_enrollment_fk FOREIGN KEY (township_id, enrollment_id)
        REFERENCES eduaid.training_enrollment (township_id, id),
    CONSTRAINT training_attendance_hours_check CHECK (hours >= 0 AND hours <= 12
        AND hours = round(hours, 1) AND (present OR hours = 0)),
    CONSTRAINT training_attendance_session_date_key UNIQUE (township_id, enrollment_id, session_date)
);
