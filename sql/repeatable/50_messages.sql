-- sql/repeatable/50_messages.sql: who may read the error table and the
-- choice lists (sql/024_messages.sql). Every login reads them (the client
-- loads the words at login, src/db/messages.c); nobody but their owner
-- writes them: a new word or choice is a row in a migration.
REVOKE ALL ON eduaid.message FROM PUBLIC;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON eduaid.message
    FROM eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
GRANT SELECT ON eduaid.message
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor,
       eduaid_inspector;

DO $$
DECLARE
    t text;
BEGIN
    FOR t IN
        SELECT c.relname FROM pg_catalog.pg_class c
         WHERE c.relnamespace = 'eduaid'::regnamespace AND c.relkind = 'r'
           AND c.relname LIKE 'choice\_%'
         ORDER BY c.relname
    LOOP
        EXECUTE format('REVOKE ALL ON eduaid.%I FROM PUBLIC', t);
        EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON eduaid.%I '
                       'FROM eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, '
                       'eduaid_auditor', t);
        EXECUTE format('GRANT SELECT ON eduaid.%I TO eduaid_clerk, eduaid_officer, '
                       'eduaid_supervisor, eduaid_admin, eduaid_auditor, eduaid_inspector', t);
    END LOOP;
END
$$;
