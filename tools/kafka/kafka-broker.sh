#!/usr/bin/env bash
# Run a real single-node Apache Kafka broker (KRaft, combined broker+controller)
# from jars that Maven resolves from Maven Central. Meant for tests and
# benchmarks on a machine that has only Java 17+ and Maven: no Kafka install,
# no Docker.
#
#   kafka-broker.sh fetch    resolve the broker jars into the cache (once)
#   kafka-broker.sh start    start (or restart on the same port and data);
#                            prints exactly `KAFKA_BROKERS=127.0.0.1:PORT`
#   kafka-broker.sh stop     stop, keep the data (no-op when not running)
#   kafka-broker.sh status   running/stopped; exit 0 running, 3 stopped
#   kafka-broker.sh reset    stop and delete the run dir (all data)
#
# stdout carries only the KAFKA_BROKERS line (start) or the status lines
# (status); every message goes to stderr, so `eval "$(kafka-broker.sh start)"`
# or `export "$(kafka-broker.sh start)"` works.
#
# Environment:
#   KAFKA_CACHE_DIR      jar cache          (default $REPO/.cache/kafka/libs)
#   KAFKA_RUN_DIR        config/data/logs   (default $REPO/.cache/kafka/run)
#   KAFKA_PORT           broker port        (default: a free one, chosen on
#                                            first start and then kept)
#   KAFKA_START_TIMEOUT  seconds to wait for the broker (default 60)
#   KAFKA_HEAP_OPTS      default "-Xmx512m -Xms256m"
#   KAFKA_JVM_OPTS       default "-XX:+UseSerialGC ..." (see below)
#   JAVA_HOME            java to use (default: java on PATH)
#   MAVEN_OPTS           passed through to mvn as usual
#   KAFKA_SECURITY       plaintext (default) or sasl_ssl: clients then connect
#                        with TLS (a throwaway CA) and SCRAM-SHA-512/256, and
#                        `start` also prints KAFKA_SSL_CA_FILE,
#                        KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD_FILE.
#                        Fixed when the run dir is first formatted.
#   KAFKA_SCRAM_USERNAME / KAFKA_SCRAM_PASSWORD  the SCRAM user of sasl_ssl
#                        (default csms / a random password)
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd)          # script lives in $REPO/tools/kafka

POM=$SCRIPT_DIR/pom.xml
LOG4J_CONF=$SCRIPT_DIR/log4j2.xml
CACHE_DIR=${KAFKA_CACHE_DIR:-$REPO/.cache/kafka/libs}
RUN_DIR=${KAFKA_RUN_DIR:-$REPO/.cache/kafka/run}
START_TIMEOUT=${KAFKA_START_TIMEOUT:-60}
STOP_TIMEOUT=30
HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m}
# SerialGC: the machine has 2 cores shared with the tests, a small heap, and a
# single-threaded collector starts faster and steals no cores from the tests.
# ExitOnOutOfMemoryError: a broker that ran out of heap should die loudly, not
# limp along.
JVM_OPTS=${KAFKA_JVM_OPTS:--XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true}
if [[ -n ${JAVA_HOME:-} ]]; then JAVA=$JAVA_HOME/bin/java; else JAVA=java; fi

# Files inside the run dir.
PORTS_FILE=$RUN_DIR/ports.env        # BROKER_PORT / CONTROLLER_PORT (/ REPLICATION_PORT), kept across restarts
SECURITY_FILE=$RUN_DIR/security      # plaintext or sasl_ssl, fixed by the first start
PROPS_FILE=$RUN_DIR/server.properties
PID_FILE=$RUN_DIR/kafka.pid
DATA_DIR=$RUN_DIR/data               # log.dirs (topic data and the KRaft metadata log)
LOGS_DIR=$RUN_DIR/logs               # server.log (INFO) and kafka.out (stdout/stderr)
NODE_ID=1

log() { printf 'kafka-broker: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# shellcheck source-path=SCRIPTDIR source=../lib/script-support.sh
source "$SCRIPT_DIR/../lib/script-support.sh"
# shellcheck source-path=SCRIPTDIR source=secure-listener.sh
source "$SCRIPT_DIR/secure-listener.sh"

kafka_version() {
  local v
  v=$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM" | head -n1)
  [[ -n $v ]] || die "cannot read <kafka.version> from $POM"
  printf '%s\n' "$v"
}

# What the cache marker must contain for the cache to count as complete: the
# Kafka version (readable) and a checksum of pom.xml (so that any change to the
# dependency list, e.g. the logging backend, also triggers a refetch).
cache_marker() {
  printf 'kafka.version=%s\npom.sha256=%s\n' "$(kafka_version)" "$(sha256sum "$POM" | cut -d' ' -f1)"
}

cache_complete() {
  [[ -f $CACHE_DIR/.complete && "$(cat "$CACHE_DIR/.complete")" == "$(cache_marker)" ]]
}

cmd_fetch() {
  cache_complete && { log "jars cached in $CACHE_DIR (Kafka $(kafka_version))"; return 0; }
  lock 8 "$(dirname "$CACHE_DIR")/.fetch.lock"
  cache_complete && return 0          # another process fetched while we waited
  command -v mvn >/dev/null 2>&1 || die "mvn not found on PATH (needed to fetch Kafka jars)"

  local version tmp t0
  t0=$(now_ms)
  version=$(kafka_version)
  log "resolving Kafka $version jars from Maven Central into $CACHE_DIR ..."
  # Resolve into a temp dir and swap it in at the end, so an interrupted fetch
  # never leaves a half-filled cache that looks complete.
  tmp=$CACHE_DIR.tmp.$$
  rm -rf "$tmp"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT
  # Keep mvn's output (stdout, and some stray colour escapes even with -B -q)
  # off our stdout; show it only if it failed.
  local out
  if ! out=$(mvn -B -q -f "$POM" dependency:copy-dependencies \
               -DincludeScope=runtime -DoutputDirectory="$tmp" 2>&1); then
    printf '%s\n' "$out" >&2
    die "mvn failed to resolve the Kafka jars (output above)"
  fi
  [[ -f $tmp/kafka_2.13-$version.jar ]] || die "mvn finished but kafka_2.13-$version.jar is missing in $tmp"
  cache_marker >"$tmp/.complete"
  rm -rf "$CACHE_DIR"
  mv "$tmp" "$CACHE_DIR"
  trap - EXIT
  log "fetched $(find "$CACHE_DIR" -name '*.jar' | wc -l) jars in $(elapsed "$t0")"
}

# --- ports -------------------------------------------------------------------

# --- process -----------------------------------------------------------------

# Prints the broker pid and succeeds if the broker of THIS run dir is running.
# Checks the command line too, so a stale pid file whose pid was reused by an
# unrelated process is not mistaken for the broker.
running_pid() {
  local pid cmdline
  [[ -f $PID_FILE ]] || return 1
  pid=$(cat "$PID_FILE")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  # Empty for a zombie, so a broker that died as our child counts as stopped.
  cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
  [[ $cmdline == *"kafka.Kafka $PROPS_FILE"* ]] || return 1
  echo "$pid"
}

# Is PID alive? A zombie (a dead child of ours not reaped yet) is not.
alive() {
  kill -0 "$1" 2>/dev/null || return 1
  [[ $(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) != Z ]]
}

# Size of a file in bytes (0 if missing).
fsize() { if [[ -f $1 ]]; then stat -c %s "$1"; else echo 0; fi; }

# print_tail LOG_OFFSET OUT_OFFSET: the last 30 lines that this start wrote to
# server.log and kafka.out (JVM errors such as a bad option land in the latter).
print_tail() {
  local f off
  for f in server.log kafka.out; do
    if [[ $f == server.log ]]; then off=$1; else off=$2; fi
    f=$LOGS_DIR/$f
    (($(fsize "$f") > off)) || continue
    log "---- last 30 lines of $f ----"
    tail -c +$((off + 1)) "$f" | tail -n 30 >&2
  done
}

# Kafka cluster ids are 16 random bytes, base64url without padding (what
# `kafka-storage.sh random-uuid` prints). Kafka itself never issues one that
# starts with '-' (it would look like a command-line flag), so neither do we.
new_cluster_id() {
  local id
  while :; do
    id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
    [[ $id != -* ]] && { echo "$id"; return 0; }
  done
}

# The listener mode of this run dir: what its first start chose (KAFKA_SECURITY), kept after,
# because the SCRAM users exist only in storage formatted for them.
resolve_security() {
  local stored=''
  [[ -f $SECURITY_FILE ]] && stored=$(cat "$SECURITY_FILE")
  SECURITY=${KAFKA_SECURITY:-${stored:-plaintext}}
  [[ $SECURITY == plaintext || $SECURITY == sasl_ssl ]] || die "KAFKA_SECURITY=$SECURITY must be plaintext or sasl_ssl"
  if [[ -n $stored && $stored != "$SECURITY" ]]; then
    die "the run dir $RUN_DIR was formatted for KAFKA_SECURITY=$stored, not $SECURITY: use another KAFKA_RUN_DIR or reset it"
  fi
}

# What `start` prints on stdout.
client_lines() {
  echo "KAFKA_BROKERS=127.0.0.1:$BROKER_PORT"
  if [[ $SECURITY == sasl_ssl ]]; then secure_client_lines; fi
}

listener_properties() {
  if [[ $SECURITY == sasl_ssl ]]; then
    secure_listener_properties
    return
  fi
  cat <<EOF
listeners=PLAINTEXT://127.0.0.1:$BROKER_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$BROKER_PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
EOF
}

write_properties() {
  cat >"$PROPS_FILE" <<EOF
# Generated by tools/kafka/kafka-broker.sh on every start; edits are overwritten.
# Single node, KRaft mode: this process is both the broker and the only controller.
process.roles=broker,controller
node.id=$NODE_ID
# Static quorum of one voter. (A static quorum keeps the controller endpoint in
# this file only, so the controller port may change between restarts.)
controller.quorum.voters=$NODE_ID@127.0.0.1:$CONTROLLER_PORT
controller.listener.names=CONTROLLER
$(listener_properties)

log.dirs=$DATA_DIR

# One node: every internal topic must have replication factor 1.
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# Tests: groups form at once, topics exist only when created explicitly.
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1

# After a crash (kill -9) the restarted controller only lets the broker
# register again once the old broker session has expired (default 9 s, plus a
# 2 s heartbeat). Shorter values make a crash-restart take ~6 s instead of
# ~13 s; still 4.5 heartbeats of slack for GC pauses on a busy 2-core machine.
broker.heartbeat.interval.ms=1000
broker.session.timeout.ms=4500
EOF
}

# Did server.log get the "Kafka Server started" line after byte OFFSET?
logged_started_since() {
  local offset=$1 f=$LOGS_DIR/server.log size
  [[ -f $f ]] || return 1
  size=$(stat -c %s "$f")
  # Smaller than before: log4j rolled the file over meanwhile, all of it is new.
  ((size >= offset)) || offset=0
  # No `grep -q` here: it exits at the first match, tail then dies of SIGPIPE
  # and with pipefail the whole test would fail on a large log.
  tail -c +$((offset + 1)) "$f" | grep -F 'Kafka Server started' >/dev/null
}

cmd_start() {
  lock 9 "$RUN_DIR/.lock"
  resolve_security
  local pid
  if pid=$(running_pid); then
    # shellcheck disable=SC1090
    source "$PORTS_FILE"
    log "already running (pid $pid)"
    client_lines
    return 0
  fi

  cmd_fetch
  mkdir -p "$RUN_DIR" "$DATA_DIR" "$LOGS_DIR"
  echo "$SECURITY" >"$SECURITY_FILE"
  if [[ $SECURITY == sasl_ssl ]]; then make_tls_material; fi

  # Ports: reuse the ones stored by the first start, so a restart (e.g. in a
  # fault test) comes back at the very same address.
  BROKER_PORT='' CONTROLLER_PORT='' REPLICATION_PORT=''
  # shellcheck disable=SC1090
  [[ -f $PORTS_FILE ]] && source "$PORTS_FILE"
  if [[ -n ${KAFKA_PORT:-} ]]; then
    if ! [[ $KAFKA_PORT =~ ^[0-9]+$ ]] || ((KAFKA_PORT < 1 || KAFKA_PORT > 65535)); then
      die "KAFKA_PORT=$KAFKA_PORT is not a TCP port"
    fi
    [[ -n $BROKER_PORT && $BROKER_PORT != "$KAFKA_PORT" ]] && log "KAFKA_PORT=$KAFKA_PORT overrides the stored broker port $BROKER_PORT"
    BROKER_PORT=$KAFKA_PORT
  fi
  if [[ -z $BROKER_PORT ]]; then
    BROKER_PORT=$(pick_port)
  elif port_busy "$BROKER_PORT" listen; then
    die "broker port $BROKER_PORT is already in use by another process (not the broker of $RUN_DIR)"
  fi
  if [[ -z $CONTROLLER_PORT || $CONTROLLER_PORT == "$BROKER_PORT" ]] || port_busy "$CONTROLLER_PORT" listen; then
    CONTROLLER_PORT=$(pick_port "$BROKER_PORT")
  fi
  if [[ $SECURITY == sasl_ssl ]]; then
    while [[ -z $REPLICATION_PORT || $REPLICATION_PORT == "$BROKER_PORT" || $REPLICATION_PORT == "$CONTROLLER_PORT" ]] || port_busy "$REPLICATION_PORT" listen; do
      REPLICATION_PORT=$(pick_port "$BROKER_PORT")
    done
  fi
  printf 'BROKER_PORT=%s\nCONTROLLER_PORT=%s\nREPLICATION_PORT=%s\n' "$BROKER_PORT" "$CONTROLLER_PORT" "$REPLICATION_PORT" >"$PORTS_FILE"
  write_properties

  local cp="$CACHE_DIR/*"
  # shellcheck disable=SC2206
  local java_cmd=("$JAVA" $HEAP_OPTS $JVM_OPTS
    "-Dkafka.logs.dir=$LOGS_DIR" "-Dlog4j2.configurationFile=$LOG4J_CONF" -cp "$cp")

  # First start on this run dir: format the storage (writes meta.properties
  # with the cluster id and bootstraps the KRaft metadata log). Later starts
  # reuse the data as it is.
  if [[ ! -f $DATA_DIR/meta.properties ]]; then
    local cluster_id
    cluster_id=$(new_cluster_id)
    log "formatting $DATA_DIR (cluster id $cluster_id)"
    local format_args=()
    if [[ $SECURITY == sasl_ssl ]]; then mapfile -t format_args < <(scram_format_args); fi
    "${java_cmd[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS_FILE" "${format_args[@]}" >&2 \
      || die "formatting the storage failed"
  fi

  # Only log lines written after these offsets belong to this start.
  local log_offset out_offset
  log_offset=$(fsize "$LOGS_DIR/server.log")
  out_offset=$(fsize "$LOGS_DIR/kafka.out")

  log "starting Kafka $(kafka_version) on 127.0.0.1:$BROKER_PORT (controller 127.0.0.1:$CONTROLLER_PORT, run dir $RUN_DIR)"
  local t0
  t0=$(now_ms)
  # setsid: own session/process group, so a Ctrl-C or a test runner killing
  # its process group does not take the broker down; nohup: survive the
  # caller's terminal going away. Without job control (a script) the child is
  # not a group leader, so setsid execs in place and $! is java's own pid.
  # Every inherited fd above 2 is closed for the broker: it would otherwise
  # hold our lock files (fds 8/9) forever, and any pipe the caller passed down
  # (a test runner capturing output) would never see EOF, hanging the caller.
  # (255 is bash's own script fd, already close-on-exec.)
  (
    cd "$RUN_DIR"
    for fd in "/proc/$BASHPID/fd"/*; do
      fd=${fd##*/}
      if ((fd > 2 && fd != 255)); then eval "exec $fd>&-"; fi
    done
    exec setsid nohup "${java_cmd[@]}" kafka.Kafka "$PROPS_FILE" \
      >>"$LOGS_DIR/kafka.out" 2>&1 </dev/null
  ) &
  pid=$!
  echo "$pid" >"$PID_FILE"

  # Ready = the listener accepts connections AND the server logged that it
  # finished starting (the port alone opens before the broker is registered
  # with the controller and able to serve metadata).
  local deadline=$((SECONDS + START_TIMEOUT))
  while :; do
    # Liveness only: until the subshell has exec'd java its command line is
    # still this script's, so running_pid's command-line check would race.
    if ! alive "$pid"; then
      wait "$pid" 2>/dev/null || true   # reap it (it is our child)
      print_tail "$log_offset" "$out_offset"
      rm -f "$PID_FILE"
      die "the broker process exited during startup (logs in $LOGS_DIR)"
    fi
    if port_open "$BROKER_PORT" && logged_started_since "$log_offset"; then
      break
    fi
    if ((SECONDS >= deadline)); then
      log "no 'Kafka Server started' within ${START_TIMEOUT}s"
      print_tail "$log_offset" "$out_offset"
      log "stopping the half-started broker"
      stop_pid "$pid"
      die "the broker did not start within ${START_TIMEOUT}s (logs in $LOGS_DIR)"
    fi
    sleep 0.2
  done
  log "started in $(elapsed "$t0") (pid $pid)"
  client_lines
}

# SIGTERM makes Kafka shut down cleanly (flush, close logs, so the next start
# needs no log recovery); SIGKILL only if it hangs.
stop_pid() {
  local pid=$1 i
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 5; i++)); do
    alive "$pid" || break
    sleep 0.2
  done
  if alive "$pid"; then
    log "pid $pid still alive after ${STOP_TIMEOUT}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$PID_FILE"
}

cmd_stop() {
  [[ -d $RUN_DIR ]] || { log "not running"; return 0; }
  lock 9 "$RUN_DIR/.lock"
  local pid t0
  t0=$(now_ms)
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping pid $pid ..."
  stop_pid "$pid"
  log "stopped in $(elapsed "$t0") (data kept in $DATA_DIR)"
}

cmd_status() {
  local pid
  BROKER_PORT=''
  # shellcheck disable=SC1090
  [[ -f $PORTS_FILE ]] && source "$PORTS_FILE"
  if pid=$(running_pid); then
    echo "running (pid $pid)"
    echo "KAFKA_BROKERS=127.0.0.1:$BROKER_PORT"
    return 0
  fi
  echo "stopped"
  # The address a later `start` will come back on (if this run dir has one).
  [[ -n $BROKER_PORT ]] && echo "KAFKA_BROKERS=127.0.0.1:$BROKER_PORT"
  return 3
}

cmd_reset() {
  cmd_stop
  case $RUN_DIR in
    "" | / | "$REPO" | "$HOME" | "$SCRIPT_DIR") die "refusing to delete KAFKA_RUN_DIR=$RUN_DIR" ;;
  esac
  rm -rf "$RUN_DIR"
  log "deleted $RUN_DIR"
}

usage() {
  sed -n '2,34p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
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
