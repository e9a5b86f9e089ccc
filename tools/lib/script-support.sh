# shellcheck shell=bash
# Helpers shared by tools/kafka/kafka-broker.sh and tools/postgres/postgres-server.sh.
# Sourced after the caller has defined log and die.

# Milliseconds since the epoch (bash 5's EPOCHREALTIME; whole seconds otherwise),
# and "elapsed since START_MS" as seconds with one decimal.
now_ms() {
  if [[ -n ${EPOCHREALTIME:-} ]]; then
    local t=${EPOCHREALTIME//[.,]/}
    echo $((10#$t / 1000))
  else
    echo $(($(date +%s) * 1000))
  fi
}

elapsed() {
  local ms=$(($(now_ms) - $1))
  printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100))
}

# Take an exclusive lock on file $2 on file descriptor $1 (if flock exists), so
# that concurrent invocations (e.g. parallel test jobs) do not race.
lock() {
  local fd=$1 file=$2
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$(dirname "$file")"
  eval "exec $fd>\"\$file\""
  flock "$fd"
}

# port_busy PORT MODE: is there a TCP socket on local port PORT?
#   MODE=listen  only a listening socket counts (for reusing our stored port:
#                TIME_WAIT leftovers from the previous broker do not block it,
#                Kafka binds with SO_REUSEADDR)
#   MODE=any     any socket except TIME_WAIT counts (for picking a new port)
# Reads /proc/net/tcp{,6} so no ss/netstat/python is needed; a plain connect
# attempt covers the case where /proc is not readable.
port_busy() {
  local port=$1 mode=$2 hex files=()
  hex=$(printf '%04X' "$port")
  for f in /proc/net/tcp /proc/net/tcp6; do [[ -r $f ]] && files+=("$f"); done
  if ((${#files[@]})) && awk -v h="$hex" -v mode="$mode" '
        FNR > 1 { n = split($2, a, ":")
                  if (a[n] == h && (mode == "any" ? $4 != "06" : $4 == "0A")) found = 1 }
        END     { exit !found }' "${files[@]}"; then
    return 0
  fi
  port_open "$port"
}

# Does 127.0.0.1:PORT accept TCP connections? (bash's /dev/tcp, no tools needed)
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free port below the kernel's ephemeral range (32768+ by default), so that
# outgoing connections of the tests can never grab it between restarts; far from
# 5432, so a system PostgreSQL is never in the way.
pick_port() {
  local avoid=${1:-0} p i
  for ((i = 0; i < 200; i++)); do
    p=$((20000 + RANDOM % 12000))
    [[ $p != "$avoid" ]] && ! port_busy "$p" any && { echo "$p"; return 0; }
  done
  die "could not find a free TCP port in 20000-31999"
}
