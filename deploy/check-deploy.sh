#!/bin/sh
# Django's deployment checks against the production settings, with deploy/.env.example as environment.
#
#   deploy/check-deploy.sh                 # uses `python` from PATH
#   PYTHON=/path/to/venv/bin/python deploy/check-deploy.sh
#   ENV_FILE=deploy/.env deploy/check-deploy.sh   # check a real environment file instead
#
# The example's placeholder secret key would be flagged (security.W009), so a long random one is
# generated for this run. `check --deploy` does not connect to PostgreSQL, Redis or Elasticsearch.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
env_file=${ENV_FILE:-$here/.env.example}
PYTHON=${PYTHON:-python}

# KEY=value lines only; comments and blank lines are skipped, values are taken literally (no shell
# evaluation), surrounding double quotes are removed as Compose does.
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        '' | '#'*) continue ;;
    esac
    key=${line%%=*}
    value=${line#*=}
    case $key in
        '' | *[!A-Za-z0-9_]*) echo "check-deploy: skipping malformed line: $line" >&2; continue ;;
    esac
    case $value in
        \"*\") value=${value#\"}; value=${value%\"} ;;
    esac
    export "$key=$value"
done < "$env_file"

DJANGO_SECRET_KEY=$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(64))')
export DJANGO_SECRET_KEY

cd "$root"
exec "$PYTHON" manage.py check --deploy --fail-level WARNING --settings=config.settings.production "$@"
