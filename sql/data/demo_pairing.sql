-- sql/data/demo_pairing.sql: the demo county's school pairing (结对帮扶,
-- issue 15; docs/design/pairing.md), a year of it as the screens' clock
-- sees it (2026-11-16): December 2025 to mid-November 2026.
--
--   * The school register: 城关镇's schools are the county town's ('town',
--     strong, the helpers); the township schools 'rural', the primary and
--     junior schools of the poorer townships and four village teaching
--     points (教学点, added by the admin) need help; every 中心幼儿园 is a
--     central kindergarten. Three 十堰 city schools help too: their
--     districts' townships as `eduaid-admin townships load` makes them (the
--     superuser, from admin/divisions), the schools added by demo_admin.
--   * The inspector demo_inspector (郑纪明, 县纪检督导组), requested by
--     demo_admin and approved by demo_supervisor like every demo person.
--   * Eleven pairs among 房县's schools (cycles from 2024-09-01, 2025-09-01
--     and 2026-09-01; one-to-one and two 大学区, one of them over 城关镇
--     and 军店镇; both kinds of help), made by the home township's clerk;
--     their agreements in every workflow state; one ended early by a
--     supervisor with its reason (the school is helped by a new pair from
--     the autumn). Four schools that need help stay unpaired (不漏一校 is
--     not yet met: the coverage report lists them).
--   * Targets, activities, monthly reports and quarterly records of the
--     year, entered by the home township's clerk; some pairs lag: 窑淮
--     (no activity this autumn, no October report, no Q3 summary, reports
--     late), 九道 (no activity this autumn, no Q3 summary), 土城 and 青峰
--     (no October report).
--   * demo_inspector's inspections (commend, ok, lagging) and three
--     rectification notices: one answered, one open past its deadline
--     (2026-11-10), one open within it (2026-12-03).
--   * The criteria of 2025 and 2026 (demo_supervisor), the approved annual
--     assessments of 2025 with their scores (entered by one supervisor,
--     approved by the other), two quarterly evaluations of 2026 (one
--     waiting for its second supervisor) and the awards of 2025.
--
-- Everything is written by the people who would write it, through their
-- grants, row-level security and the triggers. Agreements go through the
-- workflow functions when the agreement is a workflow kind ('pairing',
-- docs/design/pairing.md); until then their state is set as the
-- superuser. Afterwards each row's timestamps (and its audit rows) are
-- moved back to the day it happened, with triggers off
-- (session_replication_role), as demo_workflow.sql does for the records:
-- so the audit log holds rows of every month from 2024-08 on (the
-- register's changes and the inspector's account are dated 2024-08-20,
-- when the county set pairing up), which tests that archive a month count
-- (tests/db/58_audit_partitions.sql).
-- Loaded by load-demo.sh as the superuser, after demo.sql; deterministic.
-- Names the pgTAP files use for pairs of their own (tests/db/60_pairing.sql:
-- 军店镇中心小学, 土城镇中心小学, anything of 大木厂镇, the leads 陈校长,
-- 吴校长, 黄校长, the criteria 帮扶成效 and 活动开展 of 2026) are not used.
\set ON_ERROR_STOP on
BEGIN;
CREATE SCHEMA eduaid_pairdemo;
GRANT USAGE ON SCHEMA eduaid_pairdemo TO PUBLIC;
CREATE TABLE eduaid_pairdemo.mark AS SELECT coalesce(max(id), 0) AS audit_id FROM eduaid.audit_log;

-- A number in [0, n) drawn from key.
CREATE FUNCTION eduaid_pairdemo.pick(key text, n int) RETURNS int
LANGUAGE sql IMMUTABLE
RETURN ('x' || left(md5(key), 7))::bit(28)::int % n;

------------------------------------------------------------------------
-- 十堰's districts (the superuser, as `eduaid-admin townships load 茅箭区`
-- and `... 张湾区` would: the codes of admin/divisions).
INSERT INTO eduaid.county (id, name) VALUES (420302, '茅箭区'), (420303, '张湾区')
    ON CONFLICT (id) DO NOTHING;
INSERT INTO eduaid.township (id, name, county_id) VALUES
    (420302002, '二堰街道', 420302), (420302003, '五堰街道', 420302),
    (420303003, '车城路街道', 420303)
    ON CONFLICT (id) DO NOTHING;

-- The register, kept by the admin.
SET SESSION AUTHORIZATION demo_admin;
INSERT INTO eduaid.school (township_id, name, kind, nutrition_pilot, urban_rural, needs_help) VALUES
    (420302003, '十堰市五堰小学', 'primary', false, 'city', false),
    (420302002, '十堰市第二中学', 'junior', false, 'city', false),
    (420303003, '十堰市车城路小学', 'primary', false, 'city', false);
INSERT INTO eduaid.school (township_id, name, kind, nutrition_pilot, urban_rural, teaching_point,
                           needs_help) VALUES
    (420325100, '城关镇温泉村教学点', 'primary', true, 'rural', true, true),
    (420325101, '军店镇高山旗村教学点', 'primary', true, 'rural', true, true),
    (420325210, '九道乡咸池沟村教学点', 'primary', true, 'rural', true, true),
    (420325208, '上龛乡仓坪村教学点', 'primary', true, 'rural', true, true);
UPDATE eduaid.school SET urban_rural = 'town'
 WHERE township_id = 420325100 AND NOT teaching_point;
UPDATE eduaid.school SET central_kindergarten = true
 WHERE kind = 'kindergarten' AND name LIKE '%中心幼儿园';
-- The schools the county must pair (不漏一校), besides the teaching points.
UPDATE eduaid.school SET needs_help = true
 WHERE name IN ('五台乡中心小学', '化龙堰镇中心小学', '土城镇初级中学', '青峰镇中心小学',
                '门古寺镇初级中学', '红塔镇中心幼儿园', '窑淮镇初级中学', '姚坪乡中心小学',
                '万峪河乡初级中学', '九道乡中心小学', '中坝乡中心小学', '回龙乡初级中学');
RESET SESSION AUTHORIZATION;

------------------------------------------------------------------------
-- The inspector, as every demo person: requested by the admin, approved
-- by a supervisor.
SET SESSION AUTHORIZATION demo_admin;
SELECT eduaid.request_create('demo_inspector', '郑纪明', 'inspector');
SET SESSION AUTHORIZATION demo_supervisor;
SELECT eduaid.approve_request(r.id)
  FROM eduaid.account_request r WHERE r.status = 'pending' AND r.login = 'demo_inspector';
RESET SESSION AUTHORIZATION;

------------------------------------------------------------------------
-- The pairs. state: where the agreement ends (draft, submitted, verified,
-- approved, rejected); lag: how the pair keeps up this year
--   good     everything on time
--   late     reports late now and then
--   noreport no October report
--   idle     no activity this autumn and no Q3 summary
--   worst    idle, no October report, reports late
--   new      a pair of this autumn (reports from September)
--   none     nothing done yet
CREATE TABLE eduaid_pairdemo.p (
    n            int PRIMARY KEY,
    title        text NOT NULL,
    home         int NOT NULL,
    helping      text NOT NULL,
    form         text NOT NULL,
    help_kind    text NOT NULL,
    cycle_start  date NOT NULL,
    helping_lead text NOT NULL,
    helped_lead  text NOT NULL,
    members      text[] NOT NULL,   -- the lead helped school first
    state        text NOT NULL,
    lag          text NOT NULL,
    ended_on     date,
    id           bigint
);
INSERT INTO eduaid_pairdemo.p (n, title, home, helping, form, help_kind, cycle_start, helping_lead,
                               helped_lead, members, state, lag, ended_on) VALUES
 (1, '城关一小—军店城关教学点大学区', 420325101, '城关镇中心小学', 'district', 'town_village',
  '2025-09-01', '王建华', '罗永平', '{军店镇高山旗村教学点,城关镇温泉村教学点}', 'approved', 'good', NULL),
 (2, '十堰五堰小学—化龙堰镇中心小学', 420325102, '十堰市五堰小学', 'one_to_one', 'city_county',
  '2024-09-01', '李晓峰', '冯德文', '{化龙堰镇中心小学}', 'approved', 'good', NULL),
 (3, '房县一中—窑淮镇初级中学', 420325110, '房县第一中学', 'one_to_one', 'town_village',
  '2024-09-01', '杨志明', '柯国强', '{窑淮镇初级中学}', 'approved', 'worst', NULL),
 (4, '城关镇初中—土城镇初级中学', 420325103, '城关镇初级中学', 'one_to_one', 'town_village',
  '2025-09-01', '周海涛', '詹明华', '{土城镇初级中学}', 'approved', 'noreport', NULL),
 (5, '十堰二中—门古寺镇初级中学', 420325106, '十堰市第二中学', 'one_to_one', 'city_county',
  '2025-09-01', '徐春林', '彭玉山', '{门古寺镇初级中学}', 'approved', 'good', NULL),
 (6, '城关二小—青峰镇中心小学', 420325105, '城关镇第二小学', 'one_to_one', 'town_village',
  '2026-09-01', '刘秀英', '宋光荣', '{青峰镇中心小学}', 'submitted', 'new', NULL),
 (7, '城关镇中心幼儿园—红塔镇中心幼儿园', 420325109, '城关镇中心幼儿园', 'one_to_one', 'town_village',
  '2026-09-01', '何丽娟', '郑红霞', '{红塔镇中心幼儿园}', 'draft', 'none', NULL),
 (8, '十堰车城路小学—姚坪乡中心小学', 420325203, '十堰市车城路小学', 'one_to_one', 'city_county',
  '2026-09-01', '梁文斌', '袁德贵', '{姚坪乡中心小学}', 'verified', 'new', NULL),
 (9, '房县二中—万峪河乡初级中学', 420325206, '房县第二中学', 'one_to_one', 'town_village',
  '2026-09-01', '曹建军', '明志远', '{万峪河乡初级中学}', 'rejected', 'none', NULL),
 (10, '城关镇初中—万峪河乡初级中学', 420325206, '城关镇初级中学', 'one_to_one', 'town_village',
  '2024-09-01', '周海涛', '董成林', '{万峪河乡初级中学}', 'approved', 'good', '2026-07-15'),
 (11, '城关一小—九道乡大学区', 420325210, '城关镇中心小学', 'district', 'town_village',
  '2025-09-01', '王建华', '唐桂珍', '{九道乡中心小学,九道乡咸池沟村教学点}', 'approved', 'idle', NULL);

-- Who works where (demo.sql's staff): the home township's clerk enters,
-- its officer verifies.
CREATE FUNCTION eduaid_pairdemo.clerk(t int) RETURNS text LANGUAGE sql IMMUTABLE
RETURN CASE t WHEN 420325100 THEN 'demo_clerk' WHEN 420325101 THEN 'demo_clerk'
              WHEN 420325103 THEN 'demo_clerk2' ELSE 'clerk_' || right(t::text, 3) END;
CREATE FUNCTION eduaid_pairdemo.officer(t int) RETURNS text LANGUAGE sql IMMUTABLE
RETURN CASE t WHEN 420325100 THEN 'demo_officer' ELSE 'officer_' || right(t::text, 3) END;
GRANT SELECT, UPDATE ON eduaid_pairdemo.p TO PUBLIC;

-- The pairs, their helped schools and agreements, made by the home
-- township's clerk (demo_clerk for 军店镇 holds 城关镇 too: he adds 城关镇's
-- teaching point to the 大学区).
CREATE FUNCTION eduaid_pairdemo.make(p_n int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    p   record;
    s   record;
    pid bigint;
BEGIN
    FOR p IN SELECT * FROM eduaid_pairdemo.p WHERE n = p_n LOOP
        EXECUTE format('SET SESSION AUTHORIZATION %I', eduaid_pairdemo.clerk(p.home));
        SELECT sc.township_id, sc.id INTO s FROM eduaid.school sc WHERE sc.name = p.helping;
        INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title, form,
                                 help_kind, cycle_start, helping_lead, helped_lead)
        VALUES (p.home, s.township_id, s.id, p.title, p.form, p.help_kind, p.cycle_start,
                p.helping_lead, p.helped_lead);
        -- (no RETURNING: the read policy knows the new pair from the next
        -- statement on)
        pid := (SELECT x.id FROM eduaid.pair x WHERE x.township_id = p.home AND x.title = p.title);
        INSERT INTO eduaid.pair_member (township_id, pair_id, school_id)
        SELECT sc.township_id, pid, sc.id
          FROM unnest(p.members) WITH ORDINALITY AS m(name, k)
          JOIN eduaid.school sc ON sc.name = m.name ORDER BY m.k;
        INSERT INTO eduaid.pair_agreement (township_id, pair_id, signed_on, helping_signatory,
                                           helped_signatory, goals)
        VALUES (p.home, pid, p.cycle_start - 7, p.helping_lead, p.helped_lead,
                format(E'%s与%s结对帮扶（%s年%s月至%s年%s月）。\n'
                       '一、帮扶方每学期送教下乡不少于1次，每学年接收受援方教师跟岗学习不少于2人次；\n'
                       '二、双方每月联合教研不少于1次，受援方每月5日前报送月报告；\n'
                       '三、三年内受援学校教学质量综合评价提升一个等级，控辍保学零辍学。',
                       p.helping, array_to_string(p.members, '、'),
                       extract(year FROM p.cycle_start), extract(month FROM p.cycle_start),
                       extract(year FROM p.cycle_start) + 3, extract(month FROM p.cycle_start)));
        EXECUTE 'RESET SESSION AUTHORIZATION';
        UPDATE eduaid_pairdemo.p x SET id = pid WHERE x.n = p.n;
    END LOOP;
END
$$;
-- All but 万峪河's second pair, which starts when its first has ended.
SELECT eduaid_pairdemo.make(n) FROM eduaid_pairdemo.p WHERE n <> 9 ORDER BY n;

-- The agreements' workflow: the clerk submits, the home township's officer
-- verifies or returns, a supervisor approves.
CREATE FUNCTION eduaid_pairdemo.step(p_pair bigint, p_step text, p_who text, p_reason text DEFAULT NULL)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    aid bigint := (SELECT a.id FROM eduaid.pair_agreement a WHERE a.pair_id = p_pair);
BEGIN
    IF eduaid.record_table('pairing') IS NOT NULL THEN
        EXECUTE format('SET SESSION AUTHORIZATION %I', p_who);
        CASE p_step
            WHEN 'submit' THEN PERFORM eduaid.submit('pairing', aid);
            WHEN 'verify' THEN PERFORM eduaid.verify('pairing', aid);
            WHEN 'approve' THEN PERFORM eduaid.approve('pairing', aid);
            ELSE PERFORM eduaid.reject('pairing', aid, p_reason);
        END CASE;
        EXECUTE 'RESET SESSION AUTHORIZATION';
    ELSE
        -- Not yet a workflow kind: the state the steps would leave.
        UPDATE eduaid.pair_agreement a SET
            status = CASE p_step WHEN 'submit' THEN 'submitted' WHEN 'verify' THEN 'verified'
                                 WHEN 'approve' THEN 'approved' ELSE 'rejected' END,
            submitted_by = CASE p_step WHEN 'submit' THEN p_who ELSE a.submitted_by END,
            submitted_at = CASE p_step WHEN 'submit' THEN now() ELSE a.submitted_at END,
            verified_by = CASE p_step WHEN 'verify' THEN p_who ELSE a.verified_by END,
            verified_at = CASE p_step WHEN 'verify' THEN now() ELSE a.verified_at END,
            approved_by = CASE p_step WHEN 'approve' THEN p_who ELSE a.approved_by END,
            approved_at = CASE p_step WHEN 'approve' THEN now() ELSE a.approved_at END,
            rejected_by = CASE p_step WHEN 'reject' THEN p_who ELSE a.rejected_by END,
            rejected_at = CASE p_step WHEN 'reject' THEN now() ELSE a.rejected_at END,
            reason = CASE p_step WHEN 'reject' THEN p_reason ELSE a.reason END
         WHERE a.id = aid;
    END IF;
END
$$;
SELECT eduaid_pairdemo.step(p.id, 'submit', eduaid_pairdemo.clerk(p.home))
  FROM eduaid_pairdemo.p p WHERE p.state <> 'draft' AND p.id IS NOT NULL ORDER BY p.n;
SELECT eduaid_pairdemo.step(p.id, 'verify', eduaid_pairdemo.officer(p.home))
  FROM eduaid_pairdemo.p p WHERE p.state IN ('verified', 'approved') ORDER BY p.n;
SELECT eduaid_pairdemo.step(p.id, 'reject', eduaid_pairdemo.officer(p.home),
                            '目标任务未量化（定量），请补充每学期送教次数和跟岗人数后重新提交')
  FROM eduaid_pairdemo.p p WHERE p.state = 'rejected' AND p.id IS NOT NULL ORDER BY p.n;
SELECT eduaid_pairdemo.step(p.id, 'approve',
                            CASE WHEN p.n % 2 = 0 THEN 'demo_supervisor2' ELSE 'demo_supervisor' END)
  FROM eduaid_pairdemo.p p WHERE p.state = 'approved' ORDER BY p.n;

------------------------------------------------------------------------
-- The year's work, entered by the home township's clerk.
DO $$
DECLARE
    p      record;
    m      date;
    q      int;
    first  date;
    kinds  text[] := '{teaching_visit,joint_research,demo_lesson,shadowing,curriculum,campus_culture,teaching_evaluation,philosophy}';
    kzh    text[] := '{送教下乡,联校教研,示范课,跟岗学习,课程改革研讨,校园文化建设,教学评价交流,办学理念交流}';
    k      int;
    day    date;
BEGIN
    FOR p IN SELECT * FROM eduaid_pairdemo.p WHERE lag <> 'none' ORDER BY n LOOP
        EXECUTE format('SET SESSION AUTHORIZATION %I', eduaid_pairdemo.clerk(p.home));
        -- 帮扶实施方案: the year's targets (定向、定时、定人、定量), the annual
        -- plan, and last year's summary.
        INSERT INTO eduaid.pair_target (township_id, pair_id, kind, year, what, due_on, who, quantity)
        VALUES
          (p.home, p.id, 'target', 2026, '送教下乡：帮扶方骨干教师到受援学校上示范课并评课',
           '2026-12-31', p.helping_lead || '（帮扶方校长）', '每学期不少于1次，全年不少于4节示范课'),
          (p.home, p.id, 'target', 2026, '跟岗学习：受援学校青年教师到帮扶学校跟岗',
           '2026-12-31', p.helped_lead || '（受援方校长）', '全年不少于3人次，每次不少于5天'),
          (p.home, p.id, 'target', 2026, '联校教研：语文、数学同课异构与集体备课',
           '2026-12-31', '双方教务主任', '每月1次'),
          (p.home, p.id, 'annual_plan', 2026, '2026年度帮扶工作计划：按目标任务书分月安排送教、跟岗和教研活动',
           greatest(date '2026-01-31', p.cycle_start + 30), p.helping_lead, '计划1份，分解到月');
        IF p.cycle_start < '2025-12-01' THEN
            INSERT INTO eduaid.pair_target (township_id, pair_id, kind, year, what, due_on, who, quantity)
            VALUES (p.home, p.id, 'annual_summary', 2025, '2025年度帮扶工作总结：对照目标任务逐项总结',
                    '2026-01-15', p.helped_lead, '总结1份');
        END IF;

        -- Monthly reports: every month of the cycle from December 2025 to
        -- October 2026 (the pair's end first), but not October's where the
        -- pair lags so.
        first := greatest(p.cycle_start, '2025-12-01');
        m := first;
        WHILE m <= coalesce(p.ended_on - 1, '2026-10-01') LOOP
            IF NOT (m = '2026-10-01' AND p.lag IN ('noreport', 'worst'))
               AND NOT (m = '2026-10-01' AND p.n = 6) THEN
                INSERT INTO eduaid.pair_monthly_report (township_id, pair_id, month, content)
                VALUES (p.home, p.id, m, format(
                    E'%s年%s月帮扶工作月报告。\n本月开展联校教研%s次，%s；对照目标任务，进度%s。',
                    extract(year FROM m), extract(month FROM m),
                    1 + eduaid_pairdemo.pick(p.n || 'r' || m, 2),
                    CASE WHEN extract(month FROM m) IN (7, 8) THEN '暑期开展教师线上培训'
                         WHEN extract(month FROM m) IN (1, 2) THEN '寒假组织教师集中备课'
                         ELSE '帮扶方教师到校听课评课' END,
                    CASE WHEN p.lag IN ('idle', 'worst') AND m >= '2026-06-01' THEN '滞后'
                         ELSE '正常' END));
            END IF;
            m := (m + interval '1 month')::date;
        END LOOP;

        -- Activities: at least one a semester, none this autumn where the
        -- pair is idle.
        FOR k IN 0..4 LOOP
            day := (ARRAY['2025-12-10', '2026-03-24', '2026-05-19', '2026-09-22', '2026-10-27']::date[])[k + 1]
                   + eduaid_pairdemo.pick(p.n || 'a' || k, 6);
            CONTINUE WHEN day < p.cycle_start OR day >= coalesce(p.ended_on, '2029-09-01');
            CONTINUE WHEN day >= '2026-09-01' AND p.lag IN ('idle', 'worst');
            CONTINUE WHEN k = 3 AND p.lag = 'new';
            CONTINUE WHEN k = 2 AND p.lag IN ('idle', 'worst');
            INSERT INTO eduaid.pair_activity (township_id, pair_id, kind, held_on, place, people, content)
            VALUES (p.home, p.id, kinds[1 + (p.n + k) % 8], day,
                    CASE WHEN (p.n + k) % 8 = 3 THEN p.helping ELSE p.members[1] END,
                    p.helping_lead || '、' || p.helped_lead || '及双方教师' || (6 + eduaid_pairdemo.pick(p.n || 'pp' || k, 10)) || '人',
                    format('%s：%s与%s开展%s活动，听评课%s节，交流研讨半天。', kzh[1 + (p.n + k) % 8],
                           p.helping, p.members[1], kzh[1 + (p.n + k) % 8],
                           2 + eduaid_pairdemo.pick(p.n || 'l' || k, 4)));
        END LOOP;

        -- Quarterly: the summary of each quarter (held in the next one's
        -- first month; none for Q3 where the pair is idle), a liaison
        -- meeting in Q1 and a forum in Q2.
        FOR q IN 0..3 LOOP
            day := (ARRAY['2026-01-14', '2026-04-15', '2026-07-08', '2026-10-16']::date[])[q + 1];
            CONTINUE WHEN day < p.cycle_start + 30 OR day >= coalesce(p.ended_on, '2029-09-01');
            CONTINUE WHEN q = 3 AND p.lag IN ('idle', 'worst');
            CONTINUE WHEN q = 3 AND p.n = 6;
            INSERT INTO eduaid.pair_quarterly (township_id, pair_id, year, quarter, kind, held_on, content)
            VALUES (p.home, p.id, CASE q WHEN 0 THEN 2025 ELSE 2026 END, CASE q WHEN 0 THEN 4 ELSE q END,
                    'summary', day,
                    format('季度总结交流（对标汇报）：双方校长对照目标任务汇报本季度送教、跟岗、教研完成情况%s。',
                           CASE WHEN p.lag IN ('idle', 'worst') AND q > 0 THEN '，跟岗学习未按计划完成'
                                ELSE '，均按计划完成' END));
        END LOOP;
        IF p.cycle_start < '2026-01-01' AND p.n % 2 = 1 THEN
            INSERT INTO eduaid.pair_quarterly (township_id, pair_id, year, quarter, kind, held_on, content)
            VALUES (p.home, p.id, 2026, 1, 'liaison', '2026-03-12',
                    '联系会议：商定本学期送教下乡和跟岗学习安排。');
        END IF;
        IF p.cycle_start < '2026-01-01' AND p.n % 3 <> 0 AND coalesce(p.ended_on, '2029-09-01') > '2026-06-20' THEN
            INSERT INTO eduaid.pair_quarterly (township_id, pair_id, year, quarter, kind, held_on, content)
            VALUES (p.home, p.id, 2026, 2, 'forum', '2026-06-18',
                    '座谈交流会：受援学校教师代表谈跟岗收获，双方商定下学期课程改革重点。');
        END IF;
        EXECUTE 'RESET SESSION AUTHORIZATION';
    END LOOP;
END
$$;

------------------------------------------------------------------------
-- The county's checks: demo_inspector's inspections and notices, the
-- inspected side's answer.
CREATE TABLE eduaid_pairdemo.insp (n int, on_day date, verdict text, findings text, bulletin text);
INSERT INTO eduaid_pairdemo.insp VALUES
 (1, '2026-04-21', 'ok', '查阅月报告、活动记录，走访教学点，帮扶活动按计划开展。', NULL),
 (2, '2026-04-22', 'commend', '送教下乡和跟岗学习超额完成，受援学校教学质量明显提升。',
  '十堰市五堰小学与化龙堰镇中心小学结对帮扶成效突出，予以通报表扬。'),
 (3, '2026-04-23', 'lagging', '一季度仅开展1次活动，跟岗学习未开展，2月月报告逾期报送。',
  '房县第一中学与窑淮镇初级中学结对帮扶进度滞后，责令限期整改。'),
 (4, '2026-04-24', 'ok', '帮扶活动基本按计划开展，联校教研记录完整。', NULL),
 (5, '2026-10-13', 'commend', '送教下乡常态化，受援学校中考成绩进步明显。',
  '十堰市第二中学与门古寺镇初级中学结对帮扶工作扎实，予以通报表扬。'),
 (3, '2026-10-14', 'lagging', '秋季学期未开展任何帮扶活动，二季度整改要求落实不到位。',
  '房县第一中学与窑淮镇初级中学结对帮扶再次滞后，予以通报批评。'),
 (11, '2026-10-30', 'lagging', '秋季学期未开展帮扶活动，三季度未召开总结交流会。',
  '城关镇中心小学与九道乡结对帮扶（大学区）进度滞后，责令限期整改。'),
 (1, '2026-10-15', 'ok', '帮扶活动按计划开展，教学点教师参加联校教研。', NULL);
GRANT SELECT ON eduaid_pairdemo.insp TO PUBLIC;
-- The assessment of 2025: each pair's total.
CREATE TABLE eduaid_pairdemo.score (n int, total int);
INSERT INTO eduaid_pairdemo.score VALUES (2, 94), (5, 90), (1, 86), (4, 82), (10, 80), (11, 72), (3, 61);
GRANT SELECT ON eduaid_pairdemo.score TO PUBLIC;
SET SESSION AUTHORIZATION demo_inspector;
INSERT INTO eduaid.pair_inspection (township_id, pair_id, inspected_on, inspectors, findings, verdict, bulletin)
SELECT p.home, p.id, i.on_day, '县纪检督导组：郑纪明、刘芳', i.findings, i.verdict, i.bulletin
  FROM eduaid_pairdemo.insp i JOIN eduaid_pairdemo.p p USING (n) ORDER BY i.on_day;
INSERT INTO eduaid.pair_rectification (township_id, pair_id, inspection_id, issued_on, deadline, demands)
SELECT i.township_id, i.pair_id, i.id, v.issued, v.deadline, v.demands
  FROM (VALUES
    ('2026-04-23'::date, '2026-04-27'::date, '2026-05-31'::date,
     '一、5月底前补开展送教下乡1次、跟岗学习1批次；二、月报告按时于次月5日前报送。'),
    ('2026-10-14', '2026-10-20', '2026-11-10',
     '一、11月10日前开展送教下乡并报送活动记录；二、补开三季度总结交流会（对标汇报）。'),
    ('2026-10-30', '2026-11-03', '2026-12-03',
     '一、12月3日前开展联校教研和送教下乡各1次；二、召开三季度总结交流会并报送材料。'))
    AS v(on_day, issued, deadline, demands)
  JOIN eduaid.pair_inspection i ON i.inspected_on = v.on_day AND i.verdict = 'lagging';
RESET SESSION AUTHORIZATION;
-- 窑淮镇 answers the April notice; the October one is past its deadline
-- unanswered, 九道乡's still within it.
SET SESSION AUTHORIZATION clerk_110;
INSERT INTO eduaid.pair_rectification_response (township_id, pair_id, rectification_id, responded_on, response)
SELECT r.township_id, r.pair_id, r.id, '2026-05-26',
       '已于5月12日开展送教下乡1次（示范课3节），5月18日至22日选派2名教师到房县第一中学跟岗学习；今后月报告按时报送。'
  FROM eduaid.pair_rectification r WHERE r.issued_on = '2026-04-27';
RESET SESSION AUTHORIZATION;

------------------------------------------------------------------------
-- The 教育扶贫办's criteria, evaluations and awards (supervisors).
SET SESSION AUTHORIZATION demo_supervisor;
INSERT INTO eduaid.pair_criterion (year, use, name, max_score)
SELECT y, 'annual', c.name, c.max_score
  FROM (VALUES (2025), (2026)) AS ys(y),
       (VALUES ('组织领导与责任落实', 15), ('目标任务完成', 25), ('互动活动开展', 25),
               ('月报与季度总结', 15), ('受援学校质量提升', 20)) AS c(name, max_score)
 ORDER BY y, c.max_score DESC, c.name;
INSERT INTO eduaid.pair_criterion (year, use, name, max_score)
SELECT y, 'quarterly', c.name, c.max_score
  FROM (VALUES (2025), (2026)) AS ys(y),
       (VALUES ('本季度互动活动', 10), ('月报告及时完整', 10), ('目标任务进度', 10)) AS c(name, max_score)
 ORDER BY y, c.name;

-- The annual assessment of 2025 (考核, January 2026) of the pairs of that
-- year: entered by demo_supervisor, approved by demo_supervisor2.
INSERT INTO eduaid.pair_evaluation (township_id, pair_id, kind, year, evaluated_on, report, advice)
SELECT p.home, p.id, 'annual', 2025, '2026-01-16',
       format('2025年度结对帮扶考核：%s。得分%s分。', p.title, s.total),
       CASE WHEN s.total < 70 THEN '帮扶活动偏少，跟岗学习未落实，建议帮扶方校长亲自督促，按月对标。'
            WHEN s.total >= 90 THEN '经验做法值得全县推广。' END
  FROM eduaid_pairdemo.score s JOIN eduaid_pairdemo.p p USING (n) ORDER BY s.total DESC;
-- Each criterion's share of the total (the last takes the rest).
INSERT INTO eduaid.pair_evaluation_score (township_id, pair_id, evaluation_id, criterion_id, score)
SELECT e.township_id, e.pair_id, e.id, c.id,
       CASE WHEN c.name = '受援学校质量提升'
            THEN s.total - sum(round(c.max_score * s.total / 100.0))
                           FILTER (WHERE c.name <> '受援学校质量提升') OVER (PARTITION BY e.id)
            ELSE round(c.max_score * s.total / 100.0) END
  FROM eduaid_pairdemo.score s JOIN eduaid_pairdemo.p p USING (n)
  JOIN eduaid.pair_evaluation e ON e.pair_id = p.id AND e.kind = 'annual' AND e.year = 2025
  JOIN eduaid.pair_criterion c ON c.year = 2025 AND c.use = 'annual';
-- Quarterly evaluations of 2026: 窑淮's second quarter (approved) and
-- 九道's third (entered, waiting for a second supervisor).
INSERT INTO eduaid.pair_evaluation (township_id, pair_id, kind, year, quarter, evaluated_on, report, advice)
SELECT p.home, p.id, 'quarterly', 2026, v.quarter, v.on_day, v.report, v.advice
  FROM (VALUES (3, 2, '2026-07-20'::date, '二季度评价：整改后补开展送教下乡和跟岗学习，月报告仍有逾期。',
                '建议建立月报告提醒制度。'),
               (11, 3, '2026-11-06'::date, '三季度评价：秋季学期未开展活动，季度总结未召开。',
                '建议帮扶方制定整改计划，11月内完成送教下乡。')) AS v(n, quarter, on_day, report, advice)
  JOIN eduaid_pairdemo.p p USING (n);
INSERT INTO eduaid.pair_evaluation_score (township_id, pair_id, evaluation_id, criterion_id, score)
SELECT e.township_id, e.pair_id, e.id, c.id,
       CASE e.quarter WHEN 2 THEN 7 ELSE 3 END + CASE c.name WHEN '月报告及时完整' THEN 1 ELSE 0 END
  FROM eduaid.pair_evaluation e
  JOIN eduaid.pair_criterion c ON c.year = 2026 AND c.use = 'quarterly'
 WHERE e.kind = 'quarterly';
SET SESSION AUTHORIZATION demo_supervisor2;
SELECT eduaid.pair_evaluation_approve(e.id)
  FROM eduaid.pair_evaluation e WHERE e.kind = 'annual' OR e.quarter = 2 ORDER BY e.id;

-- The awards of 2025 (表彰), from the assessment's ranking.
SET SESSION AUTHORIZATION demo_supervisor;
INSERT INTO eduaid.pair_award (township_id, pair_id, year, school_id, person_name, title)
SELECT p.home, p.id, 2025, sc.id, v.person, v.title
  FROM (VALUES (2, '十堰市五堰小学', NULL, '2025年度结对帮扶先进学校'),
               (2, '化龙堰镇中心小学', NULL, '2025年度结对帮扶进步学校'),
               (5, '十堰市第二中学', NULL, '2025年度结对帮扶先进学校'),
               (2, NULL, '李晓峰', '2025年度结对帮扶优秀校长'),
               (5, NULL, '彭玉山', '2025年度结对帮扶优秀教师')) AS v(n, school, person, title)
  JOIN eduaid_pairdemo.p p USING (n)
  LEFT JOIN eduaid.school sc ON sc.name = v.school;

-- 城关镇初级中学 cannot keep helping two junior schools: the county ends its
-- pair with 万峪河乡 early (万峪河 is helped by 房县第二中学 from the autumn,
-- whose agreement was returned for rework).
-- Four eyes (052): the home township's officer asks, a supervisor
-- approves.
RESET SESSION AUTHORIZATION;
CREATE FUNCTION eduaid_pairdemo.end_early(p_pair bigint, p_home int, p_on date, p_reason text)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('SET SESSION AUTHORIZATION %I', eduaid_pairdemo.officer(p_home));
    PERFORM eduaid.pair_end_request(p_pair, p_on, p_reason);
    SET SESSION AUTHORIZATION demo_supervisor;
    PERFORM eduaid.pair_end_approve(p_pair);
    RESET SESSION AUTHORIZATION;
END
$$;
SELECT eduaid_pairdemo.end_early(p.id, p.home, p.ended_on,
           '城关镇初级中学承担全县初中教研示范任务，帮扶力量不足；经县教育局研究，万峪河乡初级中学自2026年秋季学期起改由房县第二中学帮扶')
  FROM eduaid_pairdemo.p p WHERE p.ended_on IS NOT NULL;
RESET SESSION AUTHORIZATION;
-- Then 房县第二中学 takes 万峪河乡初级中学 from the autumn; its agreement is
-- returned for rework.
SELECT eduaid_pairdemo.make(9);
SELECT eduaid_pairdemo.step(p.id, 'submit', eduaid_pairdemo.clerk(p.home)),
       eduaid_pairdemo.step(p.id, 'reject', eduaid_pairdemo.officer(p.home),
                            '目标任务未量化（定量），请补充每学期送教次数和跟岗人数后重新提交')
  FROM eduaid_pairdemo.p p WHERE p.n = 9;

------------------------------------------------------------------------
-- Age it: every row to the day it happened, its audit rows with it.
SET session_replication_role = replica;
CREATE FUNCTION eduaid_pairdemo.at(d date, key text) RETURNS timestamptz LANGUAGE sql IMMUTABLE
RETURN (d + make_interval(hours => 8 + eduaid_pairdemo.pick(key, 9),
                          mins => eduaid_pairdemo.pick(key || 'm', 60)))::timestamp AT TIME ZONE 'Asia/Shanghai';

UPDATE eduaid.pair x SET created_at = eduaid_pairdemo.at(x.cycle_start - 10, 'p' || x.id),
       updated_at = coalesce(x.end_approved_at, eduaid_pairdemo.at(x.cycle_start - 10, 'p' || x.id))
  FROM eduaid_pairdemo.p p WHERE p.id = x.id;
UPDATE eduaid.pair x SET end_approved_at = eduaid_pairdemo.at(x.ended_on - 5, 'e' || x.id),
       updated_at = eduaid_pairdemo.at(x.ended_on - 5, 'e' || x.id)
  FROM eduaid_pairdemo.p p WHERE p.id = x.id AND x.ended_on IS NOT NULL;
UPDATE eduaid.pair_member x SET created_at = pr.created_at, updated_at = pr.updated_at
  FROM eduaid.pair pr, eduaid_pairdemo.p p WHERE p.id = pr.id AND x.pair_id = pr.id;
UPDATE eduaid.pair_agreement x SET
       created_at = eduaid_pairdemo.at(x.signed_on - 3, 'c' || x.id),
       submitted_at = CASE WHEN x.submitted_at IS NOT NULL THEN eduaid_pairdemo.at(x.signed_on - 2, 's' || x.id) END,
       verified_at = CASE WHEN x.verified_at IS NOT NULL THEN eduaid_pairdemo.at(x.signed_on - 1, 'v' || x.id) END,
       rejected_at = CASE WHEN x.rejected_at IS NOT NULL THEN eduaid_pairdemo.at(x.signed_on - 1, 'j' || x.id) END,
       approved_at = CASE WHEN x.approved_at IS NOT NULL THEN eduaid_pairdemo.at(x.signed_on + 3, 'a' || x.id) END
  FROM eduaid_pairdemo.p p WHERE p.id = x.pair_id;
UPDATE eduaid.pair_agreement x SET updated_at = greatest(x.created_at, x.submitted_at, x.verified_at,
                                                         x.rejected_at, x.approved_at)
  FROM eduaid_pairdemo.p p WHERE p.id = x.pair_id;
UPDATE eduaid.pair_target x SET created_at = eduaid_pairdemo.at(
           CASE x.kind WHEN 'annual_summary' THEN make_date(x.year + 1, 1, 8) ELSE make_date(x.year, 1, 6) END
           + CASE WHEN x.year = 2026 AND p.cycle_start > '2026-01-01' THEN 245 ELSE 0 END, 't' || x.id)
  FROM eduaid_pairdemo.p p WHERE p.id = x.pair_id;
-- A month's report is entered up to four days before its due day, or
-- after it now and then where the pair lags.
UPDATE eduaid.pair_monthly_report x SET created_at = eduaid_pairdemo.at(
           eduaid.pair_report_due(x.month)
           - 4 + eduaid_pairdemo.pick('m' || x.id, 5)
           + CASE WHEN p.lag = 'worst' AND eduaid_pairdemo.pick('w' || x.id, 3) = 0 THEN 6 + eduaid_pairdemo.pick('x' || x.id, 10)
                  WHEN p.lag IN ('idle', 'noreport') AND eduaid_pairdemo.pick('w' || x.id, 6) = 0 THEN 3
                  ELSE 0 END, 'r' || x.id)
  FROM eduaid_pairdemo.p p WHERE p.id = x.pair_id;
UPDATE eduaid.pair_activity x SET created_at = eduaid_pairdemo.at(x.held_on + 1 + eduaid_pairdemo.pick('a' || x.id, 3), 'a' || x.id);
UPDATE eduaid.pair_quarterly x SET created_at = eduaid_pairdemo.at(x.held_on + 1, 'q' || x.id);
UPDATE eduaid.pair_inspection x SET created_at = eduaid_pairdemo.at(x.inspected_on + 1, 'i' || x.id);
UPDATE eduaid.pair_rectification x SET created_at = eduaid_pairdemo.at(x.issued_on, 'n' || x.id);
UPDATE eduaid.pair_rectification_response x SET created_at = eduaid_pairdemo.at(x.responded_on, 'o' || x.id);
UPDATE eduaid.pair_evaluation x SET created_at = eduaid_pairdemo.at(x.evaluated_on, 'v' || x.id),
       approved_at = CASE WHEN x.approved_at IS NOT NULL THEN eduaid_pairdemo.at(x.evaluated_on + 4, 'y' || x.id) END;
UPDATE eduaid.pair_evaluation x SET updated_at = coalesce(x.approved_at, x.created_at);
UPDATE eduaid.pair_evaluation_score x SET created_at = e.created_at, updated_at = e.created_at
  FROM eduaid.pair_evaluation e WHERE e.id = x.evaluation_id;
UPDATE eduaid.pair_award x SET created_at = eduaid_pairdemo.at('2026-02-10', 'w' || x.id);
DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['pair_target', 'pair_monthly_report', 'pair_activity', 'pair_quarterly',
                               'pair_inspection', 'pair_rectification', 'pair_rectification_response',
                               'pair_award']
    LOOP
        EXECUTE format('UPDATE eduaid.%I SET updated_at = created_at', tbl);
    END LOOP;
END
$$;

-- The audit rows: each at its row's time for that step.
DO $$
DECLARE
    tbl text;
BEGIN
    FOREACH tbl IN ARRAY ARRAY['pair_member', 'pair_target', 'pair_monthly_report', 'pair_activity',
                               'pair_quarterly', 'pair_inspection', 'pair_rectification',
                               'pair_rectification_response', 'pair_evaluation_score', 'pair_award']
    LOOP
        EXECUTE format('UPDATE eduaid.audit_log a SET at = CASE a.action WHEN ''insert'' THEN x.created_at'
                       ' ELSE x.updated_at END FROM eduaid.%I x, eduaid_pairdemo.mark k'
                       ' WHERE a.id > k.audit_id AND a.table_name = %L AND a.row_id = x.id', tbl, tbl);
    END LOOP;
END
$$;
UPDATE eduaid.audit_log a SET at = CASE a.action WHEN 'insert' THEN x.created_at ELSE x.updated_at END
  FROM eduaid.pair x, eduaid_pairdemo.mark k
 WHERE a.id > k.audit_id AND a.table_name = 'pair' AND a.row_id = x.id;
UPDATE eduaid.audit_log a SET at = CASE
           WHEN a.action = 'insert' THEN x.created_at
           WHEN a.action = 'submit' OR a.new_row ->> 'status' = 'submitted' THEN x.submitted_at
           WHEN a.action = 'verify' OR a.new_row ->> 'status' = 'verified' THEN x.verified_at
           WHEN a.action = 'reject' OR a.new_row ->> 'status' = 'rejected' THEN x.rejected_at
           WHEN a.action = 'approve' OR a.new_row ->> 'status' = 'approved' THEN x.approved_at
           ELSE x.updated_at END
  FROM eduaid.pair_agreement x, eduaid_pairdemo.mark k
 WHERE a.id > k.audit_id AND a.table_name = 'pair_agreement' AND a.row_id = x.id;
UPDATE eduaid.audit_log a SET at = CASE a.action WHEN 'insert' THEN x.created_at ELSE x.approved_at END
  FROM eduaid.pair_evaluation x, eduaid_pairdemo.mark k
 WHERE a.id > k.audit_id AND a.table_name = 'pair_evaluation' AND a.row_id = x.id;
-- The rest (the register, the criteria, the inspector's account): when
-- the county set pairing up, in the summer of 2024; the criteria when
-- published, each January.
UPDATE eduaid.audit_log a SET at = CASE WHEN a.table_name = 'pair_criterion'
           THEN make_date((a.new_row ->> 'year')::int, 1, 5) + time '09:00' + (a.id - k.audit_id) * interval '1 second'
           ELSE timestamp '2024-08-20 09:00' + (a.id - k.audit_id) * interval '1 second' END
           AT TIME ZONE 'Asia/Shanghai'
  FROM eduaid_pairdemo.mark k
 WHERE a.id > k.audit_id AND a.kind <> 'pairing';
SET session_replication_role = origin;

DROP SCHEMA eduaid_pairdemo CASCADE;
COMMIT;
ANALYZE eduaid.school, eduaid.pair, eduaid.pair_member, eduaid.pair_agreement, eduaid.pair_target,
    eduaid.pair_activity, eduaid.pair_monthly_report, eduaid.pair_quarterly, eduaid.pair_inspection,
    eduaid.pair_rectification, eduaid.pair_rectification_response, eduaid.pair_criterion,
    eduaid.pair_evaluation, eduaid.pair_evaluation_score, eduaid.pair_award;
