-- tests/db/32_member_diff.sql: the approved-value diff of a record's grid
-- rows (eduaid.last_approved_members, repeatable/43_aid.sql) for a kind
-- other than the school year's: a household's members (issue 11, "the
-- approved-value diff covers member and aid rows"; the client marks the
-- rows, src/screens/formdiff.c).
--
-- demo_clerk (城关镇) has a household of two children approved, reopens it,
-- renames one, removes the other and adds a third, and submits: the
-- officer who reviews it sees one row changed (its name), one removed and
-- one added, the approved values of each; the supervisor sees them masked;
-- a clerk of another township (demo_clerk2, 土城镇) and anyone asking for
-- a record that does not exist get nothing, the same nothing; a record
-- moved to another township since shows its old clerk nothing either, and
-- neither do the functions the diff is made of leak it through errors.
-- Cost: under a second (15 assertions).
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(15);

-- ==== the household approved, then changed ===================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('md_h', 420325100), fx_student('md_a', 'md_h'),
       fx_student('md_b', 'md_h') \gset
SELECT eduaid.submit('household', fx('md_h')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT eduaid.verify('household', fx('md_h')) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve('household', fx('md_h')) \gset
SET SESSION AUTHORIZATION demo_clerk;
SELECT is_empty($$SELECT * FROM eduaid.last_approved_members('household', fx('md_h'))$$,
    'approved: nothing differs from the approval');
SELECT eduaid.reopen('household', fx('md_h'), '更正成员') \gset
UPDATE eduaid.student SET name = '改名学生' WHERE id = fx('md_a');
SELECT eduaid.delete_member('student', fx('md_h'), fx('md_b')) \gset
SELECT fx_student('md_c', 'md_h') \gset
SELECT eduaid.submit('household', fx('md_h')) \gset

-- ==== the reviewer ===========================================================
SET SESSION AUTHORIZATION demo_officer;
SELECT results_eq(
    $$SELECT table_name, row_id, change, fields, approved ->> 'name', now ->> 'name'
        FROM eduaid.last_approved_members('household', fx('md_h')) ORDER BY row_id$$,
    $$VALUES ('student', fx('md_a'), 'changed', '{name}'::text[], '测试学生', '改名学生'),
             ('student', fx('md_b'), 'removed', '{}', '测试学生', NULL),
             ('student', fx('md_c'), 'added', '{}', NULL, '测试学生')$$,
    'the officer reviewing it sees a member renamed, one removed, one added, with the approved values');
SELECT ok((SELECT approved ->> 'id_number' !~ '\*'
             FROM eduaid.last_approved_members('household', fx('md_h'))
            WHERE change = 'removed'),
    'the officer reads the removed member''s ID number as it was approved');
SELECT is((SELECT count(*)::int
             FROM eduaid.last_approved_members('household', fx('md_h')) m,
                  jsonb_each(m.approved) c
            WHERE m.change = 'changed' AND c.key = ANY (m.fields)), 1,
    'of the changed member only the name differs (a touch of version and time is no change)');

SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT count(*)::int FROM eduaid.last_approved_members('household', fx('md_h'))), 3,
    'the supervisor sees the three rows too');
SELECT ok((SELECT approved ->> 'id_number' ~ '\*'
             FROM eduaid.last_approved_members('household', fx('md_h'))
            WHERE change = 'removed'),
    'masked: the supervisor reads the removed member''s ID number masked');

SET SESSION AUTHORIZATION demo_auditor;
SELECT is((SELECT count(*)::int FROM eduaid.last_approved_members('household', fx('md_h'))), 3,
    'so does the auditor');

-- ==== the hostile login =======================================================
RESET SESSION AUTHORIZATION;
SELECT fx_set('other_year', (SELECT min(a.record_id) FROM eduaid.audit_log a
                               JOIN eduaid.household_year y ON y.id = a.record_id
                              WHERE a.kind = 'household_year' AND a.action = 'approve'
                                AND y.township_id = 420325100)) \gset
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is_empty($$SELECT * FROM eduaid.last_approved_members('household', fx('md_h'))$$,
    'a clerk of another township gets nothing of it');
SELECT is_empty($$SELECT * FROM eduaid.last_approved_members('household', 999999999999)$$,
    'and the same nothing for a record that does not exist');
SELECT is_empty($$SELECT * FROM eduaid.last_approved_members('household_year', fx('md_h'))$$,
    'nor for its id under another kind');
SELECT is_empty(
    $$SELECT * FROM eduaid.last_approved_members('household_year', fx('other_year'))$$,
    'nor for an approved and reopened-able year record of 城关镇');
SELECT throws_ok($$SELECT * FROM eduaid.last_approved_members('household; drop table x', 1)$$,
    'EA010', NULL, 'a kind is a word of the list, never SQL (EA010)');

-- ==== a record its clerk can no longer see ===================================
-- The household's members' entries stay in 城关镇's log; once the record is
-- out of her sight (here: withdrawn from her townships' rows by moving it
-- as the superuser would through a transfer), her diff is empty.
RESET SESSION AUTHORIZATION;
SET session_replication_role = replica; -- the guards and audit stay out
UPDATE eduaid.student SET township_id = 420325103 WHERE household_id = fx('md_h');
UPDATE eduaid.household SET township_id = 420325103,
       village_id = (SELECT min(v.id) FROM eduaid.village v WHERE v.township_id = 420325103)
 WHERE id = fx('md_h');
SET session_replication_role = origin;
SET SESSION AUTHORIZATION demo_officer;
SELECT ok(EXISTS (SELECT 1 FROM eduaid.record_history('household', fx('md_h'))),
    'moved away: the old officer still reads the entries her township wrote');
SELECT is_empty($$SELECT * FROM eduaid.last_approved_members('household', fx('md_h'))$$,
    'but no diff of a record she can no longer see');
SET SESSION AUTHORIZATION demo_clerk2;
SELECT is_empty($$SELECT * FROM eduaid.last_approved_members('household', fx('md_h'))$$,
    'and the new township, which cannot read the old entries, no diff either');

SELECT * FROM finish();
ROLLBACK;
