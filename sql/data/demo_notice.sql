-- sql/data/demo_notice.sql: a public notice (公示) in progress, made as the
-- people who would: demo_supervisor puts the approved 润雨计划 awards of
-- school year 2026 on notice (seven days from the day the demo is loaded),
-- and the officer of the first line's township records an objection
-- against it, undecided. Loaded by load-demo.sh after demo.sql.
\set ON_ERROR_STOP on
BEGIN;
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.open_notice('teacher_fund',
           (SELECT p.id FROM eduaid.fund_program p WHERE p.code = 'runyu'), 2026, NULL, NULL,
           '房县教育局学生资助管理中心（县城北京路12号，电话 0719-3222222）') AS notice_id \gset
RESET SESSION AUTHORIZATION;
SELECT i.id AS item_id, 'officer_' || right(i.township_id::text, 3) AS officer
  FROM eduaid.notice_item i WHERE i.notice_id = :notice_id AND i.line_no = 1 \gset
SET SESSION AUTHORIZATION :"officer";
SELECT eduaid.record_objection(:item_id,
           '该教师今年已调入县城学校任教，不属于乡村教师，不应享受润雨计划资助。',
           '同校教师（实名来信）');
RESET SESSION AUTHORIZATION;
COMMIT;
