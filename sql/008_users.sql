-- 008_users.sql: user administration for eduaid_admin, without superuser.
--
--   eduaid.create_user(login, full_name, role, county_id [, townships [, password]])
--   eduaid.set_user_townships(login, townships)
--   eduaid.set_user_password(login, password)
--   eduaid.disable_user(login) / eduaid.enable_user(login)
--
-- Each makes or alters a LOGIN role in exactly one group and keeps
-- eduaid.app_user and app_user_township in step with it. The functions
-- belong to eduaid_usermgr (NOLOGIN CREATEROLE), so no other eduaid code
-- runs with the right to create roles, and they touch only roles listed in
-- eduaid.app_user. Refusals: EA004 (caller not an admin), EA011 (bad user
-- data: role, townships, login taken), EA005 (no such eduaid user).
GRANT SELECT, INSERT, UPDATE ON eduaid.app_user TO eduaid_usermgr;
GRANT SELECT, INSERT, DELETE ON eduaid.app_user_township TO eduaid_usermgr;
GRANT SELECT ON eduaid.township TO eduaid_usermgr;
GRANT EXECUTE ON FUNCTION eduaid.my_role() TO eduaid_usermgr;
GRANT CREATE ON SCHEMA eduaid TO eduaid_usermgr;
SET ROLE eduaid_usermgr;

-- Raise EA004 unless the session user is a superuser or an eduaid admin of
-- county: an admin manages the users of their own county only.
CREATE FUNCTION eduaid.require_admin(county int) RETURNS void
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
CREATE FUNCTION eduaid.check_user_townships(role text, county_id int, townships int[])
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
CREATE FUNCTION eduaid.lock_user(login text) RETURNS eduaid.app_user
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

CREATE FUNCTION eduaid.create_user(login text, full_name text, role text, county_id int,
                                   townships int[] DEFAULT '{}', password text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    PERFORM eduaid.require_admin(county_id);
    IF role IS NULL OR role NOT IN ('clerk', 'officer', 'supervisor', 'admin', 'auditor') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = format('unknown role "%s" (未知角色)', role),
            HINT = 'clerk, officer, supervisor, admin or auditor';
    END IF;
    IF login IS NULL OR login !~ '^[a-z][a-z0-9_]{1,62}$' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = format('login "%s" must be 2-63 lower-case letters, digits or _ (登录名格式错误)', login);
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname = create_user.login) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA011',
            MESSAGE = format('login "%s" is taken (登录名已存在)', login);
    END IF;
    PERFORM eduaid.check_user_townships(role, county_id, townships);
    INSERT INTO eduaid.app_user (login, full_name, role, county_id)
    VALUES (login, full_name, role, county_id);
    INSERT INTO eduaid.app_user_township (login, township_id)
    SELECT login, t FROM unnest(townships) AS t;
    EXECUTE format('CREATE ROLE %I LOGIN IN ROLE %I', login, 'eduaid_' || role);
    IF password IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', login, password);
    END IF;
END
$$;

CREATE FUNCTION eduaid.set_user_townships(login text, townships int[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    u eduaid.app_user;
BEGIN
    u := eduaid.lock_user(login);
    PERFORM eduaid.require_admin(u.county_id);
    PERFORM eduaid.check_user_townships(u.role, u.county_id, townships);
    DELETE FROM eduaid.app_user_township a WHERE a.login = u.login;
    INSERT INTO eduaid.app_user_township (login, township_id)
    SELECT u.login, t FROM unnest(townships) AS t;
END
$$;

CREATE FUNCTION eduaid.set_user_password(login text, password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    u eduaid.app_user;
BEGIN
    u := eduaid.lock_user(login);
    PERFORM eduaid.require_admin(u.county_id);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', u.login, password);
END
$$;

-- Disabling stops new logins and empties the user's scope at once.
CREATE FUNCTION eduaid.disable_user(login text) RETURNS void
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

CREATE FUNCTION eduaid.enable_user(login text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    u eduaid.app_user;
BEGIN
    u := eduaid.lock_user(login);
    PERFORM eduaid.require_admin(u.county_id);
    UPDATE eduaid.app_user a SET active = true WHERE a.login = u.login;
    EXECUTE format('ALTER ROLE %I LOGIN', u.login);
END
$$;

REVOKE ALL ON FUNCTION eduaid.require_admin(int), eduaid.check_user_townships(text, int, int[]),
    eduaid.lock_user(text), eduaid.create_user(text, text, text, int, int[], text),
    eduaid.set_user_townships(text, int[]), eduaid.set_user_password(text, text),
    eduaid.disable_user(text), eduaid.enable_user(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.create_user(text, text, text, int, int[], text),
    eduaid.set_user_townships(text, int[]), eduaid.set_user_password(text, text),
    eduaid.disable_user(text), eduaid.enable_user(text) TO eduaid_admin;

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_usermgr;
