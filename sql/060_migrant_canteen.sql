-- 060_migrant_canteen.sql: two of the plan's measures (issue 17 H3).
--
--   * 随迁子女 (children of migrant workers): a member already says whether
--     he is one (student.migrant, 004_records.sql); now also the year the
--     family brought him to the county (arrival_year, 随迁年份). Both are
--     facts of the person, kept on the register entry's member (student),
--     not on the year rows (student_year): the year he came does not
--     change from one school year to the next, while the school he goes
--     to does (student_year.school_id). The rules a row can say alone:
--     a year 1990..2035, not before the year of birth, given exactly when
--     the member is a migrant child. Not in the future: the guard
--     eduaid.student_arrival_guard (repeatable/36_m_canteen.sql), as
--     student_arrival_year_check.
--     Whether the child is at a county-town school (school.urban_rural =
--     'town', 046_pairing.sql) is NOT a rule here: the school is a fact
--     of each school year, kept on another table and changed in another
--     record (household_year), so it cannot be a CHECK of this row, and a
--     migrant child may well go to a village school one year. The report
--     (eduaid.report_subsidy_migrant) shows how many of the migrant
--     children of the year are at a county-town school instead.
--   * 营养改善计划 canteens (学校食堂供餐率达100%): whether a school runs a
--     canteen that serves the meal plan (school.canteen) and since which
--     year (canteen_since, optional), kept by the admin in the school
--     register (the reference-data screen) like the pilot flag.
--
-- Members marked migrant before this migration have no arrival year: the
-- constraint that asks for one is added NOT VALID (they stay as they are
-- until a clerk next edits the member, who must then give the year; the
-- demo and a fresh install have none such).
--
-- SQLSTATEs: none (EA242 stays unused). The reports and the guard:
-- repeatable/36_m_canteen.sql.
SET ROLE eduaid_owner;

ALTER TABLE eduaid.student
    ADD COLUMN arrival_year int,
    ADD CONSTRAINT student_arrival_year_check CHECK (arrival_year BETWEEN 1990 AND 2035),
    ADD CONSTRAINT student_arrival_year_birth_check CHECK (
        arrival_year >= extract(year FROM birth_date));
ALTER TABLE eduaid.student
    ADD CONSTRAINT student_arrival_year_migrant_check CHECK (
        (arrival_year IS NOT NULL) = migrant) NOT VALID;
COMMENT ON COLUMN eduaid.student.arrival_year IS
    '随迁年份: the year a migrant child came to the county (NULL unless migrant)';

-- The migrant members of a township, for the report's split (few rows).
CREATE INDEX student_migrant_idx ON eduaid.student (township_id, household_id, id)
    WHERE migrant;

ALTER TABLE eduaid.school
    ADD COLUMN canteen boolean NOT NULL DEFAULT false,
    ADD COLUMN canteen_since int,
    ADD CONSTRAINT school_canteen_since_check CHECK (canteen_since BETWEEN 1990 AND 2035),
    ADD CONSTRAINT school_canteen_check CHECK (canteen OR canteen_since IS NULL);
COMMENT ON COLUMN eduaid.school.canteen IS
    '学校食堂: the school runs a canteen that serves the nutrition meal (营养改善计划)';
COMMENT ON COLUMN eduaid.school.canteen_since IS 'the year the canteen began serving the meal';

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('student_arrival_year_check', 'arrival_year', '随迁年份须是1990年以来、不晚于今年的年份。',
    'The year of arrival is a year from 1990, not in the future.'),
('student_arrival_year_birth_check', 'arrival_year', '随迁年份不能早于出生年份。',
    'The year of arrival cannot be before the year of birth.'),
('student_arrival_year_migrant_check', 'arrival_year', '随迁子女须填写随迁年份；不是随迁子女的不填。',
    'A migrant child needs the year of arrival; leave it empty for other members.'),
('school_canteen_since_check', 'canteen_since', '食堂供餐起始年份须在1990到2035之间。',
    'The canteen''s first year is 1990 to 2035.'),
('school_canteen_check', 'canteen_since', '没有食堂供餐的学校不填起始年份。',
    'A school without a canteen serving the meal has no first year.');
