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
    ])
}

pub fn run() {
    let started = Instant::now();
    let app = register(tauri::Builder::default()).setup(move |app| {
        let state = AppState::open_default(Box::new(SystemClock), started);
        if let Some(refusal) = state.refusal() {
            eprintln!("gardesh: {}", refusal.message);
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
