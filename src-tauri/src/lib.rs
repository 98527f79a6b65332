//! gardesh: the desktop shell. Thin Tauri commands over gardesh-core; no rule lives here.

pub mod commands;
pub mod dto;
pub mod state;

use std::time::Instant;

use tauri::{Builder, Manager, Runtime};

use gardesh_core::clock::SystemClock;
use state::AppState;

/// Every command the UI may call. Kept apart from `run` so command tests can register the
/// same handlers on Tauri's mock runtime.
pub fn register<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    builder.invoke_handler(tauri::generate_handler![
        commands::app_status,
        commands::settings_get,
        commands::settings_save,
        commands::ui_ready,
        commands::sites::sites_list,
        commands::sites::site_get,
        commands::sites::site_create,
        commands::sites::site_update,
        commands::sites::site_set_archived,
        commands::sites::site_set_hours,
        commands::sites::site_add_closure,
        commands::sites::site_remove_closure,
        commands::sites::site_undo,
        commands::sites::photo_add,
        commands::sites::photo_bytes,
        commands::sites::photo_set_cover,
        commands::sites::photo_set_caption,
        commands::sites::photo_remove,
        commands::programme::programme_get,
        commands::programme::programme_save,
        commands::programme::departures_plan,
        commands::programme::departures_apply,
        commands::programme::holidays_list,
        commands::programme::holiday_save,
        commands::programme::holiday_remove,
        commands::programme::holidays_add_official_1405,
        commands::programme::holidays_import_csv,
        commands::programme::holidays_export_csv,
        commands::programme::calendar_month,
        commands::programme::tours_between,
        commands::programme::demo_offer,
        commands::programme::demo_install,
        commands::tours::tours_list,
        commands::tours::tour_get,
        commands::tours::tour_preview_stops,
        commands::tours::tour_set_stops,
        commands::tours::tour_update,
        commands::tours::tour_set_status,
        commands::tours::tour_optimise,
        commands::tours::tour_apply_order,
        commands::tours::vehicles_list,
        commands::tours::vehicle_save,
        commands::tours::guides_list,
        commands::tours::guide_save,
        commands::tours::tour_assign_vehicle,
        commands::tours::tour_assign_guide,
        commands::tours::templates_list,
        commands::tours::template_save_from_tour,
        commands::tours::template_remove,
        commands::tours::template_matching_tours,
        commands::tours::template_apply,
        commands::tours::travel_model_get,
        commands::tours::travel_model_save,
        commands::tours::travel_override_set,
        commands::groups::groups_list,
        commands::groups::group_get,
        commands::groups::group_check,
        commands::groups::group_create,
        commands::groups::group_update,
        commands::groups::group_remove,
        commands::groups::registration_preview,
        commands::groups::registration_register,
        commands::groups::registration_cancel,
        commands::groups::registration_release,
        commands::groups::registration_move,
        commands::groups::registration_reorder,
        commands::groups::registration_events,
        commands::groups::tour_roster,
        commands::groups::date_wait_create,
        commands::groups::date_wait_cancel,
        commands::groups::date_waits_list,
        commands::day::checkin_sheet,
        commands::day::checkin_code,
        commands::day::checkin_mark,
        commands::day::checkin_undo,
        commands::day::checkin_walk_in,
        commands::day::checkin_close_departure,
        commands::day::requests_list,
        commands::day::request_get,
        commands::day::request_create,
        commands::day::request_update,
        commands::day::request_refer,
        commands::day::request_answer,
        commands::day::request_report,
        commands::day::request_departments,
        commands::day::dashboard_figures,
        commands::day::reports_get,
        commands::day::file_save,
        commands::exchange::import_preview,
        commands::exchange::import_apply,
        commands::exchange::export_registrations,
        commands::exchange::export_manifest,
        commands::exchange::export_requests,
        commands::exchange::export_calendar,
        commands::exchange::backups_list,
        commands::exchange::backup_now,
        commands::exchange::backup_restore,
        commands::exchange::backup_health,
        commands::print::print_preview,
        commands::print::print_save,
        commands::print::print_cancel,
        commands::print::print_open,
    ])
}

pub fn run() {
    let started = Instant::now();
    let app =
        register(tauri::Builder::default().plugin(tauri_plugin_dialog::init())).setup(move |app| {
            // GARDESH_TODAY=YYYY-MM-DD rehearses another day (e.g. a tour day's check-in).
            let clock: Box<dyn gardesh_core::clock::Clock> =
                match std::env::var("GARDESH_TODAY").ok().and_then(|d| {
                    gardesh_core::persian::calendar::parse_iso_date("GARDESH_TODAY", &d).ok()
                }) {
                    Some(day) => Box::new(gardesh_core::clock::ShiftedClock::to_day(day)),
                    None => Box::new(SystemClock),
                };
            let state = AppState::open_default(clock, started);
            if let Some(refusal) = state.refusal() {
                eprintln!("gardesh: {}", refusal.message);
            }
            if state.refusal().is_none() {
                backups_in_background(state.path().to_path_buf());
            }
            app.manage(state);
            Ok(())
        });
    if let Err(e) = app.run(tauri::generate_context!()) {
        eprintln!("gardesh could not start: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests;

/// A backup on start and then daily (`backup::daily` takes one when the newest is from an
/// earlier day), on a connection of its own so start-up and commands never wait for it.
fn backups_in_background(path: std::path::PathBuf) {
    std::thread::spawn(move || loop {
        if let Ok(conn) = gardesh_core::store::open(&path) {
            if let Err(e) = gardesh_core::backup::daily(&conn, &path, chrono::Utc::now()) {
                eprintln!("gardesh: backup failed: {e}");
            }
        }
        std::thread::sleep(std::time::Duration::from_secs(3600));
    });
}
