-- sql/data/demo_admission.sql: the demo county's applications to the
-- targeted college admission plans (定向招生专项计划, issue 17 H4) for the
-- 高考 of 2026, in every township of 房县 that has students at senior high
-- or vocational school in the school year 2025-2026 in a household whose
-- record of that year is approved (registered).
--
-- Each township's clerk (clerk_NNN) enters them, in the
-- order of their grade (highest first) and ID numbers, and takes each as
-- far as its place says:
--   place 0 a draft (short of 3 years at the high school: it could not be
--           submitted), 1 submitted, 2 verified by the township's officer
--           (officer_NNN, demo_officer for 城关镇),
--   3 returned by the officer (材料不全), 4 and on approved (qualified) by a
--   supervisor -- demo_supervisor, or demo_supervisor2 every third.
-- In 城关镇 and 军店镇 places 1 and 3 are approved instead (5 and 7), so
-- that nothing of this file waits in demo_officer's or officer_101's
-- queue or comes back to a clerk the screen tests log in as.
-- The plan follows the place (national, provincial poverty, the colleges'
-- plan); a 监测户's child, whom the provincial plan does not take, applies
-- to the national plan. A township has 5 to 11 of them (5 + its code
-- mod 7, as far as it has students). The township's officer then records
-- the outcome of the qualified, by (place + township code) mod 4: 0 and 1
-- admitted (a college named), 2 not admitted, 3 not yet known -- so the
-- report shows townships admitting from a third to all of their qualified.
-- Everything is written by the people who would, through their grants,
-- row-level security and the workflow functions. Deterministic; loaded
-- by load-demo.sh as the superuser, after demo.sql.
\set ON_ERROR_STOP on
BEGIN;
DO $$
DECLARE
    s       record;
    r       record;
    v_id    bigint;
    v_plan  text;
BEGIN
    FOR s IN SELECT t.id AS township_id,
                    'clerk_' || right(t.id::text, 3) AS clerk,
                    CASE t.id WHEN 420325100 THEN 'demo_officer'
                         ELSE 'officer_' || right(t.id::text, 3) END AS officer
               FROM eduaid.township t WHERE t.county_id = 420325 ORDER BY t.id
    LOOP
        FOR r IN SELECT (row_number() OVER (ORDER BY sy.grade DESC NULLS LAST, st.id_number) - 1)::int
                            AS place,
                        st.id AS student_id, hy.poverty_status,
                        coalesce((SELECT c.id FROM eduaid.school c
                                   WHERE c.id = sy.school_id AND c.kind IN ('senior_high', 'vocational')),
                                 (SELECT c.id FROM eduaid.school c
                                   WHERE c.kind = CASE sy.stage WHEN 'senior_high' THEN 'senior_high'
                                                                ELSE 'vocational' END
                                   ORDER BY c.id LIMIT 1)) AS school_id
                   FROM eduaid.household_year hy
                   JOIN eduaid.student_year sy
                     ON sy.township_id = hy.township_id AND sy.household_year_id = hy.id
                   JOIN eduaid.student st ON st.township_id = sy.township_id AND st.id = sy.student_id
                  WHERE hy.township_id = s.township_id AND hy.school_year = 2025
                    AND hy.status IN ('approved', 'in_notice', 'final')
                    AND sy.stage IN ('senior_high', 'secondary_vocational')
                    AND st.moved_out_on IS NULL
                    -- FX1000011 moves in the transfer walks (52_school_year.t,
                    -- transfer_clerk.keys): an application would keep it (EA244)
                    AND hy.household_id NOT IN (SELECT h.id FROM eduaid.household h
                                                 WHERE h.household_no = 'FX1000011')
                  ORDER BY place LIMIT 5 + s.township_id % 7
        LOOP
            CONTINUE WHEN r.school_id IS NULL;
            -- 城关镇 and 军店镇: nothing waits for their officers, nothing
            -- is returned (the screen tests' officers and clerks)
            IF s.township_id IN (420325100, 420325101) AND r.place IN (1, 3) THEN
                r.place := r.place + 4;
            END IF;
            v_plan := (ARRAY['national', 'provincial_poverty', 'college_special'])[r.place % 3 + 1];
            IF v_plan = 'provincial_poverty' AND r.poverty_status = 'monitored' THEN
                v_plan := 'national';
            END IF;
            EXECUTE format('SET SESSION AUTHORIZATION %I', s.clerk);
            INSERT INTO eduaid.admission (township_id, student_id, exam_year, plan, school_id,
                                          hukou_years, school_years, notes)
            VALUES (s.township_id, r.student_id, 2026, v_plan, r.school_id,
                    3 + (r.place * 7) % 15, CASE WHEN r.place = 0 THEN 2 ELSE 3 END,
                    CASE WHEN r.place = 0 THEN '高一时从外县转入，就读年限待核实' END)
            RETURNING id INTO v_id;
            IF r.place > 0 THEN
                PERFORM eduaid.submit('admission', v_id);
            END IF;
            EXECUTE format('SET SESSION AUTHORIZATION %I', s.officer);
            IF r.place = 3 THEN
                PERFORM eduaid.reject('admission', v_id, '缺少户籍证明材料，请补充户口簿复印件');
            ELSIF r.place >= 2 THEN
                PERFORM eduaid.verify('admission', v_id);
            END IF;
            IF r.place >= 4 THEN
                EXECUTE format('SET SESSION AUTHORIZATION %I',
                               CASE WHEN r.place % 3 = 0 THEN 'demo_supervisor2'
                                    ELSE 'demo_supervisor' END);
                PERFORM eduaid.approve('admission', v_id);
                EXECUTE format('SET SESSION AUTHORIZATION %I', s.officer);
                IF (r.place + s.township_id) % 4 IN (0, 1) THEN
                    INSERT INTO eduaid.admission_outcome (township_id, admission_id, admitted, college)
                    VALUES (s.township_id, v_id, true,
                            (ARRAY['武汉大学', '华中科技大学', '湖北工业大学', '三峡大学',
                                   '华中农业大学', '湖北医药学院'])[(r.place + s.township_id::int) % 6 + 1]);
                ELSIF (r.place + s.township_id) % 4 = 2 THEN
                    INSERT INTO eduaid.admission_outcome (township_id, admission_id, admitted)
                    VALUES (s.township_id, v_id, false);
                END IF;
            END IF;
            EXECUTE 'RESET SESSION AUTHORIZATION';
        END LOOP;
    END LOOP;
END
$$;
COMMIT;
