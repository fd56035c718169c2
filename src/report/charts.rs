//! The report's pictures as plain geometry, for the template to draw as SVG:
//! the events over time by kind, the death tolls, and the map of places.
//! Everything is computed here, in user units of a fixed-width drawing.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::{date_label, thousands, toll_words};
use crate::model::{Event, Kind, Qualifier};

const WIDTH: f64 = 960.0;
const LEFT: f64 = 110.0;
const RIGHT: f64 = 16.0;

/// Tolls drawn one by one in a panel; past that, the largest of each month.
const MAX_TOLL_POINTS: usize = 1500;

/// Country outlines (see data/README.md): one SVG path, tenths of a degree.
const WORLD: &str = include_str!("../../data/world-110m.path");

#[derive(Debug, Serialize)]
pub struct Tick {
    x: f64,
    label: String,
}

/// A time axis from `start` to `end` (exclusive) over the drawing's width.
struct Axis {
    start: NaiveDate,
    days: f64,
}

impl Axis {
    fn new(start: NaiveDate, end: NaiveDate) -> Axis {
        Axis { start, days: ((end - start).num_days().max(1)) as f64 }
    }

    fn x(&self, d: NaiveDate) -> f64 {
        round(LEFT + (d - self.start).num_days() as f64 / self.days * (WIDTH - LEFT - RIGHT))
    }

    /// Month ticks for a short axis, year ticks (at most about twelve) for a long one.
    fn ticks(&self) -> Vec<Tick> {
        let end = self.start + chrono::Days::new(self.days as u64);
        let months = (end.year() - self.start.year()) * 12 + end.month() as i32 - self.start.month() as i32;
        let mut out = Vec::new();
        if months <= 18 {
            let mut d = first_of_month(self.start);
            while d <= end {
                if d >= self.start {
                    let format = if d.month() == 1 || out.is_empty() { "%b %Y" } else { "%b" };
                    let label = d.format(format).to_string();
                    out.push(Tick { x: self.x(d), label });
                }
                d = d + Months::new(1);
            }
        } else {
            let years = (end.year() - self.start.year()).max(1);
            let step = (years + 11) / 12;
            for y in self.start.year()..=end.year() {
                let d = NaiveDate::from_ymd_opt(y, 1, 1).expect("January 1st exists");
                if d >= self.start && d <= end && y % step == 0 {
                    out.push(Tick { x: self.x(d), label: y.to_string() });
                }
            }
        }
        out
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("day 1 exists")
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The period events are counted by in the overview.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unit {
    Week,
    Month,
    Year,
}

impl Unit {
    fn of_span(first: NaiveDate, last: NaiveDate) -> Unit {
        match (last - first).num_days() {
            ..=182 => Unit::Week,
            183..=3653 => Unit::Month,
            _ => Unit::Year,
        }
    }

    fn floor(self, d: NaiveDate) -> NaiveDate {
        match self {
            Unit::Week => d - chrono::Days::new(d.weekday().num_days_from_monday() as u64),
            Unit::Month => first_of_month(d),
            Unit::Year => NaiveDate::from_ymd_opt(d.year(), 1, 1).expect("January 1st exists"),
        }
    }

    fn next(self, d: NaiveDate) -> NaiveDate {
        match self {
            Unit::Week => d + chrono::Days::new(7),
            Unit::Month => d + Months::new(1),
            Unit::Year => d + Months::new(12),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }

    fn label(self, d: NaiveDate) -> String {
        match self {
            Unit::Week => format!("week of {}", super::day_label(d)),
            Unit::Month => super::month_label(d),
            Unit::Year => d.year().to_string(),
        }
    }
}

/// Events over time: one lane per kind, a bar per period (week, month or
/// year, by the span), its height the period's count against the lane's peak.
#[derive(Debug, Serialize)]
pub struct Overview {
    width: f64,
    height: f64,
    left: f64,
    unit: &'static str,
    lanes: Vec<Lane>,
    ticks: Vec<Tick>,
    axis_y: f64,
}

#[derive(Debug, Serialize)]
struct Lane {
    kind: &'static str,
    label: &'static str,
    top: f64,
    base: f64,
    peak: usize,
    total: usize,
    bars: Vec<Bar>,
}

#[derive(Debug, Serialize)]
struct Bar {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    title: String,
}

pub fn overview(dated: &[&Event]) -> Option<Overview> {
    const LANE: f64 = 46.0;
    const GAP: f64 = 8.0;
    let first = dated.iter().filter_map(|e| e.date.map(|d| d.start)).min()?;
    let last = dated.iter().filter_map(|e| e.date.map(|d| d.start)).max()?;
    let unit = Unit::of_span(first, last);
    let axis = Axis::new(unit.floor(first), unit.next(unit.floor(last)));
    let mut lanes = Vec::new();
    for (i, kind) in Kind::ALL.iter().enumerate() {
        let mut counts: HashMap<NaiveDate, usize> = HashMap::new();
        for e in dated.iter().filter(|e| e.kind == *kind) {
            if let Some(d) = e.date {
                *counts.entry(unit.floor(d.start)).or_default() += 1;
            }
        }
        let top = 8.0 + i as f64 * (LANE + GAP);
        let base = top + LANE;
        let peak = counts.values().copied().max().unwrap_or(0);
        let mut periods: Vec<(NaiveDate, usize)> = counts.into_iter().collect();
        periods.sort();
        let bars = periods
            .iter()
            .map(|&(start, n)| {
                let x = axis.x(start);
                let w = (axis.x(unit.next(start)) - x - 0.5).max(1.0);
                let h = round((n as f64 / peak as f64 * LANE).max(2.0));
                let noun = if n == 1 { "event" } else { "events" };
                Bar {
                    x,
                    y: round(base - h),
                    w: round(w),
                    h,
                    title: format!("{}: {} {} {noun}", unit.label(start), thousands(n as u64), kind_word(*kind)),
                }
            })
            .collect();
        lanes.push(Lane {
            kind: kind.as_str(),
            label: super::kind_label(*kind),
            top,
            base,
            peak,
            total: periods.iter().map(|p| p.1).sum(),
            bars,
        });
    }
    let axis_y = 8.0 + Kind::ALL.len() as f64 * (LANE + GAP);
    Some(Overview {
        width: WIDTH,
        height: axis_y + 24.0,
        left: LEFT,
        unit: unit.name(),
        lanes,
        ticks: axis.ticks(),
        axis_y,
    })
}

fn kind_word(k: Kind) -> &'static str {
    match k {
        Kind::Talks => "talks",
        Kind::Visit => "visit",
        Kind::Statement => "statement",
        Kind::DeathToll => "death toll",
    }
}

/// Death tolls over time, cumulative and incident tolls in separate panels,
/// on a logarithmic scale. A toll is a mark at the middle of its date
/// interval, with a line across the interval when it is longer than a day;
/// the mark's shape is its qualifier.
#[derive(Debug, Serialize)]
pub struct Tolls {
    width: f64,
    height: f64,
    left: f64,
    panels: Vec<Panel>,
    ticks: Vec<Tick>,
    axis_y: f64,
    note: Option<String>,
}

#[derive(Debug, Serialize)]
struct Panel {
    title: &'static str,
    top: f64,
    base: f64,
    yticks: Vec<Tick>,
    points: Vec<Point>,
}

#[derive(Debug, Serialize)]
struct Point {
    x1: f64,
    x2: f64,
    cx: f64,
    cy: f64,
    shape: &'static str,
    title: String,
    label: Option<String>,
    label_x: f64,
    anchor: &'static str,
}

pub fn tolls(dated: &[&Event]) -> Option<Tolls> {
    const PANEL: f64 = 170.0;
    const GAP: f64 = 44.0;
    let tolls: Vec<&Event> = dated.iter().copied().filter(|e| e.kind == Kind::DeathToll && e.count.is_some()).collect();
    let first = tolls.iter().filter_map(|e| e.date.map(|d| d.start)).min()?;
    let last = tolls.iter().filter_map(|e| e.date.map(|d| d.end)).max()?;
    let axis = Axis::new(first_of_month(first), first_of_month(last) + Months::new(1));
    let count = |e: &Event| e.count.unwrap_or(1).max(1) as f64;
    let low = tolls.iter().map(|e| count(e)).fold(f64::MAX, f64::min).log10().floor();
    let mut high = tolls.iter().map(|e| count(e)).fold(1.0, f64::max).log10().ceil();
    if high <= low {
        high = low + 1.0;
    }
    let mut note = None;
    let mut panels = Vec::new();
    for (i, (cumulative, title)) in
        [(true, "Cumulative tolls (totals over a period)"), (false, "Incident tolls (one event each)")]
            .into_iter()
            .enumerate()
    {
        let top = 22.0 + i as f64 * (PANEL + GAP);
        let base = top + PANEL;
        let y = |c: f64| round(base - (c.log10() - low) / (high - low) * PANEL);
        let mut chosen: Vec<&Event> = tolls.iter().copied().filter(|e| e.cumulative == cumulative).collect();
        if chosen.len() > MAX_TOLL_POINTS {
            note = Some(format!(
                "More than {} tolls in a panel: each month shows its largest toll only.",
                thousands(MAX_TOLL_POINTS as u64)
            ));
            let mut largest: HashMap<NaiveDate, &Event> = HashMap::new();
            for e in chosen {
                let month = first_of_month(e.date.expect("dated").start);
                let keep = largest.entry(month).or_insert(e);
                if e.count > keep.count {
                    *keep = e;
                }
            }
            chosen = largest.into_values().collect();
        }
        chosen.sort_by_key(|e| (e.date.map(|d| d.start), e.count));
        let mut labelled: Vec<usize> = (0..chosen.len()).collect();
        labelled.sort_by_key(|&j| std::cmp::Reverse(chosen[j].count));
        labelled.truncate(3);
        let points = chosen
            .iter()
            .enumerate()
            .map(|(j, e)| {
                let d = e.date.expect("dated");
                let (x1, x2) = (axis.x(d.start), axis.x(d.end + chrono::Days::new(1)));
                let cx = round((x1 + x2) / 2.0);
                let words = toll_words(e.count.unwrap_or(0), e.qualifier);
                let place = e.place.as_deref().map(|p| format!(", {p}")).unwrap_or_default();
                let right = cx > WIDTH - 220.0;
                Point {
                    x1,
                    x2,
                    cx,
                    cy: y(count(e)),
                    shape: shape(e.qualifier),
                    title: format!("{}: {words} dead{place}", date_label(d)),
                    label: labelled.contains(&j).then_some(words),
                    label_x: if right { cx - 8.0 } else { cx + 8.0 },
                    anchor: if right { "end" } else { "start" },
                }
            })
            .collect();
        let yticks = (low as i32..=high as i32)
            .map(|p| Tick { x: y(10f64.powi(p)), label: thousands(10u64.pow(p.max(0) as u32)) })
            .collect();
        panels.push(Panel { title, top, base, yticks, points });
    }
    let axis_y = 22.0 + 2.0 * PANEL + GAP;
    Some(Tolls { width: WIDTH, height: axis_y + 24.0, left: LEFT, panels, ticks: axis.ticks(), axis_y, note })
}

/// The mark of a qualifier: a bound from below points up, one from above down.
fn shape(q: Option<Qualifier>) -> &'static str {
    match q {
        None | Some(Qualifier::Exact) => "q-exact",
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => "q-more",
        Some(Qualifier::About) => "q-about",
        Some(Qualifier::UpTo | Qualifier::LessThan) => "q-less",
    }
}

/// Event places on an equirectangular projection whose parallels are
/// stretched for the middle latitude of the places shown, cropped to them.
#[derive(Debug, Serialize)]
pub struct Map {
    view_box: String,
    scale_x: f64,
    outline: minijinja::Value,
    spots: Vec<Spot>,
    unplaced: Vec<(String, usize)>,
    font: f64,
}

#[derive(Debug, Serialize)]
struct Spot {
    cx: f64,
    cy: f64,
    r: f64,
    name: String,
    count: usize,
    label: bool,
    key: String,
}

pub fn map(events: &[&Event], coordinates: &[(String, f64, f64)]) -> Map {
    let known: HashMap<String, (f64, f64)> =
        coordinates.iter().map(|(n, lat, lon)| (n.to_lowercase(), (*lat, *lon))).collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in events {
        if let Some(p) = e.place.as_deref() {
            *counts.entry(p).or_default() += 1;
        }
    }
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    for (name, n) in counts {
        match known.get(&name.to_lowercase()) {
            Some(&(lat, lon)) => placed.push((name.to_string(), n, lat, lon)),
            None => unplaced.push((name.to_string(), n)),
        }
    }
    placed.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    unplaced.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let outline = minijinja::Value::from_safe_string(WORLD.lines().last().unwrap_or("").to_string());
    if placed.is_empty() {
        return Map { view_box: "0 0 3600 1800".into(), scale_x: 1.0, outline, spots: Vec::new(), unplaced, font: 0.0 };
    }
    let lats = placed.iter().map(|p| p.2);
    let (south, north) = (lats.clone().fold(f64::MAX, f64::min), lats.fold(f64::MIN, f64::max));
    let scale_x = round(((south + north) / 2.0).to_radians().cos().max(0.2) * 1000.0) / 1000.0;
    let project = |lat: f64, lon: f64| ((lon + 180.0) * 10.0 * scale_x, (90.0 - lat) * 10.0);
    let xs: Vec<f64> = placed.iter().map(|p| project(p.2, p.3).0).collect();
    let ys: Vec<f64> = placed.iter().map(|p| project(p.2, p.3).1).collect();
    let (x0, x1) = (xs.iter().copied().fold(f64::MAX, f64::min), xs.iter().copied().fold(f64::MIN, f64::max));
    let (y0, y1) = (ys.iter().copied().fold(f64::MAX, f64::min), ys.iter().copied().fold(f64::MIN, f64::max));
    // At least 40 degrees across, twice as wide as high, with a margin.
    let mut w = (x1 - x0 + 120.0).max(400.0 * scale_x);
    let mut h = y1 - y0 + 120.0;
    if w < 2.0 * h {
        w = 2.0 * h;
    } else {
        h = w / 2.0;
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let unit = w / WIDTH;
    let max = placed[0].1 as f64;
    let spots = placed
        .iter()
        .enumerate()
        .map(|(i, (name, n, lat, lon))| {
            let (x, y) = project(*lat, *lon);
            Spot {
                cx: round(x),
                cy: round(y),
                r: round(unit * (3.0 + 11.0 * (*n as f64 / max).sqrt())),
                name: name.clone(),
                count: *n,
                label: i < 10,
                key: name.to_lowercase(),
            }
        })
        .collect();
    Map {
        view_box: format!("{} {} {} {}", round(cx - w / 2.0), round(cy - h / 2.0), round(w), round(h)),
        scale_x,
        outline,
        spots,
        unplaced,
        font: round(unit * 12.0),
    }
}
