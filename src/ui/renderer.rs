//! Which renderer draws the window: the GPU through wgpu, or planboard's own CPU rasterizer. A
//! software GPU (Mesa's llvmpipe or lavapipe, Windows' WARP) costs many times what the CPU path
//! does, and no GPU driver at all means no window: both choose the CPU path by themselves.

/// What a person asked for: `--renderer auto|gpu|cpu`, or `PLANBOARD_RENDERER`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RendererChoice {
    #[default]
    Auto,
    Gpu,
    Cpu,
}

/// The environment variable that forces a renderer when the command line does not.
pub const RENDERER_ENV: &str = "PLANBOARD_RENDERER";

impl RendererChoice {
    /// `auto`, `gpu` or `cpu`, case aside.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(Self::Auto),
            "gpu" => Some(Self::Gpu),
            "cpu" => Some(Self::Cpu),
            _ => None,
        }
    }
}

/// What the window will use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Gpu,
    /// The CPU path, and why, in both languages: shown once in the window.
    Cpu(crate::model::Msg),
}

/// The renderer for `asked` (the environment variable when `asked` is `Auto`): the GPU when a
/// hardware adapter answers, else the CPU path with the reason.
pub fn choose(asked: RendererChoice) -> Choice {
    let asked = match asked {
        RendererChoice::Auto => std::env::var(RENDERER_ENV)
            .ok()
            .and_then(|v| RendererChoice::parse(&v))
            .unwrap_or(RendererChoice::Auto),
        other => other,
    };
    match asked {
        RendererChoice::Gpu => Choice::Gpu,
        RendererChoice::Cpu => Choice::Cpu(crate::model::Msg::new(
            "Drawn on the CPU, as asked.",
            "按要求使用 CPU 绘制窗口。",
        )),
        RendererChoice::Auto => match probe_adapter() {
            Adapter::Hardware => Choice::Gpu,
            Adapter::Software(name) => Choice::Cpu(crate::model::Msg::new(
                format!(
                    "No graphics card: the only GPU adapter is a software one ({name}); the window is drawn on the CPU, which costs less."
                ),
                format!(
                    "没有显卡：唯一的 GPU 适配器是软件模拟的（{name}），窗口改用 CPU 绘制，更省资源。"
                ),
            )),
            Adapter::None => Choice::Cpu(crate::model::Msg::new(
                "No GPU driver found: the window is drawn on the CPU.",
                "没有找到 GPU 驱动：窗口改用 CPU 绘制。",
            )),
        },
    }
}

enum Adapter {
    Hardware,
    Software(String),
    None,
}

/// Ask wgpu for the adapter eframe would get.
fn probe_adapter() -> Adapter {
    use eframe::egui_wgpu::wgpu;
    let instance =
        wgpu::Instance::new(wgpu::InstanceDescriptor::new_without_display_handle_from_env());
    let adapter =
        pollster::block_on(instance.request_adapter(&wgpu::RequestAdapterOptions::default()));
    match adapter {
        Ok(adapter) => {
            let info = adapter.get_info();
            if info.device_type == wgpu::DeviceType::Cpu {
                Adapter::Software(info.name)
            } else {
                Adapter::Hardware
            }
        }
        Err(_) => Adapter::None,
    }
}

/// A failure of the GPU path in words a person can act on, not a debug dump.
pub fn gpu_failure(err: &str) -> String {
    format!(
        "the window could not start on the GPU ({}). Start it on the CPU with `planboard --renderer cpu` (or {RENDERER_ENV}=cpu), or install a Vulkan or OpenGL driver (Debian: mesa-vulkan-drivers).",
        err.trim().trim_end_matches(':').replace("{}", "no backend")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_parse_and_failures_say_what_to_do() {
        assert_eq!(RendererChoice::parse(" CPU "), Some(RendererChoice::Cpu));
        assert_eq!(RendererChoice::parse("gpu"), Some(RendererChoice::Gpu));
        assert_eq!(RendererChoice::parse("vulkan"), None);
        let text = gpu_failure("WGPU error: Failed to create surface for any enabled backend: {}");
        assert!(
            text.contains("--renderer cpu") && !text.contains("{}"),
            "{text}"
        );
        assert!(matches!(choose(RendererChoice::Cpu), Choice::Cpu(_)));
    }
}
