#!/bin/sh
# tests/db/_form_required.sh FORMS-DIR: every field of the record forms
# (FORMS-DIR/*.conf but lookups.conf) with its marks, one
# "table<TAB>field<TAB>required<TAB>read_only" line each (t or f): the
# table is the form's or its grid's, as tests/db/_form_fields.sh reads
# them; a field's settings are those between its `name = "..."` and the
# next field's. Read by tests/db/24_messages.sql (issue 12: the required
# marks agree with the server's NOT NULLs).
set -eu
for f in "$1"/*.conf; do
	case $f in */lookups.conf) continue ;; esac
	awk '
		function flush() {
			if (n != "") print t "\t" n "\t" (req ? "t" : "f") "\t" (ro ? "t" : "f")
			n = ""
		}
		/^[[:space:]]*#/ { next }
		match($0, /table = "[a-z_0-9]+"/) { flush(); t = substr($0, RSTART + 9, RLENGTH - 10) }
		match($0, /[{;][[:space:]]*name = "[a-z_0-9]+"/) {
			flush()
			s = substr($0, RSTART, RLENGTH); sub(/.*name = "/, "", s); sub(/"$/, "", s)
			n = s; req = 0; ro = 0
		}
		/required = true/ { req = 1 }
		/read_only = true/ { ro = 1 }
		END { flush() }
	' "$f"
done
