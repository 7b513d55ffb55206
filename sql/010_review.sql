-- 010_review.sql: the indexes of the review queue (issue 4,
-- docs/review-contract.md). The queue, its counts, the returned work and a
-- record's history (repeatable/30_review.sql) read each kind in the order
-- of a partial index that holds only that queue.
--
-- The indexes, on each record table (partial: each holds one queue):
--   <table>_submitted_idx   (township_id, submitted_at, id) WHERE submitted:
--                           an officer's queue (one township)
--   <table>_verified_idx    (township_id, verified_at, id) WHERE verified:
--                           a supervisor's queue of one township
--   <table>_verified_at_idx (verified_at, id) WHERE verified: a
--                           supervisor's whole county in order (dropped by
--                           016_index_scope.sql: no index may run across
--                           townships)
-- The first two carry the four-eyes columns (INCLUDE created_by, the
-- reviewer, editors), so that queue_counts() is an index-only scan.
SET ROLE eduaid_owner;

DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['household', 'training_enrollment', 'special_ed_plan',
                               'teacher_fund_application']
    LOOP
        EXECUTE format('CREATE INDEX %I ON eduaid.%I (township_id, submitted_at, id) '
                       'INCLUDE (created_by, submitted_by, editors) WHERE status = %L',
                       tbl || '_submitted_idx', tbl, 'submitted');
        EXECUTE format('CREATE INDEX %I ON eduaid.%I (township_id, verified_at, id) '
                       'INCLUDE (created_by, verified_by, editors) WHERE status = %L',
                       tbl || '_verified_idx', tbl, 'verified');
        EXECUTE format('CREATE INDEX %I ON eduaid.%I (verified_at, id) '
                       'WHERE status = %L', tbl || '_verified_at_idx', tbl, 'verified');
    END LOOP;
END
$$;
