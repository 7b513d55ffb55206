-- repeatable/36_m_teachers.sql: rural teachers (乡村教师, issue 17 H5): the
-- guards of the training and exchange records, who sees an exchange, the
-- register as the screens read it, and the four reports. The tables:
-- 062_teachers.sql; policies and grants: the "issue 17 H5" blocks at the
-- end of 38_policies.sql and 39_privileges.sql.
--
-- Who a teacher is counted as, always by his school (never copied):
--   rural         the school's urban_rural is 'rural' (乡村学校: village
--                 schools and teaching points; 城关镇's schools are 'town')
--   teaching point the school's teaching_point (教学点)
--   headmaster    post 'principal' (校长)
-- Only active teachers (teacher.active) are counted.
--
-- The year of the training reports is the calendar year (the training
-- plans and 国培 are annual): a training counts in year Y when it has
-- begun -- started_on on or before the end of Y and on or before today --
-- and has not ended before Y began. The exchange report counts by school
-- year (teacher_exchange.school_year = Y).
--
-- Writing: plain INSERT and UPDATE under the column grants and row-level
-- security, clerks and officers of the teacher's township; the guards
-- below (SECURITY INVOKER: they read the register as the writer does):
--   teacher_training_guard  the teacher is fixed (EA247)
--   teacher_exchange_guard  the teacher is fixed (EA247); the exchange
--                           starts from the teacher's school as the
--                           register has it when it is recorded (EA246);
--                           the teacher's name is copied then
-- Reading:
--   teacher_exchange_copy   (definer, AFTER) the receiving township's
--                           copy of an exchange across townships
--   eduaid.teacher_register(year)  the teachers of the caller's townships
--                                  with their school's facts and their
--                                  training hours of the year
--   eduaid.teacher_exchanges_of(township, teacher)  a teacher's exchanges
--   eduaid.report_teacher_training / _guopei / _scarce / _exchange
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The guards.
CREATE OR REPLACE FUNCTION eduaid.teacher_training_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.teacher_id <> OLD.teacher_id THEN
        RAISE EXCEPTION USING ERRCODE = 'EA247', CONSTRAINT = 'EA247',
            MESSAGE = 'the teacher of a training record is fixed (培训记录的教师不能更改)';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION eduaid.teacher_exchange_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    t record;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.teacher_id <> OLD.teacher_id THEN
            RAISE EXCEPTION USING ERRCODE = 'EA247', CONSTRAINT = 'EA247',
                MESSAGE = 'the teacher of an exchange is fixed (交流记录的教师不能更改)';
        END IF;
        IF NEW.from_school_id <> OLD.from_school_id OR NEW.teacher_name <> OLD.teacher_name THEN
            RAISE EXCEPTION USING ERRCODE = 'EA246', CONSTRAINT = 'EA246',
                MESSAGE = 'the sending school of an exchange is fixed (派出学校不能更改)';
        END IF;
        RETURN NEW;
    END IF;
    -- As the writer: a teacher of another township is no teacher at all.
    SELECT tc.school_id, tc.name, tc.active INTO t
      FROM eduaid.teacher tc
     WHERE tc.township_id = NEW.township_id AND tc.id = NEW.teacher_id;
    IF NOT FOUND OR NOT t.active OR t.school_id IS DISTINCT FROM NEW.from_school_id THEN
        RAISE EXCEPTION USING ERRCODE = 'EA246', CONSTRAINT = 'EA246',
            MESSAGE = format('teacher %s is not an active teacher of school %s (须从教师本人所在学校派出)',
                             NEW.teacher_id, NEW.from_school_id);
    END IF;
    NEW.teacher_name := t.name;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.teacher_training_guard(), eduaid.teacher_exchange_guard()
    FROM PUBLIC;

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.teacher_training
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.teacher_training
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('programme', 'notes');
CREATE OR REPLACE TRIGGER c_guard BEFORE INSERT OR UPDATE ON eduaid.teacher_training
    FOR EACH ROW EXECUTE FUNCTION eduaid.teacher_training_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.teacher_training
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('teacher_training');

CREATE OR REPLACE TRIGGER a_bookkeeping BEFORE INSERT OR UPDATE ON eduaid.teacher_exchange
    FOR EACH ROW EXECUTE FUNCTION eduaid.row_bookkeeping();
CREATE OR REPLACE TRIGGER a_tidy BEFORE INSERT OR UPDATE ON eduaid.teacher_exchange
    FOR EACH ROW EXECUTE FUNCTION eduaid.tidy_columns('notes');
CREATE OR REPLACE TRIGGER c_guard BEFORE INSERT OR UPDATE ON eduaid.teacher_exchange
    FOR EACH ROW EXECUTE FUNCTION eduaid.teacher_exchange_guard();
CREATE OR REPLACE TRIGGER z_audit AFTER INSERT OR UPDATE OR DELETE ON eduaid.teacher_exchange
    FOR EACH ROW EXECUTE FUNCTION eduaid.audit_row('teacher_exchange');

------------------------------------------------------------------------
-- Who sees an exchange. An exchange is filed under the sending township
-- (the teacher's, where his register, trainings and audit rows live); one
-- into another township is copied, by the server, into
-- teacher_exchange_in under the receiving township, whose users must know
-- who comes to teach at their school. Each side reads the rows filed under
-- its own townships (38_policies.sql): the receiving side sees the
-- teacher's name, the schools and the term, never his register, ID number
-- or trainings, and changes nothing; neither side's EXPLAIN ANALYZE
-- touches a row of the other's (a read policy over both townships on one
-- row let the receiving officer count the sender's other exchanges).
-- The copy follows every change of the exchange (another receiving school
-- or township, year, term); it goes when the exchange stays in its
-- township or is deleted (by the superuser only).
CREATE OR REPLACE FUNCTION eduaid.teacher_exchange_copy() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM eduaid.teacher_exchange_in i
         WHERE i.from_township_id = OLD.township_id AND i.exchange_id = OLD.id
           AND (TG_OP = 'DELETE' OR i.township_id <> NEW.to_township_id
                OR NEW.to_township_id = NEW.township_id);
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.to_township_id <> NEW.township_id THEN
        INSERT INTO eduaid.teacher_exchange_in AS i (township_id, from_township_id, exchange_id,
               teacher_name, from_school_id, to_school_id, school_year, term)
        VALUES (NEW.to_township_id, NEW.township_id, NEW.id, NEW.teacher_name,
                NEW.from_school_id, NEW.to_school_id, NEW.school_year, NEW.term)
        ON CONFLICT ON CONSTRAINT teacher_exchange_in_pkey DO UPDATE
           SET teacher_name = excluded.teacher_name, from_school_id = excluded.from_school_id,
               to_school_id = excluded.to_school_id, school_year = excluded.school_year,
               term = excluded.term;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.teacher_exchange_copy() FROM PUBLIC;
CREATE OR REPLACE TRIGGER y_copy AFTER INSERT OR UPDATE OR DELETE ON eduaid.teacher_exchange
    FOR EACH ROW EXECUTE FUNCTION eduaid.teacher_exchange_copy();
------------------------------------------------------------------------
-- The teachers of year p_year as the screens list them (SECURITY INVOKER:
-- row-level security decides): active or not, their school, whether it is
-- rural or a teaching point, post, subject, and the hours of their
-- trainings counted in the year (see the head of this file).
CREATE OR REPLACE FUNCTION eduaid.teacher_year_trainings(p_year int)
RETURNS TABLE (township_id int, teacher_id bigint, level text, hours numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT tt.township_id, tt.teacher_id, tt.level, tt.hours
      FROM eduaid.teacher_training tt
     WHERE tt.started_on <= least(current_date, make_date(p_year, 12, 31))
       AND tt.ended_on >= make_date(p_year, 1, 1);
END;

CREATE OR REPLACE FUNCTION eduaid.teacher_register(p_year int)
RETURNS TABLE (township_id int, id bigint, name text, school_id int, school text,
               urban_rural text, teaching_point boolean, post text, subject text,
               active boolean, hours numeric, trainings bigint, version int)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT t.township_id, t.id, t.name, t.school_id, s.name, s.urban_rural, s.teaching_point,
           t.post, t.subject, t.active, coalesce(y.hours, 0), coalesce(y.n, 0), t.version
      FROM eduaid.teacher t
      JOIN eduaid.school s ON s.township_id = t.township_id AND s.id = t.school_id
      LEFT JOIN (SELECT yt.township_id, yt.teacher_id, sum(yt.hours) AS hours, count(*) AS n
                   FROM eduaid.teacher_year_trainings(p_year) yt
                  GROUP BY 1, 2) y ON y.township_id = t.township_id AND y.teacher_id = t.id
     ORDER BY t.township_id, s.name, t.name COLLATE "C", t.id;
END;

-- A teacher's exchanges (the ones the caller sees), newest first, with the
-- schools' and the receiving township's names.
CREATE OR REPLACE FUNCTION eduaid.teacher_exchanges_of(p_township int, p_teacher bigint)
RETURNS TABLE (id bigint, school_year int, term text, from_school text, to_township text,
               to_school text, notes text)
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT x.id, x.school_year, x.term, fs.name, tw.name, ts.name, x.notes
      FROM eduaid.teacher_exchange x
      JOIN eduaid.school fs ON fs.township_id = x.township_id AND fs.id = x.from_school_id
      JOIN eduaid.school ts ON ts.township_id = x.to_township_id AND ts.id = x.to_school_id
      JOIN eduaid.township tw ON tw.id = x.to_township_id
     WHERE x.township_id = p_township AND x.teacher_id = p_teacher
     ORDER BY x.school_year DESC, x.id DESC;
END;

REVOKE ALL ON FUNCTION eduaid.teacher_year_trainings(int), eduaid.teacher_register(int),
    eduaid.teacher_exchanges_of(int, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.teacher_year_trainings(int), eduaid.teacher_register(int),
    eduaid.teacher_exchanges_of(int, bigint)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

------------------------------------------------------------------------
-- The reports (34_reports.sql's shape: township_id, township, item, then
-- the figures; a row per township of the caller -- zeros included -- and
-- the total row, township_id NULL). SECURITY INVOKER: an officer counts
-- his township, a supervisor the county.

-- 轮训全覆盖: the active teachers of rural schools and, of them, the
-- headmasters; those with a training counted in the year; the shares
-- (target 100%).
CREATE OR REPLACE FUNCTION eduaid.report_teacher_training(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, teachers bigint, trained bigint,
               untrained bigint, trained_pct numeric, headmasters bigint,
               headmasters_trained bigint, headmasters_pct numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH r AS (
        SELECT tw.id AS tid, tw.name AS tname, t.id AS teacher, t.post = 'principal' AS head,
               EXISTS (SELECT FROM eduaid.teacher_year_trainings(p_year) y
                        WHERE y.township_id = t.township_id AND y.teacher_id = t.id) AS trained
          FROM eduaid.report_townships(p_township) AS tw
          LEFT JOIN (eduaid.teacher t
                     JOIN eduaid.school s ON s.township_id = t.township_id AND s.id = t.school_id
                                         AND s.urban_rural = 'rural')
                 ON t.township_id = tw.id AND t.active)
    SELECT r.tid, r.tname, NULL::text, count(r.teacher), count(r.teacher) FILTER (WHERE r.trained),
           count(r.teacher) FILTER (WHERE NOT r.trained),
           eduaid.report_pct(count(r.teacher) FILTER (WHERE r.trained), count(r.teacher)),
           count(r.teacher) FILTER (WHERE r.head),
           count(r.teacher) FILTER (WHERE r.head AND r.trained),
           eduaid.report_pct(count(r.teacher) FILTER (WHERE r.head AND r.trained),
                             count(r.teacher) FILTER (WHERE r.head))
      FROM r
     GROUP BY GROUPING SETS ((r.tid, r.tname), ())
    HAVING count(*) > 0
     ORDER BY r.tid NULLS LAST;
END;

-- 国培计划: the places of national (国培) trainings counted in the year,
-- by the teacher's school: village (rural) schools, of them teaching
-- points, and town or city schools; the share that went to village and
-- teaching-point teachers (the plan's priority; no number is set).
CREATE OR REPLACE FUNCTION eduaid.report_teacher_guopei(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, places bigint, village bigint,
               teaching_point bigint, town bigint, priority_pct numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH r AS (
        SELECT tw.id AS tid, tw.name AS tname, y.teacher_id AS place,
               s.urban_rural = 'rural' OR s.teaching_point AS village, s.teaching_point AS tp
          FROM eduaid.report_townships(p_township) AS tw
          LEFT JOIN (eduaid.teacher_year_trainings(p_year) y
                     JOIN eduaid.teacher t ON t.township_id = y.township_id AND t.id = y.teacher_id
                     JOIN eduaid.school s ON s.township_id = t.township_id AND s.id = t.school_id)
                 ON y.township_id = tw.id AND y.level = 'national')
    SELECT r.tid, r.tname, NULL::text, count(r.place), count(r.place) FILTER (WHERE r.village),
           count(r.place) FILTER (WHERE r.tp), count(r.place) FILTER (WHERE NOT r.village),
           eduaid.report_pct(count(r.place) FILTER (WHERE r.village), count(r.place))
      FROM r
     GROUP BY GROUPING SETS ((r.tid, r.tname), ())
    HAVING count(*) > 0
     ORDER BY r.tid NULLS LAST;
END;

-- 紧缺学科: the active teachers of each scarce subject (the items, in the
-- list's order, named in Chinese), those trained in the year, the share;
-- per township a row over its scarce subjects, then one per subject.
CREATE OR REPLACE FUNCTION eduaid.report_teacher_scarce(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, teachers bigint, trained bigint,
               untrained bigint, trained_pct numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH g AS (
        SELECT tw.id AS tid, tw.name AS tname, c.zh AS subject, c.position AS ord, t.id AS teacher,
               EXISTS (SELECT FROM eduaid.teacher_year_trainings(p_year) y
                        WHERE y.township_id = t.township_id AND y.teacher_id = t.id) AS trained
          FROM eduaid.report_townships(p_township) AS tw
         CROSS JOIN eduaid.choice_teacher_subject c
          LEFT JOIN eduaid.teacher t ON t.township_id = tw.id AND t.subject = c.value AND t.active
         WHERE c.scarce)
    SELECT g.tid, g.tname, g.subject, count(g.teacher), count(g.teacher) FILTER (WHERE g.trained),
           count(g.teacher) FILTER (WHERE NOT g.trained),
           eduaid.report_pct(count(g.teacher) FILTER (WHERE g.trained), count(g.teacher))
      FROM g
     GROUP BY GROUPING SETS ((g.tid, g.tname, g.subject, g.ord), (g.tid, g.tname),
                             (g.subject, g.ord), ())
    HAVING count(*) > 0
     ORDER BY g.tid NULLS LAST, g.ord NULLS FIRST;
END;

-- 轮岗交流: the exchanges of school year p_year, per township of the
-- caller: those it sends (filed under it), from a town or city school to
-- a village (rural) school, from a village school to a town or city
-- school, and the others (village to village, town to town); and those it
-- receives from another township (teacher_exchange_in, its copy). The
-- total row counts every exchange once as sent; received, those across
-- townships. An officer's report is his township's only.
CREATE OR REPLACE FUNCTION eduaid.report_teacher_exchange(p_year int, p_township int DEFAULT NULL)
RETURNS TABLE (township_id int, township text, item text, exchanges bigint,
               town_to_village bigint, village_to_town bigint, other bigint,
               received bigint, town_to_village_pct numeric)
LANGUAGE sql STABLE
BEGIN ATOMIC
    WITH x AS (
        SELECT x.id, x.township_id AS from_tid, x.to_township_id AS to_tid,
               fs.urban_rural <> 'rural' AND ts.urban_rural = 'rural' AS t2v,
               fs.urban_rural = 'rural' AND ts.urban_rural <> 'rural' AS v2t
          FROM eduaid.teacher_exchange x
          JOIN eduaid.school fs ON fs.township_id = x.township_id AND fs.id = x.from_school_id
          JOIN eduaid.school ts ON ts.township_id = x.to_township_id AND ts.id = x.to_school_id
         WHERE x.school_year = p_year),
    r AS (
        SELECT tw.id AS tid, tw.name AS tname, x.id AS ex, x.t2v, x.v2t, false AS received
          FROM eduaid.report_townships(p_township) AS tw
          LEFT JOIN x ON x.from_tid = tw.id
        UNION ALL
        SELECT tw.id, tw.name, i.exchange_id, NULL, NULL, true
          FROM eduaid.report_townships(p_township) AS tw
          JOIN eduaid.teacher_exchange_in i ON i.township_id = tw.id AND i.school_year = p_year)
    SELECT r.tid, r.tname, NULL::text, count(r.ex) FILTER (WHERE NOT r.received),
           count(r.ex) FILTER (WHERE NOT r.received AND r.t2v),
           count(r.ex) FILTER (WHERE NOT r.received AND r.v2t),
           count(r.ex) FILTER (WHERE NOT r.received AND NOT r.t2v AND NOT r.v2t),
           count(r.ex) FILTER (WHERE r.received),
           eduaid.report_pct(count(r.ex) FILTER (WHERE NOT r.received AND r.t2v),
                             count(r.ex) FILTER (WHERE NOT r.received))
      FROM r
     GROUP BY GROUPING SETS ((r.tid, r.tname), ())
    HAVING count(*) > 0
     ORDER BY r.tid NULLS LAST;
END;

REVOKE ALL ON FUNCTION eduaid.report_teacher_training(int, int),
    eduaid.report_teacher_guopei(int, int), eduaid.report_teacher_scarce(int, int),
    eduaid.report_teacher_exchange(int, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION eduaid.report_teacher_training(int, int),
    eduaid.report_teacher_guopei(int, int), eduaid.report_teacher_scarce(int, int),
    eduaid.report_teacher_exchange(int, int)
    TO eduaid_clerk, eduaid_officer, eduaid_supervisor, eduaid_auditor;

RESET ROLE;
