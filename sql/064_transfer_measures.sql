-- 064_transfer_measures.sql: what keeps a household from moving, for the
-- records of issue 17 that hang on its members (sql/repeatable/41_transfer.sql).
--
-- A targeted-admission application (061) and a left-behind child's care
-- record (059) name a member by (township_id, household_id, student_id);
-- moving the household would break those keys, and the person would have
-- met a foreign key's words. As for training enrollments and
-- special-education plans (EA112, EA113), the household cannot move while
-- it has them (the move of one member alone keeps his old row, so these
-- records stay with it and do not stop him).
--
-- SQLSTATEs:
--   EA244 the household has targeted-admission applications or care
--         records of left-behind children and cannot move yet

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA244', '_record', '该户有定向招生申请或留守儿童关爱记录，暂不能迁出。',
 'The household has targeted-admission applications or left-behind care records and cannot move yet.');
