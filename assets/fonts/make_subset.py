"""Cut Noto Sans CJK SC down to what planboard needs, and write assets/fonts/NotoSansSC-planboard.otf.

Run from the repository root after any change to the data file or the UI strings:
    apt-get install fonts-noto-cjk && pip install fonttools
    python3 assets/fonts/make_subset.py
The font test (tests/fonts.rs) fails when a character of the data or the UI has no glyph.

Face 2 of NotoSansCJK-Regular.ttc is Noto Sans CJK SC: the Simplified Chinese glyph forms
(face 0 is the Japanese one, whose 关, 直, 骨 look wrong to a Chinese reader).
"""
import pathlib, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
OUT = ROOT / "assets/fonts/NotoSansSC-planboard.otf"

chars = set()
# GB 2312: every character of the standard (rows 0xA1–0xF7, cells 0xA1–0xFE).
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
# ASCII with the space, Latin-1, whitespace, punctuation, arrows, maths, CJK punctuation, full width.
ranges = [(0x09, 0x0D), (0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2070, 0x209F),
          (0x2100, 0x215F), (0x2160, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF),
          (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
for a, b in ranges:
    chars.update(chr(c) for c in range(a, b + 1))
# Everything the data files (the reports, the word lists, the places of China) and the source code
# (UI strings) hold.
for path in [*ROOT.glob("data/**/*.ron"), *ROOT.glob("src/**/*.rs")]:
    chars.update(path.read_text(encoding="utf-8"))
chars.discard("\n")
unicodes = ",".join(f"U+{ord(c):04X}" for c in sorted(chars))
subprocess.run([sys.executable, "-m", "fontTools.subset", TTC, "--font-number=2",
                f"--unicodes={unicodes}", "--layout-features=*", "--no-hinting",
                "--name-IDs=*", "--name-languages=*", f"--output-file={OUT}"], check=True)
print(OUT, OUT.stat().st_size, "bytes,", len(chars), "characters requested")
