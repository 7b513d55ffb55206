-- repeatable/32_ledgers.sql: the ledgers the plan names (issue 5); their
-- tables are 012_ledgers.sql's.
--
-- 控辍保学 (dropout control): three ledgers of a school year over the
-- school-age children (aged 6-15 on September 1 of the school year) who
-- have a row of that year (eduaid.student_year, issue 11: the facts of
-- the year, not today's):
--   school_age  every such child;
--   suspected   those whose schooling_status that year is not 'enrolled',
--               plus every child with a case opened by hand, still
--               unconfirmed;
--   confirmed   those whose case was confirmed as a dropout.
-- Year records count whatever their workflow status: the ledgers track
-- children, not approvals, and a child reported out of school in a draft
-- record needs a visit as much as one in an approved one.
--
--   eduaid.dropout_case   one case per episode: suspected -> confirmed ->
--                         returned (or suspected -> returned); one open
--                         case per child; never deleted
--   eduaid.dropout_visit  persuasion-to-return visits (劝返) of a case
--
-- A child whose year row still says "not enrolled" stays on the suspected
-- ledger unless a case of theirs was closed as back in school after the
-- row last changed (the return is then the newer fact). The year record
-- itself is corrected through the normal workflow.
--
-- Writes go only through these functions (SECURITY DEFINER; clerks and
-- officers of the child's township; EA004 for other roles, EA005 for a
-- child the caller cannot see):
--   eduaid.dropout_open(student, opened_on [, notes])         -> case id
--   eduaid.dropout_visit(student, date, visitor, outcome [, notes]) -> visit id
--       (opens a suspected case dated on the visit when none is open)
--   eduaid.dropout_confirm(student, confirmed_on)             -> case id
--       (opens the case on that date when none is open)
--   eduaid.dropout_return(student, returned_on, school)       -> case id
-- Reading (SECURITY INVOKER: row-level security decides):
--   eduaid.ledger_counts(school_year)   per township: school_age,
--                                       suspected, confirmed, returned
--   eduaid.dropout_ledger(school_year, ledger [, limit])  the rows of one
--                                       ledger ('school_age', 'suspected',
--                                       'confirmed', 'returned')
--   eduaid.dropout_flagged(school_year) the children on the suspected and
--                                       confirmed ledgers
--   eduaid.dropout_visits(student)      every visit of every case of a child
--
-- 送教上门 (home delivery): eduaid.home_visit logs each visit to a child
-- with an approved, active (ended_on null) home-delivery plan: date,
-- teacher of the township, hours, content. Plain INSERT by clerks and
-- officers, checked by the server; never changed or deleted.
--   eduaid.home_delivery_due(month)  approved active home-delivery plans,
--                                    visits logged that month and still due
-- Only approved plans count: a plan not yet approved is no obligation yet.
--
-- 培训台账 (training ledger): eduaid.training_attendance, one row per
-- enrollment and session day (hours, present); INSERT and UPDATE of hours
-- and presence by clerks and officers, never deleted.
--   eduaid.training_ledger(year)     per course and batch: enrolled,
--                                    approved, attendance hours, completed,
--                                    certified, employed
--
-- Refusals: EA004 role, EA005 not found / not visible, EA006 bypassing the
-- ledger (direct state change, deleting, changing a visit), EA021 the
-- case's (or the home-delivery plan's) state does not allow the step --
-- with the constraint dropout_case_student_open_key for a second open
-- case (23505 on the same index when two people open one at once) --,
-- 23514 (check_violation) naming the constraint <table>_<field>_check for
-- a date or value rule, 23503 (dropout_case_student_fk) for removing a
-- household member who has a case.
--
-- Supervisors read every table here (none holds personal data); the
-- ledger functions return ID numbers masked for everyone, and ages as
-- whole years; eduaid.student_school_age exposes only the year a child
-- starts school age, never a birth date.
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- School age (the first year of it: eduaid.school_entry_year, 00_rules.sql).

-- The school year of a date: eduaid.school_year_of, 01_shared_rules.sql.

-- Every member's row of a school year (eduaid.student_year) in the
-- caller's townships with the first year of school age: the one door
-- through which a supervisor (who may not read birth dates) gets ages. It
-- runs with its owner's rights on purpose and scopes by township itself;
-- security_barrier keeps callers' conditions out. One row per child and
-- school year: callers pick the year (school_year, stage and
-- schooling_status are that year's; updated_at is the year row's).
CREATE OR REPLACE VIEW eduaid.student_school_age WITH (security_barrier = true) AS
SELECT sy.township_id, sy.household_id, sy.student_id,
       eduaid.school_entry_year(s.birth_date) AS entry_year,
       sy.schooling_status, sy.updated_at, sy.school_year, sy.stage
  FROM eduaid.student_year sy
  JOIN eduaid.student s ON s.household_id = sy.household_id AND s.id = sy.student_id
 WHERE sy.township_id = ANY ((SELECT eduaid.my_townships())::int[]);
COMMENT ON VIEW eduaid.student_school_age IS
    'eduaid: members'' rows of each school year in the caller''s townships, with the school year in which each turns six on Sept. 1';


------------------------------------------------------------------------
-- Guards: the server's rules whoever writes, the owner's functions included.

-- A date rule broken: check_violation naming the constraint, so the client
-- puts it on the field.
CREATE OR REPLACE FUNCTION eduaid.ledger_date_error(cname text, msg text) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = 'check_violation', CONSTRAINT = cname, MESSAGE = msg;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.ledger_superuser() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
RETURN coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                  WHERE r.rolname = current_user), false);

-- Nothing in a ledger is deleted (a superuser repairing data excepted),
-- and visits and home visits are never changed.
CREATE OR REPLACE FUNCTION eduaid.ledger_keep() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF NOT eduaid.ledger_superuser() THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = format('%s %s: ledger entries are kept, never %s (台账记录不可删除或修改)',
                             TG_TABLE_NAME, OLD.id,
                             CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'changed' END);
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;

-- A case: created suspected by the functions only; the child, household
-- and opening never change; the state moves forward only; a returned case
-- is final; no date lies in the future.
CREATE OR REPLACE FUNCTION eduaid.dropout_case_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT eduaid.trusted_writer() THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = 'dropout cases are opened by eduaid.dropout_open() (请通过台账功能登记)';
        END IF;
        IF NEW.state <> 'suspected' OR NEW.confirmed_on IS NOT NULL OR NEW.returned_on IS NOT NULL THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = 'a dropout case starts as suspected (新登记的辍学个案只能是疑似)';
        END IF;
    ELSE
        IF NOT eduaid.trusted_writer() THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = 'dropout cases change only through eduaid.dropout_confirm() and eduaid.dropout_return() (请通过台账功能操作)';
        END IF;
        IF NEW.student_id <> OLD.student_id OR NEW.household_id <> OLD.household_id
           OR NEW.opened_on <> OLD.opened_on THEN
            RAISE EXCEPTION USING ERRCODE = 'EA006',
                MESSAGE = format('dropout case %s: child and opening date cannot change (个案的儿童和登记日期不可修改)', OLD.id);
        END IF;
        IF OLD.state = 'returned'
           OR (OLD.state = 'confirmed' AND NEW.state = 'suspected')
           OR (OLD.state = 'confirmed' AND NEW.confirmed_on IS DISTINCT FROM OLD.confirmed_on) THEN
            RAISE EXCEPTION USING ERRCODE = 'EA021',
                MESSAGE = format('dropout case %s is %s: it cannot become %s (个案状态只能向前推进)',
                                 OLD.id, OLD.state, NEW.state);
        END IF;
    END IF;
    IF NEW.opened_on > current_date THEN
        PERFORM eduaid.ledger_date_error('dropout_case_opened_on_check',
            'the case cannot be opened on a future date (登记日期不能晚于今天)');
    END IF;
    IF NEW.confirmed_on > current_date THEN
        PERFORM eduaid.ledger_date_error('dropout_case_confirmed_on_check',
            'the confirmation date cannot be in the future (确认日期不能晚于今天)');
    END IF;
    IF NEW.confirmed_on < NEW.opened_on THEN
        PERFORM eduaid.ledger_date_error('dropout_case_confirmed_on_check',
            format('the confirmation date cannot be before the case was opened (%s) (确认日期不能早于登记日期)',
                   NEW.opened_on));
    END IF;
    IF NEW.returned_on > current_date THEN
        PERFORM eduaid.ledger_date_error('dropout_case_returned_on_check',
            'the date back in school cannot be in the future (返校日期不能晚于今天)');
    END IF;
    IF NEW.returned_on < coalesce(NEW.confirmed_on, NEW.opened_on) THEN
        PERFORM eduaid.ledger_date_error('dropout_case_returned_on_check',
            format('the date back in school cannot be before %s (返校日期不能早于登记或确认日期)',
                   coalesce(NEW.confirmed_on, NEW.opened_on)));
    END IF;
    RETURN NEW;
END
$$;

-- A visit lies between the opening of its case and today (and not after
-- the child was back in school).
CREATE OR REPLACE FUNCTION eduaid.dropout_visit_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record;
BEGIN
    IF NOT eduaid.trusted_writer() THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = 'visits are recorded by eduaid.dropout_visit() (请通过台账功能登记走访)';
    END IF;
    SELECT d.opened_on, d.returned_on INTO c FROM eduaid.dropout_case d
     WHERE d.township_id = NEW.township_id AND d.id = NEW.case_id;
    IF NEW.visit_date > current_date THEN
        PERFORM eduaid.ledger_date_error('dropout_visit_visit_date_check',
            'the visit date cannot be in the future (走访日期不能晚于今天)');
    END IF;
    IF NEW.visit_date < c.opened_on THEN
        PERFORM eduaid.ledger_date_error('dropout_visit_visit_date_check',
            format('the visit date cannot be before the case was opened (%s) (走访日期不能早于登记日期)',
                   c.opened_on));
    END IF;
    IF NEW.visit_date > c.returned_on THEN
        PERFORM eduaid.ledger_date_error('dropout_visit_visit_date_check',
            format('the child was back in school on %s (该生已于%s返校)', c.returned_on, c.returned_on));
    END IF;
    RETURN NEW;
END
$$;

-- A home visit: to a child with an approved, active home-delivery plan,
-- not before the placement, not in the future, by an active teacher.
CREATE OR REPLACE FUNCTION eduaid.home_visit_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    p record;
BEGIN
    SELECT sp.placement, sp.status, sp.placed_on, sp.ended_on INTO p
      FROM eduaid.special_ed_plan sp
     WHERE sp.township_id = NEW.township_id AND sp.id = NEW.plan_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('special-education plan %s not found (安置方案不存在或无权查看)', NEW.plan_id);
    END IF;
    IF p.placement <> 'home_delivery' OR p.status <> 'approved' OR p.ended_on IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA021', CONSTRAINT = 'home_visit_plan_id_check',
            MESSAGE = format('plan %s is not an approved, active home-delivery plan (该方案不是已审批且有效的送教上门方案)',
                             NEW.plan_id);
    END IF;
    IF NEW.visit_date > current_date THEN
        PERFORM eduaid.ledger_date_error('home_visit_visit_date_check',
            'the visit date cannot be in the future (送教日期不能晚于今天)');
    END IF;
    IF NEW.visit_date < p.placed_on THEN
        PERFORM eduaid.ledger_date_error('home_visit_visit_date_check',
            format('the visit date cannot be before the placement (%s) (送教日期不能早于安置日期)', p.placed_on));
    END IF;
    IF NOT EXISTS (SELECT FROM eduaid.teacher t
                    WHERE t.township_id = NEW.township_id AND t.id = NEW.teacher_id AND t.active) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005', CONSTRAINT = 'home_visit_teacher_fk',
            MESSAGE = format('teacher %s is not an active teacher of the township (教师不属于本乡镇或已停用)',
                             NEW.teacher_id);
    END IF;
    RETURN NEW;
END
$$;

-- Attendance: a session day of the course, not before it started, not
-- after it ended, not in the future; the enrollment never changes.
CREATE OR REPLACE FUNCTION eduaid.training_attendance_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    e record;
BEGIN
    IF TG_OP = 'UPDATE' AND (NEW.enrollment_id <> OLD.enrollment_id
                             OR NEW.session_date <> OLD.session_date) THEN
        RAISE EXCEPTION USING ERRCODE = 'EA006',
            MESSAGE = 'an attendance row keeps its enrollment and day (出勤记录的学员和日期不可修改)';
    END IF;
    SELECT te.start_date, te.end_date INTO e FROM eduaid.training_enrollment te
     WHERE te.township_id = NEW.township_id AND te.id = NEW.enrollment_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('training enrollment %s not found (培训记录不存在或无权查看)', NEW.enrollment_id);
    END IF;
    IF NEW.session_date > current_date THEN
        PERFORM eduaid.ledger_date_error('training_attendance_session_date_check',
            'the session date cannot be in the future (上课日期不能晚于今天)');
    END IF;
    IF NEW.session_date < e.start_date OR NEW.session_date > e.end_date THEN
        PERFORM eduaid.ledger_date_error('training_attendance_session_date_check',
            format('the session date must lie in the course (%s to %s) (上课日期须在培训期间内)',
                   e.start_date, coalesce(e.end_date::text, '')));
    END IF;
    RETURN NEW;
END
$$;

------------------------------------------------------------------------
-- The writing functions of 控辍保学.

-- The caller may write the ledgers (clerk or officer), or EA004.
CREATE OR REPLACE FUNCTION eduaid.ledger_writer_check() RETURNS void
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    r text := eduaid.my_role();
BEGIN
    IF r IS NULL OR r NOT IN ('clerk', 'officer') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot write the ledgers (当前角色无此权限)',
                             coalesce(r, 'non-eduaid user'));
    END IF;
END
$$;

-- The child p_student of the caller's townships (township_id, household_id,
-- birth_date), or EA005.
CREATE OR REPLACE FUNCTION eduaid.ledger_child(p_student bigint) RETURNS eduaid.student
LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s eduaid.student;
BEGIN
    SELECT * INTO s FROM eduaid.student st
     WHERE st.id = p_student AND st.township_id = ANY (eduaid.my_townships());
    IF NOT FOUND THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('child %s not found (学生不存在或无权查看)', p_student);
    END IF;
    RETURN s;
END
$$;

-- The open case of a child, locked, or NULL.
CREATE OR REPLACE FUNCTION eduaid.ledger_open_case(p_student bigint) RETURNS eduaid.dropout_case
LANGUAGE sql VOLATILE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT d.* FROM eduaid.dropout_case d
     WHERE d.student_id = p_student AND d.state <> 'returned' FOR UPDATE;
END;

CREATE OR REPLACE FUNCTION eduaid.dropout_open(p_student bigint, p_opened_on date DEFAULT current_date,
                                    p_notes text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s      eduaid.student;
    new_id bigint;
BEGIN
    PERFORM eduaid.ledger_writer_check();
    s := eduaid.ledger_child(p_student);
    IF p_opened_on IS NULL THEN
        PERFORM eduaid.ledger_date_error('dropout_case_opened_on_check',
            'the date the case is opened is required (请填写登记日期)');
    END IF;
    IF (eduaid.ledger_open_case(p_student)).id IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA021', CONSTRAINT = 'dropout_case_student_open_key',
            MESSAGE = format('child %s already has an open dropout case (该生已有未结案的辍学个案)', p_student);
    END IF;
    IF eduaid.school_entry_year(s.birth_date) NOT BETWEEN eduaid.school_year_of(p_opened_on) - 9
                                                      AND eduaid.school_year_of(p_opened_on) THEN
        PERFORM eduaid.ledger_date_error('dropout_case_opened_on_check',
            'the child is not of school age (6-15 on September 1) in that school year (该生在该学年不在义务教育年龄段)');
    END IF;
    INSERT INTO eduaid.dropout_case (township_id, household_id, student_id, opened_on, notes)
    VALUES (s.township_id, s.household_id, s.id, p_opened_on, eduaid.tidy(p_notes))
    RETURNING id INTO new_id;
    RETURN new_id;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.dropout_visit(p_student bigint, p_visit_date date, p_visitor text,
                                     p_outcome text, p_notes text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    s      eduaid.student;
    c      eduaid.dropout_case;
    new_id bigint;
BEGIN
    PERFORM eduaid.ledger_writer_check();
    s := eduaid.ledger_child(p_student);
    IF p_visit_date IS NULL THEN
        PERFORM eduaid.ledger_date_error('dropout_visit_visit_date_check',
            'the visit date is required (请填写走访日期)');
    END IF;
    c := eduaid.ledger_open_case(p_student);
    IF c.id IS NULL THEN
        PERFORM eduaid.dropout_open(p_student, p_visit_date, NULL);
        c := eduaid.ledger_open_case(p_student);
    END IF;
    INSERT INTO eduaid.dropout_visit (township_id, case_id, visit_date, visitor, outcome, notes)
    VALUES (c.township_id, c.id, p_visit_date, eduaid.tidy(p_visitor), p_outcome,
            eduaid.tidy(p_notes))
    RETURNING id INTO new_id;
    RETURN new_id;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.dropout_confirm(p_student bigint, p_confirmed_on date DEFAULT current_date)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c eduaid.dropout_case;
BEGIN
    PERFORM eduaid.ledger_writer_check();
    PERFORM eduaid.ledger_child(p_student);
    IF p_confirmed_on IS NULL THEN
        PERFORM eduaid.ledger_date_error('dropout_case_confirmed_on_check',
            'the confirmation date is required (请填写确认日期)');
    END IF;
    c := eduaid.ledger_open_case(p_student);
    IF c.id IS NULL THEN
        PERFORM eduaid.dropout_open(p_student, p_confirmed_on, NULL);
        c := eduaid.ledger_open_case(p_student);
    END IF;
    IF c.state <> 'suspected' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA021',
            MESSAGE = format('dropout case %s is already %s (个案已确认)', c.id, c.state);
    END IF;
    UPDATE eduaid.dropout_case d
       SET state = 'confirmed', confirmed_on = p_confirmed_on, confirmed_by = session_user
     WHERE d.township_id = c.township_id AND d.id = c.id;
    RETURN c.id;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.dropout_return(p_student bigint, p_returned_on date, p_school_id int)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c eduaid.dropout_case;
BEGIN
    PERFORM eduaid.ledger_writer_check();
    PERFORM eduaid.ledger_child(p_student);
    c := eduaid.ledger_open_case(p_student);
    IF c.id IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA021',
            MESSAGE = format('child %s has no open dropout case (该生没有未结案的辍学个案)', p_student);
    END IF;
    IF p_returned_on IS NULL THEN
        PERFORM eduaid.ledger_date_error('dropout_case_returned_on_check',
            'the date back in school is required (请填写返校日期)');
    END IF;
    IF p_school_id IS NULL OR NOT EXISTS (SELECT FROM eduaid.school sc
                                           WHERE sc.id = p_school_id AND sc.active) THEN
        PERFORM eduaid.ledger_date_error('dropout_case_returned_school_id_check',
            'the school the child is back in is required (请选择返回的学校)');
    END IF;
    UPDATE eduaid.dropout_case d
       SET state = 'returned', returned_on = p_returned_on, returned_school_id = p_school_id,
           returned_by = session_user
     WHERE d.township_id = c.township_id AND d.id = c.id;
    RETURN c.id;
END
$$;

------------------------------------------------------------------------
-- Reading the ledgers (SECURITY INVOKER).

-- The school-age children of the caller's townships in school_year who
-- stand on the suspected or the confirmed ledger (standing): those with an
-- open case (its state), and those whose record says they are out of
-- school, with no open case and no case closed as back in school since the
-- record last changed ('suspected', case_id NULL). Read from the few
-- children out of school and the cases, never from every child.
CREATE OR REPLACE FUNCTION eduaid.dropout_flagged(school_year int)
RETURNS TABLE (township_id int, household_id bigint, student_id bigint, age int,
               case_id bigint, standing text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    -- (A correlated lookup, kept apart by OFFSET 0: each case finds its
    -- child by the primary key instead of a join over every child.)
    SELECT a.township_id, a.household_id, a.student_id,
           dropout_flagged.school_year - a.entry_year + 6,
           oc.id, oc.state
      FROM eduaid.dropout_case oc
     CROSS JOIN LATERAL (
           SELECT v.* FROM eduaid.student_school_age v
            WHERE v.township_id = oc.township_id AND v.student_id = oc.student_id
              AND v.school_year = dropout_flagged.school_year
           OFFSET 0) a
     WHERE oc.state <> 'returned'
       AND a.entry_year BETWEEN dropout_flagged.school_year - 9 AND dropout_flagged.school_year
    UNION ALL
    SELECT a.township_id, a.household_id, a.student_id,
           dropout_flagged.school_year - a.entry_year + 6,
           NULL, 'suspected'
      FROM eduaid.student_school_age a
     WHERE a.schooling_status <> 'enrolled' AND a.school_year = dropout_flagged.school_year
       AND a.entry_year BETWEEN dropout_flagged.school_year - 9 AND dropout_flagged.school_year
       AND NOT EXISTS (SELECT FROM eduaid.dropout_case d
                        WHERE d.township_id = a.township_id AND d.student_id = a.student_id
                          AND (d.state <> 'returned' OR d.updated_at >= a.updated_at));
END;

------------------------------------------------------------------------
-- The school-age tally (056_report_scale.sql): year rows by township,
-- school year, first year of school age (from the child's birth date) and
-- out of school, kept by triggers (37_triggers.sql) as the owner: the
-- tally is nobody's to write. Rows without a birth date are not counted
-- (never of school age).

-- Add (sign 1) or take away (-1) year rows, given as their keys.
CREATE OR REPLACE FUNCTION eduaid.school_age_tally_add(sign int, p_town int[], p_year int[],
                                                       p_entry int[], p_out boolean[])
RETURNS void
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    INSERT INTO eduaid.school_age_tally AS t (township_id, school_year, entry_year,
                                              out_of_school, n)
    SELECT x.town, x.year, x.entry, x.out_, count(*)
      FROM unnest(p_town, p_year, p_entry, p_out) AS x (town, year, entry, out_)
     WHERE sign > 0 AND x.entry IS NOT NULL
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (township_id, school_year, entry_year, out_of_school)
    DO UPDATE SET n = t.n + EXCLUDED.n;
    UPDATE eduaid.school_age_tally AS t SET n = t.n - x.n
      FROM (SELECT x.town, x.year, x.entry, x.out_, count(*) AS n
              FROM unnest(p_town, p_year, p_entry, p_out) AS x (town, year, entry, out_)
             WHERE sign < 0 AND x.entry IS NOT NULL
             GROUP BY 1, 2, 3, 4) AS x
     WHERE t.township_id = x.town AND t.school_year = x.year AND t.entry_year = x.entry
       AND t.out_of_school = x.out_;
END;

-- Statement trigger on student_year (transition tables old_rows and
-- new_rows): the rows deleted or as they were taken away, the rows
-- inserted or as they are now added. A row whose student is gone was
-- taken away by the student's own trigger (school_age_tally_student),
-- before the student's deletion took its year rows with it.
CREATE OR REPLACE FUNCTION eduaid.school_age_tally_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM eduaid.school_age_tally_add(-1, array_agg(o.township_id), array_agg(o.school_year),
                    array_agg(eduaid.school_entry_year(s.birth_date)),
                    array_agg(o.schooling_status <> 'enrolled'))
           FROM old_rows o
           JOIN eduaid.student s ON s.household_id = o.household_id AND s.id = o.student_id
         HAVING count(*) > 0;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM eduaid.school_age_tally_add(1, array_agg(n.township_id), array_agg(n.school_year),
                    array_agg(eduaid.school_entry_year(s.birth_date)),
                    array_agg(n.schooling_status <> 'enrolled'))
           FROM new_rows n
           JOIN eduaid.student s ON s.household_id = n.household_id AND s.id = n.student_id
         HAVING count(*) > 0;
    END IF;
    RETURN NULL;
END
$$;

-- Row trigger on student: a student about to be deleted takes his year
-- rows away (BEFORE DELETE: they are still there); a changed birth date
-- moves them to the new first year (AFTER UPDATE). His year rows may lie
-- in several townships (a past year stays where it was): each township's
-- index is probed by the student's id.
CREATE OR REPLACE FUNCTION eduaid.school_age_tally_student() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    towns int[];
    years int[];
    outs  boolean[];
BEGIN
    SELECT array_agg(sy.township_id), array_agg(sy.school_year),
           array_agg(sy.schooling_status <> 'enrolled')
      INTO towns, years, outs
      FROM eduaid.township t
      JOIN eduaid.student_year sy ON sy.township_id = t.id AND sy.student_id = OLD.id
     WHERE sy.household_id = OLD.household_id;
    IF towns IS NOT NULL THEN
        PERFORM eduaid.school_age_tally_add(-1, towns, years,
                    array_fill(eduaid.school_entry_year(OLD.birth_date), ARRAY[cardinality(towns)]),
                    outs);
        IF TG_OP = 'UPDATE' THEN
            PERFORM eduaid.school_age_tally_add(1, towns, years,
                        array_fill(eduaid.school_entry_year(NEW.birth_date), ARRAY[cardinality(towns)]),
                        outs);
        END IF;
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;

-- Count it again from the rows (after a load with triggers off;
-- eduaid.report_tally_rebuild calls it); returns its rows.
CREATE OR REPLACE FUNCTION eduaid.school_age_tally_rebuild() RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    rows bigint;
BEGIN
    DELETE FROM eduaid.school_age_tally;
    INSERT INTO eduaid.school_age_tally (township_id, school_year, entry_year, out_of_school, n)
    SELECT sy.township_id, sy.school_year, eduaid.school_entry_year(s.birth_date),
           sy.schooling_status <> 'enrolled', count(*)
      FROM eduaid.student_year sy
      JOIN eduaid.student s ON s.household_id = sy.household_id AND s.id = sy.student_id
     WHERE s.birth_date IS NOT NULL
     GROUP BY 1, 2, 3, 4;
    GET DIAGNOSTICS rows = ROW_COUNT;
    RETURN rows;
END
$$;

REVOKE ALL ON FUNCTION eduaid.school_age_tally_add(int, int[], int[], int[], boolean[]),
    eduaid.school_age_tally_rows(), eduaid.school_age_tally_student(),
    eduaid.school_age_tally_rebuild() FROM PUBLIC;

-- The counts of the ledgers per township (issue 16: read from
-- eduaid.school_age_tally and the cases, never from every child; the
-- same figures as counting eduaid.dropout_flagged, tests/db/76_report_scale.sql):
--   school_age  the tally's year rows of school age;
--   confirmed   the open confirmed cases of school-age children with a
--               row of the year (dropout_flagged's first part);
--   suspected   the open suspected cases likewise, plus the tally's
--               out-of-school rows of school age less those a case keeps
--               off the list (dropout_flagged's second part: an open
--               case, or one changed since the row was);
--   returned    cases closed as back in school during the year.
CREATE OR REPLACE FUNCTION eduaid.ledger_counts(school_year int)
RETURNS TABLE (township_id int, school_age bigint, suspected bigint, confirmed bigint,
               returned bigint)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH age AS (
        SELECT a.township_id, sum(a.n) AS school_age,
               sum(a.n) FILTER (WHERE a.out_of_school) AS out_of_school
          FROM eduaid.school_age_tally a
         WHERE a.school_year = ledger_counts.school_year
           AND a.entry_year BETWEEN ledger_counts.school_year - 9 AND ledger_counts.school_year
           AND a.township_id = ANY ((SELECT eduaid.my_townships())::int[])
         GROUP BY a.township_id
    ), cased AS (
        -- each child with a case, and the child's school-age row of the
        -- year (found by the key, kept apart by OFFSET 0)
        SELECT a.township_id,
               (SELECT oc.state FROM eduaid.dropout_case oc
                 WHERE oc.township_id = c.township_id AND oc.student_id = c.student_id
                   AND oc.state <> 'returned' LIMIT 1) AS open_state,
               a.schooling_status <> 'enrolled'
               AND EXISTS (SELECT FROM eduaid.dropout_case d
                            WHERE d.township_id = a.township_id AND d.student_id = a.student_id
                              AND (d.state <> 'returned' OR d.updated_at >= a.updated_at))
                   AS kept_off
          FROM (SELECT DISTINCT d.township_id, d.student_id FROM eduaid.dropout_case d) c
         CROSS JOIN LATERAL (
               SELECT v.* FROM eduaid.student_school_age v
                WHERE v.township_id = c.township_id AND v.student_id = c.student_id
                  AND v.school_year = ledger_counts.school_year
               OFFSET 0) a
         WHERE a.entry_year BETWEEN ledger_counts.school_year - 9 AND ledger_counts.school_year
    ), flagged AS (
        SELECT c.township_id,
               count(*) FILTER (WHERE c.open_state = 'suspected')
               - count(*) FILTER (WHERE c.kept_off) AS suspected,
               count(*) FILTER (WHERE c.open_state = 'confirmed') AS confirmed
          FROM cased c
         GROUP BY c.township_id
    ), back AS (
        SELECT d.township_id, count(*) AS returned
          FROM eduaid.dropout_case d
         WHERE d.state = 'returned'
           AND d.returned_on BETWEEN make_date(school_year, 9, 1)
                                 AND make_date(school_year + 1, 8, 31)
         GROUP BY d.township_id
    )
    SELECT t.id, coalesce(a.school_age, 0),
           coalesce(a.out_of_school, 0) + coalesce(f.suspected, 0),
           coalesce(f.confirmed, 0), coalesce(b.returned, 0)
      FROM eduaid.township t
      LEFT JOIN age a ON a.township_id = t.id
      LEFT JOIN flagged f ON f.township_id = t.id
      LEFT JOIN back b ON b.township_id = t.id
     WHERE t.id = ANY ((SELECT eduaid.my_townships())::int[])
     ORDER BY t.id;
END;

-- The rows of one ledger: 'school_age', 'suspected', 'confirmed', or
-- 'returned' (cases closed as back in school in that school year), by
-- township and household, at most p_limit of them (NULL: all).
CREATE OR REPLACE FUNCTION eduaid.dropout_ledger(school_year int, ledger text, p_limit int DEFAULT NULL)
RETURNS TABLE (township_id int, student_id bigint, household_no text, name text,
               id_number_masked text, age int, stage text, schooling_status text,
               case_id bigint, state text, opened_on date, confirmed_on date,
               returned_on date, returned_school text, visits bigint, last_visit date)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    WITH rows AS (
        SELECT a.township_id, a.household_id, a.student_id,
               dropout_ledger.school_year - a.entry_year + 6 AS age, NULL::bigint AS case_id
          FROM eduaid.student_school_age a
         WHERE ledger = 'school_age' AND a.school_year = dropout_ledger.school_year
           AND a.entry_year BETWEEN dropout_ledger.school_year - 9 AND dropout_ledger.school_year
        UNION ALL
        SELECT f.township_id, f.household_id, f.student_id, f.age, f.case_id
          FROM eduaid.dropout_flagged(school_year) f
         WHERE ledger IN ('suspected', 'confirmed') AND f.standing = ledger
        UNION ALL
        SELECT d.township_id, d.household_id, d.student_id,
               (SELECT dropout_ledger.school_year - min(a.entry_year) + 6
                  FROM eduaid.student_school_age a
                 WHERE a.township_id = d.township_id AND a.student_id = d.student_id), d.id
          FROM eduaid.dropout_case d
         WHERE ledger = 'returned' AND d.state = 'returned'
           AND d.returned_on BETWEEN make_date(school_year, 9, 1)
                                 AND make_date(school_year + 1, 8, 31)
    ), page AS (
        SELECT r.* FROM rows r
         ORDER BY r.township_id, r.household_id, r.student_id, r.case_id
         LIMIT p_limit
    )
    SELECT r.township_id, r.student_id, h.household_no, s.name, s.id_number_masked, r.age,
           sy.stage, sy.schooling_status, d.id, d.state, d.opened_on, d.confirmed_on,
           d.returned_on, sc.name,
           (SELECT count(*) FROM eduaid.dropout_visit v
             WHERE v.township_id = d.township_id AND v.case_id = d.id),
           (SELECT max(v.visit_date) FROM eduaid.dropout_visit v
             WHERE v.township_id = d.township_id AND v.case_id = d.id)
      FROM page r
      JOIN eduaid.student s ON s.household_id = r.household_id AND s.id = r.student_id
      JOIN eduaid.household h ON h.id = r.household_id
      -- the child's stage and status of that year (none: a returned case
      -- of a child with no row of the year)
      LEFT JOIN eduaid.student_year sy ON sy.township_id = r.township_id
       AND sy.student_id = r.student_id AND sy.school_year = dropout_ledger.school_year
      LEFT JOIN eduaid.dropout_case d ON d.township_id = r.township_id
       AND d.id = coalesce(r.case_id, (SELECT oc.id FROM eduaid.dropout_case oc
                                        WHERE oc.township_id = r.township_id
                                          AND oc.student_id = r.student_id
                                          AND oc.state <> 'returned'))
      LEFT JOIN eduaid.school sc ON sc.id = d.returned_school_id
     ORDER BY r.township_id, r.household_id, r.student_id, r.case_id;
END;

-- Every visit of every case of a child, newest first, with who recorded
-- it (login, and the name from eduaid.user_directory).
CREATE OR REPLACE FUNCTION eduaid.dropout_visits(p_student bigint)
RETURNS TABLE (case_id bigint, state text, visit_id bigint, visit_date date, visitor text,
               outcome text, notes text, recorded_by text, recorded_by_name text)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT d.id, d.state, v.id, v.visit_date, v.visitor, v.outcome, v.notes, v.created_by,
           coalesce(u.full_name, v.created_by)
      FROM eduaid.dropout_case d
      JOIN eduaid.dropout_visit v ON v.township_id = d.township_id AND v.case_id = d.id
      LEFT JOIN eduaid.user_directory u ON u.login = v.created_by
     WHERE d.student_id = p_student
     ORDER BY v.visit_date DESC, v.id DESC;
END;

-- Approved, active home-delivery plans with the visits logged in the
-- month of p_month and how many are still due (never below zero).
CREATE OR REPLACE FUNCTION eduaid.home_delivery_due(p_month date DEFAULT current_date)
RETURNS TABLE (township_id int, plan_id bigint, child_name text, teacher_id bigint,
               teacher_name text, visits_per_month int, visits_logged bigint, due int,
               last_visit date)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT p.township_id, p.id, p.child_name, p.home_teacher_id, t.name, p.visits_per_month,
           coalesce(v.n, 0), greatest(p.visits_per_month - coalesce(v.n, 0), 0)::int, v.last
      FROM eduaid.special_ed_plan p
      LEFT JOIN eduaid.teacher t ON t.township_id = p.township_id AND t.id = p.home_teacher_id
      LEFT JOIN LATERAL (
          SELECT count(*) FILTER (WHERE hv.visit_date >= date_trunc('month', p_month)::date
                                    AND hv.visit_date < (date_trunc('month', p_month)
                                                         + interval '1 month')::date) AS n,
                 max(hv.visit_date) AS last
            FROM eduaid.home_visit hv
           WHERE hv.township_id = p.township_id AND hv.plan_id = p.id) v ON true
     WHERE p.placement = 'home_delivery' AND p.status = 'approved' AND p.ended_on IS NULL
     ORDER BY 8 DESC, p.township_id, p.child_name, p.id;
END;

-- The training ledger per course and batch (of one year when p_year is
-- given: batches are named "YYYY-N"): enrollments in every workflow
-- state, how many are approved, attendance recorded (sessions and hours
-- present), the hours on the enrollments, completed, certified, employed
-- (employed, self-employed or entrepreneur).
CREATE OR REPLACE FUNCTION eduaid.training_ledger(p_year int DEFAULT NULL)
RETURNS TABLE (course_id int, course_name text, batch text, enrolled bigint,
               approved bigint, sessions bigint, hours_present numeric,
               hours_attended bigint, completed bigint, certified bigint, employed bigint)
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
BEGIN ATOMIC
    SELECT e.course_id, c.name, e.batch, count(*),
           count(*) FILTER (WHERE e.status = 'approved'),
           coalesce(sum(a.sessions), 0), coalesce(sum(a.hours), 0),
           sum(e.hours_attended),
           count(*) FILTER (WHERE e.completed),
           count(*) FILTER (WHERE e.certificate_no IS NOT NULL),
           count(*) FILTER (WHERE e.employment_outcome IN ('employed', 'self_employed',
                                                           'entrepreneur'))
      FROM eduaid.training_enrollment e
      JOIN eduaid.training_course c ON c.id = e.course_id
      LEFT JOIN LATERAL (
          SELECT count(*) FILTER (WHERE ta.present) AS sessions,
                 sum(ta.hours) FILTER (WHERE ta.present) AS hours
            FROM eduaid.training_attendance ta
           WHERE ta.township_id = e.township_id AND ta.enrollment_id = e.id) a ON true
     WHERE p_year IS NULL OR left(e.batch, 4) = p_year::text
     GROUP BY e.course_id, c.name, e.batch
     ORDER BY e.batch DESC, c.name;
END;

REVOKE ALL ON FUNCTION eduaid.ledger_date_error(text, text),
    eduaid.ledger_superuser(), eduaid.ledger_writer_check(), eduaid.ledger_child(bigint),
    eduaid.ledger_open_case(bigint), eduaid.dropout_open(bigint, date, text),
    eduaid.dropout_visit(bigint, date, text, text, text), eduaid.dropout_confirm(bigint, date),
    eduaid.dropout_return(bigint, date, int), eduaid.dropout_flagged(int),
    eduaid.ledger_counts(int), eduaid.dropout_ledger(int, text, int), eduaid.dropout_visits(bigint),
    eduaid.home_delivery_due(date), eduaid.training_ledger(int)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    eduaid.ledger_date_error(text, text), eduaid.ledger_superuser(),
    eduaid.dropout_flagged(int), eduaid.ledger_counts(int), eduaid.dropout_ledger(int, text, int),
    eduaid.dropout_visits(bigint), eduaid.home_delivery_due(date), eduaid.training_ledger(int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
GRANT EXECUTE ON FUNCTION eduaid.dropout_open(bigint, date, text),
    eduaid.dropout_visit(bigint, date, text, text, text), eduaid.dropout_confirm(bigint, date),
    eduaid.dropout_return(bigint, date, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;
