-- sql/data/demo_workflow.sql: move the demo records of demo.sql through the
-- workflow as the people who would: the township's clerk submits, its
-- officer verifies or returns, a supervisor approves or returns. Then each
-- record's timestamps and audit rows move back by up to 150 days so the
-- queues hold records of every age. Included by demo.sql.

CREATE FUNCTION eduaid_demo.run_workflow(kind text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    tbl text := eduaid.record_table(kind);
    s   record;
    r   record;
BEGIN
    FOR s IN SELECT * FROM eduaid_demo.staff ORDER BY township_id LOOP
        EXECUTE format('SET SESSION AUTHORIZATION %I', s.clerk);
        FOR r IN EXECUTE format('SELECT id, eduaid_demo.target(%L || id) AS target FROM eduaid.%I '
                                'WHERE township_id = $1 ORDER BY id', kind, tbl) USING s.township_id
        LOOP
            CONTINUE WHEN r.target = 'draft';
            PERFORM eduaid.submit(kind, r.id);
        END LOOP;
        EXECUTE format('SET SESSION AUTHORIZATION %I', s.officer);
        FOR r IN EXECUTE format('SELECT id, eduaid_demo.target(%L || id) AS target FROM eduaid.%I '
                                'WHERE township_id = $1 AND status = %L ORDER BY id',
                                kind, tbl, 'submitted') USING s.township_id
        LOOP
            IF r.target = 'rejected_officer' THEN
                PERFORM eduaid.reject(kind, r.id, eduaid_demo.choose(r.id || kind,
                    '{身份证号与户籍信息不一致,缺少学籍证明材料,家庭成员信息不完整,请补充村委会证明}'));
            ELSIF r.target <> 'submitted' THEN
                PERFORM eduaid.verify(kind, r.id);
            END IF;
        END LOOP;
        EXECUTE 'RESET SESSION AUTHORIZATION';
    END LOOP;
    FOR r IN EXECUTE format('SELECT id, eduaid_demo.target(%L || id) AS target FROM eduaid.%I '
                            'WHERE status = %L ORDER BY id', kind, tbl, 'verified')
    LOOP
        CONTINUE WHEN r.target = 'verified';
        EXECUTE format('SET SESSION AUTHORIZATION %I',
                       CASE WHEN r.id % 3 = 0 THEN 'demo_supervisor2' ELSE 'demo_supervisor' END);
        IF r.target = 'rejected_supervisor' THEN
            PERFORM eduaid.reject(kind, r.id, eduaid_demo.choose(r.id || kind || 's',
                '{补助标准核定有误,请核实在校证明,金额超过项目标准}'));
        ELSE
            PERFORM eduaid.approve(kind, r.id);
        END IF;
        EXECUTE 'RESET SESSION AUTHORIZATION';
    END LOOP;
END
$$;

SELECT eduaid_demo.run_workflow(k)
  FROM unnest('{household,household_year,training,special_ed,teacher_fund}'::text[]) AS k;

-- Age the records: one offset per record, applied to the record, its
-- members and its audit rows, so every order of events is kept. Demo
-- set-up only: it runs with triggers off (session_replication_role).
CREATE FUNCTION eduaid_demo.age(key text) RETURNS interval LANGUAGE sql IMMUTABLE
RETURN make_interval(days => eduaid_demo.pick(key || 'age', 150),
                     secs => eduaid_demo.pick(key || 'sec', 28800));

SET session_replication_role = replica;
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT * FROM (VALUES ('household', 'household', 'id', true),
            ('student', 'household', 'household_id', false),
            ('household_year', 'household_year', 'id', true),
            ('student_year', 'household_year', 'household_year_id', false),
            ('student_subsidy', 'household_year', 'household_year_id', false),
            ('teacher', 'teacher', 'id', false),
            ('training_enrollment', 'training', 'id', true),
            ('special_ed_plan', 'special_ed', 'id', true),
            ('teacher_fund_application', 'teacher_fund', 'id', true)) AS v(tbl, kind, rec, workflow)
    LOOP
        EXECUTE format('UPDATE eduaid.%I SET created_at = created_at - eduaid_demo.age(%L || %I), '
                       'updated_at = updated_at - eduaid_demo.age(%L || %I)',
                       t.tbl, t.kind, t.rec, t.kind, t.rec)
             || CASE WHEN t.workflow THEN format(
                       ', submitted_at = submitted_at - eduaid_demo.age(%1$L || id), '
                       'verified_at = verified_at - eduaid_demo.age(%1$L || id), '
                       'approved_at = approved_at - eduaid_demo.age(%1$L || id), '
                       'rejected_at = rejected_at - eduaid_demo.age(%1$L || id)', t.kind)
                     ELSE '' END;
    END LOOP;
END
$$;
UPDATE eduaid.audit_log SET at = at - eduaid_demo.age(kind || record_id)
 WHERE kind IN ('household', 'household_year', 'training', 'special_ed', 'teacher',
                'teacher_fund');
SET session_replication_role = origin;
