-- tests/db/_missing_pages.sql: a fixture for the paged missing-subsidy list
-- (tests/db/43_report.t, tests/tui/50_report_tui.t), run as the superuser with psql.
--
--   psql -f _missing_pages.sql             make it
--   psql -v drop=1 -f _missing_pages.sql   take it away again
--
-- 分页乡 (420325298, a township of 房县 after every demo one) with 1,800
-- households TEST-P990101 .. TEST-P991900, each with an approved record of
-- school year 2026 (household_year, issue 11) of three primary pupils not
-- granted their compulsory waiver: 5,400 lines in the list, in
-- household order, three to a household -- more than a page of the screen
-- (200) or of the export (5,000), with page boundaries inside households.
-- Loaded with triggers off (approved records cannot be inserted through
-- the workflow), so the tallies are counted again afterwards; taking it
-- away counts them again too.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET session_replication_role = replica;
BEGIN;
DELETE FROM eduaid.student_year WHERE township_id = 420325298;
DELETE FROM eduaid.household_year WHERE township_id = 420325298;
DELETE FROM eduaid.student WHERE township_id = 420325298;
DELETE FROM eduaid.household WHERE township_id = 420325298;
DELETE FROM eduaid.school WHERE township_id = 420325298;
DELETE FROM eduaid.village WHERE township_id = 420325298;
DELETE FROM eduaid.township WHERE id = 420325298;
\if :{?drop}
\else
INSERT INTO eduaid.township (id, county_id, name) VALUES (420325298, 420325, '分页乡');
INSERT INTO eduaid.village (id, township_id, name) VALUES (420325298001, 420325298, '分页村');
INSERT INTO eduaid.school (id, township_id, name, kind) OVERRIDING SYSTEM VALUE
VALUES (9801, 420325298, '分页小学', 'primary');
INSERT INTO eduaid.household (id, township_id, status, household_no, village_id, head_name,
                              head_id_number, registered_year, family_size)
OVERRIDING SYSTEM VALUE
SELECT 990100 + k, 420325298, 'approved', 'TEST-P' || (990100 + k), 420325298001, '分页户主',
       i || eduaid.id_check_digit(i), 2016, 4
  FROM generate_series(1, 1800) AS k
 CROSS JOIN LATERAL (SELECT '659002' || to_char(date '1980-01-01' + k / 10, 'YYYYMMDD')
                            || lpad((k % 10)::text, 2, '0') || '1') AS x (i);
INSERT INTO eduaid.student (id, township_id, household_id, name, id_number, sex, birth_date)
OVERRIDING SYSTEM VALUE
SELECT 9900000 + k, 420325298, 990100 + (k + 2) / 3, '分页' || k, i || eduaid.id_check_digit(i),
       'F', date '2016-01-01' + k / 100
  FROM generate_series(1, 5400) AS k
 CROSS JOIN LATERAL (SELECT '659002' || to_char(date '2016-01-01' + k / 100, 'YYYYMMDD')
                            || lpad((k % 100)::text, 2, '0') || '2') AS x (i);
INSERT INTO eduaid.household_year (id, township_id, status, household_id, school_year)
OVERRIDING SYSTEM VALUE
SELECT 990100 + k, 420325298, 'approved', 990100 + k, 2026 FROM generate_series(1, 1800) AS k;
INSERT INTO eduaid.student_year (township_id, household_year_id, household_id, school_year,
                                 student_id, stage, school_id, grade)
SELECT 420325298, 990100 + (k + 2) / 3, 990100 + (k + 2) / 3, 2026, 9900000 + k, 'primary', 9801, 3
  FROM generate_series(1, 5400) AS k;
\endif
COMMIT;
SET session_replication_role = origin;
SELECT eduaid.report_tally_rebuild() \g /dev/null
