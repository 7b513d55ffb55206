-- tests/db/05_rules.sql: the data rules, as a clerk's INSERT would meet them:
-- ID numbers (check character, upper-case X, real and past birth dates,
-- length), birth date and sex agreeing with the ID number, the enums,
-- money, one active special-education plan per child, the 6..15 age window,
-- home delivery, members in their household's township -- each refusal
-- with SQLSTATE and the constraint's name, which the client maps to a
-- field. Then tests/data/id_vectors.csv against eduaid.id_number_valid.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(77);

-- ---- helpers of this file (as the caller; demo_clerk below) ---------------
-- A member of household hh_r with the given ID number, sex and birth date.
CREATE FUNCTION public.fx_try_student(idno text, sex text, birth date,
                                      township int DEFAULT 420325100) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
    VALUES (township, public.fx('hh_r'), '规则学生', idno, sex, birth)
    RETURNING id
$$;
-- A household in 城关镇 whose head has this ID number.
CREATE FUNCTION public.fx_try_head(idno text) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
                                  head_id_number, registered_year, family_size)
    VALUES (420325100, 'TEST-R-' || nextval('public.fx_seq'), 420325100001, '规则户主', idno,
            2016, 3)
    RETURNING id
$$;
-- A teacher fund application of teacher t_r.
CREATE FUNCTION public.fx_try_fund(requested numeric, approved numeric DEFAULT NULL,
                                   year int DEFAULT 2026, program text DEFAULT 'ligeng')
RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    INSERT INTO eduaid.teacher_fund_application (township_id, teacher_id, program_id,
        school_year, reason_category, reason_text, amount_requested, amount_approved,
        bank_name, bank_account)
    VALUES (420325100, public.fx('t_r'), (SELECT p.id FROM eduaid.fund_program p WHERE p.code = program),
            year, 'illness', '重病', requested, approved, '中国建设银行', '6217000012345678')
    RETURNING id
$$;
-- A special-education plan in 城关镇 for the child with this ID number.
CREATE FUNCTION public.fx_try_plan(idno text, placed date DEFAULT '2021-09-01',
                                   placement text DEFAULT 'regular_class',
                                   teacher bigint DEFAULT NULL, visits int DEFAULT NULL,
                                   township int DEFAULT 420325100) RETURNS bigint
LANGUAGE sql VOLATILE AS $$
    INSERT INTO eduaid.special_ed_plan (township_id, household_id, child_name, child_id_number,
        child_sex, child_birth_date, disability_type, disability_grade, placement, school_id,
        home_teacher_id, visits_per_month, placed_on)
    VALUES (township, CASE township WHEN 420325100 THEN public.fx('hh_r') ELSE public.fx('hh_r101') END,
            '规则儿童', idno, eduaid.id_sex(idno), eduaid.id_birth_date(idno), 'intellectual', 3,
            placement, (SELECT min(s.id) FROM eduaid.school s WHERE s.kind = 'special'),
            teacher, visits, placed)
    RETURNING id
$$;
-- first17 with a wrong check character.
CREATE FUNCTION public.fx_bad_check(first17 text) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN first17 || CASE eduaid.id_check_digit(first17) WHEN '0' THEN '1' ELSE '0' END;

SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_r', 420325100), fx_household('hh_r2', 420325100),
       fx_household('hh_r101', 420325101),
       fx_teacher('t_r', 420325100), fx_teacher('t_r101', 420325101) \gset

-- ==== ID numbers ============================================================
SELECT lives_ok($$SELECT fx_try_student(fx_idno('65900120140510011'), 'M', '2014-05-10')$$,
    'a valid ID number with matching sex and birth date is accepted');
SELECT throws_ok($$SELECT fx_try_student(fx_bad_check('65900120140510031'), 'M', '2014-05-10')$$,
    '23514', 'new row for relation "student" violates check constraint "student_id_number_check"',
    'member: a wrong check character is refused (student_id_number_check)');
SELECT lives_ok($$SELECT fx_try_student('65900120140510282X', 'F', '2014-05-10')$$,
    'a check character X in upper case is accepted');
SELECT throws_ok($$SELECT fx_try_student('65900120140510362x', 'F', '2014-05-10')$$,
    '23514', 'new row for relation "student" violates check constraint "student_id_number_check"',
    'member: a lower-case x is refused');
SELECT throws_ok($$SELECT fx_try_student(fx_idno('65900120230229012'), 'F', '2023-02-28')$$,
    '23514', 'new row for relation "student" violates check constraint "student_id_number_check"',
    'member: birth date 2023-02-29 (not a leap year) is refused');
SELECT throws_ok($$SELECT fx_try_student(fx_idno('65900120140431012'), 'F', '2014-04-30')$$,
    '23514', 'new row for relation "student" violates check constraint "student_id_number_check"',
    'member: birth date April 31 is refused');
SELECT throws_ok($$SELECT fx_try_student(fx_idno('65900120990101012'), 'F', '2099-01-01')$$,
    '23514', 'new row for relation "student" violates check constraint "student_id_number_check"',
    'member: a birth date in the future is refused');
SELECT throws_ok(
    $$SELECT fx_try_student(fx_idno('659001' || to_char(current_date + 1, 'YYYYMMDD') || '012'),
                            'F', current_date + 1)$$,
    '23514', 'new row for relation "student" violates check constraint "student_id_number_check"',
    'member: a birth date of tomorrow is refused');
SELECT throws_ok($$SELECT fx_try_student('65900120140510051', 'M', '2014-05-10')$$,
    '23514', 'new row for relation "student" violates check constraint "student_id_number_check"',
    'member: 17 characters are refused');
SELECT throws_ok($$SELECT fx_try_student(fx_idno('65900120140510071') || '0', 'M', '2014-05-10')$$,
    '23514', 'new row for relation "student" violates check constraint "student_id_number_check"',
    'member: 19 characters are refused');
SELECT throws_ok($$SELECT fx_try_student(fx_idno('05900120140510091'), 'M', '2014-05-10')$$,
    '23514', 'new row for relation "student" violates check constraint "student_id_number_check"',
    'member: an area code starting with 0 is refused');
SELECT throws_ok($$SELECT fx_try_student(' ' || fx_idno('65900120140510111'), 'M', '2014-05-10')$$,
    '23514', 'new row for relation "student" violates check constraint "student_id_number_check"',
    'member: a leading space is refused');

SELECT throws_ok($$SELECT fx_try_head(fx_bad_check('65900119700101011'))$$,
    '23514', 'new row for relation "household" violates check constraint "household_head_id_number_check"',
    'head: a wrong check character is refused (household_head_id_number_check)');
SELECT throws_ok($$SELECT fx_try_head('65900120140510442x')$$,
    '23514', 'new row for relation "household" violates check constraint "household_head_id_number_check"',
    'head: a lower-case x is refused');
SELECT throws_ok($$SELECT fx_try_head(fx_idno('65900119790229011'))$$,
    '23514', 'new row for relation "household" violates check constraint "household_head_id_number_check"',
    'head: February 29 of a common year (1979) is refused');
SELECT throws_ok($$SELECT fx_try_head(fx_idno('65900120990615011'))$$,
    '23514', 'new row for relation "household" violates check constraint "household_head_id_number_check"',
    'head: a future birth date is refused');
SELECT throws_ok($$SELECT fx_try_head('65900119700101011')$$,
    '23514', 'new row for relation "household" violates check constraint "household_head_id_number_check"',
    'head: 17 characters are refused');
SELECT lives_ok($$SELECT fx_try_head(fx_idno('65900119800229011'))$$,
    'head: February 29 of a leap year (1980) is accepted');
SELECT throws_ok($$SELECT fx_try_head((SELECT head_id_number FROM eduaid.household WHERE id = fx('hh_r')))$$,
    'EA008', NULL,
    'head: the same head ID number twice is refused (EA008 names the township; the registry of 017_registry.sql)');

SELECT throws_ok(
    $$INSERT INTO eduaid.teacher (township_id, school_id, name, id_number, sex, birth_date)
      SELECT 420325100, school_id, '规则教师', fx_bad_check('65900119850505011'), 'M', '1985-05-05'
        FROM eduaid.teacher WHERE id = fx('t_r')$$,
    '23514', 'new row for relation "teacher" violates check constraint "teacher_id_number_check"',
    'teacher: a wrong check character is refused (teacher_id_number_check)');
SELECT throws_ok($$SELECT fx_try_plan(fx_bad_check('65900120120101012'))$$,
    '23514', 'new row for relation "special_ed_plan" violates check constraint "special_ed_plan_child_id_number_check"',
    'special-ed child: a wrong check character is refused');
SELECT throws_ok(
    $$INSERT INTO eduaid.training_enrollment (township_id, household_id, trainee_name, trainee_id_number,
          trainee_sex, trainee_birth_date, trainee_type, course_id, provider_school_id, batch, start_date)
      VALUES (420325100, fx('hh_r'), '规则学员', fx_bad_check('65900119990909011'), 'M', '1999-09-09',
              'poor_labor', (SELECT min(id) FROM eduaid.training_course),
              (SELECT min(id) FROM eduaid.school WHERE kind = 'vocational'), '2026-2', '2026-04-01')$$,
    '23514', 'new row for relation "training_enrollment" violates check constraint "training_enrollment_trainee_id_number_check"',
    'trainee: a wrong check character is refused');

-- ==== birth date and sex agree with the ID number ==========================
SELECT throws_ok($$SELECT fx_try_student(fx_idno('65900120140510131'), 'M', '2014-05-11')$$,
    '23514', 'new row for relation "student" violates check constraint "student_birth_date_check"',
    'member: a birth date other than the ID number''s is refused (student_birth_date_check)');
SELECT throws_ok($$SELECT fx_try_student(fx_idno('65900120140510151'), 'F', '2014-05-10')$$,
    '23514', 'new row for relation "student" violates check constraint "student_sex_check"',
    'member: sex F with an odd (male) 17th digit is refused (student_sex_check)');
SELECT throws_ok($$SELECT fx_try_student(fx_idno('65900120140510172'), 'M', '2014-05-10')$$,
    '23514', 'new row for relation "student" violates check constraint "student_sex_check"',
    'member: sex M with an even (female) 17th digit is refused');
SELECT throws_ok($$SELECT fx_try_student(fx_idno('65900120140510191'), 'm', '2014-05-10')$$,
    '23514', 'new row for relation "student" violates check constraint "student_sex_check"',
    'member: sex must be M or F, not m');
SELECT throws_ok(
    $$INSERT INTO eduaid.teacher (township_id, school_id, name, id_number, sex, birth_date)
      SELECT 420325100, school_id, '规则教师', fx_idno('65900119850505031'), 'M', '1985-05-06'
        FROM eduaid.teacher WHERE id = fx('t_r')$$,
    '23514', 'new row for relation "teacher" violates check constraint "teacher_birth_date_check"',
    'teacher: birth date must match the ID number (teacher_birth_date_check)');
SELECT throws_ok(
    $$INSERT INTO eduaid.training_enrollment (township_id, household_id, trainee_name, trainee_id_number,
          trainee_sex, trainee_birth_date, trainee_type, course_id, provider_school_id, batch, start_date)
      VALUES (420325100, fx('hh_r'), '规则学员', fx_idno('65900119990909031'), 'F', '1999-09-09',
              'poor_labor', (SELECT min(id) FROM eduaid.training_course),
              (SELECT min(id) FROM eduaid.school WHERE kind = 'vocational'), '2026-2', '2026-04-01')$$,
    '23514', 'new row for relation "training_enrollment" violates check constraint "training_enrollment_trainee_sex_check"',
    'trainee: sex must match the ID number (training_enrollment_trainee_sex_check)');
SELECT throws_ok(
    $$INSERT INTO eduaid.training_enrollment (township_id, household_id, trainee_name, trainee_id_number,
          trainee_sex, trainee_birth_date, trainee_type, course_id, provider_school_id, batch, start_date)
      VALUES (420325100, fx('hh_r'), '规则学员', fx_idno('65900119990909031'), 'M', '1999-09-09',
              'poor_labor', (SELECT min(id) FROM eduaid.training_course),
              (SELECT min(id) FROM eduaid.school WHERE kind = 'kindergarten'), '2026-2', '2026-04-01')$$,
    '23514', NULL,
    'trainee: a kindergarten trains nobody (training_enrollment_provider_school_kind_check, 035)');

-- ==== enums =================================================================
-- (a child's stage and schooling status, a household's poverty status:
-- facts of a school year, in the year's rows since 026_school_years.sql)
SELECT fx_year('y_r', 'hh_r') \gset
SELECT throws_ok($$UPDATE eduaid.student_year SET stage = 'university' WHERE household_year_id = fx('y_r')$$,
    '23503', 'insert or update on table "student_year" violates foreign key constraint "student_year_stage_fk"',
    'member''s year: an unknown stage is refused (student_year_stage_fk, its choice list)');
SELECT throws_ok($$UPDATE eduaid.student_year SET schooling_status = 'graduated' WHERE household_year_id = fx('y_r')$$,
    '23503', 'insert or update on table "student_year" violates foreign key constraint "student_year_schooling_status_fk"',
    'member''s year: an unknown schooling status is refused (student_year_schooling_status_fk, its choice list)');
SELECT throws_ok($$UPDATE eduaid.household_year SET poverty_status = 'rich' WHERE id = fx('y_r')$$,
    '23503', 'insert or update on table "household_year" violates foreign key constraint "household_year_poverty_status_fk"',
    'household''s year: an unknown poverty status is refused (household_year_poverty_status_fk, its choice list)');
SELECT throws_ok($$SELECT fx_try_plan(fx_idno('65900120120101032'), '2021-09-01', 'boarding')$$,
    '23503', 'insert or update on table "special_ed_plan" violates foreign key constraint "special_ed_plan_placement_fk"',
    'special-ed: an unknown placement is refused (special_ed_plan_placement_fk, its choice list)');
SELECT fx_set('f_r0', fx_try_fund(1000)) \gset
SELECT throws_ok(
    $$UPDATE eduaid.teacher_fund_application SET reason_category = 'vacation' WHERE id = fx('f_r0')$$,
    '23503', 'insert or update on table "teacher_fund_application" violates foreign key constraint "teacher_fund_application_reason_category_fk"',
    'fund: an unknown reason category is refused');
SELECT throws_ok(
    $$INSERT INTO eduaid.training_enrollment (township_id, household_id, trainee_name, trainee_id_number,
          trainee_sex, trainee_birth_date, trainee_type, course_id, provider_school_id, batch, start_date)
      VALUES (420325100, fx('hh_r'), '规则学员', fx_idno('65900119990909051'), 'M', '1999-09-09',
              'tourist', (SELECT min(id) FROM eduaid.training_course),
              (SELECT min(id) FROM eduaid.school WHERE kind = 'vocational'), '2026-2', '2026-04-01')$$,
    '23503', 'insert or update on table "training_enrollment" violates foreign key constraint "training_enrollment_trainee_type_fk"',
    'training: an unknown trainee type is refused');

-- ==== money =================================================================
SELECT throws_ok($$SELECT fx_try_fund(-100)$$,
    '23514', 'new row for relation "teacher_fund_application" violates check constraint "teacher_fund_application_amount_requested_check"',
    'fund: a negative amount is refused (teacher_fund_application_amount_requested_check)');
SELECT throws_ok($$SELECT fx_try_fund(100.005)$$,
    '23514', 'new row for relation "teacher_fund_application" violates check constraint "teacher_fund_application_amount_requested_check"',
    'fund: an amount with three decimals is refused');
SELECT throws_ok($$SELECT fx_try_fund(0)$$,
    '23514', 'new row for relation "teacher_fund_application" violates check constraint "teacher_fund_application_amount_requested_check"',
    'fund: a zero request is refused');
SELECT throws_ok($$SELECT fx_try_fund(1e10)$$, '23514', NULL,
    'fund: ten billion is refused (the program maximum or the CHECK, whichever comes first)');
SELECT lives_ok($$SELECT fx_try_fund(4999.50, 4000, 2025)$$,
    'fund: 4999.50 requested, 4000 approved is accepted');
SELECT throws_ok($$SELECT fx_try_fund(5000, 6000, 2024)$$,
    '23514', 'new row for relation "teacher_fund_application" violates check constraint "teacher_fund_application_amount_approved_check"',
    'fund: approved more than requested is refused (teacher_fund_application_amount_approved_check)');
SELECT throws_ok($$SELECT fx_try_fund(5000, -1, 2024)$$,
    '23514', 'new row for relation "teacher_fund_application" violates check constraint "teacher_fund_application_amount_approved_check"',
    'fund: a negative approved amount is refused');
SELECT throws_ok($$SELECT fx_try_fund(5000, 10.999, 2024)$$,
    '23514', 'new row for relation "teacher_fund_application" violates check constraint "teacher_fund_application_amount_approved_check"',
    'fund: an approved amount with three decimals is refused');
SELECT throws_ok($$SELECT fx_try_fund(10000, NULL, 2024, 'ligeng'), fx_try_fund(10000, NULL, 2024, 'ligeng')$$,
    '23505', 'duplicate key value violates unique constraint "teacher_fund_application_program_key"',
    'fund: one application per teacher, program and school year');
SELECT fx_set('st_money', fx_try_student(fx_idno('65900120140510251'), 'M', '2014-05-10')) \gset
SELECT throws_ok($$SELECT fx_subsidy('sub_bad', 'st_money', 'compulsory_waiver', -1)$$,
    '23514', 'new row for relation "student_subsidy" violates check constraint "student_subsidy_amount_check"',
    'subsidy: a negative amount is refused (student_subsidy_amount_check)');
SELECT throws_ok($$SELECT fx_subsidy('sub_bad', 'st_money', 'free_lunch', 100)$$,
    '23514', 'new row for relation "student_subsidy" violates check constraint "student_subsidy_program_check"',
    'subsidy: an unknown program is refused');
-- fund_program.max_amount caps what a program pays (励耕计划 10000 a year):
-- an application requesting and granted twice that should not get through.
-- It is a check violation on amount_requested (eduaid.fund_amount_guard).
SELECT lives_ok($$SELECT fx_try_fund(10000, 10000, 2023, 'ligeng')$$,
    'fund: exactly the program''s maximum is accepted');
SELECT throws_ok($$SELECT fx_try_fund(20000, 20000, 2022, 'ligeng')$$, '23514', NULL,
    'fund: an application above the program''s max_amount (20000 requested and approved; 励耕计划 max 10000) is refused');

-- ==== special education =====================================================
SELECT fx_set('child_a', fx_try_plan(fx_idno('65900120120101052'), '2021-09-01')) \gset
SELECT throws_ok($$SELECT fx_try_plan((SELECT child_id_number FROM eduaid.special_ed_plan WHERE id = fx('child_a')),
                                      '2022-09-01')$$,
    'EA008', 'this ID number is already registered in 城关镇; contact that township (该身份证号已在城关镇登记，请与该乡镇联系)',
    'a second active plan for the same child is refused (EA008 of the registry, 017_registry.sql)');
SELECT throws_ok($$SELECT fx_try_plan((SELECT child_id_number FROM eduaid.special_ed_plan WHERE id = fx('child_a')),
                                      '2022-09-01', township => 420325101)$$,
    'EA008', 'this ID number is already registered in 城关镇; contact that township (该身份证号已在城关镇登记，请与该乡镇联系)',
    'also in another township (one active plan per child, county-wide; the refusal names the township only)');
SELECT throws_ok($$UPDATE eduaid.special_ed_plan SET ended_on = '2022-07-01' WHERE id = fx('child_a')$$,
    '23514', 'new row for relation "special_ed_plan" violates check constraint "special_ed_plan_end_reason_check"',
    'ending a plan needs an end reason (special_ed_plan_end_reason_check)');
SELECT is(fx_rowcount($$UPDATE eduaid.special_ed_plan SET ended_on = '2022-07-01', end_reason = '转入特教学校'
                         WHERE id = fx('child_a')$$), 1, 'the first plan ends');
SELECT lives_ok($$SELECT fx_try_plan((SELECT child_id_number FROM eduaid.special_ed_plan WHERE id = fx('child_a')),
                                     '2022-09-01', 'special_school')$$,
    'after the first plan ended, a second plan for the child is allowed');

-- Age 6..15 when placed: a child born 2009-05-20.
SELECT lives_ok($$SELECT fx_try_plan(fx_idno('65900120090520011'), '2015-05-20')$$,
    'placed on the 6th birthday: accepted');
SELECT throws_ok($$SELECT fx_try_plan(fx_idno('65900120090520031'), '2015-05-19')$$,
    '23514', 'new row for relation "special_ed_plan" violates check constraint "special_ed_plan_placed_on_check"',
    'placed the day before the 6th birthday: refused (special_ed_plan_placed_on_check)');
SELECT lives_ok($$SELECT fx_try_plan(fx_idno('65900120090520051'), '2025-05-19')$$,
    'placed the day before the 16th birthday: accepted');
SELECT throws_ok($$SELECT fx_try_plan(fx_idno('65900120090520071'), '2025-05-20')$$,
    '23514', 'new row for relation "special_ed_plan" violates check constraint "special_ed_plan_placed_on_check"',
    'placed on the 16th birthday: refused');

-- Home delivery (送教上门) needs a teacher of the township and visits.
SELECT throws_ok($$SELECT fx_try_plan(fx_idno('65900120120202012'), '2021-09-01', 'home_delivery', NULL, 2)$$,
    '23514', 'new row for relation "special_ed_plan" violates check constraint "special_ed_plan_home_teacher_id_check"',
    'home delivery without a teacher is refused (special_ed_plan_home_teacher_id_check)');
SELECT throws_ok($$SELECT fx_try_plan(fx_idno('65900120120202032'), '2021-09-01', 'home_delivery', fx('t_r'), NULL)$$,
    '23514', 'new row for relation "special_ed_plan" violates check constraint "special_ed_plan_visits_per_month_check"',
    'home delivery without visits is refused (special_ed_plan_visits_per_month_check)');
SELECT throws_ok($$SELECT fx_try_plan(fx_idno('65900120120202052'), '2021-09-01', 'home_delivery', fx('t_r'), 9)$$,
    '23514', 'new row for relation "special_ed_plan" violates check constraint "special_ed_plan_visits_per_month_check"',
    'home delivery with 9 visits a month is refused');
SELECT throws_ok($$SELECT fx_try_plan(fx_idno('65900120120202072'), '2021-09-01', 'home_delivery', fx('t_r101'), 2)$$,
    '23503', 'insert or update on table "special_ed_plan" violates foreign key constraint "special_ed_plan_home_teacher_fk"',
    'home delivery by a teacher of another township is refused (special_ed_plan_home_teacher_fk)');
SELECT lives_ok($$SELECT fx_try_plan(fx_idno('65900120120202092'), '2021-09-01', 'home_delivery', fx('t_r'), 2)$$,
    'home delivery with a teacher of the township and 2 visits a month is accepted');

-- ==== members belong to their household's township ==========================
SELECT throws_ok($$SELECT fx_try_student(fx_idno('65900120140510271'), 'M', '2014-05-10', township => 420325101)$$,
    '23503', 'insert or update on table "student" violates foreign key constraint "student_household_fk"',
    'a member in another township than its household is refused (student_household_fk)');
SELECT fx_year('y_r2', 'hh_r2') \gset
SELECT throws_ok(
    $$INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id, program, amount)
      VALUES (420325100, fx('y_r2'), fx('st_money'), 'compulsory_waiver', 500)$$,
    '23503', 'insert or update on table "student_subsidy" violates foreign key constraint "student_subsidy_student_fk"',
    'a subsidy in another household''s year record than its member''s is refused (student_subsidy_student_fk: the record''s household is not the member''s)');
SELECT throws_ok(
    $$INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage, school_id, grade)
      VALUES (420325100, fx('y_r2'), fx('st_money'), 'primary',
              (SELECT min(id) FROM eduaid.school WHERE township_id = 420325100), 3)$$,
    '23503', 'insert or update on table "student_year" violates foreign key constraint "student_year_student_fk"',
    'a child''s year row in another household''s year record is refused (student_year_student_fk)');
SELECT throws_ok(
    $$INSERT INTO eduaid.training_enrollment (township_id, household_id, trainee_name, trainee_id_number,
          trainee_sex, trainee_birth_date, trainee_type, course_id, provider_school_id, batch, start_date)
      VALUES (420325101, fx('hh_r'), '规则学员', fx_idno('65900119990909071'), 'M', '1999-09-09',
              'poor_labor', (SELECT min(id) FROM eduaid.training_course),
              (SELECT min(id) FROM eduaid.school WHERE kind = 'vocational'), '2026-2', '2026-04-01')$$,
    '23503', 'insert or update on table "training_enrollment" violates foreign key constraint "training_enrollment_household_fk"',
    'a training enrollment in another township than its household is refused');
SELECT throws_ok(
    $$INSERT INTO eduaid.household (township_id, household_no, village_id, head_name, head_id_number,
                                    registered_year, family_size)
      VALUES (420325100, 'TEST-R-VILLAGE', 420325101001, '规则户主', fx_idno('65900119700404011'), 2016, 3)$$,
    '23503', 'insert or update on table "household" violates foreign key constraint "household_village_fk"',
    'a household in a village of another township is refused (household_village_fk)');

-- ==== a few more named rules ================================================
SELECT throws_ok($$UPDATE eduaid.household SET phone = '12345' WHERE id = fx('hh_r')$$,
    '23514', 'new row for relation "household" violates check constraint "household_phone_check"',
    'household: a malformed phone number is refused (household_phone_check)');
SELECT throws_ok($$UPDATE eduaid.household SET family_size = 0 WHERE id = fx('hh_r')$$,
    '23514', 'new row for relation "household" violates check constraint "household_family_size_check"',
    'household: a family of 0 is refused (household_family_size_check)');
SELECT throws_ok($$UPDATE eduaid.household SET household_no = 'abc' WHERE id = fx('hh_r')$$,
    '23514', 'new row for relation "household" violates check constraint "household_household_no_check"',
    'household: a malformed household number is refused (household_household_no_check)');
SELECT is((SELECT head_id_number_masked ~ '^659001\*{8}[0-9]{3}[0-9X]$' FROM eduaid.household WHERE id = fx('hh_r')),
    true, 'the masked head ID number keeps the area code and the last four');
RESET SESSION AUTHORIZATION;

-- ==== tests/data/id_vectors.csv =============================================
-- Read on the client side from the source tree ($top_srcdir when the runner
-- sets it, else the working directory or one of its parents).
CREATE TABLE public.fx_id_vector (id_number text, valid boolean, reason text);
\copy public.fx_id_vector FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/tests/data/id_vectors.csv" ]; then cat "$d/tests/data/id_vectors.csv"; exit 0; fi; done; echo id_number,valid,reason' CSV HEADER
SELECT cmp_ok((SELECT count(*)::int FROM public.fx_id_vector), '>=', 20,
    'tests/data/id_vectors.csv was found and holds at least 20 vectors');
SELECT is_empty(
    $$SELECT id_number, valid, reason, eduaid.id_number_valid(id_number) AS server_says
        FROM public.fx_id_vector
       WHERE eduaid.id_number_valid(id_number) IS DISTINCT FROM valid$$,
    'eduaid.id_number_valid agrees with every vector of tests/data/id_vectors.csv');
-- issue 12: the client fills sex and birth date from a valid ID number
-- (src/screens/fields.c, tests/unit/check_forms.c test_entry_id_vectors:
-- characters 7-14 as the date, the 17th's parity as the sex); the server's
-- eduaid.id_birth_date / eduaid.id_sex must say the same of every vector.
SELECT is_empty(
    $$SELECT id_number FROM public.fx_id_vector
       WHERE valid
         AND (eduaid.id_birth_date(id_number) IS DISTINCT FROM
                to_date(substr(id_number, 7, 8), 'YYYYMMDD')
              OR eduaid.id_sex(id_number) IS DISTINCT FROM
                CASE WHEN substr(id_number, 17, 1)::int % 2 = 1 THEN 'M' ELSE 'F' END)$$,
    'eduaid.id_birth_date and eduaid.id_sex give what the client fills, for every valid vector');
SELECT is_empty(
    $$SELECT id_number, reason FROM public.fx_id_vector
       WHERE (reason = 'ok') <> valid
          OR reason NOT IN ('ok', 'length', 'chars', 'lower_x', 'area', 'date', 'future', 'check')$$,
    'every vector is valid exactly when its reason is ok, and every reason is a known one');
-- Each invalid vector should break its stated rule only, so that it tests
-- that rule (a "future" vector with a wrong check character tests nothing
-- about future dates).
SELECT is_empty(
    $$SELECT id_number, reason FROM public.fx_id_vector v
       WHERE NOT CASE reason
           WHEN 'lower_x' THEN right(id_number, 1) = 'x'
                           AND eduaid.id_number_valid(upper(id_number))
           WHEN 'check' THEN id_number ~ '^[1-8][0-9]{16}[0-9X]$'
                          AND eduaid.id_birth_date(id_number) <= current_date
                          AND right(id_number, 1) <> eduaid.id_check_digit(left(id_number, 17))
           WHEN 'date' THEN id_number ~ '^[1-8][0-9]{16}[0-9X]$'
                         AND eduaid.id_birth_date(id_number) IS NULL
                         AND right(id_number, 1) = eduaid.id_check_digit(left(id_number, 17))
           WHEN 'future' THEN id_number ~ '^[1-8][0-9]{16}[0-9X]$'
                           AND eduaid.id_birth_date(id_number) > current_date
                           AND right(id_number, 1) = eduaid.id_check_digit(left(id_number, 17))
           WHEN 'area' THEN id_number ~ '^[09][0-9]{16}[0-9X]$'
                         AND eduaid.id_birth_date(id_number) <= current_date
                         AND right(id_number, 1) = eduaid.id_check_digit(left(id_number, 17))
           WHEN 'length' THEN length(id_number) <> 18
           WHEN 'chars' THEN length(id_number) = 18 AND id_number !~ '^[0-9]{17}[0-9X]$'
           ELSE true
       END$$,
    'each invalid vector breaks only the rule its reason names');
SELECT is(
    (SELECT array_agg(DISTINCT reason ORDER BY reason) FROM public.fx_id_vector),
    ARRAY['area', 'chars', 'check', 'date', 'future', 'length', 'lower_x', 'ok'],
    'the vectors cover every rule: area, chars, check, date, future, length, lower_x, ok');

SELECT * FROM finish();
ROLLBACK;
