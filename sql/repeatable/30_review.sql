-- repeatable/30_review.sql: returned work and a record's history, the
-- database side of docs/review-contract.md (issue 4) beside the review
-- queue (review_queue(), queue_counts(): generated from the workflow
-- tables in 36_review_queue.sql, which uses placement_label and queue_after_id
-- from here).
--
--   eduaid.returned_to_me(limit)  rejected records I created or submitted
--   eduaid.record_history(kind, id)  every audit entry of a record, with the
--                                 fields each one changed
--   eduaid.last_approved(kind, id)   the record's row as last approved
-- (The names they show come from eduaid.user_directory, 10_scope.sql.)
--
-- Every function is SECURITY INVOKER: row-level security and the column
-- grants decide what it finds, exactly as for a query typed into psql.
-- The queue is written for speed under RLS (FIELD-NOTES): an officer's
-- township is looked up once and compared with "=", each kind is read in
-- the order of a partial index that holds only that queue, the four kinds
-- are merged (Merge Append) and cut at the page size, and names come from
-- one small map per call. Paging is by keyset (waiting_since, kind, id),
-- never OFFSET. Measured in tests/bench/queue.sh (README, "Speed").
--
-- The indexes, on each record table (partial: each holds one queue;
-- 010_review.sql):
--   <table>_submitted_idx   (township_id, submitted_at, id) WHERE submitted:
--                           an officer's queue (one township)
--   <table>_verified_idx    (township_id, verified_at, id) WHERE verified:
--                           a supervisor's queue, township by township
-- Both carry the four-eyes columns (INCLUDE created_by, the reviewer,
-- editors), so that queue_counts() is an index-only scan.
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- Small pure helpers.

-- The placement of a special-education plan, as the summary line says it.
CREATE OR REPLACE FUNCTION eduaid.placement_label(placement text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE placement
    WHEN 'special_school' THEN '特殊教育学校'
    WHEN 'regular_class' THEN '随班就读'
    WHEN 'special_class' THEN '特教班'
    WHEN 'home_delivery' THEN '送教上门'
    ELSE placement
END;

-- Keyset paging over (waiting_since, kind, id): the id after which the
-- rows of this_kind continue when the previous page ended at (since,
-- after_kind, after_id). Rows of this kind at that very time come after
-- it when this kind sorts after after_kind (all of them: the smallest
-- bigint), before it when it sorts before (none: the largest), and by id
-- when it is the same kind. Each kind's scan then starts at
-- (waiting_since, id) > (since, that id): one index range. Kinds compare
-- in "C" order, as review_queue sorts them.
CREATE OR REPLACE FUNCTION eduaid.queue_after_id(this_kind text, after_kind text, after_id bigint)
RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN after_kind IS NULL OR this_kind COLLATE "C" > after_kind COLLATE "C"
        THEN -9223372036854775808
    WHEN this_kind = after_kind THEN coalesce(after_id, -9223372036854775808)
    ELSE 9223372036854775807
END;

REVOKE ALL ON FUNCTION eduaid.placement_label(text), eduaid.queue_after_id(text, text, bigint)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.placement_label(text), eduaid.queue_after_id(text, text, bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;

------------------------------------------------------------------------
-- A clerk's (or officer's) returned work: the rejected records the caller
-- created or submitted, with the reason and who returned them, newest
-- rejection first (ties by kind, id). RLS keeps it to my townships.
CREATE OR REPLACE FUNCTION eduaid.returned_to_me(p_limit int DEFAULT 200)
RETURNS TABLE (kind text, id bigint, version int, township text, summary text,
               reason text, rejected_by text, rejected_by_name text, rejected_at timestamptz)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_me    constant text := session_user;
    v_limit constant int := least(greatest(coalesce(p_limit, 200), 0), 1000);
    v_names jsonb;
BEGIN
    IF v_limit = 0 THEN
        RETURN;
    END IF;
    v_names := (SELECT jsonb_object_agg(d.login, d.full_name) FROM eduaid.user_directory d);
    RETURN QUERY
    SELECT p.kind, p.id, p.version, tw.name, p.summary, p.reason, p.rejected_by,
           coalesce(v_names ->> p.rejected_by, ''), p.rejected_at
      FROM (SELECT u.*
              FROM ((SELECT 'household'::text AS kind, x.id, x.version, x.township_id,
                            concat_ws(' ', x.household_no, x.head_name) AS summary,
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.household x
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'household_year', x.id, x.version, x.township_id,
                            concat_ws(' ', h.household_no, h.head_name, x.school_year),
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.household_year x
                       LEFT JOIN eduaid.household h ON h.id = x.household_id
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'training', x.id, x.version, x.township_id,
                            concat_ws(' ', x.trainee_name, c.name), x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.training_enrollment x
                       LEFT JOIN eduaid.training_course c ON c.id = x.course_id
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'special_ed', x.id, x.version, x.township_id,
                            concat_ws(' ', x.child_name, eduaid.placement_label(x.placement)),
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.special_ed_plan x
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    (SELECT 'teacher_fund', x.id, x.version, x.township_id,
                            concat_ws(' ', te.name, fp.name, x.amount_requested),
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.teacher_fund_application x
                       LEFT JOIN eduaid.teacher te ON te.township_id = x.township_id AND te.id = x.teacher_id
                       LEFT JOIN eduaid.fund_program fp ON fp.id = x.program_id
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    -- issue 15 H1: the pair agreement, in its home
                    -- township (the other sides of a pair read it too)
                    (SELECT 'pairing', x.id, x.version, x.township_id,
                            concat_ws(' ', pr.title, x.signed_on), x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.pair_agreement x
                       LEFT JOIN eduaid.pair pr ON pr.township_id = x.township_id AND pr.id = x.pair_id
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                        AND x.township_id = ANY ((SELECT eduaid.my_townships())::int[])
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)
                    UNION ALL
                    -- issue 17 H4: 定向招生 applications (061_admission.sql)
                    (SELECT 'admission', x.id, x.version, x.township_id,
                            concat_ws(' ', st.name, eduaid.admission_plan_label(x.plan), x.exam_year),
                            x.reason, x.rejected_by, x.rejected_at
                       FROM eduaid.admission x
                       LEFT JOIN eduaid.student st ON st.township_id = x.township_id AND st.id = x.student_id
                      WHERE x.status = 'rejected' AND (x.created_by = v_me OR x.submitted_by = v_me)
                      ORDER BY x.rejected_at DESC, x.id LIMIT v_limit)) AS u
             ORDER BY u.rejected_at DESC, u.kind COLLATE "C", u.id
             LIMIT v_limit) AS p
      JOIN eduaid.township tw ON tw.id = p.township_id
     ORDER BY p.rejected_at DESC, p.kind COLLATE "C", p.id;
END
$$;
COMMENT ON FUNCTION eduaid.returned_to_me(int) IS
    'eduaid: rejected records I created or submitted, newest rejection first (docs/review-contract.md)';

------------------------------------------------------------------------
-- A record's history: every audit entry of the record and, for a
-- household, of its members (student, student_subsidy), oldest first,
-- with the fields each entry changed (eduaid.audit_changes). Who may not
-- read full personal data (supervisors: no SELECT on audit_log.new_row)
-- gets the masked rows; the audit log's RLS keeps it to my townships, so
-- a record I cannot see has no history. Deleted records keep theirs.
CREATE OR REPLACE FUNCTION eduaid.record_history(p_kind text, p_id bigint)
RETURNS TABLE (at timestamptz, actor text, actor_name text, action text, reason text,
               table_name text, row_id bigint, changes jsonb)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_names jsonb;
BEGIN
    IF eduaid.record_table(p_kind) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, household_year, training, special_ed, teacher_fund or pairing';
    END IF;
    v_names := (SELECT jsonb_object_agg(d.login, d.full_name) FROM eduaid.user_directory d);
    -- The township list makes the lookup one probe of audit_log_record_idx
    -- per township (auditors' policy alone would not narrow it).
    IF has_column_privilege('eduaid.audit_log', 'new_row', 'SELECT') THEN
        RETURN QUERY
        SELECT a.at, a.actor, coalesce(v_names ->> a.actor, ''), a.action, a.reason,
               a.table_name, a.row_id, eduaid.audit_changes(a.action, a.old_row, a.new_row)
          FROM eduaid.audit_log a
         WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
           AND a.kind = p_kind AND a.record_id = p_id
         ORDER BY a.at, a.id;
    ELSE
        RETURN QUERY
        SELECT a.at, a.actor, coalesce(v_names ->> a.actor, ''), a.action, a.reason,
               a.table_name, a.row_id, eduaid.audit_changes(a.action, a.old_masked, a.new_masked)
          FROM eduaid.audit_log a
         WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
           AND a.kind = p_kind AND a.record_id = p_id
         ORDER BY a.at, a.id;
    END IF;
END
$$;
COMMENT ON FUNCTION eduaid.record_history(text, bigint) IS
    'eduaid: every audit entry of a record and its members, with the fields changed (docs/review-contract.md)';

-- The record's row as it was when last approved (the new row of its last
-- approve entry), masked for those who read masked rows; NULL when it was
-- never approved or I cannot see it.
CREATE OR REPLACE FUNCTION eduaid.last_approved(p_kind text, p_id bigint) RETURNS jsonb
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_table constant text := eduaid.record_table(p_kind);
BEGIN
    IF v_table IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('unknown record kind "%s" (未知记录类型)', p_kind),
            HINT = 'kind is household, household_year, training, special_ed, teacher_fund or pairing';
    END IF;
    IF has_column_privilege('eduaid.audit_log', 'new_row', 'SELECT') THEN
        RETURN (SELECT a.new_row FROM eduaid.audit_log a
                 WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
                   AND a.kind = p_kind AND a.record_id = p_id
                   AND a.table_name = v_table AND a.action = 'approve'
                 ORDER BY a.id DESC LIMIT 1);
    END IF;
    RETURN (SELECT a.new_masked FROM eduaid.audit_log a
             WHERE a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
               AND a.kind = p_kind AND a.record_id = p_id
               AND a.table_name = v_table AND a.action = 'approve'
             ORDER BY a.id DESC LIMIT 1);
END
$$;
COMMENT ON FUNCTION eduaid.last_approved(text, bigint) IS
    'eduaid: a record''s row as last approved, or NULL (docs/review-contract.md)';

REVOKE ALL ON FUNCTION eduaid.returned_to_me(int), eduaid.record_history(text, bigint),
    eduaid.last_approved(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.returned_to_me(int) TO eduaid_clerk, eduaid_officer;
GRANT EXECUTE ON FUNCTION eduaid.record_history(text, bigint), eduaid.last_approved(text, bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
