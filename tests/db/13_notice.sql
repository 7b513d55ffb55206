-- tests/db/13_notice.sql: the public notice (公示) of sql/013_notice.sql, as
-- the people who do it and as everyone who might try to skip it.
--
-- The period cannot be skipped: no role reaches in_notice or final by an
-- UPDATE, neither does eduaid_owner (the functions' own rights) nor a
-- superuser; a notice is opened only by a supervisor, with a period of at
-- least 7 days starting today; it closes only after its end date (the
-- server's current_date) and only when no objection is undecided; an
-- upheld objection returns its record to the author as rejected and keeps
-- it from becoming final. Objections only during the period, by the
-- township's officer or a supervisor, decided by another supervisor. Lines
-- and dates are fixed (only a superuser moves dates: that is how this test
-- lets a period pass). Hashes match notice_verify and the audit log. RLS
-- on notices, lines and objections. reopen: never in_notice, final like
-- approved.
--
-- The subsidy list on notice is of household_year records (kind
-- 'household_year', issue 11): a household's record of one school year and
-- its grants of that year. Fixtures use school year 2031, which the demo
-- data does not use.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(109);

-- The household's record of school year 2031 (kind household_year: the
-- subsidy list on notice is of these, issue 11), a row of that year for
-- each of its members; the key hh_key names the year record from then on.
CREATE FUNCTION public.nt_year(hh_key text) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO eduaid.household_year (township_id, household_id, school_year)
    SELECT h.township_id, h.id, 2031 FROM eduaid.household h WHERE h.id = public.fx(hh_key)
    RETURNING id INTO new_id;
    INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage,
                                     school_id, grade)
    SELECT s.township_id, new_id, s.id, 'primary',
           (SELECT min(sc.id) FROM eduaid.school sc
             WHERE sc.township_id = s.township_id AND sc.kind = 'primary'), 3
      FROM eduaid.student s WHERE s.household_id = public.fx(hh_key);
    RETURN public.fx_set(hh_key, new_id);
END
$$;
-- A grant of 2031 in the member's year record.
CREATE FUNCTION public.nt_aid(key text, student_key text, amount numeric) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id, program,
                                        amount)
    SELECT hy.township_id, hy.id, s.id, 'compulsory_waiver', amount
      FROM eduaid.student s
      JOIN eduaid.household_year hy ON hy.household_id = s.household_id AND hy.school_year = 2031
     WHERE s.id = public.fx(student_key)
    RETURNING id INTO new_id;
    RETURN public.fx_set(key, new_id);
END
$$;
CREATE FUNCTION public.nt_fund(key text, teacher_key text) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO eduaid.teacher_fund_application (township_id, teacher_id, program_id,
        school_year, reason_category, reason_text, amount_requested, bank_name, bank_account)
    SELECT t.township_id, t.id, (SELECT p.id FROM eduaid.fund_program p WHERE p.code = 'runyu'),
           2031, 'illness', '重病', 3000, '中国农业银行', '6228480012345678901'
      FROM eduaid.teacher t WHERE t.id = public.fx(teacher_key)
    RETURNING id INTO new_id;
    RETURN public.fx_set(key, new_id);
END
$$;
-- the item (notice line) of a fixture record on its latest notice
CREATE FUNCTION public.nt_item(kind text, key text) RETURNS bigint
LANGUAGE sql STABLE
RETURN (SELECT i.id FROM eduaid.notice_item i
         WHERE i.kind = nt_item.kind AND i.record_id = public.fx(key)
         ORDER BY i.notice_id DESC LIMIT 1);

-- ==== fixtures: approved household records of 2031 (城关镇, 土城镇) and fund
-- applications ==
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('nt_h1', 420325100), fx_household('nt_h2', 420325100),
       fx_household('nt_h3', 420325100), fx_household('nt_h4', 420325100) \gset
SELECT fx_student('nt_s1', 'nt_h1'), fx_student('nt_s2', 'nt_h2'), fx_student('nt_s3', 'nt_h3'),
       fx_student('nt_s4', 'nt_h4') \gset
SELECT nt_year('nt_h1'), nt_year('nt_h2'), nt_year('nt_h3'), nt_year('nt_h4') \gset
SELECT nt_aid('nt_a1', 'nt_s1', 500), nt_aid('nt_a2', 'nt_s2', 625.5),
       nt_aid('nt_a3', 'nt_s3', 500) \gset
SELECT fx_teacher('nt_t1', 420325100), fx_teacher('nt_t2', 420325100) \gset
SELECT nt_fund('nt_f1', 'nt_t1'), nt_fund('nt_f2', 'nt_t2') \gset
SELECT eduaid.submit('household_year', fx('nt_h1')), eduaid.submit('household_year', fx('nt_h2')),
       eduaid.submit('household_year', fx('nt_h3')), eduaid.submit('household_year', fx('nt_h4')),
       eduaid.submit('teacher_fund', fx('nt_f1')), eduaid.submit('teacher_fund', fx('nt_f2')) \gset
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('nt_h9', 420325103) \gset
SELECT fx_student('nt_s9', 'nt_h9') \gset
SELECT nt_year('nt_h9') \gset
SELECT nt_aid('nt_a9', 'nt_s9', 500) \gset
SELECT eduaid.submit('household_year', fx('nt_h9')) \gset
SET SESSION AUTHORIZATION officer_100;
SELECT eduaid.verify('household_year', fx('nt_h1')), eduaid.verify('household_year', fx('nt_h2')),
       eduaid.verify('household_year', fx('nt_h3')), eduaid.verify('household_year', fx('nt_h4')),
       eduaid.verify('teacher_fund', fx('nt_f1')), eduaid.verify('teacher_fund', fx('nt_f2')) \gset
SET SESSION AUTHORIZATION officer_103;
SELECT eduaid.verify('household_year', fx('nt_h9')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household_year', fx('nt_h1')), eduaid.approve('household_year', fx('nt_h2')),
       eduaid.approve('household_year', fx('nt_h3')),
       eduaid.approve('teacher_fund', fx('nt_f1')), eduaid.approve('teacher_fund', fx('nt_f2')),
       eduaid.approve('household_year', fx('nt_h9')) \gset
RESET SESSION AUTHORIZATION;

-- ==== nobody reaches in_notice or final by UPDATE ==========================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'in_notice' WHERE id = fx('nt_h1')$$,
    '42501', NULL, 'clerk: UPDATE status to in_notice is refused');
SET SESSION AUTHORIZATION officer_100;
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'final' WHERE id = fx('nt_h1')$$,
    '42501', NULL, 'officer: UPDATE status to final is refused');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$UPDATE eduaid.teacher_fund_application SET status = 'final' WHERE id = fx('nt_f1')$$,
    '42501', NULL, 'supervisor: UPDATE status to final is refused');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'in_notice' WHERE id = fx('nt_h1')$$,
    '42501', NULL, 'auditor: UPDATE status is refused');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'in_notice' WHERE id = fx('nt_h1')$$,
    '42501', NULL, 'admin: UPDATE status is refused');
RESET SESSION AUTHORIZATION;
SET ROLE eduaid_owner;
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'in_notice' WHERE id = fx('nt_h1')$$,
    'EA012', NULL, 'eduaid_owner (the functions'' rights): approved -> in_notice without a notice is refused');
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'final' WHERE id = fx('nt_h1')$$,
    'EA001', NULL, 'eduaid_owner: approved -> final is no transition');
SELECT throws_ok($$INSERT INTO eduaid.notice (kind, county_id, school_year, township_id, title,
                       contact, starts_on, ends_on)
                   VALUES ('household_year', 420325, 2031, 420325100, 't', 'c',
                           current_date - 10, current_date - 3)$$,
    'EA016', NULL, 'eduaid_owner: a notice cannot be inserted with a period in the past');
SELECT throws_ok($$INSERT INTO eduaid.notice (kind, county_id, school_year, township_id, title,
                       contact, starts_on, ends_on, closed_by, closed_at)
                   VALUES ('household_year', 420325, 2031, 420325100, 't', 'c',
                           current_date, current_date + 6, 'x', now())$$,
    'EA012', NULL, 'eduaid_owner: a notice cannot be inserted closed');
RESET ROLE;
SELECT throws_ok($$UPDATE eduaid.teacher_fund_application SET status = 'in_notice' WHERE id = fx('nt_f1')$$,
    'EA012', NULL, 'superuser: approved -> in_notice without a notice is refused too');

-- ==== opening =============================================================
SELECT throws_ok($$SELECT eduaid.open_notice('household_year', 420325100, 2031)$$, 'EA004', NULL,
    'the superuser (no eduaid role) cannot open a notice');
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.open_notice('household_year', 420325100, 2031)$$, '42501', NULL,
    'a clerk may not call open_notice');
SELECT throws_ok($$SELECT * FROM eduaid.notice_preview('household_year', 420325100, 2031)$$, '42501', NULL,
    'a clerk may not call notice_preview');
SELECT throws_ok($$SELECT eduaid.notice_candidates('household_year', 420325100, 2031, ARRAY[420325100])$$,
    '42501', NULL, 'nor notice_candidates: it counts records of any township');
SET SESSION AUTHORIZATION officer_100;
SELECT throws_ok($$SELECT eduaid.open_notice('household_year', 420325100, 2031)$$, '42501', NULL,
    'an officer may not call open_notice');
SELECT throws_ok($$SELECT * FROM eduaid.notice_preview('household_year', 420325100, 2031)$$, '42501', NULL,
    'an officer may not call notice_preview');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.open_notice('household_year', 420325100, 2031, current_date + 5)$$,
    'EA016', NULL, 'a period shorter than 7 days is refused');
SELECT throws_ok($$SELECT eduaid.open_notice('training', 420325100, 2031)$$, 'EA010', NULL,
    'training records have no notice');
SELECT throws_ok($$SELECT eduaid.open_notice('household', 420325100, 2031)$$, 'EA015', NULL,
    'a notice of register entries (kept from before issue 11) finds no approved household here');
SELECT throws_ok($$SELECT eduaid.open_notice('household_year', 420325101, 2031)$$, 'EA015', NULL,
    'a township with no approved records of the year: nothing to put on notice');
-- Before opening, the confirmation's words (issue 12 item 10): the township
-- and the count the notice will get, from the query opening uses.
SELECT results_eq($$SELECT scope, lines FROM eduaid.notice_preview('household_year', 420325100, 2031)$$,
    $$VALUES ('城关镇', 3::bigint)$$,
    'notice_preview names the township and counts the 3 records the notice will list');
SELECT results_eq($$SELECT scope, lines FROM eduaid.notice_preview('household_year', 420325101, 2031)$$,
    $$VALUES ('军店镇', 0::bigint)$$,
    'notice_preview of a township with nothing approved: 0 (open_notice then refuses)');
SELECT throws_ok($$SELECT * FROM eduaid.notice_preview('training', 420325100, 2031)$$, 'EA010', NULL,
    'notice_preview refuses a kind without notices as open_notice does');
SELECT throws_ok($$SELECT * FROM eduaid.notice_preview('household_year', 999999999, 2031)$$, 'EA005', NULL,
    'notice_preview of no township of the caller: not found');
SELECT fx_set('nt_n1', eduaid.open_notice('household_year', 420325100, 2031)) \gset
SELECT is((SELECT count(*) FROM eduaid.notice_item WHERE notice_id = fx('nt_n1')), 3::bigint,
    'the notice got the count notice_preview announced');
SELECT fx_set('nt_n2', eduaid.open_notice('teacher_fund',
    (SELECT id FROM eduaid.fund_program WHERE code = 'runyu'), 2031, current_date + 10,
    NULL, '县教育局资助中心 0719-3222222')) \gset
SELECT results_eq(
    $$SELECT kind, township_id, starts_on, ends_on, opened_by, closed_at IS NULL FROM eduaid.notice
       WHERE id IN (fx('nt_n1'), fx('nt_n2')) ORDER BY id$$,
    $$VALUES ('household_year', 420325100, current_date, current_date + 6, 'demo_supervisor', true),
             ('teacher_fund', NULL, current_date, current_date + 10, 'demo_supervisor', true)$$,
    'both notices open today; the household one for 7 days by default, the fund one as asked');
SELECT is((SELECT title FROM eduaid.notice WHERE id = fx('nt_n1')),
    '城关镇 2031-2032学年学生资助名单公示', 'the default title names the township and year');
SELECT results_eq(
    $$SELECT i.record_id, i.line_no, i.name, i.program, i.amount FROM eduaid.notice_item i
       WHERE i.notice_id = fx('nt_n1') ORDER BY i.line_no$$,
    $$VALUES (fx('nt_h1'), 1, '测试户主', '两免', 500::numeric),
             (fx('nt_h2'), 2, '测试户主', '两免', 625.5),
             (fx('nt_h3'), 3, '测试户主', '两免', 500)$$,
    'the household notice lists the approved households of the township with subsidies of the year (not the unapproved nt_h4, not 土城镇)');
SELECT is((SELECT array_agg(status ORDER BY id) FROM eduaid.household_year
            WHERE id IN (fx('nt_h1'), fx('nt_h2'), fx('nt_h3'), fx('nt_h4'), fx('nt_h9'))),
    ARRAY['in_notice', 'in_notice', 'in_notice', 'verified', 'approved'],
    'listed households are in_notice; the others did not move');
SELECT is((SELECT array_agg(status ORDER BY id) FROM eduaid.teacher_fund_application
            WHERE id IN (fx('nt_f1'), fx('nt_f2'))),
    ARRAY['in_notice', 'in_notice'], 'the fund applications are in_notice');
SELECT ok((SELECT bool_and(i.masked_id ~ '^[0-9]{6}\*{8}[0-9]{3}[0-9X]$')
             FROM eduaid.notice_item i WHERE i.notice_id IN (fx('nt_n1'), fx('nt_n2'))),
    'every line shows the ID number masked');
SELECT throws_ok($$SELECT eduaid.open_notice('household_year', 420325100, 2031)$$, 'EA015', NULL,
    'opening again finds nothing approved left');
RESET SESSION AUTHORIZATION;

-- ==== hashes and the audit log ============================================
SELECT is_empty(
    $$SELECT i.id FROM eduaid.notice_item i
       WHERE i.notice_id IN (fx('nt_n1'), fx('nt_n2'))
         AND (i.record_hash <> encode(sha256(convert_to(i.canonical, 'UTF8')), 'hex')
              OR i.canonical <> concat_ws('|', 'eduaid-notice/1', i.notice_id, i.line_no, i.kind,
                     i.township_id, i.record_id, i.name, i.masked_id, i.program, i.amount,
                     2031, i.audit_id))$$,
    'every record hash is sha256 of its canonical line, which names the audit entry');
SELECT is_empty(
    $$SELECT i.id FROM eduaid.notice_item i
        JOIN eduaid.audit_log a ON a.id = i.audit_id
       WHERE i.notice_id IN (fx('nt_n1'), fx('nt_n2'))
         AND NOT (a.action = 'approve' AND a.record_id = i.record_id AND a.kind = i.kind)$$,
    'the audit entry of each line is the record''s approval');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a
            WHERE a.kind = 'household_year' AND a.record_id = fx('nt_h1') AND a.action = 'notice'),
    1, 'approved -> in_notice is audited as action "notice"');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq(
    $$SELECT v.notice_id, v.kind, v.record_id, v.township, v.hash_ok, v.audit_action, v.audit_actor,
             v.changed_since
        FROM eduaid.notice_verify((SELECT left(record_hash, 16) FROM eduaid.notice_item
                                    WHERE id = nt_item('household_year', 'nt_h2'))) v$$,
    $$VALUES (fx('nt_n1'), 'household_year', fx('nt_h2'), '城关镇', true, 'approve', 'demo_supervisor',
              false)$$,
    'a supervisor verifies a printed 16-digit hash prefix: the line, its approval, unchanged since');
SELECT is((SELECT count(*)::int FROM eduaid.notice_verify(
              (SELECT upper(record_hash) FROM eduaid.notice_item
                WHERE id = nt_item('teacher_fund', 'nt_f1')))), 1,
    'the whole hash (any case) finds exactly its line');
SELECT is_empty($$SELECT * FROM eduaid.notice_verify('0123456789abcdef0123')$$,
    'a hash of no line finds nothing');
SELECT throws_ok($$SELECT * FROM eduaid.notice_verify('abc')$$, '22023', NULL,
    'fewer than 16 hex digits are refused');
RESET SESSION AUTHORIZATION;
SELECT record_hash AS h2hash FROM eduaid.notice_item WHERE id = nt_item('household_year', 'nt_h2') \gset
SET SESSION AUTHORIZATION officer_103;
SELECT is_empty(format('SELECT * FROM eduaid.notice_verify(%L)', :'h2hash'),
    'officer_103 cannot verify lines of other townships (RLS)');
RESET SESSION AUTHORIZATION;

-- ==== in_notice: read-only, not reopened, not rejected ======================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.reopen('household_year', fx('nt_h3'), '改错')$$, 'EA001', NULL,
    'a record on notice cannot be reopened');
SELECT throws_ok($$UPDATE eduaid.household_year SET notes = '改' WHERE id = fx('nt_h3')$$, 'EA006',
    NULL, 'a record on notice is read-only');
SELECT throws_ok($$SELECT nt_aid('nt_a3b', 'nt_s3', 100)$$, NULL, NULL,
    'its subsidy list cannot grow either');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT throws_ok($$SELECT eduaid.reject('household_year', fx('nt_h3'), '不行')$$, 'EA001', NULL,
    'a supervisor cannot reject a record on notice without an objection');
RESET SESSION AUTHORIZATION;
-- (the test is one transaction: let the opening lie an hour back)
UPDATE eduaid.notice SET opened_at = opened_at - interval '1 hour'
 WHERE id IN (fx('nt_n1'), fx('nt_n2'));
SET ROLE eduaid_owner;
SELECT throws_ok($$UPDATE eduaid.notice SET opened_at = now() WHERE id = fx('nt_n1')$$,
    'EA006', NULL, 'eduaid_owner: a notice''s opening time cannot move');
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'rejected' WHERE id = fx('nt_h3')$$, 'EA001',
    NULL, 'eduaid_owner: in_notice -> rejected without an upheld objection is refused');
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'final' WHERE id = fx('nt_h3')$$, 'EA012',
    NULL, 'eduaid_owner: in_notice -> final while the notice is open is refused');
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'draft' WHERE id = fx('nt_h3')$$, 'EA001',
    NULL, 'eduaid_owner: in_notice -> draft is no transition');
SELECT throws_ok($$UPDATE eduaid.notice SET closed_at = now() WHERE id = fx('nt_n1')$$, 'EA012',
    NULL, 'eduaid_owner: closing a notice before its end date is refused');
SELECT throws_ok($$UPDATE eduaid.notice SET ends_on = current_date - 1 WHERE id = fx('nt_n1')$$,
    'EA006', NULL, 'eduaid_owner: a notice''s dates cannot move');
SELECT throws_ok($$UPDATE eduaid.notice SET title = '改' WHERE id = fx('nt_n1')$$,
    'EA006', NULL, 'eduaid_owner: a notice''s title cannot change');
SELECT throws_ok($$UPDATE eduaid.notice_item SET amount = 1 WHERE id = nt_item('household_year', 'nt_h3')$$,
    'EA006', NULL, 'eduaid_owner: a notice line cannot change');
SELECT throws_ok($$DELETE FROM eduaid.notice_item WHERE id = nt_item('household_year', 'nt_h3')$$,
    'EA006', NULL, 'eduaid_owner: a notice line cannot be deleted');
SELECT throws_ok($$DELETE FROM eduaid.notice WHERE id = fx('nt_n1')$$,
    'EA006', NULL, 'eduaid_owner: a notice cannot be deleted');
SELECT throws_ok($$TRUNCATE eduaid.notice_item, eduaid.notice_objection$$,
    'EA006', NULL, 'eduaid_owner: lines and objections cannot be truncated');
SELECT throws_ok($$INSERT INTO eduaid.notice_item (township_id, notice_id, line_no, kind, record_id,
                       name, masked_id, program, amount, audit_id, canonical, record_hash)
                   VALUES (420325103, fx('nt_n1'), 9, 'household_year', fx('nt_h9'), 'x', 'x', 'x', 1,
                           eduaid.latest_audit_id('household_year', 420325103, fx('nt_h9')),
                           'x|' || eduaid.latest_audit_id('household_year', 420325103, fx('nt_h9')),
                           repeat('0', 64))$$,
    'EA012', NULL, 'eduaid_owner: no line is added to a notice after it was opened');
RESET ROLE;
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.close_notice(fx('nt_n1'))$$, 'EA012', NULL,
    'a supervisor cannot close a notice before its end date');

-- ==== objections ============================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$SELECT eduaid.record_objection(nt_item('household_year', 'nt_h1'), '不符合')$$,
    '42501', NULL, 'a clerk may not record objections');
SET SESSION AUTHORIZATION officer_103;
SELECT throws_ok($$SELECT eduaid.record_objection(nt_item('household_year', 'nt_h1'), '不符合')$$,
    'EA005', NULL, 'an officer of another township cannot record one against 城关镇');
SET SESSION AUTHORIZATION officer_100;
SELECT throws_ok($$SELECT eduaid.record_objection(nt_item('household_year', 'nt_h1'), '　')$$,
    'EA003', NULL, 'an objection needs content');
SELECT throws_ok($$SELECT eduaid.record_objection(nt_item('household_year', 'nt_h1'), '不符合', NULL,
                                                  current_date - 1)$$,
    'EA014', NULL, 'an objection received before the period is refused');
SELECT throws_ok($$SELECT eduaid.record_objection(nt_item('household_year', 'nt_h1'), '不符合', NULL,
                                                  current_date + 1)$$,
    'EA014', NULL, 'an objection dated in the future is refused');
SELECT fx_set('nt_o1', eduaid.record_objection(nt_item('household_year', 'nt_h1'),
    '该户已在县城购房，家庭经济条件较好', '村民（匿名）')) \gset
SELECT fx_set('nt_o2', eduaid.record_objection(nt_item('household_year', 'nt_h2'), '人数不符')) \gset
SELECT results_eq(
    $$SELECT kind, record_id, received_on, received_by, decision FROM eduaid.notice_objection
       WHERE id = fx('nt_o1')$$,
    $$VALUES ('household_year', fx('nt_h1'), current_date, 'officer_100', 'pending')$$,
    'officer_100 records an objection against nt_h1, received today, pending');
SELECT throws_ok($$UPDATE eduaid.notice_objection SET decision = 'dismissed' WHERE id = fx('nt_o1')$$,
    '42501', NULL, 'nobody updates objections directly');
SELECT throws_ok($$SELECT eduaid.decide_objection(fx('nt_o1'), 'upheld', '属实')$$, '42501', NULL,
    'an officer may not decide objections');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT fx_set('nt_o3', eduaid.record_objection(nt_item('teacher_fund', 'nt_f2'), '该教师已调离')) \gset
SELECT throws_ok($$SELECT eduaid.decide_objection(fx('nt_o3'), 'upheld', '属实')$$, 'EA017', NULL,
    'four-eyes: the supervisor who recorded an objection cannot decide it');
SELECT throws_ok($$SELECT eduaid.decide_objection(fx('nt_o1'), 'upheld', ' ')$$, 'EA003', NULL,
    'a decision needs a note');
SELECT throws_ok($$SELECT eduaid.decide_objection(fx('nt_o1'), 'maybe', '?')$$, '23514', NULL,
    'a decision is upheld or dismissed');
SELECT throws_ok($$SELECT eduaid.decide_objection(fx('nt_o1'), 'upheld', '经入户核实属实')$$, 'EA002',
    NULL, 'four-eyes: demo_supervisor approved nt_h1, so she cannot rule on an objection to it (019)');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT is(eduaid.decide_objection(fx('nt_o1'), 'upheld', '经入户核实属实'), 'upheld',
    'demo_supervisor2 upholds the objection against nt_h1');
SELECT throws_ok($$SELECT eduaid.decide_objection(fx('nt_o1'), 'dismissed', '改主意')$$, 'EA017', NULL,
    'a decided objection stays decided');
SELECT results_eq(
    $$SELECT status, rejected_by, reason ~ '该户已在县城购房' AND reason ~ '经入户核实属实'
        FROM eduaid.household_year WHERE id = fx('nt_h1')$$,
    $$VALUES ('rejected', 'demo_supervisor2', true)$$,
    'the upheld objection returns nt_h1 as rejected, with the objection and the note as reason');
SET SESSION AUTHORIZATION demo_clerk;
SELECT ok(EXISTS (SELECT FROM eduaid.returned_to_me() r
                   WHERE r.kind = 'household_year' AND r.id = fx('nt_h1')),
    'nt_h1 is back in its author''s returned work');
SELECT ok((SELECT bool_or(h.table_name = 'notice_objection' AND h.action = 'insert')
             AND bool_or(h.action = 'notice') AND bool_or(h.action = 'reject')
             FROM eduaid.record_history('household_year', fx('nt_h1')) h),
    'the record''s history shows the notice, the objection and the rejection');
-- nt_h1, fixed and approved again, goes on a second notice while the first
-- is still open
SELECT lives_ok($$SELECT eduaid.submit('household_year', fx('nt_h1'))$$,
    'the clerk submits the returned nt_h1 again');
SET SESSION AUTHORIZATION officer_100;
SELECT eduaid.verify('household_year', fx('nt_h1')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household_year', fx('nt_h1')) \gset
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT fx_set('nt_n3', eduaid.open_notice('household_year', 420325100, 2031)) \gset
SELECT is((SELECT array_agg(record_id) FROM eduaid.notice_item WHERE notice_id = fx('nt_n3')),
    ARRAY[fx('nt_h1')], 'a second notice of 城关镇 lists the re-approved nt_h1 alone');
SET SESSION AUTHORIZATION officer_100;
SELECT fx_set('nt_o5', eduaid.record_objection(
    (SELECT i.id FROM eduaid.notice_item i WHERE i.notice_id = fx('nt_n1')
        AND i.record_id = fx('nt_h1')), '第一次公示的又一条异议')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.decide_objection(fx('nt_o5'), 'upheld', '属实')$$, 'EA002', NULL,
    'four-eyes: demo_supervisor, who approved nt_h1 (both rounds), cannot rule on it');
RESET SESSION AUTHORIZATION;
UPDATE eduaid.app_user SET role = 'supervisor' WHERE login = 'officer_103';
GRANT eduaid_supervisor TO officer_103;
SET SESSION AUTHORIZATION officer_103;
SELECT is(eduaid.decide_objection(fx('nt_o5'), 'upheld', '属实'), 'upheld',
    'another objection to nt_h1''s line on the first notice is upheld by a supervisor who never handled it ...');
RESET SESSION AUTHORIZATION;
UPDATE eduaid.app_user SET role = 'officer' WHERE login = 'officer_103';
REVOKE eduaid_supervisor FROM officer_103;
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT is(fx_status('household_year', 'nt_h1'), 'in_notice',
    '... and leaves nt_h1 to its second notice');
SELECT is(eduaid.decide_objection(fx('nt_o3'), 'upheld', '已调离'), 'upheld',
    'demo_supervisor2 upholds the objection against nt_f2');
SELECT is((SELECT status FROM eduaid.teacher_fund_application WHERE id = fx('nt_f2')), 'rejected',
    'nt_f2 is rejected');

-- ==== row-level security ====================================================
SET SESSION AUTHORIZATION officer_103;
SELECT is((SELECT count(*)::int FROM eduaid.notice WHERE id IN (fx('nt_n1'), fx('nt_n2'))), 1,
    'officer_103 sees the county''s fund notice, not 城关镇''s household notice');
SELECT is((SELECT count(*)::int FROM eduaid.notice_item
            WHERE notice_id IN (fx('nt_n1'), fx('nt_n2'))), 0,
    'officer_103 sees no line of 城关镇');
SELECT is((SELECT count(*)::int FROM eduaid.notice_objection
            WHERE id IN (fx('nt_o1'), fx('nt_o2'), fx('nt_o3'))), 0,
    'officer_103 sees no objection of 城关镇');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT count(*)::int FROM eduaid.notice_objection
            WHERE id IN (fx('nt_o1'), fx('nt_o2'), fx('nt_o3'))), 3,
    'demo_clerk (城关镇) sees its objections');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.notice_item
            WHERE notice_id IN (fx('nt_n1'), fx('nt_n2'))), 5,
    'the auditor sees every line');
SELECT throws_ok($$SELECT eduaid.record_objection(nt_item('household_year', 'nt_h2'), 'x')$$, '42501',
    NULL, 'the auditor records nothing');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT count(*) FROM eduaid.notice_item$$, '42501', NULL,
    'the admin reads no notice lines');
RESET SESSION AUTHORIZATION;

-- ==== the period passes (only a superuser moves dates) ======================
UPDATE eduaid.notice SET starts_on = current_date - 10, ends_on = current_date - 1
 WHERE id IN (fx('nt_n1'), fx('nt_n2'));
SET SESSION AUTHORIZATION officer_100;
SELECT throws_ok($$SELECT eduaid.record_objection(nt_item('household_year', 'nt_h3'), '晚到的异议')$$,
    'EA014', NULL, 'after the period an objection received today is refused');
SELECT lives_ok($$SELECT eduaid.record_objection(nt_item('household_year', 'nt_h3'), '信件', NULL,
                                                 current_date - 2)$$,
    'a letter received during the period is still recorded before the notice closes');
SELECT fx_set('nt_o4', (SELECT max(id) FROM eduaid.notice_objection)) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT eduaid.close_notice(fx('nt_n1'))$$, 'EA013', NULL,
    'the notice cannot close while objections are undecided');
RESET SESSION AUTHORIZATION;
SET ROLE eduaid_owner;
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'final' WHERE id = fx('nt_h2')$$, 'EA012',
    NULL, 'eduaid_owner: final before the notice is closed is refused, even after the end date');
RESET ROLE;
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'final' WHERE id = fx('nt_h2')$$, 'EA012',
    NULL, 'superuser: the same');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT is(eduaid.decide_objection(fx('nt_o2'), 'dismissed', '经核实人数无误'), 'dismissed',
    'nt_h2''s objection is dismissed');
SELECT is(eduaid.decide_objection(fx('nt_o4'), 'dismissed', '无实据'), 'dismissed',
    'nt_h3''s objection is dismissed');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.close_notice(fx('nt_n1')), 2, 'closing the household notice makes 2 records final');
SELECT is((SELECT array_agg(status ORDER BY id) FROM eduaid.household_year
            WHERE id IN (fx('nt_h1'), fx('nt_h2'), fx('nt_h3'))),
    ARRAY['in_notice', 'final', 'final'],
    'nt_h2 and nt_h3 are final; nt_h1 (upheld here) stays on its second notice');
SELECT throws_ok($$SELECT eduaid.close_notice(fx('nt_n1'))$$, 'EA012', NULL,
    'a closed notice cannot be closed again');
SELECT is(eduaid.close_notice(fx('nt_n2')), 1, 'closing the fund notice makes nt_f1 final');
SELECT is((SELECT array_agg(status ORDER BY id) FROM eduaid.teacher_fund_application
            WHERE id IN (fx('nt_f1'), fx('nt_f2'))),
    ARRAY['final', 'rejected'], 'nt_f1 final, nt_f2 (upheld objection) rejected');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a
            WHERE a.kind = 'household_year' AND a.record_id = fx('nt_h2') AND a.action = 'finalize'),
    1, 'in_notice -> final is audited as action "finalize"');
SET SESSION AUTHORIZATION officer_100;
SELECT throws_ok($$SELECT eduaid.record_objection(nt_item('household_year', 'nt_h2'), 'x', NULL,
                                                  current_date - 2)$$,
    'EA012', NULL, 'no objection is recorded on a closed notice');
RESET SESSION AUTHORIZATION;
SET ROLE eduaid_owner;
SELECT throws_ok($$UPDATE eduaid.notice SET closed_at = NULL, closed_by = NULL
                    WHERE id = fx('nt_n1')$$, 'EA012', NULL,
    'eduaid_owner: a closed notice cannot be reopened');
SELECT throws_ok($$UPDATE eduaid.household_year SET status = 'final' WHERE id = fx('nt_h1')$$, 'EA012',
    NULL, 'eduaid_owner: nt_h1 cannot be made final: its second notice is open');
RESET ROLE;

-- ==== final: read-only; reopened like approved ==============================
SET SESSION AUTHORIZATION demo_clerk;
SELECT throws_ok($$UPDATE eduaid.household_year SET notes = '改' WHERE id = fx('nt_h2')$$, 'EA006',
    NULL, 'a final record is read-only');
SELECT lives_ok($$SELECT eduaid.reopen('household_year', fx('nt_h2'), '家庭人口变化')$$,
    'a final record is reopened with a reason, like an approved one');
SELECT is(fx_status('household_year', 'nt_h2'), 'draft', 'it is a draft again');
SELECT ok((SELECT bool_and(v.changed_since) FROM eduaid.notice_verify(
              (SELECT record_hash FROM eduaid.notice_item WHERE id = nt_item('household_year', 'nt_h2'))) v),
    'notice_verify now says the record changed since its line was printed');
SELECT ok((SELECT NOT bool_or(v.changed_since) FROM eduaid.notice_verify(
              (SELECT record_hash FROM eduaid.notice_item WHERE id = nt_item('household_year', 'nt_h3'))) v),
    'and that nt_h3 (final) did not, its notice and finalize entries aside');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
