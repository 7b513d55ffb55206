-- 021_record_facts.sql: the facts a record depends on that live in another
-- row are copied into the record, so reviewers approve what they saw and
-- the register can change without changing an approved record (issue 9,
-- item 6).
--
-- What a record depends on, and where it lives:
--   teacher_fund_application.teacher_id -> teacher: the teacher's name,
--       ID number, school, title and years of rural service decide the
--       award. Copied: teacher_name, teacher_id_number (personal, with its
--       *_masked twin), teacher_school_id, teacher_title,
--       teacher_rural_years.
--   special_ed_plan.home_teacher_id -> teacher: who delivers the teaching
--       at home. Copied: home_teacher_name, home_teacher_id_number
--       (personal, with its *_masked twin).
-- Not copied, and why:
--   the child of a special-education plan and the trainee of a training
--       enrollment: their identity is already the record's own columns;
--   household.village_id, the school, course and fund program of a record:
--       reference data -- divisions are loaded, not edited; schools,
--       courses and programs only by the admin, every change audited
--       (kind 'reference') -- not a register a clerk or officer keeps;
--   the household of a training enrollment or special-education plan:
--       itself a record, under its own workflow, four-eyes and history
--       (and its members under the household's, 006_workflow.sql).
--
-- The copied columns are written by the server only (no INSERT or UPDATE
-- grant; the trigger below overwrites whatever a writer puts there):
--   * eduaid.record_facts(), BEFORE INSERT OR UPDATE of the record: while
--     the record is a draft, rejected, submitted or verified, the copy is
--     taken from the register on every write -- so submitting (a write by
--     eduaid.transition) takes a fresh copy, and so does reopening; once
--     approved (or in_notice, final) the copy never changes.
--   * eduaid.teacher_facts_changed(), AFTER UPDATE of a teacher: every
--     record under review (submitted or verified) that copied the changed
--     facts is written again, as the person who changed the teacher. The
--     record's own triggers make that an edit of the record: version up,
--     the changer added to its editors (so four-eyes stops him verifying or
--     approving it), updated_by/at, and an audit row ('update') in its
--     history. It runs as the owner (trusted_writer()), so a clerk's change
--     of a teacher with a submitted application is not refused because
--     clerks may not edit submitted records: the server edits it on his
--     behalf; editors and the audit row still name session_user.
-- Reading the register for the copy locks the teacher row FOR SHARE, so a
-- submit and a change of the teacher cannot cross: whichever commits second
-- sees the other (a teacher change waits for the submit, then refreshes the
-- submitted record; a submit waits for the change, then copies it). The
-- two paths take the locks in opposite order (a save locks the record,
-- then the teacher; a teacher change the teacher, then its records), so
-- an officer saving an application at the very moment someone changes its
-- teacher can end in a deadlock: PostgreSQL aborts one of the two
-- (40P01), nothing half-done is kept, and the client reports the error.
--
-- The teacher register stays editable by clerks and officers at all times
-- (years of service, titles and schools change every year): the identity
-- freeze of eduaid.teacher_guard() (006_workflow.sql, 013_notice.sql) is
-- dropped -- the copy is what keeps an approved record as it was approved.
--
-- Also here: eduaid.personal_columns() (002_rules.sql) restated with the two
-- copied ID numbers, so that the audit trail masks them for supervisors
-- (audit_log.*_masked, mask_row) and the column grants below leave them
-- out of the supervisor's SELECT; open_notice() (013_notice.sql) restated
-- to publish the approved copy of the teacher, not the register's current
-- row.
--
-- No new SQLSTATE: nothing here refuses anything (EA090-EA099 are kept for
-- this file).
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- Personal columns: the two copied ID numbers are personal data.
CREATE OR REPLACE FUNCTION eduaid.personal_columns() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN '{head_id_number,id_number,trainee_id_number,child_id_number,bank_account,disability_certificate_no,birth_date,trainee_birth_date,child_birth_date,teacher_id_number,home_teacher_id_number}'::text[];

------------------------------------------------------------------------
-- The copies.
ALTER TABLE eduaid.teacher_fund_application
    ADD COLUMN teacher_name text,
    ADD COLUMN teacher_id_number text,
    ADD COLUMN teacher_id_number_masked text GENERATED ALWAYS AS
        (eduaid.mask_id_number(teacher_id_number)) STORED,
    ADD COLUMN teacher_school_id int,
    ADD COLUMN teacher_title text,
    ADD COLUMN teacher_rural_years int;
COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_name IS
    'copy of teacher.name taken by the server (submit; refreshed under review)';
COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_id_number IS
    'copy of teacher.id_number taken by the server (submit; refreshed under review)';
COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_school_id IS
    'copy of teacher.school_id taken by the server (submit; refreshed under review)';
COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_title IS
    'copy of teacher.title taken by the server (submit; refreshed under review)';
COMMENT ON COLUMN eduaid.teacher_fund_application.teacher_rural_years IS
    'copy of teacher.rural_years taken by the server (submit; refreshed under review)';

ALTER TABLE eduaid.special_ed_plan
    ADD COLUMN home_teacher_name text,
    ADD COLUMN home_teacher_id_number text,
    ADD COLUMN home_teacher_id_number_masked text GENERATED ALWAYS AS
        (eduaid.mask_id_number(home_teacher_id_number)) STORED;
COMMENT ON COLUMN eduaid.special_ed_plan.home_teacher_name IS
    'copy of the home teacher''s name taken by the server (submit; refreshed under review)';
COMMENT ON COLUMN eduaid.special_ed_plan.home_teacher_id_number IS
    'copy of the home teacher''s ID number taken by the server (submit; refreshed under review)';

-- A teacher's change finds the plans that name him (township first, as
-- every index of a township-scoped table). Fund applications have
-- teacher_fund_application_program_key (township_id, teacher_id, ...).
CREATE INDEX special_ed_plan_home_teacher_idx
    ON eduaid.special_ed_plan (township_id, home_teacher_id)
    WHERE home_teacher_id IS NOT NULL;

-- Who may read them: everyone who reads the record; supervisors all but
-- the full ID numbers (they read the *_masked twins). Nobody writes them.
-- (005_rls.sql computed its column grants when it ran: these are new.)
GRANT SELECT (teacher_name, teacher_id_number, teacher_id_number_masked, teacher_school_id,
              teacher_title, teacher_rural_years)
    ON eduaid.teacher_fund_application TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT (teacher_name, teacher_id_number_masked, teacher_school_id, teacher_title,
              teacher_rural_years)
    ON eduaid.teacher_fund_application TO eduaid_supervisor;
GRANT SELECT (home_teacher_name, home_teacher_id_number, home_teacher_id_number_masked)
    ON eduaid.special_ed_plan TO eduaid_clerk, eduaid_officer, eduaid_auditor;
GRANT SELECT (home_teacher_name, home_teacher_id_number_masked)
    ON eduaid.special_ed_plan TO eduaid_supervisor;

------------------------------------------------------------------------
-- Taking the copy.
--
-- Runs as the owner (the supervisor, say, may not read a teacher's ID
-- number, yet a write of his must keep the copy whole), but reads only a
-- teacher of a township the person logged in works in (or anything, for a
-- superuser loading or repairing data): the copy of a row that row-level
-- security is about to refuse never holds another township's teacher.
-- The lookup is the record's own foreign key, (township_id, teacher id).
CREATE FUNCTION eduaid.record_facts() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    frozen boolean := TG_OP = 'UPDATE'
                      AND NEW.status NOT IN ('draft', 'rejected', 'submitted', 'verified');
    mine   boolean := NEW.township_id = ANY (coalesce(eduaid.my_townships(), '{}'::int[]))
                      OR coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                                    WHERE r.rolname = session_user), false);
BEGIN
    IF TG_TABLE_NAME = 'teacher_fund_application' THEN
        IF frozen THEN
            NEW.teacher_name := OLD.teacher_name;
            NEW.teacher_id_number := OLD.teacher_id_number;
            NEW.teacher_school_id := OLD.teacher_school_id;
            NEW.teacher_title := OLD.teacher_title;
            NEW.teacher_rural_years := OLD.teacher_rural_years;
        ELSE
            NEW.teacher_name := NULL;
            NEW.teacher_id_number := NULL;
            NEW.teacher_school_id := NULL;
            NEW.teacher_title := NULL;
            NEW.teacher_rural_years := NULL;
            IF mine THEN
                SELECT te.name, te.id_number, te.school_id, te.title, te.rural_years
                  INTO NEW.teacher_name, NEW.teacher_id_number, NEW.teacher_school_id,
                       NEW.teacher_title, NEW.teacher_rural_years
                  FROM eduaid.teacher te
                 WHERE te.township_id = NEW.township_id AND te.id = NEW.teacher_id
                   FOR SHARE;
            END IF;
        END IF;
    ELSIF TG_TABLE_NAME = 'special_ed_plan' THEN
        IF frozen THEN
            NEW.home_teacher_name := OLD.home_teacher_name;
            NEW.home_teacher_id_number := OLD.home_teacher_id_number;
        ELSE
            NEW.home_teacher_name := NULL;
            NEW.home_teacher_id_number := NULL;
            IF mine AND NEW.home_teacher_id IS NOT NULL THEN
                SELECT te.name, te.id_number
                  INTO NEW.home_teacher_name, NEW.home_teacher_id_number
                  FROM eduaid.teacher te
                 WHERE te.township_id = NEW.township_id AND te.id = NEW.home_teacher_id
                   FOR SHARE;
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION eduaid.record_facts() FROM PUBLIC;

-- After the record guard (b_), the amount guard (c_) and the ID-number
-- guards (d_), before the audit (z_, AFTER).
CREATE TRIGGER e_record_facts BEFORE INSERT OR UPDATE ON eduaid.teacher_fund_application
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_facts();
CREATE TRIGGER e_record_facts BEFORE INSERT OR UPDATE ON eduaid.special_ed_plan
    FOR EACH ROW EXECUTE FUNCTION eduaid.record_facts();

------------------------------------------------------------------------
-- A change of the register under a record in review is an edit of it.
--
-- The SET is a formality (record_facts() takes the copy again from the
-- register, which this statement sees changed); the WHERE finds the
-- records whose copy is now stale. As the owner, so record_guard() lets
-- the write through in any state a clerk or officer may not edit; the
-- record's triggers add session_user to its editors and write its audit
-- row. Approved, in_notice and final records are not touched.
CREATE FUNCTION eduaid.teacher_facts_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    UPDATE eduaid.teacher_fund_application a
       SET teacher_name = NEW.name
     WHERE a.township_id = NEW.township_id AND a.teacher_id = NEW.id
       AND a.status IN ('submitted', 'verified')
       AND (a.teacher_name, a.teacher_id_number, a.teacher_school_id, a.teacher_title,
            a.teacher_rural_years)
           IS DISTINCT FROM (NEW.name, NEW.id_number, NEW.school_id, NEW.title, NEW.rural_years);
    UPDATE eduaid.special_ed_plan p
       SET home_teacher_name = NEW.name
     WHERE p.township_id = NEW.township_id AND p.home_teacher_id = NEW.id
       AND p.home_teacher_id IS NOT NULL
       AND p.status IN ('submitted', 'verified')
       AND (p.home_teacher_name, p.home_teacher_id_number) IS DISTINCT FROM (NEW.name, NEW.id_number);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION eduaid.teacher_facts_changed() FROM PUBLIC;

CREATE TRIGGER y_teacher_facts AFTER UPDATE ON eduaid.teacher
    FOR EACH ROW
    WHEN ((OLD.name, OLD.id_number, OLD.school_id, OLD.title, OLD.rural_years)
          IS DISTINCT FROM (NEW.name, NEW.id_number, NEW.school_id, NEW.title, NEW.rural_years))
    EXECUTE FUNCTION eduaid.teacher_facts_changed();

-- The register is editable again: the copy keeps what was approved.
DROP TRIGGER b_teacher_guard ON eduaid.teacher;
DROP FUNCTION eduaid.teacher_guard();

------------------------------------------------------------------------
-- Records that exist already: their copy is the register as it is now
-- (for approved records that is what teacher_guard kept). Written with the
-- triggers off: filling a copy is not an edit by anyone.
ALTER TABLE eduaid.teacher_fund_application DISABLE TRIGGER USER;
UPDATE eduaid.teacher_fund_application a
   SET teacher_name = te.name, teacher_id_number = te.id_number,
       teacher_school_id = te.school_id, teacher_title = te.title,
       teacher_rural_years = te.rural_years
  FROM eduaid.teacher te
 WHERE te.township_id = a.township_id AND te.id = a.teacher_id;
ALTER TABLE eduaid.teacher_fund_application ENABLE TRIGGER USER;
ALTER TABLE eduaid.special_ed_plan DISABLE TRIGGER USER;
UPDATE eduaid.special_ed_plan p
   SET home_teacher_name = te.name, home_teacher_id_number = te.id_number
  FROM eduaid.teacher te
 WHERE te.township_id = p.township_id AND te.id = p.home_teacher_id;
ALTER TABLE eduaid.special_ed_plan ENABLE TRIGGER USER;

------------------------------------------------------------------------
-- open_notice of 013_notice.sql, restated whole: a fund application's line
-- names the teacher as the application was approved (its copy), not as
-- the register has him when the notice opens. Nothing else changes; owner
-- and grants are kept by CREATE OR REPLACE.
CREATE OR REPLACE FUNCTION eduaid.open_notice(p_kind text, p_scope int, p_school_year int,
                                   p_ends_on date DEFAULT NULL, p_title text DEFAULT NULL,
                                   p_contact text DEFAULT NULL) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_role   text := eduaid.my_role();
    v_towns  int[] := eduaid.my_townships();
    v_county int;
    v_scope  text;
    v_ends   date := coalesce(p_ends_on, current_date + 6);
    v_id     bigint;
    v_n      int := 0;
    r        record;
    v_audit  bigint;
BEGIN
    IF v_role IS DISTINCT FROM 'supervisor' THEN
        RAISE EXCEPTION USING ERRCODE = 'EA004',
            MESSAGE = format('a %s cannot open a public notice; supervisors do (只有县级审核人可以开启公示)',
                             coalesce(v_role, 'non-eduaid user'));
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('household', 'teacher_fund') THEN
        RAISE EXCEPTION USING ERRCODE = 'EA010',
            MESSAGE = format('no public notice for record kind "%s" (此类记录无需公示)', p_kind),
            HINT = 'kind is household or teacher_fund';
    END IF;
    SELECT u.county_id INTO v_county FROM eduaid.app_user u WHERE u.login = session_user;
    IF p_kind = 'household' THEN
        SELECT t.name INTO v_scope FROM eduaid.township t
         WHERE t.id = p_scope AND t.id = ANY (v_towns);
    ELSE
        SELECT p.name INTO v_scope FROM eduaid.fund_program p WHERE p.id = p_scope;
    END IF;
    IF v_scope IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'EA005',
            MESSAGE = format('%s %s not found (乡镇或项目不存在)',
                             CASE p_kind WHEN 'household' THEN 'township' ELSE 'fund program' END,
                             p_scope);
    END IF;
    IF v_ends < current_date + 6 THEN
        RAISE EXCEPTION USING ERRCODE = 'EA016',
            MESSAGE = format('a notice period lasts at least 7 days: it cannot end before %s (公示期不少于7天)',
                             current_date + 6);
    END IF;

    INSERT INTO eduaid.notice (kind, county_id, school_year, program_id, township_id, title,
                               contact, starts_on, ends_on)
    VALUES (p_kind, v_county, p_school_year,
            CASE WHEN p_kind = 'teacher_fund' THEN p_scope END,
            CASE WHEN p_kind = 'household' THEN p_scope END,
            coalesce(eduaid.tidy(p_title), format('%s %s-%s学年%s公示', v_scope, p_school_year,
                     p_school_year + 1,
                     CASE p_kind WHEN 'household' THEN '学生资助名单' ELSE '拟资助教师名单' END)),
            coalesce(eduaid.tidy(p_contact),
                     (SELECT c.name || '教育局' FROM eduaid.county c WHERE c.id = v_county)),
            current_date, v_ends)
    RETURNING id INTO v_id;

    FOR r IN
        SELECT x.township_id, x.id, x.teacher_name AS name, x.teacher_id_number_masked AS masked,
               fp.name AS program, coalesce(x.amount_approved, x.amount_requested) AS amount
          FROM eduaid.teacher_fund_application x
          JOIN eduaid.fund_program fp ON fp.id = x.program_id
         WHERE p_kind = 'teacher_fund' AND x.program_id = p_scope
           AND x.school_year = p_school_year AND x.status = 'approved'
           AND x.township_id = ANY (v_towns)
        UNION ALL
        SELECT h.township_id, h.id, h.head_name, h.head_id_number_masked,
               s.programs, s.amount
          FROM eduaid.household h
          JOIN LATERAL (SELECT string_agg(DISTINCT eduaid.subsidy_label(ss.program), '、') AS programs,
                               sum(ss.amount) AS amount
                          FROM eduaid.student_subsidy ss
                         WHERE ss.township_id = h.township_id AND ss.household_id = h.id
                           AND ss.school_year = p_school_year) s ON s.amount IS NOT NULL
         WHERE p_kind = 'household' AND h.township_id = p_scope
           AND h.status = 'approved'
        ORDER BY 1, 2
    LOOP
        v_n := v_n + 1;
        v_audit := eduaid.latest_audit_id(p_kind, r.township_id, r.id);
        INSERT INTO eduaid.notice_item (township_id, notice_id, line_no, kind, record_id, name,
                                        masked_id, program, amount, audit_id, canonical,
                                        record_hash)
        VALUES (r.township_id, v_id, v_n, p_kind, r.id, r.name, r.masked, r.program, r.amount,
                v_audit,
                concat_ws('|', 'eduaid-notice/1', v_id, v_n, p_kind, r.township_id, r.id, r.name,
                          r.masked, r.program, r.amount, p_school_year, v_audit),
                repeat('0', 64));
        EXECUTE format('UPDATE eduaid.%I SET status = %L WHERE township_id = $1 AND id = $2',
                       eduaid.record_table(p_kind), 'in_notice')
          USING r.township_id, r.id;
    END LOOP;
    IF v_n = 0 THEN
        RAISE EXCEPTION USING ERRCODE = 'EA015',
            MESSAGE = format('no approved %s records of %s for school year %s: nothing to put on notice (没有可公示的已审批记录)',
                             p_kind, v_scope, p_school_year);
    END IF;
    RETURN v_id;
END
$$;
