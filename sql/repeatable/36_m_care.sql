-- repeatable/36_m_care.sql: 关爱留守儿童, the left-behind children's care
-- ledger (issue 17 H2; the tables: 059_care.sql).
--
--   guards and triggers   a care record only for a left-behind member of
--                         the township (EA240); counselling sessions kept
--                         as written (EA241); no date in the future;
--                         bookkeeping, tidy text and the audit trail
--                         (kind 'care') as the other ledgers
--   eduaid.care_term(year)       the term a report of school year `year`
--                         looks at: autumn (1 Sep .. 31 Jan) or spring
--                         (1 Feb .. 31 Jul), the one today is in (a past
--                         year: its spring term; a future one: autumn)
--   eduaid.care_weeks(term)      weeks of the term elapsed by today
--   eduaid.care_children(year, township)  the left-behind children of the
--                         caller's townships with their care state: the
--                         list screen's rows and the report's facts
--   eduaid.report_care(year, township)   the report (src/db/report.c)
--
-- Who writes: clerks and officers of the township (for its schools), by
-- INSERT/UPDATE under the policies of 38_policies.sql; supervisors read,
-- with phones and counselling notes masked (their column privileges,
-- 39_privileges.sql, hold only the *_masked twins); the auditor reads
-- everything. Every function here is SECURITY INVOKER: row-level security
-- and column privileges decide, and none of them reads counsel_notes (so
-- no definer function compares, searches or returns the notes).
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- Guards.

-- A care record: for a left-behind member of the row's township, which
-- the caller sees (under RLS, so another township's child is "not a
-- left-behind child of the township", never more). The child is fixed.
CREATE OR REPLACE FUNCTION eduaid.care_record_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.student_id, NEW.household_id, NEW.township_id)
            IS DISTINCT FROM (OLD.student_id, OLD.household_id, OLD.township_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA240',
            MESSAGE = 'the child of a care record is fixed (关爱档案的儿童不可更改)';
    END IF;
    IF TG_OP = 'INSERT' AND NOT EXISTS (
            SELECT FROM eduaid.student s
             WHERE s.township_id = NEW.township_id AND s.household_id = NEW.household_id
               AND s.id = NEW.student_id AND s.left_behind) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA240',
            MESSAGE = 'not a left-behind child of the township (不是本乡镇的留守儿童)';
    END IF;
    RETURN NEW;
END
$$;

-- A counselling session is kept as written (a superuser repairing data
-- excepted); its date is not in the future.
CREATE OR REPLACE FUNCTION eduaid.care_counselling_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF eduaid.ledger_superuser() THEN
            RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        RAISE EXCEPTION USING ERRCODE = 'EA241',
            MESSAGE = 'a counselling session is kept as written (心理辅导记录不可修改或删除)';
    END IF;
    IF NEW.session_date > current_date THEN
        PERFORM eduaid.ledger_date_error('care_counselling_session_date_check',
                                         'the session''s date is in the future');
    END IF;
    RETURN NEW;
END
$$;

-- An activity is not in the future; its school and day are fixed once
-- written (attendance hangs on them).
CREATE OR REPLACE FUNCTION eduaid.care_activity_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NEW.held_on > current_date THEN
        PERFORM eduaid.ledger_date_error('care_activity_held_on_check',
                                         'the activity''s date is in the future');
    END IF;
    RETURN NEW;
END
$$;

REVOKE ALL ON FUNCTION eduaid.care_record_guard(), eduaid.care_counselling_guard(),
    eduaid.care_activity_guard() FROM PUBLIC;

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.care_record
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.care_record
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('guardian_name', 'guardian_phone',
                                                      'volunteer_name', 'volunteer_phone');
CREATE OR REPLACE TRIGGER b_keep BEFORE DELETE ON eduaid.care_record
    FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();
CREATE OR REPLACE TRIGGER c_guard BEFORE INSERT OR UPDATE ON eduaid.care_record
    FOR EACH ROW EXECUTE FUNCTION eduaid.care_record_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.care_record
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('care');

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.care_counselling
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.care_counselling
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('counsellor', 'counsel_notes');
CREATE OR REPLACE TRIGGER b_keep BEFORE UPDATE OR DELETE ON eduaid.care_counselling
    FOR EACH ROW EXECUTE FUNCTION eduaid.care_counselling_guard();
CREATE OR REPLACE TRIGGER c_guard BEFORE INSERT ON eduaid.care_counselling
    FOR EACH ROW EXECUTE FUNCTION eduaid.care_counselling_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.care_counselling
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('care');

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.care_activity
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.care_activity
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('title');
CREATE OR REPLACE TRIGGER b_keep BEFORE DELETE ON eduaid.care_activity
    FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();
CREATE OR REPLACE TRIGGER c_guard BEFORE INSERT OR UPDATE ON eduaid.care_activity
    FOR EACH ROW EXECUTE FUNCTION eduaid.care_activity_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.care_activity
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('care');

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.care_attendance
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_keep BEFORE DELETE ON eduaid.care_attendance
    FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.care_attendance
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('care');

------------------------------------------------------------------------
-- The term. School year y runs from 1 Sep y: its autumn term is 1 Sep y
-- .. 31 Jan y+1, its spring term 1 Feb .. 31 Jul y+1 (August is the
-- summer holiday and counts as the spring term just ended). The term of a
-- report of year y is the one today is in; a past year's is its spring
-- term, a future year's its autumn term.
CREATE OR REPLACE FUNCTION eduaid.care_term(p_year int) RETURNS daterange
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE WHEN current_date < make_date(p_year + 1, 2, 1)
            THEN daterange(make_date(p_year, 9, 1), make_date(p_year + 1, 2, 1))
            ELSE daterange(make_date(p_year + 1, 2, 1), make_date(p_year + 1, 8, 1)) END;

-- Weeks of term t elapsed by today (whole term once it is over; 0 before
-- it begins): days / 7, not rounded. Twice a week on average over the
-- term is then at least 2 * weeks attendances in it.
CREATE OR REPLACE FUNCTION eduaid.care_weeks(t daterange) RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE
RETURN greatest(least(upper(t), current_date + 1) - lower(t), 0)::numeric / 7;

------------------------------------------------------------------------
-- The left-behind children of school year p_year in the caller's
-- townships (or p_township of them): a member flagged left_behind with a
-- row of that school year in its township, not moved out before the term
-- began. Their care state: the record's guardian, contact teacher and
-- volunteer (names as the caller may read them), the last counselling
-- session (ever) and whether one falls in the term, the attendances of
-- the term and the number twice weekly asks for by today.
CREATE OR REPLACE FUNCTION eduaid.care_children(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, household_id bigint, student_id bigint,
               name text, care_id bigint, guardian_name text, guardian_relation text,
               contact_teacher_id bigint, teacher_name text, volunteer_name text,
               last_session date, counselled boolean, attended bigint, needed numeric)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    WITH t AS (SELECT eduaid.care_term(p_year) AS term)
    SELECT s.township_id, tw.name, s.household_id, s.id, s.name, c.id, c.guardian_name,
           c.guardian_relation, c.contact_teacher_id, te.name, c.volunteer_name,
           (SELECT max(cs.session_date) FROM eduaid.care_counselling cs
             WHERE cs.township_id = c.township_id AND cs.care_id = c.id),
           EXISTS (SELECT FROM eduaid.care_counselling cs
                    WHERE cs.township_id = c.township_id AND cs.care_id = c.id
                      AND cs.session_date <@ t.term),
           (SELECT count(*) FROM eduaid.care_attendance a
              JOIN eduaid.care_activity ac ON ac.township_id = a.township_id
                                          AND ac.id = a.activity_id
             WHERE a.township_id = c.township_id AND a.care_id = c.id AND a.present
               AND ac.held_on <@ t.term),
           round(2 * eduaid.care_weeks(t.term), 1)
      FROM t
     CROSS JOIN eduaid.report_townships(p_township) AS tw
      JOIN eduaid.student s ON s.township_id = tw.id AND s.left_behind
      LEFT JOIN eduaid.care_record c ON c.township_id = s.township_id AND c.student_id = s.id
      LEFT JOIN eduaid.teacher te ON te.township_id = c.township_id
                                 AND te.id = c.contact_teacher_id
     WHERE EXISTS (SELECT FROM eduaid.student_year sy
                    WHERE sy.township_id = s.township_id AND sy.student_id = s.id
                      AND sy.school_year = p_year)
       AND (s.moved_out_on IS NULL OR s.moved_out_on > lower(t.term))
     ORDER BY s.township_id, s.name, s.id;
END;

------------------------------------------------------------------------
-- 关爱留守儿童: per township and the county total -- left-behind children,
-- of them with a guardian, with a contact teacher, with a volunteer,
-- counselled in the term, attending at least twice a week on average over
-- the term so far; fully cared for (all five) and its share, the bar
-- against 100%.
CREATE OR REPLACE FUNCTION eduaid.report_care(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, children bigint,
               guardian bigint, teacher bigint, volunteer bigint, counselled bigint,
               active bigint, cared bigint, cared_pct numeric)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    WITH c AS (
        SELECT k.township_id AS tid,
               k.guardian_name IS NOT NULL AS g,
               k.contact_teacher_id IS NOT NULL AS te,
               k.volunteer_name IS NOT NULL AS v,
               k.counselled AS cs,
               (k.needed > 0 AND k.attended >= k.needed) AS act
          FROM eduaid.care_children(p_year, p_township) AS k),
    g AS (
        SELECT t.id, t.name, count(c.tid) AS n,
               count(*) FILTER (WHERE c.g) AS g, count(*) FILTER (WHERE c.te) AS te,
               count(*) FILTER (WHERE c.v) AS v, count(*) FILTER (WHERE c.cs) AS cs,
               count(*) FILTER (WHERE c.act) AS act,
               count(*) FILTER (WHERE c.g AND c.te AND c.v AND c.cs AND c.act) AS full_
          FROM eduaid.report_townships(p_township) AS t
          LEFT JOIN c ON c.tid = t.id
         GROUP BY t.id, t.name)
    SELECT g.id, g.name, NULL::text, sum(g.n)::bigint, sum(g.g)::bigint, sum(g.te)::bigint,
           sum(g.v)::bigint, sum(g.cs)::bigint, sum(g.act)::bigint, sum(g.full_)::bigint,
           eduaid.report_pct(sum(g.full_), sum(g.n))
      FROM g
     GROUP BY GROUPING SETS ((g.id, g.name), ())
    HAVING count(*) > 0
     ORDER BY g.id NULLS LAST;
END;

REVOKE ALL ON FUNCTION eduaid.care_term(int), eduaid.care_weeks(daterange),
    eduaid.care_children(int, int), eduaid.report_care(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.care_term(int), eduaid.care_weeks(daterange),
    eduaid.care_children(int, int), eduaid.report_care(int, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
