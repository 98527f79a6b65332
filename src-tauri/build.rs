fn main() {
    // App commands get generated permissions (`allow-<command>`), so the capability file
    // can grant the UI exactly the commands it calls and nothing else.
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(gardesh_commands::COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri-build failed: {e:#}");
        std::process::exit(1);
    }
}

#[path = "src/commands/names.rs"]
mod gardesh_commands;
