-- repeatable/21_delete.sql: deleting records and members (020_locks.sql).
-- No group role holds table-level DELETE (a login holding it could take
-- strong locks: LOCK TABLE ... IN ACCESS EXCLUSIVE MODE); deleting goes
-- through these definer functions, owned by eduaid_remover, a NOLOGIN role
-- that is NOT a trusted writer (trusted_writer() is current_user =
-- eduaid_owner or a superuser), so record_guard, member_touch and
-- row_bookkeeping run exactly as for the caller: session_user is the
-- person (editors, four-eyes, audit actor), my_role() and my_townships()
-- are theirs, and the remover's own row policies (38_policies.sql) scope
-- it by the caller's townships.
--
--   eduaid.delete_draft(kind, id, expected_version)
--   eduaid.delete_member(table, household_id, id) -> boolean
RESET ROLE;
GRANT CREATE ON SCHEMA eduaid TO eduaid_remover;
SET ROLE eduaid_remover;

-- Delete the record of kind with id p_id at version p_version, as the
-- person logged in: a clerk or officer (EA004 otherwise), in one of their
-- townships (EA080 "no such record" otherwise: the same answer whether
-- the record is in another township or does not exist), not changed since
-- (EA007), and only a draft that was never approved (record_guard, EA006).
CREATE OR REPLACE FUNCTION eduaid.delete_draft(p_kind text, p_id bigint, p_version int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
            HINT = 'kind is household, household_year, training, special_ed, teacher_fund or pairing';
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
$$;
COMMENT ON FUNCTION eduaid.delete_draft(text, bigint, int) IS
    'eduaid: delete a never-approved draft of the caller''s townships (record_guard applies as the caller)';
REVOKE ALL ON FUNCTION eduaid.delete_draft(text, bigint, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.delete_draft(text, bigint, int) TO eduaid_clerk, eduaid_officer;

-- Delete member row p_id of record p_household_id (p_table student: of
-- that household; student_year or student_subsidy: of that household's
-- school-year record, household_year), as the person logged in: a clerk or officer
-- (EA004 otherwise), in one of their townships. True when deleted, false
-- when there is no such row in the caller's townships (gone already, or
-- another township's: the same answer). Deleting a member is an edit of
-- its household: member_touch bumps the household's version and adds the
-- caller to its editors, or refuses (EA004/EA006) as an edit would.
CREATE OR REPLACE FUNCTION eduaid.delete_member(p_table text, p_household_id bigint, p_id bigint)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n bigint;
BEGIN
    IF coalesce(eduaid.my_role(), '') NOT IN ('clerk', 'officer') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not delete records (无权删除记录)', session_user);
    END IF;
    IF p_table IS NULL OR p_table NOT IN ('student', 'student_year', 'student_subsidy') THEN
        RAISE EXCEPTION USING ERRCODE = '22023',
            MESSAGE = format('"%s" is not a member table (不是成员表)', p_table),
            HINT = 'student, student_year or student_subsidy';
    END IF;
    EXECUTE format('DELETE FROM eduaid.%I m WHERE m.id = $1 AND m.%I = $2', p_table,
                   CASE p_table WHEN 'student' THEN 'household_id' ELSE 'household_year_id' END)
      USING p_id, p_household_id;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n > 0;
END
$$;
COMMENT ON FUNCTION eduaid.delete_member(text, bigint, bigint) IS
    'eduaid: delete a member row of a household of the caller''s townships (an edit of the household)';
REVOKE ALL ON FUNCTION eduaid.delete_member(text, bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.delete_member(text, bigint, bigint) TO eduaid_clerk, eduaid_officer;

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_remover;
