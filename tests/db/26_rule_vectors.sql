-- tests/db/26_rule_vectors.sql: the shared rules of
-- sql/repeatable/01_shared_rules.sql against the vector files their C twins are
-- held to by tests/unit/check_rules.c: school years (school_year_of),
-- phones (phone_valid), money (money_valid), blank text (is_blank, tidy),
-- entitlements (entitled_programs, every vector: a year row's stage,
-- boarding, schooling status and left_school; stage_programs, the vectors
-- of a child in school: every stage of choice_stage with and without
-- boarding, in the report order of subsidy_programs).
-- Then the rules as a clerk meets them: demo_clerk's household phone is
-- refused exactly when phone_valid says no (household_phone_check, which
-- like the other two phone constraints calls phone_valid), and a head's
-- name exactly when it is blank (household_head_name_check).
--
-- The files are read on the client side from the source tree ($top_srcdir
-- when the runner sets it, else the working directory or one of its
-- parents), as 05_rules.sql reads tests/data/id_vectors.csv. Cost: about a
-- second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(18);

CREATE TABLE public.fx_school_year_vector (d date, school_year int);
CREATE TABLE public.fx_phone_vector (phone text, valid boolean);
CREATE TABLE public.fx_money_vector (amount text, reason text);
CREATE TABLE public.fx_blank_vector (codepoints text, blank boolean, what text);
CREATE TABLE public.fx_entitlement_vector (stage text, boarding boolean, schooling_status text,
                                           left_school boolean, programs text);
GRANT SELECT ON public.fx_phone_vector, public.fx_blank_vector TO PUBLIC;
\copy public.fx_school_year_vector FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/tests/data/school_year_vectors.csv" ]; then cat "$d/tests/data/school_year_vectors.csv"; exit 0; fi; done; echo date,school_year' CSV HEADER
\copy public.fx_phone_vector FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/tests/data/phone_vectors.csv" ]; then cat "$d/tests/data/phone_vectors.csv"; exit 0; fi; done; echo phone,valid' CSV HEADER
\copy public.fx_money_vector FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/tests/data/money_vectors.csv" ]; then cat "$d/tests/data/money_vectors.csv"; exit 0; fi; done; echo amount,reason' CSV HEADER
\copy public.fx_blank_vector FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/tests/data/blank_vectors.csv" ]; then cat "$d/tests/data/blank_vectors.csv"; exit 0; fi; done; echo codepoints,blank,what' CSV HEADER
\copy public.fx_entitlement_vector FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/tests/data/entitlement_vectors.csv" ]; then cat "$d/tests/data/entitlement_vectors.csv"; exit 0; fi; done; echo stage,boarding,schooling_status,left_school,programs' CSV HEADER

-- The text of a blank vector: its code points, hexadecimal, space-separated.
CREATE FUNCTION public.fx_text(codepoints text) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN (SELECT coalesce(string_agg(chr(('x' || lpad(h, 8, '0'))::bit(32)::int), '' ORDER BY o), '')
          FROM unnest(string_to_array(codepoints, ' ')) WITH ORDINALITY AS u(h, o));

-- ==== the functions =========================================================
SELECT cmp_ok((SELECT count(*)::int FROM public.fx_school_year_vector), '>=', 15,
    'tests/data/school_year_vectors.csv was found and holds at least 15 vectors');
SELECT is_empty(
    $$SELECT d, school_year, eduaid.school_year_of(d) FROM public.fx_school_year_vector
       WHERE eduaid.school_year_of(d) IS DISTINCT FROM school_year$$,
    'eduaid.school_year_of agrees with every vector of tests/data/school_year_vectors.csv');

SELECT cmp_ok((SELECT count(*)::int FROM public.fx_phone_vector), '>=', 20,
    'tests/data/phone_vectors.csv was found and holds at least 20 vectors');
SELECT is_empty(
    $$SELECT phone, valid FROM public.fx_phone_vector
       WHERE eduaid.phone_valid(phone) IS DISTINCT FROM valid$$,
    'eduaid.phone_valid agrees with every vector of tests/data/phone_vectors.csv');

-- money_valid takes a number: the vectors the server can read as one
-- (no exponent, no sign but '-') are its; the rest are the client's
-- format errors.
SELECT cmp_ok((SELECT count(*)::int FROM public.fx_money_vector
                WHERE amount ~ '^-?[0-9]+(\.[0-9]+)?$'), '>=', 15,
    'tests/data/money_vectors.csv was found and holds at least 15 plain numbers');
SELECT is_empty(
    $$SELECT amount, reason FROM public.fx_money_vector
       WHERE amount ~ '^-?[0-9]+(\.[0-9]+)?$'
         AND eduaid.money_valid(amount::numeric) IS DISTINCT FROM (reason = 'ok')$$,
    'eduaid.money_valid agrees with every number of tests/data/money_vectors.csv');
SELECT is(
    (SELECT array_agg(DISTINCT reason ORDER BY reason) FROM public.fx_money_vector),
    ARRAY['format', 'ok', 'range'],
    'the money vectors cover every reason: format, ok, range');

SELECT cmp_ok((SELECT count(*)::int FROM public.fx_blank_vector), '>=', 20,
    'tests/data/blank_vectors.csv was found and holds at least 20 vectors');
SELECT is_empty(
    $$SELECT codepoints, what, blank FROM public.fx_blank_vector
       WHERE eduaid.is_blank(public.fx_text(codepoints)) IS DISTINCT FROM blank$$,
    'eduaid.is_blank agrees with every vector of tests/data/blank_vectors.csv');
SELECT is_empty(
    $$SELECT codepoints, what, blank FROM public.fx_blank_vector
       WHERE (eduaid.tidy(public.fx_text(codepoints)) = '') IS DISTINCT FROM blank$$,
    'eduaid.tidy leaves nothing of exactly the blank vectors');

-- entitled_programs and stage_programs: an empty field of the file is
-- NULL (no stage, no status, no programs), as the C twin reads it as "".
SELECT cmp_ok((SELECT count(*)::int FROM public.fx_entitlement_vector), '>=', 28,
    'tests/data/entitlement_vectors.csv was found and holds at least 28 vectors');
SELECT is_empty(
    $$SELECT stage, boarding, schooling_status, left_school, programs
        FROM public.fx_entitlement_vector
       WHERE array_to_string(eduaid.entitled_programs(stage, boarding, schooling_status,
                                                      left_school), ' ')
             IS DISTINCT FROM coalesce(programs, '')$$,
    'eduaid.entitled_programs agrees with every vector of tests/data/entitlement_vectors.csv');
SELECT is_empty(
    $$SELECT stage, boarding, programs FROM public.fx_entitlement_vector
       WHERE schooling_status = 'enrolled' AND NOT left_school
         AND array_to_string(eduaid.stage_programs(stage, boarding), ' ')
             IS DISTINCT FROM coalesce(programs, '')$$,
    'eduaid.stage_programs agrees with every vector of a child in school');
SELECT is_empty(
    $$SELECT c.value, b.boarding FROM eduaid.choice_stage c
       CROSS JOIN (VALUES (false), (true)) AS b (boarding)
      EXCEPT SELECT stage, boarding FROM public.fx_entitlement_vector
              WHERE schooling_status = 'enrolled' AND NOT left_school$$,
    'the entitlement vectors hold every stage of choice_stage, boarding and not, in school');
SELECT is_empty(
    $$SELECT c.value, b.boarding, eduaid.stage_programs(c.value, b.boarding)
        FROM eduaid.choice_stage c CROSS JOIN (VALUES (false), (true)) AS b (boarding)
       WHERE eduaid.stage_programs(c.value, b.boarding) IS DISTINCT FROM
             ARRAY(SELECT p FROM unnest(eduaid.subsidy_programs()) WITH ORDINALITY AS o (p, k)
                    WHERE p = ANY (eduaid.stage_programs(c.value, b.boarding)) ORDER BY k)$$,
    'stage_programs names only programs of subsidy_programs, in its (report) order');

-- ==== the constraints, as a clerk meets them ================================
SELECT is(
    (SELECT array_agg(c.conname::text ORDER BY c.conname) FROM pg_constraint c
      WHERE c.connamespace = 'eduaid'::regnamespace AND c.conname LIKE '%phone_check'
        AND pg_get_constraintdef(c.oid) LIKE '%eduaid.phone_valid(phone)%'),
    ARRAY['household_phone_check', 'teacher_phone_check', 'training_enrollment_phone_check'],
    'the three phone constraints call eduaid.phone_valid');

-- Does an UPDATE of household hh_r (as the current user) take the value?
-- false when it is refused by constraint `expect`; any other error stands.
CREATE FUNCTION public.fx_household_takes(col text, v text, expect text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    c text;
BEGIN
    EXECUTE format('UPDATE eduaid.household SET %I = $1 WHERE id = $2', col)
        USING v, public.fx('hh_r');
    RETURN true;
EXCEPTION WHEN check_violation THEN
    GET STACKED DIAGNOSTICS c = CONSTRAINT_NAME;
    IF c IS DISTINCT FROM expect THEN
        RAISE;
    END IF;
    RETURN false;
END
$$;

SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_r', 420325100) \gset
SELECT is_empty(
    $$SELECT phone, valid FROM public.fx_phone_vector
       WHERE public.fx_household_takes('phone', phone, 'household_phone_check')
             IS DISTINCT FROM valid$$,
    'demo_clerk: a household''s phone is taken exactly when the phone vector is valid');
SELECT is_empty(
    $$SELECT codepoints, what, blank FROM public.fx_blank_vector
       WHERE public.fx_household_takes('head_name', public.fx_text(codepoints),
                                       'household_head_name_check') = blank$$,
    'demo_clerk: a head''s name is refused exactly when the blank vector is blank');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
