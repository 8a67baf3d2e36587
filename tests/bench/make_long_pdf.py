# SPDX-License-Identifier: GPL-3.0-or-later
# A long text PDF for tests/bench/pdf_import.sh: PAGES pages of an interview, 46 lines each, some words
# hyphenated at line ends. Needs python3-reportlab and fonts-dejavu-core.
import random
import sys

from reportlab import rl_config

rl_config.invariant = 1
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

WORDS = ("Förderung Netzwerk Unternehmen Krise Cluster Kooperation Maßnahmen Zusammenarbeit Hochschule "
         "Veranstaltung Mitglieder Geschäftsführung digital Austausch Vertrauen Projekt Partner Region "
         "schwierig wichtig gemeinsam plötzlich natürlich eigentlich wirklich und die der das mit für auf "
         "nicht wir haben war sind ist eine einen sehr auch noch dann aber weil dass").split()


def lines(rng, n, width=80):
    out, line = [], ""
    speaker = "I"
    while len(out) < n:
        if not line:
            line = speaker + ": "
            speaker = "B" if speaker == "I" else "I"
        word = rng.choice(WORDS)
        if len(line) + len(word) + 1 > width:
            if len(word) > 8 and rng.random() < 0.5:
                cut = len(word) // 2
                out.append(line + word[:cut] + "-")
                line = word[cut:] + " "
            else:
                out.append(line.rstrip())
                line = word + " "
            if rng.random() < 0.15:
                out.append(line.rstrip())
                line = ""
        else:
            line += word + " "
    return out


def main(path, pages):
    pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    rng = random.Random(4)
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    for _ in range(pages):
        c.setFont("DejaVuSans", 10)
        y = A4[1] - 60
        for line in lines(rng, 46):
            c.drawString(60, y, line)
            y -= 16
        c.showPage()
    c.save()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100)
