-- repeatable/31_roster.sql: roster imports (名册导入) and their
-- reconciliation with the households and members in eduaid (名册比对),
-- issue 5; the tables eduaid.roster_import and roster_row are
-- 011_roster.sql's.
--
--   eduaid.roster_rows          the rows of the imports the caller may read
--   eduaid.roster_finish(id)    closes an import: checks that the resolved
--                               township and village agree with what the
--                               file says, that a household's columns agree
--                               on all its rows and that no person is listed
--                               twice; sets row_count. An import that is not
--                               finished cannot commit.
--   eduaid.roster_differences(id)  the reconciliation: one row per difference
--   eduaid.roster_counts(id)    the same, counted per township
--   eduaid.roster_create_drafts(id, household_nos)  new draft households (and
--                               members, and their records of the current
--                               school year) for chosen missing households
--
-- Who: clerks, officers and supervisors import; each sees their own imports,
-- auditors every import. The client resolves township and village names to
-- codes (so that it can say line:column at once); the server re-checks every
-- row (roster_finish) and enforces the data rules as CHECK constraints named
-- roster_row_<column>_<kind>. The staging rows are never updated or deleted.
--
-- The reconciliation is SECURITY INVOKER: row-level security on household
-- and student decides what eduaid holds for the caller, so an officer
-- compares only their township. Roster rows are likewise restricted to the
-- caller's townships (a county roster imported by a clerk of two townships
-- is compared for those two). "In eduaid but not in the roster" covers only
-- the townships the roster has rows for. Supervisors may not read ID
-- numbers, yet members are matched by them: for a supervisor the same query
-- runs through a SECURITY DEFINER wrapper that applies the county scope
-- itself, compares masks only and hands back only masked numbers (below).
--
-- Differences (diff_kind):
--   missing_household  in the roster, no household with that number in eduaid
--   extra_household    in eduaid (a township the roster covers), not in it
--   household_differs  same household number, field head_name,
--                      head_id_number, township, village or family_size differs
--   missing_member     a member of a household present in both, whose ID
--                      number eduaid does not hold (members of a missing
--                      household come with it and are not listed apart)
--   extra_member       a member in eduaid of a household in the roster
--                      whose ID number the roster does not list
--   member_differs     same ID number, field name differs, or field
--                      household_no: eduaid has the person in another household
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- COPY FROM refuses a table with row-level security for anyone it binds,
-- so roster_row has none: nobody but its owner may read it (INSERT only),
-- and the rows are read through this view, the only door to them, which
-- keeps each person to their own imports (auditors: all) and supervisors
-- to the masked ID numbers (39_privileges.sql).
--
-- A reader's conditions never reach another person's rows. A
-- security_barrier view alone is not enough: a reader's leakproof
-- conditions (text =, <, >=) may still be pushed into the view's scan of
-- roster_row, ahead of the ownership test (`EXPLAIN ANALYZE SELECT 1 FROM
-- eduaid.roster_rows WHERE import_id = N AND household_no >= 'A' AND
-- household_no < 'B'` counted another person's rows), and another clerk's
-- county roster, ID numbers included, could be walked digit by digit. The
-- rows are reached only through the imports that pass the ownership test:
-- a LATERAL subquery per import, fenced with OFFSET 0 so that no outer
-- condition is pushed into it, which the planner can only run as the inner
-- side of a nested loop over those imports (019_reviewers.sql).
CREATE OR REPLACE VIEW eduaid.roster_rows WITH (security_barrier) AS
SELECT i.id AS import_id, r.file_line, r.household_no, r.township, r.village, r.township_id,
       r.village_id, r.head_name, r.head_id_number, r.head_id_number_masked, r.family_size,
       r.member_name, r.member_id_number, r.member_id_number_masked, r.relation, r.stage
  FROM eduaid.roster_import i
 CROSS JOIN LATERAL (SELECT x.* FROM eduaid.roster_row x WHERE x.import_id = i.id OFFSET 0) r
 WHERE i.imported_by = session_user OR eduaid.my_role() = 'auditor';

------------------------------------------------------------------------
-- Rows go only into one's own unfinished import (checked once per
-- statement, so that COPY stays fast), and an import must be finished
-- before its transaction commits.
CREATE OR REPLACE FUNCTION eduaid.roster_rows_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    bad bigint;
BEGIN
    SELECT n.import_id INTO bad
      FROM (SELECT DISTINCT import_id FROM new_rows) n
      LEFT JOIN eduaid.roster_import i ON i.id = n.import_id
     WHERE i.id IS NULL OR i.imported_by <> session_user OR i.row_count IS NOT NULL
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('roster import %s is not an unfinished import of yours (只能向自己未完成的导入添加行)', bad);
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.roster_import_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT eduaid.trusted_writer() THEN
            NEW.imported_by := session_user;
            NEW.imported_at := now();
            NEW.row_count := NULL;
        END IF;
        RETURN NEW;
    END IF;
    IF NOT eduaid.trusted_writer() OR OLD.row_count IS NOT NULL
       OR NEW.id <> OLD.id OR NEW.imported_by <> OLD.imported_by
       OR NEW.imported_at <> OLD.imported_at OR NEW.file_name <> OLD.file_name
       OR NEW.encoding <> OLD.encoding THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = 'a roster import is closed by eduaid.roster_finish() and never changed (名册导入不可修改)';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.roster_import_finished() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF (SELECT i.row_count FROM eduaid.roster_import i WHERE i.id = NEW.id) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA020',
            MESSAGE = format('roster import %s was not finished with eduaid.roster_finish() (导入未完成)', NEW.id);
    END IF;
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION eduaid.roster_rows_guard(), eduaid.roster_import_guard(),
    eduaid.roster_import_finished() FROM PUBLIC;

------------------------------------------------------------------------
-- roster_finish: the server's checks of a loaded import, then row_count.
-- A refusal is EA020 with the file line as DETAIL and the roster column
-- as COLUMN, so the client can say file:line:column.
CREATE OR REPLACE FUNCTION eduaid.roster_refuse(p_line int, p_column text, p_message text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'EA020', MESSAGE = p_message,
        DETAIL = p_line::text, COLUMN = p_column, TABLE = 'roster_row', SCHEMA = 'eduaid';
END
$$;

-- The checks, exactly: each query finds the first offending line in file
-- order, and the first of them to find one raises (EA020). They sort the
-- import's rows five times over; roster_finish_counted runs them only
-- when its cheaper pass has found that one of them will raise.
CREATE OR REPLACE FUNCTION eduaid.roster_refuse_first(p_import bigint) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    bad record;
BEGIN
    -- the township: its name or code, in this county
    SELECT r.file_line, r.township INTO bad
      FROM eduaid.roster_row r
      LEFT JOIN eduaid.township t ON t.id = r.township_id
     WHERE r.import_id = p_import
       AND (t.id IS NULL OR r.township NOT IN (t.name, t.id::text))
     ORDER BY r.file_line LIMIT 1;
    IF FOUND THEN
        PERFORM eduaid.roster_refuse(bad.file_line, 'township',
            format('unknown township "%s" (未知乡镇)', bad.township));
    END IF;
    -- the village: its name or code, in that township
    SELECT r.file_line, r.village INTO bad
      FROM eduaid.roster_row r
      LEFT JOIN eduaid.village v ON v.id = r.village_id AND v.township_id = r.township_id
     WHERE r.import_id = p_import
       AND (v.id IS NULL OR r.village NOT IN (v.name, v.id::text))
     ORDER BY r.file_line LIMIT 1;
    IF FOUND THEN
        PERFORM eduaid.roster_refuse(bad.file_line, 'village',
            format('unknown village "%s" in this township (该乡镇无此村)', bad.village));
    END IF;
    -- a household's columns repeat unchanged on each of its rows
    SELECT r.file_line, r.household_no INTO bad
      FROM (SELECT x.*, first_value(x.file_line) OVER w AS first_line,
                   first_value(ROW(x.township_id, x.village_id, x.head_name, x.head_id_number,
                                   x.family_size)::text) OVER w AS first_cols
              FROM eduaid.roster_row x WHERE x.import_id = p_import
            WINDOW w AS (PARTITION BY x.household_no ORDER BY x.file_line)) r
     WHERE ROW(r.township_id, r.village_id, r.head_name, r.head_id_number,
               r.family_size)::text <> r.first_cols
     ORDER BY r.file_line LIMIT 1;
    IF FOUND THEN
        PERFORM eduaid.roster_refuse(bad.file_line, 'household_no',
            format('household %s has different household columns on another row (同一户的户信息前后不一致)',
                   bad.household_no));
    END IF;
    -- nobody listed twice: a head number on two households, a member twice
    SELECT r.file_line INTO bad
      FROM (SELECT h.file_line, row_number() OVER (PARTITION BY h.head_id_number
                                                   ORDER BY h.file_line) AS k
              FROM (SELECT DISTINCT ON (x.household_no) x.household_no, x.file_line,
                           x.head_id_number
                      FROM eduaid.roster_row x WHERE x.import_id = p_import
                     ORDER BY x.household_no, x.file_line) h) r
     WHERE r.k > 1 ORDER BY r.file_line LIMIT 1;
    IF FOUND THEN
        PERFORM eduaid.roster_refuse(bad.file_line, 'head_id_number',
            'this head''s ID number heads another household of the roster (户主身份证号在名册中重复)');
    END IF;
    SELECT r.file_line INTO bad
      FROM (SELECT x.file_line, row_number() OVER (PARTITION BY x.member_id_number
                                                   ORDER BY x.file_line) AS k
              FROM eduaid.roster_row x
             WHERE x.import_id = p_import AND x.member_id_number IS NOT NULL) r
     WHERE r.k > 1 ORDER BY r.file_line LIMIT 1;
    IF FOUND THEN
        PERFORM eduaid.roster_refuse(bad.file_line, 'member_id_number',
            'this member''s ID number is listed twice in the roster (学生身份证号在名册中重复)');
    END IF;

END
$$;

-- The same checks in four hashed groupings of the rows (issue 16: the
-- sorts took 6 s of a 200,000-row import; hashing, not sorting, nor a
-- nested loop over 200,000 rows the planner has no statistics of yet,
-- hence the settings): the places named (a few hundred), joined to
-- township and village; per household, its columns' least and
-- greatest values (in "C": equal bytes, as ROW(...)::text compared them;
-- a family size both given and left out differs too); per head's ID
-- number, its households; per member's ID number, its rows. When any of
-- them finds something, roster_refuse_first says which line (the exact
-- checks are the rule; this pass only spares running them). Returns the
-- rows, the households and the members (the client's summary), and sets
-- row_count.
CREATE OR REPLACE FUNCTION eduaid.roster_finish_counted(p_import bigint, OUT n_rows int,
                                                        OUT n_households int, OUT n_members int)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
SET work_mem = '64MB' SET enable_sort = off SET enable_nestloop = off AS $$
DECLARE
    imp eduaid.roster_import;
    bad_places boolean;
    bad_households boolean;
    bad_heads boolean;
    bad_members boolean;
BEGIN
    SELECT * INTO imp FROM eduaid.roster_import i WHERE i.id = p_import;
    IF NOT FOUND OR imp.imported_by <> session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('no roster import %s of yours (没有该导入)', p_import);
    END IF;
    IF imp.row_count IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA001',
            MESSAGE = format('roster import %s is already finished (导入已完成)', p_import);
    END IF;
    SELECT coalesce(bool_or(t.id IS NULL OR p.township NOT IN (t.name, t.id::text)
                            OR v.id IS NULL OR p.village NOT IN (v.name, v.id::text)), false)
      INTO bad_places
      FROM (SELECT DISTINCT x.township_id, x.village_id, x.township, x.village
              FROM eduaid.roster_row x WHERE x.import_id = p_import) p
      LEFT JOIN eduaid.township t ON t.id = p.township_id
      LEFT JOIN eduaid.village v ON v.id = p.village_id AND v.township_id = p.township_id;
    SELECT count(*), coalesce(sum(h.n), 0), coalesce(sum(h.m), 0),
           coalesce(bool_or(h.differs), false)
      INTO n_households, n_rows, n_members, bad_households
      FROM (SELECT count(*) AS n, count(x.member_name) AS m,
                   min(x.township_id) <> max(x.township_id)
                   OR min(x.village_id) <> max(x.village_id)
                   OR min(x.head_name COLLATE "C") <> max(x.head_name COLLATE "C")
                   OR min(x.head_id_number COLLATE "C") <> max(x.head_id_number COLLATE "C")
                   OR min(x.family_size) <> max(x.family_size)
                   OR count(x.family_size) NOT IN (0, count(*)) AS differs
              FROM eduaid.roster_row x WHERE x.import_id = p_import
             GROUP BY x.household_no) h;
    SELECT EXISTS (SELECT FROM eduaid.roster_row x WHERE x.import_id = p_import
                    GROUP BY x.head_id_number
                   HAVING min(x.household_no COLLATE "C") <> max(x.household_no COLLATE "C"))
      INTO bad_heads;
    SELECT EXISTS (SELECT FROM eduaid.roster_row x
                    WHERE x.import_id = p_import AND x.member_id_number IS NOT NULL
                    GROUP BY x.member_id_number HAVING count(*) > 1)
      INTO bad_members;
    IF bad_places OR bad_households OR bad_heads OR bad_members THEN
        PERFORM eduaid.roster_refuse_first(p_import); -- the rule: it raises
    END IF;
    UPDATE eduaid.roster_import SET row_count = n_rows WHERE id = p_import;
END
$$;

-- The same, returning the rows only (as it always did).
CREATE OR REPLACE FUNCTION eduaid.roster_finish(p_import bigint) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RETURN (SELECT f.n_rows FROM eduaid.roster_finish_counted(p_import) f);
END
$$;
REVOKE ALL ON FUNCTION eduaid.roster_refuse(int, text, text), eduaid.roster_finish(bigint),
    eduaid.roster_refuse_first(bigint), eduaid.roster_finish_counted(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.roster_finish(bigint), eduaid.roster_finish_counted(bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor;

------------------------------------------------------------------------
-- The reconciliation.
--
-- The differences, computed with the caller's privileges and scope (and the
-- explicit township filter, for the supervisor's definer path); p_masked
-- masks every ID number in the result. Only for imports the caller sees.
--
-- Masked, it tells a supervisor only what masks can tell (019_reviewers.sql):
-- a supervisor who imported a household with candidate member numbers (the
-- mask with birth dates filled in) must not learn which is the true one. So
-- when p_masked, head ID numbers are compared by their masks, and members
-- matched by household number and mask only (masks collide across a
-- county, so not county-wide): every candidate with the same mask gets the
-- same answer. The cost, for supervisors only: a member eduaid holds in
-- another household shows as missing_member of the roster's household (and
-- extra_member of eduaid's, when the roster has it), not as member_differs
-- household_no. The rows come ordered by the masked numbers, so their order
-- says nothing of the hidden digits either. Unmasked, head_key is the head's
-- ID number and members match on ('', ID number).
CREATE OR REPLACE FUNCTION eduaid.roster_diff(p_import bigint, p_masked boolean)
RETURNS SETOF eduaid.roster_difference
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
WITH imp AS (
    SELECT i.id FROM eduaid.roster_import i
     WHERE i.id = p_import AND i.row_count IS NOT NULL
       AND (i.imported_by = session_user OR eduaid.my_role() = 'auditor')
), scope AS (
    SELECT (SELECT eduaid.my_townships())::int[] AS t
), rr AS (
    SELECT r.* FROM eduaid.roster_rows r, imp, scope
     WHERE r.import_id = imp.id AND r.township_id = ANY (scope.t)
), rh AS (                      -- roster households
    SELECT DISTINCT ON (household_no) household_no, township_id, village_id, township,
           village, head_name, head_id_number,
           CASE WHEN p_masked THEN head_id_number_masked ELSE head_id_number END AS head_key,
           family_size
      FROM rr ORDER BY household_no, file_line
), rm AS (                      -- roster members
    SELECT household_no, township_id, member_name, member_id_number,
           CASE WHEN p_masked THEN household_no ELSE '' END AS hk,
           CASE WHEN p_masked THEN member_id_number_masked ELSE member_id_number END AS ik
      FROM rr WHERE member_name IS NOT NULL
), covered AS (
    SELECT DISTINCT township_id FROM rh
), eh AS (                      -- eduaid households (RLS and scope)
    SELECT h.id, h.township_id, h.household_no, h.village_id, h.head_name,
           h.head_id_number,
           CASE WHEN p_masked THEN h.head_id_number_masked ELSE h.head_id_number END AS head_key,
           h.family_size
      FROM eduaid.household h, scope WHERE h.township_id = ANY (scope.t)
), es AS (                      -- eduaid members with their household's number
    SELECT s.township_id, s.name, s.id_number, h.household_no,
           CASE WHEN p_masked THEN h.household_no ELSE '' END AS hk,
           CASE WHEN p_masked THEN s.id_number_masked ELSE s.id_number END AS ik
      FROM eduaid.student s
      JOIN eduaid.household h ON h.township_id = s.township_id AND h.id = s.household_id,
           scope
     WHERE s.township_id = ANY (scope.t)
       AND s.moved_out_on IS NULL   -- moved to another household (033): not a member here
), d AS (
    SELECT rh.township_id, 'missing_household' AS diff_kind, rh.household_no,
           rh.head_name AS person_name, rh.head_id_number AS id_number,
           NULL::text AS field, NULL::text AS roster_value, NULL::text AS eduaid_value, false AS idv
      FROM rh WHERE NOT EXISTS (SELECT 1 FROM eh WHERE eh.household_no = rh.household_no)
    UNION ALL
    SELECT eh.township_id, 'extra_household', eh.household_no, eh.head_name, eh.head_id_number,
           NULL, NULL, NULL, false
      FROM eh
     WHERE eh.township_id IN (SELECT township_id FROM covered)
       AND NOT EXISTS (SELECT 1 FROM rh WHERE rh.household_no = eh.household_no)
    UNION ALL
    SELECT rh.township_id, 'household_differs', rh.household_no, rh.head_name, rh.head_id_number,
           f.field, f.rv, f.ev, f.field = 'head_id_number'
      FROM rh JOIN eh ON eh.household_no = rh.household_no
     CROSS JOIN LATERAL (VALUES
            ('head_name', rh.head_name, eh.head_name, rh.head_name <> eh.head_name),
            ('head_id_number', rh.head_id_number, eh.head_id_number,
             rh.head_key <> eh.head_key),
            ('township', (SELECT t.name FROM eduaid.township t WHERE t.id = rh.township_id),
             (SELECT t.name FROM eduaid.township t WHERE t.id = eh.township_id),
             rh.township_id <> eh.township_id),
            ('village', (SELECT v.name FROM eduaid.village v WHERE v.id = rh.village_id),
             (SELECT v.name FROM eduaid.village v WHERE v.id = eh.village_id),
             rh.village_id <> eh.village_id),
            ('family_size', rh.family_size::text, eh.family_size::text,
             rh.family_size <> eh.family_size)) AS f(field, rv, ev, differs)
     WHERE f.differs
    UNION ALL
    SELECT rm.township_id, 'missing_member', rm.household_no, rm.member_name, rm.member_id_number,
           NULL, NULL, NULL, false
      FROM rm
     WHERE EXISTS (SELECT 1 FROM eh WHERE eh.household_no = rm.household_no)
       AND NOT EXISTS (SELECT 1 FROM es WHERE es.hk = rm.hk AND es.ik = rm.ik)
    UNION ALL
    SELECT es.township_id, 'extra_member', es.household_no, es.name, es.id_number,
           NULL, NULL, NULL, false
      FROM es
     WHERE EXISTS (SELECT 1 FROM rh WHERE rh.household_no = es.household_no)
       AND NOT EXISTS (SELECT 1 FROM rm WHERE rm.hk = es.hk AND rm.ik = es.ik)
    UNION ALL
    SELECT rm.township_id, 'member_differs', rm.household_no, rm.member_name, rm.member_id_number,
           f.field, f.rv, f.ev, false
      FROM rm JOIN es ON es.hk = rm.hk AND es.ik = rm.ik
     CROSS JOIN LATERAL (VALUES
            ('name', rm.member_name, es.name),
            ('household_no', rm.household_no, es.household_no)) AS f(field, rv, ev)
     WHERE f.rv IS DISTINCT FROM f.ev
       -- masks collide (within a household too): a name that has its own
       -- match among the colliding ones is no difference. Unmasked, a key
       -- names one person on each side, and this never holds.
       AND NOT (f.field = 'name'
                AND (EXISTS (SELECT 1 FROM es e2 WHERE e2.hk = rm.hk AND e2.ik = rm.ik
                                                   AND e2.name = rm.member_name)
                     OR EXISTS (SELECT 1 FROM rm r2 WHERE r2.hk = es.hk AND r2.ik = es.ik
                                                      AND r2.member_name = es.name)))
), o AS (
    SELECT d.township_id, t.name AS township_name, d.diff_kind, d.household_no, d.person_name,
           CASE WHEN p_masked THEN eduaid.mask_id_number(d.id_number) ELSE d.id_number END AS id_number,
           d.field,
           CASE WHEN p_masked AND d.idv THEN eduaid.mask_id_number(d.roster_value)
                ELSE d.roster_value END AS roster_value,
           CASE WHEN p_masked AND d.idv THEN eduaid.mask_id_number(d.eduaid_value)
                ELSE d.eduaid_value END AS eduaid_value
      FROM d JOIN eduaid.township t ON t.id = d.township_id
)
SELECT o.township_id, o.township_name, o.diff_kind, o.household_no, o.person_name,
       o.id_number, o.field, o.roster_value, o.eduaid_value
  FROM o
 ORDER BY o.township_id, o.household_no, o.diff_kind, o.id_number, o.field, o.person_name,
          o.roster_value, o.eduaid_value;
END;
REVOKE ALL ON FUNCTION eduaid.roster_diff(bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.roster_diff(bigint, boolean)
    TO eduaid_clerk, eduaid_officer, eduaid_auditor;

-- A supervisor's reconciliation: the same query as the owner (so that ID
-- numbers can be compared), scoped to the supervisor's county by
-- my_townships() and to their own imports, masked.
CREATE OR REPLACE FUNCTION eduaid.roster_differences_masked(p_import bigint)
RETURNS SETOF eduaid.roster_difference
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF eduaid.my_role() IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = 'only supervisors get the masked reconciliation (仅限县级审核人)';
    END IF;
    RETURN QUERY SELECT * FROM eduaid.roster_diff(p_import, true);
END
$$;
REVOKE ALL ON FUNCTION eduaid.roster_differences_masked(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.roster_differences_masked(bigint) TO eduaid_supervisor;

CREATE OR REPLACE FUNCTION eduaid.roster_differences(p_import bigint)
RETURNS SETOF eduaid.roster_difference
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF eduaid.my_role() = 'supervisor' THEN
        RETURN QUERY SELECT * FROM eduaid.roster_differences_masked(p_import);
    ELSE
        RETURN QUERY SELECT * FROM eduaid.roster_diff(p_import, false);
    END IF;
END
$$;
COMMENT ON FUNCTION eduaid.roster_differences(bigint) IS
    'eduaid: the differences between a roster import and eduaid, in the caller''s townships';

-- Per township of the roster (in the caller's scope): its households and
-- members in the roster and the differences of each kind.
CREATE OR REPLACE FUNCTION eduaid.roster_counts(p_import bigint)
RETURNS TABLE (township_id int, township_name text, roster_households bigint,
               roster_members bigint, missing_households bigint, extra_households bigint,
               differing_households bigint, missing_members bigint, extra_members bigint,
               differing_members bigint)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
WITH d AS (SELECT * FROM eduaid.roster_differences(p_import)),
r AS (
    SELECT x.township_id, count(DISTINCT x.household_no) AS nh,
           count(x.member_name) AS nm
      FROM eduaid.roster_rows x
     WHERE x.import_id = p_import
       AND x.import_id IN (SELECT i.id FROM eduaid.roster_import i WHERE i.row_count IS NOT NULL)
       AND x.township_id = ANY ((SELECT eduaid.my_townships())::int[])
     GROUP BY x.township_id
), dc AS (
    SELECT d.township_id,
           count(*) FILTER (WHERE d.diff_kind = 'missing_household') AS mh,
           count(*) FILTER (WHERE d.diff_kind = 'extra_household') AS eh,
           count(DISTINCT d.household_no) FILTER (WHERE d.diff_kind = 'household_differs') AS dh,
           count(*) FILTER (WHERE d.diff_kind = 'missing_member') AS mm,
           count(*) FILTER (WHERE d.diff_kind = 'extra_member') AS em,
           count(DISTINCT d.id_number) FILTER (WHERE d.diff_kind = 'member_differs') AS dm
      FROM d GROUP BY d.township_id
)
SELECT t.id, t.name, coalesce(r.nh, 0), coalesce(r.nm, 0), coalesce(dc.mh, 0),
       coalesce(dc.eh, 0), coalesce(dc.dh, 0), coalesce(dc.mm, 0), coalesce(dc.em, 0),
       coalesce(dc.dm, 0)
  FROM eduaid.township t
  LEFT JOIN r ON r.township_id = t.id
  LEFT JOIN dc ON dc.township_id = t.id
 WHERE r.township_id IS NOT NULL OR dc.township_id IS NOT NULL
 ORDER BY t.id;
END;
REVOKE ALL ON FUNCTION eduaid.roster_differences(bigint), eduaid.roster_counts(bigint)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.roster_differences(bigint), eduaid.roster_counts(bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

------------------------------------------------------------------------
-- Drafts for chosen missing households: each becomes a household draft,
-- with its members, through the ordinary INSERTs as the caller -- so
-- row-level security, the column grants, the data rules, the person-ID
-- guard and the audit trail apply exactly as for a household typed in.
-- The roster names no school, so members' year rows are at stage 'none';
-- the household's notes carry the stages the roster gave, for the clerk to
-- complete before submitting. The household's record of the current
-- school year (household_year, a draft) comes with it, with a row per
-- member (student_year, stage 'none' likewise). Returns the new
-- households.
CREATE OR REPLACE FUNCTION eduaid.roster_create_drafts(p_import bigint, p_household_nos text[])
RETURNS TABLE (household_no text, household_id bigint, members int)
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
DECLARE
    hno   text;
    h     record;
    m     record;
    new_id bigint;
    n     int;
    notes text;
BEGIN
    IF eduaid.my_role() IS DISTINCT FROM 'clerk' AND eduaid.my_role() IS DISTINCT FROM 'officer' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = 'only clerks and officers create drafts (仅录入员和乡镇专干可创建草稿)';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM eduaid.roster_import i
                    WHERE i.id = p_import AND i.row_count IS NOT NULL) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('no roster import %s of yours (没有该导入)', p_import);
    END IF;
    FOREACH hno IN ARRAY coalesce(p_household_nos, '{}') LOOP
        SELECT r.* INTO h FROM eduaid.roster_rows r
         WHERE r.import_id = p_import AND r.household_no = hno
         ORDER BY r.file_line LIMIT 1;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'EA005',
                MESSAGE = format('household %s is not in roster import %s (名册中没有该户)', hno, p_import);
        END IF;
        IF NOT h.township_id = ANY ((SELECT eduaid.my_townships())::int[]) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA004',
                MESSAGE = format('household %s is in township %s, not one of yours (不在您负责的乡镇)',
                                 hno, h.township_id);
        END IF;
        IF EXISTS (SELECT 1 FROM eduaid.household x WHERE x.household_no = hno) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA022',
                MESSAGE = format('household %s is already in eduaid (该户已存在)', hno);
        END IF;
        SELECT string_agg(format('%s: %s', r.member_name, r.stage), '; ' ORDER BY r.file_line)
          INTO notes FROM eduaid.roster_rows r
         WHERE r.import_id = p_import AND r.household_no = hno
           AND r.member_name IS NOT NULL AND r.stage IS NOT NULL;
        SELECT count(r.member_name) INTO n FROM eduaid.roster_rows r
         WHERE r.import_id = p_import AND r.household_no = hno;
        INSERT INTO eduaid.household (township_id, household_no, village_id, head_name,
                                      head_id_number, registered_year, family_size, notes)
        VALUES (h.township_id, hno, h.village_id, h.head_name, h.head_id_number,
                extract(year FROM current_date)::int,
                coalesce(h.family_size, greatest(n, 1)),
                format('roster import %s', p_import)
                    || CASE WHEN notes IS NOT NULL THEN format('; stages (学段): %s', notes) ELSE '' END)
        RETURNING id INTO new_id;
        FOR m IN SELECT r.* FROM eduaid.roster_rows r
                  WHERE r.import_id = p_import AND r.household_no = hno
                    AND r.member_name IS NOT NULL ORDER BY r.file_line LOOP
            INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex,
                                        birth_date, relation)
            VALUES (h.township_id, new_id, m.member_name, m.member_id_number,
                    eduaid.id_sex(m.member_id_number), eduaid.id_birth_date(m.member_id_number),
                    coalesce(m.relation, 'child'));
        END LOOP;
        -- This school year's record of the household (a draft, as the
        -- household, poor until the clerk says otherwise) and its members'
        -- rows there, at stage 'none' (issue 11: the facts of a year live
        -- in the year rows).
        INSERT INTO eduaid.household_year (township_id, household_id, school_year)
        SELECT x.township_id, x.id, eduaid.school_year_of(current_date)
          FROM eduaid.household x
         WHERE x.township_id = h.township_id AND x.id = new_id
        ON CONFLICT DO NOTHING;
        INSERT INTO eduaid.student_year (township_id, household_year_id, student_id, stage)
        SELECT s.township_id, y.id, s.id, 'none'
          FROM eduaid.student s
          JOIN eduaid.household_year y
            ON y.township_id = s.township_id AND y.household_id = s.household_id
           AND y.school_year = eduaid.school_year_of(current_date)
         WHERE s.township_id = h.township_id AND s.household_id = new_id
           AND NOT EXISTS (SELECT FROM eduaid.student_year sy
                            WHERE sy.township_id = y.township_id
                              AND sy.household_year_id = y.id AND sy.student_id = s.id)
         ORDER BY s.id;
        household_no := hno;
        household_id := new_id;
        members := n;
        RETURN NEXT;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION eduaid.roster_create_drafts(bigint, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.roster_create_drafts(bigint, text[])
    TO eduaid_clerk, eduaid_officer;
