-- repeatable/00_rules.sql: pure functions behind the data rules -- the
-- resident ID number of GB 11643-1999 (check digit, birth date, sex), the
-- masks that list views and less trusted roles see instead of personal
-- data, school age (blank text, money, phones and the school year:
-- 01_shared_rules.sql). The tables call them in CHECK
-- constraints, generated columns and index expressions, so this file is
-- in the part of repeatable/ that sql/migrate.sh runs BEFORE pending
-- migrations (00..09): it references no table, and grants to the group
-- roles only once they exist (on an empty database they come with 001).
--
-- src/core/idnumber.c implements the same rules for the client's instant
-- feedback; tests/data/id_vectors.csv keeps the two in agreement.
SET ROLE eduaid_owner;

-- Days in month m of year y, Gregorian.
CREATE OR REPLACE FUNCTION eduaid.days_in_month(y int, m int) RETURNS int
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN m IN (1, 3, 5, 7, 8, 10, 12) THEN 31
    WHEN m IN (4, 6, 9, 11) THEN 30
    WHEN m = 2 AND (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0)) THEN 29
    WHEN m = 2 THEN 28
END;

-- ISO 7064 MOD 11-2 check character of the first 17 digits; NULL unless
-- given exactly 17 digits.
CREATE OR REPLACE FUNCTION eduaid.id_check_digit(first17 text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN first17 ~ '^[0-9]{17}$' THEN
    substr('10X98765432',
           (  substr(first17, 1, 1)::int * 7 + substr(first17, 2, 1)::int * 9
            + substr(first17, 3, 1)::int * 10 + substr(first17, 4, 1)::int * 5
            + substr(first17, 5, 1)::int * 8 + substr(first17, 6, 1)::int * 4
            + substr(first17, 7, 1)::int * 2 + substr(first17, 8, 1)::int * 1
            + substr(first17, 9, 1)::int * 6 + substr(first17, 10, 1)::int * 3
            + substr(first17, 11, 1)::int * 7 + substr(first17, 12, 1)::int * 9
            + substr(first17, 13, 1)::int * 10 + substr(first17, 14, 1)::int * 5
            + substr(first17, 15, 1)::int * 8 + substr(first17, 16, 1)::int * 4
            + substr(first17, 17, 1)::int * 2) % 11 + 1,
           1)
END;

-- Birth date encoded in an ID number, or NULL when it is not a real date.
CREATE OR REPLACE FUNCTION eduaid.id_birth_date(n text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN n ~ '^[0-9]{14}'
     AND substr(n, 7, 4)::int >= 1900
     AND substr(n, 11, 2)::int BETWEEN 1 AND 12
     AND substr(n, 13, 2)::int BETWEEN 1 AND
         eduaid.days_in_month(substr(n, 7, 4)::int, substr(n, 11, 2)::int)
    THEN make_date(substr(n, 7, 4)::int, substr(n, 11, 2)::int,
                   substr(n, 13, 2)::int)
END;

-- Sex encoded by the 17th digit: odd is 'M', even is 'F'.
CREATE OR REPLACE FUNCTION eduaid.id_sex(n text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN substr(n, 17, 1) ~ '^[0-9]$' THEN
    CASE WHEN substr(n, 17, 1)::int % 2 = 1 THEN 'M' ELSE 'F' END
END;

-- True when n is a well-formed 18-character ID number: area code starting
-- 1-8, a real birth date from 1900 up to today, and the right check
-- character (upper-case X). STABLE, not IMMUTABLE: "today" moves.
--
-- One ID number rule, fast. The first version composed the functions
-- above; nested SQL functions the planner cannot inline through a STRICT
-- function cost ~140 us a call, which made a COPY of 100,000 roster rows
-- take 46 s and is felt on every insert of a household or member. This is
-- the same rule to the letter as one expression the planner inlines (NULL
-- in, NULL out, as STRICT gave); id_number_ok is a name for it.
-- tests/db/11_roster.sql checks both against the original composition on
-- tests/data/id_vectors.csv and on 20,000 numbers around every rule.
--
-- Each call in it costs: a roster of 1.66M rows checks 3.3M numbers as
-- it is copied (issue 16). So no regular expression (the shape: 18 bytes,
-- the first 17 ASCII digits -- ltrim leaves nothing of them --, the
-- first 1-8, the last a digit or X); the birth date read once per use as
-- the integer YYYYMMDD; the check digit from the bytes (textsend,
-- get_byte: no text, no cast per digit; 4800 is '0' times the weights'
-- sum 100; textsend converts to the client's encoding, which leaves the
-- ASCII digits checked above as they are). Two thirds of the time of the
-- substr()::int version (backend CPU, a COPY of 200,000 roster rows).
CREATE OR REPLACE FUNCTION eduaid.id_number_valid(n text) RETURNS boolean
LANGUAGE sql STABLE CALLED ON NULL INPUT PARALLEL SAFE
RETURN CASE
    WHEN n IS NULL THEN NULL
    WHEN octet_length(n) <> 18 OR ltrim(left(n, 17), '0123456789') <> ''
      OR strpos('12345678', left(n, 1)) = 0 OR strpos('0123456789X', right(n, 1)) = 0
      THEN false
    WHEN substr(n, 7, 8)::int < 19000000
      OR substr(n, 7, 8)::int / 100 % 100 NOT BETWEEN 1 AND 12
      OR substr(n, 7, 8)::int % 100 NOT BETWEEN 1 AND CASE
            WHEN substr(n, 7, 8)::int / 100 % 100 IN (1, 3, 5, 7, 8, 10, 12) THEN 31
            WHEN substr(n, 7, 8)::int / 100 % 100 IN (4, 6, 9, 11) THEN 30
            WHEN substr(n, 7, 8)::int / 10000 % 4 = 0
             AND (substr(n, 7, 8)::int / 10000 % 100 <> 0
                  OR substr(n, 7, 8)::int / 10000 % 400 = 0) THEN 29
            ELSE 28 END
      THEN false
    ELSE make_date(substr(n, 7, 8)::int / 10000, substr(n, 7, 8)::int / 100 % 100,
                   substr(n, 7, 8)::int % 100) <= current_date
     AND right(n, 1) = substr('10X98765432',
           (get_byte(textsend(n), 0) * 7 + get_byte(textsend(n), 1) * 9
          + get_byte(textsend(n), 2) * 10 + get_byte(textsend(n), 3) * 5
          + get_byte(textsend(n), 4) * 8 + get_byte(textsend(n), 5) * 4
          + get_byte(textsend(n), 6) * 2 + get_byte(textsend(n), 7) * 1
          + get_byte(textsend(n), 8) * 6 + get_byte(textsend(n), 9) * 3
          + get_byte(textsend(n), 10) * 7 + get_byte(textsend(n), 11) * 9
          + get_byte(textsend(n), 12) * 10 + get_byte(textsend(n), 13) * 5
          + get_byte(textsend(n), 14) * 8 + get_byte(textsend(n), 15) * 4
          + get_byte(textsend(n), 16) * 2
            - 4800) % 11 + 1, 1)
END;

CREATE OR REPLACE FUNCTION eduaid.id_number_ok(n text) RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN eduaid.id_number_valid(n);

-- Its grants come once the group roles exist (001_roles.sql).
DO $$
BEGIN
    REVOKE ALL ON FUNCTION eduaid.id_number_ok(text) FROM PUBLIC;
    IF to_regrole('eduaid_auditor') IS NOT NULL THEN
        GRANT EXECUTE ON FUNCTION eduaid.id_number_ok(text)
            TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
    END IF;
END
$$;

-- 420325********123X: area code and the last four kept. Anything else
-- keeps only its last four characters. NULL gives NULL, said in the body
-- rather than by STRICT: a STRICT SQL function whose body holds a CASE is
-- never inlined, and each generated *_masked column then paid a call of
-- the SQL function executor per row (issue 16: a third of a roster COPY).
CREATE OR REPLACE FUNCTION eduaid.mask_id_number(n text) RETURNS text
LANGUAGE sql IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE
RETURN CASE WHEN n IS NULL THEN NULL
            WHEN length(n) = 18 THEN left(n, 6) || '********' || right(n, 4)
            ELSE repeat('*', greatest(length(n) - 4, 0)) || right(n, 4) END;

-- Bank account: only the last four digits shown.
CREATE OR REPLACE FUNCTION eduaid.mask_account(a text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN repeat('*', greatest(length(a) - 4, 0)) || right(a, 4);

-- The columns that hold personal data, by name, across every record table.
-- Each has a *_masked twin that supervisors read instead, and audit rows
-- are masked the same way for them. Birth dates count: with the birth date
-- an ID number's mask hides nothing; nor do the ID numbers a record copies
-- from the teacher register (021_record_facts.sql).
CREATE OR REPLACE FUNCTION eduaid.personal_columns() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
-- issue 17 H2 (left-behind care, 059_care.sql): the guardian's and the
-- volunteer's phones, and the counselling notes (the most private data
-- there is: a supervisor, the audit log's masked rows and a masked export
-- show only that they were written and their length).
RETURN '{head_id_number,id_number,trainee_id_number,child_id_number,bank_account,disability_certificate_no,birth_date,trainee_birth_date,child_birth_date,teacher_id_number,home_teacher_id_number,guardian_phone,volunteer_phone,counsel_notes}'::text[];

CREATE OR REPLACE FUNCTION eduaid.is_personal_column(col text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN col = ANY (eduaid.personal_columns());

-- A birth date shown as its year only: 2015-**-**.
CREATE OR REPLACE FUNCTION eduaid.mask_date(d date) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN lpad(extract(year FROM d)::int::text, 4, '0') || '-**-**';

-- The masked form of the value v of personal column col.
CREATE OR REPLACE FUNCTION eduaid.mask_value(col text, v text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN col = 'bank_account' THEN eduaid.mask_account(v)
    WHEN col LIKE '%birth_date' THEN left(v, 4) || '-**-**'
    WHEN col = 'disability_certificate_no' THEN repeat('*', greatest(length(v) - 2, 0)) || right(v, 2)
    -- issue 17 H2: a phone keeps its first three and last four digits;
    -- counselling notes keep nothing of their text
    WHEN col IN ('guardian_phone', 'volunteer_phone')
        THEN left(v, 3) || repeat('*', greatest(length(v) - 7, 0)) || right(v, 4)
    WHEN col = 'counsel_notes' THEN '已记录（' || char_length(v) || '字）'
    ELSE eduaid.mask_id_number(v)
END;

-- A row as jsonb with its personal columns masked.
CREATE OR REPLACE FUNCTION eduaid.mask_row(r jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN r || coalesce((SELECT jsonb_object_agg(k, eduaid.mask_value(k, r ->> k))
          FROM unnest(eduaid.personal_columns()) AS k
         WHERE jsonb_typeof(r -> k) = 'string'), '{}'::jsonb);

-- The school year (Sept. 1 of that year) in which a child born on birth is
-- six on September 1: the first year of school age; the last is nine later.
-- (Not STRICT, so that the planner inlines it: NULL gives NULL anyway.)
CREATE OR REPLACE FUNCTION eduaid.school_entry_year(birth date) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN extract(year FROM birth)::int + 6
     + CASE WHEN extract(month FROM birth) * 100 + extract(day FROM birth) > 901
            THEN 1 ELSE 0 END;

DO $$
BEGIN
    REVOKE ALL ON FUNCTION eduaid.school_entry_year(date) FROM PUBLIC;
    IF to_regrole('eduaid_auditor') IS NOT NULL THEN
        GRANT EXECUTE ON FUNCTION eduaid.school_entry_year(date)
            TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
    END IF;
END
$$;
