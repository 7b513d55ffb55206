-- sql/repeatable/01_shared_rules.sql: the shared data rules, each in one SQL
-- home, each with one C home beside it and one file of test vectors that
-- holds the two to the same answers (tests/db/26_rule_vectors.sql and
-- tests/unit/check_rules.c read the same files):
--
--   eduaid.school_year_of(date)  which school year a day falls in
--       C: date_school_year()    src/core/date.c
--       tests/data/school_year_vectors.csv
--   eduaid.phone_valid(text)     a mobile or landline number
--       C: valid_phone()         src/core/validate.c
--       tests/data/phone_vectors.csv
--   eduaid.money_valid(numeric)  an amount in yuan
--       C: valid_money()         src/core/validate.c
--       tests/data/money_vectors.csv
--   eduaid.is_blank(text), eduaid.tidy(text)  text that is only white
--       space (U+3000 included), and text without it at either end
--       C: valid_is_blank(), text_is_space()  src/core/validate.c, text.c
--       tests/data/blank_vectors.csv
--
-- Re-applied on every migrate (CREATE OR REPLACE, the same privileges
-- each time): a rule changes here and nowhere else in sql/.
--
-- Part of what sql/migrate.sh runs BEFORE pending migrations (00..09):
-- CHECK constraints call is_blank, money_valid and phone_valid (003, 004,
-- 025), so these reference no table and grant to the group roles only
-- once those exist (on an empty database they come with 001).
SET ROLE eduaid_owner;

-- The school year a date belongs to: September 1 of Y to August 31 of Y+1
-- is school year Y. (Not STRICT, so that the planner inlines it: NULL
-- gives NULL anyway.)
CREATE OR REPLACE FUNCTION eduaid.school_year_of(d date) RETURNS int
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN extract(year FROM d)::int - CASE WHEN extract(month FROM d) < 9 THEN 1 ELSE 0 END;
DO $$
BEGIN
    REVOKE ALL ON FUNCTION eduaid.school_year_of(date) FROM PUBLIC;
    IF to_regrole('eduaid_auditor') IS NOT NULL THEN
        GRANT EXECUTE ON FUNCTION eduaid.school_year_of(date)
            TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
    END IF;
END
$$;

-- A mobile number (1[3-9] and 9 digits) or a landline with its area code
-- and an optional '-'. NULL (no phone) gives NULL: a CHECK lets it pass.
CREATE OR REPLACE FUNCTION eduaid.phone_valid(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN p ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$';

-- A money amount: not negative, at most two decimals, below ten billion.
CREATE OR REPLACE FUNCTION eduaid.money_valid(x numeric) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN x >= 0 AND x = round(x, 2) AND x < 1e10;

-- Text that holds nothing but white space, the ideographic space (U+3000)
-- an input method types included: not a name, not a reason.
CREATE OR REPLACE FUNCTION eduaid.is_blank(t text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN t ~ '^[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]*$';

-- t without that white space at either end.
CREATE OR REPLACE FUNCTION eduaid.tidy(t text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN regexp_replace(t, '^[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+|'
                         '[\s\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+$', '', 'g');
