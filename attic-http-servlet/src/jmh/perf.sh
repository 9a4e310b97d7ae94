#!/usr/bin/env bash
# perf.sh - the end-to-end benchmarks of docs/performance.md, each against a baseline measured in
# the same run, printed as ratios. From the repository root:
#
#   bash attic-http-servlet/src/jmh/perf.sh [all|ingest|dedup|refs|refs-nix|http|nix|memory]...
#
# What runs (details in docs/performance.md):
#   ingest  Attic.upload of the oracle's large-v1 NAR (engine called directly, filesystem + SQLite)
#           against zstd -T1 -8 of the same file; then 2 uploads at once against 2 zstd at once;
#           then the single upload again with storage and database on tmpfs (no disk flushes)
#   dedup   large-v1 then large-v2 into one engine: what v2 adds; fixed-size 64 KiB for contrast
#   refs    a 64 MiB path embedding a dependency's store path every 16 KiB, built against two
#           builds of the dependency: what the second adds, plain FastCDC vs reference-aware
#   refs-nix the same rebuild built by a real nix-build and pushed with nix copy --to, plain and
#           reference-aware: the storage growth of the second push; then substituted back
#   http    download of large-v1 over HTTP with curl, and narinfo requests/s with wrk, from the
#           servlet in embedded Jetty and from nginx serving the same bytes as static files
#   narinfo only the narinfo part of http (and its ceiling: a trivial servlet in the same Jetty)
#   nix     nix copy --from our server against nix copy --from nginx serving a file:// cache
#   memory  a 4 GiB NAR uploaded and downloaded through a server JVM with -Xmx256m
#
# Needs root on Debian 12 with nix-bin (see $SHARED/tools/nix-oracle.sh). Installs nginx-light,
# wrk, zstd and curl with apt-get when missing; downloads nothing else. Pinning: every server
# (Jetty JVM, nginx with worker_processes 1) runs on CPU 0 and every client (curl, wrk, nix) on
# CPU 1, so server and load generator do not compete for one core.
# Environment: PERF_DIR (scratch, default /tmp/attic-perf; ~10 GB for memory), ROUNDS (default 3),
#              REFS_MIB (default 64) and REFS_EVERY (default 16384) for refs,
#              BIG_NAR_BYTES (default 4 GiB), SKIP_BUILD=1 (reuse the last build).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
W=${PERF_DIR:-/tmp/attic-perf}
ROUNDS=${ROUNDS:-3}
BIG=${BIG_NAR_BYTES:-$((4 * 1024 * 1024 * 1024))}
SERVER_CPU=0
CLIENT_CPU=1
V1=/nix/store/mgkqh43xvqsbs08dzs5iv5f9bxf43y53-oracle-large-v1
V2=/nix/store/msgalgjp1rsgqyf6cvmqc9b648pm4rgx-oracle-large-v2
SHARED=${SHARED:-$ROOT/../shared}
export NIX_CONFIG='experimental-features = nix-command
substituters =
sandbox = false
build-users-group =
narinfo-cache-positive-ttl = 0
narinfo-cache-negative-ttl = 0
connect-timeout = 10'
unset NIX_REMOTE

say() { printf '%s\n' "$*" >&2; }
result() { printf 'RESULT %s\n' "$*" | tee -a "$W/results.txt"; }
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

setup() {
  local need=()
  command -v nginx >/dev/null || need+=(nginx-light)
  command -v wrk >/dev/null || need+=(wrk)
  command -v zstd >/dev/null || need+=(zstd)
  command -v curl >/dev/null || need+=(curl)
  command -v taskset >/dev/null || need+=(util-linux)
  if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}" >/dev/null ||
      { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y "${need[@]}" >/dev/null; }
  fi
  if [ ! -e "$V1" ] || [ ! -e "$V2" ]; then
    bash "$SHARED/tools/nix-oracle.sh" setup >&2
  fi
  mkdir -p "$W"
  [ -s "$W/v1.nar" ] || nix-store --dump "$V1" > "$W/v1.nar"
  [ -s "$W/v2.nar" ] || nix-store --dump "$V2" > "$W/v2.nar"
  if [ "${SKIP_BUILD:-0}" != 1 ]; then
    say "building (mvn -Pbench package)"
    (cd "$ROOT" && mvn -B -o -q -pl attic-http-servlet -am -Pbench package -DskipTests) >&2
  fi
  local m=$ROOT/attic-http-servlet
  CP=$m/target/test-classes:$m/target/classes:$(cat "$m/target/bench.classpath")
  say "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
  say "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
}

bench() { # bench CLASS ARGS... : a benchmark program
  local class=$1; shift
  java -Xmx1g -cp "$CP" "dev.attic.http.bench.$class" "$@" | tee -a "$W/log.txt" | grep RESULT | sed 's/^RESULT //' |
    while IFS= read -r line; do result "$line"; done
}

# ---- the servers ----

start_attic() { # start_attic DIR HEAP [JVM options...]: BenchServer on CPU 0; sets APORT ATOKEN APID
  local dir=$1 heap=$2; shift 2
  rm -rf "$dir"; mkdir -p "$dir"
  taskset -c $SERVER_CPU java "-Xmx$heap" "$@" -cp "$CP" dev.attic.http.bench.BenchServer "$dir" >"$dir.log" 2>&1 &
  APID=$!; PIDS+=("$APID")
  for _ in $(seq 600); do [ -s "$dir/port" ] && break; sleep 0.1; kill -0 "$APID" || { cat "$dir.log" >&2; exit 1; }; done
  APORT=$(cat "$dir/port"); ATOKEN=$(cat "$dir/token")
  say "$(head -1 "$dir.log")"
}

stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

start_nginx() { # start_nginx ROOT: nginx (worker_processes 1) on CPU 0 serving ROOT; sets NPORT NPID
  local root=$1 conf=$W/nginx
  rm -rf "$conf"; mkdir -p "$conf/tmp"
  NPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat > "$conf/nginx.conf" <<EOF
daemon off;
master_process off;
worker_processes 1;
pid $conf/nginx.pid;
error_log $conf/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  client_body_temp_path $conf/tmp; proxy_temp_path $conf/tmp; fastcgi_temp_path $conf/tmp;
  uwsgi_temp_path $conf/tmp; scgi_temp_path $conf/tmp;
  types { text/x-nix-narinfo narinfo; application/x-nix-nar nar; text/x-nix-cache-info nix-cache-info; }
  default_type application/octet-stream;
  server { listen 127.0.0.1:$NPORT; root $root; }
}
EOF
  taskset -c $SERVER_CPU nginx -c "$conf/nginx.conf" -e "$conf/error.log" &
  NPID=$!; PIDS+=("$NPID")
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$NPORT/" && break; sleep 0.1; done
}

upload_nar() { # upload_nar NAR STORE_PATH: PUT /_api/v1/upload-path to our server
  local nar=$1 path=$2 hash
  hash=$(nix-store -q --hash "$path")
  local base; base=$(basename "$path")
  curl -sf -X PUT --data-binary @"$nar" -H "Authorization: Bearer $ATOKEN" -H 'Content-Type: application/octet-stream' \
    -H "X-Attic-Nar-Info: {\"cache\":\"bench\",\"store_path_hash\":\"${base%%-*}\",\"store_path\":\"$path\",\"references\":[],\"system\":\"x86_64-linux\",\"sigs\":[],\"nar_hash\":\"$hash\",\"nar_size\":$(stat -c %s "$nar")}" \
    "http://127.0.0.1:$APORT/_api/v1/upload-path"
}

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system CPU of a process, in 1/100 s

timed() { # timed PID OUT_FILE COMMAND...: runs COMMAND, appends its output and the server's CPU seconds meanwhile
  local pid=$1 out=$2; shift 2
  local c0 c1 value
  c0=$(ticks "$pid")
  value=$("$@")
  c1=$(ticks "$pid")
  echo "$value $(echo "($c1 - $c0) / 100" | bc -l)" >> "$out"
}

speed() { taskset -c $CLIENT_CPU curl -s -o /dev/null -w '%{speed_download}' "$1"; }   # bytes/s of one GET
rps() { # rps CONNECTIONS SECONDS URL: wrk's requests/s
  taskset -c $CLIENT_CPU wrk -t1 -c"$1" -d"$2s" "$3" | tee -a "$W/log.txt" | awk '/Requests\/sec/ {printf "%s", $2}'
}

median() { sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# ---- the benchmarks ----

run_ingest() {
  say "== ingest: Attic.upload of large-v1 vs zstd -T1 -8 ($ROUNDS rounds)"
  bench IngestBenchmark "$W/ingest" "$ROUNDS" 8 "$W/v1.nar" "$V1"
  if [ -d /dev/shm ]; then
    # the same with storage and database on tmpfs, where fsync costs nothing: what the disk costs
    say "== ingest again, storage and SQLite on tmpfs (/dev/shm): the same work without disk flushes"
    java -Xmx1g -Dbench.scaling=false -cp "$CP" dev.attic.http.bench.IngestBenchmark /dev/shm/attic-perf-ingest "$ROUNDS" 8 "$W/v1.nar" "$V1" |
      tee -a "$W/log.txt" | grep RESULT | sed 's/^RESULT ingest (single upload)/ingest on tmpfs (single upload)/' | while IFS= read -r l; do result "$l"; done
    rm -rf /dev/shm/attic-perf-ingest
  fi
}

run_dedup() {
  say "== dedup: large-v1 then large-v2"
  bench DedupBenchmark "$W/dedup" "$W/v1.nar" "$V1" "$W/v2.nar" "$V2"
}

run_refs() {
  say "== refs: a rebuild against a new dependency hash, plain vs reference-aware chunking"
  bench ReferenceDedupBenchmark "$W/refs" "${REFS_MIB:-64}" "${REFS_EVERY:-16384}"
  rm -rf "$W/refs"
}

# refs-nix: the same rebuild made by a real Nix. `app` (REFS_MIB MiB of AES-CTR bytes with the
# path of its dependency `dep` written after every 16 KiB) is built twice, against two builds of
# `dep` that differ only in their hash; each closure is pushed with `nix copy --to` into one
# server, plain then reference-aware; the growth of the stored files during the second push is
# what the rebuild cost. Then the second app is substituted back with `nix copy --from` (Nix checks
# its NarHash).
stored_bytes() { find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}'; }   # file bytes, not directories

run_refs_nix() {
  say "== refs-nix: a real nix rebuild against a new dependency hash, pushed with nix copy"
  local expr=$W/refs-expr mib=${REFS_MIB:-64}
  rm -rf "$expr"; mkdir -p "$expr"
  cat > "$expr/gen.py" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
ref = (sys.argv[2] + "/lib/libdep.so").encode()
with open(sys.argv[3], "wb") as out:
    for i in range(0, len(data), 16384):
        out.write(data[i:i + 16384])
        out.write(ref)
EOF
  cat > "$expr/app.nix" <<EOF
let
  dep = build: derivation {
    name = "refs-dep"; system = "x86_64-linux"; builder = "/bin/sh"; inherit build;
    args = [ "-c" "/bin/mkdir -p \$out/lib; echo libdep > \$out/lib/libdep.so" ];
  };
  app = d: derivation {
    name = "refs-app"; system = "x86_64-linux"; builder = "/bin/sh"; PATH = "/usr/bin:/bin"; dep = d;
    args = [ "-c" ''
      set -e
      mkdir -p \$out/bin
      head -c $((mib * 1048576)) /dev/zero | openssl enc -aes-128-ctr -nosalt -K 0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a -iv 00000000000000000000000000000000 > \$TMPDIR/blob
      python3 $expr/gen.py \$TMPDIR/blob "\$dep" \$out/bin/app
    '' ];
  };
in { v1 = app (dep "1"); v2 = app (dep "2"); }
EOF
  local a1 a2 size2
  a1=$(nix-build "$expr/app.nix" -A v1 --no-out-link 2>>"$W/log.txt")
  a2=$(nix-build "$expr/app.nix" -A v2 --no-out-link 2>>"$W/log.txt")
  size2=$(nix-store -q --size "$a2")
  say "app v1 $a1 -> $(nix-store -q --references "$a1" | grep refs-dep); v2 $a2 -> $(nix-store -q --references "$a2" | grep refs-dep) (NarSize $size2)"
  local mode
  for mode in plain reference-aware; do
    local aware=false; [ $mode = reference-aware ] && aware=true
    start_attic "$W/refserver" 1g "-Dbench.referenceAware=$aware"
    printf 'machine 127.0.0.1 password %s\n' "$ATOKEN" > "$W/netrc"
    local config="$NIX_CONFIG
netrc-file = $W/netrc"
    NIX_CONFIG=$config XDG_CACHE_HOME=$(mktemp -d -p "$W") nix copy --to "http://127.0.0.1:$APORT/bench?compression=zstd" "$a1" 2>>"$W/log.txt"
    local before after
    before=$(stored_bytes "$W/refserver/storage")
    NIX_CONFIG=$config XDG_CACHE_HOME=$(mktemp -d -p "$W") nix copy --to "http://127.0.0.1:$APORT/bench?compression=zstd" "$a2" 2>>"$W/log.txt"
    after=$(stored_bytes "$W/refserver/storage")
    local dest=$W/refs-dest back="NOT substituted back"
    rm -rf "$dest"
    if XDG_CACHE_HOME=$(mktemp -d -p "$W") nix copy --no-check-sigs --from "http://127.0.0.1:$APORT/bench" --to "$dest" "$a2" 2>>"$W/log.txt" &&
      [ "$(nix-store --store "$dest" -q --hash "$a2")" = "$(nix-store -q --hash "$a2")" ]; then
      back="substituted back by nix copy --from, NarHash checked"
    fi
    rm -rf "$dest"
    result "$(awk -v m="$mode" -v d="$((after - before))" -v s="$size2" -v b="$back" 'BEGIN {printf "refs-nix %s: nix copy --to of the rebuilt app (NarSize %.1f MiB) grew the storage by %.2f MiB = %.2f%% of its NarSize; %s", m, s / 1048576, d / 1048576, 100 * d / s, b}')"
    stop_pid "$APID"
    rm -rf "$W/refserver"
  done
}

run_http() {
  say "== http: download and narinfo, ours vs nginx"
  start_attic "$W/server" 1g
  upload_nar "$W/v1.nar" "$V1" >&2; echo >&2
  local h; h=$(basename "$V1"); h=${h%%-*}
  local www=$W/www
  rm -rf "$www"; mkdir -p "$www/nar"
  curl -sf "http://127.0.0.1:$APORT/bench/$h.narinfo" > "$www/$h.narinfo"
  cp "$W/v1.nar" "$www/nar/$h.nar"
  start_nginx "$www"
  local ours=http://127.0.0.1:$APORT/bench theirs=http://127.0.0.1:$NPORT
  cmp <(curl -sf "$ours/nar/$h.nar") "$W/v1.nar" && cmp <(curl -sf "$theirs/nar/$h.nar") "$W/v1.nar" ||
    { say "a server sent the wrong NAR"; exit 1; }
  # warm-up (JIT, page cache), then ROUNDS+2 interleaved downloads each
  # warm-up: the JIT needs about 20 downloads to settle (wall speed still rose after 8)
  for _ in $(seq 20); do curl -s -o /dev/null "$ours/nar/$h.nar"; curl -s -o /dev/null "$theirs/nar/$h.nar"; done
  : > "$W/dl-ours"; : > "$W/dl-nginx"
  for _ in $(seq $((ROUNDS + 2))); do
    timed "$APID" "$W/dl-ours" speed "$ours/nar/$h.nar"
    timed "$NPID" "$W/dl-nginx" speed "$theirs/nar/$h.nar"
  done
  local o n oc nc size=109075944
  o=$(cut -d' ' -f1 "$W/dl-ours" | median); n=$(cut -d' ' -f1 "$W/dl-nginx" | median)
  oc=$(awk -v s=$size '{print s / $2 / 1048576}' "$W/dl-ours" | median); nc=$(awk -v s=$size '{print s / ($2 > 0 ? $2 : 0.01) / 1048576}' "$W/dl-nginx" | median)
  say "download (bytes/s, server CPU s) ours: $(tr '\n' ' ' < "$W/dl-ours")| nginx: $(tr '\n' ' ' < "$W/dl-nginx")"
  result "$(awk -v o="$o" -v n="$n" -v oc="$oc" -v nc="$nc" 'BEGIN {printf "download %.1f MiB NAR (large-v1), median of %d: ours %.0f MiB/s, nginx %.0f MiB/s, ratio %.2f (goal >= 0.8); per server CPU-second: ours %.0f MiB, nginx %.0f MiB, ratio %.2f", 109075944/1048576, '"$((ROUNDS + 2))"', o/1048576, n/1048576, o/n, oc, nc, oc/nc}')"

  narinfo_rounds "$ours" "$theirs" "$h" "$www"
  stop_pid "$NPID"; stop_pid "$APID"
}

# narinfo_rounds OURS_BASE NGINX_BASE HASH WWW: narinfo requests/s of our servlet, of nginx serving
# the same file, and of FixedBodyServlet (a servlet doing nothing, in the same Jetty) answering as
# many bytes: the ceiling of any servlet in this container on one core
narinfo_rounds() {
  local ours=$1 theirs=$2 h=$3 www=$4 o n f oc nc fc
  cmp "$www/$h.narinfo" <(curl -sf "$theirs/$h.narinfo") || { say "nginx serves another narinfo"; exit 1; }
  local fixed; fixed=http://127.0.0.1:$APORT/_fixed/$(stat -c %s "$www/$h.narinfo")
  [ "$(curl -sf "$fixed" | wc -c)" = "$(stat -c %s "$www/$h.narinfo")" ] || { say "the fixed servlet sends another length"; exit 1; }
  local d=${WRK_SECONDS:-10} c=${WRK_CONNECTIONS:-16}
  taskset -c $CLIENT_CPU wrk -t1 -c"$c" -d15s "$ours/$h.narinfo" >/dev/null   # warm-up (the JIT)
  taskset -c $CLIENT_CPU wrk -t1 -c"$c" -d5s "$fixed" >/dev/null
  taskset -c $CLIENT_CPU wrk -t1 -c"$c" -d3s "$theirs/$h.narinfo" >/dev/null
  : > "$W/ni-ours"; : > "$W/ni-nginx"; : > "$W/ni-fixed"
  for _ in $(seq "$ROUNDS"); do
    timed "$APID" "$W/ni-ours" rps "$c" "$d" "$ours/$h.narinfo"
    timed "$NPID" "$W/ni-nginx" rps "$c" "$d" "$theirs/$h.narinfo"
    timed "$APID" "$W/ni-fixed" rps "$c" "$d" "$fixed"
  done
  o=$(cut -d' ' -f1 "$W/ni-ours" | median); n=$(cut -d' ' -f1 "$W/ni-nginx" | median); f=$(cut -d' ' -f1 "$W/ni-fixed" | median)
  oc=$(awk -v d="$d" '{print $1 * d / $2}' "$W/ni-ours" | median); nc=$(awk -v d="$d" '{print $1 * d / ($2 > 0 ? $2 : 0.01)}' "$W/ni-nginx" | median)
  fc=$(awk -v d="$d" '{print $1 * d / $2}' "$W/ni-fixed" | median)
  say "narinfo (req/s, server CPU s) ours: $(tr '\n' ' ' < "$W/ni-ours")| nginx: $(tr '\n' ' ' < "$W/ni-nginx")| fixed servlet: $(tr '\n' ' ' < "$W/ni-fixed")"
  result "$(awk -v o="$o" -v n="$n" -v oc="$oc" -v nc="$nc" 'BEGIN {printf "narinfo (wrk -t1 -c'"$c"' -d'"$d"'s), median of '"$ROUNDS"': ours %.0f req/s, nginx %.0f req/s, ratio %.2f (goal >= 0.5); per server CPU-second: ours %.0f, nginx %.0f, ratio %.2f; server CPU per request: ours %.1f us, nginx %.1f us", o, n, o/n, oc, nc, oc/nc, 1e6/oc, 1e6/nc}')"
  result "$(awk -v f="$f" -v n="$n" -v o="$o" -v fc="$fc" -v oc="$oc" 'BEGIN {printf "narinfo ceiling: a servlet answering a fixed body of the same length in the same Jetty %.0f req/s (%.1f us of server CPU per request): trivial Jetty / nginx %.2f, ours / trivial Jetty %.2f (per CPU-second %.2f)", f, 1e6/fc, f/n, o/f, oc/fc}')"
  # the server's status codes: every request must have been a 200
  curl -s "http://127.0.0.1:$APORT/_metrics" | grep 'attic_http_requests_seconds_count{.*route="nar_info"' >&2 || true
}

# the narinfo benchmark alone (the http one without the download): a small NAR is enough
run_narinfo() {
  say "== narinfo: ours vs nginx vs a trivial servlet"
  start_attic "$W/server" 1g ${NARINFO_JVM_OPTS:-}
  upload_nar "$W/v1.nar" "$V1" >&2; echo >&2
  local h; h=$(basename "$V1"); h=${h%%-*}
  local www=$W/www
  rm -rf "$www"; mkdir -p "$www"
  curl -sf "http://127.0.0.1:$APORT/bench/$h.narinfo" > "$www/$h.narinfo"
  start_nginx "$www"
  narinfo_rounds "http://127.0.0.1:$APORT/bench" "http://127.0.0.1:$NPORT" "$h" "$www"
  stop_pid "$NPID"; stop_pid "$APID"
}

run_nix() {
  say "== nix copy --from: ours vs nginx serving a file:// cache"
  local paths; paths=$(cat /tmp/nix-oracle/paths.txt 2>/dev/null || true)
  [ -n "$paths" ] || paths=$(printf '%s\n' "$V1" "$V2")
  local keys=$W/nixkeys; rm -rf "$keys"; mkdir -p "$keys"
  nix-store --generate-binary-cache-key perf-1 "$keys/sec" "$keys/pub"
  local filecache=$W/filecache; rm -rf "$filecache"
  # shellcheck disable=SC2086
  XDG_CACHE_HOME=$(mktemp -d -p "$W") nix copy --to "file://$filecache?compression=zstd&secret-key=$keys/sec" $paths
  start_attic "$W/server" 1g
  printf 'machine 127.0.0.1 password %s\n' "$ATOKEN" > "$W/netrc"
  # shellcheck disable=SC2086
  NIX_CONFIG="$NIX_CONFIG
netrc-file = $W/netrc" XDG_CACHE_HOME=$(mktemp -d -p "$W") nix copy --to "http://127.0.0.1:$APORT/bench?compression=zstd" $paths
  start_nginx "$filecache"
  local ours=http://127.0.0.1:$APORT/bench theirs=http://127.0.0.1:$NPORT
  : > "$W/nix-ours"; : > "$W/nix-nginx"
  for r in $(seq -2 "$ROUNDS"); do   # rounds -2 to 0 are a warm-up
    for who in ours nginx; do
      local url=$ours; [ $who = nginx ] && url=$theirs
      local dest=$W/dest-$who; rm -rf "$dest"
      local t0 t1
      t0=$(date +%s.%N)
      # shellcheck disable=SC2086
      XDG_CACHE_HOME=$(mktemp -d -p "$W") taskset -c $CLIENT_CPU nix copy --no-check-sigs --from "$url" --to "$dest" $paths 2>>"$W/log.txt"
      t1=$(date +%s.%N)
      [ "$r" -le 0 ] || echo "$t1 - $t0" | bc >> "$W/nix-$who"
      rm -rf "$dest"
    done
  done
  local o n
  o=$(median < "$W/nix-ours"); n=$(median < "$W/nix-nginx")
  say "nix copy --from seconds ours: $(tr '\n' ' ' < "$W/nix-ours")| nginx: $(tr '\n' ' ' < "$W/nix-nginx")"
  result "$(awk -v o="$o" -v n="$n" -v k="$(echo "$paths" | wc -l)" 'BEGIN {printf "nix copy --from (%d paths, 2 large), median of '"$ROUNDS"': ours %.2f s, nginx + file:// cache (zstd) %.2f s, ratio %.2f (goal <= 1.1)", k, o, n, o/n}')"
  stop_pid "$NPID"; stop_pid "$APID"
}

run_memory() {
  say "== memory: a $((BIG / 1024 / 1024)) MiB NAR through a server with -Xmx256m"
  start_attic "$W/bigserver" 256m "-Xlog:gc:file=$W/bigserver-gc.log"
  local t0=$SECONDS
  taskset -c $CLIENT_CPU java -Xmx256m -cp "$CP" dev.attic.http.bench.BigNarRoundTrip "http://127.0.0.1:$APORT/" \
    "$W/bigserver/token" "$BIG" "$APID" | tee -a "$W/log.txt" | grep RESULT | sed 's/^RESULT //' | while IFS= read -r l; do result "$l"; done
  local heap; heap=$(grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$W/bigserver-gc.log" | sed 's/M->.*//' | sort -n | tail -1)
  result "memory: server -Xmx256m, heap before GC at most ${heap:-?} MiB, $(grep -c Pause "$W/bigserver-gc.log") GC pauses, $((SECONDS - t0)) s in all"
  stop_pid "$APID"
  rm -rf "$W/bigserver"
}

setup
: > "$W/results.txt"
[ $# -gt 0 ] || set -- all
for what in "$@"; do
  case $what in
    all) run_ingest; run_dedup; run_refs; run_refs_nix; run_http; run_nix; run_memory ;;
    ingest) run_ingest ;; dedup) run_dedup ;; refs) run_refs ;; refs-nix) run_refs_nix ;; http) run_http ;; nix) run_nix ;; memory) run_memory ;;
    narinfo) run_narinfo ;;
    *) say "unknown benchmark $what"; exit 2 ;;
  esac
done
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "== results ($W/results.txt)"
cat "$W/results.txt" >&2
