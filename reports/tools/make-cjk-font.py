#!/usr/bin/python3
"""Builds the CJK font the PDF reports embed: Noto Sans CJK SC Regular (SIL OFL 1.1) taken from
Debian's fonts-noto-cjk .ttc (JasperReports rejects .ttc), converted from CFF to TrueType outlines
(OpenPDF's re-subsetting of CID-keyed CFF produced PDFs whose glyphs poppler and others did not
draw, though the text was extractable), and subset to what Chinese reports print:
ASCII and Latin-1, CJK punctuation, full-width forms, all 6,763 GB 2312 hanzi, and every character of
the division names in data/zhejiang/divisions.csv.

Needs Debian packages fonts-noto-cjk and python3-fonttools. Run from the repository root:
    /usr/bin/python3 reports/tools/make-cjk-font.py   (Debian's python, which has fontTools)
The result is committed; run this again only when names with new characters arrive."""
import csv
import pathlib
import sys

from fontTools.ttLib import TTCollection, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

ROOT = pathlib.Path(__file__).resolve().parents[2]
TTC = pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
OUT = ROOT / "reports/src/main/resources/fonts/NotoSansCJKsc-Regular-subset.ttf"
SC_INDEX = 2  # the collection holds JP, KR, SC, TC, HK in this order

chars = set(chr(c) for c in range(0x20, 0x7F))
chars |= set(chr(c) for c in range(0xA0, 0x100))
chars |= set(chr(c) for c in range(0x3000, 0x3040))   # CJK symbols and punctuation
chars |= set(chr(c) for c in range(0xFF00, 0xFFF0))   # full-width forms
chars |= set("—–‘’“”…·•℃№×÷±≤≥←→↑↓①②③④⑤⑥⑦⑧⑨⑩ⅠⅡⅢⅣ")
for hi in range(0xB0, 0xF8):                          # GB 2312 hanzi rows 16-87
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
with open(ROOT / "data/zhejiang/divisions.csv", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        chars |= set(row["name_zh"])

collection = TTCollection(str(TTC))
font = collection.fonts[SC_INDEX]
name = font["name"].getDebugName(4)
if "SC" not in name:
    sys.exit(f"font {SC_INDEX} of {TTC} is {name}, not the SC face")
options = subset.Options()
options.layout_features = ["*"]
options.name_IDs = ["*"]
options.notdef_outline = True
subsetter = subset.Subsetter(options)
subsetter.populate(text="".join(sorted(chars)))
subsetter.subset(font)


def cff_to_truetype(font):
    """Replaces the CFF table by glyf/loca with quadratic outlines (max error 1 unit of 1000)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


cff_to_truetype(font)
font.save(str(OUT))
print(f"{name}: {len(chars)} characters -> {OUT} ({OUT.stat().st_size // 1024} KiB)")
