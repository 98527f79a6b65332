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

fn raw_call(
    window: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: Vec<u8>,
    headers: &[(&'static str, &str)],
) -> Result<tauri::ipc::InvokeResponseBody, Value> {
    let mut h = tauri::http::HeaderMap::new();
    for (k, v) in headers {
        h.insert(*k, v.parse().expect("a header value"));
    }
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("a valid url"),
            body: tauri::ipc::InvokeBody::Raw(body),
            headers: h,
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
}

fn site_input(name: &str) -> Value {
    json!({"nameFa": name, "nameEn": "", "category": "bridge", "district": 11, "address": "",
           "location": {"latitude": 32.62, "longitude": 51.57}, "progress": 60, "department": "",
           "contactName": "", "contactPhone": "", "description": "",
           "rules": {"maxVisitors": 20, "visitMinutes": 45, "minAge": 14, "ppe": ["helmet"],
                     "stepFree": false, "safetyNotes": ""}})
}

#[test]
fn sites_are_created_listed_given_hours_and_undone_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app_with(&dir.path().join("g.sqlite3"));
    let saved = call(
        &w,
        "site_create",
        json!({"input": site_input("پل حلقه‌ی چهارم")}),
    )
    .unwrap();
    let id = saved["id"].as_i64().unwrap();
    assert_eq!(saved["warnings"], json!([]));
    let mut far = site_input("دور");
    far["location"] = json!({"latitude": 35.7, "longitude": 51.4});
    let saved_far = call(&w, "site_create", json!({"input": far})).unwrap();
    assert_eq!(
        saved_far["warnings"].as_array().unwrap().len(),
        1,
        "outside Isfahan warns"
    );
    let list = call(&w, "sites_list", json!({"filter": {"text": "پل", "district": null, "category": null, "includeArchived": false}})).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    call(
        &w,
        "site_set_hours",
        json!({"id": id, "hours": [{"weekday": "saturday", "opens": "۸:۰۰", "closes": "14:00"}]}),
    )
    .unwrap();
    let detail = call(&w, "site_get", json!({"id": id})).unwrap();
    assert_eq!(
        detail["hours"][0]["opens"], "08:00",
        "Persian digits accepted, stored as HH:MM"
    );
    let bad = call(
        &w,
        "site_set_hours",
        json!({"id": id, "hours": [{"weekday": "saturday", "opens": "25:00", "closes": "14:00"}]}),
    )
    .expect_err("25:00 is not a time");
    assert_eq!(bad["code"], "invalid_input");
    let undone = call(&w, "site_undo", json!({})).unwrap();
    assert_eq!(undone["action"], "hours");
    let detail = call(&w, "site_get", json!({"id": id})).unwrap();
    assert_eq!(detail["hours"], json!([]));
}

#[test]
fn a_photo_arrives_as_a_raw_body_and_comes_back_as_jpeg_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app_with(&dir.path().join("g.sqlite3"));
    let id = call(&w, "site_create", json!({"input": site_input("سایت")})).unwrap()["id"]
        .as_i64()
        .unwrap();
    // A tiny valid PNG (1×1, white).
    let png: Vec<u8> = vec![
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0,
        0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE, 0, 0, 0, 0x0C, 0x49, 0x44,
        0x41, 0x54, 0x08, 0xD7, 0x63, 0xF8, 0xFF, 0xFF, 0x3F, 0, 0x05, 0xFE, 0x02, 0xFE, 0xDC,
        0xCC, 0x59, 0xE7, 0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    let site = id.to_string();
    let added = raw_call(
        &w,
        "photo_add",
        png,
        &[("x-site-id", &site), ("x-file-name", "%D9%BE%D9%84.png")],
    )
    .expect("a PNG is accepted")
    .deserialize::<Value>()
    .unwrap();
    assert_eq!(
        added["fileName"], "پل.png",
        "the URI-encoded name is decoded"
    );
    assert_eq!(added["isCover"], true);
    let refused = raw_call(
        &w,
        "photo_add",
        b"not an image".to_vec(),
        &[("x-site-id", &site)],
    )
    .expect_err("text is refused");
    assert_eq!(refused["code"], "invalid_input");
    let bytes = match call_raw_response(&w, added["id"].as_i64().unwrap()) {
        tauri::ipc::InvokeResponseBody::Raw(b) => b,
        other => panic!("expected raw bytes, got {other:?}"),
    };
    assert_eq!(&bytes[..2], &[0xFF, 0xD8], "JPEG");
}

fn call_raw_response(
    w: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    photo: i64,
) -> tauri::ipc::InvokeResponseBody {
    get_ipc_response(
        w,
        InvokeRequest {
            cmd: "photo_bytes".into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("a valid url"),
            body: tauri::ipc::InvokeBody::Json(json!({"photo": photo, "thumb": true})),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .expect("photo bytes")
}

#[test]
fn the_demo_is_offered_on_an_empty_database_and_fills_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app_with(&dir.path().join("g.sqlite3"));
    assert_eq!(call(&w, "demo_offer", json!({})).unwrap(), json!(true));
    let installed = call(&w, "demo_install", json!({})).unwrap();
    assert!(installed["sites"].as_u64().unwrap() >= 12);
    assert_eq!(call(&w, "demo_offer", json!({})).unwrap(), json!(false));
    let days = call(&w, "calendar_month", json!({"year": 1405, "month": 10})).unwrap();
    let days = days.as_array().unwrap();
    assert_eq!(days.len(), 30);
    assert_eq!(days[0]["programmeDay"], 1);
    assert_eq!(
        days[1]["off"]["kind"], "holiday",
        "2 Dey 1405 is the birthday of Imam Ali"
    );
    assert!(!days[0]["tours"].as_array().unwrap().is_empty());
    let plan = call(&w, "departures_plan", json!({})).unwrap();
    assert_eq!(plan["add"], json!([]));
    let stale =
        call(&w, "departures_apply", json!({"fingerprint": "0"})).expect_err("a stale preview");
    assert_eq!(stale["code"], "conflict");
}

/// Every command the shell registers is granted to the main window, and nothing else of
/// Gardesh's own: the capability file and the command list agree.
#[test]
fn the_capability_grants_exactly_the_registered_commands() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities/main.json");
    let cap: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let granted: std::collections::BTreeSet<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str())
        .filter_map(|p| p.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    let registered: std::collections::BTreeSet<String> = crate::commands::names::COMMANDS
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(granted, registered);
}

fn member_json(name: &str, nid: &str, mobile: &str, leader: bool) -> Value {
    json!({"id": null, "fullName": name, "nationalId": nid, "mobile": mobile, "birthYear": 1370,
           "stepFree": false, "ppeSizes": "", "isLeader": leader, "duplicateReason": ""})
}

#[test]
fn a_group_is_checked_saved_registered_waitlisted_and_promoted_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app_with(&dir.path().join("g.sqlite3"));
    call(&w, "demo_install", json!({})).unwrap();
    let tours = call(
        &w,
        "tours_list",
        json!({"from": "2026-12-22", "to": "2027-01-10"}),
    )
    .unwrap();
    let tour = tours
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|t| t["feasible"] == true)
        .expect("a feasible demo tour")["tour"]["id"]
        .as_i64()
        .unwrap();
    call(&w, "tour_set_status", json!({"id": tour, "status": "open"})).unwrap();
    let mut input = json!({"name": "محله‌ی جلفا", "kind": "neighbourhood", "channel": "phone",
        "preferredFrom": null, "preferredTo": null, "preferredSites": [], "notes": "",
        "members": [member_json("علی کاظمی", "0684159415", "۰۹۱۳۱۲۳۴۵۶۷", true),
                    member_json("مریم کاظمی", "84575948", "", false)]});
    let check = call(&w, "group_check", json!({"input": input, "editing": null})).unwrap();
    assert_eq!(check["canSave"], false);
    assert_eq!(check["problems"][0]["row"], 0);
    assert_eq!(check["problems"][0]["field"], "nationalId");
    let refused =
        call(&w, "group_create", json!({"input": input})).expect_err("invalid national ID");
    assert_eq!(refused["code"], "invalid_input");
    input["members"][0]["nationalId"] = json!("0499370899");
    let saved = call(&w, "group_create", json!({"input": input})).unwrap();
    let group = saved["group"]["id"].as_i64().unwrap();
    assert_eq!(saved["group"]["members"][0]["mobile"], "09131234567");
    let found = call(&w, "groups_list", json!({"filter": {"text": "۰۹۱۳۱۲", "tour": null, "state": null, "kind": null, "channel": null, "limit": null}})).unwrap();
    assert_eq!(found[0]["id"], group);
    assert_eq!(found[0]["matchedMember"], "علی کاظمی");
    let preview = call(
        &w,
        "registration_preview",
        json!({"group": group, "tour": tour}),
    )
    .unwrap();
    assert_eq!(preview["groupSize"], 2);
    assert_eq!(preview["open"], true);
    let free = preview["seats"]["free"].as_u64().unwrap();
    assert!(free >= 2);
    let out = call(
        &w,
        "registration_register",
        json!({"group": group, "tour": tour, "reason": ""}),
    )
    .unwrap();
    assert_eq!(out["registration"]["state"], "confirmed");
    let reg = out["registration"]["id"].as_i64().unwrap();
    assert!(out["registration"]["code"]
        .as_str()
        .unwrap()
        .starts_with(&format!("GRD-{reg}-")));
    // Fill the tour with one big group, then a third waits and is promoted on a cancel.
    let big: Vec<Value> = (0..free - 2)
        .map(|i| {
            member_json(
                &format!("عضو {i}"),
                "",
                if i == 0 { "09121112233" } else { "" },
                i == 0,
            )
        })
        .collect();
    let mut big_input = input.clone();
    big_input["name"] = json!("دبیرستان سعدی");
    big_input["members"] = json!(big);
    let big_id = call(&w, "group_create", json!({"input": big_input})).unwrap()["group"]["id"]
        .as_i64()
        .unwrap();
    let out = call(
        &w,
        "registration_register",
        json!({"group": big_id, "tour": tour, "reason": ""}),
    )
    .unwrap();
    assert_eq!(out["registration"]["state"], "confirmed");
    let mut third = input.clone();
    third["name"] = json!("خانواده‌ی رضایی");
    third["members"] = json!([member_json("زهرا رضایی", "", "09351234567", true)]);
    let third_id = call(&w, "group_create", json!({"input": third})).unwrap()["group"]["id"]
        .as_i64()
        .unwrap();
    let preview = call(
        &w,
        "registration_preview",
        json!({"group": third_id, "tour": tour}),
    )
    .unwrap();
    assert_eq!(
        (preview["fits"].clone(), preview["waitingPosition"].clone()),
        (json!(false), json!(1))
    );
    let waiting = call(
        &w,
        "registration_register",
        json!({"group": third_id, "tour": tour, "reason": ""}),
    )
    .unwrap();
    assert_eq!(waiting["registration"]["state"], "waitlisted");
    let roster = call(&w, "tour_roster", json!({"tour": tour})).unwrap();
    assert_eq!(roster["seats"]["free"], 0);
    assert_eq!(roster["lines"][2]["position"], 1);
    let out = call(
        &w,
        "registration_cancel",
        json!({"id": reg, "reason": "بیماری"}),
    )
    .unwrap();
    assert_eq!(out["registration"]["state"], "cancelled");
    assert_eq!(out["promoted"][0]["groupName"], "خانواده‌ی رضایی");
    let history = call(&w, "registration_events", json!({"id": reg})).unwrap();
    assert_eq!(
        history.as_array().unwrap().last().unwrap()["reason"],
        "بیماری"
    );
    let detail = call(&w, "group_get", json!({"id": third_id})).unwrap();
    assert_eq!(
        detail["registrations"][0]["registration"]["state"],
        "confirmed"
    );
    let removed =
        call(&w, "group_remove", json!({"id": third_id})).expect_err("it has a registration");
    assert_eq!(removed["code"], "conflict");
}

#[test]
fn a_tour_day_checks_in_by_code_records_a_request_and_shows_on_the_dashboard() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app_with(&dir.path().join("g.sqlite3"));
    call(&w, "demo_install", json!({})).unwrap();
    // The mock clock stands on 1 Dey 1405 (22 Dec 2026, 09:00): day 1 of the demo.
    let f = call(&w, "dashboard_figures", json!({})).unwrap();
    assert_eq!(f["programmeDay"], 1);
    let tour = f["todayTours"][0]["tour"]["id"].as_i64().unwrap();
    assert_eq!(f["todayTours"][0]["taken"], 22);
    let sheet = call(&w, "checkin_sheet", json!({"tour": tour})).unwrap();
    let code = sheet["groups"][0]["registration"]["code"]
        .as_str()
        .unwrap()
        .to_string();
    let bad = call(
        &w,
        "checkin_code",
        json!({"tour": tour, "code": "GRD-1-AAAAAA"}),
    )
    .expect_err("a forged code");
    assert_eq!(bad["code"], "invalid_input");
    assert!(bad["messageFa"].as_str().unwrap().contains("کد"));
    let done = call(
        &w,
        "checkin_code",
        json!({"tour": tour, "code": format!("{code}\n")}),
    )
    .unwrap();
    assert_eq!(done["already"], false);
    assert_eq!(done["group"]["present"], 12);
    let req = call(
        &w,
        "request_create",
        json!({"input": {"tour": tour, "site": null, "district": 1, "category": "lighting",
               "text": "روشنایی پیاده‌روی ایستگاه کم است", "raisedBy": "مریم", "contact": "09131234567",
               "raisedOn": "۱۴۰۵-۱۰-۰۱"}}),
    )
    .unwrap();
    assert_eq!(
        req["dueOn"], "2027-03-21",
        "1 Dey + 3 months = 1 Farvardin 1406"
    );
    assert_eq!(req["overdue"], false);
    let f = call(&w, "dashboard_figures", json!({})).unwrap();
    assert_eq!(f["visitors"], 12);
    assert_eq!(f["todayTours"][0]["present"], 12);
    assert_eq!(f["requests"]["open"], 1);
    let listed = call(
        &w,
        "requests_list",
        json!({"filter": {"text": "روشنايي", "status": null, "department": null,
        "district": null, "site": null, "tour": null, "category": null, "overdueOnly": false}}),
    )
    .unwrap();
    assert_eq!(
        listed.as_array().unwrap().len(),
        1,
        "Arabic yeh finds Persian"
    );
    let id = req["id"].as_i64().unwrap();
    call(
        &w,
        "request_refer",
        json!({"id": id, "department": "معاونت خدمات شهری"}),
    )
    .unwrap();
    let detail = call(&w, "request_get", json!({"id": id})).unwrap();
    assert_eq!(detail["history"].as_array().unwrap().len(), 2);
    let r = call(&w, "reports_get", json!({})).unwrap();
    assert_eq!(r["visitorsPerDay"][0]["visitors"], 12);
}

#[test]
fn a_csv_is_previewed_imported_once_and_exported_and_a_backup_restored_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.sqlite3");
    let (_app, w) = app_with(&db);
    let csv = dir.path().join("ثبت‌نام.csv");
    std::fs::write(
        &csv,
        "\u{feff}نام گروه,نام و نام خانوادگی,کد ملی,تلفن همراه,سال تولد\n\
         محله‌ی جلفا,علی کاظمی,۰۴۹۹۳۷۰۸۹۹,09131234567,1360\n\
         محله‌ی جلفا,مریم کاظمی,0684159415,,1362\n\
         محله‌ی جلفا,سارا کاظمی,84575948,,1390\n",
    )
    .unwrap();
    let options = json!({"path": csv.display().to_string(), "encoding": null, "mapping": [],
        "defaultGroup": null, "kind": "neighbourhood", "channel": "app_list"});
    let p = call(&w, "import_preview", json!({"options": options})).unwrap();
    assert_eq!(
        (p["newRows"].clone(), p["rejectedRows"].clone()),
        (json!(2), json!(1))
    );
    assert_eq!(p["rows"][1]["problems"][0]["kind"], "invalid_national_id");
    let done = call(&w, "import_apply", json!({"options": options})).unwrap();
    assert_eq!(
        (done["groups"].clone(), done["members"].clone()),
        (json!(1), json!(2))
    );
    let again = call(&w, "import_preview", json!({"options": options})).unwrap();
    assert_eq!(again["newRows"], 0, "the same file adds nothing");
    assert!(again["previouslyImportedAt"].is_string());
    // Exports: the registrations (none yet) and the requests as .xlsx, a calendar.
    let out = dir.path().join("reg.xlsx");
    call(
        &w,
        "export_registrations",
        json!({"path": out.display().to_string(), "tour": null}),
    )
    .unwrap();
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    let bad = call(
        &w,
        "export_registrations",
        json!({"path": dir.path().join("x.txt").display().to_string(), "tour": null}),
    )
    .expect_err("only csv or xlsx");
    assert_eq!(bad["code"], "invalid_input");
    // Backups: make one, change the data, restore, and the change is gone.
    let listed = call(&w, "backup_now", json!({})).unwrap();
    let file = listed["entries"][0]["path"].as_str().unwrap().to_string();
    call(&w, "settings_save", json!({"settings": {"coordinatorName": "پس از پشتیبان", "language": "fa", "calendar": "persian", "weekendDays": ["friday"]}})).unwrap();
    let restored = call(&w, "backup_restore", json!({"path": file})).unwrap();
    assert!(restored["safetyCopy"].is_string());
    let settings = call(&w, "settings_get", json!({})).unwrap();
    assert_ne!(settings["coordinatorName"], "پس از پشتیبان");
    let found = call(&w, "groups_list", json!({"filter": {"text": "کاظمی", "tour": null, "state": null, "kind": null, "channel": null, "limit": null}})).unwrap();
    assert_eq!(
        found.as_array().unwrap().len(),
        1,
        "the imported group survived the restore"
    );
}

#[test]
fn documents_are_previewed_and_saved_as_pdf_through_ipc() {
    let dir = tempfile::tempdir().unwrap();
    let (_app, w) = app_with(&dir.path().join("g.sqlite3"));
    call(&w, "demo_install", json!({})).unwrap();
    let request = json!({"kind": "manifest", "tour": 1, "registration": null, "from": null});
    let p = call(&w, "print_preview", json!({"request": request})).unwrap();
    assert!(p["pages"].as_u64().unwrap() >= 1);
    assert!(p["images"][0]
        .as_str()
        .unwrap()
        .starts_with("data:image/png;base64,"));
    let out = dir.path().join("manifest.pdf");
    let saved = call(
        &w,
        "print_save",
        json!({"request": request, "path": out.display().to_string()}),
    )
    .unwrap();
    assert_eq!(saved["pages"], p["pages"]);
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF"));
    // The family waits on tour 1: a waiting group has no confirmation to print.
    let waiting: i64 = {
        let c = gardesh_core::store::open(&dir.path().join("g.sqlite3")).unwrap();
        c.query_row(
            "SELECT id FROM registrations WHERE state = 'waitlisted'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let refused = call(
        &w,
        "print_preview",
        json!({"request": {"kind": "confirmation", "tour": null, "registration": waiting, "from": null}}),
    )
    .expect_err("no confirmation for a waiting group");
    assert_eq!(refused["code"], "conflict");
    let bad = call(
        &w,
        "print_preview",
        json!({"request": {"kind": "poster", "tour": 1, "registration": null, "from": null}}),
    )
    .expect_err("unknown kind");
    assert_eq!(bad["code"], "invalid_input");
}
