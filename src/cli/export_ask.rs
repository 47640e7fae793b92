//! What `planboard export` was asked for, checked against the data: the series `--hide` names and
//! the charts asked for (with their time window), or a typed refusal that says what was expected.

use planboard::model;

use super::time_window;

/// Why `export` cannot make what it was asked for: the message to print.
#[derive(Debug, thiserror::Error)]
pub enum ExportAskError {
    #[error("--hide {spec}: expected CHART_ID:SERIES, e.g. headline:gdp")]
    HideForm { spec: String },
    #[error("--hide {spec}: {name} has no chart `{chart}`")]
    HideChart {
        spec: String,
        name: String,
        chart: String,
    },
    #[error("--hide {spec}: chart `{chart}` has no series `{series}`; expected one of: {keys}")]
    HideSeries {
        spec: String,
        chart: String,
        series: String,
        keys: String,
    },
    #[error("{name} has no chart `{id}`; expected one of: {ids}")]
    Chart {
        name: String,
        id: String,
        ids: String,
    },
    #[error(transparent)]
    Window(#[from] time_window::TimeWindowError),
}

/// The series `--hide CHART_ID:SERIES` hides, by chart; a chart or series the data does not have
/// is refused.
pub fn hidden_series(
    hide: &[String],
    report: &model::Report,
    name: &str,
) -> Result<std::collections::BTreeMap<String, std::collections::BTreeSet<String>>, ExportAskError>
{
    let mut hidden = std::collections::BTreeMap::<_, std::collections::BTreeSet<_>>::new();
    for spec in hide {
        let Some((chart, series)) = spec.split_once(':') else {
            return Err(ExportAskError::HideForm { spec: spec.clone() });
        };
        let Some(c) = report.chart(chart) else {
            return Err(ExportAskError::HideChart {
                spec: spec.clone(),
                name: name.to_owned(),
                chart: chart.to_owned(),
            });
        };
        let keys = planboard::charts::toggle_keys(c);
        if !keys.iter().any(|k| k == series) {
            return Err(ExportAskError::HideSeries {
                spec: spec.clone(),
                chart: chart.to_owned(),
                series: series.to_owned(),
                keys: keys.join(", "),
            });
        }
        hidden
            .entry(chart.to_owned())
            .or_default()
            .insert(series.to_owned());
    }
    Ok(hidden)
}

/// The chart `id` names, if the data has it and the time window asked for meets its record,
/// with the view it is exported with (the window in its record's calendar).
pub fn chart_to_export<'r>(
    report: &'r model::Report,
    id: &str,
    name: &str,
    ask: &time_window::WindowAsk,
) -> Result<(&'r model::Chart, planboard::charts::time::TimeView), ExportAskError> {
    let Some(chart) = report.chart(id) else {
        return Err(ExportAskError::Chart {
            name: name.to_owned(),
            id: id.to_owned(),
            ids: report
                .charts
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    };
    let view = time_window::chart_view(report, chart, ask)?;
    Ok((chart, view))
}
