//! The draft of tables of the shapes monitoring data is published in, each loaded as `check` would.

use std::path::Path;

use super::{Origin, RecordDraftError, TableRequest, TableText, check, draft_table};

/// Draft `csv` written as `name` in a temporary folder; the data file's text and the check's
/// verdict.
fn drafted(name: &str, csv: &str, req: &TableRequest) -> Result<String, RecordDraftError> {
    let dir = tempfile::tempdir().map_err(|e| RecordDraftError::Read {
        file: name.to_owned(),
        err: e.to_string(),
    })?;
    let table = dir.path().join(name);
    std::fs::write(&table, csv).map_err(|e| RecordDraftError::Read {
        file: name.to_owned(),
        err: e.to_string(),
    })?;
    let out = dir.path().join("draft.ron");
    let text = TableText {
        origin: Origin::text(name),
        text: csv,
        encoding: crate::model::series::TextEncoding::Utf8,
    };
    let d = draft_table(&[text], &table, &out, req)?;
    check(&d.ron, &out)?;
    Ok(d.ron)
}

fn ok(name: &str, csv: &str) -> String {
    match drafted(name, csv, &TableRequest::default()) {
        Ok(ron) => ron,
        Err(e) => format!("ERROR {e}"),
    }
}

#[test]
fn a_weather_table_with_a_text_column_and_units_in_headers() {
    let ron = ok(
        "weather.csv",
        "date,precipitation,temp_max (°C),temp_min (°C),weather\n\
         2012-01-01,0.0,12.8,5.0,drizzle\n\
         2012-01-02,10.9,10.6,2.8,rain\n\
         2012-01-03,0.8,11.7,7.2,rain\n",
    );
    assert!(ron.contains("time: \"date\""), "{ron}");
    assert!(ron.contains("Column `weather` is not drawn"), "{ron}");
    assert!(ron.contains("(id: \"c\", zh: \"°C\", en: \"°C\")"), "{ron}");
    assert!(ron.contains("kind: TimeSeries"), "{ron}");
}

#[test]
fn compact_dates_notes_before_the_header_and_sentinels() {
    let ron = ok(
        "co2.csv",
        "# Mauna Loa weekly CO2\n# ppm\n\
         date,co2\n19580329,316.19\n19580405,317.31\n19580412,-999.99\n19580419,-999.99\n",
    );
    assert!(ron.contains("format: \"%Y%m%d\""), "{ron}");
    assert!(ron.contains("header_line: 3"), "{ron}");
    assert!(ron.contains("missing: [\"-999.99\"]"), "{ron}");
    let ron = ok(
        "co2.csv",
        "date,co2,co2 10 years ago\n19580329,316.19,-999.99\n19580405,317.31,-999.99\n",
    );
    assert!(
        ron.contains("Column `co2 10 years ago` is not drawn: every cell of it the draft saw is empty or a mark for no value"),
        "{ron}"
    );
}

#[test]
fn day_first_decided_by_a_value_or_asked() {
    let ron = ok(
        "power.txt",
        "Date;Time;Global_active_power\n\
         16/12/2006;17:24:00;4.216\n16/12/2006;17:25:00;?\n",
    );
    assert!(ron.contains("format: \"%d/%m/%Y %H:%M:%S\""), "{ron}");
    assert!(ron.contains("time: [\"Date\", \"Time\"]"), "{ron}");
    assert!(ron.contains("missing: [\"?\"]"), "{ron}");
    let err = ok("a.csv", "date,v\n01/02/2012,1\n02/03/2012,2\n");
    assert!(
        err.contains("a.csv:2:1: the dates of `date` (such as `01/02/2012`) read both day-first and month-first")
            && err.contains("--day-first or --month-first"),
        "{err}"
    );
}

#[test]
fn a_long_table_becomes_a_record_a_station() {
    let ron = ok(
        "no2.csv",
        "No,year,month,day,hour,NO2,station\n\
         1,2013,3,1,0,12,Dongsi\n2,2013,3,1,0,20,Tiantan\n\
         3,2013,3,1,1,NA,Dongsi\n4,2013,3,1,1,22,Tiantan\n",
    );
    assert!(
        ron.contains("time: [\"year\", \"month\", \"day\", \"hour\"]"),
        "{ron}"
    );
    assert!(ron.contains("by: \"station\""), "{ron}");
    assert!(ron.contains("category: \"Tiantan\""), "{ron}");
    assert!(
        ron.contains("Column `No` is not drawn: it numbers the rows"),
        "{ron}"
    );
}

#[test]
fn bad_tables_say_where_and_what_to_do() {
    let err = ok("x.csv", "a,b\nx,1\ny,2\n");
    assert!(err.contains("x.csv:1:1: no column holds times"), "{err}");
    let err = ok("x.csv", "t,v\n2012-01-01,1\n2012/01/02,2\n2012-01-03,3\n");
    assert!(
        err.contains("x.csv:3:1: `2012/01/02` in column `t` is written differently"),
        "{err}"
    );
    let err = ok("x.csv", "t,v\n2012-01-02,1\n2012-01-01,2\n");
    assert!(
        err.contains("does not pass the check") && err.contains("earlier than line 2"),
        "{err}"
    );
    assert!(!Path::new("draft.ron").exists());
}

#[test]
fn notes_with_line_breaks_and_inch_marks_keep_every_row() {
    let csv = "date,snow,note\n\
         2012-01-01,2.5,\"heavy, wet\nroads closed\"\n\
         2012-01-02,1.0,about 2\" on cars\n\
         2012-01-03,0.0,\n\
         2012-01-04,0.5,\"a \"\"dusting\"\"\"\n\
         2012-01-05,3.0,another 3\" here\n";
    let seen = super::sniff::sniff(csv, None).map(|s| s.rows);
    let dates: Vec<&str> = seen
        .iter()
        .flatten()
        .map(|(_, cells)| cells[0].as_str())
        .collect();
    assert_eq!(
        dates,
        [
            "2012-01-01",
            "2012-01-02",
            "2012-01-03",
            "2012-01-04",
            "2012-01-05"
        ]
    );
    let ron = ok("notes.csv", csv);
    assert!(ron.contains("value: \"snow\""), "{ron}");
    assert!(
        ron.contains("Column `note` is not drawn: it holds text (such as `a \"dusting\"`)"),
        "{ron}"
    );
}

#[test]
fn a_header_over_two_rows_of_merged_cells_names_each_column_by_both() {
    let ron = ok(
        "air.csv",
        "日期,PM2.5,,PM10,,备注\n\
         ,1小时平均,24小时平均,1小时平均,24小时平均,\n\
         2024-01-01,35,50,60,55,\n\
         2024-01-02,40,57,70,60,晴\n\
         2024-01-03,38,52,66,58,\n",
    );
    assert!(ron.contains("header_rows: 2"), "{ron}");
    for value in [
        "PM2.5 1小时平均",
        "PM2.5 24小时平均",
        "PM10 1小时平均",
        "PM10 24小时平均",
    ] {
        assert!(
            ron.contains(&format!("value: \"{value}\"")),
            "{value}: {ron}"
        );
    }
    // A units row under named columns is no merged header: the draft stops at it as before.
    let seen = super::sniff::sniff("t,v\n,ppm\n2024-01-01,1\n2024-01-02,2\n", None);
    assert_eq!(seen.map(|s| s.header_rows), Some(1));
}

#[test]
fn a_date_and_an_hour_column_of_chinas_hourly_air_data_make_the_time() {
    // The shape of China's national hourly air data: date, hour, the pollutant, a column a station.
    let mut csv = String::from("date,hour,type,1001A,1002A,1003A\n");
    for hour in 0..3 {
        for kind in ["AQI", "PM2.5", "PM10"] {
            csv.push_str(&format!(
                "20240101,{hour},{kind},{},{},\n",
                30 + hour,
                40 - hour
            ));
        }
    }
    let ron = ok("china_sites_20240101.csv", &csv);
    assert!(ron.contains("time: [\"date\", \"hour\"]"), "{ron}");
    assert!(ron.contains("format: \"%Y%m%d %H\""), "{ron}");
    assert!(ron.contains("by: \"type\""), "{ron}");
    assert!(ron.contains("category: \"PM2.5\""), "{ron}");
    // A unit a pollutant, not a station: a chart is one pollutant across the stations.
    assert!(
        ron.contains("No header names the unit of `PM2.5`, a value of `type`"),
        "{ron}"
    );
    assert!(
        ron.contains("title: (zh: \"1001A · PM2.5, 1002A · PM2.5\""),
        "{ron}"
    );
    assert_eq!(ron.matches("kind: TimeSeries").count(), 3, "{ron}");
    assert!(
        ron.contains("Column `1003A` is not drawn: every cell of it the draft saw is empty"),
        "{ron}"
    );
}

#[test]
fn rows_a_station_and_columns_a_pollutant_keep_a_unit_a_column() {
    let mut csv = String::from("日期,站点,PM2.5,PM10,O3\n");
    for day in 1..=3 {
        for station in ["市监测站", "开发区", "高新区"] {
            csv.push_str(&format!("2024-01-0{day},{station},{day}1,{day}2,{day}3\n"));
        }
    }
    let ron = ok("stations.csv", &csv);
    assert!(ron.contains("by: \"站点\""), "{ron}");
    assert!(ron.contains("(id: \"pm2_5_unit\""), "{ron}");
    assert!(!ron.contains("市监测站_unit"), "{ron}");
}

#[test]
fn first_rows_of_data_or_a_title_are_no_second_header_row() {
    // pandas' unnamed index, a first day with no values.
    let ron = ok(
        "pandas.csv",
        ",PM2.5,PM10\n2024-01-01,,\n2024-01-02,3,4\n2024-01-03,5,6\n",
    );
    assert!(!ron.contains("header_rows"), "{ron}");
    // A remarks column with no header.
    let ron = ok(
        "remarks.csv",
        "日期,PM2.5,PM10,\n2024/01/01,,,停电\n2024/01/02,3,4,\n2024/01/03,5,6,\n",
    );
    assert!(!ron.contains("header_rows"), "{ron}");
    assert!(ron.contains("time: \"日期\""), "{ron}");
    // A title of two cells above the header.
    let ron = ok(
        "title.csv",
        "2024年1月空气质量,,单位：μg/m³\n日期,PM2.5,PM10\n2024-01-01,1,2\n2024-01-02,3,4\n",
    );
    assert!(ron.contains("header_line: 2"), "{ron}");
    assert!(!ron.contains("header_rows"), "{ron}");
    // The hour of a daily peak beside daily values is a value, not the time's hour.
    let ron = ok(
        "peak.csv",
        "日期,AQI,时\n2024-01-01,50,14\n2024-01-02,60,9\n2024-01-03,70,11\n",
    );
    assert!(ron.contains("time: \"日期\""), "{ron}");
}

#[test]
fn a_merged_header_with_a_line_break_in_a_quoted_name_reads() {
    let ron = ok(
        "breaks.csv",
        "监测时间,PM2.5,,PM10,\n\
         ,\"浓度\n(μg/m³)\",指数,\"浓度\n(μg/m³)\",指数\n\
         2024-01-01 00:00,1,2,3,4\n\
         2024-01-01 01:00,5,6,7,8\n",
    );
    assert!(ron.contains("header_rows: 2"), "{ron}");
    assert!(ron.contains("value: \"PM10 浓度\\n(μg/m³)\""), "{ron}");
}

#[test]
fn a_table_of_many_stations_says_each_reason_once() {
    let stations: Vec<String> = (1..=300).map(|n| format!("{}A", 1000 + n)).collect();
    let mut csv = format!("date,hour,type,{}\n", stations.join(","));
    for hour in 0..3 {
        for kind in ["AQI", "PM2.5", "PM10"] {
            let cells: Vec<String> = (1..=300)
                .map(|n| {
                    if n % 10 == 0 {
                        String::new()
                    } else {
                        format!("{}", n + hour)
                    }
                })
                .collect();
            csv.push_str(&format!("20240101,{hour},{kind},{}\n", cells.join(",")));
        }
    }
    let ron = ok("china_sites_20240101.csv", &csv);
    assert_eq!(
        ron.matches("Column `1010A` is not drawn").count(),
        1,
        "{}",
        &ron[..2000.min(ron.len())]
    );
    assert_eq!(ron.matches("category: ").count(), 270 * 3);
    // Under 500 bytes a record: 30,000 records stay within a data file's 16 MiB.
    assert!(ron.len() < 270 * 3 * 500, "{} bytes", ron.len());
}

#[test]
fn hours_numbered_1_to_24_end_each_day_at_the_next_days_midnight() {
    let mut csv = String::from("date,hour,type,1001A\n");
    for hour in 1..=24 {
        for kind in ["AQI", "PM2.5"] {
            csv.push_str(&format!("20240101,{hour},{kind},{}\n", 30 + hour));
        }
    }
    let ron = ok("hour_ending.csv", &csv);
    assert!(ron.contains("format: \"%Y%m%d %H\""), "{ron}");
    assert!(
        ron.contains("hour 24 is the day's end, the next day's 0:00"),
        "{ron}"
    );
}

#[test]
fn several_time_columns_given_with_time_and_no_format_are_read() {
    let asked = |columns: &[&str]| TableRequest {
        time: super::time_guess::TimeAsked {
            columns: Some(columns.iter().map(|&c| c.to_owned()).collect()),
            ..Default::default()
        },
        ..TableRequest::default()
    };
    // A daily peak hour the draft leaves a value unless --time joins it.
    let csv = "day,hr,v\n20240101,14,5\n20240102,9,6\n20240103,24,7\n";
    let ron = drafted("peak.csv", csv, &asked(&["day", "hr"])).unwrap_or_else(|e| e.to_string());
    assert!(ron.contains("time: [\"day\", \"hr\"]"), "{ron}");
    assert!(ron.contains("format: \"%Y%m%d %H\""), "{ron}");
    let csv = "d,clock,v\n2024-01-01,13:00,5\n2024-01-01,14:00,6\n";
    let ron = drafted("clock.csv", csv, &asked(&["d", "clock"])).unwrap_or_else(|e| e.to_string());
    assert!(ron.contains("format: \"%Y-%m-%d %H:%M\""), "{ron}");
    let csv = "年,月,v\n2024,1,5\n2024,2,6\n";
    let ron = drafted("months.csv", csv, &asked(&["年", "月"])).unwrap_or_else(|e| e.to_string());
    assert!(ron.contains("time: [\"年\", \"月\"]"), "{ron}");
    let csv = "d,note,v\n2024-01-01,abc,5\n2024-01-02,def,6\n";
    let err = drafted("bad.csv", csv, &asked(&["d", "note"]))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("`abc` in column `note` is not a time"),
        "{err}"
    );
}

#[test]
fn an_unnamed_column_keeps_its_header_and_a_name_written_twice_is_said_once() {
    // An unnamed remarks column over full rows: the header stays the header.
    let ron = ok(
        "remarks.csv",
        "日期,PM2.5,PM10,\n2024/01/01,1,2,停电\n2024/01/02,3,4,晴\n2024/01/03,5,6,晴\n",
    );
    assert!(!ron.contains("header_line"), "{ron}");
    assert!(ron.contains("value: \"PM2.5\""), "{ron}");
    // A merged header written out in both rows.
    let ron = ok(
        "both.csv",
        "监测时间,PM2.5,,PM10,\n监测时间,浓度,指数,浓度,指数\n\
         2024-01-01 00:00,1,2,3,4\n2024-01-01 01:00,5,6,7,8\n",
    );
    assert!(ron.contains("time: \"监测时间\""), "{ron}");
    assert!(ron.contains("value: \"PM10 浓度\""), "{ron}");
}

#[test]
fn a_time_of_day_is_joined_only_to_a_date_and_each_pollutant_has_its_unit() {
    let asked = TableRequest {
        time: super::time_guess::TimeAsked {
            columns: Some(vec!["t".to_owned(), "hr".to_owned()]),
            ..Default::default()
        },
        ..TableRequest::default()
    };
    let csv = "t,hr,v\n2024/01/01 10:00,13,5\n2024/01/01 11:00,14,6\n";
    let err = drafted("t.csv", csv, &asked).unwrap_or_else(|e| e.to_string());
    assert!(err.contains("`13` in column `hr` is not a time"), "{err}");
    // One station, a row a pollutant: a unit a pollutant still.
    let mut csv = String::from("date,hour,type,1001A\n");
    for hour in 0..3 {
        for kind in ["AQI", "CO"] {
            csv.push_str(&format!("20240101,{hour},{kind},{}\n", 30 + hour));
        }
    }
    let ron = ok("one.csv", &csv);
    assert!(ron.contains("(id: \"co_unit\""), "{ron}");
    assert_eq!(ron.matches("kind: TimeSeries").count(), 2, "{ron}");
}
