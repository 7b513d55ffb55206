-- tests/db/30_transfer.sql: a household moving between townships (issue 11;
-- sql/028_transfers.sql, sql/repeatable/41_transfer.sql), as each role.
--
-- clerk_100 (城关镇) asks to move a household of his to 军店镇; officer_101
-- (军店镇) sees it coming and accepts it into a village of his; the
-- household, its members and its 2026 year record (with that year's member
-- rows and grant) are then 军店镇's, its 2025 year record stays 城关镇's and
-- 城关镇's 2025 tallies do not change; clerk_101 edits the household,
-- clerk_100 no longer sees it; the registry holds its numbers in 军店镇.
-- Refusing, withdrawing, four-eyes, what keeps a household from moving,
-- and the hostile logins: a clerk of a third township (clerk_103, 土城镇)
-- sees neither the request nor the result, and the functions answer
-- another township's ids exactly as missing ones. The demo's own
-- transfers (sql/data/demo_transfers.sql) are left out of what
-- transfers() is asked: the test's households are TEST-*. Runs in about
-- two seconds (80 assertions).
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(80);

-- A year record of household hh_key for school_year, as the current user,
-- with a year row for every member and one grant per member.
CREATE FUNCTION public.fx_tr_year(key text, hh_key text, school_year int) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    y bigint;
BEGIN
    INSERT INTO eduaid.household_year (township_id, household_id, school_year)
    SELECT h.township_id, h.id, fx_tr_year.school_year FROM eduaid.household h
     WHERE h.id = public.fx(hh_key)
    RETURNING id INTO y;
    INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage,
                                     school_id, grade)
    SELECT s.township_id, y, s.id, 'primary',
           (SELECT min(c.id) FROM eduaid.school c
             WHERE c.township_id = s.township_id AND c.kind = 'primary'), 3
      FROM eduaid.student s WHERE s.household_id = public.fx(hh_key) AND s.relation = 'child';
    INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id, program,
                                        amount)
    SELECT s.township_id, y, s.student_id, 'compulsory_waiver', 500
      FROM eduaid.student_year s WHERE s.household_year_id = y;
    RETURN public.fx_set(key, y);
END
$$;

-- A village of township t.
CREATE FUNCTION public.fx_village(t int) RETURNS bigint
LANGUAGE sql STABLE
RETURN (SELECT max(v.id) FROM eduaid.village v WHERE v.township_id = t);

-- Approve a record of kind k through the workflow: clerk_100 submits,
-- officer_100 verifies, demo_supervisor approves.
CREATE FUNCTION public.fx_approve(k text, id bigint) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    SET SESSION AUTHORIZATION clerk_100;
    PERFORM eduaid.submit(k, id);
    SET SESSION AUTHORIZATION officer_100;
    PERFORM eduaid.verify(k, id);
    SET SESSION AUTHORIZATION demo_supervisor;
    PERFORM eduaid.approve(k, id);
    RESET SESSION AUTHORIZATION;
END
$$;

-- ==== the household that moves ==============================================
-- TEST-TR: an approved 城关镇 household; two children (one with the head's
-- own ID number as well: the registry names the person twice); an approved
-- 2025 year record and a draft 2026 one, each with member rows and grants.
SET SESSION AUTHORIZATION clerk_100;
SELECT fx_household('tr', 420325100) \gset
SELECT fx_student('tr_kid', 'tr') \gset
INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date,
                            relation)
SELECT h.township_id, h.id, '户主本人', h.head_id_number, eduaid.id_sex(h.head_id_number),
       eduaid.id_birth_date(h.head_id_number), 'other'
  FROM eduaid.household h WHERE h.id = fx('tr');
SELECT fx_tr_year('tr_2025', 'tr', 2025) \gset
SELECT fx_tr_year('tr_2026', 'tr', 2026) \gset
RESET SESSION AUTHORIZATION;
SELECT fx_approve('household_year', fx('tr_2025'));
SELECT fx_approve('household', fx('tr'));
SELECT is(eduaid.school_year_of(current_date), 2026, 'the school year is 2026 (the 2025 record is a past year)');

-- 城关镇's tallies of past years, before.
CREATE TEMPORARY TABLE tally_before AS
SELECT t.township_id, t.school_year, t.program, t.entitled, t.granted FROM eduaid.subsidy_tally t
 WHERE t.township_id = 420325100 AND t.school_year BETWEEN 1 AND 2025;
SELECT ok((SELECT sum(granted) FROM tally_before WHERE school_year = 2025) > 0,
          '城关镇 counts 2025 grants (among them TEST-TR''s)');

-- Two more households (refusing, withdrawing) and the blocked ones.
SET SESSION AUTHORIZATION clerk_100;
SELECT fx_household('tr_b', 420325100) \gset
SELECT fx_household('tr_c', 420325100) \gset
SELECT fx_household('tr_train', 420325100) \gset
SELECT fx_training('tr_train_e', 'tr_train') \gset
SELECT fx_household('tr_plan', 420325100) \gset
SELECT fx_special_ed('tr_plan_p', 'tr_plan') \gset
SELECT fx_household('tr_sub', 420325100) \gset
SELECT eduaid.submit('household', fx('tr_sub')) AS sub_version \gset
SET SESSION AUTHORIZATION clerk_103;
SELECT fx_household('tr_tc', 420325103) \gset

-- ==== requesting ============================================================
SET SESSION AUTHORIZATION clerk_100;
SELECT lives_ok($$SELECT fx_set('req', eduaid.transfer_request(fx('tr'), 420325101, ' 随子女迁居 '))$$,
    'clerk_100 asks to move TEST-TR to 军店镇');
SELECT throws_ok($$SELECT eduaid.transfer_request(fx('tr'), 420325101, '再迁')$$, '23505', NULL,
    'one pending request per household (transfer_request_pending_key)');
SELECT throws_ok($$SELECT eduaid.transfer_request(fx('tr_b'), 420325100, '同镇')$$, 'EA116', NULL,
    'not to its own township');
SELECT throws_ok($$SELECT eduaid.transfer_request(fx('tr_b'), 999999999, '外县')$$, 'EA116', NULL,
    'not to a township that is not of the county');
SELECT throws_ok($$SELECT eduaid.transfer_request(fx('tr_b'), 420325101, '  ')$$, 'EA003', NULL,
    'a reason is required');
SELECT throws_ok($$SELECT eduaid.transfer_request(fx('tr_train'), 420325101, '迁居')$$, 'EA112', NULL,
    'a household with a training enrollment cannot move (EA112)');
SELECT throws_ok($$SELECT eduaid.transfer_request(fx('tr_plan'), 420325101, '迁居')$$, 'EA113', NULL,
    'a household with a special-education plan cannot move (EA113)');
SELECT throws_ok($$SELECT eduaid.transfer_request(fx('tr_sub'), 420325101, '迁居')$$, 'EA115', NULL,
    'a household under review cannot move (EA115)');
SELECT is((SELECT row(state, replace(message, fx('tr_tc')::text, '0'))::text FROM fx_refusal(format(
              'SELECT eduaid.transfer_request(%s, 420325101, %L)', fx('tr_tc'), '迁居'))),
          (SELECT row(state, message)::text
             FROM fx_refusal('SELECT eduaid.transfer_request(0, 420325101, ''迁居'')')),
          'another township''s household is answered as one that does not exist (EA080, same words)');
SELECT is((SELECT state FROM fx_refusal(format(
              'SELECT eduaid.transfer_request(%s, 420325101, %L)', fx('tr_tc'), '迁居'))),
          'EA080', '... and that answer is EA080');
SELECT throws_ok($$SELECT * FROM eduaid.transfer_request$$, '42501', NULL,
    'no login reads the table itself (only eduaid.transfers())');
SELECT throws_ok($$INSERT INTO eduaid.transfer_request (township_id, household_id, household_no,
        head_name, to_township_id, reason) VALUES (420325100, fx('tr_b'), 'x', 'x', 420325101, 'x')$$,
    '42501', NULL, 'nor writes it');
SELECT throws_ok($$SELECT eduaid.transfer_check(420325100, fx('tr'))$$, '42501', NULL,
    'the transferer''s helpers are not the logins''');
SELECT throws_ok($$UPDATE eduaid.household SET township_id = 420325101 WHERE id = fx('tr')$$,
    '42501', NULL, 'a clerk cannot move a household himself');

SELECT results_eq(
    $$SELECT direction, household_no, head_name, from_township, to_township, reason, state,
             requested_by, may_decide, may_withdraw FROM eduaid.transfers() WHERE household_no LIKE 'TEST-%'$$,
    $$VALUES ('out', 'TEST-TR', '测试户主', '城关镇', '军店镇', '随子女迁居', 'pending',
              'clerk_100', false, true)$$,
    'the sending clerk sees his request going out (the reason tidied), may withdraw it');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a
            WHERE a.kind = 'household' AND a.record_id = fx('tr')
              AND a.table_name = 'transfer_request' AND a.action = 'insert'
              AND a.actor = 'clerk_100' AND a.township_id = 420325100),
          1, 'the request is audited under the household, in the sending township');

-- ==== who sees it ===========================================================
SET SESSION AUTHORIZATION officer_101;
SELECT results_eq(
    $$SELECT direction, household_no, from_township, to_township, state, may_decide, may_withdraw
        FROM eduaid.transfers() WHERE household_no LIKE 'TEST-%'$$,
    $$VALUES ('in', 'TEST-TR', '城关镇', '军店镇', 'pending', true, false)$$,
    'the receiving officer sees it coming and may decide it');
SELECT is((SELECT count(*)::int FROM eduaid.household WHERE id = fx('tr')), 0,
    '... but does not read the household before it is his');
SET SESSION AUTHORIZATION clerk_101;
SELECT results_eq($$SELECT direction, may_decide FROM eduaid.transfers() WHERE household_no LIKE 'TEST-%'$$,
    $$VALUES ('in', false)$$, 'the receiving clerk sees it too, and may not decide it');
SET SESSION AUTHORIZATION clerk_103;
SELECT is((SELECT count(*)::int FROM eduaid.transfers() WHERE household_no LIKE 'TEST-%'), 0,
    'a clerk of a third township sees no request');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT results_eq($$SELECT direction, household_no, may_decide, may_withdraw FROM eduaid.transfers() WHERE household_no LIKE 'TEST-%'$$,
    $$VALUES ('both', 'TEST-TR', false, false)$$,
    'a supervisor sees the county''s requests, and decides none');
SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.transfers() WHERE household_no LIKE 'TEST-%'), 1, 'an auditor sees them too');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT * FROM eduaid.transfers()$$, '42501', NULL,
    'the admin does not');

-- ==== the wrong people accepting ============================================
SET SESSION AUTHORIZATION clerk_101;
SELECT throws_ok($$SELECT eduaid.transfer_accept(fx('req'), fx_village(420325101))$$, 'EA004', NULL,
    'a clerk does not accept');
SET SESSION AUTHORIZATION officer_100;
SELECT throws_ok($$SELECT eduaid.transfer_accept(fx('req'), fx_village(420325100))$$, 'EA110', NULL,
    'the sending township''s officer does not accept (no such request for him)');
SET SESSION AUTHORIZATION officer_103;
SELECT is((SELECT row(state, replace(message, fx('req')::text, '0'))::text FROM fx_refusal(format(
              'SELECT eduaid.transfer_accept(%s, %s)', fx('req'), fx_village(420325103)))),
          (SELECT row(state, message)::text
             FROM fx_refusal(format('SELECT eduaid.transfer_accept(0, %s)', fx_village(420325103)))),
          'a third township''s officer: another''s request is answered as a missing one');
SELECT is((SELECT state FROM fx_refusal(format('SELECT eduaid.transfer_refuse(%s, %L)', fx('req'), '不'))),
          'EA110', '... and he cannot refuse it (EA110)');
SELECT is((SELECT state FROM fx_refusal(format('SELECT eduaid.transfer_withdraw(%s)', fx('req')))),
          'EA110', '... nor withdraw it');
SET SESSION AUTHORIZATION officer_101;
SELECT throws_ok($$SELECT eduaid.transfer_withdraw(fx('req'))$$, 'EA110', NULL,
    'the receiving side does not withdraw');
SELECT throws_ok($$SELECT eduaid.transfer_accept(fx('req'), fx_village(420325100))$$, 'EA117', NULL,
    'the village is one of the receiving township (EA117)');

-- ==== accepting =============================================================
SET SESSION AUTHORIZATION officer_101;
SELECT lives_ok($$SELECT eduaid.transfer_accept(fx('req'), fx_village(420325101))$$,
    'officer_101 accepts TEST-TR into a village of 军店镇');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT township_id, village_id, status, editors FROM eduaid.household WHERE id = fx('tr')$$,
    $$SELECT 420325101, fx_village(420325101), 'approved'::text, ARRAY['clerk_100']::text[]$$,
    'the household is 军店镇''s, in the chosen village, still approved, its editors unchanged');
SELECT is((SELECT array_agg(DISTINCT township_id) FROM eduaid.student WHERE household_id = fx('tr')),
          ARRAY[420325101], 'its members moved');
SELECT results_eq(
    $$SELECT school_year, township_id, status FROM eduaid.household_year
       WHERE household_id = fx('tr') ORDER BY school_year$$,
    $$VALUES (2025, 420325100, 'approved'::text), (2026, 420325101, 'draft')$$,
    'the 2026 year record moved; the 2025 one stays with 城关镇, approved');
SELECT results_eq(
    $$SELECT school_year, array_agg(DISTINCT township_id) FROM eduaid.student_year
       WHERE household_id = fx('tr') GROUP BY school_year ORDER BY school_year$$,
    $$VALUES (2025, ARRAY[420325100]), (2026, ARRAY[420325101])$$,
    'so did the member rows of each year');
SELECT results_eq(
    $$SELECT school_year, array_agg(DISTINCT township_id) FROM eduaid.student_subsidy
       WHERE household_id = fx('tr') GROUP BY school_year ORDER BY school_year$$,
    $$VALUES (2025, ARRAY[420325100]), (2026, ARRAY[420325101])$$,
    'and the grants of each year');
SELECT results_eq(
    $$SELECT township_id, school_year, program, entitled, granted FROM eduaid.subsidy_tally
       WHERE township_id = 420325100 AND school_year BETWEEN 1 AND 2025 ORDER BY 2, 3$$,
    $$SELECT township_id, school_year, program, entitled, granted FROM tally_before ORDER BY 2, 3$$,
    '城关镇''s tallies of past years are what they were');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log a
            WHERE a.actor = 'officer_101' AND a.action = 'update' AND a.township_id = 420325101
              AND a.old_row ->> 'township_id' = '420325100'
              AND a.new_row ->> 'township_id' = '420325101'
              AND (a.new_row ->> 'household_id' = fx('tr')::text OR a.row_id = fx('tr'))),
          1 + 2 + 1 + 1 + 1,
          'every moved row is audited: who moved it, from where to where (household, 2 members, year record, its member row, its grant)');
SELECT results_eq(
    $$SELECT state, decided_by, to_village_id FROM eduaid.transfer_request WHERE id = fx('req')$$,
    $$SELECT 'accepted'::text, 'officer_101'::text, fx_village(420325101)$$,
    'the request says who accepted it and where to');

-- ==== after =================================================================
SET SESSION AUTHORIZATION clerk_101;
SELECT is((SELECT count(*)::int FROM eduaid.household WHERE id = fx('tr')), 1,
    'the receiving clerk reads the household');
SELECT is((SELECT state FROM fx_refusal(format('UPDATE eduaid.household SET phone = %L WHERE id = %s',
                                                '13800000000', fx('tr')))), 'EA006',
    'the approved household stays read-only to him (as any approved record)');
SELECT lives_ok($$SELECT eduaid.reopen('household', fx('tr'), '迁入后核实住址')$$,
    'he reopens it with a reason');
SELECT is(fx_rowcount(format('UPDATE eduaid.household SET address = %L WHERE id = %s',
                             '军店镇新址', fx('tr'))), 1,
    '... and edits it');
SELECT is(fx_rowcount(format('UPDATE eduaid.household_year SET notes = %L WHERE id = %s',
                             '迁入', fx('tr_2026'))), 1,
    'he edits its 2026 year record');
SELECT ok(EXISTS (SELECT FROM eduaid.record_history('household', fx('tr')) h
                   WHERE h.actor = 'officer_101' AND h.table_name = 'household'
                     AND h.changes ? 'township_id'),
    'the household''s history shows the move (township and village), by officer_101');
SELECT is((SELECT count(*)::int FROM eduaid.student_year
            WHERE household_id = fx('tr') AND school_year = 2025), 0,
    'he does not read the 2025 member rows, which stayed with 城关镇');
SET SESSION AUTHORIZATION clerk_100;
SELECT is((SELECT count(*)::int FROM eduaid.household WHERE id = fx('tr')), 0,
    'the sending clerk no longer reads the household');
SELECT is((SELECT count(*)::int FROM eduaid.student WHERE household_id = fx('tr')), 0,
    '... nor its members');
SELECT is((SELECT count(*)::int FROM eduaid.household_year WHERE household_id = fx('tr')), 1,
    '... but still its 2025 year record');
SELECT is(fx_rowcount(format('UPDATE eduaid.household SET address = %L WHERE id = %s',
                             'x', fx('tr'))), 0,
    '... and cannot write the household');
SELECT throws_ok($$INSERT INTO eduaid.household_year (township_id, household_id, school_year)
                   VALUES (420325100, fx('tr'), 2027)$$, 'EA080', NULL,
    '... nor add a year record to it in 城关镇');
SELECT results_eq($$SELECT state, to_village FROM eduaid.transfers() WHERE household_no LIKE 'TEST-%'$$,
    $$SELECT 'accepted'::text, (SELECT v.name FROM eduaid.village v WHERE v.id = fx_village(420325101))$$,
    '... and reads the request''s outcome');
SELECT ok(EXISTS (SELECT FROM eduaid.record_history('household', fx('tr')) h
                   WHERE h.table_name = 'transfer_request' AND h.action = 'update'
                     AND h.actor = 'officer_101' AND h.changes -> 'state' = '["pending", "accepted"]'),
    'the household''s history in 城关镇 ends with the acceptance');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT DISTINCT g.township_id FROM eduaid.registry g
       WHERE g.kind IN ('person', 'household_no') AND g.holder = fx('tr')$$,
    $$VALUES (420325101)$$,
    'the registry holds the household''s number and people in 军店镇');
SELECT results_eq(
    $$SELECT g.refs FROM eduaid.registry g JOIN eduaid.household h ON h.head_id_number = g.key
       WHERE g.kind = 'person' AND h.id = fx('tr')$$,
    $$VALUES (2)$$,
    'the head, named twice (head and member), is still counted twice');
SELECT set_config('eduaid_test.tr_head',
                  (SELECT h.head_id_number FROM eduaid.household h WHERE h.id = fx('tr')), false)
  IS NOT NULL AS kept \gset
SET SESSION AUTHORIZATION clerk_100;
SELECT results_eq(format(
        $$SELECT state, message FROM fx_refusal(format('INSERT INTO eduaid.household (township_id, '
          'household_no, village_id, head_name, head_id_number, registered_year, family_size) '
          'VALUES (420325100, %%L, %s, %%L, %%L, 2016, 3)', 'TEST-TR2', '重名',
          current_setting('eduaid_test.tr_head')))$$, fx_village(420325100)),
    $$VALUES ('EA008', 'this ID number is already registered in 军店镇; contact that township (该身份证号已在军店镇登记，请与该乡镇联系)')$$,
    'the sending clerk registering the moved head again is told it is 军店镇''s (EA008)');
SET SESSION AUTHORIZATION clerk_103;
SELECT is((SELECT count(*)::int FROM eduaid.transfers() WHERE household_no LIKE 'TEST-%'), 0,
    'a clerk of a third township sees nothing of it afterwards either');
SELECT is((SELECT count(*)::int FROM eduaid.household WHERE id = fx('tr')), 0,
    '... nor the household');

-- ==== refusing ==============================================================
SET SESSION AUTHORIZATION clerk_100;
SELECT fx_set('req_b', eduaid.transfer_request(fx('tr_b'), 420325101, '投亲')) \gset
SET SESSION AUTHORIZATION officer_101;
SELECT throws_ok($$SELECT eduaid.transfer_refuse(fx('req_b'), ' ')$$, 'EA003', NULL,
    'a refusal needs a reason');
SELECT lives_ok($$SELECT eduaid.transfer_refuse(fx('req_b'), '该户未在本镇落户')$$,
    'officer_101 refuses TEST-TR-B with a reason');
SELECT throws_ok($$SELECT eduaid.transfer_accept(fx('req_b'), fx_village(420325101))$$, 'EA111', NULL,
    'a refused request is not accepted afterwards (EA111)');
SET SESSION AUTHORIZATION clerk_100;
SELECT results_eq($$SELECT state, refusal_reason, may_withdraw FROM eduaid.transfers()
                     WHERE household_no = 'TEST-TR-B'$$,
    $$VALUES ('refused', '该户未在本镇落户', false)$$,
    'the sending clerk reads the refusal and its reason');
SELECT is((SELECT township_id FROM eduaid.household WHERE id = fx('tr_b')), 420325100,
    'the refused household stays');
SELECT lives_ok($$SELECT eduaid.transfer_request(fx('tr_b'), 420325101, '补充材料后再申请')$$,
    'after a refusal a new request may be made');

-- ==== withdrawing ===========================================================
SELECT fx_set('req_c', eduaid.transfer_request(fx('tr_c'), 420325101, '务工')) \gset
SET SESSION AUTHORIZATION officer_100;
SELECT lives_ok($$SELECT eduaid.transfer_withdraw(fx('req_c'))$$,
    'an officer of the sending township withdraws it');
SELECT throws_ok($$SELECT eduaid.transfer_withdraw(fx('req_c'))$$, 'EA111', NULL,
    'once');
SET SESSION AUTHORIZATION officer_101;
SELECT throws_ok($$SELECT eduaid.transfer_accept(fx('req_c'), fx_village(420325101))$$, 'EA111', NULL,
    'a withdrawn request is not accepted');
SELECT results_eq($$SELECT state, may_decide FROM eduaid.transfers() WHERE household_no = 'TEST-TR-C'$$,
    $$VALUES ('withdrawn', false)$$, 'the receiving side sees it withdrawn');

-- ==== four-eyes =============================================================
-- officer_101 works in both townships for a while: he may ask, not accept.
RESET SESSION AUTHORIZATION;
INSERT INTO eduaid.app_user_township (login, township_id) VALUES ('officer_101', 420325100);
SET SESSION AUTHORIZATION officer_101;
SELECT fx_set('req_d', eduaid.transfer_request(fx('tr_c'), 420325101, '务工')) \gset
SELECT results_eq($$SELECT direction, may_decide, may_withdraw FROM eduaid.transfers()
                     WHERE id = fx('req_d')$$,
    $$VALUES ('both', false, true)$$, 'he sees both sides of his own request, may not decide it');
SELECT throws_ok($$SELECT eduaid.transfer_accept(fx('req_d'), fx_village(420325101))$$, 'EA118', NULL,
    'four-eyes: he does not accept a transfer he requested (EA118)');
SELECT eduaid.transfer_withdraw(fx('req_d')) AS withdrawn \gset
RESET SESSION AUTHORIZATION;
DELETE FROM eduaid.app_user_township WHERE login = 'officer_101' AND township_id = 420325100;

-- ==== blocked at acceptance =================================================
-- A record that keeps a household from moving, made after the request.
SET SESSION AUTHORIZATION clerk_100;
SELECT fx_set('req_e', eduaid.transfer_request(fx('tr_c'), 420325101, '务工')) \gset
SELECT fx_training('tr_c_e', 'tr_c') \gset
SET SESSION AUTHORIZATION officer_101;
SELECT throws_ok($$SELECT eduaid.transfer_accept(fx('req_e'), fx_village(420325101))$$, 'EA112', NULL,
    'what keeps a household from moving is checked again at acceptance');

-- ==== the guards ============================================================
RESET SESSION AUTHORIZATION;
SET ROLE eduaid_transferer;
SELECT ok(eduaid.transfer_move('{"township_id": 1, "village_id": 1, "version": 1, "phone": "1"}',
                               '{"township_id": 2, "village_id": 2, "version": 2, "phone": "1"}'),
    'a pure move by the transferer passes the guards');
SELECT ok(NOT eduaid.transfer_move('{"township_id": 1, "phone": "1"}',
                                   '{"township_id": 2, "phone": "2"}'),
    'a move that changes anything else does not');
SELECT ok(NOT eduaid.transfer_move('{"township_id": 1, "village_id": 1}',
                                   '{"township_id": 1, "village_id": 2}'),
    'a change of village alone is no move');
SELECT ok(NOT eduaid.transfer_move('{"township_id": 1, "status": "draft"}',
                                   '{"township_id": 2, "status": "approved"}'),
    '... not the status either');
RESET ROLE;
SET ROLE eduaid_owner;
SELECT ok(NOT eduaid.transfer_move('{"township_id": 1}', '{"township_id": 2}'),
    'for anyone but the transferer no move passes');
RESET ROLE;
SELECT ok(NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'eduaid_transferer'
                        AND (rolcanlogin OR rolsuper OR rolbypassrls)),
    'eduaid_transferer is NOLOGIN, no superuser, obeys row-level security');
SELECT ok(NOT has_table_privilege('eduaid_transferer', 'eduaid.household', 'UPDATE')
          AND NOT has_table_privilege('eduaid_transferer', 'eduaid.household', 'DELETE')
          AND NOT has_column_privilege('eduaid_transferer', 'eduaid.household', 'status', 'UPDATE')
          AND has_column_privilege('eduaid_transferer', 'eduaid.household', 'township_id', 'UPDATE'),
    'the transferer updates the township (and village) only, deletes nothing');

SELECT * FROM finish();
ROLLBACK;
