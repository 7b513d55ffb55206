-- 009_person_ids.sql: a person's ID number identifies them across the
-- county. Registering one that is already held -- by a member of another
-- household, or in a township the clerk cannot see -- is refused with
-- EA008 and a message naming only the township that holds it, so the clerk
-- can call that office; no other field of the hidden row leaks. The error
-- names the table and column (TABLE, COLUMN fields) and carries the
-- township alone as its DETAIL, for the client to word in its language.
--
-- The unique constraints stay as the last word (two clerks racing both
-- pass this check; one then gets the unique violation).
SET ROLE eduaid_owner;

CREATE FUNCTION eduaid.person_id_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    col      constant text := TG_ARGV[0];
    idn      text := to_jsonb(NEW) ->> col;
    township text;
BEGIN
    IF TG_OP = 'UPDATE' AND idn IS NOT DISTINCT FROM to_jsonb(OLD) ->> col THEN
        RETURN NEW;
    END IF;
    EXECUTE format('SELECT t.name FROM eduaid.%I x JOIN eduaid.township t ON t.id = x.township_id '
                   'WHERE x.%I = $1 AND x.id IS DISTINCT FROM $2 LIMIT 1', TG_TABLE_NAME, col)
       INTO township USING idn, NEW.id;
    IF township IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA008',
            MESSAGE = format('this ID number is already registered in %s; contact that township (该身份证号已在%s登记，请与该乡镇联系)',
                             township, township),
            DETAIL = township,
            TABLE = TG_TABLE_NAME, COLUMN = col, SCHEMA = 'eduaid';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.person_id_guard() FROM PUBLIC;

CREATE TRIGGER d_person_id_guard BEFORE INSERT OR UPDATE OF head_id_number ON eduaid.household
    FOR EACH ROW EXECUTE FUNCTION eduaid.person_id_guard('head_id_number');
CREATE TRIGGER d_person_id_guard BEFORE INSERT OR UPDATE OF id_number ON eduaid.student
    FOR EACH ROW EXECUTE FUNCTION eduaid.person_id_guard('id_number');
CREATE TRIGGER d_person_id_guard BEFORE INSERT OR UPDATE OF id_number ON eduaid.teacher
    FOR EACH ROW EXECUTE FUNCTION eduaid.person_id_guard('id_number');
