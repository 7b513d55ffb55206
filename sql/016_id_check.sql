-- 016_id_check.sql: one ID number rule, fast. id_number_valid (002) called
-- id_birth_date and id_check_digit, which the planner cannot inline
-- through a STRICT function: about 140 µs a call, felt on every insert of
-- a household, a member or a roster row. 011 added id_number_ok, the same
-- rule written as one expression (about 4 µs). Now id_number_valid has
-- that body (NULL in, NULL out, as STRICT gave before) and id_number_ok is
-- a name for it, so the CHECK constraints of both keep one rule.
-- tests/db/05_rules.sql checks the two against the ID vectors.
SET ROLE eduaid_owner;

CREATE OR REPLACE FUNCTION eduaid.id_number_valid(n text) RETURNS boolean
LANGUAGE sql STABLE CALLED ON NULL INPUT PARALLEL SAFE
RETURN CASE
    WHEN n IS NULL THEN NULL
    WHEN n !~ '^[1-8][0-9]{16}[0-9X]$' THEN false
    WHEN substr(n, 7, 4)::int < 1900 OR substr(n, 11, 2)::int NOT BETWEEN 1 AND 12
      OR substr(n, 13, 2)::int NOT BETWEEN 1 AND CASE
            WHEN substr(n, 11, 2)::int IN (1, 3, 5, 7, 8, 10, 12) THEN 31
            WHEN substr(n, 11, 2)::int IN (4, 6, 9, 11) THEN 30
            WHEN substr(n, 7, 4)::int % 4 = 0 AND (substr(n, 7, 4)::int % 100 <> 0
                 OR substr(n, 7, 4)::int % 400 = 0) THEN 29
            ELSE 28 END
      THEN false
    ELSE make_date(substr(n, 7, 4)::int, substr(n, 11, 2)::int, substr(n, 13, 2)::int) <= current_date
     AND right(n, 1) = substr('10X98765432',
           (  substr(n, 1, 1)::int * 7 + substr(n, 2, 1)::int * 9
            + substr(n, 3, 1)::int * 10 + substr(n, 4, 1)::int * 5
            + substr(n, 5, 1)::int * 8 + substr(n, 6, 1)::int * 4
            + substr(n, 7, 1)::int * 2 + substr(n, 8, 1)::int * 1
            + substr(n, 9, 1)::int * 6 + substr(n, 10, 1)::int * 3
            + substr(n, 11, 1)::int * 7 + substr(n, 12, 1)::int * 9
            + substr(n, 13, 1)::int * 10 + substr(n, 14, 1)::int * 5
            + substr(n, 15, 1)::int * 8 + substr(n, 16, 1)::int * 4
            + substr(n, 17, 1)::int * 2) % 11 + 1, 1)
END;

CREATE OR REPLACE FUNCTION eduaid.id_number_ok(n text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN eduaid.id_number_valid(n);
