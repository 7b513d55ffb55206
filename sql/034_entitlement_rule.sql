-- 034_entitlement_rule.sql: the reports count the entitlements of one rule
-- with the clerk's working list (issue 11). NUMBER ASSIGNED to this part
-- (032 and 033 are others').
--
-- eduaid.subsidy_tally counted every child of a school year by stage
-- (eduaid.stage_programs); the 应享未享 working list (eduaid.aid_missing)
-- skipped the children who left school or were not enrolled that year.
-- Both now take eduaid.entitled_programs (repeatable/01_shared_rules.sql):
-- the programs of that year's stage while the child is in school. The
-- tallies hold counts of the old rule: emptied here, they are counted
-- again from the year rows by repeatable/34_reports.sql, which runs after
-- this (empty tallies while counted records exist:
-- eduaid.report_tally_rebuild()), and kept by its trigger from then on.
-- member_tally goes with it (the rebuild counts both; its counts come out
-- as they were).
-- No table or column changes; SQLSTATEs: none new.
SET ROLE eduaid_owner;

DELETE FROM eduaid.subsidy_tally;
DELETE FROM eduaid.member_tally;
