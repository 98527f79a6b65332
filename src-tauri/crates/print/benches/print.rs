//! The printing benchmark: a program that prints figures (`cargo bench -p gardesh-print`).
//!
//! - one itinerary, warm: the median of 30 renders after 3 to warm typst's caches;
//! - the preview of that itinerary's first page as PNG (in-app preview), warm;
//! - a batch of 500 confirmations (one tour, 500 one-member groups) in one PDF: time,
//!   pages per second, and the process's peak resident memory (VmHWM) after it.

#[path = "../tests/fixture/mod.rs"]
mod fixture;

use std::time::{Duration, Instant};

use fixture::{stamp, Fixture};
use gardesh_print::{preview_pngs, render, Lang, Request};

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let started = Instant::now();
    let mut f = Fixture::new(0);
    let itinerary = Request::Itinerary { tour: f.tour_a };
    let first = Instant::now();
    let pdf = render(&f.conn, &itinerary, Lang::Fa, |_, _| true).expect("an itinerary");
    let cold = first.elapsed();
    for _ in 0..3 {
        render(&f.conn, &itinerary, Lang::Fa, |_, _| true).expect("an itinerary");
    }
    let warm: Vec<Duration> = (0..30)
        .map(|_| {
            let t = Instant::now();
            render(&f.conn, &itinerary, Lang::Fa, |_, _| true).expect("an itinerary");
            t.elapsed()
        })
        .collect();
    println!(
        "itinerary: {} pages, {} KB; first render {:.1} ms (fonts, templates); warm median {:.1} ms (30 runs, min {:.1}, max {:.1})",
        pdf.pages,
        pdf.bytes.len() / 1024,
        ms(cold),
        ms(median(warm.clone())),
        ms(*warm.iter().min().unwrap_or(&Duration::ZERO)),
        ms(*warm.iter().max().unwrap_or(&Duration::ZERO)),
    );
    let previews: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            preview_pngs(&f.conn, &itinerary, Lang::Fa, 1.5, usize::MAX).expect("a preview");
            t.elapsed()
        })
        .collect();
    println!(
        "preview: itinerary as PNG at 1.5 px/pt (108 dpi), all pages, warm median {:.1} ms",
        ms(median(previews))
    );

    // 500 confirmed one-member groups on tour B.
    let setup = Instant::now();
    let b = gardesh_core::tour::get(&f.conn, f.tour_b).expect("tour B");
    gardesh_core::tour::update(
        &mut f.conn,
        &stamp(),
        f.tour_b,
        b.departure,
        500,
        &b.meeting_point,
        "",
    )
    .expect("500 seats");
    for k in 0..500 {
        let g = fixture::group(
            &mut f.conn,
            &format!("خانواده‌ی شماره‌ی {}", k + 1),
            vec![fixture::member(
                &format!("سرگروه {}", k + 1),
                "09131234567",
                1360,
                true,
            )],
        );
        let r = gardesh_core::registration::register(&mut f.conn, &stamp(), g, f.tour_b, "")
            .expect("registered");
        assert_eq!(r.state, gardesh_core::registration::State::Confirmed);
    }
    let before = peak_rss_mb().unwrap_or(0.0);
    println!(
        "setup: demo + 500 groups in {:.1} s; peak RSS so far {before:.0} MB",
        setup.elapsed().as_secs_f64()
    );
    let batch = Request::Confirmations { tour: f.tour_b };
    let t = Instant::now();
    let mut calls = 0;
    let mut typeset = Duration::ZERO;
    let pdf = render(&f.conn, &batch, Lang::Fa, |done, total| {
        calls += 1;
        if done == total {
            typeset = t.elapsed();
        }
        true
    })
    .expect("500 confirmations");
    let took = t.elapsed();
    println!(
        "batch: 500 confirmations, {} pages, {:.1} MB PDF in {:.2} s = {:.0} pages/s ({:.1} ms a page); progress called {calls} times",
        pdf.pages,
        pdf.bytes.len() as f64 / 1_048_576.0,
        took.as_secs_f64(),
        pdf.pages as f64 / took.as_secs_f64(),
        ms(took) / pdf.pages as f64,
    );
    println!(
        "batch: typesetting the 500 parts {:.2} s, joining them and writing the PDF {:.2} s",
        typeset.as_secs_f64(),
        (took - typeset).as_secs_f64()
    );
    println!(
        "memory: peak RSS (VmHWM) {:.0} MB after the batch",
        peak_rss_mb().unwrap_or(0.0)
    );
    println!("total {:.1} s", started.elapsed().as_secs_f64());
}
