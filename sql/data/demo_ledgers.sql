-- sql/data/demo_ledgers.sql: the ledgers of the demo county (after
-- demo.sql), made the way people make them: each township's clerk
-- (clerk_NNN) records persuasion visits to the children who are out of
-- school, confirms some of the dropouts and closes some cases as back in
-- school through the functions of 012_ledgers.sql; logs the visits of the
-- approved home-delivery plans, last month's in full and this month's in
-- part; and records a few days of attendance of each training course that
-- has begun. Dates are counted back from today, so the ledgers look
-- current whenever the demo is loaded; choices come from md5 of a key, so
-- every load makes the same choices.
\set ON_ERROR_STOP on
BEGIN;

-- A number in [0, n) drawn from key (as eduaid_demo.pick of demo.sql).
CREATE FUNCTION pg_temp.pick(key text, n int) RETURNS int
LANGUAGE sql IMMUTABLE
RETURN ('x' || left(md5(key), 7))::bit(28)::int % n;

------------------------------------------------------------------------
-- 控辍保学: children out of school, of school age both this school year
-- and the last (so a case opened 20 days ago is valid either way). Every
-- one gets a visit 20 days ago; two in three a second visit 10 days ago;
-- one in three is confirmed 5 days ago; one in six of those not
-- confirmed is back in school 2 days ago (the others stay suspected).
WITH y AS (SELECT eduaid.school_year_of(current_date) AS sy),
kids AS (
    SELECT s.id, s.township_id, s.id_number AS k,
           (SELECT min(sc.id) FROM eduaid.school sc
             WHERE sc.township_id = s.township_id AND sc.active
               AND sc.kind IN ('primary', 'junior', 'nine_year')) AS school
      FROM eduaid.student s
      JOIN eduaid.student_year sy ON sy.student_id = s.id AND sy.school_year = 2026, y
     WHERE sy.schooling_status <> 'enrolled'
       AND eduaid.school_entry_year(s.birth_date) BETWEEN y.sy - 8 AND y.sy - 1)
SELECT format('SET SESSION AUTHORIZATION %I', 'clerk_' || right(township_id::text, 3)),
       format('SELECT eduaid.dropout_visit(%s, current_date - 20, %L, %L, %L)', id,
              (ARRAY['班主任', '校长和村主任', '驻村工作队', '乡镇专干和班主任'])[1 + pg_temp.pick(k || 'who', 4)],
              (ARRAY['will_return', 'refused', 'not_met', 'will_return'])[1 + pg_temp.pick(k || 'o1', 4)],
              (ARRAY['家长同意劝说孩子返校', '孩子在外打工，电话联系', '家中无人，邻居代为转告', NULL])[1 + pg_temp.pick(k || 'n1', 4)]),
       CASE WHEN pg_temp.pick(k || 'v2', 3) > 0 THEN
           format('SELECT eduaid.dropout_visit(%s, current_date - 10, %L, %L, NULL)', id,
                  (ARRAY['班主任', '乡镇专干'])[1 + pg_temp.pick(k || 'who2', 2)],
                  (ARRAY['will_return', 'refused', 'returned'])[1 + pg_temp.pick(k || 'o2', 3)]) END,
       CASE WHEN pg_temp.pick(k || 'st', 6) IN (0, 1) THEN
           format('SELECT eduaid.dropout_confirm(%s, current_date - 5)', id)
            WHEN pg_temp.pick(k || 'st', 6) = 2 AND school IS NOT NULL THEN
           format('SELECT eduaid.dropout_return(%s, current_date - 2, %s)', id, school) END
  FROM kids ORDER BY township_id, id
\gexec
RESET SESSION AUTHORIZATION;

------------------------------------------------------------------------
-- 送教上门: last month's visits in full, this month's in part (up to
-- yesterday), by the plan's teacher, two hours each.
SELECT format('SET SESSION AUTHORIZATION %I', 'clerk_' || right(t.id::text, 3)),
       format($sql$
    INSERT INTO eduaid.home_visit (township_id, plan_id, visit_date, teacher_id, hours, content)
    SELECT p.township_id, p.id, d.day, p.home_teacher_id, 2,
           (ARRAY['生活自理训练', '识字与数数', '康复训练', '语言训练', '亲子活动指导'])
               [1 + ('x' || left(md5(p.id || '/' || d.day), 7))::bit(28)::int %% 5]
      FROM eduaid.special_ed_plan p
      JOIN eduaid.teacher tc ON tc.township_id = p.township_id AND tc.id = p.home_teacher_id AND tc.active
     CROSS JOIN LATERAL (
         SELECT (date_trunc('month', current_date) - interval '1 month')::date + 7 * k AS day
           FROM generate_series(0, p.visits_per_month - 1) AS k
          WHERE k < 4
         UNION ALL
         SELECT date_trunc('month', current_date)::date + 3 * k
           FROM generate_series(0, p.visits_per_month - 2 - ('x' || left(md5(p.id::text), 7))::bit(28)::int %% 2) AS k
          WHERE date_trunc('month', current_date)::date + 3 * k < current_date) AS d
     WHERE p.township_id = %s AND p.placement = 'home_delivery' AND p.status = 'approved'
       AND p.ended_on IS NULL AND d.day >= p.placed_on$sql$, t.id)
  FROM eduaid.township t WHERE t.county_id = 420325 ORDER BY t.id
\gexec
RESET SESSION AUTHORIZATION;

------------------------------------------------------------------------
-- 培训台账: the first five course days of every enrollment that has
-- begun (weekdays not counted apart), four hours a day; one day in seven
-- absent.
SELECT format('SET SESSION AUTHORIZATION %I', 'clerk_' || right(t.id::text, 3)),
       format($sql$
    INSERT INTO eduaid.training_attendance (township_id, enrollment_id, session_date, hours, present)
    SELECT e.township_id, e.id, e.start_date + k,
           CASE WHEN ('x' || left(md5(e.id || '/' || k), 7))::bit(28)::int %% 7 = 0 THEN 0 ELSE 4 END,
           ('x' || left(md5(e.id || '/' || k), 7))::bit(28)::int %% 7 <> 0
      FROM eduaid.training_enrollment e CROSS JOIN generate_series(0, 4) AS k
     WHERE e.township_id = %s AND e.start_date + k <= least(current_date, coalesce(e.end_date, current_date))$sql$,
              t.id)
  FROM eduaid.township t WHERE t.county_id = 420325 ORDER BY t.id
\gexec
RESET SESSION AUTHORIZATION;

COMMIT;
