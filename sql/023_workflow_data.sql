-- 023_workflow_data.sql: the workflow as data (issue 10). Two tables say
-- what the CASE and IN lists of 004, 006, 007, 010, 013, 015, 016 and 019
-- said, and sql/repeatable/22_workflow_steps.sql reads them: transition(), the
-- record guard, may_edit(), the audit trigger, audit_changes(),
-- record_statuses(), the review queue and its counts. The client loads
-- both once per session for its words, colours and key bar
-- (src/db/workflow.c).
--
--   eduaid.record_status   one row per state a record can be in
--   eduaid.workflow_step   one row per (action, role, from state): who
--                          may move a record where, and on what terms
--
-- Adding a state, or a step that uses an existing action, is an INSERT in
-- a new migration (README, "Adding a workflow state"); the review queue
-- is generated again from the tables when they change.
--
-- The status CHECK constraints of the record tables (record_status_check,
-- 004 and 013) become foreign keys to record_status (<table>_status_fk);
-- which kinds have which state is now the tables' business (the kinds
-- columns), kept by the record guard.
--
-- Tables and data only: who reads them (every login; nobody but the
-- superuser writes them) is granted in sql/repeatable/22_workflow_steps.sql.
SET ROLE eduaid_owner;

CREATE TABLE eduaid.record_status (
    code        text PRIMARY KEY,
    word_zh     text NOT NULL,     -- as the client shows it, in Chinese
    word_en     text NOT NULL,     -- and in English
    -- the client's look for it: the attribute of the status of that name
    -- (ui/term.c UA_ST_*, coloured by eduaid.conf), one of five
    colour      text NOT NULL,
    sort_order  int NOT NULL,      -- lists, filters and counts in this order
    kinds       text[],            -- the record kinds that have it; NULL: all
    -- who put the record here and since when: the <stamp>_by and
    -- <stamp>_at columns a step into this state fills; NULL: none (the
    -- step's reason replaces the last one)
    stamp       text,
    edit_roles  text[] NOT NULL DEFAULT '{}', -- who may edit a record's data here
    -- read-only for everyone but a superuser (repairs): reopen it to change it
    locked      boolean NOT NULL DEFAULT false,
    -- new records start here, and only records here that were never
    -- approved may be deleted; exactly one state is initial
    initial     boolean NOT NULL DEFAULT false,
    CONSTRAINT record_status_code_check CHECK (code ~ '^[a-z][a-z_]{0,14}$'),
    CONSTRAINT record_status_word_zh_check CHECK (NOT eduaid.is_blank(word_zh)
                                                  AND char_length(word_zh) <= 8),
    CONSTRAINT record_status_word_en_check CHECK (NOT eduaid.is_blank(word_en)
                                                  AND char_length(word_en) <= 16),
    CONSTRAINT record_status_colour_check CHECK (colour IN
        ('draft', 'submitted', 'verified', 'approved', 'rejected')),
    CONSTRAINT record_status_sort_order_key UNIQUE (sort_order),
    CONSTRAINT record_status_kinds_check CHECK (cardinality(kinds) > 0 AND kinds <@
        '{household,training,special_ed,teacher_fund}'::text[]),
    CONSTRAINT record_status_stamp_check CHECK (stamp IN
        ('submitted', 'verified', 'approved', 'rejected')),
    -- supervisors hold no UPDATE on records (019_reviewers.sql)
    CONSTRAINT record_status_edit_roles_check CHECK (edit_roles <@ '{clerk,officer}'::text[]),
    CONSTRAINT record_status_initial_check CHECK (NOT (initial AND (locked OR kinds IS NOT NULL)))
);
CREATE UNIQUE INDEX record_status_initial_key ON eduaid.record_status (initial) WHERE initial;
COMMENT ON TABLE eduaid.record_status IS
    'eduaid: the states of a record, their words and the rules that hang on them';

CREATE TABLE eduaid.workflow_step (
    -- the verb: a workflow function (submit, verify, approve, reject,
    -- reopen: eduaid.transition) or a step of the public notice (notice,
    -- finalize); the client has a key for each, the audit log a word
    action      text NOT NULL,
    role        text NOT NULL,     -- who takes it (eduaid.my_role())
    from_status text NOT NULL CONSTRAINT workflow_step_from_fk
                    REFERENCES eduaid.record_status (code),
    to_status   text NOT NULL CONSTRAINT workflow_step_to_fk
                    REFERENCES eduaid.record_status (code),
    kinds       text[],            -- the record kinds it applies to; NULL: all
    reason_required boolean NOT NULL DEFAULT false,
    -- four-eyes: NULL, none; else the actor may be neither the record's
    -- creator nor one of its editors nor the one named by <four_eyes>_by
    -- ('created': creator and editors only)
    four_eyes   text,
    -- taken by the notice functions (013_notice.sql), never by
    -- eduaid.transition(); the record guard checks it against the notice
    -- tables. reason_required and four_eyes do not apply: those
    -- functions have rules of their own.
    by_notice   boolean NOT NULL DEFAULT false,
    CONSTRAINT workflow_step_pkey PRIMARY KEY (action, role, from_status),
    CONSTRAINT workflow_step_action_check CHECK (action IN
        ('submit', 'verify', 'approve', 'reject', 'reopen', 'notice', 'finalize')),
    CONSTRAINT workflow_step_role_check CHECK (role IN ('clerk', 'officer', 'supervisor')),
    CONSTRAINT workflow_step_to_status_check CHECK (to_status <> from_status),
    CONSTRAINT workflow_step_kinds_check CHECK (cardinality(kinds) > 0 AND kinds <@
        '{household,training,special_ed,teacher_fund}'::text[]),
    CONSTRAINT workflow_step_four_eyes_check CHECK (four_eyes IN
        ('created', 'submitted', 'verified', 'approved', 'rejected')),
    CONSTRAINT workflow_step_by_notice_check CHECK (NOT by_notice
        OR (NOT reason_required AND four_eyes IS NULL))
);
COMMENT ON TABLE eduaid.workflow_step IS
    'eduaid: the workflow''s steps: action, role, from and to state, reason, four-eyes rule';

------------------------------------------------------------------------
-- The workflow as it stands (006, 013, 019).
INSERT INTO eduaid.record_status
       (code, word_zh, word_en, colour, sort_order, kinds, stamp, edit_roles, locked, initial)
VALUES ('draft', '草稿', 'draft', 'draft', 10, NULL, NULL, '{clerk,officer}', false, true),
       ('submitted', '已提交', 'submitted', 'submitted', 20, NULL, 'submitted', '{officer}', false, false),
       ('verified', '已审核', 'verified', 'verified', 30, NULL, 'verified', '{}', false, false),
       ('approved', '已批准', 'approved', 'approved', 40, NULL, 'approved', '{}', true, false),
       ('rejected', '已退回', 'rejected', 'rejected', 50, NULL, 'rejected', '{clerk,officer}', false, false),
       ('in_notice', '公示中', 'on notice', 'submitted', 60, '{household,teacher_fund}', NULL, '{}', true, false),
       ('final', '已生效', 'final', 'approved', 70, '{household,teacher_fund}', NULL, '{}', true, false);

INSERT INTO eduaid.workflow_step
       (action, role, from_status, to_status, kinds, reason_required, four_eyes, by_notice)
VALUES ('submit', 'clerk', 'draft', 'submitted', NULL, false, NULL, false),
       ('submit', 'clerk', 'rejected', 'submitted', NULL, false, NULL, false),
       ('submit', 'officer', 'draft', 'submitted', NULL, false, NULL, false),
       ('submit', 'officer', 'rejected', 'submitted', NULL, false, NULL, false),
       ('verify', 'officer', 'submitted', 'verified', NULL, false, 'submitted', false),
       ('reject', 'officer', 'submitted', 'rejected', NULL, true, 'submitted', false),
       ('approve', 'supervisor', 'verified', 'approved', NULL, false, 'verified', false),
       ('reject', 'supervisor', 'verified', 'rejected', NULL, true, 'verified', false),
       ('reopen', 'clerk', 'approved', 'draft', NULL, true, NULL, false),
       ('reopen', 'officer', 'approved', 'draft', NULL, true, NULL, false),
       ('reopen', 'clerk', 'final', 'draft', NULL, true, NULL, false),
       ('reopen', 'officer', 'final', 'draft', NULL, true, NULL, false),
       ('notice', 'supervisor', 'approved', 'in_notice', '{household,teacher_fund}', false, NULL, true),
       ('finalize', 'supervisor', 'in_notice', 'final', '{household,teacher_fund}', false, NULL, true),
       ('reject', 'supervisor', 'in_notice', 'rejected', '{household,teacher_fund}', false, NULL, true);

------------------------------------------------------------------------
-- The status columns: a foreign key in place of the CHECK. The template
-- keeps none (LIKE copies no foreign key): a new record table adds its own.
ALTER TABLE eduaid.record_template DROP CONSTRAINT record_status_check;
DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'training_enrollment', 'special_ed_plan',
                               'teacher_fund_application']
    LOOP
        EXECUTE format('ALTER TABLE eduaid.%I DROP CONSTRAINT record_status_check, '
                       'ADD CONSTRAINT %I FOREIGN KEY (status) REFERENCES eduaid.record_status (code)',
                       tbl, tbl || '_status_fk');
    END LOOP;
END
$$;
