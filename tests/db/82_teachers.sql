-- tests/db/82_teachers.sql: rural teachers (乡村教师, issue 17 H5;
-- 062_teachers.sql, repeatable/36_m_teachers.sql), as the people who use
-- them and the ones who should not.
--
-- People: t_off_x (officer of 测试乡 420325299, a township made here with
-- a town school, a village school and a teaching point), officer_101 (军店镇),
-- officer_103 (土城镇), demo_officer (城关镇), demo_supervisor,
-- demo_auditor. The story: 测试乡's teachers, their trainings of 2026
-- (one of 2025, one that has not begun), their exchanges of school year
-- 2026 (one out of 军店镇 into 测试乡); who sees what; the rules; the four
-- reports of 测试乡 counted by hand (the numbers in the comments).
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(52);

-- EXPLAIN (ANALYZE) of a query as the current user, numbers made alike.
CREATE FUNCTION public.tt_explain(q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    line text;
    out  text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
        out := out || regexp_replace(line, '[0-9]+', '?', 'g') || E'\n';
    END LOOP;
    RETURN out;
END
$$;

-- ==== the catalogue ==========================================================
SELECT is_empty(
    $$SELECT c.relname FROM pg_class c
       WHERE c.relnamespace = 'eduaid'::regnamespace
         AND c.relname IN ('teacher_training', 'teacher_exchange', 'teacher_exchange_in')
         AND NOT (c.relrowsecurity AND c.relforcerowsecurity)$$,
    'training and exchange records are under forced row-level security');
SELECT ok(NOT has_table_privilege('eduaid_clerk', 'eduaid.teacher_training', 'DELETE')
          AND NOT has_table_privilege('eduaid_officer', 'eduaid.teacher_exchange', 'DELETE')
          AND NOT has_table_privilege('eduaid_supervisor', 'eduaid.teacher_training', 'INSERT')
          AND NOT has_table_privilege('eduaid_supervisor', 'eduaid.teacher_exchange', 'INSERT')
          AND NOT has_table_privilege('eduaid_auditor', 'eduaid.teacher_exchange', 'INSERT')
          AND NOT has_column_privilege('eduaid_clerk', 'eduaid.teacher_exchange', 'teacher_id', 'UPDATE')
          AND NOT has_column_privilege('eduaid_clerk', 'eduaid.teacher_exchange', 'from_school_id', 'UPDATE')
          AND NOT has_column_privilege('eduaid_clerk', 'eduaid.teacher_exchange', 'teacher_name', 'INSERT')
          AND NOT has_table_privilege('eduaid_officer', 'eduaid.teacher_exchange_in', 'INSERT')
          AND NOT has_table_privilege('eduaid_officer', 'eduaid.teacher_exchange_in', 'UPDATE'),
    'nobody deletes; supervisors and auditors write nothing; an exchange''s teacher, sending school and copied name are not the writer''s');
SELECT ok(has_column_privilege('eduaid_supervisor', 'eduaid.teacher', 'post', 'SELECT')
          AND NOT has_column_privilege('eduaid_supervisor', 'eduaid.teacher', 'id_number', 'SELECT'),
    'supervisors read the post, not the ID number');

-- ==== 测试乡 ==================================================================
INSERT INTO eduaid.township (id, county_id, name) VALUES (420325299, 420325, '测试乡');
INSERT INTO eduaid.school (township_id, name, kind, urban_rural, teaching_point) VALUES
    (420325299, '测试乡集镇小学', 'primary', 'town', false),
    (420325299, '测试乡村小', 'primary', 'rural', false),
    (420325299, '测试乡教学点', 'primary', 'rural', true);
SELECT (SELECT id FROM eduaid.school WHERE name = '测试乡集镇小学') AS sa,
       (SELECT id FROM eduaid.school WHERE name = '测试乡村小') AS sb,
       (SELECT id FROM eduaid.school WHERE name = '测试乡教学点') AS sc,
       (SELECT id FROM eduaid.school WHERE name = '军店镇中心小学') AS jd \gset
SELECT eduaid.create_user('t_off_x', '测试专干', 'officer', 420325, ARRAY[420325299]);

CREATE FUNCTION public.tt_teacher(key text, school int, post text, subject text,
                                  active boolean DEFAULT true) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    idno text := public.fx_new_idno(date '1985-01-01' + nextval('public.fx_seq')::int, 'F');
    tid  int := (SELECT s.township_id FROM eduaid.school s WHERE s.id = school);
    new_id bigint;
BEGIN
    INSERT INTO eduaid.teacher (township_id, school_id, name, id_number, sex, birth_date,
                                rural_years, post, subject, active)
    VALUES (tid, school, '测试' || key, idno, 'F', eduaid.id_birth_date(idno), 3, post, subject,
            active)
    RETURNING id INTO new_id;
    RETURN public.fx_set(key, new_id);
END
$$;

SET SESSION AUTHORIZATION t_off_x;
SELECT tt_teacher('a1', :sa, 'principal', 'chinese'), tt_teacher('a2', :sa, 'teacher', 'english'),
       tt_teacher('b1', :sb, 'principal', 'maths'), tt_teacher('b2', :sb, 'teacher', 'music'),
       tt_teacher('b3', :sb, 'teacher', 'pe'), tt_teacher('b4', :sb, 'teacher', 'english', false),
       tt_teacher('c1', :sc, 'teacher', 'chinese');
INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme, level, hours, started_on, ended_on)
VALUES (420325299, fx('a1'), '国培计划A', 'national', 80, '2026-10-12', '2026-10-21'),
       (420325299, fx('a2'), '县培', 'county', 24, '2026-07-13', '2026-07-15'),
       (420325299, fx('b1'), '省培', 'provincial', 40, '2026-08-03', '2026-08-07'),
       (420325299, fx('b2'), '国培计划A', 'national', 80, '2026-10-12', '2026-10-21'),
       (420325299, fx('b2'), '校本研修', 'school', 16, '2026-03-09', '2026-06-26'),
       (420325299, fx('b3'), '县培', 'county', 24, '2025-07-01', '2025-07-03'),
       (420325299, fx('b3'), '冬训', 'county', 24, current_date + 10, current_date + 12),
       (420325299, fx('c1'), '国培计划A', 'national', 80, '2026-10-12', '2026-10-21');
SELECT is((SELECT count(*)::int FROM eduaid.teacher_training), 8,
    't_off_x records his teachers'' trainings and reads them');
SELECT results_eq(
    $$SELECT name, hours, trainings::int FROM eduaid.teacher_register(2026) ORDER BY name$$,
    $$VALUES ('测试a1', 80.0, 1), ('测试a2', 24.0, 1), ('测试b1', 40.0, 1), ('测试b2', 96.0, 2),
             ('测试b3', 0.0, 0), ('测试b4', 0.0, 0), ('测试c1', 80.0, 1)$$,
    'the register of 2026: the hours of the year (b3''s of 2025 and the one not begun not counted)');

-- ==== the rules ==============================================================
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme, level, hours, started_on, ended_on)
      VALUES (420325299, %s, 'x', 'county', 0, '2026-01-05', '2026-01-05')$$, fx('a1')))),
    '23514', 'hours > 0');
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme, level, hours, started_on, ended_on)
      VALUES (420325299, %s, 'x', 'county', 13, '2026-01-05', '2026-01-05')$$, fx('a1')))),
    '23514', 'at most 12 hours a day');
SELECT is((SELECT tbl || ' ' || state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme, level, hours, started_on, ended_on)
      VALUES (420325299, %s, 'x', 'county', 8, '2026-01-05', '2026-01-04')$$, fx('a1')))),
    'teacher_training 23514', 'the last day not before the first');
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme, level, hours, started_on, ended_on)
      VALUES (420325299, %s, 'x', 'abroad', 8, '2026-01-05', '2026-01-05')$$, fx('a1')))),
    '23503', 'a level of the list');
SELECT is((SELECT state FROM fx_refusal(format(
    $$UPDATE eduaid.teacher_training SET hours = 1200 WHERE teacher_id = %s$$, fx('a2')))),
    '23514', 'a correction meets the same rules');
SELECT is((SELECT state FROM fx_refusal(format(
    $$UPDATE eduaid.teacher SET post = 'king' WHERE id = %s$$, fx('a2')))),
    '23503', 'a post of the list');
SELECT lives_ok(format($$UPDATE eduaid.teacher SET subject = 'art' WHERE id = %s$$, fx('c1')),
    'the subject is corrected');
UPDATE eduaid.teacher SET subject = 'chinese' WHERE id = fx('c1');

-- Exchanges of school year 2026 (测试乡 sends four).
INSERT INTO eduaid.teacher_exchange (township_id, teacher_id, from_school_id, to_township_id,
                                     to_school_id, school_year, term)
VALUES (420325299, fx('a2'), :sa, 420325299, :sb, 2026, 'year'),     -- town -> village
       (420325299, fx('b3'), :sb, 420325299, :sa, 2026, 'autumn'),   -- village -> town
       (420325299, fx('c1'), :sc, 420325299, :sb, 2026, 'year'),     -- village -> village
       (420325299, fx('b1'), :sb, 420325100,
        (SELECT id FROM eduaid.school WHERE name = '城关镇中心小学'), 2026, 'spring'); -- village -> town
SELECT is((SELECT teacher_name FROM eduaid.teacher_exchange WHERE teacher_id = fx('a2')), '测试a2',
    'the teacher''s name is copied onto the exchange');
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_exchange (township_id, teacher_id, from_school_id, to_township_id,
                                           to_school_id, school_year, term)
      VALUES (420325299, %s, %s, 420325299, %s, 2027, 'year')$$, fx('a1'), :sb, :sc))),
    'EA246', 'an exchange starts from the teacher''s own school');
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_exchange (township_id, teacher_id, from_school_id, to_township_id,
                                           to_school_id, school_year, term)
      VALUES (420325299, %s, %s, 420325299, %s, 2027, 'year')$$, fx('a1'), :sa, :sa))),
    '23514', 'to another school');
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_exchange (township_id, teacher_id, from_school_id, to_township_id,
                                           to_school_id, school_year, term)
      VALUES (420325299, %s, %s, 420325299, %s, 2026, 'year')$$, fx('a2'), :sa, :sc))),
    '23505', 'one exchange a school year per teacher');
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_exchange (township_id, teacher_id, from_school_id, to_township_id,
                                           to_school_id, school_year, term)
      VALUES (420325299, %s, %s, 420325101, %s, 2027, 'year')$$, fx('a1'), :sa, :sc))),
    '23503', 'the receiving school is in the township named');
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_exchange (township_id, teacher_id, from_school_id, to_township_id,
                                           to_school_id, school_year, term)
      VALUES (420325299, %s, %s, 420325299, %s, 2027, 'year')$$, fx('b4'), :sb, :sc))),
    'EA246', 'an inactive teacher is not sent');
SELECT is((SELECT state FROM fx_refusal(format(
    $$UPDATE eduaid.teacher_exchange SET from_school_id = %s WHERE teacher_id = %s$$, :sc, fx('c1')))),
    '42501', 'the sending school is not updated');
SELECT is((SELECT count(*)::int FROM eduaid.audit_log
            WHERE kind IN ('teacher_training', 'teacher_exchange') AND township_id = 420325299),
    12, 'every training and exchange recorded has its audit row, filed under 测试乡');
RESET SESSION AUTHORIZATION;

-- The exchange into 测试乡: 军店镇's officer sends one of his teachers.
SET SESSION AUTHORIZATION officer_101;
SELECT fx_teacher('jd1', 420325101);
INSERT INTO eduaid.teacher_exchange (township_id, teacher_id, from_school_id, to_township_id,
                                     to_school_id, school_year, term)
SELECT 420325101, fx('jd1'), t.school_id, 420325299, :sb, 2026, 'year'
  FROM eduaid.teacher t WHERE t.id = fx('jd1');
SELECT is((SELECT count(*)::int FROM eduaid.teacher_exchange WHERE township_id = 420325299), 0,
    'officer_101 does not see 测试乡''s own exchanges');
-- Hostile: 测试乡's teacher fed to 军店镇's officer.
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_exchange (township_id, teacher_id, from_school_id, to_township_id,
                                           to_school_id, school_year, term)
      VALUES (420325299, %s, %s, 420325101, %s, 2027, 'year')$$, fx('a1'), :sa, :jd))),
    'EA246', 'officer_101: another township''s teacher is no teacher of his (as one that does not exist)');
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme, level, hours, started_on, ended_on)
      VALUES (420325299, %s, 'x', 'county', 8, '2026-01-05', '2026-01-05')$$, fx('a1')))),
    '42501', 'officer_101: no training written into 测试乡');
SELECT is(fx_rowcount(format($$UPDATE eduaid.teacher_training SET hours = 1 WHERE teacher_id = %s$$, fx('a1'))),
    0, 'officer_101: 测试乡''s trainings are not his to correct');
SELECT is((SELECT count(*)::int FROM eduaid.teacher_training WHERE township_id = 420325299), 0,
    'officer_101: nor to read');
SELECT is((SELECT count(*)::int FROM eduaid.teacher_register(2026) WHERE township_id <> 420325101), 0,
    'officer_101: the register is his township''s');
RESET SESSION AUTHORIZATION;

-- ==== who sees an exchange ====================================================
SET SESSION AUTHORIZATION t_off_x;
SELECT results_eq(
    $$SELECT township_id, teacher_name FROM eduaid.teacher_exchange ORDER BY teacher_name$$,
    $$VALUES (420325299, '测试a2'), (420325299, '测试b1'), (420325299, '测试b3'),
             (420325299, '测试c1')$$,
    't_off_x: his four exchanges (the other township''s ones filed under it not among them)');
SELECT results_eq(
    $$SELECT township_id, from_township_id, teacher_name, to_school_id, school_year, term
        FROM eduaid.teacher_exchange_in$$,
    format($$VALUES (420325299, 420325101, '测试教师', %s, 2026, 'year')$$, :sb),
    't_off_x: the one 军店镇 sends him, through its copy under 测试乡, by the teacher''s name');
SELECT is((SELECT count(*)::int FROM eduaid.teacher WHERE township_id = 420325101), 0,
    't_off_x: ... not the sent teacher''s register');
SELECT is((SELECT state FROM fx_refusal(
    $$UPDATE eduaid.teacher_exchange_in SET term = 'spring'$$)),
    '42501', 't_off_x: the receiving side does not change the exchange');
-- 军店镇's exchanges are never touched for him: EXPLAIN ANALYZE of them
-- reads as of a township that has none.
SET LOCAL enable_seqscan = off;
SELECT is(tt_explain('SELECT 1 FROM eduaid.teacher_exchange WHERE township_id = 420325101'),
          tt_explain('SELECT 1 FROM eduaid.teacher_exchange WHERE township_id = 420325103'),
    't_off_x: EXPLAIN ANALYZE counts none of 军店镇''s exchanges');
RESET enable_seqscan;
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_officer;
SELECT is((SELECT count(*)::int FROM eduaid.teacher_exchange_in WHERE from_township_id = 420325299), 1,
    'demo_officer (城关镇): the exchange 测试乡 sends him, through its copy');
SELECT is((SELECT count(*)::int FROM eduaid.teacher_exchange WHERE township_id = 420325299), 0,
    'demo_officer: ... not 测试乡''s exchanges themselves');
SELECT is((SELECT count(*)::int FROM eduaid.teacher_training WHERE township_id <> 420325100), 0,
    'demo_officer: trainings of 城关镇 only');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION officer_103;
SELECT is((SELECT count(*)::int FROM eduaid.teacher_exchange), 0,
    'officer_103 (土城镇, in no exchange): none');
-- EXPLAIN ANALYZE: a township that sends exchanges elsewhere reads like
-- one that sends none (filed first, then the exchange's id, in the key).
SET LOCAL enable_seqscan = off;
SELECT is(tt_explain('SELECT 1 FROM eduaid.teacher_exchange WHERE township_id = 420325299'),
          tt_explain('SELECT 1 FROM eduaid.teacher_exchange WHERE township_id = 420325102'),
    'officer_103: EXPLAIN ANALYZE reads alike for a township with exchanges and one without');
SELECT is(tt_explain('SELECT 1 FROM eduaid.teacher_training WHERE township_id = 420325299'),
          tt_explain('SELECT 1 FROM eduaid.teacher_training WHERE township_id = 420325998'),
    'officer_103: ... and for the trainings of another township');
RESET enable_seqscan;
SELECT is((SELECT count(*)::int FROM eduaid.report_teacher_training(2026)), 2,
    'officer_103: his report is his township and its total');
SELECT is((SELECT count(*)::int FROM eduaid.report_teacher_exchange(2026, 420325299)), 0,
    'officer_103: another township asked for by name is nothing');
RESET SESSION AUTHORIZATION;

-- The copy follows the exchange: 军店镇's officer sends his teacher to
-- 城关镇 instead.
SET SESSION AUTHORIZATION officer_101;
UPDATE eduaid.teacher_exchange SET to_township_id = 420325100,
       to_school_id = (SELECT id FROM eduaid.school WHERE name = '城关镇中心小学')
 WHERE teacher_id = fx('jd1');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT township_id FROM eduaid.teacher_exchange_in
       WHERE from_township_id = 420325101 AND exchange_id =
             (SELECT id FROM eduaid.teacher_exchange WHERE teacher_id = fx('jd1'))$$,
    $$VALUES (420325100)$$,
    'the copy moves with the exchange: now 城关镇''s, no longer 测试乡''s');
SET SESSION AUTHORIZATION officer_101;
UPDATE eduaid.teacher_exchange SET to_township_id = 420325299, to_school_id = :sb
 WHERE teacher_id = fx('jd1');
RESET SESSION AUTHORIZATION;

-- ==== the supervisor and the auditor ==========================================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*)::int FROM eduaid.teacher_training WHERE township_id = 420325299), 8,
    'demo_supervisor reads the county''s trainings');
SELECT is((SELECT count(*)::int FROM eduaid.teacher_exchange WHERE township_id IN (420325299, 420325101)
              AND school_year = 2026), 6,
    'demo_supervisor: and its exchanges');
SELECT is((SELECT state FROM fx_refusal('SELECT id_number FROM eduaid.teacher LIMIT 1')), '42501',
    'demo_supervisor: ID numbers masked as before');
SELECT is((SELECT state FROM fx_refusal(format(
    $$INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme, level, hours, started_on, ended_on)
      VALUES (420325299, %s, 'x', 'county', 8, '2026-01-05', '2026-01-05')$$, fx('a1')))),
    '42501', 'demo_supervisor: writes no training');
-- The reports of 测试乡, by hand.
-- Rural active teachers: b1 b2 b3 c1 (b4 inactive; a1 a2 at the town
-- school); trained in 2026: b1 b2 c1 (b3's of 2025 and the one not begun
-- do not count): 3 of 4, 75.0%; headmasters: b1, trained: 1 of 1.
SELECT results_eq(
    $$SELECT township_id, teachers, trained, untrained, trained_pct, headmasters,
             headmasters_trained, headmasters_pct
        FROM eduaid.report_teacher_training(2026, 420325299)$$,
    $$VALUES (420325299, 4::bigint, 3::bigint, 1::bigint, 75.0, 1::bigint, 1::bigint, 100.0),
             (NULL, 4, 3, 1, 75.0, 1, 1, 100.0)$$,
    'teacher_training: 3 of 4 rural teachers, the 1 rural headmaster');
-- 国培 places: a1 (town), b2 (village), c1 (teaching point): 3; village 2,
-- teaching point 1, town 1; priority 2/3 = 66.7%.
SELECT results_eq(
    $$SELECT township_id, places, village, teaching_point, town, priority_pct
        FROM eduaid.report_teacher_guopei(2026, 420325299)$$,
    $$VALUES (420325299, 3::bigint, 2::bigint, 1::bigint, 1::bigint, 66.7),
             (NULL, 3, 2, 1, 1, 66.7)$$,
    'teacher_guopei: 3 places, 2 to the village and teaching point');
-- Scarce subjects: 英语 a2 (trained; b4 inactive), 音乐 b2 (trained),
-- 体育 b3 (not): 3 teachers, 2 trained, 66.7%.
SELECT results_eq(
    $$SELECT township_id, item, teachers, trained, untrained, trained_pct
        FROM eduaid.report_teacher_scarce(2026, 420325299) WHERE township_id IS NOT NULL$$,
    $$VALUES (420325299, NULL, 3::bigint, 2::bigint, 1::bigint, 66.7),
             (420325299, '英语', 1, 1, 0, 100.0), (420325299, '体育', 1, 0, 1, 0.0),
             (420325299, '音乐', 1, 1, 0, 100.0), (420325299, '美术', 0, 0, 0, NULL),
             (420325299, '科学', 0, 0, 0, NULL), (420325299, '综合实践', 0, 0, 0, NULL)$$,
    'teacher_scarce: per subject, in the list''s order');
-- Exchanges of 2026 sent by 测试乡: a2 town->village, b3 village->town,
-- c1 village->village, b1 village->城关镇 (town): 4, 1, 2, 1; received
-- from 军店镇: 1; town->village 1/4 = 25.0%.
SELECT results_eq(
    $$SELECT township_id, exchanges, town_to_village, village_to_town, other, received,
             town_to_village_pct
        FROM eduaid.report_teacher_exchange(2026, 420325299)$$,
    $$VALUES (420325299, 4::bigint, 1::bigint, 2::bigint, 1::bigint, 1::bigint, 25.0),
             (NULL, 4, 1, 2, 1, 1, 25.0)$$,
    'teacher_exchange: 4 sent (1 town to village, 2 village to town, 1 other), 1 received');
SELECT is((SELECT count(*)::int FROM eduaid.report_teacher_training(2026) WHERE township_id IS NULL), 1,
    'demo_supervisor: the county''s report has its total row');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.teacher_exchange WHERE township_id = 420325299), 4,
    'demo_auditor reads the exchanges');
SELECT is((SELECT state FROM fx_refusal(format(
    $$UPDATE eduaid.teacher_exchange SET notes = 'x' WHERE teacher_id = %s$$, fx('a2')))),
    '42501', 'demo_auditor changes nothing');
RESET SESSION AUTHORIZATION;

-- 城关镇's officer and the demo: his report is his township's.
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq(
    $$SELECT DISTINCT coalesce(township_id, 0) FROM eduaid.report_teacher_scarce(2026) ORDER BY 1$$,
    $$VALUES (0), (420325100)$$,
    'demo_officer: teacher_scarce covers 城关镇 and its total');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
