-- repeatable/29_refdata.sql: the rules of the admin's reference data
-- (issue 14, the reference-data screen, src/screens/refdata.c) that the
-- grants alone do not say. Schools, courses and fund programs: the admin
-- inserts and changes them, never their keys, and retires one (active
-- false) instead of deleting it (39_privileges.sql); every change is
-- audited as kind 'reference' (37_triggers.sql).
--
--   eduaid.rate_in_effect(program, school_year, stage, boarding)
--       true when a record that has been approved (approved_at set: it
--       was approved, on notice or final, or reopened after approval)
--       holds a grant of program in school_year for a member of that
--       stage and boarding: the standard amount was in effect for it.
--       Definer (eduaid_owner sees every township) so that the answer is
--       county-wide; only the admin may ask (a yes or no, no record).
--   eduaid.rate_guard()  BEFORE UPDATE OR DELETE on eduaid.subsidy_rate
--       (37_triggers.sql): a rate in effect for approved records is not
--       changed or deleted afterwards (EA185), by whoever -- the admin's
--       UPDATE, INSERT ... ON CONFLICT DO UPDATE or
--       eduaid.delete_subsidy_rate alike. Rates are versioned by school
--       year: a new standard is the rate of a new school year. An amount
--       that is not money is left to subsidy_rate_amount_check, which
--       names the field.
SET ROLE eduaid_owner;

CREATE OR REPLACE FUNCTION eduaid.rate_in_effect(p_program text, p_school_year int,
                                                 p_stage text, p_boarding boolean)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT EXISTS (
        SELECT FROM eduaid.student_subsidy g
          JOIN eduaid.student_year sy
            ON sy.township_id = g.township_id
           AND sy.household_year_id = g.household_year_id
           AND sy.student_id = g.student_id
          JOIN eduaid.household_year hy
            ON hy.township_id = g.township_id AND hy.id = g.household_year_id
         WHERE g.program = p_program AND g.school_year = p_school_year
           AND sy.stage = p_stage AND sy.boarding = p_boarding
           AND hy.approved_at IS NOT NULL);
END;
COMMENT ON FUNCTION eduaid.rate_in_effect(text, int, text, boolean) IS
    'eduaid: whether approved records hold a grant under this standard amount (then it is kept as it is)';
REVOKE ALL ON FUNCTION eduaid.rate_in_effect(text, int, text, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.rate_in_effect(text, int, text, boolean) TO eduaid_admin;

CREATE OR REPLACE FUNCTION eduaid.rate_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.amount IS NOT DISTINCT FROM OLD.amount
                             OR NEW.amount IS NULL
                             OR NOT coalesce(eduaid.money_valid(NEW.amount), false)) THEN
        RETURN NEW;             -- nothing changes, or a constraint refuses it
    END IF;
    IF eduaid.rate_in_effect(OLD.program, OLD.school_year, OLD.stage, OLD.boarding) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA185',
            MESSAGE = format('the standard amount of %s in school year %s (%s, %s) is in effect for approved records (已有批准的记录按此标准发放)',
                             OLD.program, OLD.school_year, OLD.stage,
                             CASE WHEN OLD.boarding THEN 'boarding' ELSE 'day' END);
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
REVOKE ALL ON FUNCTION eduaid.rate_guard() FROM PUBLIC;
