//! The names of every command the UI may call; build.rs turns them into permissions.

pub const COMMANDS: &[&str] = &["app_status", "settings_get", "settings_save", "ui_ready"];
