-- 025_phone_rule.sql: the phone rule in one place. The CHECK constraints
-- of household, training_enrollment and teacher (004_records.sql) each
-- wrote the pattern out; they now call eduaid.phone_valid(), under the
-- same names, so refusals read as before (*_phone_check).
--
-- eduaid.phone_valid() is in sql/repeatable/01_shared_rules.sql, which
-- migrate.sh runs before pending migrations; src/core/validate.c
-- (valid_phone) is its C twin; tests/data/phone_vectors.csv holds the two
-- to the same answers.
SET ROLE eduaid_owner;

ALTER TABLE eduaid.household
    DROP CONSTRAINT household_phone_check,
    ADD CONSTRAINT household_phone_check CHECK (eduaid.phone_valid(phone));
ALTER TABLE eduaid.training_enrollment
    DROP CONSTRAINT training_enrollment_phone_check,
    ADD CONSTRAINT training_enrollment_phone_check CHECK (eduaid.phone_valid(phone));
ALTER TABLE eduaid.teacher
    DROP CONSTRAINT teacher_phone_check,
    ADD CONSTRAINT teacher_phone_check CHECK (eduaid.phone_valid(phone));
