#!/usr/bin/env bash
# tests/tui/57_print_pdf.t: printing from the screens (issue 14), in Chinese
# at 80x24, the key sent as the one byte a terminal (PuTTY's too) sends
# for p. demo_supervisor opens a notice of 城关镇's subsidy list for this
# school year (eduaid.open_notice, as 56_notice_files.t); his
# configuration names the office (print.office). On the notice screen, p
# on the notice writes ~/.local/share/eduaid/exports/notice-ID.pdf (the
# export screen's folder), 0600, and the status line says so with the
# path whole and ~ for the home directory, while the list stays on the
# screen; the PDF is the one `eduaid notice print ID --pdf` writes (the
# same text page for page, pdftotext; the same page count), with the
# office's heading, the title, 合计：N 条 and on every page the QR code's
# text, which `eduaid notice verify` (as demo_auditor) accepts as
# sheet-ok. Printing leaves on the server what the command's printing
# leaves (audit_log rows counted around both). p again on the notice's
# lines (its 公示 sheet) writes the same file. On the report screen p
# writes report-subsidy-YEAR.pdf: its title, 第 1 页 共 M 页, the same text
# as `eduaid report subsidy --year YEAR --pdf`, 0600. With an exports
# folder too long for the line (XDG_DATA_HOME), the path is shortened
# with … and the file's name whole, within 80 columns. The key bars show
# p (p打印PDF; in English p PDF) on the three screens, in both languages.
# Cost: about 45 s besides the cluster (the client started three times, a
# notice of over 100 lines printed three times, a report twice).
set -u
. "$top_srcdir/tests/tui/lib.sh"
tui_setup
export PATH=/usr/lib/postgresql/15/bin:$PATH
su() { psql -X -At -v ON_ERROR_STOP=1 -U "$EDUAID_SUPERUSER" -c "$1"; }
as() { psql -X -q -At -v ON_ERROR_STOP=1 -U "$1" -c "$2"; }
for tool in pdfinfo pdftotext; do
	command -v $tool >/dev/null
	tui_ok $? "$tool is installed (poppler-utils)"
done

# the school year the client offers (core/date.c): from September on,
# this calendar year's
m=$(date +%m)
YEAR=$(date +%Y)
[ $((10#$m)) -ge 9 ] || YEAR=$((YEAR - 1))
OFFICE=测试县教育局学生资助管理中心
mkdir -p "$TUI_TMP/home/.config/eduaid"
printf 'print: { office = "%s"; };\n' "$OFFICE" >"$TUI_TMP/home/.config/eduaid/eduaid.conf"
EXPORTS=$TUI_TMP/home/.local/share/eduaid/exports
unset XDG_DATA_HOME XDG_CONFIG_HOME LANGUAGE

# the command line, as the same person with the same configuration
cli() { # USER ARGS...
	local user=$1
	shift
	env HOME="$TUI_TMP/home" LC_ALL=zh_CN.UTF-8 EDUAID_FORMS_DIR="$top_srcdir/forms" \
		EDUAID_LOCALEDIR="$TUI_TMP/locale" "$TUI_BIN" -U "$user" "$@"
}
audit_rows() { su "SELECT count(*) FROM eduaid.audit_log"; }
# the status line: the last line of the screen
status_line() { tui_screen | tail -n 1; }
cells() { printf '%s' "$1" | wc -L; }

ID=$(as demo_supervisor "SELECT eduaid.open_notice('household_year', 420325100, $YEAR)")
N=$(su "SELECT count(*) FROM eduaid.notice_item WHERE notice_id = ${ID:-0}")
TITLE=$(su "SELECT title FROM eduaid.notice WHERE id = ${ID:-0}")
SHORT=${TITLE:0:15} # what the list's column shows of it
[ "${N:-0}" -gt 0 ]
tui_ok $? "fixture: notice $ID of 城关镇 for $YEAR, $N lines: $TITLE"

# ==== the notice screen ========================================================
tui_start demo_supervisor 80 24 zh_CN.UTF-8
tui_wait "等待"
tui_keys Escape
tui_menu "公示" "记录类型" && tui_wait "$SHORT"
tui_ok $? "the notice screen lists the notice"
tui_screen | tail -n 2 | grep -qE 'p ?打印PDF'
tui_ok $? "its key bar shows p打印PDF"
tui_keys Home
before=$(audit_rows)
tui_raw p
tui_wait "已写入"
tui_ok $? "p: the status line says the PDF was written"
F=$EXPORTS/notice-$ID.pdf
P=$(pdfinfo "$F" 2>/dev/null | awk '/^Pages:/ {print $2}')
status_line | grep -qxF "PDF 共 ${P:-?} 页，已写入 ~/.local/share/eduaid/exports/notice-$ID.pdf"
tui_ok $? "... its pages and the whole path, ~ for the home directory"
tui_screen | grep -qF "$SHORT" && tui_screen | grep -qF '公示期'
tui_ok $? "the list is still on the screen"
[ "$(stat -c %a "$F" 2>/dev/null)" = 600 ]
tui_ok $? "the file is 0600"
screen_delta=$(($(audit_rows) - before))
before=$(audit_rows)
cli demo_supervisor notice print "$ID" --pdf "$TUI_TMP/cli-notice.pdf" 2>"$TUI_TMP/cli.err"
tui_ok $? "eduaid notice print $ID --pdf exits 0"
cli_delta=$(($(audit_rows) - before))
[ "$screen_delta" = "$cli_delta" ]
tui_ok $? "the screen's printing leaves on the server what the command's does ($screen_delta/$cli_delta audit rows)"
[ "$P" = "$(pdfinfo "$TUI_TMP/cli-notice.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')" ]
tui_ok $? "as many pages as the command's ($P)"
pdftotext -layout "$F" "$TUI_TMP/screen.txt" && pdftotext -layout "$TUI_TMP/cli-notice.pdf" "$TUI_TMP/cli.txt" &&
	cmp -s "$TUI_TMP/screen.txt" "$TUI_TMP/cli.txt"
tui_ok $? "the same text as the command's PDF, page for page"
# (pdftotext keeps or drops the blanks between CJK glyphs as they fall:
# the words are looked for with the blanks taken out)
tr -d ' \t' <"$TUI_TMP/screen.txt" >"$TUI_TMP/screen.flat"
grep -qF "${OFFICE// /}" "$TUI_TMP/screen.flat" && grep -qF "${TITLE// /}" "$TUI_TMP/screen.flat" &&
	grep -qF "合计：${N}条" "$TUI_TMP/screen.flat" && grep -qF "第1页共${P}页" "$TUI_TMP/screen.flat"
tui_ok $? "the office's heading, the title, 合计：$N 条, 第 1 页 共 $P 页"
codes=$(grep -oE "eduaid-notice/1:$ID:$N:[0-9a-f]{64}" "$TUI_TMP/screen.txt" | sort -u)
[ "$(grep -cE "eduaid-notice/1:$ID:$N:[0-9a-f]{64}" "$TUI_TMP/screen.txt")" = "$P" ] &&
	[ "$(printf '%s\n' "$codes" | wc -l)" = 1 ]
tui_ok $? "every page carries the one QR code's text"
out=$(cli demo_auditor notice verify "$codes" 2>"$TUI_TMP/verify.err")
rc=$?
[ $rc = 0 ] && [ "$out" = "sheet-ok	$ID	$N	$N" ]
tui_ok $? "eduaid notice verify accepts the code read from the screen's PDF: $out"

# the notice's lines, its 公示 sheet
rm -f "$F"
tui_keys Enter
tui_wait "异议" && tui_screen | head -n 1 | grep -qF "$SHORT"
tui_ok $? "Enter: the notice's lines"
tui_screen | tail -n 2 | grep -qE 'p ?打印PDF'
tui_ok $? "their key bar shows p打印PDF"
tui_raw p
tui_wait "已写入" && [ -f "$F" ] && tui_screen | head -n 1 | grep -qF "$SHORT"
tui_ok $? "p there writes the same file, and the lines stay on the screen"
pdftotext -layout "$F" "$TUI_TMP/items.txt" && cmp -s "$TUI_TMP/items.txt" "$TUI_TMP/cli.txt"
tui_ok $? "... the same sheet"

# ==== the report screen ========================================================
tui_keys Escape Escape
tui_menu "统计报表" "记录类型" && tui_wait "资助应享尽享"
tui_ok $? "the report screen"
tui_screen | tail -n 2 | grep -qE 'p ?打印PDF'
tui_ok $? "its key bar shows p打印PDF"
R=$EXPORTS/report-subsidy-$YEAR.pdf
tui_raw p
tui_wait "已写入"
RP=$(pdfinfo "$R" 2>/dev/null | awk '/^Pages:/ {print $2}')
status_line | grep -qxF "PDF 共 ${RP:-?} 页，已写入 ~/.local/share/eduaid/exports/report-subsidy-$YEAR.pdf"
tui_ok $? "p: report-subsidy-$YEAR.pdf, the status line says so"
tui_screen | grep -qF "资助应享尽享" && tui_screen | grep -qE "^城关镇 +█"
tui_ok $? "the report is still on the screen"
[ "$(stat -c %a "$R" 2>/dev/null)" = 600 ]
tui_ok $? "the report's file is 0600"
pdftotext -layout "$R" "$TUI_TMP/report.txt"
tr -d ' \t' <"$TUI_TMP/report.txt" >"$TUI_TMP/report.flat"
grep -qF "资助应享尽享" "$TUI_TMP/report.flat" && grep -qF "第1页共${RP}页" "$TUI_TMP/report.flat" &&
	grep -qF "${OFFICE// /}" "$TUI_TMP/report.flat"
tui_ok $? "its title, heading and 第 1 页 共 $RP 页"
cli demo_supervisor report subsidy --year "$YEAR" --pdf "$TUI_TMP/cli-report.pdf" 2>"$TUI_TMP/cli.err" &&
	pdftotext -layout "$TUI_TMP/cli-report.pdf" "$TUI_TMP/cli-report.txt" &&
	cmp -s "$TUI_TMP/report.txt" "$TUI_TMP/cli-report.txt"
tui_ok $? "the same text as eduaid report subsidy --year $YEAR --pdf"
tui_keys Escape
tui_quit
[ "$(tui_exit_status)" = 0 ] && [ ! -s "$TUI_TMP/stderr" ]
tui_ok $? "the client ends normally, nothing on stderr"

# ==== a folder too long for the status line ====================================
export XDG_DATA_HOME=$TUI_TMP/home/资助工作文件夹二〇二六年度/打印的公示与统计报表存放处/county-office-documents
tui_start demo_supervisor 80 24 zh_CN.UTF-8
tui_wait "等待"
tui_keys Escape
tui_menu "统计报表" "记录类型" && tui_wait "资助应享尽享"
tui_raw p
tui_wait "已写入"
line=$(status_line)
[ -f "$XDG_DATA_HOME/eduaid/exports/report-subsidy-$YEAR.pdf" ] &&
	printf '%s' "$line" | grep -qE "^PDF 共 [0-9]+ 页，已写入 ~/…/.*/exports/report-subsidy-$YEAR\.pdf$" &&
	[ "$(cells "$line")" -le 80 ]
tui_ok $? "a long folder: ~/…/ then the last directories and the file's name, in 80 columns ($(cells "$line")): $line"
tui_keys Escape
tui_quit
unset XDG_DATA_HOME

# ==== English ==================================================================
tui_start demo_supervisor 80 24 en_US.UTF-8
tui_wait "Waiting" || tui_wait "queue"
tui_keys Escape
tui_menu "Public notice" && tui_wait "$SHORT"
bar=$(tui_screen | tail -n 2 | head -n 1)
printf '%s' "$bar" | grep -qF 'p PDF' && printf '%s' "$bar" | grep -qF 'F7/^P Close the notice'
tui_ok $? "English: the notice screen's bar shows p PDF and still F7: $bar"
tui_keys Enter
tui_wait "Objections"
bar=$(tui_screen | tail -n 2 | head -n 1)
printf '%s' "$bar" | grep -qF 'p PDF' && printf '%s' "$bar" | grep -qF 'F7/^P Decide an objection'
tui_ok $? "English: the lines' bar shows p PDF and still F7: $bar"
tui_keys Escape Escape
tui_menu "Reports" && tui_wait "Subsidy coverage"
tui_screen | tail -n 2 | grep -qF 'p PDF'
tui_ok $? "English: the report screen's bar shows p PDF"
tui_done
