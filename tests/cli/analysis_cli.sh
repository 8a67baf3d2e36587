#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end: analyses and exports of kodex-cli over the sample study.
# Usage: analysis_cli.sh KODEX-CLI SOURCE-DIR
source "$(dirname "$0")/lib/harness.bash" "$@"

p="$work/sample.kodex"
expect_rc 0 k sample "$p" --from "$src"

# Frequencies: the CSV's numbers equal the codings the CLI lists.
expect_rc 0 k export frequencies "$p" -o "$work/freq.csv"
partner=$(k --json codings "$p" --code "Transmitterrolle der Clustermanagements/Partner verbinden" | jq length)
row=$(grep '^"\?Transmitterrolle der Clustermanagements/Partner verbinden' "$work/freq.csv")
expect_eq "$(cut -d, -f3 <<<"$row")" "$partner" "frequency of Partner verbinden"
expect_rc 0 k export frequencies "$p" -o "$work/freq.svg"
expect_rc 0 xmllint --noout "$work/freq.svg"

# Matrix joined on the survey id, German Excel flavour.
expect_rc 0 k export matrix "$p" --join survey_respondent_id --german-excel -o "$work/matrix.csv"
expect_eq "$(head -c 3 "$work/matrix.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "BOM for German Excel"
expect_eq "$(sed -n 2p "$work/matrix.csv" | cut -d';' -f2)" "R017" "join variable second"
expect_eq "$(($(wc -l <"$work/matrix.csv")))" "10" "header plus 9 documents"
expect_rc 0 k export matrix "$p" --presence -o "$work/matrix.xlsx"
expect_rc 0 unzip -tq "$work/matrix.xlsx"

# Crosstab by financing and its heat map.
expect_rc 0 k export crosstab "$p" --variable main_financing -o "$work/xt.csv"
grep -q "N documents" "$work/xt.csv" && ok || bad "crosstab has no N row"
expect_rc 0 k export crosstab "$p" --variable main_financing -o "$work/xt.svg"
expect_rc 0 xmllint --noout "$work/xt.svg"
expect_rc 1 k export crosstab "$p" --variable gibt_es_nicht -o "$work/x.csv"

# SPSS syntax with its data file.
expect_rc 0 k export spss "$p" --join survey_respondent_id -o "$work/spss_matrix.sps"
[ -f "$work/spss_matrix.csv" ] && ok || bad "SPSS data file missing"
grep -q "VARIABLE LABELS" "$work/spss_matrix.sps" && ok || bad "no VARIABLE LABELS"

# Segments and quotes.
expect_rc 0 k export segments "$p" -o "$work/segments.xlsx"
expect_rc 0 k export quotes "$p" --code "Resilienz" -o "$work/quotes.html"
grep -q "Institutionelle Förderung" "$work/quotes.html" && ok || bad "quotes miss a subcode"
expect_rc 0 k export quotes "$p" --code "Resilienz" -o "$work/quotes.docx"
expect_rc 0 unzip -tq "$work/quotes.docx"
expect_rc 1 k export quotes "$p" -o "$work/quotes.pdf"
# The report's words: English by default, German with --language de; a passage anna and ben coded alike is one quote.
expect_rc 0 k export quotes "$p" -o "$work/quotes_en.html"
grep -q '<html lang="en">' "$work/quotes_en.html" && ok || bad "English report without lang=en"
grep -q 'coded by anna, ben' "$work/quotes_en.html" && ok || bad "no quote names both coders"
expect_rc 0 k export quotes "$p" --language de -o "$work/quotes_de.html"
grep -q '<html lang="de">' "$work/quotes_de.html" && ok || bad "German report without lang=de"
grep -q '<h2>Inhalt</h2>' "$work/quotes_de.html" && ok || bad "German report without its contents heading"
grep -q 'Zeile [0-9]* · kodiert von ' "$work/quotes_de.html" && ok || bad "German report cites in English"
grep -qE 'Contents|coded by|line [0-9]' "$work/quotes_de.html" && bad "English words in the German report" || ok
expect_rc 0 k export quotes "$p" --language de -o "$work/quotes_de.md"
expect_eq "$(sed -n 1p "$work/quotes_de.md")" "# sample: Zitate" "German Markdown title"
grep -qE '^[0-9]+ Zitate · [0-9]+ Codes$' "$work/quotes_de.md" && ok || bad "German Markdown summary"
expect_rc 1 k export quotes "$p" --language fr -o "$work/quotes_fr.html"

# Same project, same bytes.
k export matrix "$p" -o "$work/m1.xlsx" && k export matrix "$p" -o "$work/m2.xlsx"
cmp -s "$work/m1.xlsx" "$work/m2.xlsx" && ok || bad "xlsx export is not reproducible"

# Agreement of the two sample coders, and a code query.
expect_rc 0 k --json agreement "$p" --coders anna,ben --doc C01_Automotive_Sachsen --doc C05_Ernaehrungswirtschaft_Niedersachsen
overall=$(jq '.rows[-1]' "$work/out")
expect_eq "$(jq -r .code <<<"$overall")" "(all codes)" "overall row last"
kappa=$(jq .kappa <<<"$overall")
awk -v k="$kappa" 'BEGIN { exit !(k > 0.2 && k < 1) }' && ok || bad "implausible kappa $kappa"
expect_rc 1 k agreement "$p" --coders anna
expect_rc 0 k --json query "$p" "Transmitterrolle der Clustermanagements/Partner verbinden" and "Neue Formate und Kanäle" --same-turn
[ "$(jq length "$work/out")" -ge 1 ] && ok || bad "query found nothing"

finish
