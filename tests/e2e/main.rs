//! End-to-end runs of the real desktop app. Run with
//! `xvfb-run -a cargo test -p gardesh-e2e -- --ignored --test-threads=1`.

use gardesh_core::clock::{Clock, SystemClock};
use gardesh_core::persian::calendar::Style;
use gardesh_core::persian::JalaliDate;
use gardesh_e2e::thirtyfour::By;
use gardesh_e2e::{DataHome, Session};
use serde_json::json;

#[tokio::test]
#[ignore = "needs a display, tauri-driver and the built app; run by the README's test command"]
async fn window_opens_in_persian_with_today_in_solar_hijri() {
    let home = DataHome::new();
    let s = Session::start(&home).await;
    assert_eq!(
        s.driver.title().await.unwrap(),
        "گردش — دور اصفهان در ۸۰ روز"
    );
    s.wait_js("document.documentElement.dir", json!("rtl"))
        .await;
    s.wait_js("document.documentElement.lang", json!("fa"))
        .await;
    let today = JalaliDate::from_gregorian(SystemClock.today()).unwrap();
    let shown = s.testid("today-jalali").await.text().await.unwrap();
    assert!(
        shown.contains(&today.format(Style::Long, true)),
        "the Dashboard shows «{shown}», expected today «{}»",
        today.format(Style::Long, true)
    );
    let integrity = s.testid("db-integrity").await.text().await.unwrap();
    assert!(!integrity.is_empty());
    assert!(
        home.db_path().is_file(),
        "the database is in the app data folder"
    );
    s.screenshot("dashboard-fa").await;
    s.stop().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and the built app; run by the README's test command"]
async fn switching_to_english_flips_direction_and_back() {
    let home = DataHome::new();
    let s = Session::start(&home).await;
    s.wait_js("document.documentElement.dir", json!("rtl"))
        .await;
    s.testid("lang-toggle").await.click().await.unwrap();
    s.wait_js("document.documentElement.dir", json!("ltr"))
        .await;
    s.wait_js("document.documentElement.lang", json!("en"))
        .await;
    let today = JalaliDate::from_gregorian(SystemClock.today()).unwrap();
    let shown = s.testid("today-jalali").await.text().await.unwrap();
    assert!(
        shown.contains(&today.format(Style::Long, false)),
        "English date: {shown}"
    );
    s.screenshot("dashboard-en").await;
    s.testid("lang-toggle").await.click().await.unwrap();
    s.wait_js("document.documentElement.dir", json!("rtl"))
        .await;
    s.stop().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and the built app; run by the README's test command"]
async fn settings_persist_across_a_restart() {
    let home = DataHome::new();
    let s = Session::start(&home).await;
    s.testid("nav-settings").await.click().await.unwrap();
    let name = s.testid("settings-name").await;
    name.clear().await.unwrap();
    name.send_keys("مریم کاظمی").await.unwrap();
    s.testid("settings-weekend-thursday")
        .await
        .click()
        .await
        .unwrap();
    s.testid("settings-save").await.click().await.unwrap();
    s.testid("settings-saved").await;
    s.screenshot("settings").await;
    s.stop().await;

    let s = Session::start(&home).await;
    s.testid("nav-settings").await.click().await.unwrap();
    s.wait_js(
        "document.querySelector('[data-testid=settings-name]')?.value",
        json!("مریم کاظمی"),
    )
    .await;
    s.wait_js(
        "document.querySelector('[data-testid=settings-weekend-thursday]')?.checked",
        json!(true),
    )
    .await;
    s.wait_js(
        "document.querySelector('[data-testid=settings-weekend-friday]')?.checked",
        json!(true),
    )
    .await;
    s.stop().await;
}

#[tokio::test]
#[ignore = "needs a display, tauri-driver and the built app; run by the README's test command"]
async fn a_corrupt_database_is_refused_with_its_name_and_left_alone() {
    let home = DataHome::new();
    let db = home.db_path();
    std::fs::create_dir_all(db.parent().unwrap()).unwrap();
    let garbage = b"not a database ".repeat(500);
    std::fs::write(&db, &garbage).unwrap();
    let s = Session::start(&home).await;
    let shown = s.testid("dashboard-error").await.text().await.unwrap();
    assert!(
        shown.contains("gardesh.sqlite3"),
        "the message names the file: {shown}"
    );
    s.screenshot("corrupt-database").await;
    s.stop().await;
    assert_eq!(
        std::fs::read(&db).unwrap(),
        garbage,
        "the file was not touched"
    );
}

/// Sites and the programme: create a programme and a site with hours, a closure and a
/// photo; see the site in the list and its closure on the calendar; generate departures.
#[tokio::test]
#[ignore = "needs a display, tauri-driver and the built app; run by the README's test command"]
async fn a_site_with_hours_a_closure_and_a_photo_shows_in_the_list_and_on_the_calendar() {
    let home = DataHome::new();
    let s = Session::start(&home).await;

    // The programme: 14 days from 1 Dey 1405, one departure at 08:00.
    s.click("nav-programme").await;
    s.click("programme-create").await;
    s.fill("programme-title", "دور اصفهان — آزمون").await;
    s.fill_enter("programme-starts", "۱۴۰۵/۱۰/۰۱").await;
    s.fill("programme-length", "۱۴").await;
    let first_time = s.testid("programme-departure").await;
    s.type_into(&first_time, "۸").await;
    s.click("programme-save").await;
    s.testid("programme-saved").await;

    // A site with visiting hours, a closure and a photo.
    s.click("nav-sites").await;
    s.click("sites-new").await;
    s.fill("site-name-fa", "ایستگاه آزمون خط ۲").await;
    s.fill("site-district", "۷").await;
    s.fill("site-max-visitors", "۲۵").await;
    s.fill("site-visit-minutes", "۴۵").await;
    s.fill("site-latitude", "32.70").await;
    s.fill("site-longitude", "51.70").await;
    s.click("site-save").await;
    s.testid("site-saved").await;
    s.testid("site-hours").await;

    s.click("hours-add-saturday").await;
    let opens = s
        .wait_css("[data-testid=hours-day-saturday] [data-testid=hours-opens]")
        .await;
    s.type_into(&opens, "۸").await;
    let closes = s
        .wait_css("[data-testid=hours-day-saturday] [data-testid=hours-closes]")
        .await;
    s.type_into(&closes, "۱۴").await;
    s.click("hours-copy-saturday").await;
    s.click("hours-save").await;
    s.testid("hours-saved").await;

    s.click("closure-add").await;
    s.fill_enter("closure-starts-input", "۱۴۰۵/۱۰/۰۵").await;
    s.fill_enter("closure-ends-input", "۱۴۰۵/۱۰/۰۶").await;
    s.fill("closure-reason", "بتن‌ریزی سقف").await;
    s.click("closure-save").await;
    s.testid("closure-row").await;

    let icon = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../icons/icon.png")
        .canonicalize()
        .unwrap();
    let input = s.testid("photo-input").await;
    input
        .send_keys(icon.to_string_lossy())
        .await
        .expect("a file path for the picker");
    s.testid("photo-thumb").await;
    s.screenshot("site-gallery").await;

    s.click("site-back").await;
    s.wait_text("[data-testid=sites-list]", "ایستگاه آزمون خط ۲")
        .await;
    s.screenshot("sites-list").await;

    // Departures, then the calendar of Dey 1405.
    s.click("nav-programme").await;
    s.click("departures-generate").await;
    s.wait_text("[data-testid=departures-add-count]", "").await;
    s.click("departures-apply").await;
    s.testid("departures-applied").await;
    s.click("programme-tab-calendar").await;
    s.testid("calendar-grid").await;
    s.screenshot("calendar").await;
    // The cell names the closed site (checked in the DOM: the cell may clip long names).
    s.wait_js(
        "document.querySelector(\"[data-testid=calendar-day][data-date='2026-12-26'] [data-testid=calendar-closure]\")?.textContent.trim()",
        serde_json::json!("ایستگاه آزمون خط ۲"),
    )
    .await;
    let first_day = s
        .wait_css("[data-testid=calendar-day][data-date='2026-12-22'] [data-testid=calendar-tour]")
        .await;
    assert!(first_day.text().await.unwrap().contains("۰۸:۰۰"));
    s.stop().await;

    // The same through the CLI's view of the database: a site with a photo, 14 days.
    let conn = rusqlite::Connection::open(home.db_path()).unwrap();
    let photos: i64 = conn
        .query_row("SELECT count(*) FROM site_photos", [], |r| r.get(0))
        .unwrap();
    assert_eq!(photos, 1);
    let tours: i64 = conn
        .query_row("SELECT count(*) FROM tours", [], |r| r.get(0))
        .unwrap();
    assert_eq!(tours, 12, "14 days less two Fridays, one departure a day");
}

/// Tours: on the demo programme, build a tour of 5 stops whose order breaks a site's
/// visiting hours, see the violation, fix it with "optimise order", open the tour.
#[tokio::test]
#[ignore = "needs a display, tauri-driver and the built app; run by the README's test command"]
async fn a_five_stop_tour_is_fixed_by_optimising_and_opened() {
    let home = DataHome::new();
    let s = Session::start(&home).await;
    s.click("demo-install").await;
    s.testid("demo-installed").await;

    s.click("nav-tours").await;
    s.click("tours-whole-programme").await;
    let row = s
        .wait_css("[data-testid=tour-row][data-tour-id='41']")
        .await;
    row.scroll_into_view().await.ok();
    row.click().await.unwrap();
    s.testid("tour-editor").await;

    // Replace the demo's three stops by five, the tunnel (open 09:00–13:00) first.
    while s
        .driver
        .find(By::Css("[data-testid=stop-remove]"))
        .await
        .is_ok()
    {
        s.click("stop-remove").await;
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    // Demo sites: 1 Zeynabieh, 2 Oman Samani, 3 Shahed, 4 Khalaja tunnel, 5 Kohandezh.
    for site in [4, 1, 2, 3, 5] {
        s.click("stop-add").await;
        let option = s
            .wait_css(&format!(
                "[data-testid=stop-site-option][data-site-id='{site}']"
            ))
            .await;
        option.scroll_into_view().await.ok();
        option.click().await.unwrap();
        if let Ok(close) = s
            .driver
            .find(By::Css("[data-testid=stop-picker-close]"))
            .await
        {
            close.click().await.ok();
        }
    }
    s.wait_js(
        "document.querySelectorAll('[data-testid=stop-row]').length",
        json!(5),
    )
    .await;
    s.click("stops-save").await;
    s.testid("stops-saved").await;
    s.wait_css("[data-testid=tour-feasible][data-feasible='false']")
        .await;
    let problem = s.testid("stop-problem").await.text().await.unwrap();
    assert!(
        problem.contains("بیرون از ساعت بازدید"),
        "the tunnel is reached before it opens: {problem}"
    );
    s.screenshot("tour-infeasible").await;

    s.click("optimise").await;
    s.testid("optimise-preview").await;
    s.screenshot("tour-optimise").await;
    s.click("optimise-apply").await;
    s.click("confirm-ok").await;
    s.wait_css("[data-testid=tour-feasible][data-feasible='true']")
        .await;
    s.click("tour-open").await;
    s.wait_js(
        "document.querySelector('[data-testid=tour-status]')?.dataset.status",
        json!("open"),
    )
    .await;
    s.stop().await;

    let conn = rusqlite::Connection::open(home.db_path()).unwrap();
    let status: String = conn
        .query_row("SELECT status FROM tours WHERE id = 41", [], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "open");
    let stops: i64 = conn
        .query_row("SELECT count(*) FROM stops WHERE tour_id = 41", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stops, 5);
}

/// Groups: a phone call brings a family of 4; one national ID is mistyped (refused with
/// the reason), fixed, saved; the family is placed on the demo tour with 3 seats left and
/// waits; another group cancels and the waiting groups are promoted.
#[tokio::test]
#[ignore = "needs a display, tauri-driver and the built app; run by the README's test command"]
async fn a_group_of_four_is_fixed_waitlisted_and_promoted_when_another_cancels() {
    let home = DataHome::new();
    let s = Session::start(&home).await;
    s.click("demo-install").await;
    s.testid("demo-installed").await;
    s.click("nav-groups").await;
    s.testid("page-groups").await;
    s.click("group-new").await;
    s.fill("group-name", "خانواده‌ی نوروزی").await;
    let rows = [
        ("حسن نوروزی", "0684159415", "۰۹۱۳ ۱۲۳ ۴۵۶۷", "۱۳۵۰"),
        ("مینا نوروزی", "0499370899", "", "۱۳۵۴"),
        ("آرش نوروزی", "0790419904", "", "1375"),
        ("نیما نوروزی", "84575948", "", "1378"),
    ];
    for (i, (name, nid, mobile, born)) in rows.iter().enumerate() {
        if s.driver
            .find(By::Css(format!("[data-testid=member-name-{i}]")))
            .await
            .is_err()
        {
            s.click("member-add").await;
        }
        s.fill(&format!("member-name-{i}"), name).await;
        s.fill(&format!("member-nid-{i}"), nid).await;
        if !mobile.is_empty() {
            s.fill(&format!("member-mobile-{i}"), mobile).await;
        }
        s.fill(&format!("member-birth-{i}"), born).await;
    }
    s.js("document.querySelector('[data-testid=member-leader-0]').click()")
        .await;
    // The first national ID fails its check digit: the row says why and saving is blocked.
    let why = s.wait_text("[data-testid=member-error-0]", "کد ملی").await;
    assert!(why.contains("رقم کنترل"), "the reason is given: {why}");
    s.testid("group-blockers").await;
    s.screenshot("group-invalid-national-id").await;
    s.fill("member-nid-0", "۲۴۶۸۱۳۵۷۹۲").await;
    s.wait_js(
        "document.querySelector('[data-testid=member-error-0]') === null",
        json!(true),
    )
    .await;
    s.click("group-save").await;
    s.testid("group-saved").await;

    // The demo's first open tour has 3 seats left: a group of 4 waits, never split.
    let tour_id: i64 = 1;
    s.wait_css(&format!(
        "[data-testid=register-tour] option[value='{tour_id}']"
    ))
    .await;
    s.js(&format!(
        "(() => {{ const el = document.querySelector('[data-testid=register-tour]'); el.value = '{tour_id}'; el.dispatchEvent(new Event('change', {{bubbles: true}})); return true; }})()"
    ))
    .await;
    s.wait_text("[data-testid=register-free]", "۳").await;
    s.testid("register-outcome-preview").await;
    s.click("register-submit").await;
    s.testid("register-result").await;
    s.wait_css("[data-testid=group-registration][data-state=waitlisted]")
        .await;
    s.screenshot("group-waitlisted").await;

    // The school cancels: 12 seats free up; the family waiting first, then ours, move up.
    s.fill("groups-search", "سعدی").await;
    s.wait_js(
        "document.querySelectorAll('[data-testid=group-row]').length",
        json!(1),
    )
    .await;
    s.click("group-row").await;
    s.wait_text("[data-testid=group-title]", "سعدی").await;
    s.wait_css("[data-testid=group-registration][data-state=confirmed]")
        .await;
    s.click("registration-cancel").await;
    s.fill("cancel-reason", "مدرسه اردو را لغو کرد").await;
    s.click("confirm-ok").await;
    let notice = s
        .wait_text("[data-testid=promoted-notice]", "خانواده‌ی نوروزی")
        .await;
    assert!(notice.contains("خانواده‌ی رضایی"), "{notice}");
    s.screenshot("group-promoted").await;
    s.stop().await;

    let conn = rusqlite::Connection::open(home.db_path()).unwrap();
    let state: String = conn
        .query_row(
            "SELECT r.state FROM registrations r JOIN groups g ON g.id = r.group_id
             WHERE g.name = 'خانواده‌ی نوروزی' AND r.tour_id = ?1",
            [tour_id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(state, "confirmed");
    let members: i64 = conn
        .query_row(
            "SELECT count(*) FROM members m JOIN groups g ON g.id = m.group_id WHERE g.name = 'خانواده‌ی نوروزی'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(members, 4);
}

/// The tour day (rehearsed with GARDESH_TODAY): a group is checked in by typing its code
/// as a scanner would (code + Enter, no mouse), a mistyped code is refused, a citizen's
/// request is recorded on that tour, and both show on the Dashboard.
#[tokio::test]
#[ignore = "needs a display, tauri-driver and the built app; run by the README's test command"]
async fn a_group_is_checked_in_by_code_and_a_request_shows_on_the_dashboard() {
    let home = DataHome::new();
    let s = Session::start_with(&home, &[("GARDESH_TODAY", "2026-12-22")]).await;
    s.click("demo-install").await;
    s.testid("demo-installed").await;
    // The school's confirmation code, as printed on its confirmation.
    let (registration, code) = {
        let conn = gardesh_core::store::open(&home.db_path()).unwrap();
        let id: i64 = conn
            .query_row(
                "SELECT r.id FROM registrations r JOIN groups g ON g.id = r.group_id
                 WHERE g.name LIKE '%سعدی%' AND r.tour_id = 1",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let code =
            gardesh_core::registration::code::code(&conn, gardesh_core::ids::RegistrationId(id))
                .unwrap();
        (id, code)
    };

    s.click("nav-checkin").await;
    s.testid("page-checkin").await;
    s.wait_css("[data-testid=checkin-tour] option[value='1']")
        .await;
    s.js("(() => { const el = document.querySelector('[data-testid=checkin-tour]'); el.value = '1'; el.dispatchEvent(new Event('change', {bubbles: true})); return true; })()")
        .await;
    s.wait_css(&format!(
        "[data-testid=checkin-group][data-id='{registration}']"
    ))
    .await;
    let scan = s.testid("checkin-scan").await;
    // A mistyped code first: refused with the reason, the field ready again.
    let mut wrong = code.clone();
    let last = wrong.pop().unwrap();
    wrong.push(if last == 'A' { 'B' } else { 'A' });
    scan.send_keys(&wrong).await.unwrap();
    scan.send_keys(gardesh_e2e::thirtyfour::Key::Enter)
        .await
        .unwrap();
    s.testid("checkin-error").await;
    // The real code, typed the way a USB scanner does: characters then Enter.
    let scan = s.testid("checkin-scan").await;
    scan.send_keys(&code).await.unwrap();
    scan.send_keys(gardesh_e2e::thirtyfour::Key::Enter)
        .await
        .unwrap();
    s.wait_text("[data-testid=checkin-result]", "سعدی").await;
    s.wait_css(&format!(
        "[data-testid=checkin-group][data-id='{registration}'][data-present='12']"
    ))
    .await;
    s.wait_js(
        "document.activeElement?.dataset?.testid === 'checkin-scan' && document.activeElement.value === ''",
        json!(true),
    )
    .await;
    s.screenshot("checkin").await;

    s.click("nav-requests").await;
    s.testid("page-requests").await;
    s.click("request-new").await;
    s.fill(
        "request-text",
        "روشنایی پیاده‌روی ایستگاه زینبیه در شب کافی نیست",
    )
    .await;
    s.js("(() => { const el = document.querySelector('[data-testid=request-category]'); el.value = 'lighting'; el.dispatchEvent(new Event('change', {bubbles: true})); return true; })()")
        .await;
    s.wait_css("[data-testid=request-tour] option[value='1']")
        .await;
    s.js("(() => { const el = document.querySelector('[data-testid=request-tour]'); el.value = '1'; el.dispatchEvent(new Event('change', {bubbles: true})); return true; })()")
        .await;
    s.fill("request-raised-by", "مریم کاظمی").await;
    s.fill("request-contact", "09131234567").await;
    s.click("request-save").await;
    // Raised on 1 Dey 1405: due three Solar Hijri months later, 1 Farvardin 1406.
    s.wait_text("[data-testid=request-due]", "فروردین").await;
    s.screenshot("requests").await;
    s.click("request-close").await;
    s.testid("request-row").await;

    s.click("nav-dashboard").await;
    s.wait_text("[data-testid=dash-visitors]", "۱۲").await;
    s.wait_text("[data-testid=dash-requests-open]", "۱").await;
    s.testid("dash-today-tour").await;
    s.screenshot("dashboard-day").await;
    s.click("nav-reports").await;
    s.testid("report-chart").await;
    s.screenshot("reports").await;
    s.stop().await;

    let conn = rusqlite::Connection::open(home.db_path()).unwrap();
    let state: String = conn
        .query_row(
            "SELECT state FROM registrations WHERE id = ?1",
            [registration],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(state, "attended");
    let (due, tour): (String, i64) = conn
        .query_row("SELECT due_on, tour_id FROM requests", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((due.as_str(), tour), ("2027-03-21", 1));
}
