-- 030_register_without_years.sql: the register entry no longer takes the
-- facts of a school year (issue 11). Since 026 a household's poverty
-- status and a child's stage, school, grade, boarding, schooling status
-- and nutrition meal are kept per school year (household_year,
-- student_year), and every reader reads those; the client's household
-- form no longer shows or sends the old columns of household and student.
-- They stay, with defaults, for what wrote them before (a later migration
-- drops them): a member added without them is at stage 'none'.
--
-- Their refusals no longer concern a field of the household form: the
-- form of the school year holds those fields now (student_year_*).
SET ROLE eduaid_owner;

ALTER TABLE eduaid.student ALTER COLUMN stage SET DEFAULT 'none';

UPDATE eduaid.message SET field = NULL
 WHERE key IN ('household_poverty_status_fk', 'student_stage_fk', 'student_school_fk',
               'student_school_id_check', 'student_grade_check', 'student_boarding_check',
               'student_schooling_status_fk');
