-- repeatable/41_transfer.sql: a household moving to another township
-- (issue 11; the table, the role and the codes: 028_transfers.sql).
--
--   eduaid.transfer_request(household_id, to_township_id, reason) -> id
--       a clerk or officer of the household's township asks to move it
--   eduaid.transfer_accept(request_id, village_id)
--       an officer of the receiving township, not the requester, accepts
--       and picks the village: the household moves
--   eduaid.transfer_refuse(request_id, reason)
--       an officer of the receiving township refuses, with a reason
--   eduaid.transfer_withdraw(request_id)
--       a clerk or officer of the sending township takes it back
--   eduaid.transfers(pending_only) -> the requests that concern me
--       the sending side its outgoing requests, the receiving side its
--       incoming ones, supervisors and auditors the county's; nobody else
--       any (a third township's clerk sees neither the request nor, once
--       accepted, the household)
--
-- SECURITY DEFINER, owned by eduaid_transferer (NOLOGIN, not a trusted
-- writer): session_user is the person (audit actor, requester, decider),
-- my_role() and my_townships() are theirs; the transferer's row policies
-- (38_policies.sql) show it the caller's townships and the households
-- coming to them, and let it move only the latter, only into the caller's
-- townships. Another township's household or request is answered as one
-- that does not exist: EA080 (household) and EA110 (request).
--
-- What moves on acceptance: the household (township and village), its
-- members, its year records (household_year) of the current school year
-- (eduaid.school_year_of(current_date)) and later, with their members
-- (student_year) and grants (student_subsidy). What stays: the year
-- records of past years with their rows (counted in the township that had
-- them: its past reports do not change), and the audit trail (history
-- before the move stays readable in the old township; the move is the
-- first entry the new township reads). The registry follows through
-- registry_sync (the township change of each registered row).
--
-- What refuses a move (at the request and again at acceptance): records of
-- other kinds naming the household -- training enrollments (EA112),
-- special-education plans (EA113), dropout cases of its members (EA114),
-- targeted-admission applications and left-behind care records (EA244,
-- issue 17).
-- They belong to the township that made them (its courses, its teachers'
-- home visits, its follow-up ledger) and name the household's people in
-- the registry, so they can neither stay behind nor simply move; a
-- household with any of them cannot move yet (a later step: end or hand
-- them over). And a household, or a year record that would move, under
-- review or in a public notice (EA115): the review and the notice are the
-- sending township's; finish them first.
--
-- The tallies of the reports (34_reports.sql) are not touched here: past
-- years' tallies stay with the old township (tests/db/30_transfer.sql
-- reads them before and after).
--
-- A member moving alone (033_member_transfers.sql; tests/db/32_member_transfer.sql):
--   eduaid.transfer_request_member(student_id, to_township_id, reason) -> id
--       a clerk or officer of the member's township asks to move the member
--   eduaid.transfer_accept_member(request_id, household_id)
--       an officer of the receiving township, not the requester, accepts
--       into one of its households: the member's old row is marked moved
--       out (history, kept with its year rows), a new row is made in the
--       receiving household with the person's own facts and a link back;
--       the registry holds the person there
--   transfer_refuse, transfer_withdraw and transfers() serve both kinds
--       (transfers() says which: student_id, member_name).
-- What refuses a member's move (at the request and again at acceptance):
-- no such member of my townships (EA150, also another township's), moved
-- out already (EA151), the household's head (EA152: move the household),
-- training, special-education or dropout records of that member (EA153),
-- the sending household or its record of this school year under review or
-- in a notice (EA154); at acceptance also a household not of the receiving
-- township (EA155, as for one that does not exist) or under review (EA156),
-- and the other kind's function (EA157). The year rows already recorded
-- stay where they were counted, this school year's too; a person is
-- counted once per school year (member_year_once, 20_workflow.sql, EA158).
RESET ROLE;
GRANT CREATE ON SCHEMA eduaid TO eduaid_transferer;
-- (the scope, and what the CHECKs of the rows it moves call)
GRANT EXECUTE ON FUNCTION eduaid.my_role(), eduaid.my_townships(), eduaid.my_scope(),
    eduaid.school_year_of(date), eduaid.school_entry_year(date),
    eduaid.id_number_ok(text) TO eduaid_transferer;
GRANT SELECT ON eduaid.user_directory TO eduaid_transferer;
SET ROLE eduaid_transferer;

-- The terms of any request (a household's or a member's), or EA004, EA116,
-- EA003: the caller is a clerk or an officer; then, given the township a
-- request is from (NULL: the caller only), it goes to another township of
-- the same county and gives a reason.
CREATE OR REPLACE FUNCTION eduaid.transfer_request_terms(p_from int, p_to int, p_reason text)
RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF coalesce(eduaid.my_role(), '') NOT IN ('clerk', 'officer') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not request transfers (无权申请迁移)', session_user);
    END IF;
    IF p_from IS NULL THEN
        RETURN;
    END IF;
    IF NOT EXISTS (SELECT FROM eduaid.township t, eduaid.township f
                    WHERE t.id = p_to AND f.id = p_from
                      AND t.county_id = f.county_id AND t.id <> f.id) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA116',
            MESSAGE = 'choose another township of the county (请选择本县的另一个乡镇)';
    END IF;
    IF coalesce(eduaid.is_blank(p_reason), true) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA003',
            MESSAGE = 'a reason is required to request a transfer (必须填写理由)';
    END IF;
END
$$;

-- EA112..EA115 for household p_household (in township p_township), or
-- nothing: may it move?
CREATE OR REPLACE FUNCTION eduaid.transfer_check(p_township int, p_household bigint) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT FROM eduaid.training_enrollment e
                WHERE e.township_id = p_township AND e.household_id = p_household) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA112',
            MESSAGE = 'the household has training enrollments and cannot move yet (该户有技能培训记录，暂不能迁出)';
    END IF;
    IF EXISTS (SELECT FROM eduaid.special_ed_plan p
                WHERE p.township_id = p_township AND p.household_id = p_household) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA113',
            MESSAGE = 'the household has special-education plans and cannot move yet (该户有特殊教育安置记录，暂不能迁出)';
    END IF;
    IF EXISTS (SELECT FROM eduaid.dropout_case d
                WHERE d.township_id = p_township AND d.household_id = p_household) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA114',
            MESSAGE = 'a member of the household has a dropout case; it cannot move yet (该户成员有控辍保学台账，暂不能迁出)';
    END IF;
    -- issue 17 (064): the records that name a member of the household
    IF EXISTS (SELECT FROM eduaid.admission a
                WHERE a.township_id = p_township AND a.household_id = p_household)
       OR EXISTS (SELECT FROM eduaid.care_record c
                   WHERE c.township_id = p_township AND c.household_id = p_household) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA244',
            MESSAGE = 'the household has targeted-admission applications or care records and cannot move yet (该户有定向招生申请或留守儿童关爱记录，暂不能迁出)';
    END IF;
    IF EXISTS (SELECT FROM eduaid.household h
                WHERE h.township_id = p_township AND h.id = p_household
                  AND h.status IN ('submitted', 'verified', 'in_notice'))
       OR EXISTS (SELECT FROM eduaid.household_year y
                   WHERE y.township_id = p_township AND y.household_id = p_household
                     AND y.school_year >= eduaid.school_year_of(current_date)
                     AND y.status IN ('submitted', 'verified', 'in_notice')) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA115',
            MESSAGE = 'the household or a school-year record of it is under review or in a notice (该户或其本学年记录正在审核或公示中)';
    END IF;
END
$$;

-- EA151..EA154 for member p_student of household p_household (township
-- p_township), or nothing: may it move alone?
CREATE OR REPLACE FUNCTION eduaid.transfer_member_check(p_township int, p_household bigint,
                                                        p_student bigint) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    m record;
BEGIN
    SELECT s.id_number, s.moved_out_on, h.head_id_number INTO m
      FROM eduaid.student s
      JOIN eduaid.household h ON h.township_id = s.township_id AND h.id = s.household_id
     WHERE s.township_id = p_township AND s.household_id = p_household AND s.id = p_student;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA150',
            MESSAGE = format('member %s: no such member in your townships (在您负责的乡镇中找不到该成员)',
                             p_student);
    END IF;
    IF m.moved_out_on IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA151',
            MESSAGE = format('member %s has moved out already (该成员已迁出)', p_student);
    END IF;
    IF m.id_number = m.head_id_number THEN
        RAISE EXCEPTION USING ERRCODE = 'EA152',
            MESSAGE = 'the head of the household cannot move alone: move the household (户主不能单独迁出，请迁移整户)';
    END IF;
    IF EXISTS (SELECT FROM eduaid.training_enrollment e
                WHERE e.township_id = p_township AND e.household_id = p_household
                  AND e.trainee_id_number = m.id_number)
       OR EXISTS (SELECT FROM eduaid.special_ed_plan p
                   WHERE p.township_id = p_township AND p.household_id = p_household
                     AND p.child_id_number = m.id_number)
       OR EXISTS (SELECT FROM eduaid.dropout_case d
                   WHERE d.township_id = p_township AND d.household_id = p_household
                     AND d.student_id = p_student) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA153',
            MESSAGE = 'the member has training, special-education or dropout records and cannot move yet (该成员有培训、特教或控辍记录，暂不能单独迁出)';
    END IF;
    IF eduaid.transfer_household_busy(p_township, p_household) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA154',
            MESSAGE = 'the sending household or its record of this school year is under review or in a notice (迁出户或其本学年记录正在审核或公示中)';
    END IF;
END
$$;

-- Is household p_household (in township p_township), or a record of it of
-- this school year or later, under review or in a notice?
CREATE OR REPLACE FUNCTION eduaid.transfer_household_busy(p_township int, p_household bigint)
RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
RETURN EXISTS (SELECT FROM eduaid.household h
                WHERE h.township_id = p_township AND h.id = p_household
                  AND h.status IN ('submitted', 'verified', 'in_notice'))
    OR EXISTS (SELECT FROM eduaid.household_year y
                WHERE y.township_id = p_township AND y.household_id = p_household
                  AND y.school_year >= eduaid.school_year_of(current_date)
                  AND y.status IN ('submitted', 'verified', 'in_notice'));

-- Ask to move member p_student (of a household of my townships) to a
-- household of township p_to_township (chosen by its officer).
CREATE OR REPLACE FUNCTION eduaid.transfer_request_member(p_student bigint, p_to_township int,
                                                         p_reason text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    m    record;
    v_id bigint;
BEGIN
    PERFORM eduaid.transfer_request_terms(NULL, NULL, NULL);
    SELECT s.township_id, s.household_id, s.name, h.household_no, h.head_name INTO m
      FROM eduaid.student s
      JOIN eduaid.household h ON h.township_id = s.township_id AND h.id = s.household_id
     WHERE s.id = p_student AND s.township_id = ANY (eduaid.my_townships());
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA150',
            MESSAGE = format('member %s: no such member in your townships (在您负责的乡镇中找不到该成员)',
                             p_student);
    END IF;
    PERFORM eduaid.transfer_request_terms(m.township_id, p_to_township, p_reason);
    PERFORM eduaid.transfer_member_check(m.township_id, m.household_id, p_student);
    INSERT INTO eduaid.transfer_request (township_id, household_id, household_no, head_name,
                                         student_id, member_name, to_township_id, reason)
    VALUES (m.township_id, m.household_id, m.household_no, m.head_name, p_student, m.name,
            p_to_township, eduaid.tidy(p_reason))
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION eduaid.transfer_request_member(bigint, int, text) IS
    'eduaid: ask to move one member of a household of the caller''s townships to a household of another township';

-- Accept member request p_request into household p_household of the
-- receiving township (see the head of this file).
CREATE OR REPLACE FUNCTION eduaid.transfer_accept_member(p_request bigint, p_household bigint)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r       eduaid.transfer_request := eduaid.transfer_pending_request(p_request, true);
    v_vill  bigint;
    v_new   bigint;
BEGIN
    IF r.student_id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA157',
            MESSAGE = format('transfer %s moves a household: accept it into a village (整户迁移须选择迁入村)',
                             p_request);
    END IF;
    IF r.requested_by = session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'EA118',
            MESSAGE = format('four-eyes rule: you requested transfer %s, so someone else accepts it (四眼原则：不能接收本人提出的迁移申请)',
                             p_request);
    END IF;
    SELECT h.village_id INTO v_vill FROM eduaid.household h
     WHERE h.id = p_household AND h.township_id = r.to_township_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA155',
            MESSAGE = format('household %s: choose a household of the receiving township (请选择迁入乡镇的一个建档立卡户)',
                             p_household);
    END IF;
    IF eduaid.transfer_household_busy(r.to_township_id, p_household) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA156',
            MESSAGE = 'the receiving household or its record of this school year is under review or in a notice (迁入户或其本学年记录正在审核或公示中)';
    END IF;
    -- the member's row, locked: nothing changes it while it moves
    PERFORM FROM eduaid.student s
      WHERE s.township_id = r.township_id AND s.id = r.student_id FOR UPDATE;
    PERFORM eduaid.transfer_member_check(r.township_id, r.household_id, r.student_id);

    -- the old row becomes history (the registry lets the person go) ...
    UPDATE eduaid.student s SET moved_out_on = current_date
     WHERE s.township_id = r.township_id AND s.household_id = r.household_id
       AND s.id = r.student_id;
    -- ... and the person is a member of the receiving household
    INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date,
                                relation, disability_type, disability_grade, left_behind,
                                migrant, moved_from_household_id, moved_from_id,
                                arrival_year)  -- issue 17 H3: 随迁年份 moves along
    SELECT r.to_township_id, p_household, s.name, s.id_number, s.sex, s.birth_date,
           s.relation, s.disability_type, s.disability_grade, s.left_behind, s.migrant,
           s.household_id, s.id, s.arrival_year
      FROM eduaid.student s
     WHERE s.township_id = r.township_id AND s.household_id = r.household_id
       AND s.id = r.student_id
    RETURNING id INTO v_new;

    UPDATE eduaid.transfer_request x
       SET state = 'accepted', to_village_id = v_vill, to_household_id = p_household,
           decided_by = session_user, decided_at = now()
     WHERE x.township_id = r.township_id AND x.id = r.id;
    RETURN v_new;
END
$$;
COMMENT ON FUNCTION eduaid.transfer_accept_member(bigint, bigint) IS
    'eduaid: accept a member moving to the caller''s township into one of its households (an officer, not the requester); returns the new member row';

-- Ask to move household p_household to township p_to_township.
CREATE OR REPLACE FUNCTION eduaid.transfer_request(p_household bigint, p_to_township int,
                                                  p_reason text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    h    record;
    v_id bigint;
BEGIN
    PERFORM eduaid.transfer_request_terms(NULL, NULL, NULL);
    SELECT x.township_id, x.household_no, x.head_name INTO h
      FROM eduaid.household x
     WHERE x.id = p_household AND x.township_id = ANY (eduaid.my_townships());
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA080',
            MESSAGE = format('household %s: no such household in your townships (在您负责的乡镇中找不到该户)',
                             p_household);
    END IF;
    PERFORM eduaid.transfer_request_terms(h.township_id, p_to_township, p_reason);
    PERFORM eduaid.transfer_check(h.township_id, p_household);
    INSERT INTO eduaid.transfer_request (township_id, household_id, household_no, head_name,
                                         to_township_id, reason)
    VALUES (h.township_id, p_household, h.household_no, h.head_name, p_to_township,
            eduaid.tidy(p_reason))
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;
COMMENT ON FUNCTION eduaid.transfer_request(bigint, int, text) IS
    'eduaid: ask to move a household of the caller''s townships to another township of the county';

-- The pending request p_request, locked: incoming (to one of my townships,
-- decided by an officer) or outgoing (from one of them, withdrawn by a
-- clerk or officer). EA004 for any other role, EA110 when there is no such
-- request on my side (another township's reads as none), EA111 when it is
-- decided already.
CREATE OR REPLACE FUNCTION eduaid.transfer_pending_request(p_request bigint, p_incoming boolean)
RETURNS eduaid.transfer_request
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r eduaid.transfer_request;
BEGIN
    IF p_incoming AND coalesce(eduaid.my_role(), '') <> 'officer' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not decide transfers: an officer of the receiving township does (只有迁入乡镇的专干可以处理迁移申请)',
                             session_user);
    ELSIF NOT p_incoming AND coalesce(eduaid.my_role(), '') NOT IN ('clerk', 'officer') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('%s may not withdraw transfers (无权撤回迁移申请)', session_user);
    END IF;
    SELECT x.* INTO r FROM eduaid.transfer_request x
     WHERE x.id = p_request
       AND CASE WHEN p_incoming THEN x.to_township_id ELSE x.township_id END
           = ANY (eduaid.my_townships())
       FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA110',
            MESSAGE = format('transfer request %s not found in your townships (在您负责的乡镇中找不到该迁移申请)',
                             p_request);
    END IF;
    IF r.state <> 'pending' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA111',
            MESSAGE = format('transfer request %s is %s already (该迁移申请已处理)', p_request, r.state);
    END IF;
    RETURN r;
END
$$;

-- Accept request p_request into village p_village of the receiving
-- township: the household moves (see the head of this file).
CREATE OR REPLACE FUNCTION eduaid.transfer_accept(p_request bigint, p_village bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r      eduaid.transfer_request := eduaid.transfer_pending_request(p_request, true);
    v_year constant int := eduaid.school_year_of(current_date);
BEGIN
    IF r.student_id IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA157',
            MESSAGE = format('transfer %s moves a member: accept it into a household (成员迁移须选择迁入户)',
                             p_request);
    END IF;
    IF r.requested_by = session_user THEN
        RAISE EXCEPTION USING ERRCODE = 'EA118',
            MESSAGE = format('four-eyes rule: you requested transfer %s, so someone else accepts it (四眼原则：不能接收本人提出的迁移申请)',
                             p_request);
    END IF;
    IF NOT EXISTS (SELECT FROM eduaid.village v
                    WHERE v.id = p_village AND v.township_id = r.to_township_id) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA117',
            MESSAGE = 'choose a village of the receiving township (请选择迁入乡镇的村)';
    END IF;
    -- the household, locked: nothing changes it while it moves
    PERFORM FROM eduaid.household h
      WHERE h.township_id = r.township_id AND h.id = r.household_id FOR UPDATE;
    PERFORM eduaid.transfer_check(r.township_id, r.household_id);

    SET CONSTRAINTS eduaid.student_household_fk, eduaid.student_year_household_year_fk,
        eduaid.student_subsidy_household_year_fk, eduaid.student_subsidy_student_year_fk
        DEFERRED;
    UPDATE eduaid.household h SET township_id = r.to_township_id, village_id = p_village
     WHERE h.township_id = r.township_id AND h.id = r.household_id;
    UPDATE eduaid.student s SET township_id = r.to_township_id
     WHERE s.township_id = r.township_id AND s.household_id = r.household_id;
    UPDATE eduaid.household_year y SET township_id = r.to_township_id
     WHERE y.township_id = r.township_id AND y.household_id = r.household_id
       AND y.school_year >= v_year;
    UPDATE eduaid.student_year y SET township_id = r.to_township_id
     WHERE y.township_id = r.township_id AND y.household_id = r.household_id
       AND y.school_year >= v_year;
    UPDATE eduaid.student_subsidy s SET township_id = r.to_township_id
     WHERE s.township_id = r.township_id AND s.household_id = r.household_id
       AND s.school_year >= v_year;
    SET CONSTRAINTS eduaid.student_household_fk, eduaid.student_year_household_year_fk,
        eduaid.student_subsidy_household_year_fk, eduaid.student_subsidy_student_year_fk
        IMMEDIATE;

    UPDATE eduaid.transfer_request x
       SET state = 'accepted', to_village_id = p_village,
           decided_by = session_user, decided_at = now()
     WHERE x.township_id = r.township_id AND x.id = r.id;
END
$$;
COMMENT ON FUNCTION eduaid.transfer_accept(bigint, bigint) IS
    'eduaid: accept a household moving to the caller''s township into one of its villages (an officer, not the requester)';

-- Refuse request p_request, with a reason.
CREATE OR REPLACE FUNCTION eduaid.transfer_refuse(p_request bigint, p_reason text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r eduaid.transfer_request := eduaid.transfer_pending_request(p_request, true);
BEGIN
    IF coalesce(eduaid.is_blank(p_reason), true) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA003',
            MESSAGE = 'a reason is required to refuse a transfer (必须填写理由)';
    END IF;
    UPDATE eduaid.transfer_request x
       SET state = 'refused', refusal_reason = eduaid.tidy(p_reason),
           decided_by = session_user, decided_at = now()
     WHERE x.township_id = r.township_id AND x.id = r.id;
END
$$;
COMMENT ON FUNCTION eduaid.transfer_refuse(bigint, text) IS
    'eduaid: refuse a household moving to the caller''s township, with a reason (an officer)';

-- Withdraw request p_request of one of my townships.
CREATE OR REPLACE FUNCTION eduaid.transfer_withdraw(p_request bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r eduaid.transfer_request := eduaid.transfer_pending_request(p_request, false);
BEGIN
    UPDATE eduaid.transfer_request x
       SET state = 'withdrawn', decided_by = session_user, decided_at = now()
     WHERE x.township_id = r.township_id AND x.id = r.id;
END
$$;
COMMENT ON FUNCTION eduaid.transfer_withdraw(bigint) IS
    'eduaid: withdraw a pending transfer request of the caller''s townships';

-- The requests that concern me, pending first, newest first. direction:
-- 'out' (from one of my townships), 'in' (to one of them), 'both' (I see
-- both sides: supervisors, auditors, someone working in both). may_decide
-- and may_withdraw say what the functions above would let me do.
-- A member's request (033) has student_id and member_name; once
-- accepted, to_household_id and to_household_no -- the receiving side's
-- household, shown to that side only.
-- (Its columns grew with 033: an older definition is dropped first.)
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_proc p
                WHERE p.oid = to_regprocedure('eduaid.transfers(boolean)')
                  AND NOT pg_catalog.pg_get_function_result(p.oid) LIKE '%member_name%') THEN
        DROP FUNCTION eduaid.transfers(boolean);
    END IF;
END
$$;
CREATE OR REPLACE FUNCTION eduaid.transfers(p_pending_only boolean DEFAULT false)
RETURNS TABLE (id bigint, direction text, household_id bigint, household_no text,
               head_name text, from_township_id int, from_township text, to_township_id int,
               to_township text, to_village_id bigint, to_village text, reason text, state text,
               requested_by text, requested_by_name text, requested_at timestamptz,
               decided_by text, decided_by_name text, decided_at timestamptz,
               refusal_reason text, may_decide boolean, may_withdraw boolean,
               student_id bigint, member_name text, to_household_id bigint,
               to_household_no text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    mine    constant int[] := coalesce(eduaid.my_townships(), '{}'::int[]);
    my_role constant text := eduaid.my_role();
BEGIN
    RETURN QUERY
    SELECT r.id,
           CASE WHEN r.township_id = ANY (mine) AND r.to_township_id = ANY (mine) THEN 'both'
                WHEN r.township_id = ANY (mine) THEN 'out' ELSE 'in' END,
           r.household_id, r.household_no, r.head_name,
           r.township_id, f.name, r.to_township_id, t.name, r.to_village_id, v.name,
           r.reason, r.state, r.requested_by, coalesce(ru.full_name, ''), r.requested_at,
           r.decided_by, coalesce(du.full_name, ''), r.decided_at, r.refusal_reason,
           r.state = 'pending' AND my_role = 'officer' AND r.to_township_id = ANY (mine)
               AND r.requested_by <> session_user,
           r.state = 'pending' AND my_role IN ('clerk', 'officer') AND r.township_id = ANY (mine),
           r.student_id, r.member_name,
           CASE WHEN r.to_township_id = ANY (mine) THEN r.to_household_id END,
           CASE WHEN r.to_township_id = ANY (mine) THEN th.household_no END
      FROM eduaid.transfer_request r
      JOIN eduaid.township f ON f.id = r.township_id
      JOIN eduaid.township t ON t.id = r.to_township_id
      LEFT JOIN eduaid.village v ON v.id = r.to_village_id
      LEFT JOIN eduaid.household th
        ON th.id = r.to_household_id AND th.township_id = ANY (mine)
      LEFT JOIN eduaid.user_directory ru ON ru.login = r.requested_by
      LEFT JOIN eduaid.user_directory du ON du.login = r.decided_by
     WHERE (r.township_id = ANY (mine) OR r.to_township_id = ANY (mine))
       AND (NOT p_pending_only OR r.state = 'pending')
     ORDER BY r.state <> 'pending', r.requested_at DESC, r.id DESC;
END
$$;
COMMENT ON FUNCTION eduaid.transfers(boolean) IS
    'eduaid: the transfer requests from or to the caller''s townships (all of the county''s for supervisors and auditors)';

REVOKE ALL ON FUNCTION eduaid.transfer_request_terms(int, int, text),
    eduaid.transfer_member_check(int, bigint, bigint),
    eduaid.transfer_household_busy(int, bigint),
    eduaid.transfer_request_member(bigint, int, text),
    eduaid.transfer_accept_member(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.transfer_request_member(bigint, int, text),
    eduaid.transfer_accept_member(bigint, bigint) TO eduaid_clerk, eduaid_officer;
REVOKE ALL ON FUNCTION eduaid.transfer_check(int, bigint),
    eduaid.transfer_pending_request(bigint, boolean),
    eduaid.transfer_request(bigint, int, text), eduaid.transfer_accept(bigint, bigint),
    eduaid.transfer_refuse(bigint, text), eduaid.transfer_withdraw(bigint),
    eduaid.transfers(boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.transfer_request(bigint, int, text),
    eduaid.transfer_accept(bigint, bigint), eduaid.transfer_refuse(bigint, text),
    eduaid.transfer_withdraw(bigint)
    TO eduaid_clerk, eduaid_officer;
GRANT EXECUTE ON FUNCTION eduaid.transfers(boolean)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_transferer;
