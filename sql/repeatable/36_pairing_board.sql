-- repeatable/36_pairing_board.sql: the compliance board of school pairing
-- (帮扶达标看板, issue 15, part H3; docs/design/pairing.md). Runs after
-- 36_pairing.sql, which defines pair_semester() and pair_report_due(); the
-- body is PL/pgSQL, not SQL, so that it stands whatever order a shell's
-- glob gives the two names in (bash in en_US/zh_CN collates "_board"
-- before ".sql").
--
--   eduaid.pair_compliance(as_of date DEFAULT current_date)
--       one row per pair active on as_of that the caller reads, with why
--       it is behind. Invoker's rights: row-level security (38_policies)
--       decides which pairs and which of their rows, so an officer sees
--       the pairs one of whose sides is his, supervisors, auditors and
--       inspectors the county's, and nobody learns anything of a pair he
--       cannot read (every count is over rows RLS lets him read).
--
-- The calendar moves with as_of; the records are read as they are now,
-- except that a row dated after as_of (an activity held, a notice issued,
-- a response given later) does not count yet. Monthly reports and
-- quarterly summaries are counted by the period they report on, whenever
-- they were entered (punctuality is the reports' business, not the
-- board's).
--
-- A pair is active on d when cycle_start <= d < coalesce(ended_on,
-- cycle_end). Its flags (each true means "behind on this"):
--   no_activity      no activity (pair_activity) held in the current
--                    semester up to d: pair_semester(held_on) =
--                    pair_semester(d) and held_on <= d (每学期至少一次互动;
--                    early in a semester every pair shows it: the board
--                    says "none yet", the reports judge a whole semester).
--   report_missing   report_month is the latest month whose due day has
--                    passed (pair_report_due(month) < d) and that lies in
--                    the cycle (month >= the month of cycle_start); the
--                    flag: no pair_monthly_report for it. NULL month (no
--                    month of the cycle due yet): never flagged.
--                    reports_missing counts every month of the cycle from
--                    the month of cycle_start up to report_month without
--                    a report (reports_due: how many months that is).
--   summary_missing  summary_year/summary_quarter is the last completed
--                    calendar quarter, when it began on or after
--                    cycle_start (a quarter the cycle began inside of is
--                    not asked for); the flag: no pair_quarterly of kind
--                    'summary' for it. summary_current: the current quarter
--                    already has its summary (information, never a flag).
--   rect_overdue     how many rectification notices issued on or before d
--                    have no response given on or before d and a deadline
--                    before d (the deadline day itself is still in time);
--                    rect_earliest the earliest of their deadlines. Flagged
--                    when rect_overdue > 0.
--   behind           any of the four; reasons the keys of the flags set, in
--                    this order: 'activity', 'report', 'summary',
--                    'rectification' (the client words them).
-- Sides: townships names the home township and then the other helped
-- schools' townships (the 乡镇 being helped), '、'-separated;
-- township_ids holds every side's township (home, helped and helping),
-- for the client's filter by township.
SET ROLE eduaid_owner;

CREATE OR REPLACE FUNCTION eduaid.pair_compliance(p_as_of date DEFAULT current_date)
RETURNS TABLE (township_id int, pair_id bigint, title text, townships text,
               township_ids int[], helping_school text,
               semester date, activities int, no_activity boolean,
               report_month date, reports_due int, reports_missing int, report_missing boolean,
               summary_year int, summary_quarter int, summary_missing boolean,
               summary_current boolean,
               rect_overdue int, rect_earliest date,
               behind boolean, reasons text[])
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH cal AS (
        SELECT eduaid.pair_semester(p_as_of) AS semester,
               CASE WHEN eduaid.pair_report_due((date_trunc('month', p_as_of)
                                                 - interval '1 month')::date) < p_as_of
                    THEN (date_trunc('month', p_as_of) - interval '1 month')::date
                    ELSE (date_trunc('month', p_as_of) - interval '2 months')::date END AS due_month,
               (date_trunc('quarter', p_as_of) - interval '3 months')::date AS last_quarter,
               date_trunc('quarter', p_as_of)::date AS this_quarter),
    active AS (
        SELECT p.township_id, p.id, p.title, p.helping_township_id, p.helping_school_id,
               p.cycle_start, cal.semester,
               CASE WHEN cal.due_month >= date_trunc('month', p.cycle_start)::date
                    THEN cal.due_month END AS report_month,
               CASE WHEN cal.last_quarter >= p.cycle_start THEN cal.last_quarter END AS last_quarter,
               cal.this_quarter
          FROM eduaid.pair p, cal
         WHERE p.cycle_start <= p_as_of AND p_as_of < coalesce(p.ended_on, p.cycle_end)),
    flags AS (
        SELECT a.*,
               (SELECT count(*)::int FROM eduaid.pair_activity x
                 WHERE x.township_id = a.township_id AND x.pair_id = a.id
                   AND eduaid.pair_semester(x.held_on) = a.semester
                   AND x.held_on <= p_as_of) AS activities,
               (SELECT count(*)::int
                  FROM generate_series(date_trunc('month', a.cycle_start), a.report_month,
                                       interval '1 month') AS m (month)) AS reports_due,
               (SELECT count(*)::int
                  FROM generate_series(date_trunc('month', a.cycle_start), a.report_month,
                                       interval '1 month') AS m (month)
                 WHERE NOT EXISTS (SELECT FROM eduaid.pair_monthly_report r
                                    WHERE r.township_id = a.township_id AND r.pair_id = a.id
                                      AND r.month = m.month::date)) AS reports_missing,
               a.report_month IS NOT NULL
                 AND NOT EXISTS (SELECT FROM eduaid.pair_monthly_report r
                                  WHERE r.township_id = a.township_id AND r.pair_id = a.id
                                    AND r.month = a.report_month) AS report_missing,
               a.last_quarter IS NOT NULL
                 AND NOT EXISTS (SELECT FROM eduaid.pair_quarterly q
                                  WHERE q.township_id = a.township_id AND q.pair_id = a.id
                                    AND q.kind = 'summary'
                                    AND q.year = extract(year FROM a.last_quarter)
                                    AND q.quarter = extract(quarter FROM a.last_quarter))
                 AS summary_missing,
               EXISTS (SELECT FROM eduaid.pair_quarterly q
                        WHERE q.township_id = a.township_id AND q.pair_id = a.id
                          AND q.kind = 'summary'
                          AND q.year = extract(year FROM a.this_quarter)
                          AND q.quarter = extract(quarter FROM a.this_quarter)) AS summary_current,
               o.overdue, o.earliest
          FROM active a
          CROSS JOIN LATERAL (
              SELECT count(*)::int AS overdue, min(n.deadline) AS earliest
                FROM eduaid.pair_rectification n
               WHERE n.township_id = a.township_id AND n.pair_id = a.id
                 AND n.issued_on <= p_as_of AND n.deadline < p_as_of
                 AND NOT EXISTS (SELECT FROM eduaid.pair_rectification_response r
                                  WHERE r.township_id = n.township_id AND r.pair_id = n.pair_id
                                    AND r.rectification_id = n.id
                                    AND r.responded_on <= p_as_of)) AS o)
    SELECT f.township_id, f.id, f.title,
           (SELECT string_agg(t.name, '、' ORDER BY t.id <> f.township_id, t.id)
              FROM eduaid.township t
             WHERE t.id = f.township_id
                OR t.id IN (SELECT m.township_id FROM eduaid.pair_member m
                             WHERE m.pair_township_id = f.township_id AND m.pair_id = f.id)),
           (SELECT array_agg(DISTINCT s.tid ORDER BY s.tid)
              FROM (SELECT f.township_id UNION SELECT f.helping_township_id
                    UNION SELECT m.township_id FROM eduaid.pair_member m
                           WHERE m.pair_township_id = f.township_id AND m.pair_id = f.id)
                   AS s (tid)),
           (SELECT s.name FROM eduaid.school s
             WHERE s.township_id = f.helping_township_id AND s.id = f.helping_school_id),
           f.semester, f.activities, f.activities = 0,
           f.report_month, f.reports_due, f.reports_missing, f.report_missing,
           extract(year FROM f.last_quarter)::int, extract(quarter FROM f.last_quarter)::int,
           f.summary_missing, f.summary_current,
           f.overdue, f.earliest,
           f.activities = 0 OR f.report_missing OR f.summary_missing OR f.overdue > 0,
           array_remove(ARRAY[CASE WHEN f.activities = 0 THEN 'activity' END,
                              CASE WHEN f.report_missing THEN 'report' END,
                              CASE WHEN f.summary_missing THEN 'summary' END,
                              CASE WHEN f.overdue > 0 THEN 'rectification' END], NULL)
      FROM flags f
     ORDER BY f.title, f.id;
END
$$;
COMMENT ON FUNCTION eduaid.pair_compliance(date) IS
    'the compliance board (帮扶达标看板): each pair active on the day that the caller reads, and why it is behind';
REVOKE ALL ON FUNCTION eduaid.pair_compliance(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.pair_compliance(date) TO eduaid_clerk, eduaid_officer,
    eduaid_supervisor, eduaid_auditor, eduaid_inspector;
RESET ROLE;
