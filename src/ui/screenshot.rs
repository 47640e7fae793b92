//! `--screenshot`: wait until the page is fully drawn, save the window's pixels, close.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Why `--screenshot` wrote no file.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    #[error(transparent)]
    Encode(#[from] crate::export::ExportError),
    #[error(transparent)]
    Write(#[from] crate::files::WriteError),
    #[error("no screenshot arrived within 20 s")]
    TimedOut,
    #[error("the window closed before the screenshot was taken")]
    NotTaken,
}

#[derive(Debug)]
pub struct ScreenshotJob {
    pub path: PathBuf,
    frames: u32,
    /// `ctx.input(|i| i.time)` when the capture was asked for.
    requested_at: Option<f64>,
    /// Set by the screenshot callback; read by `main` after the window closed.
    pub result: Arc<Mutex<Option<Result<(), ScreenshotError>>>>,
}

impl ScreenshotJob {
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            frames: 0,
            requested_at: None,
            result: Arc::new(Mutex::new(None)),
        }
    }

    /// Called once a frame: settle, ask for the pixels, write them, close the window.
    pub fn drive(&mut self, ctx: &egui::Context) {
        // A few frames let egui settle sizes (axis widths, wrapped labels) before the capture.
        if self.frames < 5 {
            self.frames += 1;
            ctx.request_repaint();
            return;
        }
        if let Some(asked) = self.requested_at {
            // A driver that never delivers the pixels must not hang a script forever.
            if ctx.input(|i| i.time) - asked > 20.0 {
                if let Ok(mut slot) = self.result.lock() {
                    slot.get_or_insert(Err(ScreenshotError::TimedOut));
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            } else {
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
            }
            return;
        }
        self.requested_at = Some(ctx.input(|i| i.time));
        let path = self.path.clone();
        let result = Arc::clone(&self.result);
        let ctx2 = ctx.clone();
        ctx.request_screenshot(move |image| {
            let outcome = crate::export::encode_png(&image)
                .map_err(ScreenshotError::from)
                .and_then(|png| Ok(crate::files::write_atomic(&path, &png)?));
            if let Ok(mut slot) = result.lock() {
                *slot = Some(outcome);
            }
            ctx2.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx2.request_repaint();
        });
        ctx.request_repaint();
    }
}
