-- tests/db/32_member_transfer.sql: one member moving to a household of
-- another township (issue 11; sql/033_member_transfers.sql,
-- sql/repeatable/41_transfer.sql), as each role.
--
-- clerk_100 (城关镇) asks to move TEST-MH's child mk to 军店镇; officer_101
-- accepts her into TEST-RH, a household of his. Her row in TEST-MH stays,
-- marked moved out, with its 2025 and 2026 year rows and grants (城关镇's
-- tallies of both years do not change); a new row in TEST-RH has her own
-- facts and a link back; the registry holds her ID number in TEST-RH;
-- clerk_101 edits her, clerk_100 no longer can; she is not counted twice
-- in 2026; the 2027 rollover proposes her in TEST-RH and not in TEST-MH.
-- Refusals, four-eyes, the wrong kind, and the hostile logins (a third
-- township's officer, another township's ids). (transfers() is asked
-- about the test's TEST-* households: the demo has transfers of its own,
-- sql/data/demo_transfers.sql.) Runs in about two seconds
-- (67 assertions).
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(67);

-- A year record of household hh_key for school_year, as the current user:
-- a primary-3 row for every current member (given here, not taken from the
-- register) and a 500 yuan compulsory_waiver grant each.
CREATE FUNCTION public.fx_mt_year(key text, hh_key text, school_year int) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    y bigint;
BEGIN
    INSERT INTO eduaid.household_year (township_id, household_id, school_year)
    SELECT h.township_id, h.id, fx_mt_year.school_year FROM eduaid.household h
     WHERE h.id = public.fx(hh_key)
    RETURNING id INTO y;
    INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage,
                                     school_id, grade)
    SELECT s.township_id, y, s.id, 'primary',
           (SELECT min(c.id) FROM eduaid.school c
             WHERE c.township_id = s.township_id AND c.kind = 'primary'), 3
      FROM eduaid.student s
     WHERE s.household_id = public.fx(hh_key) AND s.moved_out_on IS NULL
       AND s.relation <> 'self';
    INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id, program,
                                        amount)
    SELECT s.township_id, y, s.student_id, 'compulsory_waiver', 500
      FROM eduaid.student_year s WHERE s.household_year_id = y;
    RETURN public.fx_set(key, y);
END
$$;

-- Approve a record through the workflow: a clerk submits, an officer
-- verifies, demo_supervisor approves.
CREATE FUNCTION public.fx_mt_approve(k text, id bigint, clerk text, officer text) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    EXECUTE format('SET SESSION AUTHORIZATION %I', clerk);
    PERFORM eduaid.submit(k, id);
    EXECUTE format('SET SESSION AUTHORIZATION %I', officer);
    PERFORM eduaid.verify(k, id);
    SET SESSION AUTHORIZATION demo_supervisor;
    PERFORM eduaid.approve(k, id);
    RESET SESSION AUTHORIZATION;
END
$$;

-- ==== the households ========================================================
-- TEST-MH (城关镇): children mk and mk2, the head as a member too; approved
-- 2025 and 2026 records. TEST-RH (军店镇): child rk, an approved 2026
-- record. TEST-MP (城关镇): a child with a special-education plan.
SET SESSION AUTHORIZATION clerk_100;
SELECT fx_household('mh', 420325100) \gset
SELECT fx_student('mk', 'mh', '2016-03-01', 'F') \gset
SELECT fx_student('mk2', 'mh', '2015-05-01', 'M') \gset
INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date, relation)
SELECT h.township_id, h.id, '户主本人', h.head_id_number, eduaid.id_sex(h.head_id_number),
       eduaid.id_birth_date(h.head_id_number), 'self'
  FROM eduaid.household h WHERE h.id = fx('mh');
SELECT fx_set('mhead', (SELECT s.id FROM eduaid.student s
                         WHERE s.household_id = fx('mh') AND s.relation = 'self')) \gset
SELECT fx_mt_year('mh_2025', 'mh', 2025) \gset
SELECT fx_mt_year('mh_2026', 'mh', 2026) \gset
SELECT fx_household('mp', 420325100) \gset
SELECT fx_student('mpk', 'mp') \gset
INSERT INTO eduaid.special_ed_plan (township_id, household_id, child_name, child_id_number,
    child_sex, child_birth_date, disability_type, disability_grade, placement, school_id, placed_on)
SELECT s.township_id, s.household_id, s.name, s.id_number, s.sex, s.birth_date, 'hearing', 2,
       'regular_class', (SELECT min(c.id) FROM eduaid.school c
                          WHERE c.township_id = s.township_id AND c.kind = 'primary'),
       date '2025-09-01'
  FROM eduaid.student s WHERE s.id = fx('mpk');
SET SESSION AUTHORIZATION clerk_101;
SELECT fx_household('rh', 420325101) \gset
SELECT fx_student('rk', 'rh', '2013-01-01', 'M') \gset
SELECT fx_mt_year('rh_2026', 'rh', 2026) \gset
SELECT fx_household('rh_busy', 420325101) \gset
SELECT eduaid.submit('household', fx('rh_busy')) AS busy_version \gset
SET SESSION AUTHORIZATION clerk_103;
SELECT fx_household('mt3', 420325103) \gset
SELECT fx_student('mt3k', 'mt3') \gset
RESET SESSION AUTHORIZATION;
SELECT fx_mt_approve('household_year', fx('mh_2025'), 'clerk_100', 'officer_100');
SELECT fx_mt_approve('household_year', fx('mh_2026'), 'clerk_100', 'officer_100');
SELECT fx_mt_approve('household', fx('mh'), 'clerk_100', 'officer_100');
SELECT fx_mt_approve('household_year', fx('rh_2026'), 'clerk_101', 'officer_101');
SELECT fx_mt_approve('household', fx('rh'), 'clerk_101', 'officer_101');

-- The tallies of both townships, before.
CREATE TEMPORARY TABLE tally_before AS
SELECT 's' AS t, township_id, school_year, program AS k, entitled AS a, granted AS b
  FROM eduaid.subsidy_tally WHERE township_id IN (420325100, 420325101)
UNION ALL
SELECT 'm', township_id, school_year, stage || '/' || school_id, n, 0
  FROM eduaid.member_tally WHERE township_id IN (420325100, 420325101);
SELECT is((SELECT count(*)::int FROM eduaid.student_year
            WHERE household_id = fx('mh') AND school_year IN (2025, 2026)), 4,
          'TEST-MH has mk and mk2 in its 2025 and 2026 records (2 + 2 rows)');

-- ==== requesting ============================================================
SET SESSION AUTHORIZATION clerk_100;
SELECT throws_ok($$SELECT eduaid.transfer_request_member(fx('mhead'), 420325101, '婚迁')$$,
    'EA152', NULL, 'the head does not move alone (EA152)');
SELECT throws_ok($$SELECT eduaid.transfer_request_member(fx('mpk'), 420325101, '投亲')$$,
    'EA153', NULL, 'a child with a special-education plan does not move alone yet (EA153)');
SELECT throws_ok($$SELECT eduaid.transfer_request_member(fx('mk'), 420325100, '同镇')$$,
    'EA116', NULL, 'not to its own township');
SELECT throws_ok($$SELECT eduaid.transfer_request_member(fx('mk'), 420325101, ' ')$$,
    'EA003', NULL, 'a reason is required');
SELECT is((SELECT row(state, replace(message, fx('mt3k')::text, '0'))::text FROM fx_refusal(format(
              'SELECT eduaid.transfer_request_member(%s, 420325101, %L)', fx('mt3k'), '投亲'))),
          (SELECT row(state, message)::text
             FROM fx_refusal('SELECT eduaid.transfer_request_member(0, 420325101, ''投亲'')')),
          'another township''s member is answered as one that does not exist (same words)');
SELECT is((SELECT state FROM fx_refusal(format(
              'SELECT eduaid.transfer_request_member(%s, 420325101, %L)', fx('mt3k'), '投亲'))),
          'EA150', '... and that answer is EA150');
SELECT lives_ok($$SELECT fx_set('mreq', eduaid.transfer_request_member(fx('mk'), 420325101, ' 随母投亲 '))$$,
    'clerk_100 asks to move mk to 军店镇');
SELECT throws_ok($$SELECT eduaid.transfer_request_member(fx('mk2'), 420325101, '投亲')$$,
    '23505', NULL, 'one pending request per household, of either kind');
SELECT throws_ok($$SELECT eduaid.transfer_request(fx('mh'), 420325101, '整户')$$,
    '23505', NULL, '... a household''s too');
SELECT results_eq(
    $$SELECT direction, household_no, member_name, from_township, to_township, reason, state,
             may_decide, may_withdraw, to_household_no FROM eduaid.transfers()
       WHERE household_no LIKE 'TEST-%'$$,
    $$VALUES ('out', 'TEST-MH', '测试学生', '城关镇', '军店镇', '随母投亲', 'pending',
              false, true, NULL::text)$$,
    'the sending clerk sees the member''s request going out');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a
            WHERE a.kind = 'household' AND a.record_id = fx('mh')
              AND a.table_name = 'transfer_request' AND a.action = 'insert'),
          1, 'the request is audited under the household');

-- ==== who sees it, who decides ==============================================
SET SESSION AUTHORIZATION officer_101;
SELECT results_eq(
    $$SELECT direction, member_name, may_decide, student_id = fx('mk') FROM eduaid.transfers()
       WHERE household_no LIKE 'TEST-%'$$,
    $$VALUES ('in', '测试学生', true, true)$$,
    'the receiving officer sees the member coming, and may decide');
SELECT is((SELECT count(*)::int FROM eduaid.student WHERE id = fx('mk')), 0,
    '... but does not read her row before she is his');
SET SESSION AUTHORIZATION clerk_103;
SELECT is((SELECT count(*)::int FROM eduaid.transfers() WHERE household_no LIKE 'TEST-%'), 0,
    'a third township sees nothing');
SET SESSION AUTHORIZATION officer_103;
SELECT is((SELECT row(state, replace(replace(message, fx('mreq')::text, '0'), fx('mt3')::text, '1'))::text
             FROM fx_refusal(format('SELECT eduaid.transfer_accept_member(%s, %s)', fx('mreq'), fx('mt3')))),
          (SELECT row(state, message)::text
             FROM fx_refusal(format('SELECT eduaid.transfer_accept_member(0, %s)', fx('mt3')))),
          'a third township''s officer: another''s request reads as a missing one');
SET SESSION AUTHORIZATION clerk_101;
SELECT throws_ok($$SELECT eduaid.transfer_accept_member(fx('mreq'), fx('rh'))$$, 'EA004', NULL,
    'a clerk does not accept');
SET SESSION AUTHORIZATION officer_101;
SELECT throws_ok($$SELECT eduaid.transfer_accept(fx('mreq'), (SELECT min(id) FROM eduaid.village WHERE township_id = 420325101))$$,
    'EA157', NULL, 'a member''s request is not accepted into a village (EA157)');
SELECT throws_ok($$SELECT eduaid.transfer_accept_member(fx('mreq'), fx('mh'))$$, 'EA155', NULL,
    'the receiving household is one of the receiving township (EA155)');
SELECT is((SELECT row(state, replace(message, fx('mt3')::text, '0'))::text FROM fx_refusal(format(
              'SELECT eduaid.transfer_accept_member(%s, %s)', fx('mreq'), fx('mt3')))),
          (SELECT row(state, message)::text FROM fx_refusal(format(
              'SELECT eduaid.transfer_accept_member(%s, 0)', fx('mreq')))),
          '... a third township''s household reads as one that does not exist');
SELECT throws_ok($$SELECT eduaid.transfer_accept_member(fx('mreq'), fx('rh_busy'))$$, 'EA156', NULL,
    'not into a household under review (EA156)');

-- four-eyes: an officer who requested it does not accept it
SET SESSION AUTHORIZATION clerk_100;
SELECT lives_ok($$SELECT eduaid.transfer_withdraw(fx('mreq'))$$, 'the requester withdraws');
SELECT throws_ok($$SELECT eduaid.transfer_withdraw(fx('mreq'))$$, 'EA111', NULL,
    '... once');
SET SESSION AUTHORIZATION officer_101;
SELECT is((SELECT state FROM fx_refusal(format('SELECT eduaid.transfer_accept_member(%s, %s)',
                                               fx('mreq'), fx('rh')))),
          'EA111', 'a withdrawn request is not accepted');
-- four-eyes: officer_101 works in both townships for a while: he may ask,
-- not accept
RESET SESSION AUTHORIZATION;
INSERT INTO eduaid.app_user_township (login, township_id) VALUES ('officer_101', 420325100);
SET SESSION AUTHORIZATION officer_101;
SELECT fx_set('mreq_o', eduaid.transfer_request_member(fx('mk'), 420325101, '投亲')) \gset
SELECT throws_ok($$SELECT eduaid.transfer_accept_member(fx('mreq_o'), fx('rh'))$$, 'EA118', NULL,
    'four-eyes: he does not accept a member''s move he requested (EA118)');
SELECT lives_ok($$SELECT eduaid.transfer_withdraw(fx('mreq_o'))$$, '... he withdraws it');
RESET SESSION AUTHORIZATION;
DELETE FROM eduaid.app_user_township WHERE login = 'officer_101' AND township_id = 420325100;
SET SESSION AUTHORIZATION clerk_100;
SELECT lives_ok($$SELECT fx_set('mreq2', eduaid.transfer_request_member(fx('mk'), 420325101, '随母投亲'))$$,
    'clerk_100 asks again');
SET SESSION AUTHORIZATION officer_101;
SELECT lives_ok($$SELECT eduaid.transfer_refuse(fx('mreq2'), '该户不同意')$$,
    'officer_101 refuses it with a reason');
SET SESSION AUTHORIZATION clerk_100;
SELECT lives_ok($$SELECT fx_set('mreq3', eduaid.transfer_request_member(fx('mk'), 420325101, '随母投亲'))$$,
    '... and is asked a third time');

-- ==== accepting =============================================================
SET SESSION AUTHORIZATION officer_101;
SELECT lives_ok($$SELECT fx_set('mk_new', eduaid.transfer_accept_member(fx('mreq3'), fx('rh')))$$,
    'officer_101 accepts mk into TEST-RH');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT township_id, household_id, moved_out_on FROM eduaid.student WHERE id = fx('mk')$$,
    $$SELECT 420325100, fx('mh'), current_date$$,
    'her old row stays in TEST-MH (城关镇), marked moved out today');
SELECT results_eq(
    $$SELECT n.township_id, n.household_id, n.name, n.id_number, n.sex, n.birth_date,
             n.moved_from_household_id, n.moved_from_id, n.moved_out_on
        FROM eduaid.student n WHERE n.id = fx('mk_new')$$,
    $$SELECT 420325101, fx('rh'), o.name, o.id_number, o.sex, o.birth_date, fx('mh'), fx('mk'),
             NULL::date FROM eduaid.student o WHERE o.id = fx('mk')$$,
    'her new row in TEST-RH has her own facts and the link back');
SELECT results_eq(
    $$SELECT g.township_id, g.holder, g.refs FROM eduaid.registry g
       WHERE g.kind = 'person' AND g.key = (SELECT id_number FROM eduaid.student WHERE id = fx('mk'))$$,
    $$VALUES (420325101, fx('rh'), 1)$$,
    'the registry holds her ID number in TEST-RH (军店镇), once');
SELECT results_eq(
    $$SELECT school_year, household_id, township_id, count(*)::int FROM eduaid.student_year
       WHERE student_id IN (fx('mk'), fx('mk_new')) GROUP BY 1, 2, 3 ORDER BY 1$$,
    $$VALUES (2025, fx('mh'), 420325100, 1), (2026, fx('mh'), 420325100, 1)$$,
    'her 2025 and 2026 year rows stay with TEST-MH in 城关镇 (this year is counted where it was)');
SELECT is((SELECT count(*)::int FROM eduaid.student_subsidy
            WHERE student_id = fx('mk') AND township_id = 420325100), 2,
    '... and so do her two grants');
SELECT results_eq(
    $$SELECT t, township_id, school_year, k, a, b FROM (
        SELECT 's' AS t, township_id, school_year, program AS k, entitled AS a, granted AS b
          FROM eduaid.subsidy_tally WHERE township_id IN (420325100, 420325101)
        UNION ALL
        SELECT 'm', township_id, school_year, stage || '/' || school_id, n, 0
          FROM eduaid.member_tally WHERE township_id IN (420325100, 420325101)) x
       ORDER BY 1, 2, 3, 4$$,
    $$SELECT * FROM tally_before ORDER BY 1, 2, 3, 4$$,
    'both townships'' tallies of 2025 and 2026 are what they were');
SELECT results_eq(
    $$SELECT state, decided_by, to_household_id FROM eduaid.transfer_request WHERE id = fx('mreq3')$$,
    $$SELECT 'accepted'::text, 'officer_101'::text, fx('rh')$$,
    'the request says who accepted it and into which household');
SELECT is((SELECT h.household_no FROM eduaid.household h
            JOIN eduaid.transfer_request r ON r.to_village_id = h.village_id
           WHERE r.id = fx('mreq3') AND h.id = fx('rh')), 'TEST-RH',
    '... and the village is the receiving household''s');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a
            WHERE a.actor = 'officer_101' AND a.table_name = 'student'
              AND ((a.action = 'update' AND a.township_id = 420325100 AND a.row_id = fx('mk'))
                   OR (a.action = 'insert' AND a.township_id = 420325101
                       AND a.row_id = fx('mk_new')))),
          2, 'both rows are audited as officer_101''s: the move out in 城关镇, the move in in 军店镇');
SELECT results_eq(
    $$SELECT status FROM eduaid.household WHERE id IN (fx('mh'), fx('rh')) ORDER BY id$$,
    $$VALUES ('approved'::text), ('approved')$$,
    'neither household is reopened: the acceptance is the decision');

-- ==== after =================================================================
SET SESSION AUTHORIZATION officer_101;
SELECT results_eq($$SELECT state, to_household_no FROM eduaid.transfers() WHERE id = fx('mreq3')$$,
    $$VALUES ('accepted'::text, 'TEST-RH'::text)$$, 'the receiving officer reads where she went');
SET SESSION AUTHORIZATION clerk_101;
SELECT is((SELECT count(*)::int FROM eduaid.student WHERE id = fx('mk_new')), 1,
    'the receiving clerk reads her new row');
SELECT is((SELECT count(*)::int FROM eduaid.student WHERE id = fx('mk')), 0,
    '... not the old one');
SELECT lives_ok($$SELECT eduaid.reopen('household', fx('rh'), '迁入成员核实')$$, 'he reopens TEST-RH');
SELECT is(fx_rowcount(format('UPDATE eduaid.student SET relation = %L WHERE id = %s',
                             'grandchild', fx('mk_new'))), 1, '... and edits her');
SELECT lives_ok($$SELECT eduaid.reopen('household_year', fx('rh_2026'), '迁入成员')$$,
    'he reopens TEST-RH''s 2026 record');
SELECT throws_ok($$INSERT INTO eduaid.student_year (township_id, household_year_id, student_id,
        stage, school_id, grade)
    SELECT 420325101, fx('rh_2026'), fx('mk_new'), 'primary',
           (SELECT min(c.id) FROM eduaid.school c WHERE c.township_id = 420325101 AND c.kind = 'primary'), 3$$,
    'EA158', NULL, '... but she is counted in 2026 in TEST-MH already: once per school year (EA158)');
SELECT throws_ok($$UPDATE eduaid.student SET moved_out_on = NULL WHERE id = fx('mk_new')$$,
    '42501', NULL, 'no login writes moved_out_on');
SELECT throws_ok($$INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex,
        birth_date, moved_from_household_id, moved_from_id)
    SELECT 420325101, fx('rh'), '冒名', fx_new_idno('2014-01-01'), 'M', '2014-01-01', fx('mh'), fx('mk2')$$,
    '42501', NULL, '... nor a link to another household''s member');
SET SESSION AUTHORIZATION clerk_100;
SELECT results_eq($$SELECT name, moved_out_on FROM eduaid.student WHERE id = fx('mk')$$,
    $$SELECT '测试学生'::text, current_date$$,
    'the sending clerk still reads her old row, moved out');
SELECT lives_ok($$SELECT eduaid.reopen('household', fx('mh'), '核实')$$, 'clerk_100 reopens TEST-MH');
SELECT throws_ok($$UPDATE eduaid.student SET name = '改名' WHERE id = fx('mk')$$, 'EA151', NULL,
    '... but the moved-out row is read-only (EA151)');
SELECT throws_ok($$DELETE FROM eduaid.student WHERE id = fx('mk')$$, '42501', NULL,
    '... and a clerk deletes no member row anyway');
SELECT throws_ok($$SELECT eduaid.transfer_request_member(fx('mk'), 420325103, '再迁')$$, 'EA151', NULL,
    'a member moved out does not move again from here (EA151)');
SELECT is(fx_rowcount(format('UPDATE eduaid.student SET name = %L WHERE id = %s', '冒名', fx('mk_new'))),
    0, 'he cannot write her new row (not his)');
SELECT throws_ok($$INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
    SELECT 420325100, fx('mh'), o.name, o.id_number, o.sex, o.birth_date FROM eduaid.student o
     WHERE o.id = fx('mk')$$, '23505', NULL,
    'he cannot add her back under her ID number (one row per person and household)');
SELECT is((SELECT state FROM fx_refusal($$INSERT INTO eduaid.student (township_id, household_id,
        name, id_number, sex, birth_date)
    SELECT 420325100, fx('mp'), o.name, o.id_number, o.sex, o.birth_date FROM eduaid.student o
     WHERE o.id = fx('mk')$$)), 'EA008',
    '... nor into another household of his: the registry says she is held elsewhere (EA008)');

-- ==== the next rollover =====================================================
RESET SESSION AUTHORIZATION;
SELECT fx_mt_approve('household_year', fx('rh_2026'), 'clerk_101', 'officer_101');
SET SESSION AUTHORIZATION clerk_101;
SELECT lives_ok($$SELECT * FROM eduaid.rollover(420325101, 2026)$$, 'clerk_101 rolls 军店镇 into 2027');
SELECT results_eq(
    $$SELECT y.student_id, y.stage, y.grade FROM eduaid.student_year y
        JOIN eduaid.household_year r ON r.township_id = y.township_id AND r.id = y.household_year_id
       WHERE r.household_id = fx('rh') AND r.school_year = 2027 ORDER BY y.student_id$$,
    $$VALUES (fx('rk'), 'primary'::text, 4), (fx('mk_new'), 'primary', 4)$$,
    'TEST-RH''s 2027 proposal has rk and mk, a grade up from her 2026 row in TEST-MH');
SET SESSION AUTHORIZATION clerk_100;
SELECT lives_ok($$SELECT * FROM eduaid.rollover(420325100, 2026)$$, 'clerk_100 rolls 城关镇 into 2027');
SELECT results_eq(
    $$SELECT y.student_id FROM eduaid.student_year y
        JOIN eduaid.household_year r ON r.township_id = y.township_id AND r.id = y.household_year_id
       WHERE r.household_id = fx('mh') AND r.school_year = 2027$$,
    $$VALUES (fx('mk2'))$$,
    'TEST-MH''s 2027 proposal has mk2 only: she moved out');
SELECT is((SELECT count(*)::int FROM eduaid.rollover_moved_in(420325101, 2026)), 0,
    'another township''s moved-in members read as none');
SET SESSION AUTHORIZATION officer_101;
SELECT is((SELECT count(*)::int FROM eduaid.rollover_moved_in(420325101, 2026)), 1,
    'the receiving officer reads her 2026 facts for the rollover (she is his member now)');

-- ==== a household that moved away, and its old township's rollover =========
-- TEST-HX's 2025 record stays in 城关镇 when the family moves to 土城镇:
-- 城关镇's rollover from 2025 must neither propose it nor fail on it.
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION clerk_100;
SELECT fx_household('hx', 420325100) \gset
SELECT fx_mt_year('hx_2025', 'hx', 2025) \gset
RESET SESSION AUTHORIZATION;
SELECT fx_mt_approve('household_year', fx('hx_2025'), 'clerk_100', 'officer_100');
SELECT fx_mt_approve('household', fx('hx'), 'clerk_100', 'officer_100');
SET SESSION AUTHORIZATION clerk_100;
SELECT fx_set('hx_req', eduaid.transfer_request(fx('hx'), 420325103, '务工')) \gset
SET SESSION AUTHORIZATION officer_103;
SELECT eduaid.transfer_accept(fx('hx_req'), (SELECT min(v.id) FROM eduaid.village v
                                              WHERE v.township_id = 420325103));
SET SESSION AUTHORIZATION clerk_100;
SELECT is((SELECT to_propose FROM eduaid.rollover_status(420325100, 2026)), 0,
    '城关镇''s rollover into 2026 has nothing to propose: TEST-HX (counted in 2025) moved away');
SELECT lives_ok($$SELECT * FROM eduaid.rollover(420325100, 2025)$$,
    '... and running it does not fail on the household it can no longer write');

-- ==== the role ==============================================================
RESET SESSION AUTHORIZATION;
SELECT is(has_column_privilege('eduaid_transferer', 'eduaid.student', 'name', 'UPDATE'), false,
    'the transferer updates no member''s facts');
SELECT is(has_table_privilege('eduaid_transferer', 'eduaid.student', 'DELETE'), false,
    '... and deletes none');

SELECT * FROM finish();
ROLLBACK;
