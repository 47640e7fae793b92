//! `planboard export`'s window of time for time charts: `--from`, `--to` and `--means` read,
//! and a window that misses a chart's record refused.

use planboard::charts::time::TimeView;
use planboard::model::time::{IsoTime, Precision, parse_iso};
use planboard::model::zone::Zone;

use super::ExportArgs;

/// Why `--from`, `--to` or `--means` cannot be used: said on the command line, which speaks
/// English.
#[derive(Debug, thiserror::Error)]
pub enum TimeWindowError {
    #[error("--{flag} {text}: expected {expected}")]
    NotATime {
        flag: &'static str,
        text: String,
        expected: &'static str,
    },
    #[error("--from {from} --to {to}: expected --to after --from")]
    Backwards { from: String, to: String },
    #[error(
        "--from/--to: chart `{chart}` has data from {start} to {end}; expected a window that overlaps it"
    )]
    MissesRecord {
        chart: String,
        start: String,
        end: String,
    },
}

/// The window `--from` and `--to` ask for, as written: a time without an offset is a civil time
/// of each chart's own calendar (a record kept in UTC reads `--from 2013-01-01` as UTC midnight),
/// so it becomes instants only once a chart's zone is known ([`chart_view`]).
pub struct WindowAsk {
    from: Option<IsoTime>,
    to: Option<IsoTime>,
    /// The ends as given, for messages.
    written: (String, String),
    means: Option<planboard::model::series::Averaging>,
    zero: bool,
}

impl WindowAsk {
    /// The view in `zone`'s calendar; `--to` must come after `--from` there.
    fn view_in(&self, zone: &Zone) -> Result<TimeView, TimeWindowError> {
        let instant = |iso: Option<IsoTime>, flag: &'static str, text: &str| {
            iso.map(|iso| {
                zone.instant_of_iso(iso)
                    .ok_or_else(|| TimeWindowError::NotATime {
                        flag,
                        text: text.to_owned(),
                        expected: "a time the calendar can count",
                    })
            })
            .transpose()
        };
        let from = instant(self.from, "from", &self.written.0)?;
        let to = instant(self.to, "to", &self.written.1)?;
        let window = match (from, to) {
            (None, None) => None,
            (Some(a), Some(b)) if b <= a => {
                return Err(TimeWindowError::Backwards {
                    from: self.written.0.clone(),
                    to: self.written.1.clone(),
                });
            }
            (a, b) => Some((a.unwrap_or(i64::MIN / 4), b.unwrap_or(i64::MAX / 4))),
        };
        Ok(TimeView {
            window,
            means: self.means,
            zero: self.zero,
        })
    }
}

/// The view `chart` is exported with: the window asked for in the calendar of its record (its
/// zone), which must hold some of the record — one after its end would show a sliver of its last
/// minutes, and say nothing of what was asked. A chart with no record takes China's calendar.
pub fn chart_view(
    report: &planboard::model::Report,
    chart: &planboard::model::Chart,
    ask: &WindowAsk,
) -> Result<TimeView, TimeWindowError> {
    if ask.from.is_none() && ask.to.is_none() {
        return ask.view_in(&Zone::china());
    }
    let spec = planboard::charts::build(
        report,
        chart,
        planboard::model::Lang::En,
        &std::collections::BTreeSet::default(),
    );
    let Some(time) = spec.time() else {
        return ask.view_in(&Zone::china());
    };
    let view = ask.view_in(&time.zone)?;
    let Some((a, b)) = view.window else {
        return Ok(view);
    };
    let (e0, e1) = time.extent;
    if b <= e0 || a > e1 {
        return Err(TimeWindowError::MissesRecord {
            chart: chart.id.clone(),
            start: time.zone.format_labelled(e0, Precision::Minute),
            end: time.zone.format_labelled(e1, Precision::Minute),
        });
    }
    Ok(view)
}

/// `--from`, `--to` and `--means` read; a message when a time is no time, or when `--to` is not
/// after `--from` (in China's calendar here; each chart's own is checked again).
pub fn time_view(args: &ExportArgs) -> Result<WindowAsk, TimeWindowError> {
    let read = |flag: &'static str, text: &Option<String>| {
        text.as_deref()
            .map(|t| {
                parse_iso(t).map_err(|expected| TimeWindowError::NotATime {
                    flag,
                    text: t.to_owned(),
                    expected,
                })
            })
            .transpose()
    };
    let ask = WindowAsk {
        from: read("from", &args.window.0)?,
        to: read("to", &args.window.1)?,
        written: (
            args.window.0.clone().unwrap_or_default(),
            args.window.1.clone().unwrap_or_default(),
        ),
        means: args.means,
        zero: args.zero,
    };
    ask.view_in(&Zone::china())?;
    Ok(ask)
}
