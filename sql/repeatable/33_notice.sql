-- repeatable/33_notice.sql: the public notice (公示) before teacher-fund
-- awards and subsidy lists become final (issue 5); the tables are
-- 013_notice.sql's (and notice_line, 016_index_scope.sql's).
--
-- Two more workflow states for teacher fund applications (kind
-- 'teacher_fund') and a household's record of a school year (kind
-- 'household_year', whose student_subsidy rows are that year's subsidy
-- list; issue 11). Before issue 11 the list was a notice of households,
-- kind 'household'; such notices stay as published, close and have their
-- objections decided, and one can still be opened (its lines: approved
-- households with grants of the school year, as before; kept for the
-- tests that use it, tests/db/19_reviewers.sql) -- but the client and
-- `eduaid notice open` offer only household_year, since the register entry
-- itself is no aid:
--
--   approved --open_notice--> in_notice --close_notice--> final
--                                 |  (after ends_on, no undecided objection)
--                                 +--decide_objection(upheld)--> rejected
--   final --reopen--> draft        (in_notice cannot be reopened)
--
--   eduaid.open_notice(kind, scope, school_year [, ends_on, title, contact])
--       supervisor: every approved record of a fund program (scope =
--       fund_program.id, kind 'teacher_fund') or of a township (scope =
--       township id, kind 'household_year': the household_year records of
--       that school year with grants) in the caller's county goes on a new
--       notice, one
--       line each with its record hash; returns the notice id
--   eduaid.notice_preview(kind, scope, school_year)
--       supervisor: what open_notice would do, before it does: the
--       township's or program's name and how many lines
--   eduaid.record_objection(item, content [, objector, received_on])
--       officer of the item's township or supervisor, while the notice is
--       open, for an objection received during the period
--   eduaid.decide_objection(objection, 'upheld' | 'dismissed', note)
--       supervisor, never the one who recorded it; upheld sends the record
--       back to its author as rejected, with the objection as reason
--   eduaid.close_notice(notice)
--       supervisor, from the day after ends_on (the server's current_date)
--       when no objection is undecided; every record still in_notice
--       becomes final; returns how many
--   eduaid.notice_verify(hash)  the line, record and audit entry a printed
--       hash (or a prefix of at least 16 hex digits) names
--
-- The period: starts_on is the day of opening (never earlier), ends_on at
-- least 6 days later, so it lasts at least 7 calendar days (always 5
-- working days but over public holidays). Only a superuser (who can also
-- disable any trigger) may move a notice's dates; the tests use that to let
-- a period pass (and its opened_at, which ties the lines to the
-- transaction that opened it). Nothing here trusts the workflow functions
-- either: the record guard allows approved -> in_notice only for a record
-- listed on a notice opened in the same transaction, in_notice -> final
-- only when that notice was closed after its end and no objection on the
-- record is undecided or upheld, and in_notice -> rejected only for an
-- upheld one; the guards of the notice tables keep dates, lines and
-- decisions fixed.
--
-- The record hash: sha256 of the line's canonical text (UTF-8)
--   eduaid-notice/1|notice|line|kind|township|record|name|masked ID|
--   program|amount|school year|audit id
-- where audit id is the latest audit_log entry of the record (for a
-- household_year record, of it or its members) when the notice was opened: its
-- approval. A printed line and the audit log can thus be checked against
-- each other (notice_verify).
--
-- SQLSTATEs (the workflow's, 20_workflow.sql, plus):
--   EA012 the notice period does not allow this (not over yet, already
--         closed, not open)
--   EA013 the notice has undecided objections
--   EA014 the objection was not received during the period
--   EA015 nothing to put on notice
--   EA016 the period is too short or does not start today
--   EA017 the objection is decided already, or four-eyes: the one who
--         recorded it cannot decide it
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- Small helpers.

-- The subsidy programs as a notice names them.
CREATE OR REPLACE FUNCTION eduaid.subsidy_label(program text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE program
    WHEN 'preschool_aid' THEN '学前资助'
    WHEN 'compulsory_waiver' THEN '两免'
    WHEN 'boarding_subsidy' THEN '寄宿生生活补助'
    WHEN 'high_school_grant' THEN '高中助学金'
    WHEN 'high_school_waiver' THEN '高中免学杂费'
    WHEN 'vocational_waiver' THEN '中职免学费'
    WHEN 'vocational_grant' THEN '中职助学金'
    WHEN 'college_freshman_aid' THEN '大学新生资助'
    WHEN 'student_loan' THEN '助学贷款'
    WHEN 'zihui' THEN '滋蕙计划'
    ELSE program
END;

CREATE OR REPLACE FUNCTION eduaid.notice_hash(canonical text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN encode(sha256(convert_to(canonical, 'UTF8')), 'hex');

-- True for a superuser (data repair, the tests): the one writer the
-- guards below let move a notice's dates, or delete.
CREATE OR REPLACE FUNCTION eduaid.superuser_now() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                  WHERE r.rolname = current_user), false);

-- The latest audit entry of a record (a household's members included).
-- Definer of the log's reader: the owner reads no audit rows itself.
CREATE OR REPLACE FUNCTION eduaid.latest_audit_id(p_kind text, p_township int, p_record bigint)
RETURNS bigint
LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
RETURN (SELECT max(a.id) FROM eduaid.audit_log a
         WHERE a.township_id = p_township AND a.kind = p_kind AND a.record_id = p_record);

REVOKE ALL ON FUNCTION eduaid.subsidy_label(text), eduaid.notice_hash(text),
    eduaid.superuser_now(), eduaid.latest_audit_id(text, int, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.subsidy_label(text), eduaid.notice_hash(text)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;

------------------------------------------------------------------------
-- The workflow's side: record_guard (22_workflow_steps.sql) calls this for every
-- transition into or out of in_notice.

-- The notice behind a transition into or out of in_notice: into it, the
-- record is on a notice opened in this transaction; out of it, to final,
-- its notice is closed, after its end, with no undecided or upheld
-- objection on the record; to rejected, an objection on it was upheld.
-- Runs as the caller (the guard's writer: the owner or a superuser), so
-- the owner reads the notice tables through its own policies.
CREATE OR REPLACE FUNCTION eduaid.notice_transition_check(tbl text, township int, record bigint,
                                               from_st text, to_st text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    k   text := CASE tbl WHEN 'household' THEN 'household'
                         WHEN 'household_year' THEN 'household_year'
                         WHEN 'teacher_fund_application' THEN 'teacher_fund' END;
    itm record;
BEGIN
    SELECT i.id, i.township_id, n.opened_at, n.closed_at, n.ends_on, n.id AS notice_id
      INTO itm
      FROM eduaid.notice_item i JOIN eduaid.notice n ON n.id = i.notice_id
     WHERE i.township_id = township AND i.kind = k AND i.record_id = record
     ORDER BY i.notice_id DESC LIMIT 1;
    IF to_st = 'in_notice' THEN
        IF itm IS NULL OR itm.closed_at IS NOT NULL OR itm.opened_at <> now() THEN
            RAISE EXCEPTION USING ERRCODE = 'EA012',
                MESSAGE = format('%s %s: a record goes on notice only with eduaid.open_notice() (记录只能通过开启公示进入公示期)',
                                 tbl, record);
        END IF;
    ELSIF to_st = 'final' THEN
        IF itm IS NULL OR itm.closed_at IS NULL OR itm.ends_on >= current_date THEN
            RAISE EXCEPTION USING ERRCODE = 'EA012',
                MESSAGE = format('%s %s: the notice period is not over; a record becomes final only when its notice is closed after the period (公示期未结束，不能生效)',
                                 tbl, record);
        END IF;
        IF EXISTS (SELECT FROM eduaid.notice_objection o
                    WHERE o.township_id = itm.township_id AND o.item_id = itm.id
                      AND o.decision IN ('pending', 'upheld')) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA013',
                MESSAGE = format('%s %s has an undecided or upheld objection and cannot become final (存在未处理或成立的异议，不能生效)',
                                 tbl, record);
        END IF;
    ELSIF to_st = 'rejected' THEN
        IF itm IS NULL OR itm.closed_at IS NOT NULL
           OR NOT EXISTS (SELECT FROM eduaid.notice_objection o
                           WHERE o.township_id = itm.township_id AND o.item_id = itm.id
                             AND o.decision = 'upheld') THEN
            RAISE EXCEPTION USING ERRCODE = 'EA001',
                MESSAGE = format('%s %s is on public notice: only an upheld objection returns it (公示中的记录只能因异议成立退回)',
                                 tbl, record);
        END IF;
    ELSE
        RAISE EXCEPTION USING ERRCODE = 'EA001',
            MESSAGE = format('%s %s: no transition from %s to %s (公示中的记录不能如此变更)',
                             tbl, record, from_st, to_st);
    END IF;
END
$$;
REVOKE ALL ON FUNCTION eduaid.notice_transition_check(text, int, bigint, text, text) FROM PUBLIC;

------------------------------------------------------------------------
-- The guards of the notice tables: for every writer, the owner's
-- functions included; only a superuser (data repair, the tests) may move
-- dates or delete.
CREATE OR REPLACE FUNCTION eduaid.notice_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    su boolean := eduaid.superuser_now();
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT su THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = format('notice %s cannot be deleted (公示不可删除)', OLD.id);
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.opened_by := session_user;
        NEW.opened_at := now();
        IF NEW.closed_by IS NOT NULL OR NEW.closed_at IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'EA012',
                MESSAGE = 'a notice opens open (新公示不能是已结束状态)';
        END IF;
        IF NEW.starts_on <> current_date AND NOT su THEN
            RAISE EXCEPTION USING ERRCODE = 'EA016',
                MESSAGE = format('a notice period starts on the day it is opened (%s), not %s (公示期从开启当日开始)',
                                 current_date, NEW.starts_on);
        END IF;
        RETURN NEW;
    END IF;
    IF (NEW.id, NEW.kind, NEW.county_id, NEW.school_year, NEW.program_id, NEW.township_id,
        NEW.title, NEW.contact, NEW.opened_by)
       IS DISTINCT FROM (OLD.id, OLD.kind, OLD.county_id, OLD.school_year, OLD.program_id,
                         OLD.township_id, OLD.title, OLD.contact, OLD.opened_by)
       OR ((NEW.starts_on, NEW.ends_on, NEW.opened_at)
           IS DISTINCT FROM (OLD.starts_on, OLD.ends_on, OLD.opened_at) AND NOT su) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('notice %s: what was published cannot change (已发布的公示内容不可修改)', OLD.id);
    END IF;
    IF OLD.closed_at IS NOT NULL THEN
        IF NOT su THEN
            RAISE EXCEPTION USING ERRCODE = 'EA012',
                MESSAGE = format('notice %s is closed already (公示已结束)', OLD.id);
        END IF;
    ELSIF NEW.closed_at IS NOT NULL THEN
        IF current_date <= OLD.ends_on THEN
            RAISE EXCEPTION USING ERRCODE = 'EA012',
                MESSAGE = format('notice %s runs until %s: it can be closed from %s on (公示期至%s，期满后方可结束)',
                                 OLD.id, OLD.ends_on, OLD.ends_on + 1, OLD.ends_on);
        END IF;
        IF EXISTS (SELECT FROM eduaid.notice_objection o
                    WHERE o.notice_id = OLD.id AND o.decision = 'pending') THEN
            RAISE EXCEPTION USING ERRCODE = 'EA013',
                MESSAGE = format('notice %s has undecided objections: decide them first (公示尚有未处理的异议)', OLD.id);
        END IF;
        NEW.closed_by := session_user;
        NEW.closed_at := now();
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.notice_item_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n     record;
    st    text;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF NOT eduaid.superuser_now() THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = format('notice %s: its lines cannot change (公示名单不可修改)', OLD.notice_id);
        END IF;
        RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
    END IF;
    SELECT * INTO n FROM eduaid.notice x WHERE x.id = NEW.notice_id;
    IF n.opened_at <> now() OR n.closed_at IS NOT NULL OR n.kind <> NEW.kind THEN
        RAISE EXCEPTION USING ERRCODE = 'EA012',
            MESSAGE = format('lines are added to notice %s only when it is opened (公示名单只能在开启时生成)',
                             NEW.notice_id);
    END IF;
    EXECUTE format('SELECT status FROM eduaid.%I WHERE township_id = $1 AND id = $2',
                   eduaid.record_table(NEW.kind))
       INTO st USING NEW.township_id, NEW.record_id;
    IF st IS DISTINCT FROM 'approved' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA001',
            MESSAGE = format('%s record %s is %s: only approved records go on notice (只有已审批的记录可以公示)',
                             NEW.kind, NEW.record_id, coalesce(st, 'missing'));
    END IF;
    IF NEW.audit_id IS DISTINCT FROM eduaid.latest_audit_id(NEW.kind, NEW.township_id, NEW.record_id)
       OR NEW.canonical !~ ('\|' || NEW.audit_id || '$') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s record %s: a notice line names the record''s latest audit entry', NEW.kind,
                             NEW.record_id);
    END IF;
    NEW.record_hash := eduaid.notice_hash(NEW.canonical);
    RETURN NEW;
END
$$;

-- Objections: received during the period, recorded undecided, decided
-- once -- and four-eyes: neither the one who recorded the objection, nor
-- whoever created, edited, submitted, verified or approved the record it is
-- about -- now, or in an earlier round (its audit log: the line objected
-- to may list a version approved before the record was returned and
-- approved again) -- decides it (EA017, EA002; 019_reviewers.sql). The
-- guard runs as the writer (the owner, inside decide_objection), which
-- reads every record through its own policy and the log's actor and
-- action columns (39_privileges.sql).
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

CREATE OR REPLACE FUNCTION eduaid.notice_no_truncate() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT eduaid.superuser_now() THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s cannot be truncated (公示记录不可清空)', TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END
$$;

-- One line number once per notice, across its townships (016_index_scope.sql:
-- line numbers run across the townships of a county-wide notice, and no
-- index may lead with anything but township_id): eduaid.notice_line,
-- readable by no login, filled as each line is inserted. Runs as the
-- writer of the line: the owner, through open_notice(). Lines never change
-- or go: notice_item_guard refuses it but to a superuser, who then keeps
-- notice_line in step himself.
CREATE OR REPLACE FUNCTION eduaid.notice_line_key() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO eduaid.notice_line (notice_id, line_no) VALUES (NEW.notice_id, NEW.line_no);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.notice_guard(), eduaid.notice_item_guard(),
    eduaid.notice_objection_guard(), eduaid.notice_no_truncate(), eduaid.notice_line_key()
    FROM PUBLIC;

------------------------------------------------------------------------
-- The functions.

-- The records a notice of kind and scope for a school year puts on it, in
-- line order: township_id, id, name, masked, program, amount. One query for
-- open_notice() and notice_preview(), so the count a supervisor confirms is
-- the count the notice gets (issue 12 item 10). No login calls it: it runs
-- inside those two definer functions, as their owner, for the caller's
-- townships p_towns.
CREATE OR REPLACE FUNCTION eduaid.notice_candidates(p_kind text, p_scope int, p_school_year int,
                                                    p_towns int[])
RETURNS TABLE (township_id int, id bigint, name text, masked text, program text, amount numeric)
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    SELECT q.township_id::int, q.id::bigint, q.name::text, q.masked::text, q.program::text,
           q.amount::numeric
      FROM (
        SELECT x.township_id, x.id, x.teacher_name AS name, x.teacher_id_number_masked AS masked,
               fp.name AS program, coalesce(x.amount_approved, x.amount_requested) AS amount
          FROM eduaid.teacher_fund_application x
          JOIN eduaid.fund_program fp ON fp.id = x.program_id
         WHERE p_kind = 'teacher_fund' AND x.program_id = p_scope
           AND x.school_year = p_school_year AND x.status = 'approved'
           AND x.township_id = ANY (p_towns)
        UNION ALL
        SELECT hy.township_id, hy.id, h.head_name, h.head_id_number_masked,
               s.programs, s.amount
          FROM eduaid.household_year hy
          JOIN eduaid.household h ON h.id = hy.household_id
          JOIN LATERAL (SELECT string_agg(DISTINCT eduaid.subsidy_label(ss.program), '、') AS programs,
                               sum(ss.amount) AS amount
                          FROM eduaid.student_subsidy ss
                         WHERE ss.township_id = hy.township_id
                           AND ss.household_year_id = hy.id) s ON s.amount IS NOT NULL
         WHERE p_kind = 'household_year' AND hy.township_id = p_scope
           AND hy.school_year = p_school_year AND hy.status = 'approved'
        UNION ALL
        SELECT h.township_id, h.id, h.head_name, h.head_id_number_masked,
               s.programs, s.amount
          FROM eduaid.household h
          JOIN LATERAL (SELECT string_agg(DISTINCT eduaid.subsidy_label(ss.program), '、') AS programs,
                               sum(ss.amount) AS amount
                          FROM eduaid.student_subsidy ss
                         WHERE ss.township_id = h.township_id AND ss.household_id = h.id
                           AND ss.school_year = p_school_year) s ON s.amount IS NOT NULL
         WHERE p_kind = 'household' AND h.township_id = p_scope
           AND h.status = 'approved'
           ) q
     ORDER BY 1, 2;
END
$$;
REVOKE ALL ON FUNCTION eduaid.notice_candidates(text, int, int, int[]) FROM PUBLIC;

-- What a supervisor may open a notice of: the name of the township
-- (household_year, household: one of the caller's) or fund program
-- (teacher_fund) p_scope, or the refusal: EA004 not a supervisor, EA010 no
-- such kind, EA005 no such scope of the caller's. For open_notice() and
-- notice_preview(), which run as the owner: no login calls it.
CREATE OR REPLACE FUNCTION eduaid.notice_scope_name(p_kind text, p_scope int)
RETURNS text
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role   text := eduaid.my_role();
    v_towns  int[] := eduaid.my_townships();
    v_scope  text;
BEGIN
    IF v_role IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot open a public notice; supervisors do (只有县级审核人可以开启公示)',
                             coalesce(v_role, 'non-eduaid user'));
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('household_year', 'household', 'teacher_fund') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('no public notice for record kind "%s" (此类记录无需公示)', p_kind),
            HINT = 'kind is household_year (a school year''s subsidy list) or teacher_fund';
    END IF;
    IF p_kind IN ('household_year', 'household') THEN
        SELECT t.name INTO v_scope FROM eduaid.township t
         WHERE t.id = p_scope AND t.id = ANY (v_towns);
    ELSE
        SELECT p.name INTO v_scope FROM eduaid.fund_program p WHERE p.id = p_scope;
    END IF;
    IF v_scope IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('%s %s not found (乡镇或项目不存在)',
                             CASE p_kind WHEN 'teacher_fund' THEN 'fund program' ELSE 'township' END,
                             p_scope);
    END IF;
    RETURN v_scope;
END
$$;
REVOKE ALL ON FUNCTION eduaid.notice_scope_name(text, int) FROM PUBLIC;

-- What opening a notice would put on it, asked before opening (the
-- confirmation names the township or program and the count, issue 12 item
-- 10): one row, scope (the township's or program's name) and lines (how
-- many records, from the same query open_notice uses). Supervisors, with
-- open_notice's refusals; the caller learns nothing open_notice would not
-- tell him.
CREATE OR REPLACE FUNCTION eduaid.notice_preview(p_kind text, p_scope int, p_school_year int)
RETURNS TABLE (scope text, lines bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_name text := eduaid.notice_scope_name(p_kind, p_scope);
BEGIN
    RETURN QUERY
    SELECT v_name, count(*)
      FROM eduaid.notice_candidates(p_kind, p_scope, p_school_year, eduaid.my_townships());
END
$$;

-- Open a notice. A fund application's line names the teacher as the
-- application was approved (its copy, 20_workflow.sql), not as the
-- register has him when the notice opens.
CREATE OR REPLACE FUNCTION eduaid.open_notice(p_kind text, p_scope int, p_school_year int,
                                   p_ends_on date DEFAULT NULL, p_title text DEFAULT NULL,
                                   p_contact text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_towns  int[] := eduaid.my_townships();
    v_county int;
    v_scope  text;
    v_ends   date := coalesce(p_ends_on, current_date + 6);
    v_id     bigint;
    v_n      int := 0;
    r        record;
    v_audit  bigint;
BEGIN
    v_scope := eduaid.notice_scope_name(p_kind, p_scope);
    SELECT u.county_id INTO v_county FROM eduaid.app_user u WHERE u.login = session_user;
    IF v_ends < current_date + 6 THEN
        RAISE EXCEPTION USING ERRCODE = 'EA016',
            MESSAGE = format('a notice period lasts at least 7 days: it cannot end before %s (公示期不少于7天)',
                             current_date + 6);
    END IF;

    INSERT INTO eduaid.notice (kind, county_id, school_year, program_id, township_id, title,
                               contact, starts_on, ends_on)
    VALUES (p_kind, v_county, p_school_year,
            CASE WHEN p_kind = 'teacher_fund' THEN p_scope END,
            CASE WHEN p_kind <> 'teacher_fund' THEN p_scope END,
            coalesce(eduaid.tidy(p_title), format('%s %s-%s学年%s公示', v_scope, p_school_year,
                     p_school_year + 1,
                     CASE p_kind WHEN 'teacher_fund' THEN '拟资助教师名单' ELSE '学生资助名单' END)),
            coalesce(eduaid.tidy(p_contact),
                     (SELECT c.name || '教育局' FROM eduaid.county c WHERE c.id = v_county)),
            current_date, v_ends)
    RETURNING id INTO v_id;

    FOR r IN
        SELECT c.* FROM eduaid.notice_candidates(p_kind, p_scope, p_school_year, v_towns) c
    LOOP
        v_n := v_n + 1;
        v_audit := eduaid.latest_audit_id(p_kind, r.township_id, r.id);
        INSERT INTO eduaid.notice_item (township_id, notice_id, line_no, kind, record_id, name,
                                        masked_id, program, amount, audit_id, canonical,
                                        record_hash)
        VALUES (r.township_id, v_id, v_n, p_kind, r.id, r.name, r.masked, r.program, r.amount,
                v_audit,
                concat_ws('|', 'eduaid-notice/1', v_id, v_n, p_kind, r.township_id, r.id, r.name,
                          r.masked, r.program, r.amount, p_school_year, v_audit),
                repeat('0', 64));
        EXECUTE format('UPDATE eduaid.%I SET status = %L WHERE township_id = $1 AND id = $2',
                       eduaid.record_table(p_kind), 'in_notice')
          USING r.township_id, r.id;
    END LOOP;
    IF v_n = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'EA015',
            MESSAGE = format('no approved %s records of %s for school year %s: nothing to put on notice (没有可公示的已审批记录)',
                             p_kind, v_scope, p_school_year);
    END IF;
    RETURN v_id;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.record_objection(p_item bigint, p_content text, p_objector text DEFAULT NULL,
                                        p_received_on date DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role text := eduaid.my_role();
    itm    record;
    v_id   bigint;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('officer', 'supervisor') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot record objections; officers and supervisors do (当前角色不能登记异议)',
                             coalesce(v_role, 'non-eduaid user'));
    END IF;
    SELECT i.* INTO itm FROM eduaid.notice_item i
     WHERE i.id = p_item AND i.township_id = ANY (eduaid.my_townships());
    IF itm IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('notice line %s not found (公示条目不存在或无权查看)', p_item);
    END IF;
    IF coalesce(eduaid.is_blank(p_content), true) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA003',
            MESSAGE = 'an objection needs its content (必须填写异议内容)';
    END IF;
    INSERT INTO eduaid.notice_objection (township_id, item_id, notice_id, kind, record_id,
                                         received_on, objector, content)
    VALUES (itm.township_id, itm.id, itm.notice_id, itm.kind, itm.record_id,
            coalesce(p_received_on, current_date), nullif(eduaid.tidy(p_objector), ''),
            eduaid.tidy(p_content))
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.decide_objection(p_objection bigint, p_decision text, p_note text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role text := eduaid.my_role();
    o      record;
BEGIN
    IF v_role IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot decide objections; supervisors do (只有县级审核人可以处理异议)',
                             coalesce(v_role, 'non-eduaid user'));
    END IF;
    IF p_decision IS NULL OR p_decision NOT IN ('upheld', 'dismissed') THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            CONSTRAINT = 'notice_objection_decision_check', TABLE = 'notice_objection',
            SCHEMA = 'eduaid',
            MESSAGE = format('an objection is upheld or dismissed, not "%s" (处理结果须为成立或不成立)',
                             p_decision);
    END IF;
    IF coalesce(eduaid.is_blank(p_note), true) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA003',
            MESSAGE = 'a decision needs a note saying why (必须填写处理意见)';
    END IF;
    SELECT x.* INTO o FROM eduaid.notice_objection x
     WHERE x.id = p_objection AND x.township_id = ANY (eduaid.my_townships()) FOR UPDATE;
    IF o IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('objection %s not found (异议不存在或无权查看)', p_objection);
    END IF;
    UPDATE eduaid.notice_objection SET decision = p_decision, decision_note = eduaid.tidy(p_note)
     WHERE township_id = o.township_id AND id = o.id;
    IF p_decision = 'upheld'
       AND NOT EXISTS (SELECT FROM eduaid.notice_item j
                        WHERE j.township_id = o.township_id AND j.kind = o.kind
                          AND j.record_id = o.record_id AND j.notice_id > o.notice_id) THEN
        EXECUTE format('UPDATE eduaid.%I SET status = %L, reason = $1, rejected_by = $2, '
                       'rejected_at = now() WHERE township_id = $3 AND id = $4 AND status = %L',
                       eduaid.record_table(o.kind), 'rejected', 'in_notice')
          USING left(format('公示异议成立 (objection upheld): %s — %s', o.content,
                            eduaid.tidy(p_note)), 2000),
                session_user::text, o.township_id, o.record_id;
    END IF;
    RETURN p_decision;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.close_notice(p_notice bigint) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role text := eduaid.my_role();
    n      record;
    r      record;
    v_n    int := 0;
    v_rows int;
BEGIN
    IF v_role IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot close a public notice; supervisors do (只有县级审核人可以结束公示)',
                             coalesce(v_role, 'non-eduaid user'));
    END IF;
    SELECT x.* INTO n FROM eduaid.notice x
     WHERE x.id = p_notice
       AND x.county_id = (SELECT u.county_id FROM eduaid.app_user u WHERE u.login = session_user)
       FOR UPDATE;
    IF n IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('notice %s not found (公示不存在或无权查看)', p_notice);
    END IF;
    IF n.closed_at IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA012',
            MESSAGE = format('notice %s is closed already (公示已结束)', n.id);
    END IF;
    UPDATE eduaid.notice SET closed_at = now() WHERE id = n.id;
    -- (a record rejected here and already on a later notice is that
    -- notice's business)
    FOR r IN SELECT i.township_id, i.record_id FROM eduaid.notice_item i
              WHERE i.notice_id = n.id
                AND NOT EXISTS (SELECT FROM eduaid.notice_item j
                                 WHERE j.township_id = i.township_id AND j.kind = i.kind
                                   AND j.record_id = i.record_id AND j.notice_id > i.notice_id)
              ORDER BY i.line_no
    LOOP
        EXECUTE format('UPDATE eduaid.%I SET status = %L WHERE township_id = $1 AND id = $2 '
                       'AND status = %L', eduaid.record_table(n.kind), 'final', 'in_notice')
          USING r.township_id, r.record_id;
        GET DIAGNOSTICS v_rows = ROW_COUNT;
        v_n := v_n + v_rows;
    END LOOP;
    RETURN v_n;
END
$$;

-- What a printed hash (the whole of it, or a prefix of at least 16 hex
-- digits) names: the notice line, and the audit entry it was taken from.
-- hash_ok: the stored line still hashes to it; changed_since: the record
-- has audit entries after that one other than its notice transitions.
-- SECURITY INVOKER: row-level security decides what it finds.
CREATE OR REPLACE FUNCTION eduaid.notice_verify(p_hash text)
RETURNS TABLE (notice_id bigint, notice_title text, line_no int, kind text, record_id bigint,
               township text, name text, masked_id text, program text, amount numeric,
               record_hash text, hash_ok boolean, audit_id bigint, audit_at timestamptz,
               audit_actor text, audit_action text, changed_since boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_p text := lower(eduaid.tidy(p_hash));
BEGIN
    IF v_p IS NULL OR v_p !~ '^[0-9a-f]{16,64}$' THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'a record hash is 16 to 64 hexadecimal digits (校验码应为16至64位十六进制数字)';
    END IF;
    RETURN QUERY
    SELECT i.notice_id, n.title, i.line_no, i.kind, i.record_id, t.name, i.name, i.masked_id,
           i.program, i.amount, i.record_hash, eduaid.notice_hash(i.canonical) = i.record_hash,
           a.id, a.at, a.actor, a.action,
           EXISTS (SELECT FROM eduaid.audit_log l
                    WHERE l.township_id = i.township_id AND l.kind = i.kind
                      AND l.record_id = i.record_id AND l.id > i.audit_id
                      AND l.action NOT IN ('notice', 'finalize')
                      AND l.table_name <> 'notice_objection')
      FROM eduaid.notice_item i
      JOIN eduaid.notice n ON n.id = i.notice_id
      JOIN eduaid.township t ON t.id = i.township_id
      LEFT JOIN eduaid.audit_log a ON a.township_id = i.township_id AND a.kind = i.kind
                                  AND a.record_id = i.record_id AND a.id = i.audit_id
     WHERE i.record_hash >= v_p AND i.record_hash <= v_p || repeat('f', 64 - length(v_p))
     ORDER BY i.notice_id, i.line_no;
END
$$;

REVOKE ALL ON FUNCTION eduaid.open_notice(text, int, int, date, text, text),
    eduaid.notice_preview(text, int, int), eduaid.record_objection(bigint, text, text, date),
    eduaid.decide_objection(bigint, text, text), eduaid.close_notice(bigint),
    eduaid.notice_verify(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.open_notice(text, int, int, date, text, text),
    eduaid.notice_preview(text, int, int), eduaid.decide_objection(bigint, text, text), eduaid.close_notice(bigint)
    TO eduaid_supervisor;
GRANT EXECUTE ON FUNCTION eduaid.record_objection(bigint, text, text, date)
    TO eduaid_officer, eduaid_supervisor;
GRANT EXECUTE ON FUNCTION eduaid.notice_verify(text)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
