-- 045_refdata.sql: the words of EA185 (issue 14, the admin's reference-data
-- screen: a standard amount that approved records were granted under is
-- not changed or deleted afterwards; eduaid.rate_guard,
-- repeatable/29_refdata.sql). Data only.

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA185', 'amount', '已有批准的记录按此标准发放，不能追溯修改或删除；请设置新学年的标准。',
 'Approved records were granted under this standard amount: it cannot be changed or deleted afterwards; set the rate of a new school year instead.');
