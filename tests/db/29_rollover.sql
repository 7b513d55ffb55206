-- tests/db/29_rollover.sql: the September rollover (issue 11,
-- sql/repeatable/42_rollover.sql), as the people who do it: every stage
-- boundary as a table of cases; the school proposed at a boundary;
-- graduates and leavers; who gets no row; households not counted or
-- already rolled; a second run adds nothing; the old year's rows and
-- approval untouched; the drafts go through submit, verify and approve
-- with four-eyes; a clerk of another township rolls nothing of 城关镇 and
-- learns nothing; supervisors, auditors and admins cannot roll over; the
-- status and list functions count what they should.
--
-- Fixture years are 2019 to 2023 (before the demo's), so the counts
-- here are those of this file's households only.
--
-- People: demo_clerk (城关镇 420325100 and 军店镇), demo_officer and
-- officer_100 (城关镇), demo_clerk2 (土城镇 420325103), officer_103
-- (土城镇), demo_supervisor, demo_auditor, demo_admin.
-- Cost: about 2 s.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(56);

-- ==== helpers (this file's) =================================================
-- A household's record of a school year, as the current user.
CREATE FUNCTION public.t_year(hh_key text, yr int) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO eduaid.household_year (township_id, household_id, school_year, poverty_status)
    SELECT h.township_id, h.id, yr, 'lifted' FROM eduaid.household h WHERE h.id = fx(hh_key)
    RETURNING id INTO new_id;
    RETURN fx_set(hh_key || '_' || yr, new_id);
END
$$;
-- A child's row in a household's record of a year, the school by name.
CREATE FUNCTION public.t_sy(st_key text, hh_key text, yr int, stage text, grade int,
                            school text, boarding boolean DEFAULT false,
                            status text DEFAULT 'enrolled', left_school boolean DEFAULT false)
RETURNS void LANGUAGE sql VOLATILE
BEGIN ATOMIC
    INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage,
           school_id, grade, boarding, schooling_status, left_school)
    SELECT y.township_id, y.id, fx(t_sy.st_key), t_sy.stage,
           (SELECT s.id FROM eduaid.school s WHERE s.name = t_sy.school), t_sy.grade,
           t_sy.boarding, t_sy.status, t_sy.left_school
      FROM eduaid.household_year y WHERE y.id = fx(t_sy.hh_key || '_' || t_sy.yr);
END;
CREATE FUNCTION public.t_school(id int) RETURNS text
LANGUAGE sql STABLE RETURN (SELECT s.name FROM eduaid.school s WHERE s.id = t_school.id);
-- A child's row of a school year, as the superuser sees it.
CREATE FUNCTION public.t_next(st_key text, yr int)
RETURNS TABLE (stage text, grade int, school text, boarding boolean, status text,
               left_school boolean, meal boolean)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT s.stage, s.grade, t_school(s.school_id), s.boarding, s.schooling_status,
           s.left_school, s.nutrition_meal
      FROM eduaid.student_year s WHERE s.student_id = fx(st_key) AND s.school_year = yr;
END;
GRANT EXECUTE ON FUNCTION public.t_year(text, int), public.t_sy(text, text, int, text, int,
    text, boolean, text, boolean) TO PUBLIC;

-- ==== the households of 2022, counted ========================================
-- hh_a..hh_c: the children of the table of cases; hh_d: counted, nobody
-- in school; hh_e: submitted only (not counted); hh_f: counted, and a
-- 2023 record entered by hand already.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_a', 420325100), fx_household('hh_b', 420325100),
       fx_household('hh_c', 420325100), fx_household('hh_d', 420325100),
       fx_household('hh_e', 420325100), fx_household('hh_f', 420325100) \g /dev/null
SELECT fx_student('pre_young', 'hh_a', '2018-01-01'), fx_student('pre_six', 'hh_a', '2017-03-01'),
       fx_student('pre_sep1', 'hh_a', '2017-09-01'), fx_student('pre_sep2', 'hh_a', '2017-09-02'),
       fx_student('pri3', 'hh_a', '2013-05-01'), fx_student('pri6', 'hh_a', '2010-05-01'),
       fx_student('jun8', 'hh_b', '2008-05-01'), fx_student('jun9', 'hh_b', '2007-05-01'),
       fx_student('sh11', 'hh_b', '2005-05-01'), fx_student('sh12', 'hh_b', '2004-05-01'),
       fx_student('voc12', 'hh_b', '2004-06-01'), fx_student('voc10', 'hh_b', '2006-05-01'),
       fx_student('col1', 'hh_c', '2003-05-01'), fx_student('col4', 'hh_c', '2000-05-01'),
       fx_student('drop4', 'hh_c', '2012-05-01'), fx_student('nobody', 'hh_c', '2002-05-01'),
       fx_student('gone', 'hh_c', '2008-06-01'), fx_student('spec6', 'hh_c', '2010-06-01'),
       fx_student('d_none', 'hh_d', '2001-05-01'), fx_student('e_pri', 'hh_e', '2014-05-01'),
       fx_student('f_pri', 'hh_f', '2014-06-01') \g /dev/null
SELECT t_year('hh_a', 2022), t_year('hh_b', 2022), t_year('hh_c', 2022), t_year('hh_d', 2022),
       t_year('hh_e', 2022), t_year('hh_f', 2022) \g /dev/null
SELECT t_sy('pre_young', 'hh_a', 2022, 'preschool', NULL, '城关镇中心幼儿园'),
       t_sy('pre_six', 'hh_a', 2022, 'preschool', NULL, '城关镇中心幼儿园'),
       t_sy('pre_sep1', 'hh_a', 2022, 'preschool', NULL, '城关镇中心幼儿园'),
       t_sy('pre_sep2', 'hh_a', 2022, 'preschool', NULL, '城关镇中心幼儿园'),
       t_sy('pri3', 'hh_a', 2022, 'primary', 3, '城关镇第二小学', true),
       t_sy('pri6', 'hh_a', 2022, 'primary', 6, '城关镇第二小学', true),
       t_sy('jun8', 'hh_b', 2022, 'junior', 8, '城关镇初级中学', true),
       t_sy('jun9', 'hh_b', 2022, 'junior', 9, '城关镇初级中学', true),
       t_sy('sh11', 'hh_b', 2022, 'senior_high', 11, '房县第二中学', true),
       t_sy('sh12', 'hh_b', 2022, 'senior_high', 12, '房县第二中学', true),
       t_sy('voc12', 'hh_b', 2022, 'secondary_vocational', 12, '房县职业技术学校'),
       t_sy('voc10', 'hh_b', 2022, 'secondary_vocational', 10, '房县职业技术学校', true),
       t_sy('col1', 'hh_c', 2022, 'college', NULL, '湖北医药学院'),
       t_sy('col4', 'hh_c', 2022, 'college', NULL, '湖北医药学院'),
       t_sy('drop4', 'hh_c', 2022, 'primary', 4, '城关镇中心小学', false, 'dropped_out'),
       t_sy('nobody', 'hh_c', 2022, 'none', NULL, NULL, false, 'not_enrolled'),
       t_sy('gone', 'hh_c', 2022, 'junior', 8, '城关镇初级中学', false, 'enrolled', true),
       t_sy('spec6', 'hh_c', 2022, 'primary', 6, '房县特殊教育学校'),
       t_sy('d_none', 'hh_d', 2022, 'none', NULL, NULL, false, 'not_enrolled'),
       t_sy('e_pri', 'hh_e', 2022, 'primary', 2, '城关镇中心小学'),
       t_sy('f_pri', 'hh_f', 2022, 'primary', 2, '城关镇中心小学') \g /dev/null
-- col4 has been in college since 2019 (drafts of those years: any state
-- counts as a year in college)
SELECT t_year('hh_c', 2019), t_year('hh_c', 2020), t_year('hh_c', 2021) \g /dev/null
SELECT t_sy('col4', 'hh_c', y, 'college', NULL, '湖北医药学院') FROM generate_series(2019, 2021) y \g /dev/null
SELECT t_year('hh_f', 2023), t_sy('f_pri', 'hh_f', 2023, 'primary', 3, '城关镇中心小学') \g /dev/null
SELECT eduaid.submit('household_year', fx(k || '_2022'))
  FROM unnest('{hh_a,hh_b,hh_c,hh_d,hh_e,hh_f}'::text[]) k \g /dev/null
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household_year', fx(k || '_2022'))
  FROM unnest('{hh_a,hh_b,hh_c,hh_d,hh_f}'::text[]) k \g /dev/null
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household_year', fx(k || '_2022'))
  FROM unnest('{hh_a,hh_b,hh_c,hh_d,hh_f}'::text[]) k \g /dev/null
RESET SESSION AUTHORIZATION;
-- the old year as it stands, to compare after
CREATE TABLE public.t_before AS
SELECT y.id, y.status, y.version, y.approved_by, y.approved_at, y.editors,
       (SELECT md5(string_agg(s::text, ',' ORDER BY s.id)) FROM eduaid.student_year s
         WHERE s.household_year_id = y.id) AS members
  FROM eduaid.household_year y WHERE y.school_year = 2022 AND y.township_id = 420325100;
GRANT SELECT ON public.t_before TO PUBLIC;

-- ==== who may roll over =====================================================
SET SESSION AUTHORIZATION demo_supervisor;
SELECT throws_ok($$SELECT * FROM eduaid.rollover(420325100, 2022)$$, 'EA004', NULL,
    'a supervisor cannot roll a township over (EA004)');
SET SESSION AUTHORIZATION demo_auditor;
SELECT throws_ok($$SELECT * FROM eduaid.rollover(420325100, 2022)$$, '42501', NULL,
    'an auditor may not even call it');
SET SESSION AUTHORIZATION demo_admin;
SELECT throws_ok($$SELECT * FROM eduaid.rollover(420325100, 2022)$$, '42501', NULL,
    'nor may an admin');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT throws_ok($$SELECT * FROM eduaid.rollover(420325100, 2022)$$, 'EA080',
    'no such township in your townships (在您负责的乡镇中找不到该乡镇)',
    'a clerk of 土城镇 cannot roll 城关镇 over: EA080, as for a township that does not exist');
SELECT throws_ok($$SELECT * FROM eduaid.rollover(420399999, 2022)$$, 'EA080',
    'no such township in your townships (在您负责的乡镇中找不到该乡镇)',
    '... the same words as for a township that does not exist');
SELECT results_eq($$SELECT counted_before, to_propose, records, drafts FROM eduaid.rollover_status(420325100, 2023)$$,
    $$VALUES (0, 0, 0, 0)$$, 'rollover_status of 城关镇 tells demo_clerk2 nothing: all zeros');
SELECT is_empty($$SELECT * FROM eduaid.rollover_list(420325100, 2022)$$,
    'rollover_list of 城关镇 is empty for demo_clerk2');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM eduaid.household_year WHERE school_year = 2023), 1,
    'none of the refused calls wrote anything (only hh_f''s hand-made 2023 record)');

-- ==== before: what a rollover would do ======================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq($$SELECT * FROM eduaid.rollover_status(420325100, 2023)$$,
    $$VALUES (2023, 5, 4, 1, 1, 0, 0, 0, 0)$$,
    'status: 5 counted in 2022 (hh_e is only submitted), 4 to propose, hh_f''s draft there already');

-- ==== the rollover ==========================================================
SELECT results_eq($$SELECT * FROM eduaid.rollover(420325100, 2022)$$,
    $$VALUES (4, 13, 3, 1)$$,
    'demo_clerk rolls 城关镇 over: 4 households, 13 children in school, 3 graduates or leavers, 1 there already');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT k, y.status, y.created_by, y.poverty_status
        FROM unnest('{hh_a,hh_b,hh_c,hh_d}'::text[]) k
        JOIN eduaid.household_year y ON y.household_id = fx(k) AND y.school_year = 2023
       ORDER BY k$$,
    $$VALUES ('hh_a', 'draft', 'demo_clerk', 'lifted'), ('hh_b', 'draft', 'demo_clerk', 'lifted'),
             ('hh_c', 'draft', 'demo_clerk', 'lifted'), ('hh_d', 'draft', 'demo_clerk', 'lifted')$$,
    'each counted household has a 2023 draft by demo_clerk with 2022''s poverty status');
SELECT is_empty($$SELECT 1 FROM eduaid.household_year WHERE household_id = fx('hh_e') AND school_year = 2023$$,
    'hh_e (submitted in 2022, not counted) gets nothing');
SELECT results_eq($$SELECT count(*)::int, min(version) FROM eduaid.household_year
                     WHERE household_id = fx('hh_f') AND school_year = 2023$$,
    $$VALUES (1, 2)$$, 'hh_f''s hand-made 2023 record is left as it was');
SELECT is_empty($$SELECT 1 FROM eduaid.student_year s JOIN eduaid.household_year y ON y.id = s.household_year_id
                   WHERE y.household_id = fx('hh_d') AND y.school_year = 2023$$,
    'hh_d (its only child not in school) gets a record without children');

-- The table of cases: 2022 -> 2023.
SELECT results_eq($$SELECT * FROM t_next('pre_young', 2023)$$,
    $$VALUES ('preschool', NULL::int, '城关镇中心幼儿园', false, 'enrolled', false, false)$$,
    'preschool, five on 1 Sep 2023: preschool again, same kindergarten');
SELECT results_eq($$SELECT * FROM t_next('pre_six', 2023)$$,
    $$VALUES ('primary', 1, '城关镇中心小学', false, 'enrolled', false, true)$$,
    'preschool, six by 1 Sep 2023: primary 1 at the township''s first primary school (a pilot: meal)');
SELECT results_eq($$SELECT stage, grade FROM t_next('pre_sep1', 2023)$$,
    $$VALUES ('primary', 1)$$, 'born 1 September: six on 1 September, primary 1 (school_entry_year)');
SELECT results_eq($$SELECT stage, grade FROM t_next('pre_sep2', 2023)$$,
    $$VALUES ('preschool', NULL::int)$$, 'born 2 September: preschool one more year');
SELECT results_eq($$SELECT * FROM t_next('pri3', 2023)$$,
    $$VALUES ('primary', 4, '城关镇第二小学', true, 'enrolled', false, false)$$,
    'primary 3: primary 4 at the same school, still boarding');
SELECT results_eq($$SELECT * FROM t_next('pri6', 2023)$$,
    $$VALUES ('junior', 7, '城关镇初级中学', false, 'enrolled', false, true)$$,
    'primary 6: junior 7 at the township''s junior school, boarding off (a new school), meal (pilot)');
SELECT results_eq($$SELECT * FROM t_next('jun8', 2023)$$,
    $$VALUES ('junior', 9, '城关镇初级中学', true, 'enrolled', false, false)$$,
    'junior 8: junior 9, same school, still boarding');
SELECT results_eq($$SELECT * FROM t_next('jun9', 2023)$$,
    $$VALUES ('senior_high', 10, '房县第一中学', false, 'enrolled', false, false)$$,
    'junior 9: senior high 10 at the first of the two high schools (the list flags it)');
SELECT results_eq($$SELECT * FROM t_next('sh11', 2023)$$,
    $$VALUES ('senior_high', 12, '房县第二中学', true, 'enrolled', false, false)$$,
    'senior high 11: 12 at the same school');
SELECT results_eq($$SELECT * FROM t_next('sh12', 2023)$$,
    $$VALUES ('none', NULL::int, NULL, false, 'not_enrolled', true, false)$$,
    'senior high 12: graduated -- stage none, no school, left_school');
SELECT results_eq($$SELECT * FROM t_next('voc12', 2023)$$,
    $$VALUES ('none', NULL::int, NULL, false, 'not_enrolled', true, false)$$,
    'secondary vocational 12: graduated, left_school');
SELECT results_eq($$SELECT * FROM t_next('voc10', 2023)$$,
    $$VALUES ('secondary_vocational', 11, '房县职业技术学校', true, 'enrolled', false, false)$$,
    'secondary vocational 10: 11, same school');
SELECT results_eq($$SELECT * FROM t_next('col1', 2023)$$,
    $$VALUES ('college', NULL::int, '湖北医药学院', false, 'enrolled', false, false)$$,
    'college, first year: college again');
SELECT results_eq($$SELECT * FROM t_next('col4', 2023)$$,
    $$VALUES ('none', NULL::int, NULL, false, 'not_enrolled', true, false)$$,
    'college since 2019 (four years): graduated, left_school');
SELECT results_eq($$SELECT * FROM t_next('drop4', 2023)$$,
    $$VALUES ('primary', 4, '城关镇中心小学', false, 'dropped_out', false, false)$$,
    'a dropout of primary 4: the same year again, still dropped out (控辍保学 stays open)');
SELECT is_empty($$SELECT * FROM t_next('nobody', 2023)$$, 'stage none in 2022: no row');
SELECT is_empty($$SELECT * FROM t_next('gone', 2023)$$, 'left school in 2022: no row');
SELECT results_eq($$SELECT stage, grade, school FROM t_next('spec6', 2023)$$,
    $$VALUES ('junior', 7, '房县特殊教育学校')$$,
    'primary 6 at the special school: junior 7, the special school kept (it teaches both)');

-- The pure rule, for what fixtures cannot easily hold.
SELECT results_eq(
    $$SELECT c.stage_in, c.grade_in, c.status, r.stage, r.grade, r.left_school
        FROM (VALUES ('none', NULL::int, 'not_enrolled', 0), ('primary', NULL, 'enrolled', 0),
                     ('junior', 7, 'suspended', 0), ('college', NULL, 'enrolled', 3),
                     ('senior_high', 12, 'dropped_out', 0), ('preschool', NULL, 'not_enrolled', 0),
                     ('junior', 1, 'enrolled', 0), ('junior', 3, 'enrolled', 0),
                     ('senior_high', 2, 'enrolled', 0), ('secondary_vocational', 3, 'enrolled', 0))
             AS c(stage_in, grade_in, status, cy)
        CROSS JOIN LATERAL eduaid.rollover_stage(c.stage_in, c.grade_in, c.status,
                                                 DATE '2010-01-01', 2023, c.cy) AS r$$,
    $$VALUES ('none', NULL::int, 'not_enrolled', NULL::text, NULL::int, false),
             ('primary', NULL, 'enrolled', 'primary', NULL, false),
             ('junior', 7, 'suspended', 'junior', 7, false),
             ('college', NULL, 'enrolled', 'college', NULL, false),
             ('senior_high', 12, 'dropped_out', 'senior_high', 12, false),
             ('preschool', NULL, 'not_enrolled', 'preschool', NULL, false),
             ('junior', 1, 'enrolled', 'junior', 8, false),
             ('junior', 3, 'enrolled', 'senior_high', 10, false),
             ('senior_high', 2, 'enrolled', 'senior_high', 12, false),
             ('secondary_vocational', 3, 'enrolled', 'none', NULL, true)$$,
    'rollover_stage: none gives no row; an unknown grade stays unknown; not enrolled repeats; college year 3 stays; grades per stage (junior 1-3, high school 1-3) read as 7-9 and 10-12');

-- A township without high schools: the county's.
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('hh_t', 420325103), fx_student('t_jun9', 'hh_t', '2007-05-01'),
       t_year('hh_t', 2022) \g /dev/null
SELECT t_sy('t_jun9', 'hh_t', 2022, 'junior', 9, '土城镇初级中学'),
       eduaid.submit('household_year', fx('hh_t_2022')) \g /dev/null
SET SESSION AUTHORIZATION officer_103;
SELECT eduaid.verify('household_year', fx('hh_t_2022')) \g /dev/null
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household_year', fx('hh_t_2022')) \g /dev/null
SET SESSION AUTHORIZATION demo_clerk2;
SELECT results_eq($$SELECT * FROM eduaid.rollover(420325103, 2022)$$, $$VALUES (1, 1, 0, 0)$$,
    'demo_clerk2 rolls 土城镇 over: its one counted household of 2022');
SELECT results_eq($$SELECT stage, grade, school FROM t_next('t_jun9', 2023)$$,
    $$VALUES ('senior_high', 10, '房县第一中学')$$,
    'junior 9 of 土城镇 (no high school there): the county''s first high school');
SELECT is((SELECT count(*)::int FROM eduaid.household_year WHERE school_year = 2023), 1,
    'demo_clerk2 sees 土城镇''s 2023 record only');

-- ==== a second run adds nothing =============================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq($$SELECT * FROM eduaid.rollover(420325100, 2022)$$, $$VALUES (0, 0, 0, 5)$$,
    'a second run proposes nothing: all 5 counted households have their 2023 record');
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq($$SELECT * FROM eduaid.rollover(420325100, 2022)$$, $$VALUES (0, 0, 0, 5)$$,
    'nor does an officer''s');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM eduaid.student_year s JOIN eduaid.household_year y
             ON y.id = s.household_year_id
            WHERE y.school_year = 2023 AND y.township_id = 420325100), 17,
    '城关镇 has 16 children''s rows proposed for 2023 plus hh_f''s one');

-- ==== the old year is untouched =============================================
SELECT results_eq(
    $$SELECT y.id, y.status, y.version, y.approved_by, y.approved_at, y.editors,
             (SELECT md5(string_agg(s::text, ',' ORDER BY s.id)) FROM eduaid.student_year s
               WHERE s.household_year_id = y.id)
        FROM eduaid.household_year y WHERE y.school_year = 2022 AND y.township_id = 420325100
       ORDER BY y.id$$,
    $$SELECT * FROM t_before ORDER BY id$$,
    '2022''s records of 城关镇: states, versions, approvals, editors and children as they were');

-- ==== the screen's numbers ==================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT results_eq($$SELECT * FROM eduaid.rollover_status(420325100, 2023)$$,
    $$VALUES (2023, 5, 0, 5, 5, 0, 0, 0, 0)$$,
    'status after: 5 counted, none left to propose, 5 drafts in 2023');
SELECT results_eq(
    $$SELECT household_no, status, pupils, changed, leavers, to_check
        FROM eduaid.rollover_list(420325100, 2023) WHERE household_no LIKE 'TEST-%'$$,
    $$VALUES ('TEST-HH-A', 'draft', 6, 3, 0, 3), ('TEST-HH-B', 'draft', 4, 3, 2, 3),
             ('TEST-HH-C', 'draft', 3, 2, 1, 2), ('TEST-HH-D', 'draft', 0, 0, 0, 0),
             ('TEST-HH-F', 'draft', 1, 0, 0, 0)$$,
    'the list: children in school, stages changed (graduates too), leavers, rows to look at');

-- ==== correct, submit, verify, approve: four-eyes ===========================
-- officer_100 corrects jun9: secondary vocational, not senior high.
SET SESSION AUTHORIZATION officer_100;
SELECT is(fx_rowcount($$UPDATE eduaid.student_year
                          SET stage = 'secondary_vocational',
                              school_id = (SELECT id FROM eduaid.school WHERE name = '房县职业技术学校')
                        WHERE student_id = fx('jun9') AND school_year = 2023$$), 1,
    'officer_100 corrects a proposed row (jun9 goes to the vocational school)');
SELECT results_eq($$SELECT to_check FROM eduaid.rollover_list(420325100, 2023) WHERE household_no = 'TEST-HH-B'$$,
    $$VALUES (3)$$, 'still flagged: the stage changed from the year before');
SET SESSION AUTHORIZATION demo_clerk;
SELECT is(eduaid.submit('household_year', (SELECT id FROM eduaid.household_year
            WHERE household_id = fx('hh_b') AND school_year = 2023)) > 0, true,
    'demo_clerk submits hh_b''s 2023 draft');
SET SESSION AUTHORIZATION officer_100;
SELECT throws_ok($$SELECT eduaid.verify('household_year', (SELECT id FROM eduaid.household_year
                     WHERE household_id = fx('hh_b') AND school_year = 2023))$$,
    'EA002', NULL, 'officer_100 edited it: four-eyes keeps him from verifying it');
SET SESSION AUTHORIZATION demo_officer;
SELECT lives_ok($$SELECT eduaid.verify('household_year', (SELECT id FROM eduaid.household_year
                    WHERE household_id = fx('hh_b') AND school_year = 2023))$$,
    'demo_officer verifies it');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT lives_ok($$SELECT eduaid.approve('household_year', (SELECT id FROM eduaid.household_year
                    WHERE household_id = fx('hh_b') AND school_year = 2023))$$,
    'demo_supervisor approves it');
RESET SESSION AUTHORIZATION;
SELECT results_eq(
    $$SELECT school_year, status FROM eduaid.household_year WHERE household_id = fx('hh_b') ORDER BY 1$$,
    $$VALUES (2022, 'approved'), (2023, 'approved')$$,
    'hh_b: 2022 approved as it was, 2023 approved on its own');
SELECT results_eq($$SELECT * FROM t_before WHERE id = fx('hh_b_2022')$$,
    $$SELECT y.id, y.status, y.version, y.approved_by, y.approved_at, y.editors,
             (SELECT md5(string_agg(s::text, ',' ORDER BY s.id)) FROM eduaid.student_year s
               WHERE s.household_year_id = y.id)
        FROM eduaid.household_year y WHERE y.id = fx('hh_b_2022')$$,
    'approving 2023 left 2022''s record exactly as it was');

-- The rollover is audited as the clerk's inserts.
SELECT ok((SELECT count(*) FROM eduaid.audit_log a
            WHERE a.actor = 'demo_clerk' AND a.action = 'insert' AND a.table_name = 'student_year'
              AND (a.new_row ->> 'school_year')::int = 2023
              AND (a.new_row ->> 'student_id')::bigint <> fx('f_pri')) = 16,
    'each proposed child''s row has its audit entry, by demo_clerk');

-- The officer rolls too: hh_g, counted in 2020, into 2021.
SET SESSION AUTHORIZATION officer_100;
SELECT fx_household('hh_g', 420325100), fx_student('g_pri', 'hh_g', '2012-05-01'),
       t_year('hh_g', 2020) \g /dev/null
SELECT t_sy('g_pri', 'hh_g', 2020, 'primary', 2, '城关镇中心小学'),
       eduaid.submit('household_year', fx('hh_g_2020')) \g /dev/null
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household_year', fx('hh_g_2020')) \g /dev/null
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household_year', fx('hh_g_2020')) \g /dev/null
SET SESSION AUTHORIZATION officer_100;
SELECT results_eq($$SELECT * FROM eduaid.rollover(420325100, 2020)$$, $$VALUES (1, 1, 0, 0)$$,
    'officer_100 rolls 城关镇 from 2020: hh_g (hh_c''s 2020 draft is not counted)');
SELECT results_eq($$SELECT stage, grade FROM t_next('g_pri', 2021)$$, $$VALUES ('primary', 3)$$,
    'g_pri: primary 2 -> 3');
SELECT throws_ok($$SELECT eduaid.verify('household_year', (SELECT id FROM eduaid.household_year
                     WHERE household_id = fx('hh_g') AND school_year = 2021))$$,
    'EA001', NULL, 'the proposal is a draft: nothing to verify until it is submitted');
SELECT is(eduaid.submit('household_year', (SELECT id FROM eduaid.household_year
            WHERE household_id = fx('hh_g') AND school_year = 2021)) > 0, true,
    'officer_100 submits the draft he proposed');
SELECT throws_ok($$SELECT eduaid.verify('household_year', (SELECT id FROM eduaid.household_year
                     WHERE household_id = fx('hh_g') AND school_year = 2021))$$,
    'EA002', NULL, 'the officer who proposed it cannot verify it (four-eyes: he created it)');

SELECT * FROM finish();
ROLLBACK;
