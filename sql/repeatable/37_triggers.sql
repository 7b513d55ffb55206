-- repeatable/37_triggers.sql: every trigger of schema eduaid, table by
-- table. Triggers of one timing fire in name order, so the prefix says
-- where each runs among the others:
--   BEFORE   a_  bookkeeping: id, township and creator fixed, version +1,
--                updated_by/at (row_bookkeeping, 20_workflow.sql)
--            b_  the guard of the table: workflow, members, ledgers,
--                notices (20_workflow.sql, 32_ledgers.sql, 33_notice.sql)
--            c_  rules on other rows: a fund program's cap, the tallies
--            e_  facts copied from the teacher register (20_workflow.sql)
--   AFTER    a_  notice line numbers (33_notice.sql)
--            r_  the county-wide registry (26_registry.sql): before the
--                audit, so a refused row costs no audit work
--            y_  what a change means for other rows: a member's
--                household, a teacher's records under review
--            z_  the audit trail (audit_row, 25_audit.sql; its argument
--                is the audit log's kind)
-- The functions are defined in the files named; this file only says
-- where they run. WHEN, not UPDATE OF, where a column a BEFORE trigger
-- changed must count too. Run as the superuser who migrates: a trigger
-- belongs to its table, whichever role owns that.

------------------------------------------------------------------------
-- Reference data: every change by the admin is audited.
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.school
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('reference');
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.training_course
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('reference');
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.fund_program
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('reference');
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.subsidy_rate
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('reference');
-- issue 14, reference data: a standard amount in effect for approved
-- records is kept as it is (rate_guard, 29_refdata.sql)
CREATE OR REPLACE TRIGGER b_rate_guard BEFORE UPDATE OR DELETE ON eduaid.subsidy_rate
    FOR EACH ROW EXECUTE FUNCTION eduaid.rate_guard();

------------------------------------------------------------------------
-- 建档立卡户核查: the household record and its members.
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.household
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_record_guard BEFORE INSERT OR UPDATE OR DELETE ON eduaid.household
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();
-- (the report tallies follow household_year now, issue 11: see there; the
-- household's tally triggers are dropped once, where they still exist, so
-- that a run with nothing to change takes no lock on household)
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = 'eduaid.household'::regclass
                                          AND t.tgname = 'c_report_tally_delete') THEN
        DROP TRIGGER c_report_tally_delete ON eduaid.household;
    END IF;
    IF EXISTS (SELECT FROM pg_trigger t WHERE t.tgrelid = 'eduaid.household'::regclass
                                          AND t.tgname = 'z_report_tally') THEN
        DROP TRIGGER z_report_tally ON eduaid.household;
    END IF;
END
$$;
CREATE OR REPLACE TRIGGER r_registry AFTER INSERT OR DELETE ON eduaid.household
    FOR EACH ROW EXECUTE FUNCTION eduaid.registry_sync();
CREATE OR REPLACE TRIGGER r_registry_update AFTER UPDATE ON eduaid.household
    FOR EACH ROW WHEN (OLD.head_id_number IS DISTINCT FROM NEW.head_id_number
                       OR OLD.household_no IS DISTINCT FROM NEW.household_no
                       OR OLD.township_id IS DISTINCT FROM NEW.township_id)
    EXECUTE FUNCTION eduaid.registry_sync();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.household
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('household');

-- A member row belongs to its household's record: after each statement
-- every household whose members it changed is touched (member_touch).
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.student
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_member_guard BEFORE UPDATE ON eduaid.student
    FOR EACH ROW EXECUTE FUNCTION eduaid.member_guard();
-- A member's transfer (issue 11, 033_member_transfers.sql): a member that
-- moved out is history (member_moved_guard, 20_workflow.sql).
CREATE OR REPLACE TRIGGER b_member_moved BEFORE UPDATE OR DELETE ON eduaid.student
    FOR EACH ROW EXECUTE FUNCTION eduaid.member_moved_guard();
CREATE OR REPLACE TRIGGER r_registry AFTER INSERT OR DELETE ON eduaid.student
    FOR EACH ROW EXECUTE FUNCTION eduaid.registry_sync();
CREATE OR REPLACE TRIGGER r_registry_update AFTER UPDATE ON eduaid.student
    FOR EACH ROW WHEN (OLD.id_number IS DISTINCT FROM NEW.id_number
                       OR OLD.moved_out_on IS DISTINCT FROM NEW.moved_out_on
                       OR OLD.household_id IS DISTINCT FROM NEW.household_id
                       OR OLD.township_id IS DISTINCT FROM NEW.township_id)
    EXECUTE FUNCTION eduaid.registry_sync();
CREATE OR REPLACE TRIGGER y_member_insert AFTER INSERT ON eduaid.student
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch('household');
CREATE OR REPLACE TRIGGER y_member_update AFTER UPDATE ON eduaid.student
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch('household');
CREATE OR REPLACE TRIGGER y_member_delete AFTER DELETE ON eduaid.student
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch('household');
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.student
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('household');
-- the school-age tally (school_age_tally_student, 32_ledgers.sql): a
-- student's year rows leave it before he is deleted (his deletion takes
-- them), and move with a changed birth date
CREATE OR REPLACE TRIGGER c_school_age BEFORE DELETE ON eduaid.student
    FOR EACH ROW EXECUTE FUNCTION eduaid.school_age_tally_student();
CREATE OR REPLACE TRIGGER y_school_age AFTER UPDATE ON eduaid.student
    FOR EACH ROW WHEN (OLD.birth_date IS DISTINCT FROM NEW.birth_date)
    EXECUTE FUNCTION eduaid.school_age_tally_student();

------------------------------------------------------------------------
-- 学年资助核查: a household's record of one school year, its children's
-- facts of that year and their grants (026_school_years.sql).
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.household_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_record_guard BEFORE INSERT OR UPDATE OR DELETE ON eduaid.household_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();
CREATE OR REPLACE TRIGGER b_year_guard BEFORE INSERT ON eduaid.household_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.year_guard();
CREATE OR REPLACE TRIGGER b_member_guard BEFORE UPDATE ON eduaid.household_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.member_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.household_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('household_year');
-- The report tallies (34_reports.sql, issue 11 part 4): a record entering
-- or leaving the counted states, or moving township while counted, adds or
-- takes away its share; deleted while counted, before its members go.
CREATE OR REPLACE TRIGGER c_report_tally_delete BEFORE DELETE ON eduaid.household_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.report_tally_trigger();
CREATE OR REPLACE TRIGGER z_report_tally AFTER INSERT OR UPDATE OF status, township_id
    ON eduaid.household_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.report_tally_trigger();

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.student_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_member_guard BEFORE UPDATE ON eduaid.student_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.member_guard();
CREATE OR REPLACE TRIGGER b_year_guard BEFORE INSERT ON eduaid.student_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.year_guard();
-- once per person and school year, across households (issue 11, a
-- member's transfer: member_year_once, 20_workflow.sql)
CREATE OR REPLACE TRIGGER c_year_once BEFORE INSERT ON eduaid.student_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.member_year_once();
CREATE OR REPLACE TRIGGER y_member_insert AFTER INSERT ON eduaid.student_year
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch('household_year');
CREATE OR REPLACE TRIGGER y_member_update AFTER UPDATE ON eduaid.student_year
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch('household_year');
CREATE OR REPLACE TRIGGER y_member_delete AFTER DELETE ON eduaid.student_year
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch('household_year');
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.student_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('household_year');
-- the school-age tally (school_age_tally_rows, 32_ledgers.sql)
CREATE OR REPLACE TRIGGER y_school_age_insert AFTER INSERT ON eduaid.student_year
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.school_age_tally_rows();
CREATE OR REPLACE TRIGGER y_school_age_update AFTER UPDATE ON eduaid.student_year
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.school_age_tally_rows();
CREATE OR REPLACE TRIGGER y_school_age_delete AFTER DELETE ON eduaid.student_year
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.school_age_tally_rows();

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.student_subsidy
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_member_guard BEFORE UPDATE ON eduaid.student_subsidy
    FOR EACH ROW EXECUTE FUNCTION eduaid.member_guard();
CREATE OR REPLACE TRIGGER b_year_guard BEFORE INSERT ON eduaid.student_subsidy
    FOR EACH ROW EXECUTE FUNCTION eduaid.year_guard();
CREATE OR REPLACE TRIGGER y_member_insert AFTER INSERT ON eduaid.student_subsidy
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch('household_year');
CREATE OR REPLACE TRIGGER y_member_update AFTER UPDATE ON eduaid.student_subsidy
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch('household_year');
CREATE OR REPLACE TRIGGER y_member_delete AFTER DELETE ON eduaid.student_subsidy
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch('household_year');
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.student_subsidy
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('household_year');

------------------------------------------------------------------------
-- 技能培训: the training enrollment record.
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.training_enrollment
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_record_guard BEFORE INSERT OR UPDATE OR DELETE ON eduaid.training_enrollment
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();
CREATE OR REPLACE TRIGGER c_training_provider_guard
    BEFORE INSERT OR UPDATE OF provider_school_id ON eduaid.training_enrollment
    FOR EACH ROW EXECUTE FUNCTION eduaid.training_provider_guard();
CREATE OR REPLACE TRIGGER r_registry AFTER INSERT OR DELETE ON eduaid.training_enrollment
    FOR EACH ROW EXECUTE FUNCTION eduaid.registry_sync();
CREATE OR REPLACE TRIGGER r_registry_update AFTER UPDATE ON eduaid.training_enrollment
    FOR EACH ROW WHEN (OLD.trainee_id_number IS DISTINCT FROM NEW.trainee_id_number
                       OR OLD.household_id IS DISTINCT FROM NEW.household_id
                       OR OLD.township_id IS DISTINCT FROM NEW.township_id)
    EXECUTE FUNCTION eduaid.registry_sync();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.training_enrollment
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('training');

------------------------------------------------------------------------
-- 特殊教育一人一案: the placement plan record.
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.special_ed_plan
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_record_guard BEFORE INSERT OR UPDATE OR DELETE ON eduaid.special_ed_plan
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();
CREATE OR REPLACE TRIGGER e_record_facts BEFORE INSERT OR UPDATE ON eduaid.special_ed_plan
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_facts();
CREATE OR REPLACE TRIGGER r_registry AFTER INSERT OR DELETE ON eduaid.special_ed_plan
    FOR EACH ROW EXECUTE FUNCTION eduaid.registry_sync();
CREATE OR REPLACE TRIGGER r_registry_update AFTER UPDATE ON eduaid.special_ed_plan
    FOR EACH ROW WHEN (OLD.child_id_number IS DISTINCT FROM NEW.child_id_number
                       OR OLD.household_id IS DISTINCT FROM NEW.household_id
                       OR OLD.township_id IS DISTINCT FROM NEW.township_id
                       OR (OLD.ended_on IS NULL) IS DISTINCT FROM (NEW.ended_on IS NULL))
    EXECUTE FUNCTION eduaid.registry_sync();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.special_ed_plan
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('special_ed');

------------------------------------------------------------------------
-- 教师帮扶资金: the teacher register and the fund application record.
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.teacher
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER r_registry AFTER INSERT OR DELETE ON eduaid.teacher
    FOR EACH ROW EXECUTE FUNCTION eduaid.registry_sync();
CREATE OR REPLACE TRIGGER r_registry_update AFTER UPDATE ON eduaid.teacher
    FOR EACH ROW WHEN (OLD.id_number IS DISTINCT FROM NEW.id_number
                       OR OLD.township_id IS DISTINCT FROM NEW.township_id)
    EXECUTE FUNCTION eduaid.registry_sync();
CREATE OR REPLACE TRIGGER y_teacher_facts AFTER UPDATE ON eduaid.teacher
    FOR EACH ROW
    WHEN ((OLD.name, OLD.id_number, OLD.school_id, OLD.title, OLD.rural_years)
          IS DISTINCT FROM (NEW.name, NEW.id_number, NEW.school_id, NEW.title, NEW.rural_years))
    EXECUTE FUNCTION eduaid.teacher_facts_changed();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.teacher
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('teacher');

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.teacher_fund_application
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_record_guard BEFORE INSERT OR UPDATE OR DELETE ON eduaid.teacher_fund_application
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();
CREATE OR REPLACE TRIGGER c_fund_amount_guard BEFORE INSERT OR UPDATE ON eduaid.teacher_fund_application
    FOR EACH ROW EXECUTE FUNCTION eduaid.fund_amount_guard();
CREATE OR REPLACE TRIGGER e_record_facts BEFORE INSERT OR UPDATE ON eduaid.teacher_fund_application
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_facts();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.teacher_fund_application
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('teacher_fund');

------------------------------------------------------------------------
-- Users: every change of an account is audited (kind 'user', keyed by
-- the login). A request's verifier lives in account_request_secret, which
-- has no trigger: it never reaches the log.
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.app_user
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('user');
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.app_user_township
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('user');
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.account_request
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('user');

------------------------------------------------------------------------
-- The audit log itself: never changed, never emptied, even by its owner.
CREATE OR REPLACE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON eduaid.audit_log
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_log_immutable();
CREATE OR REPLACE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON eduaid.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.audit_log_immutable();
-- Issue 14, the monthly partitions (044_audit_partitions.sql): the row
-- trigger above is cloned onto every partition, those made later too; the
-- TRUNCATE trigger is not, so each partition gets its own two
-- (audit_partition_no_truncate, audit_partition_no_change), made with it
-- by eduaid.audit_partition_secure (45_audit_partitions.sql). The record
-- of the archived months is append-only as well.
CREATE OR REPLACE TRIGGER audit_archive_no_update BEFORE UPDATE OR DELETE ON eduaid.audit_archive
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_log_immutable();
CREATE OR REPLACE TRIGGER audit_archive_no_truncate BEFORE TRUNCATE ON eduaid.audit_archive
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.audit_log_immutable();

------------------------------------------------------------------------
-- Issue 14, the log of logins (29_logins.sql): never changed, never
-- emptied, even by its owner, as the audit log.
CREATE OR REPLACE TRIGGER login_event_no_update BEFORE UPDATE OR DELETE ON eduaid.login_event
    FOR EACH ROW EXECUTE FUNCTION eduaid.login_event_immutable();
CREATE OR REPLACE TRIGGER login_event_no_truncate BEFORE TRUNCATE ON eduaid.login_event
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.login_event_immutable();

------------------------------------------------------------------------
-- Roster imports: rows only into one's own unfinished import (checked
-- once per statement, so that COPY stays fast); an import closed by
-- roster_finish() before its transaction commits.
CREATE OR REPLACE TRIGGER a_roster_import_guard BEFORE INSERT OR UPDATE ON eduaid.roster_import
    FOR EACH ROW EXECUTE FUNCTION eduaid.roster_import_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.roster_import
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('roster');
-- (a constraint trigger cannot be replaced: dropped and made again only
-- when it is not what this says)
DO $$
BEGIN
    IF (SELECT pg_catalog.pg_get_triggerdef(t.oid) FROM pg_catalog.pg_trigger t
         WHERE t.tgrelid = 'eduaid.roster_import'::regclass
           AND t.tgname = 'roster_import_finished')
       IS DISTINCT FROM 'CREATE CONSTRAINT TRIGGER roster_import_finished AFTER INSERT ON '
                        'eduaid.roster_import DEFERRABLE INITIALLY DEFERRED FOR EACH ROW '
                        'EXECUTE FUNCTION eduaid.roster_import_finished()' THEN
        DROP TRIGGER IF EXISTS roster_import_finished ON eduaid.roster_import;
        CREATE CONSTRAINT TRIGGER roster_import_finished AFTER INSERT ON eduaid.roster_import
            DEFERRABLE INITIALLY DEFERRED
            FOR EACH ROW EXECUTE FUNCTION eduaid.roster_import_finished();
    END IF;
END
$$;
CREATE OR REPLACE TRIGGER roster_row_guard AFTER INSERT ON eduaid.roster_row
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.roster_rows_guard();

------------------------------------------------------------------------
-- 控辍保学, 送教上门, 培训台账: the ledgers. Nothing in a ledger is deleted,
-- visits are never changed; cases and visits are written by the ledger
-- functions only.
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.dropout_case
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_keep BEFORE DELETE ON eduaid.dropout_case
    FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();
CREATE OR REPLACE TRIGGER c_guard BEFORE INSERT OR UPDATE ON eduaid.dropout_case
    FOR EACH ROW EXECUTE FUNCTION eduaid.dropout_case_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.dropout_case
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('dropout');

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.dropout_visit
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_keep BEFORE UPDATE OR DELETE ON eduaid.dropout_visit
    FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();
CREATE OR REPLACE TRIGGER c_guard BEFORE INSERT ON eduaid.dropout_visit
    FOR EACH ROW EXECUTE FUNCTION eduaid.dropout_visit_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.dropout_visit
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('dropout');

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.home_visit
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_keep BEFORE UPDATE OR DELETE ON eduaid.home_visit
    FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();
CREATE OR REPLACE TRIGGER c_guard BEFORE INSERT ON eduaid.home_visit
    FOR EACH ROW EXECUTE FUNCTION eduaid.home_visit_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.home_visit
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('home_visit');

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.training_attendance
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_keep BEFORE DELETE ON eduaid.training_attendance
    FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();
CREATE OR REPLACE TRIGGER c_guard BEFORE INSERT OR UPDATE ON eduaid.training_attendance
    FOR EACH ROW EXECUTE FUNCTION eduaid.training_attendance_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.training_attendance
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('training_attendance');

------------------------------------------------------------------------
-- 公示: notices, their lines and objections. Nothing is deleted or
-- emptied but by a superuser; what was published never changes.
CREATE OR REPLACE TRIGGER b_notice_guard BEFORE INSERT OR UPDATE OR DELETE ON eduaid.notice
    FOR EACH ROW EXECUTE FUNCTION eduaid.notice_guard();
CREATE OR REPLACE TRIGGER b_no_truncate BEFORE TRUNCATE ON eduaid.notice
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.notice_no_truncate();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.notice
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('notice');

CREATE OR REPLACE TRIGGER b_notice_item_guard BEFORE INSERT OR UPDATE OR DELETE ON eduaid.notice_item
    FOR EACH ROW EXECUTE FUNCTION eduaid.notice_item_guard();
CREATE OR REPLACE TRIGGER b_no_truncate BEFORE TRUNCATE ON eduaid.notice_item
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.notice_no_truncate();
CREATE OR REPLACE TRIGGER a_notice_line_key AFTER INSERT ON eduaid.notice_item
    FOR EACH ROW EXECUTE FUNCTION eduaid.notice_line_key();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.notice_item
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('notice');

CREATE OR REPLACE TRIGGER b_notice_objection_guard BEFORE INSERT OR UPDATE OR DELETE
    ON eduaid.notice_objection
    FOR EACH ROW EXECUTE FUNCTION eduaid.notice_objection_guard();
CREATE OR REPLACE TRIGGER b_no_truncate BEFORE TRUNCATE ON eduaid.notice_objection
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.notice_no_truncate();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.notice_objection
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('objection');

------------------------------------------------------------------------
-- Transfers between townships (issue 11, 028_transfers.sql,
-- 41_transfer.sql): every request and every decision is audited, filed
-- under the household it moves (audit_row: record_id is household_id),
-- in the sending township. The move itself is audited by the household's
-- and its rows' own triggers, in the receiving township.
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.transfer_request
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('household');

------------------------------------------------------------------------
-- Clean text (issue 13): every write stores its names and free text
-- trimmed of white space (U+3000 and U+00A0 included) and its ID numbers
-- folded from full-width to ASCII (eduaid.tidy_columns, 01_shared_rules.sql),
-- before the guards look at the row; the CHECKs <table>_<column>_clean
-- (041_clean_text.sql) then refuse control characters. Facts copied from
-- the teacher register (e_record_facts) come from tidy rows. The roster's
-- staging rows (roster_row, COPY) are trimmed by the import itself and
-- only checked here.
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.household
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('head_name', 'head_id_number', 'address',
                                                      'notes', 'reason');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.student
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('name', 'id_number');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.household_year
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('notes', 'reason');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.training_enrollment
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('trainee_name', 'trainee_id_number',
                                                      'certificate_no', 'needs_survey', 'reason');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.special_ed_plan
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('child_name', 'child_id_number', 'assessment',
                                                      'individual_plan', 'end_reason', 'reason');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.teacher
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('name', 'id_number', 'title');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.teacher_fund_application
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('bank_name', 'reason_text', 'reason');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.home_visit
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('content');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.dropout_case
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('notes');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.dropout_visit
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('visitor', 'notes');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.notice
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('title', 'contact');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.notice_objection
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('objector', 'content', 'decision_note');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.transfer_request
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('reason', 'refusal_reason');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.account_request
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('full_name', 'reason');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.app_user
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('full_name');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.county
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('name');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.township
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('name');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.village
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('name');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.school
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('name');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.training_course
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('name');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.fund_program
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('name');

------------------------------------------------------------------------
-- School pairing (issue 15; 046_pairing.sql, 36_pairing.sql). Every
-- pairing table: bookkeeping, its text trimmed, every change in the
-- audit trail (kind 'pairing', keyed by the pair). Then the rules the
-- tables cannot declare: a pair's helping school, kind and cycle are
-- fixed; a helped school takes its pair's kind and cycle (the overlap
-- rule); inspections and notices are never changed; an approved
-- evaluation and its scores are final.
DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['pair', 'pair_member', 'pair_agreement', 'pair_target',
                               'pair_activity', 'pair_monthly_report', 'pair_quarterly',
                               'pair_inspection', 'pair_rectification',
                               'pair_rectification_response', 'pair_evaluation',
                               'pair_evaluation_score', 'pair_award']
    LOOP
        EXECUTE format('CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.%I'
                       ' FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping()', tbl);
        EXECUTE format('CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.%I'
                       ' FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row(''pairing'')', tbl);
    END LOOP;
END
$$;
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.pair_criterion
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('reference');

CREATE OR REPLACE TRIGGER c_guard BEFORE UPDATE ON eduaid.pair
    FOR EACH ROW EXECUTE FUNCTION eduaid.pair_guard();
CREATE OR REPLACE TRIGGER c_fill BEFORE INSERT OR UPDATE ON eduaid.pair_member
    FOR EACH ROW EXECUTE FUNCTION eduaid.pair_member_fill();
CREATE OR REPLACE TRIGGER d_claim AFTER INSERT ON eduaid.pair_member
    FOR EACH ROW EXECUTE FUNCTION eduaid.pair_member_claim();
CREATE OR REPLACE TRIGGER b_keep BEFORE UPDATE OR DELETE ON eduaid.pair_inspection
    FOR EACH ROW EXECUTE FUNCTION eduaid.pair_keep();
CREATE OR REPLACE TRIGGER b_keep BEFORE UPDATE OR DELETE ON eduaid.pair_rectification
    FOR EACH ROW EXECUTE FUNCTION eduaid.pair_keep();
CREATE OR REPLACE TRIGGER c_guard BEFORE UPDATE ON eduaid.pair_evaluation
    FOR EACH ROW EXECUTE FUNCTION eduaid.pair_evaluation_guard();
CREATE OR REPLACE TRIGGER c_fill BEFORE INSERT OR UPDATE OR DELETE ON eduaid.pair_evaluation_score
    FOR EACH ROW EXECUTE FUNCTION eduaid.pair_score_fill();

CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('title', 'helping_lead', 'helped_lead', 'end_reason',
                                                      'notes');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_agreement
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('helping_signatory', 'helped_signatory',
                                                      'goals', 'reason');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_target
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('what', 'who', 'quantity');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_activity
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('place', 'people', 'content');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_monthly_report
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('content');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_quarterly
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('content');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_inspection
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('inspectors', 'findings', 'bulletin');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_rectification
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('demands');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_rectification_response
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('response');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_criterion
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('name');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_evaluation
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('report', 'advice');
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.pair_award
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('person_name', 'title');

-- issue 15 H1: the pair agreement is a record of kind 'pairing'
-- (047_pairing_workflow.sql): its id is its pair's (one agreement a pair),
-- so the record's history is its pair's (the audit files every pairing
-- row under its pair); the record guard keeps its status to the
-- workflow's steps and its data to the states that may be edited. (Its
-- bookkeeping, audit and tidying: the pairing block above.)
CREATE OR REPLACE TRIGGER a_agreement_id BEFORE INSERT ON eduaid.pair_agreement
    FOR EACH ROW EXECUTE FUNCTION eduaid.pair_agreement_id();
CREATE OR REPLACE TRIGGER b_record_guard BEFORE INSERT OR UPDATE OR DELETE ON eduaid.pair_agreement
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();

------------------------------------------------------------------------
-- issue 17 H4: 定向招生专项计划 (061_admission.sql, 36_m_admission.sql).
-- The application is a record of kind 'admission': bookkeeping, its text
-- trimmed, its facts from the register (admission_fill), the record
-- guard, the audit. The outcome: bookkeeping, trimmed, only for an
-- approved application (admission_outcome_guard), audited under its
-- application (audit_row files admission_outcome by admission_id).
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.admission
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.admission
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('notes', 'reason');
CREATE OR REPLACE TRIGGER b_record_guard BEFORE INSERT OR UPDATE OR DELETE ON eduaid.admission
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();
CREATE OR REPLACE TRIGGER c_fill BEFORE INSERT OR UPDATE ON eduaid.admission
    FOR EACH ROW EXECUTE FUNCTION eduaid.admission_fill();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.admission
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('admission');
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.admission_outcome
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.admission_outcome
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('college');
CREATE OR REPLACE TRIGGER b_guard BEFORE INSERT OR UPDATE ON eduaid.admission_outcome
    FOR EACH ROW EXECUTE FUNCTION eduaid.admission_outcome_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.admission_outcome
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('admission');
