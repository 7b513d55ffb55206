-- tests/db/84_transfer_measures.sql: a household whose member has a
-- targeted-admission application (061) or a left-behind care record (059)
-- cannot move to another township yet (EA244, 064_transfer_measures.sql,
-- repeatable/41_transfer.sql), asked as the township's own clerk: before,
-- the move was let through to the household's UPDATE and broke on the
-- application's and the care record's foreign keys, whose words the
-- clerk met instead of the reason. The households are the demo's
-- (sql/data/demo_admission.sql, demo_care.sql): one with an application
-- and one with a care record, neither with another record that keeps it
-- from moving, nor under review. Runs in well under a second.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(6);

-- A demo household of township t with a record in tbl and nothing else
-- that keeps it (training, special education, dropout, review).
CREATE FUNCTION public.fx_kept_household(tbl text) RETURNS TABLE (household bigint, township int)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format($q$
        SELECT h.id, h.township_id FROM eduaid.household h
         WHERE EXISTS (SELECT FROM eduaid.%I r
                        WHERE r.township_id = h.township_id AND r.household_id = h.id)
           AND NOT EXISTS (SELECT FROM eduaid.training_enrollment e
                            WHERE e.township_id = h.township_id AND e.household_id = h.id)
           AND NOT EXISTS (SELECT FROM eduaid.special_ed_plan p
                            WHERE p.township_id = h.township_id AND p.household_id = h.id)
           AND NOT EXISTS (SELECT FROM eduaid.dropout_case d
                            WHERE d.township_id = h.township_id AND d.household_id = h.id)
           AND NOT EXISTS (SELECT FROM eduaid.%I o
                            WHERE o.township_id = h.township_id AND o.household_id = h.id)
           AND h.status NOT IN ('submitted', 'verified', 'in_notice')
           AND NOT EXISTS (SELECT FROM eduaid.household_year y
                            WHERE y.township_id = h.township_id AND y.household_id = h.id
                              AND y.status IN ('submitted', 'verified', 'in_notice'))
           AND h.township_id = 420325100
         ORDER BY h.id LIMIT 1$q$, tbl,
        CASE tbl WHEN 'admission' THEN 'care_record' ELSE 'admission' END);
END
$$;
SELECT household AS adm_hh FROM public.fx_kept_household('admission') \gset
SELECT household AS care_hh FROM public.fx_kept_household('care_record') \gset
SELECT ok(:adm_hh IS NOT NULL AND :care_hh IS NOT NULL,
          'the demo has a 城关镇 household with an application and one with a care record');

SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT state FROM fx_refusal(format(
              'SELECT eduaid.transfer_request(%s, 420325103, %L)', :adm_hh, '迁居'))),
          'EA244', 'a household with a targeted-admission application does not move (EA244)');
SELECT is((SELECT state FROM fx_refusal(format(
              'SELECT eduaid.transfer_request(%s, 420325103, %L)', :care_hh, '迁居'))),
          'EA244', 'a household with a left-behind care record does not move (EA244)');
SELECT is((SELECT count(*)::int FROM eduaid.transfers() t
            WHERE t.household_id IN (:adm_hh, :care_hh)), 0,
          'no request was made for either');
RESET SESSION AUTHORIZATION;

-- the words the clerk reads, in both languages, name the reason
SELECT is((SELECT zh FROM eduaid.message WHERE key = 'EA244'),
          '该户有定向招生申请或留守儿童关爱记录，暂不能迁出。', 'EA244 has its Chinese words');
SELECT ok((SELECT en FROM eduaid.message WHERE key = 'EA244') LIKE '%cannot move yet%',
          'EA244 has its English words');

SELECT * FROM finish();
ROLLBACK;
