# Builds the spreadsheet fixtures of tests/data/sheets from the real tables in tests/data/records
# and data/examples/beijing-pm25 with openpyxl (xlsx), xlwt (xls) and pyexcel-ods3 (ods).
import csv, datetime, os, sys
import openpyxl, xlwt, pyexcel_ods3
root = sys.argv[1]
rec = os.path.join(root, 'tests/data/records')
out = os.path.join(root, 'tests/data/sheets')
rows = lambda f: list(csv.DictReader(open(f, encoding='utf-8')))
d = lambda s: datetime.datetime.strptime(s, '%Y-%m-%d')

# 1. A bureau's workbook: a title row, an empty row, headers with units, Excel dates; a sheet of
#    notes (no table); and a second table (monthly CO2) on a sheet of its own starting at B2.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '逐日天气'
ws['A1'] = '西雅图逐日天气观测（2012—2015年）'
ws.append([])
ws.append(['日期', '降水量(mm)', '最高气温(°C)', '最低气温(°C)', '风速(m/s)', '天气'])
for r in rows(os.path.join(rec, 'seattle-weather.csv')):
    ws.append([d(r['date']), float(r['precipitation']), float(r['temp_max']), float(r['temp_min']), float(r['wind']), r['weather']])
for row in ws.iter_rows(min_row=4, max_col=1):
    row[0].number_format = 'yyyy/m/d'
notes = wb.create_sheet('说明')
notes['A1'] = '数据来源：NOAA National Climatic Data Center（经 vega-datasets 3.2.1）'
notes['A2'] = '本工作簿为测试夹具。'
co2 = wb.create_sheet('CO2')
co2['B2'] = 'Date'; co2['C2'] = 'CO2 (ppm)'; co2['D2'] = 'adjusted CO2 (ppm)'
for i, r in enumerate(rows(os.path.join(rec, 'co2-concentration.csv'))):
    co2.cell(row=3 + i, column=2, value=d(r['Date'])).number_format = 'yyyy-mm'
    co2.cell(row=3 + i, column=3, value=float(r['CO2']))
    co2.cell(row=3 + i, column=4, value=float(r['adjusted CO2']))
wb.save(os.path.join(out, 'seattle-weather-and-co2.xlsx'))

# 2. The CO2 table in the old binary format, dates as dates.
book = xlwt.Workbook()
sh = book.add_sheet('co2')
style = xlwt.easyxf(num_format_str='YYYY-MM-DD')
for j, h in enumerate(['Date', 'CO2', 'adjusted CO2']):
    sh.write(0, j, h)
for i, r in enumerate(rows(os.path.join(rec, 'co2-concentration.csv'))):
    sh.write(i + 1, 0, d(r['Date']), style)
    sh.write(i + 1, 1, float(r['CO2']))
    sh.write(i + 1, 2, float(r['adjusted CO2']))
book.save(os.path.join(out, 'co2-concentration.xls'))

# 3. A long table in OpenDocument: year as a date, a source, a value.
data = [['year', 'source', 'net_generation']]
for r in rows(os.path.join(rec, 'iowa-electricity.csv')):
    data.append([d(r['year']).date(), r['source'], int(r['net_generation'])])
pyexcel_ods3.save_data(os.path.join(out, 'iowa-electricity.ods'), {'Sheet1': data})

# 4. Hourly PM2.5 with the date and the time of day in two columns, gaps as empty cells and #N/A.
src = list(csv.DictReader(open(os.path.join(root, 'data/examples/beijing-pm25/beijing-pm25-hourly.csv'))))[:2000]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'PM2.5'
ws.append(['Date', 'Time', 'PM2.5 (μg/m³)', 'TEMP (°C)'])
for i, r in enumerate(src):
    t = datetime.datetime.strptime(r['time'], '%Y-%m-%dT%H:%M')
    pm = float(r['pm2.5']) if r['pm2.5'] else ('#N/A' if i % 2 else None)
    ws.append([t.date(), t.time(), pm, float(r['TEMP'])])
    ws.cell(row=i + 2, column=1).number_format = 'yyyy-mm-dd'
    ws.cell(row=i + 2, column=2).number_format = 'hh:mm'
wb.save(os.path.join(out, 'beijing-pm25-hourly.xlsx'))

# 5. A sheet with a cell that is not a number, for the check's sheet!cell message.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Sheet1'
ws.append(['time', 'v'])
for i in range(5):
    ws.append([datetime.datetime(2024, 1, 1 + i), 'abc' if i == 3 else i])
wb.save(os.path.join(out, 'bad-cell.xlsx'))

# 6. A chart sheet first, then a table of whole-number years over 175 years (numbers, not dates).
from openpyxl.chart import LineChart, Reference
wb = openpyxl.Workbook()
data = wb.active
data.title = 'anomaly'
data.append(['Year', 'Anomaly (°C)'])
for y in range(1850, 2025):
    data.append([y, round((y - 1850) / 100, 2)])
chart = LineChart()
chart.add_data(Reference(data, min_col=2, min_row=1, max_row=176), titles_from_data=True)
cs = wb.create_chartsheet('图表1', 0)
cs.add_chart(chart)
wb.save(os.path.join(out, 'chartsheet-and-years.xlsx'))

# 7. A bureau's table with its header over two rows of merged cells: a title row, then
#    监测时间 | PM2.5 (over 浓度) | 气象 (over 温度, 露点) as merged cells, then hourly rows.
src = list(csv.DictReader(open(os.path.join(root, 'data/examples/beijing-pm25/beijing-pm25-hourly.csv'))))[:3000]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '逐时监测'
ws['A1'] = '北京市逐时空气质量与气象（测试夹具）'
ws['A2'] = '监测时间'; ws['B2'] = 'PM2.5'; ws['C2'] = '气象'
ws['B3'] = '浓度(μg/m³)'; ws['C3'] = '温度(°C)'; ws['D3'] = '露点(°C)'
ws.merge_cells('A2:A3')
ws.merge_cells('C2:D2')
for i, r in enumerate(src):
    t = datetime.datetime.strptime(r['time'], '%Y-%m-%dT%H:%M')
    ws.append([t, float(r['pm2.5']) if r['pm2.5'] else None, float(r['TEMP']), float(r['DEWP'])])
    ws.cell(row=i + 4, column=1).number_format = 'yyyy-mm-dd hh:mm'
wb.save(os.path.join(out, 'merged-header.xlsx'))
