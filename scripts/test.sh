#!/usr/bin/env bash
# The README's test command: runs the whole test suite on SQLite and on
# PostgreSQL (127.0.0.1:5432 unless KIM_TEST_PG_URI says otherwise).
# Under CI=true a PostgreSQL that cannot be reached fails the run.
# Extra arguments go to tests/run.py (e.g. -k access).
. "$(dirname "$0")/env.sh"
cd "$ROOT"
export PYTHONWARNINGS="${PYTHONWARNINGS:-ignore::DeprecationWarning}"
pg_uri="${KIM_TEST_PG_URI:-postgresql://postgres@127.0.0.1:5432/}"
summary=()
status=0
# Activated databases are cached per run so that each scenario starts
# from a copy instead of installing the modules again.
cache="$(mktemp -d)"
trap 'rm -rf "$cache"' EXIT

run() {
    local label=$1; shift
    echo "== Tests on $label"
    local out
    out=$(mktemp)
    if env "$@" python tests/run.py --label "$label" "${extra[@]}" 2>&1 | tee "$out"; then :; fi
    # tee hides python's status: read it from the summary line
    local line
    line=$(grep -E "^$label: [0-9]+ passed, [0-9]+ failed" "$out" | tail -n 1 || true)
    rm -f "$out"
    if [ -z "$line" ]; then
        summary+=("$label: did not finish")
        status=1
    else
        summary+=("$line")
        if ! [[ $line =~ \ 0\ failed ]] || [[ $line =~ :\ 0\ passed ]]; then status=1; fi
    fi
}

pg_ready() {
    python - "$pg_uri" <<'PY'
import sys
import psycopg2
try:
    psycopg2.connect(sys.argv[1] + 'postgres', connect_timeout=5).close()
except psycopg2.Error as error:
    sys.exit(str(error).strip())
PY
}

extra=("$@")
run sqlite DB_NAME=:memory: TRYTOND_DATABASE__URI=sqlite:// DB_CACHE="$cache/sqlite"

if ! pg_ready 2>/dev/null && command -v pg_ctlcluster >/dev/null \
        && [ -d /etc/postgresql ] && [ "$(id -u)" = 0 ]; then
    echo "== Starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    sleep 2
fi
if reason=$(pg_ready 2>&1); then
    db="test_kim_$$"
    run postgresql DB_NAME="$db" TRYTOND_DATABASE__URI="$pg_uri" DB_CACHE="$cache/postgresql"
    python - "$pg_uri" "$db" <<'PY' || true
import sys
import psycopg2
conn = psycopg2.connect(sys.argv[1] + 'postgres')
conn.autocommit = True
conn.cursor().execute('DROP DATABASE IF EXISTS "%s"' % sys.argv[2])
PY
elif [ "${CI:-}" = true ]; then
    summary+=("postgresql: not reachable at $pg_uri ($reason)")
    status=1
else
    summary+=("postgresql: SKIPPED, not reachable at $pg_uri ($reason)")
fi

echo "== Summary"
printf '%s\n' "${summary[@]}"
total_passed=0; total_failed=0
for line in "${summary[@]}"; do
    if [[ $line =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
        total_passed=$((total_passed + BASH_REMATCH[1]))
        total_failed=$((total_failed + BASH_REMATCH[2]))
    fi
done
[ $status = 0 ] || [ $total_failed -gt 0 ] || total_failed=1
echo "$total_passed passed, $total_failed failed"
exit $status
