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
# One line per msgid/msgstr: simpler diffs, and simple checks that read a
# wrapped `msgstr ""` as empty see the translation.
python - "${modules[@]}" <<'PY'
import re
import sys
for module in sys.argv[1:]:
    path = f'modules/{module}/locale/de.po'
    with open(path, encoding='utf-8') as fp:
        content = fp.read()
    content = re.sub(
        r'^(msgctxt|msgid|msgstr) ""\n((?:"(?:[^"\\]|\\.)*"\n)+)',
        lambda m: '%s "%s"\n' % (m.group(1), ''.join(
            line[1:-1] for line in m.group(2).splitlines())),
        content, flags=re.M)
    with open(path, 'w', encoding='utf-8') as fp:
        fp.write(content)
PY
