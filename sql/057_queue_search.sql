-- 057_queue_search.sql: the review queue's search at a county's scale
-- (issue 16; repeatable/36_review_queue.sql, "A search"). The search finds
-- its candidates by the first word of the text as a prefix of the
-- summary's first part, compared in "C" order (leakproof, so under
-- row-level security the policy's township condition joins it in the
-- index): household numbers and teachers' names had no such index. Each
-- leads with township_id (016_index_scope.sql). Trainees' and children's
-- names have theirs (055_search_indexes.sql).
-- SQLSTATEs: none (EA247-EA249 reserved for issue 16).
SET ROLE eduaid_owner;

CREATE INDEX household_no_prefix_idx ON eduaid.household (township_id, household_no COLLATE "C");
CREATE INDEX teacher_name_idx ON eduaid.teacher (township_id, name COLLATE "C");
