#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Extracts the editor's strings into po/kodex.pot and merges them into every po/<lang>.po.
# Translate the new or fuzzy entries afterwards; the build compiles the .po files with msgfmt.
set -euo pipefail
cd "$(dirname "$0")/.."
find app/gui -name '*.cpp' | sort | xargs xgettext --from-code=UTF-8 --language=C++ --c++ \
  --keyword=_ --keyword=wxPLURAL:1,2 --keyword=wxTRANSLATE --keyword=wxGETTEXT_IN_CONTEXT:1c,2 --add-comments=TRANSLATORS \
  --package-name=kodex --msgid-bugs-address= --sort-by-file -o po/kodex.pot
# xgettext's placeholder header comment, replaced by ours.
sed -i '1,4c\# SPDX-License-Identifier: GPL-3.0-or-later\n# Strings of the Kodex editor, extracted by po/update.sh.' po/kodex.pot
for po in po/*.po; do
  msgmerge --quiet --update --backup=none "$po" po/kodex.pot
done
