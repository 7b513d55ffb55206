#!/usr/bin/env bash
# tests/package/deb.sh: the Debian package (issue 14), built and used as an
# administrator would. Not part of make check or distcheck: it compiles
# eduaid a second time (dpkg-buildpackage from a copy of the tree) and, as
# root, installs on the machine; tools/test runs it as its own step after
# make check.
#
#   1. copy the tracked files of the tree (git ls-files) to a temp dir and
#      build there with DEB_BUILD_OPTIONS=nocheck (the suites already ran):
#      dpkg-buildpackage -us -uc -b; the .debs land in the temp dir;
#   2. lintian on the .changes: no errors (warnings are listed);
#   3. what each package holds: eduaid has the client, eduaid-admin, forms,
#      schema, man pages (eduaid.1, eduaid.conf.5, eduaid-admin.8), the
#      translations, the completion, README and docs, and
#      /etc/eduaid/eduaid.conf as a conffile, and NO demo data or demo
#      users; eduaid-demo has them;
#   4. install. As root (CI runs as root) the packages are installed on this
#      machine with dpkg -i, as the issue asks, and purged at the end (dpkg
#      -P) -- unless eduaid is installed already, which is then left alone
#      and the test fails. As anyone else they are unpacked with dpkg -x
#      into the temp dir and run from there;
#   5. from the installed paths: eduaid --version, the man pages open with
#      man -l, a throwaway cluster migrated by the installed migrate.sh and
#      loaded by eduaid-demo's load-demo.sh, eduaid-admin check against it
#      (a verdict: exit 0, or 1 with its reason -- the test cluster trusts
#      its socket, which check refuses), and the installed client
#      connecting with psql's letters (-h -p -d -U) as demo_clerk;
#   6. as root, tests/package/ssh.sh --installed: the SSH deployment of
#      README's "Deploying at a county office" end to end with the
#      installed eduaid-ssh, drop-in and client (about 25 s).
#
# A TAP stream, then `package: N passed, N failed`. Cost, measured: about
# 1 min 40 s of CPU (the compile most of it); wall time 45 s for the build
# alone on a quiet 2-core machine, 7 min for the whole test on the shared
# one with others building (the build 3-4 min of it).
set -uo pipefail
top=${top_srcdir:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)}
work=$(mktemp -d /tmp/eduaid-deb.XXXXXX)
root=0
[ "$(id -u)" = 0 ] && root=1
installed=0
# shellcheck source=../../tools/lib/cluster.sh
. "$top/tools/lib/cluster.sh"
cleanup() {
	[ -d "$work/pg" ] && cluster_destroy "$work/pg" >/dev/null 2>&1
	if [ "$installed" = 1 ]; then
		dpkg -P eduaid-demo eduaid >"$work/purge.log" 2>&1 ||
			{ echo "# dpkg -P failed:"; sed 's/^/#   /' "$work/purge.log"; }
	fi
	rm -rf "$work"
}
trap cleanup EXIT

TAP_NAME=package
# shellcheck source=tap.sh
. "$top/tests/package/tap.sh"

echo 1..15
if [ "$root" = 1 ]; then
	echo "# running as root: the packages are installed on this machine (dpkg -i) and purged at the end"
else
	echo "# not root: the packages are unpacked with dpkg -x into $work, not installed"
fi

# 1. build from a copy of the tracked files
mkdir -p "$work/src"
git -C "$top" ls-files -z >"$work/files" 2>/dev/null || bail "not a git checkout: $top"
(cd "$top" && tar --null -T "$work/files" -cf -) | tar -xf - -C "$work/src" ||
	bail "copying the tree failed"
t0=$SECONDS
(cd "$work/src" && DEB_BUILD_OPTIONS="nocheck parallel=2" \
	dpkg-buildpackage -us -uc -b) >"$work/build.log" 2>&1
ok $? "dpkg-buildpackage -us -uc -b with nocheck ($((SECONDS - t0)) s)" "$work/build.log"
deb=$(ls "$work"/eduaid_*_*.deb 2>/dev/null | head -n 1)
demo=$(ls "$work"/eduaid-demo_*_all.deb 2>/dev/null | head -n 1)
if [ -z "$deb" ] || [ -z "$demo" ]; then
	bail "no eduaid and eduaid-demo .deb built" "$work/build.log"
fi

# 2. lintian: no errors
lintian --fail-on error "$work"/eduaid_*.changes >"$work/lintian.log" 2>&1
ok $? "lintian reports no errors" "$work/lintian.log"
grep '^W:' "$work/lintian.log" | sed 's/^/# lintian: /'

# 3. what each package holds
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's,^\./,/,' >"$work/eduaid.list"
dpkg-deb -c "$demo" | awk '{ print $6 }' | sed 's,^\./,/,' >"$work/demo.list"
: >"$work/missing"
for f in /usr/bin/eduaid /usr/sbin/eduaid-admin /etc/eduaid/eduaid.conf \
	/usr/share/eduaid/forms/household.conf /usr/share/eduaid/sql/migrate.sh \
	/usr/share/eduaid/sql/000_bootstrap.sql /usr/share/eduaid/sql/repeatable/39_privileges.sql \
	/usr/share/man/man1/eduaid.1.gz /usr/share/man/man5/eduaid.conf.5.gz \
	/usr/share/man/man8/eduaid-admin.8.gz \
	/usr/share/locale/zh_CN/LC_MESSAGES/eduaid.mo \
	/usr/share/bash-completion/completions/eduaid \
	/usr/share/doc/eduaid/README.md.gz /usr/share/doc/eduaid/copyright; do
	grep -qxF "$f" "$work/eduaid.list" || echo "$f" >>"$work/missing"
done
[ ! -s "$work/missing" ]
ok $? "eduaid holds the client, eduaid-admin, forms, schema, man pages, translations, completion and docs" "$work/missing"
grep -E '/sql/data/|demo' "$work/eduaid.list" >"$work/leak"
[ ! -s "$work/leak" ]
ok $? "eduaid holds no demo data or demo users" "$work/leak"
grep -qxF /usr/share/eduaid/sql/data/users.sql "$work/demo.list" &&
	grep -qxF /usr/share/eduaid/sql/data/load-demo.sh "$work/demo.list" &&
	grep -qxF /usr/share/eduaid/sql/data/demo.sql "$work/demo.list"
ok $? "eduaid-demo holds the demo users, data and load-demo.sh"
dpkg-deb -I "$deb" conffiles >"$work/conffiles" 2>&1
grep -qxF /etc/eduaid/eduaid.conf "$work/conffiles"
ok $? "/etc/eduaid/eduaid.conf is a conffile" "$work/conffiles"

# 4. install, or unpack
if [ "$root" = 1 ]; then
	if dpkg-query -W -f='${db:Status-Abbrev}' eduaid 2>/dev/null | grep -q '^ii'; then
		bail "eduaid is installed on this machine already: not touching it"
	fi
	installed=1
	dpkg -i "$deb" "$demo" >"$work/install.log" 2>&1
	ok $? "dpkg -i eduaid eduaid-demo" "$work/install.log"
	dest=
else
	dpkg -x "$deb" "$work/inst" && dpkg -x "$demo" "$work/inst"
	ok $? "dpkg -x eduaid eduaid-demo (not root)"
	dest=$work/inst
fi
export EDUAID_LOCALEDIR=$dest/usr/share/locale
[ -z "$dest" ] && unset EDUAID_LOCALEDIR

# 5. from the installed paths
version=$(LC_ALL=C "$dest/usr/bin/eduaid" --version 2>&1)
[ "$version" = "eduaid $(sed -n '1s/^eduaid (\([^-]*\)-.*/\1/p' "$top/debian/changelog")" ]
ok $? "$dest/usr/bin/eduaid --version: $version"
LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$dest/usr/share/man/man1/eduaid.1.gz" 2>&1 |
	grep -q 'EXIT STATUS' &&
	LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$dest/usr/share/man/man5/eduaid.conf.5.gz" 2>&1 |
	grep -q 'database.conninfo'
ok $? "man -l opens eduaid(1) and eduaid.conf(5)"

# a throwaway cluster, migrated and loaded by the installed scripts
[ "$root" = 1 ] && chmod 755 "$work" && mkdir -p "$work/pg" && chown postgres: "$work/pg"
if ! cluster_init "$work/pg" --fast >"$work/cluster.log" 2>&1 ||
	! cluster_start "$work/pg" >>"$work/cluster.log" 2>&1 ||
	! cluster_psql "$work/pg" -q -c 'CREATE DATABASE eduaid' >>"$work/cluster.log" 2>&1; then
	bail "no throwaway cluster" "$work/cluster.log"
fi
PGHOST=$(cluster_sockdir "$work/pg")
PGPORT=$CLUSTER_PORT
PGUSER=$(cluster_superuser)
PGDATABASE=eduaid
export PGHOST PGPORT PGUSER PGDATABASE
sh "$dest/usr/share/eduaid/sql/migrate.sh" >"$work/migrate.log" 2>&1 </dev/null
ok $? "the installed migrate.sh migrates a fresh database" "$work/migrate.log"
sh "$dest/usr/share/eduaid/sql/data/load-demo.sh" >"$work/demo.log" 2>&1 </dev/null
ok $? "eduaid-demo's load-demo.sh loads the demo county" "$work/demo.log"
"$dest/usr/sbin/eduaid-admin" check >"$work/check.log" 2>&1 </dev/null
rc=$?
[ "$rc" = 0 ] || { [ "$rc" = 1 ] && [ -s "$work/check.log" ]; }
ok $? "$dest/usr/sbin/eduaid-admin check gives a verdict (exit $rc)" "$work/check.log"
[ -s "$work/check.log" ] && sed 's/^/# eduaid-admin check: /' "$work/check.log" | head -n 20
# the installed client, with psql's letters and nothing from PG*
sock=$PGHOST port=$PGPORT
: >"$work/empty.conf"
[ -n "$dest" ] && export EDUAID_FORMS_DIR=$dest/usr/share/eduaid/forms
env -u PGHOST -u PGPORT -u PGDATABASE -u PGUSER LC_ALL=C EDUAID_CONF="$work/empty.conf" \
	"$dest/usr/bin/eduaid" -h "$sock" -p "$port" -d eduaid -U demo_clerk rates list \
	>"$work/rates.log" 2>&1 </dev/null
ok $? "the installed eduaid -h -p -d -U demo_clerk rates list" "$work/rates.log"
[ -s "$work/rates.log" ]
ok $? "rates list printed the standard amounts" "$work/rates.log"
# 6. SSH deployment end to end from the installed paths (tests/package/ssh.sh
# --installed: README's "Deploying at a county office"); root only
if [ "$root" = 1 ]; then
	"$top/tests/package/ssh.sh" --installed >"$work/ssh.log" 2>&1
	rc=$?
	sed 's/^/# ssh.sh: /' "$work/ssh.log"
	ok $rc "SSH deployment end to end with the installed package (tests/package/ssh.sh --installed)"
else
	echo "ok 15 # SKIP SSH deployment end to end: needs root (tests/package/ssh.sh)"
	npass=$((npass + 1))
fi
summary
[ "$nfail" = 0 ]
