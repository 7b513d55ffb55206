#!/bin/sh
# tests/db/_form_fields.sh FORMS-DIR: every field of the record forms
# (FORMS-DIR/*.conf but lookups.conf), one "table<TAB>field" line each: the
# table is the form's or its grid's (the last `table = "..."` above the
# field). Read by tests/db/24_messages.sql through \copy FROM PROGRAM; the
# client's own reader is src/core/formdef.c (the forms' layout: one
# setting per `name = "..."` and `table = "..."`, as forms/*.conf write it).
set -eu
for f in "$1"/*.conf; do
	case $f in */lookups.conf) continue ;; esac
	awk '
		/^[[:space:]]*#/ { next }
		match($0, /table = "[a-z_0-9]+"/) { t = substr($0, RSTART + 9, RLENGTH - 10) }
		match($0, /[{;][[:space:]]*name = "[a-z_0-9]+"/) {
			s = substr($0, RSTART, RLENGTH); sub(/.*name = "/, "", s); sub(/"$/, "", s)
			print t "\t" s
		}
	' "$f"
done
