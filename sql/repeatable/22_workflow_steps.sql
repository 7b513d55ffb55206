-- sql/repeatable/22_workflow_steps.sql: the workflow, read from its tables
-- (eduaid.record_status and eduaid.workflow_step, 023_workflow_data.sql).
-- Re-applied on every migrate; this file is the one definition of:
--
--   eduaid.may_edit(status)         may the person logged in edit a record
--                                   in this state (record_status.edit_roles)
--   eduaid.record_guard()           the record tables' BEFORE trigger: status
--                                   moves only along a step, data changes
--                                   only where may_edit() says, locked
--                                   states are read-only, only never-approved
--                                   records in the initial state are deleted
--   eduaid.transition(...)          one step of submit/verify/approve/
--                                   reject/reopen, checked and applied
--   eduaid.audit_row()              the audit trigger: a status change is
--                                   logged under its step's action
--   eduaid.audit_changes(...)       workflow entries leave the workflow
--                                   columns out of "what changed"
--   eduaid.record_statuses(kind)    the states a kind has
--   eduaid.submit/verify/approve/reject/reopen(kind, id, ...)
--                                   the public steps (20_workflow.sql says
--                                   what they return and refuse)
-- The review queue, generated from the same tables: 36_review_queue.sql.
-- (After 20_workflow.sql: record_statuses() names record_table(); before
-- 37_triggers.sql, which names record_guard() and audit_row().)
--
-- These functions were hand-written before 023 (in 006, 007, 010, 013,
-- 015, 016 and 019, before the re-layout); nothing else defines them.
--
-- Behaviour is that of the hand-written functions, word for word in the messages; only
-- the rules now come from rows:
--   * transition(action, ...): the step (action, my role, the record's
--     state, its kind) taken by transition() (not by_notice). No step of
--     that action for my role: EA004; none from this state: EA001; its
--     reason_required: EA003 on a blank reason; its four_eyes: EA002 when
--     I created or edited the record, or am its <four_eyes>_by. The record
--     moves to the step's to_status; that state's stamp says which
--     <stamp>_by/_at columns name me and now (no stamp: the reason given
--     replaces the last one).
--   * record_guard: a status change needs a step (from, to) for the
--     table's kind, whoever writes; a step by_notice is checked against
--     the notice tables (notice_transition_check, 013). A trusted writer
--     (the owner's functions, a superuser) may not insert a record in a
--     state that only notice steps enter, nor in a state its kind does not
--     have.
--   * audit_row: the action of a status change is that of the step from
--     the old to the new state (else of a step into the new state: other
--     audited tables with a status column, account_request, read as they
--     always did); the reason is kept for actions some step requires a
--     reason for.
--   * the review queue: a record waits for an officer or a supervisor when
--     a four-eyes step of that role leaves its state (for its kind); it
--     waits since its state's stamp (<stamp>_at), and the queue leaves out
--     records the four-eyes rule of those steps keeps from me.
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The tables: every role reads them (the client loads them at login;
-- the guards and definer functions of every owner read them as whoever
-- runs them); only their owner and superusers write them, in migrations.
REVOKE ALL ON eduaid.record_status, eduaid.workflow_step FROM PUBLIC;
GRANT SELECT ON eduaid.record_status, eduaid.workflow_step TO PUBLIC;

------------------------------------------------------------------------
-- May the person logged in edit the data of a record in this state?
-- Supervisors never: they approve or return (019_reviewers.sql).
CREATE OR REPLACE FUNCTION eduaid.may_edit(status text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce((SELECT eduaid.my_role() = ANY (s.edit_roles)
                   FROM eduaid.record_status s
                  WHERE s.code = may_edit.status), false);

------------------------------------------------------------------------
-- The record guard: status moves only through the workflow functions and
-- only along a step; data changes only in states the role may edit;
-- locked states are read-only; only never-approved records in the initial
-- state are deleted. The steps into and out of the notice states are
-- checked against the notice tables for every writer, the workflow
-- functions included.
CREATE OR REPLACE FUNCTION eduaid.record_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    trusted boolean := eduaid.trusted_writer();
    me      text := session_user;
    pair    record;
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF NOT trusted
           AND (OLD.approved_at IS NOT NULL
                OR NOT EXISTS (SELECT FROM eduaid.record_status s
                                WHERE s.code = OLD.status AND s.initial)) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = format('%s %s is %s: only drafts that were never approved can be deleted (只能删除从未审批过的草稿)',
                                 TG_TABLE_NAME, OLD.id, OLD.status);
        END IF;
        RETURN OLD;
    END IF;

    IF TG_OP = 'INSERT' THEN
        IF NOT trusted THEN
            IF eduaid.workflow_part(to_jsonb(NEW)) <>
               eduaid.workflow_part(jsonb_build_object('status',
                   (SELECT s.code FROM eduaid.record_status s WHERE s.initial))) THEN
                RAISE EXCEPTION USING ERRCODE = 'EA006',
                    MESSAGE = 'new records start as drafts; use eduaid.submit() (新记录只能是草稿)';
            END IF;
            NEW.editors := ARRAY[me];
        ELSIF EXISTS (SELECT FROM eduaid.workflow_step w
                       WHERE w.to_status = NEW.status AND w.by_notice)
              AND NOT EXISTS (SELECT FROM eduaid.workflow_step w
                               WHERE w.to_status = NEW.status AND NOT w.by_notice) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA012',
                MESSAGE = format('%s records enter %s only through a public notice (记录只能经公示进入此状态)',
                                 TG_TABLE_NAME, NEW.status);
        ELSIF EXISTS (SELECT FROM eduaid.record_status s
                       WHERE s.code = NEW.status AND s.kinds IS NOT NULL
                         AND NOT EXISTS (SELECT FROM unnest(s.kinds) AS k(kind)
                                          WHERE eduaid.record_table(k.kind) = TG_TABLE_NAME)) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation',
                CONSTRAINT = 'record_status_kinds_check', TABLE = TG_TABLE_NAME, SCHEMA = 'eduaid',
                MESSAGE = format('%s records have no state %s (此类记录没有该状态)',
                                 TG_TABLE_NAME, NEW.status);
        END IF;
        RETURN NEW;
    END IF;

    -- A transfer's move to another township (10_scope.sql): no edit of
    -- the record's data, in whatever state; its editors stay as they were.
    IF eduaid.transfer_move(to_jsonb(OLD), to_jsonb(NEW)) THEN
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
        -- the steps from OLD's to NEW's state for this table's kind: is
        -- there one, and is one of them the notice's?
        SELECT count(*) AS steps, bool_or(w.by_notice) AS by_notice INTO pair
          FROM eduaid.workflow_step w
         WHERE w.from_status = OLD.status AND w.to_status = NEW.status
           AND (w.kinds IS NULL
                OR EXISTS (SELECT FROM unnest(w.kinds) AS k(kind)
                            WHERE eduaid.record_table(k.kind) = TG_TABLE_NAME));
        IF pair.steps = 0 THEN
            RAISE EXCEPTION USING ERRCODE = 'EA001',
                MESSAGE = format('%s %s: no transition from %s to %s', TG_TABLE_NAME, OLD.id,
                                 OLD.status, NEW.status);
        END IF;
        IF pair.by_notice THEN
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
    IF EXISTS (SELECT FROM eduaid.record_status s WHERE s.code = OLD.status AND s.locked)
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

------------------------------------------------------------------------
-- The four-eyes rule, stated once (issue 12 item 4): does the rule of a
-- step (its four_eyes stamp, NULL: none) keep person who from taking it on
-- a record (its row as jsonb: created_by, editors, <stamp>_by)? who created
-- or edited the record, or is its <four_eyes>_by. transition() refuses
-- with it (EA002); save_blocks_own_step() foresees with it.
CREATE OR REPLACE FUNCTION eduaid.four_eyes_bars(four_eyes text, rec jsonb, who text)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN four_eyes IS NOT NULL
   AND coalesce(who = rec ->> 'created_by'
                OR coalesce(rec -> 'editors' ? who, false)
                OR who = rec ->> (four_eyes || '_by'), false);

------------------------------------------------------------------------
-- One step, checked and applied; the public functions (submit, verify,
-- approve, reject, reopen: 006_workflow.sql) name it.
CREATE OR REPLACE FUNCTION eduaid.transition(action text, kind text, record_id bigint,
                                  reason text, expected_version int) RETURNS int
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    tbl      text := eduaid.record_table(kind);
    me       text := session_user;
    my_role  text := eduaid.my_role();
    rec      record;
    step     eduaid.workflow_step;
    stamp    text;
    version  int;
BEGIN
    IF tbl IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', kind),
            HINT = 'kind is household, household_year, training, special_ed, teacher_fund or pairing';
    END IF;
    EXECUTE format('SELECT township_id, status, version, created_by, editors, submitted_by, '
                   'verified_by, approved_by, rejected_by '
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

    IF NOT EXISTS (SELECT FROM eduaid.workflow_step w
                    WHERE w.action = transition.action AND w.role = my_role AND NOT w.by_notice
                      AND (w.kinds IS NULL OR transition.kind = ANY (w.kinds))) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot %s records (当前角色无此权限)',
                             coalesce(my_role, 'non-eduaid user'), action);
    END IF;
    SELECT w.* INTO step FROM eduaid.workflow_step w
     WHERE w.action = transition.action AND w.role = my_role AND w.from_status = rec.status
       AND NOT w.by_notice AND (w.kinds IS NULL OR transition.kind = ANY (w.kinds));
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA001',
            MESSAGE = format('cannot %s %s record %s: it is %s (记录当前状态不允许此操作)',
                             action, kind, record_id, rec.status);
    END IF;
    IF step.reason_required AND coalesce(eduaid.is_blank(reason), true) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA003',
            MESSAGE = format('a reason is required to %s (必须填写理由)', action);
    END IF;
    IF eduaid.four_eyes_bars(step.four_eyes, to_jsonb(rec), me) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA002',
            MESSAGE = format('four-eyes rule: you created, edited or verified %s record %s, so you cannot %s it (四眼原则：不能审核本人经手的记录)',
                             kind, record_id, action);
    END IF;

    stamp := (SELECT s.stamp FROM eduaid.record_status s WHERE s.code = step.to_status);
    IF stamp IS NULL THEN
        EXECUTE format('UPDATE eduaid.%I SET status = $1, reason = $2 '
                       'WHERE township_id = $3 AND id = $4 RETURNING version', tbl)
           INTO version USING step.to_status, eduaid.tidy(reason), rec.township_id, record_id;
    ELSE
        EXECUTE format('UPDATE eduaid.%I SET status = $1, reason = coalesce($2, reason), '
                       '%I = $3, %I = now() WHERE township_id = $4 AND id = $5 RETURNING version',
                       tbl, stamp || '_by', stamp || '_at')
           INTO version USING step.to_status, eduaid.tidy(reason), me, rec.township_id, record_id;
    END IF;
    RETURN version;
END
$$;
REVOKE ALL ON FUNCTION eduaid.transition(text, text, bigint, text, int) FROM PUBLIC;

------------------------------------------------------------------------
-- What changed between two versions of an audited row: {"field": [old,
-- new]} with the values as the row holds them in JSON (strings, numbers,
-- booleans; null for SQL NULL); fields whose value did not change are left
-- out, and so are bookkeeping (version, updated_by/at, editors), the
-- generated *_masked columns, and on workflow entries (the actions of the
-- steps) the workflow columns (the entry's action, actor, time and reason
-- say it).
CREATE OR REPLACE FUNCTION eduaid.audit_changes(action text, old_row jsonb, new_row jsonb)
RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce((
    SELECT jsonb_object_agg(k.key, jsonb_build_array(old_row -> k.key, new_row -> k.key)
                            ORDER BY k.key)
      FROM (SELECT jsonb_object_keys(coalesce(old_row, '{}'::jsonb)) AS key
            UNION
            SELECT jsonb_object_keys(coalesce(new_row, '{}'::jsonb))) AS k
     WHERE k.key NOT IN ('version', 'updated_by', 'updated_at', 'editors')
       AND k.key !~ '_masked$'
       AND NOT (audit_changes.action IN (SELECT w.action FROM eduaid.workflow_step w)
                AND k.key IN ('status', 'reason', 'submitted_by', 'submitted_at',
                              'verified_by', 'verified_at', 'approved_by', 'approved_at',
                              'rejected_by', 'rejected_at'))
       AND coalesce(old_row -> k.key, 'null'::jsonb) <> coalesce(new_row -> k.key, 'null'::jsonb)),
    '{}'::jsonb);
REVOKE ALL ON FUNCTION eduaid.audit_changes(text, jsonb, jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.audit_changes(text, jsonb, jsonb)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;

------------------------------------------------------------------------
-- The states a record kind has, sorted; NULL for an unknown kind.
-- Readable by everyone who reads records (the export checks its status
-- filter against it).
CREATE OR REPLACE FUNCTION eduaid.record_statuses(p_kind text) RETURNS text[]
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT array_agg(s.code ORDER BY s.code)
      FROM eduaid.record_status s
     WHERE eduaid.record_table(p_kind) IS NOT NULL
       AND (s.kinds IS NULL OR p_kind = ANY (s.kinds));
END;
COMMENT ON FUNCTION eduaid.record_statuses(text) IS
    'eduaid: the states a record kind has (eduaid.record_status)';
REVOKE ALL ON FUNCTION eduaid.record_statuses(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.record_statuses(text)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor,
       eduaid_exporter;

------------------------------------------------------------------------
-- The audit trigger (the log and its rules: 007_audit.sql). Row changes
-- that touch only bookkeeping (a member's change bumping its household's
-- version) are not news: the member's own row says it. A status change is
-- logged under the action of its step; the notice's lines and objections
-- are filed under the record they are about (so its history shows them),
-- the rows of a pair under their pair (issue 15).
RESET ROLE;
GRANT CREATE ON SCHEMA eduaid TO eduaid_audit_owner;
SET ROLE eduaid_audit_owner;
CREATE OR REPLACE FUNCTION eduaid.audit_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old_j  jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
    new_j  jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
    r      jsonb := coalesce(new_j, old_j);
    noise  constant text[] := ARRAY['version', 'updated_by', 'updated_at', 'editors'];
    action text := lower(TG_OP);
    with_reason boolean := false;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF (old_j - noise) = (new_j - noise) THEN
            RETURN NULL;
        END IF;
        IF old_j ->> 'status' IS DISTINCT FROM new_j ->> 'status' THEN
            SELECT w.action,
                   EXISTS (SELECT FROM eduaid.workflow_step x
                            WHERE x.action = w.action AND x.reason_required)
              INTO action, with_reason
              FROM eduaid.workflow_step w
             WHERE w.to_status = new_j ->> 'status'
             ORDER BY w.from_status = old_j ->> 'status' DESC, w.by_notice, w.action
             LIMIT 1;
        END IF;
    END IF;
    INSERT INTO eduaid.audit_log (kind, table_name, record_id, row_id, record_key,
                                  township_id, action, reason, old_row, new_row)
    VALUES (CASE WHEN TG_TABLE_NAME = 'notice_objection' THEN r ->> 'kind' ELSE TG_ARGV[0] END,
            TG_TABLE_NAME,
            CASE WHEN TG_TABLE_NAME = 'student' THEN r ->> 'household_id'
                 WHEN TG_TABLE_NAME IN ('student_year', 'student_subsidy') THEN r ->> 'household_year_id'
                 WHEN TG_TABLE_NAME = 'notice_objection' THEN r ->> 'record_id'
                 WHEN TG_TABLE_NAME = 'transfer_request' THEN r ->> 'household_id'
                 WHEN TG_ARGV[0] = 'pairing' AND TG_TABLE_NAME <> 'pair' THEN r ->> 'pair_id'
                 -- issue 17 H4: an outcome is filed under its application
                 WHEN TG_TABLE_NAME = 'admission_outcome' THEN r ->> 'admission_id'
                 ELSE r ->> 'id' END::bigint,
            (r ->> 'id')::bigint, r ->> 'login',
            CASE WHEN TG_ARGV[0] NOT IN ('user', 'reference') THEN (r ->> 'township_id')::int END,
            action,
            CASE WHEN with_reason THEN new_j ->> 'reason' END,
            old_j, new_j);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.audit_row() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.audit_row() TO eduaid_owner;
RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_audit_owner;
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The public steps: one transition each (SQL bodies, parsed when made:
-- after transition()).
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

------------------------------------------------------------------------
-- eduaid.save_blocks_own_step(kind, record_id) (issue 12 item 4): the
-- step the person logged in could take on the record now and would lose
-- by saving an edit of it -- a step of his role from the record's state
-- whose four-eyes rule (four_eyes_bars, the rule transition() enforces)
-- lets him take it today and would refuse it once he is among the
-- record's editors. NULL when there is none, when he may not edit the
-- record in its state, and for a record he cannot see (another
-- township's, or no such record: the same answer, so nothing leaks);
-- EA010 for an unknown kind, as the steps themselves. The client asks
-- before saving an existing record and warns (formstep.c).
CREATE OR REPLACE FUNCTION eduaid.save_blocks_own_step(kind text, record_id bigint)
RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    tbl  text := eduaid.record_table(kind);
    me   text := session_user;
    rec  jsonb;
    lost text;
BEGIN
    IF tbl IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', kind);
    END IF;
    EXECUTE format('SELECT jsonb_build_object(''status'', status, ''created_by'', created_by, '
                   '''editors'', to_jsonb(editors), ''submitted_by'', submitted_by, '
                   '''verified_by'', verified_by, ''approved_by'', approved_by, '
                   '''rejected_by'', rejected_by) '
                   'FROM eduaid.%I WHERE id = $1 AND township_id = ANY ($2)', tbl)
       INTO rec USING record_id, eduaid.my_townships();
    IF rec IS NULL OR NOT eduaid.may_edit(rec ->> 'status') THEN
        RETURN NULL;
    END IF;
    SELECT w.action INTO lost
      FROM eduaid.workflow_step w
     WHERE w.role = eduaid.my_role() AND w.from_status = rec ->> 'status'
       AND NOT w.by_notice
       AND (w.kinds IS NULL OR save_blocks_own_step.kind = ANY (w.kinds))
       AND NOT eduaid.four_eyes_bars(w.four_eyes, rec, me)
       AND eduaid.four_eyes_bars(w.four_eyes,
               jsonb_set(rec, '{editors}',
                         coalesce(nullif(rec -> 'editors', 'null'::jsonb), '[]'::jsonb)
                         || to_jsonb(me)), me)
     ORDER BY w.reason_required, w.action -- the step forward first (verify
     LIMIT 1;                             -- before reject)
    RETURN lost;
END
$$;
REVOKE ALL ON FUNCTION eduaid.save_blocks_own_step(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.save_blocks_own_step(text, bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor;

REVOKE ALL ON FUNCTION eduaid.submit(text, bigint, int), eduaid.verify(text, bigint, int),
    eduaid.approve(text, bigint, int), eduaid.reject(text, bigint, text, int),
    eduaid.reopen(text, bigint, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.submit(text, bigint, int), eduaid.verify(text, bigint, int),
    eduaid.approve(text, bigint, int), eduaid.reject(text, bigint, text, int),
    eduaid.reopen(text, bigint, text, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor;
