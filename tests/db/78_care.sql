-- tests/db/78_care.sql: 关爱留守儿童, the left-behind children's care ledger
-- (issue 17 H2; 059_care.sql, repeatable/36_m_care.sql), as the people
-- who use it and the ones who should not -- above all the counselling
-- notes, readable by the township's own clerks and officers and the
-- auditor only, attacked as a supervisor every way the brief names.
--
-- People: demo_clerk (城关镇 420325100 and 军店镇 420325101) writes in
-- 军店镇; officer_101 (军店镇) reads and writes there; demo_officer
-- (城关镇) and demo_clerk2 (土城镇) are of other townships;
-- demo_supervisor (county), demo_auditor.
--
-- The figures of the report are of school year 2023, which the demo data
-- does not hold (its years are 2024-2026): only this file's children
-- count. Its term is the spring term 2024-02-01 .. 2024-07-31 (a past
-- year's: eduaid.care_term), 182 days = 26 weeks, so twice weekly is 52
-- attendances. Children of 军店镇, by hand:
--   A  guardian (phone), teacher, volunteer; counselled 2024-03-10;
--      55 attendances                      -> all five: fully cared for
--   B  guardian, volunteer, no teacher; counselled 2023-10-10 (autumn,
--      not this term); 30 attendances       -> guardian, volunteer
--   C  a record with nothing; counselled 2024-05-01; 52 attendances
--      (exactly twice weekly)               -> counselled, active
--   D  not left-behind: no record possible (EA240), not counted
-- children 3, guardian 2, teacher 1, volunteer 2, counselled 2, active 2,
-- fully cared 1, 33.3%.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(52);

-- ==== the catalogue ==========================================================
SELECT is_empty(
    $$SELECT c.relname FROM pg_class c
       WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind = 'r'
         AND c.relname ~ '^care_' AND NOT (c.relrowsecurity AND c.relforcerowsecurity)$$,
    'every care table is under forced RLS');
SELECT is(
    (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
      WHERE a.attrelid = 'eduaid.care_counselling'::regclass AND a.attnum > 0
        AND NOT has_column_privilege('eduaid_supervisor', a.attrelid, a.attnum, 'SELECT')),
    '{counsel_notes}'::text[],
    'supervisors read every column of a session but the notes');
SELECT is(
    (SELECT array_agg(a.attname::text ORDER BY a.attname) FROM pg_attribute a
      WHERE a.attrelid = 'eduaid.care_record'::regclass AND a.attnum > 0
        AND NOT has_column_privilege('eduaid_supervisor', a.attrelid, a.attnum, 'SELECT')),
    '{guardian_phone,volunteer_phone}'::text[],
    'supervisors read every column of a care record but the phones');
SELECT is_empty(
    $$SELECT p.proname FROM pg_proc p
       WHERE p.pronamespace = 'eduaid'::regnamespace AND p.prosecdef
         AND p.prosrc ~ '(counsel_notes|care_counselling)'$$,
    'no definer function reads, compares or returns the notes');
SELECT is_empty(
    $$SELECT p.proname FROM pg_proc p
       WHERE p.pronamespace = 'eduaid'::regnamespace AND p.proname ~ '^export_'
         AND p.prosrc ~ 'care'$$,
    'no export function names a care table');
SELECT ok(NOT has_table_privilege('eduaid_exporter', 'eduaid.care_counselling', 'SELECT')
          AND NOT has_table_privilege('eduaid_remover', 'eduaid.care_counselling', 'SELECT'),
          'the exporter and the remover cannot read the sessions at all');

-- ==== the fixtures, as demo_clerk in 军店镇 ==================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT public.fx_household('H', 420325101);
SELECT public.fx_student('A', 'H', '2014-03-01');
SELECT public.fx_student('B', 'H', '2015-03-01');
SELECT public.fx_student('C', 'H', '2016-03-01');
SELECT public.fx_student('D', 'H', '2017-03-01');
UPDATE eduaid.student SET left_behind = true
 WHERE id IN (public.fx('A'), public.fx('B'), public.fx('C'));
SELECT public.fx_year('Y', 'H', 2023);
SELECT public.fx_teacher('T', 420325101);

INSERT INTO eduaid.care_record (township_id, household_id, student_id, guardian_name,
       guardian_relation, guardian_phone, contact_teacher_id, volunteer_name, volunteer_phone)
VALUES (420325101, public.fx('H'), public.fx('A'), '王秀英', 'grandparent', '13912345678',
        public.fx('T'), '周丽娟', '15811112222'),
       (420325101, public.fx('H'), public.fx('B'), '李德福', 'relative', NULL, NULL,
        '吴春梅', NULL),
       (420325101, public.fx('H'), public.fx('C'), NULL, NULL, NULL, NULL, NULL, NULL);
SELECT public.fx_set('cA', (SELECT id FROM eduaid.care_record WHERE student_id = public.fx('A')));
SELECT public.fx_set('cB', (SELECT id FROM eduaid.care_record WHERE student_id = public.fx('B')));
SELECT public.fx_set('cC', (SELECT id FROM eduaid.care_record WHERE student_id = public.fx('C')));

INSERT INTO eduaid.care_counselling (township_id, care_id, session_date, counsellor, counsel_notes)
VALUES (420325101, public.fx('cA'), '2024-03-10', '心理辅导教师',
        '孩子说想念妈妈，夜里常哭，秘密词甲'),
       (420325101, public.fx('cB'), '2023-10-10', '班主任', '一般谈话'),
       (420325101, public.fx('cC'), '2024-05-01', '班主任', '一般谈话二');
SELECT public.fx_set('sA', (SELECT id FROM eduaid.care_counselling WHERE care_id = public.fx('cA')));

-- 60 activities of the term at the township's first primary school, one
-- every third day from 1 February 2024 (the last on 26 July)
INSERT INTO eduaid.care_activity (township_id, school_id, held_on, kind)
SELECT 420325101, (SELECT min(s.id) FROM eduaid.school s
                    WHERE s.township_id = 420325101 AND s.kind = 'primary'),
       DATE '2024-02-01' + 3 * i,
       (ARRAY['music', 'dance', 'calligraphy', 'chess', 'science', 'heritage'])[1 + i % 6]
  FROM generate_series(0, 59) AS i;
INSERT INTO eduaid.care_attendance (township_id, activity_id, care_id)
SELECT a.township_id, a.id, k.care
  FROM (SELECT township_id, id, row_number() OVER (ORDER BY held_on) AS n
          FROM eduaid.care_activity
         WHERE township_id = 420325101 AND held_on BETWEEN '2024-02-01' AND '2024-07-31') AS a
  JOIN (VALUES (public.fx('cA'), 55), (public.fx('cB'), 30), (public.fx('cC'), 52)) AS k (care, n)
    ON a.n <= k.n;

-- ==== what the writers may not do ===========================================
SELECT is((SELECT state FROM public.fx_refusal(format(
    $$INSERT INTO eduaid.care_record (township_id, household_id, student_id)
      VALUES (420325101, %s, %s)$$, public.fx('H'), public.fx('D')))), 'EA240',
    'a care record only for a left-behind child (EA240)');
SELECT is((SELECT state || ' ' || coalesce(message, '') FROM public.fx_refusal(format(
    $$INSERT INTO eduaid.care_counselling (township_id, care_id, session_date, counsellor, counsel_notes)
      VALUES (420325101, %s, current_date + 1, 'x', 'y')$$, public.fx('cC')))),
    '23514 the session''s date is in the future',
    'no session in the future (care_counselling_session_date_check)');
SELECT is((SELECT tbl || '/' || state FROM public.fx_refusal(format(
    $$UPDATE eduaid.care_record SET guardian_phone = '12345' WHERE id = %s$$, public.fx('cA')))),
    'care_record/23514', 'a guardian''s phone is checked as the other phones are');
SELECT is((SELECT state FROM public.fx_refusal(format(
    $$UPDATE eduaid.care_record SET guardian_phone = '13900000000' WHERE id = %s$$,
    public.fx('cC')))), '23514', 'no phone without a guardian');
SELECT is((SELECT state FROM public.fx_refusal(format(
    $$UPDATE eduaid.care_counselling SET counsel_notes = 'changed' WHERE id = %s$$,
    public.fx('sA')))), '42501', 'a clerk cannot change a session''s notes');
SELECT is((SELECT state FROM public.fx_refusal(format(
    $$DELETE FROM eduaid.care_counselling WHERE id = %s$$, public.fx('sA')))), '42501',
    'nor delete a session');
RESET SESSION AUTHORIZATION;
SET ROLE eduaid_owner;
SELECT is((SELECT state FROM public.fx_refusal(format(
    $$UPDATE eduaid.care_counselling SET counsel_notes = 'changed' WHERE id = %s$$,
    public.fx('sA')))), 'EA241', 'even the owner''s functions keep a session as written (EA241)');
RESET ROLE;

-- another township's clerk: sees nothing, writes nothing there
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is((SELECT count(*)::int FROM eduaid.care_counselling WHERE id = public.fx('sA')), 0,
          'a clerk of 土城镇 does not see 军店镇''s sessions');
SELECT is((SELECT count(*)::int FROM eduaid.care_record WHERE id = public.fx('cA')), 0,
          'nor its care records');
SELECT is((SELECT state FROM public.fx_refusal(format(
    $$INSERT INTO eduaid.care_record (township_id, household_id, student_id)
      VALUES (420325103, %s, %s)$$, public.fx('H'), public.fx('D')))), 'EA240',
    'another township''s child is "not a left-behind child of the township" (EA240), no more');
SELECT is((SELECT state FROM public.fx_refusal(format(
    $$INSERT INTO eduaid.care_counselling (township_id, care_id, session_date, counsellor, counsel_notes)
      VALUES (420325101, %s, '2024-03-01', 'x', 'y')$$, public.fx('cA')))), '42501',
    'nor writes a session in it (the policy''s WITH CHECK)');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION demo_officer;
SELECT is((SELECT count(*)::int FROM eduaid.care_counselling WHERE id = public.fx('sA')), 0,
          'an officer of 城关镇 does not see 军店镇''s sessions');
SELECT is_empty($$SELECT * FROM eduaid.report_care(2023, 420325101)$$,
                'nor its report, asked for by id');
RESET SESSION AUTHORIZATION;

-- ==== the township's officer and the auditor read the notes =================
SET SESSION AUTHORIZATION officer_101;
SELECT is((SELECT counsel_notes FROM eduaid.care_counselling WHERE id = public.fx('sA')),
          '孩子说想念妈妈，夜里常哭，秘密词甲', 'the township''s officer reads the notes');
SELECT results_eq(
    $$SELECT township_id, children, guardian, teacher, volunteer, counselled, active, cared,
             cared_pct FROM eduaid.report_care(2023)$$,
    $$VALUES (420325101, 3::bigint, 2::bigint, 1::bigint, 2::bigint, 2::bigint, 2::bigint,
              1::bigint, 33.3::numeric),
             (NULL, 3, 2, 1, 2, 2, 2, 1, 33.3)$$,
    'the officer''s report: his township and the total, the figures worked out by hand');
SELECT results_eq(
    $$SELECT name IS NOT NULL, counselled, attended, needed
        FROM eduaid.care_children(2023) ORDER BY student_id$$,
    $$VALUES (true, true, 55::bigint, 52.0::numeric), (true, false, 30, 52.0),
             (true, true, 52, 52.0)$$,
    'the list: counselled this term, attendances of the term and twice weekly (52)');
RESET SESSION AUTHORIZATION;

SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT counsel_notes FROM eduaid.care_counselling WHERE id = public.fx('sA')),
          '孩子说想念妈妈，夜里常哭，秘密词甲', 'the auditor reads the notes');
SELECT is((SELECT guardian_phone FROM eduaid.care_record WHERE id = public.fx('cA')),
          '13912345678', 'and the phones');
SELECT ok((SELECT count(*) FROM eduaid.audit_log
            WHERE table_name = 'care_counselling' AND row_id = public.fx('sA')
              AND new_row ->> 'counsel_notes' = '孩子说想念妈妈，夜里常哭，秘密词甲') = 1,
          'the auditor''s audit trail holds the session as written');
RESET SESSION AUTHORIZATION;

-- ==== the supervisor: masked, every way round ===============================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT counsel_notes_masked FROM eduaid.care_counselling WHERE id = public.fx('sA')),
          '已记录（17字）', 'the supervisor reads that the notes exist and their length');
SELECT is((SELECT counsellor || ' ' || session_date FROM eduaid.care_counselling
            WHERE id = public.fx('sA')),
          '心理辅导教师 2024-03-10', 'and who counselled when');
SELECT is((SELECT state FROM public.fx_refusal(
    $$SELECT counsel_notes FROM eduaid.care_counselling$$)), '42501',
    'never the notes');
SELECT is((SELECT state FROM public.fx_refusal(
    $$SELECT count(*) FROM eduaid.care_counselling WHERE counsel_notes LIKE '%秘密%'$$)),
    '42501', 'no LIKE oracle: the notes cannot be named in a WHERE');
SELECT is((SELECT state FROM public.fx_refusal(
    $$SELECT count(*) FROM eduaid.care_counselling ORDER BY min(length(counsel_notes))$$)),
    '42501', 'nor in an ORDER BY or a function of them');
SELECT is((SELECT state FROM public.fx_refusal(
    $$EXPLAIN ANALYZE SELECT * FROM eduaid.care_counselling WHERE counsel_notes = '一般谈话'$$)),
    '42501', 'no EXPLAIN (ANALYZE) oracle');
SELECT is((SELECT state FROM public.fx_refusal(
    $$SELECT to_jsonb(c) FROM eduaid.care_counselling c$$)), '42501',
    'no whole-row read (to_jsonb of the row)');
SELECT is((SELECT state FROM public.fx_refusal(
    $$SELECT md5(counsel_notes) FROM eduaid.care_counselling$$)), '42501',
    'no hash of the notes');
SELECT is((SELECT state FROM public.fx_refusal(format(
    $$INSERT INTO eduaid.care_counselling (township_id, care_id, session_date, counsellor, counsel_notes)
      VALUES (420325101, %s, '2024-03-01', 'x', '孩子说想念妈妈，夜里常哭，秘密词甲')$$,
    public.fx('cA')))), '42501',
    'no CHECK or unique oracle: a supervisor cannot write a session at all');
SELECT is((SELECT state FROM public.fx_refusal(format(
    $$UPDATE eduaid.care_record SET guardian_name = 'x' WHERE id = %s$$, public.fx('cA')))),
    '42501', 'nor change a care record');
SELECT is((SELECT state FROM public.fx_refusal(
    $$SELECT guardian_phone FROM eduaid.care_record$$)), '42501',
    'the guardian''s phone is not the supervisor''s');
SELECT is((SELECT guardian_phone_masked || ' ' || volunteer_phone_masked
             FROM eduaid.care_record WHERE id = public.fx('cA')),
          '139****5678 158****2222', 'the phones masked');
SELECT is((SELECT state FROM public.fx_refusal(
    $$SELECT new_row FROM eduaid.audit_log WHERE table_name = 'care_counselling'$$)), '42501',
    'the audit log''s rows as written are not the supervisor''s');
SELECT is((SELECT new_masked ->> 'counsel_notes' FROM eduaid.audit_log
            WHERE table_name = 'care_counselling' AND row_id = public.fx('sA')),
          '已记录（17字）', 'its masked row of the session shows the mask');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE table_name LIKE 'care%' AND township_id = 420325101
              AND (new_masked::text LIKE '%秘密%' OR new_masked::text LIKE '%5678%'
                   AND new_masked::text LIKE '%13912345678%')),
          0, 'no masked audit row of the care ledger holds the notes or a phone');
SELECT is((SELECT new_masked ->> 'guardian_phone' FROM eduaid.audit_log
            WHERE table_name = 'care_record' AND row_id = public.fx('cA') AND action = 'insert'),
          '139****5678', 'the audit log masks the phones for the supervisor too');
SELECT results_eq(
    $$SELECT children, guardian, teacher, volunteer, counselled, active, cared, cared_pct
        FROM eduaid.report_care(2023) WHERE township_id IS NULL$$,
    $$VALUES (3::bigint, 2::bigint, 1::bigint, 2::bigint, 2::bigint, 2::bigint, 1::bigint,
              33.3::numeric)$$,
    'the supervisor''s report: the county total, the same figures');
SELECT is((SELECT count(*)::int FROM eduaid.report_care(2023)), 21,
          'every township of the county and the total row');
SELECT is((SELECT guardian_name FROM eduaid.care_children(2023, 420325101)
            WHERE student_id = public.fx('A')),
          '王秀英', 'the list reads for the supervisor (no phone, no notes in it)');
RESET SESSION AUTHORIZATION;

-- no statistics: the notes and phones keep none (90_statistics.sql), so
-- no estimate of EXPLAIN steps at a histogram bound of them, and pg_stats
-- has nothing to show even to who may read them
ANALYZE eduaid.care_counselling, eduaid.care_record;
SELECT is_empty(
    $$SELECT a.attname FROM pg_attribute a
       WHERE a.attrelid IN ('eduaid.care_counselling'::regclass, 'eduaid.care_record'::regclass)
         AND a.attname IN ('counsel_notes', 'counsel_notes_masked', 'counsellor',
                           'guardian_phone', 'guardian_phone_masked', 'guardian_name',
                           'volunteer_phone', 'volunteer_phone_masked', 'volunteer_name')
         AND (a.attstattarget <> 0
              OR EXISTS (SELECT FROM pg_statistic st
                          WHERE st.starelid = a.attrelid AND st.staattnum = a.attnum))$$,
    'the notes, phones and names keep no statistics, even right after ANALYZE');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*)::int FROM pg_stats WHERE schemaname = 'eduaid'
            AND tablename = 'care_counselling' AND attname = 'counsel_notes'), 0,
          'no statistics oracle: the supervisor finds nothing of them in pg_stats');
RESET SESSION AUTHORIZATION;

-- the messages the client shows
SELECT is((SELECT zh FROM eduaid.message WHERE key = 'EA240'), '该成员不是本乡镇登记的留守儿童。',
          'EA240 has its words');
SELECT is((SELECT zh FROM eduaid.message WHERE key = 'EA241'), '心理辅导记录一经保存不可修改或删除。',
          'EA241 has its words');
SELECT is_empty(
    $$SELECT k.conname FROM pg_constraint k
       WHERE k.conrelid::regclass::text LIKE 'eduaid.care_%' AND k.contype <> 'p'
         AND NOT EXISTS (SELECT FROM eduaid.message m WHERE m.key = k.conname)$$,
    'every named constraint of the care tables has words');

-- the term
SELECT is(eduaid.care_term(2023), daterange('2024-02-01', '2024-08-01'),
          'a past school year''s term is its spring term');
SELECT is(eduaid.care_weeks(daterange('2024-02-01', '2024-08-01')), 26::numeric,
          'of 26 weeks');
SELECT is(eduaid.care_term(2040), daterange('2040-09-01', '2041-02-01'),
          'a future year''s is its autumn term');

SELECT * FROM finish();
ROLLBACK;
