-- tests/db/04_audit.sql: the audit trail. Every INSERT, UPDATE, DELETE and
-- transition writes one row (actor = the session user, kind, action,
-- record, reason, old/new jsonb) in the same transaction; nobody can forge,
-- change or remove rows; clerks read their townships' history only;
-- supervisors read masked rows only; the auditor reads everything.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(63);

-- The audit rows of one fixture record (kind, record id).
CREATE FUNCTION public.fx_history(k text, key text)
RETURNS TABLE (table_name text, action text, actor text, reason text)
LANGUAGE sql STABLE AS $$
    SELECT a.table_name, a.action, a.actor, a.reason FROM eduaid.audit_log a
     WHERE a.kind = k AND a.record_id = public.fx(key) ORDER BY a.id
$$;

-- ==== one household's whole life ===========================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_a', 420325100) \gset
SELECT fx_rowcount($$UPDATE eduaid.household SET head_name = '改名户主' WHERE id = fx('hh_a')$$) \gset
SELECT fx_student('st_a', 'hh_a'), eduaid.submit('household', fx('hh_a')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.reject('household', fx('hh_a'), '缺少户籍证明') \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_rowcount($$UPDATE eduaid.household SET family_size = 5 WHERE id = fx('hh_a')$$) \gset
SELECT eduaid.submit('household', fx('hh_a')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household', fx('hh_a')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household', fx('hh_a')) \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$UPDATE eduaid.household SET head_name = '非法修改' WHERE id = fx('hh_a')$$, 'EA006', NULL,
    'the approved household refuses an edit (and so writes no audit row, below)');
SELECT eduaid.reopen('household', fx('hh_a'), '学生转学') \gset
SELECT eduaid.delete_member('student', fx('hh_a'), fx('st_a')) \gset
RESET SESSION AUTHORIZATION;

SELECT results_eq(
    $$SELECT table_name, action, actor, reason FROM fx_history('household', 'hh_a')$$,
    $$VALUES ('household', 'insert', 'demo_clerk', NULL::text),
             ('household', 'update', 'demo_clerk', NULL),
             ('student', 'insert', 'demo_clerk', NULL),
             ('household', 'submit', 'demo_clerk', NULL),
             ('household', 'reject', 'demo_officer', '缺少户籍证明'),
             ('household', 'update', 'demo_clerk', NULL),
             ('household', 'submit', 'demo_clerk', NULL),
             ('household', 'verify', 'demo_officer', NULL),
             ('household', 'approve', 'demo_supervisor', NULL),
             ('household', 'reopen', 'demo_clerk', '学生转学'),
             ('student', 'delete', 'demo_clerk', NULL)$$,
    'every insert, update, delete and transition of the household and its member is logged, by whom, with reasons');
SELECT is_empty(
    $$SELECT id FROM eduaid.audit_log
       WHERE kind = 'household' AND record_id = fx('hh_a')
         AND (township_id <> 420325100 OR txid <> txid_current() OR at IS NULL)$$,
    'each row carries the township, this transaction''s id and a time');
SELECT results_eq(
    $$SELECT row_id, old_row IS NULL, new_row ->> 'head_name', new_row ->> 'status',
             (new_row ->> 'version')::int
        FROM eduaid.audit_log WHERE kind = 'household' AND record_id = fx('hh_a')
         AND action = 'insert' AND table_name = 'household'$$,
    $$VALUES (fx('hh_a'), true, '测试户主', 'draft', 1)$$,
    'insert: no old row, the new row as inserted');
SELECT results_eq(
    $$SELECT old_row ->> 'head_name', new_row ->> 'head_name',
             (old_row ->> 'version')::int, (new_row ->> 'version')::int
        FROM eduaid.audit_log WHERE kind = 'household' AND record_id = fx('hh_a')
         AND action = 'update' ORDER BY id LIMIT 1$$,
    $$VALUES ('测试户主', '改名户主', 1, 2)$$,
    'update: the old and the new values');
SELECT results_eq(
    $$SELECT old_row ->> 'status', new_row ->> 'status', new_row ->> 'approved_by'
        FROM eduaid.audit_log WHERE kind = 'household' AND record_id = fx('hh_a')
         AND action = 'approve'$$,
    $$VALUES ('verified', 'approved', 'demo_supervisor')$$,
    'approve: the status change and the approver in old/new');
SELECT results_eq(
    $$SELECT old_row ->> 'status', new_row ->> 'status', old_row ->> 'head_name'
        FROM eduaid.audit_log WHERE kind = 'household' AND record_id = fx('hh_a')
         AND action = 'reopen'$$,
    $$VALUES ('approved', 'draft', '改名户主')$$,
    'reopen: the approved values stay in history (old_row)');
SELECT results_eq(
    $$SELECT row_id, (old_row ->> 'id')::bigint, (old_row ->> 'household_id')::bigint, new_row IS NULL
        FROM eduaid.audit_log WHERE kind = 'household' AND record_id = fx('hh_a')
         AND action = 'delete'$$,
    $$VALUES (fx('st_a'), fx('st_a'), fx('hh_a'), true)$$,
    'delete: the member''s old row under its household''s record id, no new row');
SELECT is_empty(
    $$SELECT id FROM eduaid.audit_log WHERE new_row ->> 'head_name' = '非法修改'$$,
    'the refused edit left no audit row');

-- ==== the other kinds =======================================================
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('hh_tc', 420325103), fx_student('st_tc', 'hh_tc'), fx_subsidy('sub_tc', 'st_tc'),
       fx_training('tr_tc', 'hh_tc'), fx_special_ed('se_tc', 'hh_tc'),
       fx_teacher('t_tc', 420325103), fx_fund('f_tc', 't_tc') \gset
-- A disability certificate number of the second generation (残疾人证) is
-- the holder's ID number followed by the type and grade digits.
SELECT fx_rowcount($$UPDATE eduaid.special_ed_plan SET disability_certificate_no = child_id_number || '22'
                      WHERE id = fx('se_tc') AND child_id_number ~ '^[0-9]{18}$'$$) AS certificate_set \gset
SELECT eduaid.submit('teacher_fund', fx('f_tc')) \gset
RESET SESSION AUTHORIZATION;
SELECT is(:certificate_set, 1, 'the special-ed fixture got a certificate number (ID number + 22)');
SELECT results_eq(
    $$SELECT kind, table_name, action, actor, record_id, row_id FROM eduaid.audit_log
       WHERE township_id = 420325103 AND txid = txid_current()
       ORDER BY id$$,
    $$VALUES ('household', 'household', 'insert', 'demo_clerk2', fx('hh_tc'), fx('hh_tc')),
             ('household', 'student', 'insert', 'demo_clerk2', fx('hh_tc'), fx('st_tc')),
             ('household_year', 'household_year', 'insert', 'demo_clerk2', fx('st_tc_y'), fx('st_tc_y')),
             ('household_year', 'student_year', 'insert', 'demo_clerk2', fx('st_tc_y'),
              (SELECT y.id FROM eduaid.student_year y WHERE y.student_id = fx('st_tc'))),
             ('household_year', 'student_subsidy', 'insert', 'demo_clerk2', fx('st_tc_y'), fx('sub_tc')),
             ('training', 'training_enrollment', 'insert', 'demo_clerk2', fx('tr_tc'), fx('tr_tc')),
             ('special_ed', 'special_ed_plan', 'insert', 'demo_clerk2', fx('se_tc'), fx('se_tc')),
             ('teacher', 'teacher', 'insert', 'demo_clerk2', fx('t_tc'), fx('t_tc')),
             ('teacher_fund', 'teacher_fund_application', 'insert', 'demo_clerk2', fx('f_tc'), fx('f_tc')),
             ('special_ed', 'special_ed_plan', 'update', 'demo_clerk2', fx('se_tc'), fx('se_tc')),
             ('teacher_fund', 'teacher_fund_application', 'submit', 'demo_clerk2', fx('f_tc'), fx('f_tc'))$$,
    'every kind and member table is audited with its kind, record id and row id (a child''s year and grant under the household''s record of that year)');
SELECT is_empty(
    $$SELECT id FROM eduaid.audit_log WHERE txid = txid_current() AND table_name = 'household'
         AND action = 'update' AND record_id = fx('hh_tc')$$,
    'adding members (which bumps the household''s version) writes no noise row for the household');

-- A superuser's repair is audited too, under his own name.
UPDATE eduaid.household SET notes = '数据修复' WHERE id = fx('hh_tc');
SELECT results_eq(
    $$SELECT action, actor, new_row ->> 'notes' FROM eduaid.audit_log
       WHERE kind = 'household' AND record_id = fx('hh_tc') AND action = 'update'$$,
    $$VALUES ('update', session_user::text COLLATE "default", '数据修复')$$,
    'a superuser''s direct change is audited with the superuser as actor');

-- ==== rolled back changes leave no trace ====================================
SET SESSION AUTHORIZATION demo_clerk2;
SAVEPOINT before_change;
UPDATE eduaid.household SET head_name = '回滚户主' WHERE id = fx('hh_tc');
INSERT INTO eduaid.teacher (township_id, school_id, name, id_number, sex, birth_date)
SELECT 420325103, school_id, '回滚教师', fx_new_idno('1985-05-05'), 'M', '1985-05-05'
  FROM eduaid.teacher WHERE id = fx('t_tc');
ROLLBACK TO SAVEPOINT before_change;
RESET SESSION AUTHORIZATION;
SELECT is_empty(
    $$SELECT id FROM eduaid.audit_log
       WHERE new_row ->> 'head_name' = '回滚户主' OR new_row ->> 'name' = '回滚教师'$$,
    'changes rolled back to a savepoint leave no audit row');

-- ==== nobody forges, changes or removes the log =============================
SELECT count(*) AS audit_rows_before FROM eduaid.audit_log \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$INSERT INTO eduaid.audit_log (kind, table_name, record_id, row_id, township_id, action)
                   VALUES ('household', 'household', 1, 1, 420325100, 'approve')$$,
    '42501', 'permission denied for table audit_log', 'clerk cannot INSERT into the audit log');
SELECT throws_ok($$SELECT eduaid.audit_row()$$, '42501', 'permission denied for function audit_row',
    'clerk cannot call the audit writer');
SELECT throws_ok($$UPDATE eduaid.audit_log SET actor = 'demo_officer' WHERE record_id = fx('hh_a')$$,
    '42501', 'permission denied for table audit_log', 'clerk cannot UPDATE the audit log');
SELECT throws_ok($$DELETE FROM eduaid.audit_log WHERE record_id = fx('hh_a')$$,
    '42501', 'permission denied for table audit_log', 'clerk cannot DELETE from the audit log');
SELECT throws_ok($$TRUNCATE eduaid.audit_log$$,
    '42501', 'permission denied for table audit_log', 'clerk cannot TRUNCATE the audit log');
SET SESSION AUTHORIZATION demo_officer;
SELECT throws_ok($$INSERT INTO eduaid.audit_log (kind, table_name, record_id, row_id, township_id, action)
                   VALUES ('household', 'household', 1, 1, 420325100, 'verify')$$,
    '42501', 'permission denied for table audit_log', 'officer cannot INSERT into the audit log');
SELECT throws_ok($$UPDATE eduaid.audit_log SET reason = NULL$$,
    '42501', 'permission denied for table audit_log', 'officer cannot UPDATE the audit log');
SELECT throws_ok($$DELETE FROM eduaid.audit_log$$,
    '42501', 'permission denied for table audit_log', 'officer cannot DELETE from the audit log');
SELECT throws_ok($$TRUNCATE eduaid.audit_log$$,
    '42501', 'permission denied for table audit_log', 'officer cannot TRUNCATE the audit log');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$INSERT INTO eduaid.audit_log (kind, table_name, record_id, row_id, township_id, action)
                   VALUES ('household', 'household', 1, 1, 420325100, 'approve')$$,
    '42501', 'permission denied for table audit_log', 'supervisor cannot INSERT into the audit log');
SELECT throws_ok($$UPDATE eduaid.audit_log SET reason = NULL$$,
    '42501', 'permission denied for table audit_log', 'supervisor cannot UPDATE the audit log');
SELECT throws_ok($$DELETE FROM eduaid.audit_log$$,
    '42501', 'permission denied for table audit_log', 'supervisor cannot DELETE from the audit log');
SELECT throws_ok($$TRUNCATE eduaid.audit_log$$,
    '42501', 'permission denied for table audit_log', 'supervisor cannot TRUNCATE the audit log');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$INSERT INTO eduaid.audit_log (kind, table_name, record_id, row_id, township_id, action)
                   VALUES ('household', 'household', 1, 1, 420325100, 'insert')$$,
    '42501', 'permission denied for table audit_log', 'admin cannot INSERT into the audit log');
SELECT throws_ok($$UPDATE eduaid.audit_log SET reason = NULL$$,
    '42501', 'permission denied for table audit_log', 'admin cannot UPDATE the audit log');
SELECT throws_ok($$DELETE FROM eduaid.audit_log$$,
    '42501', 'permission denied for table audit_log', 'admin cannot DELETE from the audit log');
SELECT throws_ok($$TRUNCATE eduaid.audit_log$$,
    '42501', 'permission denied for table audit_log', 'admin cannot TRUNCATE the audit log');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$INSERT INTO eduaid.audit_log (kind, table_name, record_id, row_id, township_id, action)
                   VALUES ('household', 'household', 1, 1, 420325100, 'insert')$$,
    '42501', 'permission denied for table audit_log', 'auditor cannot INSERT into the audit log');
SELECT throws_ok($$UPDATE eduaid.audit_log SET reason = NULL$$,
    '42501', 'permission denied for table audit_log', 'auditor cannot UPDATE the audit log');
SELECT throws_ok($$DELETE FROM eduaid.audit_log$$,
    '42501', 'permission denied for table audit_log', 'auditor cannot DELETE from the audit log');
SELECT throws_ok($$TRUNCATE eduaid.audit_log$$,
    '42501', 'permission denied for table audit_log', 'auditor cannot TRUNCATE the audit log');
RESET SESSION AUTHORIZATION;
SELECT throws_ok($$UPDATE eduaid.audit_log SET actor = 'nobody' WHERE record_id = fx('hh_a')$$,
    'EA006', NULL, 'even the superuser cannot UPDATE the audit log (EA006 from the trigger)');
SELECT throws_ok($$DELETE FROM eduaid.audit_log WHERE record_id = fx('hh_a')$$,
    'EA006', NULL, 'even the superuser cannot DELETE from the audit log (EA006)');
SELECT throws_ok($$TRUNCATE eduaid.audit_log$$,
    'EA006', NULL, 'even the superuser cannot TRUNCATE the audit log (EA006)');
SET ROLE eduaid_audit_owner;
SELECT throws_ok($$INSERT INTO eduaid.audit_log (actor, kind, table_name, record_id, row_id, township_id, action)
                   VALUES ('demo_clerk', 'household', 'household', 1, 1, 420325100, 'approve')$$,
    '42501', 'new row violates row-level security policy for table "audit_log"',
    'the log''s owner cannot write a row in someone else''s name');
SELECT is(fx_rowcount($$UPDATE eduaid.audit_log SET actor = 'nobody'$$), 0,
    'the log''s owner updates nothing (it cannot even see the rows)');
SELECT is(fx_rowcount($$DELETE FROM eduaid.audit_log$$), 0, 'the log''s owner deletes nothing');
SELECT throws_ok($$TRUNCATE eduaid.audit_log$$, 'EA006', NULL,
    'the log''s owner cannot TRUNCATE it (EA006)');
RESET ROLE;
SELECT results_eq(
    $$SELECT count(*), count(*) FILTER (WHERE actor = 'nobody') FROM eduaid.audit_log$$,
    format('VALUES (%s::bigint, 0::bigint)', :audit_rows_before),
    'the log is exactly as it was: no row added, changed or removed');

-- ==== who reads which history ===============================================
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is_empty($$SELECT id FROM eduaid.audit_log WHERE township_id <> 420325103$$,
    'demo_clerk2 reads no audit row of any township but 土城镇');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log WHERE kind = 'household' AND record_id = fx('hh_a')), 0,
    'demo_clerk2 cannot read the history of a 城关镇 household');
SELECT isnt_empty($$SELECT id FROM eduaid.audit_log WHERE kind = 'household' AND record_id = fx('hh_tc')$$,
    'demo_clerk2 reads the history of his own township');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT count(*)::int FROM eduaid.audit_log WHERE kind = 'household' AND record_id = fx('hh_a')), 11,
    'demo_clerk reads the whole history of his 城关镇 household');
SELECT is_empty($$SELECT id FROM eduaid.audit_log WHERE township_id NOT IN (420325100, 420325101)$$,
    'demo_clerk reads no audit row outside his two townships');
SET SESSION AUTHORIZATION demo_officer;
SELECT is_empty($$SELECT id FROM eduaid.audit_log WHERE township_id <> 420325100$$,
    'demo_officer reads no audit row outside 城关镇');

SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT old_row FROM eduaid.audit_log WHERE record_id = fx('hh_a')$$,
    '42501', 'permission denied for table audit_log', 'supervisor cannot read old_row');
SELECT throws_ok($$SELECT new_row FROM eduaid.audit_log WHERE record_id = fx('hh_a')$$,
    '42501', 'permission denied for table audit_log', 'supervisor cannot read new_row');
SELECT throws_ok($$SELECT * FROM eduaid.audit_log$$,
    '42501', 'permission denied for table audit_log', 'supervisor cannot SELECT * from the audit log');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE kind = 'household' AND record_id IN (fx('hh_a'), fx('hh_tc'))), 11 + 3,
    'supervisor reads the history of every township of the county');
SELECT matches(
    (SELECT new_masked ->> 'head_id_number' FROM eduaid.audit_log
      WHERE kind = 'household' AND record_id = fx('hh_a') AND action = 'insert'
        AND table_name = 'household'),
    '^659001\*{8}[0-9]{3}[0-9X]$',
    'supervisor sees the head ID number masked as 659001********NNNN');
SELECT matches(
    (SELECT old_masked ->> 'id_number' FROM eduaid.audit_log
      WHERE kind = 'household' AND record_id = fx('hh_a') AND action = 'delete'),
    '^659001\*{8}[0-9]{3}[0-9X]$',
    'supervisor sees a deleted member''s ID number masked in old_masked');
SELECT results_eq(
    $$SELECT new_masked ->> 'bank_account', new_masked ->> 'bank_account_masked'
        FROM eduaid.audit_log WHERE kind = 'teacher_fund' AND record_id = fx('f_tc') AND action = 'insert'$$,
    $$VALUES ('***************8901', '***************8901')$$,
    'supervisor sees the bank account masked to its last four digits');

-- No masked row a supervisor can read contains any full ID number of the
-- fixtures (the list is made by the superuser below and read here).
RESET SESSION AUTHORIZATION;
CREATE TABLE public.fx_secret (what text, secret text);
INSERT INTO public.fx_secret
SELECT 'household head', head_id_number FROM eduaid.household WHERE id IN (fx('hh_a'), fx('hh_tc'))
UNION ALL SELECT 'student', id_number FROM eduaid.student WHERE id = fx('st_tc')
UNION ALL SELECT 'student (deleted)', old_row ->> 'id_number' FROM eduaid.audit_log
           WHERE action = 'delete' AND row_id = fx('st_a') AND table_name = 'student'
UNION ALL SELECT 'trainee', trainee_id_number FROM eduaid.training_enrollment WHERE id = fx('tr_tc')
UNION ALL SELECT 'teacher', id_number FROM eduaid.teacher WHERE id = fx('t_tc')
UNION ALL SELECT 'bank account', bank_account FROM eduaid.teacher_fund_application WHERE id = fx('f_tc');
INSERT INTO public.fx_secret
SELECT 'special-ed child', child_id_number FROM eduaid.special_ed_plan WHERE id = fx('se_tc');
GRANT SELECT ON public.fx_secret TO PUBLIC;
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is_empty(
    $$SELECT s.what, a.table_name, a.action FROM eduaid.audit_log a
        JOIN public.fx_secret s ON strpos(coalesce(a.old_masked::text, '') || coalesce(a.new_masked::text, ''),
                                          s.secret) > 0
       WHERE s.what <> 'special-ed child'$$,
    'no masked audit row shows a full ID number or bank account of a household, member, trainee or teacher');
SELECT is_empty(
    $$SELECT s.what, a.table_name, a.action FROM eduaid.audit_log a
        JOIN public.fx_secret s ON strpos(coalesce(a.old_masked::text, '') || coalesce(a.new_masked::text, ''),
                                          s.secret) > 0
       WHERE s.what = 'special-ed child'$$,
    'no masked audit row shows a special-ed child''s full ID number (e.g. inside its disability certificate number)');
SELECT is(fx_finds(
    $$SELECT 1 FROM public.fx_secret s, eduaid.special_ed_plan p
       WHERE s.what = 'special-ed child' AND p.id = fx('se_tc')
         AND strpos(coalesce(p.disability_certificate_no, ''), s.secret) > 0$$), false,
    'a supervisor cannot read a special-ed child''s full ID number through disability_certificate_no');

-- The eight hidden characters of 659001********NNNN are the birth date,
-- which is a column of its own: whoever reads both has the ID number.
SELECT is(fx_finds(
    $$SELECT 1 FROM eduaid.student s JOIN public.fx_secret x ON x.what = 'student'
       WHERE s.id = fx('st_tc')
         AND left(s.id_number_masked, 6) || to_char(s.birth_date, 'YYYYMMDD')
             || right(s.id_number_masked, 4) = x.secret$$), false,
    'a supervisor cannot rebuild a member''s full ID number from id_number_masked and birth_date');
SELECT is(fx_finds(
    $$SELECT 1 FROM eduaid.audit_log a
       CROSS JOIN (VALUES ('id_number', 'birth_date'), ('trainee_id_number', 'trainee_birth_date'),
                          ('child_id_number', 'child_birth_date')) AS k(idno, birth)
        JOIN public.fx_secret x
          ON left(a.new_masked ->> k.idno, 6) || translate(a.new_masked ->> k.birth, '-', '')
             || right(a.new_masked ->> k.idno, 4) = x.secret
       WHERE a.township_id = 420325103 AND a.txid = txid_current()$$), false,
    'a supervisor cannot rebuild a full ID number from a masked audit row (masked ID + birth date)');

SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a JOIN public.fx_secret s
             ON strpos(a.new_row::text, s.secret) > 0
            WHERE a.action = 'insert' AND a.township_id IN (420325100, 420325103)
              AND s.what = 'household head'), 2,
    'the auditor reads the full rows (old_row/new_row) of both townships');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE (kind, record_id) IN (('household', fx('hh_a')), ('household', fx('hh_tc')))), 14,
    'the auditor reads the whole history of both households');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
