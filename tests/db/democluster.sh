# shellcheck shell=bash
# tests/db/democluster.sh: a throwaway cluster with the demo data for each
# test suite, in about a second. Loading the demo county takes half a
# minute, so it is done once: a stopped cluster, migrated and loaded (the
# "template"), is kept in the build tree, and each suite runs on a copy of
# it of its own. Sourced (bash) after tests/db/lib.sh by tests/tui/run.sh
# and tests/screens/run.sh.
#
#   democluster_up WORKDIR NAME [CLOCK]
#       Start a copy of template NAME in WORKDIR/pg (made first if missing
#       or stale) and export PGHOST, PGPORT, PGDATABASE (eduaid_test) and
#       EDUAID_SUPERUSER; PGUSER and the caller's other libpq settings are
#       unset, PGCLIENTENCODING is UTF8. CLOCK stops the server's clock
#       (libfaketime) at "YYYY-MM-DD HH:MM:SS", a time in Asia/Shanghai (the
#       cluster's time zone): now() and current_date are always that. The
#       template of NAME is then loaded with its clock stopped two hours
#       earlier, so that every timestamp the demo makes, and every age shown
#       of it, is the same on every run, whatever the machine's speed (the
#       real time and monotonic clock still run: waits and timeouts of the
#       client work; the server's own timeouts, such as lock_timeout, never
#       expire). Without CLOCK the server keeps the real time and the
#       template is made again each day (the demo's ledger and notice dates
#       follow the day of loading).
#   democluster_down WORKDIR
#       Stop the copy and delete WORKDIR/pg.
#
# Templates live in $top_builddir/tests/clusters/NAME (or, when the user
# postgres cannot reach the build tree, in ${TMPDIR:-/tmp}), with the key
# they were made for: a checksum of every file under sql/, of this file, of
# the PostgreSQL version and of the clock. A template whose key differs is
# made again; flock keeps parallel suites (make -j) from making one twice.
# `make clean` deletes them.

DEMOCLUSTER_DB=eduaid_test
DEMOCLUSTER_FAKETIME_LIB=${EDUAID_FAKETIME_LIB:-}
if [[ -z $DEMOCLUSTER_FAKETIME_LIB ]]; then
	for DEMOCLUSTER_FAKETIME_LIB in /usr/lib/*/faketime/libfaketime.so.1 \
		/usr/lib/faketime/libfaketime.so.1; do
		[[ -f $DEMOCLUSTER_FAKETIME_LIB ]] && break
	done
fi

# _democluster_root: print the directory that holds the templates.
_democluster_root() {
	local build=${top_builddir:-$top_srcdir} root
	root=$(cd "$build" && pwd -P)/tests/clusters
	mkdir -p -- "$root" 2>/dev/null || root=''
	if [[ -n $root ]] && _cluster_is_root && ! _cluster_as_owner test -x "$root"; then
		root=''
	fi
	if [[ -z $root ]]; then
		root=${TMPDIR:-/tmp}/eduaid-clusters-$(id -u)-$(printf '%s' "$build" | sha256sum | cut -c1-12)
		mkdir -p -- "$root" || return 1
	fi
	if _cluster_is_root; then
		chown postgres: -- "$root" || return 1
	fi
	printf '%s\n' "$root"
}

# _democluster_utc CLOCK HOURS: the UTC time HOURS hours before CLOCK (a
# Shanghai time), as libfaketime's stopped clock "YYYY-MM-DD HH:MM:SS".
_democluster_utc() {
	TZ=UTC date -d "$1 +0800 - $2 hours" '+%F %T'
}

# _democluster_key NAME CLOCK: the key a template must have.
_democluster_key() {
	{
		(cd "$top_srcdir" && find sql -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
		sha256sum <"$top_srcdir/tests/db/democluster.sh"
		"$DB_PGBIN/postgres" --version
		printf '%s\n' "$1"
		if [[ -n $2 ]]; then
			printf 'clock %s\n' "$2"
		else
			# the county's day (the demo's dates follow it), not the
			# caller's: tests/tui/run.sh runs in Asia/Shanghai, the db
			# suite in the machine's zone, and from 16:00 UTC their days
			# differ -- two keys, and each suite made the template again
			# under the other's copy (tests/unit/democluster_key.sh)
			printf 'loaded %s\n' "$(TZ=Asia/Shanghai date +%F)"
		fi
	} | sha256sum | cut -c1-40
}

# _democluster_start DIR CLOCK: start the cluster in DIR, its clock stopped
# at CLOCK, UTC ("" for the real time).
_democluster_start() {
	if [[ -z $2 ]]; then
		cluster_start "$1"
		return
	fi
	if [[ ! -f $DEMOCLUSTER_FAKETIME_LIB ]]; then
		_cluster_die "no $DEMOCLUSTER_FAKETIME_LIB: install libfaketime (tools/deps), needed to pin the server's clock"
		return 1
	fi
	# DONT_FAKE_MONOTONIC: timeouts and waits keep the real clock.
	TZ=UTC LD_PRELOAD=$DEMOCLUSTER_FAKETIME_LIB FAKETIME=$2 DONT_FAKE_MONOTONIC=1 \
		FAKETIME_DONT_FAKE_MONOTONIC=1 cluster_start "$1"
}

# _democluster_make DIR NAME CLOCK KEY: make the template in DIR (which
# must not exist), or fail with the log on stderr.
_democluster_make() {
	local dir=$1 clock='' su sock
	if [[ -n $3 ]]; then
		clock=$(_democluster_utc "$3" 2) || return 1
	fi
	mkdir -p -- "$dir" || return 1
	if _cluster_is_root; then
		chown postgres: -- "$dir" || return 1
	fi
	cluster_init "$dir/pg" --fast >/dev/null || return 1
	_democluster_start "$dir/pg" "$clock" || return 1
	su=$(cluster_superuser)
	sock=$(cluster_sockdir "$dir/pg") || return 1
	if ! cluster_psql "$dir/pg" -q -c "CREATE DATABASE $DEMOCLUSTER_DB" >"$dir/make.log" 2>&1 ||
		! PGHOST=$sock PGPORT=$CLUSTER_PORT PGDATABASE=$DEMOCLUSTER_DB PGUSER=$su \
			bash "$top_srcdir/sql/migrate.sh" >>"$dir/make.log" 2>&1 </dev/null ||
		! PGHOST=$sock PGPORT=$CLUSTER_PORT PGDATABASE=$DEMOCLUSTER_DB PGUSER=$su \
			sh "$top_srcdir/sql/data/load-demo.sh" >>"$dir/make.log" 2>&1 </dev/null; then
		tail -n 20 -- "$dir/make.log" | sed 's/^/democluster: /' >&2
		cluster_stop "$dir/pg" immediate
		return 1
	fi
	# Half of it would be write-ahead log kept for reuse: a copy need not
	# carry it.
	cluster_psql "$dir/pg" -q -c "ALTER SYSTEM SET max_wal_size = '32MB'" \
		-c "ALTER SYSTEM SET min_wal_size = '32MB'" -c 'SELECT pg_reload_conf()' \
		-c CHECKPOINT -c 'ALTER SYSTEM RESET max_wal_size' \
		-c 'ALTER SYSTEM RESET min_wal_size' >>"$dir/make.log" 2>&1
	cluster_stop "$dir/pg" fast || return 1
	printf '%s\n' "$4" >"$dir/key"
}

# _democluster_template NAME CLOCK: print the directory of an up-to-date
# template NAME, making it first when needed (under a lock).
_democluster_template() {
	local name=$1 root key dir fd rc=0
	root=$(_democluster_root) || return 1
	key=$(_democluster_key "$name" "$2") || return 1
	dir=$root/$name
	exec {fd}>"$root/$name.lock" || return 1
	flock "$fd"
	if [[ ! -f $dir/key || $(<"$dir/key") != "$key" ]]; then
		rm -rf -- "$dir" "$dir.new"
		if _democluster_make "$dir.new" "$name" "$2" "$key"; then
			mv -- "$dir.new" "$dir" || rc=1
		else
			cluster_destroy "$dir.new" >/dev/null 2>&1
			rc=1
		fi
	fi
	exec {fd}>&-
	((rc == 0)) && printf '%s\n' "$dir"
}

# _democluster_copy TEMPLATE_DIR NAME PG: copy the template's cluster to PG
# holding NAME's lock shared.
_democluster_copy() {
	local root fd rc=0
	root=$(_democluster_root) || return 1
	exec {fd}>"$root/$2.lock" || return 1
	flock -s "$fd"
	cp -a -- "$1/pg" "$3" || rc=1
	exec {fd}>&-
	return $rc
}

democluster_up() {
	local work=$1 name=$2 clock=${3:-} tmpl pg sock run_clock=''
	tmpl=$(_democluster_template "$name" "$clock") || return 1
	pg=$work/pg
	if _cluster_is_root; then
		chown postgres: -- "$work" || return 1
	fi
	# copied under a shared lock: a template is made again only under the
	# exclusive one, never under a copy being taken
	_democluster_copy "$tmpl" "$name" "$pg" || return 1
	rm -f -- "$pg/socket-dir" "$pg/log/postgresql.log"
	# The template's socket directory is written in its cluster.conf.
	sock=$pg/sock
	if (($(_cluster_bytes "$sock/.s.PGSQL.$CLUSTER_PORT") > 100)); then
		sock=$(mktemp -d /tmp/eduaid-pg.XXXXXX) || return 1
		printf '%s\n' "$sock" >"$pg/socket-dir"
	fi
	_cluster_make_sockdir "$sock" || return 1
	sed -i "s|^unix_socket_directories = .*|unix_socket_directories = $(_cluster_conf_quote "$sock")|" \
		"$pg/data/cluster.conf" || return 1
	if [[ -n $clock ]]; then
		run_clock=$(_democluster_utc "$clock" 0) || return 1
	fi
	_democluster_start "$pg" "$run_clock" || return 1
	unset PGHOSTADDR PGSERVICE PGSERVICEFILE PGOPTIONS PGUSER PGPASSWORD \
		PGPASSFILE PGSSLMODE PGREQUIRESSL PGTARGETSESSIONATTRS PGTZ PGDATESTYLE \
		PGCONNECT_TIMEOUT PGAPPNAME
	export PGCLIENTENCODING=UTF8 PGHOST=$sock PGPORT=$CLUSTER_PORT \
		PGDATABASE=$DEMOCLUSTER_DB EDUAID_SUPERUSER
	EDUAID_SUPERUSER=$(cluster_superuser)
}

democluster_down() {
	[[ -d $1/pg ]] && cluster_destroy "$1/pg"
	return 0
}

# democluster_scratch NAME: make $work, a scratch directory under $TMPDIR
# for one copy of the template, and see that the copy is stopped and the
# directory removed on exit or on a signal. 1 when mktemp fails.
democluster_scratch() {
	work=$(mktemp -d "${TMPDIR:-/tmp}/eduaid-$1.XXXXXX") || return 1
	trap _democluster_scratch_gone EXIT
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

_democluster_scratch_gone() {
	if [[ -n ${work:-} && -d $work ]]; then
		democluster_down "$work" >/dev/null 2>&1
		rm -rf -- "$work"
	fi
}
