-- 031_aid_messages.sql: what the refusals of granting aid at the standard
-- amount mean (eduaid.grant_standard, sql/repeatable/43_aid.sql; issue 11).
--   EA140  the program has no standard amount in that school year
--   EA141  the child is not offered that program in that school year
SET ROLE eduaid_owner;

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA140', NULL, '该项目本学年没有资助标准。', 'There is no standard amount for this program in this school year.'),
('EA141', NULL, '该生本学年不享受这个资助项目。', 'The child is not entitled to this program this school year.');
