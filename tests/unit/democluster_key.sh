#!/bin/bash
# tests/unit/democluster_key.sh: the key of the demo template
# (tests/db/democluster.sh) is the same whatever the caller's time zone.
# tests/tui/run.sh runs in Asia/Shanghai and the db suite in the
# machine's zone; with "make -j2" both take the template "demo". From
# 16:00 UTC the two zones' days differ, and a key made of the caller's
# day told each suite the other's template was stale: each made it again
# under the other's copy (58_tls.t: "cp: cannot stat"). The clock is
# stopped at 20:00 UTC with libfaketime, when the days differ (TAP).
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
export top_srcdir
# shellcheck source=../db/democluster.sh
. "$top_srcdir/tests/db/democluster.sh"
DB_PGBIN=${DB_PGBIN:-/usr/lib/postgresql/15/bin}
echo 1..2
if [[ ! -f $DEMOCLUSTER_FAKETIME_LIB ]]; then
	echo "not ok 1 - libfaketime is installed (tools/deps)"
	echo "not ok 2 - # no libfaketime"
	exit 1
fi
# an offset from now to 2026-12-07 20:00 UTC (an absolute FAKETIME would be
# read in the caller's zone)
delta=$(($(date -u -d '2026-12-07 20:00:00' +%s) - $(date -u +%s)))
FT=$(printf '%+ds' "$delta")
key_at() { # TZ
	TZ=$1 LD_PRELOAD=$DEMOCLUSTER_FAKETIME_LIB FAKETIME=$FT \
		bash -c '. "$top_srcdir/tests/db/democluster.sh"; DB_PGBIN='"$DB_PGBIN"'; _democluster_key demo ""'
}
days=$(TZ=UTC LD_PRELOAD=$DEMOCLUSTER_FAKETIME_LIB FAKETIME=$FT date +%F)/$(
	TZ=Asia/Shanghai LD_PRELOAD=$DEMOCLUSTER_FAKETIME_LIB FAKETIME=$FT date +%F)
if [[ $days == 2026-12-07/2026-12-08 ]]; then
	echo "ok 1 - at 20:00 UTC it is 2026-12-07 in UTC and 2026-12-08 in Shanghai"
else
	echo "not ok 1 - at 20:00 UTC it is 2026-12-07 in UTC and 2026-12-08 in Shanghai (got $days)"
fi
a=$(key_at UTC) b=$(key_at Asia/Shanghai)
if [[ -n $a && $a == "$b" ]]; then
	echo "ok 2 - the demo template's key is the same in UTC and in Asia/Shanghai"
else
	echo "not ok 2 - the demo template's key is the same in UTC and in Asia/Shanghai ($a / $b)"
	exit 1
fi
