-- sql/data/demo_transfers.sql: the demo's transfers between townships
-- (issue 11, "Transfers"; 028_transfers.sql, 033_member_transfers.sql).
-- Included by demo.sql after demo_years.sql, so that the households'
-- past school years are there to stay behind. Done by the SQL functions
-- as the people of the demo would do them (SET SESSION AUTHORIZATION):
--
--   * FX1000300 (城关镇) moves to 化龙堰镇 as a household: asked by
--     demo_clerk, accepted by officer_102 into a village of his. Its 2024
--     and 2025 records stay with 城关镇 (its reports of those years do not
--     change); its 2026 record (a draft) goes with it.
--   * one child of FX1000297 (城关镇) moves alone into FX1020015
--     (化龙堰镇): asked by demo_officer, accepted by officer_102. Her row
--     in FX1000297 stays, marked moved out (the household form shows 迁出日期),
--     with her 2024-2026 year rows; her new row in FX1020015 has her own
--     facts, and the ID registry holds her there.
--   * one child of FX1030006 (土城镇) is asked to move to 城关镇 by
--     demo_clerk2: pending, for demo_officer to take in (Y and a household
--     of 城关镇) or refuse in 迁入迁出.
-- The households are chosen so that no test walks them (FX1000011 is the
-- tmux walk's, tests/tui/52_school_year.t) and so that the tallies of
-- 2026 (their records there are drafts or rejected) do not change.

CREATE TABLE eduaid_demo.transfer_req (what text, id bigint);
GRANT ALL ON eduaid_demo.transfer_req TO PUBLIC;
SET SESSION AUTHORIZATION demo_clerk;
INSERT INTO eduaid_demo.transfer_req
SELECT 'household', eduaid.transfer_request(h.id, 420325102, '随子女迁居化龙堰镇，投靠亲属')
  FROM eduaid.household h WHERE h.household_no = 'FX1000300';
SET SESSION AUTHORIZATION demo_officer;
INSERT INTO eduaid_demo.transfer_req
SELECT 'member', eduaid.transfer_request_member(s.id, 420325102, '婚后随配偶家庭生活')
  FROM eduaid.student s
  JOIN eduaid.household h ON h.township_id = s.township_id AND h.id = s.household_id
 WHERE h.household_no = 'FX1000297' AND s.id_number <> h.head_id_number
 ORDER BY s.id DESC LIMIT 1;
SET SESSION AUTHORIZATION demo_clerk2;
INSERT INTO eduaid_demo.transfer_req
SELECT 'pending', eduaid.transfer_request_member(s.id, 420325100, '父母在城关镇务工，随父母就读')
  FROM eduaid.student s
  JOIN eduaid.household h ON h.township_id = s.township_id AND h.id = s.household_id
 WHERE h.household_no = 'FX1030006' AND s.id_number <> h.head_id_number
 ORDER BY s.id LIMIT 1;

SET SESSION AUTHORIZATION officer_102;
SELECT eduaid.transfer_accept(r.id, (SELECT min(v.id) FROM eduaid.village v
                                      WHERE v.township_id = 420325102))
  FROM eduaid_demo.transfer_req r WHERE r.what = 'household';
SELECT eduaid.transfer_accept_member(r.id, (SELECT h.id FROM eduaid.household h
                                             WHERE h.household_no = 'FX1020015'))
  FROM eduaid_demo.transfer_req r WHERE r.what = 'member';
RESET SESSION AUTHORIZATION;

DO $$
BEGIN
    IF (SELECT count(*) FROM eduaid_demo.transfer_req WHERE id IS NOT NULL) <> 3 THEN
        RAISE EXCEPTION 'demo_transfers.sql: the demo''s households are not what it expects';
    END IF;
END
$$;
