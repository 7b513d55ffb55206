-- 011_roster.sql: roster imports (名册导入) and their reconciliation with
-- the households and members in eduaid (名册比对), issue 5.
--
--   eduaid.roster_import        one row per import: who, when, file, encoding
--   eduaid.roster_row           its rows, as loaded by COPY (one per member
--                               of a household; the household's columns
--                               repeat), with the resolved township/village
--   eduaid.roster_finish(id)    closes an import: checks that the resolved
--                               township and village agree with what the
--                               file says, that a household's columns agree
--                               on all its rows and that no person is listed
--                               twice; sets row_count. An import that is not
--                               finished cannot commit.
--   eduaid.roster_differences(id)  the reconciliation: one row per difference
--   eduaid.roster_counts(id)    the same, counted per township
--   eduaid.roster_create_drafts(id, household_nos)  new draft households (and
--                               members) for chosen missing households
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
-- itself and hands back only masked numbers.
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

-- eduaid.id_number_valid() (002_rules.sql), the same rule to the letter,
-- as one expression the planner inlines: the original nests SQL functions
-- that are not inlined and costs ~140 us a call, which made a COPY of
-- 100,000 roster rows take 46 s; this one ~4 us. tests/db/11_roster.sql
-- checks that the two agree on tests/data/id_vectors.csv and on 20,000
-- numbers around every rule.
CREATE FUNCTION eduaid.id_number_ok(n text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE
    WHEN n IS NULL THEN NULL
    WHEN n !~ '^[1-8][0-9]{16}[0-9X]$' THEN false
    WHEN substr(n, 7, 4)::int < 1900 OR substr(n, 11, 2)::int NOT BETWEEN 1 AND 12
      OR substr(n, 13, 2)::int NOT BETWEEN 1 AND CASE
            WHEN substr(n, 11, 2)::int IN (1, 3, 5, 7, 8, 10, 12) THEN 31
            WHEN substr(n, 11, 2)::int IN (4, 6, 9, 11) THEN 30
            WHEN substr(n, 7, 4)::int % 4 = 0 AND (substr(n, 7, 4)::int % 100 <> 0
                 OR substr(n, 7, 4)::int % 400 = 0) THEN 29
            ELSE 28 END
      THEN false
    ELSE make_date(substr(n, 7, 4)::int, substr(n, 11, 2)::int, substr(n, 13, 2)::int) <= current_date
     AND right(n, 1) = substr('10X98765432',
           (  substr(n, 1, 1)::int * 7 + substr(n, 2, 1)::int * 9
            + substr(n, 3, 1)::int * 10 + substr(n, 4, 1)::int * 5
            + substr(n, 5, 1)::int * 8 + substr(n, 6, 1)::int * 4
            + substr(n, 7, 1)::int * 2 + substr(n, 8, 1)::int * 1
            + substr(n, 9, 1)::int * 6 + substr(n, 10, 1)::int * 3
            + substr(n, 11, 1)::int * 7 + substr(n, 12, 1)::int * 9
            + substr(n, 13, 1)::int * 10 + substr(n, 14, 1)::int * 5
            + substr(n, 15, 1)::int * 8 + substr(n, 16, 1)::int * 4
            + substr(n, 17, 1)::int * 2) % 11 + 1, 1)
END;

CREATE TABLE eduaid.roster_import (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    imported_by text NOT NULL DEFAULT session_user,
    imported_at timestamptz NOT NULL DEFAULT now(),
    file_name   text NOT NULL,
    encoding    text NOT NULL,
    row_count   int,             -- set by roster_finish(); NULL while loading
    CONSTRAINT roster_import_file_name_check CHECK (NOT eduaid.is_blank(file_name)
        AND char_length(file_name) <= 1000),
    CONSTRAINT roster_import_encoding_check CHECK (encoding IN
        ('UTF-8', 'UTF-8 with BOM', 'GB18030')),
    CONSTRAINT roster_import_row_count_check CHECK (row_count >= 0)
);
CREATE INDEX roster_import_imported_by_idx ON eduaid.roster_import (imported_by, id);

CREATE TABLE eduaid.roster_row (
    import_id        bigint NOT NULL,
    file_line        int NOT NULL,    -- physical line the record starts on
    household_no     text NOT NULL,
    township         text NOT NULL,   -- as in the file: name or 9-digit code
    village          text NOT NULL,   -- as in the file: name or 12-digit code
    township_id      int NOT NULL,    -- resolved (checked by roster_finish)
    village_id       bigint NOT NULL,
    head_name        text NOT NULL,
    head_id_number   text NOT NULL,
    head_id_number_masked text GENERATED ALWAYS AS
                     (eduaid.mask_id_number(head_id_number)) STORED,
    family_size      int,
    member_name      text,
    member_id_number text,
    member_id_number_masked text GENERATED ALWAYS AS
                     (eduaid.mask_id_number(member_id_number)) STORED,
    relation         text,
    stage            text,
    -- import_id: no foreign key (a check per row); roster_rows_guard
    -- checks the import once per statement, and imports are never deleted
    PRIMARY KEY (import_id, file_line),
    CONSTRAINT roster_row_file_line_check CHECK (file_line >= 1),
    CONSTRAINT roster_row_household_no_check CHECK (household_no ~ '^[0-9A-Z-]{6,30}$'),
    CONSTRAINT roster_row_township_check CHECK (NOT eduaid.is_blank(township)),
    CONSTRAINT roster_row_village_check CHECK (NOT eduaid.is_blank(village)),
    CONSTRAINT roster_row_head_name_check CHECK (NOT eduaid.is_blank(head_name)
        AND char_length(head_name) <= 50),
    CONSTRAINT roster_row_head_id_number_check CHECK (eduaid.id_number_ok(head_id_number)),
    CONSTRAINT roster_row_family_size_check CHECK (family_size BETWEEN 1 AND 30),
    CONSTRAINT roster_row_member_name_check CHECK (NOT eduaid.is_blank(member_name)
        AND char_length(member_name) <= 50),
    CONSTRAINT roster_row_member_name_required CHECK (member_name IS NOT NULL
        OR (member_id_number IS NULL AND relation IS NULL AND stage IS NULL)),
    CONSTRAINT roster_row_member_id_number_check CHECK (eduaid.id_number_ok(member_id_number)),
    CONSTRAINT roster_row_member_id_number_required CHECK (member_name IS NULL
        OR member_id_number IS NOT NULL),
    CONSTRAINT roster_row_relation_check CHECK (relation IN
        ('child', 'grandchild', 'sibling', 'self', 'other')),
    CONSTRAINT roster_row_stage_check CHECK (stage IN ('preschool', 'primary', 'junior',
        'senior_high', 'secondary_vocational', 'college', 'none'))
);
CREATE INDEX roster_row_household_idx ON eduaid.roster_row (import_id, household_no);

------------------------------------------------------------------------
-- Rows go only into one's own unfinished import (checked once per
-- statement, so that COPY stays fast), and an import must be finished
-- before its transaction commits.
CREATE FUNCTION eduaid.roster_rows_guard() RETURNS trigger
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
CREATE TRIGGER roster_row_guard AFTER INSERT ON eduaid.roster_row
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION eduaid.roster_rows_guard();

CREATE FUNCTION eduaid.roster_import_guard() RETURNS trigger
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
CREATE TRIGGER a_roster_import_guard BEFORE INSERT OR UPDATE ON eduaid.roster_import
    FOR EACH ROW EXECUTE FUNCTION eduaid.roster_import_guard();

CREATE FUNCTION eduaid.roster_import_finished() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF (SELECT i.row_count FROM eduaid.roster_import i WHERE i.id = NEW.id) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA020',
            MESSAGE = format('roster import %s was not finished with eduaid.roster_finish() (导入未完成)', NEW.id);
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER roster_import_finished AFTER INSERT ON eduaid.roster_import
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION eduaid.roster_import_finished();

CREATE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.roster_import
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('roster');

------------------------------------------------------------------------
-- Privileges and row-level security.
REVOKE ALL ON eduaid.roster_import, eduaid.roster_row FROM PUBLIC;
GRANT SELECT, INSERT (file_name, encoding) ON eduaid.roster_import
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor;
GRANT SELECT ON eduaid.roster_import TO eduaid_auditor;
GRANT INSERT (import_id, file_line, household_no, township, village, township_id,
              village_id, head_name, head_id_number, family_size, member_name,
              member_id_number, relation, stage) ON eduaid.roster_row
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor;
ALTER TABLE eduaid.roster_import ENABLE ROW LEVEL SECURITY;
ALTER TABLE eduaid.roster_import FORCE ROW LEVEL SECURITY;
CREATE POLICY roster_import_own ON eduaid.roster_import FOR SELECT
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor USING (imported_by = session_user);
CREATE POLICY roster_import_insert ON eduaid.roster_import FOR INSERT
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor
    WITH CHECK (imported_by = session_user AND eduaid.my_role() IN ('clerk', 'officer', 'supervisor'));
CREATE POLICY roster_import_auditor ON eduaid.roster_import FOR SELECT
    TO eduaid_auditor USING (true);
CREATE POLICY roster_import_owner ON eduaid.roster_import TO eduaid_owner
    USING (true) WITH CHECK (true);
-- COPY FROM refuses a table with row-level security for anyone it binds,
-- so roster_row has none: nobody but its owner may read it (INSERT only,
-- above), and the rows are read through the view eduaid.roster_rows, the
-- only door to them, which keeps each person to their own imports
-- (auditors: all) and supervisors to the masked ID numbers.
CREATE VIEW eduaid.roster_rows WITH (security_barrier) AS
SELECT r.import_id, r.file_line, r.household_no, r.township, r.village, r.township_id,
       r.village_id, r.head_name, r.head_id_number, r.head_id_number_masked, r.family_size,
       r.member_name, r.member_id_number, r.member_id_number_masked, r.relation, r.stage
  FROM eduaid.roster_row r
 WHERE EXISTS (SELECT 1 FROM eduaid.roster_import i
                WHERE i.id = r.import_id
                  AND (i.imported_by = session_user OR eduaid.my_role() = 'auditor'));
REVOKE ALL ON eduaid.roster_rows FROM PUBLIC;
GRANT SELECT ON eduaid.roster_rows TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT (import_id, file_line, household_no, township, village, township_id,
              village_id, head_name, head_id_number_masked, family_size, member_name,
              member_id_number_masked, relation, stage) ON eduaid.roster_rows
    TO eduaid_supervisor;

------------------------------------------------------------------------
-- roster_finish: the server's checks of a loaded import, then row_count.
-- A refusal is EA020 with the file line as DETAIL and the roster column
-- as COLUMN, so the client can say file:line:column.
CREATE FUNCTION eduaid.roster_refuse(p_line int, p_column text, p_message text)
RETURNS void LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'EA020', MESSAGE = p_message,
        DETAIL = p_line::text, COLUMN = p_column, TABLE = 'roster_row', SCHEMA = 'eduaid';
END
$$;

CREATE FUNCTION eduaid.roster_finish(p_import bigint) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    imp eduaid.roster_import;
    bad record;
    n   int;
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

    SELECT count(*) INTO n FROM eduaid.roster_row r WHERE r.import_id = p_import;
    UPDATE eduaid.roster_import SET row_count = n WHERE id = p_import;
    RETURN n;
END
$$;

------------------------------------------------------------------------
-- The reconciliation.
CREATE TYPE eduaid.roster_difference AS (
    township_id   int,
    township_name text,
    diff_kind     text,
    household_no  text,
    person_name   text,
    id_number     text,   -- masked for supervisors
    field         text,
    roster_value  text,
    eduaid_value  text
);

-- The differences, computed with the caller's privileges and scope (and the
-- explicit township filter, for the supervisor's definer path); p_masked
-- masks every ID number in the result. Only for imports the caller sees.
CREATE FUNCTION eduaid.roster_diff(p_import bigint, p_masked boolean)
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
           village, head_name, head_id_number, family_size
      FROM rr ORDER BY household_no, file_line
), rm AS (                      -- roster members
    SELECT household_no, township_id, member_name, member_id_number
      FROM rr WHERE member_name IS NOT NULL
), covered AS (
    SELECT DISTINCT township_id FROM rh
), eh AS (                      -- eduaid households (RLS and scope)
    SELECT h.id, h.township_id, h.household_no, h.village_id, h.head_name,
           h.head_id_number, h.family_size
      FROM eduaid.household h, scope WHERE h.township_id = ANY (scope.t)
), es AS (                      -- eduaid members with their household's number
    SELECT s.township_id, s.name, s.id_number, h.household_no
      FROM eduaid.student s
      JOIN eduaid.household h ON h.township_id = s.township_id AND h.id = s.household_id,
           scope
     WHERE s.township_id = ANY (scope.t)
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
             rh.head_id_number <> eh.head_id_number),
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
       AND NOT EXISTS (SELECT 1 FROM es WHERE es.id_number = rm.member_id_number)
    UNION ALL
    SELECT es.township_id, 'extra_member', es.household_no, es.name, es.id_number,
           NULL, NULL, NULL, false
      FROM es
     WHERE EXISTS (SELECT 1 FROM rh WHERE rh.household_no = es.household_no)
       AND NOT EXISTS (SELECT 1 FROM rm WHERE rm.member_id_number = es.id_number)
    UNION ALL
    SELECT rm.township_id, 'member_differs', rm.household_no, rm.member_name, rm.member_id_number,
           f.field, f.rv, f.ev, false
      FROM rm JOIN es ON es.id_number = rm.member_id_number
     CROSS JOIN LATERAL (VALUES
            ('name', rm.member_name, es.name),
            ('household_no', rm.household_no, es.household_no)) AS f(field, rv, ev)
     WHERE f.rv IS DISTINCT FROM f.ev
)
SELECT d.township_id, t.name, d.diff_kind, d.household_no, d.person_name,
       CASE WHEN p_masked THEN eduaid.mask_id_number(d.id_number) ELSE d.id_number END,
       d.field,
       CASE WHEN p_masked AND d.idv THEN eduaid.mask_id_number(d.roster_value) ELSE d.roster_value END,
       CASE WHEN p_masked AND d.idv THEN eduaid.mask_id_number(d.eduaid_value) ELSE d.eduaid_value END
  FROM d JOIN eduaid.township t ON t.id = d.township_id
 ORDER BY d.township_id, d.household_no, d.diff_kind, d.id_number, d.field;
END;

-- A supervisor's reconciliation: the same query as the owner (so that ID
-- numbers can be compared), scoped to the supervisor's county by
-- my_townships() and to their own imports, masked.
CREATE FUNCTION eduaid.roster_differences_masked(p_import bigint)
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

CREATE FUNCTION eduaid.roster_differences(p_import bigint)
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
CREATE FUNCTION eduaid.roster_counts(p_import bigint)
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

------------------------------------------------------------------------
-- Drafts for chosen missing households: each becomes a household draft,
-- with its members, through the ordinary INSERTs as the caller -- so
-- row-level security, the column grants, the data rules, the person-ID
-- guard and the audit trail apply exactly as for a household typed in.
-- The roster names no school, so members are created at stage 'none'; the
-- household's notes carry the stages the roster gave, for the clerk to
-- complete before submitting. Returns the new households.
CREATE FUNCTION eduaid.roster_create_drafts(p_import bigint, p_household_nos text[])
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
            RAISE EXCEPTION USING ERRCODE = 'EA021',
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
                                        birth_date, relation, stage)
            VALUES (h.township_id, new_id, m.member_name, m.member_id_number,
                    eduaid.id_sex(m.member_id_number), eduaid.id_birth_date(m.member_id_number),
                    coalesce(m.relation, 'child'), 'none');
        END LOOP;
        household_no := hno;
        household_id := new_id;
        members := n;
        RETURN NEXT;
    END LOOP;
END
$$;

------------------------------------------------------------------------
REVOKE ALL ON FUNCTION eduaid.id_number_ok(text), eduaid.roster_rows_guard(), eduaid.roster_import_guard(),
    eduaid.roster_import_finished(), eduaid.roster_refuse(int, text, text),
    eduaid.roster_finish(bigint), eduaid.roster_diff(bigint, boolean),
    eduaid.roster_differences_masked(bigint), eduaid.roster_differences(bigint),
    eduaid.roster_counts(bigint), eduaid.roster_create_drafts(bigint, text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.roster_finish(bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor;
GRANT EXECUTE ON FUNCTION eduaid.id_number_ok(text)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
GRANT EXECUTE ON FUNCTION eduaid.roster_diff(bigint, boolean)
    TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT EXECUTE ON FUNCTION eduaid.roster_differences_masked(bigint) TO eduaid_supervisor;
GRANT EXECUTE ON FUNCTION eduaid.roster_differences(bigint), eduaid.roster_counts(bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT EXECUTE ON FUNCTION eduaid.roster_create_drafts(bigint, text[])
    TO eduaid_clerk, eduaid_officer;
