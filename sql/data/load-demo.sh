#!/bin/sh
# sql/data/load-demo.sh: load the demo county (房县) into a freshly migrated
# database named by the libpq environment, as a superuser: divisions,
# schools, courses and fund programs, the demo users, then the generated
# records (demo.sql), the ledgers kept on them (demo_ledgers.sql), a
# public notice in progress (demo_notice.sql) and the school pairs with a
# year of their work (demo_pairing.sql), and issue 17's measures:
# preschool rolls (demo_preschool.sql), the left-behind children's care
# ledger (demo_care.sql), canteens (demo_canteen.sql), rural teachers
# (demo_teachers.sql), targeted admissions (demo_admission.sql) and
# reports as submitted (demo_snapshots.sql). Deterministic: the same
# data on every run (the notice's dates follow the day of loading).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
for f in reference.sql users.sql demo.sql demo_ledgers.sql demo_notice.sql demo_pairing.sql demo_preschool.sql demo_care.sql demo_canteen.sql demo_teachers.sql demo_admission.sql demo_snapshots.sql demo_logins.sql; do
    PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning" \
        "${PSQL:-psql}" -X -q -v ON_ERROR_STOP=1 -o /dev/null -f "$f"
    echo "load-demo: $f loaded" >&2
done
