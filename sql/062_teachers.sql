-- 062_teachers.sql: rural teachers (乡村教师, issue 17 H5): the teacher
-- register made complete enough to count, training records (轮训全覆盖,
-- 国培计划) and exchanges between schools (轮岗交流).
--
--   * eduaid.teacher gains post (岗位: 校长, 副校长, 专任教师, 其他) and
--     subject (任教学科). A headmaster is a teacher whose post is 校长 (no
--     flag of its own that could disagree with the post). Whether the
--     teacher is rural, and at a teaching point, is the school's
--     (school.urban_rural = 'rural', school.teaching_point of
--     046_pairing.sql): never copied onto the teacher.
--   * Choice lists: teacher_post, teacher_subject (with the plan's scarce
--     subjects marked: 体育 音乐 美术 英语 科学 综合实践), training_level
--     (national 国培, provincial 省培, county 县培, school 校本).
--   * eduaid.teacher_training: one training a teacher took part in
--     (programme, level, hours, first and last day), filed under the
--     teacher's township; source says whether it was typed or imported
--     (and from which file).
--   * eduaid.teacher_exchange: a teacher sent from his school to another
--     for a school year or a term, filed under the teacher's (sending)
--     township. It carries the teacher's name, copied when it is recorded,
--     so that the receiving township can say who comes without reading
--     the sending township's register.
--   * eduaid.teacher_exchange_in: the receiving township's copy of an
--     exchange into it from another township, filed under the receiving
--     township and kept by a definer trigger of teacher_exchange
--     (repeatable/36_m_teachers.sql); no login writes it. Each side reads
--     the rows filed under its own townships only, so neither can count,
--     by EXPLAIN ANALYZE, rows of the other's (a read policy over both
--     townships on one row did: tests/db/82_teachers.sql).
--   * SQLSTATEs, raised by repeatable/36_m_teachers.sql:
--       EA246 an exchange starts from the teacher's own school (the one the
--             register names when it is recorded) and goes to another one
--       EA247 the teacher of a training record or an exchange is fixed:
--             record a new one instead
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The choice lists.
DO $$
DECLARE
    l text;
BEGIN
    FOREACH l IN ARRAY ARRAY['teacher_post', 'teacher_subject', 'training_level']
    LOOP
        EXECUTE format(
            'CREATE TABLE eduaid.%I ('
            '    value    text PRIMARY KEY,'
            '    position smallint NOT NULL,'
            '    zh       text NOT NULL,'
            '    en       text NOT NULL,'
            '    CONSTRAINT %I UNIQUE (position))',
            'choice_' || l, 'choice_' || l || '_position_key');
        EXECUTE format('COMMENT ON TABLE eduaid.%I IS %L', 'choice_' || l,
                       'eduaid: the choice list ' || l || ' (values a column takes, in order, with their words)');
    END LOOP;
END
$$;
-- The plan's scarce subjects (紧缺学科: 体、音、美、英语、科学、综合实践).
ALTER TABLE eduaid.choice_teacher_subject ADD COLUMN scarce boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN eduaid.choice_teacher_subject.scarce IS '紧缺学科 of the plan';

INSERT INTO eduaid.choice_teacher_post (value, position, zh, en) VALUES
    ('teacher', 1, '专任教师', 'Teacher'),
    ('principal', 2, '校长', 'Headmaster'),
    ('vice_principal', 3, '副校长', 'Deputy head'),
    ('other', 4, '其他', 'Other');
INSERT INTO eduaid.choice_teacher_subject (value, position, zh, en, scarce) VALUES
    ('chinese', 1, '语文', 'Chinese', false),
    ('maths', 2, '数学', 'Mathematics', false),
    ('english', 3, '英语', 'English', true),
    ('pe', 4, '体育', 'Physical education', true),
    ('music', 5, '音乐', 'Music', true),
    ('art', 6, '美术', 'Art', true),
    ('science', 7, '科学', 'Science', true),
    ('practice', 8, '综合实践', 'Practical activities', true),
    ('it', 9, '信息技术', 'Information technology', false),
    ('morality', 10, '道德与法治', 'Morality and law', false),
    ('preschool', 11, '学前教育', 'Preschool', false),
    ('other', 12, '其他', 'Other', false);
INSERT INTO eduaid.choice_training_level (value, position, zh, en) VALUES
    ('national', 1, '国培', 'National'),
    ('provincial', 2, '省培', 'Provincial'),
    ('county', 3, '县培', 'County'),
    ('school', 4, '校本', 'School-based');

------------------------------------------------------------------------
-- The register.
ALTER TABLE eduaid.teacher
    ADD COLUMN post text NOT NULL DEFAULT 'teacher',
    ADD COLUMN subject text,
    ADD CONSTRAINT teacher_post_fk FOREIGN KEY (post) REFERENCES eduaid.choice_teacher_post (value),
    ADD CONSTRAINT teacher_subject_fk FOREIGN KEY (subject)
        REFERENCES eduaid.choice_teacher_subject (value);
COMMENT ON COLUMN eduaid.teacher.post IS '岗位: a headmaster is post principal (校长)';
COMMENT ON COLUMN eduaid.teacher.subject IS '任教学科 (NULL: not yet recorded)';

------------------------------------------------------------------------
-- Training records.
CREATE TABLE eduaid.teacher_training (
    LIKE eduaid.row_template INCLUDING ALL,   -- township_id: the teacher's
    teacher_id  bigint NOT NULL,
    programme   text NOT NULL,
    level       text NOT NULL,
    hours       numeric(5, 1) NOT NULL,
    started_on  date NOT NULL,
    ended_on    date NOT NULL,
    source      text NOT NULL DEFAULT 'entry',
    notes       text,
    CONSTRAINT teacher_training_township_fk FOREIGN KEY (township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT teacher_training_teacher_fk FOREIGN KEY (township_id, teacher_id)
        REFERENCES eduaid.teacher (township_id, id),
    CONSTRAINT teacher_training_level_fk FOREIGN KEY (level)
        REFERENCES eduaid.choice_training_level (value),
    CONSTRAINT teacher_training_programme_check CHECK (NOT eduaid.is_blank(programme)
        AND char_length(programme) <= 60),
    -- a training of at least half an hour, at most 1000 hours, and at most
    -- 12 hours for each of its days
    CONSTRAINT teacher_training_hours_check CHECK (hours >= 0.5 AND hours <= 1000
        AND hours <= 12 * (ended_on - started_on + 1)),
    CONSTRAINT teacher_training_started_on_check CHECK (started_on BETWEEN '2014-01-01'
        AND '2035-12-31'),
    CONSTRAINT teacher_training_ended_on_check CHECK (ended_on >= started_on
        AND ended_on <= started_on + 366),
    CONSTRAINT teacher_training_source_check CHECK (source = 'entry'
        OR (source ~ '^import:' AND char_length(source) <= 200)),
    CONSTRAINT teacher_training_notes_check CHECK (char_length(notes) <= 500),
    CONSTRAINT teacher_training_programme_key UNIQUE (township_id, teacher_id, programme, started_on)
);
COMMENT ON TABLE eduaid.teacher_training IS
    '乡村教师培训: a training a teacher of the register took part in (issue 17)';
CREATE INDEX teacher_training_ended_idx ON eduaid.teacher_training (township_id, ended_on);

------------------------------------------------------------------------
-- Exchanges.
CREATE TABLE eduaid.teacher_exchange (
    LIKE eduaid.row_template INCLUDING ALL,   -- township_id: the teacher's (sending)
    teacher_id      bigint NOT NULL,
    teacher_name    text NOT NULL,            -- copied when recorded
    from_school_id  int NOT NULL,
    to_township_id  int NOT NULL,
    to_school_id    int NOT NULL,
    school_year     int NOT NULL,             -- 2026: 2026-2027
    term            text NOT NULL,
    notes           text,
    CONSTRAINT teacher_exchange_township_fk FOREIGN KEY (township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT teacher_exchange_teacher_fk FOREIGN KEY (township_id, teacher_id)
        REFERENCES eduaid.teacher (township_id, id),
    CONSTRAINT teacher_exchange_from_school_fk FOREIGN KEY (township_id, from_school_id)
        REFERENCES eduaid.school (township_id, id),
    CONSTRAINT teacher_exchange_to_school_fk FOREIGN KEY (to_township_id, to_school_id)
        REFERENCES eduaid.school (township_id, id),
    CONSTRAINT teacher_exchange_to_school_id_check CHECK (to_school_id <> from_school_id),
    CONSTRAINT teacher_exchange_school_year_check CHECK (school_year BETWEEN 2014 AND 2035),
    CONSTRAINT teacher_exchange_term_check CHECK (term IN ('year', 'autumn', 'spring')),
    CONSTRAINT teacher_exchange_notes_check CHECK (char_length(notes) <= 500),
    -- one exchange a school year per teacher
    CONSTRAINT teacher_exchange_year_key UNIQUE (township_id, teacher_id, school_year)
);
COMMENT ON TABLE eduaid.teacher_exchange IS
    '轮岗交流: a teacher sent to another school for a school year or a term (issue 17); '
    'filed under the sending township, read by the receiving one too';
COMMENT ON COLUMN eduaid.teacher_exchange.term IS 'year 全学年, autumn 秋季学期, spring 春季学期';

CREATE TABLE eduaid.teacher_exchange_in (
    township_id      int NOT NULL,            -- the receiving township
    from_township_id int NOT NULL,
    exchange_id      bigint NOT NULL,
    teacher_name     text NOT NULL,
    from_school_id   int NOT NULL,
    to_school_id     int NOT NULL,
    school_year      int NOT NULL,
    term             text NOT NULL,
    CONSTRAINT teacher_exchange_in_pkey PRIMARY KEY (township_id, from_township_id, exchange_id),
    CONSTRAINT teacher_exchange_in_township_fk FOREIGN KEY (township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT teacher_exchange_in_exchange_fk FOREIGN KEY (from_township_id, exchange_id)
        REFERENCES eduaid.teacher_exchange (township_id, id) ON DELETE CASCADE
);
COMMENT ON TABLE eduaid.teacher_exchange_in IS
    '轮岗交流 received: the receiving township''s copy of an exchange from another township, '
    'kept by the server (issue 17)';

------------------------------------------------------------------------
-- The words of the refusals.
INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA246', '_record', '交流须从教师本人所在学校派出，且到另一所学校。',
 'An exchange starts from the teacher''s own school and goes to another school.'),
('EA247', 'teacher_id', '培训记录和交流记录的教师不能更改；请另行录入。',
 'The teacher of a training or exchange record is fixed: record a new one.'),
('choice_teacher_post_pkey', '_record', '该选项已存在。', 'This choice exists already.'),
('choice_teacher_post_position_key', '_record', '该位置已有选项。', 'Another choice has this position.'),
('choice_teacher_subject_pkey', '_record', '该选项已存在。', 'This choice exists already.'),
('choice_teacher_subject_position_key', '_record', '该位置已有选项。', 'Another choice has this position.'),
('choice_training_level_pkey', '_record', '该选项已存在。', 'This choice exists already.'),
('choice_training_level_position_key', '_record', '该位置已有选项。', 'Another choice has this position.'),
('teacher_post_fk', 'post', '请选择岗位。', 'Choose a post.'),
('teacher_subject_fk', 'subject', '请选择任教学科。', 'Choose a subject.'),
('teacher_training_pkey', '_record', '这条培训记录已存在。', 'This training record exists already.'),
('teacher_training_township_fk', 'township_id', '没有这个乡镇。', 'No such township.'),
('teacher_training_teacher_fk', 'teacher_id', '本乡镇没有这位教师。', 'No such teacher in the township.'),
('teacher_training_level_fk', 'level', '培训级别须为国培、省培、县培或校本。',
 'National, provincial, county or school-based.'),
('teacher_training_programme_check', 'programme', '请填写培训项目名称（不超过60字）。',
 'The programme''s name (up to 60 characters).'),
('teacher_training_hours_check', 'hours', '学时须在0.5到1000之间，且每天不超过12学时。',
 'Hours from 0.5 to 1000, at most 12 a day.'),
('teacher_training_started_on_check', 'started_on', '开始日期不在有效范围内。',
 'The first day is out of range.'),
('teacher_training_ended_on_check', 'ended_on', '结束日期须在开始日期当天或之后，且不超过一年。',
 'The last day is on or after the first, within a year.'),
('teacher_training_source_check', 'source', '来源无效。', 'Invalid source.'),
('teacher_training_notes_check', 'notes', '备注不超过500字。', 'Notes: up to 500 characters.'),
('teacher_training_programme_key', 'programme', '这位教师同一天开始的同一培训项目已录入。',
 'This teacher''s training in that programme from that day is recorded already.'),
('teacher_exchange_pkey', '_record', '这条交流记录已存在。', 'This exchange exists already.'),
('teacher_exchange_township_fk', 'township_id', '没有这个乡镇。', 'No such township.'),
('teacher_exchange_teacher_fk', 'teacher_id', '本乡镇没有这位教师。', 'No such teacher in the township.'),
('teacher_exchange_from_school_fk', 'from_school_id', '派出学校不在教师所在乡镇。',
 'The sending school is not in the teacher''s township.'),
('teacher_exchange_to_school_fk', 'to_school_id', '没有这所接收学校，或它不在所填乡镇。',
 'No such receiving school in that township.'),
('teacher_exchange_to_school_id_check', 'to_school_id', '接收学校不能是派出学校。',
 'The receiving school cannot be the sending school.'),
('teacher_exchange_school_year_check', 'school_year', '学年不在有效范围内。',
 'The school year is out of range.'),
('teacher_exchange_term_check', 'term', '交流时段须为全学年、秋季学期或春季学期。',
 'A school year, the autumn term or the spring term.'),
('teacher_exchange_notes_check', 'notes', '备注不超过500字。', 'Notes: up to 500 characters.'),
('teacher_exchange_in_pkey', '_record', '这条交流记录已存在。', 'This exchange exists already.'),
('teacher_exchange_in_township_fk', 'township_id', '没有这个乡镇。', 'No such township.'),
('teacher_exchange_in_exchange_fk', '_record', '找不到这条交流记录。', 'No such exchange.'),
('teacher_exchange_year_key', 'school_year', '这位教师本学年已有交流记录。',
 'This teacher has an exchange in that school year already.');

-- Clean text (041_clean_text.sql): no control or direction characters in
-- what a person types and another is shown; notes may hold line feeds.
DO $$
DECLARE
    c record;
BEGIN
    FOR c IN SELECT * FROM (VALUES
        ('teacher_training', 'programme', false, '培训项目', 'The programme'),
        ('teacher_training', 'notes', true, '备注', 'Notes'),
        ('teacher_exchange', 'teacher_name', false, '教师姓名', 'The teacher''s name'),
        ('teacher_exchange', 'notes', true, '备注', 'Notes'))
        AS v(tbl, col, multiline, zh, en)
    LOOP
        EXECUTE format('ALTER TABLE eduaid.%1$I ADD CONSTRAINT %3$I CHECK (eduaid.is_clean(%2$I%4$s))',
                       c.tbl, c.col, c.tbl || '_' || c.col || '_clean',
                       CASE WHEN c.multiline THEN ', true' ELSE '' END);
        INSERT INTO eduaid.message (key, field, zh, en)
        VALUES (c.tbl || '_' || c.col || '_clean', c.col,
                c.zh || CASE WHEN c.multiline THEN '不能含控制字符或方向控制符（可以换行）。'
                             ELSE '不能含控制字符、换行或方向控制符。' END,
                c.en || CASE WHEN c.multiline
                             THEN ' cannot hold control or direction characters (line breaks are fine).'
                             ELSE ' cannot hold control characters, line breaks or direction marks.' END);
    END LOOP;
END
$$;

RESET ROLE;
