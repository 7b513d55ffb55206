-- sql/data/demo_preschool.sql: preschool coverage (学前教育, issue 17 H1) for
-- 房县's twenty townships in school year 2026, deterministic. Loaded by
-- load-demo.sh as a superuser after demo_pairing.sql.
--
-- Township i (1..20 in the order of its code): children aged 3, 4, 5 of
-- 40+i, 42+i and 45+i (127+3i in all; 公安户籍, as of 2026-09-30), and on
-- its central kindergarten's roll 6 fewer -- 20 fewer in 大木厂镇 (i=5),
-- 野人谷镇 (9), 姚坪乡 (13) and 中坝乡 (17), below 92% (教育事业统计, as
-- of 2026-10-15). Every batch imported by the township's clerk (demo_clerk,
-- demo_clerk2 for 土城镇) and accepted by demo_supervisor, but for:
--   * 城关镇: a newer population batch (卫健, 2026-11-10) awaiting review,
--     not counted; and one child of 军店镇's roll on 城关镇's too (counted
--     in each township, once in the county);
--   * 军店镇: an enrollment batch rejected (a file of ten rows, 重复导入);
--   * 土城镇: an older accepted population batch (as of 2026-03-01),
--     replaced in the figures by the newer.
-- County: population 3170, enrolled 2994 children (2995 on the rolls),
-- 94.4%. 上龛乡 and 九道乡 have no central kindergarten (their
-- kindergartens not recognized as such yet): 18 of 20 townships, 90%.
\set ON_ERROR_STOP on
BEGIN;

UPDATE eduaid.school SET central_kindergarten = false
 WHERE kind = 'kindergarten' AND township_id IN (420325208, 420325210);

CREATE TEMP TABLE ps_town AS
SELECT t.id AS tid, row_number() OVER (ORDER BY t.id)::int AS i,
       CASE WHEN t.id = 420325103 THEN 'demo_clerk2' ELSE 'demo_clerk' END AS clerk,
       (SELECT min(s.id) FROM eduaid.school s
         WHERE s.township_id = t.id AND s.kind = 'kindergarten') AS kg
  FROM eduaid.township t WHERE t.county_id = 420325;

-- The batches: created_by/at and the review given (a superuser loads).
CREATE TEMP TABLE ps_batch (tid int, kind text, source text, as_of date, file text,
                            at timestamptz, state text, reason text, tag text);
INSERT INTO ps_batch
SELECT tid, 'population', '公安户籍', date '2026-09-30', '学前人口_2026.csv',
       '2026-10-08 09:30+08'::timestamptz + i * interval '7 minutes', 'accepted', NULL, 'pop'
  FROM ps_town
UNION ALL
SELECT tid, 'enrollment', '教育事业统计', date '2026-10-15', '在园幼儿_2026.csv',
       '2026-10-20 10:00+08'::timestamptz + i * interval '9 minutes', 'accepted', NULL, 'enr'
  FROM ps_town
UNION ALL
SELECT 420325103, 'population', '公安户籍', '2026-03-01', '学前人口_2026春.csv',
       '2026-03-10 15:00+08', 'accepted', NULL, 'pop_old'
UNION ALL
SELECT 420325101, 'enrollment', '教育事业统计', '2026-10-15', '在园幼儿_军店_重复.csv',
       '2026-10-21 11:20+08', 'rejected', '重复导入，以10月20日的文件为准', 'enr_rejected'
UNION ALL
SELECT 420325100, 'population', '卫健', '2026-11-10', '学前人口_卫健_1110.csv',
       '2026-11-12 16:40+08', 'imported', NULL, 'pop_new';

CREATE TEMP TABLE ps_ids (tid int, tag text, id bigint);
WITH ins AS (
    INSERT INTO eduaid.preschool_batch (township_id, kind, school_year, source, as_of, file_name,
                                        row_count, state, reviewed_by, reviewed_at, reject_reason,
                                        created_by, created_at, updated_by, updated_at)
    SELECT b.tid, b.kind, 2026, b.source, b.as_of, b.file, 0, b.state,
           CASE WHEN b.state <> 'imported' THEN 'demo_supervisor' END,
           CASE WHEN b.state <> 'imported' THEN b.at + interval '1 day' END,
           b.reason, t.clerk, b.at, t.clerk, b.at
      FROM ps_batch b JOIN ps_town t ON t.tid = b.tid
     ORDER BY b.at
    RETURNING township_id, id, file_name, as_of, kind, state)
INSERT INTO ps_ids
SELECT ins.township_id, b.tag, ins.id
  FROM ins JOIN ps_batch b ON b.tid = ins.township_id AND b.file = ins.file_name
                          AND b.as_of = ins.as_of AND b.kind = ins.kind AND b.state = ins.state;

-- Population: one row per township (village_id NULL).
INSERT INTO eduaid.preschool_population (township_id, batch_id, file_line, age3, age4, age5,
                                         created_by, created_at)
SELECT t.tid, x.id, 2,
       CASE x.tag WHEN 'pop' THEN 40 + t.i WHEN 'pop_old' THEN 30 ELSE 45 END,
       CASE x.tag WHEN 'pop' THEN 42 + t.i WHEN 'pop_old' THEN 30 ELSE 44 END,
       CASE x.tag WHEN 'pop' THEN 45 + t.i WHEN 'pop_old' THEN 30 ELSE 47 END,
       t.clerk, now()
  FROM ps_town t JOIN ps_ids x ON x.tid = t.tid AND x.tag IN ('pop', 'pop_old', 'pop_new');

-- Enrollment: child k of township i, born 2020-10-01 + 30i + k % 30 days,
-- sequence k: unique in the county.
CREATE TEMP TABLE ps_child AS
SELECT t.tid, t.i, t.kg, t.clerk, k,
       (date '2020-10-01' + 30 * t.i + k % 30) AS birth,
       (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','胡','朱','高','林','何','郭','马','罗'])[1 + (t.i * 7 + k) % 20]
       || (ARRAY['子','梓','欣','雨','浩','宇','诗','嘉','思','可','一','若','家','俊','晨'])[1 + (k * 13 + t.i) % 15]
       || (ARRAY['涵','轩','怡','萱','然','阳','琪','睿','彤','航','瑶','博','妍','泽','悦','辰','桐'])[1 + (k * 7 + t.i * 3) % 17] AS name
  FROM ps_town t
 CROSS JOIN LATERAL generate_series(1, 127 + 3 * t.i
                                       - CASE WHEN t.i IN (5, 9, 13, 17) THEN 20 ELSE 6 END) AS k;
ALTER TABLE ps_child ADD COLUMN idno text;
UPDATE ps_child SET idno = '420325' || to_char(birth, 'YYYYMMDD') || lpad(k::text, 3, '0');
UPDATE ps_child SET idno = idno || eduaid.id_check_digit(idno);

INSERT INTO eduaid.preschool_enrollment (township_id, batch_id, file_line, kindergarten_id,
                                         child_name, child_id_number, child_birth_date,
                                         created_by, created_at)
SELECT c.tid, x.id, c.k + 1, c.kg, c.name, c.idno, c.birth, c.clerk, now()
  FROM ps_child c JOIN ps_ids x ON x.tid = c.tid AND x.tag = 'enr'
UNION ALL
-- 军店镇's first child is on 城关镇's roll too
SELECT 420325100, x.id, 999, t.kg, c.name, c.idno, c.birth, 'demo_clerk', now()
  FROM ps_child c, ps_ids x, ps_town t
 WHERE c.tid = 420325101 AND c.k = 1 AND x.tid = 420325100 AND x.tag = 'enr'
   AND t.tid = 420325100
UNION ALL
-- the rejected file: 军店镇's first ten children again
SELECT c.tid, x.id, c.k + 1, c.kg, c.name, c.idno, c.birth, c.clerk, now()
  FROM ps_child c JOIN ps_ids x ON x.tid = c.tid AND x.tag = 'enr_rejected'
 WHERE c.k <= 10;

-- Each batch's row count (the importer's close, done by hand here).
UPDATE eduaid.preschool_batch b
   SET row_count = CASE b.kind
       WHEN 'population' THEN (SELECT count(*) FROM eduaid.preschool_population p
                                WHERE p.township_id = b.township_id AND p.batch_id = b.id)
       ELSE (SELECT count(*) FROM eduaid.preschool_enrollment e
              WHERE e.township_id = b.township_id AND e.batch_id = b.id) END,
       updated_by = b.created_by, updated_at = b.created_at
 WHERE b.school_year = 2026;

COMMIT;
