-- repeatable/10_scope.sql: who is logged in and what they may see -- the
-- eduaid role and townships of the person logged in (session_user, never
-- current_user: SET ROLE must not change who someone is), the form the
-- row-level security policies compare with, the names of the people of
-- one's county, and the level of the schema.
--
-- eduaid.app_user maps each login role to its group and county, and
-- app_user_township to the townships it works in. eduaid.my_townships()
-- turns that into the townships whose rows the person may see: clerks and
-- officers their assigned townships, supervisors, auditors and inspectors
-- (issue 15: they read only the pairing tables) every township of their
-- county, anyone else NULL (no rows). Policies compare
-- with eduaid.my_scope() (38_policies.sql).
--
-- The scope functions are PL/pgSQL: every policy calls my_scope() once per
-- table of a query (an init plan); a SECURITY DEFINER SQL function is never
-- inlined and plans its body again at every such call -- 0.1 ms each, five
-- of them in a queue page, more than the page itself. PL/pgSQL keeps its
-- plans for the session: ~0.008 ms. Measured in tests/bench/queue.sh
-- (README, "Speed").
SET ROLE eduaid_owner;

-- The eduaid role of the person logged in ('clerk', 'officer', ...), or
-- NULL when they are not an active eduaid user.
CREATE OR REPLACE FUNCTION eduaid.my_role() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN (SELECT u.role FROM eduaid.app_user u
             WHERE u.login = session_user AND u.active);
END
$$;
REVOKE ALL ON FUNCTION eduaid.my_role() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.my_role() TO eduaid_clerk, eduaid_officer, eduaid_supervisor,
    eduaid_admin, eduaid_auditor, eduaid_usermgr, eduaid_audit_owner, eduaid_remover,
    eduaid_exporter;

-- The townships whose rows the person logged in may see (see above).
CREATE OR REPLACE FUNCTION eduaid.my_townships() RETURNS int[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_role   text;
    v_county int;
BEGIN
    SELECT u.role, u.county_id INTO v_role, v_county
      FROM eduaid.app_user u
     WHERE u.login = session_user AND u.active;
    IF v_role IN ('supervisor', 'auditor', 'inspector') THEN
        RETURN (SELECT array_agg(t.id ORDER BY t.id) FROM eduaid.township t
                 WHERE t.county_id = v_county);
    ELSIF v_role IN ('clerk', 'officer') THEN
        RETURN (SELECT array_agg(a.township_id ORDER BY a.township_id)
                  FROM eduaid.app_user_township a WHERE a.login = session_user);
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.my_townships() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.my_townships() TO eduaid_clerk, eduaid_officer,
    eduaid_supervisor, eduaid_admin, eduaid_auditor, eduaid_audit_owner, eduaid_remover,
    eduaid_exporter;

-- my_townships() as bigint[], what the policies compare township_id with
-- (016_index_scope.sql, "The township condition first"): no array
-- coercion, and int4 = int8 is made the cheapest comparison there is
-- (000_bootstrap.sql), so the policy's condition is evaluated before any
-- condition of the caller's, for every row.
CREATE OR REPLACE FUNCTION eduaid.my_scope() RETURNS bigint[]
LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN eduaid.my_townships()::bigint[];
END
$$;
COMMENT ON FUNCTION eduaid.my_scope() IS
    'eduaid: my_townships() as bigint[], the form the row-level security policies compare with';
REVOKE ALL ON FUNCTION eduaid.my_scope() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.my_scope() TO eduaid_clerk, eduaid_officer, eduaid_supervisor,
    eduaid_admin, eduaid_auditor, eduaid_audit_owner, eduaid_remover, eduaid_exporter;

-- True for the workflow functions (they run as eduaid_owner) and for
-- superusers repairing data by hand.
CREATE OR REPLACE FUNCTION eduaid.trusted_writer() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN current_user = 'eduaid_owner'
    OR coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                  WHERE r.rolname = current_user), false);

-- Transfers between townships (issue 11, 028_transfers.sql,
-- 41_transfer.sql). A household moves by UPDATEs of township_id (and the
-- household's village) run by eduaid_transferer, the owner of the
-- transfer functions. The guards that keep a row's township fixed
-- (row_bookkeeping, record_guard, member_touch: 20_workflow.sql,
-- 22_workflow_steps.sql) let exactly such an update through: true when
-- the current role is the transferer and the rows o and n (to_jsonb of
-- OLD and NEW) differ in township_id, and in nothing else but village_id
-- and the bookkeeping the update itself writes (and the generated
-- *_masked columns, which a BEFORE trigger sees unset). Anything else the
-- transferer might write meets the guards as any writer would.
CREATE OR REPLACE FUNCTION eduaid.transfer_move(o jsonb, n jsonb) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN current_user = 'eduaid_transferer'
   AND o -> 'township_id' IS DISTINCT FROM n -> 'township_id'
   AND NOT EXISTS (SELECT FROM jsonb_each(o) AS e
                    WHERE e.key NOT IN ('township_id', 'village_id', 'version', 'updated_by',
                                        'updated_at')
                      AND e.key !~ '_masked$'
                      AND e.value IS DISTINCT FROM n -> e.key);
COMMENT ON FUNCTION eduaid.transfer_move(jsonb, jsonb) IS
    'eduaid: is this update a transfer''s move of a row to another township, and nothing else (41_transfer.sql)';

-- The households coming to the townships of the person logged in: those
-- with a pending transfer request to one of them. The transferer's row
-- policies (38_policies.sql) let it read and move these rows, which are
-- still in the sending township while an officer of the receiving one
-- accepts them. Run as the transferer (invoker), under its own policy on
-- transfer_request.
CREATE OR REPLACE FUNCTION eduaid.transfer_incoming() RETURNS bigint[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN coalesce((SELECT array_agg(r.household_id) FROM eduaid.transfer_request r
                      WHERE r.state = 'pending' AND r.student_id IS NULL
                        AND r.to_township_id = ANY ((SELECT eduaid.my_scope())::bigint[])),
                    '{}'::bigint[]);
END
$$;
REVOKE ALL ON FUNCTION eduaid.transfer_incoming() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.transfer_incoming() TO eduaid_transferer;

-- A member's transfer (issue 11, 033_member_transfers.sql): the members
-- coming to the townships of the person logged in (a pending member's
-- request to one of them), and the households they come from. The
-- transferer reads those households (to check what keeps the member from
-- moving) and reads and marks moved out the member's row only; it moves
-- nothing of the household (transfer_incoming() names whole households'
-- moves alone).
CREATE OR REPLACE FUNCTION eduaid.transfer_incoming_members() RETURNS bigint[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN coalesce((SELECT array_agg(r.student_id) FROM eduaid.transfer_request r
                      WHERE r.state = 'pending' AND r.student_id IS NOT NULL
                        AND r.to_township_id = ANY ((SELECT eduaid.my_scope())::bigint[])),
                    '{}'::bigint[]);
END
$$;
CREATE OR REPLACE FUNCTION eduaid.transfer_incoming_from() RETURNS bigint[]
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN coalesce((SELECT array_agg(r.household_id) FROM eduaid.transfer_request r
                      WHERE r.state = 'pending'
                        AND r.to_township_id = ANY ((SELECT eduaid.my_scope())::bigint[])),
                    '{}'::bigint[]);
END
$$;
REVOKE ALL ON FUNCTION eduaid.transfer_incoming_members(), eduaid.transfer_incoming_from()
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.transfer_incoming_members(), eduaid.transfer_incoming_from()
    TO eduaid_transferer;

-- Names. Clerks, officers and supervisors may not read eduaid.app_user
-- (it holds roles and townships); this view is their one door to the
-- names of the people of their own county. It runs with its owner's
-- rights on purpose; security_barrier keeps a caller's conditions from
-- being evaluated on other counties' rows first.
CREATE OR REPLACE VIEW eduaid.user_directory WITH (security_barrier = true) AS
SELECT u.login, u.full_name, u.county_id
  FROM eduaid.app_user u
 WHERE u.county_id = (SELECT me.county_id FROM eduaid.app_user me
                       WHERE me.login = session_user AND me.active);
COMMENT ON VIEW eduaid.user_directory IS
    'eduaid: login, full name and county of every user of the caller''s county';

-- The level of the schema: the newest migration applied, so that a client
-- refuses a server it was not built for (src/db/schema.c) instead of
-- failing later on a missing relation. schema_version itself stays
-- unreadable by every login (no login may lock it: 39_privileges.sql);
-- this reads it as its owner.
CREATE OR REPLACE FUNCTION eduaid.schema_level() RETURNS int
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT max(v.version) FROM eduaid.schema_version v;
END;
COMMENT ON FUNCTION eduaid.schema_level() IS
    'eduaid: the level of the schema (its newest migration), for the client''s check';
REVOKE ALL ON FUNCTION eduaid.schema_level() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.schema_level() TO eduaid_clerk, eduaid_officer,
    eduaid_supervisor, eduaid_admin, eduaid_auditor;
