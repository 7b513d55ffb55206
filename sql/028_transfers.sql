-- 028_transfers.sql: a household moving to another township (issue 11,
-- "Transfers"; docs/design/school-years.md).
--
-- A family that moves is requested by the sending township (a clerk or
-- officer there) and accepted -- or refused -- by an officer of the
-- receiving township, who picks the household's new village. On
-- acceptance the household, its members, and its year records of the
-- current school year and later (with their member rows and grants) take
-- the new township; the year records of past years stay where they were
-- counted (026's header: they name their household by id alone), and so
-- does the history (audit rows keep the township they were written in).
-- The ID registry follows through its triggers (registry_sync on the
-- township change).
--
-- eduaid.transfer_request holds the requests: township_id is the SENDING
-- township (first in the key, as in every township-scoped table),
-- to_township_id the receiving one; to_village_id is chosen on
-- acceptance. At most one pending request per household. household_no
-- and head_name are copied when the request is made: the receiving side
-- decides on them before it may read the household, and the sending side
-- still reads them after the household has left.
--
-- Nobody writes the table but the functions of repeatable/41_transfer.sql,
-- owned by eduaid_transferer (made here: NOLOGIN, its privileges in
-- 39_privileges.sql, its row policies in 38_policies.sql); nobody but that
-- role reads it either: the logins read their requests through
-- eduaid.transfers(). The moves themselves are UPDATEs of township_id by
-- that role; the guards let such an update through only when it changes
-- nothing else (eduaid.transfer_move, 10_scope.sql).
--
-- Foreign keys: the move updates the household, then its members, then its
-- year records, their members and grants, one statement each; the keys
-- from each to the one before it (which name township_id) are made
-- DEFERRABLE (INITIALLY IMMEDIATE: for everybody else nothing changes) so
-- that the transfer function can check them once the whole household has
-- moved (SET CONSTRAINTS ... DEFERRED, then IMMEDIATE).
--
-- SQLSTATEs (repeatable/41_transfer.sql):
--   EA110 no such transfer request (another township's, or none)
--   EA111 the request is no longer pending
--   EA112 the household has training enrollments (they stay with their
--         township; a household with them cannot move yet)
--   EA113 the household has special-education plans (likewise)
--   EA114 a member has a dropout case (likewise)
--   EA115 the household, or a year record that would move, is under
--         review or in a public notice
--   EA116 the receiving township is not another township of the county
--   EA117 the village is not one of the receiving township
--   EA118 four-eyes: the requester cannot accept his own request
-- (EA080, "no such household in your townships", for a household that is
-- not the caller's, as the other guards say it; EA004 for a role that may
-- not take the step; EA003 for a reason left blank.)

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'eduaid_transferer') THEN
        CREATE ROLE eduaid_transferer NOLOGIN;
    END IF;
END
$$;
COMMENT ON ROLE eduaid_transferer IS
    'eduaid: owns the transfer functions (repeatable/41_transfer.sql); moves a household between townships';
GRANT USAGE ON SCHEMA eduaid TO eduaid_transferer;

SET ROLE eduaid_owner;

CREATE TABLE eduaid.transfer_request (
    township_id    int NOT NULL,          -- the sending township
    id             bigint GENERATED ALWAYS AS IDENTITY,
    household_id   bigint NOT NULL,
    household_no   text NOT NULL,         -- copied when requested
    head_name      text NOT NULL,         -- copied when requested
    to_township_id int NOT NULL,
    to_village_id  bigint,                -- chosen by the receiver on acceptance
    reason         text NOT NULL,
    requested_by   text NOT NULL DEFAULT session_user,
    requested_at   timestamptz NOT NULL DEFAULT now(),
    state          text NOT NULL DEFAULT 'pending',
    decided_by     text,
    decided_at     timestamptz,
    refusal_reason text,
    PRIMARY KEY (township_id, id),
    CONSTRAINT transfer_request_township_fk FOREIGN KEY (township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT transfer_request_to_township_fk FOREIGN KEY (to_township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT transfer_request_to_village_fk FOREIGN KEY (to_township_id, to_village_id)
        REFERENCES eduaid.village (township_id, id),
    CONSTRAINT transfer_request_household_fk FOREIGN KEY (household_id)
        REFERENCES eduaid.household (id) ON DELETE CASCADE,
    CONSTRAINT transfer_request_state_check
        CHECK (state IN ('pending', 'accepted', 'refused', 'withdrawn')),
    CONSTRAINT transfer_request_to_township_check CHECK (to_township_id <> township_id),
    CONSTRAINT transfer_request_reason_check
        CHECK (char_length(reason) BETWEEN 1 AND 500 AND btrim(reason) <> ''),
    CONSTRAINT transfer_request_refusal_reason_check
        CHECK (char_length(refusal_reason) BETWEEN 1 AND 500 AND btrim(refusal_reason) <> ''),
    -- a decision says who and when; only a refusal has a reason, only an
    -- acceptance a village
    CONSTRAINT transfer_request_decided_check CHECK (
        (state = 'pending') = (decided_by IS NULL AND decided_at IS NULL)
        AND (state = 'refused') = (refusal_reason IS NOT NULL)
        AND (state = 'accepted') = (to_village_id IS NOT NULL))
);
-- at most one pending request per household (a household is in one
-- township: the sending township leads)
CREATE UNIQUE INDEX transfer_request_pending_key
    ON eduaid.transfer_request (township_id, household_id) WHERE state = 'pending';
-- the receiving side's requests
CREATE INDEX transfer_request_to_idx ON eduaid.transfer_request (to_township_id, state, id);
-- personal columns keep no statistics (016_index_scope.sql)
ALTER TABLE eduaid.transfer_request ALTER COLUMN household_no SET STATISTICS 0,
                                    ALTER COLUMN head_name SET STATISTICS 0;
COMMENT ON TABLE eduaid.transfer_request IS
    'eduaid: a household''s move to another township, requested by the sending and decided by the receiving township (028_transfers.sql)';

------------------------------------------------------------------------
-- The keys the move checks once the household has moved whole.
ALTER TABLE eduaid.student
    ALTER CONSTRAINT student_household_fk DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE eduaid.student_year
    ALTER CONSTRAINT student_year_household_year_fk DEFERRABLE INITIALLY IMMEDIATE;
ALTER TABLE eduaid.student_subsidy
    ALTER CONSTRAINT student_subsidy_household_year_fk DEFERRABLE INITIALLY IMMEDIATE,
    ALTER CONSTRAINT student_subsidy_student_year_fk DEFERRABLE INITIALLY IMMEDIATE;

RESET ROLE;

------------------------------------------------------------------------
-- What the refusals mean (24_messages.sql).
INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA110', NULL, '在您负责的乡镇中找不到该迁移申请。', 'No such transfer request in your townships.'),
('EA111', NULL, '该迁移申请已处理，不能再更改。', 'This transfer request has been decided already.'),
('EA112', NULL, '该户有技能培训记录，暂不能迁出。', 'The household has training enrollments and cannot move yet.'),
('EA113', NULL, '该户有特殊教育安置记录，暂不能迁出。', 'The household has special-education plans and cannot move yet.'),
('EA114', NULL, '该户成员有控辍保学台账，暂不能迁出。', 'A member of the household has a dropout case; the household cannot move yet.'),
('EA115', NULL, '该户或其本学年记录正在审核或公示中，请先完成审核或公示。', 'The household or a school-year record of it is under review or in a notice: finish that first.'),
('EA116', NULL, '请选择本县的另一个乡镇。', 'Choose another township of the county.'),
('EA117', NULL, '请选择迁入乡镇的村。', 'Choose a village of the receiving township.'),
('EA118', NULL, '四眼原则：不能接收本人提出的迁移申请。', 'Four-eyes rule: someone else accepts a transfer you requested.'),
('transfer_request_pkey', NULL, '该迁移申请已存在。', 'This transfer request exists already.'),
('transfer_request_township_fk', NULL, '没有这个乡镇。', 'No such township.'),
('transfer_request_to_township_fk', NULL, '没有这个乡镇。', 'No such township.'),
('transfer_request_to_village_fk', NULL, '请选择迁入乡镇的村。', 'Choose a village of the receiving township.'),
('transfer_request_household_fk', NULL, '没有这个建档立卡户。', 'No such household.'),
('transfer_request_state_check', NULL, '没有这个申请状态。', 'Not a state of a transfer request.'),
('transfer_request_to_township_check', NULL, '请选择本县的另一个乡镇。', 'Choose another township of the county.'),
('transfer_request_reason_check', NULL, '请填写迁移原因（最多500字）。', 'Give the reason for the move (at most 500 characters).'),
('transfer_request_refusal_reason_check', NULL, '请填写不予接收的理由（最多500字）。', 'Give the reason for the refusal (at most 500 characters).'),
('transfer_request_decided_check', NULL, '迁移申请的处理信息不完整。', 'A decision on a transfer says who, when, and the village or the reason.'),
('transfer_request_pending_key', NULL, '该户已有一个待处理的迁移申请。', 'The household has a pending transfer request already.');
