"""Write seattle-weather.csv (unchanged numbers) as Excel on Chinese Windows saves a table:
"CSV (逗号分隔)" in GBK, and "Unicode 文本" in UTF-16LE with its mark and tabs; the headers and
the weather words in Chinese, and a note column whose quoted cells hold commas and line breaks.
Run from this folder: python3 make_encoded.py"""
import csv
import io

HEAD = ["日期", "降水量(mm)", "最高气温(℃)", "最低气温(℃)", "风速(m/s)", "天气", "备注"]
WEATHER = {"drizzle": "毛毛雨", "rain": "雨", "sun": "晴", "fog": "雾", "snow": "雪"}

rows = list(csv.reader(open("seattle-weather.csv", newline="", encoding="utf-8")))[1:]
out = []
for i, r in enumerate(rows):
    note = ""
    if r[5] == "snow":
        note = "降雪，道路湿滑\n请注意出行"
    out.append(r[:5] + [WEATHER[r[5]], note])

buf = io.StringIO(newline="")
w = csv.writer(buf, lineterminator="\r\n")
w.writerow(HEAD)
w.writerows(out)
open("seattle-weather-gbk.csv", "wb").write(buf.getvalue().encode("gbk"))

buf = io.StringIO(newline="")
w = csv.writer(buf, delimiter="\t", lineterminator="\r\n")
w.writerow(HEAD)
w.writerows(out)
open("seattle-weather-utf16.txt", "wb").write(b"\xff\xfe" + buf.getvalue().encode("utf-16-le"))
