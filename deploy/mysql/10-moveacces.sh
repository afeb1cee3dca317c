#!/usr/bin/env bash
# Loads the Move Acces database from platform/legacy-schema: the schema and the legacy tables
# (created only if absent, never changed), one account per service with its grants, and, when
# MOVEACCES_SEED=true (development only), the seed data. Every step is safe to run again.
#
# Two ways to run it:
# - by the official mysql image on its first start (mounted in /docker-entrypoint-initdb.d):
#   it talks to the initialising server over its socket as root;
# - against an existing server (production, `make prod-db-setup`): set MYSQL_HOST, MYSQL_PORT,
#   MYSQL_ADMIN_USER and MYSQL_ADMIN_PASSWORD (an account with every privilege and GRANT OPTION).
#
# The accounts' passwords come from AUTH_DB_PASSWORD, PROFILE_DB_PASSWORD, SUBSCRIPTION_DB_PASSWORD,
# AUDIT_DB_PASSWORD and AUDIT_MIGRATOR_DB_PASSWORD (audit-service's migrations run under an account
# of their own); the script refuses to run without them.
set -euo pipefail

sql_dir="${MOVEACCES_SQL_DIR:-/moveacces/sql}"
database="${DB_NAME:-moveacces}"

if [[ -n "${MYSQL_HOST:-}" ]]; then
  export MYSQL_PWD="${MYSQL_ADMIN_PASSWORD:?MYSQL_ADMIN_PASSWORD is required with MYSQL_HOST}"
  client=(mysql --host="$MYSQL_HOST" --port="${MYSQL_PORT:-3306}" --user="${MYSQL_ADMIN_USER:-root}")
else
  export MYSQL_PWD="${MYSQL_ROOT_PASSWORD:?MYSQL_ROOT_PASSWORD is required}"
  client=(mysql --protocol=socket --user=root)
fi

say() { echo "moveacces-db: $*"; }

# The inside of a single-quoted SQL string: backslashes and quotes doubled.
sql_string() {
  local value="$1"
  value="${value//\\/\\\\}"
  value="${value//\'/\'\'}"
  printf '%s' "$value"
}

say "schema ${database} and the legacy tables"
"${client[@]}" -e "CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
"${client[@]}" "$database" < "${sql_dir}/legacy-schema.sql"

say "service accounts"
accounts="$(cat "${sql_dir}/service-accounts.sql")"
# bash 5.2 would read '&' in a replacement as the match; the passwords are taken literally.
shopt -u patsub_replacement 2>/dev/null || true
for variable in AUTH_DB_PASSWORD PROFILE_DB_PASSWORD SUBSCRIPTION_DB_PASSWORD AUDIT_DB_PASSWORD AUDIT_MIGRATOR_DB_PASSWORD; do
  password="${!variable:-}"
  if [[ -z "$password" ]]; then
    say "${variable} is not set: refusing to create an account without a password" >&2
    exit 1
  fi
  placeholder='${'"${variable}"'}'
  replacement="$(sql_string "$password")"
  accounts="${accounts//"$placeholder"/$replacement}"
done
if grep -qE '\$\{[A-Z_]+\}' <<<"$accounts"; then
  say "service-accounts.sql names a password variable this script does not know:" >&2
  grep -oE '\$\{[A-Z_]+\}' <<<"$accounts" | sort -u >&2
  exit 1
fi
"${client[@]}" "$database" <<<"$accounts"

if [[ "${MOVEACCES_SEED:-false}" == "true" ]]; then
  say "seed data (development only)"
  "${client[@]}" "$database" < "${sql_dir}/seed-data.sql"
else
  say "no seed data (MOVEACCES_SEED is not true)"
fi
say "done"
