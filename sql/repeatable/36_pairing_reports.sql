-- repeatable/36_pairing_reports.sql: the school pairing reports (结对帮扶,
-- issue 15 H4), in the shape of the plan's indicators (34_reports.sql):
-- `eduaid report NAME`, its PDF and the report screen read them through
-- the same table (src/db/report.c), and the printed documents of
-- `eduaid pairing print` (src/db/pairreport.c) through the three below.
--
--   eduaid.report_pair_coverage(year, township)   不漏一校: schools needing
--        help, of them paired, unpaired, the rate; the items of a township
--        are its unpaired schools, every one of them (the list)
--   eduaid.report_pair_activity(year, township)   activities per semester
--        per pair (spring: from 1 March, autumn: from 1 September of the
--        year, eduaid.pair_semester), pairs with none in a semester counted
--   eduaid.report_pair_monthly(year, township)    monthly report
--        punctuality per pair: months due, reported, on time, late, missing
--   eduaid.report_pair_rectifications(year, township)  notices issued in the
--        year: answered, open, overdue
--   eduaid.report_pair_scores(year, township)     the annual sheet
--        (eduaid.pair_annual_sheet): scores and ranks per pair
--   eduaid.pair_bulletin(year, quarter)           the quarter's inspections
--        (帮扶通报), with each inspection's notices
--   eduaid.pair_notice_doc(notice)                one rectification notice
--        (整改通知书) with its pair, schools and inspection
--   eduaid.pair_scores_doc(year)                  the annual scoring table
--
-- The year of a pairing report is the calendar year (the pairing's year:
-- annual plan and summary, quarters, the annual assessment), not the
-- school year of the other reports. Leading columns as in 34_reports.sql:
-- township_id, township (NULL on the total row), item (NULL on a row over
-- all items). A pair counts under its home township (the lead helped
-- school's, pair.township_id). The townships: those the caller may see
-- (my_townships()), and the home townships of the pairs he sees (a
-- county-town officer whose school helps a village school sees that pair
-- under the village's township), zeros included.
--
-- Every function here is SECURITY INVOKER: row-level security decides
-- which pairs (the pair's sides, 38_policies.sql), so an officer's report
-- covers his pairs only, a supervisor's the county's. "Today" is
-- current_date: a year past is counted as of its end, so its figures do
-- not move (tests/db/63_pairing_reports.t counts a past year).
SET ROLE eduaid_owner;

-- The townships of a pairing report: the caller's, and the home townships
-- of the pairs he sees (under RLS), or just p_township of those.
CREATE OR REPLACE FUNCTION eduaid.pair_report_townships(p_township int)
RETURNS TABLE (id int, name text)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT t.id, t.name FROM eduaid.township t
     WHERE (t.id = ANY ((SELECT eduaid.my_townships())::int[])
            OR t.id IN (SELECT p.township_id FROM eduaid.pair p))
       AND (p_township IS NULL OR t.id = p_township)
     ORDER BY t.id;
END;

-- The pairs of calendar year p_year the caller sees (their cycle, early
-- end included, meets the year), of the report's townships.
CREATE OR REPLACE FUNCTION eduaid.pair_report_pairs(p_year int, p_township int)
RETURNS TABLE (township_id int, township text, pair_id bigint, title text,
               cycle_start date, until date)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT p.township_id, t.name, p.id, p.title, p.cycle_start,
           coalesce(p.ended_on, p.cycle_end)
      FROM eduaid.pair p
      JOIN eduaid.pair_report_townships(p_township) AS t ON t.id = p.township_id
     WHERE p.cycle_start < make_date(p_year + 1, 1, 1)
       AND coalesce(p.ended_on, p.cycle_end) > make_date(p_year, 1, 1);
END;

------------------------------------------------------------------------
-- 不漏一校: on the day (today in the year, or the year's last day for a
-- past year, its first for a future one), the active schools of each
-- township marked needs_help, those among them that are a helped school
-- of a pair whose cycle holds the day (pair_member.during: shortened by
-- an early end), and those that are not -- listed one by one as the
-- township's items (needing 1, paired 0, unpaired 1), and again under the
-- total with their township's name, so the list of the county is whole.
CREATE OR REPLACE FUNCTION eduaid.report_pair_coverage(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, needing bigint,
               paired bigint, unpaired bigint, coverage numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH s AS (
        SELECT t.id AS tid, t.name AS tname, sc.id AS sid, sc.name AS sname,
               EXISTS (SELECT FROM eduaid.pair_member m
                        WHERE m.township_id = sc.township_id AND m.school_id = sc.id
                          AND m.during @> least(greatest(current_date, make_date(p_year, 1, 1)),
                                                make_date(p_year, 12, 31))) AS paired
          FROM eduaid.report_townships(p_township) AS t
          JOIN eduaid.school sc ON sc.township_id = t.id AND sc.needs_help AND sc.active),
    rows_ AS (
        -- each township, then its unpaired schools
        SELECT t.id AS tid, t.name AS tname, NULL::text AS item, 0 AS ord, NULL::text AS skey,
               count(s.sid) AS needing, count(s.sid) FILTER (WHERE s.paired) AS paired
          FROM eduaid.report_townships(p_township) AS t
          LEFT JOIN s ON s.tid = t.id
         GROUP BY t.id, t.name
        UNION ALL
        SELECT s.tid, s.tname, s.sname, 1, s.sname || '#' || s.sid, 1, 0
          FROM s WHERE NOT s.paired
        -- the total, then every unpaired school of it
        UNION ALL
        SELECT NULL, NULL, NULL, 2, NULL, count(s.sid), count(s.sid) FILTER (WHERE s.paired)
          FROM s
        HAVING EXISTS (SELECT FROM eduaid.report_townships(p_township))
        UNION ALL
        SELECT NULL, NULL, s.sname || '（' || s.tname || '）', 3,
               lpad(s.tid::text, 12, '0') || s.sname || '#' || s.sid, 1, 0
          FROM s WHERE NOT s.paired)
    SELECT r.tid, r.tname, r.item, r.needing::bigint, r.paired::bigint,
           (r.needing - r.paired)::bigint, eduaid.report_pct(r.paired, r.needing)
      FROM rows_ r
     ORDER BY r.tid NULLS LAST, r.ord, r.skey;
END;

------------------------------------------------------------------------
-- 每学期至少一次互动: each pair of the year with its activities of the
-- spring semester (1 March to the end of August) and of the autumn
-- semester (from 1 September: its January and February are next year's
-- report's) by eduaid.pair_semester; spring_none / autumn_none is 1 for a
-- pair that was in its cycle during that semester, once the semester has
-- begun, with no activity in it. A township's row sums its pairs'.
CREATE OR REPLACE FUNCTION eduaid.report_pair_activity(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, pairs bigint, spring bigint,
               autumn bigint, activities bigint, spring_none bigint, autumn_none bigint)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH p AS (
        SELECT pp.*,
               (SELECT count(*) FROM eduaid.pair_activity a
                 WHERE a.township_id = pp.township_id AND a.pair_id = pp.pair_id
                   AND eduaid.pair_semester(a.held_on) = make_date(p_year, 3, 1)) AS spring,
               (SELECT count(*) FROM eduaid.pair_activity a
                 WHERE a.township_id = pp.township_id AND a.pair_id = pp.pair_id
                   AND eduaid.pair_semester(a.held_on) = make_date(p_year, 9, 1)) AS autumn
          FROM eduaid.pair_report_pairs(p_year, p_township) AS pp),
    f AS (
        SELECT p.*,
               (p.spring = 0 AND make_date(p_year, 3, 1) <= current_date
                AND p.cycle_start < make_date(p_year, 9, 1)
                AND p.until > make_date(p_year, 3, 1))::int AS spring_none,
               (p.autumn = 0 AND make_date(p_year, 9, 1) <= current_date
                AND p.cycle_start < make_date(p_year + 1, 3, 1)
                AND p.until > make_date(p_year, 9, 1))::int AS autumn_none
          FROM p),
    g AS (
        SELECT t.id AS tid, t.name AS tname, f.pair_id, f.title, f.spring, f.autumn,
               f.spring_none, f.autumn_none
          FROM eduaid.pair_report_townships(p_township) AS t
          LEFT JOIN f ON f.township_id = t.id)
    SELECT g.tid, g.tname, g.title, count(g.pair_id), coalesce(sum(g.spring), 0)::bigint,
           coalesce(sum(g.autumn), 0)::bigint, coalesce(sum(g.spring + g.autumn), 0)::bigint,
           coalesce(sum(g.spring_none), 0)::bigint, coalesce(sum(g.autumn_none), 0)::bigint
      FROM g
     GROUP BY GROUPING SETS ((g.tid, g.tname), (g.tid, g.tname, g.pair_id, g.title),
                             (g.pair_id, g.title), ())
    HAVING count(*) > 0 AND (g.pair_id IS NOT NULL OR GROUPING(g.pair_id) = 1)
     ORDER BY g.tid NULLS LAST, g.title NULLS FIRST, g.pair_id NULLS FIRST;
END;

------------------------------------------------------------------------
-- 月报告: for each pair of the year, the months of the year in its cycle
-- whose due day (eduaid.pair_report_due: the 5th of the next month) has
-- passed; of them reported (a report of that month), on time (entered --
-- created_at, in the county's time, Asia/Shanghai -- by the due day),
-- late (entered after it), missing (none). A report of a month not yet
-- due is not counted.
CREATE OR REPLACE FUNCTION eduaid.report_pair_monthly(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, pairs bigint, due bigint,
               reported bigint, on_time bigint, late bigint, missing bigint,
               on_time_pct numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH m AS (
        SELECT pp.township_id, pp.pair_id, mo.month::date AS month,
               (SELECT (r.created_at AT TIME ZONE 'Asia/Shanghai')::date
                  FROM eduaid.pair_monthly_report r
                 WHERE r.township_id = pp.township_id AND r.pair_id = pp.pair_id
                   AND r.month = mo.month::date) AS entered
          FROM eduaid.pair_report_pairs(p_year, p_township) AS pp
         CROSS JOIN generate_series(make_date(p_year, 1, 1), make_date(p_year, 12, 1),
                                    interval '1 month') AS mo (month)
         WHERE mo.month::date < pp.until
           AND (mo.month + interval '1 month')::date > pp.cycle_start
           AND eduaid.pair_report_due(mo.month::date) < current_date),
    f AS (
        SELECT pp.township_id, pp.pair_id, pp.title, count(m.month) AS due,
               count(m.entered) AS reported,
               count(m.entered) FILTER (WHERE m.entered <= eduaid.pair_report_due(m.month))
                   AS on_time
          FROM eduaid.pair_report_pairs(p_year, p_township) AS pp
          LEFT JOIN m ON m.township_id = pp.township_id AND m.pair_id = pp.pair_id
         GROUP BY 1, 2, 3),
    g AS (
        SELECT t.id AS tid, t.name AS tname, f.pair_id, f.title, f.due, f.reported, f.on_time
          FROM eduaid.pair_report_townships(p_township) AS t
          LEFT JOIN f ON f.township_id = t.id)
    SELECT g.tid, g.tname, g.title, count(g.pair_id), coalesce(sum(g.due), 0)::bigint,
           coalesce(sum(g.reported), 0)::bigint, coalesce(sum(g.on_time), 0)::bigint,
           coalesce(sum(g.reported - g.on_time), 0)::bigint,
           coalesce(sum(g.due - g.reported), 0)::bigint,
           eduaid.report_pct(sum(g.on_time), sum(g.due))
      FROM g
     GROUP BY GROUPING SETS ((g.tid, g.tname), (g.tid, g.tname, g.pair_id, g.title),
                             (g.pair_id, g.title), ())
    HAVING count(*) > 0 AND (g.pair_id IS NOT NULL OR GROUPING(g.pair_id) = 1)
     ORDER BY g.tid NULLS LAST, g.title NULLS FIRST, g.pair_id NULLS FIRST;
END;

------------------------------------------------------------------------
-- 整改通知书: the notices issued in the year, by their pair's home
-- township: answered (a response recorded), open (none yet), overdue
-- (open and its deadline past), and the answered share.
CREATE OR REPLACE FUNCTION eduaid.report_pair_rectifications(p_year int,
                                                             p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, issued bigint, answered bigint,
               open bigint, overdue bigint, answered_pct numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH n AS (
        SELECT r.township_id AS tid, r.deadline,
               EXISTS (SELECT FROM eduaid.pair_rectification_response x
                        WHERE x.township_id = r.township_id AND x.pair_id = r.pair_id
                          AND x.rectification_id = r.id) AS answered
          FROM eduaid.pair_rectification r
         WHERE r.issued_on >= make_date(p_year, 1, 1) AND r.issued_on < make_date(p_year + 1, 1, 1)
           AND (p_township IS NULL OR r.township_id = p_township))
    SELECT t.id, t.name, NULL::text, count(n.tid), count(n.tid) FILTER (WHERE n.answered),
           count(n.tid) FILTER (WHERE NOT n.answered),
           count(n.tid) FILTER (WHERE NOT n.answered AND n.deadline < current_date),
           eduaid.report_pct(count(n.tid) FILTER (WHERE n.answered), count(n.tid))
      FROM eduaid.pair_report_townships(p_township) AS t
      LEFT JOIN n ON n.tid = t.id
     GROUP BY GROUPING SETS ((t.id, t.name), ())
    HAVING count(*) > 0
     ORDER BY t.id NULLS LAST;
END;

------------------------------------------------------------------------
-- 考核打分: eduaid.pair_annual_sheet(year) per pair (its approved annual
-- total, the year's maximum, its rank); a township's and the total's row:
-- its pairs, how many were scored, and the average of their totals. The
-- sheet ranks the pairs the caller reads: the county's ranking for the
-- county's roles (supervisors, auditors, inspectors), but for a clerk or
-- officer only his own pairs among themselves -- no rank of the county's,
-- so none is shown to them (pair_sheet_ranked).
-- Does the caller read the whole county's pairs (so that the sheet's
-- ranks are the county's)?
CREATE OR REPLACE FUNCTION eduaid.pair_sheet_ranked() RETURNS boolean
LANGUAGE sql STABLE
RETURN coalesce(eduaid.my_role() IN ('supervisor', 'auditor', 'inspector'), false);

CREATE OR REPLACE FUNCTION eduaid.report_pair_scores(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, pairs bigint, scored bigint,
               score numeric, max_total numeric, rank int)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH sh AS MATERIALIZED (SELECT * FROM eduaid.pair_annual_sheet(p_year)),
    g AS (
        SELECT t.id AS tid, t.name AS tname, sh.pair_id, sh.title, sh.total, sh.max_total,
               sh.rank
          FROM eduaid.pair_report_townships(p_township) AS t
          LEFT JOIN sh ON sh.township_id = t.id)
    SELECT g.tid, g.tname, g.title, count(g.pair_id), count(g.total),
           round(avg(g.total), 1), max(g.max_total),
           CASE WHEN GROUPING(g.pair_id) = 0 AND eduaid.pair_sheet_ranked() THEN min(g.rank) END
      FROM g
     GROUP BY GROUPING SETS ((g.tid, g.tname), (g.tid, g.tname, g.pair_id, g.title),
                             (g.pair_id, g.title), ())
    HAVING count(*) > 0 AND (g.pair_id IS NOT NULL OR GROUPING(g.pair_id) = 1)
     ORDER BY g.tid NULLS LAST, g.title NULLS FIRST, g.pair_id NULLS FIRST;
END;

------------------------------------------------------------------------
-- The printed documents (src/db/pairreport.c).

-- 帮扶通报: the inspections of quarter p_quarter of p_year, the pairs the
-- caller sees, by date: the pair, its helping and helped schools, who
-- inspected, the findings, the verdict, the bulletin's words, and for each
-- notice issued from it (as text: "deadline：demands" lines) -- what a
-- lagging pair must do.
CREATE OR REPLACE FUNCTION eduaid.pair_bulletin(p_year int, p_quarter int)
RETURNS TABLE (inspection_id bigint, inspected_on date, township text, title text,
               helping_school text, helped_schools text, inspectors text, findings text,
               verdict text, bulletin text, demands text)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT i.id, i.inspected_on, t.name, p.title, hs.name,
           (SELECT string_agg(sc.name, '、' ORDER BY m.id) FROM eduaid.pair_member m
              JOIN eduaid.school sc ON sc.id = m.school_id
             WHERE m.pair_township_id = p.township_id AND m.pair_id = p.id),
           i.inspectors, i.findings, i.verdict, i.bulletin,
           (SELECT string_agg('整改期限 ' || r.deadline || '：' || r.demands, E'\n'
                              ORDER BY r.issued_on, r.id)
              FROM eduaid.pair_rectification r
             WHERE r.township_id = i.township_id AND r.pair_id = i.pair_id
               AND r.inspection_id = i.id)
      FROM eduaid.pair_inspection i
      JOIN eduaid.pair p ON p.township_id = i.township_id AND p.id = i.pair_id
      JOIN eduaid.township t ON t.id = p.township_id
      JOIN eduaid.school hs ON hs.id = p.helping_school_id
     WHERE i.inspected_on >= make_date(p_year, 3 * p_quarter - 2, 1)
       AND i.inspected_on < (make_date(p_year, 3 * p_quarter - 2, 1) + interval '3 months')::date
     ORDER BY i.inspected_on, t.id, p.title, i.id;
END;

-- 考核评分表: the annual sheet in its order with the home township's name;
-- the rank only where it is the county's (pair_sheet_ranked).
CREATE OR REPLACE FUNCTION eduaid.pair_scores_doc(p_year int)
RETURNS TABLE (rank int, title text, township text, total numeric, max_total numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT CASE WHEN eduaid.pair_sheet_ranked() THEN s.rank END, s.title, t.name, s.total,
           s.max_total
      FROM eduaid.pair_annual_sheet(p_year) WITH ORDINALITY AS s
      JOIN eduaid.township t ON t.id = s.township_id
     ORDER BY s.ordinality;
END;

-- 整改通知书: one notice the caller sees (no row: none, or not his), with
-- its pair, schools, inspection and whether it was answered.
CREATE OR REPLACE FUNCTION eduaid.pair_notice_doc(p_notice bigint)
RETURNS TABLE (id bigint, issued_on date, deadline date, demands text, township text,
               title text, helping_school text, helping_lead text, helped_schools text,
               helped_lead text, inspected_on date, inspectors text, findings text,
               verdict text, responded_on date)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT r.id, r.issued_on, r.deadline, r.demands, t.name, p.title, hs.name,
           p.helping_lead,
           (SELECT string_agg(sc.name, '、' ORDER BY m.id) FROM eduaid.pair_member m
              JOIN eduaid.school sc ON sc.id = m.school_id
             WHERE m.pair_township_id = p.township_id AND m.pair_id = p.id),
           p.helped_lead, i.inspected_on, i.inspectors, i.findings, i.verdict,
           (SELECT x.responded_on FROM eduaid.pair_rectification_response x
             WHERE x.township_id = r.township_id AND x.pair_id = r.pair_id
               AND x.rectification_id = r.id)
      FROM eduaid.pair_rectification r
      JOIN eduaid.pair_inspection i ON i.township_id = r.township_id
       AND i.pair_id = r.pair_id AND i.id = r.inspection_id
      JOIN eduaid.pair p ON p.township_id = r.township_id AND p.id = r.pair_id
      JOIN eduaid.township t ON t.id = p.township_id
      JOIN eduaid.school hs ON hs.id = p.helping_school_id
     WHERE r.id = p_notice;
END;

REVOKE ALL ON FUNCTION eduaid.pair_report_townships(int), eduaid.pair_report_pairs(int, int),
    eduaid.report_pair_coverage(int, int), eduaid.report_pair_activity(int, int),
    eduaid.report_pair_monthly(int, int), eduaid.report_pair_rectifications(int, int),
    eduaid.report_pair_scores(int, int), eduaid.pair_bulletin(int, int),
    eduaid.pair_notice_doc(bigint), eduaid.pair_sheet_ranked(),
    eduaid.pair_scores_doc(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.pair_report_townships(int), eduaid.pair_report_pairs(int, int),
    eduaid.report_pair_coverage(int, int), eduaid.report_pair_activity(int, int),
    eduaid.report_pair_monthly(int, int), eduaid.report_pair_rectifications(int, int),
    eduaid.report_pair_scores(int, int), eduaid.pair_bulletin(int, int),
    eduaid.pair_notice_doc(bigint), eduaid.pair_sheet_ranked(), eduaid.pair_scores_doc(int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor, eduaid_inspector;
-- the inspector reads the pairing reports too: their helpers of 34_reports.sql
GRANT EXECUTE ON FUNCTION eduaid.report_townships(int), eduaid.report_pct(numeric, numeric)
    TO eduaid_inspector;
RESET ROLE;
