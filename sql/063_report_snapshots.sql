-- 063_report_snapshots.sql: reports as submitted (报送版本, issue 17 H6).
-- The plan asks for figures the bureau reported on a date; a report
-- computed today answers with today's. A snapshot keeps one report's rows
-- as its function returned them on the day they were frozen, with the
-- SHA-256 of a canonical text of them, who froze it and when, the date it
-- was submitted as and to whom (note). An inspector is shown that, not
-- today's figure (repeatable/36_m_snapshots.sql, README "Reports as
-- submitted", docs/threat-model.md 22.6).
--
--   * township_id: the report's township; NULL for the county's report
--     (a supervisor's, every township with the total). county_id is the
--     county either way (a county snapshot's readers are its county's).
--   * columns: the report function's output columns, in order (township_id,
--     township, item, then its own); rows: a JSON array of arrays of text
--     (NULL as JSON null), each value as the server's text output, in the
--     order the function returned them.
--   * sha256: of eduaid.report_snapshot_canonical(report, year, township,
--     columns, rows) -- the content: what report, of what year and scope,
--     with what figures. The dates and who are the server's, never changed.
-- Nothing here is written by a client: an INSERT names the report, year,
-- township, note and date; the server (the BEFORE INSERT trigger, as the
-- caller) runs the report and fills in the rest. No row is ever changed
-- or deleted (a trigger refuses it to everyone but a migration).
-- The key leads with township_id (016_index_scope.sql); NULLS NOT
-- DISTINCT makes (NULL, id) a key like any other.
--
-- SQLSTATEs, raised by repeatable/36_m_snapshots.sql:
--   EA248 no report of that name (not a report function of eduaid, or not
--         the caller's to run)
--   EA249 not the caller's to freeze (a clerk or auditor; an officer's
--         county or another township; a supervisor's other county), and,
--         with constraint report_snapshot_kept_check, a snapshot is never changed
SET ROLE eduaid_owner;

CREATE TABLE eduaid.report_snapshot (
    township_id  int CONSTRAINT report_snapshot_township_fk REFERENCES eduaid.township (id),
    id           bigint GENERATED ALWAYS AS IDENTITY,
    county_id    int NOT NULL CONSTRAINT report_snapshot_county_fk REFERENCES eduaid.county (id),
    report       text NOT NULL,
    year         int NOT NULL,
    submitted_on date NOT NULL DEFAULT current_date,
    note         text,
    columns      text[] NOT NULL,
    rows         jsonb NOT NULL,
    sha256       text NOT NULL,
    frozen_at    timestamptz NOT NULL DEFAULT now(),
    frozen_by    text NOT NULL DEFAULT session_user,
    CONSTRAINT report_snapshot_key UNIQUE NULLS NOT DISTINCT (township_id, id),
    CONSTRAINT report_snapshot_report_check CHECK (report ~ '^[a-z][a-z0-9_]{0,40}$'),
    CONSTRAINT report_snapshot_year_check CHECK (year BETWEEN 2014 AND 2035),
    CONSTRAINT report_snapshot_note_check CHECK (NOT eduaid.is_blank(note)
                                                 AND char_length(note) <= 200),
    CONSTRAINT report_snapshot_columns_check CHECK (columns[1:3] = '{township_id,township,item}'),
    CONSTRAINT report_snapshot_rows_check CHECK (jsonb_typeof(rows) = 'array'),
    CONSTRAINT report_snapshot_sha256_check CHECK (sha256 ~ '^[0-9a-f]{64}$')
);
COMMENT ON TABLE eduaid.report_snapshot IS
    '报送版本: a report''s rows as frozen on the day it was submitted, with their SHA-256; never changed';
CREATE INDEX report_snapshot_report_idx ON eduaid.report_snapshot (township_id, report, year);

RESET ROLE;

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA248', '_record', '没有这个报表（或你无权查看）。', 'No report of that name (or not yours to run).'),
('EA249', '_record', '你不能冻结这个范围的报表：乡镇负责人冻结本乡镇的，县教育局审核人冻结全县或一个乡镇的。',
 'Not yours to freeze: an officer freezes his township''s report, a supervisor the county''s or a township''s.'),
('report_snapshot_kept_check', '_record', '报送版本一经冻结，不能修改或删除。',
 'A report as submitted is never changed or deleted.'),
('report_snapshot_submitted_on_check', 'submitted_on', '报送日期须在今天和七天前之间。',
 'The date submitted is today or within the last seven days.'),
('report_snapshot_key', '_record', '这个报送版本已存在。', 'This snapshot exists already.'),
('report_snapshot_township_fk', 'township_id', '没有这个乡镇。', 'No such township.'),
('report_snapshot_county_fk', '_record', '没有这个县。', 'No such county.'),
('report_snapshot_report_check', 'report', '报表名称不对。', 'Not a report name.'),
('report_snapshot_year_check', 'year', '年度不在有效范围内。', 'The year is out of range.'),
('report_snapshot_note_check', 'note', '备注（报送给谁）不超过200字，不能只有空格。',
 'The note (submitted to whom): up to 200 characters, not blank.'),
('report_snapshot_columns_check', '_record', '报表的列不对。', 'Not a report''s columns.'),
('report_snapshot_rows_check', '_record', '报表的行不对。', 'Not a report''s rows.'),
('report_snapshot_sha256_check', '_record', '不是SHA-256校验值。', 'Not a SHA-256 hash.');
