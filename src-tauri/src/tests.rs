//! Command tests through Tauri's mock runtime: the real handlers, IPC serialisation and
//! state, without a window.

use std::time::Instant;

use serde_json::{json, Value};
use tauri::test::{get_ipc_response, mock_builder, mock_context, noop_assets, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindowBuilder};

use gardesh_core::clock::FixedClock;

use crate::dto::{self, ApiError, ErrorCode};
use crate::state::AppState;

fn app_with(
    path: &std::path::Path,
) -> (
    tauri::App<tauri::test::MockRuntime>,
    tauri::WebviewWindow<tauri::test::MockRuntime>,
) {
    let app = crate::register(mock_builder())
        .build(mock_context(noop_assets()))
        .expect("the mock app builds");
    let clock = FixedClock::at_iran(2026, 12, 22, 9, 0).expect("a valid instant");
    app.manage(AppState::open(path, Box::new(clock), Instant::now()));
    let window = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the mock window builds");
    (app, window)
}

fn call(
    window: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("a valid url"),
            body: tauri::ipc::InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().expect("JSON body"))
}

#[test]
fn app_status_reports_today_in_solar_hijri_and_a_healthy_database() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app_with(&dir.path().join("g.sqlite3"));
    let v = call(&w, "app_status", json!({})).expect("app_status answers");
    let st: dto::AppStatus = serde_json::from_value(v).unwrap();
    assert_eq!(st.today.gregorian, "2026-12-22");
    assert_eq!(
        (
            st.today.jalali.year,
            st.today.jalali.month,
            st.today.jalali.day
        ),
        (1405, 10, 1)
    );
    assert_eq!(st.today.long_fa, "سه‌شنبه ۱ دی ۱۴۰۵");
    assert_eq!(st.today.long_en, "Tuesday 1 Dey 1405");
    assert_eq!(st.db.integrity, "ok");
    assert_eq!(st.db.journal_mode, "wal");
    assert!(st.db.path.ends_with("g.sqlite3"));
}

#[test]
fn settings_save_persists_and_get_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.sqlite3");
    {
        let (_app, w) = app_with(&path);
        let got = call(&w, "settings_get", json!({})).unwrap();
        assert_eq!(got["language"], "fa");
        assert_eq!(got["weekendDays"], json!(["friday"]));
        let saved = call(
            &w,
            "settings_save",
            json!({"settings": {"coordinatorName": " زهرا ", "language": "en",
                   "calendar": "gregorian", "weekendDays": ["friday", "thursday"]}}),
        )
        .unwrap();
        assert_eq!(saved["coordinatorName"], "زهرا");
        assert_eq!(
            saved["weekendDays"],
            json!(["thursday", "friday"]),
            "in week order"
        );
    }
    // A new app on the same file sees the saved settings.
    let (_app, w) = app_with(&path);
    let got = call(&w, "settings_get", json!({})).unwrap();
    assert_eq!(got["coordinatorName"], "زهرا");
    assert_eq!(got["language"], "en");
    assert_eq!(got["calendar"], "gregorian");
}

#[test]
fn invalid_settings_come_back_as_a_typed_error() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app_with(&dir.path().join("g.sqlite3"));
    let err = call(
        &w,
        "settings_save",
        json!({"settings": {"coordinatorName": "x".repeat(101), "language": "fa",
               "calendar": "persian", "weekendDays": []}}),
    )
    .expect_err("a 101-character name is refused");
    let e: ApiError = serde_json::from_value(err).unwrap();
    assert_eq!(e.code, ErrorCode::InvalidInput);
    assert!(e.message.contains("101"), "{}", e.message);
    assert!(e.message_fa.contains("۱۰۱"), "{}", e.message_fa);
    let got = call(&w, "settings_get", json!({})).unwrap();
    assert_eq!(got["coordinatorName"], "", "nothing was saved");
}

#[test]
fn a_corrupt_database_is_reported_by_every_command_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.sqlite3");
    std::fs::write(&path, vec![0x5Au8; 4096]).unwrap();
    let (_app, w) = app_with(&path);
    for cmd in ["app_status", "settings_get"] {
        let err = call(&w, cmd, json!({})).expect_err("refused");
        let e: ApiError = serde_json::from_value(err).unwrap();
        assert_eq!(e.code, ErrorCode::DatabaseCorrupt, "{cmd}");
        assert!(
            e.message.contains("broken.sqlite3"),
            "names the file: {}",
            e.message
        );
    }
    assert_eq!(std::fs::read(&path).unwrap(), vec![0x5Au8; 4096]);
}

#[test]
fn every_core_error_code_has_a_wire_name_the_ui_knows() {
    for code in gardesh_core::ErrorCode::ALL {
        let wire = serde_json::to_value(ErrorCode::from(code)).unwrap();
        assert_eq!(wire, json!(code.as_str()));
    }
}

/// The committed TypeScript bindings must match the Rust types. Regenerate with
/// `UPDATE_BINDINGS=1 cargo test -p gardesh bindings`.
#[test]
fn bindings_are_fresh() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/api/bindings");
    let update = std::env::var_os("UPDATE_BINDINGS").is_some();
    let mut stale = Vec::new();
    for (name, source) in dto::bindings::all().expect("bindings generate") {
        let file = dir.join(&name);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&file, &source).unwrap();
        } else if std::fs::read_to_string(&file).ok().as_deref() != Some(source.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "stale TypeScript bindings {stale:?}: run `UPDATE_BINDINGS=1 cargo test -p gardesh bindings` and commit"
    );
}
