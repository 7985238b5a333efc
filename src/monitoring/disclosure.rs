//! Disclosure control, as statistics offices do it, for figures that leave the team:
//!
//! - a count of 1 up to the threshold (default 5) is shown as "<5";
//! - a share, median, percentile or mean resting on fewer records than the threshold is not
//!   shown;
//! - complementary suppression: where cells add up to a total that is shown, one hidden cell
//!   could be recovered by subtracting the others, so more cells are hidden (the smallest
//!   first, shown as "x") until the hidden ones are at least two and together at least the
//!   threshold, or else the total is hidden as well;
//! - the numerator rule: a share on a base of at least the threshold gives its numerator back
//!   with the base ("15% of 20" is 3), and its rest too ("85% of 20": 3 were not). So the
//!   numerator and the rest are suppressed as two cells of the base, and a share whose
//!   numerator is hidden is coarsened to the range every hidden numerator falls in ("<25" of
//!   20: fewer than 5), one whose rest is hidden likewise (">75"), and one whose numerator and
//!   rest are both under the threshold is hidden ("x");
//! - a share beside a base that is hidden ("x") does not show its numerator either, which
//!   with the percentage would give the base back.

use serde::Serialize;

use super::{Mean, Share, Spread};

/// One value as it may be shown outside the team.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "shown", content = "value", rename_all = "snake_case")]
pub enum Cell {
    /// A count that may be shown as it is (0, or at least the threshold).
    Count(u32),
    /// A count from 1 to under the threshold: "<5".
    Few,
    /// A count hidden so that a "<5" next to it cannot be recovered from a total: "x".
    Hidden,
    /// A share in percent, a median or a mean, its base large enough.
    Number(f64),
    /// A share, median or mean resting on too few records: not shown.
    TooFew,
    /// A share in percent, coarsened: under this (its numerator is hidden).
    Below(u32),
    /// A share in percent, coarsened: over this (the rest of its base is hidden).
    Above(u32),
}

impl Cell {
    /// The cell as text: `threshold` is what "<N" says.
    pub fn text(self, threshold: u32, decimals: usize) -> String {
        match self {
            Cell::Count(n) => n.to_string(),
            Cell::Few => format!("<{threshold}"),
            Cell::Hidden => "x".to_string(),
            Cell::Number(value) => format!("{value:.decimals$}"),
            Cell::TooFew => ".".to_string(),
            Cell::Below(percent) => format!("<{percent}"),
            Cell::Above(percent) => format!(">{percent}"),
        }
    }

    /// The count, when it is shown exactly.
    pub fn exact(self) -> Option<u32> {
        match self {
            Cell::Count(n) => Some(n),
            _ => None,
        }
    }

    pub fn number(self) -> Option<f64> {
        match self {
            Cell::Number(value) => Some(value),
            Cell::Count(n) => Some(f64::from(n)),
            _ => None,
        }
    }
}

/// A count on its own.
pub fn count(n: u32, threshold: u32) -> Cell {
    if n > 0 && n < threshold {
        Cell::Few
    } else {
        Cell::Count(n)
    }
}

fn enough(base: u32, threshold: u32) -> bool {
    base >= threshold.max(1)
}

pub fn share(share: Share, threshold: u32) -> Cell {
    match share.percent() {
        Some(percent) if enough(share.base, threshold) => Cell::Number(percent),
        _ => Cell::TooFew,
    }
}

/// A share and its numerator as they may be shown, by the numerator rule (above).
pub fn share_and_part(of: Share, threshold: u32) -> (Cell, Cell) {
    let value = share(of, threshold);
    let part = count(of.part, threshold);
    if !matches!(value, Cell::Number(_)) {
        return (value, part);
    }
    let rest = of.base.saturating_sub(of.part);
    let (_, cells) = group(of.base, &[of.part, rest], threshold);
    // Where the threshold's worth of records lies as a share of this base, in whole percent
    // that still hold every hidden value: a hidden numerator is under `up`, a hidden rest
    // leaves the share over `down`.
    let hidden = 100.0 * f64::from(threshold) / f64::from(of.base);
    let up = hidden.ceil() as u32;
    let down = (100.0 - hidden).floor().max(0.0) as u32;
    let value = match (cells[0], cells[1]) {
        (Cell::Few, Cell::Few) => Cell::Hidden,
        (Cell::Few, _) => Cell::Below(up),
        (_, Cell::Few) => Cell::Above(down),
        _ => value,
    };
    (value, cells[0])
}

/// A share shown beside its base's cell: where that base is hidden ("x"), an exact numerator
/// beside the percentage would give it back (part ÷ share), so the numerator is hidden too.
pub fn share_beside(of: Share, base: Cell, threshold: u32) -> (Cell, Cell) {
    let (value, part) = share_and_part(of, threshold);
    match (base, part) {
        (Cell::Hidden, Cell::Count(_)) => (value, Cell::Hidden),
        _ => (value, part),
    }
}

pub fn median(spread: Spread, threshold: u32) -> Cell {
    number(spread.median, spread.base, threshold)
}

pub fn p80(spread: Spread, threshold: u32) -> Cell {
    number(spread.p80, spread.base, threshold)
}

pub fn mean(mean: Mean, threshold: u32) -> Cell {
    number(mean.value(), mean.base, threshold)
}

fn number(value: Option<f64>, base: u32, threshold: u32) -> Cell {
    match value {
        Some(value) if enough(base, threshold) => Cell::Number(value),
        _ => Cell::TooFew,
    }
}

/// Cells that add up to `total`, both shown: the total's cell and each part's.
pub fn group(total: u32, parts: &[u32], threshold: u32) -> (Cell, Vec<Cell>) {
    let total_cell = count(total, threshold);
    let mut cells: Vec<Cell> = parts.iter().map(|&n| count(n, threshold)).collect();
    if total_cell == Cell::Few {
        // Every part is then 0 or under the threshold too: nothing to recover.
        return (total_cell, cells);
    }
    let hidden = |cells: &[Cell]| {
        cells
            .iter()
            .zip(parts)
            .filter(|(cell, _)| matches!(cell, Cell::Few | Cell::Hidden))
            .fold((0usize, 0u32), |(n, sum), (_, &part)| (n + 1, sum + part))
    };
    loop {
        let (n, sum) = hidden(&cells);
        if n == 0 || (n >= 2 && sum >= threshold) {
            return (total_cell, cells);
        }
        let next = cells
            .iter()
            .zip(parts)
            .enumerate()
            .filter(|(_, (cell, part))| matches!(cell, Cell::Count(_)) && **part > 0)
            .min_by_key(|(_, (_, part))| **part)
            .map(|(index, _)| index);
        match next {
            Some(index) => cells[index] = Cell::Hidden,
            // Nothing left to hide beside them: the total would give them away.
            None => return (Cell::Hidden, cells),
        }
    }
}
