-- sql/data/demo_teachers.sql: rural teachers (乡村教师, issue 17 H5) for the
-- demo county: the register's posts and subjects, a teacher at each
-- teaching point, the trainings of 2026 and the exchanges of school year
-- 2026-2027. Loaded by load-demo.sh after demo.sql and demo_pairing.sql
-- (the teaching points), as the superuser. Deterministic (md5 of the ID
-- number); every date lies before 16 November 2026, the screen tests'
-- day. Gaps the reports show: about one rural teacher in seven and a few
-- headmasters untrained this year, a third of the 国培 places gone to
-- 城关镇's town schools, scarce-subject teachers trained less often.
\set ON_ERROR_STOP on
BEGIN;

-- A number in [0, n) drawn from key (demo.sql's eduaid_demo.pick).
CREATE FUNCTION pg_temp.pick(key text, n int) RETURNS int
LANGUAGE sql IMMUTABLE
RETURN ('x' || left(md5(key), 7))::bit(28)::int % n;

-- The audit rows made from here on are dated when the work was done (at
-- the end), not at loading: the audit screens' newest rows stay the
-- notice's (demo_notice.sql), as demo_pairing.sql keeps them.
CREATE TEMP TABLE mark AS SELECT coalesce(max(id), 0) AS audit_id FROM eduaid.audit_log;

-- A teacher at each teaching point (教学点): a young village teacher.
INSERT INTO eduaid.teacher (township_id, school_id, name, id_number, sex, birth_date, phone,
                            title, rural_years, post, subject)
SELECT s.township_id, s.id, v.name, idn, eduaid.id_sex(idn), eduaid.id_birth_date(idn),
       '139' || lpad((71000000 + s.id)::text, 8, '0'), '二级教师', v.years, 'teacher', v.subject
  FROM eduaid.school s
  JOIN (VALUES ('城关镇温泉村教学点', '柯小燕', DATE '1996-03-12', 5, 'chinese'),
               ('军店镇高山旗村教学点', '詹志强', DATE '1994-07-21', 8, 'maths'),
               ('九道乡咸池沟村教学点', '明秀兰', DATE '1997-10-02', 4, 'chinese'),
               ('上龛乡仓坪村教学点', '余建国', DATE '1992-05-30', 10, 'pe'))
       AS v (school, name, birth, years, subject) ON v.school = s.name
 CROSS JOIN LATERAL (SELECT p || eduaid.id_check_digit(p)
                       FROM (SELECT '420325' || to_char(v.birth, 'YYYYMMDD') || '46'
                                    || CASE WHEN v.name IN ('詹志强', '余建国') THEN '1' ELSE '2' END
                             AS p) AS x) AS i (idn)
 ORDER BY s.id;

-- Posts: the first teacher of each school (by id) its headmaster, the
-- second its deputy; the others teach. Subjects: preschool in the
-- kindergartens, else drawn from the subjects a rural school has.
WITH ranked AS (
    SELECT t.township_id, t.id, t.id_number, s.kind,
           row_number() OVER (PARTITION BY t.school_id ORDER BY t.id) AS n,
           count(*) OVER (PARTITION BY t.school_id) AS staff
      FROM eduaid.teacher t
      JOIN eduaid.school s ON s.township_id = t.township_id AND s.id = t.school_id
     WHERE t.subject IS NULL)
UPDATE eduaid.teacher t
   SET post = CASE WHEN r.n = 1 THEN 'principal'
                   WHEN r.n = 2 AND r.staff >= 4 THEN 'vice_principal'
                   ELSE 'teacher' END,
       subject = CASE WHEN r.kind = 'kindergarten' THEN 'preschool'
                      ELSE (ARRAY['chinese', 'chinese', 'maths', 'maths', 'english', 'pe',
                                  'music', 'art', 'science', 'practice', 'it',
                                  'morality'])[1 + pg_temp.pick(r.id_number || 'subject', 12)] END
  FROM ranked r
 WHERE t.township_id = r.township_id AND t.id = r.id;

-- Trainings of 2026. Most teachers take a county or provincial training,
-- or a school-based one; scarce-subject teachers a little less often.
INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme, level, hours,
                                     started_on, ended_on)
SELECT t.township_id, t.id, p.programme, p.level, p.hours, p.started_on, p.ended_on
  FROM eduaid.teacher t
 CROSS JOIN LATERAL (SELECT pg_temp.pick(t.id_number || 'train', 100) AS k) AS k
 CROSS JOIN LATERAL (
     SELECT * FROM (VALUES
         (0, '房县2026年乡村教师暑期轮训', 'county', 24.0, DATE '2026-07-13', DATE '2026-07-15'),
         (1, '湖北省乡村教师素质提升培训', 'provincial', 40.0, DATE '2026-08-03', DATE '2026-08-07'),
         (2, '校本研修：新课标教学设计', 'school', 16.0, DATE '2026-03-09', DATE '2026-06-26'))
         AS v (n, programme, level, hours, started_on, ended_on)
      WHERE v.n = k.k % 3) AS p
 WHERE t.active
   AND k.k < CASE WHEN t.subject IN ('english', 'pe', 'music', 'art', 'science', 'practice')
                  THEN 78 ELSE 88 END
 ORDER BY t.township_id, t.id;

-- 国培计划 2026: the places. Village teachers are meant to have them; the
-- demo gives a third of them to 城关镇's town schools (the gap), and one
-- to each teaching point's teacher but 上龛乡's.
INSERT INTO eduaid.teacher_training (township_id, teacher_id, programme, level, hours,
                                     started_on, ended_on)
SELECT t.township_id, t.id, '国培计划（2026）—乡村教师访名校研修', 'national', 80.0,
       DATE '2026-10-12', DATE '2026-10-21'
  FROM eduaid.teacher t
  JOIN eduaid.school s ON s.township_id = t.township_id AND s.id = t.school_id
 WHERE t.active
   AND CASE WHEN s.teaching_point THEN s.name <> '上龛乡仓坪村教学点'
            WHEN s.urban_rural = 'town' THEN pg_temp.pick(t.id_number || 'guopei', 100) < 45
            ELSE pg_temp.pick(t.id_number || 'guopei', 100) < 10 END
 ORDER BY t.township_id, t.id;

-- Exchanges of school year 2026-2027 (轮岗交流): 城关镇's town teachers to
-- village schools of other townships, village teachers to 城关镇, and a
-- few within a township.
INSERT INTO eduaid.teacher_exchange (township_id, teacher_id, from_school_id, to_township_id,
                                     to_school_id, school_year, term, notes)
SELECT t.township_id, t.id, t.school_id, ts.township_id, ts.id, 2026, v.term, v.notes
  FROM (VALUES
        -- (teacher's township, his school's kind, nth teacher, to township, to school, term)
        (420325100, 'primary', 3, 420325101, '军店镇中心小学', 'year', '县城教师下乡支教'),
        (420325100, 'junior', 3, 420325210, '九道乡初级中学', 'year', '县城教师下乡支教'),
        (420325100, 'primary', 4, 420325100, '城关镇温泉村教学点', 'autumn', '到教学点支教一学期'),
        (420325101, 'primary', 3, 420325100, '城关镇中心小学', 'year', '到县城学校跟岗学习'),
        (420325208, 'junior', 3, 420325100, '城关镇初级中学', 'spring', '到县城学校跟岗学习'),
        (420325106, 'primary', 3, 420325106, '门古寺镇初级中学', 'year', NULL))
       AS v (tid, kind, nth, to_tid, to_school, term, notes)
  JOIN LATERAL (SELECT tc.* FROM eduaid.teacher tc
                  JOIN eduaid.school sc ON sc.township_id = tc.township_id AND sc.id = tc.school_id
                 WHERE tc.township_id = v.tid AND sc.kind = v.kind AND NOT sc.teaching_point
                 ORDER BY tc.id OFFSET v.nth - 1 LIMIT 1) AS t ON true
  JOIN eduaid.school ts ON ts.township_id = v.to_tid AND ts.name = v.to_school;

-- When it was done: a training entered the day after it ended, at 4 pm;
-- the exchanges at the end of August; the register's posts and subjects
-- and the teaching points' teachers on 1 September.
SET session_replication_role = replica;
UPDATE eduaid.teacher_training
   SET created_at = ((ended_on + 1) + time '16:00') AT TIME ZONE 'Asia/Shanghai',
       updated_at = ((ended_on + 1) + time '16:00') AT TIME ZONE 'Asia/Shanghai';
UPDATE eduaid.teacher_exchange
   SET created_at = (timestamp '2026-08-25 10:00' + id * interval '1 minute') AT TIME ZONE 'Asia/Shanghai',
       updated_at = (timestamp '2026-08-25 10:00' + id * interval '1 minute') AT TIME ZONE 'Asia/Shanghai';
UPDATE eduaid.audit_log a SET at = x.created_at
  FROM eduaid.teacher_training x, mark k
 WHERE a.id > k.audit_id AND a.table_name = 'teacher_training' AND a.row_id = x.id;
UPDATE eduaid.audit_log a SET at = x.created_at
  FROM eduaid.teacher_exchange x, mark k
 WHERE a.id > k.audit_id AND a.table_name = 'teacher_exchange' AND a.row_id = x.id;
UPDATE eduaid.audit_log a
   SET at = (timestamp '2026-09-01 09:00' + (a.id - k.audit_id) * interval '1 second')
            AT TIME ZONE 'Asia/Shanghai'
  FROM mark k
 WHERE a.id > k.audit_id AND a.table_name NOT IN ('teacher_training', 'teacher_exchange');
SET session_replication_role = origin;

COMMIT;
ANALYZE eduaid.teacher, eduaid.teacher_training, eduaid.teacher_exchange,
    eduaid.teacher_exchange_in;
