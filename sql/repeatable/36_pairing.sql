-- repeatable/36_pairing.sql: school pairing (结对帮扶, issue 15): who sees a
-- pair, the rules the tables of 046_pairing.sql cannot declare, and the
-- two steps of the county (docs/design/pairing.md).
--
--   eduaid.my_pairs()        the ids of the pairs the person logged in
--                            sees: one side of which (home township,
--                            helping school's township, a helped school's
--                            township) lies in my_townships(); the
--                            policies of every pairing table compare
--                            pair_id with it (38_policies.sql)
--   eduaid.my_pair_townships()  the townships those pairs' rows are filed
--                            under (home and helped schools' townships):
--                            the read policies' first condition
--   eduaid.pair_end_request(pair, ended_on, reason) -> new version
--                            the home township asks to end a pair before
--                            its three years, with a reason, once its
--                            agreement is approved (052)
--   eduaid.pair_end_approve(pair), pair_end_refuse(pair, reason)
--                            a supervisor approves (the pair ends; the
--                            helped schools' cycle ends too) or turns it
--                            down with a reason: four eyes
--   eduaid.pair_evaluation_approve(evaluation)     -> new version
--                            a supervisor other than the one who entered
--                            it approves an evaluation; its scores are
--                            final from then on
-- Trigger functions (declared in 37_triggers.sql):
--   pair_guard          a pair's helping school, kind and cycle are fixed
--   pair_member_fill    a helped school takes its pair's kind and cycle;
--                       only the pair's functions change them afterwards
--   pair_member_claim   ... and claims that cycle (pair_claim: the
--                       overlap rule, readable by no login)
--   pair_keep           inspections and notices are never changed
--   pair_evaluation_guard  an approved evaluation is final
--   pair_score_fill     a score takes its criterion's maximum and its
--                       evaluation's kind (the bound's columns)
-- SQLSTATEs EA200..EA209 (046_pairing.sql's header). A pair the caller
-- cannot see is answered exactly as one that does not exist (EA200).
SET ROLE eduaid_owner;

CREATE OR REPLACE FUNCTION eduaid.my_pairs() RETURNS bigint[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    mine bigint[] := eduaid.my_scope();
BEGIN
    IF mine IS NULL THEN
        RETURN '{}'::bigint[];
    END IF;
    RETURN coalesce((SELECT array_agg(p.id ORDER BY p.id) FROM eduaid.pair p
                      WHERE p.township_id = ANY (mine) OR p.helping_township_id = ANY (mine)
                         OR EXISTS (SELECT FROM eduaid.pair_member m
                                     WHERE m.pair_township_id = p.township_id
                                       AND m.pair_id = p.id AND m.township_id = ANY (mine))),
                    '{}'::bigint[]);
END
$$;
COMMENT ON FUNCTION eduaid.my_pairs() IS
    'eduaid: the pairs one of whose sides lies in the caller''s townships (issue 15)';
REVOKE ALL ON FUNCTION eduaid.my_pairs() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.my_pairs() TO eduaid_clerk, eduaid_officer,
    eduaid_supervisor, eduaid_auditor, eduaid_inspector;

-- The townships the rows of the caller's pairs are filed under: their
-- home townships and their helped schools' (pair_member's township_id).
-- The read policies compare township_id with it before the pair, so an
-- index that leads with township_id finds no row of a township none of
-- whose pairs the caller sees, and EXPLAIN ANALYZE has nothing to count
-- there (tests/db/60_pairing.sql; the rest: docs/design/pairing.md).
CREATE OR REPLACE FUNCTION eduaid.my_pair_townships() RETURNS bigint[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    pairs bigint[] := eduaid.my_pairs();
BEGIN
    RETURN coalesce((SELECT array_agg(DISTINCT t.township_id ORDER BY t.township_id)
                       FROM (SELECT p.township_id::bigint FROM eduaid.pair p
                              WHERE p.id = ANY (pairs)
                             UNION
                             SELECT m.township_id FROM eduaid.pair_member m
                              WHERE m.pair_id = ANY (pairs)) AS t (township_id)),
                    '{}'::bigint[]);
END
$$;
COMMENT ON FUNCTION eduaid.my_pair_townships() IS
    'eduaid: the townships the rows of the caller''s pairs are filed under (issue 15)';
REVOKE ALL ON FUNCTION eduaid.my_pair_townships() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.my_pair_townships() TO eduaid_clerk, eduaid_officer,
    eduaid_supervisor, eduaid_auditor, eduaid_inspector;

-- BEFORE UPDATE on pair: what the pair is (its helping school, form,
-- kind of help, cycle and early end) changes only through the pair's
-- functions; the logins' column grants stop short of it, this is the
-- backstop.
CREATE OR REPLACE FUNCTION eduaid.pair_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT eduaid.trusted_writer()
       AND (NEW.helping_township_id, NEW.helping_school_id, NEW.form, NEW.help_kind,
            NEW.cycle_start, NEW.ended_on, NEW.end_reason, NEW.end_approved_by,
            NEW.end_approved_at)
           IS DISTINCT FROM
           (OLD.helping_township_id, OLD.helping_school_id, OLD.form, OLD.help_kind,
            OLD.cycle_start, OLD.ended_on, OLD.end_reason, OLD.end_approved_by,
            OLD.end_approved_at) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA202',
            MESSAGE = format('pair %s: helping school, kind and cycle are fixed (结对的帮扶学校、类别和周期不可修改)',
                             OLD.id);
    END IF;
    RETURN NEW;
END
$$;

-- BEFORE INSERT OR UPDATE on pair_member. A new helped school is looked
-- up under the caller's own row-level security: a pair he cannot see is
-- "no such pair" (EA200), as one that does not exist. Its kind of help and
-- cycle are the pair's (the EXCLUDE of 046 compares them).
CREATE OR REPLACE FUNCTION eduaid.pair_member_fill() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    pr record;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NOT eduaid.trusted_writer() THEN
            RAISE EXCEPTION USING ERRCODE = 'EA202',
                MESSAGE = format('pair member %s: fixed; a school leaves a pair with its end (受援学校不可修改)',
                                 OLD.id);
        END IF;
        RETURN NEW;
    END IF;
    SELECT p.township_id, p.helping_school_id, p.help_kind, p.cycle_start,
           coalesce(p.ended_on, p.cycle_end) AS until
      INTO pr
      FROM eduaid.pair p WHERE p.id = NEW.pair_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA200',
            MESSAGE = format('pair %s: no such pair (找不到这个结对)', NEW.pair_id);
    END IF;
    IF pr.helping_school_id = NEW.school_id THEN
        RAISE EXCEPTION USING ERRCODE = 'EA201',
            MESSAGE = format('pair %s: school %s is its helping school (受援学校不能是帮扶学校)',
                             NEW.pair_id, NEW.school_id);
    END IF;
    NEW.pair_township_id := pr.township_id;
    NEW.help_kind := pr.help_kind;
    NEW.during := daterange(pr.cycle_start, pr.until);
    RETURN NEW;
END
$$;

-- AFTER INSERT on pair_member: the helped school's claim on its cycle
-- (046: pair_claim, whose EXCLUDE refuses a second claim of the same kind
-- in an overlapping cycle with pair_claim_overlap_excl). The claim is a
-- school of the caller's own townships (pair_member's policy), so the
-- refusal tells him of a pair he sees.
CREATE OR REPLACE FUNCTION eduaid.pair_member_claim() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO eduaid.pair_claim (township_id, member_id, pair_id, school_id, help_kind, during)
    VALUES (NEW.township_id, NEW.id, NEW.pair_id, NEW.school_id, NEW.help_kind, NEW.during);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.pair_member_claim() FROM PUBLIC;

-- BEFORE UPDATE OR DELETE on pair_inspection and pair_rectification: the
-- inspector's records stand as written (a correction is a new notice).
CREATE OR REPLACE FUNCTION eduaid.pair_keep() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                      WHERE r.rolname = current_user), false) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA208',
            MESSAGE = format('%s %s: never %s (督查记录和整改通知书不可修改或删除)', TG_TABLE_NAME, OLD.id,
                             CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'changed' END);
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

-- BEFORE UPDATE on pair_evaluation: approved is final.
CREATE OR REPLACE FUNCTION eduaid.pair_evaluation_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF OLD.approved_at IS NOT NULL AND NOT eduaid.trusted_writer() THEN
        RAISE EXCEPTION USING ERRCODE = 'EA205',
            MESSAGE = format('evaluation %s: approved, final (评价已批准)', OLD.id);
    END IF;
    RETURN NEW;
END
$$;

-- BEFORE INSERT OR UPDATE OR DELETE on pair_evaluation_score: the scores
-- of an approved evaluation are final (EA205); a score takes its
-- evaluation's kind and its criterion's maximum, which must be of the
-- evaluation's year and kind (EA207); the CHECK and the composite key of
-- 046 then bound it.
CREATE OR REPLACE FUNCTION eduaid.pair_score_fill() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r  record := CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    ev record;
    cr record;
BEGIN
    SELECT e.kind, e.year, e.approved_at INTO ev
      FROM eduaid.pair_evaluation e
     WHERE e.township_id = r.township_id AND e.id = r.evaluation_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA200',
            MESSAGE = format('evaluation %s: no such evaluation (找不到这份评价)', r.evaluation_id);
    END IF;
    IF ev.approved_at IS NOT NULL AND NOT eduaid.trusted_writer() THEN
        RAISE EXCEPTION USING ERRCODE = 'EA205',
            MESSAGE = format('evaluation %s: approved, its scores are final (评价已批准)',
                             r.evaluation_id);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    SELECT c.year, c.use, c.max_score INTO cr
      FROM eduaid.pair_criterion c WHERE c.id = NEW.criterion_id;
    IF NOT FOUND OR cr.year <> ev.year OR cr.use <> ev.kind THEN
        RAISE EXCEPTION USING ERRCODE = 'EA207',
            MESSAGE = format('criterion %s: not of the evaluation''s year %s and kind %s (指标与评价不符)',
                             NEW.criterion_id, ev.year, ev.kind);
    END IF;
    NEW.kind := ev.kind;
    NEW.max_score := cr.max_score;
    RETURN NEW;
END
$$;

-- An early end, four-eyes (052): the home township asks, a supervisor
-- approves. The old one-step function of 046 is gone.
DROP FUNCTION IF EXISTS eduaid.pair_end_early(bigint, date, text);

-- The pair p_pair of the caller's (my_pairs()), locked, or EA200 alike for
-- a hidden and a missing pair.
CREATE OR REPLACE FUNCTION eduaid.pair_for_end(p_pair bigint) RETURNS eduaid.pair
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    pr eduaid.pair;
BEGIN
    SELECT p.* INTO pr FROM eduaid.pair p
     WHERE p.id = p_pair AND p.id = ANY (eduaid.my_pairs())
       FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA200',
            MESSAGE = format('pair %s: no such pair (找不到这个结对)', p_pair);
    END IF;
    RETURN pr;
END
$$;
REVOKE ALL ON FUNCTION eduaid.pair_for_end(bigint) FROM PUBLIC;

-- The home township's clerk or officer asks to end a pair early: a day
-- inside the cycle and a reason, once its agreement is approved.
CREATE OR REPLACE FUNCTION eduaid.pair_end_request(p_pair bigint, p_ended_on date, p_reason text)
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    pr eduaid.pair;
    v  int;
BEGIN
    pr := eduaid.pair_for_end(p_pair);
    IF NOT pr.township_id = ANY (eduaid.my_scope()) THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = format('pair %s: only its home township asks to end it (只有受援方乡镇可以申请)', p_pair);
    END IF;
    IF NOT EXISTS (SELECT FROM eduaid.pair_agreement a
                    WHERE a.township_id = pr.township_id AND a.pair_id = pr.id
                      AND a.status = 'approved') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA209',
            MESSAGE = format('pair %s: its agreement is not approved (协议书未批准)', p_pair);
    END IF;
    IF pr.ended_on IS NOT NULL OR pr.end_requested_on IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA235',
            MESSAGE = format('pair %s: an early end is asked for already, or it has ended (已申请或已终止)', p_pair);
    END IF;
    IF p_ended_on IS NULL OR p_ended_on <= pr.cycle_start OR p_ended_on >= pr.cycle_end
       OR p_reason IS NULL OR eduaid.is_blank(p_reason) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA204',
            MESSAGE = format('pair %s: an early end needs a date in (%s, %s) and a reason (须有周期内日期和理由)',
                             p_pair, pr.cycle_start, pr.cycle_end);
    END IF;
    UPDATE eduaid.pair p
       SET end_requested_on = p_ended_on, end_request_reason = eduaid.tidy(p_reason),
           end_requested_by = session_user, end_requested_at = now(),
           end_refused_by = NULL, end_refusal = NULL
     WHERE p.township_id = pr.township_id AND p.id = pr.id
    RETURNING p.version INTO v;
    RETURN v;
END
$$;
REVOKE ALL ON FUNCTION eduaid.pair_end_request(bigint, date, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.pair_end_request(bigint, date, text) TO eduaid_clerk, eduaid_officer;

-- The pair p_pair whose early end waits for a supervisor's decision,
-- locked: EA203 for anyone but a supervisor, EA200 for a pair he does not
-- see, EA236 when nothing is asked (or the pair has ended).
CREATE OR REPLACE FUNCTION eduaid.pair_pending_end(p_pair bigint) RETURNS eduaid.pair
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    pr eduaid.pair;
BEGIN
    IF eduaid.my_role() IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA203',
            MESSAGE = 'only a supervisor decides an early end (只有审核人可以决定提前终止)';
    END IF;
    pr := eduaid.pair_for_end(p_pair);
    IF pr.end_requested_on IS NULL OR pr.ended_on IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA236',
            MESSAGE = format('pair %s: no early end waits for approval (无待批准的申请)', p_pair);
    END IF;
    RETURN pr;
END
$$;
REVOKE ALL ON FUNCTION eduaid.pair_pending_end(bigint) FROM PUBLIC;

-- A supervisor approves the request: the pair ends on the day asked, and
-- the helped schools' cycle (the overlap rule's) with it, so each may be
-- paired again from that day.
CREATE OR REPLACE FUNCTION eduaid.pair_end_approve(p_pair bigint) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    pr eduaid.pair;
    v  int;
BEGIN
    pr := eduaid.pair_pending_end(p_pair);
    IF pr.end_requested_by = session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'EA237',
            MESSAGE = format('pair %s: you asked; another approves (四眼原则)', p_pair);
    END IF;
    UPDATE eduaid.pair p
       SET ended_on = pr.end_requested_on, end_reason = pr.end_request_reason,
           end_approved_by = session_user, end_approved_at = now()
     WHERE p.township_id = pr.township_id AND p.id = pr.id
    RETURNING p.version INTO v;
    UPDATE eduaid.pair_member m
       SET during = daterange(lower(m.during), pr.end_requested_on)
     WHERE m.pair_township_id = pr.township_id AND m.pair_id = pr.id;
    UPDATE eduaid.pair_claim c
       SET during = daterange(lower(c.during), pr.end_requested_on)
     WHERE c.pair_id = pr.id;
    RETURN v;
END
$$;
REVOKE ALL ON FUNCTION eduaid.pair_end_approve(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.pair_end_approve(bigint) TO eduaid_supervisor;

-- A supervisor turns the request down, with a reason the home township
-- reads; it may ask again.
CREATE OR REPLACE FUNCTION eduaid.pair_end_refuse(p_pair bigint, p_reason text) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    pr eduaid.pair;
    v  int;
BEGIN
    pr := eduaid.pair_pending_end(p_pair);
    UPDATE eduaid.pair p
       SET end_requested_on = NULL, end_request_reason = NULL, end_requested_by = NULL,
           end_requested_at = NULL, end_refused_by = session_user, end_refusal = eduaid.tidy(p_reason)
     WHERE p.township_id = pr.township_id AND p.id = pr.id
    RETURNING p.version INTO v;
    RETURN v;
END
$$;
REVOKE ALL ON FUNCTION eduaid.pair_end_refuse(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.pair_end_refuse(bigint, text) TO eduaid_supervisor;

-- A second supervisor approves an evaluation (four-eyes: never the one
-- who entered it).
CREATE OR REPLACE FUNCTION eduaid.pair_evaluation_approve(p_evaluation bigint) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    ev record;
    v  int;
BEGIN
    IF eduaid.my_role() IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA203',
            MESSAGE = 'only a supervisor approves an evaluation (只有审核人可以批准评价)';
    END IF;
    SELECT e.township_id, e.id, e.created_by, e.approved_at INTO ev
      FROM eduaid.pair_evaluation e
     WHERE e.id = p_evaluation AND e.pair_id = ANY (eduaid.my_pairs())
       FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA200',
            MESSAGE = format('evaluation %s: no such evaluation (找不到这份评价)', p_evaluation);
    END IF;
    IF ev.approved_at IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA205',
            MESSAGE = format('evaluation %s: approved already (评价已批准)', p_evaluation);
    END IF;
    IF ev.created_by = session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'EA206',
            MESSAGE = format('evaluation %s: entered by you; another supervisor approves it (四眼原则)',
                             p_evaluation);
    END IF;
    UPDATE eduaid.pair_evaluation e
       SET approved_by = session_user, approved_at = now()
     WHERE e.township_id = ev.township_id AND e.id = ev.id
    RETURNING e.version INTO v;
    RETURN v;
END
$$;
REVOKE ALL ON FUNCTION eduaid.pair_evaluation_approve(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.pair_evaluation_approve(bigint) TO eduaid_supervisor;

-- The semester a day falls in, by its first day: the spring semester
-- (春季学期) runs from 1 March to the end of August, the autumn semester
-- (秋季学期) from 1 September to the end of February. "At least one
-- activity per semester" (每学期至少一次互动) counts by it.
CREATE OR REPLACE FUNCTION eduaid.pair_semester(p_day date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN extract(month FROM p_day) >= 9 THEN make_date(extract(year FROM p_day)::int, 9, 1)
    WHEN extract(month FROM p_day) >= 3 THEN make_date(extract(year FROM p_day)::int, 3, 1)
    ELSE make_date(extract(year FROM p_day)::int - 1, 9, 1) END;
COMMENT ON FUNCTION eduaid.pair_semester(date) IS
    'the first day of the semester a day falls in: 1 March (spring) or 1 September (autumn)';
GRANT EXECUTE ON FUNCTION eduaid.pair_semester(date) TO eduaid_clerk, eduaid_officer,
    eduaid_supervisor, eduaid_auditor, eduaid_inspector;

-- When a month's report (月报告) is due: by the 5th of the next month,
-- that day included. The compliance board flags a month whose due day has
-- passed without its report; the punctuality report counts a report on
-- time when it was entered (created_at, in the county's time) by then.
CREATE OR REPLACE FUNCTION eduaid.pair_report_due(p_month date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (date_trunc('month', p_month) + interval '1 month 4 days')::date;
COMMENT ON FUNCTION eduaid.pair_report_due(date) IS
    'the last day a month''s report is on time: the 5th of the next month';
GRANT EXECUTE ON FUNCTION eduaid.pair_report_due(date) TO eduaid_clerk, eduaid_officer,
    eduaid_supervisor, eduaid_auditor, eduaid_inspector;

-- The annual scoring sheet (考核打分): every pair the caller reads with its
-- approved annual evaluation of the year, the total of its scores, the
-- most it could score (the year's annual criteria) and its rank (1 the
-- best; equal totals share a rank). A pair with no approved annual
-- evaluation is listed with a NULL total and no rank. Invoker's rights:
-- row-level security decides which pairs.
CREATE OR REPLACE FUNCTION eduaid.pair_annual_sheet(p_year int)
RETURNS TABLE (township_id int, pair_id bigint, title text, evaluation_id bigint,
               total numeric, max_total numeric, rank int)
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH totals AS (
        SELECT p.township_id, p.id AS pair_id, p.title, e.id AS evaluation_id,
               (SELECT sum(s.score) FROM eduaid.pair_evaluation_score s
                 WHERE s.township_id = e.township_id AND s.pair_id = e.pair_id
                   AND s.evaluation_id = e.id) AS total
          FROM eduaid.pair p
          LEFT JOIN eduaid.pair_evaluation e
            ON e.township_id = p.township_id AND e.pair_id = p.id
           AND e.kind = 'annual' AND e.year = p_year AND e.approved_at IS NOT NULL
         WHERE p.cycle_start < make_date(p_year + 1, 1, 1)
           AND coalesce(p.ended_on, p.cycle_end) > make_date(p_year, 1, 1))
    SELECT t.township_id, t.pair_id, t.title, t.evaluation_id,
           coalesce(t.total, CASE WHEN t.evaluation_id IS NOT NULL THEN 0 END),
           (SELECT sum(c.max_score) FROM eduaid.pair_criterion c
             WHERE c.year = p_year AND c.use = 'annual'),
           CASE WHEN t.evaluation_id IS NOT NULL THEN
               (rank() OVER (ORDER BY t.evaluation_id IS NULL, coalesce(t.total, 0) DESC))::int END
      FROM totals t
     ORDER BY t.evaluation_id IS NULL, coalesce(t.total, 0) DESC, t.title, t.pair_id;
END;
COMMENT ON FUNCTION eduaid.pair_annual_sheet(int) IS
    'the annual scoring sheet: each pair of the year the caller reads, its approved annual total, the most it could score, its rank';
GRANT EXECUTE ON FUNCTION eduaid.pair_annual_sheet(int) TO eduaid_supervisor, eduaid_auditor,
    eduaid_inspector, eduaid_officer, eduaid_clerk;

-- The trigger functions are not the logins' to call.
REVOKE ALL ON FUNCTION eduaid.pair_guard(), eduaid.pair_member_fill(), eduaid.pair_keep(),
    eduaid.pair_evaluation_guard(), eduaid.pair_score_fill() FROM PUBLIC;

-- The inspector (046) is a login group like the five: it knows who it is
-- and which townships it sees (10_scope.sql), reads the words of the
-- refusals and the schema's level.
GRANT EXECUTE ON FUNCTION eduaid.my_role(), eduaid.my_townships(), eduaid.my_scope(),
    eduaid.schema_level() TO eduaid_inspector;
RESET ROLE;
