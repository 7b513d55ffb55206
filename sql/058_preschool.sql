-- 058_preschool.sql: preschool coverage (学前教育, issue 17 H1): 学前三年毛入园率
-- 达到92%以上; 每个乡镇建有一所中心幼儿园.
--   * preschool_batch: one imported file's rows of one township (a file of
--     several townships makes one batch per township, so that each is
--     read, reviewed and replaced within its township): kind
--     ('population': children aged 3, 4, 5 from the public-security or
--     health register; 'enrollment': every child on a kindergarten's roll),
--     school year, source (free text: 公安户籍, 卫健, 教育事业统计), as-of
--     date, file name, who imported it and when (created_by/created_at),
--     its row count (NULL while it loads: rows are added to a batch only
--     then, by its importer, in the transaction that opened it), and its
--     review: imported -> accepted, or rejected with a reason, by a
--     supervisor who is not the importer (four eyes: a CHECK, and
--     eduaid.preschool_batch_review in repeatable/36_m_preschool.sql).
--     Only accepted batches count; of the accepted batches of one
--     township, year and kind, the newest (as-of date, then id) is the one
--     counted.
--   * preschool_population: children aged 3, 4 and 5 of a township (a
--     village, or the township as a whole: village_id NULL) in a batch.
--   * preschool_enrollment: each child on a kindergarten's roll in a batch
--     (every child, not only members of poor households): the kindergarten
--     (a school of kind 'kindergarten' of the batch's township), name, ID
--     number (validated; supervisors read only its mask) and birth date.
--     A child is on a batch once: unique (township_id, batch_id,
--     child_id_number), so a township counts a child once a year. A child
--     on the rolls of two townships counts in each township's row and once
--     in the county's total (distinct ID numbers; README).
--   * Rows of a batch are never changed or deleted (no grant; the trigger
--     of 36_m_preschool.sql refuses rows for a closed batch).
--   * SQLSTATEs, raised by repeatable/36_m_preschool.sql:
--       EA238 no such batch for the caller, or it is not awaiting review
--             (or still loading); rows only go to an open batch of one's own
--       EA239 the importer of a batch does not review it (four eyes), and a
--             rejection needs a reason

SET ROLE eduaid_owner;

CREATE TABLE eduaid.preschool_batch (
    LIKE eduaid.row_template INCLUDING ALL,
    kind          text NOT NULL,
    school_year   int NOT NULL,
    source        text NOT NULL,
    as_of         date NOT NULL,
    file_name     text NOT NULL,
    row_count     int,
    state         text NOT NULL DEFAULT 'imported',
    reviewed_by   text,
    reviewed_at   timestamptz,
    reject_reason text,
    CONSTRAINT preschool_batch_township_fk FOREIGN KEY (township_id)
        REFERENCES eduaid.township (id),
    CONSTRAINT preschool_batch_kind_check CHECK (kind IN ('population', 'enrollment')),
    CONSTRAINT preschool_batch_school_year_check CHECK (school_year BETWEEN 2014 AND 2035),
    CONSTRAINT preschool_batch_source_check CHECK (NOT eduaid.is_blank(source)
        AND char_length(source) <= 100),
    CONSTRAINT preschool_batch_as_of_check CHECK (as_of BETWEEN '2014-01-01' AND '2036-12-31'),
    CONSTRAINT preschool_batch_file_name_check CHECK (NOT eduaid.is_blank(file_name)
        AND char_length(file_name) <= 255),
    CONSTRAINT preschool_batch_row_count_check CHECK (row_count >= 0),
    CONSTRAINT preschool_batch_state_check CHECK (state IN ('imported', 'accepted', 'rejected')
        AND (state = 'imported' OR row_count IS NOT NULL)),
    CONSTRAINT preschool_batch_reviewed_check CHECK ((state = 'imported') = (reviewed_by IS NULL)
        AND (reviewed_by IS NULL) = (reviewed_at IS NULL)),
    CONSTRAINT preschool_batch_four_eyes_check CHECK (reviewed_by <> created_by),
    CONSTRAINT preschool_batch_reject_reason_check CHECK ((state = 'rejected')
        = (reject_reason IS NOT NULL)
        AND (reject_reason IS NULL OR (NOT eduaid.is_blank(reject_reason)
                                       AND char_length(reject_reason) <= 500)))
);
COMMENT ON TABLE eduaid.preschool_batch IS
    '学前教育: one imported file''s rows of one township (population or kindergarten enrollment), reviewed by a second person';
CREATE INDEX preschool_batch_year_idx
    ON eduaid.preschool_batch (township_id, school_year, kind, state);

CREATE TABLE eduaid.preschool_population (
    LIKE eduaid.row_template INCLUDING ALL EXCLUDING INDEXES,
    batch_id   bigint NOT NULL,
    file_line  int NOT NULL,
    village_id bigint,
    age3       int NOT NULL,
    age4       int NOT NULL,
    age5       int NOT NULL,
    CONSTRAINT preschool_population_pkey PRIMARY KEY (township_id, batch_id, id),
    CONSTRAINT preschool_population_batch_fk FOREIGN KEY (township_id, batch_id)
        REFERENCES eduaid.preschool_batch (township_id, id),
    CONSTRAINT preschool_population_village_fk FOREIGN KEY (township_id, village_id)
        REFERENCES eduaid.village (township_id, id),
    CONSTRAINT preschool_population_village_key UNIQUE NULLS NOT DISTINCT
        (township_id, batch_id, village_id),
    CONSTRAINT preschool_population_file_line_check CHECK (file_line > 0),
    CONSTRAINT preschool_population_age3_check CHECK (age3 BETWEEN 0 AND 100000),
    CONSTRAINT preschool_population_age4_check CHECK (age4 BETWEEN 0 AND 100000),
    CONSTRAINT preschool_population_age5_check CHECK (age5 BETWEEN 0 AND 100000)
);
COMMENT ON TABLE eduaid.preschool_population IS
    '学前教育: children aged 3, 4 and 5 of a township or village, from a population batch';

CREATE TABLE eduaid.preschool_enrollment (
    LIKE eduaid.row_template INCLUDING ALL EXCLUDING INDEXES,
    batch_id               bigint NOT NULL,
    file_line              int NOT NULL,
    kindergarten_id        int NOT NULL,
    child_name             text NOT NULL,
    child_id_number        text NOT NULL,
    child_id_number_masked text GENERATED ALWAYS AS
                           (eduaid.mask_id_number(child_id_number)) STORED,
    child_birth_date       date NOT NULL,
    child_birth_date_masked text GENERATED ALWAYS AS
                           (eduaid.mask_date(child_birth_date)) STORED,
    CONSTRAINT preschool_enrollment_pkey PRIMARY KEY (township_id, batch_id, id),
    CONSTRAINT preschool_enrollment_batch_fk FOREIGN KEY (township_id, batch_id)
        REFERENCES eduaid.preschool_batch (township_id, id),
    CONSTRAINT preschool_enrollment_kindergarten_fk FOREIGN KEY (township_id, kindergarten_id)
        REFERENCES eduaid.school (township_id, id),
    CONSTRAINT preschool_enrollment_child_key UNIQUE (township_id, batch_id, child_id_number),
    CONSTRAINT preschool_enrollment_file_line_check CHECK (file_line > 0),
    CONSTRAINT preschool_enrollment_child_name_check CHECK (NOT eduaid.is_blank(child_name)
        AND char_length(child_name) <= 50),
    CONSTRAINT preschool_enrollment_child_id_number_check
        CHECK (eduaid.id_number_valid(child_id_number)),
    CONSTRAINT preschool_enrollment_child_birth_date_check
        CHECK (child_birth_date = eduaid.id_birth_date(child_id_number))
);
COMMENT ON TABLE eduaid.preschool_enrollment IS
    '学前教育: a child on a kindergarten''s roll, from an enrollment batch';
CREATE INDEX preschool_enrollment_id_number_idx
    ON eduaid.preschool_enrollment (township_id, child_id_number);

-- Clean text (041_clean_text.sql).
ALTER TABLE eduaid.preschool_batch
    ADD CONSTRAINT preschool_batch_source_clean CHECK (eduaid.is_clean(source)),
    ADD CONSTRAINT preschool_batch_file_name_clean CHECK (eduaid.is_clean(file_name)),
    ADD CONSTRAINT preschool_batch_reject_reason_clean CHECK (eduaid.is_clean(reject_reason));
ALTER TABLE eduaid.preschool_enrollment
    ADD CONSTRAINT preschool_enrollment_child_name_clean CHECK (eduaid.is_clean(child_name));

INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA238', '_record', '找不到这个导入批次，或它不在待审核状态。',
 'No such import batch, or it is not awaiting review.'),
('EA239', '_record', '导入人不能审核自己导入的批次；退回须填写理由。',
 'The importer of a batch does not review it; a rejection needs a reason.'),
('preschool_batch_pkey', '_record', '这个导入批次已存在。', 'This import batch exists already.'),
('preschool_batch_township_fk', 'township_id', '没有这个乡镇。', 'No such township.'),
('preschool_batch_kind_check', 'kind', '批次类别须为人口或在园幼儿。',
 'A batch holds population or enrollment.'),
('preschool_batch_school_year_check', 'school_year', '学年不在有效范围内。',
 'The school year is out of range.'),
('preschool_batch_source_check', 'source', '请填写数据来源（不超过100字）。',
 'The source (up to 100 characters).'),
('preschool_batch_as_of_check', 'as_of', '统计截止日期不在有效范围内。',
 'The as-of date is out of range.'),
('preschool_batch_file_name_check', 'file_name', '请填写文件名（不超过255字）。',
 'The file name (up to 255 characters).'),
('preschool_batch_row_count_check', 'row_count', '行数不能为负。',
 'The row count is not negative.'),
('preschool_batch_state_check', 'state', '批次状态无效。', 'Not a state of a batch.'),
('preschool_batch_reviewed_check', '_record', '审核人与审核时间须同时填写。',
 'A review has a reviewer and a time.'),
('preschool_batch_four_eyes_check', '_record', '导入人不能审核自己导入的批次。',
 'The importer of a batch does not review it.'),
('preschool_batch_reject_reason_check', 'reject_reason', '退回须填写理由（不超过500字）。',
 'A rejection needs a reason (up to 500 characters).'),
('preschool_batch_source_clean', 'source', '数据来源不能含控制字符、换行或方向控制符。',
 'The source cannot hold control characters, line breaks or direction marks.'),
('preschool_batch_file_name_clean', 'file_name', '文件名不能含控制字符、换行或方向控制符。',
 'The file name cannot hold control characters, line breaks or direction marks.'),
('preschool_batch_reject_reason_clean', 'reject_reason',
 '退回理由不能含控制字符、换行或方向控制符。',
 'The reason cannot hold control characters, line breaks or direction marks.'),
('preschool_population_pkey', '_record', '这一行已存在。', 'This row exists already.'),
('preschool_population_batch_fk', 'batch_id', '找不到这个导入批次。', 'No such import batch.'),
('preschool_population_village_fk', 'village_id', '本乡镇没有这个村。',
 'No such village in this township.'),
('preschool_population_village_key', 'village_id', '这个村（或乡镇）在本文件中出现了两次。',
 'This village (or township) appears twice in the file.'),
('preschool_population_file_line_check', 'file_line', '行号须为正数。',
 'A line number is positive.'),
('preschool_population_age3_check', 'age3', '3岁人数须为0到100000之间的整数。',
 'The number of 3-year-olds lies between 0 and 100000.'),
('preschool_population_age4_check', 'age4', '4岁人数须为0到100000之间的整数。',
 'The number of 4-year-olds lies between 0 and 100000.'),
('preschool_population_age5_check', 'age5', '5岁人数须为0到100000之间的整数。',
 'The number of 5-year-olds lies between 0 and 100000.'),
('preschool_enrollment_pkey', '_record', '这一行已存在。', 'This row exists already.'),
('preschool_enrollment_batch_fk', 'batch_id', '找不到这个导入批次。', 'No such import batch.'),
('preschool_enrollment_kindergarten_fk', 'kindergarten_id', '本乡镇没有这所幼儿园。',
 'No such kindergarten in this township.'),
('preschool_enrollment_child_key', 'child_id_number', '这名幼儿在本乡镇的文件中出现了两次。',
 'This child appears twice in the township''s file.'),
('preschool_enrollment_file_line_check', 'file_line', '行号须为正数。',
 'A line number is positive.'),
('preschool_enrollment_child_name_check', 'child_name', '请填写幼儿姓名（不超过50字）。',
 'The child''s name (up to 50 characters).'),
('preschool_enrollment_child_id_number_check', 'child_id_number', '身份证号无效。',
 'Not a valid ID number.'),
('preschool_enrollment_child_birth_date_check', 'child_birth_date',
 '出生日期与身份证号不符。', 'The birth date does not match the ID number.'),
('preschool_enrollment_child_name_clean', 'child_name',
 '幼儿姓名不能含控制字符、换行或方向控制符。',
 'The child''s name cannot hold control characters, line breaks or direction marks.');
