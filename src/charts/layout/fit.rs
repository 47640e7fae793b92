//! A value axis that fits its data: a line or time chart of CO2 at 313–416 ppm fills its plot
//! rather than its top quarter. Zero is kept where the data comes near it (the gap to zero is less
//! than half the data's own span: a bar of concentrations, precipitation from 0), or when asked
//! ("从零开始 / Start at zero", `export --zero`); a bar chart keeps it always (its bars' lengths are
//! the values).

/// The share of the span left above and below the data.
const ROOM: f64 = 0.06;

/// The axis for data from `lo` to `hi`; `zero` keeps 0 on it whatever the data.
pub fn fit(lo: f64, hi: f64, zero: bool) -> (f64, f64) {
    let (mut lo, mut hi) = if lo.is_finite() && hi.is_finite() && lo <= hi {
        (lo, hi)
    } else {
        (0.0, 1.0)
    };
    let span = hi - lo;
    let near = |gap: f64| gap <= span * 0.5;
    if zero || (lo > 0.0 && near(lo)) || lo == 0.0 {
        lo = lo.min(0.0);
    }
    if zero || (hi < 0.0 && near(-hi)) || hi == 0.0 {
        hi = hi.max(0.0);
    }
    if hi <= lo {
        // One value: a band around it (or from zero when it is zero's).
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        return if zero || lo == 0.0 {
            (lo.min(0.0), hi.max(0.0) + pad)
        } else {
            (lo - pad, hi + pad)
        };
    }
    let room = (hi - lo) * ROOM;
    let lo = if lo == 0.0 { 0.0 } else { lo - room };
    let hi = if hi == 0.0 { 0.0 } else { hi + room };
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn far_from_zero_the_axis_fits_the_data_and_near_it_keeps_zero() {
        let (lo, hi) = fit(313.0, 416.0, false);
        assert!(
            lo > 300.0 && lo < 313.0 && hi > 416.0 && hi < 425.0,
            "{lo} {hi}"
        );
        assert_eq!(fit(313.0, 416.0, true).0, 0.0, "asked to start at zero");
        assert_eq!(
            fit(2.0, 55.9, false).0,
            0.0,
            "precipitation comes near zero"
        );
        assert_eq!(fit(0.0, 55.9, false).0, 0.0);
        let (lo, hi) = fit(-7.1, 35.6, false);
        assert!(lo < -7.1 && hi > 35.6);
        assert_eq!(fit(-30.0, -20.0, false).1, -20.0 + 10.0 * 0.06);
        assert_eq!(fit(5.0, 5.0, false), (4.5, 5.5));
        assert_eq!(fit(f64::NAN, 1.0, false), (0.0, 1.06));
    }
}
