-- sql/repeatable/90_statistics.sql: rules that hold for every column,
-- whichever migration added it (016_index_scope.sql): personal and
-- free-text columns keep no planner statistics. Runs last, on every
-- migrate.
--
-- Under RLS PostgreSQL hides pg_stats rows from the caller, but the
-- planner still uses a column's histogram and most-common values with
-- leakproof operators, and prints its estimates: the row estimate of
-- EXPLAIN SELECT 1 FROM eduaid.student WHERE id_number >= '...' steps at
-- each histogram bound -- a county-wide sample of real ID numbers, names
-- and birth dates -- and a range beyond the histogram makes the planner
-- read the real minimum or maximum from an index. So every personal or
-- free-text column of the township-scoped tables under RLS (names, ID
-- numbers and their masks, birth dates, household numbers, phones,
-- addresses, bank accounts, certificate numbers, audit rows, notes,
-- reasons) gets STATISTICS 0 and its collected statistics are deleted
-- (ANALYZE does not delete them). Estimates on these columns fall back to
-- the planner's defaults, the same for every value. Columns the plans need
-- (township_id, status, ids, times, stages, programs) keep theirs.
--
-- eduaid.private_statistics_off() belongs to the superuser who migrates
-- (it writes pg_statistic) and nobody else may run it.
CREATE OR REPLACE FUNCTION eduaid.private_statistics_off() RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.oid, c.relname, a.attnum, a.attname
          FROM pg_catalog.pg_class c
          JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
                                         AND NOT a.attisdropped
         WHERE n.nspname = 'eduaid' AND c.relkind IN ('r', 'p') AND c.relrowsecurity
           AND EXISTS (SELECT FROM pg_catalog.pg_attribute t
                        WHERE t.attrelid = c.oid AND t.attname = 'township_id'
                          AND NOT t.attisdropped)
           AND a.attname ~ ('(^|_)name$|id_number|birth_date|^household_no$|^phone$|^address$'
                            '|^bank_account|certificate_no|^masked_id$|^canonical$|^record_hash$'
                            '|^objector$|^record_key$|^(old|new)_(row|masked)$|^notes$|^reason$'
                            '|^reason_text$|^content$|^decision_note$|^individual_plan$'
                            '|^assessment$|^needs_survey$|^employment_outcome$|^end_reason$'
                            '|^outcome$|^visitor$|^contact$|^title$'
                            -- school pairing (issue 15): people and free text
                            '|_lead$|_signatory$|^who$|^people$|^inspectors$|^place$'
                            '|^goals$|^what$|^quantity$|^findings$|^bulletin$|^demands$'
                            '|^response$|^report$|^advice$'
                            -- issue 17 H2 (left-behind care): phones, counsellor, notes
                            '|_phone$|_phone_masked$|^counsellor$|^counsel_notes')
           AND a.attname <> 'table_name'
         ORDER BY c.relname, a.attnum
    LOOP
        EXECUTE format('ALTER TABLE eduaid.%I ALTER COLUMN %I SET STATISTICS 0',
                       r.relname, r.attname);
        DELETE FROM pg_catalog.pg_statistic s WHERE s.starelid = r.oid AND s.staattnum = r.attnum;
    END LOOP;
END
$$;
REVOKE ALL ON FUNCTION eduaid.private_statistics_off() FROM PUBLIC;
SELECT eduaid.private_statistics_off();
