# Shared by bench-vote and crash-vote: a release server with the demo data on one
# backend, 20,000 voting codes issued at a desk to 20,000 distinct persons, the
# committee's count, and the check that every receipt returned is counted and
# nothing is half-written.

BIN=./target/release/wspolnota
LOAD=./target/release/examples/vote_load

build_release() {
  cargo build --release -p wspolnota --bin wspolnota --example vote_load
}

# start_server BACKEND: sets SERVER (pid), ADDR and DB_ARGS.
start_server() {
  local backend=$1
  if [ -z "${WORK:-}" ]; then WORK=$(mktemp -d /tmp/wspolnota-vote.XXXXXX); fi
  if [ "$backend" = postgres ]; then
    if [ -z "${PG_URL:-}" ]; then
      start_pg
      as_pg "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -qc "CREATE DATABASE bench" >/dev/null
    fi
    DB_ARGS=(--database-url "postgres://postgres@127.0.0.1:$PG_PORT/bench")
  else
    DB_ARGS=(--data-dir "$WORK/data")
  fi
  PORT=${PORT:-$(free_port)}
  ADDR="127.0.0.1:$PORT"
  "$BIN" serve --demo --bind "$ADDR" "${DB_ARGS[@]}" >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do
    curl -fs "http://$ADDR/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  cat "$WORK/server.log"
  die "the server did not start"
}

stop_server() {
  if [ -n "${SERVER:-}" ]; then
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=
  fi
}

# The demo's open round in Konin: its id, its first pool and a proposal on that pool's ballot.
find_round() {
  read -r ROUND POOL PROJECT < <(python3 - "$ADDR" <<'PY'
import json, sys, urllib.request
addr = sys.argv[1]
get = lambda p: json.load(urllib.request.urlopen(f"http://{addr}{p}"))
for rid in range(1, 10):
    try:
        r = get(f"/api/v1/budget/rounds/{rid}")
    except Exception:
        continue
    if r["phase"] == "voting":
        pool = r["pools"][0]["id"]
        proposals = get(f"/api/v1/budget/rounds/{rid}/proposals")
        project = next(p["id"] for p in proposals if p["pool_id"] == pool and p["status"] == "accepted")
        print(rid, pool, project)
        break
PY
)
  [ -n "${ROUND:-}" ] || die "no round open for voting in the demo"
}

# issue_codes N: desk codes for N distinct persons of the demo's Konin round, into codes.txt.
issue_codes() {
  awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++) printf "Mieszkaniec %d;ul. Próbna %d, Konin\n", i, i }' >"$WORK/persons.txt"
  "$BIN" budget desk-codes --round "$ROUND" "${DB_ARGS[@]}" "$WORK/persons.txt" >"$WORK/codes.txt"
}

# count_round: closes voting and counts with the demo committee's shares.
count_round() {
  "$BIN" budget tally --pool "$POOL" "${DB_ARGS[@]}" | tee "$WORK/sealed.txt"
  "$BIN" budget close --round "$ROUND" "${DB_ARGS[@]}"
  "$BIN" budget demo-shares >"$WORK/all-shares.txt"
  head -2 "$WORK/all-shares.txt" >"$WORK/shares.txt"
  local started ended
  started=$(date +%s.%N)
  "$BIN" budget count --round "$ROUND" --shares "$WORK/shares.txt" "${DB_ARGS[@]}" >"$WORK/count.txt"
  ended=$(date +%s.%N)
  echo "count:   opened, shuffled and counted in $(python3 -c "print(f'{$ended - $started:.2f}')") s"
}

# check_receipts RECEIPTS_FILE: after the count, every receipt returned is counted and
# ballots equal voters; before it, every voter had exactly one sealed ballot.
check_receipts() {
  local s v
  s=$(sed -E 's/sealed=([0-9]+).*/\1/' "$WORK/sealed.txt")
  v=$(sed -E 's/.*voters=([0-9]+)/\1/' "$WORK/sealed.txt")
  [ "$s" = "$v" ] || die "half-written before the count: $s sealed ballots but $v voters"
  "$BIN" budget receipts --pool "$POOL" "${DB_ARGS[@]}" >"$WORK/stored.txt"
  python3 - "$1" "$WORK/stored.txt" <<'PY'
import hashlib, sys
returned = [l.strip() for l in open(sys.argv[1]) if l.strip()]
stored = set(l.strip() for l in open(sys.argv[2]) if l.strip())
missing = [r for r in returned if hashlib.sha256(r.encode()).hexdigest() not in stored]
print(f"receipts returned: {len(returned)}, ballots stored: {len(stored)}, receipts missing: {len(missing)}")
sys.exit(1 if missing else 0)
PY
  "$BIN" budget tally --pool "$POOL" "${DB_ARGS[@]}" | tee "$WORK/tally.txt"
  local b v
  b=$(sed -E 's/.*ballots=([0-9]+) .*/\1/' "$WORK/tally.txt")
  v=$(sed -E 's/.*voters=([0-9]+)/\1/' "$WORK/tally.txt")
  [ "$b" = "$v" ] || die "half-written: $b ballots but $v voters"
}
