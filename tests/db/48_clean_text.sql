-- tests/db/48_clean_text.sql: names and free text are clean (issue 13,
-- observed item 5; sql/041_clean_text.sql, eduaid.is_clean and
-- eduaid.tidy_columns in sql/repeatable/01_shared_rules.sql):
--   * eduaid.is_clean agrees with tests/data/clean_vectors.csv (the C
--     twin valid_clean with it, tests/unit/check_rules.c);
--   * every <table>_<column>_clean constraint, read from the catalogue,
--     refuses each class of control character (ESC, BEL, CR, TAB, DEL,
--     U+009B, U+202E, U+2066, U+061C, U+200F) and a line feed unless the
--     column is multi-line, and the columns are the ones 041 names;
--   * as demo_clerk through his grants, and through each definer function
--     that writes text (reject, dropout_open, dropout_visit,
--     transfer_request, transfer_refuse, open_notice, record_objection,
--     decide_objection, request_create, refuse_request) as the role that
--     may call it: ESC, BEL, U+009B and U+202E refused, naming the
--     constraint; a CR LF name refused, a multi-line note kept;
--   * '李四　' (U+3000) and '李四' + U+00A0 stored as '李四'; an ID number
--     in full-width digits and Ｘ accepted and stored in ASCII.
\set ON_ERROR_STOP on
BEGIN;
\set fx_including 1
\ir _fixtures.sql
SELECT plan(53);

CREATE TABLE public.fx_clean_vector (codepoints text, line boolean, lines boolean, what text);
\copy public.fx_clean_vector FROM PROGRAM 'for d in "${top_srcdir:-/nonexistent}" . .. ../..; do if [ -f "$d/tests/data/clean_vectors.csv" ]; then cat "$d/tests/data/clean_vectors.csv"; exit 0; fi; done; echo codepoints,line,lines,what' CSV HEADER

CREATE FUNCTION public.fx_cp(codepoints text) RETURNS text
LANGUAGE sql IMMUTABLE
RETURN (SELECT coalesce(string_agg(chr(('x' || lpad(h, 8, '0'))::bit(32)::int), '' ORDER BY o), '')
          FROM unnest(string_to_array(codepoints, ' ')) WITH ORDINALITY AS u(h, o));

-- The classes every column is attacked with: (what, text, allowed in a
-- multi-line column).
CREATE TABLE public.fx_dirty (what text, t text, multiline_ok boolean);
INSERT INTO public.fx_dirty VALUES
    ('ESC', E'李\u001b]0;pwned\u0007四', false), ('BEL', E'李\u0007四', false),
    ('CR', E'李\r四', false), ('CR LF', E'李\r\n四', false), ('TAB', E'李\t四', false),
    ('DEL', E'李\u007f四', false), ('C1 CSI', E'李\u009b2J四', false),
    ('RLO', E'李\u202e四', false), ('LRI', E'李\u2066四', false), ('ALM', E'李\u061c四', false),
    ('RLM', E'李\u200f四', false), ('LF', E'李\n四', true);
GRANT SELECT ON public.fx_dirty TO PUBLIC;

-- ==== the rule ===============================================================
SELECT cmp_ok((SELECT count(*)::int FROM public.fx_clean_vector), '>=', 30,
    'tests/data/clean_vectors.csv was found and holds at least 30 vectors');
SELECT is_empty(
    $$SELECT codepoints, what FROM public.fx_clean_vector
       WHERE eduaid.is_clean(public.fx_cp(codepoints)) IS DISTINCT FROM line
          OR eduaid.is_clean(public.fx_cp(codepoints), true) IS DISTINCT FROM lines$$,
    'eduaid.is_clean agrees with every vector of tests/data/clean_vectors.csv');
SELECT is(eduaid.is_clean(NULL), NULL, 'is_clean(NULL) is NULL: a CHECK lets a missing value pass');

-- ==== every constraint, from the catalogue ===================================
CREATE TABLE public.fx_clean_con AS
SELECT k.conname::text AS con, t.relname::text AS tbl, a.attname::text AS col,
       pg_get_constraintdef(k.oid) LIKE '%, true))' AS multiline,
       regexp_replace(pg_get_constraintdef(k.oid), '^CHECK \((.*)\)$', '\1') AS expr,
       k.convalidated
  FROM pg_constraint k
  JOIN pg_class t ON t.oid = k.conrelid
  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.conkey[1]
 WHERE k.connamespace = 'eduaid'::regnamespace AND k.conname LIKE '%\_clean';

SELECT is((SELECT count(*)::int FROM public.fx_clean_con), 96,
    '041 made 51 clean constraints, 046 (school pairing) 27 more, 052 (the reasons of an early end) 2, and issue 17: 058 (preschool) 4, 059 (the care ledger) 5, 061 (targeted admissions) 3, 062 (rural teachers) 4');
SELECT is_empty($$SELECT con FROM public.fx_clean_con
                   WHERE con <> tbl || '_' || col || '_clean' OR NOT convalidated
                      OR expr !~ '^eduaid\.is_clean\('$$,
    'each is <table>_<column>_clean, validated, a call of eduaid.is_clean');
SELECT set_eq(
    $$SELECT tbl || '.' || col FROM public.fx_clean_con WHERE multiline$$,
    $$VALUES ('household.notes'), ('household_year.notes'), ('dropout_case.notes'),
             ('dropout_visit.notes'), ('home_visit.content'), ('notice_objection.content'),
             ('notice_objection.decision_note'), ('special_ed_plan.assessment'),
             ('special_ed_plan.individual_plan'), ('teacher_fund_application.reason_text'),
             ('training_enrollment.needs_survey'),
             -- school pairing (046_pairing.sql)
             ('pair.notes'), ('pair_agreement.goals'), ('pair_target.what'),
             ('pair_activity.content'), ('pair_monthly_report.content'),
             ('pair_quarterly.content'), ('pair_inspection.findings'),
             ('pair_inspection.bulletin'), ('pair_rectification.demands'),
             ('pair_rectification_response.response'), ('pair_evaluation.report'),
             ('pair_evaluation.advice'),
             -- issue 17 H2 (059_care.sql)
             ('care_counselling.counsel_notes'),
             -- rural teachers (062_teachers.sql, issue 17 H5)
             ('teacher_training.notes'), ('teacher_exchange.notes'),
             ('admission.notes') -- issue 17 H4$$,
    'a line feed is allowed in the notes, contents, plans and surveys only');
SELECT set_has(
    $$SELECT tbl || '.' || col FROM public.fx_clean_con$$,
    $$VALUES ('household.head_name'), ('student.name'), ('school.name'), ('teacher.name'),
             ('household.reason'), ('household_year.reason'), ('dropout_visit.visitor'),
             ('notice.title'), ('transfer_request.reason'), ('account_request.full_name'),
             ('app_user.full_name'), ('village.name'), ('township.name'),
             ('special_ed_plan.child_name'), ('training_enrollment.trainee_name'),
             ('teacher_fund_application.teacher_name'), ('roster_row.head_name')$$,
    'the names, reasons, titles and the visitor are among them');

-- Each constraint's own expression, on each class.
CREATE FUNCTION public.fx_clean_verdicts()
RETURNS TABLE (con text, what text, ok boolean, want boolean)
LANGUAGE plpgsql AS $$
DECLARE
    c record;
    d record;
BEGIN
    FOR c IN SELECT * FROM public.fx_clean_con LOOP
        FOR d IN SELECT * FROM public.fx_dirty LOOP
            con := c.con;
            what := d.what;
            want := c.multiline AND d.multiline_ok;
            EXECUTE format('SELECT %s FROM (SELECT %L::text AS %I) s', c.expr, d.t, c.col) INTO ok;
            RETURN NEXT;
        END LOOP;
        con := c.con;
        what := 'clean';
        want := true;
        EXECUTE format('SELECT %s FROM (SELECT %L::text AS %I) s', c.expr, '李四', c.col) INTO ok;
        RETURN NEXT;
    END LOOP;
END
$$;
SELECT is((SELECT count(*)::int FROM public.fx_clean_verdicts()), 96 * 13,
    'every constraint was tried with every class');
SELECT is_empty($$SELECT con, what, ok, want FROM public.fx_clean_verdicts()
                   WHERE ok IS DISTINCT FROM want$$,
    'every constraint refuses ESC, BEL, CR, CR LF, TAB, DEL, U+009B, U+202E, U+2066, U+061C, '
    'U+200F, and LF unless multi-line; takes 李四');

-- The real refusal, on a row of each table that has one with the column
-- set: the superuser with the triggers off (no guard, no audit), so only
-- the CHECKs speak.
CREATE FUNCTION public.fx_clean_writes()
RETURNS TABLE (con text, what text, state text, named text, want boolean)
LANGUAGE plpgsql AS $$
DECLARE
    c record;
    d record;
    row_ctid tid;
BEGIN
    SET LOCAL session_replication_role = replica;
    FOR c IN SELECT * FROM public.fx_clean_con LOOP
        EXECUTE format('SELECT ctid FROM eduaid.%I WHERE %I IS NOT NULL LIMIT 1', c.tbl, c.col)
           INTO row_ctid;
        CONTINUE WHEN row_ctid IS NULL;
        FOR d IN SELECT * FROM public.fx_dirty LOOP
            con := c.con;
            what := d.what;
            want := c.multiline AND d.multiline_ok;
            named := NULL;
            BEGIN
                EXECUTE format('UPDATE eduaid.%I SET %I = %L WHERE ctid = %L', c.tbl, c.col, d.t,
                               row_ctid);
                RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = 'undo';
            EXCEPTION WHEN OTHERS THEN
                GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, named = CONSTRAINT_NAME;
            END;
            RETURN NEXT;
        END LOOP;
    END LOOP;
    SET LOCAL session_replication_role = origin;
END
$$;
CREATE TABLE public.fx_clean_write AS SELECT * FROM public.fx_clean_writes();
SELECT cmp_ok((SELECT count(DISTINCT con)::int FROM public.fx_clean_write), '>=', 35,
    'the demo data has rows for at least 35 of the constrained columns');
SELECT is_empty($$SELECT con, what, state, named FROM public.fx_clean_write
                   WHERE NOT want AND (state, named) IS DISTINCT FROM ('23514', con)$$,
    'an UPDATE with each class is refused by the column''s own clean constraint');
SELECT is_empty($$SELECT con, what, state, named FROM public.fx_clean_write
                   WHERE want AND state <> 'P0001'$$,
    'an UPDATE with a line feed passes in a multi-line column');

-- ==== as demo_clerk ==========================================================
SET SESSION AUTHORIZATION demo_clerk;
SELECT fx_household('hh', 420325100), fx_student('st', 'hh'), fx_year('yr', 'hh'),
       fx_training('tr', 'hh'), fx_special_ed('se', 'hh'), fx_teacher('te', 420325100) \gset
SELECT fx_fund('fu', 'te') \gset

SELECT results_eq(
    $$SELECT d.what, (SELECT r.state || ' ' || coalesce(r.message, '')
                 FROM fx_refusal(format('UPDATE eduaid.household SET head_name = %L WHERE id = %s',
                                        d.t, fx('hh'))) r) ~ 'household_head_name_clean'
        FROM public.fx_dirty d ORDER BY d.what$$,
    $$SELECT what, true FROM public.fx_dirty ORDER BY what$$,
    'demo_clerk: a head''s name with any control (LF too) is refused by household_head_name_clean');
SELECT is((SELECT state FROM fx_refusal(format(
              'INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date, relation) '
              'VALUES (420325100, %s, %L, %L, ''M'', ''2015-01-01'', ''child'')',
              fx('hh'), E'\u202e王五', fx_idno('65900120150101051')))),
    '23514', 'demo_clerk: a member named with U+202E is refused');
SELECT is((SELECT message ~ 'student_name_clean' FROM fx_refusal(format(
              'UPDATE eduaid.student SET name = %L WHERE id = %s', E'王五\u009b', fx('st')))),
    true, 'and U+009B (the C1 CSI) in a member''s name, by student_name_clean');
SELECT is((SELECT message ~ 'household_head_name_clean' FROM fx_refusal(format(
              'UPDATE eduaid.household SET head_name = %L WHERE id = %s', E'李四\r\n张三', fx('hh')))),
    true, 'demo_clerk: a CR LF inside a name is refused, not stored');

UPDATE eduaid.household SET notes = E'第一行\n第二行' WHERE id = fx('hh');
SELECT is((SELECT notes FROM eduaid.household WHERE id = fx('hh')), E'第一行\n第二行',
    'demo_clerk: a multi-line note round-trips');
SELECT is((SELECT message ~ 'household_notes_clean' FROM fx_refusal(format(
              'UPDATE eduaid.household SET notes = %L WHERE id = %s', E'第一行\r\n第二行', fx('hh')))),
    true, 'a CR in a note is refused (LF alone ends a line)');
SELECT is((SELECT message ~ 'household_year_notes_clean' FROM fx_refusal(format(
              'UPDATE eduaid.household_year SET notes = %L WHERE id = %s', E'\u001b[2J', fx('yr')))),
    true, 'demo_clerk: ESC in a year''s notes is refused');
SELECT is((SELECT message ~ 'training_enrollment_trainee_name_clean' FROM fx_refusal(format(
              'UPDATE eduaid.training_enrollment SET trainee_name = %L WHERE id = %s', E'赵\u0007六', fx('tr')))),
    true, 'demo_clerk: BEL in a trainee''s name is refused');
SELECT is((SELECT message ~ 'special_ed_plan_individual_plan_clean' FROM fx_refusal(format(
              'UPDATE eduaid.special_ed_plan SET individual_plan = %L WHERE id = %s', E'计划\u202e', fx('se')))),
    true, 'demo_clerk: U+202E in an individual plan is refused');
SELECT is((SELECT message ~ 'teacher_name_clean' FROM fx_refusal(format(
              'UPDATE eduaid.teacher SET name = %L WHERE id = %s', E'钱\u001b七', fx('te')))),
    true, 'demo_clerk: ESC in a teacher''s name is refused');
SELECT is((SELECT message ~ 'teacher_fund_application_bank_name_clean' FROM fx_refusal(format(
              'UPDATE eduaid.teacher_fund_application SET bank_name = %L WHERE id = %s', E'银行\u009b', fx('fu')))),
    true, 'demo_clerk: U+009B in a bank''s name is refused');

-- Trimmed at entry, whoever writes.
UPDATE eduaid.household SET head_name = E'李四\u3000' WHERE id = fx('hh');
SELECT is((SELECT head_name FROM eduaid.household WHERE id = fx('hh')), '李四',
    'demo_clerk: 李四 + U+3000 is stored as 李四');
UPDATE eduaid.household SET head_name = E'\u3000李四\u00a0', address = E' 城关镇\u00a0'
 WHERE id = fx('hh');
SELECT is((SELECT head_name || '|' || address FROM eduaid.household WHERE id = fx('hh')), '李四|城关镇',
    '... and 李四 + U+00A0 as 李四, an address likewise');
UPDATE eduaid.student SET name = E'\ufeff王五\u2003' WHERE id = fx('st');
SELECT is((SELECT name FROM eduaid.student WHERE id = fx('st')), '王五',
    'a member''s name is trimmed of U+FEFF and U+2003');

-- Full-width ID numbers.
SELECT lives_ok(format(
    'INSERT INTO eduaid.student (township_id, household_id, name, id_number, sex, birth_date, relation) '
    'VALUES (420325100, %s, %L, %L, ''M'', ''2015-01-01'', ''child'')', fx('hh'), '孙八',
    translate(fx_idno('65900120150101071'), '0123456789X', '０１２３４５６７８９Ｘ')),
    'demo_clerk: a member with an ID number in full-width digits is accepted');
SELECT is((SELECT id_number FROM eduaid.student WHERE household_id = fx('hh') AND name = '孙八'),
    fx_idno('65900120150101071'), '... and stored in ASCII');
SELECT is(eduaid.id_number_fold('１１０１０５１９４９１２３１００２Ｘ'), '11010519491231002X',
    'id_number_fold: ０-９ and Ｘ to ASCII');
SELECT is(eduaid.id_number_fold('ｘ'), 'x', 'ｘ folds to x (refused as an ASCII x is)');
SELECT is(eduaid.id_number_fold(E'\u3000１'), E'\u30001', 'folding is no trimming (a blank stays refused)');
UPDATE eduaid.household SET head_id_number = translate(head_id_number, '0123456789X', '０１２３４５６７８９Ｘ')
 WHERE id = fx('hh');
SELECT is((SELECT head_id_number ~ '^[0-9]{17}[0-9X]$' FROM eduaid.household WHERE id = fx('hh')), true,
    'a head''s ID number updated in full width is stored in ASCII');

-- ==== the definer functions that write text ==================================
SELECT eduaid.submit('household', fx('hh')) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT is((SELECT message ~ 'household_reason_clean' FROM fx_refusal(format(
              'SELECT eduaid.reject(''household'', %s, %L)', fx('hh'), E'退回\u001b]0;x\u0007'))),
    true, 'demo_officer: a return reason with ESC/BEL is refused (household_reason_clean)');
SELECT is((SELECT message ~ 'household_reason_clean' FROM fx_refusal(format(
              'SELECT eduaid.reject(''household'', %s, %L)', fx('hh'), E'资料\u202e不全'))),
    true, '... with U+202E too');
SELECT ok(eduaid.reject('household', fx('hh'), E'资料不全\u3000') > 0, 'a reason with U+3000 is taken');
SELECT is((SELECT reason FROM eduaid.household WHERE id = fx('hh')), '资料不全', '... and stored trimmed');

SET SESSION AUTHORIZATION demo_clerk;
SELECT is((SELECT message ~ 'dropout_case_notes_clean' FROM fx_refusal(format(
              'SELECT eduaid.dropout_open(%s, current_date, %L)', fx('st'), E'长期\u009b不在校'))),
    true, 'demo_clerk: dropout_open with U+009B in the notes is refused');
SELECT lives_ok(format('SELECT eduaid.dropout_open(%s, current_date, %L)', fx('st'), E'邻居反映\n长期不在校'),
    'dropout_open with a two-line note is taken');
SELECT is((SELECT message ~ 'dropout_visit_visitor_clean' FROM fx_refusal(format(
              'SELECT eduaid.dropout_visit(%s, current_date, %L, ''will_return'')', fx('st'), E'张\u0007老师'))),
    true, 'dropout_visit with BEL in the visitor is refused');
SELECT is((SELECT message ~ 'dropout_visit_visitor_clean' FROM fx_refusal(format(
              'SELECT eduaid.dropout_visit(%s, current_date, %L, ''will_return'')', fx('st'), E'张老师\n李老师'))),
    true, '... and a line feed in the visitor (one line)');
SELECT is((SELECT message ~ 'dropout_visit_notes_clean' FROM fx_refusal(format(
              'SELECT eduaid.dropout_visit(%s, current_date, %L, ''will_return'', %L)', fx('st'), '张老师',
              E'家长\u202e同意'))),
    true, '... and U+202E in its notes');

SELECT fx_household('hh_t', 420325100) \gset
SELECT is((SELECT message ~ 'transfer_request_reason_clean' FROM fx_refusal(format(
              'SELECT eduaid.transfer_request(%s, 420325101, %L)', fx('hh_t'), E'随子女\u001b迁居'))),
    true, 'demo_clerk: transfer_request with ESC in the reason is refused');

SELECT fx_set('req_t', eduaid.transfer_request(fx('hh_t'), 420325103, '随子女迁居')) \gset
SET SESSION AUTHORIZATION officer_103;
SELECT is((SELECT message ~ 'transfer_request_refusal_reason_clean' FROM fx_refusal(format(
              'SELECT eduaid.transfer_refuse(%s, %L)', fx('req_t'), E'未落户\u009b'))),
    true, 'officer_103 (receiving): transfer_refuse with U+009B in the reason is refused');

SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT message ~ 'notice_title_clean' FROM fx_refusal(
              $$SELECT eduaid.open_notice('household_year', 420325100, 2026, NULL, E'公示\u001b[2J')$$)),
    true, 'demo_supervisor: open_notice with ESC in the title is refused');
SELECT is((SELECT message ~ 'notice_contact_clean' FROM fx_refusal(
              $$SELECT eduaid.open_notice('household_year', 420325100, 2026, NULL, NULL, E'电话\u202e')$$)),
    true, '... and U+202E in the contact');
SELECT fx_set('nt', eduaid.open_notice('household_year', 420325100, 2026, NULL, E'公示\u3000')) \gset
SELECT is((SELECT title FROM eduaid.notice WHERE id = fx('nt')), '公示', '... a title with U+3000 is stored trimmed');
SELECT fx_set('nt_item', (SELECT min(id) FROM eduaid.notice_item WHERE notice_id = fx('nt'))) \gset
SET SESSION AUTHORIZATION demo_officer;
SELECT is((SELECT message ~ 'notice_objection_content_clean' FROM fx_refusal(format(
              'SELECT eduaid.record_objection(%s, %L)', fx('nt_item'), E'家庭\u0007收入超标'))),
    true, 'demo_officer: record_objection with BEL in the content is refused');
SELECT is((SELECT message ~ 'notice_objection_objector_clean' FROM fx_refusal(format(
              'SELECT eduaid.record_objection(%s, %L, %L)', fx('nt_item'), '家庭收入超标', E'匿名\n村民'))),
    true, '... and a line feed in the objector''s name');
SELECT fx_set('obj', eduaid.record_objection(fx('nt_item'), E'家庭收入超标\n有新房', '村民')) \gset
SELECT is((SELECT content FROM eduaid.notice_objection WHERE id = fx('obj')), E'家庭收入超标\n有新房',
    '... a two-line objection is kept');
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT is((SELECT message ~ 'notice_objection_decision_note_clean' FROM fx_refusal(format(
              'SELECT eduaid.decide_objection(%s, ''dismissed'', %L)', fx('obj'), E'核实\u202e无误'))),
    true, 'demo_supervisor2: decide_objection with U+202E in the note is refused');

RESET SESSION AUTHORIZATION;
SELECT fx_set('rq', eduaid.request_create('clean_test', '测试用户', 'clerk', '{420325100}', NULL, 420325)) \gset
SET SESSION AUTHORIZATION demo_supervisor;
SELECT is((SELECT message ~ 'account_request_reason_clean' FROM fx_refusal(format(
              'SELECT eduaid.refuse_request(%s, %L)', fx('rq'), E'不\u001b同意'))),
    true, 'demo_supervisor: refuse_request with ESC in the reason is refused');

RESET SESSION AUTHORIZATION;
SELECT is((SELECT message ~ 'account_request_full_name_clean' FROM fx_refusal(
              $$SELECT eduaid.request_create('clean_test2', E'\u202e管理员', 'clerk', '{420325100}', NULL, 420325)$$)),
    true, 'request_create with U+202E in the full name is refused');
SELECT is((SELECT message ~ 'school_name_clean' FROM fx_refusal(
              $$UPDATE eduaid.school SET name = E'城关\u001b小学' WHERE id = (SELECT min(id) FROM eduaid.school)$$)),
    true, 'a school''s name with ESC is refused (even for the superuser)');

SELECT * FROM finish();
ROLLBACK;
