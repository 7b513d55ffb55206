# shellcheck shell=bash
# tools/lib/cluster.sh: private PostgreSQL 15 clusters for the demo and the
# database tests. Source it from bash; it is safe under `set -euo pipefail`
# and changes no shell options.
#
# A cluster lives in one directory DIR:
#   DIR/data/                the data directory (initdb)
#   DIR/log/postgresql.log   the server log (initdb.log next to it)
#   DIR/sock/                the unix socket directory, unless that path is too
#                            long for a socket (~100 bytes): then a short
#                            /tmp/eduaid-pg.XXXXXX is used and DIR/socket-dir
#                            names it.
# The server listens only on that socket (listen_addresses = ''), port 5432,
# and trusts local connections: the socket directory (mode 0700) is the
# access control, so `psql -U demo_clerk2` needs no password.
#
# PostgreSQL refuses to run as root. When the caller is root, initdb, pg_ctl
# and the server run as the system user `postgres`, which must be able to
# traverse the path to DIR, and the cluster superuser is `postgres`;
# otherwise everything runs as the calling user, whose name is then the
# superuser. psql and pg_dump run as the caller in either case.
#
# Functions (each returns non-zero with a message on stderr on failure):
#   cluster_pgbin                print the PostgreSQL 15 bin dir ($EDUAID_PGBIN
#                                overrides /usr/lib/postgresql/15/bin)
#   cluster_superuser            print the superuser role name
#   cluster_init DIR [--fast]    create the cluster (no-op when DIR/data holds
#                                one); --fast turns off fsync,
#                                synchronous_commit and full_page_writes: for
#                                throwaway test clusters only
#   cluster_start DIR            start unless running; returns when it accepts
#                                connections (pg_ctl -w, bounded)
#   cluster_stop DIR [MODE]      stop if running; MODE fast (default),
#                                smart or immediate
#   cluster_running DIR          exit 0 when the server of DIR is running
#   cluster_psql DIR [ARGS...]   run psql as the superuser on DIR's socket;
#                                database postgres unless ARGS has -d DB;
#                                ON_ERROR_STOP is on, ~/.psqlrc is not read
#   cluster_env DIR [DB]         print `export PGHOST=...`, `export PGPORT=...`,
#                                `export PGDATABASE=DB` (default eduaid) lines
#   cluster_sockdir DIR          print the socket directory
#   cluster_destroy DIR          stop (immediate) and delete DIR and its /tmp
#                                socket directory

CLUSTER_PORT=5432

# _cluster_die MESSAGE...: print a message to stderr and fail.
_cluster_die() {
	printf 'cluster: %s\n' "$*" >&2
	return 1
}

_cluster_is_root() {
	[[ $(id -u) -eq 0 ]]
}

# _cluster_abs DIR: print DIR as an absolute, symlink-free path (DIR exists).
_cluster_abs() {
	(cd -- "$1" 2>/dev/null && pwd -P) || _cluster_die "no such directory: $1"
}

# _cluster_bytes STRING: print the length of STRING in bytes (not characters).
_cluster_bytes() {
	local LC_ALL=C
	printf '%s\n' "${#1}"
}

cluster_pgbin() {
	local d
	for d in "${EDUAID_PGBIN:-}" /usr/lib/postgresql/15/bin; do
		if [[ -n $d && -x $d/pg_ctl && -x $d/psql ]]; then
			printf '%s\n' "$d"
			return 0
		fi
	done
	_cluster_die "PostgreSQL 15 server binaries not found in /usr/lib/postgresql/15/bin (run tools/deps, or set EDUAID_PGBIN)"
}

# The OS user that owns the cluster files and runs the server.
_cluster_owner() {
	if _cluster_is_root; then
		printf 'postgres\n'
	else
		id -un
	fi
}

cluster_superuser() {
	_cluster_owner
}

# _cluster_as_owner CMD [ARGS...]: run CMD as the cluster owner (from / when
# switching users, so that an unreadable cwd such as /root causes no noise).
_cluster_as_owner() {
	if _cluster_is_root; then
		if command -v runuser >/dev/null 2>&1; then
			(cd / && runuser -u postgres -- "$@")
		else
			(cd / && su postgres -s /bin/bash -c "$(printf '%q ' "$@")")
		fi
	else
		"$@"
	fi
}

# _cluster_detached CMD [ARGS...]: run CMD with every descriptor above 2
# closed, so that a server it starts holds no pipe of ours open (otherwise
# `$(tools/demo --server-only)` would wait for the server to exit).
_cluster_detached() {
	(
		fds=()
		if [[ -d /proc/$BASHPID/fd ]]; then
			for fd in /proc/"$BASHPID"/fd/*; do
				fds+=("${fd##*/}")
			done
		else
			fds=({3..255})
		fi
		for fd in "${fds[@]}"; do
			if ((fd > 2)); then
				eval "exec $fd>&-" 2>/dev/null || true
			fi
		done
		"$@"
	)
}

cluster_sockdir() {
	local dir
	dir=$(_cluster_abs "$1") || return 1
	if [[ -s $dir/socket-dir ]]; then
		head -n 1 -- "$dir/socket-dir"
	else
		printf '%s\n' "$dir/sock"
	fi
}

# _cluster_check_reachable DIR: as root, make sure user postgres can reach
# DIR; name the first directory on the way that it cannot enter.
_cluster_check_reachable() {
	local target=$1 prefix='' part
	local -a parts
	_cluster_is_root || return 0
	if _cluster_as_owner test -x "$target" -a -w "$target"; then
		return 0
	fi
	IFS=/ read -r -a parts <<<"${target#/}"
	for part in "${parts[@]}"; do
		prefix="$prefix/$part"
		if ! _cluster_as_owner test -x "$prefix"; then
			_cluster_die "PostgreSQL runs as user postgres, which cannot enter $prefix ($(stat -c '%A %U:%G' -- "$prefix" 2>/dev/null)); move the repository (or the cluster directory) somewhere postgres can reach, or allow it to pass: chmod o+x $prefix"
			return 1
		fi
	done
	_cluster_die "user postgres cannot write to $target"
}

# _cluster_make_sockdir PATH: create the socket directory (mode 0700, owned by
# the cluster owner), or check that an existing one is ours.
_cluster_make_sockdir() {
	local sd=$1 owner
	owner=$(_cluster_owner)
	if [[ ! -d $sd ]]; then
		mkdir -p -- "$sd" || return 1
		if _cluster_is_root; then
			chown postgres: -- "$sd" || return 1
		fi
	fi
	if [[ $(stat -c %U -- "$sd") != "$owner" ]]; then
		_cluster_die "socket directory $sd is owned by $(stat -c %U -- "$sd"), not $owner; refusing to use it"
		return 1
	fi
	chmod 700 -- "$sd"
}

# _cluster_conf_quote VALUE: VALUE as a postgresql.conf string literal.
_cluster_conf_quote() {
	printf "'%s'" "${1//\'/\'\'}"
}

cluster_init() {
	local dir fast=0 pgbin owner sockdir locale_opt=(--no-locale)
	if [[ $# -lt 1 ]]; then
		_cluster_die "usage: cluster_init DIR [--fast]"
		return 1
	fi
	if [[ ${2:-} == --fast ]]; then
		fast=1
	fi
	mkdir -p -- "$1" || return 1
	dir=$(_cluster_abs "$1") || return 1
	if [[ -f $dir/data/PG_VERSION ]]; then
		return 0
	fi
	pgbin=$(cluster_pgbin) || return 1
	owner=$(_cluster_owner)
	if _cluster_is_root && ! id postgres >/dev/null 2>&1; then
		_cluster_die "running as root, but there is no system user postgres to run the server (run tools/deps)"
		return 1
	fi

	# A socket path must fit in sockaddr_un.sun_path (108 bytes with the NUL).
	sockdir=$dir/sock
	rm -f -- "$dir/socket-dir"
	if (($(_cluster_bytes "$sockdir/.s.PGSQL.$CLUSTER_PORT") > 100)); then
		sockdir=$(mktemp -d /tmp/eduaid-pg.XXXXXX) || return 1
		if _cluster_is_root; then
			chown postgres: -- "$sockdir" || return 1
		fi
		printf '%s\n' "$sockdir" >"$dir/socket-dir" || return 1
		printf 'cluster: %s is too long for a unix socket; using %s (noted in %s)\n' \
			"$dir/sock" "$sockdir" "$dir/socket-dir" >&2
	fi

	if [[ -d $dir/data && -n $(ls -A -- "$dir/data") ]]; then
		_cluster_die "$dir/data is not empty but holds no cluster; remove it first"
		return 1
	fi
	mkdir -p -- "$dir/data" "$dir/log" || return 1
	chmod 700 -- "$dir/data" || return 1
	if _cluster_is_root; then
		chown -R postgres: -- "$dir" || return 1
	fi
	_cluster_make_sockdir "$sockdir" || return 1
	_cluster_check_reachable "$dir" || return 1
	_cluster_check_reachable "$sockdir" || return 1

	# C.UTF-8: UTF-8 character classes, code-point order, English messages.
	if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
		locale_opt=(--locale=C.UTF-8)
	fi
	if ! _cluster_as_owner "$pgbin/initdb" -D "$dir/data" -U "$owner" -E UTF8 \
		"${locale_opt[@]}" --auth-local=trust --auth-host=reject \
		>"$dir/log/initdb.log" 2>&1; then
		sed 's/^/initdb: /' "$dir/log/initdb.log" >&2
		_cluster_die "initdb failed for $dir/data (log: $dir/log/initdb.log)"
		return 1
	fi

	{
		printf '# Written by tools/lib/cluster.sh: a private cluster on a unix socket only.\n'
		printf "listen_addresses = ''\n"
		printf 'port = %s\n' "$CLUSTER_PORT"
		printf 'unix_socket_directories = %s\n' "$(_cluster_conf_quote "$sockdir")"
		printf "timezone = 'Asia/Shanghai'\n"
		printf "log_timezone = 'Asia/Shanghai'\n"
		printf 'max_connections = 50\n'
		printf "log_line_prefix = '%%m [%%p] %%q%%u@%%d '\n"
		if ((fast)); then
			printf '# Throwaway test cluster: durability off for speed.\n'
			printf 'shared_buffers = 32MB\n'
			printf 'fsync = off\n'
			printf 'synchronous_commit = off\n'
			printf 'full_page_writes = off\n'
			printf 'jit = off\n'
		else
			printf 'shared_buffers = 64MB\n'
		fi
	} >"$dir/data/cluster.conf" || return 1
	printf "\ninclude = 'cluster.conf'\n" >>"$dir/data/postgresql.conf" || return 1
	if _cluster_is_root; then
		chown postgres: -- "$dir/data/cluster.conf" || return 1
	fi
}

cluster_running() {
	local dir pgbin
	[[ $# -ge 1 && -f $1/data/PG_VERSION ]] || return 1
	dir=$(_cluster_abs "$1") || return 1
	pgbin=$(cluster_pgbin) || return 1
	_cluster_as_owner "$pgbin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

cluster_start() {
	local dir pgbin sockdir
	if [[ $# -lt 1 ]]; then
		_cluster_die "usage: cluster_start DIR"
		return 1
	fi
	dir=$(_cluster_abs "$1") || return 1
	if [[ ! -f $dir/data/PG_VERSION ]]; then
		_cluster_die "no cluster in $dir (cluster_init first)"
		return 1
	fi
	if cluster_running "$dir"; then
		return 0
	fi
	pgbin=$(cluster_pgbin) || return 1
	sockdir=$(cluster_sockdir "$dir") || return 1
	# A /tmp socket directory may have been cleaned away since the last start.
	_cluster_make_sockdir "$sockdir" || return 1
	if ! _cluster_detached _cluster_as_owner "$pgbin/pg_ctl" -D "$dir/data" \
		-l "$dir/log/postgresql.log" -w -t 60 start >/dev/null; then
		tail -n 20 -- "$dir/log/postgresql.log" 2>/dev/null | sed 's/^/postgres: /' >&2
		_cluster_die "could not start the server in $dir/data (log: $dir/log/postgresql.log)"
		return 1
	fi
}

cluster_stop() {
	local dir pgbin mode=${2:-fast}
	if [[ $# -lt 1 ]]; then
		_cluster_die "usage: cluster_stop DIR [fast|smart|immediate]"
		return 1
	fi
	cluster_running "$1" || return 0
	dir=$(_cluster_abs "$1") || return 1
	pgbin=$(cluster_pgbin) || return 1
	if ! _cluster_as_owner "$pgbin/pg_ctl" -D "$dir/data" -m "$mode" -w -t 60 stop >/dev/null; then
		_cluster_die "could not stop the server in $dir/data (log: $dir/log/postgresql.log)"
		return 1
	fi
}

cluster_psql() {
	local dir pgbin sockdir su
	if [[ $# -lt 1 ]]; then
		_cluster_die "usage: cluster_psql DIR [PSQL ARGS...]"
		return 1
	fi
	dir=$(_cluster_abs "$1") || return 1
	shift
	pgbin=$(cluster_pgbin) || return 1
	sockdir=$(cluster_sockdir "$dir") || return 1
	su=$(cluster_superuser)
	# A later -d in "$@" overrides -d postgres.
	"$pgbin/psql" -X -v ON_ERROR_STOP=1 -h "$sockdir" -p "$CLUSTER_PORT" -U "$su" -d postgres "$@"
}

cluster_env() {
	local sockdir
	if [[ $# -lt 1 ]]; then
		_cluster_die "usage: cluster_env DIR [DATABASE]"
		return 1
	fi
	sockdir=$(cluster_sockdir "$1") || return 1
	printf 'export PGHOST=%q\n' "$sockdir"
	printf 'export PGPORT=%q\n' "$CLUSTER_PORT"
	printf 'export PGDATABASE=%q\n' "${2:-eduaid}"
}

cluster_destroy() {
	local dir sockdir=''
	[[ $# -ge 1 && -d $1 ]] || return 0
	dir=$(_cluster_abs "$1") || return 1
	cluster_stop "$dir" immediate || true
	if [[ -s $dir/socket-dir ]]; then
		sockdir=$(head -n 1 -- "$dir/socket-dir")
	fi
	rm -rf -- "$dir"
	if [[ $sockdir == /tmp/eduaid-pg.* ]]; then
		rm -rf -- "$sockdir"
	fi
}
