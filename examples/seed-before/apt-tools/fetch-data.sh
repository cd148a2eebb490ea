#!/bin/sh
# Downloads the dashboard's sales figures and asks the dashboard to reload them.
set -eu
wget -q -O "${DATA_DIR:-/tmp}/sales.csv" "$SALES_CSV_URL"
curl -fsS -X POST "$RELOAD_URL"
