-- 015_export.sql: the audit log accepts action 'export' (issue 5), the
-- entry every `eduaid export` writes (repeatable/35_export.sql). The
-- constraint is rebuilt from its current list of words, so other
-- migrations that extend it compose with this one in any order.
--
-- (This file also made eduaid.log_export, which 020_locks.sql dropped,
-- and eduaid.record_statuses, now in repeatable/20_workflow.sql.)

------------------------------------------------------------------------
-- The audit log accepts action 'export'.
SET ROLE eduaid_audit_owner;

DO $$
DECLARE
    def   text;
    words text[];
BEGIN
    SELECT pg_catalog.pg_get_constraintdef(c.oid) INTO def
      FROM pg_catalog.pg_constraint c
     WHERE c.conrelid = 'eduaid.audit_log'::regclass
       AND c.conname = 'audit_log_action_check';
    SELECT array_agg(m.w[1] ORDER BY m.n) INTO words
      FROM regexp_matches(def, '''([^'']*)''', 'g') WITH ORDINALITY AS m(w, n);
    IF words IS NULL THEN
        RAISE EXCEPTION 'audit_log_action_check not found or not a list: %', def;
    END IF;
    IF NOT 'export' = ANY (words) THEN
        words := words || 'export'::text;
    END IF;
    EXECUTE format('ALTER TABLE eduaid.audit_log DROP CONSTRAINT audit_log_action_check, '
                   'ADD CONSTRAINT audit_log_action_check CHECK (action IN (%s))',
                   (SELECT string_agg(quote_literal(w), ', ' ORDER BY n)
                      FROM unnest(words) WITH ORDINALITY AS u(w, n)));
END
$$;
