#!/usr/bin/env bash
# Goes back to the data published before the current one (docs/PUBLISHING.md): the web root
# SITE_DIR is switched to the previous release, in one step, and the data folder DATA_DIR's
# manifest back to the database that release was built from, so that the next night's
# ingest starts from it. Run it again to go back one more night (as far as KEEP allows).
# The releases after it are kept: `deploy/rollback.sh --to RELEASE` goes to any of them.
set -euo pipefail

PROJECT_DIR=${PROJECT_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
: "${DATA_DIR:?DATA_DIR is not set}" "${SITE_DIR:?SITE_DIR is not set}"
RELEASES_DIR=${RELEASES_DIR:-$SITE_DIR.releases}

current=$(basename "$(readlink -f "$SITE_DIR")")
if [ "${1:-}" = "--to" ]; then
	target=${2:?--to needs a release name, one of: $(ls -1 "$RELEASES_DIR" | tr '\n' ' ')}
else
	target=$(ls -1 "$RELEASES_DIR" | sort | awk -v cur="$current" '$0 < cur' | tail -n 1)
fi
if [ -z "$target" ] || [ ! -d "$RELEASES_DIR/$target" ]; then
	echo "Không có bản công bố nào trước $current trong $RELEASES_DIR." >&2
	exit 1
fi

# The data folder: back to the database the release was built from (its manifest's sourceDatabase).
# When the data folder no longer holds it (pruned), the web root alone goes back, and the script says so.
status=0
node "$PROJECT_DIR/deploy/restore-manifest.mjs" "$RELEASES_DIR/$target/data/manifest.json" "$DATA_DIR" || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 3 ] || exit "$status"

ln -sfn "$RELEASES_DIR/$target" "$SITE_DIR.next"
mv -T "$SITE_DIR.next" "$SITE_DIR"
echo "Đã quay lại bản công bố $target (trước đó: $current)."
