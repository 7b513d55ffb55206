-- 019_reviewers.sql: what a reviewer can write, and so learn (issue 9,
-- items 2, 3, 9 and the roster_row part of 10).
--
-- 1. Supervisors do not edit records; they return them with a reason
--    (../shared/DESIGN.md). Until now they held column UPDATE on every
--    record table (005_rls.sql) and may_edit('verified') was true for
--    them (006_workflow.sql); an UPDATE of special_ed_plan.assessment_date,
--    checked against the child_birth_date they may not read
--    (special_ed_plan_assessment_date_check), answered a binary search for
--    the birth date inside rolled-back subtransactions, leaving no audit
--    row. Here every INSERT, UPDATE, DELETE and TRUNCATE a supervisor holds
--    on a table of eduaid is revoked (column privileges included), except
--    INSERT into their own roster staging (roster_import, roster_row); the
--    record tables' UPDATE policies name clerks and officers only;
--    eduaid.may_edit() is false for supervisors. The record_guard's EA004
--    stays the backstop for anyone else.
--
-- 2. Reconciliation tells a supervisor only what masks can tell. The
--    masked reconciliation (roster_differences_masked, a definer) compared
--    the roster's full ID numbers with eduaid's: a supervisor who imported
--    a household with candidate member numbers (the mask with birth dates
--    filled in) saw the true one as member_differs and the others as
--    missing_member. roster_diff(p_import, p_masked) now compares, when
--    p_masked, head ID numbers by their masks, and matches members by
--    household number and mask only (masks collide across a county, so
--    not county-wide): every candidate with the same mask gets the same
--    answer. The cost, for supervisors only: a member eduaid holds in
--    another household shows as missing_member of the roster's household
--    (and extra_member of eduaid's, when the roster has it), not as
--    member_differs household_no. The rows come ordered by the masked
--    numbers, so their order says nothing of the hidden digits either.
--    Clerks, officers and auditors get what they got.
--
-- 3. Four-eyes for objections. Whoever created, edited, submitted,
--    verified or approved the record an objection is about -- now, or in
--    an earlier round (its audit log: the line objected to may list a
--    version approved before the record was returned and approved again)
--    -- cannot decide that objection (nor, as before, the one who recorded
--    it); eduaid_owner reads audit_log.actor and .action for it. EA002, the
--    record four-eyes SQLSTATE, raised by the objection's own guard, so
--    that decide_objection and any other writer meet it.
--
-- 4. roster_row answers nothing about other people's imports. The import's
--    owner was checked after the statement (roster_rows_guard), but a
--    unique check comes first: INSERT ... ON CONFLICT DO NOTHING into
--    someone else's import said "INSERT 0 0" for a line that exists and
--    EA006 for one that does not (a plain INSERT: 23505 against EA006).
--    Each row now carries its inserter in the primary key, so such a row
--    conflicts with nothing and the statement guard answers EA006 either
--    way (see section 4 for why not a per-row trigger). And the view
--    roster_rows let a reader's conditions reach others' rows (section 5).
--
-- Survey (writes checked against what the writer may not read), after
-- this file: every CHECK that spans a personal column and another
-- (assessment_date, placed_on, *_sex against birth date or ID number) sits
-- on a record table only clerks and officers write, who read every column
-- of the rows they may write; every foreign key into a township-scoped
-- table includes township_id, and the insert/update policies keep
-- township_id in the writer's scope; the ledger functions refuse
-- supervisors (ledger_writer_check) before comparing dates with birth
-- dates; teacher_guard, member_touch and the ledger guards read the same
-- township only. What remains is outside this file: the unique keys and
-- the person-ID registry across townships (issue 9 item 7), the school
-- foreign key for admins (item 10), and roster_import's own indexes: a
-- clerk's EXPLAIN ANALYZE on an id range counts the other people's
-- imports in it (Rows Removed by Filter) -- how many imports there are,
-- nothing of their files or rows.
--
-- Replaced here (CREATE OR REPLACE): eduaid.may_edit() (006),
-- eduaid.roster_diff() (011), eduaid.notice_objection_guard() (013).
-- Altered: the <table>_update policies of the record tables (005);
-- roster_row gains imported_by and a primary key that includes it, the
-- view roster_rows is redefined with the same columns (011).
-- SQLSTATEs: none new (EA002, EA004, EA006 as documented in 006).
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- 1. Supervisors do not edit. Every write privilege the supervisor group
-- holds, on a table or a column of any owner, read from the catalog (as
-- the superuser, whose REVOKE acts for each owner).
RESET ROLE;
DO $$
DECLARE
    g record;
BEGIN
    FOR g IN
        SELECT DISTINCT c.oid::regclass AS rel, p.privilege_type AS priv, NULL::name AS col
          FROM pg_catalog.pg_class c, aclexplode(c.relacl) p
         WHERE c.relnamespace = 'eduaid'::regnamespace
           AND c.relname NOT IN ('roster_import', 'roster_row')
           AND p.grantee = 'eduaid_supervisor'::regrole
           AND p.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')
        UNION
        SELECT DISTINCT c.oid::regclass, p.privilege_type, a.attname
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
                                         AND NOT a.attisdropped,
               aclexplode(a.attacl) p
         WHERE c.relnamespace = 'eduaid'::regnamespace
           AND c.relname NOT IN ('roster_import', 'roster_row')
           AND p.grantee = 'eduaid_supervisor'::regrole
           AND p.privilege_type IN ('INSERT', 'UPDATE')
         ORDER BY 1, 2, 3
    LOOP
        IF g.col IS NULL THEN
            EXECUTE format('REVOKE %s ON %s FROM eduaid_supervisor', g.priv, g.rel);
        ELSE
            EXECUTE format('REVOKE %s (%I) ON %s FROM eduaid_supervisor', g.priv, g.col, g.rel);
        END IF;
    END LOOP;
END
$$;
SET ROLE eduaid_owner;
DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'student', 'student_subsidy',
        'training_enrollment', 'special_ed_plan', 'teacher', 'teacher_fund_application']
    LOOP
        EXECUTE format('ALTER POLICY %I ON eduaid.%I TO eduaid_clerk, eduaid_officer',
                       tbl || '_update', tbl);
    END LOOP;
END
$$;

-- May the person logged in edit the data of a record in this state?
-- Supervisors never: they approve or return (see above).
CREATE OR REPLACE FUNCTION eduaid.may_edit(status text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE eduaid.my_role()
    WHEN 'clerk' THEN status IN ('draft', 'rejected')
    WHEN 'officer' THEN status IN ('draft', 'rejected', 'submitted')
    ELSE false
END;

------------------------------------------------------------------------
-- 2. The reconciliation, with the masked variant comparing masks only.
-- As 011_roster.sql's, but for the keys: head_key is the head's ID number
-- or, masked, its mask; members match on (hk, ik): ('', ID number), or,
-- masked, (household number, mask).
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

------------------------------------------------------------------------
-- 3. Four-eyes for objections: 013_notice.sql's guard, plus the check
-- against the record's creator, editors, submitter, verifier and approver.
-- The guard runs as the writer (the owner, inside decide_objection), which
-- reads every record through its own policy.
RESET ROLE;
GRANT SELECT (actor, action) ON eduaid.audit_log TO eduaid_owner;
SET ROLE eduaid_owner;
CREATE OR REPLACE FUNCTION eduaid.notice_objection_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n   record;
    rec record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT eduaid.superuser_now() THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = format('objection %s cannot be deleted (异议记录不可删除)', OLD.id);
        END IF;
        RETURN OLD;
    END IF;
    SELECT * INTO n FROM eduaid.notice x WHERE x.id = NEW.notice_id;
    IF n.closed_at IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA012',
            MESSAGE = format('notice %s is closed (公示已结束)', n.id);
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.received_on < n.starts_on OR NEW.received_on > n.ends_on
           OR NEW.received_on > current_date THEN
            RAISE EXCEPTION USING ERRCODE = 'EA014',
                MESSAGE = format('notice %s runs from %s to %s: an objection received on %s cannot be recorded (异议须在公示期内收到)',
                                 n.id, n.starts_on, n.ends_on, NEW.received_on);
        END IF;
        IF NEW.decision <> 'pending' OR NEW.decided_by IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'EA017',
                MESSAGE = 'an objection is recorded undecided (异议登记时不能同时处理)';
        END IF;
        NEW.received_by := session_user;
        NEW.recorded_at := now();
        RETURN NEW;
    END IF;
    IF (NEW.id, NEW.township_id, NEW.item_id, NEW.notice_id, NEW.kind, NEW.record_id,
        NEW.received_on, NEW.received_by, NEW.recorded_at, NEW.objector, NEW.content)
       IS DISTINCT FROM (OLD.id, OLD.township_id, OLD.item_id, OLD.notice_id, OLD.kind,
                         OLD.record_id, OLD.received_on, OLD.received_by, OLD.recorded_at,
                         OLD.objector, OLD.content) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('objection %s: what was received cannot change (异议内容不可修改)', OLD.id);
    END IF;
    IF OLD.decision <> 'pending' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA017',
            MESSAGE = format('objection %s is decided already (%s) (异议已处理)', OLD.id, OLD.decision);
    END IF;
    IF NEW.decision <> 'pending' THEN
        IF session_user = OLD.received_by THEN
            RAISE EXCEPTION USING ERRCODE = 'EA017',
                MESSAGE = format('four-eyes rule: you recorded objection %s, so another supervisor decides it (四眼原则：登记人不能处理本人登记的异议)',
                                 OLD.id);
        END IF;
        EXECUTE format('SELECT created_by, editors, submitted_by, verified_by, approved_by '
                       'FROM eduaid.%I WHERE township_id = $1 AND id = $2',
                       eduaid.record_table(OLD.kind))
           INTO rec USING OLD.township_id, OLD.record_id;
        IF rec IS NULL OR session_user = rec.created_by OR session_user = ANY (rec.editors)
           OR session_user = rec.submitted_by OR session_user = rec.verified_by
           OR session_user = rec.approved_by
           -- an earlier round: the line objected to may list a version
           -- someone else approved before the record was returned
           OR EXISTS (SELECT FROM eduaid.audit_log a
                       WHERE a.township_id = OLD.township_id AND a.kind = OLD.kind
                         AND a.record_id = OLD.record_id
                         AND a.action IN ('submit', 'verify', 'approve')
                         AND a.actor = session_user) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA002',
                MESSAGE = format('four-eyes rule: you created, edited, verified or approved the %s record objection %s is about, so another supervisor decides it (四眼原则：经手该记录的人不能处理针对它的异议)',
                                 OLD.kind, OLD.id);
        END IF;
        NEW.decided_by := session_user;
        NEW.decided_at := now();
    END IF;
    RETURN NEW;
END
$$;

------------------------------------------------------------------------
-- 4. A row for someone else's import never meets that import's rows in a
-- unique check. Each row carries who inserted it (imported_by, DEFAULT
-- session_user; nobody holds INSERT on the column, so nobody names
-- another), and the primary key is (import_id, file_line, imported_by):
-- a row aimed at another person's import conflicts with nothing there,
-- goes in, and roster_rows_guard refuses the statement with EA006, line
-- or no line. No per-row trigger: a BEFORE ROW check of the import's
-- owner doubled the time of a 100,000-row load (measured 2.2-3.7 s ->
-- 5.7-8.7 s on this machine), while the default costs nothing.
-- Rows already loaded take their import's owner.
ALTER TABLE eduaid.roster_row ADD COLUMN imported_by text NOT NULL DEFAULT session_user;
UPDATE eduaid.roster_row r SET imported_by = i.imported_by
  FROM eduaid.roster_import i WHERE i.id = r.import_id;
ALTER TABLE eduaid.roster_row DROP CONSTRAINT roster_row_pkey,
    ADD CONSTRAINT roster_row_pkey PRIMARY KEY (import_id, file_line, imported_by);

------------------------------------------------------------------------
-- 5. roster_rows, the view every import is read through, no longer lets a
-- condition of the reader's reach another person's rows. It was
-- security_barrier, but a reader's leakproof conditions (text =, <, >=)
-- may still be pushed into the view's scan of roster_row, ahead of the
-- ownership test: `EXPLAIN ANALYZE SELECT 1 FROM eduaid.roster_rows WHERE
-- import_id = N AND household_no >= 'A' AND household_no < 'B'` counted
-- another person's rows in the index scan (actual rows), and a condition on
-- member_id_number did the same in a sequential scan: another clerk's
-- county roster, ID numbers included, could be walked digit by digit.
-- Now the rows are reached only through the imports that pass the
-- ownership test: a LATERAL subquery per import, fenced with OFFSET 0 so
-- that no outer condition is pushed into it, which the planner can only
-- run as the inner side of a nested loop over those imports. Same
-- columns, so the column grants (supervisors: masked only) stay.
CREATE OR REPLACE VIEW eduaid.roster_rows WITH (security_barrier) AS
SELECT i.id AS import_id, r.file_line, r.household_no, r.township, r.village, r.township_id,
       r.village_id, r.head_name, r.head_id_number, r.head_id_number_masked, r.family_size,
       r.member_name, r.member_id_number, r.member_id_number_masked, r.relation, r.stage
  FROM eduaid.roster_import i
 CROSS JOIN LATERAL (SELECT x.* FROM eduaid.roster_row x WHERE x.import_id = i.id OFFSET 0) r
 WHERE i.imported_by = session_user OR eduaid.my_role() = 'auditor';
