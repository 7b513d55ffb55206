-- repeatable/27_users.sql: user administration, four-eyes for accounts.
--
-- No single person may give themselves or a confederate read access, so
-- every change that can grant access takes effect only when a second
-- person approves it (018_accounts.sql, issue 9 item 4):
--
--   an admin REQUESTS               a county supervisor APPROVES or REFUSES
--   eduaid.request_create(login, full_name, role [, townships [, verifier [, county]]])
--   eduaid.request_password(login, verifier)
--   eduaid.request_townships(login, townships)
--   eduaid.request_enable(login)      -> the request's id (bigint)
--                                   eduaid.approve_request(id)
--                                   eduaid.refuse_request(id, reason)
--
-- Each request is a row of eduaid.account_request (readable by the admins,
-- supervisors and auditors of its county); the approver is an active
-- supervisor of the request's county who is neither its requester nor its
-- subject. Approving applies the change (app_user, app_user_township,
-- CREATE/ALTER ROLE) in the approver's transaction. Disabling an account
-- only removes access and stays immediate (eduaid.disable_user, an admin
-- of the county). The direct path -- create_user, set_user_townships,
-- set_user_password, enable_user -- is a superuser's only (the DBA
-- bootstrapping the first admin and supervisors, and the demo/test
-- loaders): EA066 for anyone else.
--
-- Each makes or alters a LOGIN role in exactly one group and keeps
-- eduaid.app_user and app_user_township in step with it. The functions
-- belong to eduaid_usermgr (NOLOGIN CREATEROLE), so no other eduaid code
-- runs with the right to create roles, and they touch only roles listed in
-- eduaid.app_user.
--
-- Passwords reach the server only as SCRAM-SHA-256 verifiers computed by
-- the client (libpq's PQencryptPasswordConn; `eduaid user request-password`
-- does it): every function that takes a password refuses anything that is
-- not a well-formed 'SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>'
-- (EA060), and its error never repeats the value. A pending request keeps
-- its verifier in eduaid.account_request_secret, which no login can read
-- and which is not audited; the row is deleted when the request is decided.
--
-- SQLSTATEs: EA004 caller not an admin (of that county); EA005 no such
-- eduaid user; EA011 bad user data (role, townships, login taken); EA060
-- not a SCRAM verifier; EA061 only a supervisor of the request's county
-- decides it; EA062 the requester or the subject of a request cannot
-- decide it; EA063 no such pending request; EA064 a refusal needs a
-- reason; EA065 the same request is already pending; EA066 a direct
-- account change needs a superuser; EA067 the requester is no longer an
-- active admin (the request can only be refused).
RESET ROLE;
GRANT CREATE ON SCHEMA eduaid TO eduaid_usermgr;
SET ROLE eduaid_usermgr;

-- ==== checks ================================================================

-- Raise EA004 unless the session user is a superuser or an eduaid admin of
-- county: an admin manages the users of their own county only.
CREATE OR REPLACE FUNCTION eduaid.require_admin(county int) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
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

-- Raise EA011 unless townships suit the role: clerks one or more, officers
-- exactly one, other roles none (they see the whole county); all in county.
CREATE OR REPLACE FUNCTION eduaid.check_user_townships(role text, county_id int, townships int[])
RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
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

-- The eduaid user row of login, locked, or EA005.
CREATE OR REPLACE FUNCTION eduaid.lock_user(login text) RETURNS eduaid.app_user
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
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

-- The county of the person logged in (an active eduaid user), else NULL.
CREATE OR REPLACE FUNCTION eduaid.my_account_county() RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT u.county_id FROM eduaid.app_user u WHERE u.login = session_user AND u.active;
END;
REVOKE ALL ON FUNCTION eduaid.my_account_county() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.my_account_county()
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;

-- True when v is a well-formed SCRAM-SHA-256 verifier as libpq makes it
-- (and as the server stores it verbatim): iterations, a base64 salt and
-- two base64 keys of 32 bytes.
CREATE OR REPLACE FUNCTION eduaid.is_scram_verifier(v text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN v IS NOT NULL
   AND v ~ '^SCRAM-SHA-256\$[1-9][0-9]{3,8}:[A-Za-z0-9+/]{4,}={0,2}\$[A-Za-z0-9+/]{43}=:[A-Za-z0-9+/]{43}=$'
   AND split_part(split_part(v, '$', 2), ':', 1)::bigint >= 4096
   AND length(split_part(split_part(v, '$', 2), ':', 2)) % 4 = 0;

-- Raise EA060 unless v is a verifier; the message never repeats v.
CREATE OR REPLACE FUNCTION eduaid.require_verifier(v text) RETURNS void
LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT eduaid.is_scram_verifier(v) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA060',
            MESSAGE = 'a password reaches the server only as a SCRAM-SHA-256 verifier computed by the client '
                      '(密码只能以客户端计算的 SCRAM-SHA-256 校验值提交)',
            HINT = 'eduaid user request-password LOGIN';
    END IF;
END
$$;

-- Raise EA066 unless the session user is a superuser.
CREATE OR REPLACE FUNCTION eduaid.require_superuser() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = session_user), false) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA066',
            MESSAGE = 'an account change takes effect only when a county supervisor approves the request '
                      '(账号变更须经县级审核员批准)',
            HINT = 'eduaid user request-create / request-password / request-townships';
    END IF;
END
$$;

-- Raise EA011 unless role and login are acceptable for a new user.
CREATE OR REPLACE FUNCTION eduaid.check_new_user(login text, role text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF role IS NULL OR role NOT IN ('clerk', 'officer', 'supervisor', 'admin', 'auditor', 'inspector') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = format('unknown role "%s" (未知角色)', role),
            HINT = 'clerk, officer, supervisor, admin, auditor or inspector';
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
$$;

-- Raise EA065 when a request of this action about login is pending.
CREATE OR REPLACE FUNCTION eduaid.check_not_pending(action text, login text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
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

-- ==== applying a change ======================================================

-- Set the password of an eduaid user to verifier v (already checked) and
-- say so in app_user (the audited trace of a password change). Passwords
-- expire (issue 14): when the database carries eduaid.password_days = N
-- (ALTER DATABASE ... SET, which `eduaid-admin migrate` asserts from its
-- configuration; read from pg_db_role_setting, not current_setting, so no
-- session can lengthen it with SET) the role gets VALID UNTIL now + N days;
-- without it, no expiry.
CREATE OR REPLACE FUNCTION eduaid.apply_password(login text, v text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    days int;
BEGIN
    PERFORM eduaid.require_verifier(v);
    SELECT substr(c, length('eduaid.password_days=') + 1)::int INTO days
      FROM pg_catalog.pg_db_role_setting s
     CROSS JOIN LATERAL unnest(s.setconfig) AS c
     WHERE s.setrole = 0
       AND s.setdatabase = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = current_database())
       AND c ~ '^eduaid\.password_days=[1-9][0-9]{0,4}$';
    EXECUTE format('ALTER ROLE %I PASSWORD %L', login, v);
    IF days IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I VALID UNTIL %L', login,
                       (clock_timestamp() + days * interval '1 day')::text);
    END IF;
    UPDATE eduaid.app_user a SET password_set_at = clock_timestamp(), password_set_by = session_user
     WHERE a.login = apply_password.login;
END
$$;

-- Make the user: app_user, townships, the LOGIN role in its one group.
CREATE OR REPLACE FUNCTION eduaid.apply_create(login text, full_name text, role text, county_id int,
                                    townships int[], v text, created_by text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION eduaid.apply_townships(u eduaid.app_user, townships int[]) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM eduaid.check_user_townships(u.role, u.county_id, townships);
    DELETE FROM eduaid.app_user_township a WHERE a.login = u.login;
    INSERT INTO eduaid.app_user_township (login, township_id)
    SELECT u.login, t FROM unnest(townships) AS t;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.apply_enable(login text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE eduaid.app_user a SET active = true WHERE a.login = apply_enable.login;
    EXECUTE format('ALTER ROLE %I LOGIN', login);
END
$$;

REVOKE ALL ON FUNCTION eduaid.require_admin(int), eduaid.check_user_townships(text, int, int[]),
    eduaid.lock_user(text), eduaid.is_scram_verifier(text), eduaid.require_verifier(text),
    eduaid.require_superuser(), eduaid.check_new_user(text, text),
    eduaid.check_not_pending(text, text), eduaid.apply_password(text, text),
    eduaid.apply_create(text, text, text, int, int[], text, text),
    eduaid.apply_townships(eduaid.app_user, int[]), eduaid.apply_enable(text) FROM PUBLIC;

-- ==== the superuser's direct path ===========================================

CREATE OR REPLACE FUNCTION eduaid.create_user(login text, full_name text, role text, county_id int,
                                              townships int[] DEFAULT '{}', password text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM eduaid.require_superuser();
    PERFORM eduaid.apply_create(login, full_name, role, county_id, townships, password, session_user);
END
$$;

CREATE OR REPLACE FUNCTION eduaid.set_user_townships(login text, townships int[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM eduaid.require_superuser();
    PERFORM eduaid.apply_townships(eduaid.lock_user(login), townships);
END
$$;

CREATE OR REPLACE FUNCTION eduaid.set_user_password(login text, password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM eduaid.require_superuser();
    PERFORM eduaid.require_verifier(password);
    PERFORM eduaid.apply_password((eduaid.lock_user(login)).login, password);
END
$$;

CREATE OR REPLACE FUNCTION eduaid.enable_user(login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM eduaid.require_superuser();
    PERFORM eduaid.apply_enable((eduaid.lock_user(login)).login);
END
$$;

REVOKE ALL ON FUNCTION eduaid.create_user(text, text, text, int, int[], text),
    eduaid.set_user_townships(text, int[]), eduaid.set_user_password(text, text),
    eduaid.enable_user(text) FROM PUBLIC;

-- ==== disabling: an admin of the county, at once ============================

-- Disabling stops new logins and empties the user's scope at once.
CREATE OR REPLACE FUNCTION eduaid.disable_user(login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
REVOKE ALL ON FUNCTION eduaid.disable_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.disable_user(text) TO eduaid_admin;

-- A disabled account's open sessions end (issue 13): after disable_user
-- has committed -- a session ended before that would log in again at once
-- -- the admin ends every backend of that login (pg_terminate_backend;
-- eduaid_usermgr is a member of pg_signal_backend, 39_privileges.sql),
-- and the client, refused on reconnecting, says the account is disabled
-- and ends. Only for an account that IS disabled (eduaid.app_user inactive
-- and its role NOLOGIN, never a superuser), of the admin's own county
-- (require_admin): it ends nobody else's sessions, and never the caller's
-- own. EA005 no such eduaid user; EA004 not an admin of its county; EA165
-- the account is not disabled. Returns how many sessions were ended.
CREATE OR REPLACE FUNCTION eduaid.end_sessions(login text) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    u eduaid.app_user;
    r pg_catalog.pg_roles;
    n int;
BEGIN
    SELECT * INTO u FROM eduaid.app_user a WHERE a.login = end_sessions.login;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('no eduaid user "%s" (用户不存在)', login);
    END IF;
    PERFORM eduaid.require_admin(u.county_id);
    SELECT * INTO r FROM pg_catalog.pg_roles x WHERE x.rolname = u.login;
    IF u.active OR NOT FOUND OR r.rolcanlogin OR r.rolsuper THEN
        RAISE EXCEPTION USING ERRCODE = 'EA165',
            MESSAGE = format('only a disabled account''s sessions are ended; "%s" is not disabled (只能结束已停用账号的会话)', u.login);
    END IF;
    SELECT count(*) FILTER (WHERE pg_catalog.pg_terminate_backend(a.pid)) INTO n
      FROM pg_catalog.pg_stat_activity a
     WHERE a.usesysid = r.oid AND a.pid <> pg_catalog.pg_backend_pid();
    RETURN n;
END
$$;
REVOKE ALL ON FUNCTION eduaid.end_sessions(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.end_sessions(text) TO eduaid_admin;

-- ==== requests (an admin of the county, or a superuser) =====================

CREATE OR REPLACE FUNCTION eduaid.request_create(login text, full_name text, role text,
                                      townships int[] DEFAULT '{}', verifier text DEFAULT NULL,
                                      county_id int DEFAULT NULL)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION eduaid.request_password(login text, verifier text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION eduaid.request_townships(login text, townships int[]) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION eduaid.request_enable(login text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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

REVOKE ALL ON FUNCTION eduaid.request_create(text, text, text, int[], text, int),
    eduaid.request_password(text, text), eduaid.request_townships(text, int[]),
    eduaid.request_enable(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.request_create(text, text, text, int[], text, int),
    eduaid.request_password(text, text), eduaid.request_townships(text, int[]),
    eduaid.request_enable(text) TO eduaid_admin;

-- ==== decisions (a supervisor of the county, never requester or subject) ==

-- The pending request id, locked, after checking that the session user may
-- decide it (EA063, EA061, EA062).
CREATE OR REPLACE FUNCTION eduaid.lock_request_to_decide(id bigint) RETURNS eduaid.account_request
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION eduaid.approve_request(id bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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

CREATE OR REPLACE FUNCTION eduaid.refuse_request(id bigint, reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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

REVOKE ALL ON FUNCTION eduaid.lock_request_to_decide(bigint), eduaid.approve_request(bigint),
    eduaid.refuse_request(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.approve_request(bigint), eduaid.refuse_request(bigint, text)
    TO eduaid_supervisor;

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_usermgr;
