//! `planboard export`'s window of time for time charts: `--from`, `--to` and `--means` read,
//! and a window that misses a chart's record refused.

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

/// A window asked for must hold some of a time chart's record: one after its end would show a
/// sliver of its last minutes, and say nothing of what was asked.
pub fn window_meets_record(
    report: &planboard::model::Report,
    chart: &planboard::model::Chart,
    view: &planboard::charts::time::TimeView,
) -> Result<(), TimeWindowError> {
    use planboard::model::time::{Precision, format_instant};
    let Some((a, b)) = view.window else {
        return Ok(());
    };
    let spec = planboard::charts::build(
        report,
        chart,
        planboard::model::Lang::En,
        &std::collections::BTreeSet::default(),
    );
    let Some(time) = spec.time() else {
        return Ok(());
    };
    let (e0, e1) = time.extent;
    if b <= e0 || a > e1 {
        return Err(TimeWindowError::MissesRecord {
            chart: chart.id.clone(),
            start: format_instant(e0, Precision::Minute),
            end: format_instant(e1, Precision::Minute),
        });
    }
    Ok(())
}

/// The view of time charts `--from`, `--to` and `--means` ask for; a message when a time is no time.
pub fn time_view(args: &ExportArgs) -> Result<planboard::charts::time::TimeView, TimeWindowError> {
    let read = |flag: &'static str, text: &Option<String>| {
        text.as_deref()
            .map(|t| {
                planboard::model::time::parse_instant(t)
                    .map(|x| x.0)
                    .map_err(|expected| TimeWindowError::NotATime {
                        flag,
                        text: t.to_owned(),
                        expected,
                    })
            })
            .transpose()
    };
    let window = match (read("from", &args.window.0)?, read("to", &args.window.1)?) {
        (None, None) => None,
        (Some(a), Some(b)) if b <= a => {
            let (from, to) = (
                args.window.0.as_deref().unwrap_or_default(),
                args.window.1.as_deref().unwrap_or_default(),
            );
            return Err(TimeWindowError::Backwards {
                from: from.to_owned(),
                to: to.to_owned(),
            });
        }
        (a, b) => Some((a.unwrap_or(i64::MIN / 4), b.unwrap_or(i64::MAX / 4))),
    };
    Ok(planboard::charts::time::TimeView {
        window,
        means: args.means,
        zero: args.zero,
    })
}
