-- tests/db/03_workflow.sql: draft -> submitted -> verified -> approved, as
-- the people who do it: the happy path for every record kind; every route
-- by which a clerk might reach verified or approved, closed; invalid
-- transitions; reasons; four-eyes (creators, editors, member editors,
-- verifiers); approved records read-only until reopened; versions; unknown
-- kinds; records of other townships; deletes.
--
-- People: demo_clerk and clerk_100 (clerks of 城关镇 420325100), demo_officer
-- and officer_100 (officers of 城关镇), demo_clerk2 (土城镇 420325103),
-- demo_supervisor and demo_supervisor2 (county).
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(150);

-- ==== the happy path ========================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_a', 420325100), fx_student('st_a', 'hh_a') \gset
SELECT is((SELECT version FROM eduaid.household WHERE id = fx('hh_a')), 2,
    'a new household is version 1, and adding a member made it 2');
SELECT is(eduaid.submit('household', fx('hh_a')), 3, 'demo_clerk submits his draft: version 3');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.verify('household', fx('hh_a'), 3), 4,
    'demo_officer verifies it with the version he read: version 4');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.approve('household', fx('hh_a'), 4), 5, 'demo_supervisor approves it: version 5');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status, version, created_by, submitted_by, verified_by, approved_by, editors,
             submitted_at IS NOT NULL AND verified_at IS NOT NULL AND approved_at IS NOT NULL
        FROM eduaid.household WHERE id = fx('hh_a')$$,
    $$VALUES ('approved', 5, 'demo_clerk', 'demo_clerk', 'demo_officer', 'demo_supervisor',
              '{demo_clerk}'::text[], true)$$,
    'the approved household records who submitted, verified and approved it, and when');

-- The same path for the other three kinds.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_b', 420325100), fx_training('tr_b', 'hh_b'),
       fx_special_ed('se_b', 'hh_b'), fx_teacher('t_b', 420325100), fx_fund('f_b', 't_b') \gset
SELECT is(eduaid.submit('training', fx('tr_b')), 2, 'training enrollment submitted');
SELECT is(eduaid.submit('special_ed', fx('se_b')), 2, 'special-ed plan submitted');
SELECT is(eduaid.submit('teacher_fund', fx('f_b')), 2, 'teacher fund application submitted');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.verify('training', fx('tr_b')), 3, 'training enrollment verified');
SELECT is(eduaid.verify('special_ed', fx('se_b')), 3, 'special-ed plan verified');
SELECT is(eduaid.verify('teacher_fund', fx('f_b')), 3, 'teacher fund application verified');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT is(eduaid.approve('training', fx('tr_b')), 4, 'training enrollment approved');
SELECT is(eduaid.approve('special_ed', fx('se_b')), 4, 'special-ed plan approved');
SELECT is(eduaid.approve('teacher_fund', fx('f_b')), 4, 'teacher fund application approved');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT (SELECT status || '/' || approved_by FROM eduaid.training_enrollment WHERE id = fx('tr_b')),
             (SELECT status || '/' || approved_by FROM eduaid.special_ed_plan WHERE id = fx('se_b')),
             (SELECT status || '/' || approved_by FROM eduaid.teacher_fund_application WHERE id = fx('f_b'))$$,
    $$VALUES ('approved/demo_supervisor2', 'approved/demo_supervisor2', 'approved/demo_supervisor2')$$,
    'all three are approved by demo_supervisor2');

-- ==== no route to verified or approved for a clerk ==========================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_c', 420325100) \gset
SELECT is(eduaid.submit('household', fx('hh_c')), 2, 'hh_c submitted by demo_clerk');
SELECT throws_ok($$UPDATE eduaid.household SET status = 'verified' WHERE id = fx('hh_c')$$,
    '42501', 'permission denied for table household',
    'clerk: UPDATE of status is refused by column privilege');
SELECT throws_ok($$UPDATE eduaid.household SET status = 'approved', approved_by = 'demo_supervisor'
                   WHERE id = fx('hh_c')$$,
    '42501', 'permission denied for table household',
    'clerk: UPDATE of status and approved_by is refused');
SELECT throws_ok($$UPDATE eduaid.household SET editors = '{}' WHERE id = fx('hh_c')$$,
    '42501', 'permission denied for table household',
    'clerk: UPDATE of editors (to dodge four-eyes) is refused');
SELECT throws_ok($$UPDATE eduaid.household SET version = 99 WHERE id = fx('hh_c')$$,
    '42501', 'permission denied for table household', 'clerk: UPDATE of version is refused');
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_c'))$$, 'EA004', NULL,
    'clerk: eduaid.verify is refused (EA004)');
SELECT throws_ok($$SELECT eduaid.approve('household', fx('hh_c'))$$, 'EA004', NULL,
    'clerk: eduaid.approve is refused (EA004)');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_c'), '退回')$$, 'EA004', NULL,
    'clerk: eduaid.reject is refused (EA004)');
SELECT throws_ok($$SET ROLE eduaid_officer$$, '42501',
    'permission denied to set role "eduaid_officer"', 'clerk: SET ROLE eduaid_officer is refused');
SELECT throws_ok($$SET ROLE eduaid_supervisor$$, '42501',
    'permission denied to set role "eduaid_supervisor"', 'clerk: SET ROLE eduaid_supervisor is refused');
SELECT throws_ok($$SET ROLE eduaid_owner$$, '42501',
    'permission denied to set role "eduaid_owner"', 'clerk: SET ROLE eduaid_owner is refused');
SELECT throws_ok($$SET ROLE eduaid_audit_owner$$, '42501',
    'permission denied to set role "eduaid_audit_owner"', 'clerk: SET ROLE eduaid_audit_owner is refused');
SELECT throws_ok($$SET ROLE eduaid_usermgr$$, '42501',
    'permission denied to set role "eduaid_usermgr"', 'clerk: SET ROLE eduaid_usermgr is refused');
SELECT throws_ok($$SELECT eduaid.transition('verify', 'household', fx('hh_c'), NULL, NULL)$$,
    '42501', 'permission denied for function transition',
    'clerk: calling eduaid.transition directly is refused');
SELECT throws_ok($$SELECT eduaid.transition('approve', 'household', fx('hh_c'), NULL, NULL)$$,
    '42501', 'permission denied for function transition',
    'clerk: eduaid.transition(''approve'') directly is refused');
SELECT throws_ok(
    $$INSERT INTO eduaid.household (township_id, household_no, village_id, head_name, head_id_number,
                                    registered_year, family_size, status)
      VALUES (420325100, 'TEST-FORGED-1', 420325100001, '伪造', fx_new_idno('1960-02-02'), 2016, 3,
              'approved')$$,
    '42501', 'permission denied for table household',
    'clerk: INSERT with status = approved is refused');
SELECT throws_ok(
    $$INSERT INTO eduaid.household (township_id, household_no, village_id, head_name, head_id_number,
                                    registered_year, family_size, verified_by, approved_by)
      VALUES (420325100, 'TEST-FORGED-2', 420325100001, '伪造', fx_new_idno('1960-02-03'), 2016, 3,
              'demo_officer', 'demo_supervisor')$$,
    '42501', 'permission denied for table household',
    'clerk: INSERT with verified_by/approved_by is refused');
SELECT throws_ok(
    $$INSERT INTO eduaid.household (township_id, household_no, village_id, head_name, head_id_number,
                                    registered_year, family_size, created_by, editors)
      VALUES (420325100, 'TEST-FORGED-3', 420325100001, '伪造', fx_new_idno('1960-02-04'), 2016, 3,
              'officer_100', '{officer_100}')$$,
    '42501', 'permission denied for table household',
    'clerk: INSERT naming another creator (to verify it himself later) is refused');
SELECT is(current_user::text, 'demo_clerk', 'the clerk is still only himself');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.approve('household', fx('hh_c'))$$, 'EA004', NULL,
    'officer: eduaid.approve is refused (EA004)');
SELECT throws_ok($$SET ROLE eduaid_supervisor$$, '42501',
    'permission denied to set role "eduaid_supervisor"', 'officer: SET ROLE eduaid_supervisor is refused');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_c'))$$, 'EA004', NULL,
    'supervisor: eduaid.verify is refused (EA004)');
SELECT throws_ok($$SELECT eduaid.submit('household', fx('hh_c'))$$, 'EA004', NULL,
    'supervisor: eduaid.submit is refused (EA004)');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$SELECT eduaid.approve('household', fx('hh_c'))$$, '42501',
    'permission denied for function approve', 'auditor: eduaid.approve is not even executable');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_c'))$$, '42501',
    'permission denied for function verify', 'admin: eduaid.verify is not even executable');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status, verified_by, approved_by, version FROM eduaid.household WHERE id = fx('hh_c')$$,
    $$VALUES ('submitted', NULL::text, NULL::text, 2)$$,
    'after all that, hh_c is still submitted, unverified, at version 2');
SELECT is_empty($$SELECT 1 FROM eduaid.household WHERE household_no LIKE 'TEST-FORGED-%'$$,
    'no forged record was created');

-- ==== invalid transitions (EA001) ===========================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_d', 420325100) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.approve('household', fx('hh_d'))$$, 'EA001', NULL,
    'approving a draft is EA001');
SELECT throws_ok($$SELECT eduaid.approve('household', fx('hh_c'))$$, 'EA001', NULL,
    'approving a submitted (unverified) record is EA001');
SELECT throws_ok($$SELECT eduaid.approve('household', fx('hh_a'))$$, 'EA001', NULL,
    'approving an approved record again is EA001');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_c'), '资料不全')$$, 'EA001', NULL,
    'a supervisor rejecting a submitted (not yet verified) record is EA001');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_d'))$$, 'EA001', NULL,
    'verifying a draft is EA001');
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_a'))$$, 'EA001', NULL,
    'verifying an approved record is EA001');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_a'), '重新核查')$$, 'EA001', NULL,
    'an officer rejecting an approved record is EA001');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.submit('household', fx('hh_a'))$$, 'EA001', NULL,
    'submitting an approved record is EA001');
SELECT throws_ok($$SELECT eduaid.submit('household', fx('hh_c'))$$, 'EA001', NULL,
    'submitting a submitted record again is EA001');
SELECT throws_ok($$SELECT eduaid.reopen('household', fx('hh_d'), '修改')$$, 'EA001', NULL,
    'reopening a draft is EA001');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status FROM eduaid.household WHERE id IN (fx('hh_a'), fx('hh_c'), fx('hh_d')) ORDER BY id$$,
    $$VALUES ('approved'), ('submitted'), ('draft')$$,
    'the refused transitions changed no status');

-- ==== reasons (EA003) =======================================================
-- (Blank reasons other than ASCII spaces are tried on records of their own,
-- so that if one is wrongly accepted the rest of the file is unaffected.)
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_ws1', 420325100), fx_household('hh_ws2', 420325100) \gset
SELECT eduaid.submit('household', fx('hh_ws1')), eduaid.submit('household', fx('hh_ws2')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_ws1'), E'\t\n')$$, 'EA003', NULL,
    'reject with a reason of tabs and newlines is EA003');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_ws2'), E'\u3000\u3000')$$, 'EA003', NULL,
    'reject with a reason of ideographic (full-width, U+3000) spaces is EA003');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_c'), NULL)$$, 'EA003', NULL,
    'reject with a NULL reason is EA003');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_c'), '')$$, 'EA003', NULL,
    'reject with an empty reason is EA003');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_c'), '   ')$$, 'EA003', NULL,
    'reject with a reason of spaces is EA003');
SELECT is(eduaid.reject('household', fx('hh_c'), '  户主身份证号与名册不符  '), 3,
    'demo_officer rejects hh_c with a reason: version 3');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status, reason, rejected_by FROM eduaid.household WHERE id = fx('hh_c')$$,
    $$VALUES ('rejected', '户主身份证号与名册不符', 'demo_officer')$$,
    'the rejection is recorded with its reason (trimmed) and who rejected');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(fx_rowcount($$UPDATE eduaid.household SET head_name = '更正户主' WHERE id = fx('hh_c')$$), 1,
    'the author edits the rejected record');
SELECT is(eduaid.submit('household', fx('hh_c')), 5, 'and submits it again: version 5');
SELECT throws_ok($$SELECT eduaid.reopen('household', fx('hh_a'), NULL)$$, 'EA003', NULL,
    'reopen with a NULL reason is EA003');
SELECT throws_ok($$SELECT eduaid.reopen('household', fx('hh_a'), '')$$, 'EA003', NULL,
    'reopen with an empty reason is EA003');
SELECT throws_ok($$SELECT eduaid.reopen('household', fx('hh_a'), '   ')$$, 'EA003', NULL,
    'reopen with a reason of spaces is EA003');
SET SESSION AUTHORIZATION officer_100;
SELECT is(eduaid.verify('household', fx('hh_c')), 6, 'officer_100 verifies the corrected hh_c');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_c'), ' ')$$, 'EA003', NULL,
    'a supervisor''s reject needs a reason too (EA003)');
RESET SESSION AUTHORIZATION;

-- ==== four-eyes (EA002) =====================================================
-- Creator: officer_100 creates, demo_clerk edits and submits.
SET SESSION AUTHORIZATION officer_100;
SELECT fx_household('hh_f', 420325100) \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(fx_rowcount($$UPDATE eduaid.household SET family_size = 5 WHERE id = fx('hh_f')$$), 1,
    'demo_clerk edits officer_100''s draft');
SELECT is((SELECT editors FROM eduaid.household WHERE id = fx('hh_f')), '{officer_100,demo_clerk}'::text[],
    'editors lists the creator and the editor');
SELECT is(eduaid.submit('household', fx('hh_f')), 3, 'demo_clerk submits hh_f');
SET SESSION AUTHORIZATION officer_100;
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_f'))$$, 'EA002', NULL,
    'the creator (officer_100) cannot verify (EA002)');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_f'), '退回')$$, 'EA002', NULL,
    'the creator cannot reject it either (EA002)');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.verify('household', fx('hh_f')), 4, 'demo_officer (neither creator nor editor) verifies');

-- Editor: demo_officer edits a submitted record. Supervisors do not edit
-- (they return records with a reason); an editor who has since become a
-- supervisor still may not approve.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_g', 420325100) \gset
SELECT is(eduaid.submit('household', fx('hh_g')), 2, 'demo_clerk submits hh_g');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(fx_rowcount($$UPDATE eduaid.household SET family_size = 6 WHERE id = fx('hh_g')$$), 1,
    'demo_officer corrects the submitted hh_g (officers may edit submitted records)');
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_g'))$$, 'EA002', NULL,
    'the officer who edited it cannot verify it (EA002)');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_g'), '退回')$$, 'EA002', NULL,
    'nor reject it (EA002)');
SET SESSION AUTHORIZATION officer_100;
SELECT is(eduaid.verify('household', fx('hh_g')), 4, 'officer_100 verifies hh_g');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$UPDATE eduaid.household SET family_size = 7 WHERE id = fx('hh_g')$$, '42501', NULL,
    'demo_supervisor cannot correct the verified hh_g: supervisors do not edit (42501)');
RESET SESSION AUTHORIZATION;
UPDATE eduaid.app_user SET role = 'supervisor' WHERE login = 'demo_officer';
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.approve('household', fx('hh_g'))$$, 'EA002', NULL,
    'demo_officer, who edited hh_g and is now a supervisor, cannot approve it (EA002)');
SELECT throws_ok($$SELECT eduaid.reject('household', fx('hh_g'), '不符')$$, 'EA002', NULL,
    'nor reject it (EA002)');
RESET SESSION AUTHORIZATION;
UPDATE eduaid.app_user SET role = 'officer' WHERE login = 'demo_officer';
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT is(eduaid.approve('household', fx('hh_g')), 5, 'another supervisor (demo_supervisor2) approves it');

-- Members: editing a student makes the editor an editor of the household.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_h', 420325100), fx_student('st_h', 'hh_h') \gset
SELECT is(eduaid.submit('household', fx('hh_h')), 3, 'demo_clerk submits hh_h with its member');
SET SESSION AUTHORIZATION demo_officer;
SELECT is(fx_rowcount($$UPDATE eduaid.student SET relation = 'grandchild' WHERE id = fx('st_h')$$), 1,
    'demo_officer corrects the member''s relation');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT h.version, h.editors, s.version FROM eduaid.household h
        JOIN eduaid.student s ON s.household_id = h.id WHERE h.id = fx('hh_h')$$,
    $$VALUES (4, '{demo_clerk,demo_officer}'::text[], 2)$$,
    'the member edit bumped the household''s version by one and added demo_officer to its editors');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_h'))$$, 'EA002', NULL,
    'the officer who edited a member cannot verify the household (EA002)');
SET SESSION AUTHORIZATION officer_100;
SELECT is(eduaid.verify('household', fx('hh_h')), 5, 'officer_100 verifies hh_h');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$UPDATE eduaid.student SET left_behind = true WHERE id = fx('st_h')$$, '42501', NULL,
    'demo_supervisor cannot correct a member of the verified household either (42501)');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT h.version, h.editors, h.status FROM eduaid.household h WHERE h.id = fx('hh_h')$$,
    $$VALUES (5, '{demo_clerk,demo_officer}'::text[], 'verified'::text)$$,
    'the refused edit left hh_h as officer_100 verified it');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT is(eduaid.approve('household', fx('hh_h')), 6, 'demo_supervisor2 approves hh_h');

-- Verifier: officer_100 verifies hh_i, then becomes a county supervisor.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_i', 420325100) \gset
SELECT is(eduaid.submit('household', fx('hh_i')), 2, 'demo_clerk submits hh_i');
SET SESSION AUTHORIZATION officer_100;
SELECT is(eduaid.verify('household', fx('hh_i')), 3, 'officer_100 verifies hh_i');
RESET SESSION AUTHORIZATION;
UPDATE eduaid.app_user SET role = 'supervisor' WHERE login = 'officer_100';
SET SESSION AUTHORIZATION officer_100;
SELECT is(eduaid.my_role(), 'supervisor', 'officer_100 is now a supervisor');
SELECT throws_ok($$SELECT eduaid.approve('household', fx('hh_i'))$$, 'EA002', NULL,
    'the verifier cannot approve what he verified (EA002)');
RESET SESSION AUTHORIZATION;
UPDATE eduaid.app_user SET role = 'officer' WHERE login = 'officer_100';
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.approve('household', fx('hh_i')), 4, 'demo_supervisor approves hh_i');

-- ==== who may edit in which state ===========================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_student('st_d', 'hh_d') \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$UPDATE eduaid.household SET family_size = 2 WHERE id = fx('hh_d')$$, '42501', NULL,
    'a supervisor cannot edit a draft (42501: no UPDATE privilege at all)');
SELECT throws_ok($$UPDATE eduaid.student SET relation = 'grandchild' WHERE id = fx('st_d')$$, '42501', NULL,
    'a supervisor cannot edit a member of a draft household (42501)');
SET SESSION AUTHORIZATION demo_officer;
SELECT fx_household('hh_v', 420325100) \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(eduaid.submit('household', fx('hh_v')), 2, 'demo_clerk submits demo_officer''s hh_v');
SELECT throws_ok($$UPDATE eduaid.household SET family_size = 2 WHERE id = fx('hh_v')$$, 'EA004', NULL,
    'a clerk cannot edit a submitted record (EA004)');
SELECT throws_ok($$SELECT fx_student('st_v', 'hh_v')$$, 'EA004', NULL,
    'a clerk cannot add a member to a submitted household (EA004)');
SET SESSION AUTHORIZATION officer_100;
SELECT is(eduaid.verify('household', fx('hh_v')), 3, 'officer_100 verifies hh_v');
SELECT throws_ok($$UPDATE eduaid.household SET family_size = 2 WHERE id = fx('hh_v')$$, 'EA004', NULL,
    'an officer cannot edit a verified record (EA004)');

-- ==== approved records are read-only until reopened ========================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$UPDATE eduaid.household SET head_name = '改' WHERE id = fx('hh_a')$$, 'EA006', NULL,
    'clerk: UPDATE of an approved household is EA006');
SELECT throws_ok($$UPDATE eduaid.student SET relation = 'grandchild' WHERE id = fx('st_a')$$, 'EA006', NULL,
    'clerk: editing a member of an approved household is EA006');
SELECT throws_ok($$SELECT fx_student('st_a2', 'hh_a')$$, 'EA006', NULL,
    'clerk: adding a member to an approved household is EA006');
-- A grant is a member of the household's record of its school year
-- (026_school_years.sql), not of the register entry: approving the entry
-- leaves the year open (its own locks: tests/db/28_school_years.sql).
SELECT lives_ok($$SELECT fx_subsidy('sub_a', 'st_a')$$,
    'clerk: a subsidy of an approved household''s member goes to its school year''s record, a draft');
SELECT throws_ok($$SELECT eduaid.delete_member('student', fx('hh_a'), fx('st_a'))$$, 'EA006', NULL,
    'clerk: deleting a member of an approved household is EA006');
SELECT throws_ok($$UPDATE eduaid.training_enrollment SET hours_attended = 60 WHERE id = fx('tr_b')$$,
    'EA006', NULL, 'clerk: UPDATE of an approved training enrollment is EA006');
SELECT throws_ok($$UPDATE eduaid.teacher_fund_application SET amount_requested = 9000 WHERE id = fx('f_b')$$,
    'EA006', NULL, 'clerk: UPDATE of an approved fund application is EA006');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$UPDATE eduaid.household SET head_name = '改' WHERE id = fx('hh_a')$$, 'EA006', NULL,
    'officer: UPDATE of an approved household is EA006');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT throws_ok($$UPDATE eduaid.household SET head_name = '改' WHERE id = fx('hh_a')$$, '42501', NULL,
    'supervisor: UPDATE of an approved household is refused (42501: supervisors do not edit)');
SELECT throws_ok($$UPDATE eduaid.teacher_fund_application SET amount_approved = 100 WHERE id = fx('f_b')$$,
    '42501', NULL, 'supervisor: changing the approved amount of an approved application is refused (42501)');
-- Members are guarded per statement: every statement form that writes a
-- member must still reach the household's guard.
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$MERGE INTO eduaid.student s USING (SELECT fx('st_a') AS id) v ON s.id = v.id
                   WHEN MATCHED THEN UPDATE SET relation = 'grandchild'$$, 'EA006', NULL,
    'clerk: MERGE ... UPDATE of a member of an approved household is EA006');
SELECT throws_ok($$MERGE INTO eduaid.student s USING (SELECT fx('st_a') AS id) v ON s.id = v.id
                   WHEN MATCHED THEN DELETE$$, '42501', NULL,
    'clerk: MERGE ... DELETE of a member is refused outright (no DELETE privilege, 020_locks.sql)');
SELECT throws_ok($$MERGE INTO eduaid.student s USING (SELECT 1) v ON false
                   WHEN NOT MATCHED THEN INSERT (township_id, household_id, name, id_number, sex, birth_date)
                   VALUES (420325100, fx('hh_a'), '合并', fx_new_idno('2015-01-01', 'M'), 'M', '2015-01-01')$$,
    'EA006', NULL, 'clerk: MERGE ... INSERT of a member into an approved household is EA006');
SELECT throws_ok($$INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
                   SELECT township_id, household_id, name, id_number, sex, birth_date
                     FROM eduaid.student WHERE id = fx('st_a')
                   ON CONFLICT (id_number) DO UPDATE SET relation = 'grandchild'$$, '42P10', NULL,
    'clerk: INSERT ... ON CONFLICT (id_number) DO UPDATE of a member of an approved household finds no unique key on ID numbers (42P10: the county-wide rule is the registry of 017_registry.sql, no index)');
SELECT throws_ok($$INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
                   SELECT township_id, household_id, name, id_number, sex, birth_date
                     FROM eduaid.student WHERE id = fx('st_a')
                   ON CONFLICT (township_id, household_id, id_number) DO UPDATE SET relation = 'grandchild'$$, 'EA006', NULL,
    'clerk: INSERT ... ON CONFLICT (township_id, household_id, id_number) DO UPDATE of a member of an approved household is EA006');
SELECT throws_ok($$WITH u AS (UPDATE eduaid.student SET relation = 'grandchild' WHERE id = fx('st_a') RETURNING id)
                   SELECT count(*) FROM u$$, 'EA006', NULL,
    'clerk: an UPDATE of a member inside a WITH is EA006');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT h.head_name, h.version, s.relation, (SELECT count(*)::int FROM eduaid.student x
                                              WHERE x.household_id = h.id)
        FROM eduaid.household h JOIN eduaid.student s ON s.household_id = h.id
       WHERE h.id = fx('hh_a')$$,
    $$VALUES ('测试户主', 5, 'child', 1)$$,
    'the approved household and its member are unchanged');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(eduaid.reopen('household', fx('hh_a'), ' 补录新生 '), 6,
    'demo_clerk reopens the approved household with a reason: version 6');
SELECT results_eq(
    $$SELECT status, reason, approved_by, approved_at IS NOT NULL FROM eduaid.household WHERE id = fx('hh_a')$$,
    $$VALUES ('draft', '补录新生', 'demo_supervisor', true)$$,
    'it is a draft again, with the reason, and still says who approved it before');
SELECT is(fx_rowcount($$UPDATE eduaid.student SET relation = 'grandchild' WHERE id = fx('st_a')$$), 1,
    'once reopened, its member can be edited');
SELECT is((SELECT version FROM eduaid.household WHERE id = fx('hh_a')), 7,
    'and that edit made it version 7');
SELECT throws_ok($$SELECT eduaid.delete_draft('household', fx('hh_a'), (SELECT version FROM eduaid.household WHERE id = fx('hh_a')))$$, 'EA006', NULL,
    'a reopened draft that was once approved cannot be deleted (EA006)');

-- ==== versions (EA007) ======================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_j', 420325100) \gset
SELECT is(fx_rowcount($$UPDATE eduaid.household SET phone = '13800000001' WHERE id = fx('hh_j')$$), 1,
    'edit hh_j once');
SELECT is(fx_rowcount($$UPDATE eduaid.household SET phone = '13800000002' WHERE id = fx('hh_j')$$), 1,
    'and twice');
SELECT is((SELECT version FROM eduaid.household WHERE id = fx('hh_j')), 3,
    'version went 1 -> 2 -> 3, one per change');
SELECT throws_ok($$SELECT eduaid.submit('household', fx('hh_j'), 2)$$, 'EA007', NULL,
    'submit with a stale expected_version is EA007');
SELECT is(eduaid.submit('household', fx('hh_j'), 3), 4, 'submit with the current version works: 4');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_j'), 3)$$, 'EA007', NULL,
    'verify with a stale expected_version is EA007');
SELECT is((SELECT status FROM eduaid.household WHERE id = fx('hh_j')), 'submitted',
    'the stale verify changed nothing');

-- ==== unknown kinds (EA010) and invisible records (EA005) ===================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.submit('bogus', fx('hh_d'))$$, 'EA010', NULL,
    'an unknown record kind is EA010');
SELECT throws_ok($$SELECT eduaid.submit('households', fx('hh_d'))$$, 'EA010', NULL,
    'a table name is not a kind either (EA010)');
SELECT throws_ok($$SELECT eduaid.submit(NULL, fx('hh_d'))$$, 'EA010', NULL,
    'a NULL kind is EA010');
SELECT throws_ok($$SELECT eduaid.submit('household', -1)$$, 'EA005', NULL,
    'a record that does not exist is EA005');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('hh_tc', 420325103) \gset
SELECT is(eduaid.submit('household', fx('hh_tc')), 2, 'demo_clerk2 submits a 土城镇 household');
SELECT throws_ok($$SELECT eduaid.submit('household', fx('hh_d'))$$, 'EA005', NULL,
    'demo_clerk2 submitting a 城关镇 draft is EA005 (not found)');
SELECT throws_ok($$SELECT eduaid.reopen('household', fx('hh_g'), '越权')$$, 'EA005', NULL,
    'demo_clerk2 reopening a 城关镇 approved record is EA005');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_tc'))$$, 'EA005', NULL,
    'demo_officer (城关镇) verifying a 土城镇 record is EA005');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT status FROM eduaid.household WHERE id IN (fx('hh_d'), fx('hh_g'), fx('hh_tc')) ORDER BY id$$,
    $$VALUES ('draft'), ('approved'), ('submitted')$$,
    'the refused calls on other townships'' records changed nothing');

-- ==== deletes ===============================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.delete_draft('household', fx('hh_j'), (SELECT version FROM eduaid.household WHERE id = fx('hh_j')))$$, 'EA006', NULL,
    'a clerk cannot delete a submitted record (EA006)');
SELECT throws_ok($$SELECT eduaid.delete_draft('household', fx('hh_g'), (SELECT version FROM eduaid.household WHERE id = fx('hh_g')))$$, 'EA006', NULL,
    'a clerk cannot delete an approved record (EA006)');
SELECT throws_ok($$SELECT eduaid.delete_draft('training', fx('tr_b'), (SELECT version FROM eduaid.training_enrollment WHERE id = fx('tr_b')))$$, 'EA006', NULL,
    'a clerk cannot delete an approved training enrollment (EA006)');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$SELECT eduaid.delete_draft('household', fx('hh_j'), (SELECT version FROM eduaid.household WHERE id = fx('hh_j')))$$, 'EA006', NULL,
    'an officer cannot delete a submitted record (EA006)');
SELECT is(eduaid.reject('household', fx('hh_j'), '缺少材料'), 5, 'demo_officer rejects hh_j');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.delete_draft('household', fx('hh_j'), (SELECT version FROM eduaid.household WHERE id = fx('hh_j')))$$, 'EA006', NULL,
    'a clerk cannot delete a rejected record (EA006)');
SELECT fx_household('hh_k', 420325100), fx_student('st_k', 'hh_k'), fx_subsidy('sub_k', 'st_k') \gset
SELECT lives_ok($$SELECT eduaid.delete_draft('household', fx('hh_k'), (SELECT version FROM eduaid.household WHERE id = fx('hh_k')))$$,
    'a clerk deletes a draft that was never approved (eduaid.delete_draft)');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT (SELECT count(*)::int FROM eduaid.household WHERE id = fx('hh_k')),
             (SELECT count(*)::int FROM eduaid.student WHERE id = fx('st_k')),
             (SELECT count(*)::int FROM eduaid.student_subsidy WHERE id = fx('sub_k')),
             (SELECT count(*)::int FROM eduaid.household WHERE id IN (fx('hh_j'), fx('hh_g')))$$,
    $$VALUES (0, 0, 0, 2)$$,
    'the draft went with its members and subsidies; the refused deletes left their records');

SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.reopen('training', fx('tr_b'), E'\u3000')$$, 'EA003', NULL,
    'reopen with a reason of one ideographic space is EA003');
RESET SESSION AUTHORIZATION;

-- ==== the teacher behind a fund application ===============================
-- The teacher register stays editable; the approved application keeps the
-- copy it was approved with (sql/021_record_facts.sql, which replaced the
-- identity freeze of eduaid.teacher_guard; tests/db/21_record_facts.sql).
SET SESSION AUTHORIZATION demo_clerk;
SELECT lives_ok(
    $$UPDATE eduaid.teacher SET name = '另一人', id_number = fx_idno('65900119880808091'),
                                birth_date = '1988-08-08'
       WHERE id = fx('t_b')$$,
    'a clerk may change the name and ID number of a teacher whose fund application is approved');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
