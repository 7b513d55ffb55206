-- sql/data/demo_canteen.sql: the demo county's school canteens of the
-- nutrition meal plan (营养改善计划, issue 17 H3), kept by the admin in the
-- school register. Most pilot schools run a canteen that serves the meal,
-- since a year between 2012 and 2021; the four village teaching points
-- and two township primary schools have none, and 回龙乡初级中学's opens
-- in 2027, so the supply rate misses 100 in 城关镇, 军店镇, 九道乡, 上龛乡,
-- 中坝乡 and 回龙乡 in school year 2026. (The migrant children of the demo,
-- with their year of arrival, are demo_records.sql's: 3% of the members.)
-- Loaded after demo_pairing.sql (the teaching points are its).
\set ON_ERROR_STOP on
BEGIN;
SET SESSION AUTHORIZATION demo_admin;
UPDATE eduaid.school
   SET canteen = true,
       canteen_since = 2012 + ('x' || left(md5(name || 'canteen'), 7))::bit(28)::int % 10
 WHERE nutrition_pilot AND NOT teaching_point
   AND name NOT IN ('上龛乡中心小学', '中坝乡中心小学');
UPDATE eduaid.school SET canteen_since = 2027 WHERE name = '回龙乡初级中学';
RESET SESSION AUTHORIZATION;
COMMIT;
