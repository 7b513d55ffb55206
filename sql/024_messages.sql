-- 024_messages.sql: one error table, and the choice lists as rows
-- (issue 10, "One error table, in SQL" and the choice lists of
-- "Workflow as data").
--
-- eduaid.message: what every refusal of eduaid means, in Chinese and
-- English, and the form field it concerns. One row per
--   * SQLSTATE eduaid raises (EA0xx, documented where it is raised),
--   * named constraint of schema eduaid (CHECK, UNIQUE, primary and
--     foreign keys, constraint triggers, unique indexes), and every
--     constraint name a function raises itself (RAISE ... CONSTRAINT =,
--     eduaid.ledger_date_error),
--   * the few PostgreSQL SQLSTATEs a person meets (unique, foreign key,
--     not null, check, too long, bad date or number, no permission,
--     serialization, deadlock, cancelled),
-- keyed by the SQLSTATE or the constraint's name. field names the form
-- field (the column, forms/*.conf) a person should fix, NULL when the
-- refusal concerns no one field. The client (src/db/messages.c) reads the
-- table once at login and shows a refusal by its constraint's row, else its
-- SQLSTATE's, else the server's own text; never a constraint's name.
-- tests/db/24_messages.sql holds the table to that: a row for every code
-- raised and every constraint, both languages, fields that exist. Every
-- login reads it; nobody writes it (sql/repeatable/50_messages.sql grants).
-- A new constraint or SQLSTATE comes with its row, in the same migration.
--
-- The choice lists a form offers (forms/*.conf, type "choice") are rows
-- of one table per list, eduaid.choice_<list> (value, position, zh, en),
-- and the columns that take them refer to them by a foreign key: the list
-- is defined once, in data, for every table that uses it (sex for four
-- tables, disability type for two), and adding a choice is one INSERT in
-- a migration. The CHECKs that spelled the same lists out are dropped
-- (an unknown value is now 23503, household_poverty_status_fk and so on,
-- where it was 23514, *_check); the sex CHECKs keep only their agreement
-- with the ID number, which also still refuses anything but M or F for
-- a valid ID number. roster_row (011_roster.sql) keeps its own CHECKs on
-- stage and relation: it is the COPY target of an import, where a foreign
-- key per row would cost the import benchmark; tests/db/24_messages.sql
-- checks that it accepts exactly the lists' values.
--
-- What the server would refuse for a column is answered by
-- eduaid.field_refusals() (sql/repeatable/51_fields.sql), which the
-- client's start-up check asks for every choice, minimum and maximum of
-- forms/*.conf.
--
-- SQLSTATEs: none new.
SET ROLE eduaid_owner;

------------------------------------------------------------------------
-- The error table.
CREATE TABLE eduaid.message (
    key   text PRIMARY KEY,
    zh    text NOT NULL,
    en    text NOT NULL,
    field text,
    CONSTRAINT message_key_check
        CHECK (key ~ '^([0-9A-Z]{5}|[a-z][a-z0-9_]{0,62})$'),
    CONSTRAINT message_zh_check CHECK (btrim(zh) <> '' AND char_length(zh) <= 200),
    CONSTRAINT message_en_check CHECK (btrim(en) <> '' AND char_length(en) <= 200),
    CONSTRAINT message_field_check CHECK (field ~ '^[a-z_][a-z0-9_]{0,62}$')
);
COMMENT ON TABLE eduaid.message IS
    'eduaid: what each SQLSTATE of eduaid and each named constraint means, in Chinese and English, and the form field it concerns';
COMMENT ON COLUMN eduaid.message.key IS
    'a SQLSTATE (EA0xx, or a PostgreSQL one) or the name of a constraint of schema eduaid';
COMMENT ON COLUMN eduaid.message.field IS
    'the form field (column) a person should fix, or NULL';

------------------------------------------------------------------------
-- The choice lists.
DO $$
DECLARE
    l text;
BEGIN
    FOREACH l IN ARRAY ARRAY['poverty_status', 'sex', 'relation', 'stage',
                             'schooling_status', 'disability_type', 'placement',
                             'fund_reason', 'trainee_type', 'employment_outcome']
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

INSERT INTO eduaid.choice_poverty_status (value, position, zh, en) VALUES
    ('poor', 1, '未脱贫', 'Not lifted'),
    ('lifted', 2, '已脱贫', 'Lifted out'),
    ('monitored', 3, '监测户', 'Monitored');
INSERT INTO eduaid.choice_sex (value, position, zh, en) VALUES
    ('M', 1, '男', 'Male'),
    ('F', 2, '女', 'Female');
INSERT INTO eduaid.choice_relation (value, position, zh, en) VALUES
    ('child', 1, '子女', 'Child'),
    ('grandchild', 2, '孙子女', 'Grandchild'),
    ('sibling', 3, '兄弟姐妹', 'Sibling'),
    ('self', 4, '本人', 'Self'),
    ('other', 5, '其他', 'Other');
INSERT INTO eduaid.choice_stage (value, position, zh, en) VALUES
    ('preschool', 1, '学前', 'Preschool'),
    ('primary', 2, '小学', 'Primary'),
    ('junior', 3, '初中', 'Junior high'),
    ('senior_high', 4, '普通高中', 'Senior high'),
    ('secondary_vocational', 5, '中职', 'Vocational'),
    ('college', 6, '高校', 'College'),
    ('none', 7, '未入学或已离校', 'Not in school');
INSERT INTO eduaid.choice_schooling_status (value, position, zh, en) VALUES
    ('enrolled', 1, '在校', 'Enrolled'),
    ('dropped_out', 2, '辍学', 'Dropped out'),
    ('suspended', 3, '休学', 'Suspended'),
    ('not_enrolled', 4, '未入学', 'Not enrolled');
INSERT INTO eduaid.choice_disability_type (value, position, zh, en) VALUES
    ('visual', 1, '视力', 'Visual'),
    ('hearing', 2, '听力', 'Hearing'),
    ('speech', 3, '言语', 'Speech'),
    ('physical', 4, '肢体', 'Physical'),
    ('intellectual', 5, '智力', 'Intellectual'),
    ('mental', 6, '精神', 'Mental'),
    ('multiple', 7, '多重', 'Multiple');
INSERT INTO eduaid.choice_placement (value, position, zh, en) VALUES
    ('special_school', 1, '特殊教育学校', 'Special school'),
    ('regular_class', 2, '随班就读', 'Regular class'),
    ('special_class', 3, '特教班', 'Special class'),
    ('home_delivery', 4, '送教上门', 'Home delivery');
INSERT INTO eduaid.choice_fund_reason (value, position, zh, en) VALUES
    ('illness', 1, '重大疾病', 'Illness'),
    ('disaster', 2, '遭受灾害', 'Disaster'),
    ('family_hardship', 3, '家庭困难', 'Family hardship'),
    ('remote_post', 4, '边远艰苦岗位', 'Remote post'),
    ('other', 5, '其他', 'Other');
INSERT INTO eduaid.choice_trainee_type (value, position, zh, en) VALUES
    ('poor_labor', 1, '贫困劳动力', 'Poor labourer'),
    ('two_after', 2, '两后生', 'School leaver'),
    ('rich_leader', 3, '致富能人', 'Rural leader');
INSERT INTO eduaid.choice_employment_outcome (value, position, zh, en) VALUES
    ('pending', 1, '待跟踪', 'Pending'),
    ('employed', 2, '务工就业', 'Employed'),
    ('self_employed', 3, '灵活就业', 'Self-employed'),
    ('entrepreneur', 4, '自主创业', 'Entrepreneur'),
    ('further_study', 5, '继续升学', 'Further study'),
    ('unemployed', 6, '未就业', 'Unemployed');

-- The columns take their lists by foreign key; the CHECKs that listed
-- them go. (teacher is owned by eduaid_owner like the records.)
ALTER TABLE eduaid.household
    DROP CONSTRAINT household_poverty_status_check,
    ADD CONSTRAINT household_poverty_status_fk FOREIGN KEY (poverty_status)
        REFERENCES eduaid.choice_poverty_status (value);
ALTER TABLE eduaid.student
    DROP CONSTRAINT student_relation_check,
    DROP CONSTRAINT student_stage_check,
    DROP CONSTRAINT student_schooling_status_check,
    DROP CONSTRAINT student_disability_type_check,
    DROP CONSTRAINT student_sex_check,
    ADD CONSTRAINT student_sex_check CHECK (sex = eduaid.id_sex(id_number)),
    ADD CONSTRAINT student_sex_fk FOREIGN KEY (sex)
        REFERENCES eduaid.choice_sex (value),
    ADD CONSTRAINT student_relation_fk FOREIGN KEY (relation)
        REFERENCES eduaid.choice_relation (value),
    ADD CONSTRAINT student_stage_fk FOREIGN KEY (stage)
        REFERENCES eduaid.choice_stage (value),
    ADD CONSTRAINT student_schooling_status_fk FOREIGN KEY (schooling_status)
        REFERENCES eduaid.choice_schooling_status (value),
    ADD CONSTRAINT student_disability_type_fk FOREIGN KEY (disability_type)
        REFERENCES eduaid.choice_disability_type (value);
ALTER TABLE eduaid.teacher
    DROP CONSTRAINT teacher_sex_check,
    ADD CONSTRAINT teacher_sex_check CHECK (sex = eduaid.id_sex(id_number)),
    ADD CONSTRAINT teacher_sex_fk FOREIGN KEY (sex)
        REFERENCES eduaid.choice_sex (value);
ALTER TABLE eduaid.special_ed_plan
    DROP CONSTRAINT special_ed_plan_disability_type_check,
    DROP CONSTRAINT special_ed_plan_placement_check,
    DROP CONSTRAINT special_ed_plan_child_sex_check,
    ADD CONSTRAINT special_ed_plan_child_sex_check
        CHECK (child_sex = eduaid.id_sex(child_id_number)),
    ADD CONSTRAINT special_ed_plan_child_sex_fk FOREIGN KEY (child_sex)
        REFERENCES eduaid.choice_sex (value),
    ADD CONSTRAINT special_ed_plan_disability_type_fk FOREIGN KEY (disability_type)
        REFERENCES eduaid.choice_disability_type (value),
    ADD CONSTRAINT special_ed_plan_placement_fk FOREIGN KEY (placement)
        REFERENCES eduaid.choice_placement (value);
ALTER TABLE eduaid.teacher_fund_application
    DROP CONSTRAINT teacher_fund_application_reason_category_check,
    ADD CONSTRAINT teacher_fund_application_reason_category_fk
        FOREIGN KEY (reason_category) REFERENCES eduaid.choice_fund_reason (value);
ALTER TABLE eduaid.training_enrollment
    DROP CONSTRAINT training_enrollment_trainee_type_check,
    DROP CONSTRAINT training_enrollment_employment_outcome_check,
    DROP CONSTRAINT training_enrollment_trainee_sex_check,
    ADD CONSTRAINT training_enrollment_trainee_sex_check
        CHECK (trainee_sex = eduaid.id_sex(trainee_id_number)),
    ADD CONSTRAINT training_enrollment_trainee_sex_fk FOREIGN KEY (trainee_sex)
        REFERENCES eduaid.choice_sex (value),
    ADD CONSTRAINT training_enrollment_trainee_type_fk FOREIGN KEY (trainee_type)
        REFERENCES eduaid.choice_trainee_type (value),
    ADD CONSTRAINT training_enrollment_employment_outcome_fk
        FOREIGN KEY (employment_outcome) REFERENCES eduaid.choice_employment_outcome (value);

------------------------------------------------------------------------
-- The words. Short and plain for now; the day-one issue polishes them.
INSERT INTO eduaid.message (key, field, zh, en) VALUES
-- eduaid's own SQLSTATEs (006_workflow.sql, 008, 009, 011, 012, 013, 017,
-- 018, 020)
('EA001', NULL, '记录的当前状态不允许此操作。', 'The record''s state does not allow this.'),
('EA002', NULL, '四眼原则：此记录由您创建、修改或审核过，您不能再处理。',
    'Four-eyes rule: you created, edited or verified this record.'),
('EA003', NULL, '必须填写理由。', 'A reason is required.'),
('EA004', NULL, '您的角色无权执行此操作。', 'Your role may not do this.'),
('EA005', NULL, '记录不存在，或您无权查看。', 'No such record, or it is not visible to you.'),
('EA006', NULL, '此修改会绕过审核流程，不允许。', 'This change would bypass the workflow.'),
('EA007', NULL, '记录已被他人修改，请重新载入。', 'Someone else changed the record; load it again.'),
('EA008', NULL, '该身份证号已在别处登记。', 'This ID number is already registered elsewhere.'),
('EA010', NULL, '未知的记录类型。', 'Unknown record kind.'),
('EA011', NULL, '用户数据有误（角色、乡镇或登录名）。', 'Bad user data (role, townships or login name).'),
('EA012', NULL, '公示期不允许此操作（未到期、已结束或未开启）。',
    'The notice period does not allow this (not over, closed, or not open).'),
('EA013', NULL, '公示尚有未处理或成立的异议。', 'The notice has undecided or upheld objections.'),
('EA014', NULL, '异议须在公示期内收到。', 'The objection was not received during the notice period.'),
('EA015', NULL, '没有可公示的已审批记录。', 'Nothing to put on notice: no approved records.'),
('EA016', NULL, '公示期从开启当日开始，不少于7天。',
    'A notice period starts on the day it opens and lasts at least 7 days.'),
('EA017', NULL, '该异议已处理，或须由登记人以外的督导处理。',
    'The objection is decided already, or another supervisor must decide it.'),
('EA020', NULL, '名册有数据未被接受。', 'The server did not accept the roster.'),
('EA021', NULL, '个案当前状态不允许此操作。', 'The case''s state does not allow this.'),
('EA022', NULL, '该户已在系统中。', 'This household is already in eduaid.'),
('EA050', NULL, '有重复登记的身份证号或户编号。', 'An ID number or household number is registered twice.'),
('EA051', NULL, '人员登记表与记录不一致，请管理员重建。',
    'The person registry is out of step with the records: an administrator must rebuild it.'),
('EA060', NULL, '密码只能以客户端计算的校验值发送。', 'A password must reach the server as a verifier.'),
('EA061', NULL, '只有本县的督导能审批账号申请。', 'Only a supervisor of the county decides account requests.'),
('EA062', NULL, '账号申请须由申请人和当事人以外的人审批。',
    'Someone other than the requester and the person concerned decides.'),
('EA063', NULL, '没有该待审批的账号申请。', 'No such pending account request.'),
('EA064', NULL, '拒绝须说明理由。', 'A refusal needs a reason.'),
('EA065', NULL, '已有待审批的同类申请。', 'The same request is already pending.'),
('EA066', NULL, '账号变更须经督导审批后生效。', 'An account change needs a supervisor''s approval.'),
('EA067', NULL, '申请人已不是本县在职的管理员，只能拒绝该申请。',
    'The requester is no longer an active admin: the request can only be refused.'),
('EA080', NULL, '在您负责的乡镇中找不到该记录。', 'No such record in your townships.'),
-- PostgreSQL's, as a person meets them
('23505', NULL, '重复：已存在相同的记录。', 'Duplicate: such a record already exists.'),
('23514', NULL, '有数据不符合规则。', 'A value breaks a data rule.'),
('23503', NULL, '引用的数据不存在。', 'It refers to something that does not exist.'),
('23502', NULL, '缺少必填数据。', 'A required value is missing.'),
('22001', NULL, '数据过长。', 'A value is too long.'),
('22007', NULL, '日期无效，请按 YYYY-MM-DD 填写。', 'Not a date: write it as YYYY-MM-DD.'),
('22008', NULL, '日期无效，请按 YYYY-MM-DD 填写。', 'Not a date: write it as YYYY-MM-DD.'),
('22P02', NULL, '不是有效的数字。', 'Not a number.'),
('42501', NULL, '权限不足。', 'Permission denied.'),
('40001', NULL, '与其他用户的操作冲突，请重试。', 'Conflict with another user; try again.'),
('40P01', NULL, '与其他用户的操作冲突，请重试。', 'Conflict with another user; try again.'),
('57014', NULL, '请求超时，已取消。', 'The request took too long and was cancelled.'),
-- user accounts (008_users.sql, 018_accounts.sql)
('account_request_action_check', NULL, '账号申请的类型不对。', 'Not a kind of account request.'),
('account_request_reason_check', NULL, '拒绝申请须说明理由。', 'A refusal needs a reason.'),
('account_request_status_check', NULL, '账号申请的状态不对。', 'Not a state of an account request.'),
('account_request_pkey', NULL, '该账号申请已存在。', 'This account request exists already.'),
('account_request_secret_pkey', NULL, '该申请的密码已登记。', 'This request has its password already.'),
('account_request_secret_request_fk', NULL, '没有这个账号申请。', 'No such account request.'),
('app_user_full_name_check', NULL, '请填写姓名（不超过50字）。', 'Give the full name (at most 50 characters).'),
('app_user_login_check', NULL, '登录名以小写字母开头，由2到63个小写字母、数字或下划线组成。',
    'A login name is 2 to 63 lower-case letters, digits or underscores, beginning with a letter.'),
('app_user_role_check', NULL, '没有这个角色。', 'No such role.'),
('app_user_county_fk', NULL, '没有这个县。', 'No such county.'),
('app_user_pkey', NULL, '该登录名已被使用。', 'This login name is taken.'),
('app_user_township_login_fk', NULL, '没有这个用户。', 'No such user.'),
('app_user_township_township_fk', NULL, '没有这个乡镇。', 'No such township.'),
('app_user_township_pkey', NULL, '该用户已负责这个乡镇。', 'The user has this township already.'),
-- the audit log, the registry, bookkeeping (007, 016, 017)
('audit_log_action_check', NULL, '审计记录的操作类型不对。', 'Not an action of the audit log.'),
('audit_log_export_size_check', NULL, '导出的审计记录过大。', 'The audit entry of the export is too large.'),
('audit_log_township_id_key', NULL, '审计记录重复。', 'This audit entry exists already.'),
('registry_kind_check', NULL, '登记类型不对。', 'Not a kind of registry entry.'),
('registry_refs_check', NULL, '登记的引用数不对。', 'The registry''s count of references is wrong.'),
('registry_pkey', NULL, '该号码已登记。', 'This number is registered already.'),
('member_tally_n_check', NULL, '成员计数出错。', 'The count of members went wrong.'),
('member_tally_township_fk', NULL, '没有这个乡镇。', 'No such township.'),
('member_tally_pkey', NULL, '成员计数重复。', 'This count exists already.'),
('subsidy_tally_n_check', NULL, '资助计数出错。', 'The count of subsidies went wrong.'),
('subsidy_tally_township_fk', NULL, '没有这个乡镇。', 'No such township.'),
('subsidy_tally_pkey', NULL, '资助计数重复。', 'This count exists already.'),
('schema_version_pkey', NULL, '该迁移已执行。', 'This migration was applied already.'),
('record_template_pkey', NULL, '记录重复。', 'This record exists already.'),
('row_template_pkey', NULL, '记录重复。', 'This row exists already.'),
('household_status_fk', NULL, '记录状态不对。', 'Not a record status.'),
('training_enrollment_status_fk', NULL, '记录状态不对。', 'Not a record status.'),
('special_ed_plan_status_fk', NULL, '记录状态不对。', 'Not a record status.'),
('teacher_fund_application_status_fk', NULL, '记录状态不对。', 'Not a record status.'),
-- the workflow's own tables (023_workflow_data.sql): written in migrations only
('record_status_code_check', NULL, '状态代码不对。', 'Not a state code.'),
('record_status_word_zh_check', NULL, '请填写状态的中文名称。', 'Give the state''s Chinese word.'),
('record_status_word_en_check', NULL, '请填写状态的英文名称。', 'Give the state''s English word.'),
('record_status_colour_check', NULL, '状态的颜色不对。', 'Not a colour for a state.'),
('record_status_kinds_check', NULL, '此类记录没有该状态。', 'Records of this kind have no such state.'),
('record_status_stamp_check', NULL, '状态的时间戳列不对。', 'Not a stamp for a state.'),
('record_status_edit_roles_check', NULL, '可修改此状态记录的角色不对。', 'Not a role that may edit a record.'),
('record_status_initial_check', NULL, '起始状态设置不对。', 'Not a way to start a record.'),
('record_status_pkey', NULL, '该状态已存在。', 'This state exists already.'),
('record_status_sort_order_key', NULL, '该位置已有状态。', 'Another state has this position.'),
('record_status_initial_key', NULL, '起始状态只能有一个。', 'There is one initial state only.'),
('workflow_step_action_check', NULL, '审核操作不对。', 'Not a workflow action.'),
('workflow_step_role_check', NULL, '审核步骤的角色不对。', 'Not a role for a step.'),
('workflow_step_to_status_check', NULL, '审核步骤的目标状态不对。', 'Not a state a step may lead to.'),
('workflow_step_kinds_check', NULL, '审核步骤的记录类型不对。', 'Not a record kind for a step.'),
('workflow_step_four_eyes_check', NULL, '四眼原则的设置不对。', 'Not a four-eyes rule.'),
('workflow_step_by_notice_check', NULL, '公示步骤的设置不对。', 'Not a notice step.'),
('workflow_step_pkey', NULL, '该审核步骤已存在。', 'This step exists already.'),
('workflow_step_from_fk', NULL, '没有这个起始状态。', 'No such state to start from.'),
('workflow_step_to_fk', NULL, '没有这个目标状态。', 'No such state to move to.'),
('message_pkey', NULL, '该消息已存在。', 'This message exists already.'),
('message_key_check', NULL, '消息的键须为SQLSTATE或约束名。', 'A message''s key is a SQLSTATE or a constraint name.'),
('message_zh_check', NULL, '请填写中文消息（不超过200字）。', 'Give the Chinese words (at most 200 characters).'),
('message_en_check', NULL, '请填写英文消息（不超过200字）。', 'Give the English words (at most 200 characters).'),
('message_field_check', NULL, '字段名不对。', 'Not a field name.'),
-- the choice lists (this file)
('choice_poverty_status_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_poverty_status_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
('choice_sex_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_sex_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
('choice_relation_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_relation_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
('choice_stage_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_stage_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
('choice_schooling_status_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_schooling_status_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
('choice_disability_type_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_disability_type_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
('choice_placement_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_placement_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
('choice_fund_reason_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_fund_reason_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
('choice_trainee_type_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_trainee_type_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
('choice_employment_outcome_pkey', NULL, '该选项已存在。', 'This choice exists already.'),
('choice_employment_outcome_position_key', NULL, '该位置已有选项。', 'Another choice has this position.'),
-- divisions and reference data (003_reference.sql)
('county_id_check', NULL, '县代码为6位数字。', 'A county code has six digits.'),
('county_name_check', NULL, '请填写县名。', 'Give the county''s name.'),
('county_pkey', NULL, '该县已存在。', 'This county exists already.'),
('township_id_check', NULL, '乡镇代码须以所属县的代码开头。', 'A township''s code begins with its county''s.'),
('township_name_check', NULL, '请填写乡镇名称。', 'Give the township''s name.'),
('township_county_fk', NULL, '没有这个县。', 'No such county.'),
('township_pkey', NULL, '该乡镇已存在。', 'This township exists already.'),
('village_id_check', NULL, '行政村代码须以所属乡镇的代码开头。', 'A village''s code begins with its township''s.'),
('village_name_check', NULL, '请填写行政村名称。', 'Give the village''s name.'),
('village_township_fk', NULL, '没有这个乡镇。', 'No such township.'),
('village_pkey', NULL, '该行政村已存在。', 'This village exists already.'),
('village_township_id_key', NULL, '该行政村已存在。', 'This village exists already.'),
('school_kind_check', NULL, '没有这种学校类型。', 'Not a kind of school.'),
('school_name_check', NULL, '请填写学校名称。', 'Give the school''s name.'),
('school_township_fk', NULL, '没有这个乡镇。', 'No such township.'),
('school_pkey', NULL, '该学校已存在。', 'This school exists already.'),
('school_name_key', NULL, '本乡镇已有同名学校。', 'The township has a school of that name already.'),
('school_township_id_key', NULL, '该学校已存在。', 'This school exists already.'),
('training_course_category_check', NULL, '没有这种课程类别。', 'Not a category of course.'),
('training_course_hours_check', NULL, '课程学时须在1到2000之间。', 'A course has 1 to 2000 hours.'),
('training_course_name_check', NULL, '请填写课程名称。', 'Give the course''s name.'),
('training_course_name_key', NULL, '已有同名课程。', 'A course of that name exists already.'),
('training_course_pkey', NULL, '该课程已存在。', 'This course exists already.'),
('fund_program_code_check', NULL, '项目代码只能由小写字母、数字和下划线组成。',
    'A program code has lower-case letters, digits and underscores only.'),
('fund_program_max_amount_check', NULL, '金额不能为负，最多两位小数。', 'An amount is not negative and has at most two decimals.'),
('fund_program_name_check', NULL, '请填写项目名称。', 'Give the program''s name.'),
('fund_program_code_key', NULL, '该项目代码已被使用。', 'This program code is taken.'),
('fund_program_pkey', NULL, '该项目已存在。', 'This program exists already.'),
-- households and their members (004_records.sql)
('household_address_check', 'address', '家庭住址不能超过200字。', 'The address is too long (at most 200 characters).'),
('household_family_size_check', 'family_size', '家庭人口须在1到30之间。', 'Family size is 1 to 30.'),
('household_head_id_number_check', 'head_id_number', '身份证号无效（格式、出生日期或校验位）。',
    'Not a valid ID number (form, birth date or check character).'),
('household_head_name_check', 'head_name', '请填写户主姓名（不超过50字）。', 'Give the head''s name (at most 50 characters).'),
('household_household_no_check', 'household_no', '户编号为6到30位数字、大写字母或连字符。',
    'A household number is 6 to 30 digits, capital letters or hyphens.'),
('household_notes_check', 'notes', '备注不能超过2000字。', 'The notes are too long (at most 2000 characters).'),
('household_phone_check', 'phone', '电话号码无效：手机11位，或区号加座机号码。',
    'Not a phone number: 11 digits for a mobile, or area code and number.'),
('household_poverty_status_fk', 'poverty_status', '请从列表中选择脱贫状态。', 'Choose a poverty status from the list.'),
('household_registered_year_check', 'registered_year', '建档年份须在2014到2035之间。',
    'The year registered is 2014 to 2035.'),
('household_township_fk', 'township_id', '没有这个乡镇。', 'No such township.'),
('household_village_fk', 'village_id', '请选择本乡镇的行政村。', 'Choose a village of the township.'),
('household_pkey', NULL, '该户已存在。', 'This household exists already.'),
('household_client_uuid_key', NULL, '该记录已保存过。', 'This record was saved already.'),
('student_birth_date_check', 'birth_date', '出生日期须与身份证号一致。', 'The birth date must agree with the ID number.'),
('student_boarding_check', 'boarding', '不在学的成员不能是寄宿生。', 'Only a member in school can board.'),
('student_disability_grade_check', 'disability_grade', '残疾等级为1到4级，且须先选残疾类别。',
    'A disability grade is 1 to 4, and needs a disability type.'),
('student_disability_type_fk', 'disability_type', '请从列表中选择残疾类别。', 'Choose a disability type from the list.'),
('student_grade_check', 'grade', '年级须在1到12之间。', 'The grade is 1 to 12.'),
('student_id_number_check', 'id_number', '身份证号无效（格式、出生日期或校验位）。',
    'Not a valid ID number (form, birth date or check character).'),
('student_name_check', 'name', '请填写姓名（不超过50字）。', 'Give the name (at most 50 characters).'),
('student_relation_fk', 'relation', '请从列表中选择与户主关系。', 'Choose a relation to the head from the list.'),
('student_school_id_check', 'school_id', '在学的成员须选择学校。', 'Choose the school of a member in school.'),
('student_schooling_status_fk', 'schooling_status', '请从列表中选择就学状态。', 'Choose a schooling status from the list.'),
('student_sex_check', 'sex', '性别须与身份证号一致。', 'The sex must agree with the ID number.'),
('student_sex_fk', 'sex', '请选择性别。', 'Choose the sex from the list.'),
('student_stage_fk', 'stage', '请从列表中选择学段。', 'Choose a stage from the list.'),
('student_household_fk', NULL, '没有这个户。', 'No such household.'),
('student_school_fk', 'school_id', '没有这所学校。', 'No such school.'),
('student_household_key', NULL, '该成员已存在。', 'This member exists already.'),
('student_id_number_key', 'id_number', '本户已有此身份证号的成员。', 'The household has a member with this ID number already.'),
('student_pkey', NULL, '该成员已存在。', 'This member exists already.'),
('student_subsidy_amount_check', NULL, '金额不能为负，最多两位小数。', 'An amount is not negative and has at most two decimals.'),
('student_subsidy_program_check', NULL, '没有这个资助项目。', 'Not a subsidy program.'),
('student_subsidy_school_year_check', NULL, '学年须在2014到2035之间。', 'The school year is 2014 to 2035.'),
('student_subsidy_student_fk', NULL, '没有这个学生。', 'No such student.'),
('student_subsidy_program_key', NULL, '该生本学年已有这项资助。', 'The student has this subsidy for the school year already.'),
('student_subsidy_pkey', NULL, '该资助已存在。', 'This subsidy exists already.'),
-- training (004_records.sql)
('training_enrollment_batch_check', 'batch', '培训批次写作“年份-期数”，如2026-1。', 'A batch is year-number, such as 2026-1.'),
('training_enrollment_certificate_no_check', 'certificate_no', '结业后才能填写证书编号。',
    'A certificate number only once the training is completed.'),
('training_enrollment_employment_outcome_fk', 'employment_outcome', '请从列表中选择就业情况。',
    'Choose an employment outcome from the list.'),
('training_enrollment_end_date_check', 'end_date', '结束日期不能早于开始日期。', 'The end date cannot be before the start date.'),
('training_enrollment_hours_attended_check', 'hours_attended', '参训学时须在0到2000之间。', 'Hours attended are 0 to 2000.'),
('training_enrollment_needs_survey_check', 'needs_survey', '需求调查不能超过2000字。',
    'The needs survey is too long (at most 2000 characters).'),
('training_enrollment_phone_check', 'phone', '电话号码无效：手机11位，或区号加座机号码。',
    'Not a phone number: 11 digits for a mobile, or area code and number.'),
('training_enrollment_start_date_check', 'start_date', '开始日期不能早于2014年。', 'The start date cannot be before 2014.'),
('training_enrollment_trainee_birth_date_check', 'trainee_birth_date', '出生日期须与身份证号一致。',
    'The birth date must agree with the ID number.'),
('training_enrollment_trainee_id_number_check', 'trainee_id_number', '身份证号无效（格式、出生日期或校验位）。',
    'Not a valid ID number (form, birth date or check character).'),
('training_enrollment_trainee_name_check', 'trainee_name', '请填写学员姓名（不超过50字）。',
    'Give the trainee''s name (at most 50 characters).'),
('training_enrollment_trainee_sex_check', 'trainee_sex', '性别须与身份证号一致。', 'The sex must agree with the ID number.'),
('training_enrollment_trainee_sex_fk', 'trainee_sex', '请选择性别。', 'Choose the sex from the list.'),
('training_enrollment_trainee_type_fk', 'trainee_type', '请从列表中选择学员类型。', 'Choose a trainee type from the list.'),
('training_enrollment_course_fk', 'course_id', '没有这门课程。', 'No such course.'),
('training_enrollment_household_fk', 'household_id', '请选择本乡镇的户。', 'Choose a household of the township.'),
('training_enrollment_provider_school_fk', 'provider_school_id', '没有这所学校。', 'No such school.'),
('training_enrollment_township_fk', 'township_id', '没有这个乡镇。', 'No such township.'),
('training_enrollment_client_uuid_key', NULL, '该记录已保存过。', 'This record was saved already.'),
('training_enrollment_course_key', 'batch', '该学员已报名本课程的这一批次。',
    'The trainee is enrolled in this batch of the course already.'),
('training_enrollment_pkey', NULL, '该报名已存在。', 'This enrollment exists already.'),
-- special education (004_records.sql)
('special_ed_plan_assessment_date_check', 'assessment_date', '评估日期不能早于出生日期。',
    'The assessment cannot be before the birth date.'),
('special_ed_plan_child_birth_date_check', 'child_birth_date', '出生日期须与身份证号一致。',
    'The birth date must agree with the ID number.'),
('special_ed_plan_child_id_number_check', 'child_id_number', '身份证号无效（格式、出生日期或校验位）。',
    'Not a valid ID number (form, birth date or check character).'),
('special_ed_plan_child_name_check', 'child_name', '请填写儿童姓名（不超过50字）。',
    'Give the child''s name (at most 50 characters).'),
('special_ed_plan_child_sex_check', 'child_sex', '性别须与身份证号一致。', 'The sex must agree with the ID number.'),
('special_ed_plan_child_sex_fk', 'child_sex', '请选择性别。', 'Choose the sex from the list.'),
('special_ed_plan_disability_certificate_no_check', 'disability_certificate_no',
    '残疾证号为20位：身份证号加残疾类别和等级。',
    'A disability certificate number is 20 characters: the ID number, type and grade.'),
('special_ed_plan_disability_grade_check', 'disability_grade', '残疾等级为1到4级。', 'A disability grade is 1 to 4.'),
('special_ed_plan_disability_type_fk', 'disability_type', '请从列表中选择残疾类别。', 'Choose a disability type from the list.'),
('special_ed_plan_end_reason_check', 'end_reason', '结案须同时填写结案日期和原因。',
    'An ended plan needs both the end date and the reason.'),
('special_ed_plan_ended_on_check', 'ended_on', '结案日期不能早于安置日期。', 'The end date cannot be before the placement.'),
('special_ed_plan_home_teacher_id_check', 'home_teacher_id', '送教上门须选择送教教师。',
    'Home delivery needs a home-delivery teacher.'),
('special_ed_plan_placed_on_check', 'placed_on', '安置时儿童须年满6岁且未满16岁。',
    'The child is 6 to 15 years old when placed.'),
('special_ed_plan_placement_fk', 'placement', '请从列表中选择安置方式。', 'Choose a placement from the list.'),
('special_ed_plan_review_date_check', 'review_date', '复评日期须晚于安置日期。', 'The review date comes after the placement.'),
('special_ed_plan_visits_per_month_check', 'visits_per_month', '送教上门每月1到8次；其他安置方式不填。',
    'Home delivery has 1 to 8 visits a month; other placements none.'),
('special_ed_plan_home_teacher_fk', 'home_teacher_id', '请选择本乡镇的教师。', 'Choose a teacher of the township.'),
('special_ed_plan_household_fk', 'household_id', '请选择本乡镇的户。', 'Choose a household of the township.'),
('special_ed_plan_school_fk', 'school_id', '没有这所学校。', 'No such school.'),
('special_ed_plan_township_fk', 'township_id', '没有这个乡镇。', 'No such township.'),
('special_ed_plan_client_uuid_key', NULL, '该记录已保存过。', 'This record was saved already.'),
('special_ed_plan_pkey', NULL, '该方案已存在。', 'This plan exists already.'),
-- teachers and their support fund (004_records.sql)
('teacher_birth_date_check', NULL, '出生日期须与身份证号一致。', 'The birth date must agree with the ID number.'),
('teacher_id_number_check', NULL, '身份证号无效（格式、出生日期或校验位）。',
    'Not a valid ID number (form, birth date or check character).'),
('teacher_name_check', NULL, '请填写教师姓名（不超过50字）。', 'Give the teacher''s name (at most 50 characters).'),
('teacher_phone_check', NULL, '电话号码无效：手机11位，或区号加座机号码。',
    'Not a phone number: 11 digits for a mobile, or area code and number.'),
('teacher_rural_years_check', NULL, '乡村任教年限须在0到60之间。', 'Years of rural service are 0 to 60.'),
('teacher_sex_check', NULL, '性别须与身份证号一致。', 'The sex must agree with the ID number.'),
('teacher_sex_fk', NULL, '请选择性别。', 'Choose the sex from the list.'),
('teacher_title_check', NULL, '职称不能超过30字。', 'The title is too long (at most 30 characters).'),
('teacher_school_fk', NULL, '请选择本乡镇的学校。', 'Choose a school of the township.'),
('teacher_pkey', NULL, '该教师已存在。', 'This teacher exists already.'),
('teacher_fund_application_amount_approved_check', 'amount_approved', '批准金额不能超过申请金额，最多两位小数。',
    'The amount approved is at most the amount requested, with at most two decimals.'),
('teacher_fund_application_amount_requested_check', 'amount_requested', '申请金额须大于0，最多两位小数。',
    'The amount requested is more than 0, with at most two decimals.'),
('teacher_fund_application_bank_account_check', 'bank_account', '银行账号为12到19位数字。',
    'A bank account number is 12 to 19 digits.'),
('teacher_fund_application_bank_name_check', 'bank_name', '请填写开户银行（不超过60字）。',
    'Give the bank (at most 60 characters).'),
('teacher_fund_application_months_check', 'months', '月数须在1到12之间。', 'Months are 1 to 12.'),
('teacher_fund_application_reason_category_fk', 'reason_category', '请从列表中选择申请原因。',
    'Choose a reason from the list.'),
('teacher_fund_application_reason_text_check', 'reason_text', '请填写具体情况（不超过2000字）。',
    'Give the details (at most 2000 characters).'),
('teacher_fund_application_school_year_check', 'school_year', '学年须在2014到2035之间。', 'The school year is 2014 to 2035.'),
('teacher_fund_application_program_fk', 'program_id', '没有这个资助项目。', 'No such fund program.'),
('teacher_fund_application_teacher_fk', 'teacher_id', '请选择本乡镇的教师。', 'Choose a teacher of the township.'),
('teacher_fund_application_township_fk', 'township_id', '没有这个乡镇。', 'No such township.'),
('teacher_fund_application_client_uuid_key', NULL, '该记录已保存过。', 'This record was saved already.'),
('teacher_fund_application_program_key', 'program_id', '该教师本学年已申请过这个项目。',
    'The teacher has applied to this program for the school year already.'),
('teacher_fund_application_pkey', NULL, '该申请已存在。', 'This application exists already.'),
-- rosters (011_roster.sql)
('roster_import_encoding_check', NULL, '名册编码须为UTF-8或GB18030。', 'A roster is in UTF-8 or GB18030.'),
('roster_import_file_name_check', NULL, '请给出名册文件名。', 'Give the roster''s file name.'),
('roster_import_row_count_check', NULL, '名册行数不能为负。', 'A roster''s row count is not negative.'),
('roster_import_pkey', NULL, '该次导入已存在。', 'This import exists already.'),
('roster_import_finished', NULL, '名册导入未完成。', 'The roster import was not finished.'),
('roster_row_family_size_check', NULL, '家庭人口须在1到30之间。', 'Family size is 1 to 30.'),
('roster_row_file_line_check', NULL, '行号须大于0。', 'A line number is at least 1.'),
('roster_row_head_id_number_check', NULL, '户主身份证号无效。', 'The head''s ID number is not valid.'),
('roster_row_head_name_check', NULL, '户主姓名不能为空，不超过50字。', 'The head''s name is missing or longer than 50 characters.'),
('roster_row_household_no_check', NULL, '户编号为6到30位数字、大写字母或连字符。',
    'A household number is 6 to 30 digits, capital letters or hyphens.'),
('roster_row_member_id_number_check', NULL, '成员身份证号无效。', 'The member''s ID number is not valid.'),
('roster_row_member_id_number_required', NULL, '有成员姓名就须有身份证号。', 'A member needs an ID number.'),
('roster_row_member_name_check', NULL, '成员姓名不能为空，不超过50字。', 'The member''s name is missing or longer than 50 characters.'),
('roster_row_member_name_required', NULL, '有成员的身份证号、关系或学段，就须有姓名。',
    'A member''s ID number, relation or stage needs the member''s name.'),
('roster_row_relation_check', NULL, '与户主关系不在列表中。', 'Not a relation to the head.'),
('roster_row_stage_check', NULL, '学段不在列表中。', 'Not a stage.'),
('roster_row_township_check', NULL, '乡镇不能为空。', 'The township is missing.'),
('roster_row_village_check', NULL, '行政村不能为空。', 'The village is missing.'),
('roster_row_pkey', NULL, '名册行重复。', 'This roster line exists already.'),
-- ledgers (012_ledgers.sql; the words screens/ledgerops.c had)
('dropout_case_confirmed_on_check', NULL, '确认日期不能晚于今天，也不能早于登记日期。',
    'The confirmation date cannot be in the future or before the case was opened.'),
('dropout_case_notes_check', NULL, '备注不能超过2000字。', 'The notes are too long (at most 2000 characters).'),
('dropout_case_opened_on_check', NULL, '日期晚于今天，或该生在该学年不在义务教育年龄段（6-15 岁）。',
    'The date is in the future, or the child is not of school age (6-15) in that school year.'),
('dropout_case_returned_on_check', NULL, '返校日期不能晚于今天，也不能早于登记或确认日期。',
    'The date back in school cannot be in the future or before the case was opened or confirmed.'),
('dropout_case_returned_school_id_check', NULL, '请选择返回的学校。', 'Choose the school the child is back in.'),
('dropout_case_state_check', NULL, '个案状态不对。', 'Not a state of a dropout case.'),
('dropout_case_returned_school_fk', NULL, '没有这所学校。', 'No such school.'),
('dropout_case_student_fk', NULL, '没有这个学生。', 'No such child.'),
('dropout_case_student_open_key', NULL, '该生已有未结案的辍学个案。', 'This child already has an open case.'),
('dropout_case_pkey', NULL, '该个案已存在。', 'This case exists already.'),
('dropout_visit_visit_date_check', NULL, '走访日期不能晚于今天，也不能早于登记日期。',
    'The visit date cannot be in the future or before the case was opened.'),
('dropout_visit_notes_check', NULL, '备注太长。', 'The notes are too long.'),
('dropout_visit_outcome_check', NULL, '请从列表中选择走访结果。', 'Choose an outcome from the list.'),
('dropout_visit_visitor_check', NULL, '请填写走访人。', 'Say who visited.'),
('dropout_visit_case_fk', NULL, '没有这个个案。', 'No such case.'),
('dropout_visit_pkey', NULL, '该家访已存在。', 'This visit exists already.'),
('home_visit_visit_date_check', NULL, '送教日期不能晚于今天，也不能早于安置日期。',
    'The visit date cannot be in the future or before the placement.'),
('home_visit_visit_date_key', NULL, '当天已登记过送教。', 'A visit is already logged for that day.'),
('home_visit_hours_check', NULL, '课时须大于 0、不超过 8，最多一位小数。', 'Hours must be more than 0 and at most 8, in tenths.'),
('home_visit_content_check', NULL, '请填写送教内容。', 'Say what was taught.'),
('home_visit_plan_id_check', NULL, '该方案不是已审批且有效的送教上门方案。', 'Not an approved, active home-delivery plan.'),
('home_visit_plan_fk', NULL, '没有这个方案。', 'No such plan.'),
('home_visit_teacher_fk', NULL, '请选择本乡镇的教师。', 'Choose a teacher of the township.'),
('home_visit_pkey', NULL, '该送教记录已存在。', 'This visit exists already.'),
('training_attendance_session_date_check', NULL, '上课日期须在培训期间内，且不能晚于今天。',
    'The session date must lie within the course and not in the future.'),
('training_attendance_session_date_key', NULL, '当天已登记过出勤。', 'Attendance is already recorded for that day.'),
('training_attendance_hours_check', NULL, '课时须在 0 到 12 之间，最多一位小数。', 'Hours must be 0 to 12, in tenths.'),
('training_attendance_enrollment_fk', NULL, '没有这个报名。', 'No such enrollment.'),
('training_attendance_pkey', NULL, '该考勤已存在。', 'This attendance exists already.'),
-- public notices (013_notice.sql)
('notice_closed_at_check', NULL, '关闭公示须同时记录关闭人和时间。', 'A closed notice records who closed it and when.'),
('notice_contact_check', NULL, '请填写联系方式（不超过200字）。', 'Give a contact (at most 200 characters).'),
('notice_ends_on_check', NULL, '公示期不少于7天。', 'A notice period lasts at least 7 days.'),
('notice_kind_check', NULL, '公示类型不对。', 'Not a kind of notice.'),
('notice_school_year_check', NULL, '学年须在2014到2035之间。', 'The school year is 2014 to 2035.'),
('notice_title_check', NULL, '请填写公示标题（不超过100字）。', 'Give a title (at most 100 characters).'),
('notice_township_id_check', NULL, '户的公示须指定乡镇，教师帮扶资金的公示须指定项目。',
    'A household notice names a township; a teacher-fund notice names a program.'),
('notice_county_fk', NULL, '没有这个县。', 'No such county.'),
('notice_program_fk', NULL, '没有这个资助项目。', 'No such fund program.'),
('notice_township_fk', NULL, '没有这个乡镇。', 'No such township.'),
('notice_pkey', NULL, '该公示已存在。', 'This notice exists already.'),
('notice_item_kind_check', NULL, '公示条目的类型不对。', 'Not a kind of notice line.'),
('notice_item_record_hash_check', NULL, '记录摘要应为64位十六进制数。', 'A record hash is 64 hexadecimal digits.'),
('notice_item_notice_fk', NULL, '没有这个公示。', 'No such notice.'),
('notice_item_township_fk', NULL, '没有这个乡镇。', 'No such township.'),
('notice_item_line_no_key', NULL, '公示条目编号重复。', 'This line number is taken.'),
('notice_item_objection_key', NULL, '公示条目重复。', 'This notice line exists already.'),
('notice_item_record_hash_key', NULL, '记录摘要重复。', 'This record hash exists already.'),
('notice_item_record_key', NULL, '该记录已在本公示中。', 'The record is on this notice already.'),
('notice_item_pkey', NULL, '公示条目重复。', 'This notice line exists already.'),
('notice_objection_content_check', NULL, '请填写异议内容（不超过2000字）。', 'Give the objection (at most 2000 characters).'),
('notice_objection_decided_by_check', NULL, '处理异议须同时记录处理人和时间。',
    'A decided objection records who decided it and when.'),
('notice_objection_decision_check', NULL, '请选择异议成立或不成立。', 'Decide the objection upheld or dismissed.'),
('notice_objection_decision_note_check', NULL, '处理异议须说明理由（不超过2000字）。',
    'A decision needs a note (at most 2000 characters).'),
('notice_objection_objector_check', NULL, '异议人不能超过100字。', 'The objector is too long (at most 100 characters).'),
('notice_objection_item_fk', NULL, '没有这个公示条目。', 'No such notice line.'),
('notice_objection_pkey', NULL, '该异议已存在。', 'This objection exists already.');

RESET ROLE;
