-- 025_phone_rule.sql: the phone rule in one place. The CHECK constraints
-- of household, training_enrollment and teacher (004_records.sql) each
-- wrote the pattern out; they now call eduaid.phone_valid(), under the
-- same names, so refusals read as before (*_phone_check).
--
-- The constraints need the function when they are created, so it is
-- created here first; sql/repeatable/60_rules.sql holds its definition
-- (the same body) and replaces it on every migrate. src/core/validate.c
-- (valid_phone) is its C twin; tests/data/phone_vectors.csv holds the two
-- to the same answers.
SET ROLE eduaid_owner;

-- A mobile number (1[3-9] and 9 digits) or a landline with its area code
-- and an optional '-'. NULL (no phone) gives NULL: a CHECK lets it pass.
CREATE FUNCTION eduaid.phone_valid(p text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN p ~ '^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$';

ALTER TABLE eduaid.household
    DROP CONSTRAINT household_phone_check,
    ADD CONSTRAINT household_phone_check CHECK (eduaid.phone_valid(phone));
ALTER TABLE eduaid.training_enrollment
    DROP CONSTRAINT training_enrollment_phone_check,
    ADD CONSTRAINT training_enrollment_phone_check CHECK (eduaid.phone_valid(phone));
ALTER TABLE eduaid.teacher
    DROP CONSTRAINT teacher_phone_check,
    ADD CONSTRAINT teacher_phone_check CHECK (eduaid.phone_valid(phone));
