-- repeatable/20_workflow.sql: the workflow of a record and the guards that
-- make it the only way.
--
--   draft -> submitted -> verified -> approved     (rejected goes back to
--   its author; approved, and final, reopen as a draft)
--   approved --open_notice--> in_notice --close_notice--> final
--                                 +--decide_objection(upheld)--> rejected
--   (the notice states: households and teacher fund applications only,
--   33_notice.sql)
--
--   eduaid.submit(kind, id [, expected_version])
--   eduaid.verify(kind, id [, expected_version])
--   eduaid.approve(kind, id [, expected_version])
--   eduaid.reject(kind, id, reason [, expected_version])
--   eduaid.reopen(kind, id, reason [, expected_version])
--
-- kind is 'household', 'household_year', 'training', 'special_ed',
-- 'teacher_fund' or 'pairing' (the pair agreement, issue 15). Each
-- returns the record's new version. Refusals carry SQLSTATEs of our own:
--   EA001 the record's state does not allow the action
--   EA002 four-eyes: the actor created, edited or verified the record
--   EA003 a reason is required
--   EA004 the actor's role may not do this
--   EA005 no such record, or not visible to the actor
--   EA006 the change bypasses the workflow (status, keys, approved data)
--   EA007 the record changed since the actor read it (version)
--   EA010 unknown record kind
--   EA012 a record enters or leaves the notice states only through a notice
--
-- Four-eyes: nobody who created, edited or submitted a record verifies it;
-- nobody who created, edited or verified it approves it; rejecting follows
-- the rule of the review step it replaces. "Edited" means any change to the
-- record or its members since creation (the editors column).
--
-- Also here: the bookkeeping every township-scoped row gets, the members'
-- guards, the cap of a fund application, and the facts a record copies
-- from the teacher register (021_record_facts.sql). The rules of the steps
-- themselves are rows (eduaid.record_status, eduaid.workflow_step,
-- 023_workflow_data.sql), read by transition(), may_edit(), record_guard(),
-- audit_row(), record_statuses() (22_workflow_steps.sql) and the review
-- queue (36_review_queue.sql).
-- The triggers that run these functions: 37_triggers.sql.
SET ROLE eduaid_owner;

-- The table of a record kind, or NULL for an unknown kind.
CREATE OR REPLACE FUNCTION eduaid.record_table(kind text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE kind
    WHEN 'household' THEN 'household'
    WHEN 'household_year' THEN 'household_year'
    WHEN 'training' THEN 'training_enrollment'
    WHEN 'special_ed' THEN 'special_ed_plan'
    WHEN 'teacher_fund' THEN 'teacher_fund_application'
    -- issue 15 H1: the pair agreement (帮扶协议书, 047_pairing_workflow.sql)
    WHEN 'pairing' THEN 'pair_agreement'
    -- issue 17 H4: 定向招生专项计划 (061_admission.sql)
    WHEN 'admission' THEN 'admission'
END;

-- The workflow columns of a record row, to compare before and after.
CREATE OR REPLACE FUNCTION eduaid.workflow_part(r jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN jsonb_build_object(
    'status', r -> 'status', 'reason', r -> 'reason',
    'submitted_by', r -> 'submitted_by', 'submitted_at', r -> 'submitted_at',
    'verified_by', r -> 'verified_by', 'verified_at', r -> 'verified_at',
    'approved_by', r -> 'approved_by', 'approved_at', r -> 'approved_at',
    'rejected_by', r -> 'rejected_by', 'rejected_at', r -> 'rejected_at');

-- Bookkeeping shared by every township-scoped row: keys never change, the
-- version goes up by one, updated_by/at say who and when. (The one
-- exception: a transfer moves a household's rows to another township,
-- eduaid.transfer_move, 10_scope.sql.)
CREATE OR REPLACE FUNCTION eduaid.row_bookkeeping() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT eduaid.trusted_writer() THEN
            NEW.version := 1;
            NEW.created_by := session_user;
            NEW.created_at := now();
        END IF;
    ELSE
        IF NEW.id <> OLD.id
           OR (NEW.township_id <> OLD.township_id
               AND NOT eduaid.transfer_move(to_jsonb(OLD), to_jsonb(NEW)))
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

-- A member row belongs to its record: a student to its household, a
-- child's year (student_year) and a grant (student_subsidy) to the
-- household's record of that school year (household_year). Changing
-- members changes the record, through the record's own guard, as the same
-- person. After each statement, every record whose members it changed is
-- touched once by a no-op assignment, which bumps its version and adds the
-- person to its editors, or fails (and takes the statement with it) as an
-- edit of the record would. No record (it is being deleted with its
-- members) means nothing to touch. The trigger's argument names the
-- record's table. A transfer (run as eduaid_transferer, 41_transfer.sql)
-- moves the record with its members: its members' moves are no edit of
-- it, and the record itself is moved (and versioned) by its own update.
CREATE OR REPLACE FUNCTION eduaid.member_touch() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF current_user = 'eduaid_transferer' THEN
        RETURN NULL;
    END IF;
    IF TG_ARGV[0] = 'household_year' THEN
        UPDATE eduaid.household_year y SET poverty_status = y.poverty_status
          FROM (SELECT DISTINCT c.township_id, c.household_year_id FROM changed c) AS m
         WHERE y.township_id = m.township_id AND y.id = m.household_year_id;
    ELSE
        UPDATE eduaid.household h SET household_no = h.household_no
          FROM (SELECT DISTINCT c.township_id, c.household_id FROM changed c) AS m
         WHERE h.township_id = m.township_id AND h.id = m.household_id;
    END IF;
    RETURN NULL;
END
$$;

-- Members never move between households, children or years (column
-- grants say so too).
CREATE OR REPLACE FUNCTION eduaid.member_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    o jsonb := to_jsonb(OLD);
    n jsonb := to_jsonb(NEW);
BEGIN
    IF n -> 'household_id' IS DISTINCT FROM o -> 'household_id'
       OR n -> 'household_year_id' IS DISTINCT FROM o -> 'household_year_id'
       OR (TG_TABLE_NAME = 'student_year' AND n -> 'student_id' IS DISTINCT FROM o -> 'student_id')
       OR n -> 'school_year' IS DISTINCT FROM o -> 'school_year' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s %s cannot move to another household or year (成员不能移到别的户或学年)',
                             TG_TABLE_NAME, OLD.id);
    END IF;
    RETURN NEW;
END
$$;

-- A year's rows (household_year, student_year, student_subsidy) are new
-- only while their household is in the row's township: a clerk writes the
-- years of his households, and after a family moves away (a transfer) its
-- past years, left where they were counted, take no new members. A
-- member takes its household and school year from its year record. Run as
-- the writer: another township's household is not found, which reads as
-- one that does not exist (EA080), before any foreign key could say more.
CREATE OR REPLACE FUNCTION eduaid.year_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    hh bigint;
    sy int;
BEGIN
    IF TG_TABLE_NAME <> 'household_year' THEN
        SELECT y.household_id, y.school_year INTO hh, sy
          FROM eduaid.household_year y
         WHERE y.township_id = NEW.township_id AND y.id = NEW.household_year_id;
        NEW.household_id := hh;
        NEW.school_year := sy;
    ELSE
        hh := NEW.household_id;
    END IF;
    IF hh IS NULL
       OR NOT EXISTS (SELECT FROM eduaid.household h
                       WHERE h.township_id = NEW.township_id AND h.id = hh) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA080',
            MESSAGE = format('%s: no such household in your townships (在您负责的乡镇中找不到该户)',
                             TG_TABLE_NAME);
    END IF;
    RETURN NEW;
END
$$;

-- A member who moved to a household of another township (a member's
-- transfer, 033_member_transfers.sql, 41_transfer.sql) leaves its row in
-- the old household as history: read-only and never deleted (its year
-- rows and the new row's link name it); a household's whole move still
-- carries it along (eduaid.transfer_move), and trusted writers may repair
-- it. Refused as EA151.
CREATE OR REPLACE FUNCTION eduaid.member_moved_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF OLD.moved_out_on IS NOT NULL AND NOT eduaid.trusted_writer()
       AND (TG_OP = 'DELETE' OR NOT eduaid.transfer_move(to_jsonb(OLD), to_jsonb(NEW))) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA151',
            MESSAGE = format('member %s has moved out; its row is kept as it was (该成员已迁出，其记录只读)',
                             OLD.id);
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

-- A person is counted once per school year: a child's year row
-- (student_year) is refused when the same person has a row of that school
-- year in another household -- one of the rows a member's transfer linked
-- (moved_from_*, 033_member_transfers.sql: the household it moved from or
-- to, and on; the registry lets no two current households hold one
-- person, so these are the only other rows of that person) -- and a member
-- that moved out takes no row of a school year after the one it moved in.
-- Only rows with a link are looked at (the rest return at once). Runs
-- after year_guard (which set the school year), as the owner: the other
-- household may be another township's, and the answer (EA158) names
-- neither it nor its township.
CREATE OR REPLACE FUNCTION eduaid.member_year_once() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    me eduaid.student;
BEGIN
    SELECT s.* INTO me FROM eduaid.student s
     WHERE s.household_id = NEW.household_id AND s.id = NEW.student_id;
    IF NOT FOUND OR (me.moved_out_on IS NULL AND me.moved_from_id IS NULL) THEN
        RETURN NEW;                -- no transfer: nothing to compare
    END IF;
    IF me.moved_out_on IS NOT NULL
       AND NEW.school_year > eduaid.school_year_of(me.moved_out_on) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA151',
            MESSAGE = format('member %s has moved out; it takes no later school year here (该成员已迁出)',
                             me.id);
    END IF;
    IF EXISTS (
        WITH RECURSIVE back (household_id, id) AS (
            SELECT me.moved_from_household_id, me.moved_from_id
             WHERE me.moved_from_id IS NOT NULL
            UNION
            SELECT s.moved_from_household_id, s.moved_from_id
              FROM back b JOIN eduaid.student s ON s.household_id = b.household_id AND s.id = b.id
             WHERE s.moved_from_id IS NOT NULL),
        fwd (household_id, id, moved_out_on) AS (
            SELECT me.household_id, me.id, me.moved_out_on
            UNION
            SELECT s.household_id, s.id, s.moved_out_on
              FROM fwd f JOIN eduaid.student s
                ON s.moved_from_household_id = f.household_id AND s.moved_from_id = f.id
             WHERE f.moved_out_on IS NOT NULL)
        SELECT FROM eduaid.student_year y
         WHERE y.school_year = NEW.school_year
           AND (y.household_id, y.student_id) IN (SELECT b.household_id, b.id FROM back b
                                                  UNION
                                                  SELECT f.household_id, f.id FROM fwd f
                                                   WHERE f.id <> me.id)) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA158',
            MESSAGE = format('this person is counted in another household in school year %s already (此人本学年已在另一户登记)',
                             NEW.school_year);
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.member_year_once() FROM PUBLIC;

-- A fund application asks for no more than its program's maximum. Raised
-- as a check violation named after the field, like the CHECKs.
CREATE OR REPLACE FUNCTION eduaid.fund_amount_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
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

-- A training enrollment's provider is a school that trains: vocational or
-- a college (035_training_provider.sql). Checked when the provider is set
-- or changed, as a check violation named after the field.
CREATE OR REPLACE FUNCTION eduaid.training_provider_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM eduaid.school s
                    WHERE s.id = NEW.provider_school_id AND s.kind IN ('vocational', 'college')) THEN
        RAISE EXCEPTION USING ERRCODE = 'check_violation',
            CONSTRAINT = 'training_enrollment_provider_school_kind_check',
            TABLE = 'training_enrollment', SCHEMA = 'eduaid',
            MESSAGE = format('school %s does not train: choose a vocational school or a college (培训学校须为职业学校或高校)',
                             NEW.provider_school_id);
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.training_provider_guard() FROM PUBLIC;

------------------------------------------------------------------------
-- The facts a record depends on that live in another row are copied into
-- the record, so reviewers approve what they saw and the register can
-- change without changing an approved record (021_record_facts.sql says
-- which, and why not the others). The copied columns are written by the
-- server only (no INSERT or UPDATE grant; the trigger overwrites whatever
-- a writer puts there):
--   * record_facts(), BEFORE INSERT OR UPDATE of the record: while the
--     record is a draft, rejected, submitted or verified, the copy is taken
--     from the register on every write -- so submitting (a write by
--     transition) takes a fresh copy, and so does reopening; once approved
--     (or in_notice, final) the copy never changes.
--   * teacher_facts_changed(), AFTER UPDATE of a teacher: every record
--     under review (submitted or verified) that copied the changed facts is
--     written again, as the person who changed the teacher. The record's
--     own triggers make that an edit of the record: version up, the changer
--     added to its editors (so four-eyes stops him verifying or approving
--     it), updated_by/at, and an audit row ('update') in its history. It
--     runs as the owner (trusted_writer()), so a clerk's change of a
--     teacher with a submitted application is not refused because clerks
--     may not edit submitted records: the server edits it on his behalf;
--     editors and the audit row still name session_user.
-- Reading the register for the copy locks the teacher row FOR SHARE, so a
-- submit and a change of the teacher cannot cross: whichever commits second
-- sees the other. The two paths take the locks in opposite order, so an
-- officer saving an application at the very moment someone changes its
-- teacher can end in a deadlock: PostgreSQL aborts one of the two (40P01),
-- nothing half-done is kept, and the client reports the error.

-- Taking the copy.
--
-- Runs as the owner (the supervisor, say, may not read a teacher's ID
-- number, yet a write of his must keep the copy whole), but reads only a
-- teacher of a township the person logged in works in (or anything, for a
-- superuser loading or repairing data): the copy of a row that row-level
-- security is about to refuse never holds another township's teacher.
-- The lookup is the record's own foreign key, (township_id, teacher id).
CREATE OR REPLACE FUNCTION eduaid.record_facts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
REVOKE ALL ON FUNCTION eduaid.record_facts() FROM PUBLIC;

-- A change of the register under a record in review is an edit of it.
--
-- The SET is a formality (record_facts() takes the copy again from the
-- register, which this statement sees changed); the WHERE finds the
-- records whose copy is now stale. As the owner, so record_guard() lets
-- the write through in any state a clerk or officer may not edit; the
-- record's triggers add session_user to its editors and write its audit
-- row. Approved, in_notice and final records are not touched.
CREATE OR REPLACE FUNCTION eduaid.teacher_facts_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
REVOKE ALL ON FUNCTION eduaid.teacher_facts_changed() FROM PUBLIC;

------------------------------------------------------------------------
-- issue 15 H1: the pair agreement (kind 'pairing', 047_pairing_workflow.sql)
-- takes its pair's id as its own. A pair has one agreement
-- (pair_agreement_pair_key) and pair ids are unique in the county, so
-- the id names the record as its pair does: the audit files every row of
-- a pair (the agreement's too) under the pair's id (audit_row, kind
-- 'pairing'), and record_history('pairing', id) and last_approved read
-- the agreement's entries there. A draft deleted and written again gets
-- the same id.
CREATE OR REPLACE FUNCTION eduaid.pair_agreement_id() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    NEW.id := NEW.pair_id;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.pair_agreement_id() FROM PUBLIC;
