//! The window drawn by planboard's own CPU rasterizer (the one images and UI tests use) into a
//! `softbuffer` surface, with `egui-winit` for input: keyboard, pointer, wheel, IME, clipboard,
//! dropped files, high-DPI scale and accessibility. For machines with no GPU, or only a software
//! one.
//!
//! Only what changed is redrawn: each frame's clipped primitives are compared with the last
//! frame's ([`crate::raster::LastFrame`]), and only the union of the rectangles that differ is
//! rasterized and presented. Nothing
//! runs while nothing happens (repaint on input, or when egui asks for one at a time).

use std::num::NonZeroU32;
use std::rc::Rc;
use std::time::{Duration, Instant};

use egui::{Color32, ColorImage, Rect, ViewportId};
use winit::application::ApplicationHandler;
use winit::event::WindowEvent;
use winit::event_loop::{ActiveEventLoop, ControlFlow, EventLoop};
use winit::window::{Window, WindowId};

use super::store::Store;
use super::{
    Launch, MIN_WINDOW_SIZE, PlanboardApp, ScreenshotJob, WINDOW_SIZE, WindowError, make_app,
};
use crate::model::{Dataset, Msg};
use crate::raster::{Canvas, LastFrame, Textures};
use crate::ui::notices::Notice;
use crate::ui::settings::STORAGE_KEY;

/// The shortest time between two frames an animation asks for: a 60 Hz display's.
const FRAME_INTERVAL: Duration = Duration::from_micros(16_667);

/// Open the window on the CPU path and run until it closes.
pub fn run(
    launch: &Launch,
    loaded: Dataset,
    job: Option<ScreenshotJob>,
    reason: &Msg,
) -> Result<(), WindowError> {
    let event_loop = EventLoop::<UserEvent>::with_user_event()
        .build()
        .map_err(WindowError::NoDisplay)?;
    let screenshot = launch.screenshot.is_some();
    let store = if screenshot { None } else { Store::open() };
    let ctx = egui::Context::default();
    let stored = store.as_ref().and_then(|s| s.get(STORAGE_KEY));
    let mut app = make_app(launch, loaded, &ctx, stored.as_deref(), job);
    // Say once why the window is drawn this way.
    app.notices
        .push(Notice::info(reason.get(app.settings.lang).to_owned()));
    let proxy = event_loop.create_proxy();
    // egui asks for repaints from any thread; wake the event loop for them.
    let waker = proxy.clone();
    ctx.set_request_repaint_callback(move |info| {
        let _ = waker.send_event(UserEvent::Repaint(info.delay));
    });
    let mut runner = Runner {
        app,
        ctx,
        store,
        proxy,
        window: None,
        surface: None,
        state: None,
        textures: Textures::default(),
        frame: LastFrame::default(),
        repaint_at: None,
        last_frame: Instant::now(),
        error: None,
        present_failed: false,
    };
    event_loop
        .run_app(&mut runner)
        .map_err(WindowError::Stopped)?;
    runner.error.map_or(Ok(()), Err)
}

/// Events the event loop carries besides the window's: screen readers' requests, and repaints
/// asked from other threads (a watched file changed, a dialog answered).
#[derive(Debug)]
enum UserEvent {
    AccessKit(egui_winit::accesskit_winit::Event),
    Repaint(Duration),
}

impl From<egui_winit::accesskit_winit::Event> for UserEvent {
    fn from(event: egui_winit::accesskit_winit::Event) -> Self {
        Self::AccessKit(event)
    }
}

struct Runner {
    app: PlanboardApp,
    ctx: egui::Context,
    store: Option<Store>,
    proxy: winit::event_loop::EventLoopProxy<UserEvent>,
    window: Option<Rc<Window>>,
    surface: Option<softbuffer::Surface<Rc<Window>, Rc<Window>>>,
    state: Option<egui_winit::State>,
    textures: Textures,
    frame: LastFrame,
    repaint_at: Option<Instant>,
    /// When the last frame started: animation frames are paced from it.
    last_frame: Instant,
    error: Option<WindowError>,
    /// Whether a frame could not be presented already (said once in a notice).
    present_failed: bool,
}

impl ApplicationHandler<UserEvent> for Runner {
    fn user_event(&mut self, _: &ActiveEventLoop, event: UserEvent) {
        use egui_winit::accesskit_winit::WindowEvent as Ax;
        let event = match event {
            UserEvent::AccessKit(event) => event,
            UserEvent::Repaint(delay) => {
                self.schedule(delay);
                return;
            }
        };
        let (Some(window), Some(state)) = (&self.window, &mut self.state) else {
            return;
        };
        match event.window_event {
            Ax::ActionRequested(request) => {
                state.on_accesskit_action_request(request);
                window.request_redraw();
            }
            Ax::InitialTreeRequested => {
                self.ctx.enable_accesskit();
                window.request_redraw();
            }
            Ax::AccessibilityDeactivated => self.ctx.disable_accesskit(),
        }
    }

    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        if self.window.is_some() {
            return;
        }
        let icon = super::app_icon();
        let attributes = Window::default_attributes()
            .with_title("planboard")
            .with_window_icon(
                winit::window::Icon::from_rgba(icon.rgba, icon.width, icon.height).ok(),
            )
            // Screen readers get the tree once the adapter is set up, before the window shows.
            .with_visible(false)
            .with_inner_size(winit::dpi::LogicalSize::new(WINDOW_SIZE[0], WINDOW_SIZE[1]))
            .with_min_inner_size(winit::dpi::LogicalSize::new(
                MIN_WINDOW_SIZE[0],
                MIN_WINDOW_SIZE[1],
            ));
        let window = match event_loop.create_window(attributes) {
            Ok(w) => Rc::new(w),
            Err(e) => return self.fail(event_loop, WindowError::Open(e)),
        };
        let surface = softbuffer::Context::new(Rc::clone(&window))
            .and_then(|context| softbuffer::Surface::new(&context, Rc::clone(&window)));
        let surface = match surface {
            Ok(s) => s,
            Err(e) => {
                return self.fail(event_loop, WindowError::Surface(e));
            }
        };
        let mut state = egui_winit::State::new(
            self.ctx.clone(),
            ViewportId::ROOT,
            &*window,
            Some(window.scale_factor() as f32),
            None,
            Some(8192),
        );
        state.init_accesskit(event_loop, &window, self.proxy.clone());
        window.set_visible(true);
        window.request_redraw();
        self.window = Some(window);
        self.surface = Some(surface);
        self.state = Some(state);
    }

    fn window_event(&mut self, event_loop: &ActiveEventLoop, _: WindowId, event: WindowEvent) {
        let (Some(window), Some(state)) = (&self.window, &mut self.state) else {
            return;
        };
        let response = state.on_window_event(window, &event);
        match event {
            WindowEvent::CloseRequested | WindowEvent::Destroyed => {
                self.save_settings(true);
                event_loop.exit();
                return;
            }
            WindowEvent::RedrawRequested => {
                self.paint(event_loop);
                return;
            }
            WindowEvent::Resized(_) | WindowEvent::ScaleFactorChanged { .. } => {
                // The whole surface is new.
                self.frame = LastFrame::default();
                window.request_redraw();
            }
            _ => {}
        }
        if response.repaint {
            window.request_redraw();
        }
    }

    fn about_to_wait(&mut self, event_loop: &ActiveEventLoop) {
        match self.repaint_at {
            Some(at) if at <= Instant::now() => {
                self.repaint_at = None;
                if let Some(w) = &self.window {
                    w.request_redraw();
                }
                event_loop.set_control_flow(ControlFlow::Wait);
            }
            Some(at) => event_loop.set_control_flow(ControlFlow::WaitUntil(at)),
            None => event_loop.set_control_flow(ControlFlow::Wait),
        }
    }
}

impl Runner {
    /// Ask for a frame after `delay`. Animations ask for the next frame at once; with no display
    /// refresh to wait for, that would spin, so frames are paced at 60 a second from the last one.
    /// Input still redraws at once.
    fn schedule(&mut self, delay: Duration) {
        if delay >= Duration::from_hours(1) {
            return;
        }
        let at = (Instant::now() + delay).max(self.last_frame + FRAME_INTERVAL);
        self.repaint_at = Some(self.repaint_at.map_or(at, |t| t.min(at)));
    }

    fn fail(&mut self, event_loop: &ActiveEventLoop, error: WindowError) {
        self.error = Some(error);
        event_loop.exit();
    }

    /// One frame: run the app, rasterize what changed, present it, carry out what egui asked.
    fn paint(&mut self, event_loop: &ActiveEventLoop) {
        let (Some(window), Some(state), Some(surface)) =
            (&self.window, &mut self.state, &mut self.surface)
        else {
            return;
        };
        self.last_frame = Instant::now();
        let input = state.take_egui_input(window);
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| app.ui(ui));
        state.handle_platform_output(window, std::mem::take(&mut output.platform_output));
        // A texture changed under unchanged geometry (new glyphs in the font atlas): the old
        // pixels may be stale anywhere, so this frame is drawn whole.
        if !output.textures_delta.set.is_empty() {
            self.frame = LastFrame::default();
        }
        self.textures.apply(&mut output.textures_delta);

        let size = window.inner_size();
        let (Some(w), Some(h)) = (NonZeroU32::new(size.width), NonZeroU32::new(size.height)) else {
            return;
        };
        let ppp = output.pixels_per_point;
        let shapes = std::mem::take(&mut output.shapes);
        let prims = self.ctx.tessellate(shapes, ppp);
        let damage = self
            .frame
            .redraw(&prims, &self.textures, w, h, ppp, window_fill(&self.ctx));
        let presented = match (damage, &self.frame.canvas) {
            (Some(damage), Some(canvas)) => present(surface, canvas, w, h, damage),
            _ => Ok(()),
        };
        if let Err(err) = presented {
            // The frame is lost, not the window: the next one is drawn whole. Said once.
            self.frame = LastFrame::default();
            if !self.present_failed {
                self.present_failed = true;
                let lang = self.app.settings.lang;
                self.app.notices.push(Notice::error(format!(
                    "{}{err}",
                    crate::i18n::tr(
                        lang,
                        "窗口有一帧未能显示：",
                        "The window could not show a frame: "
                    )
                )));
            }
        }

        let viewport = output.viewport_output.remove(&ViewportId::ROOT);
        let mut close = false;
        if let Some(viewport) = viewport {
            for command in viewport.commands {
                match command {
                    egui::ViewportCommand::Title(title) => window.set_title(&title),
                    egui::ViewportCommand::Close => close = true,
                    egui::ViewportCommand::Screenshot(callback) => {
                        // The frame just presented is the screenshot.
                        if let Some(canvas) = &self.frame.canvas {
                            callback.complete(std::sync::Arc::new(canvas_image(canvas)));
                        }
                        window.request_redraw();
                    }
                    _ => {}
                }
            }
            self.schedule(viewport.repaint_delay);
        }
        self.save_settings(false);
        if close {
            self.save_settings(true);
            event_loop.exit();
        }
    }

    /// Write the settings when they changed (or at exit), keeping the store's other entries.
    fn save_settings(&mut self, exiting: bool) {
        let Some(store) = &mut self.store else { return };
        if let Some(text) = self.app.settings_to_store(exiting) {
            store.set(STORAGE_KEY, text);
            if let Err(err) = store.flush() {
                let lang = self.app.settings.lang;
                self.app.notices.push(Notice::error(format!(
                    "{}{}",
                    crate::i18n::tr(lang, "无法保存设置：", "Could not save the settings: "),
                    err.message().get(lang)
                )));
            }
        }
    }
}

/// The colour behind everything: the theme's window fill.
fn window_fill(ctx: &egui::Context) -> Color32 {
    ctx.style_of(ctx.theme()).visuals.panel_fill
}

/// Copy the damaged rectangle of the canvas to the window and present it, or say why not.
fn present(
    surface: &mut softbuffer::Surface<Rc<Window>, Rc<Window>>,
    canvas: &Canvas,
    w: NonZeroU32,
    h: NonZeroU32,
    damage: Rect,
) -> Result<(), softbuffer::SoftBufferError> {
    surface.resize(w, h)?;
    let mut buffer = surface.buffer_mut()?;
    let width = canvas.width;
    let (x0, y0) = (damage.min.x as usize, damage.min.y as usize);
    let (x1, y1) = (
        (damage.max.x as usize).min(width),
        (damage.max.y as usize).min(canvas.height),
    );
    // A fresh buffer may not hold the last frame: copy everything then.
    let whole = buffer.age() == 0;
    let (x0, y0, x1, y1) = if whole {
        (0, 0, width, canvas.height)
    } else {
        (x0, y0, x1, y1)
    };
    for y in y0..y1 {
        let row = y * width;
        for x in x0..x1 {
            let [r, g, b, _] = canvas.pixels[row + x].to_array();
            buffer[row + x] = (u32::from(r) << 16) | (u32::from(g) << 8) | u32::from(b);
        }
    }
    let rect = softbuffer::Rect {
        x: x0 as u32,
        y: y0 as u32,
        width: NonZeroU32::new((x1 - x0) as u32).unwrap_or(NonZeroU32::MIN),
        height: NonZeroU32::new((y1 - y0) as u32).unwrap_or(NonZeroU32::MIN),
    };
    buffer.present_with_damage(&[rect])
}

/// The canvas as an image, for `--screenshot`.
fn canvas_image(canvas: &Canvas) -> ColorImage {
    ColorImage::new([canvas.width, canvas.height], canvas.pixels.clone())
}
