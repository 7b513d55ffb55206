-- tests/db/47_own_step.sql: four-eyes foresight (issue 12 item 4).
-- eduaid.save_blocks_own_step(kind, id) names the step a person would
-- lose by saving an edit of a record -- as that person, by the rule
-- transition() enforces (four_eyes_bars): an officer about to correct a
-- submitted record hears 'verify'; once he has edited it he hears nothing
-- (nothing more to lose) and verify refuses him; the clerk who submitted
-- it, a supervisor (who does not edit), and a record of another township
-- (the hostile login: the same NULL as no record at all) hear nothing.
-- People: demo_clerk (城关镇 420325100), demo_officer and officer_100
-- (officers of 城关镇), demo_clerk2 and officer_103 (土城镇 420325103),
-- demo_supervisor.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(17);

SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh_o', 420325100), fx_training('tr_o', 'hh_o') \gset
SELECT is(eduaid.save_blocks_own_step('household', fx('hh_o')), NULL,
    'the clerk editing her own draft loses nothing (submit has no four-eyes rule)');
SELECT is(eduaid.submit('household', fx('hh_o')), 2, 'demo_clerk submits hh_o');
SELECT is(eduaid.submit('training', fx('tr_o')), 2, 'and the training enrollment tr_o');
SELECT is(eduaid.save_blocks_own_step('household', fx('hh_o')), NULL,
    'the clerk may not edit the submitted record: nothing to foresee');

SET SESSION AUTHORIZATION demo_officer;
SELECT is(eduaid.save_blocks_own_step('household', fx('hh_o')), 'verify',
    'demo_officer, about to correct the submitted hh_o, would lose his verify');
SELECT is(eduaid.save_blocks_own_step('training', fx('tr_o')), 'verify',
    'the same for a training enrollment (the rule is the workflow''s, for every kind)');
SELECT is(fx_rowcount($$UPDATE eduaid.household SET family_size = 6 WHERE id = fx('hh_o')$$), 1,
    'demo_officer saves anyway');
SELECT throws_ok($$SELECT eduaid.verify('household', fx('hh_o'))$$, 'EA002', NULL,
    'and verify refuses him, as foreseen (EA002)');
SELECT is(eduaid.save_blocks_own_step('household', fx('hh_o')), NULL,
    'an editor already: another save takes nothing more away');

SET SESSION AUTHORIZATION officer_100;
SELECT is(eduaid.save_blocks_own_step('household', fx('hh_o')), 'verify',
    'officer_100, who never touched it, would still lose his verify');
SELECT is(eduaid.verify('household', fx('hh_o')), 4, 'officer_100 verifies it');

SET SESSION AUTHORIZATION demo_supervisor;
SELECT is(eduaid.save_blocks_own_step('household', fx('hh_o')), NULL,
    'a supervisor does not edit: nothing to foresee on the verified record');

-- the hostile login: an officer of another township, who would hear
-- 'verify' on a submitted record of his own, hears of 城关镇's exactly
-- what he hears of a record that does not exist
SET SESSION AUTHORIZATION demo_clerk2;
SELECT fx_household('hh_t', 420325103) \gset
SELECT is(eduaid.submit('household', fx('hh_t')), 2, 'demo_clerk2 submits hh_t in 土城镇');
SET SESSION AUTHORIZATION officer_103;
SELECT is(eduaid.save_blocks_own_step('household', fx('hh_t')), 'verify',
    'officer_103 (土城镇) would lose his verify on his township''s hh_t');
SELECT is(eduaid.save_blocks_own_step('training', fx('tr_o')), NULL,
    'officer_103 learns nothing of 城关镇''s submitted tr_o: NULL ...');
SELECT is(eduaid.save_blocks_own_step('training', -1), NULL,
    '... exactly as for an id that does not exist');
SELECT throws_ok($$SELECT eduaid.save_blocks_own_step('nonsense', 1)$$, 'EA010', NULL,
    'an unknown kind is refused as the steps refuse it (EA010)');

SELECT * FROM finish();
ROLLBACK;
