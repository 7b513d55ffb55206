-- tests/db/_fixtures.sql: helpers shared by the pgTAP files (not a test:
-- run-db-tests.sh skips names beginning with "_"). Each test file includes
-- it with `\ir _fixtures.sql` right after BEGIN, as the superuser, so the
-- helpers are created inside the test's transaction and vanish with its
-- ROLLBACK.
--
-- The helpers live in schema public and are SECURITY INVOKER: a fixture
-- made after `SET SESSION AUTHORIZATION demo_clerk` is made by demo_clerk,
-- through his grants, his row-level security and the workflow triggers,
-- exactly as his client would make it.
--
-- Fixtures never depend on the generated demo records (sql/data/demo.sql):
-- ID numbers use area code 659001 and household numbers start with "TEST-",
-- neither of which the demo data uses, so the county registry of ID
-- numbers and household numbers (sql/017_registry.sql) never refuses them.
--
--   fx_set(key, id) / fx(key)        remember / recall a fixture's id (a
--                                    custom setting, readable by every role,
--                                    so $$...$$ SQL can name fixtures)
--   fx_idno(first17)                 first17 plus its check character
--   fx_new_idno(birth, sex)          a fresh valid ID number
--   fx_household(key, township)      a draft household, as the current user
--   fx_student(key, hh_key, birth, sex)   a member of that household
--   fx_year(key, hh_key [, year])    the household's record of a school year
--                                    (default 2026, a draft, made if missing)
--                                    with a row of that year per member
--   fx_subsidy(key, student_key)     a subsidy of that member (school year
--                                    2026, in the record fx_year makes)
--   fx_teacher(key, township)        a teacher at a primary school there
--   fx_fund(key, teacher_key)        a draft teacher fund application
--   fx_training(key, hh_key)         a draft training enrollment
--   fx_special_ed(key, hh_key)       a draft special-education plan
--   fx_refusal(sql)                  what a statement was refused with:
--                                    state (SQLSTATE, 'ok' when it ran),
--                                    detail, tbl, col, message
--   fx_rowcount(sql)                 rows a statement affected, as the
--                                    current user
--   fx_finds(query)                  does the query find a row? (false when
--                                    it is refused with 42501)
--   fx_status(kind, key)             status of a fixture record (any role
--                                    that can see it; the superuser always)

--
-- Run on its own (say by a `pg_prove tests/db/*.sql`), it creates nothing
-- and reports a skipped file: the including file sets fx_including first.

\set ON_ERROR_STOP on
\if :{?fx_including}
SET client_min_messages = warning;

CREATE SEQUENCE public.fx_seq;
GRANT USAGE ON SEQUENCE public.fx_seq TO PUBLIC;

CREATE FUNCTION public.fx_set(key text, id bigint) RETURNS bigint
LANGUAGE sql VOLATILE
RETURN set_config('eduaid_test.' || key, id::text, false)::bigint;

CREATE FUNCTION public.fx(key text) RETURNS bigint
LANGUAGE sql STABLE
RETURN current_setting('eduaid_test.' || key)::bigint;

CREATE FUNCTION public.fx_idno(first17 text) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN first17 || eduaid.id_check_digit(first17);

-- A valid ID number nobody else uses: area 659001, the given birth date,
-- a sequence number and the sex digit (odd = male).
CREATE FUNCTION public.fx_new_idno(birth date, sex text DEFAULT 'M') RETURNS text
LANGUAGE sql VOLATILE
RETURN public.fx_idno('659001' || to_char(birth, 'YYYYMMDD')
    || lpad((nextval('public.fx_seq') % 100)::text, 2, '0')
    || CASE sex WHEN 'M' THEN '1' ELSE '2' END);

CREATE FUNCTION public.fx_household(key text, township int) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
                                  head_id_number, registered_year, family_size)
    VALUES (township, 'TEST-' || translate(upper(key), '_', '-'),
            (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = township),
            '测试户主', public.fx_new_idno(date '1970-01-01' + nextval('public.fx_seq')::int),
            2016, 4)
    RETURNING id INTO new_id;
    RETURN public.fx_set(key, new_id);
END
$$;

CREATE FUNCTION public.fx_student(key text, hh_key text, birth date DEFAULT '2014-09-01',
                                  sex text DEFAULT 'F') RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
    idno   text := public.fx_new_idno(birth, sex);
BEGIN
    INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date)
    SELECT h.township_id, h.id, '测试学生', idno, sex, birth
      FROM eduaid.household h WHERE h.id = public.fx(hh_key)
    RETURNING id INTO new_id;
    IF new_id IS NULL THEN
        RAISE EXCEPTION 'fx_student: household % not visible', hh_key;
    END IF;
    RETURN public.fx_set(key, new_id);
END
$$;

-- The household's record of a school year (a draft, poor), made if
-- missing, with a row of that year for each of its members that has none:
-- in grade 3 of the township's first primary school, enrolled, not
-- boarding (a test that needs other facts updates the row).
CREATE FUNCTION public.fx_year(key text, hh_key text, year int DEFAULT 2026) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    y_id bigint;
    tid  int;
BEGIN
    SELECT h.township_id INTO tid FROM eduaid.household h WHERE h.id = public.fx(hh_key);
    IF tid IS NULL THEN
        RAISE EXCEPTION 'fx_year: household % not visible', hh_key;
    END IF;
    SELECT y.id INTO y_id FROM eduaid.household_year y
     WHERE y.township_id = tid AND y.household_id = public.fx(hh_key) AND y.school_year = year;
    IF y_id IS NULL THEN
        INSERT INTO eduaid.household_year (township_id, household_id, school_year)
        SELECT h.township_id, h.id, year
          FROM eduaid.household h WHERE h.id = public.fx(hh_key)
        RETURNING id INTO y_id;
    END IF;
    INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage,
                                     school_id, grade)
    SELECT s.township_id, y_id, s.id, 'primary',
           (SELECT min(c.id) FROM eduaid.school c
             WHERE c.township_id = tid AND c.kind = 'primary'), 3
      FROM eduaid.student s
     WHERE s.township_id = tid AND s.household_id = public.fx(hh_key)
       AND NOT EXISTS (SELECT FROM eduaid.student_year x
                        WHERE x.township_id = tid AND x.household_year_id = y_id
                          AND x.student_id = s.id);
    RETURN public.fx_set(key, y_id);
END
$$;

-- A grant of school year 2026 to that member, in the household's record of
-- 2026 (made by fx_year if missing, key <student_key>_y).
CREATE FUNCTION public.fx_subsidy(key text, student_key text,
                                  program text DEFAULT 'compulsory_waiver',
                                  amount numeric DEFAULT 500) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
    y_id   bigint;
BEGIN
    PERFORM public.fx_set(student_key || '_hh',
                          (SELECT s.household_id FROM eduaid.student s
                            WHERE s.id = public.fx(student_key)));
    y_id := public.fx_year(student_key || '_y', student_key || '_hh');
    INSERT INTO eduaid.student_subsidy (township_id, household_year_id, student_id,
                                        program, amount)
    SELECT s.township_id, y_id, s.id, program, amount
      FROM eduaid.student s WHERE s.id = public.fx(student_key)
    RETURNING id INTO new_id;
    IF new_id IS NULL THEN
        RAISE EXCEPTION 'fx_subsidy: student % not visible', student_key;
    END IF;
    RETURN public.fx_set(key, new_id);
END
$$;

CREATE FUNCTION public.fx_teacher(key text, township int) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
    idno   text := public.fx_new_idno(date '1980-01-01' + nextval('public.fx_seq')::int, 'M');
BEGIN
    INSERT INTO eduaid.teacher (township_id, school_id, name, id_number, sex, birth_date,
                                rural_years)
    VALUES (township, (SELECT min(s.id) FROM eduaid.school s
                        WHERE s.township_id = township AND s.kind = 'primary'),
            '测试教师', idno, 'M', eduaid.id_birth_date(idno), 10)
    RETURNING id INTO new_id;
    RETURN public.fx_set(key, new_id);
END
$$;

CREATE FUNCTION public.fx_fund(key text, teacher_key text, amount numeric DEFAULT 5000)
RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
BEGIN
    INSERT INTO eduaid.teacher_fund_application (township_id, teacher_id, program_id,
        school_year, reason_category, reason_text, amount_requested, bank_name, bank_account)
    SELECT t.township_id, t.id, (SELECT p.id FROM eduaid.fund_program p WHERE p.code = 'ligeng'),
           2026, 'family_hardship', '家庭困难', amount, '中国农业银行', '6228480012345678901'
      FROM eduaid.teacher t WHERE t.id = public.fx(teacher_key)
    RETURNING id INTO new_id;
    IF new_id IS NULL THEN
        RAISE EXCEPTION 'fx_fund: teacher % not visible', teacher_key;
    END IF;
    RETURN public.fx_set(key, new_id);
END
$$;

CREATE FUNCTION public.fx_training(key text, hh_key text) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
    idno   text := public.fx_new_idno(date '1995-01-01' + nextval('public.fx_seq')::int, 'M');
BEGIN
    INSERT INTO eduaid.training_enrollment (township_id, household_id, trainee_name,
        trainee_id_number, trainee_sex, trainee_birth_date, trainee_type, course_id,
        provider_school_id, batch, start_date)
    SELECT h.township_id, h.id, '测试学员', idno, 'M', eduaid.id_birth_date(idno), 'two_after',
           (SELECT c.id FROM eduaid.training_course c WHERE c.name = '电子商务'),
           (SELECT s.id FROM eduaid.school s WHERE s.kind = 'vocational' ORDER BY s.id LIMIT 1),
           '2026-1', date '2026-03-01'
      FROM eduaid.household h WHERE h.id = public.fx(hh_key)
    RETURNING id INTO new_id;
    IF new_id IS NULL THEN
        RAISE EXCEPTION 'fx_training: household % not visible', hh_key;
    END IF;
    RETURN public.fx_set(key, new_id);
END
$$;

CREATE FUNCTION public.fx_special_ed(key text, hh_key text) RETURNS bigint
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    new_id bigint;
    idno   text := public.fx_new_idno(date '2015-01-01' + nextval('public.fx_seq')::int, 'F');
BEGIN
    INSERT INTO eduaid.special_ed_plan (township_id, household_id, child_name,
        child_id_number, child_sex, child_birth_date, disability_type, disability_grade,
        placement, school_id, placed_on)
    SELECT h.township_id, h.id, '测试儿童', idno, 'F', eduaid.id_birth_date(idno),
           'hearing', 2, 'regular_class',
           (SELECT min(s.id) FROM eduaid.school s
             WHERE s.township_id = h.township_id AND s.kind = 'primary'),
           date '2025-09-01'
      FROM eduaid.household h WHERE h.id = public.fx(hh_key)
    RETURNING id INTO new_id;
    IF new_id IS NULL THEN
        RAISE EXCEPTION 'fx_special_ed: household % not visible', hh_key;
    END IF;
    RETURN public.fx_set(key, new_id);
END
$$;

CREATE FUNCTION public.fx_refusal(stmt text)
RETURNS TABLE (state text, detail text, tbl text, col text, message text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    EXECUTE stmt;
    state := 'ok';
    RETURN NEXT;
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, detail = PG_EXCEPTION_DETAIL,
                            tbl = TABLE_NAME, col = COLUMN_NAME, message = MESSAGE_TEXT;
    RETURN NEXT;
END
$$;

CREATE FUNCTION public.fx_rowcount(stmt text) RETURNS int
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    n int;
BEGIN
    EXECUTE stmt;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Does a query find any row for the current user? A query refused for
-- lack of privilege (42501) finds nothing.
CREATE FUNCTION public.fx_finds(query text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    found_any boolean;
BEGIN
    EXECUTE 'SELECT EXISTS (' || query || ')' INTO found_any;
    RETURN found_any;
EXCEPTION WHEN insufficient_privilege THEN
    RETURN false;
END
$$;

CREATE FUNCTION public.fx_status(kind text, key text) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    st text;
BEGIN
    EXECUTE format('SELECT status FROM eduaid.%I WHERE id = $1', eduaid.record_table(kind))
       INTO st USING public.fx(key);
    RETURN st;
END
$$;

RESET client_min_messages;
\else
\echo '1..0 # SKIP _fixtures.sql is a helper included by the other tests, not a test'
\endif
