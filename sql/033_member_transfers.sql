-- 033_member_transfers.sql: one member of a household moving to a household
-- of another township (issue 11, "Transfers": "a household or a member
-- moving to another township"; docs/design/school-years.md).
--
-- A member moves INTO an existing household of the receiving township (a
-- marriage, a child going to live with relatives). The sending township
-- (a clerk or officer) requests it for one member, naming the receiving
-- township; an officer of the receiving township, not the requester,
-- accepts it naming one of its households, or refuses; the requester's
-- side may withdraw. The same table as a household's move:
-- eduaid.transfer_request, with student_id set (and the member's name
-- copied when requested, as household_no and head_name are); the
-- receiving household is to_household_id, chosen on acceptance, and its
-- village is to_village_id (so a decided request names a village either
-- way: transfer_request_decided_check is unchanged). At most one pending
-- request per household, of either kind (transfer_request_pending_key).
--
-- The member's row cannot change household: its year rows (student_year,
-- student_subsidy) name it by (household_id, student_id), and the years
-- it was counted in stay with the household and township that counted
-- them. So on acceptance the member's row in the sending household is
-- marked moved out (moved_out_on: it is no longer a current member; it
-- names nobody in the ID registry; it is read-only, history), and a new
-- row is made in the receiving household with the person's own facts
-- (name, ID number, sex, birth date, relation, disability, left-behind,
-- migrant) and a link back to the old row (moved_from_household_id,
-- moved_from_id -> student_member_key). The registry then holds the ID
-- number in the receiving household. The old row's successor is the row
-- whose moved_from_id is it (at most one: a row moves out once, and is
-- read-only then). No index on moved_from_id: every index of the table
-- leads with township_id (016_index_scope.sql), and the successor is
-- looked up only for rows that moved out.
--
-- The functions, guards and policies: repeatable/41_transfer.sql,
-- 37_triggers.sql, 38_policies.sql, 39_privileges.sql.
--
-- SQLSTATEs (repeatable/41_transfer.sql):
--   EA150 no such member in your townships (another township's, or none)
--   EA151 the member has moved out already (its row is history)
--   EA152 the member is the household's head: move the household
--   EA153 the member has training, special-education or dropout records
--   EA154 the sending household or its record of this school year is
--         under review or in a notice
--   EA155 no such household in the receiving township
--   EA156 the receiving household or its record of this school year is
--         under review or in a notice
--   EA157 a member's request is accepted into a household, a household's
--         into a village (the other function)
--   EA158 the person has a row of this school year in another household
--         already (counted once per school year)
SET ROLE eduaid_owner;

ALTER TABLE eduaid.student
    ADD COLUMN moved_out_on date,
    ADD COLUMN moved_from_household_id bigint,
    ADD COLUMN moved_from_id bigint,
    ADD CONSTRAINT student_moved_from_fk FOREIGN KEY (moved_from_household_id, moved_from_id)
        REFERENCES eduaid.student (household_id, id),
    ADD CONSTRAINT student_moved_from_check CHECK (
        (moved_from_id IS NULL) = (moved_from_household_id IS NULL)
        AND moved_from_household_id IS DISTINCT FROM household_id);
COMMENT ON COLUMN eduaid.student.moved_out_on IS
    'the day the member moved to a household of another township (033_member_transfers.sql); the row is history then';
COMMENT ON COLUMN eduaid.student.moved_from_id IS
    'the member''s row in the household it moved from (033_member_transfers.sql)';

ALTER TABLE eduaid.transfer_request
    ADD COLUMN student_id bigint,
    ADD COLUMN member_name text,
    ADD COLUMN to_household_id bigint,
    ADD CONSTRAINT transfer_request_student_fk FOREIGN KEY (household_id, student_id)
        REFERENCES eduaid.student (household_id, id) ON DELETE CASCADE,
    ADD CONSTRAINT transfer_request_to_household_fk FOREIGN KEY (to_household_id)
        REFERENCES eduaid.household (id),
    -- a member's request names the member; only it, once accepted, a
    -- receiving household
    ADD CONSTRAINT transfer_request_member_check CHECK (
        (student_id IS NULL) = (member_name IS NULL)
        AND (to_household_id IS NULL
             OR (student_id IS NOT NULL AND state = 'accepted'))
        AND (student_id IS NULL OR (state = 'accepted') = (to_household_id IS NOT NULL)));
ALTER TABLE eduaid.transfer_request ALTER COLUMN member_name SET STATISTICS 0;
COMMENT ON COLUMN eduaid.transfer_request.student_id IS
    'a member''s move (033_member_transfers.sql): the member''s row in the sending household; NULL: the whole household moves';

RESET ROLE;

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA150', NULL, '在您负责的乡镇中找不到该成员。', 'No such member in your townships.'),
('EA151', NULL, '该成员已迁出，其记录只读。', 'This member has moved out; the row is kept as it was.'),
('EA152', NULL, '户主不能单独迁出，请迁移整户。', 'The head of the household cannot move alone: move the household.'),
('EA153', NULL, '该成员有技能培训、特殊教育安置或控辍保学记录，暂不能单独迁出。', 'The member has training, special-education or dropout records and cannot move yet.'),
('EA154', NULL, '迁出户或其本学年记录正在审核或公示中，请先完成审核或公示。', 'The sending household or its record of this school year is under review or in a notice: finish that first.'),
('EA155', NULL, '请选择迁入乡镇的一个建档立卡户。', 'Choose a household of the receiving township.'),
('EA156', NULL, '迁入户或其本学年记录正在审核或公示中，请先完成审核或公示。', 'The receiving household or its record of this school year is under review or in a notice: finish that first.'),
('EA157', NULL, '成员迁移须选择迁入户，整户迁移须选择迁入村。', 'A member moves into a household, a household into a village.'),
('EA158', NULL, '此人本学年已在另一户登记，同一学年只能计入一户。', 'This person is counted in another household in this school year already: once per school year.'),
('student_moved_from_fk', NULL, '没有这个迁出成员。', 'No such member moved out.'),
('student_moved_from_check', NULL, '迁移来源不正确。', 'The member''s former household is not valid.'),
('transfer_request_student_fk', NULL, '没有这个成员。', 'No such member.'),
('transfer_request_to_household_fk', NULL, '没有这个建档立卡户。', 'No such household.'),
('transfer_request_member_check', NULL, '成员迁移申请的信息不完整。', 'A member''s transfer names the member, and once accepted the receiving household.');
