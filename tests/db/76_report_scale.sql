-- tests/db/76_report_scale.sql: the reports rewritten for a county of
-- 2,000,000 students (issue 16, sql/056_report_scale.sql): the school-age
-- tally and the ledger counts read from it, as each role.
--
-- eduaid.school_age_tally must always equal a count from scratch of the
-- student_year rows joined with their students; after every kind of change
-- the triggers see (year rows inserted, a schooling status changed, a birth
-- date changed, a member deleted with his year rows, a year record
-- deleted with its rows) the test
-- compares the two. eduaid.ledger_counts must give what it gave before
-- the tally (its old body, kept here as public.t76_old_counts: the counts
-- of eduaid.dropout_flagged and of the school-age view) for the clerk,
-- the officer and the supervisor, with open, confirmed and returned cases
-- about. The tally is read by township like every table (a clerk sees
-- only his townships' rows) and written by nobody but its triggers: the
-- roles cannot write it, nor call its functions.
--
-- Cost: about a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(20);

SELECT fx_set('y', eduaid.school_year_of(current_date)) \gset

-- The tally counted from scratch (as the superuser: every township).
CREATE VIEW public.t76_scratch AS
SELECT sy.township_id, sy.school_year, eduaid.school_entry_year(s.birth_date) AS entry_year,
       sy.schooling_status <> 'enrolled' AS out_of_school, count(*) AS n
  FROM eduaid.student_year sy
  JOIN eduaid.student s ON s.household_id = sy.household_id AND s.id = sy.student_id
 WHERE s.birth_date IS NOT NULL
 GROUP BY 1, 2, 3, 4;
CREATE FUNCTION public.t76_tally_ok() RETURNS boolean
LANGUAGE sql STABLE
RETURN NOT EXISTS (
    (SELECT * FROM public.t76_scratch
     EXCEPT SELECT t.township_id, t.school_year, t.entry_year, t.out_of_school, t.n
              FROM eduaid.school_age_tally t WHERE t.n > 0)
    UNION ALL
    (SELECT t.township_id, t.school_year, t.entry_year, t.out_of_school, t.n
       FROM eduaid.school_age_tally t WHERE t.n > 0
     EXCEPT SELECT * FROM public.t76_scratch));

-- ledger_counts as it was before the tally (32_ledgers.sql before 056).
CREATE FUNCTION public.t76_old_counts(school_year int)
RETURNS TABLE (township_id int, school_age bigint, suspected bigint, confirmed bigint,
               returned bigint)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH age AS (
        SELECT a.township_id, count(*) AS school_age
          FROM eduaid.student_school_age a
         WHERE a.school_year = t76_old_counts.school_year
           AND a.entry_year BETWEEN t76_old_counts.school_year - 9 AND t76_old_counts.school_year
         GROUP BY a.township_id
    ), flagged AS (
        SELECT f.township_id,
               count(*) FILTER (WHERE f.standing = 'suspected') AS suspected,
               count(*) FILTER (WHERE f.standing = 'confirmed') AS confirmed
          FROM eduaid.dropout_flagged(school_year) f
         GROUP BY f.township_id
    ), back AS (
        SELECT d.township_id, count(*) AS returned
          FROM eduaid.dropout_case d
         WHERE d.state = 'returned'
           AND d.returned_on BETWEEN make_date(school_year, 9, 1)
                                 AND make_date(school_year + 1, 8, 31)
         GROUP BY d.township_id
    )
    SELECT t.id, coalesce(a.school_age, 0), coalesce(f.suspected, 0),
           coalesce(f.confirmed, 0), coalesce(b.returned, 0)
      FROM eduaid.township t
      LEFT JOIN age a ON a.township_id = t.id
      LEFT JOIN flagged f ON f.township_id = t.id
      LEFT JOIN back b ON b.township_id = t.id
     WHERE t.id = ANY ((SELECT eduaid.my_townships())::int[])
     ORDER BY t.id;
END;
GRANT EXECUTE ON FUNCTION public.t76_old_counts(int) TO PUBLIC;
-- The two agree for the current user (every township he sees).
CREATE FUNCTION public.t76_counts_agree() RETURNS boolean
LANGUAGE sql STABLE
RETURN NOT EXISTS (
    (SELECT * FROM eduaid.ledger_counts(public.fx('y')::int)
     EXCEPT SELECT * FROM public.t76_old_counts(public.fx('y')::int))
    UNION ALL
    (SELECT * FROM public.t76_old_counts(public.fx('y')::int)
     EXCEPT SELECT * FROM eduaid.ledger_counts(public.fx('y')::int)));
GRANT EXECUTE ON FUNCTION public.t76_counts_agree() TO PUBLIC;

SELECT ok(public.t76_tally_ok(), 'the migration counted the demo data''s year rows');

-- ==== the clerk's records ====================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('h76', 420325100);
SELECT fx_student('a76', 'h76', (make_date(fx('y')::int - 9, 3, 1)));   -- nine
SELECT fx_student('b76', 'h76', (make_date(fx('y')::int - 12, 3, 1)));  -- twelve
SELECT fx_student('c76', 'h76', (make_date(fx('y')::int - 20, 3, 1)));  -- twenty
SELECT fx_year('y76', 'h76', fx('y')::int);
RESET SESSION AUTHORIZATION;
SELECT ok(public.t76_tally_ok(), 'year rows inserted: the tally counts them');

SET SESSION AUTHORIZATION demo_clerk;
UPDATE eduaid.student_year SET schooling_status = 'dropped_out', stage = 'none', school_id = NULL,
       grade = NULL
 WHERE township_id = 420325100 AND student_id IN (fx('a76'), fx('c76'));
RESET SESSION AUTHORIZATION;
SELECT ok(public.t76_tally_ok(), 'a schooling status changed: the rows move to out of school');

SET SESSION AUTHORIZATION demo_clerk;
UPDATE eduaid.student SET birth_date = make_date(fx('y')::int - 14, 3, 1),
       id_number = fx_new_idno(make_date(fx('y')::int - 14, 3, 1), 'F')
 WHERE township_id = 420325100 AND id = fx('c76');
RESET SESSION AUTHORIZATION;
SELECT ok(public.t76_tally_ok(), 'a birth date changed: his rows move to the new first year');

-- ==== ledger_counts as before, with cases ===================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT ok(public.t76_counts_agree(), 'clerk: the counts are those of the flagged list and the school-age view');
SELECT fx_set('case_a76', eduaid.dropout_open(fx('a76'), current_date));
SELECT ok(public.t76_counts_agree(), 'clerk: with an open suspected case of a child out of school');
SELECT fx_set('case_b76', eduaid.dropout_open(fx('b76'), current_date));
SELECT fx_set('case_b76', eduaid.dropout_confirm(fx('b76'), current_date));
SELECT ok(public.t76_counts_agree(), 'clerk: with a confirmed case of a child the record says enrolled');
SELECT fx_set('case_c76', eduaid.dropout_open(fx('c76'), current_date));
SELECT fx_set('case_c76', eduaid.dropout_return(fx('c76'), current_date,
    (SELECT min(s.id) FROM eduaid.school s WHERE s.township_id = 420325100)::int));
SELECT ok(public.t76_counts_agree(), 'clerk: with a case closed as back in school after the row changed');
SELECT is((SELECT c.suspected - o.suspected FROM eduaid.ledger_counts(fx('y')::int) c
             JOIN public.t76_old_counts(fx('y')::int) o USING (township_id)
            WHERE c.township_id = 420325100), 0::bigint,
          'clerk: 城关镇''s suspected count is the old one');
SELECT is((SELECT array_agg(t.township_id ORDER BY t.township_id)
             FROM (SELECT DISTINCT township_id FROM eduaid.school_age_tally) t),
          '{420325100,420325101}'::int[],
          'clerk: reads the tally of his townships only (城关镇, 军店镇)');
SELECT is((SELECT r.state FROM fx_refusal($$INSERT INTO eduaid.school_age_tally VALUES (420325100, 2026, 2017, false, 1)$$) r),
          '42501', 'clerk: cannot write the tally');
SELECT is((SELECT r.state FROM fx_refusal($$SELECT eduaid.school_age_tally_rebuild()$$) r), '42501',
          'clerk: cannot count the tally again');
SELECT is((SELECT r.state FROM fx_refusal($$SELECT eduaid.school_age_tally_add(1, '{420325100}', '{2026}', '{2017}', '{false}')$$) r),
          '42501', 'clerk: cannot add to the tally through its function');

SET SESSION AUTHORIZATION demo_officer;
SELECT ok(public.t76_counts_agree(), 'officer: the counts are those of before');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT ok(public.t76_counts_agree(), 'supervisor: the counts of the county are those of before');
SELECT is((SELECT r.state FROM fx_refusal($$UPDATE eduaid.school_age_tally SET n = n + 1$$) r), '42501',
          'supervisor: cannot change the tally');

-- ==== rows leaving ===========================================================
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_student('d76', 'h76', (make_date(fx('y')::int - 8, 3, 1)));
SELECT fx_year('y76', 'h76', fx('y')::int);
SELECT eduaid.delete_member('student', fx('h76'), fx('d76'));
RESET SESSION AUTHORIZATION;
SELECT ok(public.t76_tally_ok(), 'a member deleted with his year rows: they leave the tally');

SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('h76b', 420325101);
SELECT fx_student('e76', 'h76b', (make_date(fx('y')::int - 10, 3, 1)));
SELECT fx_year('y76b', 'h76b', fx('y')::int);
SELECT eduaid.delete_draft('household_year', fx('y76b'),
    (SELECT y.version FROM eduaid.household_year y WHERE y.id = fx('y76b')));
RESET SESSION AUTHORIZATION;
SELECT ok(public.t76_tally_ok(), 'a year record deleted with its rows: they leave the tally');

SELECT is(eduaid.report_tally_rebuild() >= 0, true, 'the rebuild of the report tallies runs');
SELECT ok(public.t76_tally_ok(), 'and counts the school-age tally as the triggers kept it');

SELECT * FROM finish();
ROLLBACK;
