-- sql/data/reference.sql: 房县's real divisions (copied from the National
-- Bureau of Statistics codes in sql/data/*.csv), its schools, the training
-- course catalogue and the teacher fund programs. Run by load-demo.sh as a
-- superuser from this directory (psql's \copy reads the CSV files).
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO eduaid.county (id, name) VALUES (420325, '房县');
\copy eduaid.township (id, name, county_id) FROM 'townships.csv' CSV HEADER
\copy eduaid.village (id, name, township_id) FROM 'villages.csv' CSV HEADER

-- Every township: a central kindergarten, primary and junior school (the
-- primary and junior schools in the nutrition meal pilot); the county seat
-- also has the high schools, the vocational school and the special school.
INSERT INTO eduaid.school (township_id, name, kind, nutrition_pilot)
SELECT t.id, t.name || s.suffix, s.kind, s.pilot
  FROM eduaid.township t
 CROSS JOIN (VALUES ('中心幼儿园', 'kindergarten', false),
                    ('中心小学', 'primary', true),
                    ('初级中学', 'junior', true)) AS s(suffix, kind, pilot)
 WHERE t.county_id = 420325
 ORDER BY t.id, s.kind;
INSERT INTO eduaid.school (township_id, name, kind, nutrition_pilot) VALUES
    (420325100, '城关镇第二小学', 'primary', true),
    (420325100, '房县第一中学', 'senior_high', false),
    (420325100, '房县第二中学', 'senior_high', false),
    (420325100, '房县职业技术学校', 'vocational', false),
    (420325100, '房县特殊教育学校', 'special', false),
    (420325100, '湖北医药学院', 'college', false);

INSERT INTO eduaid.training_course (name, category, hours) VALUES
    ('电子电工', 'industry', 120),
    ('机电', 'industry', 160),
    ('数控', 'industry', 160),
    ('农业种植', 'agriculture', 60),
    ('养殖', 'agriculture', 60),
    ('农产品加工', 'agriculture', 80),
    ('电子商务', 'commerce', 90),
    ('厨嫂', 'service', 72),
    ('家政', 'service', 72);

INSERT INTO eduaid.fund_program (code, name, max_amount) VALUES
    ('ligeng', '励耕计划', 10000),
    ('runyu', '润雨计划', 10000),
    ('living_allowance', '连片特困地区乡村教师生活补助', 4800),
    ('hardship', '困难教师救助', 5000);
COMMIT;
