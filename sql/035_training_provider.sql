-- 035_training_provider.sql: a training enrollment's provider is a school
-- that trains (issue 12): a vocational school or a college. The picker of
-- the form offers only those (forms/training.conf, lookup_only); the
-- server refuses any other school, whoever writes (the trigger
-- eduaid.training_provider_guard, sql/repeatable/20_workflow.sql, raises
-- a check violation named as below, as fund_amount_guard does for its
-- rule). Existing enrollments are not re-checked: the demo's and any
-- county's were entered at vocational schools, and an old row keeps its
-- provider until it is edited.
--
-- SQLSTATEs: none new.
SET ROLE eduaid_owner;

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('training_enrollment_provider_school_kind_check', 'provider_school_id',
 '培训学校须为职业学校或高校。', 'The provider must be a vocational school or a college.');
