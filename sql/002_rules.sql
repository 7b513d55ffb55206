-- 002_rules.sql: pure functions behind the data rules -- the resident ID
-- number of GB 11643-1999 (check digit, birth date, sex) and the masks that
-- list views and less trusted roles see instead of personal data.
--
-- src/core/idnumber.c implements the same rules for the client's instant
-- feedback; tests/data/id_vectors.csv keeps the two in agreement.
SET ROLE eduaid_owner;

-- Days in month m of year y, Gregorian.
CREATE FUNCTION eduaid.days_in_month(y int, m int) RETURNS int
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE
    WHEN m IN (1, 3, 5, 7, 8, 10, 12) THEN 31
    WHEN m IN (4, 6, 9, 11) THEN 30
    WHEN m = 2 AND (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0)) THEN 29
    WHEN m = 2 THEN 28
END;

-- ISO 7064 MOD 11-2 check character of the first 17 digits; NULL unless
-- given exactly 17 digits.
CREATE FUNCTION eduaid.id_check_digit(first17 text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN first17 ~ '^[0-9]{17}$' THEN
    substr('10X98765432',
           (SELECT sum(substr(first17, i::int, 1)::int * w)::int % 11 + 1
              FROM unnest('{7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2}'::int[])
                   WITH ORDINALITY AS weight(w, i)),
           1)
END;

-- Birth date encoded in an ID number, or NULL when it is not a real date.
CREATE FUNCTION eduaid.id_birth_date(n text) RETURNS date
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
CREATE FUNCTION eduaid.id_sex(n text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN substr(n, 17, 1) ~ '^[0-9]$' THEN
    CASE WHEN substr(n, 17, 1)::int % 2 = 1 THEN 'M' ELSE 'F' END
END;

-- True when n is a well-formed 18-character ID number: area code starting
-- 1-8, a real birth date from 1900 up to today, and the right check
-- character (upper-case X). STABLE, not IMMUTABLE: "today" moves.
CREATE FUNCTION eduaid.id_number_valid(n text) RETURNS boolean
LANGUAGE sql STABLE STRICT PARALLEL SAFE
RETURN n ~ '^[1-8][0-9]{16}[0-9X]$'
   AND coalesce(eduaid.id_birth_date(n) <= current_date, false)
   AND right(n, 1) = eduaid.id_check_digit(left(n, 17));

-- 420325********123X: area code and the last four kept. Anything else
-- keeps only its last four characters.
CREATE FUNCTION eduaid.mask_id_number(n text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN length(n) = 18 THEN left(n, 6) || '********' || right(n, 4)
            ELSE repeat('*', greatest(length(n) - 4, 0)) || right(n, 4) END;

-- Bank account: only the last four digits shown.
CREATE FUNCTION eduaid.mask_account(a text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN repeat('*', greatest(length(a) - 4, 0)) || right(a, 4);

-- The columns that hold personal data, by name, across every record table;
-- eduaid.mask_row masks them inside audit rows.
CREATE FUNCTION eduaid.is_personal_column(col text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN col ~ '(^|_)id_number$' OR col = 'bank_account';

CREATE FUNCTION eduaid.mask_row(r jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (SELECT coalesce(jsonb_object_agg(key,
            CASE WHEN eduaid.is_personal_column(key) AND jsonb_typeof(value) = 'string'
                 THEN to_jsonb(CASE WHEN key = 'bank_account'
                                    THEN eduaid.mask_account(value #>> '{}')
                                    ELSE eduaid.mask_id_number(value #>> '{}') END)
                 ELSE value END), '{}'::jsonb)
          FROM jsonb_each(r));

-- A money amount: not negative, at most two decimals, below ten billion.
CREATE FUNCTION eduaid.money_valid(x numeric) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN x >= 0 AND x = round(x, 2) AND x < 1e10;
