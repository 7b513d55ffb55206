-- 059_care.sql: 关爱留守儿童, the left-behind children's care ledger
-- (issue 17 H2). A left-behind child is a member flagged
-- eduaid.student.left_behind (004_records.sql: the flag is the person's,
-- not a school year's). Four tables, township-scoped like every ledger:
--
--   care_record      one per left-behind child: the guardian (监护人: name,
--                    relation, phone), the school's contact teacher (a
--                    teacher of the township's register) and the 爱心妈妈
--                    volunteer (name, phone). Phones are personal
--                    (eduaid.personal_columns): supervisors read the
--                    *_masked twins.
--   care_counselling a counselling session (心理咨询/辅导): date, counsellor,
--                    notes. The notes (counsel_notes) are the most private
--                    data in eduaid: the township's clerks and officers and
--                    the auditor read them; supervisors read
--                    counsel_notes_masked ('已记录（N字）') and nothing else
--                    of them (no column privilege, so no WHERE, EXPLAIN or
--                    whole-row read; the audit log's masked rows mask them
--                    by the same rule). Kept as written: never changed or
--                    deleted.
--   care_activity    an interest activity of a school's 乡村学校少年宫 on a
--                    day: music, dance, calligraphy, chess, science,
--                    intangible heritage (音乐 舞蹈 书法 棋类 科技 非遗)
--   care_attendance  who of the children came (activity x child; present
--                    may be corrected, nothing is deleted)
--
-- Guards, triggers, the list and the report: repeatable/36_m_care.sql;
-- policies and grants: the "issue 17 H2" blocks of 38_policies.sql and
-- 39_privileges.sql.
-- SQLSTATEs:
--   EA240 the child is not a left-behind member of the township
--   EA241 a counselling session is kept as written (never changed or
--         deleted)
SET ROLE eduaid_owner;

CREATE TABLE eduaid.care_record (
    LIKE eduaid.row_template INCLUDING ALL,
    household_id          bigint NOT NULL,
    student_id            bigint NOT NULL,
    guardian_name         text,
    guardian_relation     text,
    guardian_phone        text,
    guardian_phone_masked text GENERATED ALWAYS AS
                          (eduaid.mask_value('guardian_phone', guardian_phone)) STORED,
    contact_teacher_id    bigint,
    volunteer_name        text,
    volunteer_phone       text,
    volunteer_phone_masked text GENERATED ALWAYS AS
                          (eduaid.mask_value('volunteer_phone', volunteer_phone)) STORED,
    CONSTRAINT care_record_student_fk FOREIGN KEY (township_id, household_id, student_id)
        REFERENCES eduaid.student (township_id, household_id, id),
    CONSTRAINT care_record_contact_teacher_fk FOREIGN KEY (township_id, contact_teacher_id)
        REFERENCES eduaid.teacher (township_id, id),
    CONSTRAINT care_record_student_key UNIQUE (township_id, student_id),
    CONSTRAINT care_record_guardian_name_check CHECK (NOT eduaid.is_blank(guardian_name)
        AND char_length(guardian_name) <= 50),
    CONSTRAINT care_record_guardian_relation_check CHECK ((guardian_relation IS NULL)
        = (guardian_name IS NULL)
        AND guardian_relation IN ('grandparent', 'parent', 'relative', 'other')),
    CONSTRAINT care_record_guardian_phone_check CHECK (guardian_phone IS NULL
        OR eduaid.phone_valid(guardian_phone) AND guardian_name IS NOT NULL),
    CONSTRAINT care_record_volunteer_name_check CHECK (NOT eduaid.is_blank(volunteer_name)
        AND char_length(volunteer_name) <= 50),
    CONSTRAINT care_record_volunteer_phone_check CHECK (volunteer_phone IS NULL
        OR eduaid.phone_valid(volunteer_phone) AND volunteer_name IS NOT NULL),
    CONSTRAINT care_record_guardian_name_clean CHECK (eduaid.is_clean(guardian_name)),
    CONSTRAINT care_record_volunteer_name_clean CHECK (eduaid.is_clean(volunteer_name))
);
CREATE INDEX care_record_teacher_idx ON eduaid.care_record (township_id, contact_teacher_id);
COMMENT ON TABLE eduaid.care_record IS
    '关爱留守儿童: a left-behind child''s guardian, contact teacher and 爱心妈妈 volunteer';
COMMENT ON COLUMN eduaid.care_record.guardian_relation IS
    'grandparent 祖父母/外祖父母, parent 父母一方, relative 其他亲属, other 其他';

CREATE TABLE eduaid.care_counselling (
    LIKE eduaid.row_template INCLUDING ALL,
    care_id              bigint NOT NULL,
    session_date         date NOT NULL,
    counsellor           text NOT NULL,
    counsel_notes        text NOT NULL,
    counsel_notes_masked text GENERATED ALWAYS AS
                         (eduaid.mask_value('counsel_notes', counsel_notes)) STORED,
    CONSTRAINT care_counselling_care_fk FOREIGN KEY (township_id, care_id)
        REFERENCES eduaid.care_record (township_id, id),
    CONSTRAINT care_counselling_session_date_check CHECK (session_date >= DATE '2014-01-01'),
    CONSTRAINT care_counselling_counsellor_check CHECK (NOT eduaid.is_blank(counsellor)
        AND char_length(counsellor) <= 50),
    CONSTRAINT care_counselling_counsel_notes_check CHECK (NOT eduaid.is_blank(counsel_notes)
        AND char_length(counsel_notes) <= 4000),
    CONSTRAINT care_counselling_counsellor_clean CHECK (eduaid.is_clean(counsellor)),
    CONSTRAINT care_counselling_counsel_notes_clean CHECK (eduaid.is_clean(counsel_notes, true))
);
CREATE INDEX care_counselling_care_idx
    ON eduaid.care_counselling (township_id, care_id, session_date);
COMMENT ON TABLE eduaid.care_counselling IS
    '心理咨询/辅导: a counselling session of a left-behind child; its notes are read by the township and the auditor only';

CREATE TABLE eduaid.care_activity (
    LIKE eduaid.row_template INCLUDING ALL,
    school_id int NOT NULL,
    held_on   date NOT NULL,
    kind      text NOT NULL,
    title     text,
    CONSTRAINT care_activity_school_fk FOREIGN KEY (township_id, school_id)
        REFERENCES eduaid.school (township_id, id),
    CONSTRAINT care_activity_held_on_check CHECK (held_on >= DATE '2014-01-01'),
    CONSTRAINT care_activity_kind_check CHECK (kind IN
        ('music', 'dance', 'calligraphy', 'chess', 'science', 'heritage')),
    CONSTRAINT care_activity_title_check CHECK (NOT eduaid.is_blank(title)
        AND char_length(title) <= 40),
    CONSTRAINT care_activity_title_clean CHECK (eduaid.is_clean(title)),
    CONSTRAINT care_activity_held_on_key UNIQUE (township_id, school_id, held_on, kind)
);
COMMENT ON TABLE eduaid.care_activity IS
    '乡村学校少年宫: an interest activity of a school on a day (音乐 舞蹈 书法 棋类 科技 非遗)';

CREATE TABLE eduaid.care_attendance (
    LIKE eduaid.row_template INCLUDING ALL,
    activity_id bigint NOT NULL,
    care_id     bigint NOT NULL,
    present     boolean NOT NULL DEFAULT true,
    CONSTRAINT care_attendance_activity_fk FOREIGN KEY (township_id, activity_id)
        REFERENCES eduaid.care_activity (township_id, id),
    CONSTRAINT care_attendance_care_fk FOREIGN KEY (township_id, care_id)
        REFERENCES eduaid.care_record (township_id, id),
    CONSTRAINT care_attendance_child_key UNIQUE (township_id, activity_id, care_id)
);
CREATE INDEX care_attendance_care_idx ON eduaid.care_attendance (township_id, care_id);
COMMENT ON TABLE eduaid.care_attendance IS
    'who of the left-behind children attended an activity of the 少年宫';

------------------------------------------------------------------------
-- What the refusals mean (24_messages.sql).
INSERT INTO eduaid.message (key, field, zh, en) VALUES
('EA240', 'student_id', '该成员不是本乡镇登记的留守儿童。',
 'This member is not a left-behind child of the township.'),
('EA241', '_record', '心理辅导记录一经保存不可修改或删除。',
 'A counselling session is kept as written: it is never changed or deleted.'),
('care_record_pkey', '_record', '该关爱档案已存在。', 'This care record exists already.'),
('care_counselling_pkey', '_record', '该辅导记录已存在。', 'This session exists already.'),
('care_activity_pkey', '_record', '该活动已存在。', 'This activity exists already.'),
('care_attendance_pkey', '_record', '该出勤记录已存在。', 'This attendance exists already.'),
('care_record_student_fk', 'student_id', '没有这个学生。', 'No such child.'),
('care_record_contact_teacher_fk', 'contact_teacher_id', '请从本乡镇教师中选择联系教师。',
 'Choose the contact teacher among the township''s teachers.'),
('care_record_student_key', 'student_id', '该儿童已有关爱档案。',
 'The child has a care record already.'),
('care_record_guardian_name_check', 'guardian_name', '监护人姓名不能为空，最多50字。',
 'The guardian''s name is 1 to 50 characters.'),
('care_record_guardian_relation_check', 'guardian_relation',
 '请填写监护人并从列表中选择其与儿童的关系。',
 'Give the guardian and choose their relation to the child from the list.'),
('care_record_guardian_phone_check', 'guardian_phone',
 '监护人电话须为11位手机号或带区号的固定电话，且须先填写监护人。',
 'The guardian''s phone is an 11-digit mobile or a landline with area code, and needs a guardian.'),
('care_record_volunteer_name_check', 'volunteer_name', '爱心妈妈姓名不能为空，最多50字。',
 'The volunteer''s name is 1 to 50 characters.'),
('care_record_volunteer_phone_check', 'volunteer_phone',
 '爱心妈妈电话须为11位手机号或带区号的固定电话，且须先填写姓名。',
 'The volunteer''s phone is an 11-digit mobile or a landline with area code, and needs a name.'),
('care_record_guardian_name_clean', 'guardian_name',
 '监护人姓名不能含控制字符、换行或方向控制符。',
 'The guardian''s name cannot hold control characters, line breaks or direction marks.'),
('care_record_volunteer_name_clean', 'volunteer_name',
 '爱心妈妈姓名不能含控制字符、换行或方向控制符。',
 'The volunteer''s name cannot hold control characters, line breaks or direction marks.'),
('care_counselling_care_fk', 'care_id', '没有这个关爱档案。', 'No such care record.'),
('care_counselling_session_date_check', 'session_date', '辅导日期须在2014年以后且不晚于今天。',
 'The session''s date is after 2014 and not in the future.'),
('care_counselling_counsellor_check', 'counsellor', '辅导人不能为空，最多50字。',
 'The counsellor is 1 to 50 characters.'),
('care_counselling_counsel_notes_check', 'counsel_notes', '辅导记录不能为空，最多4000字。',
 'The notes are 1 to 4000 characters.'),
('care_counselling_counsellor_clean', 'counsellor',
 '辅导人不能含控制字符、换行或方向控制符。',
 'The counsellor cannot hold control characters, line breaks or direction marks.'),
('care_counselling_counsel_notes_clean', 'counsel_notes',
 '辅导记录不能含控制字符或方向控制符（可以换行）。',
 'The notes cannot hold control or direction characters (line breaks are fine).'),
('care_activity_school_fk', 'school_id', '请从本乡镇学校中选择学校。',
 'Choose a school of the township.'),
('care_activity_held_on_check', 'held_on', '活动日期须在2014年以后且不晚于今天。',
 'The activity''s date is after 2014 and not in the future.'),
('care_activity_kind_check', 'kind', '请从列表中选择活动类别。', 'Choose the kind from the list.'),
('care_activity_title_check', 'title', '活动名称最多40字。', 'The title is at most 40 characters.'),
('care_activity_title_clean', 'title', '活动名称不能含控制字符、换行或方向控制符。',
 'The title cannot hold control characters, line breaks or direction marks.'),
('care_activity_held_on_key', 'held_on', '该校这一天已有同类活动。',
 'The school has an activity of this kind on that day already.'),
('care_attendance_activity_fk', 'activity_id', '没有这个活动。', 'No such activity.'),
('care_attendance_care_fk', 'care_id', '没有这个关爱档案。', 'No such care record.'),
('care_attendance_child_key', 'care_id', '该儿童这次活动的出勤已记录。',
 'The child''s attendance of this activity is recorded already.');
