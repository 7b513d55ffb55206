-- 056_report_scale.sql: the reports that missed 300 ms for a county of
-- 1,000,000 households and 2,000,000 students (issue 16,
-- tests/bench/search.sh, docs/scale.md): schooling (over 20 s),
-- special education (over 20 s) and training (1 s). What they read now:
--
-- report_schooling's ledger counts (eduaid.ledger_counts,
-- repeatable/32_ledgers.sql) counted the school-age children by joining
-- every student_year row of the year with its student for the birth date,
-- and the out-of-school ones (6% at this scale) the same way. A child's
-- first year of school age follows from the birth date alone, so
-- eduaid.school_age_tally counts the year rows by township, school year,
-- that first year, and whether the row says the child is out of school;
-- triggers on student_year and student keep it (32_ledgers.sql,
-- 37_triggers.sql). It counts every year row, whatever its record's
-- status: the ledgers' own definition. The suspected count is then the
-- out-of-school count, less those rows a case covers, plus the open cases:
-- read from the cases, never from every child.
--
-- report_special_ed (eduaid.special_ed_counts) joined every counted
-- household_year of the year with its year rows before it picked the
-- disabled children; it now starts from the disabled children
-- (student_disabled_member_idx, index only), finds each one's counted
-- record of the year (household_year_counted_member_idx, index only) and
-- the year row in it (student_year_student_key).
--
-- report_training grouped every enrollment read from the heap; the
-- counted enrollments of a year are read from one index now
-- (training_enrollment_report_idx, index only).
--
-- Every index leads with township_id (016_index_scope.sql).
-- SQLSTATEs: none (EA247-EA249 reserved for issue 16).
SET ROLE eduaid_owner;

-- Disabled children with what special_ed_counts reads of them
-- (replaces 014's student_disabled_idx, which lacked the member's id).
CREATE INDEX student_disabled_member_idx ON eduaid.student (township_id, household_id, id)
    INCLUDE (id_number, birth_date) WHERE disability_type IS NOT NULL;
DROP INDEX eduaid.student_disabled_idx;

-- A household's counted record of a school year, with its id.
CREATE INDEX household_year_counted_member_idx ON eduaid.household_year
    (township_id, household_id, school_year) INCLUDE (id)
    WHERE status IN ('approved', 'in_notice', 'final');

-- Counted enrollments by start date, with what report_training counts.
CREATE INDEX training_enrollment_report_idx ON eduaid.training_enrollment
    (township_id, start_date) INCLUDE (course_id, completed, employment_outcome, certificate_no)
    WHERE status IN ('approved', 'in_notice', 'final');

------------------------------------------------------------------------
-- The school-age tally.
CREATE TABLE eduaid.school_age_tally (
    township_id   int NOT NULL CONSTRAINT school_age_tally_township_fk
                  REFERENCES eduaid.township (id),
    school_year   int NOT NULL,
    entry_year    int NOT NULL,     -- eduaid.school_entry_year(birth_date)
    out_of_school boolean NOT NULL, -- schooling_status <> 'enrolled'
    n             bigint NOT NULL,
    CONSTRAINT school_age_tally_pkey PRIMARY KEY (township_id, school_year, entry_year, out_of_school),
    CONSTRAINT school_age_tally_n_check CHECK (n >= 0)
);
COMMENT ON TABLE eduaid.school_age_tally IS
    'eduaid: student_year rows by township, school year, first year of school age and out of school (the dropout ledgers'' counts)';

INSERT INTO eduaid.school_age_tally (township_id, school_year, entry_year, out_of_school, n)
SELECT sy.township_id, sy.school_year, eduaid.school_entry_year(s.birth_date),
       sy.schooling_status <> 'enrolled', count(*)
  FROM eduaid.student_year sy
  JOIN eduaid.student s ON s.household_id = sy.household_id AND s.id = sy.student_id
 WHERE s.birth_date IS NOT NULL
 GROUP BY 1, 2, 3, 4;

RESET ROLE;

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('school_age_tally_pkey', '_record', '学龄计数重复。', 'This count of school-age children exists already.'),
('school_age_tally_n_check', 'n', '学龄计数出错。', 'The count of school-age children went wrong.'),
('school_age_tally_township_fk', 'township_id', '没有这个乡镇。', 'No such township.');
