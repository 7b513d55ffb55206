-- sql/data/demo_snapshots.sql: reports as submitted (报送版本, issue 17
-- H6; 063_report_snapshots.sql, repeatable/36_m_snapshots.sql). Frozen
-- through eduaid.report_freeze as the demo users, so every row and hash is
-- the server's own, of this school year's demo figures:
--   * 城关镇's subsidy report, frozen by its officer demo_officer (王德明),
--     submitted to the county's student aid centre;
--   * the county's subsidy report and its schooling report, frozen by
--     demo_supervisor (赵丽华), submitted to the city bureau;
--   * 军店镇's nutrition report, frozen by officer_101.
-- Then, as a migration could (the superuser: report_snapshot_keep lets
-- nothing else change a snapshot), the first two are dated a month back:
-- "submitted last month". Their hashes cover the content (report, year,
-- scope, columns, rows), not the dates: they stay the function's.
-- Deterministic but for those dates, which follow the day of loading.
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.report_freeze('subsidy', eduaid.school_year_of(current_date), 420325100,
                            '报县学生资助管理中心（月报）');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.report_freeze('subsidy', eduaid.school_year_of(current_date), NULL,
                            '报十堰市教育局（月报）');
SELECT eduaid.report_freeze('schooling', eduaid.school_year_of(current_date), NULL,
                            '报十堰市教育局控辍保学专报');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION officer_101;
SELECT eduaid.report_freeze('nutrition', eduaid.school_year_of(current_date), 420325101, NULL);
RESET SESSION AUTHORIZATION;

UPDATE eduaid.report_snapshot
   SET frozen_at = frozen_at - interval '1 month',
       submitted_on = submitted_on - interval '1 month'
 WHERE report = 'subsidy';
