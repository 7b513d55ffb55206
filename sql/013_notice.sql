-- 013_notice.sql: the public notice (公示) before teacher-fund awards and
-- subsidy lists become final (issue 5): two more workflow states for
-- teacher fund applications (kind 'teacher_fund') and households (kind
-- 'household', whose student_subsidy rows are the subsidy list),
--
--   approved --open_notice--> in_notice --close_notice--> final
--                                 +--decide_objection(upheld)--> rejected
--   final --reopen--> draft        (in_notice cannot be reopened)
--
-- the tables of notices, their lines and the objections to them, and two
-- more actions of the audit log ('notice', 'finalize'). What the states
-- mean, who may do what and the functions: repeatable/33_notice.sql.
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The states.
ALTER TABLE eduaid.household DROP CONSTRAINT record_status_check,
    ADD CONSTRAINT record_status_check CHECK (status IN
        ('draft', 'submitted', 'verified', 'approved', 'rejected', 'in_notice', 'final'));
ALTER TABLE eduaid.teacher_fund_application DROP CONSTRAINT record_status_check,
    ADD CONSTRAINT record_status_check CHECK (status IN
        ('draft', 'submitted', 'verified', 'approved', 'rejected', 'in_notice', 'final'));

------------------------------------------------------------------------
-- The tables.
CREATE TABLE eduaid.notice (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind        text NOT NULL,
    county_id   int NOT NULL CONSTRAINT notice_county_fk REFERENCES eduaid.county (id),
    school_year int NOT NULL,
    program_id  int CONSTRAINT notice_program_fk REFERENCES eduaid.fund_program (id),
    township_id int CONSTRAINT notice_township_fk REFERENCES eduaid.township (id),
    title       text NOT NULL,
    contact     text NOT NULL,       -- where to send objections
    starts_on   date NOT NULL,
    ends_on     date NOT NULL,
    opened_by   text NOT NULL DEFAULT session_user,
    opened_at   timestamptz NOT NULL DEFAULT now(),
    closed_by   text,
    closed_at   timestamptz,
    CONSTRAINT notice_kind_check CHECK (kind IN ('household', 'teacher_fund')),
    CONSTRAINT notice_township_id_check CHECK ((kind = 'household') = (township_id IS NOT NULL)
                                               AND (kind = 'teacher_fund') = (program_id IS NOT NULL)),
    CONSTRAINT notice_school_year_check CHECK (school_year BETWEEN 2014 AND 2035),
    CONSTRAINT notice_title_check CHECK (NOT eduaid.is_blank(title) AND char_length(title) <= 100),
    CONSTRAINT notice_contact_check CHECK (NOT eduaid.is_blank(contact) AND char_length(contact) <= 200),
    CONSTRAINT notice_ends_on_check CHECK (ends_on >= starts_on + 6),
    CONSTRAINT notice_closed_at_check CHECK ((closed_by IS NULL) = (closed_at IS NULL))
);
CREATE INDEX notice_open_idx ON eduaid.notice (county_id, id) WHERE closed_at IS NULL;

-- One line of a notice: the record as listed (masked) and its hash.
CREATE TABLE eduaid.notice_item (
    id          bigint GENERATED ALWAYS AS IDENTITY,
    township_id int NOT NULL CONSTRAINT notice_item_township_fk REFERENCES eduaid.township (id),
    notice_id   bigint NOT NULL CONSTRAINT notice_item_notice_fk REFERENCES eduaid.notice (id),
    line_no     int NOT NULL,
    kind        text NOT NULL,
    record_id   bigint NOT NULL,
    name        text NOT NULL,
    masked_id   text NOT NULL,
    program     text NOT NULL,
    amount      numeric NOT NULL,
    audit_id    bigint NOT NULL,
    canonical   text NOT NULL,
    record_hash text NOT NULL,
    PRIMARY KEY (township_id, id),
    CONSTRAINT notice_item_kind_check CHECK (kind IN ('household', 'teacher_fund')),
    CONSTRAINT notice_item_record_hash_check CHECK (record_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT notice_item_record_hash_key UNIQUE (record_hash),
    CONSTRAINT notice_item_line_no_key UNIQUE (notice_id, line_no),
    CONSTRAINT notice_item_record_key UNIQUE (notice_id, kind, record_id),
    CONSTRAINT notice_item_objection_key UNIQUE (township_id, id, notice_id, kind, record_id)
);
CREATE INDEX notice_item_record_idx ON eduaid.notice_item (township_id, kind, record_id, notice_id);

CREATE TABLE eduaid.notice_objection (
    id            bigint GENERATED ALWAYS AS IDENTITY,
    township_id   int NOT NULL,
    item_id       bigint NOT NULL,
    notice_id     bigint NOT NULL,
    kind          text NOT NULL,
    record_id     bigint NOT NULL,
    received_on   date NOT NULL,
    received_by   text NOT NULL DEFAULT session_user,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    objector      text,             -- free text; NULL: anonymous
    content       text NOT NULL,
    decision      text NOT NULL DEFAULT 'pending',
    decided_by    text,
    decided_at    timestamptz,
    decision_note text,
    PRIMARY KEY (township_id, id),
    CONSTRAINT notice_objection_item_fk FOREIGN KEY (township_id, item_id, notice_id, kind, record_id)
        REFERENCES eduaid.notice_item (township_id, id, notice_id, kind, record_id),
    CONSTRAINT notice_objection_objector_check CHECK (char_length(objector) <= 100),
    CONSTRAINT notice_objection_content_check CHECK (NOT eduaid.is_blank(content)
                                                     AND char_length(content) <= 2000),
    CONSTRAINT notice_objection_decision_check CHECK (decision IN ('pending', 'upheld', 'dismissed')),
    CONSTRAINT notice_objection_decided_by_check CHECK ((decision = 'pending') = (decided_by IS NULL)
                                                        AND (decided_by IS NULL) = (decided_at IS NULL)),
    CONSTRAINT notice_objection_decision_note_check CHECK (decision = 'pending'
        OR (NOT eduaid.is_blank(decision_note) AND char_length(decision_note) <= 2000))
);
CREATE INDEX notice_objection_item_idx ON eduaid.notice_objection (township_id, item_id);
CREATE INDEX notice_objection_pending_idx ON eduaid.notice_objection (notice_id)
    WHERE decision = 'pending';

------------------------------------------------------------------------
-- The audit trail names the notice states ('notice' for approved ->
-- in_notice, 'finalize' for in_notice -> final).
RESET ROLE;
SET ROLE eduaid_audit_owner;
ALTER TABLE eduaid.audit_log DROP CONSTRAINT audit_log_action_check,
    ADD CONSTRAINT audit_log_action_check CHECK (action IN ('insert', 'update', 'delete',
        'submit', 'verify', 'approve', 'reject', 'reopen', 'notice', 'finalize'));
