-- repeatable/39_privileges.sql: what each role may do with each table and
-- view of schema eduaid (what it may run is said with each function). The
-- roles (001_roles.sql, DESIGN.md): the groups eduaid_clerk, _officer,
-- _supervisor, _admin and _auditor, of which every login is a member of
-- exactly one; the NOLOGIN owners eduaid_owner (schema, records, workflow),
-- eduaid_audit_owner (the audit log), eduaid_usermgr (accounts),
-- eduaid_registry_owner (the registry), and eduaid_remover and
-- eduaid_exporter, which own the delete and export functions.
--
-- The rules the grants below follow:
--   * Column privileges keep the workflow and bookkeeping columns (id,
--     version, created/updated by and at, status, reason, editors,
--     submitted/verified/approved/rejected by and at) and the facts copied
--     by the server out of INSERT and UPDATE for everyone, and the keys
--     (township_id, client_uuid, household_id, student_id) out of UPDATE.
--   * Supervisors read records without the personal columns
--     (eduaid.personal_columns(): ID numbers, birth dates, bank accounts,
--     certificate numbers), through their *_masked twins; they write
--     nothing but their own roster staging (019_reviewers.sql).
--   * No login holds table-level UPDATE, DELETE or TRUNCATE on anything in
--     the schema (020_locks.sql): LOCK TABLE in any mode stronger than ROW
--     EXCLUSIVE needs one of them, and a clerk holding ACCESS EXCLUSIVE on
--     eduaid.household idly blocked every user. Deleting goes through
--     eduaid_remover (21_delete.sql); reference data is never deleted (an
--     admin deactivates a school, course or program), and its keys never
--     change.
--   * No login holds anything on eduaid.schema_version, so no login can
--     take sql/migrate.sh's lock.
-- The end of this file checks the last three, whatever granted what.
-- Granting is idempotent; a privilege to take away is a REVOKE in a
-- migration.

------------------------------------------------------------------------
-- Reference data: everyone reads it; the admin keeps schools, courses and
-- fund programs (insert and change, never delete; never the keys other
-- rows name, nor an id of the admin's choosing: INSERT by column, issue
-- 14, 045_refdata.sql). Divisions are official and loaded, not edited.
GRANT SELECT ON eduaid.county
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
GRANT SELECT ON eduaid.township
    TO eduaid_usermgr, eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin,
       eduaid_auditor;
GRANT SELECT (id, name)
    ON eduaid.township TO eduaid_registry_owner;
GRANT SELECT ON eduaid.village
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
-- The pinyin initials of Han characters (issue 12, the pickers' match by
-- initials): public Unicode data, read through eduaid.pinyin_initials().
GRANT SELECT ON eduaid.pinyin_initial
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
GRANT SELECT ON eduaid.school
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.school TO eduaid_admin;
GRANT INSERT (township_id, name, kind, nutrition_pilot, active) ON eduaid.school TO eduaid_admin;
GRANT UPDATE (name, kind, nutrition_pilot, active)
    ON eduaid.school TO eduaid_admin;
GRANT SELECT ON eduaid.training_course
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.training_course TO eduaid_admin;
GRANT INSERT (name, category, hours, active) ON eduaid.training_course TO eduaid_admin;
GRANT UPDATE (name, category, hours, active)
    ON eduaid.training_course TO eduaid_admin;
GRANT SELECT ON eduaid.fund_program
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.fund_program TO eduaid_admin;
GRANT INSERT (code, name, max_amount, active) ON eduaid.fund_program TO eduaid_admin;
GRANT UPDATE (name, max_amount, active)
    ON eduaid.fund_program TO eduaid_admin;
-- Issue 11, rates: the standard amounts (027_subsidy_rates.sql). Everyone
-- reads them; the admin inserts rates and changes their amounts (deletes
-- through eduaid.delete_subsidy_rate, 40_rates.sql); the keys never change.
GRANT SELECT ON eduaid.subsidy_rate
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT, INSERT ON eduaid.subsidy_rate TO eduaid_admin;
GRANT UPDATE (amount) ON eduaid.subsidy_rate TO eduaid_admin;

------------------------------------------------------------------------
-- The records and their members. Clerks, officers and auditors read whole
-- rows (and the copies of 021_record_facts.sql, granted again by column
-- when they came); supervisors the columns that are not personal; clerks
-- and officers write the data columns; the remover and the exporter are
-- the delete and export functions.
-- eduaid.household
GRANT SELECT ON eduaid.household
    TO eduaid_clerk, eduaid_officer, eduaid_auditor, eduaid_exporter;
GRANT SELECT, DELETE ON eduaid.household TO eduaid_remover;
GRANT SELECT (id, township_id, version, created_by, created_at, updated_by, updated_at,
              client_uuid, status, reason, editors, submitted_by, submitted_at, verified_by,
              verified_at, approved_by, approved_at, rejected_by, rejected_at, household_no,
              village_id, head_name, head_id_number_masked, phone, address,
              registered_year, family_size, notes)
    ON eduaid.household TO eduaid_supervisor;
GRANT INSERT (township_id, client_uuid, household_no, village_id, head_name, head_id_number,
              phone, address, registered_year, family_size, notes)
    ON eduaid.household TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (household_no, village_id, head_name, head_id_number, phone, address,
              registered_year, family_size, notes)
    ON eduaid.household TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (household_no)
    ON eduaid.household TO eduaid_remover;

-- eduaid.student
GRANT SELECT ON eduaid.student TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT, DELETE ON eduaid.student TO eduaid_remover;
GRANT SELECT (id, township_id, version, created_by, created_at, updated_by, updated_at,
              household_id, name, id_number_masked, sex, birth_date_masked, relation,
              disability_type, disability_grade, left_behind, migrant)
    ON eduaid.student TO eduaid_supervisor;
GRANT INSERT (township_id, household_id, name, id_number, sex, birth_date, relation,
              disability_type, disability_grade, left_behind, migrant)
    ON eduaid.student TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (name, id_number, sex, birth_date, relation, disability_type, disability_grade,
              left_behind, migrant)
    ON eduaid.student TO eduaid_clerk, eduaid_officer;

-- eduaid.household_year (026_school_years.sql): nothing in it is personal
GRANT SELECT ON eduaid.household_year
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT, DELETE ON eduaid.household_year TO eduaid_remover;
GRANT INSERT (township_id, client_uuid, household_id, school_year, poverty_status, notes)
    ON eduaid.household_year TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (poverty_status, notes)
    ON eduaid.household_year TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (poverty_status)
    ON eduaid.household_year TO eduaid_remover;

-- (issue 11 part 4: eduaid.export_household_year, 35_export.sql)
GRANT SELECT ON eduaid.household_year TO eduaid_exporter;

-- eduaid.student_year: its household and school year are its record's
-- (eduaid.year_guard fills them)
GRANT SELECT ON eduaid.student_year
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT, DELETE ON eduaid.student_year TO eduaid_remover;
GRANT INSERT (township_id, household_year_id, student_id, stage, school_id, grade, boarding,
              schooling_status, nutrition_meal, left_school)
    ON eduaid.student_year TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (stage, school_id, grade, boarding, schooling_status, nutrition_meal, left_school)
    ON eduaid.student_year TO eduaid_clerk, eduaid_officer;

-- eduaid.student_subsidy: a member of its school year's record; its
-- household and school year are that record's (eduaid.year_guard fills
-- them)
GRANT SELECT ON eduaid.student_subsidy TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT, DELETE ON eduaid.student_subsidy TO eduaid_remover;
GRANT SELECT (id, township_id, version, created_by, created_at, updated_by, updated_at,
              household_id, student_id, school_year, program, amount, granted_on,
              household_year_id)
    ON eduaid.student_subsidy TO eduaid_supervisor;
GRANT INSERT (township_id, household_year_id, household_id, student_id, school_year, program,
              amount, granted_on)
    ON eduaid.student_subsidy TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (program, amount, granted_on)
    ON eduaid.student_subsidy TO eduaid_clerk, eduaid_officer;

-- eduaid.training_enrollment
GRANT SELECT ON eduaid.training_enrollment
    TO eduaid_clerk, eduaid_officer, eduaid_auditor, eduaid_exporter;
GRANT SELECT, DELETE ON eduaid.training_enrollment TO eduaid_remover;
GRANT SELECT (id, township_id, version, created_by, created_at, updated_by, updated_at,
              client_uuid, status, reason, editors, submitted_by, submitted_at, verified_by,
              verified_at, approved_by, approved_at, rejected_by, rejected_at, household_id,
              trainee_name, trainee_id_number_masked, trainee_sex,
              trainee_birth_date_masked, phone, trainee_type, course_id, provider_school_id,
              batch, needs_survey, start_date, end_date, hours_attended, completed,
              certificate_no, employment_outcome)
    ON eduaid.training_enrollment TO eduaid_supervisor;
GRANT INSERT (township_id, client_uuid, household_id, trainee_name, trainee_id_number,
              trainee_sex, trainee_birth_date, phone, trainee_type, course_id,
              provider_school_id, batch, needs_survey, start_date, end_date, hours_attended,
              completed, certificate_no, employment_outcome)
    ON eduaid.training_enrollment TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (trainee_name, trainee_id_number, trainee_sex, trainee_birth_date, phone,
              trainee_type, course_id, provider_school_id, batch, needs_survey, start_date,
              end_date, hours_attended, completed, certificate_no, employment_outcome)
    ON eduaid.training_enrollment TO eduaid_clerk, eduaid_officer;

-- eduaid.special_ed_plan
GRANT SELECT ON eduaid.special_ed_plan
    TO eduaid_clerk, eduaid_officer, eduaid_auditor, eduaid_exporter;
GRANT SELECT, DELETE ON eduaid.special_ed_plan TO eduaid_remover;
GRANT SELECT (home_teacher_name, home_teacher_id_number, home_teacher_id_number_masked)
    ON eduaid.special_ed_plan TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT (id, township_id, version, created_by, created_at, updated_by, updated_at,
              client_uuid, status, reason, editors, submitted_by, submitted_at, verified_by,
              verified_at, approved_by, approved_at, rejected_by, rejected_at, household_id,
              child_name, child_id_number_masked, child_sex, child_birth_date_masked,
              disability_type, disability_grade, disability_certificate_no_masked,
              assessment_date, assessment, placement, school_id, home_teacher_id,
              visits_per_month, individual_plan, placed_on, review_date, ended_on,
              end_reason, home_teacher_name, home_teacher_id_number_masked)
    ON eduaid.special_ed_plan TO eduaid_supervisor;
GRANT INSERT (township_id, client_uuid, household_id, child_name, child_id_number,
              child_sex, child_birth_date, disability_type, disability_grade,
              disability_certificate_no, assessment_date, assessment, placement, school_id,
              home_teacher_id, visits_per_month, individual_plan, placed_on, review_date,
              ended_on, end_reason)
    ON eduaid.special_ed_plan TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (child_name, child_id_number, child_sex, child_birth_date, disability_type,
              disability_grade, disability_certificate_no, assessment_date, assessment,
              placement, school_id, home_teacher_id, visits_per_month, individual_plan,
              placed_on, review_date, ended_on, end_reason)
    ON eduaid.special_ed_plan TO eduaid_clerk, eduaid_officer;

-- eduaid.teacher
GRANT SELECT ON eduaid.teacher TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT (id, township_id, version, created_by, created_at, updated_by, updated_at,
              school_id, name, id_number_masked, sex, birth_date_masked, phone, title,
              rural_years, active)
    ON eduaid.teacher TO eduaid_supervisor;
GRANT INSERT (township_id, school_id, name, id_number, sex, birth_date, phone, title,
              rural_years, active)
    ON eduaid.teacher TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (school_id, name, id_number, sex, birth_date, phone, title, rural_years,
              active)
    ON eduaid.teacher TO eduaid_clerk, eduaid_officer;

-- eduaid.teacher_fund_application
GRANT SELECT ON eduaid.teacher_fund_application
    TO eduaid_clerk, eduaid_officer, eduaid_auditor, eduaid_exporter;
GRANT SELECT, DELETE ON eduaid.teacher_fund_application TO eduaid_remover;
GRANT SELECT (teacher_name, teacher_id_number, teacher_id_number_masked, teacher_school_id,
              teacher_title, teacher_rural_years)
    ON eduaid.teacher_fund_application TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT (id, township_id, version, created_by, created_at, updated_by, updated_at,
              client_uuid, status, reason, editors, submitted_by, submitted_at, verified_by,
              verified_at, approved_by, approved_at, rejected_by, rejected_at, teacher_id,
              program_id, school_year, reason_category, reason_text, amount_requested,
              amount_approved, months, bank_name, bank_account_masked, teacher_name,
              teacher_id_number_masked, teacher_school_id, teacher_title,
              teacher_rural_years)
    ON eduaid.teacher_fund_application TO eduaid_supervisor;
GRANT INSERT (township_id, client_uuid, teacher_id, program_id, school_year,
              reason_category, reason_text, amount_requested, amount_approved, months,
              bank_name, bank_account)
    ON eduaid.teacher_fund_application TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (teacher_id, program_id, school_year, reason_category, reason_text,
              amount_requested, amount_approved, months, bank_name, bank_account)
    ON eduaid.teacher_fund_application TO eduaid_clerk, eduaid_officer;

------------------------------------------------------------------------
-- Users: the admins and auditors read them; the account functions
-- (eduaid_usermgr) write them. Account requests: read by the admins,
-- supervisors and auditors of their county (38_policies.sql); a request's
-- verifier (account_request_secret) by nobody but the account functions.
GRANT SELECT, INSERT, UPDATE ON eduaid.app_user TO eduaid_usermgr;
GRANT SELECT ON eduaid.app_user TO eduaid_admin, eduaid_auditor;
GRANT SELECT, INSERT, DELETE ON eduaid.app_user_township TO eduaid_usermgr;
GRANT SELECT ON eduaid.app_user_township TO eduaid_admin, eduaid_auditor;
GRANT SELECT ON eduaid.account_request TO eduaid_supervisor, eduaid_admin, eduaid_auditor;
-- Issue 13, a disabled user's open session ends: eduaid.end_sessions
-- (27_users.sql, eduaid_usermgr's) terminates the backends of a disabled
-- login. pg_signal_backend lets it signal any non-superuser backend; only
-- that function runs as eduaid_usermgr (NOLOGIN), and it signals only the
-- disabled login's own.
GRANT pg_signal_backend TO eduaid_usermgr;

------------------------------------------------------------------------
-- The audit log: clerks, officers and auditors read whole entries of what
-- they may see (38_policies.sql), supervisors the masked rows; the owner
-- reads what latest_audit_id and the objection guard need.
GRANT SELECT ON eduaid.audit_log TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT (id, actor, kind, record_id, township_id, action)
    ON eduaid.audit_log TO eduaid_owner;
GRANT SELECT (id, at, actor, txid, kind, table_name, record_id, row_id, record_key,
              township_id, action, reason, old_masked, new_masked)
    ON eduaid.audit_log TO eduaid_supervisor;
-- Issue 14, the monthly partitions: nobody is granted a partition, nor
-- schema eduaid_audit (45_audit_partitions.sql re-asserts it on each);
-- the archived months are the auditors' to read, as are the months
-- restored for an inspection in schema eduaid_archive.
REVOKE ALL ON SCHEMA eduaid_audit FROM PUBLIC;
GRANT USAGE ON SCHEMA eduaid_archive TO eduaid_auditor;
GRANT SELECT ON eduaid.audit_archive TO eduaid_auditor;

------------------------------------------------------------------------
-- Issue 14, the log of logins (043_login_events.sql, 29_logins.sql): the
-- auditor reads it whole (a login name, a database, a client address, an
-- outcome: nothing masked -- docs/threat-model.md); no other group.
GRANT SELECT ON eduaid.login_event TO eduaid_auditor;

------------------------------------------------------------------------
-- Views: the names of one's county, the ages of one's townships' members,
-- the rows of one's roster imports (supervisors: masked only).
GRANT SELECT ON eduaid.user_directory
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
GRANT SELECT ON eduaid.student_school_age
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.roster_rows TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT (import_id, file_line, household_no, township, village, township_id,
              village_id, head_name, head_id_number_masked, family_size, member_name,
              member_id_number_masked, relation, stage)
    ON eduaid.roster_rows TO eduaid_supervisor;

------------------------------------------------------------------------
-- Roster imports: clerks, officers and supervisors import (the staging
-- rows by INSERT only); everyone reads their own imports.
GRANT SELECT ON eduaid.roster_import
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT INSERT (file_name, encoding)
    ON eduaid.roster_import TO eduaid_clerk, eduaid_officer, eduaid_supervisor;
GRANT INSERT (import_id, file_line, household_no, township, village, township_id,
              village_id, head_name, head_id_number, family_size, member_name,
              member_id_number, relation, stage)
    ON eduaid.roster_row TO eduaid_clerk, eduaid_officer, eduaid_supervisor;

------------------------------------------------------------------------
-- The ledgers (written through the ledger functions, but home visits and
-- attendance), notices (written through the notice functions) and the
-- report tallies (written by the tally trigger): read in one's townships.
GRANT SELECT ON eduaid.dropout_case
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.dropout_visit
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.home_visit
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT INSERT (township_id, plan_id, visit_date, teacher_id, hours, content)
    ON eduaid.home_visit TO eduaid_clerk, eduaid_officer;
GRANT SELECT ON eduaid.training_attendance
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT INSERT (township_id, enrollment_id, session_date, hours, present)
    ON eduaid.training_attendance TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (hours, present)
    ON eduaid.training_attendance TO eduaid_clerk, eduaid_officer;
GRANT SELECT ON eduaid.notice
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.notice_item
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.notice_objection
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.subsidy_tally
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.member_tally
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.school_age_tally
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

------------------------------------------------------------------------
-- Transfers between townships (issue 11, 028_transfers.sql,
-- 41_transfer.sql). transfer_request is read and written by
-- eduaid_transferer only (logins read it through eduaid.transfers()).
-- The transferer reads a household's rows and the records that keep a
-- household from moving, and moves rows by their township (and the
-- household's village) only: the guards let nothing else through from it
-- (eduaid.transfer_move), its policies only into the caller's townships
-- (38_policies.sql). No DELETE, no table-level UPDATE.
REVOKE ALL ON eduaid.transfer_request FROM PUBLIC;
GRANT SELECT, INSERT ON eduaid.transfer_request TO eduaid_transferer;
GRANT UPDATE (to_village_id, to_household_id, state, decided_by, decided_at, refusal_reason)
    ON eduaid.transfer_request TO eduaid_transferer;
GRANT SELECT ON eduaid.household, eduaid.student, eduaid.household_year, eduaid.student_year,
    eduaid.student_subsidy TO eduaid_transferer;
GRANT SELECT (township_id, id, household_id) ON eduaid.training_enrollment,
    eduaid.special_ed_plan, eduaid.dropout_case TO eduaid_transferer;
-- issue 17 (064): the records that keep a household from moving
GRANT SELECT (township_id, id, household_id) ON eduaid.admission, eduaid.care_record
    TO eduaid_transferer;
GRANT SELECT ON eduaid.township, eduaid.village TO eduaid_transferer;
GRANT UPDATE (township_id, village_id) ON eduaid.household TO eduaid_transferer;
GRANT UPDATE (township_id) ON eduaid.student, eduaid.household_year, eduaid.student_year,
    eduaid.student_subsidy TO eduaid_transferer;
-- A member's transfer (issue 11, 033_member_transfers.sql): the
-- transferer reads whose ID number the records that keep a member from
-- moving name, marks the member's row moved out, and makes its new row
-- (the person's own facts and the link back; never the workflow's or the
-- old per-year columns).
GRANT SELECT (trainee_id_number) ON eduaid.training_enrollment TO eduaid_transferer;
GRANT SELECT (child_id_number) ON eduaid.special_ed_plan TO eduaid_transferer;
GRANT SELECT (student_id) ON eduaid.dropout_case TO eduaid_transferer;
GRANT UPDATE (moved_out_on) ON eduaid.student TO eduaid_transferer;
-- (the household form's member grid shows the day a member moved out:
-- the supervisor reads it as the other logins do)
GRANT SELECT (moved_out_on) ON eduaid.student TO eduaid_supervisor;
GRANT INSERT (township_id, household_id, name, id_number, sex, birth_date, relation,
              disability_type, disability_grade, left_behind, migrant,
              moved_from_household_id, moved_from_id)
    ON eduaid.student TO eduaid_transferer;

------------------------------------------------------------------------
-- Readable by no login: the registry (26_registry.sql), the line numbers
-- of notices (33_notice.sql), the verifiers of pending account requests
-- (27_users.sql). Their owners' functions read them. Nor is the
-- registry's type anyone's but its functions'.
REVOKE ALL ON eduaid.registry, eduaid.notice_line, eduaid.account_request_secret FROM PUBLIC;
REVOKE ALL ON TYPE eduaid.registry_ref FROM PUBLIC;

------------------------------------------------------------------------
-- School pairing (issue 15; docs/design/pairing.md, 046_pairing.sql).
-- Every pairing role reads the pairs it sees (38_policies.sql: a side in
-- its townships; the county for supervisors, auditors and inspectors) and
-- the published criteria; the inspector also the divisions and schools
-- its pages name. Writes by column, never the bookkeeping or workflow
-- columns, never DELETE:
--   clerks and officers  the pair (its people and notes after), a helped
--                        school, the agreement (a draft: the workflow
--                        takes it on), targets, activities, monthly
--                        reports, quarterly records, rectification
--                        responses;
--   the inspector        inspections and rectification notices, insert
--                        only (never changed: eduaid.pair_keep);
--   supervisors          the criteria, evaluations and their scores
--                        (approval: eduaid.pair_evaluation_approve), awards.
-- The admin keeps the schools' new attributes. The cycle, the helped
-- schools' kind and cycle and the early end are the functions' (36).
GRANT SELECT ON eduaid.county, eduaid.township, eduaid.school TO eduaid_inspector;
GRANT INSERT (urban_rural, teaching_point, central_kindergarten, needs_help),
      UPDATE (urban_rural, teaching_point, central_kindergarten, needs_help)
    ON eduaid.school TO eduaid_admin;
GRANT SELECT ON eduaid.pair, eduaid.pair_member, eduaid.pair_agreement, eduaid.pair_target,
    eduaid.pair_activity, eduaid.pair_monthly_report, eduaid.pair_quarterly,
    eduaid.pair_inspection, eduaid.pair_rectification, eduaid.pair_rectification_response,
    eduaid.pair_criterion, eduaid.pair_evaluation, eduaid.pair_evaluation_score,
    eduaid.pair_award
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor, eduaid_inspector;
GRANT INSERT (township_id, helping_township_id, helping_school_id, title, form, help_kind,
              cycle_start, helping_lead, helped_lead, notes)
    ON eduaid.pair TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (title, helping_lead, helped_lead, notes) ON eduaid.pair TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, pair_id, school_id) ON eduaid.pair_member TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, client_uuid, pair_id, signed_on, helping_signatory, helped_signatory,
              goals)
    ON eduaid.pair_agreement TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, pair_id, kind, year, what, due_on, who, quantity),
      UPDATE (what, due_on, who, quantity)
    ON eduaid.pair_target TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, pair_id, kind, held_on, place, people, content),
      UPDATE (kind, held_on, place, people, content)
    ON eduaid.pair_activity TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, pair_id, month, content), UPDATE (content)
    ON eduaid.pair_monthly_report TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, pair_id, year, quarter, kind, held_on, content),
      UPDATE (held_on, content)
    ON eduaid.pair_quarterly TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, pair_id, rectification_id, responded_on, response),
      UPDATE (responded_on, response)
    ON eduaid.pair_rectification_response TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, pair_id, inspected_on, inspectors, findings, verdict, bulletin)
    ON eduaid.pair_inspection TO eduaid_inspector;
GRANT INSERT (township_id, pair_id, inspection_id, issued_on, deadline, demands)
    ON eduaid.pair_rectification TO eduaid_inspector;
GRANT INSERT (year, use, name, max_score), UPDATE (name)
    ON eduaid.pair_criterion TO eduaid_supervisor;
GRANT INSERT (township_id, pair_id, kind, year, quarter, evaluated_on, report, advice),
      UPDATE (evaluated_on, report, advice)
    ON eduaid.pair_evaluation TO eduaid_supervisor;
GRANT INSERT (township_id, pair_id, evaluation_id, criterion_id, score), UPDATE (score)
    ON eduaid.pair_evaluation_score TO eduaid_supervisor;
GRANT INSERT (township_id, pair_id, year, school_id, person_name, title)
    ON eduaid.pair_award TO eduaid_supervisor;
-- issue 15 H1: the agreement is a record (kind 'pairing', 047): its
-- data is edited while the workflow lets clerks and officers
-- (record_guard); a draft is deleted by eduaid.delete_draft, as
-- eduaid_remover.
GRANT UPDATE (signed_on, helping_signatory, helped_signatory, goals)
    ON eduaid.pair_agreement TO eduaid_clerk, eduaid_officer;
GRANT SELECT, DELETE ON eduaid.pair_agreement TO eduaid_remover;
-- (its policies name the caller's pairs)
GRANT EXECUTE ON FUNCTION eduaid.my_pairs() TO eduaid_remover;

------------------------------------------------------------------------
-- issue 17 H1 (preschool; 058_preschool.sql). Clerks and officers open a
-- batch (its review and row count left to the definer functions of
-- 36_m_preschool.sql) and add its rows; every role of the township reads
-- them, supervisors without the full ID numbers and birth dates (their
-- masks instead). No UPDATE or DELETE for anyone: rows are final.
GRANT SELECT ON eduaid.preschool_batch, eduaid.preschool_population
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT SELECT ON eduaid.preschool_enrollment TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT (id, township_id, version, created_by, created_at, updated_by, updated_at,
              batch_id, file_line, kindergarten_id, child_name, child_id_number_masked,
              child_birth_date_masked)
    ON eduaid.preschool_enrollment TO eduaid_supervisor;
GRANT INSERT (township_id, kind, school_year, source, as_of, file_name)
    ON eduaid.preschool_batch TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, batch_id, file_line, village_id, age3, age4, age5)
    ON eduaid.preschool_population TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, batch_id, file_line, kindergarten_id, child_name, child_id_number,
              child_birth_date)
    ON eduaid.preschool_enrollment TO eduaid_clerk, eduaid_officer;
-- end issue 17 H1


-- issue 17 H5 (rural teachers, 062_teachers.sql): the register's post and
-- subject (supervisors read them too); training records and exchanges
-- (no personal column: everyone of the four reads them whole); written by
-- clerks and officers by column, never deleted; the teacher and the
-- sending school of an exchange are not updatable (the guards of
-- 36_m_teachers.sql say so too), its teacher's name is the server's copy.
GRANT SELECT (post, subject) ON eduaid.teacher TO eduaid_supervisor;
GRANT INSERT (post, subject), UPDATE (post, subject)
    ON eduaid.teacher TO eduaid_clerk, eduaid_officer;
GRANT SELECT ON eduaid.teacher_training, eduaid.teacher_exchange, eduaid.teacher_exchange_in
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT INSERT (township_id, teacher_id, programme, level, hours, started_on, ended_on, source,
              notes)
    ON eduaid.teacher_training TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (programme, level, hours, started_on, ended_on, notes)
    ON eduaid.teacher_training TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, teacher_id, from_school_id, to_township_id, to_school_id,
              school_year, term, notes)
    ON eduaid.teacher_exchange TO eduaid_clerk, eduaid_officer;
GRANT UPDATE (to_township_id, to_school_id, school_year, term, notes)
    ON eduaid.teacher_exchange TO eduaid_clerk, eduaid_officer;
-- end issue 17 H5

-- issue 17 H3 (migrant children, canteens): the year a migrant child came
-- (student.arrival_year) is written and read as the member's other facts
-- (supervisors read it: not personal beyond the migrant flag they read);
-- the transferer copies it with the member. The admin keeps whether a
-- school's canteen serves the meal, in the school register.
GRANT SELECT (arrival_year) ON eduaid.student TO eduaid_supervisor;
GRANT INSERT (arrival_year), UPDATE (arrival_year)
    ON eduaid.student TO eduaid_clerk, eduaid_officer;
GRANT SELECT (arrival_year), INSERT (arrival_year) ON eduaid.student TO eduaid_transferer;
GRANT INSERT (canteen, canteen_since), UPDATE (canteen, canteen_since)
    ON eduaid.school TO eduaid_admin;

-- issue 17 H2 (left-behind care, 059_care.sql): clerks, officers and the
-- auditor read whole rows; supervisors every column but the guardian's
-- and volunteer's phones and the counselling notes, of which they read
-- the *_masked twins only (so they can neither read nor name the notes in
-- a WHERE, an ORDER BY or EXPLAIN); clerks and officers write.
GRANT SELECT ON eduaid.care_record, eduaid.care_counselling, eduaid.care_activity,
    eduaid.care_attendance TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT ON eduaid.care_activity, eduaid.care_attendance TO eduaid_supervisor;
GRANT SELECT (id, township_id, version, created_by, created_at, updated_by, updated_at,
              household_id, student_id, guardian_name, guardian_relation,
              guardian_phone_masked, contact_teacher_id, volunteer_name,
              volunteer_phone_masked)
    ON eduaid.care_record TO eduaid_supervisor;
GRANT SELECT (id, township_id, version, created_by, created_at, updated_by, updated_at,
              care_id, session_date, counsellor, counsel_notes_masked)
    ON eduaid.care_counselling TO eduaid_supervisor;
GRANT INSERT (township_id, household_id, student_id, guardian_name, guardian_relation,
              guardian_phone, contact_teacher_id, volunteer_name, volunteer_phone),
      UPDATE (guardian_name, guardian_relation, guardian_phone, contact_teacher_id,
              volunteer_name, volunteer_phone)
    ON eduaid.care_record TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, care_id, session_date, counsellor, counsel_notes)
    ON eduaid.care_counselling TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, school_id, held_on, kind, title), UPDATE (title)
    ON eduaid.care_activity TO eduaid_clerk, eduaid_officer;
GRANT INSERT (township_id, activity_id, care_id, present), UPDATE (present)
    ON eduaid.care_attendance TO eduaid_clerk, eduaid_officer;
-- end issue 17 H2


-- issue 17 H6 (reports as submitted): the township's users, supervisors
-- and auditors read snapshots (38_policies.sql says which); officers and
-- supervisors freeze one by an INSERT of what to freeze -- never its rows,
-- hash, who or when, which the server writes (36_m_snapshots.sql). No
-- UPDATE or DELETE for anyone. (The supervisors' INSERT is allowed by name
-- in the checks above.)
GRANT SELECT ON eduaid.report_snapshot
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT INSERT (report, year, township_id, submitted_on, note) ON eduaid.report_snapshot
    TO eduaid_officer, eduaid_supervisor;
-- end issue 17 H6

------------------------------------------------------------------------
-- issue 17 H4: 定向招生专项计划 (061_admission.sql). The application holds
-- no personal column (the student's ID number stays in eduaid.student):
-- every reader reads it whole. Clerks and officers write its data, never
-- its keys (township, student, client_uuid), the household and poverty
-- status the server fills, or the workflow columns; a draft is deleted
-- by eduaid.delete_draft, as eduaid_remover. The outcome: officers record
-- and correct it (admitted, college), never move it to another
-- application; supervisors and auditors read it.
GRANT SELECT ON eduaid.admission, eduaid.admission_outcome
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT INSERT (township_id, client_uuid, student_id, exam_year, plan, school_id, hukou_years,
              school_years, notes),
      UPDATE (exam_year, plan, school_id, hukou_years, school_years, notes)
    ON eduaid.admission TO eduaid_clerk, eduaid_officer;
GRANT SELECT, DELETE ON eduaid.admission TO eduaid_remover;
GRANT INSERT (township_id, admission_id, admitted, college), UPDATE (admitted, college)
    ON eduaid.admission_outcome TO eduaid_officer;

------------------------------------------------------------------------
-- The checks (as the superuser who migrates: RESET ROLE by sql/migrate.sh).
DO $$
BEGIN
    -- Supervisors write nothing but their own roster staging, the
    -- county's evaluation of the pairs (issue 15) and the reports they
    -- freeze (issue 17 H6: an INSERT the server fills).
    IF EXISTS (SELECT FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) p
                WHERE c.relnamespace = 'eduaid'::regnamespace
                  AND c.relname NOT IN ('roster_import', 'roster_row', 'pair_criterion',
                                        'pair_evaluation', 'pair_evaluation_score', 'pair_award',
                                        'report_snapshot' /* issue 17 H6 */)
                  AND p.grantee = 'eduaid_supervisor'::regrole
                  AND p.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'))
       OR EXISTS (SELECT FROM pg_catalog.pg_class c
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
                                                   AND NOT a.attisdropped,
                         pg_catalog.aclexplode(a.attacl) p
                   WHERE c.relnamespace = 'eduaid'::regnamespace
                     AND c.relname NOT IN ('roster_import', 'roster_row', 'pair_criterion',
                                           'pair_evaluation', 'pair_evaluation_score',
                                           'pair_award', 'report_snapshot' /* issue 17 H6 */)
                     AND p.grantee = 'eduaid_supervisor'::regrole
                     AND p.privilege_type IN ('INSERT', 'UPDATE')) THEN
        RAISE EXCEPTION 'eduaid_supervisor holds a write privilege in schema eduaid';
    END IF;
    -- No group role, not PUBLIC, and so no login can take a strong lock.
    IF EXISTS (SELECT FROM pg_catalog.pg_class c
                CROSS JOIN pg_catalog.pg_roles r
                WHERE c.relnamespace = 'eduaid'::regnamespace
                  AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND (r.rolcanlogin AND NOT r.rolsuper
                       OR r.rolname IN ('eduaid_clerk', 'eduaid_officer', 'eduaid_supervisor',
                                        'eduaid_admin', 'eduaid_auditor', 'eduaid_inspector'))
                  AND pg_catalog.has_table_privilege(r.oid, c.oid, 'UPDATE, DELETE, TRUNCATE'))
       OR EXISTS (SELECT FROM pg_catalog.pg_class c, pg_catalog.aclexplode(c.relacl) p
                   WHERE c.relnamespace = 'eduaid'::regnamespace AND p.grantee = 0
                     AND p.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')) THEN
        RAISE EXCEPTION 'a login holds table-level UPDATE, DELETE or TRUNCATE in schema eduaid';
    END IF;
    -- No login touches the migration lock.
    IF EXISTS (SELECT FROM pg_catalog.pg_roles r
                WHERE r.rolcanlogin AND NOT r.rolsuper
                  AND (pg_catalog.has_table_privilege(r.oid, 'eduaid.schema_version',
                           'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
                       OR pg_catalog.pg_has_role(r.oid, 'eduaid_owner', 'MEMBER'))) THEN
        RAISE EXCEPTION 'a login holds a privilege on eduaid.schema_version (the migration lock)';
    END IF;
END
$$;
