-- 006_workflow.sql: the workflow draft -> submitted -> verified -> approved
-- (rejected goes back to the author; approved reopens as a draft), its
-- four-eyes rules, and the guards that make it the only way.
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
--
-- Four-eyes: nobody who created, edited or submitted a record verifies it;
-- nobody who created, edited or verified it approves it; rejecting follows
-- the rule of the review step it replaces. "Edited" means any change to the record
-- or its members since creation (the editors column).
SET ROLE eduaid_owner;

CREATE FUNCTION eduaid.record_table(kind text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE kind
    WHEN 'household' THEN 'household'
    WHEN 'training' THEN 'training_enrollment'
    WHEN 'special_ed' THEN 'special_ed_plan'
    WHEN 'teacher_fund' THEN 'teacher_fund_application'
END;

-- The workflow columns of a record row, to compare before and after.
CREATE FUNCTION eduaid.workflow_part(r jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN jsonb_build_object(
    'status', r -> 'status', 'reason', r -> 'reason',
    'submitted_by', r -> 'submitted_by', 'submitted_at', r -> 'submitted_at',
    'verified_by', r -> 'verified_by', 'verified_at', r -> 'verified_at',
    'approved_by', r -> 'approved_by', 'approved_at', r -> 'approved_at',
    'rejected_by', r -> 'rejected_by', 'rejected_at', r -> 'rejected_at');

-- True for the workflow functions (they run as eduaid_owner) and for
-- superusers repairing data by hand.
CREATE FUNCTION eduaid.trusted_writer() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN current_user = 'eduaid_owner'
    OR coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                  WHERE r.rolname = current_user), false);

-- May the person logged in edit the data of a record in this state?
CREATE FUNCTION eduaid.may_edit(status text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN CASE eduaid.my_role()
    WHEN 'clerk' THEN status IN ('draft', 'rejected')
    WHEN 'officer' THEN status IN ('draft', 'rejected', 'submitted')
    WHEN 'supervisor' THEN status = 'verified'
    ELSE false
END;

-- Bookkeeping shared by every township-scoped row: keys never change, the
-- version goes up by one, updated_by/at say who and when.
CREATE FUNCTION eduaid.row_bookkeeping() RETURNS trigger
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
-- approved records are read-only; only never-approved drafts are deleted.
CREATE FUNCTION eduaid.record_guard() RETURNS trigger
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
               ('verified', 'rejected'), ('approved', 'draft')) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA001',
                MESSAGE = format('%s %s: no transition from %s to %s', TG_TABLE_NAME, OLD.id,
                                 OLD.status, NEW.status);
        END IF;
        RETURN NEW;
    END IF;

    IF NOT trusted AND (eduaid.workflow_part(to_jsonb(NEW)) <> eduaid.workflow_part(to_jsonb(OLD))
                        OR NEW.editors <> OLD.editors) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = 'workflow columns change only through the workflow functions (流程字段只能通过审核流程修改)';
    END IF;
    IF OLD.status = 'approved' AND NOT (trusted AND current_user <> 'eduaid_owner') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s %s is approved and read-only; reopen it with a reason to change it (已审批记录只读，需说明理由重新打开)',
                             TG_TABLE_NAME, OLD.id);
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
CREATE FUNCTION eduaid.member_touch() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE eduaid.household h SET household_no = h.household_no
      FROM (SELECT DISTINCT c.township_id, c.household_id FROM changed c) AS m
     WHERE h.township_id = m.township_id AND h.id = m.household_id;
    RETURN NULL;
END
$$;

-- Members never move between households (column grants say so too).
CREATE FUNCTION eduaid.member_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NEW.household_id <> OLD.household_id THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s %s cannot move to another household', TG_TABLE_NAME, OLD.id);
    END IF;
    RETURN NEW;
END
$$;

DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'student', 'student_subsidy',
        'training_enrollment', 'special_ed_plan', 'teacher', 'teacher_fund_application']
    LOOP
        EXECUTE format('CREATE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.%I '
                       'FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping()', tbl);
    END LOOP;
    FOREACH tbl IN ARRAY ARRAY['household', 'training_enrollment', 'special_ed_plan',
        'teacher_fund_application']
    LOOP
        EXECUTE format('CREATE TRIGGER b_record_guard BEFORE INSERT OR UPDATE OR DELETE ON eduaid.%I '
                       'FOR EACH ROW EXECUTE FUNCTION eduaid.record_guard()', tbl);
    END LOOP;
    FOREACH tbl IN ARRAY ARRAY['student', 'student_subsidy'] LOOP
        EXECUTE format('CREATE TRIGGER b_member_guard BEFORE UPDATE ON eduaid.%I '
                       'FOR EACH ROW EXECUTE FUNCTION eduaid.member_guard()', tbl);
        EXECUTE format('CREATE TRIGGER y_member_insert AFTER INSERT ON eduaid.%I '
                       'REFERENCING NEW TABLE AS changed '
                       'FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch()', tbl);
        EXECUTE format('CREATE TRIGGER y_member_update AFTER UPDATE ON eduaid.%I '
                       'REFERENCING NEW TABLE AS changed '
                       'FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch()', tbl);
        EXECUTE format('CREATE TRIGGER y_member_delete AFTER DELETE ON eduaid.%I '
                       'REFERENCING OLD TABLE AS changed '
                       'FOR EACH STATEMENT EXECUTE FUNCTION eduaid.member_touch()', tbl);
    END LOOP;
END
$$;

-- A teacher named in a fund application under review or approved keeps
-- the identity the reviewers saw: name, ID number, sex and birth date.
CREATE FUNCTION eduaid.teacher_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF (NEW.name, NEW.id_number, NEW.sex, NEW.birth_date)
       IS DISTINCT FROM (OLD.name, OLD.id_number, OLD.sex, OLD.birth_date)
       AND NOT eduaid.trusted_writer()
       AND EXISTS (SELECT FROM eduaid.teacher_fund_application a
                    WHERE a.township_id = OLD.township_id AND a.teacher_id = OLD.id
                      AND a.status IN ('submitted', 'verified', 'approved'))
    THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('teacher %s has a fund application under review or approved: name, ID number, sex and birth date are fixed (教师有审核中或已审批的申请，身份信息不可修改)', OLD.id);
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER b_teacher_guard BEFORE UPDATE ON eduaid.teacher
    FOR EACH ROW EXECUTE FUNCTION eduaid.teacher_guard();

-- A fund application asks for no more than its program's maximum. Raised
-- as a check violation named after the field, like the CHECKs.
CREATE FUNCTION eduaid.fund_amount_guard() RETURNS trigger
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
CREATE TRIGGER c_fund_amount_guard BEFORE INSERT OR UPDATE ON eduaid.teacher_fund_application
    FOR EACH ROW EXECUTE FUNCTION eduaid.fund_amount_guard();

-- One transition, checked and applied; the public functions below name it.
CREATE FUNCTION eduaid.transition(action text, kind text, record_id bigint,
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
        roles := '{clerk,officer}'; from_st := '{approved}'; to_st := 'draft';
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

CREATE FUNCTION eduaid.submit(kind text, id bigint, expected_version int DEFAULT NULL)
RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN eduaid.transition('submit', kind, id, NULL, expected_version);

CREATE FUNCTION eduaid.verify(kind text, id bigint, expected_version int DEFAULT NULL)
RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN eduaid.transition('verify', kind, id, NULL, expected_version);

CREATE FUNCTION eduaid.approve(kind text, id bigint, expected_version int DEFAULT NULL)
RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN eduaid.transition('approve', kind, id, NULL, expected_version);

CREATE FUNCTION eduaid.reject(kind text, id bigint, reason text, expected_version int DEFAULT NULL)
RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN eduaid.transition('reject', kind, id, reason, expected_version);

CREATE FUNCTION eduaid.reopen(kind text, id bigint, reason text, expected_version int DEFAULT NULL)
RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
RETURN eduaid.transition('reopen', kind, id, reason, expected_version);

REVOKE ALL ON FUNCTION eduaid.submit(text, bigint, int), eduaid.verify(text, bigint, int),
    eduaid.approve(text, bigint, int), eduaid.reject(text, bigint, text, int),
    eduaid.reopen(text, bigint, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.submit(text, bigint, int), eduaid.verify(text, bigint, int),
    eduaid.approve(text, bigint, int), eduaid.reject(text, bigint, text, int),
    eduaid.reopen(text, bigint, text, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor;
