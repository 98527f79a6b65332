//! The best order of a tour's stops: least total travel (the meeting point first and
//! last; optionally the last stop fixed) while every visit stays inside its site's hours.
//! Exact (dynamic programming over subsets) up to 12 stops; above that, a heuristic:
//! nearest feasible neighbour then 2-opt and relocation moves.

use std::collections::HashMap;

use super::itinerary::{self, within_hours, SiteFacts, StopInput};
use super::travel::{self, Matrix, Place};
use super::{get, Tour};
use crate::audit::{self, Stamp};
use crate::error::Result;
use crate::ids::{SiteId, TourId};
use crate::persian::Weekday;
use crate::site::Location;
use crate::store;

pub const EXACT_LIMIT: usize = 12;

/// A proposed order and what it saves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub order: Vec<StopInput>,
    pub travel_before: u32,
    pub travel_after: u32,
    /// Whether the proposed order keeps every visit inside its hours.
    pub feasible: bool,
    /// Whether the given order did.
    pub was_feasible: bool,
    /// Exact search (≤ 12 stops) or heuristic.
    pub exact: bool,
}

impl Proposal {
    pub fn minutes_saved(&self) -> i64 {
        i64::from(self.travel_before) - i64::from(self.travel_after)
    }
}

/// The pieces the search needs, independent of the database (so tests can build them).
pub struct Problem<'a> {
    pub departure: u32,
    pub weekday: Weekday,
    pub stops: &'a [StopInput],
    pub facts: &'a HashMap<SiteId, SiteFacts>,
    pub matrix: &'a Matrix,
    pub fix_last: bool,
}

impl Problem<'_> {
    fn dwell(&self, i: usize) -> u32 {
        let s = self.stops[i];
        s.dwell
            .unwrap_or_else(|| self.facts.get(&s.site).map_or(0, |f| f.visit_minutes))
    }
    fn fits(&self, i: usize, arrival: u32) -> bool {
        let s = self.stops[i];
        let end = arrival + self.dwell(i);
        self.facts.get(&s.site).is_some_and(|f| {
            f.closed.is_none()
                && !f.archived
                && end <= 1440
                && within_hours(&f.hours, self.weekday, arrival, end)
        })
    }
    fn travel(&self, from: Option<usize>, to: Option<usize>) -> u32 {
        let p = |i: Option<usize>| i.map_or(Place::Origin, |i| Place::Site(self.stops[i].site));
        self.matrix.minutes(p(from), p(to))
    }

    /// Total travel of an order (indexes into `stops`) and whether every visit fits.
    pub fn evaluate(&self, order: &[usize]) -> (u32, bool) {
        let mut clock = self.departure;
        let mut prev = None;
        let mut total = 0;
        let mut ok = true;
        for &i in order {
            let t = self.travel(prev, Some(i));
            total += t;
            clock += t;
            ok &= self.fits(i, clock);
            clock += self.dwell(i);
            prev = Some(i);
        }
        if !order.is_empty() {
            total += self.travel(prev, None);
        }
        (total, ok)
    }

    /// Exact: for each (visited set, last stop), every distinct travel total reachable
    /// with all visits fitting (a larger total means a later clock, which can fit where a
    /// smaller one does not, so all are kept). `None` when no order fits.
    // Stop indexes double as bit positions in the visited-set masks.
    #[allow(clippy::needless_range_loop)]
    pub fn exact(&self) -> Option<Vec<usize>> {
        let n = self.stops.len();
        if n == 0 {
            return Some(vec![]);
        }
        let last_fixed = if self.fix_last { Some(n - 1) } else { None };
        let dwell_sum = |mask: usize| -> u32 {
            (0..n)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| self.dwell(i))
                .sum()
        };
        // labels[mask][last] = travel → (previous mask's last, previous travel)
        let mut labels: Vec<Vec<HashMap<u32, (usize, u32)>>> =
            vec![vec![HashMap::new(); n]; 1 << n];
        for i in 0..n {
            if last_fixed == Some(i) && n > 1 {
                continue;
            }
            let t = self.travel(None, Some(i));
            if self.fits(i, self.departure + t) {
                labels[1 << i][i].insert(t, (usize::MAX, 0));
            }
        }
        for mask in 1..(1usize << n) {
            for last in 0..n {
                if labels[mask][last].is_empty() {
                    continue;
                }
                let clock_base = self.departure + dwell_sum(mask);
                let entries: Vec<u32> = labels[mask][last].keys().copied().collect();
                for next in 0..n {
                    if mask & (1 << next) != 0 {
                        continue;
                    }
                    let next_mask = mask | (1 << next);
                    if last_fixed == Some(next) && next_mask != (1 << n) - 1 {
                        continue;
                    }
                    let leg = self.travel(Some(last), Some(next));
                    for &travel in &entries {
                        let arrival = clock_base + travel + leg;
                        if self.fits(next, arrival) {
                            labels[next_mask][next]
                                .entry(travel + leg)
                                .or_insert((last, travel));
                        }
                    }
                }
            }
        }
        let full = (1 << n) - 1;
        let (mut last, mut travel) = (0..n)
            .flat_map(|l| labels[full][l].keys().map(move |&t| (l, t)))
            .min_by_key(|&(l, t)| (t + self.travel(Some(l), None), l))?;
        let mut order = vec![last];
        let mut mask = full;
        loop {
            let (prev, prev_travel) = labels[mask][last][&travel];
            if prev == usize::MAX {
                break;
            }
            mask &= !(1 << last);
            order.push(prev);
            last = prev;
            travel = prev_travel;
        }
        order.reverse();
        Some(order)
    }

    /// Heuristic for long tours: nearest feasible neighbour, then improving moves.
    pub fn heuristic(&self) -> Vec<usize> {
        let n = self.stops.len();
        let fixed = self.fix_last.then(|| n.saturating_sub(1));
        let mut left: Vec<usize> = (0..n).filter(|i| Some(*i) != fixed).collect();
        let mut order = Vec::with_capacity(n);
        let mut clock = self.departure;
        let mut prev = None;
        while !left.is_empty() {
            let pick = left
                .iter()
                .copied()
                .min_by_key(|&i| {
                    let t = self.travel(prev, Some(i));
                    (!self.fits(i, clock + t), t)
                })
                .unwrap_or(left[0]);
            let t = self.travel(prev, Some(pick));
            clock += t + self.dwell(pick);
            prev = Some(pick);
            order.push(pick);
            left.retain(|&i| i != pick);
        }
        order.extend(fixed);
        let mut best = order.clone();
        let score = |o: &[usize]| {
            let (t, ok) = self.evaluate(o);
            (!ok, t)
        };
        let mut best_score = score(&best);
        let movable = if fixed.is_some() {
            n.saturating_sub(1)
        } else {
            n
        };
        let mut improved = true;
        while improved {
            improved = false;
            for i in 0..movable {
                for j in i + 1..movable {
                    let mut cand = best.clone();
                    cand[i..=j].reverse();
                    let s = score(&cand);
                    if s < best_score {
                        best = cand;
                        best_score = s;
                        improved = true;
                    }
                    let mut cand = best.clone();
                    let x = cand.remove(i);
                    cand.insert(j, x);
                    let s = score(&cand);
                    if s < best_score {
                        best = cand;
                        best_score = s;
                        improved = true;
                    }
                }
            }
        }
        best
    }

    /// The proposal for this problem: never worse than the given order.
    pub fn solve(&self) -> Proposal {
        let given: Vec<usize> = (0..self.stops.len()).collect();
        let (before, was_feasible) = self.evaluate(&given);
        let exact = self.stops.len() <= EXACT_LIMIT;
        let candidate = if exact {
            self.exact()
        } else {
            Some(self.heuristic())
        };
        let mut best = given.clone();
        let mut best_eval = (before, was_feasible);
        if let Some(c) = candidate {
            let e = self.evaluate(&c);
            // Prefer feasible, then less travel.
            if (!e.1, e.0) < (!best_eval.1, best_eval.0) {
                best = c;
                best_eval = e;
            }
        }
        Proposal {
            order: best.iter().map(|&i| self.stops[i]).collect(),
            travel_before: before,
            travel_after: best_eval.0,
            feasible: best_eval.1,
            was_feasible,
            exact,
        }
    }
}

/// The best order for a tour's stops; nothing is changed.
pub fn propose(conn: &rusqlite::Connection, tour_id: TourId, fix_last: bool) -> Result<Proposal> {
    let tour: Tour = get(conn, tour_id)?;
    let stops = itinerary::stops(conn, tour_id)?;
    let ids: Vec<SiteId> = stops.iter().map(|s| s.site).collect();
    let facts = itinerary::site_facts(conn, &ids, tour.date)?;
    let model = travel::load_model(conn)?;
    let located: Vec<(SiteId, Option<Location>)> = ids
        .iter()
        .map(|id| (*id, facts.get(id).and_then(|f| f.location)))
        .collect();
    let matrix = Matrix::build(conn, &model, &located)?;
    Ok(Problem {
        departure: tour.departure.minutes(),
        weekday: Weekday::of(tour.date),
        stops: &stops,
        facts: &facts,
        matrix: &matrix,
        fix_last,
    }
    .solve())
}

/// Apply a proposal's order (after the coordinator confirmed it).
pub fn apply(
    conn: &mut rusqlite::Connection,
    stamp: &Stamp,
    tour: TourId,
    order: &[StopInput],
) -> Result<()> {
    store::write(conn, |tx| {
        let mut now: Vec<SiteId> = itinerary::stops(tx, tour)?.iter().map(|s| s.site).collect();
        let mut proposed: Vec<SiteId> = order.iter().map(|s| s.site).collect();
        now.sort();
        proposed.sort();
        if now != proposed {
            return Err(crate::Error::conflict(
                "توقف‌های تور از زمان پیشنهاد تغییر کرده است؛ دوباره بهینه کنید",
                "the tour's stops changed since the proposal; optimise again",
            ));
        }
        itinerary::write_stops(tx, tour, order)?;
        audit::record(
            tx,
            stamp,
            "tour.optimise",
            "tour",
            Some(&tour.to_string()),
            "",
        )?;
        Ok(())
    })
}
