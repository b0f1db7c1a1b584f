#!/usr/bin/env bash
# Refresh modules/<module>/locale/de.po from the current sources: new
# strings are added with an empty translation, existing ones are kept.
# Usage: scripts/update-translations.sh [module ...]  (default: all)
. "$(dirname "$0")/env.sh"
cd "$ROOT"
modules=("$@")
if [ ${#modules[@]} -eq 0 ]; then
    for cfg in modules/*/tryton.cfg; do modules+=("$(basename "$(dirname "$cfg")")"); done
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf '[database]\nuri = sqlite://\npath = %s\n' "$work" > "$work/trytond.conf"
echo admin > "$work/pass"
: > "$work/translations.sqlite"
TRYTONPASSFILE="$work/pass" trytond-admin -c "$work/trytond.conf" -d translations \
    --all -u "${modules[@]}" --activate-dependencies --email admin@example.org >/dev/null
trytond-admin -c "$work/trytond.conf" -d translations \
    -u "${modules[@]}" -l de --export-translations
for module in "${modules[@]}"; do
    po="modules/$module/locale/de.po"
    echo "$po: $(grep -c '^msgid' "$po") entries"
done
