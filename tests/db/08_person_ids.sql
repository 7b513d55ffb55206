-- tests/db/08_person_ids.sql: an ID number already registered anywhere in
-- the county -- in a township the clerk cannot see too -- is refused with
-- EA008 naming only the township that holds it; nothing else leaks.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(8);

-- Someone in 城关镇 whose details demo_clerk2 (土城镇) cannot see.
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('pid_a', 420325100) \gset
SELECT fx_student('pid_sa', 'pid_a') \gset
RESET SESSION AUTHORIZATION;
CREATE TABLE public.pid_secret AS
SELECT s.id_number, s.name, h.household_no, h.head_id_number
  FROM eduaid.student s JOIN eduaid.household h ON h.id = s.household_id
 WHERE s.id = fx('pid_sa');
GRANT SELECT ON public.pid_secret TO PUBLIC;

SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('pid_b', 420325103) \gset
SELECT throws_ok(
    $$INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
      SELECT 420325103, fx('pid_b'), '重复', p.id_number, eduaid.id_sex(p.id_number),
             eduaid.id_birth_date(p.id_number) FROM public.pid_secret p$$,
    'EA008', NULL, 'a member whose ID number is held in another township is refused (EA008)');
SELECT throws_like(
    $$INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
      SELECT 420325103, fx('pid_b'), '重复', p.id_number, eduaid.id_sex(p.id_number),
             eduaid.id_birth_date(p.id_number) FROM public.pid_secret p$$,
    '%registered in 城关镇%', 'the message names the township that holds it');
SELECT throws_ok(
    $$UPDATE eduaid.household SET head_id_number = (SELECT head_id_number FROM public.pid_secret)
       WHERE id = fx('pid_b')$$,
    'EA008', NULL, 'changing a head''s ID number to one held elsewhere is refused (EA008)');
RESET SESSION AUTHORIZATION;

-- The message carries the township and nothing else of the hidden rows.
CREATE FUNCTION pg_temp.dup_message() RETURNS text LANGUAGE plpgsql AS $$
DECLARE m text;
BEGIN
    EXECUTE 'SET SESSION AUTHORIZATION demo_clerk2';
    BEGIN
        INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
        SELECT 420325103, public.fx('pid_b'), '重复', p.id_number, eduaid.id_sex(p.id_number),
               eduaid.id_birth_date(p.id_number) FROM public.pid_secret p;
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS m = MESSAGE_TEXT;
    END;
    EXECUTE 'RESET SESSION AUTHORIZATION';
    RETURN m;
END $$;
SELECT ok((SELECT position(p.name IN pg_temp.dup_message()) = 0
              AND position(p.household_no IN pg_temp.dup_message()) = 0
              AND position(p.id_number IN pg_temp.dup_message()) = 0
             FROM public.pid_secret p),
          'the message holds neither the name, the household number nor the ID number');

-- Saving a row with its own ID number again is no duplicate.
SET SESSION AUTHORIZATION demo_clerk;
SELECT lives_ok($$UPDATE eduaid.student SET name = '改名' WHERE id = fx('pid_sa')$$,
    'editing another field of a member keeps its own ID number');
SELECT lives_ok($$UPDATE eduaid.student SET id_number = id_number WHERE id = fx('pid_sa')$$,
    'setting a member''s ID number to itself is no duplicate');
SELECT fx_household('pid_c', 420325101) \gset
SELECT throws_ok(
    $$INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
      SELECT 420325101, fx('pid_c'), '重复', p.id_number, eduaid.id_sex(p.id_number),
             eduaid.id_birth_date(p.id_number) FROM public.pid_secret p$$,
    'EA008', NULL, 'a member of another household in a township the clerk sees is refused too');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*)::int FROM eduaid.student s, public.pid_secret p WHERE s.id_number = p.id_number),
          1, 'the ID number is still held once');

SELECT * FROM finish();
ROLLBACK;
