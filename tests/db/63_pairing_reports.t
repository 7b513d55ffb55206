#!/usr/bin/env bash
# tests/db/63_pairing_reports.t: the pairing reports and documents (issue 15
# H4; sql/repeatable/36_pairing_reports.sql, src/db/pairreport.c) -- the
# real binary, as real logins, against the database suite's cluster.
#
# A county of its own (结对测试县 429901, three townships), so that nothing
# of the demo county (nor H5's demo pairs) enters the figures: its
# supervisor, an officer of 丙镇 and an inspector are made here; the data
# is loaded as the superuser, with the monthly reports' entry times given,
# and taken away again on exit. The year is 2019: past, so every month and
# semester is due and every deadline past whatever day this runs; and one
# no demo data reaches (the published criteria are the year's, not the
# county's, and their sum is the sheet's full marks).
#
# The fixture, and the figures worked out by hand:
#   甲镇 429901001: H1 (helping, not needing help), A1 (needs help, in no
#     pair), A2 (needs help, helped by P4)
#   乙镇 429901002: B1 (P1's lead helped school), B2 (P2), B3 (needs help,
#     no pair), B4 (P3's, which ended early on 2019-06-30), B5 (no need)
#   丙镇 429901003: C1 (needs help, the second helped school of P1's
#     大学区), C2 (needs help but inactive: not counted)
#   P1 乙镇 2018-09-01..2021-09-01; P2 乙镇 from 2019-03-01; P3 乙镇
#     2017-09-01, ended 2019-06-30; P4 甲镇 from 2019-09-01.
# Coverage on 2019-12-31: 甲镇 2 needing (A1, A2), 1 paired (A2): 50.0;
#   乙镇 4 (B1-B4), 2 paired (B1, B2; B4's pair ended): 50.0; 丙镇 1 (C1),
#   1: 100.0; county 7, 4, 3 unpaired: 4/7 = 57.1; the unpaired listed
#   under their township and under the total: A1, B3, B4.
# Activities (spring: from 2019-03-01; autumn: 2019-09-01 to 2020-02-28):
#   P1 2019-01-15 (last year's autumn: not counted), 04-10, 05-20 (spring
#   2), 10-08 (autumn 1); P2 2019-09-15, 2020-02-20 (autumn 2), none in
#   spring though in its cycle (spring_none 1); P3 2019-03-05 (spring 1;
#   gone by the autumn: not "none"); P4 none, autumn only (autumn_none 1).
#   乙镇 3 pairs 3+3=6, 1 none in spring; 甲镇 1 pair, 0, 1 none in autumn.
# Monthly reports of 2019 (due the 5th of the next month, Asia/Shanghai):
#   P1 12 months due; Jan-Sep reported by the 5th (Sep at 23:00 on
#   10-05: on time), Oct at 00:30 on 11-06 (late, though 11-05 in UTC),
#   Nov-Dec missing: 12, 10, 9, 1, 2, 75.0. P2 Mar-Dec 10 due, all
#   reported, Dec on 2020-01-10 late: 10, 10, 9, 1, 0, 90.0. P3 Jan-Jun 6
#   due, Jan-Feb on time: 6, 2, 2, 0, 4, 33.3. P4 Sep-Dec 4 due, none:
#   0.0. 乙镇 28, 22, 20, 2, 6, 71.4; county 32, 22, 20, 2, 10, 62.5.
# Rectification notices of 2019: N1 (P1, answered), N2 (P3, open, deadline
#   2019-07-31: overdue), N3 (P4 of 甲镇, open, deadline 2020-01-31:
#   overdue), N4 (P1, answered after its deadline: answered). 甲镇 1, 0, 1,
#   1, 0.0; 乙镇 3, 2, 1, 1, 66.7; county 4, 2, 2, 2, 50.0.
# Annual scores of 2019 (criteria 40 + 30 + 30 = 100): P1 35+25+20 = 80,
#   P2 38+28+24 = 90, P4 30+20+30 = 80, all approved; P3's not approved
#   (unranked). Ranks P2 1, P1 and P4 2. 乙镇 average (80+90)/2 = 85.0,
#   county (80+90+80)/3 = 83.3.
# The officer of 丙镇 sees P1 only (C1 is his), filed under 乙镇: his
#   coverage is 丙镇's (1, 1, 100.0), the pair reports hold 乙镇 with P1
#   alone and 丙镇 with zeros; no rank (the sheet would rank P1 among his
#   own pairs: 1 of 1, no rank of the county's).
#
# Run by tests/db/run-db-tests.sh through prove. Cost: about 8 s (25 s on two
# busy cores; most of it the PDFs).
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
bin=${top_builddir:-$top_srcdir}/eduaid

# shellcheck source=lib.sh
if ! . "$top_srcdir/tests/db/lib.sh"; then
	printf '1..1\nnot ok 1 - tests/db/lib.sh loads\n'
	exit 1
fi

for tool in pdfinfo pdftotext pdfimages; do
	if ! command -v $tool >/dev/null; then
		printf '1..1\nnot ok 1 - %s is installed (poppler-utils)\n' $tool
		exit 1
	fi
done

work=$(mktemp -d)
cleanup() {
	db_psql_super >/dev/null 2>&1 <<'SQL'
BEGIN;
DELETE FROM eduaid.pair_rectification_response WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.pair_rectification WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.pair_inspection WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.pair_evaluation_score WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.pair_evaluation WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.pair_criterion WHERE year = 2019 AND name ~ '^K[123]';
DELETE FROM eduaid.pair_monthly_report WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.pair_activity WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.pair_claim WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.pair_member WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.pair WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.school WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.app_user_township WHERE township_id / 1000 = 429901;
DELETE FROM eduaid.app_user WHERE county_id = 429901;
DELETE FROM eduaid.township WHERE county_id = 429901;
DELETE FROM eduaid.county WHERE id = 429901;
COMMIT;
DROP ROLE IF EXISTS t63_sup, t63_sup2, t63_off, t63_insp;
SQL
	rm -rf "$work"
}
trap cleanup EXIT
export HOME=$work EDUAID_CONF= EDUAID_FORMS_DIR=$top_srcdir/forms
unset LANGUAGE
cd "$work" || exit 1
printf 'print: { office = "结对测试县教育局教育扶贫办"; };\n' >office.conf
for gmo in "${top_builddir:-$top_srcdir}/po/zh_CN.gmo" "$top_srcdir/po/zh_CN.gmo"; do
	[[ -f $gmo ]] && break
done
mkdir -p locale/zh_CN/LC_MESSAGES && cp "$gmo" locale/zh_CN/LC_MESSAGES/eduaid.mo

# eduaid as a login, in English (the CSV's header) or Chinese (the PDFs)
run() { # USER ARGS...
	local user=$1
	shift
	LC_ALL=C.UTF-8 LANGUAGE= "$bin" -c "$work/office.conf" -U "$user" "$@"
}
run_zh() { # USER ARGS...
	local user=$1
	shift
	LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN EDUAID_LOCALEDIR="$work/locale" \
		"$bin" -c "$work/office.conf" -U "$user" "$@"
}
# the CSV of a report for 2019, without its byte order mark and CRs
csv() { # USER REPORT [ARGS...]
	local user=$1 name=$2
	shift 2
	run "$user" report "$name" --year 2019 --encoding utf-8-nobom "$@" 2>"$work/err" | tr -d '\r'
}

# ---- the fixture ----------------------------------------------------------------
db_psql_super >/dev/null 2>"$work/err" <<'SQL'
BEGIN;
INSERT INTO eduaid.county (id, name) VALUES (429901, '结对测试县');
INSERT INTO eduaid.township (id, county_id, name) VALUES
    (429901001, 429901, '甲镇'), (429901002, 429901, '乙镇'), (429901003, 429901, '丙镇');
INSERT INTO eduaid.school (township_id, name, kind, needs_help, active, urban_rural) VALUES
    (429901001, 'H1甲镇第一小学', 'primary', false, true, 'town'),
    (429901001, 'A1甲镇村小', 'primary', true, true, 'rural'),
    (429901001, 'A2甲镇第二小学', 'primary', true, true, 'rural'),
    (429901002, 'B1乙镇中心小学', 'primary', true, true, 'rural'),
    (429901002, 'B2乙镇第二小学', 'primary', true, true, 'rural'),
    (429901002, 'B3乙镇教学点', 'primary', true, true, 'rural'),
    (429901002, 'B4乙镇第三小学', 'primary', true, true, 'rural'),
    (429901002, 'B5乙镇中学', 'junior', false, true, 'rural'),
    (429901003, 'C1丙镇中心小学', 'primary', true, true, 'rural'),
    (429901003, 'C2丙镇村小', 'primary', true, false, 'rural');
CREATE TEMP TABLE s AS SELECT name, id, township_id FROM eduaid.school WHERE township_id / 1000 = 429901;
INSERT INTO eduaid.pair (township_id, helping_township_id, helping_school_id, title, form, help_kind,
                         cycle_start, helping_lead, helped_lead, ended_on, end_reason,
                         end_approved_by, end_approved_at, created_by)
SELECT v.home, 429901001, (SELECT id FROM s WHERE name = 'H1甲镇第一小学'), v.title, v.form,
       'town_village', v.start::date, '刘校长', '陈校长', v.ended::date,
       CASE WHEN v.ended IS NOT NULL THEN '受援学校撤并' END,
       CASE WHEN v.ended IS NOT NULL THEN 't63_sup' END,
       CASE WHEN v.ended IS NOT NULL THEN timestamptz '2019-06-20 10:00+08' END, 't63_clerk'
  FROM (VALUES (429901002, 'P1甲一小—乙镇大学区', 'district', '2018-09-01', NULL),
               (429901002, 'P2甲一小—乙镇二小', 'one_to_one', '2019-03-01', NULL),
               (429901002, 'P3甲一小—乙镇三小', 'one_to_one', '2017-09-01', '2019-06-30'),
               (429901001, 'P4甲一小—甲镇二小', 'one_to_one', '2019-09-01', NULL))
       AS v (home, title, form, start, ended);
CREATE TEMP TABLE p AS SELECT left(title, 2) AS k, id, township_id FROM eduaid.pair
 WHERE township_id / 1000 = 429901;
INSERT INTO eduaid.pair_member (township_id, pair_id, school_id)
SELECT s.township_id, p.id, s.id
  FROM (VALUES ('P1', 'B1乙镇中心小学'), ('P1', 'C1丙镇中心小学'), ('P2', 'B2乙镇第二小学'),
               ('P3', 'B4乙镇第三小学'), ('P4', 'A2甲镇第二小学')) AS v (k, school)
  JOIN p ON p.k = v.k JOIN s ON s.name = v.school
 ORDER BY v.k, v.school;
INSERT INTO eduaid.pair_activity (township_id, pair_id, kind, held_on, place, people, content)
SELECT p.township_id, p.id, 'teaching_visit', v.d::date, '受援学校', '骨干教师', '送教下乡'
  FROM (VALUES ('P1', '2019-01-15'), ('P1', '2019-04-10'), ('P1', '2019-05-20'), ('P1', '2019-10-08'),
               ('P2', '2019-09-15'), ('P2', '2020-02-20'), ('P3', '2019-03-05')) AS v (k, d)
  JOIN p ON p.k = v.k;
INSERT INTO eduaid.pair_monthly_report (township_id, pair_id, month, content, created_by, created_at)
SELECT p.township_id, p.id, v.m::date, '按方案推进', 't63_clerk', v.at::timestamptz
  FROM (VALUES ('P1', '2019-01-01', '2019-02-03 09:00+08'), ('P1', '2019-02-01', '2019-03-03 09:00+08'),
               ('P1', '2019-03-01', '2019-04-03 09:00+08'), ('P1', '2019-04-01', '2019-05-03 09:00+08'),
               ('P1', '2019-05-01', '2019-06-03 09:00+08'), ('P1', '2019-06-01', '2019-07-03 09:00+08'),
               ('P1', '2019-07-01', '2019-08-03 09:00+08'), ('P1', '2019-08-01', '2019-09-03 09:00+08'),
               ('P1', '2019-09-01', '2019-10-05 23:00+08'), ('P1', '2019-10-01', '2019-11-06 00:30+08'),
               ('P2', '2019-03-01', '2019-04-02 09:00+08'), ('P2', '2019-04-01', '2019-05-02 09:00+08'),
               ('P2', '2019-05-01', '2019-06-02 09:00+08'), ('P2', '2019-06-01', '2019-07-02 09:00+08'),
               ('P2', '2019-07-01', '2019-08-02 09:00+08'), ('P2', '2019-08-01', '2019-09-02 09:00+08'),
               ('P2', '2019-09-01', '2019-10-02 09:00+08'), ('P2', '2019-10-01', '2019-11-02 09:00+08'),
               ('P2', '2019-11-01', '2019-12-02 09:00+08'), ('P2', '2019-12-01', '2020-01-10 09:00+08'),
               ('P3', '2019-01-01', '2019-02-01 09:00+08'), ('P3', '2019-02-01', '2019-03-01 09:00+08'))
       AS v (k, m, at)
  JOIN p ON p.k = v.k;
INSERT INTO eduaid.pair_inspection (township_id, pair_id, inspected_on, inspectors, findings, verdict,
                                    bulletin, created_by)
SELECT p.township_id, p.id, v.d::date, '周督查、吴督导', v.findings, v.verdict, v.bulletin, 't63_insp'
  FROM (VALUES ('P1', '2019-05-10', 'I1活动偏少', 'lagging', 'P1活动不足，限期整改'),
               ('P2', '2019-05-15', 'I2送教下乡成效显著', 'commend', '送教下乡成效显著，予以表扬'),
               ('P3', '2019-05-20', 'I3月报告缺报', 'lagging', NULL),
               ('P4', '2019-11-05', 'I4尚未开展活动', 'lagging', NULL),
               ('P1', '2019-11-20', 'I5按方案推进', 'ok', NULL)) AS v (k, d, findings, verdict, bulletin)
  JOIN p ON p.k = v.k;
INSERT INTO eduaid.pair_rectification (township_id, pair_id, inspection_id, issued_on, deadline,
                                       demands, created_by)
SELECT i.township_id, i.pair_id, i.id, v.issued::date, v.deadline::date, v.demands, 't63_insp'
  FROM (VALUES ('I1', '2019-05-12', '2019-06-30', 'N1每月按时报送月报告'),
               ('I3', '2019-05-21', '2019-07-31', 'N2补齐月报告'),
               ('I4', '2019-11-06', '2020-01-31', 'N3本学期开展送教活动'),
               ('I5', '2019-11-21', '2019-12-31', 'N4完善年度总结')) AS v (k, issued, deadline, demands)
  JOIN eduaid.pair_inspection i ON i.findings LIKE v.k || '%' AND i.township_id / 1000 = 429901;
INSERT INTO eduaid.pair_rectification_response (township_id, pair_id, rectification_id,
                                                responded_on, response, created_by)
SELECT r.township_id, r.pair_id, r.id, v.d::date, '已整改', 't63_clerk'
  FROM (VALUES ('N1', '2019-06-20'), ('N4', '2020-01-10')) AS v (k, d)
  JOIN eduaid.pair_rectification r ON r.demands LIKE v.k || '%' AND r.township_id / 1000 = 429901;
INSERT INTO eduaid.pair_criterion (year, use, name, max_score) VALUES
    (2019, 'annual', 'K1活动开展', 40), (2019, 'annual', 'K2月报告', 30), (2019, 'annual', 'K3帮扶成效', 30);
INSERT INTO eduaid.pair_evaluation (township_id, pair_id, kind, year, evaluated_on, report, created_by)
SELECT p.township_id, p.id, 'annual', 2019, '2019-12-20', '年度考核', 't63_sup' FROM p;
INSERT INTO eduaid.pair_evaluation_score (township_id, pair_id, evaluation_id, criterion_id, score)
SELECT e.township_id, e.pair_id, e.id, c.id, v.score
  FROM (VALUES ('P1', 'K1', 35), ('P1', 'K2', 25), ('P1', 'K3', 20),
               ('P2', 'K1', 38), ('P2', 'K2', 28), ('P2', 'K3', 24),
               ('P3', 'K1', 10), ('P3', 'K2', 5),
               ('P4', 'K1', 30), ('P4', 'K2', 20), ('P4', 'K3', 30)) AS v (k, crit, score)
  JOIN p ON p.k = v.k
  JOIN eduaid.pair_evaluation e ON e.township_id = p.township_id AND e.pair_id = p.id
  JOIN eduaid.pair_criterion c ON c.year = 2019 AND c.use = 'annual' AND c.name LIKE v.crit || '%';
UPDATE eduaid.pair_evaluation e SET approved_by = 't63_sup2', approved_at = '2019-12-28 10:00+08'
  FROM p WHERE e.township_id = p.township_id AND e.pair_id = p.id AND p.k <> 'P3';
COMMIT;
SQL
for u in 't63_sup supervisor {}' 't63_sup2 supervisor {}' 't63_off officer {429901003}' \
	't63_insp inspector {}'; do
	set -- $u
	db_psql_super -c "SELECT eduaid.create_user('$1', '测试$2', '$2', 429901, '$3')" \
		>/dev/null 2>>"$work/err"
done
tap_is "$(db_psql_super -c "SELECT count(*) FROM eduaid.pair WHERE township_id / 1000 = 429901")/$(
	cat "$work/err")" "4/" "the fixture: four pairs in a county of its own, and its people"

# ---- the supervisor: every figure ------------------------------------------------
tap_is "$(csv t63_sup pair_coverage)" \
"Township code,Township,Unpaired school,Schools needing help,Paired,Unpaired,Coverage %
429901001,甲镇,(all),2,1,1,50.0
429901001,甲镇,A1甲镇村小,1,0,1,0.0
429901002,乙镇,(all),4,2,2,50.0
429901002,乙镇,B3乙镇教学点,1,0,1,0.0
429901002,乙镇,B4乙镇第三小学,1,0,1,0.0
429901003,丙镇,(all),1,1,0,100.0
,Total,(all),7,4,3,57.1
,Total,A1甲镇村小（甲镇）,1,0,1,0.0
,Total,B3乙镇教学点（乙镇）,1,0,1,0.0
,Total,B4乙镇第三小学（乙镇）,1,0,1,0.0" \
	"pair_coverage: needing, paired, rate per township and county; every unpaired school listed"
tap_is "$(csv t63_sup pair_activity)" \
"Township code,Township,Pair,Number of pairs,Spring,Autumn,Number of activities,Idle in spring,Idle in autumn
429901001,甲镇,(all),1,0,0,0,0,1
429901001,甲镇,P4甲一小—甲镇二小,1,0,0,0,0,1
429901002,乙镇,(all),3,3,3,6,1,0
429901002,乙镇,P1甲一小—乙镇大学区,1,2,1,3,0,0
429901002,乙镇,P2甲一小—乙镇二小,1,0,2,2,1,0
429901002,乙镇,P3甲一小—乙镇三小,1,1,0,1,0,0
429901003,丙镇,(all),0,0,0,0,0,0
,Total,(all),4,3,3,6,1,1
,Total,P1甲一小—乙镇大学区,1,2,1,3,0,0
,Total,P2甲一小—乙镇二小,1,0,2,2,1,0
,Total,P3甲一小—乙镇三小,1,1,0,1,0,0
,Total,P4甲一小—甲镇二小,1,0,0,0,0,1" \
	"pair_activity: per semester per pair, the pairs with none in a semester shown"
tap_is "$(csv t63_sup pair_monthly)" \
"Township code,Township,Pair,Months due,Reported,On time,Late,Not reported,On time %
429901001,甲镇,(all),4,0,0,0,4,0.0
429901001,甲镇,P4甲一小—甲镇二小,4,0,0,0,4,0.0
429901002,乙镇,(all),28,22,20,2,6,71.4
429901002,乙镇,P1甲一小—乙镇大学区,12,10,9,1,2,75.0
429901002,乙镇,P2甲一小—乙镇二小,10,10,9,1,0,90.0
429901002,乙镇,P3甲一小—乙镇三小,6,2,2,0,4,33.3
429901003,丙镇,(all),0,0,0,0,0,
,Total,(all),32,22,20,2,10,62.5
,Total,P1甲一小—乙镇大学区,12,10,9,1,2,75.0
,Total,P2甲一小—乙镇二小,10,10,9,1,0,90.0
,Total,P3甲一小—乙镇三小,6,2,2,0,4,33.3
,Total,P4甲一小—甲镇二小,4,0,0,0,4,0.0" \
	"pair_monthly: months due, reported, on time by the 5th (county time), late, missing"
tap_is "$(csv t63_sup pair_rectifications)" \
"Township code,Township,Notices issued,Answered,Not answered,Overdue,Answered %
429901001,甲镇,1,0,1,1,0.0
429901002,乙镇,3,2,1,1,66.7
429901003,丙镇,0,0,0,0,
,Total,4,2,2,2,50.0" \
	"pair_rectifications: issued, answered, open, overdue per township and county"
tap_is "$(csv t63_sup pair_scores)" \
"Township code,Township,Pair,Number of pairs,Scored,Score (average),Full marks,Rank
429901001,甲镇,(all),1,1,80.0,100.0,
429901001,甲镇,P4甲一小—甲镇二小,1,1,80.0,100.0,2
429901002,乙镇,(all),3,2,85.0,100.0,
429901002,乙镇,P1甲一小—乙镇大学区,1,1,80.0,100.0,2
429901002,乙镇,P2甲一小—乙镇二小,1,1,90.0,100.0,1
429901002,乙镇,P3甲一小—乙镇三小,1,0,,100.0,
429901003,丙镇,(all),0,0,,,
,Total,(all),4,3,83.3,100.0,
,Total,P1甲一小—乙镇大学区,1,1,80.0,100.0,2
,Total,P2甲一小—乙镇二小,1,1,90.0,100.0,1
,Total,P3甲一小—乙镇三小,1,0,,100.0,
,Total,P4甲一小—甲镇二小,1,1,80.0,100.0,2" \
	"pair_scores: the annual sheet's totals and ranks (ties share), the unapproved unranked"
tap_is "$(csv t63_sup pair_coverage --township 429901002 | tail -n +2)" \
"429901002,乙镇,(all),4,2,2,50.0
429901002,乙镇,B3乙镇教学点,1,0,1,0.0
429901002,乙镇,B4乙镇第三小学,1,0,1,0.0
,Total,(all),4,2,2,50.0
,Total,B3乙镇教学点（乙镇）,1,0,1,0.0
,Total,B4乙镇第三小学（乙镇）,1,0,1,0.0" \
	"--township: one township and its unpaired schools"
tap_is "$(csv t63_insp pair_rectifications | md5sum)" "$(csv t63_sup pair_rectifications | md5sum)" \
	"the inspector reads the county's figures as the supervisor does"

# ---- the officer of 丙镇: his pair only ----------------------------------------------
tap_is "$(csv t63_off pair_coverage | tail -n +2)" \
"429901003,丙镇,(all),1,1,0,100.0
,Total,(all),1,1,0,100.0" \
	"the officer's coverage: his township's schools only"
tap_is "$(csv t63_off pair_activity | tail -n +2)" \
"429901002,乙镇,(all),1,2,1,3,0,0
429901002,乙镇,P1甲一小—乙镇大学区,1,2,1,3,0,0
429901003,丙镇,(all),0,0,0,0,0,0
,Total,(all),1,2,1,3,0,0
,Total,P1甲一小—乙镇大学区,1,2,1,3,0,0" \
	"the officer's activities: P1 alone, under its home township 乙镇"
tap_is "$(csv t63_off pair_monthly | tail -n +2)" \
"429901002,乙镇,(all),12,10,9,1,2,75.0
429901002,乙镇,P1甲一小—乙镇大学区,12,10,9,1,2,75.0
429901003,丙镇,(all),0,0,0,0,0,
,Total,(all),12,10,9,1,2,75.0
,Total,P1甲一小—乙镇大学区,12,10,9,1,2,75.0" \
	"the officer's monthly reports: P1's alone"
tap_is "$(csv t63_off pair_rectifications | tail -n +2)" \
"429901002,乙镇,2,2,0,0,100.0
429901003,丙镇,0,0,0,0,
,Total,2,2,0,0,100.0" \
	"the officer's notices: P1's two, both answered"
tap_is "$(csv t63_off pair_coverage --township 429901001 | tail -n +2)" "" \
	"the officer asks for 甲镇's coverage: nothing (not his township)"
tap_is "$(csv t63_off pair_activity --township 429901001 | tail -n +2)" "" \
	"... nor its pairs' activities (P4 is not his to see)"
tap_is "$(csv t63_off pair_scores | tail -n +2)" \
"429901002,乙镇,(all),1,1,80.0,100.0,
429901002,乙镇,P1甲一小—乙镇大学区,1,1,80.0,100.0,
429901003,丙镇,(all),0,0,,,
,Total,(all),1,1,80.0,100.0,
,Total,P1甲一小—乙镇大学区,1,1,80.0,100.0," \
	"the officer's scores: P1's alone, unranked (his pairs among themselves are no county rank)"
# ---- the documents (PDF) ---------------------------------------------------------
# pdftotext keeps or drops the blanks between CJK as the glyphs fall: the
# text is compared with every blank taken out.
text() { pdftotext -layout "$1" - 2>/dev/null | tr -d ' '; }
has() { # FILE WHAT DESC: the PDF's text holds every line of WHAT
	local missing='' line t
	t=$(text "$1")
	while IFS= read -r line; do
		[[ $t == *"${line// /}"* ]] || missing+="$line; "
	done <<<"$2"
	if [[ -z $missing ]]; then
		tap_pass "$3"
	else
		tap_fail "$3" "missing: $missing" "$t"
	fi
}
a4_vector() { # FILE: A4, 0600, no bitmap
	pdfinfo "$1" 2>/dev/null | grep -qE '^Page size: +595\.2[0-9]* x 841\.8[0-9]* pts \(A4\)' &&
		[[ $(stat -c %a "$1") == 600 && $(pdfimages -list "$1" | tail -n +3 | wc -l) -eq 0 ]]
}
notice_id() { db_psql_super -c "SELECT id FROM eduaid.pair_rectification
    WHERE township_id / 1000 = 429901 AND demands LIKE '$1%'"; }

run t63_insp pairing print bulletin --year 2019 --quarter 2 --pdf bulletin.pdf 2>"$work/err"
tap_is "$?" 0 "pairing print bulletin --year 2019 --quarter 2 --pdf: exit 0"
tap_run "the bulletin is A4, 0600, vectors only" a4_vector bulletin.pdf
has bulletin.pdf "结对测试县教育局教育扶贫办
2019年第2季度结对帮扶工作通报
本季度督查结对 3 次：表扬 1 次，合格 0 次，滞后 2 次。
序号 督查日期 结对 帮扶学校 受援学校 结论
2019-05-10 P1甲一小—乙镇大学区 H1甲镇第一小学
2019-05-15 P2甲一小—乙镇二小 H1甲镇第一小学 B2乙镇第二小学 表扬
2019-05-20 P3甲一小—乙镇三小 H1甲镇第一小学 B4乙镇第三小学 滞后
一、予以表扬的结对
1. P2甲一小—乙镇二小（乙镇）：送教下乡成效显著，予以表扬
二、进度滞后、限期整改的结对
1. P1甲一小—乙镇大学区（乙镇）：P1活动不足，限期整改
整改要求：整改期限 2019-06-30：N1每月按时报送月报告
2. P3甲一小—乙镇三小（乙镇）：I3月报告缺报
整改要求：整改期限 2019-07-31：N2补齐月报告
督查组：
单位盖章
第 1 页 共 1 页" "the bulletin: the quarter's inspections, verdicts, the commended, the lagging with their demands"
run t63_off pairing print bulletin --year 2019 --quarter 2 --pdf offbulletin.pdf 2>"$work/err"
t=$(text offbulletin.pdf)
[[ $t == *"本季度督查结对1次：表扬0次，合格0次，滞后1次。"* && $t == *P1甲一小* &&
	$t != *P2甲一小* && $t != *P3甲一小* ]]
tap_run "the officer's bulletin holds his pair's inspection only" test $? -eq 0
run t63_sup pairing print bulletin --year 2019 --quarter 4 --pdf q4.pdf 2>"$work/err"
has q4.pdf "本季度督查结对 2 次：表扬 0 次，合格 1 次，滞后 1 次。
1. P4甲一小—甲镇二小（甲镇）：I4尚未开展活动
整改要求：整改期限 2020-01-31：N3本学期开展送教活动" "the fourth quarter's bulletin"

n1=$(notice_id N1)
run t63_off pairing print notice "$n1" --pdf notice.pdf 2>"$work/err"
tap_is "$?" 0 "pairing print notice ID --pdf: the officer of 丙镇 prints P1's notice"
tap_run "the notice is A4, 0600, vectors only" a4_vector notice.pdf
has notice.pdf "整改通知书
编号：第 $n1 号 签发日期：2019-05-12
B1乙镇中心小学、C1丙镇中心小学（负责人：陈校长）、H1甲镇第一小学（负责人：刘校长）：
县教育局督查组（周督查、吴督导）
结论为“滞后”。督查发现：I1活动偏少
整改要求：
N1每月按时报送月报告
整改期限：请于 2019-06-30 前完成整改
督查组负责人：" "the notice: the pair, its schools and leads, the inspection, what to rectify, the deadline"
run t63_off pairing print notice "$(notice_id N3)" --pdf hidden.pdf 2>"$work/err"
tap_is "$?/$([[ -e hidden.pdf ]] && echo file)" "1/" "another township's notice: exit 1, no file"
tap_is "$(cat "$work/err")" "eduaid: pairing print: no rectification notice $(notice_id N3) (or not yours to see)" \
	"... said as for a notice that does not exist"

run t63_sup pairing print scores --year 2019 --pdf scores.pdf 2>"$work/err"
tap_is "$?" 0 "pairing print scores --year 2019 --pdf: exit 0"
has scores.pdf "2019年度结对帮扶考核评分表
满分 100.0 分。结对 4 个，已评定 3 个
名次 结对 乡镇 得分 满分
1 P2甲一小—乙镇二小 乙镇 90.0 100.0
2 P1甲一小—乙镇大学区 乙镇 80.0 100.0
2 P4甲一小—甲镇二小 甲镇 80.0 100.0
未评定 P3甲一小—乙镇三小 乙镇 — 100.0
评分人：
审核人：" "the scoring table: ranked, ties shared, the unapproved unranked"

run t63_off pairing print scores --year 2019 --pdf offscores.pdf 2>"$work/err"
has offscores.pdf "结对 1 个，已评定 1 个
— P1甲一小—乙镇大学区 乙镇 80.0 100.0" "the officer's scoring table: his pair, scored, no county rank"
t=$(text offscores.pdf)
[[ $t != *P2甲一小* && $t != *P4甲一小* ]]
tap_run "... and no other pair" test $? -eq 0

run t63_sup pairing print bulletin --quarter 5 --pdf x.pdf 2>/dev/null
tap_is "$?" 2 "a quarter 5 is a usage error"
run t63_sup pairing print notice --pdf x.pdf 2>/dev/null
tap_is "$?" 2 "a notice without its id is a usage error"

run_zh t63_sup report pair_coverage --year 2019 --pdf coverage.pdf 2>"$work/err"
tap_is "$?" 0 "report pair_coverage --pdf in Chinese: exit 0"
has coverage.pdf "结对帮扶覆盖情况
2019年
A1甲镇村小
B3乙镇教学点
B4乙镇第三小学
合计" "its PDF: the title, the calendar year, every unpaired school, the total"
tap_done
