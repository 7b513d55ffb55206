-- repeatable/26_registry.sql: the functions of the county-wide registry
-- of people and household numbers (017_registry.sql has the table and says
-- why it exists). eduaid.registry belongs to eduaid_registry_owner, with no
-- grant to anyone: only the definer trigger function registry_sync()
-- (owned by that role; its triggers: 37_triggers.sql) reads or writes it.
-- One row per (kind, key):
--   person        an ID number of a household's people -- the head
--                 (household.head_id_number), a member (student.id_number),
--                 a trainee (training_enrollment.trainee_id_number), a
--                 child with a plan (special_ed_plan.child_id_number) -- and
--                 the household and township that hold it; refs counts the
--                 rows naming it. A person may be named by any number of
--                 rows of their own household, never by a row of another
--                 household or township.
--   household_no  a household number and the household that holds it.
--   teacher       a teacher's ID number and the teacher row.
--   plan          a child's ID number and their active plan (ended_on IS
--                 NULL); ending the plan frees it.
-- holder is the household id for persons and the row id for the others.
--
-- AFTER ROW triggers keep it: they run after the row passed row-level
-- security's WITH CHECK and the CHECK constraints, so an insert into a
-- township the caller cannot write is refused as 42501 before the registry
-- is consulted, and an invalid ID number never reaches it. A row is taken
-- with INSERT ... ON CONFLICT (kind, key) DO UPDATE ... WHERE same
-- township and holder: two sessions taking the same key queue on the
-- primary key, and the second sees the first's committed row and is
-- refused (or, if the first rolled back, takes the key itself). A refusal
-- is EA008 naming the holder's township only, with TABLE and COLUMN for
-- the client's field mapping and the township as DETAIL; a second active
-- plan is refused the same way and says nothing of a plan.
--
-- A person's references are matched by their holder (the household, whose
-- id is unique county-wide), not by township: when a household moves to
-- another township (a transfer, 41_transfer.sql) its rows move one
-- statement at a time, and a person named twice in it (the head who is
-- also a member) is taken in the new township while still held in the
-- old; the row follows the last township it was taken in. A reference
-- from another household is refused as before.
--
-- Data loaded with triggers off (session_replication_role = replica: the
-- benchmarks in tests/bench) is registered with eduaid.registry_rebuild()
-- (superuser), which refuses data that breaks the rules with EA050. A
-- registry found out of step with the records (a reference to release
-- that it does not hold) is EA051: run eduaid.registry_rebuild().
RESET ROLE;
GRANT CREATE ON SCHEMA eduaid TO eduaid_registry_owner;
SET ROLE eduaid_registry_owner;

CREATE OR REPLACE FUNCTION eduaid.registry_row_refs(p_table text, r anyelement)
RETURNS eduaid.registry_ref[]
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    CASE p_table
    WHEN 'household' THEN
        RETURN ARRAY[ROW('person', r.head_id_number, r.township_id, r.id, 'head_id_number'),
                     ROW('household_no', r.household_no, r.township_id, r.id, 'household_no')
                    ]::eduaid.registry_ref[];
    WHEN 'student' THEN
        -- a member that moved to another household (033_member_transfers.sql)
        -- is history there: the person is held where it lives now
        IF r.moved_out_on IS NOT NULL THEN
            RETURN '{}'::eduaid.registry_ref[];
        END IF;
        RETURN ARRAY[ROW('person', r.id_number, r.township_id, r.household_id, 'id_number')
                    ]::eduaid.registry_ref[];
    WHEN 'training_enrollment' THEN
        RETURN ARRAY[ROW('person', r.trainee_id_number, r.township_id, r.household_id,
                         'trainee_id_number')]::eduaid.registry_ref[];
    WHEN 'special_ed_plan' THEN
        IF r.ended_on IS NULL THEN
            RETURN ARRAY[ROW('person', r.child_id_number, r.township_id, r.household_id,
                             'child_id_number'),
                         ROW('plan', r.child_id_number, r.township_id, r.id, 'child_id_number')
                        ]::eduaid.registry_ref[];
        END IF;
        RETURN ARRAY[ROW('person', r.child_id_number, r.township_id, r.household_id,
                         'child_id_number')]::eduaid.registry_ref[];
    WHEN 'teacher' THEN
        RETURN ARRAY[ROW('teacher', r.id_number, r.township_id, r.id, 'id_number')
                    ]::eduaid.registry_ref[];
    END CASE;
END
$$;

-- Take one reference, or refuse with EA008 naming the holder's township.
CREATE OR REPLACE FUNCTION eduaid.registry_take(p_kind text, p_key text, p_township int, p_holder bigint,
                                     p_table text, p_col text)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    taken    boolean;
    township text;
BEGIN
    INSERT INTO eduaid.registry AS g (kind, key, township_id, holder, refs)
    VALUES (p_kind, p_key, p_township, p_holder, 1)
    ON CONFLICT (kind, key) DO UPDATE SET refs = g.refs + 1, township_id = EXCLUDED.township_id
     WHERE g.kind = 'person' AND g.holder = EXCLUDED.holder
    RETURNING true INTO taken;
    IF taken THEN
        RETURN;
    END IF;
    -- The conflicting row is locked by the ON CONFLICT: it is still there.
    SELECT t.name INTO township
      FROM eduaid.registry g JOIN eduaid.township t ON t.id = g.township_id
     WHERE g.kind = p_kind AND g.key = p_key;
    -- The refusal rolls back with the statement and leaves no audit row;
    -- the server log keeps who was refused where (never the number), so
    -- a clerk probing ID numbers shows there. (A session that sets
    -- client_min_messages = log reads this line too: it says no more than
    -- the error.)
    RAISE LOG 'eduaid registry: % refused on %.% (held in %)',
        session_user, p_table, p_col, township;
    IF p_kind = 'household_no' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA008',
            MESSAGE = format('this household number is already registered in %s; contact that township (该户编号已在%s登记，请与该乡镇联系)',
                             township, township),
            DETAIL = township, TABLE = p_table, COLUMN = p_col, SCHEMA = 'eduaid';
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'EA008',
        MESSAGE = format('this ID number is already registered in %s; contact that township (该身份证号已在%s登记，请与该乡镇联系)',
                         township, township),
        DETAIL = township, TABLE = p_table, COLUMN = p_col, SCHEMA = 'eduaid';
END
$$;

-- Release one reference; the last one frees the key.
CREATE OR REPLACE FUNCTION eduaid.registry_release(p_kind text, p_key text, p_township int, p_holder bigint)
RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    left_refs int;
BEGIN
    UPDATE eduaid.registry g SET refs = g.refs - 1
     WHERE g.kind = p_kind AND g.key = p_key
       AND g.holder = p_holder AND g.refs > 1
    RETURNING g.refs INTO left_refs;
    IF FOUND THEN
        RETURN;
    END IF;
    DELETE FROM eduaid.registry g
     WHERE g.kind = p_kind AND g.key = p_key
       AND g.holder = p_holder;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA051',
            MESSAGE = 'the person registry is out of step with the records; an administrator runs eduaid.registry_rebuild() (人员登记表与记录不一致，请管理员重建)';
    END IF;
END
$$;

-- The AFTER ROW trigger of the five registered tables: release what the
-- old row named and the new row does not, then take what the new row names
-- and the old did not.
CREATE OR REPLACE FUNCTION eduaid.registry_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    o eduaid.registry_ref[] := '{}';
    n eduaid.registry_ref[] := '{}';
    x eduaid.registry_ref;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        o := eduaid.registry_row_refs(TG_TABLE_NAME, OLD);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        n := eduaid.registry_row_refs(TG_TABLE_NAME, NEW);
    END IF;
    FOREACH x IN ARRAY o LOOP
        IF NOT x = ANY (n) THEN
            PERFORM eduaid.registry_release(x.kind, x.key, x.township_id, x.holder);
        END IF;
    END LOOP;
    FOREACH x IN ARRAY n LOOP
        IF NOT x = ANY (o) THEN
            PERFORM eduaid.registry_take(x.kind, x.key, x.township_id, x.holder, TG_TABLE_NAME, x.col);
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- Register everything again from the records (after a load with triggers
-- off); returns the registry's rows. Superuser (or the registry owner).
-- Data that breaks the rules is refused with EA050, naming the kind and
-- the rows (never the ID number: this goes to the server log).
CREATE OR REPLACE FUNCTION eduaid.registry_rebuild() RETURNS bigint
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    bad  record;
    rows bigint;
BEGIN
    LOCK TABLE eduaid.household, eduaid.student, eduaid.training_enrollment,
               eduaid.special_ed_plan, eduaid.teacher IN SHARE MODE;
    LOCK TABLE eduaid.registry IN ACCESS EXCLUSIVE MODE;
    CREATE TEMPORARY TABLE registry_src ON COMMIT DROP AS
    SELECT 'person'::text AS kind, h.head_id_number AS key, h.township_id, h.id AS holder
      FROM eduaid.household h
    UNION ALL
    SELECT 'household_no', h.household_no, h.township_id, h.id FROM eduaid.household h
    UNION ALL
    SELECT 'person', s.id_number, s.township_id, s.household_id FROM eduaid.student s
     WHERE s.moved_out_on IS NULL
    UNION ALL
    SELECT 'person', e.trainee_id_number, e.township_id, e.household_id
      FROM eduaid.training_enrollment e
    UNION ALL
    SELECT 'person', p.child_id_number, p.township_id, p.household_id FROM eduaid.special_ed_plan p
    UNION ALL
    SELECT 'plan', p.child_id_number, p.township_id, p.id FROM eduaid.special_ed_plan p
     WHERE p.ended_on IS NULL
    UNION ALL
    SELECT 'teacher', t.id_number, t.township_id, t.id FROM eduaid.teacher t;

    SELECT s.kind, count(*) OVER () AS n,
           array_agg(DISTINCT format('township %s holder %s', s.township_id, s.holder)) AS holders
      INTO bad
      FROM pg_temp.registry_src s
     GROUP BY s.kind, s.key
    HAVING count(DISTINCT (s.township_id, s.holder)) > 1
        OR (s.kind <> 'person' AND count(*) > 1)
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA050',
            MESSAGE = format('%s key(s) are held twice; first: a %s key held by %s (有重复登记的身份证号或户编号)',
                             bad.n, bad.kind, array_to_string(bad.holders, ', '));
    END IF;

    DELETE FROM eduaid.registry;
    INSERT INTO eduaid.registry (kind, key, township_id, holder, refs)
    SELECT s.kind, s.key, min(s.township_id), min(s.holder), count(*)
      FROM pg_temp.registry_src s GROUP BY s.kind, s.key;
    GET DIAGNOSTICS rows = ROW_COUNT;
    DROP TABLE pg_temp.registry_src;
    RETURN rows;
END
$$;

REVOKE ALL ON FUNCTION eduaid.registry_row_refs(text, anyelement),
    eduaid.registry_take(text, text, int, bigint, text, text),
    eduaid.registry_release(text, text, int, bigint),
    eduaid.registry_sync(), eduaid.registry_rebuild() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.registry_sync() TO eduaid_owner;

RESET ROLE;
REVOKE CREATE ON SCHEMA eduaid FROM eduaid_registry_owner;
