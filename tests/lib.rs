//! The end-to-end harness: starts tauri-driver (which starts WebKitWebDriver, which starts
//! the real `gardesh` binary) with a fresh data folder, and gives the test a WebDriver.
//!
//! The tests are `#[ignore]`d in a plain `cargo test`: they need a display (`xvfb-run`),
//! `tauri-driver` on PATH and a built app. The README's test command runs them with
//! `--ignored`, pointing `GARDESH_APP` at the debug binary.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

pub use thirtyfour;

/// The app binary: `GARDESH_APP`, else the workspace's debug build.
pub fn app_path() -> PathBuf {
    if let Some(p) = std::env::var_os("GARDESH_APP") {
        return PathBuf::from(p);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("debug").join(if cfg!(windows) {
        "gardesh.exe"
    } else {
        "gardesh"
    })
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// One running app with its own data folder.
pub struct Session {
    pub driver: WebDriver,
    tauri_driver: Child,
}

/// A data folder that outlives restarts of the app within one test.
pub struct DataHome {
    dir: tempfile::TempDir,
}

impl DataHome {
    pub fn new() -> Self {
        DataHome {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
    /// Where the app keeps its database under this data folder (Linux layout).
    pub fn db_path(&self) -> PathBuf {
        self.dir
            .path()
            .join("ir.isfahan.gardesh")
            .join("gardesh.sqlite3")
    }
}

impl Default for DataHome {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    pub async fn start(home: &DataHome) -> Session {
        Self::start_with(home, &[]).await
    }

    /// Start the app with extra environment variables (e.g. `GARDESH_TODAY`).
    pub async fn start_with(home: &DataHome, env: &[(&str, &str)]) -> Session {
        let app = app_path();
        assert!(
            app.is_file(),
            "the app binary {} is missing: build it with `cargo build -p gardesh` or set GARDESH_APP",
            app.display()
        );
        let app = app.canonicalize().expect("absolute app path");
        let (port, native) = (free_port(), free_port());
        let tauri_driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native.to_string(),
            ])
            .env("XDG_DATA_HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("tauri-driver is on PATH (cargo install tauri-driver --locked)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "tauri-driver did not listen on {port}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut caps = Capabilities::new();
        caps.set("browserName", "wry").expect("caps");
        caps.set(
            "tauri:options",
            serde_json::json!({ "application": app.to_string_lossy() }),
        )
        .expect("caps");
        // tauri-driver listens before WebKitWebDriver behind it does; retry briefly.
        let driver = loop {
            match WebDriver::new(format!("http://127.0.0.1:{port}"), caps.clone()).await {
                Ok(d) => break d,
                Err(e) if Instant::now() < deadline => {
                    eprintln!("retrying the WebDriver session: {e}");
                    tokio::time::sleep(Duration::from_millis(250)).await;
                }
                Err(e) => panic!("no WebDriver session with the app: {e}"),
            }
        };
        let session = Session {
            driver,
            tauri_driver,
        };
        // Clicks land where the element was laid out: wait for the fonts and the first
        // screen, so nothing moves under the pointer.
        session
            .wait_js(
                "document.fonts.status === 'loaded' && !!document.querySelector('nav a')",
                serde_json::json!(true),
            )
            .await;
        session
    }

    /// Wait until the element with `data-testid` exists and return it.
    pub async fn testid(&self, id: &str) -> WebElement {
        self.wait_css(&format!("[data-testid=\"{id}\"]")).await
    }

    pub async fn wait_css(&self, css: &str) -> WebElement {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(e) = self.driver.find(By::Css(css)).await {
                return e;
            }
            assert!(Instant::now() < deadline, "no element matches {css}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Wait until `script` (a JS expression) evaluates to `want`.
    pub async fn wait_js(&self, script: &str, want: serde_json::Value) -> serde_json::Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let got = self
                .driver
                .execute(format!("return {script};"), Vec::new())
                .await
                .map(|r| r.json().clone())
                .unwrap_or(serde_json::Value::Null);
            if got == want {
                return got;
            }
            assert!(
                Instant::now() < deadline,
                "`{script}` is {got}, expected {want}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Click the element with `data-testid` (waiting for it).
    pub async fn click(&self, id: &str) {
        let e = self.testid(id).await;
        e.scroll_into_view().await.ok();
        e.click()
            .await
            .unwrap_or_else(|err| panic!("click {id}: {err}"));
    }

    /// Replace the text of the field with `data-testid`.
    pub async fn fill(&self, id: &str, text: &str) {
        let e = self.testid(id).await;
        self.type_into(&e, text).await;
    }

    pub async fn type_into(&self, e: &WebElement, text: &str) {
        e.scroll_into_view().await.ok();
        e.clear().await.ok();
        e.send_keys(text)
            .await
            .unwrap_or_else(|err| panic!("typing {text}: {err}"));
    }

    /// Type and press Enter (date fields commit on Enter).
    pub async fn fill_enter(&self, id: &str, text: &str) {
        let e = self.testid(id).await;
        self.type_into(&e, text).await;
        e.send_keys(thirtyfour::Key::Enter)
            .await
            .unwrap_or_else(|err| panic!("enter in {id}: {err}"));
    }

    /// Wait until the element matching `css` has text containing `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let text = match self.driver.find(By::Css(css)).await {
                Ok(e) => e.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            if text.contains(needle) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "{css} shows «{text}», expected «{needle}»"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.driver
            .execute(format!("return {script};"), Vec::new())
            .await
            .map(|r| r.json().clone())
            .expect("the script runs")
    }

    /// Save a screenshot when `GARDESH_SCREENSHOTS` names a folder.
    pub async fn screenshot(&self, name: &str) {
        if let Some(dir) = std::env::var_os("GARDESH_SCREENSHOTS") {
            // WebKit paints a little after the DOM changes: let the last change reach the screen.
            tokio::time::sleep(Duration::from_millis(700)).await;
            let dir = PathBuf::from(dir);
            std::fs::create_dir_all(&dir).expect("screenshot folder");
            let png = self.driver.screenshot_as_png().await.expect("a screenshot");
            std::fs::write(dir.join(format!("{name}.png")), png).expect("screenshot written");
        }
    }

    /// Close the app and stop tauri-driver with SIGTERM (SIGKILL would orphan WebKitWebDriver).
    pub async fn stop(mut self) {
        let driver = self.driver.clone();
        let _ = driver.quit().await;
        terminate(&mut self.tauri_driver);
    }
}

fn terminate(child: &mut Child) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-TERM", &child.id().to_string()])
            .stderr(Stdio::null())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}

impl Drop for Session {
    fn drop(&mut self) {
        terminate(&mut self.tauri_driver);
    }
}
