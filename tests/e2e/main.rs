//! End-to-end runs of the real desktop app. Run with
//! `xvfb-run -a cargo test -p gardesh-e2e -- --ignored --test-threads=1`.

use gardesh_core::clock::{Clock, SystemClock};
use gardesh_core::persian::calendar::Style;
use gardesh_core::persian::JalaliDate;
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
