-- sql/data/demo_programs.sql: the other three record kinds of demo.sql --
-- training enrollments, special-education plans and teacher fund
-- applications -- inserted as each township's clerk. Included by
-- demo_records.sql, after the households, members and teachers exist.

DO $$
DECLARE
    s       record;
    voc     int := (SELECT id FROM eduaid.school WHERE name = '房县职业技术学校');
    spec    int := (SELECT id FROM eduaid.school WHERE name = '房县特殊教育学校');
    courses int[] := ARRAY(SELECT id FROM eduaid.training_course ORDER BY id);
    banks   text[] := '{中国农业银行房县支行,中国邮政储蓄银行房县支行,湖北房县农村商业银行}';
BEGIN
    FOR s IN SELECT * FROM eduaid_demo.staff ORDER BY township_id LOOP
        EXECUTE format('SET SESSION AUTHORIZATION %I', s.clerk);

        -- Heads of a third of the households train as poor labourers or
        -- as 致富能人; school leavers aged 16-20 (两后生) in most cases.
        INSERT INTO eduaid.training_enrollment (township_id, household_id, trainee_name,
               trainee_id_number, trainee_sex, trainee_birth_date, phone, trainee_type, course_id,
               provider_school_id, batch, needs_survey, start_date, end_date, hours_attended,
               completed, certificate_no, employment_outcome)
        SELECT s.township_id, p.household_id, p.name, p.idn, eduaid.id_sex(p.idn),
               eduaid.id_birth_date(p.idn), eduaid_demo.phone(p.idn), p.kind, c.id, voc,
               '2026-' || b.batch,
               eduaid_demo.choose(p.idn || 'need', '{希望学一门技术外出务工,想在家门口就业,想发展种养殖产业,希望开网店卖土特产}'),
               make_date(2026, 3 * b.batch - 1, 1), make_date(2026, 3 * b.batch - 1, 1) + 30,
               CASE WHEN b.batch < 4 THEN c.hours - eduaid_demo.pick(p.idn || 'abs', 12) ELSE c.hours / 3 END,
               b.batch < 4 AND eduaid_demo.pick(p.idn || 'done', 10) < 9,
               CASE WHEN b.batch < 4 AND eduaid_demo.pick(p.idn || 'done', 10) < 9
                     AND eduaid_demo.pick(p.idn || 'cert', 10) < 8
                    THEN 'ZS2026' || right(p.idn, 6) END,
               CASE WHEN b.batch < 4 AND eduaid_demo.pick(p.idn || 'done', 10) < 9 THEN
                   eduaid_demo.choose(p.idn || 'out', '{employed,employed,employed,employed,self_employed,self_employed,entrepreneur,further_study,unemployed,pending}')
                    ELSE 'pending' END
          FROM (SELECT h.id AS household_id, h.head_name AS name, h.head_id_number AS idn,
                       CASE WHEN eduaid_demo.pick(h.household_no || 'rich', 10) = 0
                            THEN 'rich_leader' ELSE 'poor_labor' END AS kind
                  FROM eduaid.household h
                 WHERE h.township_id = s.township_id
                   AND eduaid_demo.pick(h.household_no || 'train', 3) = 0
                UNION ALL
                SELECT m.household_id, m.name, m.id_number, 'two_after'
                  FROM eduaid.student m
                  JOIN eduaid.student_year my ON my.student_id = m.id AND my.school_year = 2026
                 WHERE m.township_id = s.township_id AND my.stage = 'none'
                   AND eduaid_demo.pick(m.id_number || 'train', 4) < 3) AS p
          CROSS JOIN LATERAL (SELECT 1 + eduaid_demo.pick(p.idn || 'batch', 4) AS batch) AS b
          JOIN eduaid.training_course c
            ON c.id = courses[1 + eduaid_demo.pick(p.idn || 'course', cardinality(courses))]
         ORDER BY p.idn;

        -- 一人一案 for 85% of disabled children who are 6 to 15 when placed.
        INSERT INTO eduaid.special_ed_plan (township_id, household_id, child_name,
               child_id_number, child_sex, child_birth_date, disability_type, disability_grade,
               disability_certificate_no, assessment_date, assessment, placement, school_id, home_teacher_id,
               visits_per_month, individual_plan, placed_on, review_date)
        SELECT m.township_id, m.household_id, m.name, m.id_number, m.sex, m.birth_date,
               m.disability_type, m.disability_grade,
               m.id_number || (array_position('{visual,hearing,speech,physical,intellectual,mental,multiple}'::text[],
                                              m.disability_type))::text || m.disability_grade,
               x.placed - 20, '县残疾儿童教育安置专家委员会评估', pl.placement,
               CASE pl.placement WHEN 'special_school' THEN spec
                                 WHEN 'home_delivery' THEN t.school_id
                                 ELSE coalesce(my.school_id, spec) END,
               CASE WHEN pl.placement = 'home_delivery' THEN t.id END,
               CASE WHEN pl.placement = 'home_delivery' THEN 2 + 2 * eduaid_demo.pick(m.id_number || 'vis', 2) END,
               '制定个别化教育计划，每学期评估调整',
               x.placed, x.placed + 180
          FROM eduaid.student m
          JOIN eduaid.student_year my ON my.student_id = m.id AND my.school_year = 2026
          CROSS JOIN LATERAL (SELECT greatest(DATE '2025-09-01', (m.birth_date + interval '6 years')::date) AS placed) AS x
          CROSS JOIN LATERAL (SELECT CASE
                   WHEN m.disability_grade <= 2 AND eduaid_demo.pick(m.id_number || 'pl', 2) = 0 THEN 'home_delivery'
                   WHEN m.disability_grade <= 2 THEN 'special_school'
                   WHEN eduaid_demo.pick(m.id_number || 'pl', 3) = 0 THEN 'special_class'
                   ELSE 'regular_class' END AS placement) AS pl
          LEFT JOIN LATERAL (SELECT id, school_id FROM eduaid.teacher
                              WHERE township_id = m.township_id ORDER BY id LIMIT 1) AS t ON true
         WHERE m.township_id = s.township_id AND m.disability_type IS NOT NULL
           AND x.placed < (m.birth_date + interval '16 years')::date
           AND x.placed <= DATE '2026-09-01'
           AND eduaid_demo.pick(m.id_number || 'plan', 100) < 85
         ORDER BY m.id;

        -- A third of the teachers apply to a fund program this year.
        INSERT INTO eduaid.teacher_fund_application (township_id, teacher_id, program_id,
               school_year, reason_category, reason_text, amount_requested, amount_approved,
               months, bank_name, bank_account)
        SELECT t.township_id, t.id, f.id, 2026, r.category, r.text, a.requested,
               CASE WHEN eduaid_demo.pick(t.id_number || 'cut', 5) = 0
                    THEN round(a.requested * 0.8, 2) ELSE a.requested END,
               CASE f.code WHEN 'living_allowance' THEN 12 ELSE 1 END,
               eduaid_demo.choose(t.id_number || 'bank', banks),
               '622848' || lpad(eduaid_demo.pick(t.id_number || 'acct', 100000000)::text, 13, '0')
          FROM eduaid.teacher t
          JOIN eduaid.fund_program f ON f.code = eduaid_demo.choose(t.id_number || 'prog',
                   '{ligeng,runyu,living_allowance,living_allowance,hardship}')
          CROSS JOIN LATERAL (SELECT CASE f.code
                   WHEN 'hardship' THEN 'illness'
                   WHEN 'living_allowance' THEN 'remote_post'
                   ELSE eduaid_demo.choose(t.id_number || 'why', '{family_hardship,family_hardship,disaster,illness}')
                   END AS category,
                   CASE f.code
                   WHEN 'hardship' THEN '本人患重病，医疗费用负担重'
                   WHEN 'living_allowance' THEN '在连片特困地区村小任教'
                   ELSE '家庭经济困难，长期扎根乡村教育' END AS text) AS r
          CROSS JOIN LATERAL (SELECT CASE f.code WHEN 'living_allowance' THEN 4800
                   ELSE least(f.max_amount, 2000 + 1000 * eduaid_demo.pick(t.id_number || 'amt', 9)) END
                   AS requested) AS a
         WHERE t.township_id = s.township_id AND eduaid_demo.pick(t.id_number || 'apply', 3) = 0
         ORDER BY t.id;

        EXECUTE 'RESET SESSION AUTHORIZATION';
    END LOOP;
END
$$;
