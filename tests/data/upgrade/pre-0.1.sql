-- tests/data/upgrade/pre-0.1.sql: the schema of eduaid's main branch
-- before the SQL re-layout (commit a1b72f7, schema level 22), with its
-- eduaid.schema_version rows (the SHA-256 of the files as they were) and
-- the demo county's reference data (sql/data/reference.sql); the audit
-- rows of that load are left out. tests/db/25_upgrade.t restores it with
-- psql as the cluster superuser (its one superuser-owned function, line
-- "OWNER TO postgres", is given to whoever that is), migrates it with
-- sql/migrate.sh and compares it with a fresh install.
--
-- Made with: the files of a1b72f7 (git archive a1b72f7 sql), migrate.sh
-- on an empty database, psql -f sql/data/reference.sql from sql/data,
--   pg_dump --exclude-table-data=eduaid.audit_log
-- (PostgreSQL 15.18), less pg_dump's comment lines and \restrict lines,
-- and one edit: the CHECK student_disability_grade_check is written as
-- sql/004_records.sql has it. Restoring a dump re-parses a CHECK and
-- flattens its nested ANDs ("a BETWEEN 1 AND 4 AND b" comes back as one
-- three-way AND), so the restored constraint would differ in text, not
-- in meaning, from that of a database the migrations made; functions,
-- triggers, views and policies have such differences too, but
-- migrate.sh replaces those.

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

CREATE SCHEMA eduaid;

ALTER SCHEMA eduaid OWNER TO eduaid_owner;

COMMENT ON SCHEMA eduaid IS 'eduaid: education poverty-alleviation records';

CREATE TYPE eduaid.registry_ref AS (
	kind text,
	key text,
	township_id integer,
	holder bigint,
	col text
);

ALTER TYPE eduaid.registry_ref OWNER TO eduaid_registry_owner;

CREATE TYPE eduaid.roster_difference AS (
	township_id integer,
	township_name text,
	diff_kind text,
	household_no text,
	person_name text,
	id_number text,
	field text,
	roster_value text,
	eduaid_value text
);

ALTER TYPE eduaid.roster_difference OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.apply_create(login text, full_name text, role text, county_id integer, townships integer[], v text, created_by text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM eduaid.check_new_user(login, role);
    PERFORM eduaid.check_user_townships(role, county_id, townships);
    IF v IS NOT NULL THEN
        PERFORM eduaid.require_verifier(v);
    END IF;
    INSERT INTO eduaid.app_user (login, full_name, role, county_id, created_by)
    VALUES (login, full_name, role, county_id, created_by);
    INSERT INTO eduaid.app_user_township (login, township_id)
    SELECT login, t FROM unnest(townships) AS t;
    EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', login, 'eduaid_' || role);
    IF v IS NOT NULL THEN
        PERFORM eduaid.apply_password(login, v);
    END IF;
END
$$;

ALTER FUNCTION eduaid.apply_create(login text, full_name text, role text, county_id integer, townships integer[], v text, created_by text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.apply_enable(login text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    UPDATE eduaid.app_user a SET active = true WHERE a.login = apply_enable.login;
    EXECUTE format('ALTER ROLE %I LOGIN', login);
END
$$;

ALTER FUNCTION eduaid.apply_enable(login text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.apply_password(login text, v text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM eduaid.require_verifier(v);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', login, v);
    UPDATE eduaid.app_user a SET password_set_at = clock_timestamp(), password_set_by = session_user
     WHERE a.login = apply_password.login;
END
$$;

ALTER FUNCTION eduaid.apply_password(login text, v text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.is_blank(t text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (t ~ '^[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*$'::text);

ALTER FUNCTION eduaid.is_blank(t text) OWNER TO eduaid_owner;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE eduaid.app_user (
    login text NOT NULL,
    full_name text NOT NULL,
    role text NOT NULL,
    county_id integer NOT NULL,
    active boolean DEFAULT true NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    password_set_at timestamp with time zone,
    password_set_by text,
    CONSTRAINT app_user_full_name_check CHECK (((NOT eduaid.is_blank(full_name)) AND (char_length(full_name) <= 50))),
    CONSTRAINT app_user_login_check CHECK ((login ~ '^[a-z][a-z0-9_]{1,62}$'::text)),
    CONSTRAINT app_user_role_check CHECK ((role = ANY (ARRAY['clerk'::text, 'officer'::text, 'supervisor'::text, 'admin'::text, 'auditor'::text])))
);

ALTER TABLE eduaid.app_user OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.apply_townships(u eduaid.app_user, townships integer[]) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM eduaid.check_user_townships(u.role, u.county_id, townships);
    DELETE FROM eduaid.app_user_township a WHERE a.login = u.login;
    INSERT INTO eduaid.app_user_township (login, township_id)
    SELECT u.login, t FROM unnest(townships) AS t;
END
$$;

ALTER FUNCTION eduaid.apply_townships(u eduaid.app_user, townships integer[]) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.transition(action text, kind text, record_id bigint, reason text, expected_version integer) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    tbl      text := eduaid.record_table(kind);
    me       text := session_user;
    my_role  text := eduaid.my_role();
    rec      record;
    roles    text[];
    from_st  text[];
    to_st    text;
    actor_col text;
    version  int;
BEGIN
    IF tbl IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    EXECUTE format('SELECT township_id, status, version, created_by, editors, submitted_by, verified_by '
                   'FROM eduaid.%I WHERE id = $1 AND township_id = ANY ($2) FOR UPDATE', tbl)
       INTO rec USING record_id, eduaid.my_townships();
    IF rec IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('%s record %s not found (记录不存在或无权查看)', kind, record_id);
    END IF;
    IF expected_version IS NOT NULL AND rec.version <> expected_version THEN
        RAISE EXCEPTION USING ERRCODE = 'EA007',
            MESSAGE = format('%s record %s was changed by someone else (version %s, you have %s); reload it (记录已被他人修改，请刷新)',
                             kind, record_id, rec.version, expected_version);
    END IF;

    CASE action
    WHEN 'submit' THEN
        roles := '{clerk,officer}'; from_st := '{draft,rejected}'; to_st := 'submitted';
    WHEN 'verify' THEN
        roles := '{officer}'; from_st := '{submitted}'; to_st := 'verified';
    WHEN 'approve' THEN
        roles := '{supervisor}'; from_st := '{verified}'; to_st := 'approved';
    WHEN 'reject' THEN
        roles := '{officer,supervisor}'; to_st := 'rejected';
        from_st := CASE my_role WHEN 'officer' THEN '{submitted}' ELSE '{verified}' END;
    WHEN 'reopen' THEN
        roles := '{clerk,officer}'; from_st := '{approved,final}'; to_st := 'draft';
    END CASE;

    IF my_role IS NULL OR my_role <> ALL (roles) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot %s records (当前角色无此权限)',
                             coalesce(my_role, 'non-eduaid user'), action);
    END IF;
    IF rec.status <> ALL (from_st) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA001',
            MESSAGE = format('cannot %s %s record %s: it is %s (记录当前状态不允许此操作)',
                             action, kind, record_id, rec.status);
    END IF;
    IF action IN ('reject', 'reopen') AND coalesce(eduaid.is_blank(reason), true) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA003',
            MESSAGE = format('a reason is required to %s (必须填写理由)', action);
    END IF;
    IF action IN ('verify', 'approve', 'reject')
       AND (me = rec.created_by OR me = ANY (rec.editors)
            OR (my_role = 'officer' AND me = rec.submitted_by)
            OR (my_role = 'supervisor' AND me = rec.verified_by)) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA002',
            MESSAGE = format('four-eyes rule: you created, edited or verified %s record %s, so you cannot %s it (四眼原则：不能审核本人经手的记录)',
                             kind, record_id, action);
    END IF;

    actor_col := CASE action WHEN 'submit' THEN 'submitted' WHEN 'verify' THEN 'verified'
                             WHEN 'approve' THEN 'approved' WHEN 'reject' THEN 'rejected' END;
    IF actor_col IS NULL THEN
        EXECUTE format('UPDATE eduaid.%I SET status = $1, reason = $2 '
                       'WHERE township_id = $3 AND id = $4 RETURNING version', tbl)
           INTO version USING to_st, eduaid.tidy(reason), rec.township_id, record_id;
    ELSE
        EXECUTE format('UPDATE eduaid.%I SET status = $1, reason = coalesce($2, reason), '
                       '%I = $3, %I = now() WHERE township_id = $4 AND id = $5 RETURNING version',
                       tbl, actor_col || '_by', actor_col || '_at')
           INTO version USING to_st, eduaid.tidy(reason), me, rec.township_id, record_id;
    END IF;
    RETURN version;
END
$_$;

ALTER FUNCTION eduaid.transition(action text, kind text, record_id bigint, reason text, expected_version integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.approve(kind text, id bigint, expected_version integer DEFAULT NULL::integer) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    RETURN eduaid.transition('approve'::text, kind, id, NULL::text, expected_version);

ALTER FUNCTION eduaid.approve(kind text, id bigint, expected_version integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.approve_request(id bigint) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    r eduaid.account_request := eduaid.lock_request_to_decide(id);
    v text;
BEGIN
    -- An admin disabled since asking takes his pending requests with him.
    IF NOT coalesce((SELECT g.rolsuper FROM pg_catalog.pg_roles g WHERE g.rolname = r.requested_by), false)
       AND NOT EXISTS (SELECT FROM eduaid.app_user u
                        WHERE u.login = r.requested_by AND u.role = 'admin' AND u.active
                          AND u.county_id = r.county_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA067',
            MESSAGE = format('%s, who asked, is no longer an active admin of the county: refuse the request '
                             '(申请人已不是本县在职管理员，请拒绝该申请)', r.requested_by);
    END IF;
    SELECT s.verifier INTO v FROM eduaid.account_request_secret s WHERE s.request_id = r.id;
    CASE r.action
    WHEN 'create' THEN
        PERFORM eduaid.apply_create(r.login, r.full_name, r.role, r.county_id, r.townships, v,
                                    r.requested_by);
    WHEN 'password' THEN
        PERFORM eduaid.apply_password((eduaid.lock_user(r.login)).login, v);
    WHEN 'townships' THEN
        PERFORM eduaid.apply_townships(eduaid.lock_user(r.login), r.townships);
    WHEN 'enable' THEN
        PERFORM eduaid.apply_enable((eduaid.lock_user(r.login)).login);
    END CASE;
    DELETE FROM eduaid.account_request_secret s WHERE s.request_id = r.id;
    UPDATE eduaid.account_request q
       SET status = 'approved', decided_by = session_user, decided_at = now()
     WHERE q.id = r.id;
END
$$;

ALTER FUNCTION eduaid.approve_request(id bigint) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN COALESCE((SELECT jsonb_object_agg(k.key, jsonb_build_array((audit_changes.old_row -> k.key), (audit_changes.new_row -> k.key)) ORDER BY k.key) AS jsonb_object_agg FROM (SELECT jsonb_object_keys(COALESCE(audit_changes.old_row, '{}'::jsonb)) AS key UNION SELECT jsonb_object_keys(COALESCE(audit_changes.new_row, '{}'::jsonb)) AS jsonb_object_keys) k WHERE ((k.key <> ALL (ARRAY['version'::text, 'updated_by'::text, 'updated_at'::text, 'editors'::text])) AND (k.key !~ '_masked$'::text) AND (NOT ((audit_changes.action = ANY (ARRAY['submit'::text, 'verify'::text, 'approve'::text, 'reject'::text, 'reopen'::text, 'notice'::text, 'finalize'::text])) AND (k.key = ANY (ARRAY['status'::text, 'reason'::text, 'submitted_by'::text, 'submitted_at'::text, 'verified_by'::text, 'verified_at'::text, 'approved_by'::text, 'approved_at'::text, 'rejected_by'::text, 'rejected_at'::text])))) AND (COALESCE((audit_changes.old_row -> k.key), 'null'::jsonb) <> COALESCE((audit_changes.new_row -> k.key), 'null'::jsonb)))), '{}'::jsonb);

ALTER FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.audit_log_immutable() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'EA006',
        MESSAGE = format('the audit log cannot be changed (%s refused) (审计日志不可修改)', TG_OP);
END
$$;

ALTER FUNCTION eduaid.audit_log_immutable() OWNER TO eduaid_audit_owner;

CREATE FUNCTION eduaid.audit_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    old_j  jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_j  jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    r      jsonb := coalesce(new_j, old_j);
    noise  constant text[] := ARRAY['version', 'updated_by', 'updated_at', 'editors'];
    action text := lower(TG_OP);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (old_j - noise) = (new_j - noise) THEN
            RETURN NULL;
        END IF;
        action := CASE
            WHEN old_j ->> 'status' IS NOT DISTINCT FROM new_j ->> 'status' THEN 'update'
            WHEN new_j ->> 'status' = 'submitted' THEN 'submit'
            WHEN new_j ->> 'status' = 'verified' THEN 'verify'
            WHEN new_j ->> 'status' = 'approved' THEN 'approve'
            WHEN new_j ->> 'status' = 'rejected' THEN 'reject'
            WHEN new_j ->> 'status' = 'draft' THEN 'reopen'
            WHEN new_j ->> 'status' = 'in_notice' THEN 'notice'
            WHEN new_j ->> 'status' = 'final' THEN 'finalize'
        END;
    END IF;
    INSERT INTO eduaid.audit_log (kind, table_name, record_id, row_id, record_key,
                                  township_id, action, reason, old_row, new_row)
    VALUES (CASE WHEN TG_TABLE_NAME = 'notice_objection' THEN r ->> 'kind' ELSE TG_ARGV[0] END,
            TG_TABLE_NAME,
            CASE WHEN TG_TABLE_NAME IN ('student', 'student_subsidy') THEN r ->> 'household_id'
                 WHEN TG_TABLE_NAME = 'notice_objection' THEN r ->> 'record_id'
                 ELSE r ->> 'id' END::bigint,
            (r ->> 'id')::bigint, r ->> 'login',
            CASE WHEN TG_ARGV[0] NOT IN ('user', 'reference') THEN (r ->> 'township_id')::int END,
            action,
            CASE WHEN action IN ('reject', 'reopen') THEN new_j ->> 'reason' END,
            old_j, new_j);
    RETURN NULL;
END
$$;

ALTER FUNCTION eduaid.audit_row() OWNER TO eduaid_audit_owner;

CREATE FUNCTION eduaid.check_new_user(login text, role text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
BEGIN
    IF role IS NULL OR role NOT IN ('clerk', 'officer', 'supervisor', 'admin', 'auditor') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = format('unknown role "%s" (未知角色)', role),
            HINT = 'clerk, officer, supervisor, admin or auditor';
    END IF;
    IF login IS NULL OR login !~ '^[a-z][a-z0-9_]{1,62}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = format('login "%s" must be 2-63 lower-case letters, digits or _ (登录名格式错误)', login);
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname = check_new_user.login) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = format('login "%s" is taken (登录名已存在)', login);
    END IF;
END
$_$;

ALTER FUNCTION eduaid.check_new_user(login text, role text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.check_not_pending(action text, login text) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    pending bigint;
BEGIN
    SELECT r.id INTO pending FROM eduaid.account_request r
     WHERE r.status = 'pending' AND r.action = check_not_pending.action
       AND r.login = check_not_pending.login;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA065',
            MESSAGE = format('request %s (%s of "%s") is already pending (已有待审批的同类申请)',
                             pending, action, login);
    END IF;
END
$$;

ALTER FUNCTION eduaid.check_not_pending(action text, login text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.check_user_townships(role text, county_id integer, townships integer[]) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    n int := coalesce(cardinality(townships), 0);
BEGIN
    IF (role = 'clerk' AND n < 1) OR (role = 'officer' AND n <> 1)
       OR (role NOT IN ('clerk', 'officer') AND n <> 0) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = format('a %s needs %s, not %s township(s) (乡镇分配与角色不符)', role,
                             CASE role WHEN 'clerk' THEN 'one or more'
                                       WHEN 'officer' THEN 'exactly one' ELSE 'no' END, n);
    END IF;
    IF EXISTS (SELECT FROM unnest(townships) AS t(id)
                WHERE NOT EXISTS (SELECT FROM eduaid.township w
                                   WHERE w.id = t.id AND w.county_id = check_user_townships.county_id))
    THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = format('townships %s are not all in county %s (乡镇不属于该县)', townships, county_id);
    END IF;
END
$$;

ALTER FUNCTION eduaid.check_user_townships(role text, county_id integer, townships integer[]) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.close_notice(p_notice bigint) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
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
$_$;

ALTER FUNCTION eduaid.close_notice(p_notice bigint) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.create_user(login text, full_name text, role text, county_id integer, townships integer[] DEFAULT '{}'::integer[], password text DEFAULT NULL::text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM eduaid.require_superuser();
    PERFORM eduaid.apply_create(login, full_name, role, county_id, townships, password, session_user);
END
$$;

ALTER FUNCTION eduaid.create_user(login text, full_name text, role text, county_id integer, townships integer[], password text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.days_in_month(y integer, m integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN (m = ANY (ARRAY[1, 3, 5, 7, 8, 10, 12])) THEN 31 WHEN (m = ANY (ARRAY[4, 6, 9, 11])) THEN 30 WHEN ((m = 2) AND (((y % 4) = 0) AND (((y % 100) <> 0) OR ((y % 400) = 0)))) THEN 29 WHEN (m = 2) THEN 28 ELSE NULL::integer END;

ALTER FUNCTION eduaid.days_in_month(y integer, m integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.decide_objection(p_objection bigint, p_decision text, p_note text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
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
$_$;

ALTER FUNCTION eduaid.decide_objection(p_objection bigint, p_decision text, p_note text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.delete_draft(p_kind text, p_id bigint, p_version integer) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_table   constant text := eduaid.record_table(p_kind);
    v_version int;
BEGIN
    IF coalesce(eduaid.my_role(), '') NOT IN ('clerk', 'officer') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not delete records (无权删除记录)', session_user);
    END IF;
    IF v_table IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    EXECUTE format('SELECT r.version FROM eduaid.%I r WHERE r.id = $1', v_table)
       INTO v_version USING p_id;
    IF v_version IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA080',
            MESSAGE = format('%s record %s not found in your townships (在您负责的乡镇中找不到该记录)',
                             p_kind, p_id);
    END IF;
    IF p_version IS NULL OR v_version <> p_version THEN
        RAISE EXCEPTION USING ERRCODE = 'EA007',
            MESSAGE = format('%s record %s was changed by someone else (you have version %s); reload it (记录已被他人修改，请重新载入)',
                             p_kind, p_id, p_version);
    END IF;
    EXECUTE format('DELETE FROM eduaid.%I r WHERE r.id = $1 AND r.version = $2', v_table)
      USING p_id, p_version;
END
$_$;

ALTER FUNCTION eduaid.delete_draft(p_kind text, p_id bigint, p_version integer) OWNER TO eduaid_remover;

COMMENT ON FUNCTION eduaid.delete_draft(p_kind text, p_id bigint, p_version integer) IS 'eduaid: delete a never-approved draft of the caller''s townships (record_guard applies as the caller)';

CREATE FUNCTION eduaid.delete_member(p_table text, p_household_id bigint, p_id bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    n bigint;
BEGIN
    IF coalesce(eduaid.my_role(), '') NOT IN ('clerk', 'officer') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not delete records (无权删除记录)', session_user);
    END IF;
    IF p_table IS NULL OR p_table NOT IN ('student', 'student_subsidy') THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('"%s" is not a member table (不是成员表)', p_table),
            HINT = 'student or student_subsidy';
    END IF;
    EXECUTE format('DELETE FROM eduaid.%I m WHERE m.id = $1 AND m.household_id = $2', p_table)
      USING p_id, p_household_id;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n > 0;
END
$_$;

ALTER FUNCTION eduaid.delete_member(p_table text, p_household_id bigint, p_id bigint) OWNER TO eduaid_remover;

COMMENT ON FUNCTION eduaid.delete_member(p_table text, p_household_id bigint, p_id bigint) IS 'eduaid: delete a member row of a household of the caller''s townships (an edit of the household)';

CREATE FUNCTION eduaid.disable_user(login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    u eduaid.app_user;
BEGIN
    u := eduaid.lock_user(login);
    PERFORM eduaid.require_admin(u.county_id);
    IF u.login = session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = 'you cannot disable yourself (不能停用自己的账号)';
    END IF;
    UPDATE eduaid.app_user a SET active = false WHERE a.login = u.login;
    EXECUTE format('ALTER ROLE %I NOLOGIN', u.login);
END
$$;

ALTER FUNCTION eduaid.disable_user(login text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.dropout_case_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT eduaid.trusted_writer() THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = 'dropout cases are opened by eduaid.dropout_open() (请通过台账功能登记)';
        END IF;
        IF NEW.state <> 'suspected' OR NEW.confirmed_on IS NOT NULL OR NEW.returned_on IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = 'a dropout case starts as suspected (新登记的辍学个案只能是疑似)';
        END IF;
    ELSE
        IF NOT eduaid.trusted_writer() THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = 'dropout cases change only through eduaid.dropout_confirm() and eduaid.dropout_return() (请通过台账功能操作)';
        END IF;
        IF NEW.student_id <> OLD.student_id OR NEW.household_id <> OLD.household_id
           OR NEW.opened_on <> OLD.opened_on THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = format('dropout case %s: child and opening date cannot change (个案的儿童和登记日期不可修改)', OLD.id);
        END IF;
        IF OLD.state = 'returned'
           OR (OLD.state = 'confirmed' AND NEW.state = 'suspected')
           OR (OLD.state = 'confirmed' AND NEW.confirmed_on IS DISTINCT FROM OLD.confirmed_on) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA021',
                MESSAGE = format('dropout case %s is %s: it cannot become %s (个案状态只能向前推进)',
                                 OLD.id, OLD.state, NEW.state);
        END IF;
    END IF;
    IF NEW.opened_on > current_date THEN
        PERFORM eduaid.ledger_date_error('dropout_case_opened_on_check',
            'the case cannot be opened on a future date (登记日期不能晚于今天)');
    END IF;
    IF NEW.confirmed_on > current_date THEN
        PERFORM eduaid.ledger_date_error('dropout_case_confirmed_on_check',
            'the confirmation date cannot be in the future (确认日期不能晚于今天)');
    END IF;
    IF NEW.confirmed_on < NEW.opened_on THEN
        PERFORM eduaid.ledger_date_error('dropout_case_confirmed_on_check',
            format('the confirmation date cannot be before the case was opened (%s) (确认日期不能早于登记日期)',
                   NEW.opened_on));
    END IF;
    IF NEW.returned_on > current_date THEN
        PERFORM eduaid.ledger_date_error('dropout_case_returned_on_check',
            'the date back in school cannot be in the future (返校日期不能晚于今天)');
    END IF;
    IF NEW.returned_on < coalesce(NEW.confirmed_on, NEW.opened_on) THEN
        PERFORM eduaid.ledger_date_error('dropout_case_returned_on_check',
            format('the date back in school cannot be before %s (返校日期不能早于登记或确认日期)',
                   coalesce(NEW.confirmed_on, NEW.opened_on)));
    END IF;
    RETURN NEW;
END
$$;

ALTER FUNCTION eduaid.dropout_case_guard() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.dropout_confirm(p_student bigint, p_confirmed_on date DEFAULT CURRENT_DATE) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    c eduaid.dropout_case;
BEGIN
    PERFORM eduaid.ledger_writer_check();
    PERFORM eduaid.ledger_child(p_student);
    IF p_confirmed_on IS NULL THEN
        PERFORM eduaid.ledger_date_error('dropout_case_confirmed_on_check',
            'the confirmation date is required (请填写确认日期)');
    END IF;
    c := eduaid.ledger_open_case(p_student);
    IF c.id IS NULL THEN
        PERFORM eduaid.dropout_open(p_student, p_confirmed_on, NULL);
        c := eduaid.ledger_open_case(p_student);
    END IF;
    IF c.state <> 'suspected' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA021',
            MESSAGE = format('dropout case %s is already %s (个案已确认)', c.id, c.state);
    END IF;
    UPDATE eduaid.dropout_case d
       SET state = 'confirmed', confirmed_on = p_confirmed_on, confirmed_by = session_user
     WHERE d.township_id = c.township_id AND d.id = c.id;
    RETURN c.id;
END
$$;

ALTER FUNCTION eduaid.dropout_confirm(p_student bigint, p_confirmed_on date) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.id_birth_date(n text) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN ((n ~ '^[0-9]{14}'::text) AND ((substr(n, 7, 4))::integer >= 1900) AND (((substr(n, 11, 2))::integer >= 1) AND ((substr(n, 11, 2))::integer <= 12)) AND (((substr(n, 13, 2))::integer >= 1) AND ((substr(n, 13, 2))::integer <= eduaid.days_in_month((substr(n, 7, 4))::integer, (substr(n, 11, 2))::integer)))) THEN make_date((substr(n, 7, 4))::integer, (substr(n, 11, 2))::integer, (substr(n, 13, 2))::integer) ELSE NULL::date END;

ALTER FUNCTION eduaid.id_birth_date(n text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.id_number_valid(n text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN (n IS NULL) THEN NULL::boolean WHEN (n !~ '^[1-8][0-9]{16}[0-9X]$'::text) THEN false WHEN (((substr(n, 7, 4))::integer < 1900) OR (((substr(n, 11, 2))::integer < 1) OR ((substr(n, 11, 2))::integer > 12)) OR (((substr(n, 13, 2))::integer < 1) OR ((substr(n, 13, 2))::integer > CASE WHEN ((substr(n, 11, 2))::integer = ANY (ARRAY[1, 3, 5, 7, 8, 10, 12])) THEN 31 WHEN ((substr(n, 11, 2))::integer = ANY (ARRAY[4, 6, 9, 11])) THEN 30 WHEN ((((substr(n, 7, 4))::integer % 4) = 0) AND ((((substr(n, 7, 4))::integer % 100) <> 0) OR (((substr(n, 7, 4))::integer % 400) = 0))) THEN 29 ELSE 28 END))) THEN false ELSE ((make_date((substr(n, 7, 4))::integer, (substr(n, 11, 2))::integer, (substr(n, 13, 2))::integer) <= CURRENT_DATE) AND ("right"(n, 1) = substr('10X98765432'::text, ((((((((((((((((((((substr(n, 1, 1))::integer * 7) + ((substr(n, 2, 1))::integer * 9)) + ((substr(n, 3, 1))::integer * 10)) + ((substr(n, 4, 1))::integer * 5)) + ((substr(n, 5, 1))::integer * 8)) + ((substr(n, 6, 1))::integer * 4)) + ((substr(n, 7, 1))::integer * 2)) + ((substr(n, 8, 1))::integer * 1)) + ((substr(n, 9, 1))::integer * 6)) + ((substr(n, 10, 1))::integer * 3)) + ((substr(n, 11, 1))::integer * 7)) + ((substr(n, 12, 1))::integer * 9)) + ((substr(n, 13, 1))::integer * 10)) + ((substr(n, 14, 1))::integer * 5)) + ((substr(n, 15, 1))::integer * 8)) + ((substr(n, 16, 1))::integer * 4)) + ((substr(n, 17, 1))::integer * 2)) % 11) + 1), 1))) END;

ALTER FUNCTION eduaid.id_number_valid(n text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.id_sex(n text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN (substr(n, 17, 1) ~ '^[0-9]$'::text) THEN CASE WHEN (((substr(n, 17, 1))::integer % 2) = 1) THEN 'M'::text ELSE 'F'::text END ELSE NULL::text END;

ALTER FUNCTION eduaid.id_sex(n text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.mask_date(d date) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (lpad(((EXTRACT(year FROM d))::integer)::text, 4, '0'::text) || '-**-**'::text);

ALTER FUNCTION eduaid.mask_date(d date) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.mask_id_number(n text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN (length(n) = 18) THEN (("left"(n, 6) || '********'::text) || "right"(n, 4)) ELSE (repeat('*'::text, GREATEST((length(n) - 4), 0)) || "right"(n, 4)) END;

ALTER FUNCTION eduaid.mask_id_number(n text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.my_townships() RETURNS integer[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_role   text;
    v_county int;
BEGIN
    SELECT u.role, u.county_id INTO v_role, v_county
      FROM eduaid.app_user u
     WHERE u.login = session_user AND u.active;
    IF v_role IN ('supervisor', 'auditor') THEN
        RETURN (SELECT array_agg(t.id ORDER BY t.id) FROM eduaid.township t
                 WHERE t.county_id = v_county);
    ELSIF v_role IN ('clerk', 'officer') THEN
        RETURN (SELECT array_agg(a.township_id ORDER BY a.township_id)
                  FROM eduaid.app_user_township a WHERE a.login = session_user);
    END IF;
    RETURN NULL;
END
$$;

ALTER FUNCTION eduaid.my_townships() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.school_entry_year(birth date) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (((EXTRACT(year FROM birth))::integer + 6) + CASE WHEN (((EXTRACT(month FROM birth) * (100)::numeric) + EXTRACT(day FROM birth)) > (901)::numeric) THEN 1 ELSE 0 END);

ALTER FUNCTION eduaid.school_entry_year(birth date) OWNER TO eduaid_owner;

CREATE TABLE eduaid.dropout_case (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    household_id bigint NOT NULL,
    student_id bigint NOT NULL,
    state text DEFAULT 'suspected'::text NOT NULL,
    opened_on date NOT NULL,
    notes text,
    confirmed_on date,
    confirmed_by text,
    returned_on date,
    returned_school_id integer,
    returned_by text,
    CONSTRAINT dropout_case_confirmed_on_check CHECK ((
CASE state
    WHEN 'suspected'::text THEN (confirmed_on IS NULL)
    WHEN 'confirmed'::text THEN (confirmed_on IS NOT NULL)
    ELSE true
END AND (confirmed_on >= opened_on))),
    CONSTRAINT dropout_case_notes_check CHECK ((char_length(notes) <= 2000)),
    CONSTRAINT dropout_case_opened_on_check CHECK ((opened_on >= '2014-01-01'::date)),
    CONSTRAINT dropout_case_returned_on_check CHECK ((((returned_on IS NOT NULL) = (state = 'returned'::text)) AND (returned_on >= COALESCE(confirmed_on, opened_on)))),
    CONSTRAINT dropout_case_returned_school_id_check CHECK (((returned_school_id IS NOT NULL) = (state = 'returned'::text))),
    CONSTRAINT dropout_case_state_check CHECK ((state = ANY (ARRAY['suspected'::text, 'confirmed'::text, 'returned'::text])))
);
ALTER TABLE ONLY eduaid.dropout_case ALTER COLUMN notes SET STATISTICS 0;

ALTER TABLE ONLY eduaid.dropout_case FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.dropout_case OWNER TO eduaid_owner;

CREATE TABLE eduaid.student (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    household_id bigint NOT NULL,
    name text NOT NULL,
    id_number text NOT NULL,
    id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(id_number)) STORED,
    sex text NOT NULL,
    birth_date date NOT NULL,
    birth_date_masked text GENERATED ALWAYS AS (eduaid.mask_date(birth_date)) STORED,
    relation text DEFAULT 'child'::text NOT NULL,
    stage text NOT NULL,
    school_id integer,
    grade integer,
    boarding boolean DEFAULT false NOT NULL,
    schooling_status text DEFAULT 'enrolled'::text NOT NULL,
    disability_type text,
    disability_grade integer,
    left_behind boolean DEFAULT false NOT NULL,
    migrant boolean DEFAULT false NOT NULL,
    nutrition_meal boolean DEFAULT false NOT NULL,
    CONSTRAINT student_birth_date_check CHECK ((birth_date = eduaid.id_birth_date(id_number))),
    CONSTRAINT student_boarding_check CHECK (((NOT boarding) OR (stage <> 'none'::text))),
    CONSTRAINT student_disability_grade_check CHECK (disability_grade IS NULL OR (disability_grade BETWEEN 1 AND 4 AND disability_type IS NOT NULL)),
    CONSTRAINT student_disability_type_check CHECK ((disability_type = ANY (ARRAY['visual'::text, 'hearing'::text, 'speech'::text, 'physical'::text, 'intellectual'::text, 'mental'::text, 'multiple'::text]))),
    CONSTRAINT student_grade_check CHECK (((grade >= 1) AND (grade <= 12))),
    CONSTRAINT student_id_number_check CHECK (eduaid.id_number_valid(id_number)),
    CONSTRAINT student_name_check CHECK (((NOT eduaid.is_blank(name)) AND (char_length(name) <= 50))),
    CONSTRAINT student_relation_check CHECK ((relation = ANY (ARRAY['child'::text, 'grandchild'::text, 'sibling'::text, 'self'::text, 'other'::text]))),
    CONSTRAINT student_school_id_check CHECK (((stage = 'none'::text) OR (school_id IS NOT NULL))),
    CONSTRAINT student_schooling_status_check CHECK ((schooling_status = ANY (ARRAY['enrolled'::text, 'dropped_out'::text, 'suspended'::text, 'not_enrolled'::text]))),
    CONSTRAINT student_sex_check CHECK (((sex = ANY (ARRAY['M'::text, 'F'::text])) AND (sex = eduaid.id_sex(id_number)))),
    CONSTRAINT student_stage_check CHECK ((stage = ANY (ARRAY['preschool'::text, 'primary'::text, 'junior'::text, 'senior_high'::text, 'secondary_vocational'::text, 'college'::text, 'none'::text])))
);
ALTER TABLE ONLY eduaid.student ALTER COLUMN name SET STATISTICS 0;
ALTER TABLE ONLY eduaid.student ALTER COLUMN id_number SET STATISTICS 0;
ALTER TABLE ONLY eduaid.student ALTER COLUMN id_number_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.student ALTER COLUMN birth_date SET STATISTICS 0;
ALTER TABLE ONLY eduaid.student ALTER COLUMN birth_date_masked SET STATISTICS 0;

ALTER TABLE ONLY eduaid.student FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.student OWNER TO eduaid_owner;

CREATE VIEW eduaid.student_school_age WITH (security_barrier='true') AS
 SELECT s.township_id,
    s.household_id,
    s.id AS student_id,
    eduaid.school_entry_year(s.birth_date) AS entry_year,
    s.schooling_status,
    s.updated_at
   FROM eduaid.student s
  WHERE (s.township_id = ANY (( SELECT eduaid.my_townships() AS my_townships)::integer[]));

ALTER TABLE eduaid.student_school_age OWNER TO eduaid_owner;

COMMENT ON VIEW eduaid.student_school_age IS 'eduaid: members of the caller''s townships with the school year in which each turns six on Sept. 1';

CREATE FUNCTION eduaid.dropout_flagged(school_year integer) RETURNS TABLE(township_id integer, household_id bigint, student_id bigint, age integer, case_id bigint, standing text)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 SELECT a.township_id,
     a.household_id,
     a.student_id,
     ((dropout_flagged.school_year - a.entry_year) + 6),
     oc.id,
     oc.state
    FROM (eduaid.dropout_case oc
      CROSS JOIN LATERAL ( SELECT v.township_id,
             v.household_id,
             v.student_id,
             v.entry_year,
             v.schooling_status,
             v.updated_at
            FROM eduaid.student_school_age v
           WHERE ((v.township_id = oc.township_id) AND (v.student_id = oc.student_id))
          OFFSET 0) a)
   WHERE ((oc.state <> 'returned'::text) AND ((a.entry_year >= (dropout_flagged.school_year - 9)) AND (a.entry_year <= dropout_flagged.school_year)))
 UNION ALL
  SELECT a.township_id,
     a.household_id,
     a.student_id,
     ((dropout_flagged.school_year - a.entry_year) + 6),
     NULL::bigint,
     'suspected'::text
    FROM eduaid.student_school_age a
   WHERE ((a.schooling_status <> 'enrolled'::text) AND ((a.entry_year >= (dropout_flagged.school_year - 9)) AND (a.entry_year <= dropout_flagged.school_year)) AND (NOT (EXISTS ( SELECT
            FROM eduaid.dropout_case d
           WHERE ((d.township_id = a.township_id) AND (d.student_id = a.student_id) AND ((d.state <> 'returned'::text) OR (d.updated_at >= a.updated_at)))))));
END;

ALTER FUNCTION eduaid.dropout_flagged(school_year integer) OWNER TO eduaid_owner;

CREATE TABLE eduaid.dropout_visit (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    case_id bigint NOT NULL,
    visit_date date NOT NULL,
    visitor text NOT NULL,
    outcome text NOT NULL,
    notes text,
    CONSTRAINT dropout_visit_notes_check CHECK ((char_length(notes) <= 2000)),
    CONSTRAINT dropout_visit_outcome_check CHECK ((outcome = ANY (ARRAY['will_return'::text, 'returned'::text, 'refused'::text, 'not_met'::text, 'other'::text]))),
    CONSTRAINT dropout_visit_visitor_check CHECK (((NOT eduaid.is_blank(visitor)) AND (char_length(visitor) <= 100)))
);
ALTER TABLE ONLY eduaid.dropout_visit ALTER COLUMN visitor SET STATISTICS 0;
ALTER TABLE ONLY eduaid.dropout_visit ALTER COLUMN outcome SET STATISTICS 0;
ALTER TABLE ONLY eduaid.dropout_visit ALTER COLUMN notes SET STATISTICS 0;

ALTER TABLE ONLY eduaid.dropout_visit FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.dropout_visit OWNER TO eduaid_owner;

CREATE TABLE eduaid.household (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    client_uuid uuid,
    status text DEFAULT 'draft'::text NOT NULL,
    reason text,
    editors text[] DEFAULT ARRAY[(SESSION_USER)::text] NOT NULL,
    submitted_by text,
    submitted_at timestamp with time zone,
    verified_by text,
    verified_at timestamp with time zone,
    approved_by text,
    approved_at timestamp with time zone,
    rejected_by text,
    rejected_at timestamp with time zone,
    household_no text NOT NULL,
    village_id bigint NOT NULL,
    head_name text NOT NULL,
    head_id_number text NOT NULL,
    head_id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(head_id_number)) STORED,
    phone text,
    address text,
    poverty_status text DEFAULT 'poor'::text NOT NULL,
    registered_year integer NOT NULL,
    family_size integer NOT NULL,
    notes text,
    CONSTRAINT household_address_check CHECK ((char_length(address) <= 200)),
    CONSTRAINT household_family_size_check CHECK (((family_size >= 1) AND (family_size <= 30))),
    CONSTRAINT household_head_id_number_check CHECK (eduaid.id_number_valid(head_id_number)),
    CONSTRAINT household_head_name_check CHECK (((NOT eduaid.is_blank(head_name)) AND (char_length(head_name) <= 50))),
    CONSTRAINT household_household_no_check CHECK ((household_no ~ '^[0-9A-Z-]{6,30}$'::text)),
    CONSTRAINT household_notes_check CHECK ((char_length(notes) <= 2000)),
    CONSTRAINT household_phone_check CHECK ((phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'::text)),
    CONSTRAINT household_poverty_status_check CHECK ((poverty_status = ANY (ARRAY['poor'::text, 'lifted'::text, 'monitored'::text]))),
    CONSTRAINT household_registered_year_check CHECK (((registered_year >= 2014) AND (registered_year <= 2035))),
    CONSTRAINT record_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'verified'::text, 'approved'::text, 'rejected'::text, 'in_notice'::text, 'final'::text])))
);
ALTER TABLE ONLY eduaid.household ALTER COLUMN reason SET STATISTICS 0;
ALTER TABLE ONLY eduaid.household ALTER COLUMN household_no SET STATISTICS 0;
ALTER TABLE ONLY eduaid.household ALTER COLUMN head_name SET STATISTICS 0;
ALTER TABLE ONLY eduaid.household ALTER COLUMN head_id_number SET STATISTICS 0;
ALTER TABLE ONLY eduaid.household ALTER COLUMN head_id_number_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.household ALTER COLUMN phone SET STATISTICS 0;
ALTER TABLE ONLY eduaid.household ALTER COLUMN address SET STATISTICS 0;
ALTER TABLE ONLY eduaid.household ALTER COLUMN notes SET STATISTICS 0;

ALTER TABLE ONLY eduaid.household FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.household OWNER TO eduaid_owner;

CREATE TABLE eduaid.school (
    id integer NOT NULL,
    township_id integer NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    nutrition_pilot boolean DEFAULT false NOT NULL,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT school_kind_check CHECK ((kind = ANY (ARRAY['kindergarten'::text, 'primary'::text, 'junior'::text, 'nine_year'::text, 'senior_high'::text, 'vocational'::text, 'special'::text, 'college'::text]))),
    CONSTRAINT school_name_check CHECK ((NOT eduaid.is_blank(name)))
);

ALTER TABLE eduaid.school OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.dropout_ledger(school_year integer, ledger text, p_limit integer DEFAULT NULL::integer) RETURNS TABLE(township_id integer, student_id bigint, household_no text, name text, id_number_masked text, age integer, stage text, schooling_status text, case_id bigint, state text, opened_on date, confirmed_on date, returned_on date, returned_school text, visits bigint, last_visit date)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 WITH rows AS (
          SELECT a.township_id,
             a.household_id,
             a.student_id,
             ((dropout_ledger.school_year - a.entry_year) + 6) AS age,
             NULL::bigint AS case_id
            FROM eduaid.student_school_age a
           WHERE ((dropout_ledger.ledger = 'school_age'::text) AND ((a.entry_year >= (dropout_ledger.school_year - 9)) AND (a.entry_year <= dropout_ledger.school_year)))
         UNION ALL
          SELECT f.township_id,
             f.household_id,
             f.student_id,
             f.age,
             f.case_id
            FROM eduaid.dropout_flagged(dropout_ledger.school_year) f(township_id, household_id, student_id, age, case_id, standing)
           WHERE ((dropout_ledger.ledger = ANY (ARRAY['suspected'::text, 'confirmed'::text])) AND (f.standing = dropout_ledger.ledger))
         UNION ALL
          SELECT d_1.township_id,
             d_1.household_id,
             d_1.student_id,
             ( SELECT ((dropout_ledger.school_year - a.entry_year) + 6)
                    FROM eduaid.student_school_age a
                   WHERE ((a.township_id = d_1.township_id) AND (a.student_id = d_1.student_id))),
             d_1.id
            FROM eduaid.dropout_case d_1
           WHERE ((dropout_ledger.ledger = 'returned'::text) AND (d_1.state = 'returned'::text) AND ((d_1.returned_on >= make_date(dropout_ledger.school_year, 9, 1)) AND (d_1.returned_on <= make_date((dropout_ledger.school_year + 1), 8, 31))))
         ), page AS (
          SELECT r_1.township_id,
             r_1.household_id,
             r_1.student_id,
             r_1.age,
             r_1.case_id
            FROM rows r_1
           ORDER BY r_1.township_id, r_1.household_id, r_1.student_id, r_1.case_id
          LIMIT dropout_ledger.p_limit
         )
  SELECT r.township_id,
     r.student_id,
     h.household_no,
     s.name,
     s.id_number_masked,
     r.age,
     s.stage,
     s.schooling_status,
     d.id,
     d.state,
     d.opened_on,
     d.confirmed_on,
     d.returned_on,
     sc.name,
     ( SELECT count(*) AS count
            FROM eduaid.dropout_visit v
           WHERE ((v.township_id = d.township_id) AND (v.case_id = d.id))) AS count,
     ( SELECT max(v.visit_date) AS max
            FROM eduaid.dropout_visit v
           WHERE ((v.township_id = d.township_id) AND (v.case_id = d.id))) AS max
    FROM ((((page r
      JOIN eduaid.student s ON (((s.township_id = r.township_id) AND (s.id = r.student_id))))
      JOIN eduaid.household h ON (((h.township_id = r.township_id) AND (h.id = r.household_id))))
      LEFT JOIN eduaid.dropout_case d ON (((d.township_id = r.township_id) AND (d.id = COALESCE(r.case_id, ( SELECT oc.id
            FROM eduaid.dropout_case oc
           WHERE ((oc.township_id = r.township_id) AND (oc.student_id = r.student_id) AND (oc.state <> 'returned'::text))))))))
      LEFT JOIN eduaid.school sc ON ((sc.id = d.returned_school_id)))
   ORDER BY r.township_id, r.household_id, r.student_id, r.case_id;
END;

ALTER FUNCTION eduaid.dropout_ledger(school_year integer, ledger text, p_limit integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.dropout_open(p_student bigint, p_opened_on date DEFAULT CURRENT_DATE, p_notes text DEFAULT NULL::text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    s      eduaid.student;
    new_id bigint;
BEGIN
    PERFORM eduaid.ledger_writer_check();
    s := eduaid.ledger_child(p_student);
    IF p_opened_on IS NULL THEN
        PERFORM eduaid.ledger_date_error('dropout_case_opened_on_check',
            'the date the case is opened is required (请填写登记日期)');
    END IF;
    IF (eduaid.ledger_open_case(p_student)).id IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA021', CONSTRAINT = 'dropout_case_student_open_key',
            MESSAGE = format('child %s already has an open dropout case (该生已有未结案的辍学个案)', p_student);
    END IF;
    IF eduaid.school_entry_year(s.birth_date) NOT BETWEEN eduaid.school_year_of(p_opened_on) - 9
                                                      AND eduaid.school_year_of(p_opened_on) THEN
        PERFORM eduaid.ledger_date_error('dropout_case_opened_on_check',
            'the child is not of school age (6-15 on September 1) in that school year (该生在该学年不在义务教育年龄段)');
    END IF;
    INSERT INTO eduaid.dropout_case (township_id, household_id, student_id, opened_on, notes)
    VALUES (s.township_id, s.household_id, s.id, p_opened_on, eduaid.tidy(p_notes))
    RETURNING id INTO new_id;
    RETURN new_id;
END
$$;

ALTER FUNCTION eduaid.dropout_open(p_student bigint, p_opened_on date, p_notes text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.dropout_return(p_student bigint, p_returned_on date, p_school_id integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    c eduaid.dropout_case;
BEGIN
    PERFORM eduaid.ledger_writer_check();
    PERFORM eduaid.ledger_child(p_student);
    c := eduaid.ledger_open_case(p_student);
    IF c.id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA021',
            MESSAGE = format('child %s has no open dropout case (该生没有未结案的辍学个案)', p_student);
    END IF;
    IF p_returned_on IS NULL THEN
        PERFORM eduaid.ledger_date_error('dropout_case_returned_on_check',
            'the date back in school is required (请填写返校日期)');
    END IF;
    IF p_school_id IS NULL OR NOT EXISTS (SELECT FROM eduaid.school sc
                                           WHERE sc.id = p_school_id AND sc.active) THEN
        PERFORM eduaid.ledger_date_error('dropout_case_returned_school_id_check',
            'the school the child is back in is required (请选择返回的学校)');
    END IF;
    UPDATE eduaid.dropout_case d
       SET state = 'returned', returned_on = p_returned_on, returned_school_id = p_school_id,
           returned_by = session_user
     WHERE d.township_id = c.township_id AND d.id = c.id;
    RETURN c.id;
END
$$;

ALTER FUNCTION eduaid.dropout_return(p_student bigint, p_returned_on date, p_school_id integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.dropout_visit(p_student bigint, p_visit_date date, p_visitor text, p_outcome text, p_notes text DEFAULT NULL::text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    s      eduaid.student;
    c      eduaid.dropout_case;
    new_id bigint;
BEGIN
    PERFORM eduaid.ledger_writer_check();
    s := eduaid.ledger_child(p_student);
    IF p_visit_date IS NULL THEN
        PERFORM eduaid.ledger_date_error('dropout_visit_visit_date_check',
            'the visit date is required (请填写走访日期)');
    END IF;
    c := eduaid.ledger_open_case(p_student);
    IF c.id IS NULL THEN
        PERFORM eduaid.dropout_open(p_student, p_visit_date, NULL);
        c := eduaid.ledger_open_case(p_student);
    END IF;
    INSERT INTO eduaid.dropout_visit (township_id, case_id, visit_date, visitor, outcome, notes)
    VALUES (c.township_id, c.id, p_visit_date, eduaid.tidy(p_visitor), p_outcome,
            eduaid.tidy(p_notes))
    RETURNING id INTO new_id;
    RETURN new_id;
END
$$;

ALTER FUNCTION eduaid.dropout_visit(p_student bigint, p_visit_date date, p_visitor text, p_outcome text, p_notes text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.dropout_visit_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    c record;
BEGIN
    IF NOT eduaid.trusted_writer() THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = 'visits are recorded by eduaid.dropout_visit() (请通过台账功能登记走访)';
    END IF;
    SELECT d.opened_on, d.returned_on INTO c FROM eduaid.dropout_case d
     WHERE d.township_id = NEW.township_id AND d.id = NEW.case_id;
    IF NEW.visit_date > current_date THEN
        PERFORM eduaid.ledger_date_error('dropout_visit_visit_date_check',
            'the visit date cannot be in the future (走访日期不能晚于今天)');
    END IF;
    IF NEW.visit_date < c.opened_on THEN
        PERFORM eduaid.ledger_date_error('dropout_visit_visit_date_check',
            format('the visit date cannot be before the case was opened (%s) (走访日期不能早于登记日期)',
                   c.opened_on));
    END IF;
    IF NEW.visit_date > c.returned_on THEN
        PERFORM eduaid.ledger_date_error('dropout_visit_visit_date_check',
            format('the child was back in school on %s (该生已于%s返校)', c.returned_on, c.returned_on));
    END IF;
    RETURN NEW;
END
$$;

ALTER FUNCTION eduaid.dropout_visit_guard() OWNER TO eduaid_owner;

CREATE VIEW eduaid.user_directory WITH (security_barrier='true') AS
 SELECT u.login,
    u.full_name,
    u.county_id
   FROM eduaid.app_user u
  WHERE (u.county_id = ( SELECT me.county_id
           FROM eduaid.app_user me
          WHERE ((me.login = SESSION_USER) AND me.active)));

ALTER TABLE eduaid.user_directory OWNER TO eduaid_owner;

COMMENT ON VIEW eduaid.user_directory IS 'eduaid: login, full name and county of every user of the caller''s county';

CREATE FUNCTION eduaid.dropout_visits(p_student bigint) RETURNS TABLE(case_id bigint, state text, visit_id bigint, visit_date date, visitor text, outcome text, notes text, recorded_by text, recorded_by_name text)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 SELECT d.id,
     d.state,
     v.id,
     v.visit_date,
     v.visitor,
     v.outcome,
     v.notes,
     v.created_by,
     COALESCE(u.full_name, v.created_by) AS "coalesce"
    FROM ((eduaid.dropout_case d
      JOIN eduaid.dropout_visit v ON (((v.township_id = d.township_id) AND (v.case_id = d.id))))
      LEFT JOIN eduaid.user_directory u ON ((u.login = v.created_by)))
   WHERE (d.student_id = dropout_visits.p_student)
   ORDER BY v.visit_date DESC, v.id DESC;
END;

ALTER FUNCTION eduaid.dropout_visits(p_student bigint) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.enable_user(login text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM eduaid.require_superuser();
    PERFORM eduaid.apply_enable((eduaid.lock_user(login)).login);
END
$$;

ALTER FUNCTION eduaid.enable_user(login text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.export_household(p_status text, p_township integer, p_unmasked boolean) RETURNS SETOF eduaid.household
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
-- Generated by sql/020_locks.sql: read the comments there.
DECLARE
    n bigint;
BEGIN
    RETURN QUERY EXECUTE eduaid.export_query('household', p_status, p_township, p_unmasked)
        USING p_status, p_township;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM eduaid.export_log('household', 'household', p_status, p_township, n, p_unmasked);
END
$$;

ALTER FUNCTION eduaid.export_household(p_status text, p_township integer, p_unmasked boolean) OWNER TO eduaid_exporter;

COMMENT ON FUNCTION eduaid.export_household(p_status text, p_township integer, p_unmasked boolean) IS 'eduaid: the household rows of an export (status, township, unmasked), logged by the server';

CREATE FUNCTION eduaid.export_log(p_kind text, p_table text, p_status text, p_township integer, p_rows bigint, p_unmasked boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    INSERT INTO eduaid.audit_log (kind, table_name, township_id, action, new_row)
    VALUES (p_kind, p_table, p_township, 'export',
            jsonb_strip_nulls(jsonb_build_object(
                'filters', jsonb_build_object('status', p_status, 'township_id', p_township),
                'rows', p_rows, 'unmasked', p_unmasked, 'role', eduaid.my_role())));
END
$$;

ALTER FUNCTION eduaid.export_log(p_kind text, p_table text, p_status text, p_township integer, p_rows bigint, p_unmasked boolean) OWNER TO eduaid_audit_owner;

CREATE FUNCTION eduaid.export_query(p_kind text, p_status text, p_township integer, p_unmasked boolean) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_role   constant text := eduaid.my_role();
    v_table  constant text := eduaid.record_table(p_kind);
    v_hidden text;
    v_cols   text;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('clerk', 'officer', 'supervisor', 'auditor') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not export records (无权导出记录)', session_user);
    END IF;
    IF v_table IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    IF p_unmasked IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = 'unmasked must be true or false (导出参数无效)';
    END IF;
    IF p_status IS NOT NULL AND NOT p_status = ANY (eduaid.record_statuses(p_kind)) THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('unknown status "%s" (未知状态)', left(p_status, 40)),
            DETAIL = array_to_string(eduaid.record_statuses(p_kind), ', ');
    END IF;
    IF p_township IS NOT NULL AND NOT p_township = ANY (eduaid.my_townships()) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('township %s is not one of yours (不是您负责的乡镇)', p_township);
    END IF;
    IF p_unmasked THEN
        SELECT string_agg(format('%s.%s', c.relname, a.attname), ', ') INTO v_hidden
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
         WHERE n.nspname = 'eduaid'
           AND c.relname = ANY (CASE WHEN v_table = 'household'
                                     THEN ARRAY[v_table, 'student'] ELSE ARRAY[v_table] END)
           AND a.attnum > 0 AND NOT a.attisdropped
           AND eduaid.is_personal_column(a.attname)
           AND NOT pg_catalog.has_column_privilege(session_user, c.oid, a.attnum, 'SELECT');
        IF v_hidden IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'EA004',
                MESSAGE = format('%s may not export unmasked personal data (无权导出未脱敏的个人信息)',
                                 session_user),
                DETAIL = format('no SELECT privilege on %s', v_hidden);
        END IF;
    END IF;
    -- Every column the caller may not read is NULL too (a supervisor's
    -- masked export carries the *_masked twins, never the values).
    SELECT string_agg(CASE WHEN (eduaid.is_personal_column(a.attname) AND NOT p_unmasked)
                                OR NOT pg_catalog.has_column_privilege(session_user, a.attrelid,
                                                                       a.attnum, 'SELECT')
                           THEN format('NULL::%s', pg_catalog.format_type(a.atttypid, a.atttypmod))
                           ELSE format('r.%I', a.attname) END,
                      ', ' ORDER BY a.attnum)
      INTO v_cols
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid = format('eduaid.%I', v_table)::regclass
       AND a.attnum > 0 AND NOT a.attisdropped;
    -- (no ORDER BY: the caller orders; a set-returning function's rows
    -- are stored before they are read, so sorting here is wasted work)
    RETURN format('SELECT %s FROM eduaid.%I r WHERE ($1::text IS NULL OR r.status = $1) '
                  'AND ($2::int IS NULL OR r.township_id = $2)',
                  v_cols, v_table);
END
$_$;

ALTER FUNCTION eduaid.export_query(p_kind text, p_status text, p_township integer, p_unmasked boolean) OWNER TO eduaid_exporter;

CREATE FUNCTION eduaid.mask_account(a text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (repeat('*'::text, GREATEST((length(a) - 4), 0)) || "right"(a, 4));

ALTER FUNCTION eduaid.mask_account(a text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.mask_value(col text, v text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN (col = 'bank_account'::text) THEN eduaid.mask_account(v) WHEN (col ~~ '%birth_date'::text) THEN ("left"(v, 4) || '-**-**'::text) WHEN (col = 'disability_certificate_no'::text) THEN (repeat('*'::text, GREATEST((length(v) - 2), 0)) || "right"(v, 2)) ELSE eduaid.mask_id_number(v) END;

ALTER FUNCTION eduaid.mask_value(col text, v text) OWNER TO eduaid_owner;

CREATE TABLE eduaid.special_ed_plan (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    client_uuid uuid,
    status text DEFAULT 'draft'::text NOT NULL,
    reason text,
    editors text[] DEFAULT ARRAY[(SESSION_USER)::text] NOT NULL,
    submitted_by text,
    submitted_at timestamp with time zone,
    verified_by text,
    verified_at timestamp with time zone,
    approved_by text,
    approved_at timestamp with time zone,
    rejected_by text,
    rejected_at timestamp with time zone,
    household_id bigint NOT NULL,
    child_name text NOT NULL,
    child_id_number text NOT NULL,
    child_id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(child_id_number)) STORED,
    child_sex text NOT NULL,
    child_birth_date date NOT NULL,
    child_birth_date_masked text GENERATED ALWAYS AS (eduaid.mask_date(child_birth_date)) STORED,
    disability_type text NOT NULL,
    disability_grade integer NOT NULL,
    disability_certificate_no text,
    disability_certificate_no_masked text GENERATED ALWAYS AS (eduaid.mask_value('disability_certificate_no'::text, disability_certificate_no)) STORED,
    assessment_date date,
    assessment text,
    placement text NOT NULL,
    school_id integer NOT NULL,
    home_teacher_id bigint,
    visits_per_month integer,
    individual_plan text,
    placed_on date NOT NULL,
    review_date date,
    ended_on date,
    end_reason text,
    home_teacher_name text,
    home_teacher_id_number text,
    home_teacher_id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(home_teacher_id_number)) STORED,
    CONSTRAINT record_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'verified'::text, 'approved'::text, 'rejected'::text]))),
    CONSTRAINT special_ed_plan_assessment_date_check CHECK ((assessment_date >= child_birth_date)),
    CONSTRAINT special_ed_plan_child_birth_date_check CHECK ((child_birth_date = eduaid.id_birth_date(child_id_number))),
    CONSTRAINT special_ed_plan_child_id_number_check CHECK (eduaid.id_number_valid(child_id_number)),
    CONSTRAINT special_ed_plan_child_name_check CHECK (((NOT eduaid.is_blank(child_name)) AND (char_length(child_name) <= 50))),
    CONSTRAINT special_ed_plan_child_sex_check CHECK (((child_sex = ANY (ARRAY['M'::text, 'F'::text])) AND (child_sex = eduaid.id_sex(child_id_number)))),
    CONSTRAINT special_ed_plan_disability_certificate_no_check CHECK ((disability_certificate_no ~ '^[0-9]{17}[0-9X][1-7][1-4]$'::text)),
    CONSTRAINT special_ed_plan_disability_grade_check CHECK (((disability_grade >= 1) AND (disability_grade <= 4))),
    CONSTRAINT special_ed_plan_disability_type_check CHECK ((disability_type = ANY (ARRAY['visual'::text, 'hearing'::text, 'speech'::text, 'physical'::text, 'intellectual'::text, 'mental'::text, 'multiple'::text]))),
    CONSTRAINT special_ed_plan_end_reason_check CHECK (((ended_on IS NULL) = (end_reason IS NULL))),
    CONSTRAINT special_ed_plan_ended_on_check CHECK ((ended_on >= placed_on)),
    CONSTRAINT special_ed_plan_home_teacher_id_check CHECK (((placement <> 'home_delivery'::text) OR (home_teacher_id IS NOT NULL))),
    CONSTRAINT special_ed_plan_placed_on_check CHECK (((placed_on >= ((child_birth_date + '6 years'::interval))::date) AND (placed_on < ((child_birth_date + '16 years'::interval))::date))),
    CONSTRAINT special_ed_plan_placement_check CHECK ((placement = ANY (ARRAY['special_school'::text, 'regular_class'::text, 'special_class'::text, 'home_delivery'::text]))),
    CONSTRAINT special_ed_plan_review_date_check CHECK ((review_date > placed_on)),
    CONSTRAINT special_ed_plan_visits_per_month_check CHECK (
CASE
    WHEN (visits_per_month IS NULL) THEN (placement <> 'home_delivery'::text)
    ELSE ((visits_per_month >= 1) AND (visits_per_month <= 8))
END)
);
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN reason SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN child_name SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN child_id_number SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN child_id_number_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN child_birth_date SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN child_birth_date_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN disability_certificate_no SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN disability_certificate_no_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN assessment SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN individual_plan SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN end_reason SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN home_teacher_name SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN home_teacher_id_number SET STATISTICS 0;
ALTER TABLE ONLY eduaid.special_ed_plan ALTER COLUMN home_teacher_id_number_masked SET STATISTICS 0;

ALTER TABLE ONLY eduaid.special_ed_plan FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.special_ed_plan OWNER TO eduaid_owner;

COMMENT ON COLUMN eduaid.special_ed_plan.home_teacher_name IS 'copy of the home teacher''s name taken by the server (submit; refreshed under review)';

COMMENT ON COLUMN eduaid.special_ed_plan.home_teacher_id_number IS 'copy of the home teacher''s ID number taken by the server (submit; refreshed under review)';

CREATE FUNCTION eduaid.export_special_ed(p_status text, p_township integer, p_unmasked boolean) RETURNS SETOF eduaid.special_ed_plan
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
-- Generated by sql/020_locks.sql: read the comments there.
DECLARE
    n bigint;
BEGIN
    RETURN QUERY EXECUTE eduaid.export_query('special_ed', p_status, p_township, p_unmasked)
        USING p_status, p_township;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM eduaid.export_log('special_ed', 'special_ed_plan', p_status, p_township, n, p_unmasked);
END
$$;

ALTER FUNCTION eduaid.export_special_ed(p_status text, p_township integer, p_unmasked boolean) OWNER TO eduaid_exporter;

COMMENT ON FUNCTION eduaid.export_special_ed(p_status text, p_township integer, p_unmasked boolean) IS 'eduaid: the special-education rows of an export (status, township, unmasked), logged by the server';

CREATE FUNCTION eduaid.money_valid(x numeric) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ((x >= (0)::numeric) AND (x = round(x, 2)) AND (x < '10000000000'::numeric));

ALTER FUNCTION eduaid.money_valid(x numeric) OWNER TO eduaid_owner;

CREATE TABLE eduaid.teacher_fund_application (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    client_uuid uuid,
    status text DEFAULT 'draft'::text NOT NULL,
    reason text,
    editors text[] DEFAULT ARRAY[(SESSION_USER)::text] NOT NULL,
    submitted_by text,
    submitted_at timestamp with time zone,
    verified_by text,
    verified_at timestamp with time zone,
    approved_by text,
    approved_at timestamp with time zone,
    rejected_by text,
    rejected_at timestamp with time zone,
    teacher_id bigint NOT NULL,
    program_id integer NOT NULL,
    school_year integer NOT NULL,
    reason_category text NOT NULL,
    reason_text text NOT NULL,
    amount_requested numeric NOT NULL,
    amount_approved numeric,
    months integer DEFAULT 12 NOT NULL,
    bank_name text NOT NULL,
    bank_account text NOT NULL,
    bank_account_masked text GENERATED ALWAYS AS (eduaid.mask_account(bank_account)) STORED,
    teacher_name text,
    teacher_id_number text,
    teacher_id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(teacher_id_number)) STORED,
    teacher_school_id integer,
    teacher_title text,
    teacher_rural_years integer,
    CONSTRAINT record_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'verified'::text, 'approved'::text, 'rejected'::text, 'in_notice'::text, 'final'::text]))),
    CONSTRAINT teacher_fund_application_amount_approved_check CHECK ((eduaid.money_valid(amount_approved) AND (amount_approved <= amount_requested))),
    CONSTRAINT teacher_fund_application_amount_requested_check CHECK ((eduaid.money_valid(amount_requested) AND (amount_requested > (0)::numeric))),
    CONSTRAINT teacher_fund_application_bank_account_check CHECK ((bank_account ~ '^[0-9]{12,19}$'::text)),
    CONSTRAINT teacher_fund_application_bank_name_check CHECK (((NOT eduaid.is_blank(bank_name)) AND (char_length(bank_name) <= 60))),
    CONSTRAINT teacher_fund_application_months_check CHECK (((months >= 1) AND (months <= 12))),
    CONSTRAINT teacher_fund_application_reason_category_check CHECK ((reason_category = ANY (ARRAY['illness'::text, 'disaster'::text, 'family_hardship'::text, 'remote_post'::text, 'other'::text]))),
    CONSTRAINT teacher_fund_application_reason_text_check CHECK (((NOT eduaid.is_blank(reason_text)) AND (char_length(reason_text) <= 2000))),
    CONSTRAINT teacher_fund_application_school_year_check CHECK (((school_year >= 2014) AND (school_year <= 2035)))
);
ALTER TABLE ONLY eduaid.teacher_fund_application ALTER COLUMN reason SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher_fund_application ALTER COLUMN reason_text SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher_fund_application ALTER COLUMN bank_name SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher_fund_application ALTER COLUMN bank_account SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher_fund_application ALTER COLUMN bank_account_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher_fund_application ALTER COLUMN teacher_name SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher_fund_application ALTER COLUMN teacher_id_number SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher_fund_application ALTER COLUMN teacher_id_number_masked SET STATISTICS 0;

ALTER TABLE ONLY eduaid.teacher_fund_application FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.teacher_fund_application OWNER TO eduaid_owner;

COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_name IS 'copy of teacher.name taken by the server (submit; refreshed under review)';

COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_id_number IS 'copy of teacher.id_number taken by the server (submit; refreshed under review)';

COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_school_id IS 'copy of teacher.school_id taken by the server (submit; refreshed under review)';

COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_title IS 'copy of teacher.title taken by the server (submit; refreshed under review)';

COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_rural_years IS 'copy of teacher.rural_years taken by the server (submit; refreshed under review)';

CREATE FUNCTION eduaid.export_teacher_fund(p_status text, p_township integer, p_unmasked boolean) RETURNS SETOF eduaid.teacher_fund_application
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
-- Generated by sql/020_locks.sql: read the comments there.
DECLARE
    n bigint;
BEGIN
    RETURN QUERY EXECUTE eduaid.export_query('teacher_fund', p_status, p_township, p_unmasked)
        USING p_status, p_township;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM eduaid.export_log('teacher_fund', 'teacher_fund_application', p_status, p_township, n, p_unmasked);
END
$$;

ALTER FUNCTION eduaid.export_teacher_fund(p_status text, p_township integer, p_unmasked boolean) OWNER TO eduaid_exporter;

COMMENT ON FUNCTION eduaid.export_teacher_fund(p_status text, p_township integer, p_unmasked boolean) IS 'eduaid: the teacher-fund rows of an export (status, township, unmasked), logged by the server';

CREATE TABLE eduaid.training_enrollment (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    client_uuid uuid,
    status text DEFAULT 'draft'::text NOT NULL,
    reason text,
    editors text[] DEFAULT ARRAY[(SESSION_USER)::text] NOT NULL,
    submitted_by text,
    submitted_at timestamp with time zone,
    verified_by text,
    verified_at timestamp with time zone,
    approved_by text,
    approved_at timestamp with time zone,
    rejected_by text,
    rejected_at timestamp with time zone,
    household_id bigint NOT NULL,
    trainee_name text NOT NULL,
    trainee_id_number text NOT NULL,
    trainee_id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(trainee_id_number)) STORED,
    trainee_sex text NOT NULL,
    trainee_birth_date date NOT NULL,
    trainee_birth_date_masked text GENERATED ALWAYS AS (eduaid.mask_date(trainee_birth_date)) STORED,
    phone text,
    trainee_type text NOT NULL,
    course_id integer NOT NULL,
    provider_school_id integer NOT NULL,
    batch text NOT NULL,
    needs_survey text,
    start_date date NOT NULL,
    end_date date,
    hours_attended integer DEFAULT 0 NOT NULL,
    completed boolean DEFAULT false NOT NULL,
    certificate_no text,
    employment_outcome text DEFAULT 'pending'::text NOT NULL,
    CONSTRAINT record_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'verified'::text, 'approved'::text, 'rejected'::text]))),
    CONSTRAINT training_enrollment_batch_check CHECK ((batch ~ '^[0-9]{4}-[0-9]{1,2}$'::text)),
    CONSTRAINT training_enrollment_certificate_no_check CHECK (((certificate_no IS NULL) OR (completed AND (NOT eduaid.is_blank(certificate_no))))),
    CONSTRAINT training_enrollment_employment_outcome_check CHECK ((employment_outcome = ANY (ARRAY['pending'::text, 'employed'::text, 'self_employed'::text, 'entrepreneur'::text, 'further_study'::text, 'unemployed'::text]))),
    CONSTRAINT training_enrollment_end_date_check CHECK ((end_date >= start_date)),
    CONSTRAINT training_enrollment_hours_attended_check CHECK (((hours_attended >= 0) AND (hours_attended <= 2000))),
    CONSTRAINT training_enrollment_needs_survey_check CHECK ((char_length(needs_survey) <= 2000)),
    CONSTRAINT training_enrollment_phone_check CHECK ((phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'::text)),
    CONSTRAINT training_enrollment_start_date_check CHECK ((start_date >= '2014-01-01'::date)),
    CONSTRAINT training_enrollment_trainee_birth_date_check CHECK ((trainee_birth_date = eduaid.id_birth_date(trainee_id_number))),
    CONSTRAINT training_enrollment_trainee_id_number_check CHECK (eduaid.id_number_valid(trainee_id_number)),
    CONSTRAINT training_enrollment_trainee_name_check CHECK (((NOT eduaid.is_blank(trainee_name)) AND (char_length(trainee_name) <= 50))),
    CONSTRAINT training_enrollment_trainee_sex_check CHECK (((trainee_sex = ANY (ARRAY['M'::text, 'F'::text])) AND (trainee_sex = eduaid.id_sex(trainee_id_number)))),
    CONSTRAINT training_enrollment_trainee_type_check CHECK ((trainee_type = ANY (ARRAY['poor_labor'::text, 'two_after'::text, 'rich_leader'::text])))
);
ALTER TABLE ONLY eduaid.training_enrollment ALTER COLUMN reason SET STATISTICS 0;
ALTER TABLE ONLY eduaid.training_enrollment ALTER COLUMN trainee_name SET STATISTICS 0;
ALTER TABLE ONLY eduaid.training_enrollment ALTER COLUMN trainee_id_number SET STATISTICS 0;
ALTER TABLE ONLY eduaid.training_enrollment ALTER COLUMN trainee_id_number_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.training_enrollment ALTER COLUMN trainee_birth_date SET STATISTICS 0;
ALTER TABLE ONLY eduaid.training_enrollment ALTER COLUMN trainee_birth_date_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.training_enrollment ALTER COLUMN phone SET STATISTICS 0;
ALTER TABLE ONLY eduaid.training_enrollment ALTER COLUMN needs_survey SET STATISTICS 0;
ALTER TABLE ONLY eduaid.training_enrollment ALTER COLUMN certificate_no SET STATISTICS 0;
ALTER TABLE ONLY eduaid.training_enrollment ALTER COLUMN employment_outcome SET STATISTICS 0;

ALTER TABLE ONLY eduaid.training_enrollment FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.training_enrollment OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.export_training(p_status text, p_township integer, p_unmasked boolean) RETURNS SETOF eduaid.training_enrollment
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
-- Generated by sql/020_locks.sql: read the comments there.
DECLARE
    n bigint;
BEGIN
    RETURN QUERY EXECUTE eduaid.export_query('training', p_status, p_township, p_unmasked)
        USING p_status, p_township;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM eduaid.export_log('training', 'training_enrollment', p_status, p_township, n, p_unmasked);
END
$$;

ALTER FUNCTION eduaid.export_training(p_status text, p_township integer, p_unmasked boolean) OWNER TO eduaid_exporter;

COMMENT ON FUNCTION eduaid.export_training(p_status text, p_township integer, p_unmasked boolean) IS 'eduaid: the training rows of an export (status, township, unmasked), logged by the server';

CREATE FUNCTION eduaid.fund_amount_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    cap numeric := (SELECT p.max_amount FROM eduaid.fund_program p WHERE p.id = NEW.program_id);
BEGIN
    IF NEW.amount_requested > cap THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            CONSTRAINT = 'teacher_fund_application_amount_requested_check',
            TABLE = 'teacher_fund_application', SCHEMA = 'eduaid',
            MESSAGE = format('amount requested %s exceeds the program maximum %s (申请金额超过项目上限)',
                             NEW.amount_requested, cap);
    END IF;
    RETURN NEW;
END
$$;

ALTER FUNCTION eduaid.fund_amount_guard() OWNER TO eduaid_owner;

CREATE TABLE eduaid.home_visit (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    plan_id bigint NOT NULL,
    visit_date date NOT NULL,
    teacher_id bigint NOT NULL,
    hours numeric NOT NULL,
    content text NOT NULL,
    CONSTRAINT home_visit_content_check CHECK (((NOT eduaid.is_blank(content)) AND (char_length(content) <= 2000))),
    CONSTRAINT home_visit_hours_check CHECK (((hours > (0)::numeric) AND (hours <= (8)::numeric) AND (hours = round(hours, 1))))
);
ALTER TABLE ONLY eduaid.home_visit ALTER COLUMN content SET STATISTICS 0;

ALTER TABLE ONLY eduaid.home_visit FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.home_visit OWNER TO eduaid_owner;

CREATE TABLE eduaid.teacher (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    school_id integer NOT NULL,
    name text NOT NULL,
    id_number text NOT NULL,
    id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(id_number)) STORED,
    sex text NOT NULL,
    birth_date date NOT NULL,
    birth_date_masked text GENERATED ALWAYS AS (eduaid.mask_date(birth_date)) STORED,
    phone text,
    title text,
    rural_years integer DEFAULT 0 NOT NULL,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT teacher_birth_date_check CHECK ((birth_date = eduaid.id_birth_date(id_number))),
    CONSTRAINT teacher_id_number_check CHECK (eduaid.id_number_valid(id_number)),
    CONSTRAINT teacher_name_check CHECK (((NOT eduaid.is_blank(name)) AND (char_length(name) <= 50))),
    CONSTRAINT teacher_phone_check CHECK ((phone ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$'::text)),
    CONSTRAINT teacher_rural_years_check CHECK (((rural_years >= 0) AND (rural_years <= 60))),
    CONSTRAINT teacher_sex_check CHECK (((sex = ANY (ARRAY['M'::text, 'F'::text])) AND (sex = eduaid.id_sex(id_number)))),
    CONSTRAINT teacher_title_check CHECK ((char_length(title) <= 30))
);
ALTER TABLE ONLY eduaid.teacher ALTER COLUMN name SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher ALTER COLUMN id_number SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher ALTER COLUMN id_number_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher ALTER COLUMN birth_date SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher ALTER COLUMN birth_date_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher ALTER COLUMN phone SET STATISTICS 0;
ALTER TABLE ONLY eduaid.teacher ALTER COLUMN title SET STATISTICS 0;

ALTER TABLE ONLY eduaid.teacher FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.teacher OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.home_delivery_due(p_month date DEFAULT CURRENT_DATE) RETURNS TABLE(township_id integer, plan_id bigint, child_name text, teacher_id bigint, teacher_name text, visits_per_month integer, visits_logged bigint, due integer, last_visit date)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 SELECT p.township_id,
     p.id,
     p.child_name,
     p.home_teacher_id,
     t.name,
     p.visits_per_month,
     COALESCE(v.n, (0)::bigint) AS "coalesce",
     (GREATEST((p.visits_per_month - COALESCE(v.n, (0)::bigint)), (0)::bigint))::integer AS "greatest",
     v.last
    FROM ((eduaid.special_ed_plan p
      LEFT JOIN eduaid.teacher t ON (((t.township_id = p.township_id) AND (t.id = p.home_teacher_id))))
      LEFT JOIN LATERAL ( SELECT count(*) FILTER (WHERE ((hv.visit_date >= (date_trunc('month'::text, (home_delivery_due.p_month)::timestamp with time zone))::date) AND (hv.visit_date < ((date_trunc('month'::text, (home_delivery_due.p_month)::timestamp with time zone) + '1 mon'::interval))::date))) AS n,
             max(hv.visit_date) AS last
            FROM eduaid.home_visit hv
           WHERE ((hv.township_id = p.township_id) AND (hv.plan_id = p.id))) v ON (true))
   WHERE ((p.placement = 'home_delivery'::text) AND (p.status = 'approved'::text) AND (p.ended_on IS NULL))
   ORDER BY ((GREATEST((p.visits_per_month - COALESCE(v.n, (0)::bigint)), (0)::bigint))::integer) DESC, p.township_id, p.child_name, p.id;
END;

ALTER FUNCTION eduaid.home_delivery_due(p_month date) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.home_visit_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    p record;
BEGIN
    SELECT sp.placement, sp.status, sp.placed_on, sp.ended_on INTO p
      FROM eduaid.special_ed_plan sp
     WHERE sp.township_id = NEW.township_id AND sp.id = NEW.plan_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('special-education plan %s not found (安置方案不存在或无权查看)', NEW.plan_id);
    END IF;
    IF p.placement <> 'home_delivery' OR p.status <> 'approved' OR p.ended_on IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA021', CONSTRAINT = 'home_visit_plan_id_check',
            MESSAGE = format('plan %s is not an approved, active home-delivery plan (该方案不是已审批且有效的送教上门方案)',
                             NEW.plan_id);
    END IF;
    IF NEW.visit_date > current_date THEN
        PERFORM eduaid.ledger_date_error('home_visit_visit_date_check',
            'the visit date cannot be in the future (送教日期不能晚于今天)');
    END IF;
    IF NEW.visit_date < p.placed_on THEN
        PERFORM eduaid.ledger_date_error('home_visit_visit_date_check',
            format('the visit date cannot be before the placement (%s) (送教日期不能早于安置日期)', p.placed_on));
    END IF;
    IF NOT EXISTS (SELECT FROM eduaid.teacher t
                    WHERE t.township_id = NEW.township_id AND t.id = NEW.teacher_id AND t.active) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005', CONSTRAINT = 'home_visit_teacher_fk',
            MESSAGE = format('teacher %s is not an active teacher of the township (教师不属于本乡镇或已停用)',
                             NEW.teacher_id);
    END IF;
    RETURN NEW;
END
$$;

ALTER FUNCTION eduaid.home_visit_guard() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.id_check_digit(first17 text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN (first17 ~ '^[0-9]{17}$'::text) THEN substr('10X98765432'::text, ((((((((((((((((((((substr(first17, 1, 1))::integer * 7) + ((substr(first17, 2, 1))::integer * 9)) + ((substr(first17, 3, 1))::integer * 10)) + ((substr(first17, 4, 1))::integer * 5)) + ((substr(first17, 5, 1))::integer * 8)) + ((substr(first17, 6, 1))::integer * 4)) + ((substr(first17, 7, 1))::integer * 2)) + ((substr(first17, 8, 1))::integer * 1)) + ((substr(first17, 9, 1))::integer * 6)) + ((substr(first17, 10, 1))::integer * 3)) + ((substr(first17, 11, 1))::integer * 7)) + ((substr(first17, 12, 1))::integer * 9)) + ((substr(first17, 13, 1))::integer * 10)) + ((substr(first17, 14, 1))::integer * 5)) + ((substr(first17, 15, 1))::integer * 8)) + ((substr(first17, 16, 1))::integer * 4)) + ((substr(first17, 17, 1))::integer * 2)) % 11) + 1), 1) ELSE NULL::text END;

ALTER FUNCTION eduaid.id_check_digit(first17 text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.id_number_ok(n text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN eduaid.id_number_valid(n);

ALTER FUNCTION eduaid.id_number_ok(n text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.personal_columns() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN '{head_id_number,id_number,trainee_id_number,child_id_number,bank_account,disability_certificate_no,birth_date,trainee_birth_date,child_birth_date,teacher_id_number,home_teacher_id_number}'::text[];

ALTER FUNCTION eduaid.personal_columns() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.is_personal_column(col text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (col = ANY (eduaid.personal_columns()));

ALTER FUNCTION eduaid.is_personal_column(col text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.is_scram_verifier(v text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    RETURN ((v IS NOT NULL) AND (v ~ '^SCRAM-SHA-256\$[1-9][0-9]{3,8}:[A-Za-z0-9+/]{4,}={0,2}\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$'::text) AND ((split_part(split_part(v, '$'::text, 2), ':'::text, 1))::bigint >= 4096) AND ((length(split_part(split_part(v, '$'::text, 2), ':'::text, 2)) % 4) = 0));

ALTER FUNCTION eduaid.is_scram_verifier(v text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.last_approved(p_kind text, p_id bigint) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_table constant text := eduaid.record_table(p_kind);
BEGIN
    IF v_table IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    IF has_column_privilege('eduaid.audit_log', 'new_row', 'SELECT') THEN
        RETURN (SELECT a.new_row FROM eduaid.audit_log a
                 WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
                   AND a.kind = p_kind AND a.record_id = p_id
                   AND a.table_name = v_table AND a.action = 'approve'
                 ORDER BY a.id DESC LIMIT 1);
    END IF;
    RETURN (SELECT a.new_masked FROM eduaid.audit_log a
             WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
               AND a.kind = p_kind AND a.record_id = p_id
               AND a.table_name = v_table AND a.action = 'approve'
             ORDER BY a.id DESC LIMIT 1);
END
$$;

ALTER FUNCTION eduaid.last_approved(p_kind text, p_id bigint) OWNER TO eduaid_owner;

COMMENT ON FUNCTION eduaid.last_approved(p_kind text, p_id bigint) IS 'eduaid: a record''s row as last approved, or NULL (docs/review-contract.md)';

CREATE FUNCTION eduaid.mask_row(r jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN (r || COALESCE((SELECT jsonb_object_agg(k.k, eduaid.mask_value(k.k, (mask_row.r ->> k.k))) AS jsonb_object_agg FROM unnest(eduaid.personal_columns()) k(k) WHERE (jsonb_typeof((mask_row.r -> k.k)) = 'string'::text)), '{}'::jsonb));

ALTER FUNCTION eduaid.mask_row(r jsonb) OWNER TO eduaid_owner;

CREATE TABLE eduaid.audit_log (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
    actor text DEFAULT SESSION_USER NOT NULL,
    txid bigint DEFAULT txid_current() NOT NULL,
    kind text NOT NULL,
    table_name text NOT NULL,
    record_id bigint,
    row_id bigint,
    record_key text,
    township_id integer,
    action text NOT NULL,
    reason text,
    old_row jsonb,
    new_row jsonb,
    old_masked jsonb GENERATED ALWAYS AS (eduaid.mask_row(old_row)) STORED,
    new_masked jsonb GENERATED ALWAYS AS (eduaid.mask_row(new_row)) STORED,
    CONSTRAINT audit_log_action_check CHECK ((action = ANY (ARRAY['insert'::text, 'update'::text, 'delete'::text, 'submit'::text, 'verify'::text, 'approve'::text, 'reject'::text, 'reopen'::text, 'notice'::text, 'finalize'::text, 'export'::text])))
);
ALTER TABLE ONLY eduaid.audit_log ALTER COLUMN record_key SET STATISTICS 0;
ALTER TABLE ONLY eduaid.audit_log ALTER COLUMN reason SET STATISTICS 0;
ALTER TABLE ONLY eduaid.audit_log ALTER COLUMN old_row SET STATISTICS 0;
ALTER TABLE ONLY eduaid.audit_log ALTER COLUMN new_row SET STATISTICS 0;
ALTER TABLE ONLY eduaid.audit_log ALTER COLUMN old_masked SET STATISTICS 0;
ALTER TABLE ONLY eduaid.audit_log ALTER COLUMN new_masked SET STATISTICS 0;

ALTER TABLE ONLY eduaid.audit_log FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.audit_log OWNER TO eduaid_audit_owner;

CREATE FUNCTION eduaid.latest_audit_id(p_kind text, p_township integer, p_record bigint) RETURNS bigint
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    RETURN (SELECT max(a.id) AS max FROM eduaid.audit_log a WHERE ((a.township_id = latest_audit_id.p_township) AND (a.kind = latest_audit_id.p_kind) AND (a.record_id = latest_audit_id.p_record)));

ALTER FUNCTION eduaid.latest_audit_id(p_kind text, p_township integer, p_record bigint) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.ledger_child(p_student bigint) RETURNS eduaid.student
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    s eduaid.student;
BEGIN
    SELECT * INTO s FROM eduaid.student st
     WHERE st.id = p_student AND st.township_id = ANY (eduaid.my_townships());
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('child %s not found (学生不存在或无权查看)', p_student);
    END IF;
    RETURN s;
END
$$;

ALTER FUNCTION eduaid.ledger_child(p_student bigint) OWNER TO eduaid_owner;

CREATE TABLE eduaid.township (
    id integer NOT NULL,
    county_id integer NOT NULL,
    name text NOT NULL,
    CONSTRAINT township_id_check CHECK (((id / 1000) = county_id)),
    CONSTRAINT township_name_check CHECK ((NOT eduaid.is_blank(name)))
);

ALTER TABLE eduaid.township OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.ledger_counts(school_year integer) RETURNS TABLE(township_id integer, school_age bigint, suspected bigint, confirmed bigint, returned bigint)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 WITH age AS (
          SELECT a_1.township_id,
             count(*) AS school_age
            FROM eduaid.student_school_age a_1
           WHERE ((a_1.entry_year >= (ledger_counts.school_year - 9)) AND (a_1.entry_year <= ledger_counts.school_year))
           GROUP BY a_1.township_id
         ), flagged AS (
          SELECT f_1.township_id,
             count(*) FILTER (WHERE (f_1.standing = 'suspected'::text)) AS suspected,
             count(*) FILTER (WHERE (f_1.standing = 'confirmed'::text)) AS confirmed
            FROM eduaid.dropout_flagged(ledger_counts.school_year) f_1(township_id, household_id, student_id, age, case_id, standing)
           GROUP BY f_1.township_id
         ), back AS (
          SELECT d.township_id,
             count(*) AS returned
            FROM eduaid.dropout_case d
           WHERE ((d.state = 'returned'::text) AND ((d.returned_on >= make_date(ledger_counts.school_year, 9, 1)) AND (d.returned_on <= make_date((ledger_counts.school_year + 1), 8, 31))))
           GROUP BY d.township_id
         )
  SELECT t.id,
     COALESCE(a.school_age, (0)::bigint) AS "coalesce",
     COALESCE(f.suspected, (0)::bigint) AS "coalesce",
     COALESCE(f.confirmed, (0)::bigint) AS "coalesce",
     COALESCE(b.returned, (0)::bigint) AS "coalesce"
    FROM (((eduaid.township t
      LEFT JOIN age a ON ((a.township_id = t.id)))
      LEFT JOIN flagged f ON ((f.township_id = t.id)))
      LEFT JOIN back b ON ((b.township_id = t.id)))
   WHERE (t.id = ANY (( SELECT eduaid.my_townships() AS my_townships)::integer[]))
   ORDER BY t.id;
END;

ALTER FUNCTION eduaid.ledger_counts(school_year integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.ledger_date_error(cname text, msg text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = cname, MESSAGE = msg;
END
$$;

ALTER FUNCTION eduaid.ledger_date_error(cname text, msg text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.ledger_keep() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NOT eduaid.ledger_superuser() THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s %s: ledger entries are kept, never %s (台账记录不可删除或修改)',
                             TG_TABLE_NAME, OLD.id,
                             CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'changed' END);
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

ALTER FUNCTION eduaid.ledger_keep() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.ledger_open_case(p_student bigint) RETURNS eduaid.dropout_case
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 SELECT d.id,
     d.township_id,
     d.version,
     d.created_by,
     d.created_at,
     d.updated_by,
     d.updated_at,
     d.household_id,
     d.student_id,
     d.state,
     d.opened_on,
     d.notes,
     d.confirmed_on,
     d.confirmed_by,
     d.returned_on,
     d.returned_school_id,
     d.returned_by
    FROM eduaid.dropout_case d
   WHERE ((d.student_id = ledger_open_case.p_student) AND (d.state <> 'returned'::text))
  FOR UPDATE OF d;
END;

ALTER FUNCTION eduaid.ledger_open_case(p_student bigint) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.ledger_superuser() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((SELECT r.rolsuper FROM pg_roles r WHERE (r.rolname = CURRENT_USER)), false);

ALTER FUNCTION eduaid.ledger_superuser() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.ledger_writer_check() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    r text := eduaid.my_role();
BEGIN
    IF r IS NULL OR r NOT IN ('clerk', 'officer') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot write the ledgers (当前角色无此权限)',
                             coalesce(r, 'non-eduaid user'));
    END IF;
END
$$;

ALTER FUNCTION eduaid.ledger_writer_check() OWNER TO eduaid_owner;

CREATE TABLE eduaid.account_request (
    id bigint NOT NULL,
    action text NOT NULL,
    login text NOT NULL,
    county_id integer NOT NULL,
    full_name text,
    role text,
    townships integer[],
    with_password boolean DEFAULT false NOT NULL,
    status text DEFAULT 'pending'::text NOT NULL,
    reason text,
    requested_by text DEFAULT SESSION_USER NOT NULL,
    requested_at timestamp with time zone DEFAULT now() NOT NULL,
    decided_by text,
    decided_at timestamp with time zone,
    CONSTRAINT account_request_action_check CHECK ((action = ANY (ARRAY['create'::text, 'password'::text, 'townships'::text, 'enable'::text]))),
    CONSTRAINT account_request_reason_check CHECK (((status <> 'rejected'::text) OR (NOT eduaid.is_blank(reason)))),
    CONSTRAINT account_request_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'approved'::text, 'rejected'::text])))
);

ALTER TABLE eduaid.account_request OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.lock_request_to_decide(id bigint) RETURNS eduaid.account_request
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    r eduaid.account_request;
BEGIN
    SELECT * INTO r FROM eduaid.account_request q
     WHERE q.id = lock_request_to_decide.id AND q.status = 'pending' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA063',
            MESSAGE = format('no pending account request %s (没有该待审批的账号申请)', id);
    END IF;
    IF eduaid.my_role() IS DISTINCT FROM 'supervisor'
       OR eduaid.my_account_county() IS DISTINCT FROM r.county_id THEN
        RAISE EXCEPTION USING ERRCODE = 'EA061',
            MESSAGE = 'only a county supervisor of the same county approves or refuses account requests '
                      '(只有本县审核员可以审批账号申请)';
    END IF;
    IF session_user IN (r.requested_by, r.login) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA062',
            MESSAGE = 'a second person decides: not the one who asked, nor the one it is about '
                      '(申请人和被申请人不能审批自己的账号申请)';
    END IF;
    RETURN r;
END
$$;

ALTER FUNCTION eduaid.lock_request_to_decide(id bigint) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.lock_user(login text) RETURNS eduaid.app_user
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    u eduaid.app_user;
BEGIN
    SELECT * INTO u FROM eduaid.app_user a WHERE a.login = lock_user.login FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('no eduaid user "%s" (用户不存在)', login);
    END IF;
    RETURN u;
END
$$;

ALTER FUNCTION eduaid.lock_user(login text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.my_role() RETURNS text
    LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN (SELECT u.role FROM eduaid.app_user u
             WHERE u.login = session_user AND u.active);
END
$$;

ALTER FUNCTION eduaid.my_role() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.may_edit(status text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE eduaid.my_role() WHEN 'clerk'::text THEN (status = ANY (ARRAY['draft'::text, 'rejected'::text])) WHEN 'officer'::text THEN (status = ANY (ARRAY['draft'::text, 'rejected'::text, 'submitted'::text])) ELSE false END;

ALTER FUNCTION eduaid.may_edit(status text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.member_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NEW.household_id <> OLD.household_id THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s %s cannot move to another household', TG_TABLE_NAME, OLD.id);
    END IF;
    RETURN NEW;
END
$$;

ALTER FUNCTION eduaid.member_guard() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.member_share(p_township integer, p_household bigint) RETURNS TABLE(stage text, school_id integer, schooling_status text, nutrition_meal boolean, n bigint)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 SELECT st.stage,
     COALESCE(st.school_id, 0) AS "coalesce",
     st.schooling_status,
     st.nutrition_meal,
     count(*) AS count
    FROM eduaid.student st
   WHERE ((st.township_id = member_share.p_township) AND ((member_share.p_household IS NULL) OR (st.household_id = member_share.p_household)))
   GROUP BY st.stage, COALESCE(st.school_id, 0), st.schooling_status, st.nutrition_meal;
END;

ALTER FUNCTION eduaid.member_share(p_township integer, p_household bigint) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.member_touch() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    UPDATE eduaid.household h SET household_no = h.household_no
      FROM (SELECT DISTINCT c.township_id, c.household_id FROM changed c) AS m
     WHERE h.township_id = m.township_id AND h.id = m.household_id;
    RETURN NULL;
END
$$;

ALTER FUNCTION eduaid.member_touch() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.my_account_county() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 SELECT u.county_id
    FROM eduaid.app_user u
   WHERE ((u.login = SESSION_USER) AND u.active);
END;

ALTER FUNCTION eduaid.my_account_county() OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.my_scope() RETURNS bigint[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RETURN eduaid.my_townships()::bigint[];
END
$$;

ALTER FUNCTION eduaid.my_scope() OWNER TO eduaid_owner;

COMMENT ON FUNCTION eduaid.my_scope() IS 'eduaid: my_townships() as bigint[], the form the row-level security policies compare with';

CREATE FUNCTION eduaid.notice_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION eduaid.notice_guard() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.notice_hash(canonical text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN encode(sha256(convert_to(canonical, 'UTF8'::name)), 'hex'::text);

ALTER FUNCTION eduaid.notice_hash(canonical text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.notice_item_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
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
$_$;

ALTER FUNCTION eduaid.notice_item_guard() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.notice_line_key() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    INSERT INTO eduaid.notice_line (notice_id, line_no) VALUES (NEW.notice_id, NEW.line_no);
    RETURN NULL;
END
$$;

ALTER FUNCTION eduaid.notice_line_key() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.notice_no_truncate() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NOT eduaid.superuser_now() THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s cannot be truncated (公示记录不可清空)', TG_TABLE_NAME);
    END IF;
    RETURN NULL;
END
$$;

ALTER FUNCTION eduaid.notice_no_truncate() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.notice_objection_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
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
$_$;

ALTER FUNCTION eduaid.notice_objection_guard() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.notice_transition_check(tbl text, township integer, record bigint, from_st text, to_st text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    k   text := CASE tbl WHEN 'household' THEN 'household'
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

ALTER FUNCTION eduaid.notice_transition_check(tbl text, township integer, record bigint, from_st text, to_st text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.notice_verify(p_hash text) RETURNS TABLE(notice_id bigint, notice_title text, line_no integer, kind text, record_id bigint, township text, name text, masked_id text, program text, amount numeric, record_hash text, hash_ok boolean, audit_id bigint, audit_at timestamp with time zone, audit_actor text, audit_action text, changed_since boolean)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
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
$_$;

ALTER FUNCTION eduaid.notice_verify(p_hash text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.open_notice(p_kind text, p_scope integer, p_school_year integer, p_ends_on date DEFAULT NULL::date, p_title text DEFAULT NULL::text, p_contact text DEFAULT NULL::text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    v_role   text := eduaid.my_role();
    v_towns  int[] := eduaid.my_townships();
    v_county int;
    v_scope  text;
    v_ends   date := coalesce(p_ends_on, current_date + 6);
    v_id     bigint;
    v_n      int := 0;
    r        record;
    v_audit  bigint;
BEGIN
    IF v_role IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot open a public notice; supervisors do (只有县级审核人可以开启公示)',
                             coalesce(v_role, 'non-eduaid user'));
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('household', 'teacher_fund') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('no public notice for record kind "%s" (此类记录无需公示)', p_kind),
            HINT = 'kind is household or teacher_fund';
    END IF;
    SELECT u.county_id INTO v_county FROM eduaid.app_user u WHERE u.login = session_user;
    IF p_kind = 'household' THEN
        SELECT t.name INTO v_scope FROM eduaid.township t
         WHERE t.id = p_scope AND t.id = ANY (v_towns);
    ELSE
        SELECT p.name INTO v_scope FROM eduaid.fund_program p WHERE p.id = p_scope;
    END IF;
    IF v_scope IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('%s %s not found (乡镇或项目不存在)',
                             CASE p_kind WHEN 'household' THEN 'township' ELSE 'fund program' END,
                             p_scope);
    END IF;
    IF v_ends < current_date + 6 THEN
        RAISE EXCEPTION USING ERRCODE = 'EA016',
            MESSAGE = format('a notice period lasts at least 7 days: it cannot end before %s (公示期不少于7天)',
                             current_date + 6);
    END IF;

    INSERT INTO eduaid.notice (kind, county_id, school_year, program_id, township_id, title,
                               contact, starts_on, ends_on)
    VALUES (p_kind, v_county, p_school_year,
            CASE WHEN p_kind = 'teacher_fund' THEN p_scope END,
            CASE WHEN p_kind = 'household' THEN p_scope END,
            coalesce(eduaid.tidy(p_title), format('%s %s-%s学年%s公示', v_scope, p_school_year,
                     p_school_year + 1,
                     CASE p_kind WHEN 'household' THEN '学生资助名单' ELSE '拟资助教师名单' END)),
            coalesce(eduaid.tidy(p_contact),
                     (SELECT c.name || '教育局' FROM eduaid.county c WHERE c.id = v_county)),
            current_date, v_ends)
    RETURNING id INTO v_id;

    FOR r IN
        SELECT x.township_id, x.id, x.teacher_name AS name, x.teacher_id_number_masked AS masked,
               fp.name AS program, coalesce(x.amount_approved, x.amount_requested) AS amount
          FROM eduaid.teacher_fund_application x
          JOIN eduaid.fund_program fp ON fp.id = x.program_id
         WHERE p_kind = 'teacher_fund' AND x.program_id = p_scope
           AND x.school_year = p_school_year AND x.status = 'approved'
           AND x.township_id = ANY (v_towns)
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
        ORDER BY 1, 2
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
$_$;

ALTER FUNCTION eduaid.open_notice(p_kind text, p_scope integer, p_school_year integer, p_ends_on date, p_title text, p_contact text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.placement_label(placement text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE placement WHEN 'special_school'::text THEN '特殊教育学校'::text WHEN 'regular_class'::text THEN '随班就读'::text WHEN 'special_class'::text THEN '特教班'::text WHEN 'home_delivery'::text THEN '送教上门'::text ELSE placement END;

ALTER FUNCTION eduaid.placement_label(placement text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.private_statistics_off() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.oid, c.relname, a.attnum, a.attname
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
                                         AND NOT a.attisdropped
         WHERE n.nspname = 'eduaid' AND c.relkind IN ('r', 'p') AND c.relrowsecurity
           AND EXISTS (SELECT FROM pg_catalog.pg_attribute t
                        WHERE t.attrelid = c.oid AND t.attname = 'township_id'
                          AND NOT t.attisdropped)
           AND a.attname ~ ('(^|_)name$|id_number|birth_date|^household_no$|^phone$|^address$'
                            '|^bank_account|certificate_no|^masked_id$|^canonical$|^record_hash$'
                            '|^objector$|^record_key$|^(old|new)_(row|masked)$|^notes$|^reason$'
                            '|^reason_text$|^content$|^decision_note$|^individual_plan$'
                            '|^assessment$|^needs_survey$|^employment_outcome$|^end_reason$'
                            '|^outcome$|^visitor$|^contact$|^title$')
           AND a.attname <> 'table_name'
         ORDER BY c.relname, a.attnum
    LOOP
        EXECUTE format('ALTER TABLE eduaid.%I ALTER COLUMN %I SET STATISTICS 0',
                       r.relname, r.attname);
        DELETE FROM pg_catalog.pg_statistic s WHERE s.starelid = r.oid AND s.staattnum = r.attnum;
    END LOOP;
END
$_$;

ALTER FUNCTION eduaid.private_statistics_off() OWNER TO postgres;

CREATE FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN ((after_kind IS NULL) OR ((this_kind COLLATE "C") > (after_kind COLLATE "C"))) THEN '-9223372036854775808'::bigint WHEN (this_kind = after_kind) THEN COALESCE(after_id, '-9223372036854775808'::bigint) ELSE '9223372036854775807'::bigint END;

ALTER FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.queue_counts() RETURNS TABLE(kind text, waiting bigint)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
-- Generated by sql/010_review.sql: read the comments there.
DECLARE
    v_me         constant text := session_user;
    v_officer    constant boolean := pg_has_role(session_user, 'eduaid_officer', 'MEMBER');
    v_supervisor constant boolean := pg_has_role(session_user, 'eduaid_supervisor', 'MEMBER');
BEGIN
    -- the login's group decides, as in review_queue(); RLS the townships
    IF v_officer AND NOT v_supervisor THEN
        RETURN QUERY
        SELECT k.kind, coalesce(c.n, 0)
          FROM unnest(ARRAY['household', 'training', 'special_ed', 'teacher_fund'])
               WITH ORDINALITY AS k(kind, ord)
          LEFT JOIN (
                SELECT 'household'::text AS kind, count(*) AS n FROM eduaid.household x
                 WHERE x.status = 'submitted' AND x.created_by <> v_me
                   AND x.submitted_by IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)
                UNION ALL
                SELECT 'training', count(*) FROM eduaid.training_enrollment x
                 WHERE x.status = 'submitted' AND x.created_by <> v_me
                   AND x.submitted_by IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)
                UNION ALL
                SELECT 'special_ed', count(*) FROM eduaid.special_ed_plan x
                 WHERE x.status = 'submitted' AND x.created_by <> v_me
                   AND x.submitted_by IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)
                UNION ALL
                SELECT 'teacher_fund', count(*) FROM eduaid.teacher_fund_application x
                 WHERE x.status = 'submitted' AND x.created_by <> v_me
                   AND x.submitted_by IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)) AS c
            ON c.kind = k.kind
         ORDER BY k.ord;
    ELSIF v_supervisor AND NOT v_officer THEN
        RETURN QUERY
        SELECT k.kind, coalesce(c.n, 0)
          FROM unnest(ARRAY['household', 'training', 'special_ed', 'teacher_fund'])
               WITH ORDINALITY AS k(kind, ord)
          LEFT JOIN (
                SELECT 'household'::text AS kind, count(*) AS n FROM eduaid.household x
                 WHERE x.status = 'verified' AND x.created_by <> v_me
                   AND x.verified_by IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)
                UNION ALL
                SELECT 'training', count(*) FROM eduaid.training_enrollment x
                 WHERE x.status = 'verified' AND x.created_by <> v_me
                   AND x.verified_by IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)
                UNION ALL
                SELECT 'special_ed', count(*) FROM eduaid.special_ed_plan x
                 WHERE x.status = 'verified' AND x.created_by <> v_me
                   AND x.verified_by IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)
                UNION ALL
                SELECT 'teacher_fund', count(*) FROM eduaid.teacher_fund_application x
                 WHERE x.status = 'verified' AND x.created_by <> v_me
                   AND x.verified_by IS DISTINCT FROM v_me AND NOT v_me = ANY (x.editors)) AS c
            ON c.kind = k.kind
         ORDER BY k.ord;
    ELSE
        RETURN QUERY
        SELECT k.kind, 0::bigint
          FROM unnest(ARRAY['household', 'training', 'special_ed', 'teacher_fund']) AS k(kind);
    END IF;
END
$$;

ALTER FUNCTION eduaid.queue_counts() OWNER TO eduaid_owner;

COMMENT ON FUNCTION eduaid.queue_counts() IS 'eduaid: how many records of each kind wait for my review (docs/review-contract.md)';

CREATE FUNCTION eduaid.record_facts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    frozen boolean := TG_OP = 'UPDATE'
                      AND NEW.status NOT IN ('draft', 'rejected', 'submitted', 'verified');
    mine   boolean := NEW.township_id = ANY (coalesce(eduaid.my_townships(), '{}'::int[]))
                      OR coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                                    WHERE r.rolname = session_user), false);
BEGIN
    IF TG_TABLE_NAME = 'teacher_fund_application' THEN
        IF frozen THEN
            NEW.teacher_name := OLD.teacher_name;
            NEW.teacher_id_number := OLD.teacher_id_number;
            NEW.teacher_school_id := OLD.teacher_school_id;
            NEW.teacher_title := OLD.teacher_title;
            NEW.teacher_rural_years := OLD.teacher_rural_years;
        ELSE
            NEW.teacher_name := NULL;
            NEW.teacher_id_number := NULL;
            NEW.teacher_school_id := NULL;
            NEW.teacher_title := NULL;
            NEW.teacher_rural_years := NULL;
            IF mine THEN
                SELECT te.name, te.id_number, te.school_id, te.title, te.rural_years
                  INTO NEW.teacher_name, NEW.teacher_id_number, NEW.teacher_school_id,
                       NEW.teacher_title, NEW.teacher_rural_years
                  FROM eduaid.teacher te
                 WHERE te.township_id = NEW.township_id AND te.id = NEW.teacher_id
                   FOR SHARE;
            END IF;
        END IF;
    ELSIF TG_TABLE_NAME = 'special_ed_plan' THEN
        IF frozen THEN
            NEW.home_teacher_name := OLD.home_teacher_name;
            NEW.home_teacher_id_number := OLD.home_teacher_id_number;
        ELSE
            NEW.home_teacher_name := NULL;
            NEW.home_teacher_id_number := NULL;
            IF mine AND NEW.home_teacher_id IS NOT NULL THEN
                SELECT te.name, te.id_number
                  INTO NEW.home_teacher_name, NEW.home_teacher_id_number
                  FROM eduaid.teacher te
                 WHERE te.township_id = NEW.township_id AND te.id = NEW.home_teacher_id
                   FOR SHARE;
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;

ALTER FUNCTION eduaid.record_facts() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.record_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    trusted boolean := eduaid.trusted_writer();
    me      text := session_user;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT trusted AND (OLD.status <> 'draft' OR OLD.approved_at IS NOT NULL) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = format('%s %s is %s: only drafts that were never approved can be deleted (只能删除从未审批过的草稿)',
                                 TG_TABLE_NAME, OLD.id, OLD.status);
        END IF;
        RETURN OLD;
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF NOT trusted THEN
            IF eduaid.workflow_part(to_jsonb(NEW)) <>
               eduaid.workflow_part(jsonb_build_object('status', 'draft')) THEN
                RAISE EXCEPTION USING ERRCODE = 'EA006',
                    MESSAGE = 'new records start as drafts; use eduaid.submit() (新记录只能是草稿)';
            END IF;
            NEW.editors := ARRAY[me];
        ELSIF NEW.status IN ('in_notice', 'final') THEN
            RAISE EXCEPTION USING ERRCODE = 'EA012',
                MESSAGE = format('%s records enter %s only through a public notice (记录只能经公示进入此状态)',
                                 TG_TABLE_NAME, NEW.status);
        END IF;
        RETURN NEW;
    END IF;

    IF NEW.client_uuid IS DISTINCT FROM OLD.client_uuid THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s %s: client_uuid cannot change', TG_TABLE_NAME, OLD.id);
    END IF;

    IF NEW.status IS DISTINCT FROM OLD.status THEN
        IF NOT trusted THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = 'status changes only through eduaid.submit, verify, approve, reject or reopen (状态只能通过审核流程修改)';
        END IF;
        IF (OLD.status, NEW.status) NOT IN (('draft', 'submitted'), ('rejected', 'submitted'),
               ('submitted', 'verified'), ('submitted', 'rejected'), ('verified', 'approved'),
               ('verified', 'rejected'), ('approved', 'draft'), ('approved', 'in_notice'),
               ('in_notice', 'final'), ('in_notice', 'rejected'), ('final', 'draft')) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA001',
                MESSAGE = format('%s %s: no transition from %s to %s', TG_TABLE_NAME, OLD.id,
                                 OLD.status, NEW.status);
        END IF;
        IF OLD.status = 'in_notice' OR NEW.status = 'in_notice' THEN
            PERFORM eduaid.notice_transition_check(TG_TABLE_NAME, OLD.township_id, OLD.id,
                                                   OLD.status, NEW.status);
        END IF;
        RETURN NEW;
    END IF;

    IF NOT trusted AND (eduaid.workflow_part(to_jsonb(NEW)) <> eduaid.workflow_part(to_jsonb(OLD))
                        OR NEW.editors <> OLD.editors) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = 'workflow columns change only through the workflow functions (流程字段只能通过审核流程修改)';
    END IF;
    IF OLD.status IN ('approved', 'in_notice', 'final')
       AND NOT (trusted AND current_user <> 'eduaid_owner') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s %s is %s and read-only; reopen it with a reason to change it (已审批、公示中或已生效的记录只读，需说明理由重新打开)',
                             TG_TABLE_NAME, OLD.id, OLD.status);
    END IF;
    IF NOT trusted AND NOT eduaid.may_edit(OLD.status) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot edit a %s record (%s %s) (当前角色不能修改此状态的记录)',
                             coalesce(eduaid.my_role(), 'non-eduaid user'), OLD.status,
                             TG_TABLE_NAME, OLD.id);
    END IF;
    IF NOT me = ANY (NEW.editors) THEN
        NEW.editors := NEW.editors || me;
    END IF;
    RETURN NEW;
END
$$;

ALTER FUNCTION eduaid.record_guard() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.record_history(p_kind text, p_id bigint) RETURNS TABLE(at timestamp with time zone, actor text, actor_name text, action text, reason text, table_name text, row_id bigint, changes jsonb)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_names jsonb;
BEGIN
    IF eduaid.record_table(p_kind) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    v_names := (SELECT jsonb_object_agg(d.login, d.full_name) FROM eduaid.user_directory d);
    -- The township list makes the lookup one probe of audit_log_record_idx
    -- per township (auditors' policy alone would not narrow it).
    IF has_column_privilege('eduaid.audit_log', 'new_row', 'SELECT') THEN
        RETURN QUERY
        SELECT a.at, a.actor, coalesce(v_names ->> a.actor, ''), a.action, a.reason,
               a.table_name, a.row_id, eduaid.audit_changes(a.action, a.old_row, a.new_row)
          FROM eduaid.audit_log a
         WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
           AND a.kind = p_kind AND a.record_id = p_id
         ORDER BY a.at, a.id;
    ELSE
        RETURN QUERY
        SELECT a.at, a.actor, coalesce(v_names ->> a.actor, ''), a.action, a.reason,
               a.table_name, a.row_id, eduaid.audit_changes(a.action, a.old_masked, a.new_masked)
          FROM eduaid.audit_log a
         WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
           AND a.kind = p_kind AND a.record_id = p_id
         ORDER BY a.at, a.id;
    END IF;
END
$$;

ALTER FUNCTION eduaid.record_history(p_kind text, p_id bigint) OWNER TO eduaid_owner;

COMMENT ON FUNCTION eduaid.record_history(p_kind text, p_id bigint) IS 'eduaid: every audit entry of a record and its members, with the fields changed (docs/review-contract.md)';

CREATE FUNCTION eduaid.record_objection(p_item bigint, p_content text, p_objector text DEFAULT NULL::text, p_received_on date DEFAULT NULL::date) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION eduaid.record_objection(p_item bigint, p_content text, p_objector text, p_received_on date) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.record_table(kind text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE kind WHEN 'household'::text THEN 'household'::text WHEN 'training'::text THEN 'training_enrollment'::text WHEN 'special_ed'::text THEN 'special_ed_plan'::text WHEN 'teacher_fund'::text THEN 'teacher_fund_application'::text ELSE NULL::text END;

ALTER FUNCTION eduaid.record_table(kind text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.record_statuses(p_kind text) RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 SELECT array_agg(DISTINCT m.w[1]) AS array_agg
    FROM ((pg_constraint c
      JOIN pg_attribute a ON (((a.attrelid = c.conrelid) AND (a.attname = 'status'::name))))
      CROSS JOIN LATERAL regexp_matches(pg_get_constraintdef(c.oid), '''([^'']*)'''::text, 'g'::text) m(w))
   WHERE ((c.conrelid = ((('eduaid.'::text || eduaid.record_table(record_statuses.p_kind)))::regclass)::oid) AND (c.contype = 'c'::"char") AND (c.conkey = ARRAY[a.attnum]));
END;

ALTER FUNCTION eduaid.record_statuses(p_kind text) OWNER TO eduaid_owner;

COMMENT ON FUNCTION eduaid.record_statuses(p_kind text) IS 'eduaid: the status words a record kind''s table accepts (from its CHECK constraint)';

CREATE FUNCTION eduaid.refuse_request(id bigint, reason text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    r eduaid.account_request := eduaid.lock_request_to_decide(id);
BEGIN
    IF eduaid.is_blank(reason) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA064',
            MESSAGE = 'a refusal needs a reason (拒绝须说明理由)';
    END IF;
    DELETE FROM eduaid.account_request_secret s WHERE s.request_id = r.id;
    UPDATE eduaid.account_request q
       SET status = 'rejected', reason = refuse_request.reason, decided_by = session_user,
           decided_at = now()
     WHERE q.id = r.id;
END
$$;

ALTER FUNCTION eduaid.refuse_request(id bigint, reason text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.registry_rebuild() RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    bad  record;
    rows bigint;
BEGIN
    LOCK TABLE eduaid.household, eduaid.student, eduaid.training_enrollment,
               eduaid.special_ed_plan, eduaid.teacher IN SHARE MODE;
    LOCK TABLE eduaid.registry IN ACCESS EXCLUSIVE MODE;
    CREATE TEMPORARY TABLE registry_src ON COMMIT DROP AS
    SELECT 'person'::text AS kind, h.head_id_number AS key, h.township_id, h.id AS holder
      FROM eduaid.household h
    UNION ALL
    SELECT 'household_no', h.household_no, h.township_id, h.id FROM eduaid.household h
    UNION ALL
    SELECT 'person', s.id_number, s.township_id, s.household_id FROM eduaid.student s
    UNION ALL
    SELECT 'person', e.trainee_id_number, e.township_id, e.household_id
      FROM eduaid.training_enrollment e
    UNION ALL
    SELECT 'person', p.child_id_number, p.township_id, p.household_id FROM eduaid.special_ed_plan p
    UNION ALL
    SELECT 'plan', p.child_id_number, p.township_id, p.id FROM eduaid.special_ed_plan p
     WHERE p.ended_on IS NULL
    UNION ALL
    SELECT 'teacher', t.id_number, t.township_id, t.id FROM eduaid.teacher t;

    SELECT s.kind, count(*) OVER () AS n,
           array_agg(DISTINCT format('township %s holder %s', s.township_id, s.holder)) AS holders
      INTO bad
      FROM pg_temp.registry_src s
     GROUP BY s.kind, s.key
    HAVING count(DISTINCT (s.township_id, s.holder)) > 1
        OR (s.kind <> 'person' AND count(*) > 1)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA050',
            MESSAGE = format('%s key(s) are held twice; first: a %s key held by %s (有重复登记的身份证号或户编号)',
                             bad.n, bad.kind, array_to_string(bad.holders, ', '));
    END IF;

    DELETE FROM eduaid.registry;
    INSERT INTO eduaid.registry (kind, key, township_id, holder, refs)
    SELECT s.kind, s.key, min(s.township_id), min(s.holder), count(*)
      FROM pg_temp.registry_src s GROUP BY s.kind, s.key;
    GET DIAGNOSTICS rows = ROW_COUNT;
    DROP TABLE pg_temp.registry_src;
    RETURN rows;
END
$$;

ALTER FUNCTION eduaid.registry_rebuild() OWNER TO eduaid_registry_owner;

CREATE FUNCTION eduaid.registry_release(p_kind text, p_key text, p_township integer, p_holder bigint) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    left_refs int;
BEGIN
    UPDATE eduaid.registry g SET refs = g.refs - 1
     WHERE g.kind = p_kind AND g.key = p_key AND g.township_id = p_township
       AND g.holder = p_holder AND g.refs > 1
    RETURNING g.refs INTO left_refs;
    IF FOUND THEN
        RETURN;
    END IF;
    DELETE FROM eduaid.registry g
     WHERE g.kind = p_kind AND g.key = p_key AND g.township_id = p_township
       AND g.holder = p_holder;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA051',
            MESSAGE = 'the person registry is out of step with the records; an administrator runs eduaid.registry_rebuild() (人员登记表与记录不一致，请管理员重建)';
    END IF;
END
$$;

ALTER FUNCTION eduaid.registry_release(p_kind text, p_key text, p_township integer, p_holder bigint) OWNER TO eduaid_registry_owner;

CREATE FUNCTION eduaid.registry_row_refs(p_table text, r anyelement) RETURNS eduaid.registry_ref[]
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    CASE p_table
    WHEN 'household' THEN
        RETURN ARRAY[ROW('person', r.head_id_number, r.township_id, r.id, 'head_id_number'),
                     ROW('household_no', r.household_no, r.township_id, r.id, 'household_no')
                    ]::eduaid.registry_ref[];
    WHEN 'student' THEN
        RETURN ARRAY[ROW('person', r.id_number, r.township_id, r.household_id, 'id_number')
                    ]::eduaid.registry_ref[];
    WHEN 'training_enrollment' THEN
        RETURN ARRAY[ROW('person', r.trainee_id_number, r.township_id, r.household_id,
                         'trainee_id_number')]::eduaid.registry_ref[];
    WHEN 'special_ed_plan' THEN
        IF r.ended_on IS NULL THEN
            RETURN ARRAY[ROW('person', r.child_id_number, r.township_id, r.household_id,
                             'child_id_number'),
                         ROW('plan', r.child_id_number, r.township_id, r.id, 'child_id_number')
                        ]::eduaid.registry_ref[];
        END IF;
        RETURN ARRAY[ROW('person', r.child_id_number, r.township_id, r.household_id,
                         'child_id_number')]::eduaid.registry_ref[];
    WHEN 'teacher' THEN
        RETURN ARRAY[ROW('teacher', r.id_number, r.township_id, r.id, 'id_number')
                    ]::eduaid.registry_ref[];
    END CASE;
END
$$;

ALTER FUNCTION eduaid.registry_row_refs(p_table text, r anyelement) OWNER TO eduaid_registry_owner;

CREATE FUNCTION eduaid.registry_sync() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    o eduaid.registry_ref[] := '{}';
    n eduaid.registry_ref[] := '{}';
    x eduaid.registry_ref;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        o := eduaid.registry_row_refs(TG_TABLE_NAME, OLD);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        n := eduaid.registry_row_refs(TG_TABLE_NAME, NEW);
    END IF;
    FOREACH x IN ARRAY o LOOP
        IF NOT x = ANY (n) THEN
            PERFORM eduaid.registry_release(x.kind, x.key, x.township_id, x.holder);
        END IF;
    END LOOP;
    FOREACH x IN ARRAY n LOOP
        IF NOT x = ANY (o) THEN
            PERFORM eduaid.registry_take(x.kind, x.key, x.township_id, x.holder, TG_TABLE_NAME, x.col);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

ALTER FUNCTION eduaid.registry_sync() OWNER TO eduaid_registry_owner;

CREATE FUNCTION eduaid.registry_take(p_kind text, p_key text, p_township integer, p_holder bigint, p_table text, p_col text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    taken    boolean;
    township text;
BEGIN
    INSERT INTO eduaid.registry AS g (kind, key, township_id, holder, refs)
    VALUES (p_kind, p_key, p_township, p_holder, 1)
    ON CONFLICT (kind, key) DO UPDATE SET refs = g.refs + 1
     WHERE g.kind = 'person' AND g.township_id = EXCLUDED.township_id
       AND g.holder = EXCLUDED.holder
    RETURNING true INTO taken;
    IF taken THEN
        RETURN;
    END IF;
    -- The conflicting row is locked by the ON CONFLICT: it is still there.
    SELECT t.name INTO township
      FROM eduaid.registry g JOIN eduaid.township t ON t.id = g.township_id
     WHERE g.kind = p_kind AND g.key = p_key;
    -- The refusal rolls back with the statement and leaves no audit row;
    -- the server log keeps who was refused where (never the number), so
    -- a clerk probing ID numbers shows there. (A session that sets
    -- client_min_messages = log reads this line too: it says no more than
    -- the error.)
    RAISE LOG 'eduaid registry: % refused on %.% (held in %)',
        session_user, p_table, p_col, township;
    IF p_kind = 'household_no' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA008',
            MESSAGE = format('this household number is already registered in %s; contact that township (该户编号已在%s登记，请与该乡镇联系)',
                             township, township),
            DETAIL = township, TABLE = p_table, COLUMN = p_col, SCHEMA = 'eduaid';
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'EA008',
        MESSAGE = format('this ID number is already registered in %s; contact that township (该身份证号已在%s登记，请与该乡镇联系)',
                         township, township),
        DETAIL = township, TABLE = p_table, COLUMN = p_col, SCHEMA = 'eduaid';
END
$$;

ALTER FUNCTION eduaid.registry_take(p_kind text, p_key text, p_township integer, p_holder bigint, p_table text, p_col text) OWNER TO eduaid_registry_owner;

CREATE FUNCTION eduaid.reject(kind text, id bigint, reason text, expected_version integer DEFAULT NULL::integer) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    RETURN eduaid.transition('reject'::text, kind, id, reason, expected_version);

ALTER FUNCTION eduaid.reject(kind text, id bigint, reason text, expected_version integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.reopen(kind text, id bigint, reason text, expected_version integer DEFAULT NULL::integer) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    RETURN eduaid.transition('reopen'::text, kind, id, reason, expected_version);

ALTER FUNCTION eduaid.reopen(kind text, id bigint, reason text, expected_version integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.report_pct(part numeric, whole numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN round((((100)::numeric * part) / NULLIF(whole, (0)::numeric)), 1);

ALTER FUNCTION eduaid.report_pct(part numeric, whole numeric) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.report_townships(p_township integer) RETURNS TABLE(id integer, name text)
    LANGUAGE sql STABLE PARALLEL SAFE
    BEGIN ATOMIC
 SELECT t.id,
     t.name
    FROM eduaid.township t
   WHERE ((t.id = ANY (( SELECT eduaid.my_townships() AS my_townships)::integer[])) AND ((report_townships.p_township IS NULL) OR (t.id = report_townships.p_township)))
   ORDER BY t.id;
END;

ALTER FUNCTION eduaid.report_townships(p_township integer) OWNER TO eduaid_owner;

CREATE TABLE eduaid.member_tally (
    township_id integer NOT NULL,
    stage text NOT NULL,
    school_id integer NOT NULL,
    schooling_status text NOT NULL,
    nutrition_meal boolean NOT NULL,
    n bigint NOT NULL,
    CONSTRAINT member_tally_n_check CHECK ((n >= 0))
);

ALTER TABLE ONLY eduaid.member_tally FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.member_tally OWNER TO eduaid_owner;

COMMENT ON TABLE eduaid.member_tally IS 'eduaid: members of the counted households by stage, school, schooling status and meal, per township';

CREATE FUNCTION eduaid.report_nutrition(p_year integer, p_township integer DEFAULT NULL::integer) RETURNS TABLE(township_id integer, township text, item text, pilot_students bigint, covered bigint, missing bigint, coverage numeric)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
 WITH n AS (
          SELECT m.township_id AS tid,
             sum(m.n) AS pilot,
             sum(m.n) FILTER (WHERE m.nutrition_meal) AS covered
            FROM (eduaid.member_tally m
              JOIN eduaid.school sc ON (((sc.id = m.school_id) AND sc.nutrition_pilot)))
           WHERE ((m.stage = ANY (ARRAY['primary'::text, 'junior'::text])) AND ((report_nutrition.p_township IS NULL) OR (m.township_id = report_nutrition.p_township)))
           GROUP BY m.township_id
         )
  SELECT t.id,
     t.name,
     NULL::text AS text,
     (sum(COALESCE(n.pilot, (0)::numeric)))::bigint AS sum,
     (sum(COALESCE(n.covered, (0)::numeric)))::bigint AS sum,
     (sum((COALESCE(n.pilot, (0)::numeric) - COALESCE(n.covered, (0)::numeric))))::bigint AS sum,
     eduaid.report_pct(sum(n.covered), sum(n.pilot)) AS report_pct
    FROM (eduaid.report_townships(report_nutrition.p_township) t(id, name)
      LEFT JOIN n ON ((n.tid = t.id)))
   GROUP BY GROUPING SETS ((t.id, t.name), ())
  HAVING (count(*) > 0)
   ORDER BY t.id;
END;

ALTER FUNCTION eduaid.report_nutrition(p_year integer, p_township integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.report_schooling(p_year integer, p_township integer DEFAULT NULL::integer) RETURNS TABLE(township_id integer, township text, item text, members bigint, enrolled bigint, dropped_out bigint, suspended bigint, not_enrolled bigint, enrolled_pct numeric, school_age bigint, suspected bigint, confirmed bigint, returned bigint)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
 WITH s AS (
          SELECT m.township_id AS tid,
             sum(m.n) AS members,
             sum(m.n) FILTER (WHERE (m.schooling_status = 'enrolled'::text)) AS enrolled,
             sum(m.n) FILTER (WHERE (m.schooling_status = 'dropped_out'::text)) AS dropped_out,
             sum(m.n) FILTER (WHERE (m.schooling_status = 'suspended'::text)) AS suspended,
             sum(m.n) FILTER (WHERE (m.schooling_status = 'not_enrolled'::text)) AS not_enrolled
            FROM eduaid.member_tally m
           WHERE ((report_schooling.p_township IS NULL) OR (m.township_id = report_schooling.p_township))
           GROUP BY m.township_id
         ), l AS MATERIALIZED (
          SELECT ledger_counts.township_id,
             ledger_counts.school_age,
             ledger_counts.suspected,
             ledger_counts.confirmed,
             ledger_counts.returned
            FROM eduaid.ledger_counts(report_schooling.p_year) ledger_counts(township_id, school_age, suspected, confirmed, returned)
         )
  SELECT t.id,
     t.name,
     NULL::text AS text,
     (sum(COALESCE(s.members, (0)::numeric)))::bigint AS sum,
     (sum(COALESCE(s.enrolled, (0)::numeric)))::bigint AS sum,
     (sum(COALESCE(s.dropped_out, (0)::numeric)))::bigint AS sum,
     (sum(COALESCE(s.suspended, (0)::numeric)))::bigint AS sum,
     (sum(COALESCE(s.not_enrolled, (0)::numeric)))::bigint AS sum,
     eduaid.report_pct(sum(s.enrolled), sum(s.members)) AS report_pct,
     (sum(COALESCE(l.school_age, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(l.suspected, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(l.confirmed, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(l.returned, (0)::bigint)))::bigint AS sum
    FROM ((eduaid.report_townships(report_schooling.p_township) t(id, name)
      LEFT JOIN s ON ((s.tid = t.id)))
      LEFT JOIN l ON ((l.township_id = t.id)))
   GROUP BY GROUPING SETS ((t.id, t.name), ())
  HAVING (count(*) > 0)
   ORDER BY t.id;
END;

ALTER FUNCTION eduaid.report_schooling(p_year integer, p_township integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.special_ed_counts(p_year integer, p_township integer) RETURNS TABLE(tid integer, children bigint, planned bigint, special_school bigint, regular_class bigint, special_class bigint, home_delivery bigint)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 WITH kids AS (
          SELECT st.township_id AS tid,
             pl.placement
            FROM ((eduaid.household h
              JOIN eduaid.student st ON (((st.township_id = h.township_id) AND (st.household_id = h.id))))
              LEFT JOIN LATERAL ( SELECT p.placement
                    FROM eduaid.special_ed_plan p
                   WHERE ((p.township_id = st.township_id) AND (p.child_id_number = st.id_number) AND (p.status = ANY (ARRAY['approved'::text, 'in_notice'::text, 'final'::text])) AND (p.placed_on < make_date((special_ed_counts.p_year + 1), 9, 1)) AND ((p.ended_on IS NULL) OR (p.ended_on >= make_date(special_ed_counts.p_year, 9, 1))))
                   ORDER BY p.placed_on DESC, p.id DESC
                  LIMIT 1) pl ON (true))
           WHERE ((h.status = ANY (ARRAY['approved'::text, 'in_notice'::text, 'final'::text])) AND (h.township_id = ANY (( SELECT eduaid.my_townships() AS my_townships)::integer[])) AND ((special_ed_counts.p_township IS NULL) OR (h.township_id = special_ed_counts.p_township)) AND (st.disability_type IS NOT NULL) AND (st.birth_date > make_date((special_ed_counts.p_year - 16), 9, 1)) AND (st.birth_date <= make_date((special_ed_counts.p_year - 6), 9, 1)))
         )
  SELECT k.tid,
     count(*) AS count,
     count(k.placement) AS count,
     count(*) FILTER (WHERE (k.placement = 'special_school'::text)) AS count,
     count(*) FILTER (WHERE (k.placement = 'regular_class'::text)) AS count,
     count(*) FILTER (WHERE (k.placement = 'special_class'::text)) AS count,
     count(*) FILTER (WHERE (k.placement = 'home_delivery'::text)) AS count
    FROM kids k
   GROUP BY k.tid;
END;

ALTER FUNCTION eduaid.special_ed_counts(p_year integer, p_township integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.report_special_ed(p_year integer, p_township integer DEFAULT NULL::integer) RETURNS TABLE(township_id integer, township text, item text, children bigint, planned bigint, unplanned bigint, coverage numeric, special_school bigint, regular_class bigint, special_class bigint, home_delivery bigint)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
 SELECT t.id,
     t.name,
     NULL::text AS text,
     (sum(COALESCE(c.children, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(c.planned, (0)::bigint)))::bigint AS sum,
     (sum((COALESCE(c.children, (0)::bigint) - COALESCE(c.planned, (0)::bigint))))::bigint AS sum,
     eduaid.report_pct(sum(c.planned), sum(c.children)) AS report_pct,
     (sum(COALESCE(c.special_school, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(c.regular_class, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(c.special_class, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(c.home_delivery, (0)::bigint)))::bigint AS sum
    FROM (eduaid.report_townships(report_special_ed.p_township) t(id, name)
      LEFT JOIN eduaid.special_ed_counts(report_special_ed.p_year, report_special_ed.p_township) c(tid, children, planned, special_school, regular_class, special_class, home_delivery) ON ((c.tid = t.id)))
   GROUP BY GROUPING SETS ((t.id, t.name), ())
  HAVING (count(*) > 0)
   ORDER BY t.id;
END;

ALTER FUNCTION eduaid.report_special_ed(p_year integer, p_township integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.subsidy_programs() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY['preschool_aid'::text, 'compulsory_waiver'::text, 'boarding_subsidy'::text, 'high_school_grant'::text, 'high_school_waiver'::text, 'vocational_waiver'::text, 'vocational_grant'::text, 'college_freshman_aid'::text, 'student_loan'::text];

ALTER FUNCTION eduaid.subsidy_programs() OWNER TO eduaid_owner;

CREATE TABLE eduaid.subsidy_tally (
    township_id integer NOT NULL,
    school_year integer NOT NULL,
    program text NOT NULL,
    n bigint NOT NULL,
    CONSTRAINT subsidy_tally_n_check CHECK ((n >= 0))
);

ALTER TABLE ONLY eduaid.subsidy_tally FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.subsidy_tally OWNER TO eduaid_owner;

COMMENT ON TABLE eduaid.subsidy_tally IS 'eduaid: entitlements (school_year 0) and grants of the counted households, per township and program';

CREATE FUNCTION eduaid.report_subsidy(p_year integer, p_township integer DEFAULT NULL::integer) RETURNS TABLE(township_id integer, township text, item text, entitled bigint, granted bigint, missing bigint, coverage numeric)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
 WITH ent AS (
          SELECT t.township_id AS tid,
             t.program,
             sum(t.n) FILTER (WHERE (t.school_year = 0)) AS entitled,
             sum(t.n) FILTER (WHERE (t.school_year = report_subsidy.p_year)) AS granted
            FROM eduaid.subsidy_tally t
           WHERE ((t.school_year = ANY (ARRAY[0, report_subsidy.p_year])) AND ((report_subsidy.p_township IS NULL) OR (t.township_id = report_subsidy.p_township)))
           GROUP BY t.township_id, t.program
         ), grid AS (
          SELECT t.id,
             t.name,
             p.program,
             p.ord,
             COALESCE(e.entitled, (0)::numeric) AS entitled,
             COALESCE(e.granted, (0)::numeric) AS granted
            FROM ((eduaid.report_townships(report_subsidy.p_township) t(id, name)
              CROSS JOIN unnest(eduaid.subsidy_programs()) WITH ORDINALITY p(program, ord))
              LEFT JOIN ent e ON (((e.tid = t.id) AND (e.program = p.program))))
         )
  SELECT g.id,
     g.name,
     g.program,
     (sum(g.entitled))::bigint AS sum,
     (sum(g.granted))::bigint AS sum,
     (sum((g.entitled - g.granted)))::bigint AS sum,
     eduaid.report_pct(sum(g.granted), sum(g.entitled)) AS report_pct
    FROM grid g
   GROUP BY GROUPING SETS ((g.id, g.name, g.program, g.ord), (g.id, g.name), (g.program, g.ord), ())
  HAVING (count(*) > 0)
   ORDER BY g.id, g.ord NULLS FIRST;
END;

ALTER FUNCTION eduaid.report_subsidy(p_year integer, p_township integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.stage_programs(stage text, boarding boolean) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE stage WHEN 'preschool'::text THEN ARRAY['preschool_aid'::text] WHEN 'primary'::text THEN (ARRAY['compulsory_waiver'::text] || CASE WHEN boarding THEN ARRAY['boarding_subsidy'::text] ELSE '{}'::text[] END) WHEN 'junior'::text THEN (ARRAY['compulsory_waiver'::text] || CASE WHEN boarding THEN ARRAY['boarding_subsidy'::text] ELSE '{}'::text[] END) WHEN 'senior_high'::text THEN ARRAY['high_school_grant'::text, 'high_school_waiver'::text] WHEN 'secondary_vocational'::text THEN ARRAY['vocational_waiver'::text, 'vocational_grant'::text] WHEN 'college'::text THEN ARRAY['college_freshman_aid'::text, 'student_loan'::text] ELSE '{}'::text[] END;

ALTER FUNCTION eduaid.stage_programs(stage text, boarding boolean) OWNER TO eduaid_owner;

CREATE TABLE eduaid.student_subsidy (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    household_id bigint NOT NULL,
    student_id bigint NOT NULL,
    school_year integer NOT NULL,
    program text NOT NULL,
    amount numeric NOT NULL,
    granted_on date,
    CONSTRAINT student_subsidy_amount_check CHECK (eduaid.money_valid(amount)),
    CONSTRAINT student_subsidy_program_check CHECK ((program = ANY (ARRAY['preschool_aid'::text, 'compulsory_waiver'::text, 'boarding_subsidy'::text, 'high_school_grant'::text, 'high_school_waiver'::text, 'vocational_waiver'::text, 'vocational_grant'::text, 'college_freshman_aid'::text, 'student_loan'::text, 'zihui'::text]))),
    CONSTRAINT student_subsidy_school_year_check CHECK (((school_year >= 2014) AND (school_year <= 2035)))
);

ALTER TABLE ONLY eduaid.student_subsidy FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.student_subsidy OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.report_subsidy_missing(p_year integer, p_township integer DEFAULT NULL::integer, p_after_township integer DEFAULT NULL::integer, p_after_household_no text DEFAULT NULL::text, p_after_student bigint DEFAULT NULL::bigint, p_after_program text DEFAULT NULL::text, p_limit integer DEFAULT NULL::integer) RETURNS TABLE(township_id integer, township text, household_no text, student_id bigint, name text, id_number_masked text, stage text, school text, program text)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
 SELECT h.township_id,
     t.name,
     h.household_no,
     st.id,
     st.name,
     st.id_number_masked,
     st.stage,
     sc.name,
     p.program
    FROM ((((eduaid.household h
      JOIN eduaid.township t ON ((t.id = h.township_id)))
      JOIN eduaid.student st ON (((st.township_id = h.township_id) AND (st.household_id = h.id))))
      LEFT JOIN eduaid.school sc ON ((sc.id = st.school_id)))
      CROSS JOIN LATERAL unnest(eduaid.stage_programs(st.stage, st.boarding)) p(program))
   WHERE ((h.status = ANY (ARRAY['approved'::text, 'in_notice'::text, 'final'::text])) AND (h.township_id = ANY (( SELECT eduaid.my_townships() AS my_townships)::integer[])) AND ((report_subsidy_missing.p_township IS NULL) OR (h.township_id = report_subsidy_missing.p_township)) AND (ROW(h.township_id, h.household_no) >= ROW(COALESCE(report_subsidy_missing.p_after_township, 0), COALESCE(report_subsidy_missing.p_after_household_no, ''::text))) AND (ROW(h.township_id, h.household_no, st.id, p.program) > ROW(COALESCE(report_subsidy_missing.p_after_township, 0), COALESCE(report_subsidy_missing.p_after_household_no, ''::text), COALESCE(report_subsidy_missing.p_after_student, (0)::bigint), COALESCE(report_subsidy_missing.p_after_program, ''::text))) AND (st.stage <> 'none'::text) AND (NOT (EXISTS ( SELECT
            FROM eduaid.student_subsidy s
           WHERE ((s.school_year = report_subsidy_missing.p_year) AND (s.township_id = st.township_id) AND (s.household_id = st.household_id) AND (s.student_id = st.id) AND (s.program = p.program))))))
   ORDER BY h.township_id, h.household_no, st.id, p.program
  LIMIT report_subsidy_missing.p_limit;
END;

ALTER FUNCTION eduaid.report_subsidy_missing(p_year integer, p_township integer, p_after_township integer, p_after_household_no text, p_after_student bigint, p_after_program text, p_limit integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.subsidy_share(p_township integer, p_household bigint) RETURNS TABLE(school_year integer, program text, n bigint)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 SELECT 0,
     p.program,
     count(*) AS count
    FROM (eduaid.student st
      CROSS JOIN LATERAL unnest(eduaid.stage_programs(st.stage, st.boarding)) p(program))
   WHERE ((st.township_id = subsidy_share.p_township) AND ((subsidy_share.p_household IS NULL) OR (st.household_id = subsidy_share.p_household)) AND (st.stage <> 'none'::text))
   GROUP BY p.program
 UNION ALL
  SELECT s.school_year,
     s.program,
     count(*) AS count
    FROM (eduaid.student_subsidy s
      JOIN eduaid.student st ON (((st.township_id = s.township_id) AND (st.household_id = s.household_id) AND (st.id = s.student_id))))
   WHERE ((s.township_id = subsidy_share.p_township) AND ((subsidy_share.p_household IS NULL) OR (s.household_id = subsidy_share.p_household)) AND (st.stage <> 'none'::text) AND (s.program = ANY (eduaid.stage_programs(st.stage, st.boarding))))
   GROUP BY s.school_year, s.program;
END;

ALTER FUNCTION eduaid.subsidy_share(p_township integer, p_household bigint) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.report_tally_add(p_township integer, p_household bigint, sign integer) RETURNS void
    LANGUAGE sql
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 INSERT INTO eduaid.subsidy_tally AS t (township_id, school_year, program, n)  SELECT report_tally_add.p_township AS p_township,
             x.school_year,
             x.program,
             x.n
            FROM eduaid.subsidy_share(report_tally_add.p_township, report_tally_add.p_household) x(school_year, program, n)
           WHERE (report_tally_add.sign > 0) ON CONFLICT(township_id, school_year, program) DO UPDATE SET n = (t.n + excluded.n);
 UPDATE eduaid.subsidy_tally t SET n = (t.n - x.n)
    FROM eduaid.subsidy_share(report_tally_add.p_township, report_tally_add.p_household) x(school_year, program, n)
   WHERE ((report_tally_add.sign < 0) AND (t.township_id = report_tally_add.p_township) AND (t.school_year = x.school_year) AND (t.program = x.program));
 INSERT INTO eduaid.member_tally AS t (township_id, stage, school_id, schooling_status, nutrition_meal, n)  SELECT report_tally_add.p_township AS p_township,
             x.stage,
             x.school_id,
             x.schooling_status,
             x.nutrition_meal,
             x.n
            FROM eduaid.member_share(report_tally_add.p_township, report_tally_add.p_household) x(stage, school_id, schooling_status, nutrition_meal, n)
           WHERE (report_tally_add.sign > 0) ON CONFLICT(township_id, stage, school_id, schooling_status, nutrition_meal) DO UPDATE SET n = (t.n + excluded.n);
 UPDATE eduaid.member_tally t SET n = (t.n - x.n)
    FROM eduaid.member_share(report_tally_add.p_township, report_tally_add.p_household) x(stage, school_id, schooling_status, nutrition_meal, n)
   WHERE ((report_tally_add.sign < 0) AND (t.township_id = report_tally_add.p_township) AND (t.stage = x.stage) AND (t.school_id = x.school_id) AND (t.schooling_status = x.schooling_status) AND (t.nutrition_meal = x.nutrition_meal));
END;

ALTER FUNCTION eduaid.report_tally_add(p_township integer, p_household bigint, sign integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.report_tally_rebuild() RETURNS bigint
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    rows bigint;
BEGIN
    DELETE FROM eduaid.subsidy_tally;
    INSERT INTO eduaid.subsidy_tally (township_id, school_year, program, n)
    SELECT st.township_id, 0, p.program, count(*)
      FROM eduaid.household h
      JOIN eduaid.student st ON st.township_id = h.township_id AND st.household_id = h.id
     CROSS JOIN LATERAL unnest(eduaid.stage_programs(st.stage, st.boarding)) AS p (program)
     WHERE h.status IN ('approved', 'in_notice', 'final') AND st.stage <> 'none'
     GROUP BY 1, 3
    UNION ALL
    SELECT s.township_id, s.school_year, s.program, count(*)
      FROM eduaid.household h
      JOIN eduaid.student st ON st.township_id = h.township_id AND st.household_id = h.id
      JOIN eduaid.student_subsidy s ON s.township_id = st.township_id
       AND s.household_id = st.household_id AND s.student_id = st.id
     WHERE h.status IN ('approved', 'in_notice', 'final') AND st.stage <> 'none'
       AND s.program = ANY (eduaid.stage_programs(st.stage, st.boarding))
     GROUP BY 1, 2, 3;
    GET DIAGNOSTICS rows = ROW_COUNT;
    DELETE FROM eduaid.member_tally;
    INSERT INTO eduaid.member_tally (township_id, stage, school_id, schooling_status,
                                     nutrition_meal, n)
    SELECT st.township_id, st.stage, coalesce(st.school_id, 0), st.schooling_status,
           st.nutrition_meal, count(*)
      FROM eduaid.household h
      JOIN eduaid.student st ON st.township_id = h.township_id AND st.household_id = h.id
     WHERE h.status IN ('approved', 'in_notice', 'final')
     GROUP BY 1, 2, 3, 4, 5;
    RETURN rows;
END
$$;

ALTER FUNCTION eduaid.report_tally_rebuild() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.report_tally_trigger() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    was  boolean := TG_OP <> 'INSERT' AND OLD.status IN ('approved', 'in_notice', 'final');
    now_ boolean := TG_OP <> 'DELETE' AND NEW.status IN ('approved', 'in_notice', 'final');
BEGIN
    IF was AND NOT now_ THEN
        PERFORM eduaid.report_tally_add(OLD.township_id, OLD.id, -1);
    ELSIF now_ AND NOT was THEN
        PERFORM eduaid.report_tally_add(NEW.township_id, NEW.id, 1);
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

ALTER FUNCTION eduaid.report_tally_trigger() OWNER TO eduaid_owner;

CREATE TABLE eduaid.fund_program (
    id integer NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    max_amount numeric,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT fund_program_code_check CHECK ((code ~ '^[a-z][a-z0-9_]*$'::text)),
    CONSTRAINT fund_program_max_amount_check CHECK (eduaid.money_valid(max_amount)),
    CONSTRAINT fund_program_name_check CHECK ((NOT eduaid.is_blank(name)))
);

ALTER TABLE eduaid.fund_program OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.report_teacher_fund(p_year integer, p_township integer DEFAULT NULL::integer) RETURNS TABLE(township_id integer, township text, item text, applications bigint, requested numeric, approved bigint, approved_amount numeric)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
 WITH a AS (
          SELECT a.township_id AS tid,
             a.program_id,
             count(*) AS n,
             sum(a.amount_requested) AS requested,
             count(*) FILTER (WHERE (a.status = ANY (ARRAY['approved'::text, 'in_notice'::text, 'final'::text]))) AS approved,
             sum(a.amount_approved) FILTER (WHERE (a.status = ANY (ARRAY['approved'::text, 'in_notice'::text, 'final'::text]))) AS approved_amount
            FROM eduaid.teacher_fund_application a
           WHERE ((a.status <> 'draft'::text) AND (a.school_year = report_teacher_fund.p_year) AND ((report_teacher_fund.p_township IS NULL) OR (a.township_id = report_teacher_fund.p_township)))
           GROUP BY a.township_id, a.program_id
         ), grid AS (
          SELECT t.id,
             t.name,
             p.id AS pid,
             p.name AS program,
             a.tid,
             a.program_id,
             a.n,
             a.requested,
             a.approved,
             a.approved_amount
            FROM ((eduaid.report_townships(report_teacher_fund.p_township) t(id, name)
              CROSS JOIN eduaid.fund_program p)
              LEFT JOIN a ON (((a.tid = t.id) AND (a.program_id = p.id))))
           WHERE (p.active OR (a.n IS NOT NULL))
         )
  SELECT g.id,
     g.name,
     g.program,
     (sum(COALESCE(g.n, (0)::bigint)))::bigint AS sum,
     sum(COALESCE(g.requested, (0)::numeric)) AS sum,
     (sum(COALESCE(g.approved, (0)::bigint)))::bigint AS sum,
     sum(COALESCE(g.approved_amount, (0)::numeric)) AS sum
    FROM grid g
   GROUP BY GROUPING SETS ((g.id, g.name, g.pid, g.program), (g.id, g.name), (g.pid, g.program), ())
  HAVING (count(*) > 0)
   ORDER BY g.id, g.pid NULLS FIRST;
END;

ALTER FUNCTION eduaid.report_teacher_fund(p_year integer, p_township integer) OWNER TO eduaid_owner;

CREATE TABLE eduaid.training_course (
    id integer NOT NULL,
    name text NOT NULL,
    category text NOT NULL,
    hours integer NOT NULL,
    active boolean DEFAULT true NOT NULL,
    CONSTRAINT training_course_category_check CHECK ((category = ANY (ARRAY['industry'::text, 'agriculture'::text, 'service'::text, 'commerce'::text]))),
    CONSTRAINT training_course_hours_check CHECK (((hours >= 1) AND (hours <= 2000))),
    CONSTRAINT training_course_name_check CHECK ((NOT eduaid.is_blank(name)))
);

ALTER TABLE eduaid.training_course OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.report_training(p_year integer, p_township integer DEFAULT NULL::integer) RETURNS TABLE(township_id integer, township text, item text, person_times bigint, completed bigint, certified bigint, employed bigint, self_employed bigint, entrepreneur bigint, further_study bigint, unemployed bigint, pending bigint)
    LANGUAGE sql STABLE
    BEGIN ATOMIC
 WITH e AS (
          SELECT e.township_id AS tid,
             e.course_id,
             count(*) AS n,
             count(*) FILTER (WHERE e.completed) AS completed,
             count(e.certificate_no) AS certified,
             count(*) FILTER (WHERE (e.employment_outcome = 'employed'::text)) AS employed,
             count(*) FILTER (WHERE (e.employment_outcome = 'self_employed'::text)) AS self_employed,
             count(*) FILTER (WHERE (e.employment_outcome = 'entrepreneur'::text)) AS entrepreneur,
             count(*) FILTER (WHERE (e.employment_outcome = 'further_study'::text)) AS further_study,
             count(*) FILTER (WHERE (e.employment_outcome = 'unemployed'::text)) AS unemployed,
             count(*) FILTER (WHERE (e.employment_outcome = 'pending'::text)) AS pending
            FROM eduaid.training_enrollment e
           WHERE ((e.status = ANY (ARRAY['approved'::text, 'in_notice'::text, 'final'::text])) AND (e.start_date >= make_date(report_training.p_year, 9, 1)) AND (e.start_date < make_date((report_training.p_year + 1), 9, 1)) AND ((report_training.p_township IS NULL) OR (e.township_id = report_training.p_township)))
           GROUP BY e.township_id, e.course_id
         ), grid AS (
          SELECT t.id,
             t.name,
             c.id AS cid,
             c.name AS course,
             e.tid,
             e.course_id,
             e.n,
             e.completed,
             e.certified,
             e.employed,
             e.self_employed,
             e.entrepreneur,
             e.further_study,
             e.unemployed,
             e.pending
            FROM ((eduaid.report_townships(report_training.p_township) t(id, name)
              CROSS JOIN eduaid.training_course c)
              LEFT JOIN e ON (((e.tid = t.id) AND (e.course_id = c.id))))
           WHERE (c.active OR (e.n IS NOT NULL))
         )
  SELECT g.id,
     g.name,
     g.course,
     (sum(COALESCE(g.n, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(g.completed, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(g.certified, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(g.employed, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(g.self_employed, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(g.entrepreneur, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(g.further_study, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(g.unemployed, (0)::bigint)))::bigint AS sum,
     (sum(COALESCE(g.pending, (0)::bigint)))::bigint AS sum
    FROM grid g
   GROUP BY GROUPING SETS ((g.id, g.name, g.cid, g.course), (g.id, g.name), (g.cid, g.course), ())
  HAVING (count(*) > 0)
   ORDER BY g.id, g.cid NULLS FIRST;
END;

ALTER FUNCTION eduaid.report_training(p_year integer, p_township integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.request_create(login text, full_name text, role text, townships integer[] DEFAULT '{}'::integer[], verifier text DEFAULT NULL::text, county_id integer DEFAULT NULL::integer) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    county int := coalesce(request_create.county_id, eduaid.my_account_county());
    id bigint;
BEGIN
    IF county IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = 'only an eduaid admin manages users (只有系统管理员可以管理用户)';
    END IF;
    PERFORM eduaid.require_admin(county);
    PERFORM eduaid.check_new_user(login, role);
    IF eduaid.is_blank(full_name) OR char_length(full_name) > 50 THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = 'a user needs a name of at most 50 characters (姓名不能为空且不超过50字)';
    END IF;
    PERFORM eduaid.check_user_townships(role, county, coalesce(townships, '{}'));
    IF verifier IS NOT NULL THEN
        PERFORM eduaid.require_verifier(verifier);
    END IF;
    PERFORM eduaid.check_not_pending('create', login);
    INSERT INTO eduaid.account_request AS r (action, login, county_id, full_name, role, townships,
                                             with_password)
    VALUES ('create', login, county, full_name, role, coalesce(townships, '{}'), verifier IS NOT NULL)
    RETURNING r.id INTO id;
    IF verifier IS NOT NULL THEN
        INSERT INTO eduaid.account_request_secret (request_id, verifier) VALUES (id, verifier);
    END IF;
    RETURN id;
END
$$;

ALTER FUNCTION eduaid.request_create(login text, full_name text, role text, townships integer[], verifier text, county_id integer) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.request_enable(login text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    u eduaid.app_user;
    id bigint;
BEGIN
    u := eduaid.lock_user(login);
    PERFORM eduaid.require_admin(u.county_id);
    PERFORM eduaid.check_not_pending('enable', u.login);
    INSERT INTO eduaid.account_request AS r (action, login, county_id, role)
    VALUES ('enable', u.login, u.county_id, u.role)
    RETURNING r.id INTO id;
    RETURN id;
END
$$;

ALTER FUNCTION eduaid.request_enable(login text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.request_password(login text, verifier text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    u eduaid.app_user;
    id bigint;
BEGIN
    PERFORM eduaid.require_verifier(verifier);
    u := eduaid.lock_user(login);
    PERFORM eduaid.require_admin(u.county_id);
    PERFORM eduaid.check_not_pending('password', u.login);
    INSERT INTO eduaid.account_request AS r (action, login, county_id, role, with_password)
    VALUES ('password', u.login, u.county_id, u.role, true)
    RETURNING r.id INTO id;
    INSERT INTO eduaid.account_request_secret (request_id, verifier) VALUES (id, verifier);
    RETURN id;
END
$$;

ALTER FUNCTION eduaid.request_password(login text, verifier text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.request_townships(login text, townships integer[]) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    u eduaid.app_user;
    id bigint;
BEGIN
    u := eduaid.lock_user(login);
    PERFORM eduaid.require_admin(u.county_id);
    PERFORM eduaid.check_user_townships(u.role, u.county_id, townships);
    PERFORM eduaid.check_not_pending('townships', u.login);
    INSERT INTO eduaid.account_request AS r (action, login, county_id, role, townships)
    VALUES ('townships', u.login, u.county_id, u.role, townships)
    RETURNING r.id INTO id;
    RETURN id;
END
$$;

ALTER FUNCTION eduaid.request_townships(login text, townships integer[]) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.require_admin(county integer) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user), false) THEN
        RETURN;
    END IF;
    IF eduaid.my_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = 'only an eduaid admin manages users (只有系统管理员可以管理用户)';
    END IF;
    IF NOT EXISTS (SELECT FROM eduaid.app_user u
                    WHERE u.login = session_user AND u.county_id = require_admin.county) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('an admin manages the users of their own county only, not of %s (只能管理本县用户)', county);
    END IF;
END
$$;

ALTER FUNCTION eduaid.require_admin(county integer) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.require_superuser() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user), false) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA066',
            MESSAGE = 'an account change takes effect only when a county supervisor approves the request '
                      '(账号变更须经县级审核员批准)',
            HINT = 'eduaid user request-create / request-password / request-townships';
    END IF;
END
$$;

ALTER FUNCTION eduaid.require_superuser() OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.require_verifier(v text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF NOT eduaid.is_scram_verifier(v) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA060',
            MESSAGE = 'a password reaches the server only as a SCRAM-SHA-256 verifier computed by the client '
                      '(密码只能以客户端计算的 SCRAM-SHA-256 校验值提交)',
            HINT = 'eduaid user request-password LOGIN';
    END IF;
END
$$;

ALTER FUNCTION eduaid.require_verifier(v text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.returned_to_me(p_limit integer DEFAULT 200) RETURNS TABLE(kind text, id bigint, version integer, township text, summary text, reason text, rejected_by text, rejected_by_name text, rejected_at timestamp with time zone)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    v_me    constant text := session_user;
    v_limit constant int := least(greatest(coalesce(p_limit, 200), 0), 1000);
    v_names jsonb;
BEGIN
    IF v_limit = 0 THEN
        RETURN;
    END IF;
    v_names := (SELECT jsonb_object_agg(d.login, d.full_name) FROM eduaid.user_directory d);
    RETURN QUERY
    SELECT p.kind, p.id, p.version, tw.name, p.summary, p.reason, p.rejected_by,
           coalesce(v_names ->> p.rejected_by, ''), p.rejected_at
      FROM (SELECT u.*
              FROM ((SELECT 'household'::text AS kind, x.id, x.version, x.township_id,
                            concat_ws(' ', x.household_no, x.head_name) AS summary,
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.household x
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'training', x.id, x.version, x.township_id,
                            concat_ws(' ', x.trainee_name, c.name), x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.training_enrollment x
                       LEFT JOIN eduaid.training_course c ON c.id = x.course_id
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'special_ed', x.id, x.version, x.township_id,
                            concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)),
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.special_ed_plan x
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'teacher_fund', x.id, x.version, x.township_id,
                            concat_ws(' ', te.name, fp.name, x.amount_requested),
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.teacher_fund_application x
                       LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id
                       LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)) AS u
             ORDER BY u.rejected_at DESC, u.kind COLLATE "C", u.id
             LIMIT v_limit) AS p
      JOIN eduaid.township tw ON tw.id = p.township_id
     ORDER BY p.rejected_at DESC, p.kind COLLATE "C", p.id;
END
$$;

ALTER FUNCTION eduaid.returned_to_me(p_limit integer) OWNER TO eduaid_owner;

COMMENT ON FUNCTION eduaid.returned_to_me(p_limit integer) IS 'eduaid: rejected records I created or submitted, newest rejection first (docs/review-contract.md)';

CREATE FUNCTION eduaid.review_queue(p_kind text DEFAULT NULL::text, p_township integer DEFAULT NULL::integer, p_min_wait interval DEFAULT NULL::interval, p_search text DEFAULT NULL::text, p_after_since timestamp with time zone DEFAULT NULL::timestamp with time zone, p_after_kind text DEFAULT NULL::text, p_after_id bigint DEFAULT NULL::bigint, p_limit integer DEFAULT 50) RETURNS TABLE(kind text, id bigint, version integer, status text, township_id integer, township text, summary text, submitted_by text, submitted_by_name text, waiting_since timestamp with time zone)
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    SET plan_cache_mode TO 'force_generic_plan'
    SET enable_sort TO 'off'
    AS $_$
-- Generated by sql/016_index_scope.sql from the template of sql/010_review.sql:
-- read the comments there.
DECLARE
    -- the group of the login (each login is in exactly one; 01_schema.sql)
    v_officer constant boolean := pg_has_role(session_user, 'eduaid_officer', 'MEMBER');
    v_supervisor constant boolean := pg_has_role(session_user, 'eduaid_supervisor', 'MEMBER');
    v_towns   int[];
    v_per_town int;
    v_town    int := p_township;
    v_me      constant text := session_user;
    v_limit   constant int := least(greatest(coalesce(p_limit, 50), 0), 1000);
    v_since   constant timestamptz := coalesce(p_after_since, '-infinity');
    v_after_household    constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('household', p_after_kind, p_after_id) END;
    v_after_training     constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('training', p_after_kind, p_after_id) END;
    v_after_special_ed   constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('special_ed', p_after_kind, p_after_id) END;
    v_after_teacher_fund constant bigint := CASE WHEN p_after_since IS NULL THEN -9223372036854775808
        ELSE eduaid.queue_after_id('teacher_fund', p_after_kind, p_after_id) END;
    v_until   constant timestamptz := coalesce(now() - p_min_wait, 'infinity');
    v_search  constant text := nullif(eduaid.tidy(p_search), '');
    v_id      constant bigint := CASE WHEN eduaid.tidy(p_search) ~ '^[0-9]{1,18}$'
                                      THEN eduaid.tidy(p_search)::bigint END;
BEGIN
    IF p_kind IS NOT NULL AND eduaid.record_table(p_kind) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, training, special_ed or teacher_fund';
    END IF;
    -- neither (or both: a superuser is a "member" of every role): no queue
    IF v_limit = 0 OR v_officer = v_supervisor THEN
        RETURN;
    END IF;
    IF v_officer THEN
        v_towns := eduaid.my_townships();
        IF v_towns IS NULL OR p_township <> ALL (v_towns) THEN
            RETURN;
        END IF;
        IF v_town IS NULL AND cardinality(v_towns) = 1 THEN
            v_town := v_towns[1];
        END IF;
        IF v_town IS NOT NULL THEN
        RETURN QUERY
        SELECT p.kind, p.id, p.version, p.status, p.township_id,
               m.names ->> p.township_id::text, p.summary, p.actor,
               coalesce(m.names ->> p.actor, ''), p.since
          FROM (SELECT u.*
                  FROM (
                    (SELECT 'household'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.household_no, x.head_name) AS summary, x.submitted_by AS actor, x.submitted_at AS since
                       FROM eduaid.household x
                      WHERE (p_kind IS NULL OR p_kind = 'household')
                        AND x.status = 'submitted' AND x.township_id = v_town
                        AND (x.submitted_at, x.id) > (v_since, v_after_household) AND x.submitted_at <= v_until
                        AND x.created_by <> v_me AND x.submitted_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.household_no, x.head_name), v_search))
                      ORDER BY x.submitted_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'training'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.trainee_name, c.name) AS summary, x.submitted_by AS actor, x.submitted_at AS since
                       FROM eduaid.training_enrollment x LEFT JOIN eduaid.training_course c ON c.id = x.course_id
                      WHERE (p_kind IS NULL OR p_kind = 'training')
                        AND x.status = 'submitted' AND x.township_id = v_town
                        AND (x.submitted_at, x.id) > (v_since, v_after_training) AND x.submitted_at <= v_until
                        AND x.created_by <> v_me AND x.submitted_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.trainee_name, c.name), v_search))
                      ORDER BY x.submitted_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'special_ed'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)) AS summary, x.submitted_by AS actor, x.submitted_at AS since
                       FROM eduaid.special_ed_plan x
                      WHERE (p_kind IS NULL OR p_kind = 'special_ed')
                        AND x.status = 'submitted' AND x.township_id = v_town
                        AND (x.submitted_at, x.id) > (v_since, v_after_special_ed) AND x.submitted_at <= v_until
                        AND x.created_by <> v_me AND x.submitted_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)), v_search))
                      ORDER BY x.submitted_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'teacher_fund'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', te.name, fp.name, x.amount_requested) AS summary, x.submitted_by AS actor, x.submitted_at AS since
                       FROM eduaid.teacher_fund_application x LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id
                      WHERE (p_kind IS NULL OR p_kind = 'teacher_fund')
                        AND x.status = 'submitted' AND x.township_id = v_town
                        AND (x.submitted_at, x.id) > (v_since, v_after_teacher_fund) AND x.submitted_at <= v_until
                        AND x.created_by <> v_me AND x.submitted_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', te.name, fp.name, x.amount_requested), v_search))
                      ORDER BY x.submitted_at, x.id LIMIT v_limit)) AS u
                 ORDER BY u.since, u.kind COLLATE "C", u.id
                 LIMIT v_limit) AS p
         CROSS JOIN (SELECT (SELECT jsonb_object_agg(n.k, n.v)
                               FROM (SELECT d.login AS k, d.full_name AS v
                                       FROM eduaid.user_directory d
                                     UNION ALL
                                     SELECT t.id::text, t.name FROM eduaid.township t
                                      WHERE t.id = v_town) AS n) AS names
                     OFFSET 0) AS m
         ORDER BY p.since, p.kind COLLATE "C", p.id;
        ELSE
        RETURN QUERY
        SELECT p.kind, p.id, p.version, p.status, p.township_id,
               m.names ->> p.township_id::text, p.summary, p.actor,
               coalesce(m.names ->> p.actor, ''), p.since
          FROM (SELECT u.*
                  FROM (
                    (SELECT 'household'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.household_no, x.head_name) AS summary, x.submitted_by AS actor, x.submitted_at AS since
                       FROM eduaid.household x
                      WHERE (p_kind IS NULL OR p_kind = 'household')
                        AND x.status = 'submitted'
                        AND (x.submitted_at, x.id) > (v_since, v_after_household) AND x.submitted_at <= v_until
                        AND x.created_by <> v_me AND x.submitted_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.household_no, x.head_name), v_search))
                      ORDER BY x.submitted_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'training'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.trainee_name, c.name) AS summary, x.submitted_by AS actor, x.submitted_at AS since
                       FROM eduaid.training_enrollment x LEFT JOIN eduaid.training_course c ON c.id = x.course_id
                      WHERE (p_kind IS NULL OR p_kind = 'training')
                        AND x.status = 'submitted'
                        AND (x.submitted_at, x.id) > (v_since, v_after_training) AND x.submitted_at <= v_until
                        AND x.created_by <> v_me AND x.submitted_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.trainee_name, c.name), v_search))
                      ORDER BY x.submitted_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'special_ed'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)) AS summary, x.submitted_by AS actor, x.submitted_at AS since
                       FROM eduaid.special_ed_plan x
                      WHERE (p_kind IS NULL OR p_kind = 'special_ed')
                        AND x.status = 'submitted'
                        AND (x.submitted_at, x.id) > (v_since, v_after_special_ed) AND x.submitted_at <= v_until
                        AND x.created_by <> v_me AND x.submitted_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)), v_search))
                      ORDER BY x.submitted_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'teacher_fund'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', te.name, fp.name, x.amount_requested) AS summary, x.submitted_by AS actor, x.submitted_at AS since
                       FROM eduaid.teacher_fund_application x LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id
                      WHERE (p_kind IS NULL OR p_kind = 'teacher_fund')
                        AND x.status = 'submitted'
                        AND (x.submitted_at, x.id) > (v_since, v_after_teacher_fund) AND x.submitted_at <= v_until
                        AND x.created_by <> v_me AND x.submitted_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', te.name, fp.name, x.amount_requested), v_search))
                      ORDER BY x.submitted_at, x.id LIMIT v_limit)) AS u
                 ORDER BY u.since, u.kind COLLATE "C", u.id
                 LIMIT v_limit) AS p
         CROSS JOIN (SELECT (SELECT jsonb_object_agg(n.k, n.v)
                               FROM (SELECT d.login AS k, d.full_name AS v
                                       FROM eduaid.user_directory d
                                     UNION ALL
                                     SELECT t.id::text, t.name FROM eduaid.township t
                                      WHERE t.county_id = (SELECT d.county_id FROM eduaid.user_directory d WHERE d.login = session_user)) AS n) AS names
                     OFFSET 0) AS m
         ORDER BY p.since, p.kind COLLATE "C", p.id;
        END IF;
    ELSE
        -- a supervisor: the county is what RLS lets me see, read one
        -- township at a time (no index runs across townships: 016); a
        -- search reads the whole queue anyway
        IF v_town IS NOT NULL THEN
        RETURN QUERY
        SELECT p.kind, p.id, p.version, p.status, p.township_id,
               m.names ->> p.township_id::text, p.summary, p.actor,
               coalesce(m.names ->> p.actor, ''), p.since
          FROM (SELECT u.*
                  FROM (
                    (SELECT 'household'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.household_no, x.head_name) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM eduaid.household x
                      WHERE (p_kind IS NULL OR p_kind = 'household')
                        AND x.status = 'verified' AND x.township_id = v_town
                        AND (x.verified_at, x.id) > (v_since, v_after_household) AND x.verified_at <= v_until
                        AND x.created_by <> v_me AND x.verified_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.household_no, x.head_name), v_search))
                      ORDER BY x.verified_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'training'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.trainee_name, c.name) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM eduaid.training_enrollment x LEFT JOIN eduaid.training_course c ON c.id = x.course_id
                      WHERE (p_kind IS NULL OR p_kind = 'training')
                        AND x.status = 'verified' AND x.township_id = v_town
                        AND (x.verified_at, x.id) > (v_since, v_after_training) AND x.verified_at <= v_until
                        AND x.created_by <> v_me AND x.verified_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.trainee_name, c.name), v_search))
                      ORDER BY x.verified_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'special_ed'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM eduaid.special_ed_plan x
                      WHERE (p_kind IS NULL OR p_kind = 'special_ed')
                        AND x.status = 'verified' AND x.township_id = v_town
                        AND (x.verified_at, x.id) > (v_since, v_after_special_ed) AND x.verified_at <= v_until
                        AND x.created_by <> v_me AND x.verified_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)), v_search))
                      ORDER BY x.verified_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'teacher_fund'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', te.name, fp.name, x.amount_requested) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM eduaid.teacher_fund_application x LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id
                      WHERE (p_kind IS NULL OR p_kind = 'teacher_fund')
                        AND x.status = 'verified' AND x.township_id = v_town
                        AND (x.verified_at, x.id) > (v_since, v_after_teacher_fund) AND x.verified_at <= v_until
                        AND x.created_by <> v_me AND x.verified_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', te.name, fp.name, x.amount_requested), v_search))
                      ORDER BY x.verified_at, x.id LIMIT v_limit)) AS u
                 ORDER BY u.since, u.kind COLLATE "C", u.id
                 LIMIT v_limit) AS p
         CROSS JOIN (SELECT (SELECT jsonb_object_agg(n.k, n.v)
                               FROM (SELECT d.login AS k, d.full_name AS v
                                       FROM eduaid.user_directory d
                                     UNION ALL
                                     SELECT t.id::text, t.name FROM eduaid.township t
                                      WHERE t.id = v_town) AS n) AS names
                     OFFSET 0) AS m
         ORDER BY p.since, p.kind COLLATE "C", p.id;
        ELSIF v_search IS NOT NULL THEN
        RETURN QUERY
        SELECT p.kind, p.id, p.version, p.status, p.township_id,
               m.names ->> p.township_id::text, p.summary, p.actor,
               coalesce(m.names ->> p.actor, ''), p.since
          FROM (SELECT u.*
                  FROM (
                    (SELECT 'household'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.household_no, x.head_name) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM eduaid.household x
                      WHERE (p_kind IS NULL OR p_kind = 'household')
                        AND x.status = 'verified'
                        AND (x.verified_at, x.id) > (v_since, v_after_household) AND x.verified_at <= v_until
                        AND x.created_by <> v_me AND x.verified_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.household_no, x.head_name), v_search))
                      ORDER BY x.verified_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'training'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.trainee_name, c.name) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM eduaid.training_enrollment x LEFT JOIN eduaid.training_course c ON c.id = x.course_id
                      WHERE (p_kind IS NULL OR p_kind = 'training')
                        AND x.status = 'verified'
                        AND (x.verified_at, x.id) > (v_since, v_after_training) AND x.verified_at <= v_until
                        AND x.created_by <> v_me AND x.verified_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.trainee_name, c.name), v_search))
                      ORDER BY x.verified_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'special_ed'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM eduaid.special_ed_plan x
                      WHERE (p_kind IS NULL OR p_kind = 'special_ed')
                        AND x.status = 'verified'
                        AND (x.verified_at, x.id) > (v_since, v_after_special_ed) AND x.verified_at <= v_until
                        AND x.created_by <> v_me AND x.verified_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)), v_search))
                      ORDER BY x.verified_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'teacher_fund'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', te.name, fp.name, x.amount_requested) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM eduaid.teacher_fund_application x LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id
                      WHERE (p_kind IS NULL OR p_kind = 'teacher_fund')
                        AND x.status = 'verified'
                        AND (x.verified_at, x.id) > (v_since, v_after_teacher_fund) AND x.verified_at <= v_until
                        AND x.created_by <> v_me AND x.verified_by IS DISTINCT FROM v_me
                        AND NOT v_me = ANY (x.editors)
                        AND (v_search IS NULL OR x.id = v_id OR starts_with(concat_ws(' ', te.name, fp.name, x.amount_requested), v_search))
                      ORDER BY x.verified_at, x.id LIMIT v_limit)) AS u
                 ORDER BY u.since, u.kind COLLATE "C", u.id
                 LIMIT v_limit) AS p
         CROSS JOIN (SELECT (SELECT jsonb_object_agg(n.k, n.v)
                               FROM (SELECT d.login AS k, d.full_name AS v
                                       FROM eduaid.user_directory d
                                     UNION ALL
                                     SELECT t.id::text, t.name FROM eduaid.township t
                                      WHERE t.county_id = (SELECT d.county_id FROM eduaid.user_directory d WHERE d.login = session_user)) AS n) AS names
                     OFFSET 0) AS m
         ORDER BY p.since, p.kind COLLATE "C", p.id;
        ELSE
            v_towns := eduaid.my_townships();
            IF v_towns IS NULL THEN
                RETURN;
            END IF;
            v_per_town := v_limit / cardinality(v_towns) + 1;
        RETURN QUERY
        SELECT p.kind, p.id, p.version, p.status, p.township_id,
               m.names ->> p.township_id::text, p.summary, p.actor,
               coalesce(m.names ->> p.actor, ''), p.since
          FROM (SELECT u.*
                  FROM (
                    (SELECT 'household'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.household_no, x.head_name) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM (SELECT w.*
                               FROM unnest(v_towns) AS tw(id)
                              CROSS JOIN LATERAL (
                                    SELECT y.id, y.version, y.status, y.township_id, y.submitted_by,
                                           y.verified_at, y.household_no, y.head_name
                                      FROM eduaid.household y
                                     WHERE (p_kind IS NULL OR p_kind = 'household')
                                       AND y.status = 'verified' AND y.township_id = tw.id
                                       AND (y.verified_at, y.id) > (v_since, v_after_household)
                                       AND y.verified_at <= (SELECT coalesce((
                                           SELECT b.verified_at
                                             FROM unnest(v_towns) AS bt(id)
                                            CROSS JOIN LATERAL (
                                                  SELECT z.verified_at, z.id FROM eduaid.household z
                                                   WHERE z.status = 'verified' AND z.township_id = bt.id
                                                     AND (z.verified_at, z.id) > (v_since, v_after_household)
                                                     AND z.verified_at <= v_until
                                                     AND z.created_by <> v_me
                                                     AND z.verified_by IS DISTINCT FROM v_me
                                                     AND NOT v_me = ANY (z.editors)
                                                   ORDER BY z.verified_at, z.id LIMIT v_per_town) AS b
                                            ORDER BY b.verified_at, b.id OFFSET v_limit - 1 LIMIT 1),
                                           v_until))
                                       AND y.created_by <> v_me AND y.verified_by IS DISTINCT FROM v_me
                                       AND NOT v_me = ANY (y.editors)
                                     ORDER BY y.verified_at, y.id LIMIT v_limit) AS w
                              ORDER BY w.verified_at, w.id LIMIT v_limit) AS x
                      ORDER BY x.verified_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'training'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.trainee_name, c.name) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM (SELECT w.*
                               FROM unnest(v_towns) AS tw(id)
                              CROSS JOIN LATERAL (
                                    SELECT y.id, y.version, y.status, y.township_id, y.submitted_by,
                                           y.verified_at, y.trainee_name, y.course_id
                                      FROM eduaid.training_enrollment y
                                     WHERE (p_kind IS NULL OR p_kind = 'training')
                                       AND y.status = 'verified' AND y.township_id = tw.id
                                       AND (y.verified_at, y.id) > (v_since, v_after_training)
                                       AND y.verified_at <= (SELECT coalesce((
                                           SELECT b.verified_at
                                             FROM unnest(v_towns) AS bt(id)
                                            CROSS JOIN LATERAL (
                                                  SELECT z.verified_at, z.id FROM eduaid.training_enrollment z
                                                   WHERE z.status = 'verified' AND z.township_id = bt.id
                                                     AND (z.verified_at, z.id) > (v_since, v_after_training)
                                                     AND z.verified_at <= v_until
                                                     AND z.created_by <> v_me
                                                     AND z.verified_by IS DISTINCT FROM v_me
                                                     AND NOT v_me = ANY (z.editors)
                                                   ORDER BY z.verified_at, z.id LIMIT v_per_town) AS b
                                            ORDER BY b.verified_at, b.id OFFSET v_limit - 1 LIMIT 1),
                                           v_until))
                                       AND y.created_by <> v_me AND y.verified_by IS DISTINCT FROM v_me
                                       AND NOT v_me = ANY (y.editors)
                                     ORDER BY y.verified_at, y.id LIMIT v_limit) AS w
                              ORDER BY w.verified_at, w.id LIMIT v_limit) AS x LEFT JOIN eduaid.training_course c ON c.id = x.course_id
                      ORDER BY x.verified_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'special_ed'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM (SELECT w.*
                               FROM unnest(v_towns) AS tw(id)
                              CROSS JOIN LATERAL (
                                    SELECT y.id, y.version, y.status, y.township_id, y.submitted_by,
                                           y.verified_at, y.child_name, y.placement
                                      FROM eduaid.special_ed_plan y
                                     WHERE (p_kind IS NULL OR p_kind = 'special_ed')
                                       AND y.status = 'verified' AND y.township_id = tw.id
                                       AND (y.verified_at, y.id) > (v_since, v_after_special_ed)
                                       AND y.verified_at <= (SELECT coalesce((
                                           SELECT b.verified_at
                                             FROM unnest(v_towns) AS bt(id)
                                            CROSS JOIN LATERAL (
                                                  SELECT z.verified_at, z.id FROM eduaid.special_ed_plan z
                                                   WHERE z.status = 'verified' AND z.township_id = bt.id
                                                     AND (z.verified_at, z.id) > (v_since, v_after_special_ed)
                                                     AND z.verified_at <= v_until
                                                     AND z.created_by <> v_me
                                                     AND z.verified_by IS DISTINCT FROM v_me
                                                     AND NOT v_me = ANY (z.editors)
                                                   ORDER BY z.verified_at, z.id LIMIT v_per_town) AS b
                                            ORDER BY b.verified_at, b.id OFFSET v_limit - 1 LIMIT 1),
                                           v_until))
                                       AND y.created_by <> v_me AND y.verified_by IS DISTINCT FROM v_me
                                       AND NOT v_me = ANY (y.editors)
                                     ORDER BY y.verified_at, y.id LIMIT v_limit) AS w
                              ORDER BY w.verified_at, w.id LIMIT v_limit) AS x
                      ORDER BY x.verified_at, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'teacher_fund'::text AS kind, x.id, x.version, x.status, x.township_id,
                            concat_ws(' ', te.name, fp.name, x.amount_requested) AS summary, x.submitted_by AS actor, x.verified_at AS since
                       FROM (SELECT w.*
                               FROM unnest(v_towns) AS tw(id)
                              CROSS JOIN LATERAL (
                                    SELECT y.id, y.version, y.status, y.township_id, y.submitted_by,
                                           y.verified_at, y.teacher_id, y.program_id, y.amount_requested
                                      FROM eduaid.teacher_fund_application y
                                     WHERE (p_kind IS NULL OR p_kind = 'teacher_fund')
                                       AND y.status = 'verified' AND y.township_id = tw.id
                                       AND (y.verified_at, y.id) > (v_since, v_after_teacher_fund)
                                       AND y.verified_at <= (SELECT coalesce((
                                           SELECT b.verified_at
                                             FROM unnest(v_towns) AS bt(id)
                                            CROSS JOIN LATERAL (
                                                  SELECT z.verified_at, z.id FROM eduaid.teacher_fund_application z
                                                   WHERE z.status = 'verified' AND z.township_id = bt.id
                                                     AND (z.verified_at, z.id) > (v_since, v_after_teacher_fund)
                                                     AND z.verified_at <= v_until
                                                     AND z.created_by <> v_me
                                                     AND z.verified_by IS DISTINCT FROM v_me
                                                     AND NOT v_me = ANY (z.editors)
                                                   ORDER BY z.verified_at, z.id LIMIT v_per_town) AS b
                                            ORDER BY b.verified_at, b.id OFFSET v_limit - 1 LIMIT 1),
                                           v_until))
                                       AND y.created_by <> v_me AND y.verified_by IS DISTINCT FROM v_me
                                       AND NOT v_me = ANY (y.editors)
                                     ORDER BY y.verified_at, y.id LIMIT v_limit) AS w
                              ORDER BY w.verified_at, w.id LIMIT v_limit) AS x LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id
                      ORDER BY x.verified_at, x.id LIMIT v_limit)) AS u
                 ORDER BY u.since, u.kind COLLATE "C", u.id
                 LIMIT v_limit) AS p
         CROSS JOIN (SELECT (SELECT jsonb_object_agg(n.k, n.v)
                               FROM (SELECT d.login AS k, d.full_name AS v
                                       FROM eduaid.user_directory d
                                     UNION ALL
                                     SELECT t.id::text, t.name FROM eduaid.township t
                                      WHERE t.county_id = (SELECT d.county_id FROM eduaid.user_directory d WHERE d.login = session_user)) AS n) AS names
                     OFFSET 0) AS m
         ORDER BY p.since, p.kind COLLATE "C", p.id;
        END IF;
    END IF;
END
$_$;

ALTER FUNCTION eduaid.review_queue(p_kind text, p_township integer, p_min_wait interval, p_search text, p_after_since timestamp with time zone, p_after_kind text, p_after_id bigint, p_limit integer) OWNER TO eduaid_owner;

COMMENT ON FUNCTION eduaid.review_queue(p_kind text, p_township integer, p_min_wait interval, p_search text, p_after_since timestamp with time zone, p_after_kind text, p_after_id bigint, p_limit integer) IS 'eduaid: records waiting for my verification or approval, oldest first (docs/review-contract.md)';

CREATE FUNCTION eduaid.roster_differences(p_import bigint) RETURNS SETOF eduaid.roster_difference
    LANGUAGE plpgsql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF eduaid.my_role() = 'supervisor' THEN
        RETURN QUERY SELECT * FROM eduaid.roster_differences_masked(p_import);
    ELSE
        RETURN QUERY SELECT * FROM eduaid.roster_diff(p_import, false);
    END IF;
END
$$;

ALTER FUNCTION eduaid.roster_differences(p_import bigint) OWNER TO eduaid_owner;

COMMENT ON FUNCTION eduaid.roster_differences(p_import bigint) IS 'eduaid: the differences between a roster import and eduaid, in the caller''s townships';

CREATE TABLE eduaid.roster_import (
    id bigint NOT NULL,
    imported_by text DEFAULT SESSION_USER NOT NULL,
    imported_at timestamp with time zone DEFAULT now() NOT NULL,
    file_name text NOT NULL,
    encoding text NOT NULL,
    row_count integer,
    CONSTRAINT roster_import_encoding_check CHECK ((encoding = ANY (ARRAY['UTF-8'::text, 'UTF-8 with BOM'::text, 'GB18030'::text]))),
    CONSTRAINT roster_import_file_name_check CHECK (((NOT eduaid.is_blank(file_name)) AND (char_length(file_name) <= 1000))),
    CONSTRAINT roster_import_row_count_check CHECK ((row_count >= 0))
);

ALTER TABLE ONLY eduaid.roster_import FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.roster_import OWNER TO eduaid_owner;

CREATE TABLE eduaid.roster_row (
    import_id bigint NOT NULL,
    file_line integer NOT NULL,
    household_no text NOT NULL,
    township text NOT NULL,
    village text NOT NULL,
    township_id integer NOT NULL,
    village_id bigint NOT NULL,
    head_name text NOT NULL,
    head_id_number text NOT NULL,
    head_id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(head_id_number)) STORED,
    family_size integer,
    member_name text,
    member_id_number text,
    member_id_number_masked text GENERATED ALWAYS AS (eduaid.mask_id_number(member_id_number)) STORED,
    relation text,
    stage text,
    imported_by text DEFAULT SESSION_USER NOT NULL,
    CONSTRAINT roster_row_family_size_check CHECK (((family_size >= 1) AND (family_size <= 30))),
    CONSTRAINT roster_row_file_line_check CHECK ((file_line >= 1)),
    CONSTRAINT roster_row_head_id_number_check CHECK (eduaid.id_number_ok(head_id_number)),
    CONSTRAINT roster_row_head_name_check CHECK (((NOT eduaid.is_blank(head_name)) AND (char_length(head_name) <= 50))),
    CONSTRAINT roster_row_household_no_check CHECK ((household_no ~ '^[0-9A-Z-]{6,30}$'::text)),
    CONSTRAINT roster_row_member_id_number_check CHECK (eduaid.id_number_ok(member_id_number)),
    CONSTRAINT roster_row_member_id_number_required CHECK (((member_name IS NULL) OR (member_id_number IS NOT NULL))),
    CONSTRAINT roster_row_member_name_check CHECK (((NOT eduaid.is_blank(member_name)) AND (char_length(member_name) <= 50))),
    CONSTRAINT roster_row_member_name_required CHECK (((member_name IS NOT NULL) OR ((member_id_number IS NULL) AND (relation IS NULL) AND (stage IS NULL)))),
    CONSTRAINT roster_row_relation_check CHECK ((relation = ANY (ARRAY['child'::text, 'grandchild'::text, 'sibling'::text, 'self'::text, 'other'::text]))),
    CONSTRAINT roster_row_stage_check CHECK ((stage = ANY (ARRAY['preschool'::text, 'primary'::text, 'junior'::text, 'senior_high'::text, 'secondary_vocational'::text, 'college'::text, 'none'::text]))),
    CONSTRAINT roster_row_township_check CHECK ((NOT eduaid.is_blank(township))),
    CONSTRAINT roster_row_village_check CHECK ((NOT eduaid.is_blank(village)))
);

ALTER TABLE eduaid.roster_row OWNER TO eduaid_owner;

CREATE VIEW eduaid.roster_rows WITH (security_barrier='true') AS
 SELECT i.id AS import_id,
    r.file_line,
    r.household_no,
    r.township,
    r.village,
    r.township_id,
    r.village_id,
    r.head_name,
    r.head_id_number,
    r.head_id_number_masked,
    r.family_size,
    r.member_name,
    r.member_id_number,
    r.member_id_number_masked,
    r.relation,
    r.stage
   FROM (eduaid.roster_import i
     CROSS JOIN LATERAL ( SELECT x.import_id,
            x.file_line,
            x.household_no,
            x.township,
            x.village,
            x.township_id,
            x.village_id,
            x.head_name,
            x.head_id_number,
            x.head_id_number_masked,
            x.family_size,
            x.member_name,
            x.member_id_number,
            x.member_id_number_masked,
            x.relation,
            x.stage,
            x.imported_by
           FROM eduaid.roster_row x
          WHERE (x.import_id = i.id)
         OFFSET 0) r)
  WHERE ((i.imported_by = SESSION_USER) OR (eduaid.my_role() = 'auditor'::text));

ALTER TABLE eduaid.roster_rows OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.roster_counts(p_import bigint) RETURNS TABLE(township_id integer, township_name text, roster_households bigint, roster_members bigint, missing_households bigint, extra_households bigint, differing_households bigint, missing_members bigint, extra_members bigint, differing_members bigint)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 WITH d AS (
          SELECT roster_differences.township_id,
             roster_differences.township_name,
             roster_differences.diff_kind,
             roster_differences.household_no,
             roster_differences.person_name,
             roster_differences.id_number,
             roster_differences.field,
             roster_differences.roster_value,
             roster_differences.eduaid_value
            FROM eduaid.roster_differences(roster_counts.p_import) roster_differences(township_id, township_name, diff_kind, household_no, person_name, id_number, field, roster_value, eduaid_value)
         ), r AS (
          SELECT x.township_id,
             count(DISTINCT x.household_no) AS nh,
             count(x.member_name) AS nm
            FROM eduaid.roster_rows x
           WHERE ((x.import_id = roster_counts.p_import) AND (x.import_id IN ( SELECT i.id
                    FROM eduaid.roster_import i
                   WHERE (i.row_count IS NOT NULL))) AND (x.township_id = ANY (( SELECT eduaid.my_townships() AS my_townships)::integer[])))
           GROUP BY x.township_id
         ), dc AS (
          SELECT d.township_id,
             count(*) FILTER (WHERE (d.diff_kind = 'missing_household'::text)) AS mh,
             count(*) FILTER (WHERE (d.diff_kind = 'extra_household'::text)) AS eh,
             count(DISTINCT d.household_no) FILTER (WHERE (d.diff_kind = 'household_differs'::text)) AS dh,
             count(*) FILTER (WHERE (d.diff_kind = 'missing_member'::text)) AS mm,
             count(*) FILTER (WHERE (d.diff_kind = 'extra_member'::text)) AS em,
             count(DISTINCT d.id_number) FILTER (WHERE (d.diff_kind = 'member_differs'::text)) AS dm
            FROM d
           GROUP BY d.township_id
         )
  SELECT t.id,
     t.name,
     COALESCE(r.nh, (0)::bigint) AS "coalesce",
     COALESCE(r.nm, (0)::bigint) AS "coalesce",
     COALESCE(dc.mh, (0)::bigint) AS "coalesce",
     COALESCE(dc.eh, (0)::bigint) AS "coalesce",
     COALESCE(dc.dh, (0)::bigint) AS "coalesce",
     COALESCE(dc.mm, (0)::bigint) AS "coalesce",
     COALESCE(dc.em, (0)::bigint) AS "coalesce",
     COALESCE(dc.dm, (0)::bigint) AS "coalesce"
    FROM ((eduaid.township t
      LEFT JOIN r ON ((r.township_id = t.id)))
      LEFT JOIN dc ON ((dc.township_id = t.id)))
   WHERE ((r.township_id IS NOT NULL) OR (dc.township_id IS NOT NULL))
   ORDER BY t.id;
END;

ALTER FUNCTION eduaid.roster_counts(p_import bigint) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.roster_create_drafts(p_import bigint, p_household_nos text[]) RETURNS TABLE(household_no text, household_id bigint, members integer)
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION eduaid.roster_create_drafts(p_import bigint, p_household_nos text[]) OWNER TO eduaid_owner;

CREATE TABLE eduaid.village (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    name text NOT NULL,
    CONSTRAINT village_id_check CHECK (((id / 1000) = township_id)),
    CONSTRAINT village_name_check CHECK ((NOT eduaid.is_blank(name)))
);

ALTER TABLE eduaid.village OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.roster_diff(p_import bigint, p_masked boolean) RETURNS SETOF eduaid.roster_difference
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 WITH imp AS (
          SELECT i.id
            FROM eduaid.roster_import i
           WHERE ((i.id = roster_diff.p_import) AND (i.row_count IS NOT NULL) AND ((i.imported_by = SESSION_USER) OR (eduaid.my_role() = 'auditor'::text)))
         ), scope AS (
          SELECT ( SELECT eduaid.my_townships() AS my_townships) AS t
         ), rr AS (
          SELECT r.import_id,
             r.file_line,
             r.household_no,
             r.township,
             r.village,
             r.township_id,
             r.village_id,
             r.head_name,
             r.head_id_number,
             r.head_id_number_masked,
             r.family_size,
             r.member_name,
             r.member_id_number,
             r.member_id_number_masked,
             r.relation,
             r.stage
            FROM eduaid.roster_rows r,
             imp,
             scope
           WHERE ((r.import_id = imp.id) AND (r.township_id = ANY (scope.t)))
         ), rh AS (
          SELECT DISTINCT ON (rr.household_no) rr.household_no,
             rr.township_id,
             rr.village_id,
             rr.township,
             rr.village,
             rr.head_name,
             rr.head_id_number,
                 CASE
                     WHEN roster_diff.p_masked THEN rr.head_id_number_masked
                     ELSE rr.head_id_number
                 END AS head_key,
             rr.family_size
            FROM rr
           ORDER BY rr.household_no, rr.file_line
         ), rm AS (
          SELECT rr.household_no,
             rr.township_id,
             rr.member_name,
             rr.member_id_number,
                 CASE
                     WHEN roster_diff.p_masked THEN rr.household_no
                     ELSE ''::text
                 END AS hk,
                 CASE
                     WHEN roster_diff.p_masked THEN rr.member_id_number_masked
                     ELSE rr.member_id_number
                 END AS ik
            FROM rr
           WHERE (rr.member_name IS NOT NULL)
         ), covered AS (
          SELECT DISTINCT rh.township_id
            FROM rh
         ), eh AS (
          SELECT h.id,
             h.township_id,
             h.household_no,
             h.village_id,
             h.head_name,
             h.head_id_number,
                 CASE
                     WHEN roster_diff.p_masked THEN h.head_id_number_masked
                     ELSE h.head_id_number
                 END AS head_key,
             h.family_size
            FROM eduaid.household h,
             scope
           WHERE (h.township_id = ANY (scope.t))
         ), es AS (
          SELECT s.township_id,
             s.name,
             s.id_number,
             h.household_no,
                 CASE
                     WHEN roster_diff.p_masked THEN h.household_no
                     ELSE ''::text
                 END AS hk,
                 CASE
                     WHEN roster_diff.p_masked THEN s.id_number_masked
                     ELSE s.id_number
                 END AS ik
            FROM (eduaid.student s
              JOIN eduaid.household h ON (((h.township_id = s.township_id) AND (h.id = s.household_id)))),
             scope
           WHERE (s.township_id = ANY (scope.t))
         ), d AS (
          SELECT rh.township_id,
             'missing_household'::text AS diff_kind,
             rh.household_no,
             rh.head_name AS person_name,
             rh.head_id_number AS id_number,
             NULL::text AS field,
             NULL::text AS roster_value,
             NULL::text AS eduaid_value,
             false AS idv
            FROM rh
           WHERE (NOT (EXISTS ( SELECT 1
                    FROM eh
                   WHERE (eh.household_no = rh.household_no))))
         UNION ALL
          SELECT eh.township_id,
             'extra_household'::text,
             eh.household_no,
             eh.head_name,
             eh.head_id_number,
             NULL::text,
             NULL::text,
             NULL::text,
             false
            FROM eh
           WHERE ((eh.township_id IN ( SELECT covered.township_id
                    FROM covered)) AND (NOT (EXISTS ( SELECT 1
                    FROM rh
                   WHERE (rh.household_no = eh.household_no)))))
         UNION ALL
          SELECT rh.township_id,
             'household_differs'::text,
             rh.household_no,
             rh.head_name,
             rh.head_id_number,
             f.field,
             f.rv,
             f.ev,
             (f.field = 'head_id_number'::text)
            FROM ((rh
              JOIN eh ON ((eh.household_no = rh.household_no)))
              CROSS JOIN LATERAL ( VALUES ('head_name'::text,rh.head_name,eh.head_name,(rh.head_name <> eh.head_name)), ('head_id_number'::text,rh.head_id_number,eh.head_id_number,(rh.head_key <> eh.head_key)), ('township'::text,( SELECT t.name
                            FROM eduaid.township t
                           WHERE (t.id = rh.township_id)),( SELECT t.name
                            FROM eduaid.township t
                           WHERE (t.id = eh.township_id)),(rh.township_id <> eh.township_id)), ('village'::text,( SELECT v.name
                            FROM eduaid.village v
                           WHERE (v.id = rh.village_id)),( SELECT v.name
                            FROM eduaid.village v
                           WHERE (v.id = eh.village_id)),(rh.village_id <> eh.village_id)), ('family_size'::text,(rh.family_size)::text,(eh.family_size)::text,(rh.family_size <> eh.family_size))) f(field, rv, ev, differs))
           WHERE f.differs
         UNION ALL
          SELECT rm.township_id,
             'missing_member'::text,
             rm.household_no,
             rm.member_name,
             rm.member_id_number,
             NULL::text,
             NULL::text,
             NULL::text,
             false
            FROM rm
           WHERE ((EXISTS ( SELECT 1
                    FROM eh
                   WHERE (eh.household_no = rm.household_no))) AND (NOT (EXISTS ( SELECT 1
                    FROM es
                   WHERE ((es.hk = rm.hk) AND (es.ik = rm.ik))))))
         UNION ALL
          SELECT es.township_id,
             'extra_member'::text,
             es.household_no,
             es.name,
             es.id_number,
             NULL::text,
             NULL::text,
             NULL::text,
             false
            FROM es
           WHERE ((EXISTS ( SELECT 1
                    FROM rh
                   WHERE (rh.household_no = es.household_no))) AND (NOT (EXISTS ( SELECT 1
                    FROM rm
                   WHERE ((rm.hk = es.hk) AND (rm.ik = es.ik))))))
         UNION ALL
          SELECT rm.township_id,
             'member_differs'::text,
             rm.household_no,
             rm.member_name,
             rm.member_id_number,
             f.field,
             f.rv,
             f.ev,
             false
            FROM ((rm
              JOIN es ON (((es.hk = rm.hk) AND (es.ik = rm.ik))))
              CROSS JOIN LATERAL ( VALUES ('name'::text,rm.member_name,es.name), ('household_no'::text,rm.household_no,es.household_no)) f(field, rv, ev))
           WHERE ((f.rv IS DISTINCT FROM f.ev) AND (NOT ((f.field = 'name'::text) AND ((EXISTS ( SELECT 1
                    FROM es e2
                   WHERE ((e2.hk = rm.hk) AND (e2.ik = rm.ik) AND (e2.name = rm.member_name)))) OR (EXISTS ( SELECT 1
                    FROM rm r2
                   WHERE ((r2.hk = es.hk) AND (r2.ik = es.ik) AND (r2.member_name = es.name))))))))
         ), o AS (
          SELECT d.township_id,
             t.name AS township_name,
             d.diff_kind,
             d.household_no,
             d.person_name,
                 CASE
                     WHEN roster_diff.p_masked THEN eduaid.mask_id_number(d.id_number)
                     ELSE d.id_number
                 END AS id_number,
             d.field,
                 CASE
                     WHEN (roster_diff.p_masked AND d.idv) THEN eduaid.mask_id_number(d.roster_value)
                     ELSE d.roster_value
                 END AS roster_value,
                 CASE
                     WHEN (roster_diff.p_masked AND d.idv) THEN eduaid.mask_id_number(d.eduaid_value)
                     ELSE d.eduaid_value
                 END AS eduaid_value
            FROM (d
              JOIN eduaid.township t ON ((t.id = d.township_id)))
         )
  SELECT o.township_id,
     o.township_name,
     o.diff_kind,
     o.household_no,
     o.person_name,
     o.id_number,
     o.field,
     o.roster_value,
     o.eduaid_value
    FROM o
   ORDER BY o.township_id, o.household_no, o.diff_kind, o.id_number, o.field, o.person_name, o.roster_value, o.eduaid_value;
END;

ALTER FUNCTION eduaid.roster_diff(p_import bigint, p_masked boolean) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.roster_differences_masked(p_import bigint) RETURNS SETOF eduaid.roster_difference
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF eduaid.my_role() IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = 'only supervisors get the masked reconciliation (仅限县级审核人)';
    END IF;
    RETURN QUERY SELECT * FROM eduaid.roster_diff(p_import, true);
END
$$;

ALTER FUNCTION eduaid.roster_differences_masked(p_import bigint) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.roster_finish(p_import bigint) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION eduaid.roster_finish(p_import bigint) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.roster_import_finished() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF (SELECT i.row_count FROM eduaid.roster_import i WHERE i.id = NEW.id) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA020',
            MESSAGE = format('roster import %s was not finished with eduaid.roster_finish() (导入未完成)', NEW.id);
    END IF;
    RETURN NULL;
END
$$;

ALTER FUNCTION eduaid.roster_import_finished() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.roster_import_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION eduaid.roster_import_guard() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.roster_refuse(p_line integer, p_column text, p_message text) RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'EA020', MESSAGE = p_message,
        DETAIL = p_line::text, COLUMN = p_column, TABLE = 'roster_row', SCHEMA = 'eduaid';
END
$$;

ALTER FUNCTION eduaid.roster_refuse(p_line integer, p_column text, p_message text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.roster_rows_guard() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
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

ALTER FUNCTION eduaid.roster_rows_guard() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.row_bookkeeping() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT eduaid.trusted_writer() THEN
            NEW.version := 1;
            NEW.created_by := session_user;
            NEW.created_at := now();
        END IF;
    ELSE
        IF NEW.id <> OLD.id OR NEW.township_id <> OLD.township_id
           OR NEW.created_by <> OLD.created_by OR NEW.created_at <> OLD.created_at
        THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = format('%s %s: id, township and creator cannot change (编号、乡镇和创建人不可修改)',
                                 TG_TABLE_NAME, OLD.id);
        END IF;
        NEW.version := OLD.version + 1;
    END IF;
    NEW.updated_by := session_user;
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

ALTER FUNCTION eduaid.row_bookkeeping() OWNER TO eduaid_owner;

CREATE TABLE eduaid.schema_version (
    version integer NOT NULL,
    name text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL,
    applied_by text DEFAULT SESSION_USER NOT NULL,
    checksum text
);

ALTER TABLE eduaid.schema_version OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.schema_level() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 SELECT max(v.version) AS max
    FROM eduaid.schema_version v;
END;

ALTER FUNCTION eduaid.schema_level() OWNER TO eduaid_owner;

COMMENT ON FUNCTION eduaid.schema_level() IS 'eduaid: the level of the schema (its newest migration), for the client''s check';

CREATE FUNCTION eduaid.school_year_of(d date) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ((EXTRACT(year FROM d))::integer - CASE WHEN (EXTRACT(month FROM d) < (9)::numeric) THEN 1 ELSE 0 END);

ALTER FUNCTION eduaid.school_year_of(d date) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.set_user_password(login text, password text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM eduaid.require_superuser();
    PERFORM eduaid.require_verifier(password);
    PERFORM eduaid.apply_password((eduaid.lock_user(login)).login, password);
END
$$;

ALTER FUNCTION eduaid.set_user_password(login text, password text) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.set_user_townships(login text, townships integer[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    PERFORM eduaid.require_superuser();
    PERFORM eduaid.apply_townships(eduaid.lock_user(login), townships);
END
$$;

ALTER FUNCTION eduaid.set_user_townships(login text, townships integer[]) OWNER TO eduaid_usermgr;

CREATE FUNCTION eduaid.submit(kind text, id bigint, expected_version integer DEFAULT NULL::integer) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    RETURN eduaid.transition('submit'::text, kind, id, NULL::text, expected_version);

ALTER FUNCTION eduaid.submit(kind text, id bigint, expected_version integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.subsidy_label(program text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE program WHEN 'preschool_aid'::text THEN '学前资助'::text WHEN 'compulsory_waiver'::text THEN '两免'::text WHEN 'boarding_subsidy'::text THEN '寄宿生生活补助'::text WHEN 'high_school_grant'::text THEN '高中助学金'::text WHEN 'high_school_waiver'::text THEN '高中免学杂费'::text WHEN 'vocational_waiver'::text THEN '中职免学费'::text WHEN 'vocational_grant'::text THEN '中职助学金'::text WHEN 'college_freshman_aid'::text THEN '大学新生资助'::text WHEN 'student_loan'::text THEN '助学贷款'::text WHEN 'zihui'::text THEN '滋蕙计划'::text ELSE program END;

ALTER FUNCTION eduaid.subsidy_label(program text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.superuser_now() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN COALESCE((SELECT r.rolsuper FROM pg_roles r WHERE (r.rolname = CURRENT_USER)), false);

ALTER FUNCTION eduaid.superuser_now() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.teacher_facts_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
    UPDATE eduaid.teacher_fund_application a
       SET teacher_name = NEW.name
     WHERE a.township_id = NEW.township_id AND a.teacher_id = NEW.id
       AND a.status IN ('submitted', 'verified')
       AND (a.teacher_name, a.teacher_id_number, a.teacher_school_id, a.teacher_title,
            a.teacher_rural_years)
           IS DISTINCT FROM (NEW.name, NEW.id_number, NEW.school_id, NEW.title, NEW.rural_years);
    UPDATE eduaid.special_ed_plan p
       SET home_teacher_name = NEW.name
     WHERE p.township_id = NEW.township_id AND p.home_teacher_id = NEW.id
       AND p.home_teacher_id IS NOT NULL
       AND p.status IN ('submitted', 'verified')
       AND (p.home_teacher_name, p.home_teacher_id_number) IS DISTINCT FROM (NEW.name, NEW.id_number);
    RETURN NULL;
END
$$;

ALTER FUNCTION eduaid.teacher_facts_changed() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.tidy(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(t, '^[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+$'::text, ''::text, 'g'::text);

ALTER FUNCTION eduaid.tidy(t text) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.training_attendance_guard() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
DECLARE
    e record;
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.enrollment_id <> OLD.enrollment_id
                             OR NEW.session_date <> OLD.session_date) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = 'an attendance row keeps its enrollment and day (出勤记录的学员和日期不可修改)';
    END IF;
    SELECT te.start_date, te.end_date INTO e FROM eduaid.training_enrollment te
     WHERE te.township_id = NEW.township_id AND te.id = NEW.enrollment_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('training enrollment %s not found (培训记录不存在或无权查看)', NEW.enrollment_id);
    END IF;
    IF NEW.session_date > current_date THEN
        PERFORM eduaid.ledger_date_error('training_attendance_session_date_check',
            'the session date cannot be in the future (上课日期不能晚于今天)');
    END IF;
    IF NEW.session_date < e.start_date OR NEW.session_date > e.end_date THEN
        PERFORM eduaid.ledger_date_error('training_attendance_session_date_check',
            format('the session date must lie in the course (%s to %s) (上课日期须在培训期间内)',
                   e.start_date, coalesce(e.end_date::text, '')));
    END IF;
    RETURN NEW;
END
$$;

ALTER FUNCTION eduaid.training_attendance_guard() OWNER TO eduaid_owner;

CREATE TABLE eduaid.training_attendance (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    enrollment_id bigint NOT NULL,
    session_date date NOT NULL,
    hours numeric NOT NULL,
    present boolean DEFAULT true NOT NULL,
    CONSTRAINT training_attendance_hours_check CHECK (((hours >= (0)::numeric) AND (hours <= (12)::numeric) AND (hours = round(hours, 1)) AND (present OR (hours = (0)::numeric))))
);

ALTER TABLE ONLY eduaid.training_attendance FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.training_attendance OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.training_ledger(p_year integer DEFAULT NULL::integer) RETURNS TABLE(course_id integer, course_name text, batch text, enrolled bigint, approved bigint, sessions bigint, hours_present numeric, hours_attended bigint, completed bigint, certified bigint, employed bigint)
    LANGUAGE sql STABLE
    SET search_path TO 'pg_catalog', 'pg_temp'
    BEGIN ATOMIC
 SELECT e.course_id,
     c.name,
     e.batch,
     count(*) AS count,
     count(*) FILTER (WHERE (e.status = 'approved'::text)) AS count,
     COALESCE(sum(a.sessions), (0)::numeric) AS "coalesce",
     COALESCE(sum(a.hours), (0)::numeric) AS "coalesce",
     sum(e.hours_attended) AS sum,
     count(*) FILTER (WHERE e.completed) AS count,
     count(*) FILTER (WHERE (e.certificate_no IS NOT NULL)) AS count,
     count(*) FILTER (WHERE (e.employment_outcome = ANY (ARRAY['employed'::text, 'self_employed'::text, 'entrepreneur'::text]))) AS count
    FROM ((eduaid.training_enrollment e
      JOIN eduaid.training_course c ON ((c.id = e.course_id)))
      LEFT JOIN LATERAL ( SELECT count(*) FILTER (WHERE ta.present) AS sessions,
             sum(ta.hours) FILTER (WHERE ta.present) AS hours
            FROM eduaid.training_attendance ta
           WHERE ((ta.township_id = e.township_id) AND (ta.enrollment_id = e.id))) a ON (true))
   WHERE ((training_ledger.p_year IS NULL) OR ("left"(e.batch, 4) = (training_ledger.p_year)::text))
   GROUP BY e.course_id, c.name, e.batch
   ORDER BY e.batch DESC, c.name;
END;

ALTER FUNCTION eduaid.training_ledger(p_year integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.trusted_writer() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN ((CURRENT_USER = 'eduaid_owner'::name) OR COALESCE((SELECT r.rolsuper FROM pg_roles r WHERE (r.rolname = CURRENT_USER)), false));

ALTER FUNCTION eduaid.trusted_writer() OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.verify(kind text, id bigint, expected_version integer DEFAULT NULL::integer) RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'pg_catalog', 'pg_temp'
    RETURN eduaid.transition('verify'::text, kind, id, NULL::text, expected_version);

ALTER FUNCTION eduaid.verify(kind text, id bigint, expected_version integer) OWNER TO eduaid_owner;

CREATE FUNCTION eduaid.workflow_part(r jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN jsonb_build_object('status', (r -> 'status'::text), 'reason', (r -> 'reason'::text), 'submitted_by', (r -> 'submitted_by'::text), 'submitted_at', (r -> 'submitted_at'::text), 'verified_by', (r -> 'verified_by'::text), 'verified_at', (r -> 'verified_at'::text), 'approved_by', (r -> 'approved_by'::text), 'approved_at', (r -> 'approved_at'::text), 'rejected_by', (r -> 'rejected_by'::text), 'rejected_at', (r -> 'rejected_at'::text));

ALTER FUNCTION eduaid.workflow_part(r jsonb) OWNER TO eduaid_owner;

ALTER TABLE eduaid.account_request ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.account_request_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE eduaid.account_request_secret (
    request_id bigint NOT NULL,
    verifier text NOT NULL
);

ALTER TABLE eduaid.account_request_secret OWNER TO eduaid_usermgr;

CREATE TABLE eduaid.app_user_township (
    login text NOT NULL,
    township_id integer NOT NULL
);

ALTER TABLE eduaid.app_user_township OWNER TO eduaid_owner;

ALTER TABLE eduaid.audit_log ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.audit_log_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE eduaid.county (
    id integer NOT NULL,
    name text NOT NULL,
    CONSTRAINT county_id_check CHECK (((id >= 100000) AND (id <= 999999))),
    CONSTRAINT county_name_check CHECK ((NOT eduaid.is_blank(name)))
);

ALTER TABLE eduaid.county OWNER TO eduaid_owner;

ALTER TABLE eduaid.dropout_case ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.dropout_case_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.dropout_visit ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.dropout_visit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.fund_program ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME eduaid.fund_program_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.home_visit ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.home_visit_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.household ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.household_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE eduaid.notice (
    id bigint NOT NULL,
    kind text NOT NULL,
    county_id integer NOT NULL,
    school_year integer NOT NULL,
    program_id integer,
    township_id integer,
    title text NOT NULL,
    contact text NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    opened_by text DEFAULT SESSION_USER NOT NULL,
    opened_at timestamp with time zone DEFAULT now() NOT NULL,
    closed_by text,
    closed_at timestamp with time zone,
    CONSTRAINT notice_closed_at_check CHECK (((closed_by IS NULL) = (closed_at IS NULL))),
    CONSTRAINT notice_contact_check CHECK (((NOT eduaid.is_blank(contact)) AND (char_length(contact) <= 200))),
    CONSTRAINT notice_ends_on_check CHECK ((ends_on >= (starts_on + 6))),
    CONSTRAINT notice_kind_check CHECK ((kind = ANY (ARRAY['household'::text, 'teacher_fund'::text]))),
    CONSTRAINT notice_school_year_check CHECK (((school_year >= 2014) AND (school_year <= 2035))),
    CONSTRAINT notice_title_check CHECK (((NOT eduaid.is_blank(title)) AND (char_length(title) <= 100))),
    CONSTRAINT notice_township_id_check CHECK ((((kind = 'household'::text) = (township_id IS NOT NULL)) AND ((kind = 'teacher_fund'::text) = (program_id IS NOT NULL))))
);
ALTER TABLE ONLY eduaid.notice ALTER COLUMN title SET STATISTICS 0;
ALTER TABLE ONLY eduaid.notice ALTER COLUMN contact SET STATISTICS 0;

ALTER TABLE ONLY eduaid.notice FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.notice OWNER TO eduaid_owner;

ALTER TABLE eduaid.notice ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.notice_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE eduaid.notice_item (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    notice_id bigint NOT NULL,
    line_no integer NOT NULL,
    kind text NOT NULL,
    record_id bigint NOT NULL,
    name text NOT NULL,
    masked_id text NOT NULL,
    program text NOT NULL,
    amount numeric NOT NULL,
    audit_id bigint NOT NULL,
    canonical text NOT NULL,
    record_hash text NOT NULL,
    CONSTRAINT notice_item_kind_check CHECK ((kind = ANY (ARRAY['household'::text, 'teacher_fund'::text]))),
    CONSTRAINT notice_item_record_hash_check CHECK ((record_hash ~ '^[0-9a-f]{64}$'::text))
);
ALTER TABLE ONLY eduaid.notice_item ALTER COLUMN name SET STATISTICS 0;
ALTER TABLE ONLY eduaid.notice_item ALTER COLUMN masked_id SET STATISTICS 0;
ALTER TABLE ONLY eduaid.notice_item ALTER COLUMN canonical SET STATISTICS 0;
ALTER TABLE ONLY eduaid.notice_item ALTER COLUMN record_hash SET STATISTICS 0;

ALTER TABLE ONLY eduaid.notice_item FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.notice_item OWNER TO eduaid_owner;

ALTER TABLE eduaid.notice_item ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.notice_item_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE eduaid.notice_line (
    notice_id bigint NOT NULL,
    line_no integer NOT NULL
);

ALTER TABLE eduaid.notice_line OWNER TO eduaid_owner;

CREATE TABLE eduaid.notice_objection (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    item_id bigint NOT NULL,
    notice_id bigint NOT NULL,
    kind text NOT NULL,
    record_id bigint NOT NULL,
    received_on date NOT NULL,
    received_by text DEFAULT SESSION_USER NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    objector text,
    content text NOT NULL,
    decision text DEFAULT 'pending'::text NOT NULL,
    decided_by text,
    decided_at timestamp with time zone,
    decision_note text,
    CONSTRAINT notice_objection_content_check CHECK (((NOT eduaid.is_blank(content)) AND (char_length(content) <= 2000))),
    CONSTRAINT notice_objection_decided_by_check CHECK ((((decision = 'pending'::text) = (decided_by IS NULL)) AND ((decided_by IS NULL) = (decided_at IS NULL)))),
    CONSTRAINT notice_objection_decision_check CHECK ((decision = ANY (ARRAY['pending'::text, 'upheld'::text, 'dismissed'::text]))),
    CONSTRAINT notice_objection_decision_note_check CHECK (((decision = 'pending'::text) OR ((NOT eduaid.is_blank(decision_note)) AND (char_length(decision_note) <= 2000)))),
    CONSTRAINT notice_objection_objector_check CHECK ((char_length(objector) <= 100))
);
ALTER TABLE ONLY eduaid.notice_objection ALTER COLUMN objector SET STATISTICS 0;
ALTER TABLE ONLY eduaid.notice_objection ALTER COLUMN content SET STATISTICS 0;
ALTER TABLE ONLY eduaid.notice_objection ALTER COLUMN decision_note SET STATISTICS 0;

ALTER TABLE ONLY eduaid.notice_objection FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.notice_objection OWNER TO eduaid_owner;

ALTER TABLE eduaid.notice_objection ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.notice_objection_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE eduaid.record_template (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    client_uuid uuid,
    status text DEFAULT 'draft'::text NOT NULL,
    reason text,
    editors text[] DEFAULT ARRAY[(SESSION_USER)::text] NOT NULL,
    submitted_by text,
    submitted_at timestamp with time zone,
    verified_by text,
    verified_at timestamp with time zone,
    approved_by text,
    approved_at timestamp with time zone,
    rejected_by text,
    rejected_at timestamp with time zone,
    CONSTRAINT record_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'submitted'::text, 'verified'::text, 'approved'::text, 'rejected'::text])))
);

ALTER TABLE eduaid.record_template OWNER TO eduaid_owner;

COMMENT ON TABLE eduaid.record_template IS 'template: bookkeeping and workflow columns of every record';

ALTER TABLE eduaid.record_template ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.record_template_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE eduaid.registry (
    kind text NOT NULL,
    key text NOT NULL,
    township_id integer NOT NULL,
    holder bigint NOT NULL,
    refs integer DEFAULT 1 NOT NULL,
    CONSTRAINT registry_kind_check CHECK ((kind = ANY (ARRAY['person'::text, 'household_no'::text, 'teacher'::text, 'plan'::text]))),
    CONSTRAINT registry_refs_check CHECK (((refs > 0) AND ((kind = 'person'::text) OR (refs = 1))))
);

ALTER TABLE ONLY eduaid.registry FORCE ROW LEVEL SECURITY;

ALTER TABLE eduaid.registry OWNER TO eduaid_registry_owner;

COMMENT ON TABLE eduaid.registry IS 'eduaid: county-wide ID numbers and household numbers; no login may read it (017_registry.sql)';

ALTER TABLE eduaid.roster_import ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.roster_import_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE eduaid.row_template (
    id bigint NOT NULL,
    township_id integer NOT NULL,
    version integer DEFAULT 1 NOT NULL,
    created_by text DEFAULT SESSION_USER NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_by text DEFAULT SESSION_USER NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE eduaid.row_template OWNER TO eduaid_owner;

COMMENT ON TABLE eduaid.row_template IS 'template: bookkeeping columns of every township-scoped row';

ALTER TABLE eduaid.row_template ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.row_template_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.school ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME eduaid.school_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.special_ed_plan ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.special_ed_plan_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.student ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.student_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.student_subsidy ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.student_subsidy_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.teacher_fund_application ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.teacher_fund_application_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.teacher ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.teacher_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.training_attendance ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.training_attendance_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.training_course ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME eduaid.training_course_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE eduaid.training_enrollment ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME eduaid.training_enrollment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

COPY eduaid.account_request (id, action, login, county_id, full_name, role, townships, with_password, status, reason, requested_by, requested_at, decided_by, decided_at) FROM stdin;
\.

COPY eduaid.account_request_secret (request_id, verifier) FROM stdin;
\.

COPY eduaid.app_user (login, full_name, role, county_id, active, created_by, created_at, password_set_at, password_set_by) FROM stdin;
\.

COPY eduaid.app_user_township (login, township_id) FROM stdin;
\.

COPY eduaid.county (id, name) FROM stdin;
420325	房县
\.

COPY eduaid.dropout_case (id, township_id, version, created_by, created_at, updated_by, updated_at, household_id, student_id, state, opened_on, notes, confirmed_on, confirmed_by, returned_on, returned_school_id, returned_by) FROM stdin;
\.

COPY eduaid.dropout_visit (id, township_id, version, created_by, created_at, updated_by, updated_at, case_id, visit_date, visitor, outcome, notes) FROM stdin;
\.

COPY eduaid.fund_program (id, code, name, max_amount, active) FROM stdin;
1	ligeng	励耕计划	10000	t
2	runyu	润雨计划	10000	t
3	living_allowance	连片特困地区乡村教师生活补助	4800	t
4	hardship	困难教师救助	5000	t
\.

COPY eduaid.home_visit (id, township_id, version, created_by, created_at, updated_by, updated_at, plan_id, visit_date, teacher_id, hours, content) FROM stdin;
\.

COPY eduaid.household (id, township_id, version, created_by, created_at, updated_by, updated_at, client_uuid, status, reason, editors, submitted_by, submitted_at, verified_by, verified_at, approved_by, approved_at, rejected_by, rejected_at, household_no, village_id, head_name, head_id_number, phone, address, poverty_status, registered_year, family_size, notes) FROM stdin;
\.

COPY eduaid.member_tally (township_id, stage, school_id, schooling_status, nutrition_meal, n) FROM stdin;
\.

COPY eduaid.notice (id, kind, county_id, school_year, program_id, township_id, title, contact, starts_on, ends_on, opened_by, opened_at, closed_by, closed_at) FROM stdin;
\.

COPY eduaid.notice_item (id, township_id, notice_id, line_no, kind, record_id, name, masked_id, program, amount, audit_id, canonical, record_hash) FROM stdin;
\.

COPY eduaid.notice_line (notice_id, line_no) FROM stdin;
\.

COPY eduaid.notice_objection (id, township_id, item_id, notice_id, kind, record_id, received_on, received_by, recorded_at, objector, content, decision, decided_by, decided_at, decision_note) FROM stdin;
\.

COPY eduaid.record_template (id, township_id, version, created_by, created_at, updated_by, updated_at, client_uuid, status, reason, editors, submitted_by, submitted_at, verified_by, verified_at, approved_by, approved_at, rejected_by, rejected_at) FROM stdin;
\.

COPY eduaid.registry (kind, key, township_id, holder, refs) FROM stdin;
\.

COPY eduaid.roster_import (id, imported_by, imported_at, file_name, encoding, row_count) FROM stdin;
\.

COPY eduaid.roster_row (import_id, file_line, household_no, township, village, township_id, village_id, head_name, head_id_number, family_size, member_name, member_id_number, relation, stage, imported_by) FROM stdin;
\.

COPY eduaid.row_template (id, township_id, version, created_by, created_at, updated_by, updated_at) FROM stdin;
\.

COPY eduaid.schema_version (version, name, applied_at, applied_by, checksum) FROM stdin;
1	001_roles.sql	2026-12-06 23:41:52.993101+08	postgres	bd4af1c79c8ebecf0535a24f9dd9a1237df5ac4a9d916599efc860fc90d41f9f
2	002_rules.sql	2026-12-06 23:41:53.119965+08	postgres	d5b2883bd05a0d19603f32438f741d21439348f46a7f92b20927c4d80171ebe1
3	003_reference.sql	2026-12-06 23:41:53.247726+08	postgres	3915ef6c5909ce713fb83be0285b1e4a01cb3d053a4d8d91d0be67d43c42a9fe
4	004_records.sql	2026-12-06 23:41:53.402749+08	postgres	5e9f48ff7ec8dd2bac837a164fcd75685d829f3932092a779065105c29e66917
5	005_rls.sql	2026-12-06 23:41:53.60225+08	postgres	0b86b183efd46dacc7a05c31556e725a13af785bdc1a9ef4b4836311d6260d71
6	006_workflow.sql	2026-12-06 23:41:53.773075+08	postgres	57664641cefe6af6d2694908cc8dda4190918d397f93f027ab91c43f9ceb60d5
7	007_audit.sql	2026-12-06 23:41:53.93104+08	postgres	5fdf2b1475307a7ca5529156e673ebee69b28ea5ee26cc61240edcf019510d1a
8	008_users.sql	2026-12-06 23:41:54.08844+08	postgres	4439f46671a2dfda17e225e10cd71042c04d45d79e3c97e479a9153bd89684e9
9	009_person_ids.sql	2026-12-06 23:41:54.220967+08	postgres	6c62106ec783c24f86dca6e4d8a16e8589ee8c8ad8ae54ede5c02df5ac8f11d6
10	010_review.sql	2026-12-06 23:41:54.371034+08	postgres	0ca90db8bc816b73cb7dd33fae94c8bf112687035afea3632910fdecd0b61c54
11	011_roster.sql	2026-12-06 23:41:54.606596+08	postgres	368ecd7a35bb361cd02d2e43347dacc6abd48614ea90fd68adb0aba0f04422c9
12	012_ledgers.sql	2026-12-06 23:41:54.846955+08	postgres	fc97797547dec4ca014b221c0afd954f8f5dbd5dc82e532f784d264a3e8e80d4
13	013_notice.sql	2026-12-06 23:41:55.082292+08	postgres	56d89e5417497e8e6843171846ea738c8d80131bc743bbae0b28ceeb59680d63
14	014_reports.sql	2026-12-06 23:41:55.371761+08	postgres	d01064d72bff0cf787f7e5481262eadb2b1d1bd4bdccab09b7b87b21d4ceeaa6
15	015_export.sql	2026-12-06 23:41:55.621021+08	postgres	bbb27a39f2ff0a8c287f94a9083056266c0265560968d31fc1fde7ab854f7f04
16	016_index_scope.sql	2026-12-06 23:41:55.834422+08	postgres	d00e3b889e232fbf8a420ae4050be987eb15dc80cb023742eb5df7a1404e37ff
17	017_registry.sql	2026-12-06 23:41:56.151399+08	postgres	410e706d78a5d3adc54ced1eb8f0a0f2df3832b32b44e58d8a1be369116f101e
18	018_accounts.sql	2026-12-06 23:41:56.459218+08	postgres	035c08a7a2f9ea8765f0de49eefdc7c43f16573a04cff471b0d3e3c280f89db6
19	019_reviewers.sql	2026-12-06 23:41:56.674184+08	postgres	24ae9254abe9452eee3b5efc5e056dffa8d79bc668f6cc4cf08faf2fe6093f6d
20	020_locks.sql	2026-12-06 23:41:56.864093+08	postgres	00c9c86151a08f5468fd6ce90c37fc1392328062ba29d8391bc709f3247e0ee5
21	021_record_facts.sql	2026-12-06 23:41:57.053779+08	postgres	30d46a010ba9580a6349003c2fa6eba8e7b6f32409693475f7fce3d09993a266
22	022_schema_level.sql	2026-12-06 23:41:57.238416+08	postgres	92e7d212e341044918f005be8938606bed1b504c6b9077368f71069270d64a8b
\.

COPY eduaid.school (id, township_id, name, kind, nutrition_pilot, active) FROM stdin;
1	420325100	城关镇初级中学	junior	t	t
2	420325100	城关镇中心幼儿园	kindergarten	f	t
3	420325100	城关镇中心小学	primary	t	t
4	420325101	军店镇初级中学	junior	t	t
5	420325101	军店镇中心幼儿园	kindergarten	f	t
6	420325101	军店镇中心小学	primary	t	t
7	420325102	化龙堰镇初级中学	junior	t	t
8	420325102	化龙堰镇中心幼儿园	kindergarten	f	t
9	420325102	化龙堰镇中心小学	primary	t	t
10	420325103	土城镇初级中学	junior	t	t
11	420325103	土城镇中心幼儿园	kindergarten	f	t
12	420325103	土城镇中心小学	primary	t	t
13	420325104	大木厂镇初级中学	junior	t	t
14	420325104	大木厂镇中心幼儿园	kindergarten	f	t
15	420325104	大木厂镇中心小学	primary	t	t
16	420325105	青峰镇初级中学	junior	t	t
17	420325105	青峰镇中心幼儿园	kindergarten	f	t
18	420325105	青峰镇中心小学	primary	t	t
19	420325106	门古寺镇初级中学	junior	t	t
20	420325106	门古寺镇中心幼儿园	kindergarten	f	t
21	420325106	门古寺镇中心小学	primary	t	t
22	420325107	白鹤镇初级中学	junior	t	t
23	420325107	白鹤镇中心幼儿园	kindergarten	f	t
24	420325107	白鹤镇中心小学	primary	t	t
25	420325108	野人谷镇初级中学	junior	t	t
26	420325108	野人谷镇中心幼儿园	kindergarten	f	t
27	420325108	野人谷镇中心小学	primary	t	t
28	420325109	红塔镇初级中学	junior	t	t
29	420325109	红塔镇中心幼儿园	kindergarten	f	t
30	420325109	红塔镇中心小学	primary	t	t
31	420325110	窑淮镇初级中学	junior	t	t
32	420325110	窑淮镇中心幼儿园	kindergarten	f	t
33	420325110	窑淮镇中心小学	primary	t	t
34	420325111	尹吉甫镇初级中学	junior	t	t
35	420325111	尹吉甫镇中心幼儿园	kindergarten	f	t
36	420325111	尹吉甫镇中心小学	primary	t	t
37	420325203	姚坪乡初级中学	junior	t	t
38	420325203	姚坪乡中心幼儿园	kindergarten	f	t
39	420325203	姚坪乡中心小学	primary	t	t
40	420325205	沙河乡初级中学	junior	t	t
41	420325205	沙河乡中心幼儿园	kindergarten	f	t
42	420325205	沙河乡中心小学	primary	t	t
43	420325206	万峪河乡初级中学	junior	t	t
44	420325206	万峪河乡中心幼儿园	kindergarten	f	t
45	420325206	万峪河乡中心小学	primary	t	t
46	420325208	上龛乡初级中学	junior	t	t
47	420325208	上龛乡中心幼儿园	kindergarten	f	t
48	420325208	上龛乡中心小学	primary	t	t
49	420325209	中坝乡初级中学	junior	t	t
50	420325209	中坝乡中心幼儿园	kindergarten	f	t
51	420325209	中坝乡中心小学	primary	t	t
52	420325210	九道乡初级中学	junior	t	t
53	420325210	九道乡中心幼儿园	kindergarten	f	t
54	420325210	九道乡中心小学	primary	t	t
55	420325211	回龙乡初级中学	junior	t	t
56	420325211	回龙乡中心幼儿园	kindergarten	f	t
57	420325211	回龙乡中心小学	primary	t	t
58	420325212	五台乡初级中学	junior	t	t
59	420325212	五台乡中心幼儿园	kindergarten	f	t
60	420325212	五台乡中心小学	primary	t	t
61	420325100	城关镇第二小学	primary	t	t
62	420325100	房县第一中学	senior_high	f	t
63	420325100	房县第二中学	senior_high	f	t
64	420325100	房县职业技术学校	vocational	f	t
65	420325100	房县特殊教育学校	special	f	t
66	420325100	湖北医药学院	college	f	t
\.

COPY eduaid.special_ed_plan (id, township_id, version, created_by, created_at, updated_by, updated_at, client_uuid, status, reason, editors, submitted_by, submitted_at, verified_by, verified_at, approved_by, approved_at, rejected_by, rejected_at, household_id, child_name, child_id_number, child_sex, child_birth_date, disability_type, disability_grade, disability_certificate_no, assessment_date, assessment, placement, school_id, home_teacher_id, visits_per_month, individual_plan, placed_on, review_date, ended_on, end_reason, home_teacher_name, home_teacher_id_number) FROM stdin;
\.

COPY eduaid.student (id, township_id, version, created_by, created_at, updated_by, updated_at, household_id, name, id_number, sex, birth_date, relation, stage, school_id, grade, boarding, schooling_status, disability_type, disability_grade, left_behind, migrant, nutrition_meal) FROM stdin;
\.

COPY eduaid.student_subsidy (id, township_id, version, created_by, created_at, updated_by, updated_at, household_id, student_id, school_year, program, amount, granted_on) FROM stdin;
\.

COPY eduaid.subsidy_tally (township_id, school_year, program, n) FROM stdin;
\.

COPY eduaid.teacher (id, township_id, version, created_by, created_at, updated_by, updated_at, school_id, name, id_number, sex, birth_date, phone, title, rural_years, active) FROM stdin;
\.

COPY eduaid.teacher_fund_application (id, township_id, version, created_by, created_at, updated_by, updated_at, client_uuid, status, reason, editors, submitted_by, submitted_at, verified_by, verified_at, approved_by, approved_at, rejected_by, rejected_at, teacher_id, program_id, school_year, reason_category, reason_text, amount_requested, amount_approved, months, bank_name, bank_account, teacher_name, teacher_id_number, teacher_school_id, teacher_title, teacher_rural_years) FROM stdin;
\.

COPY eduaid.township (id, county_id, name) FROM stdin;
420325100	420325	城关镇
420325101	420325	军店镇
420325102	420325	化龙堰镇
420325103	420325	土城镇
420325104	420325	大木厂镇
420325105	420325	青峰镇
420325106	420325	门古寺镇
420325107	420325	白鹤镇
420325108	420325	野人谷镇
420325109	420325	红塔镇
420325110	420325	窑淮镇
420325111	420325	尹吉甫镇
420325203	420325	姚坪乡
420325205	420325	沙河乡
420325206	420325	万峪河乡
420325208	420325	上龛乡
420325209	420325	中坝乡
420325210	420325	九道乡
420325211	420325	回龙乡
420325212	420325	五台乡
\.

COPY eduaid.training_attendance (id, township_id, version, created_by, created_at, updated_by, updated_at, enrollment_id, session_date, hours, present) FROM stdin;
\.

COPY eduaid.training_course (id, name, category, hours, active) FROM stdin;
1	电子电工	industry	120	t
2	机电	industry	160	t
3	数控	industry	160	t
4	农业种植	agriculture	60	t
5	养殖	agriculture	60	t
6	农产品加工	agriculture	80	t
7	电子商务	commerce	90	t
8	厨嫂	service	72	t
9	家政	service	72	t
\.

COPY eduaid.training_enrollment (id, township_id, version, created_by, created_at, updated_by, updated_at, client_uuid, status, reason, editors, submitted_by, submitted_at, verified_by, verified_at, approved_by, approved_at, rejected_by, rejected_at, household_id, trainee_name, trainee_id_number, trainee_sex, trainee_birth_date, phone, trainee_type, course_id, provider_school_id, batch, needs_survey, start_date, end_date, hours_attended, completed, certificate_no, employment_outcome) FROM stdin;
\.

COPY eduaid.village (id, township_id, name) FROM stdin;
420325100001	420325100	小西关社区居民委员会
420325100002	420325100	中西关社区居民委员会
420325100003	420325100	下西关社区居民委员会
420325100004	420325100	老城社区居民委员会
420325100005	420325100	北关社区居民委员会
420325100006	420325100	东关社区居民委员会
420325100007	420325100	花宝社区居民委员会
420325100008	420325100	联观社区居民委员会
420325100009	420325100	白路社区居民委员会
420325100010	420325100	泉水社区居民委员会
420325100011	420325100	桃园社区居民委员会
420325100200	420325100	三海村民委员会
420325100201	420325100	炳公村民委员会
420325100202	420325100	八里村民委员会
420325100203	420325100	晓阳村民委员会
420325100204	420325100	莲花村民委员会
420325100205	420325100	白土村民委员会
420325100206	420325100	温泉村委会
420325101001	420325101	军店街社区居民委员会
420325101200	420325101	上茅坪村民委员会
420325101201	420325101	双柏村民委员会
420325101202	420325101	月明村民委员会
420325101203	420325101	中村村民委员会
420325101204	420325101	回龙村民委员会
420325101205	420325101	郭家庄村民委员会
420325101206	420325101	何家村村民委员会
420325101207	420325101	刘家畈村民委员会
420325101208	420325101	向家湾村民委员会
420325101209	420325101	官桥村民委员会
420325101210	420325101	易沟村民委员会
420325101211	420325101	下茅坪村民委员会
420325101212	420325101	三溪沟村民委员会
420325101213	420325101	高山旗村民委员会
420325101214	420325101	土坎村民委员会
420325101215	420325101	军马村民委员会
420325101216	420325101	小峪村民委员会
420325101217	420325101	松柏村民委员会
420325101218	420325101	白果村民委员会
420325101219	420325101	指北村民委员会
420325102200	420325102	化龙村民委员会
420325102201	420325102	西街村民委员会
420325102202	420325102	李堰村民委员会
420325102203	420325102	古城村民委员会
420325102204	420325102	庄房村民委员会
420325102205	420325102	高川村民委员会
420325102206	420325102	西川村民委员会
420325102207	420325102	长望村民委员会
420325102208	420325102	桃园沟村民委员会
420325102209	420325102	渭沟村民委员会
420325102210	420325102	作峪沟村民委员会
420325102211	420325102	上营村民委员会
420325102212	420325102	上湾村民委员会
420325102213	420325102	高桥村民委员会
420325102214	420325102	汤峪河村民委员会
420325102215	420325102	汪家河村民委员会
420325103200	420325103	土城村民委员会
420325103201	420325103	龙坪村民委员会
420325103202	420325103	花楼门村民委员会
420325103203	420325103	黄泥沟村民委员会
420325103204	420325103	白鸡铺村民委员会
420325103205	420325103	穿山堰村民委员会
420325103206	420325103	葛坪河村民委员会
420325103207	420325103	小亭村民委员会
420325103208	420325103	通省馆村民委员会
420325103209	420325103	塘埂村民委员会
420325103210	420325103	马蹄山村民委员会
420325103211	420325103	大河湾村民委员会
420325103212	420325103	讨寺方村委会
420325103213	420325103	堤坪村委会
420325103214	420325103	羊林村委会
420325104001	420325104	大木街社区居民委员会
420325104201	420325104	八里坪村委会
420325104202	420325104	北坡村委会
420325104203	420325104	东河村委会
420325104204	420325104	双庙村委会
420325104205	420325104	黄家营村委会
420325104206	420325104	五谷庙村委会
420325104207	420325104	百户河村委会
420325104208	420325104	三元村委会
420325104209	420325104	泰山铺村委会
420325104210	420325104	马进洞村委会
420325104211	420325104	三岔村委会
420325104212	420325104	马回村委会
420325104213	420325104	共青村委会
420325104214	420325104	桥梁村委会
420325104215	420325104	双泉寺村委会
420325104216	420325104	安阳沟村委会
420325104217	420325104	高船村委会
420325105001	420325105	青峰街社区居民委员会
420325105201	420325105	龙王坪村委会
420325105202	420325105	楼房村委会
420325105203	420325105	花园村委会
420325105204	420325105	横峪沟村委会
420325105205	420325105	张家河村委会
420325105206	420325105	峪坪河村委会
420325105207	420325105	下河村委会
420325105208	420325105	冯家坡村委会
420325105209	420325105	陡口村委会
420325105210	420325105	梅花山村委会
420325105211	420325105	西山村委会
420325105212	420325105	八里扁村委会
420325105213	420325105	白马沟村委会
420325105214	420325105	台口村委会
420325105215	420325105	刘家河村委会
420325105216	420325105	中堰河村委会
420325105217	420325105	双坪河村委会
420325105218	420325105	卧牛观村委会
420325105219	420325105	杨家院村委会
420325105220	420325105	龙王沟村委会
420325105221	420325105	东西店村委会
420325105222	420325105	上阳坪村委会
420325105223	420325105	清河村委会
420325105224	420325105	河坪村委会
420325105225	420325105	深峪沟村委会
420325106200	420325106	草池垭村委会
420325106201	420325106	秦口村委会
420325106202	420325106	马家河村委会
420325106203	420325106	石垭村委会
420325106204	420325106	杉树村委会
420325106205	420325106	高塘河村委会
420325106206	420325106	巨峪河村委会
420325106207	420325106	四方洞村委会
420325106208	420325106	月日湾村委会
420325106209	420325106	东河村委会
420325106210	420325106	红星村委会
420325106211	420325106	仓峪沟村委会
420325106212	420325106	门古村委会
420325106213	420325106	胡家街村委会
420325106214	420325106	狮子岩村委会
420325106215	420325106	叶家河村委会
420325106216	420325106	项家河村委会
420325106217	420325106	会子营村委会
420325106218	420325106	仓口村委会
420325106219	420325106	马凉村委会
420325106220	420325106	大柳树村委会
420325106221	420325106	彭家湾村委会
420325106222	420325106	仙家坪村委会
420325106223	420325106	石龙沟村委会
420325106224	420325106	碑口村委会
420325106225	420325106	黄柏沟村委会
420325106226	420325106	杨岔山村委会
420325106227	420325106	土城村委会
420325107200	420325107	孙家湾村委会
420325107201	420325107	石堰河村委会
420325107202	420325107	长龙堰村委会
420325107203	420325107	解家湾村委会
420325107204	420325107	赤岩村委会
420325107205	420325107	伏溪堰村委会
420325107206	420325107	白鹤观村委会
420325107207	420325107	付家村委会
420325107208	420325107	堰河村委会
420325107209	420325107	黄杨树村委会
420325107210	420325107	东浪村委会
420325107211	420325107	双河村委会
420325107212	420325107	雷家冲村委会
420325107213	420325107	三棵树村委会
420325108200	420325108	桥上村委会
420325108201	420325108	杜家川村委会
420325108202	420325108	鱼腮口村委会
420325108203	420325108	大庙村委会
420325108204	420325108	木瓜河村委会
420325108205	420325108	千家坪村委会
420325108206	420325108	东蒿坪村委会
420325108207	420325108	马里村委会
420325108208	420325108	西蒿坪村委会
420325108209	420325108	股泉村委会
420325108210	420325108	三座庵村委会
420325108211	420325108	安阳坪村委会
420325108212	420325108	垭里坪村委会
420325108213	420325108	驼鱼河村委会
420325108214	420325108	七里村委会
420325108215	420325108	甘霞村委会
420325108216	420325108	黄粮坪村委会
420325108217	420325108	毛家河村委会
420325108218	420325108	西蒿村委会
420325108219	420325108	谭家湾村委会
420325109200	420325109	七河村委会
420325109201	420325109	高碑村委会
420325109202	420325109	双溪村委会
420325109203	420325109	沙坪村委会
420325109204	420325109	塘溪村委会
420325109205	420325109	油坪村委会
420325109206	420325109	六谷村委会
420325109207	420325109	古桥村委会
420325109208	420325109	五龙村委会
420325109209	420325109	谢湾村委会
420325109210	420325109	邓营村委会
420325109211	420325109	况营村委会
420325109212	420325109	朱湾村委会
420325109213	420325109	磨石村委会
420325109214	420325109	桂坪村委会
420325109215	420325109	营盘村委会
420325109216	420325109	付畈村委会
420325109217	420325109	五将村委会
420325109218	420325109	大里村委会
420325109219	420325109	李湾村委会
420325109220	420325109	党湾村委会
420325109221	420325109	马栏村委会
420325109222	420325109	南潭村委会
420325109223	420325109	潮汪村委会
420325109224	420325109	兴胜村委会
420325109225	420325109	黑沟村委会
420325109226	420325109	旱粮粮种村委会
420325110200	420325110	淮水村委会
420325110201	420325110	界山村委会
420325110202	420325110	陈家铺村委会
420325110203	420325110	长峪河村委会
420325110204	420325110	窑场村委会
420325110205	420325110	里乐城村委会
420325110206	420325110	铺沟村委会
420325110207	420325110	观音堂村委会
420325110208	420325110	三岔村委会
420325110209	420325110	东沟村委会
420325110210	420325110	西沟村委会
420325110211	420325110	化鱼合村委会
420325110212	420325110	后河村委会
420325110213	420325110	阳坪村委会
420325111200	420325111	榔口村委会
420325111201	420325111	沈家湾村委会
420325111202	420325111	榔峪村委会
420325111203	420325111	玉堤店村委会
420325111204	420325111	双湾村委会
420325111205	420325111	齐心沟村委会
420325111206	420325111	珠藏洞村委会
420325111207	420325111	唐家沟村委会
420325203200	420325203	姚坪村委会
420325203201	420325203	西坡村委会
420325203202	420325203	平沟村委会
420325203203	420325203	彪虎村委会
420325203204	420325203	虎尾沟村委会
420325203205	420325203	观音沟村委会
420325203206	420325203	化口村委会
420325203207	420325203	屈家坡村委会
420325203208	420325203	金牛村委会
420325203209	420325203	黄坪村委会
420325203210	420325203	马家坡村委会
420325203211	420325203	白石村委会
420325203212	420325203	庆口村委会
420325203213	420325203	红庙村委会
420325203214	420325203	肖家沟村委会
420325203215	420325203	碾盘村委会
420325205200	420325205	五塘村委会
420325205201	420325205	火光村委会
420325205202	420325205	鹰咀石村委会
420325205203	420325205	朱家坪村委会
420325205204	420325205	高峰村委会
420325205205	420325205	沙河店村委会
420325205206	420325205	白沙河村委会
420325205207	420325205	邢家湾村委会
420325205208	420325205	茅山村委会
420325205209	420325205	田家湾村委会
420325205210	420325205	竹园村委会
420325205211	420325205	卢家坪村委会
420325206200	420325206	旱田村委会
420325206201	420325206	谷场村委会
420325206202	420325206	白米村委会
420325206203	420325206	中院村委会
420325206204	420325206	长滩河村委会
420325206205	420325206	老人坪村委会
420325206206	420325206	大堰村委会
420325206207	420325206	小坪村委会
420325206208	420325206	栗子坪村委会
420325208200	420325208	范家垭村委会
420325208201	420325208	仓坪村委会
420325208202	420325208	白玉村委会
420325208203	420325208	黄龙村委会
420325208204	420325208	双龙村委会
420325208205	420325208	湖溪村委会
420325208206	420325208	荆竹园村委会
420325208207	420325208	二荒村委会
420325209200	420325209	下坝村委会
420325209201	420325209	三溪村委会
420325209202	420325209	潭峪村委会
420325209203	420325209	三池村委会
420325209204	420325209	龙驹山村委会
420325209205	420325209	胡湾村委会
420325209206	420325209	中坝村委会
420325209207	420325209	章湾村委会
420325209208	420325209	上坝村委会
420325209209	420325209	龙滩村委会
420325209210	420325209	贯沟村委会
420325209211	420325209	宝石村委会
420325209212	420325209	麦浪村委会
420325209213	420325209	楮河村委会
420325209214	420325209	天鹅村委会
420325210200	420325210	卸甲坪村委会
420325210201	420325210	八里坡村委会
420325210202	420325210	咸池沟村委会
420325210203	420325210	义渡坪村委会
420325210204	420325210	关坪村委会
420325210205	420325210	九道梁村委会
420325210206	420325210	塘坊垭村委会
420325210207	420325210	响应沟村委会
420325210208	420325210	瓦房坪村委会
420325211200	420325211	十三村委会
420325211201	420325211	红星村委会
420325211202	420325211	红卫村委会
420325211203	420325211	二十村委会
420325211204	420325211	红旗村委会
420325211206	420325211	黑樟沟村委会
420325211207	420325211	古桥沟村
420325212200	420325212	廖家河村委会
420325212201	420325212	红场村委会
420325212202	420325212	金牛寺村委会
420325212203	420325212	龙谭峪村委会
\.

SELECT pg_catalog.setval('eduaid.account_request_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.audit_log_id_seq', 79, true);

SELECT pg_catalog.setval('eduaid.dropout_case_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.dropout_visit_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.fund_program_id_seq', 4, true);

SELECT pg_catalog.setval('eduaid.home_visit_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.household_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.notice_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.notice_item_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.notice_objection_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.record_template_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.roster_import_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.row_template_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.school_id_seq', 66, true);

SELECT pg_catalog.setval('eduaid.special_ed_plan_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.student_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.student_subsidy_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.teacher_fund_application_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.teacher_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.training_attendance_id_seq', 1, false);

SELECT pg_catalog.setval('eduaid.training_course_id_seq', 9, true);

SELECT pg_catalog.setval('eduaid.training_enrollment_id_seq', 1, false);

ALTER TABLE ONLY eduaid.account_request
    ADD CONSTRAINT account_request_pkey PRIMARY KEY (id);

ALTER TABLE ONLY eduaid.account_request_secret
    ADD CONSTRAINT account_request_secret_pkey PRIMARY KEY (request_id);

ALTER TABLE ONLY eduaid.app_user
    ADD CONSTRAINT app_user_pkey PRIMARY KEY (login);

ALTER TABLE ONLY eduaid.app_user_township
    ADD CONSTRAINT app_user_township_pkey PRIMARY KEY (login, township_id);

ALTER TABLE eduaid.audit_log
    ADD CONSTRAINT audit_log_export_size_check CHECK (((action <> 'export'::text) OR (octet_length((new_row)::text) <= 1024))) NOT VALID;

ALTER TABLE ONLY eduaid.audit_log
    ADD CONSTRAINT audit_log_township_id_key UNIQUE NULLS NOT DISTINCT (township_id, id);

ALTER TABLE ONLY eduaid.county
    ADD CONSTRAINT county_pkey PRIMARY KEY (id);

ALTER TABLE ONLY eduaid.dropout_case
    ADD CONSTRAINT dropout_case_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.dropout_visit
    ADD CONSTRAINT dropout_visit_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.fund_program
    ADD CONSTRAINT fund_program_code_key UNIQUE (code);

ALTER TABLE ONLY eduaid.fund_program
    ADD CONSTRAINT fund_program_pkey PRIMARY KEY (id);

ALTER TABLE ONLY eduaid.home_visit
    ADD CONSTRAINT home_visit_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.home_visit
    ADD CONSTRAINT home_visit_visit_date_key UNIQUE (township_id, plan_id, visit_date);

ALTER TABLE ONLY eduaid.household
    ADD CONSTRAINT household_client_uuid_key UNIQUE (township_id, client_uuid);

ALTER TABLE ONLY eduaid.household
    ADD CONSTRAINT household_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.member_tally
    ADD CONSTRAINT member_tally_pkey PRIMARY KEY (township_id, stage, school_id, schooling_status, nutrition_meal);

ALTER TABLE ONLY eduaid.notice_line
    ADD CONSTRAINT notice_item_line_no_key PRIMARY KEY (notice_id, line_no);

ALTER TABLE ONLY eduaid.notice_item
    ADD CONSTRAINT notice_item_objection_key UNIQUE (township_id, id, notice_id, kind, record_id);

ALTER TABLE ONLY eduaid.notice_item
    ADD CONSTRAINT notice_item_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.notice_item
    ADD CONSTRAINT notice_item_record_hash_key UNIQUE (township_id, record_hash);

ALTER TABLE ONLY eduaid.notice_item
    ADD CONSTRAINT notice_item_record_key UNIQUE (township_id, notice_id, kind, record_id);

ALTER TABLE ONLY eduaid.notice_objection
    ADD CONSTRAINT notice_objection_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.notice
    ADD CONSTRAINT notice_pkey PRIMARY KEY (id);

ALTER TABLE ONLY eduaid.record_template
    ADD CONSTRAINT record_template_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.registry
    ADD CONSTRAINT registry_pkey PRIMARY KEY (kind, key);

ALTER TABLE ONLY eduaid.roster_import
    ADD CONSTRAINT roster_import_pkey PRIMARY KEY (id);

ALTER TABLE ONLY eduaid.roster_row
    ADD CONSTRAINT roster_row_pkey PRIMARY KEY (import_id, file_line, imported_by);

ALTER TABLE ONLY eduaid.row_template
    ADD CONSTRAINT row_template_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.schema_version
    ADD CONSTRAINT schema_version_pkey PRIMARY KEY (version);

ALTER TABLE ONLY eduaid.school
    ADD CONSTRAINT school_name_key UNIQUE (township_id, name);

ALTER TABLE ONLY eduaid.school
    ADD CONSTRAINT school_pkey PRIMARY KEY (id);

ALTER TABLE ONLY eduaid.school
    ADD CONSTRAINT school_township_id_key UNIQUE (township_id, id);

ALTER TABLE ONLY eduaid.special_ed_plan
    ADD CONSTRAINT special_ed_plan_client_uuid_key UNIQUE (township_id, client_uuid);

ALTER TABLE ONLY eduaid.special_ed_plan
    ADD CONSTRAINT special_ed_plan_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.student
    ADD CONSTRAINT student_household_key UNIQUE (township_id, household_id, id);

ALTER TABLE ONLY eduaid.student
    ADD CONSTRAINT student_id_number_key UNIQUE (township_id, household_id, id_number);

ALTER TABLE ONLY eduaid.student
    ADD CONSTRAINT student_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.student_subsidy
    ADD CONSTRAINT student_subsidy_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.student_subsidy
    ADD CONSTRAINT student_subsidy_program_key UNIQUE (township_id, student_id, school_year, program);

ALTER TABLE ONLY eduaid.subsidy_tally
    ADD CONSTRAINT subsidy_tally_pkey PRIMARY KEY (township_id, school_year, program);

ALTER TABLE ONLY eduaid.teacher_fund_application
    ADD CONSTRAINT teacher_fund_application_client_uuid_key UNIQUE (township_id, client_uuid);

ALTER TABLE ONLY eduaid.teacher_fund_application
    ADD CONSTRAINT teacher_fund_application_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.teacher_fund_application
    ADD CONSTRAINT teacher_fund_application_program_key UNIQUE (township_id, teacher_id, program_id, school_year);

ALTER TABLE ONLY eduaid.teacher
    ADD CONSTRAINT teacher_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.township
    ADD CONSTRAINT township_pkey PRIMARY KEY (id);

ALTER TABLE ONLY eduaid.training_attendance
    ADD CONSTRAINT training_attendance_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.training_attendance
    ADD CONSTRAINT training_attendance_session_date_key UNIQUE (township_id, enrollment_id, session_date);

ALTER TABLE ONLY eduaid.training_course
    ADD CONSTRAINT training_course_name_key UNIQUE (name);

ALTER TABLE ONLY eduaid.training_course
    ADD CONSTRAINT training_course_pkey PRIMARY KEY (id);

ALTER TABLE ONLY eduaid.training_enrollment
    ADD CONSTRAINT training_enrollment_client_uuid_key UNIQUE (township_id, client_uuid);

ALTER TABLE ONLY eduaid.training_enrollment
    ADD CONSTRAINT training_enrollment_course_key UNIQUE (township_id, trainee_id_number, course_id, batch);

ALTER TABLE ONLY eduaid.training_enrollment
    ADD CONSTRAINT training_enrollment_pkey PRIMARY KEY (township_id, id);

ALTER TABLE ONLY eduaid.village
    ADD CONSTRAINT village_pkey PRIMARY KEY (id);

ALTER TABLE ONLY eduaid.village
    ADD CONSTRAINT village_township_id_key UNIQUE (township_id, id);

CREATE INDEX account_request_pending_idx ON eduaid.account_request USING btree (county_id, status, id);

CREATE INDEX audit_log_actor_idx ON eduaid.audit_log USING btree (township_id, actor, at);

CREATE INDEX audit_log_record_idx ON eduaid.audit_log USING btree (township_id, kind, record_id, id);

CREATE INDEX dropout_case_returned_idx ON eduaid.dropout_case USING btree (township_id, returned_on) WHERE (state = 'returned'::text);

CREATE INDEX dropout_case_student_idx ON eduaid.dropout_case USING btree (township_id, student_id);

CREATE UNIQUE INDEX dropout_case_student_open_key ON eduaid.dropout_case USING btree (township_id, student_id) WHERE (state <> 'returned'::text);

CREATE INDEX dropout_visit_case_idx ON eduaid.dropout_visit USING btree (township_id, case_id, visit_date);

CREATE INDEX household_counted_idx ON eduaid.household USING btree (township_id, id) WHERE (status = ANY (ARRAY['approved'::text, 'in_notice'::text, 'final'::text]));

CREATE INDEX household_counted_no_idx ON eduaid.household USING btree (township_id, household_no) INCLUDE (id) WHERE (status = ANY (ARRAY['approved'::text, 'in_notice'::text, 'final'::text]));

CREATE INDEX household_list_idx ON eduaid.household USING btree (township_id, status, updated_at DESC, id DESC);

CREATE INDEX household_no_idx ON eduaid.household USING btree (township_id, household_no);

CREATE INDEX household_recent_idx ON eduaid.household USING btree (township_id, updated_at DESC, id DESC);

CREATE INDEX household_submitted_idx ON eduaid.household USING btree (township_id, submitted_at, id) INCLUDE (created_by, submitted_by, editors) WHERE (status = 'submitted'::text);

CREATE INDEX household_verified_idx ON eduaid.household USING btree (township_id, verified_at, id) INCLUDE (created_by, verified_by, editors) WHERE (status = 'verified'::text);

CREATE INDEX notice_item_line_idx ON eduaid.notice_item USING btree (township_id, notice_id, line_no);

CREATE INDEX notice_item_record_idx ON eduaid.notice_item USING btree (township_id, kind, record_id, notice_id);

CREATE INDEX notice_objection_item_idx ON eduaid.notice_objection USING btree (township_id, item_id);

CREATE INDEX notice_objection_pending_idx ON eduaid.notice_objection USING btree (township_id, notice_id) WHERE (decision = 'pending'::text);

CREATE INDEX notice_open_idx ON eduaid.notice USING btree (county_id, id) WHERE (closed_at IS NULL);

CREATE INDEX roster_import_imported_by_idx ON eduaid.roster_import USING btree (imported_by, id);

CREATE INDEX roster_row_household_idx ON eduaid.roster_row USING btree (import_id, household_no);

CREATE INDEX special_ed_plan_child_idx ON eduaid.special_ed_plan USING btree (township_id, child_id_number);

CREATE INDEX special_ed_plan_home_teacher_idx ON eduaid.special_ed_plan USING btree (township_id, home_teacher_id) WHERE (home_teacher_id IS NOT NULL);

CREATE INDEX special_ed_plan_list_idx ON eduaid.special_ed_plan USING btree (township_id, status, updated_at DESC, id DESC);

CREATE INDEX special_ed_plan_recent_idx ON eduaid.special_ed_plan USING btree (township_id, updated_at DESC, id DESC);

CREATE INDEX special_ed_plan_submitted_idx ON eduaid.special_ed_plan USING btree (township_id, submitted_at, id) INCLUDE (created_by, submitted_by, editors) WHERE (status = 'submitted'::text);

CREATE INDEX special_ed_plan_verified_idx ON eduaid.special_ed_plan USING btree (township_id, verified_at, id) INCLUDE (created_by, verified_by, editors) WHERE (status = 'verified'::text);

CREATE INDEX student_disabled_idx ON eduaid.student USING btree (township_id, household_id) INCLUDE (id_number, birth_date) WHERE (disability_type IS NOT NULL);

CREATE INDEX student_household_idx ON eduaid.student USING btree (township_id, household_id);

CREATE INDEX student_out_of_school_idx ON eduaid.student USING btree (township_id, eduaid.school_entry_year(birth_date)) INCLUDE (birth_date, household_id, schooling_status, updated_at) WHERE (schooling_status <> 'enrolled'::text);

CREATE INDEX student_report_idx ON eduaid.student USING btree (township_id, household_id, id) INCLUDE (stage, boarding, schooling_status, school_id, nutrition_meal, disability_type);

CREATE INDEX student_school_entry_idx ON eduaid.student USING btree (township_id, eduaid.school_entry_year(birth_date)) INCLUDE (birth_date);

CREATE INDEX student_subsidy_report_idx ON eduaid.student_subsidy USING btree (township_id, school_year, household_id, student_id) INCLUDE (program);

CREATE INDEX teacher_fund_application_list_idx ON eduaid.teacher_fund_application USING btree (township_id, status, updated_at DESC, id DESC);

CREATE INDEX teacher_fund_application_recent_idx ON eduaid.teacher_fund_application USING btree (township_id, updated_at DESC, id DESC);

CREATE INDEX teacher_fund_application_submitted_idx ON eduaid.teacher_fund_application USING btree (township_id, submitted_at, id) INCLUDE (created_by, submitted_by, editors) WHERE (status = 'submitted'::text);

CREATE INDEX teacher_fund_application_verified_idx ON eduaid.teacher_fund_application USING btree (township_id, verified_at, id) INCLUDE (created_by, verified_by, editors) WHERE (status = 'verified'::text);

CREATE INDEX teacher_school_idx ON eduaid.teacher USING btree (township_id, school_id);

CREATE INDEX township_county_idx ON eduaid.township USING btree (county_id);

CREATE INDEX training_enrollment_list_idx ON eduaid.training_enrollment USING btree (township_id, status, updated_at DESC, id DESC);

CREATE INDEX training_enrollment_recent_idx ON eduaid.training_enrollment USING btree (township_id, updated_at DESC, id DESC);

CREATE INDEX training_enrollment_submitted_idx ON eduaid.training_enrollment USING btree (township_id, submitted_at, id) INCLUDE (created_by, submitted_by, editors) WHERE (status = 'submitted'::text);

CREATE INDEX training_enrollment_verified_idx ON eduaid.training_enrollment USING btree (township_id, verified_at, id) INCLUDE (created_by, verified_by, editors) WHERE (status = 'verified'::text);

CREATE INDEX village_township_idx ON eduaid.village USING btree (township_id);

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.dropout_case FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.dropout_visit FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.home_visit FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.household FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.special_ed_plan FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.student FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.student_subsidy FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.teacher FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.teacher_fund_application FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.training_attendance FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.training_enrollment FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();

CREATE TRIGGER a_notice_line_key AFTER INSERT ON eduaid.notice_item FOR EACH ROW EXECUTE FUNCTION eduaid.notice_line_key();

CREATE TRIGGER a_roster_import_guard BEFORE INSERT OR UPDATE ON eduaid.roster_import FOR EACH ROW EXECUTE FUNCTION eduaid.roster_import_guard();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON eduaid.audit_log FOR EACH STATEMENT EXECUTE FUNCTION eduaid.audit_log_immutable();

CREATE TRIGGER audit_log_no_update BEFORE DELETE OR UPDATE ON eduaid.audit_log FOR EACH ROW EXECUTE FUNCTION eduaid.audit_log_immutable();

CREATE TRIGGER b_keep BEFORE DELETE ON eduaid.dropout_case FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();

CREATE TRIGGER b_keep BEFORE DELETE OR UPDATE ON eduaid.dropout_visit FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();

CREATE TRIGGER b_keep BEFORE DELETE OR UPDATE ON eduaid.home_visit FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();

CREATE TRIGGER b_keep BEFORE DELETE ON eduaid.training_attendance FOR EACH ROW EXECUTE FUNCTION eduaid.ledger_keep();

CREATE TRIGGER b_member_guard BEFORE UPDATE ON eduaid.student FOR EACH ROW EXECUTE FUNCTION eduaid.member_guard();

CREATE TRIGGER b_member_guard BEFORE UPDATE ON eduaid.student_subsidy FOR EACH ROW EXECUTE FUNCTION eduaid.member_guard();

CREATE TRIGGER b_no_truncate BEFORE TRUNCATE ON eduaid.notice FOR EACH STATEMENT EXECUTE FUNCTION eduaid.notice_no_truncate();

CREATE TRIGGER b_no_truncate BEFORE TRUNCATE ON eduaid.notice_item FOR EACH STATEMENT EXECUTE FUNCTION eduaid.notice_no_truncate();

CREATE TRIGGER b_no_truncate BEFORE TRUNCATE ON eduaid.notice_objection FOR EACH STATEMENT EXECUTE FUNCTION eduaid.notice_no_truncate();

CREATE TRIGGER b_notice_guard BEFORE INSERT OR DELETE OR UPDATE ON eduaid.notice FOR EACH ROW EXECUTE FUNCTION eduaid.notice_guard();

CREATE TRIGGER b_notice_item_guard BEFORE INSERT OR DELETE OR UPDATE ON eduaid.notice_item FOR EACH ROW EXECUTE FUNCTION eduaid.notice_item_guard();

CREATE TRIGGER b_notice_objection_guard BEFORE INSERT OR DELETE OR UPDATE ON eduaid.notice_objection FOR EACH ROW EXECUTE FUNCTION eduaid.notice_objection_guard();

CREATE TRIGGER b_record_guard BEFORE INSERT OR DELETE OR UPDATE ON eduaid.household FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();

CREATE TRIGGER b_record_guard BEFORE INSERT OR DELETE OR UPDATE ON eduaid.special_ed_plan FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();

CREATE TRIGGER b_record_guard BEFORE INSERT OR DELETE OR UPDATE ON eduaid.teacher_fund_application FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();

CREATE TRIGGER b_record_guard BEFORE INSERT OR DELETE OR UPDATE ON eduaid.training_enrollment FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard();

CREATE TRIGGER c_fund_amount_guard BEFORE INSERT OR UPDATE ON eduaid.teacher_fund_application FOR EACH ROW EXECUTE FUNCTION eduaid.fund_amount_guard();

CREATE TRIGGER c_guard BEFORE INSERT OR UPDATE ON eduaid.dropout_case FOR EACH ROW EXECUTE FUNCTION eduaid.dropout_case_guard();

CREATE TRIGGER c_guard BEFORE INSERT ON eduaid.dropout_visit FOR EACH ROW EXECUTE FUNCTION eduaid.dropout_visit_guard();

CREATE TRIGGER c_guard BEFORE INSERT ON eduaid.home_visit FOR EACH ROW EXECUTE FUNCTION eduaid.home_visit_guard();

CREATE TRIGGER c_guard BEFORE INSERT OR UPDATE ON eduaid.training_attendance FOR EACH ROW EXECUTE FUNCTION eduaid.training_attendance_guard();

CREATE TRIGGER c_report_tally_delete BEFORE DELETE ON eduaid.household FOR EACH ROW EXECUTE FUNCTION eduaid.report_tally_trigger();

CREATE TRIGGER e_record_facts BEFORE INSERT OR UPDATE ON eduaid.special_ed_plan FOR EACH ROW EXECUTE FUNCTION eduaid.record_facts();

CREATE TRIGGER e_record_facts BEFORE INSERT OR UPDATE ON eduaid.teacher_fund_application FOR EACH ROW EXECUTE FUNCTION eduaid.record_facts();

CREATE TRIGGER r_registry AFTER INSERT OR DELETE ON eduaid.household FOR EACH ROW EXECUTE FUNCTION eduaid.registry_sync();

CREATE TRIGGER r_registry AFTER INSERT OR DELETE ON eduaid.special_ed_plan FOR EACH ROW EXECUTE FUNCTION eduaid.registry_sync();

CREATE TRIGGER r_registry AFTER INSERT OR DELETE ON eduaid.student FOR EACH ROW EXECUTE FUNCTION eduaid.registry_sync();

CREATE TRIGGER r_registry AFTER INSERT OR DELETE ON eduaid.teacher FOR EACH ROW EXECUTE FUNCTION eduaid.registry_sync();

CREATE TRIGGER r_registry AFTER INSERT OR DELETE ON eduaid.training_enrollment FOR EACH ROW EXECUTE FUNCTION eduaid.registry_sync();

CREATE TRIGGER r_registry_update AFTER UPDATE ON eduaid.household FOR EACH ROW WHEN (((old.head_id_number IS DISTINCT FROM new.head_id_number) OR (old.household_no IS DISTINCT FROM new.household_no) OR (old.township_id IS DISTINCT FROM new.township_id))) EXECUTE FUNCTION eduaid.registry_sync();

CREATE TRIGGER r_registry_update AFTER UPDATE ON eduaid.special_ed_plan FOR EACH ROW WHEN (((old.child_id_number IS DISTINCT FROM new.child_id_number) OR (old.household_id IS DISTINCT FROM new.household_id) OR (old.township_id IS DISTINCT FROM new.township_id) OR ((old.ended_on IS NULL) IS DISTINCT FROM (new.ended_on IS NULL)))) EXECUTE FUNCTION eduaid.registry_sync();

CREATE TRIGGER r_registry_update AFTER UPDATE ON eduaid.student FOR EACH ROW WHEN (((old.id_number IS DISTINCT FROM new.id_number) OR (old.household_id IS DISTINCT FROM new.household_id) OR (old.township_id IS DISTINCT FROM new.township_id))) EXECUTE FUNCTION eduaid.registry_sync();

CREATE TRIGGER r_registry_update AFTER UPDATE ON eduaid.teacher FOR EACH ROW WHEN (((old.id_number IS DISTINCT FROM new.id_number) OR (old.township_id IS DISTINCT FROM new.township_id))) EXECUTE FUNCTION eduaid.registry_sync();

CREATE TRIGGER r_registry_update AFTER UPDATE ON eduaid.training_enrollment FOR EACH ROW WHEN (((old.trainee_id_number IS DISTINCT FROM new.trainee_id_number) OR (old.household_id IS DISTINCT FROM new.household_id) OR (old.township_id IS DISTINCT FROM new.township_id))) EXECUTE FUNCTION eduaid.registry_sync();

CREATE CONSTRAINT TRIGGER roster_import_finished AFTER INSERT ON eduaid.roster_import DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION eduaid.roster_import_finished();

CREATE TRIGGER roster_row_guard AFTER INSERT ON eduaid.roster_row REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION eduaid.roster_rows_guard();

CREATE TRIGGER y_member_delete AFTER DELETE ON eduaid.student REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch();

CREATE TRIGGER y_member_delete AFTER DELETE ON eduaid.student_subsidy REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch();

CREATE TRIGGER y_member_insert AFTER INSERT ON eduaid.student REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch();

CREATE TRIGGER y_member_insert AFTER INSERT ON eduaid.student_subsidy REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch();

CREATE TRIGGER y_member_update AFTER UPDATE ON eduaid.student REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch();

CREATE TRIGGER y_member_update AFTER UPDATE ON eduaid.student_subsidy REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch();

CREATE TRIGGER y_teacher_facts AFTER UPDATE ON eduaid.teacher FOR EACH ROW WHEN ((((((old.name IS DISTINCT FROM new.name) OR (old.id_number IS DISTINCT FROM new.id_number)) OR (old.school_id IS DISTINCT FROM new.school_id)) OR (old.title IS DISTINCT FROM new.title)) OR (old.rural_years IS DISTINCT FROM new.rural_years))) EXECUTE FUNCTION eduaid.teacher_facts_changed();

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.account_request FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('user');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.app_user FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('user');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.app_user_township FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('user');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.dropout_case FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('dropout');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.dropout_visit FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('dropout');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.fund_program FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('reference');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.home_visit FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('home_visit');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.household FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('household');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.notice FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('notice');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.notice_item FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('notice');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.notice_objection FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('objection');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.roster_import FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('roster');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.school FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('reference');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.special_ed_plan FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('special_ed');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.student FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('household');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.student_subsidy FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('household');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.teacher FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('teacher');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.teacher_fund_application FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('teacher_fund');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.training_attendance FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('training_attendance');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.training_course FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('reference');

CREATE TRIGGER z_audit AFTER INSERT OR DELETE OR UPDATE ON eduaid.training_enrollment FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('training');

CREATE TRIGGER z_report_tally AFTER INSERT OR UPDATE OF status ON eduaid.household FOR EACH ROW EXECUTE FUNCTION eduaid.report_tally_trigger();

ALTER TABLE ONLY eduaid.account_request_secret
    ADD CONSTRAINT account_request_secret_request_fk FOREIGN KEY (request_id) REFERENCES eduaid.account_request(id);

ALTER TABLE ONLY eduaid.app_user
    ADD CONSTRAINT app_user_county_fk FOREIGN KEY (county_id) REFERENCES eduaid.county(id);

ALTER TABLE ONLY eduaid.app_user_township
    ADD CONSTRAINT app_user_township_login_fk FOREIGN KEY (login) REFERENCES eduaid.app_user(login) ON DELETE CASCADE;

ALTER TABLE ONLY eduaid.app_user_township
    ADD CONSTRAINT app_user_township_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE ONLY eduaid.dropout_case
    ADD CONSTRAINT dropout_case_returned_school_fk FOREIGN KEY (returned_school_id) REFERENCES eduaid.school(id);

ALTER TABLE ONLY eduaid.dropout_case
    ADD CONSTRAINT dropout_case_student_fk FOREIGN KEY (township_id, household_id, student_id) REFERENCES eduaid.student(township_id, household_id, id);

ALTER TABLE ONLY eduaid.dropout_visit
    ADD CONSTRAINT dropout_visit_case_fk FOREIGN KEY (township_id, case_id) REFERENCES eduaid.dropout_case(township_id, id);

ALTER TABLE ONLY eduaid.home_visit
    ADD CONSTRAINT home_visit_plan_fk FOREIGN KEY (township_id, plan_id) REFERENCES eduaid.special_ed_plan(township_id, id);

ALTER TABLE ONLY eduaid.home_visit
    ADD CONSTRAINT home_visit_teacher_fk FOREIGN KEY (township_id, teacher_id) REFERENCES eduaid.teacher(township_id, id);

ALTER TABLE ONLY eduaid.household
    ADD CONSTRAINT household_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE ONLY eduaid.household
    ADD CONSTRAINT household_village_fk FOREIGN KEY (township_id, village_id) REFERENCES eduaid.village(township_id, id);

ALTER TABLE ONLY eduaid.member_tally
    ADD CONSTRAINT member_tally_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE ONLY eduaid.notice
    ADD CONSTRAINT notice_county_fk FOREIGN KEY (county_id) REFERENCES eduaid.county(id);

ALTER TABLE ONLY eduaid.notice_item
    ADD CONSTRAINT notice_item_notice_fk FOREIGN KEY (notice_id) REFERENCES eduaid.notice(id);

ALTER TABLE ONLY eduaid.notice_item
    ADD CONSTRAINT notice_item_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE ONLY eduaid.notice_objection
    ADD CONSTRAINT notice_objection_item_fk FOREIGN KEY (township_id, item_id, notice_id, kind, record_id) REFERENCES eduaid.notice_item(township_id, id, notice_id, kind, record_id);

ALTER TABLE ONLY eduaid.notice
    ADD CONSTRAINT notice_program_fk FOREIGN KEY (program_id) REFERENCES eduaid.fund_program(id);

ALTER TABLE ONLY eduaid.notice
    ADD CONSTRAINT notice_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE ONLY eduaid.school
    ADD CONSTRAINT school_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE ONLY eduaid.special_ed_plan
    ADD CONSTRAINT special_ed_plan_home_teacher_fk FOREIGN KEY (township_id, home_teacher_id) REFERENCES eduaid.teacher(township_id, id);

ALTER TABLE ONLY eduaid.special_ed_plan
    ADD CONSTRAINT special_ed_plan_household_fk FOREIGN KEY (township_id, household_id) REFERENCES eduaid.household(township_id, id);

ALTER TABLE ONLY eduaid.special_ed_plan
    ADD CONSTRAINT special_ed_plan_school_fk FOREIGN KEY (school_id) REFERENCES eduaid.school(id);

ALTER TABLE ONLY eduaid.special_ed_plan
    ADD CONSTRAINT special_ed_plan_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE ONLY eduaid.student
    ADD CONSTRAINT student_household_fk FOREIGN KEY (township_id, household_id) REFERENCES eduaid.household(township_id, id) ON DELETE CASCADE;

ALTER TABLE ONLY eduaid.student
    ADD CONSTRAINT student_school_fk FOREIGN KEY (school_id) REFERENCES eduaid.school(id);

ALTER TABLE ONLY eduaid.student_subsidy
    ADD CONSTRAINT student_subsidy_student_fk FOREIGN KEY (township_id, household_id, student_id) REFERENCES eduaid.student(township_id, household_id, id) ON DELETE CASCADE;

ALTER TABLE ONLY eduaid.subsidy_tally
    ADD CONSTRAINT subsidy_tally_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE ONLY eduaid.teacher_fund_application
    ADD CONSTRAINT teacher_fund_application_program_fk FOREIGN KEY (program_id) REFERENCES eduaid.fund_program(id);

ALTER TABLE ONLY eduaid.teacher_fund_application
    ADD CONSTRAINT teacher_fund_application_teacher_fk FOREIGN KEY (township_id, teacher_id) REFERENCES eduaid.teacher(township_id, id);

ALTER TABLE ONLY eduaid.teacher_fund_application
    ADD CONSTRAINT teacher_fund_application_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE ONLY eduaid.teacher
    ADD CONSTRAINT teacher_school_fk FOREIGN KEY (township_id, school_id) REFERENCES eduaid.school(township_id, id);

ALTER TABLE ONLY eduaid.township
    ADD CONSTRAINT township_county_fk FOREIGN KEY (county_id) REFERENCES eduaid.county(id);

ALTER TABLE ONLY eduaid.training_attendance
    ADD CONSTRAINT training_attendance_enrollment_fk FOREIGN KEY (township_id, enrollment_id) REFERENCES eduaid.training_enrollment(township_id, id);

ALTER TABLE ONLY eduaid.training_enrollment
    ADD CONSTRAINT training_enrollment_course_fk FOREIGN KEY (course_id) REFERENCES eduaid.training_course(id);

ALTER TABLE ONLY eduaid.training_enrollment
    ADD CONSTRAINT training_enrollment_household_fk FOREIGN KEY (township_id, household_id) REFERENCES eduaid.household(township_id, id);

ALTER TABLE ONLY eduaid.training_enrollment
    ADD CONSTRAINT training_enrollment_provider_school_fk FOREIGN KEY (provider_school_id) REFERENCES eduaid.school(id);

ALTER TABLE ONLY eduaid.training_enrollment
    ADD CONSTRAINT training_enrollment_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE ONLY eduaid.village
    ADD CONSTRAINT village_township_fk FOREIGN KEY (township_id) REFERENCES eduaid.township(id);

ALTER TABLE eduaid.account_request ENABLE ROW LEVEL SECURITY;

CREATE POLICY account_request_read ON eduaid.account_request FOR SELECT TO eduaid_supervisor, eduaid_admin, eduaid_auditor USING ((county_id = ( SELECT eduaid.my_account_county() AS my_account_county)));

ALTER TABLE eduaid.audit_log ENABLE ROW LEVEL SECURITY;

CREATE POLICY audit_log_auditor ON eduaid.audit_log FOR SELECT TO eduaid_auditor USING (true);

CREATE POLICY audit_log_owner_read ON eduaid.audit_log FOR SELECT TO eduaid_owner USING (true);

CREATE POLICY audit_log_read ON eduaid.audit_log FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY audit_log_write ON eduaid.audit_log FOR INSERT TO eduaid_audit_owner WITH CHECK ((actor = SESSION_USER));

ALTER TABLE eduaid.dropout_case ENABLE ROW LEVEL SECURITY;

CREATE POLICY dropout_case_insert ON eduaid.dropout_case FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY dropout_case_owner ON eduaid.dropout_case TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY dropout_case_read ON eduaid.dropout_case FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY dropout_case_update ON eduaid.dropout_case FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.dropout_visit ENABLE ROW LEVEL SECURITY;

CREATE POLICY dropout_visit_insert ON eduaid.dropout_visit FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY dropout_visit_owner ON eduaid.dropout_visit TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY dropout_visit_read ON eduaid.dropout_visit FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY dropout_visit_update ON eduaid.dropout_visit FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.home_visit ENABLE ROW LEVEL SECURITY;

CREATE POLICY home_visit_insert ON eduaid.home_visit FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY home_visit_owner ON eduaid.home_visit TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY home_visit_read ON eduaid.home_visit FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY home_visit_update ON eduaid.home_visit FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.household ENABLE ROW LEVEL SECURITY;

CREATE POLICY household_exporter_read ON eduaid.household FOR SELECT TO eduaid_exporter USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY household_insert ON eduaid.household FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY household_owner ON eduaid.household TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY household_read ON eduaid.household FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY household_remover_delete ON eduaid.household FOR DELETE TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY household_remover_read ON eduaid.household FOR SELECT TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY household_remover_touch ON eduaid.household FOR UPDATE TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY household_update ON eduaid.household FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.member_tally ENABLE ROW LEVEL SECURITY;

CREATE POLICY member_tally_owner ON eduaid.member_tally TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY member_tally_read ON eduaid.member_tally FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.notice ENABLE ROW LEVEL SECURITY;

ALTER TABLE eduaid.notice_item ENABLE ROW LEVEL SECURITY;

CREATE POLICY notice_item_owner ON eduaid.notice_item TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY notice_item_read ON eduaid.notice_item FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.notice_objection ENABLE ROW LEVEL SECURITY;

CREATE POLICY notice_objection_owner ON eduaid.notice_objection TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY notice_objection_read ON eduaid.notice_objection FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY notice_owner ON eduaid.notice TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY notice_read ON eduaid.notice FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING (((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])) OR ((township_id IS NULL) AND (county_id = ( SELECT t.county_id
   FROM eduaid.township t
  WHERE (t.id = (( SELECT eduaid.my_townships() AS my_townships))[1]))))));

ALTER TABLE eduaid.registry ENABLE ROW LEVEL SECURITY;

CREATE POLICY registry_owner ON eduaid.registry TO eduaid_registry_owner USING (true) WITH CHECK (true);

ALTER TABLE eduaid.roster_import ENABLE ROW LEVEL SECURITY;

CREATE POLICY roster_import_auditor ON eduaid.roster_import FOR SELECT TO eduaid_auditor USING (true);

CREATE POLICY roster_import_insert ON eduaid.roster_import FOR INSERT TO eduaid_clerk, eduaid_officer, eduaid_supervisor WITH CHECK (((imported_by = SESSION_USER) AND (eduaid.my_role() = ANY (ARRAY['clerk'::text, 'officer'::text, 'supervisor'::text]))));

CREATE POLICY roster_import_own ON eduaid.roster_import FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor USING ((imported_by = SESSION_USER));

CREATE POLICY roster_import_owner ON eduaid.roster_import TO eduaid_owner USING (true) WITH CHECK (true);

ALTER TABLE eduaid.special_ed_plan ENABLE ROW LEVEL SECURITY;

CREATE POLICY special_ed_plan_exporter_read ON eduaid.special_ed_plan FOR SELECT TO eduaid_exporter USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY special_ed_plan_insert ON eduaid.special_ed_plan FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY special_ed_plan_owner ON eduaid.special_ed_plan TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY special_ed_plan_read ON eduaid.special_ed_plan FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY special_ed_plan_remover_delete ON eduaid.special_ed_plan FOR DELETE TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY special_ed_plan_remover_read ON eduaid.special_ed_plan FOR SELECT TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY special_ed_plan_update ON eduaid.special_ed_plan FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.student ENABLE ROW LEVEL SECURITY;

CREATE POLICY student_insert ON eduaid.student FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY student_owner ON eduaid.student TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY student_read ON eduaid.student FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY student_remover_delete ON eduaid.student FOR DELETE TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY student_remover_read ON eduaid.student FOR SELECT TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.student_subsidy ENABLE ROW LEVEL SECURITY;

CREATE POLICY student_subsidy_insert ON eduaid.student_subsidy FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY student_subsidy_owner ON eduaid.student_subsidy TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY student_subsidy_read ON eduaid.student_subsidy FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY student_subsidy_remover_delete ON eduaid.student_subsidy FOR DELETE TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY student_subsidy_remover_read ON eduaid.student_subsidy FOR SELECT TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY student_subsidy_update ON eduaid.student_subsidy FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY student_update ON eduaid.student FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.subsidy_tally ENABLE ROW LEVEL SECURITY;

CREATE POLICY subsidy_tally_owner ON eduaid.subsidy_tally TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY subsidy_tally_read ON eduaid.subsidy_tally FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.teacher ENABLE ROW LEVEL SECURITY;

ALTER TABLE eduaid.teacher_fund_application ENABLE ROW LEVEL SECURITY;

CREATE POLICY teacher_fund_application_exporter_read ON eduaid.teacher_fund_application FOR SELECT TO eduaid_exporter USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY teacher_fund_application_insert ON eduaid.teacher_fund_application FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY teacher_fund_application_owner ON eduaid.teacher_fund_application TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY teacher_fund_application_read ON eduaid.teacher_fund_application FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY teacher_fund_application_remover_delete ON eduaid.teacher_fund_application FOR DELETE TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY teacher_fund_application_remover_read ON eduaid.teacher_fund_application FOR SELECT TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY teacher_fund_application_update ON eduaid.teacher_fund_application FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY teacher_insert ON eduaid.teacher FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY teacher_owner ON eduaid.teacher TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY teacher_read ON eduaid.teacher FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY teacher_update ON eduaid.teacher FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.training_attendance ENABLE ROW LEVEL SECURITY;

CREATE POLICY training_attendance_insert ON eduaid.training_attendance FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY training_attendance_owner ON eduaid.training_attendance TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY training_attendance_read ON eduaid.training_attendance FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY training_attendance_update ON eduaid.training_attendance FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

ALTER TABLE eduaid.training_enrollment ENABLE ROW LEVEL SECURITY;

CREATE POLICY training_enrollment_exporter_read ON eduaid.training_enrollment FOR SELECT TO eduaid_exporter USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY training_enrollment_insert ON eduaid.training_enrollment FOR INSERT TO eduaid_clerk, eduaid_officer WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY training_enrollment_owner ON eduaid.training_enrollment TO eduaid_owner USING (true) WITH CHECK (true);

CREATE POLICY training_enrollment_read ON eduaid.training_enrollment FOR SELECT TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY training_enrollment_remover_delete ON eduaid.training_enrollment FOR DELETE TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY training_enrollment_remover_read ON eduaid.training_enrollment FOR SELECT TO eduaid_remover USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

CREATE POLICY training_enrollment_update ON eduaid.training_enrollment FOR UPDATE TO eduaid_clerk, eduaid_officer USING ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[]))) WITH CHECK ((township_id = ANY (( SELECT eduaid.my_scope() AS my_scope)::bigint[])));

GRANT USAGE ON SCHEMA eduaid TO eduaid_audit_owner;
GRANT USAGE ON SCHEMA eduaid TO eduaid_usermgr;
GRANT USAGE ON SCHEMA eduaid TO eduaid_clerk;
GRANT USAGE ON SCHEMA eduaid TO eduaid_officer;
GRANT USAGE ON SCHEMA eduaid TO eduaid_supervisor;
GRANT USAGE ON SCHEMA eduaid TO eduaid_admin;
GRANT USAGE ON SCHEMA eduaid TO eduaid_auditor;
GRANT USAGE ON SCHEMA eduaid TO eduaid_registry_owner;
GRANT USAGE ON SCHEMA eduaid TO eduaid_remover;
GRANT USAGE ON SCHEMA eduaid TO eduaid_exporter;

REVOKE ALL ON TYPE eduaid.registry_ref FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.apply_create(login text, full_name text, role text, county_id integer, townships integer[], v text, created_by text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.apply_enable(login text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.apply_password(login text, v text) FROM PUBLIC;

GRANT SELECT ON TABLE eduaid.app_user TO eduaid_admin;
GRANT SELECT ON TABLE eduaid.app_user TO eduaid_auditor;
GRANT SELECT,INSERT,UPDATE ON TABLE eduaid.app_user TO eduaid_usermgr;

REVOKE ALL ON FUNCTION eduaid.apply_townships(u eduaid.app_user, townships integer[]) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.transition(action text, kind text, record_id bigint, reason text, expected_version integer) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.approve(kind text, id bigint, expected_version integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.approve(kind text, id bigint, expected_version integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.approve(kind text, id bigint, expected_version integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.approve(kind text, id bigint, expected_version integer) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.approve_request(id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.approve_request(id bigint) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb) TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.audit_row() FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.audit_row() TO eduaid_owner;

REVOKE ALL ON FUNCTION eduaid.check_new_user(login text, role text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.check_not_pending(action text, login text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.check_user_townships(role text, county_id integer, townships integer[]) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.close_notice(p_notice bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.close_notice(p_notice bigint) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.create_user(login text, full_name text, role text, county_id integer, townships integer[], password text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.decide_objection(p_objection bigint, p_decision text, p_note text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.decide_objection(p_objection bigint, p_decision text, p_note text) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.delete_draft(p_kind text, p_id bigint, p_version integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.delete_draft(p_kind text, p_id bigint, p_version integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.delete_draft(p_kind text, p_id bigint, p_version integer) TO eduaid_officer;

REVOKE ALL ON FUNCTION eduaid.delete_member(p_table text, p_household_id bigint, p_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.delete_member(p_table text, p_household_id bigint, p_id bigint) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.delete_member(p_table text, p_household_id bigint, p_id bigint) TO eduaid_officer;

REVOKE ALL ON FUNCTION eduaid.disable_user(login text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.disable_user(login text) TO eduaid_admin;

REVOKE ALL ON FUNCTION eduaid.dropout_confirm(p_student bigint, p_confirmed_on date) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.dropout_confirm(p_student bigint, p_confirmed_on date) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.dropout_confirm(p_student bigint, p_confirmed_on date) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.dropout_confirm(p_student bigint, p_confirmed_on date) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.dropout_confirm(p_student bigint, p_confirmed_on date) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.my_townships() FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.my_townships() TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.my_townships() TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.my_townships() TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.my_townships() TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.my_townships() TO eduaid_auditor;
GRANT ALL ON FUNCTION eduaid.my_townships() TO eduaid_audit_owner;
GRANT ALL ON FUNCTION eduaid.my_townships() TO eduaid_remover;
GRANT ALL ON FUNCTION eduaid.my_townships() TO eduaid_exporter;

REVOKE ALL ON FUNCTION eduaid.school_entry_year(birth date) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.school_entry_year(birth date) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.school_entry_year(birth date) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.school_entry_year(birth date) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.school_entry_year(birth date) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.dropout_case TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.dropout_case TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.dropout_case TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.dropout_case TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.student TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.student TO eduaid_auditor;
GRANT SELECT,DELETE ON TABLE eduaid.student TO eduaid_remover;

GRANT SELECT(id) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(township_id) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(township_id) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(township_id) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT SELECT(version) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT SELECT(created_by) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT SELECT(created_at) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT SELECT(updated_by) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT SELECT(updated_at) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(household_id) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(household_id) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(household_id) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(name),UPDATE(name) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(name),UPDATE(name) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(name) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(id_number),UPDATE(id_number) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(id_number),UPDATE(id_number) ON TABLE eduaid.student TO eduaid_officer;

GRANT SELECT(id_number_masked) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(sex),UPDATE(sex) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(sex),UPDATE(sex) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(sex) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(birth_date),UPDATE(birth_date) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(birth_date),UPDATE(birth_date) ON TABLE eduaid.student TO eduaid_officer;

GRANT SELECT(birth_date_masked) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(relation),UPDATE(relation) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(relation),UPDATE(relation) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(relation) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(stage),UPDATE(stage) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(stage),UPDATE(stage) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(stage) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(school_id),UPDATE(school_id) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(school_id),UPDATE(school_id) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(school_id) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(grade),UPDATE(grade) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(grade),UPDATE(grade) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(grade) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(boarding),UPDATE(boarding) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(boarding),UPDATE(boarding) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(boarding) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(schooling_status),UPDATE(schooling_status) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(schooling_status),UPDATE(schooling_status) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(schooling_status) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(disability_type),UPDATE(disability_type) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(disability_type),UPDATE(disability_type) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(disability_type) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(disability_grade),UPDATE(disability_grade) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(disability_grade),UPDATE(disability_grade) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(disability_grade) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(left_behind),UPDATE(left_behind) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(left_behind),UPDATE(left_behind) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(left_behind) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(migrant),UPDATE(migrant) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(migrant),UPDATE(migrant) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(migrant) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT INSERT(nutrition_meal),UPDATE(nutrition_meal) ON TABLE eduaid.student TO eduaid_clerk;
GRANT INSERT(nutrition_meal),UPDATE(nutrition_meal) ON TABLE eduaid.student TO eduaid_officer;
GRANT SELECT(nutrition_meal) ON TABLE eduaid.student TO eduaid_supervisor;

GRANT SELECT ON TABLE eduaid.student_school_age TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.student_school_age TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.student_school_age TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.student_school_age TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.dropout_flagged(school_year integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.dropout_flagged(school_year integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.dropout_flagged(school_year integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.dropout_flagged(school_year integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.dropout_flagged(school_year integer) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.dropout_visit TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.dropout_visit TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.dropout_visit TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.dropout_visit TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.household TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.household TO eduaid_auditor;
GRANT SELECT,DELETE ON TABLE eduaid.household TO eduaid_remover;
GRANT SELECT ON TABLE eduaid.household TO eduaid_exporter;

GRANT SELECT(id) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(township_id) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(township_id) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(township_id) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(version) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(created_by) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(created_at) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(updated_by) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(updated_at) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(client_uuid) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(client_uuid) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(client_uuid) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(status) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(reason) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(editors) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(submitted_by) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(submitted_at) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(verified_by) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(verified_at) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(approved_by) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(approved_at) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(rejected_by) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT(rejected_at) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(household_no),UPDATE(household_no) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(household_no),UPDATE(household_no) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(household_no) ON TABLE eduaid.household TO eduaid_supervisor;
GRANT UPDATE(household_no) ON TABLE eduaid.household TO eduaid_remover;

GRANT INSERT(village_id),UPDATE(village_id) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(village_id),UPDATE(village_id) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(village_id) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(head_name),UPDATE(head_name) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(head_name),UPDATE(head_name) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(head_name) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(head_id_number),UPDATE(head_id_number) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(head_id_number),UPDATE(head_id_number) ON TABLE eduaid.household TO eduaid_officer;

GRANT SELECT(head_id_number_masked) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(phone),UPDATE(phone) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(phone),UPDATE(phone) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(phone) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(address),UPDATE(address) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(address),UPDATE(address) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(address) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(poverty_status),UPDATE(poverty_status) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(poverty_status),UPDATE(poverty_status) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(poverty_status) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(registered_year),UPDATE(registered_year) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(registered_year),UPDATE(registered_year) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(registered_year) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(family_size),UPDATE(family_size) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(family_size),UPDATE(family_size) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(family_size) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT INSERT(notes),UPDATE(notes) ON TABLE eduaid.household TO eduaid_clerk;
GRANT INSERT(notes),UPDATE(notes) ON TABLE eduaid.household TO eduaid_officer;
GRANT SELECT(notes) ON TABLE eduaid.household TO eduaid_supervisor;

GRANT SELECT ON TABLE eduaid.school TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.school TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.school TO eduaid_supervisor;
GRANT SELECT,INSERT ON TABLE eduaid.school TO eduaid_admin;
GRANT SELECT ON TABLE eduaid.school TO eduaid_auditor;

GRANT UPDATE(name) ON TABLE eduaid.school TO eduaid_admin;

GRANT UPDATE(kind) ON TABLE eduaid.school TO eduaid_admin;

GRANT UPDATE(nutrition_pilot) ON TABLE eduaid.school TO eduaid_admin;

GRANT UPDATE(active) ON TABLE eduaid.school TO eduaid_admin;

REVOKE ALL ON FUNCTION eduaid.dropout_ledger(school_year integer, ledger text, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.dropout_ledger(school_year integer, ledger text, p_limit integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.dropout_ledger(school_year integer, ledger text, p_limit integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.dropout_ledger(school_year integer, ledger text, p_limit integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.dropout_ledger(school_year integer, ledger text, p_limit integer) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.dropout_open(p_student bigint, p_opened_on date, p_notes text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.dropout_open(p_student bigint, p_opened_on date, p_notes text) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.dropout_open(p_student bigint, p_opened_on date, p_notes text) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.dropout_open(p_student bigint, p_opened_on date, p_notes text) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.dropout_open(p_student bigint, p_opened_on date, p_notes text) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.dropout_return(p_student bigint, p_returned_on date, p_school_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.dropout_return(p_student bigint, p_returned_on date, p_school_id integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.dropout_return(p_student bigint, p_returned_on date, p_school_id integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.dropout_return(p_student bigint, p_returned_on date, p_school_id integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.dropout_return(p_student bigint, p_returned_on date, p_school_id integer) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.dropout_visit(p_student bigint, p_visit_date date, p_visitor text, p_outcome text, p_notes text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.dropout_visit(p_student bigint, p_visit_date date, p_visitor text, p_outcome text, p_notes text) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.dropout_visit(p_student bigint, p_visit_date date, p_visitor text, p_outcome text, p_notes text) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.dropout_visit(p_student bigint, p_visit_date date, p_visitor text, p_outcome text, p_notes text) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.dropout_visit(p_student bigint, p_visit_date date, p_visitor text, p_outcome text, p_notes text) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.user_directory TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.user_directory TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.user_directory TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.user_directory TO eduaid_admin;
GRANT SELECT ON TABLE eduaid.user_directory TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.dropout_visits(p_student bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.dropout_visits(p_student bigint) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.dropout_visits(p_student bigint) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.dropout_visits(p_student bigint) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.dropout_visits(p_student bigint) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.enable_user(login text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.export_household(p_status text, p_township integer, p_unmasked boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.export_household(p_status text, p_township integer, p_unmasked boolean) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.export_household(p_status text, p_township integer, p_unmasked boolean) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.export_household(p_status text, p_township integer, p_unmasked boolean) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.export_household(p_status text, p_township integer, p_unmasked boolean) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.export_log(p_kind text, p_table text, p_status text, p_township integer, p_rows bigint, p_unmasked boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.export_log(p_kind text, p_table text, p_status text, p_township integer, p_rows bigint, p_unmasked boolean) TO eduaid_exporter;

REVOKE ALL ON FUNCTION eduaid.export_query(p_kind text, p_status text, p_township integer, p_unmasked boolean) FROM PUBLIC;

GRANT SELECT ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.special_ed_plan TO eduaid_auditor;
GRANT SELECT,DELETE ON TABLE eduaid.special_ed_plan TO eduaid_remover;
GRANT SELECT ON TABLE eduaid.special_ed_plan TO eduaid_exporter;

GRANT SELECT(id) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(township_id) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(township_id) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(township_id) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(version) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(created_by) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(created_at) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(updated_by) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(updated_at) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(client_uuid) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(client_uuid) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(client_uuid) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(status) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(reason) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(editors) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(submitted_by) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(submitted_at) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(verified_by) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(verified_at) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(approved_by) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(approved_at) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(rejected_by) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(rejected_at) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(household_id) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(household_id) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(household_id) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(child_name),UPDATE(child_name) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(child_name),UPDATE(child_name) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(child_name) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(child_id_number),UPDATE(child_id_number) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(child_id_number),UPDATE(child_id_number) ON TABLE eduaid.special_ed_plan TO eduaid_officer;

GRANT SELECT(child_id_number_masked) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(child_sex),UPDATE(child_sex) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(child_sex),UPDATE(child_sex) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(child_sex) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(child_birth_date),UPDATE(child_birth_date) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(child_birth_date),UPDATE(child_birth_date) ON TABLE eduaid.special_ed_plan TO eduaid_officer;

GRANT SELECT(child_birth_date_masked) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(disability_type),UPDATE(disability_type) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(disability_type),UPDATE(disability_type) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(disability_type) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(disability_grade),UPDATE(disability_grade) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(disability_grade),UPDATE(disability_grade) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(disability_grade) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(disability_certificate_no),UPDATE(disability_certificate_no) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(disability_certificate_no),UPDATE(disability_certificate_no) ON TABLE eduaid.special_ed_plan TO eduaid_officer;

GRANT SELECT(disability_certificate_no_masked) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(assessment_date),UPDATE(assessment_date) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(assessment_date),UPDATE(assessment_date) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(assessment_date) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(assessment),UPDATE(assessment) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(assessment),UPDATE(assessment) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(assessment) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(placement),UPDATE(placement) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(placement),UPDATE(placement) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(placement) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(school_id),UPDATE(school_id) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(school_id),UPDATE(school_id) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(school_id) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(home_teacher_id),UPDATE(home_teacher_id) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(home_teacher_id),UPDATE(home_teacher_id) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(home_teacher_id) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(visits_per_month),UPDATE(visits_per_month) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(visits_per_month),UPDATE(visits_per_month) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(visits_per_month) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(individual_plan),UPDATE(individual_plan) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(individual_plan),UPDATE(individual_plan) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(individual_plan) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(placed_on),UPDATE(placed_on) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(placed_on),UPDATE(placed_on) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(placed_on) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(review_date),UPDATE(review_date) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(review_date),UPDATE(review_date) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(review_date) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(ended_on),UPDATE(ended_on) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(ended_on),UPDATE(ended_on) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(ended_on) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT INSERT(end_reason),UPDATE(end_reason) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT INSERT(end_reason),UPDATE(end_reason) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(end_reason) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(home_teacher_name) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT SELECT(home_teacher_name) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(home_teacher_name) ON TABLE eduaid.special_ed_plan TO eduaid_auditor;
GRANT SELECT(home_teacher_name) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

GRANT SELECT(home_teacher_id_number) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT SELECT(home_teacher_id_number) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(home_teacher_id_number) ON TABLE eduaid.special_ed_plan TO eduaid_auditor;

GRANT SELECT(home_teacher_id_number_masked) ON TABLE eduaid.special_ed_plan TO eduaid_clerk;
GRANT SELECT(home_teacher_id_number_masked) ON TABLE eduaid.special_ed_plan TO eduaid_officer;
GRANT SELECT(home_teacher_id_number_masked) ON TABLE eduaid.special_ed_plan TO eduaid_auditor;
GRANT SELECT(home_teacher_id_number_masked) ON TABLE eduaid.special_ed_plan TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.export_special_ed(p_status text, p_township integer, p_unmasked boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.export_special_ed(p_status text, p_township integer, p_unmasked boolean) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.export_special_ed(p_status text, p_township integer, p_unmasked boolean) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.export_special_ed(p_status text, p_township integer, p_unmasked boolean) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.export_special_ed(p_status text, p_township integer, p_unmasked boolean) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.teacher_fund_application TO eduaid_auditor;
GRANT SELECT,DELETE ON TABLE eduaid.teacher_fund_application TO eduaid_remover;
GRANT SELECT ON TABLE eduaid.teacher_fund_application TO eduaid_exporter;

GRANT SELECT(id) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(township_id) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(township_id) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(township_id) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(version) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(created_by) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(created_at) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(updated_by) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(updated_at) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(client_uuid) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(client_uuid) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(client_uuid) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(status) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(reason) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(editors) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(submitted_by) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(submitted_at) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(verified_by) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(verified_at) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(approved_by) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(approved_at) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(rejected_by) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(rejected_at) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(teacher_id),UPDATE(teacher_id) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(teacher_id),UPDATE(teacher_id) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(teacher_id) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(program_id),UPDATE(program_id) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(program_id),UPDATE(program_id) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(program_id) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(school_year),UPDATE(school_year) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(school_year),UPDATE(school_year) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(school_year) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(reason_category),UPDATE(reason_category) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(reason_category),UPDATE(reason_category) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(reason_category) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(reason_text),UPDATE(reason_text) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(reason_text),UPDATE(reason_text) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(reason_text) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(amount_requested),UPDATE(amount_requested) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(amount_requested),UPDATE(amount_requested) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(amount_requested) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(amount_approved),UPDATE(amount_approved) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(amount_approved),UPDATE(amount_approved) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(amount_approved) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(months),UPDATE(months) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(months),UPDATE(months) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(months) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(bank_name),UPDATE(bank_name) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(bank_name),UPDATE(bank_name) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(bank_name) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT INSERT(bank_account),UPDATE(bank_account) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT INSERT(bank_account),UPDATE(bank_account) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;

GRANT SELECT(bank_account_masked) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(teacher_name) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT SELECT(teacher_name) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(teacher_name) ON TABLE eduaid.teacher_fund_application TO eduaid_auditor;
GRANT SELECT(teacher_name) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(teacher_id_number) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT SELECT(teacher_id_number) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(teacher_id_number) ON TABLE eduaid.teacher_fund_application TO eduaid_auditor;

GRANT SELECT(teacher_id_number_masked) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT SELECT(teacher_id_number_masked) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(teacher_id_number_masked) ON TABLE eduaid.teacher_fund_application TO eduaid_auditor;
GRANT SELECT(teacher_id_number_masked) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(teacher_school_id) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT SELECT(teacher_school_id) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(teacher_school_id) ON TABLE eduaid.teacher_fund_application TO eduaid_auditor;
GRANT SELECT(teacher_school_id) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(teacher_title) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT SELECT(teacher_title) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(teacher_title) ON TABLE eduaid.teacher_fund_application TO eduaid_auditor;
GRANT SELECT(teacher_title) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

GRANT SELECT(teacher_rural_years) ON TABLE eduaid.teacher_fund_application TO eduaid_clerk;
GRANT SELECT(teacher_rural_years) ON TABLE eduaid.teacher_fund_application TO eduaid_officer;
GRANT SELECT(teacher_rural_years) ON TABLE eduaid.teacher_fund_application TO eduaid_auditor;
GRANT SELECT(teacher_rural_years) ON TABLE eduaid.teacher_fund_application TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.export_teacher_fund(p_status text, p_township integer, p_unmasked boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.export_teacher_fund(p_status text, p_township integer, p_unmasked boolean) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.export_teacher_fund(p_status text, p_township integer, p_unmasked boolean) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.export_teacher_fund(p_status text, p_township integer, p_unmasked boolean) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.export_teacher_fund(p_status text, p_township integer, p_unmasked boolean) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.training_enrollment TO eduaid_auditor;
GRANT SELECT,DELETE ON TABLE eduaid.training_enrollment TO eduaid_remover;
GRANT SELECT ON TABLE eduaid.training_enrollment TO eduaid_exporter;

GRANT SELECT(id) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(township_id) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(township_id) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(township_id) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(version) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(created_by) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(created_at) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(updated_by) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(updated_at) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(client_uuid) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(client_uuid) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(client_uuid) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(status) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(reason) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(editors) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(submitted_by) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(submitted_at) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(verified_by) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(verified_at) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(approved_by) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(approved_at) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(rejected_by) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT SELECT(rejected_at) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(household_id) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(household_id) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(household_id) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(trainee_name),UPDATE(trainee_name) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(trainee_name),UPDATE(trainee_name) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(trainee_name) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(trainee_id_number),UPDATE(trainee_id_number) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(trainee_id_number),UPDATE(trainee_id_number) ON TABLE eduaid.training_enrollment TO eduaid_officer;

GRANT SELECT(trainee_id_number_masked) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(trainee_sex),UPDATE(trainee_sex) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(trainee_sex),UPDATE(trainee_sex) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(trainee_sex) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(trainee_birth_date),UPDATE(trainee_birth_date) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(trainee_birth_date),UPDATE(trainee_birth_date) ON TABLE eduaid.training_enrollment TO eduaid_officer;

GRANT SELECT(trainee_birth_date_masked) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(phone),UPDATE(phone) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(phone),UPDATE(phone) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(phone) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(trainee_type),UPDATE(trainee_type) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(trainee_type),UPDATE(trainee_type) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(trainee_type) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(course_id),UPDATE(course_id) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(course_id),UPDATE(course_id) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(course_id) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(provider_school_id),UPDATE(provider_school_id) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(provider_school_id),UPDATE(provider_school_id) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(provider_school_id) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(batch),UPDATE(batch) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(batch),UPDATE(batch) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(batch) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(needs_survey),UPDATE(needs_survey) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(needs_survey),UPDATE(needs_survey) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(needs_survey) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(start_date),UPDATE(start_date) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(start_date),UPDATE(start_date) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(start_date) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(end_date),UPDATE(end_date) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(end_date),UPDATE(end_date) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(end_date) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(hours_attended),UPDATE(hours_attended) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(hours_attended),UPDATE(hours_attended) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(hours_attended) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(completed),UPDATE(completed) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(completed),UPDATE(completed) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(completed) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(certificate_no),UPDATE(certificate_no) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(certificate_no),UPDATE(certificate_no) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(certificate_no) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

GRANT INSERT(employment_outcome),UPDATE(employment_outcome) ON TABLE eduaid.training_enrollment TO eduaid_clerk;
GRANT INSERT(employment_outcome),UPDATE(employment_outcome) ON TABLE eduaid.training_enrollment TO eduaid_officer;
GRANT SELECT(employment_outcome) ON TABLE eduaid.training_enrollment TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.export_training(p_status text, p_township integer, p_unmasked boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.export_training(p_status text, p_township integer, p_unmasked boolean) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.export_training(p_status text, p_township integer, p_unmasked boolean) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.export_training(p_status text, p_township integer, p_unmasked boolean) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.export_training(p_status text, p_township integer, p_unmasked boolean) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.home_visit TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.home_visit TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.home_visit TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.home_visit TO eduaid_auditor;

GRANT INSERT(township_id) ON TABLE eduaid.home_visit TO eduaid_clerk;
GRANT INSERT(township_id) ON TABLE eduaid.home_visit TO eduaid_officer;

GRANT INSERT(plan_id) ON TABLE eduaid.home_visit TO eduaid_clerk;
GRANT INSERT(plan_id) ON TABLE eduaid.home_visit TO eduaid_officer;

GRANT INSERT(visit_date) ON TABLE eduaid.home_visit TO eduaid_clerk;
GRANT INSERT(visit_date) ON TABLE eduaid.home_visit TO eduaid_officer;

GRANT INSERT(teacher_id) ON TABLE eduaid.home_visit TO eduaid_clerk;
GRANT INSERT(teacher_id) ON TABLE eduaid.home_visit TO eduaid_officer;

GRANT INSERT(hours) ON TABLE eduaid.home_visit TO eduaid_clerk;
GRANT INSERT(hours) ON TABLE eduaid.home_visit TO eduaid_officer;

GRANT INSERT(content) ON TABLE eduaid.home_visit TO eduaid_clerk;
GRANT INSERT(content) ON TABLE eduaid.home_visit TO eduaid_officer;

GRANT SELECT ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.teacher TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.teacher TO eduaid_auditor;

GRANT SELECT(id) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT INSERT(township_id) ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT INSERT(township_id) ON TABLE eduaid.teacher TO eduaid_officer;
GRANT SELECT(township_id) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT SELECT(version) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT SELECT(created_by) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT SELECT(created_at) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT SELECT(updated_by) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT SELECT(updated_at) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT INSERT(school_id),UPDATE(school_id) ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT INSERT(school_id),UPDATE(school_id) ON TABLE eduaid.teacher TO eduaid_officer;
GRANT SELECT(school_id) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT INSERT(name),UPDATE(name) ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT INSERT(name),UPDATE(name) ON TABLE eduaid.teacher TO eduaid_officer;
GRANT SELECT(name) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT INSERT(id_number),UPDATE(id_number) ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT INSERT(id_number),UPDATE(id_number) ON TABLE eduaid.teacher TO eduaid_officer;

GRANT SELECT(id_number_masked) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT INSERT(sex),UPDATE(sex) ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT INSERT(sex),UPDATE(sex) ON TABLE eduaid.teacher TO eduaid_officer;
GRANT SELECT(sex) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT INSERT(birth_date),UPDATE(birth_date) ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT INSERT(birth_date),UPDATE(birth_date) ON TABLE eduaid.teacher TO eduaid_officer;

GRANT SELECT(birth_date_masked) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT INSERT(phone),UPDATE(phone) ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT INSERT(phone),UPDATE(phone) ON TABLE eduaid.teacher TO eduaid_officer;
GRANT SELECT(phone) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT INSERT(title),UPDATE(title) ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT INSERT(title),UPDATE(title) ON TABLE eduaid.teacher TO eduaid_officer;
GRANT SELECT(title) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT INSERT(rural_years),UPDATE(rural_years) ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT INSERT(rural_years),UPDATE(rural_years) ON TABLE eduaid.teacher TO eduaid_officer;
GRANT SELECT(rural_years) ON TABLE eduaid.teacher TO eduaid_supervisor;

GRANT INSERT(active),UPDATE(active) ON TABLE eduaid.teacher TO eduaid_clerk;
GRANT INSERT(active),UPDATE(active) ON TABLE eduaid.teacher TO eduaid_officer;
GRANT SELECT(active) ON TABLE eduaid.teacher TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.home_delivery_due(p_month date) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.home_delivery_due(p_month date) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.home_delivery_due(p_month date) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.home_delivery_due(p_month date) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.home_delivery_due(p_month date) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.id_number_ok(n text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.id_number_ok(n text) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.id_number_ok(n text) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.id_number_ok(n text) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.id_number_ok(n text) TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.id_number_ok(n text) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.is_scram_verifier(v text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.last_approved(p_kind text, p_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.last_approved(p_kind text, p_id bigint) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.last_approved(p_kind text, p_id bigint) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.last_approved(p_kind text, p_id bigint) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.last_approved(p_kind text, p_id bigint) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.audit_log TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.audit_log TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.audit_log TO eduaid_auditor;

GRANT SELECT(id) ON TABLE eduaid.audit_log TO eduaid_supervisor;
GRANT SELECT(id) ON TABLE eduaid.audit_log TO eduaid_owner;

GRANT SELECT(at) ON TABLE eduaid.audit_log TO eduaid_supervisor;

GRANT SELECT(actor) ON TABLE eduaid.audit_log TO eduaid_supervisor;
GRANT SELECT(actor) ON TABLE eduaid.audit_log TO eduaid_owner;

GRANT SELECT(txid) ON TABLE eduaid.audit_log TO eduaid_supervisor;

GRANT SELECT(kind) ON TABLE eduaid.audit_log TO eduaid_supervisor;
GRANT SELECT(kind) ON TABLE eduaid.audit_log TO eduaid_owner;

GRANT SELECT(table_name) ON TABLE eduaid.audit_log TO eduaid_supervisor;

GRANT SELECT(record_id) ON TABLE eduaid.audit_log TO eduaid_supervisor;
GRANT SELECT(record_id) ON TABLE eduaid.audit_log TO eduaid_owner;

GRANT SELECT(row_id) ON TABLE eduaid.audit_log TO eduaid_supervisor;

GRANT SELECT(record_key) ON TABLE eduaid.audit_log TO eduaid_supervisor;

GRANT SELECT(township_id) ON TABLE eduaid.audit_log TO eduaid_supervisor;
GRANT SELECT(township_id) ON TABLE eduaid.audit_log TO eduaid_owner;

GRANT SELECT(action) ON TABLE eduaid.audit_log TO eduaid_supervisor;
GRANT SELECT(action) ON TABLE eduaid.audit_log TO eduaid_owner;

GRANT SELECT(reason) ON TABLE eduaid.audit_log TO eduaid_supervisor;

GRANT SELECT(old_masked) ON TABLE eduaid.audit_log TO eduaid_supervisor;

GRANT SELECT(new_masked) ON TABLE eduaid.audit_log TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.latest_audit_id(p_kind text, p_township integer, p_record bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.ledger_child(p_student bigint) FROM PUBLIC;

GRANT SELECT ON TABLE eduaid.township TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.township TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.township TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.township TO eduaid_admin;
GRANT SELECT ON TABLE eduaid.township TO eduaid_auditor;
GRANT SELECT ON TABLE eduaid.township TO eduaid_usermgr;

GRANT SELECT(id) ON TABLE eduaid.township TO eduaid_registry_owner;

GRANT SELECT(name) ON TABLE eduaid.township TO eduaid_registry_owner;

REVOKE ALL ON FUNCTION eduaid.ledger_counts(school_year integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.ledger_counts(school_year integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.ledger_counts(school_year integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.ledger_counts(school_year integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.ledger_counts(school_year integer) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.ledger_date_error(cname text, msg text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.ledger_date_error(cname text, msg text) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.ledger_date_error(cname text, msg text) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.ledger_date_error(cname text, msg text) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.ledger_date_error(cname text, msg text) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.ledger_open_case(p_student bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.ledger_superuser() FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.ledger_superuser() TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.ledger_superuser() TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.ledger_superuser() TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.ledger_superuser() TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.ledger_writer_check() FROM PUBLIC;

GRANT SELECT ON TABLE eduaid.account_request TO eduaid_admin;
GRANT SELECT ON TABLE eduaid.account_request TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.account_request TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.lock_request_to_decide(id bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.lock_user(login text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.my_role() FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.my_role() TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.my_role() TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.my_role() TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.my_role() TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.my_role() TO eduaid_auditor;
GRANT ALL ON FUNCTION eduaid.my_role() TO eduaid_usermgr;
GRANT ALL ON FUNCTION eduaid.my_role() TO eduaid_audit_owner;
GRANT ALL ON FUNCTION eduaid.my_role() TO eduaid_remover;
GRANT ALL ON FUNCTION eduaid.my_role() TO eduaid_exporter;

REVOKE ALL ON FUNCTION eduaid.member_share(p_township integer, p_household bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.my_account_county() FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.my_account_county() TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.my_account_county() TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.my_account_county() TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.my_account_county() TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.my_account_county() TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.my_scope() FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.my_scope() TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.my_scope() TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.my_scope() TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.my_scope() TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.my_scope() TO eduaid_auditor;
GRANT ALL ON FUNCTION eduaid.my_scope() TO eduaid_audit_owner;
GRANT ALL ON FUNCTION eduaid.my_scope() TO eduaid_remover;
GRANT ALL ON FUNCTION eduaid.my_scope() TO eduaid_exporter;

REVOKE ALL ON FUNCTION eduaid.notice_guard() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.notice_hash(canonical text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.notice_hash(canonical text) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.notice_hash(canonical text) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.notice_hash(canonical text) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.notice_hash(canonical text) TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.notice_hash(canonical text) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.notice_item_guard() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.notice_line_key() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.notice_no_truncate() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.notice_objection_guard() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.notice_transition_check(tbl text, township integer, record bigint, from_st text, to_st text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.notice_verify(p_hash text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.notice_verify(p_hash text) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.notice_verify(p_hash text) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.notice_verify(p_hash text) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.notice_verify(p_hash text) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.open_notice(p_kind text, p_scope integer, p_school_year integer, p_ends_on date, p_title text, p_contact text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.open_notice(p_kind text, p_scope integer, p_school_year integer, p_ends_on date, p_title text, p_contact text) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.placement_label(placement text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.placement_label(placement text) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.placement_label(placement text) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.placement_label(placement text) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.placement_label(placement text) TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.placement_label(placement text) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.private_statistics_off() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint) TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.queue_counts() FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.queue_counts() TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.queue_counts() TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.queue_counts() TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.record_facts() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.record_history(p_kind text, p_id bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.record_history(p_kind text, p_id bigint) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.record_history(p_kind text, p_id bigint) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.record_history(p_kind text, p_id bigint) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.record_history(p_kind text, p_id bigint) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.record_objection(p_item bigint, p_content text, p_objector text, p_received_on date) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.record_objection(p_item bigint, p_content text, p_objector text, p_received_on date) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.record_objection(p_item bigint, p_content text, p_objector text, p_received_on date) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.record_statuses(p_kind text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.record_statuses(p_kind text) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.record_statuses(p_kind text) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.record_statuses(p_kind text) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.record_statuses(p_kind text) TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.record_statuses(p_kind text) TO eduaid_auditor;
GRANT ALL ON FUNCTION eduaid.record_statuses(p_kind text) TO eduaid_exporter;

REVOKE ALL ON FUNCTION eduaid.refuse_request(id bigint, reason text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.refuse_request(id bigint, reason text) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.registry_rebuild() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.registry_release(p_kind text, p_key text, p_township integer, p_holder bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.registry_row_refs(p_table text, r anyelement) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.registry_sync() FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.registry_sync() TO eduaid_owner;

REVOKE ALL ON FUNCTION eduaid.registry_take(p_kind text, p_key text, p_township integer, p_holder bigint, p_table text, p_col text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.reject(kind text, id bigint, reason text, expected_version integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.reject(kind text, id bigint, reason text, expected_version integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.reject(kind text, id bigint, reason text, expected_version integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.reject(kind text, id bigint, reason text, expected_version integer) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.reopen(kind text, id bigint, reason text, expected_version integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.reopen(kind text, id bigint, reason text, expected_version integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.reopen(kind text, id bigint, reason text, expected_version integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.reopen(kind text, id bigint, reason text, expected_version integer) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.report_pct(part numeric, whole numeric) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.report_pct(part numeric, whole numeric) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.report_pct(part numeric, whole numeric) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.report_pct(part numeric, whole numeric) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.report_pct(part numeric, whole numeric) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.report_townships(p_township integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.report_townships(p_township integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.report_townships(p_township integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.report_townships(p_township integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.report_townships(p_township integer) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.member_tally TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.member_tally TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.member_tally TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.member_tally TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.report_nutrition(p_year integer, p_township integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.report_nutrition(p_year integer, p_township integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.report_nutrition(p_year integer, p_township integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.report_nutrition(p_year integer, p_township integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.report_nutrition(p_year integer, p_township integer) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.report_schooling(p_year integer, p_township integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.report_schooling(p_year integer, p_township integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.report_schooling(p_year integer, p_township integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.report_schooling(p_year integer, p_township integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.report_schooling(p_year integer, p_township integer) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.special_ed_counts(p_year integer, p_township integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.special_ed_counts(p_year integer, p_township integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.special_ed_counts(p_year integer, p_township integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.special_ed_counts(p_year integer, p_township integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.special_ed_counts(p_year integer, p_township integer) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.report_special_ed(p_year integer, p_township integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.report_special_ed(p_year integer, p_township integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.report_special_ed(p_year integer, p_township integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.report_special_ed(p_year integer, p_township integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.report_special_ed(p_year integer, p_township integer) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.subsidy_programs() FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.subsidy_programs() TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.subsidy_programs() TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.subsidy_programs() TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.subsidy_programs() TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.subsidy_tally TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.subsidy_tally TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.subsidy_tally TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.subsidy_tally TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.report_subsidy(p_year integer, p_township integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.report_subsidy(p_year integer, p_township integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.report_subsidy(p_year integer, p_township integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.report_subsidy(p_year integer, p_township integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.report_subsidy(p_year integer, p_township integer) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.student_subsidy TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.student_subsidy TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.student_subsidy TO eduaid_auditor;
GRANT SELECT,DELETE ON TABLE eduaid.student_subsidy TO eduaid_remover;

GRANT SELECT(id) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT INSERT(township_id) ON TABLE eduaid.student_subsidy TO eduaid_clerk;
GRANT INSERT(township_id) ON TABLE eduaid.student_subsidy TO eduaid_officer;
GRANT SELECT(township_id) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT SELECT(version) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT SELECT(created_by) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT SELECT(created_at) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT SELECT(updated_by) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT SELECT(updated_at) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT INSERT(household_id) ON TABLE eduaid.student_subsidy TO eduaid_clerk;
GRANT INSERT(household_id) ON TABLE eduaid.student_subsidy TO eduaid_officer;
GRANT SELECT(household_id) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT INSERT(student_id) ON TABLE eduaid.student_subsidy TO eduaid_clerk;
GRANT INSERT(student_id) ON TABLE eduaid.student_subsidy TO eduaid_officer;
GRANT SELECT(student_id) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT INSERT(school_year),UPDATE(school_year) ON TABLE eduaid.student_subsidy TO eduaid_clerk;
GRANT INSERT(school_year),UPDATE(school_year) ON TABLE eduaid.student_subsidy TO eduaid_officer;
GRANT SELECT(school_year) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT INSERT(program),UPDATE(program) ON TABLE eduaid.student_subsidy TO eduaid_clerk;
GRANT INSERT(program),UPDATE(program) ON TABLE eduaid.student_subsidy TO eduaid_officer;
GRANT SELECT(program) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT INSERT(amount),UPDATE(amount) ON TABLE eduaid.student_subsidy TO eduaid_clerk;
GRANT INSERT(amount),UPDATE(amount) ON TABLE eduaid.student_subsidy TO eduaid_officer;
GRANT SELECT(amount) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

GRANT INSERT(granted_on),UPDATE(granted_on) ON TABLE eduaid.student_subsidy TO eduaid_clerk;
GRANT INSERT(granted_on),UPDATE(granted_on) ON TABLE eduaid.student_subsidy TO eduaid_officer;
GRANT SELECT(granted_on) ON TABLE eduaid.student_subsidy TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.report_subsidy_missing(p_year integer, p_township integer, p_after_township integer, p_after_household_no text, p_after_student bigint, p_after_program text, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.report_subsidy_missing(p_year integer, p_township integer, p_after_township integer, p_after_household_no text, p_after_student bigint, p_after_program text, p_limit integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.report_subsidy_missing(p_year integer, p_township integer, p_after_township integer, p_after_household_no text, p_after_student bigint, p_after_program text, p_limit integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.report_subsidy_missing(p_year integer, p_township integer, p_after_township integer, p_after_household_no text, p_after_student bigint, p_after_program text, p_limit integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.report_subsidy_missing(p_year integer, p_township integer, p_after_township integer, p_after_household_no text, p_after_student bigint, p_after_program text, p_limit integer) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.subsidy_share(p_township integer, p_household bigint) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.report_tally_add(p_township integer, p_household bigint, sign integer) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.report_tally_rebuild() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.report_tally_trigger() FROM PUBLIC;

GRANT SELECT ON TABLE eduaid.fund_program TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.fund_program TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.fund_program TO eduaid_supervisor;
GRANT SELECT,INSERT ON TABLE eduaid.fund_program TO eduaid_admin;
GRANT SELECT ON TABLE eduaid.fund_program TO eduaid_auditor;

GRANT UPDATE(name) ON TABLE eduaid.fund_program TO eduaid_admin;

GRANT UPDATE(max_amount) ON TABLE eduaid.fund_program TO eduaid_admin;

GRANT UPDATE(active) ON TABLE eduaid.fund_program TO eduaid_admin;

REVOKE ALL ON FUNCTION eduaid.report_teacher_fund(p_year integer, p_township integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.report_teacher_fund(p_year integer, p_township integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.report_teacher_fund(p_year integer, p_township integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.report_teacher_fund(p_year integer, p_township integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.report_teacher_fund(p_year integer, p_township integer) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.training_course TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.training_course TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.training_course TO eduaid_supervisor;
GRANT SELECT,INSERT ON TABLE eduaid.training_course TO eduaid_admin;
GRANT SELECT ON TABLE eduaid.training_course TO eduaid_auditor;

GRANT UPDATE(name) ON TABLE eduaid.training_course TO eduaid_admin;

GRANT UPDATE(category) ON TABLE eduaid.training_course TO eduaid_admin;

GRANT UPDATE(hours) ON TABLE eduaid.training_course TO eduaid_admin;

GRANT UPDATE(active) ON TABLE eduaid.training_course TO eduaid_admin;

REVOKE ALL ON FUNCTION eduaid.report_training(p_year integer, p_township integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.report_training(p_year integer, p_township integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.report_training(p_year integer, p_township integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.report_training(p_year integer, p_township integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.report_training(p_year integer, p_township integer) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.request_create(login text, full_name text, role text, townships integer[], verifier text, county_id integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.request_create(login text, full_name text, role text, townships integer[], verifier text, county_id integer) TO eduaid_admin;

REVOKE ALL ON FUNCTION eduaid.request_enable(login text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.request_enable(login text) TO eduaid_admin;

REVOKE ALL ON FUNCTION eduaid.request_password(login text, verifier text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.request_password(login text, verifier text) TO eduaid_admin;

REVOKE ALL ON FUNCTION eduaid.request_townships(login text, townships integer[]) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.request_townships(login text, townships integer[]) TO eduaid_admin;

REVOKE ALL ON FUNCTION eduaid.require_admin(county integer) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.require_superuser() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.require_verifier(v text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.returned_to_me(p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.returned_to_me(p_limit integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.returned_to_me(p_limit integer) TO eduaid_officer;

REVOKE ALL ON FUNCTION eduaid.review_queue(p_kind text, p_township integer, p_min_wait interval, p_search text, p_after_since timestamp with time zone, p_after_kind text, p_after_id bigint, p_limit integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.review_queue(p_kind text, p_township integer, p_min_wait interval, p_search text, p_after_since timestamp with time zone, p_after_kind text, p_after_id bigint, p_limit integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.review_queue(p_kind text, p_township integer, p_min_wait interval, p_search text, p_after_since timestamp with time zone, p_after_kind text, p_after_id bigint, p_limit integer) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.roster_differences(p_import bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.roster_differences(p_import bigint) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.roster_differences(p_import bigint) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.roster_differences(p_import bigint) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.roster_differences(p_import bigint) TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.roster_import TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.roster_import TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.roster_import TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.roster_import TO eduaid_auditor;

GRANT INSERT(file_name) ON TABLE eduaid.roster_import TO eduaid_clerk;
GRANT INSERT(file_name) ON TABLE eduaid.roster_import TO eduaid_officer;
GRANT INSERT(file_name) ON TABLE eduaid.roster_import TO eduaid_supervisor;

GRANT INSERT(encoding) ON TABLE eduaid.roster_import TO eduaid_clerk;
GRANT INSERT(encoding) ON TABLE eduaid.roster_import TO eduaid_officer;
GRANT INSERT(encoding) ON TABLE eduaid.roster_import TO eduaid_supervisor;

GRANT INSERT(import_id) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(import_id) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(import_id) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(file_line) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(file_line) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(file_line) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(household_no) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(household_no) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(household_no) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(township) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(township) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(township) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(village) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(village) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(village) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(township_id) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(township_id) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(township_id) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(village_id) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(village_id) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(village_id) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(head_name) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(head_name) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(head_name) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(head_id_number) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(head_id_number) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(head_id_number) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(family_size) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(family_size) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(family_size) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(member_name) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(member_name) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(member_name) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(member_id_number) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(member_id_number) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(member_id_number) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(relation) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(relation) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(relation) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT INSERT(stage) ON TABLE eduaid.roster_row TO eduaid_clerk;
GRANT INSERT(stage) ON TABLE eduaid.roster_row TO eduaid_officer;
GRANT INSERT(stage) ON TABLE eduaid.roster_row TO eduaid_supervisor;

GRANT SELECT ON TABLE eduaid.roster_rows TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.roster_rows TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.roster_rows TO eduaid_auditor;

GRANT SELECT(import_id) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(file_line) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(household_no) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(township) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(village) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(township_id) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(village_id) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(head_name) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(head_id_number_masked) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(family_size) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(member_name) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(member_id_number_masked) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(relation) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

GRANT SELECT(stage) ON TABLE eduaid.roster_rows TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.roster_counts(p_import bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.roster_counts(p_import bigint) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.roster_counts(p_import bigint) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.roster_counts(p_import bigint) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.roster_counts(p_import bigint) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.roster_create_drafts(p_import bigint, p_household_nos text[]) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.roster_create_drafts(p_import bigint, p_household_nos text[]) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.roster_create_drafts(p_import bigint, p_household_nos text[]) TO eduaid_officer;

GRANT SELECT ON TABLE eduaid.village TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.village TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.village TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.village TO eduaid_admin;
GRANT SELECT ON TABLE eduaid.village TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.roster_diff(p_import bigint, p_masked boolean) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.roster_diff(p_import bigint, p_masked boolean) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.roster_diff(p_import bigint, p_masked boolean) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.roster_diff(p_import bigint, p_masked boolean) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.roster_differences_masked(p_import bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.roster_differences_masked(p_import bigint) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.roster_finish(p_import bigint) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.roster_finish(p_import bigint) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.roster_finish(p_import bigint) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.roster_finish(p_import bigint) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.roster_import_finished() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.roster_import_guard() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.roster_refuse(p_line integer, p_column text, p_message text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.roster_rows_guard() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.schema_level() FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.schema_level() TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.schema_level() TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.schema_level() TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.schema_level() TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.schema_level() TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.school_year_of(d date) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.school_year_of(d date) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.school_year_of(d date) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.school_year_of(d date) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.school_year_of(d date) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.set_user_password(login text, password text) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.set_user_townships(login text, townships integer[]) FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.submit(kind text, id bigint, expected_version integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.submit(kind text, id bigint, expected_version integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.submit(kind text, id bigint, expected_version integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.submit(kind text, id bigint, expected_version integer) TO eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.subsidy_label(program text) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.subsidy_label(program text) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.subsidy_label(program text) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.subsidy_label(program text) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.subsidy_label(program text) TO eduaid_admin;
GRANT ALL ON FUNCTION eduaid.subsidy_label(program text) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.superuser_now() FROM PUBLIC;

REVOKE ALL ON FUNCTION eduaid.teacher_facts_changed() FROM PUBLIC;

GRANT SELECT ON TABLE eduaid.training_attendance TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.training_attendance TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.training_attendance TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.training_attendance TO eduaid_auditor;

GRANT INSERT(township_id) ON TABLE eduaid.training_attendance TO eduaid_clerk;
GRANT INSERT(township_id) ON TABLE eduaid.training_attendance TO eduaid_officer;

GRANT INSERT(enrollment_id) ON TABLE eduaid.training_attendance TO eduaid_clerk;
GRANT INSERT(enrollment_id) ON TABLE eduaid.training_attendance TO eduaid_officer;

GRANT INSERT(session_date) ON TABLE eduaid.training_attendance TO eduaid_clerk;
GRANT INSERT(session_date) ON TABLE eduaid.training_attendance TO eduaid_officer;

GRANT INSERT(hours),UPDATE(hours) ON TABLE eduaid.training_attendance TO eduaid_clerk;
GRANT INSERT(hours),UPDATE(hours) ON TABLE eduaid.training_attendance TO eduaid_officer;

GRANT INSERT(present),UPDATE(present) ON TABLE eduaid.training_attendance TO eduaid_clerk;
GRANT INSERT(present),UPDATE(present) ON TABLE eduaid.training_attendance TO eduaid_officer;

REVOKE ALL ON FUNCTION eduaid.training_ledger(p_year integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.training_ledger(p_year integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.training_ledger(p_year integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.training_ledger(p_year integer) TO eduaid_supervisor;
GRANT ALL ON FUNCTION eduaid.training_ledger(p_year integer) TO eduaid_auditor;

REVOKE ALL ON FUNCTION eduaid.verify(kind text, id bigint, expected_version integer) FROM PUBLIC;
GRANT ALL ON FUNCTION eduaid.verify(kind text, id bigint, expected_version integer) TO eduaid_clerk;
GRANT ALL ON FUNCTION eduaid.verify(kind text, id bigint, expected_version integer) TO eduaid_officer;
GRANT ALL ON FUNCTION eduaid.verify(kind text, id bigint, expected_version integer) TO eduaid_supervisor;

GRANT SELECT ON TABLE eduaid.app_user_township TO eduaid_admin;
GRANT SELECT ON TABLE eduaid.app_user_township TO eduaid_auditor;
GRANT SELECT,INSERT,DELETE ON TABLE eduaid.app_user_township TO eduaid_usermgr;

GRANT SELECT ON TABLE eduaid.county TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.county TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.county TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.county TO eduaid_admin;
GRANT SELECT ON TABLE eduaid.county TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.notice TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.notice TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.notice TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.notice TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.notice_item TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.notice_item TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.notice_item TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.notice_item TO eduaid_auditor;

GRANT SELECT ON TABLE eduaid.notice_objection TO eduaid_clerk;
GRANT SELECT ON TABLE eduaid.notice_objection TO eduaid_officer;
GRANT SELECT ON TABLE eduaid.notice_objection TO eduaid_supervisor;
GRANT SELECT ON TABLE eduaid.notice_objection TO eduaid_auditor;

