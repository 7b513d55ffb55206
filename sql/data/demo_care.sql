-- sql/data/demo_care.sql: 关爱留守儿童, the care ledger of the demo county's
-- left-behind children (issue 17 H2; after demo.sql), made the way people
-- make it: each township's clerk (clerk_NNN) writes, for every
-- left-behind child of this school year, a care record (one in twenty
-- without a guardian yet, one in ten without a contact teacher, one in
-- five without an 爱心妈妈 volunteer); counselling sessions (two in three
-- children this term, one in six only last term, the rest never); and the
-- 少年宫's activities of this term, Monday, Wednesday and Friday at one
-- school per child (the child's own when it is in the township, else the
-- township's first primary school), with attendance: two in three
-- children come to most of them (about 2.5 a week), the others to about
-- two in five (about 1.2 a week: below the plan's twice weekly). Dates are
-- counted from today's term (eduaid.care_term) up to yesterday; choices
-- come from md5 of a key, so every load makes the same choices. The notes
-- are invented, short and general.
\set ON_ERROR_STOP on
BEGIN;

CREATE FUNCTION pg_temp.pick(key text, n int) RETURNS int
LANGUAGE sql IMMUTABLE
RETURN ('x' || left(md5(key), 7))::bit(28)::int % n;

-- The children, their attendance school and their chosen facts.
CREATE TEMP TABLE care_kid AS
SELECT s.township_id, s.household_id, s.id AS student_id, s.id_number AS k,
       coalesce((SELECT sc.id FROM eduaid.school sc
                  WHERE sc.township_id = s.township_id AND sc.id = sy.school_id
                    AND sc.kind IN ('primary', 'junior', 'nine_year')),
                (SELECT min(sc.id) FROM eduaid.school sc
                  WHERE sc.township_id = s.township_id AND sc.active
                    AND sc.kind IN ('primary', 'junior', 'nine_year'))) AS school_id,
       (SELECT t.id FROM eduaid.teacher t
         WHERE t.township_id = s.township_id AND t.active
         ORDER BY t.school_id = sy.school_id DESC, md5(s.id_number || t.id) LIMIT 1) AS teacher_id
  FROM eduaid.student s
  JOIN eduaid.student_year sy ON sy.township_id = s.township_id AND sy.student_id = s.id
                             AND sy.school_year = eduaid.school_year_of(current_date)
 WHERE s.left_behind
   -- FX1000011 moves to 军店镇 in the transfer walks (tests/tui/52_school_year.t,
   -- tests/screens/keys/transfer_clerk.keys): a care record would keep it
   -- (EA244), so it has none
   AND NOT EXISTS (SELECT FROM eduaid.household h
                    WHERE h.township_id = s.township_id AND h.id = s.household_id
                      AND h.household_no = 'FX1000011');
GRANT SELECT ON care_kid TO PUBLIC;

SELECT format('SET SESSION AUTHORIZATION %I', 'clerk_' || right(t.township_id::text, 3)),
       format($sql$
    INSERT INTO eduaid.care_record (township_id, household_id, student_id, guardian_name,
           guardian_relation, guardian_phone, contact_teacher_id, volunteer_name, volunteer_phone)
    SELECT k.township_id, k.household_id, k.student_id, g.name, g.rel,
           CASE WHEN g.name IS NOT NULL AND pg_temp.pick(k.k || 'gp', 7) > 0
                THEN '13' || lpad((pg_temp.pick(k.k || 'gpn', 1000000000))::text, 9, '0') END,
           CASE WHEN pg_temp.pick(k.k || 'te', 10) > 0 THEN k.teacher_id END,
           v.name,
           CASE WHEN v.name IS NOT NULL
                THEN '15' || lpad((pg_temp.pick(k.k || 'vpn', 1000000000))::text, 9, '0') END
      FROM care_kid k
     CROSS JOIN LATERAL (SELECT
           CASE WHEN pg_temp.pick(k.k || 'g', 20) > 0 THEN
               (ARRAY['王', '李', '张', '刘', '陈', '杨', '赵', '黄'])[1 + pg_temp.pick(k.k || 'gs', 8)]
               || (ARRAY['秀英', '桂兰', '德福', '玉珍', '长生', '凤英', '国强', '兰芳'])[1 + pg_temp.pick(k.k || 'gn', 8)]
           END AS name,
           CASE WHEN pg_temp.pick(k.k || 'g', 20) > 0 THEN
               (ARRAY['grandparent', 'grandparent', 'grandparent', 'grandparent', 'grandparent',
                      'grandparent', 'grandparent', 'parent', 'relative', 'relative'])[1 + pg_temp.pick(k.k || 'gr', 10)]
           END AS rel) AS g
     CROSS JOIN LATERAL (SELECT
           CASE WHEN pg_temp.pick(k.k || 'v', 5) > 0 THEN
               (ARRAY['周', '吴', '郑', '孙', '胡', '朱'])[1 + pg_temp.pick(k.k || 'vs', 6)]
               || (ARRAY['丽娟', '春梅', '晓燕', '红霞', '爱华', '美玲'])[1 + pg_temp.pick(k.k || 'vn', 6)]
           END AS name) AS v
     WHERE k.township_id = %s
     ORDER BY k.student_id$sql$, t.township_id),
       format($sql$
    INSERT INTO eduaid.care_counselling (township_id, care_id, session_date, counsellor, counsel_notes)
    SELECT c.township_id, c.id, d.day,
           (ARRAY['心理辅导教师', '班主任', '乡镇中心学校心理咨询室', '县心理健康教育中心'])[1 + pg_temp.pick(k.k || 'cw', 4)],
           (ARRAY['谈话中情绪稳定，说起外出务工的父母时有些想念，约定每周给父母打一次电话。',
                  '近期学习压力较大，和孩子一起订了作息表，请监护人多鼓励。',
                  '与同学相处有小摩擦，已沟通，下次继续关注。',
                  '性格内向，愿意参加少年宫书法活动，建议多给展示机会。'])[1 + pg_temp.pick(k.k || 'cn' || d.day, 4)]
      FROM care_kid k
      JOIN eduaid.care_record c ON c.township_id = k.township_id AND c.student_id = k.student_id
     CROSS JOIN LATERAL (
           SELECT greatest(lower(eduaid.care_term(eduaid.school_year_of(current_date))),
                           current_date - 5 - pg_temp.pick(k.k || 'cd', 60)) AS day
            WHERE pg_temp.pick(k.k || 'c', 6) < 4
           UNION ALL
           SELECT lower(eduaid.care_term(eduaid.school_year_of(current_date))) - 30 - pg_temp.pick(k.k || 'cl', 60)
            WHERE pg_temp.pick(k.k || 'c', 6) IN (0, 4)) AS d
     WHERE k.township_id = %s
     ORDER BY c.id, d.day$sql$, t.township_id),
       format($sql$
    INSERT INTO eduaid.care_activity (township_id, school_id, held_on, kind, title)
    SELECT DISTINCT k.township_id, k.school_id, d.day::date,
           (ARRAY['music', 'dance', 'calligraphy', 'chess', 'science', 'heritage'])
               [1 + (d.day::date - DATE '2014-01-06' + k.school_id) %% 6],
           NULL::text
      FROM care_kid k
     CROSS JOIN generate_series(lower(eduaid.care_term(eduaid.school_year_of(current_date))),
                                current_date - 1, interval '1 day') AS d (day)
     WHERE k.township_id = %s AND k.school_id IS NOT NULL
       AND extract(isodow FROM d.day) IN (1, 3, 5)
     ORDER BY 1, 2, 3$sql$, t.township_id),
       format($sql$
    INSERT INTO eduaid.care_attendance (township_id, activity_id, care_id)
    SELECT c.township_id, a.id, c.id
      FROM care_kid k
      JOIN eduaid.care_record c ON c.township_id = k.township_id AND c.student_id = k.student_id
      JOIN eduaid.care_activity a ON a.township_id = k.township_id AND a.school_id = k.school_id
     WHERE k.township_id = %s
       AND pg_temp.pick(k.k || a.held_on, 20) <
           CASE WHEN pg_temp.pick(k.k || 'a', 3) > 0 THEN 17 ELSE 8 END
     ORDER BY c.id, a.id$sql$, t.township_id),
       'RESET SESSION AUTHORIZATION'
  FROM (SELECT DISTINCT township_id FROM care_kid) AS t
 ORDER BY t.township_id
\gexec

COMMIT;
