-- repeatable/40_rates.sql: the standard amounts of 全程资助 (issue 11;
-- the table eduaid.subsidy_rate and its seed are 027_subsidy_rates.sql).
--
--   eduaid.standard_amount(program, school_year, stage, boarding)
--       the amount a member of that stage (boarding or not) is offered
--       under program in that school year; NULL when there is no rate
--       (a program the stage is not entitled to, an applied-for program,
--       a year the admin has not set). Invoker: every login reads the
--       rates (39_privileges.sql).
--   eduaid.delete_subsidy_rate(program, school_year, stage, boarding)
--       the admin takes a rate away: true when it was there. No login
--       holds DELETE on a table (020_locks.sql), so this definer function
--       does it for the admin (EA004 for anyone else); the audit trigger
--       (37_triggers.sql) logs the person logged in as its actor.
-- The admin inserts rates and changes their amounts with plain SQL
-- (INSERT ... ON CONFLICT DO UPDATE: src/db/rates.c); the keys never
-- change.
SET ROLE eduaid_owner;

CREATE OR REPLACE FUNCTION eduaid.standard_amount(p_program text, p_school_year int,
                                                  p_stage text, p_boarding boolean)
RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT r.amount FROM eduaid.subsidy_rate r
     WHERE r.program = p_program AND r.school_year = p_school_year
       AND r.stage = p_stage AND r.boarding = p_boarding;
END;
COMMENT ON FUNCTION eduaid.standard_amount(text, int, text, boolean) IS
    'eduaid: the standard amount of a subsidy program for a school year, stage and boarding, or NULL';
REVOKE ALL ON FUNCTION eduaid.standard_amount(text, int, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.standard_amount(text, int, text, boolean)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;

CREATE OR REPLACE FUNCTION eduaid.delete_subsidy_rate(p_program text, p_school_year int,
                                                      p_stage text, p_boarding boolean)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    IF coalesce(eduaid.my_role(), '') <> 'admin' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not change the subsidy rates (无权修改资助标准)', session_user);
    END IF;
    DELETE FROM eduaid.subsidy_rate r
     WHERE r.program = p_program AND r.school_year = p_school_year
       AND r.stage = p_stage AND r.boarding = p_boarding;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n > 0;
END
$$;
COMMENT ON FUNCTION eduaid.delete_subsidy_rate(text, int, text, boolean) IS
    'eduaid: the admin deletes a standard amount (audited); true when there was one';
REVOKE ALL ON FUNCTION eduaid.delete_subsidy_rate(text, int, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.delete_subsidy_rate(text, int, text, boolean) TO eduaid_admin;
