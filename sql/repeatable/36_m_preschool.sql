-- repeatable/36_m_preschool.sql: preschool coverage (学前教育, issue 17 H1;
-- 058_preschool.sql): the import batches' rules, their review, and the
-- two reports.
--
--   rows of a batch      go only into an open batch (row_count NULL) of
--        the caller's own, opened in the same transaction (the batch row's
--        xmin is the transaction's id: not in a savepoint), of the row's
--        kind (trigger b_guard, preschool_row_guard); an enrollment's school
--        is a kindergarten
--   eduaid.preschool_batch_close(township, batch)   the importer closes his
--        open batch: its row count is set, its rows are final
--   eduaid.preschool_batch_review(township, batch, accept, reason)  a
--        supervisor other than the importer accepts or rejects (with a
--        reason) a closed batch awaiting review
--   eduaid.preschool_counted(year)  the batch counted per township and
--        kind: the newest accepted (as-of date, then id)
--   eduaid.report_preschool(year, township)          毛入园率 against 92%
--   eduaid.report_preschool_central(year, township)  乡镇中心幼儿园
--
-- SQLSTATEs EA238 (no such batch for the caller, or not in the state the
-- step needs; a batch of another township or person answers exactly as
-- one that does not exist) and EA239 (four eyes; a rejection's reason).
-- The reports are SECURITY INVOKER (row-level security decides the
-- townships) but for the county's distinct count of enrolled children,
-- which reads ID numbers a supervisor may not: preschool_enrolled_distinct
-- (definer, scoped to my_townships(), returns one number).
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- A row of a batch: into an open batch of the caller's, of its kind.
CREATE OR REPLACE FUNCTION eduaid.preschool_row_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    b      record;
    v_kind constant text := CASE TG_TABLE_NAME WHEN 'preschool_population' THEN 'population'
                                                ELSE 'enrollment' END;
BEGIN
    IF (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user) THEN
        RETURN NEW;   -- a superuser loading by hand (the demo)
    END IF;
    SELECT x.kind, x.created_by, x.xmin = xid(pg_current_xact_id()) AS this_xact, x.row_count INTO b
      FROM eduaid.preschool_batch x
     WHERE x.township_id = NEW.township_id AND x.id = NEW.batch_id
       AND x.township_id = ANY (eduaid.my_townships());
    IF NOT FOUND OR b.created_by <> session_user OR b.row_count IS NOT NULL
       OR NOT b.this_xact
       OR b.kind <> v_kind THEN
        RAISE EXCEPTION USING ERRCODE = 'EA238',
            MESSAGE = format('batch %s: no open batch of yours (没有可写入的导入批次)', NEW.batch_id);
    END IF;
    IF TG_TABLE_NAME = 'preschool_enrollment' THEN
        IF NOT EXISTS (SELECT FROM eduaid.school s
                        WHERE s.township_id = NEW.township_id
                          AND s.id = NEW.kindergarten_id AND s.kind = 'kindergarten') THEN
            RAISE EXCEPTION USING ERRCODE = '23503',
                CONSTRAINT = 'preschool_enrollment_kindergarten_fk',
                MESSAGE = 'no such kindergarten in the township (本乡镇没有这所幼儿园)';
        END IF;
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.preschool_row_guard() FROM PUBLIC;

-- Rows are never changed or deleted (no login holds the privilege; this
-- holds the owner's functions to it as well).
CREATE OR REPLACE FUNCTION eduaid.preschool_row_keep() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'EA238',
        MESSAGE = 'the rows of an import batch are never changed (导入批次的数据不可修改)';
END
$$;

-- A batch is inserted as imported and still loading: the review and the
-- row count come from the functions below only.
CREATE OR REPLACE FUNCTION eduaid.preschool_batch_fill() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NOT eduaid.trusted_writer() THEN
        NEW.state := 'imported';
        NEW.row_count := NULL;
        NEW.reviewed_by := NULL;
        NEW.reviewed_at := NULL;
        NEW.reject_reason := NULL;
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.preschool_batch
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_fill BEFORE INSERT ON eduaid.preschool_batch
    FOR EACH ROW EXECUTE FUNCTION eduaid.preschool_batch_fill();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.preschool_batch
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('preschool');
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT ON eduaid.preschool_population
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_guard BEFORE INSERT ON eduaid.preschool_population
    FOR EACH ROW EXECUTE FUNCTION eduaid.preschool_row_guard();
CREATE OR REPLACE TRIGGER b_keep BEFORE UPDATE OR DELETE ON eduaid.preschool_population
    FOR EACH ROW EXECUTE FUNCTION eduaid.preschool_row_keep();
CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT ON eduaid.preschool_enrollment
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER b_guard BEFORE INSERT ON eduaid.preschool_enrollment
    FOR EACH ROW EXECUTE FUNCTION eduaid.preschool_row_guard();
CREATE OR REPLACE TRIGGER b_keep BEFORE UPDATE OR DELETE ON eduaid.preschool_enrollment
    FOR EACH ROW EXECUTE FUNCTION eduaid.preschool_row_keep();

------------------------------------------------------------------------
-- The importer closes the batch he opened in this transaction: its row
-- count is set (and returned), nothing more is added to it.
CREATE OR REPLACE FUNCTION eduaid.preschool_batch_close(p_township int, p_batch bigint)
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    b record;
    n int;
BEGIN
    SELECT x.kind, x.created_by, x.xmin = xid(pg_current_xact_id()) AS this_xact, x.row_count INTO b
      FROM eduaid.preschool_batch x
     WHERE x.township_id = p_township AND x.id = p_batch
       AND x.township_id = ANY (eduaid.my_townships())
       FOR UPDATE;
    IF NOT FOUND OR b.created_by <> session_user OR b.row_count IS NOT NULL
       OR NOT b.this_xact THEN
        RAISE EXCEPTION USING ERRCODE = 'EA238',
            MESSAGE = format('batch %s: no open batch of yours (没有可写入的导入批次)', p_batch);
    END IF;
    IF b.kind = 'population' THEN
        SELECT count(*) INTO n FROM eduaid.preschool_population r
         WHERE r.township_id = p_township AND r.batch_id = p_batch;
    ELSE
        SELECT count(*) INTO n FROM eduaid.preschool_enrollment r
         WHERE r.township_id = p_township AND r.batch_id = p_batch;
    END IF;
    UPDATE eduaid.preschool_batch x SET row_count = n
     WHERE x.township_id = p_township AND x.id = p_batch;
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION eduaid.preschool_batch_close(int, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.preschool_batch_close(int, bigint)
    TO eduaid_clerk, eduaid_officer;

-- A supervisor of the batch's county who did not import it accepts it, or
-- rejects it with a reason; once, from 'imported' (closed). Returns the
-- batch's new version.
CREATE OR REPLACE FUNCTION eduaid.preschool_batch_review(p_township int, p_batch bigint,
                                                         p_accept boolean, p_reason text DEFAULT NULL)
RETURNS int
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    b record;
    v int;
BEGIN
    IF eduaid.my_role() IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = '42501',
            MESSAGE = 'only a supervisor reviews an import batch (只有审核人可以审核导入批次)';
    END IF;
    SELECT x.created_by, x.state, x.row_count INTO b
      FROM eduaid.preschool_batch x
     WHERE x.township_id = p_township AND x.id = p_batch
       AND x.township_id = ANY (eduaid.my_townships())
       FOR UPDATE;
    IF NOT FOUND OR b.state <> 'imported' OR b.row_count IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA238',
            MESSAGE = format('batch %s: not awaiting review (批次不在待审核状态)', p_batch);
    END IF;
    IF b.created_by = session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'EA239',
            MESSAGE = format('batch %s: imported by you; another person reviews it (四眼原则)', p_batch);
    END IF;
    IF NOT p_accept AND (p_reason IS NULL OR eduaid.is_blank(p_reason)) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA239',
            MESSAGE = 'a rejection needs a reason (退回须填写理由)';
    END IF;
    UPDATE eduaid.preschool_batch x
       SET state = CASE WHEN p_accept THEN 'accepted' ELSE 'rejected' END,
           reviewed_by = session_user, reviewed_at = now(),
           reject_reason = CASE WHEN p_accept THEN NULL ELSE btrim(p_reason) END
     WHERE x.township_id = p_township AND x.id = p_batch
    RETURNING x.version INTO v;
    RETURN v;
END
$$;
REVOKE ALL ON FUNCTION eduaid.preschool_batch_review(int, bigint, boolean, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.preschool_batch_review(int, bigint, boolean, text)
    TO eduaid_supervisor;

------------------------------------------------------------------------
-- The batches counted in school year p_year: per township (of those the
-- caller sees, under RLS) and kind, the newest accepted batch.
CREATE OR REPLACE FUNCTION eduaid.preschool_counted(p_year int)
RETURNS TABLE (township_id int, kind text, batch_id bigint)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT DISTINCT ON (b.township_id, b.kind) b.township_id, b.kind, b.id
      FROM eduaid.preschool_batch b
     WHERE b.school_year = p_year AND b.state = 'accepted'
       AND b.township_id = ANY ((SELECT eduaid.my_townships())::int[])
     ORDER BY b.township_id, b.kind, b.as_of DESC, b.id DESC;
END;

-- The children enrolled in the counted batches of the caller's townships
-- (or p_township of them), each ID number once: a child on the rolls of
-- two townships counts once in the county. Definer: supervisors do not
-- read ID numbers; it returns a number only, of the caller's townships.
CREATE OR REPLACE FUNCTION eduaid.preschool_enrolled_distinct(p_year int, p_township int)
RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT count(DISTINCT e.child_id_number)
      FROM eduaid.preschool_batch b
      JOIN eduaid.preschool_enrollment e ON e.township_id = b.township_id AND e.batch_id = b.id
     WHERE b.id IN (SELECT DISTINCT ON (x.township_id) x.id
                      FROM eduaid.preschool_batch x
                     WHERE x.school_year = p_year AND x.state = 'accepted'
                       AND x.kind = 'enrollment'
                       AND x.township_id = ANY (eduaid.my_townships())
                       AND (p_township IS NULL OR x.township_id = p_township)
                     ORDER BY x.township_id, x.as_of DESC, x.id DESC);
END;
REVOKE ALL ON FUNCTION eduaid.preschool_enrolled_distinct(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.preschool_enrolled_distinct(int, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

-- 学前三年毛入园率: per township, the children aged 3-5 of its counted
-- population batch, the children on its counted enrollment batch (of any
-- age: a gross rate), the rate, and how many more children reach 92%
-- (short: 0 once reached). The total row: populations summed, enrolled
-- children counted once each (preschool_enrolled_distinct). A township
-- without a counted batch has 0 (and a NULL rate without population).
CREATE OR REPLACE FUNCTION eduaid.report_preschool(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, population bigint,
               enrolled bigint, short bigint, rate numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH c AS (SELECT * FROM eduaid.preschool_counted(p_year)),
    t AS (
        SELECT r.id AS tid, r.name AS tname,
               coalesce((SELECT sum(p.age3 + p.age4 + p.age5) FROM eduaid.preschool_population p
                          JOIN c ON c.township_id = p.township_id AND c.batch_id = p.batch_id
                                AND c.kind = 'population'
                         WHERE p.township_id = r.id), 0)::bigint AS pop,
               (SELECT count(*) FROM eduaid.preschool_enrollment e
                  JOIN c ON c.township_id = e.township_id AND c.batch_id = e.batch_id
                        AND c.kind = 'enrollment'
                 WHERE e.township_id = r.id) AS enr
          FROM eduaid.report_townships(p_township) AS r),
    rows_ AS (
        SELECT t.tid, t.tname, t.pop, t.enr FROM t
        UNION ALL
        SELECT NULL, NULL, sum(t.pop)::bigint,
               eduaid.preschool_enrolled_distinct(p_year, p_township)
          FROM t HAVING count(*) > 0)
    SELECT r.tid, r.tname, NULL::text, r.pop, r.enr,
           greatest(ceil(r.pop * 0.92) - r.enr, 0)::bigint,
           eduaid.report_pct(r.enr, r.pop)
      FROM rows_ r
     ORDER BY r.tid NULLS LAST;
END;

-- 每个乡镇建有一所中心幼儿园: per township, its active kindergartens and of
-- them the central ones (school.central_kindergarten), and whether it has
-- one (with_central 0 or 1, coverage 0 or 100%). The total row counts the
-- townships and those with one; under it, each township without one is an
-- item (townships 1, with_central 0), so the county's list is whole. The
-- school register as it is now: p_year does not change it.
CREATE OR REPLACE FUNCTION eduaid.report_preschool_central(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, townships bigint,
               with_central bigint, central bigint, kindergartens bigint, coverage numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH t AS (
        SELECT r.id AS tid, r.name AS tname,
               count(s.id) FILTER (WHERE s.central_kindergarten) AS central,
               count(s.id) AS kgs
          FROM eduaid.report_townships(p_township) AS r
          LEFT JOIN eduaid.school s ON s.township_id = r.id AND s.kind = 'kindergarten'
                                   AND s.active
         GROUP BY r.id, r.name),
    rows_ AS (
        SELECT t.tid, t.tname, NULL::text AS item, 0 AS ord, 1::bigint AS n,
               (t.central > 0)::int::bigint AS w, t.central, t.kgs
          FROM t
        UNION ALL
        SELECT NULL, NULL, NULL, 1, count(*), count(*) FILTER (WHERE t.central > 0),
               sum(t.central)::bigint, sum(t.kgs)::bigint
          FROM t HAVING count(*) > 0
        UNION ALL
        SELECT NULL, NULL, t.tname, 2, 1, 0, 0, t.kgs FROM t WHERE t.central = 0)
    SELECT r.tid, r.tname, r.item, r.n, r.w, r.central, r.kgs, eduaid.report_pct(r.w, r.n)
      FROM rows_ r
     ORDER BY r.tid NULLS LAST, r.ord, r.item;
END;

REVOKE ALL ON FUNCTION eduaid.preschool_counted(int), eduaid.report_preschool(int, int),
    eduaid.report_preschool_central(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.preschool_counted(int), eduaid.report_preschool(int, int),
    eduaid.report_preschool_central(int, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
