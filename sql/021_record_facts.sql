-- 021_record_facts.sql: the facts a record depends on that live in another
-- row are copied into the record, so reviewers approve what they saw and
-- the register can change without changing an approved record (issue 9,
-- item 6).
--
-- What a record depends on, and where it lives:
--   teacher_fund_application.teacher_id -> teacher: the teacher's name,
--       ID number, school, title and years of rural service decide the
--       award. Copied: teacher_name, teacher_id_number (personal, with its
--       *_masked twin), teacher_school_id, teacher_title,
--       teacher_rural_years.
--   special_ed_plan.home_teacher_id -> teacher: who delivers the teaching
--       at home. Copied: home_teacher_name, home_teacher_id_number
--       (personal, with its *_masked twin).
-- Not copied, and why:
--   the child of a special-education plan and the trainee of a training
--       enrollment: their identity is already the record's own columns;
--   household.village_id, the school, course and fund program of a record:
--       reference data -- divisions are loaded, not edited; schools,
--       courses and programs only by the admin, every change audited
--       (kind 'reference') -- not a register a clerk or officer keeps;
--   the household of a training enrollment or special-education plan:
--       itself a record, under its own workflow, four-eyes and history
--       (and its members under the household's, 006_workflow.sql).
--
-- The copied columns are written by the server only (no INSERT or UPDATE
-- grant; a trigger overwrites whatever a writer puts there): taken from
-- the register on every write while the record is under way, frozen once
-- approved, refreshed under review when the teacher changes
-- (eduaid.record_facts and eduaid.teacher_facts_changed,
-- repeatable/20_workflow.sql, which says how).
--
-- The teacher register stays editable by clerks and officers at all times
-- (years of service, titles and schools change every year): the identity
-- freeze of eduaid.teacher_guard() (006_workflow.sql, 013_notice.sql) is
-- dropped -- the copy is what keeps an approved record as it was approved.
--
-- The two copied ID numbers are personal data (eduaid.personal_columns,
-- repeatable/00_rules.sql), so that the audit trail masks them for
-- supervisors (audit_log.*_masked, mask_row) and the column grants
-- (repeatable/39_privileges.sql) leave them out of the supervisor's
-- SELECT; a notice publishes the approved copy of the teacher, not the
-- register's current row (open_notice, repeatable/33_notice.sql).
--
-- No new SQLSTATE: nothing here refuses anything (EA090-EA099 are kept for
-- this file).
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The copies.
ALTER TABLE eduaid.teacher_fund_application
    ADD COLUMN teacher_name text,
    ADD COLUMN teacher_id_number text,
    ADD COLUMN teacher_id_number_masked text GENERATED ALWAYS AS
        (eduaid.mask_id_number(teacher_id_number)) STORED,
    ADD COLUMN teacher_school_id int,
    ADD COLUMN teacher_title text,
    ADD COLUMN teacher_rural_years int;
COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_name IS
    'copy of teacher.name taken by the server (submit; refreshed under review)';
COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_id_number IS
    'copy of teacher.id_number taken by the server (submit; refreshed under review)';
COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_school_id IS
    'copy of teacher.school_id taken by the server (submit; refreshed under review)';
COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_title IS
    'copy of teacher.title taken by the server (submit; refreshed under review)';
COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_rural_years IS
    'copy of teacher.rural_years taken by the server (submit; refreshed under review)';

ALTER TABLE eduaid.special_ed_plan
    ADD COLUMN home_teacher_name text,
    ADD COLUMN home_teacher_id_number text,
    ADD COLUMN home_teacher_id_number_masked text GENERATED ALWAYS AS
        (eduaid.mask_id_number(home_teacher_id_number)) STORED;
COMMENT ON COLUMN eduaid.special_ed_plan.home_teacher_name IS
    'copy of the home teacher''s name taken by the server (submit; refreshed under review)';
COMMENT ON COLUMN eduaid.special_ed_plan.home_teacher_id_number IS
    'copy of the home teacher''s ID number taken by the server (submit; refreshed under review)';

-- A teacher's change finds the plans that name him (township first, as
-- every index of a township-scoped table). Fund applications have
-- teacher_fund_application_program_key (township_id, teacher_id, ...).
CREATE INDEX special_ed_plan_home_teacher_idx
    ON eduaid.special_ed_plan (township_id, home_teacher_id)
    WHERE home_teacher_id IS NOT NULL;

------------------------------------------------------------------------
-- Records that exist already: their copy is the register as it is now
-- (for approved records that is what teacher_guard kept). Written with the
-- triggers off: filling a copy is not an edit by anyone.
ALTER TABLE eduaid.teacher_fund_application DISABLE TRIGGER USER;
UPDATE eduaid.teacher_fund_application a
   SET teacher_name = te.name, teacher_id_number = te.id_number,
       teacher_school_id = te.school_id, teacher_title = te.title,
       teacher_rural_years = te.rural_years
  FROM eduaid.teacher te
 WHERE te.township_id = a.township_id AND te.id = a.teacher_id;
ALTER TABLE eduaid.teacher_fund_application ENABLE TRIGGER USER;
ALTER TABLE eduaid.special_ed_plan DISABLE TRIGGER USER;
UPDATE eduaid.special_ed_plan p
   SET home_teacher_name = te.name, home_teacher_id_number = te.id_number
  FROM eduaid.teacher te
 WHERE te.township_id = p.township_id AND te.id = p.home_teacher_id;
ALTER TABLE eduaid.special_ed_plan ENABLE TRIGGER USER;
