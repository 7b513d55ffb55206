-- 041_clean_text.sql: names and free text hold no control characters
-- (issue 13, "Clean text in the database"; observed item 5).
--
-- The server stored ESC, BEL, CR, LF, TAB, U+009B (the C1 CSI) and U+202E
-- (right-to-left override) in names, so a name could retitle or clear the
-- terminal of whoever printed it, reorder what a list showed, or break a
-- line of a CSV file. Every column of eduaid's tables that a person types
-- and another is shown now has a CHECK eduaid.is_clean(col[, true])
-- (sql/repeatable/01_shared_rules.sql), named <table>_<column>_clean:
--   * single line (names, titles, reasons, the visitor, a bank's name):
--     no C0 control (TAB, CR and LF included), no DEL, no C1 control, no
--     bidirectional control (U+061C, U+200E/F, U+202A-E, U+2066-9);
--   * multi-line (notes, contents, assessments, plans, a survey, the
--     reason text of an application, an objection and its decision note):
--     the same, but a line feed is allowed.
-- Left out: codes and ids (their own stricter CHECKs: household_no,
-- phone, batch, certificate numbers, logins), columns a choice list holds,
-- the eduaid.message texts (written by migrations), notice_item.name (a
-- published notice is a hashed snapshot of clean records, never changed)
-- and audit_log (append-only by design; its reasons come from the
-- records' reasons, now clean).
--
-- Existing rows are cleaned first, so that an upgrade of a database that
-- holds such text succeeds: in a single-line column every run of TAB, LF,
-- CR, VT and FF becomes one space; in a multi-line one CR LF and a lone CR
-- become LF and TAB a space; then every other control character is
-- removed and the text is trimmed (eduaid.tidy). A text left with nothing
-- becomes '?' (it was required, or it said nothing). The cleaning is a
-- data move of the upgrade, not anyone's edit: it runs with the tables'
-- triggers off (session_replication_role = replica: no workflow guard
-- refuses a locked record, no version moves, no audit row), as the
-- superuser who migrates.
--
-- Trimming of Unicode blanks (U+3000, U+00A0 ...) on every write and the
-- folding of full-width ID numbers are the tables' a_tidy triggers
-- (eduaid.tidy_columns, 37_triggers.sql); the same trimming is applied
-- here to the rows that exist.
--
-- SQLSTATEs: none new (a refusal is 23514 naming the constraint, whose
-- words are the rows of eduaid.message below).

SET LOCAL session_replication_role = replica;

CREATE TEMPORARY TABLE clean_column (tbl text, col text, multiline boolean,
                                     zh text, en text) ON COMMIT DROP;
INSERT INTO clean_column VALUES
    ('account_request', 'full_name', false, '姓名', 'A name'),
    ('account_request', 'reason', false, '原因', 'A reason'),
    ('app_user', 'full_name', false, '姓名', 'A name'),
    ('county', 'name', false, '名称', 'A name'),
    ('township', 'name', false, '名称', 'A name'),
    ('village', 'name', false, '名称', 'A name'),
    ('school', 'name', false, '学校名称', 'A school''s name'),
    ('training_course', 'name', false, '名称', 'A name'),
    ('fund_program', 'name', false, '名称', 'A name'),
    ('household', 'head_name', false, '户主姓名', 'A name'),
    ('household', 'address', false, '地址', 'An address'),
    ('household', 'notes', true, '备注', 'A note'),
    ('household', 'reason', false, '原因', 'A reason'),
    ('student', 'name', false, '姓名', 'A name'),
    ('household_year', 'notes', true, '备注', 'A note'),
    ('household_year', 'reason', false, '原因', 'A reason'),
    ('training_enrollment', 'trainee_name', false, '姓名', 'A name'),
    ('training_enrollment', 'certificate_no', false, '证书编号', 'A certificate number'),
    ('training_enrollment', 'needs_survey', true, '需求调查', 'A survey'),
    ('training_enrollment', 'reason', false, '原因', 'A reason'),
    ('special_ed_plan', 'child_name', false, '姓名', 'A name'),
    ('special_ed_plan', 'assessment', true, '评估', 'An assessment'),
    ('special_ed_plan', 'individual_plan', true, '个别化教育计划', 'A plan'),
    ('special_ed_plan', 'end_reason', false, '结束原因', 'A reason'),
    ('special_ed_plan', 'home_teacher_name', false, '教师姓名', 'A teacher''s name'),
    ('special_ed_plan', 'reason', false, '原因', 'A reason'),
    ('teacher', 'name', false, '教师姓名', 'A teacher''s name'),
    ('teacher', 'title', false, '职称', 'A title'),
    ('teacher_fund_application', 'teacher_name', false, '教师姓名', 'A teacher''s name'),
    ('teacher_fund_application', 'teacher_title', false, '职称', 'A title'),
    ('teacher_fund_application', 'bank_name', false, '开户银行', 'A bank''s name'),
    ('teacher_fund_application', 'reason_text', true, '申请理由', 'A reason'),
    ('teacher_fund_application', 'reason', false, '原因', 'A reason'),
    ('home_visit', 'content', true, '送教内容', 'A content'),
    ('dropout_case', 'notes', true, '备注', 'A note'),
    ('dropout_visit', 'visitor', false, '走访人', 'A visitor''s name'),
    ('dropout_visit', 'notes', true, '备注', 'A note'),
    ('notice', 'title', false, '标题', 'A title'),
    ('notice', 'contact', false, '联系方式', 'A contact'),
    ('notice_objection', 'objector', false, '异议人', 'A name'),
    ('notice_objection', 'content', true, '异议内容', 'An objection'),
    ('notice_objection', 'decision_note', true, '处理意见', 'A decision note'),
    ('transfer_request', 'head_name', false, '户主姓名', 'A name'),
    ('transfer_request', 'member_name', false, '姓名', 'A name'),
    ('transfer_request', 'reason', false, '原因', 'A reason'),
    ('transfer_request', 'refusal_reason', false, '原因', 'A reason'),
    ('roster_import', 'file_name', false, '文件名', 'A file name'),
    ('roster_row', 'head_name', false, '户主姓名', 'A name'),
    ('roster_row', 'member_name', false, '姓名', 'A name'),
    ('roster_row', 'township', false, '乡镇', 'A township''s name'),
    ('roster_row', 'village', false, '村', 'A village''s name');
GRANT SELECT ON clean_column TO eduaid_owner;

-- The rows that exist: cleaned, then trimmed.
DO $$
DECLARE
    c record;
    fix text;
BEGIN
    FOR c IN SELECT * FROM clean_column ORDER BY tbl, col LOOP
        IF c.multiline THEN
            fix := format($f$regexp_replace(regexp_replace(%1$I, '\r\n?', E'\n', 'g'), '\t', ' ', 'g')$f$,
                          c.col);
        ELSE
            fix := format($f$regexp_replace(%1$I, '[\t\n\r\u000b\u000c]+', ' ', 'g')$f$, c.col);
        END IF;
        fix := format($f$coalesce(nullif(eduaid.tidy(regexp_replace(%1$s,
                   '[\u0001-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]',
                   '', 'g')), ''), '?')$f$, fix);
        EXECUTE format('UPDATE eduaid.%1$I SET %2$I = %3$s WHERE NOT eduaid.is_clean(%2$I, %4$L)'
                       ' OR %2$I <> eduaid.tidy(%2$I)',
                       c.tbl, c.col, fix, c.multiline);
    END LOOP;
END
$$;

RESET session_replication_role;

-- The constraints (validated: the rows are clean now), by the superuser
-- (the tables have more than one owner), and their words.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT * FROM clean_column ORDER BY tbl, col LOOP
        EXECUTE format('ALTER TABLE eduaid.%1$I ADD CONSTRAINT %3$I CHECK (eduaid.is_clean(%2$I%4$s))',
                       c.tbl, c.col, c.tbl || '_' || c.col || '_clean',
                       CASE WHEN c.multiline THEN ', true' ELSE '' END);
    END LOOP;
END
$$;

SET ROLE eduaid_owner;
INSERT INTO eduaid.message (key, field, zh, en)
SELECT tbl || '_' || col || '_clean', col,
       zh || CASE WHEN multiline THEN '不能含控制字符或方向控制符（可以换行）。'
                  ELSE '不能含控制字符、换行或方向控制符。' END,
       en || CASE WHEN multiline THEN ' cannot hold control or direction characters (line breaks are fine).'
                  ELSE ' cannot hold control characters, line breaks or direction marks.' END
  FROM clean_column;
