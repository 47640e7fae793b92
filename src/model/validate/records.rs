//! A monitoring record's declaration: its file relative and named, its columns named, its source
//! declared, and how its table is written (a time zone, a time format, a separator, a long table's
//! category) meaning something.

use super::list;
use crate::model::locate::Path;
use crate::model::series::{
    MAX_HEADER_ROWS, MAX_TIME_COLUMNS, SeriesRef, TextEncoding, format_precision, separator_byte,
};
use crate::model::zone::Zone;
use crate::model::{Msg, Report};
use crate::path;

/// A record's file, columns and source: the file relative and named, the columns named, the
/// source declared.
pub(super) fn check_series(
    report: &Report,
    fail: &mut impl FnMut(Path, Msg),
    i: usize,
    id: &str,
    series: &SeriesRef,
) {
    let at = |field: &str| path!["indicators", i, "series", field];
    if series.file.trim().is_empty() {
        fail(
            at("file"),
            Msg::new(
                format!(
                    "the series of `{id}` names no file; expected a CSV file name beside the data file"
                ),
                format!("`{id}` 的序列没有文件名；应为数据文件旁的 CSV 文件名"),
            ),
        );
    } else if std::path::Path::new(&series.file).is_absolute() {
        fail(
            at("file"),
            Msg::new(
                format!(
                    "the series file of `{id}` is an absolute path; expected a path relative to the data file, so the folder can be moved and shared"
                ),
                format!(
                    "`{id}` 的序列文件是绝对路径；应为相对于数据文件的路径，以便整个文件夹可以移动和分享"
                ),
            ),
        );
    }
    let times = series.time.names();
    if times.len() > MAX_TIME_COLUMNS {
        fail(
            at("time"),
            Msg::new(
                format!(
                    "the series of `{id}` reads its time from {} columns; expected one to {MAX_TIME_COLUMNS} (year, month, day, hour, minute, second)",
                    times.len()
                ),
                format!(
                    "`{id}` 的序列从 {} 列读取时间；应为 1 到 {MAX_TIME_COLUMNS} 列（年、月、日、时、分、秒）",
                    times.len()
                ),
            ),
        );
    }
    let time = if times.is_empty() {
        String::new()
    } else {
        times.concat()
    };
    for (field, column) in [("time", &time), ("value", &series.value)] {
        if column.trim().is_empty() {
            fail(
                at(field),
                Msg::new(
                    format!(
                        "the series of `{id}` names no {field} column; expected the column's header"
                    ),
                    format!(
                        "`{id}` 的序列没有指明{}列；应写该列的表头",
                        if field == "time" { "时间" } else { "数值" }
                    ),
                ),
            );
        }
    }
    check_layout(fail, i, id, series);
    if report.source(&series.source).is_none() {
        let ids = list(report.sources.iter().map(|s| s.id.as_str()));
        let source = &series.source;
        fail(
            at("source"),
            Msg::new(
                format!(
                    "the series of `{id}` names source `{source}`, which is not declared; expected one of: {}",
                    ids.en
                ),
                format!(
                    "`{id}` 的序列引用了未声明的来源 `{source}`；应为以下之一：{}",
                    ids.zh
                ),
            ),
        );
    }
}

/// How the table is written: a zone, a format, a separator that mean something; a category with
/// its column.
fn check_layout(fail: &mut impl FnMut(Path, Msg), i: usize, id: &str, series: &SeriesRef) {
    let at = |field: &str| path!["indicators", i, "series", field];
    if let Some(zone) = &series.time_zone
        && let Err(bad) = Zone::parse(zone)
    {
        fail(
            at("time_zone"),
            Msg::new(
                format!("the series of `{id}`: {bad}"),
                format!(
                    "`{id}` 的序列：`{zone}` 不是时区；应为 Asia/Shanghai、Europe/London 这样的 IANA 名称，或 +08:00、-05:00、UTC 这样的时差"
                ),
            ),
        );
    }
    if let Some(format) = &series.format
        && let Err(bad) = format_precision(format)
    {
        fail(
            at("format"),
            Msg::new(
                format!("the series of `{id}`: {bad}"),
                format!(
                    "`{id}` 的序列：`{format}` 不是能给出日期的时间格式；应为 %Y%m%d、%d/%m/%Y %H:%M、%Y年%m月%d日 这样的 strptime 字段"
                ),
            ),
        );
    }
    if let Some(sep) = &series.separator
        && separator_byte(sep).is_none()
    {
        fail(
            at("separator"),
            Msg::new(
                format!(
                    "the series of `{id}` names separator `{sep}`; expected one character such as \",\", \";\", \"|\" or \"\\t\" (a tab)"
                ),
                format!(
                    "`{id}` 的序列的分隔符 `{sep}` 无效；应为一个字符，如 \",\"、\";\"、\"|\" 或 \"\\t\"（制表符）"
                ),
            ),
        );
    }
    if let Some(rows) = series.header_rows
        && !(1..=MAX_HEADER_ROWS).contains(&rows)
    {
        fail(
            at("header_rows"),
            Msg::new(
                format!(
                    "the series of `{id}` has its header over {rows} rows; expected 1 to {MAX_HEADER_ROWS}"
                ),
                format!("`{id}` 的序列的表头写成 {rows} 行；应为 1 到 {MAX_HEADER_ROWS} 行"),
            ),
        );
    }
    if let Some(name) = &series.encoding
        && TextEncoding::parse(name).is_none()
    {
        fail(
            at("encoding"),
            Msg::new(
                format!(
                    "the series of `{id}` names encoding `{name}`; expected \"UTF-8\", \"GB18030\" (or \"GBK\"), \"UTF-16LE\" or \"UTF-16BE\""
                ),
                format!(
                    "`{id}` 的序列的编码 `{name}` 无法读取；应为 \"UTF-8\"、\"GB18030\"（或 \"GBK\"）、\"UTF-16LE\" 或 \"UTF-16BE\""
                ),
            ),
        );
    }
    match (&series.by, &series.category) {
        (Some(_), None) => fail(
            at("by"),
            Msg::new(
                format!(
                    "the series of `{id}` names a category column (`by`) but no `category`; expected the value of that column this record reads"
                ),
                format!(
                    "`{id}` 的序列指明了分类列（`by`）却没有 `category`；应写出本记录读取的该列取值"
                ),
            ),
        ),
        (None, Some(_)) => fail(
            at("category"),
            Msg::new(
                format!(
                    "the series of `{id}` names a `category` but no column it is in; expected `by` naming that column"
                ),
                format!("`{id}` 的序列有 `category` 却没有指明所在列；应用 `by` 写出该列"),
            ),
        ),
        _ => {}
    }
}
