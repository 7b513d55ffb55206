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
--   eduaid.is_clean(text, multiline)  text without control characters:
--       no C0 control (a line feed only where multiline), no DEL, no C1
--       control, no bidirectional control (U+061C, U+200E, U+200F,
--       U+202A-U+202E, U+2066-U+2069); the CHECK of every name and free
--       text that others are shown (041_clean_text.sql, issue 13)
--       C: valid_clean()  src/core/validate.c
--       tests/data/clean_vectors.csv (read by tests/db/48_clean_text.sql)
--   eduaid.id_number_fold(text)  an ID number as stored: its full-width
--       digits and Ｘ/ｘ in ASCII (before id_number_valid)
--       C: id_number_fold()  src/core/idnumber.c
--   eduaid.stage_programs(stage, boarding)  the programs of 全程资助 a
--       member's stage (and boarding) entitles him to, in report order
--       C: entitle_programs(), entitle_mask()  src/core/entitle.c
--       tests/data/entitlement_vectors.csv
--   eduaid.entitled_programs(stage, boarding, schooling_status,
--       left_school)  THE entitlement of a child's year row: the programs
--       of that year's stage while the child is in school that year; what
--       the reports count as entitled (34_reports.sql: the tallies, the
--       missing list) and what the clerk's working list and the grants
--       offer (43_aid.sql): one rule, so that the two never disagree
--       C: entitle_year_mask(), entitle_year_programs()  src/core/entitle.c
--       tests/data/entitlement_vectors.csv
--
-- Re-applied on every migrate (CREATE OR REPLACE, the same privileges
-- each time): a rule changes here and nowhere else in sql/.
--
-- Part of what sql/migrate.sh runs BEFORE pending migrations (00..09):
-- CHECK constraints call is_blank, money_valid and phone_valid (003, 004,
-- 025), so these reference no table (stage_programs names the stages and
-- programs as literals, the values of eduaid.choice_stage and of
-- student_subsidy_program_check) and grant to the group roles only
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

-- An ID number with the full-width digits and letter X an input method
-- types (０-９, Ｘ, ｘ) folded to ASCII ('0'-'9', 'X', 'x'; a lower-case x
-- stays refused by id_number_valid, as when typed in ASCII). Nothing else
-- changes: white space around a number is refused by its check as
-- before (05_rules.sql; the client trims what it sends). Applied before
-- the check by the tables' a_tidy triggers (eduaid.tidy_columns below,
-- 37_triggers.sql). Its C twin is id_number_fold (src/core/idnumber.c).
-- NULL gives NULL.
CREATE OR REPLACE FUNCTION eduaid.id_number_fold(n text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN translate(n, '０１２３４５６７８９Ｘｘ', '0123456789Xx');

-- Text a person typed that is safe to show to another: no control
-- character that a terminal, a spreadsheet or a printer would act on
-- (ESC, BEL, CR, TAB, backspace ...; U+009B, the C1 CSI, included), and
-- no bidirectional control, which reorders what is shown (U+202E turns
-- "李四gpj.exe" around). A line feed is allowed only in text meant to
-- span lines (multiline: notes, contents, plans); a CR never (a CR LF
-- note is stored with LF alone, the migration 041 converted the old
-- ones). NULL gives NULL: a CHECK lets it pass. Not STRICT (the body says
-- NULL for a NULL multiline; a NULL t makes the match NULL): a STRICT SQL
-- function with a CASE is never inlined, and every CHECK naming it paid a
-- call of the SQL function executor per row (issue 16).
CREATE OR REPLACE FUNCTION eduaid.is_clean(t text, multiline boolean DEFAULT false) RETURNS boolean
LANGUAGE sql IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE
RETURN CASE WHEN multiline IS NULL THEN NULL
            WHEN multiline
            THEN t !~ '[\u0001-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]'
            ELSE t !~ '[\u0001-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]' END;

-- The trigger that makes every write store tidy text (issue 13): the
-- columns named by its arguments are trimmed of white space at either end
-- (eduaid.tidy: U+3000, U+00A0 ... as well as ASCII), but a column whose
-- name ends in id_number is folded instead (eduaid.id_number_fold), so
-- that '李四　' and a full-width ID number are stored as '李四' and in
-- ASCII whichever way they came: the record layer, a definer function, an
-- import or psql. Declared BEFORE INSERT OR UPDATE as a_tidy on each table
-- (37_triggers.sql); it changes nothing else of the row, and a value that
-- is already tidy is left alone (no new row image is built).
CREATE OR REPLACE FUNCTION eduaid.tidy_columns() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r jsonb := to_jsonb(NEW);
    fix jsonb := '{}';
    c text;
    v text;
    w text;
BEGIN
    FOREACH c IN ARRAY TG_ARGV LOOP
        v := r ->> c;
        CONTINUE WHEN v IS NULL;
        w := CASE WHEN c LIKE '%id\_number' THEN eduaid.id_number_fold(v) ELSE eduaid.tidy(v) END;
        IF w <> v THEN
            fix := fix || jsonb_build_object(c, w);
        END IF;
    END LOOP;
    IF fix <> '{}' THEN
        NEW := jsonb_populate_record(NEW, fix);
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.tidy_columns() FROM PUBLIC;

-- The programs a member's stage (and boarding) gives, in the order of
-- eduaid.subsidy_programs() (34_reports.sql), while he is in school: the
-- stage part of eduaid.entitled_programs below, which is what the
-- coverage reports and the offer of a member's year use. 两免一补 in compulsory school (the boarding living subsidy for
-- boarders only); the grant and the fee waiver in senior high and in
-- secondary vocational school; freshman aid and the student loan at
-- college; nothing for 'none' or an unknown stage. zihui (滋蕙计划) is
-- applied for, never an entitlement. NULL boarding counts as not boarding.
CREATE OR REPLACE FUNCTION eduaid.stage_programs(stage text, boarding boolean) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE stage
    WHEN 'preschool' THEN ARRAY['preschool_aid']
    WHEN 'primary' THEN ARRAY['compulsory_waiver'] ||
        CASE WHEN boarding THEN ARRAY['boarding_subsidy'] ELSE '{}' END
    WHEN 'junior' THEN ARRAY['compulsory_waiver'] ||
        CASE WHEN boarding THEN ARRAY['boarding_subsidy'] ELSE '{}' END
    WHEN 'senior_high' THEN ARRAY['high_school_grant', 'high_school_waiver']
    WHEN 'secondary_vocational' THEN ARRAY['vocational_waiver', 'vocational_grant']
    WHEN 'college' THEN ARRAY['college_freshman_aid', 'student_loan']
    ELSE '{}'::text[]
END;
DO $$
BEGIN
    REVOKE ALL ON FUNCTION eduaid.stage_programs(text, boolean) FROM PUBLIC;
    IF to_regrole('eduaid_auditor') IS NOT NULL THEN
        GRANT EXECUTE ON FUNCTION eduaid.stage_programs(text, boolean)
            TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_admin, eduaid_auditor;
    END IF;
END
$$;

-- THE entitlement of a child in a school year (issue 11): the programs
-- of that year's stage (and boarding, stage_programs) while the child is
-- in school that year, nothing otherwise. Every "entitled" of eduaid
-- comes from here: the reports' tallies and their missing list
-- (34_reports.sql) and the clerk's working list, the form's offer and the
-- grants (43_aid.sql). Before, the reports counted every child of the
-- year by stage and the working list skipped the leavers: the two counts
-- of 应享未享 differed for the same township and year.
-- In school means schooling_status 'enrolled' (在校) and not left_school:
--   * left_school: the child graduated or left during that year (the
--     rollover marks the leavers); that year's aid is not his to claim
--     any more, whatever was paid before he left;
--   * dropped_out (辍学) and not_enrolled (未入学): out of school; the
--     case is the 控辍保学 ledger's (persuade back, 32_ledgers.sql), not
--     an aid missed; once back, his year row says enrolled and he is
--     entitled again;
--   * suspended (休学): on leave for the year; the grants and the living
--     subsidy are paid to students attending (a suspended student's are
--     stopped while on leave), and the waivers have no fee to waive.
-- Its C twin is entitle_year_mask (src/core/entitle.c), held to it by
-- tests/data/entitlement_vectors.csv. NULL left_school counts as not left
-- (the column is NOT NULL); a NULL schooling status is not in school.
CREATE OR REPLACE FUNCTION eduaid.entitled_programs(stage text, boarding boolean,
                                                    schooling_status text, left_school boolean)
RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN schooling_status = 'enrolled' AND left_school IS NOT TRUE
            THEN eduaid.stage_programs(stage, boarding)
            ELSE '{}'::text[] END;
COMMENT ON FUNCTION eduaid.entitled_programs(text, boolean, text, boolean) IS
    'eduaid: the programs a child''s year row is entitled to (its stage''s, while in school that year)';
DO $$
BEGIN
    REVOKE ALL ON FUNCTION eduaid.entitled_programs(text, boolean, text, boolean) FROM PUBLIC;
    IF to_regrole('eduaid_auditor') IS NOT NULL THEN
        GRANT EXECUTE ON FUNCTION eduaid.entitled_programs(text, boolean, text, boolean)
            TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
    END IF;
END
$$;

-- Issue 16 (055's indexes serve it).
-- The masked form a supervisor may search with: the visible digits of an
-- 18-character ID number, typed as shown (420325********1234) or with any
-- number of stars between them (420325*1234); anything else, a full ID
-- number included, gives NULL.
CREATE OR REPLACE FUNCTION eduaid.search_masked_id(p text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
RETURN CASE WHEN btrim(p) ~ '^[0-9]{6}\*+[0-9]{3}[0-9Xx]$'
            THEN left(btrim(p), 6) || '********' || upper(right(btrim(p), 4)) END;
REVOKE ALL ON FUNCTION eduaid.search_masked_id(text) FROM PUBLIC;
DO $$
BEGIN
    IF to_regrole('eduaid_auditor') IS NOT NULL THEN
        GRANT EXECUTE ON FUNCTION eduaid.search_masked_id(text)
            TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
    END IF;
END
$$;
COMMENT ON FUNCTION eduaid.search_masked_id(text) IS
    'eduaid: the masked ID number a supervisor''s search text names by its visible digits, or NULL';
