-- repeatable/36_m_admission.sql: 定向招生专项计划 (issue 17 H4): the
-- functions of the record kind 'admission' (061_admission.sql) -- the
-- application's checks on the register, the outcome's guard, the plans'
-- words, the report and the list of qualified students posted as the
-- 公示. Where they run: 37_triggers.sql; who may: 38_policies.sql and
-- 39_privileges.sql (blocks marked "issue 17 H4"); the workflow, queue and
-- history take the kind through record_table (20_workflow.sql), the queue
-- (36_review_queue.sql) and returned_to_me (30_review.sql).
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- A plan in words (the report's item, the queue's summary, the notice).
CREATE OR REPLACE FUNCTION eduaid.admission_plan_label(p_plan text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE p_plan
    WHEN 'national' THEN '国家专项计划'
    WHEN 'provincial_poverty' THEN '省精准扶贫专项计划'
    WHEN 'college_special' THEN '高校专项计划'
    ELSE p_plan END;

------------------------------------------------------------------------
-- The application's facts from the register, before every insert or
-- update (SECURITY INVOKER: the caller's row-level security, so a
-- student of another township is not found, as one that does not
-- exist). The register keeps a household's poverty status and a child's
-- stage per school year (household_year, student_year, 026/032): the
-- year that counts is the school year the 高考 ends (exam year Y: school
-- year Y-1, that is Y-1 - Y). When the student, the year or the school is
-- named or changed: the student is found in the record's township
-- (admission_student_fk) and his household filled in; the household's
-- record of that school year is counted -- approved, in its notice or
-- final: 建档立卡 that year (admission_household_registered_check); the
-- child's row of that year says senior high or secondary vocational
-- (admission_student_stage_check); the school named is a high school
-- (admission_school_kind_check). On every save that is not a workflow
-- step the household's poverty status of that year is copied (a workflow
-- step keeps the copy the reviewers saw).
CREATE OR REPLACE FUNCTION eduaid.admission_fill() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    st record;
BEGIN
    IF TG_OP = 'INSERT' OR NEW.student_id IS DISTINCT FROM OLD.student_id
       OR NEW.exam_year IS DISTINCT FROM OLD.exam_year
       OR NEW.school_id IS DISTINCT FROM OLD.school_id THEN
        SELECT s.household_id, hy.poverty_status, sy.stage INTO st
          FROM eduaid.student s
          LEFT JOIN eduaid.household_year hy
            ON hy.township_id = s.township_id AND hy.household_id = s.household_id
           AND hy.school_year = NEW.exam_year - 1
           AND hy.status IN ('approved', 'in_notice', 'final')
          LEFT JOIN eduaid.student_year sy
            ON sy.township_id = hy.township_id AND sy.household_year_id = hy.id
           AND sy.student_id = s.id
         WHERE s.township_id = NEW.township_id AND s.id = NEW.student_id
           AND s.moved_out_on IS NULL;
        IF NOT FOUND THEN
            RAISE EXCEPTION USING ERRCODE = 'foreign_key_violation',
                CONSTRAINT = 'admission_student_fk', TABLE = 'admission', SCHEMA = 'eduaid',
                MESSAGE = 'no such student in this township (本乡镇没有这名学生)';
        END IF;
        IF st.poverty_status IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation',
                CONSTRAINT = 'admission_household_registered_check', TABLE = 'admission',
                SCHEMA = 'eduaid',
                MESSAGE = 'the student''s household has no approved record of the school year before the exam (家庭该学年未通过建档立卡核查)';
        END IF;
        IF st.stage IS NULL OR st.stage NOT IN ('senior_high', 'secondary_vocational') THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation',
                CONSTRAINT = 'admission_student_stage_check', TABLE = 'admission', SCHEMA = 'eduaid',
                MESSAGE = 'only a student at senior high or vocational school that year applies (只有当年高中或中职在读学生可以申请)';
        END IF;
        IF NOT EXISTS (SELECT FROM eduaid.school c
                        WHERE c.id = NEW.school_id AND c.kind IN ('senior_high', 'vocational')) THEN
            RAISE EXCEPTION USING ERRCODE = 'check_violation',
                CONSTRAINT = 'admission_school_kind_check', TABLE = 'admission', SCHEMA = 'eduaid',
                MESSAGE = 'the school is not a senior high or vocational school (不是高中或中职学校)';
        END IF;
        NEW.household_id := st.household_id;
        NEW.poverty_status := st.poverty_status;
    ELSIF NEW.status = OLD.status THEN
        NEW.poverty_status := coalesce((SELECT hy.poverty_status FROM eduaid.household_year hy
                                         WHERE hy.township_id = NEW.township_id
                                           AND hy.household_id = NEW.household_id
                                           AND hy.school_year = NEW.exam_year - 1
                                           AND hy.status IN ('approved', 'in_notice', 'final')),
                                       NEW.poverty_status);
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.admission_fill() FROM PUBLIC;

------------------------------------------------------------------------
-- An outcome is recorded (or changed) only for a qualified application:
-- one the caller sees (RLS) that is approved. EA243 otherwise -- the
-- same refusal for an application of another township as for one that
-- does not exist or is not yet approved.
CREATE OR REPLACE FUNCTION eduaid.admission_outcome_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM eduaid.admission a
                    WHERE a.township_id = NEW.township_id AND a.id = NEW.admission_id
                      AND a.status = 'approved') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA243',
            MESSAGE = format('application %s is not approved: no outcome yet (资格审查未批准，不能登记录取结果)',
                             NEW.admission_id);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.admission_id <> OLD.admission_id THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = 'an outcome stays with its application (录取结果不能改挂其他申请)';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.admission_outcome_guard() FROM PUBLIC;

------------------------------------------------------------------------
-- The report (src/db/report.c, "admission"): per township and plan
-- (item: the plan in words) for 高考 year p_year -- applicants (every
-- application past its draft: submitted, verified, approved or rejected),
-- qualified (approved: passed 资格审查), admitted (qualified with an
-- outcome "admitted") and admitted % of the qualified; a township's row
-- over its plans, the plans' rows over the townships and the total.
-- SECURITY INVOKER: an officer's report covers his township, a
-- supervisor's the county (the total row is the county's).
CREATE OR REPLACE FUNCTION eduaid.report_admission(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, applicants bigint,
               qualified bigint, admitted bigint, admitted_pct numeric)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    WITH a AS (
        SELECT a.township_id AS tid, a.plan, count(*) AS n,
               count(*) FILTER (WHERE a.status = 'approved') AS q,
               count(*) FILTER (WHERE a.status = 'approved' AND o.admitted) AS adm
          FROM eduaid.admission a
          LEFT JOIN eduaid.admission_outcome o
            ON o.township_id = a.township_id AND o.admission_id = a.id
         WHERE a.status <> 'draft' AND a.exam_year = p_year
           AND (p_township IS NULL OR a.township_id = p_township)
         GROUP BY 1, 2),
    grid AS (
        SELECT t.id, t.name, p.ord, p.plan, a.n, a.q, a.adm
          FROM eduaid.report_townships(p_township) AS t
         CROSS JOIN (VALUES (1, 'national'), (2, 'provincial_poverty'), (3, 'college_special'))
               AS p(ord, plan)
          LEFT JOIN a ON a.tid = t.id AND a.plan = p.plan)
    SELECT g.id, g.name, eduaid.admission_plan_label(g.plan), sum(coalesce(g.n, 0))::bigint,
           sum(coalesce(g.q, 0))::bigint, sum(coalesce(g.adm, 0))::bigint,
           eduaid.report_pct(sum(coalesce(g.adm, 0)), sum(coalesce(g.q, 0)))
      FROM grid g
     GROUP BY GROUPING SETS ((g.id, g.name, g.ord, g.plan), (g.id, g.name), (g.ord, g.plan), ())
    HAVING count(*) > 0
     ORDER BY g.id NULLS LAST, g.ord NULLS FIRST;
END;
COMMENT ON FUNCTION eduaid.report_admission(int, int) IS
    'eduaid: 定向招生专项计划 -- applicants, qualified and admitted per township and plan of a 高考 year';

------------------------------------------------------------------------
-- The 公示 of qualified students: the approved applications of 高考 year
-- p_year (of township p_township, or every township the caller sees),
-- numbered in township, plan (the report's order) and name order, with the student's name,
-- his ID number masked, the high school and the plan -- what a public
-- notice shows and nothing more. SECURITY INVOKER: RLS keeps each role
-- to its townships (the masked ID number is what every role reads).
CREATE OR REPLACE FUNCTION eduaid.admission_notice(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (line_no bigint, township_id int, township text, name text, masked_id text,
               school text, plan text)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    SELECT row_number() OVER (ORDER BY a.township_id,
                              array_position(ARRAY['national', 'provincial_poverty', 'college_special'],
                                             a.plan),
                              s.name, a.id),
           a.township_id, t.name, s.name, s.id_number_masked, c.name,
           eduaid.admission_plan_label(a.plan)
      FROM eduaid.admission a
      JOIN eduaid.township t ON t.id = a.township_id
      JOIN eduaid.student s ON s.township_id = a.township_id AND s.id = a.student_id
      JOIN eduaid.school c ON c.id = a.school_id
     WHERE a.status = 'approved' AND a.exam_year = p_year
       AND (p_township IS NULL OR a.township_id = p_township)
     ORDER BY 1;
END;
COMMENT ON FUNCTION eduaid.admission_notice(int, int) IS
    'eduaid: 定向招生专项计划 -- the qualified students of a 高考 year as posted (公示): name, masked ID, school, plan';

-- The line of the Plan measures area (src/screens/measures.c): this
-- year's applications (past the draft), qualified, admitted.
CREATE OR REPLACE FUNCTION eduaid.admission_counts(p_year int)
RETURNS TABLE (applications bigint, qualified bigint, admitted bigint)
LANGUAGE sql STABLE SECURITY INVOKER
BEGIN ATOMIC
    SELECT count(*) FILTER (WHERE a.status <> 'draft'),
           count(*) FILTER (WHERE a.status = 'approved'),
           count(*) FILTER (WHERE a.status = 'approved' AND o.admitted)
      FROM eduaid.admission a
      LEFT JOIN eduaid.admission_outcome o
        ON o.township_id = a.township_id AND o.admission_id = a.id
     WHERE a.exam_year = p_year;
END;

REVOKE ALL ON FUNCTION eduaid.admission_plan_label(text), eduaid.report_admission(int, int),
    eduaid.admission_notice(int, int), eduaid.admission_counts(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.admission_plan_label(text), eduaid.report_admission(int, int),
    eduaid.admission_notice(int, int), eduaid.admission_counts(int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
RESET ROLE;
