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
-- kind is 'household', 'training', 'special_ed' or 'teacher_fund'. Each
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
-- guards, the cap of a fund application, the status words of a kind, and
-- the facts a record copies from the teacher register (021_record_facts.sql).
-- The triggers that run these functions: 37_triggers.sql.
SET ROLE eduaid_owner;

-- The table of a record kind, or NULL for an unknown kind.
CREATE OR REPLACE FUNCTION eduaid.record_table(kind text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE kind
    WHEN 'household' THEN 'household'
    WHEN 'training' THEN 'training_enrollment'
    WHEN 'special_ed' THEN 'special_ed_plan'
    WHEN 'teacher_fund' THEN 'teacher_fund_application'
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

-- May the person logged in edit the data of a record in this state?
-- Supervisors never: they approve or return (019_reviewers.sql).
CREATE OR REPLACE FUNCTION eduaid.may_edit(status text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE eduaid.my_role()
    WHEN 'clerk' THEN status IN ('draft', 'rejected')
    WHEN 'officer' THEN status IN ('draft', 'rejected', 'submitted')
    ELSE false
END;

-- Bookkeeping shared by every township-scoped row: keys never change, the
-- version goes up by one, updated_by/at say who and when.
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

-- The record guard: status moves only through the workflow functions and
-- only along the graph; data changes only in states the role may edit;
-- approved records (and those on notice or final) are read-only; only
-- never-approved drafts are deleted. The transitions into and out of the
-- notice states are checked against the notice tables for every writer,
-- the workflow functions included (notice_transition_check, 33_notice.sql).
CREATE OR REPLACE FUNCTION eduaid.record_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
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

-- A member row (student, student_subsidy) belongs to its household's
-- record: changing members changes the household, through the household's
-- own guard, as the same person. After each statement, every household
-- whose members it changed is touched once by a no-op assignment, which
-- bumps its version and adds the person to its editors, or fails (and
-- takes the statement with it) as an edit of the household would. No
-- household (it is being deleted with its members) means nothing to touch.
CREATE OR REPLACE FUNCTION eduaid.member_touch() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE eduaid.household h SET household_no = h.household_no
      FROM (SELECT DISTINCT c.township_id, c.household_id FROM changed c) AS m
     WHERE h.township_id = m.township_id AND h.id = m.household_id;
    RETURN NULL;
END
$$;

-- Members never move between households (column grants say so too).
CREATE OR REPLACE FUNCTION eduaid.member_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NEW.household_id <> OLD.household_id THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s %s cannot move to another household', TG_TABLE_NAME, OLD.id);
    END IF;
    RETURN NEW;
END
$$;

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

-- One transition, checked and applied; the public functions below name it.
-- reopen takes final records as it takes approved ones.
CREATE OR REPLACE FUNCTION eduaid.transition(action text, kind text, record_id bigint,
                                  reason text, expected_version int) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
$$;
REVOKE ALL ON FUNCTION eduaid.transition(text, text, bigint, text, int) FROM PUBLIC;

CREATE OR REPLACE FUNCTION eduaid.submit(kind text, id bigint, expected_version int DEFAULT NULL)
RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN eduaid.transition('submit', kind, id, NULL, expected_version);

CREATE OR REPLACE FUNCTION eduaid.verify(kind text, id bigint, expected_version int DEFAULT NULL)
RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN eduaid.transition('verify', kind, id, NULL, expected_version);

CREATE OR REPLACE FUNCTION eduaid.approve(kind text, id bigint, expected_version int DEFAULT NULL)
RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN eduaid.transition('approve', kind, id, NULL, expected_version);

CREATE OR REPLACE FUNCTION eduaid.reject(kind text, id bigint, reason text, expected_version int DEFAULT NULL)
RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN eduaid.transition('reject', kind, id, reason, expected_version);

CREATE OR REPLACE FUNCTION eduaid.reopen(kind text, id bigint, reason text, expected_version int DEFAULT NULL)
RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN eduaid.transition('reopen', kind, id, reason, expected_version);

REVOKE ALL ON FUNCTION eduaid.submit(text, bigint, int), eduaid.verify(text, bigint, int),
    eduaid.approve(text, bigint, int), eduaid.reject(text, bigint, text, int),
    eduaid.reopen(text, bigint, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.submit(text, bigint, int), eduaid.verify(text, bigint, int),
    eduaid.approve(text, bigint, int), eduaid.reject(text, bigint, text, int),
    eduaid.reopen(text, bigint, text, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor;

-- The status words the table of kind accepts: the quoted words of the
-- CHECK constraints on its status column alone (record_status_check, and
-- whatever later migrations put in its place), sorted. NULL for an unknown
-- kind. What `eduaid export --status` may name (35_export.sql). Readable
-- by everyone who reads records; the catalog is public anyway.
CREATE OR REPLACE FUNCTION eduaid.record_statuses(p_kind text) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT array_agg(DISTINCT m.w[1])
      FROM pg_catalog.pg_constraint c
      JOIN pg_catalog.pg_attribute a
        ON a.attrelid = c.conrelid AND a.attname = 'status'
      CROSS JOIN LATERAL regexp_matches(pg_catalog.pg_get_constraintdef(c.oid),
                                        '''([^'']*)''', 'g') AS m(w)
     WHERE c.conrelid = ('eduaid.' || eduaid.record_table(p_kind))::regclass
       AND c.contype = 'c'
       AND c.conkey = ARRAY[a.attnum];
END;
COMMENT ON FUNCTION eduaid.record_statuses(text) IS
    'eduaid: the status words a record kind''s table accepts (from its CHECK constraint)';
REVOKE ALL ON FUNCTION eduaid.record_statuses(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.record_statuses(text)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor,
       eduaid_exporter;

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
