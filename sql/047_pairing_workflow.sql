-- 047_pairing_workflow.sql: the pair agreement (帮扶协议书 +
-- 教育扶贫脱贫攻坚目标任务书, eduaid.pair_agreement, 046_pairing.sql) becomes
-- the workflow record kind 'pairing' (issue 15 H1; docs/design/pairing.md,
-- "Agreements in the workflow").
--
-- The agreement has had every workflow column since 046 (LIKE
-- record_template). What makes it a kind:
--   * the kind joins the workflow's tables (023_workflow_data.sql): their
--     kinds CHECKs allow 'pairing'. It takes the steps every kind takes
--     (draft -> submitted -> verified -> approved, rejected with a reason,
--     approved reopened as a draft, four-eyes), which name no kind: no new
--     row. It has no notice states (in_notice, final: other kinds').
--   * its status refers to eduaid.record_status, as every record's
--     (pair_agreement_status_fk, as <table>_status_fk of 023);
--   * the review queue's partial indexes (010_review.sql): the submitted
--     agreements of a township for its officers, the verified ones for the
--     supervisors, with the four-eyes columns.
-- Who verifies: an officer of the pair's home township (the agreement's
-- township_id: eduaid.transition() finds records in my_townships() only);
-- who approves: a supervisor. The functions, guard, audit, queue,
-- policies and grants: sql/repeatable/ (20_workflow, 22_workflow_steps,
-- 30_review, 36_review_queue, 37_triggers, 38_policies, 39_privileges,
-- blocks marked "issue 15 H1").
--
-- SQLSTATEs: none new (EA210..EA214 reserved for this part).
SET ROLE eduaid_owner;

ALTER TABLE eduaid.record_status
    DROP CONSTRAINT record_status_kinds_check,
    ADD CONSTRAINT record_status_kinds_check CHECK (cardinality(kinds) > 0 AND kinds <@
        '{household,household_year,training,special_ed,teacher_fund,pairing}'::text[]);
ALTER TABLE eduaid.workflow_step
    DROP CONSTRAINT workflow_step_kinds_check,
    ADD CONSTRAINT workflow_step_kinds_check CHECK (cardinality(kinds) > 0 AND kinds <@
        '{household,household_year,training,special_ed,teacher_fund,pairing}'::text[]);

ALTER TABLE eduaid.pair_agreement
    ADD CONSTRAINT pair_agreement_status_fk FOREIGN KEY (status)
        REFERENCES eduaid.record_status (code);

CREATE INDEX pair_agreement_submitted_idx ON eduaid.pair_agreement (township_id, submitted_at, id)
    INCLUDE (created_by, submitted_by, editors) WHERE status = 'submitted';
CREATE INDEX pair_agreement_verified_idx ON eduaid.pair_agreement (township_id, verified_at, id)
    INCLUDE (created_by, verified_by, editors) WHERE status = 'verified';
-- a record's own id within its township (the workflow functions, the
-- list's reload, delete_draft)
CREATE INDEX pair_agreement_id_idx ON eduaid.pair_agreement (township_id, id);

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('pair_agreement_status_fk', '_record', '记录状态不对。', 'Not a record status.');
