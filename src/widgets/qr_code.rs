//! A QR code a patient scans with a phone: dark modules on a light square with its quiet zone,
//! each module a whole number of pixels so the code stays sharp. The modules are a small
//! texture (a pixel a module) made once, so a frame draws one rectangle for them, not one per
//! run of dark modules (about 2,000 for the questions page's code). Screen readers get it as
//! an image named by its caption.

use std::sync::Arc;

use egui::emath::GuiRounding as _;
use egui::{
    Color32, ColorImage, Id, Rect, Response, Sense, TextureHandle, TextureOptions, Ui, Widget,
    WidgetInfo, pos2, vec2,
};

use crate::content::{QR_QUIET_ZONE_MODULES, QrModules};
use crate::theme::Theme;

/// A QR code holding `payload`, labelled `caption` for screen readers.
pub struct QrCodeView<'a> {
    theme: &'a Theme,
    payload: &'a str,
    caption: &'a str,
}

impl<'a> QrCodeView<'a> {
    /// A QR code of `payload` (see [`crate::content::qr_payload`]), described by `caption`.
    pub fn new(theme: &'a Theme, payload: &'a str, caption: &'a str) -> Self {
        Self {
            theme,
            payload,
            caption,
        }
    }
}

/// The modules of `payload`, encoded once and then kept in egui's memory by the payload; `None`
/// if it cannot be encoded (the validator reports such a page before it is ever shown).
pub fn cached_modules(ctx: &egui::Context, payload: &str) -> Option<Arc<QrModules>> {
    let id = Id::unique(("qr_code_modules", payload));
    if let Some(cached) = ctx.memory(|memory| memory.data.get_temp::<Arc<QrModules>>(id)) {
        return Some(cached);
    }
    let modules = Arc::new(QrModules::encode(payload).ok()?);
    ctx.memory_mut(|memory| memory.data.insert_temp(id, Arc::clone(&modules)));
    Some(modules)
}

/// The modules of `payload` as a texture, a pixel a module without the quiet zone: dark modules
/// white, light ones clear, for painting tinted with the dark colour (so both looks share it).
/// Made once and kept in egui's memory by the payload.
fn cached_texture(ctx: &egui::Context, payload: &str, modules: &QrModules) -> TextureHandle {
    let id = Id::unique(("qr_code_texture", payload));
    if let Some(cached) = ctx.memory(|memory| memory.data.get_temp::<TextureHandle>(id)) {
        return cached;
    }
    let side = modules.width_modules();
    let mut image = ColorImage::filled([side, side], Color32::TRANSPARENT);
    for y in 0..side {
        for (x, run) in modules.dark_runs(y) {
            for column in x..x + run {
                image[(column, y)] = Color32::WHITE;
            }
        }
    }
    // Nearest: each module's pixels are whole screen pixels, never blended with a neighbour.
    let texture = ctx.load_texture("qr_code", image, TextureOptions::NEAREST);
    ctx.memory_mut(|memory| memory.data.insert_temp(id, texture.clone()));
    texture
}

impl Widget for QrCodeView<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let colors = &self.theme.colors;
        let modules = cached_modules(ui.ctx(), self.payload);
        let side_modules = modules
            .as_deref()
            .map_or(21 + 2 * QR_QUIET_ZONE_MODULES, |m| {
                m.width_with_quiet_zone_modules()
            });
        let side_max_pt = self.theme.sizes.qr_side_pt.min(ui.available_width());
        let pixels_per_point = ui.ctx().pixels_per_point();
        let module_px = (side_max_pt * pixels_per_point / side_modules as f32)
            .floor()
            .max(1.0);
        let module_pt = module_px / pixels_per_point;
        let side_pt = module_pt * side_modules as f32;
        let (rect, response) = ui.allocate_exact_size(vec2(side_pt, side_pt), Sense::hover());
        if ui.is_rect_visible(rect) {
            // Whole pixels from the top left corner, so no module is blurred across two.
            let origin = rect.min.round_to_pixels(pixels_per_point);
            let painter = ui.painter();
            painter.rect_filled(
                Rect::from_min_size(origin, rect.size()),
                0.0,
                colors.qr_light.color32(),
            );
            if let Some(modules) = &modules {
                let quiet_pt = QR_QUIET_ZONE_MODULES as f32 * module_pt;
                let code_pt = modules.width_modules() as f32 * module_pt;
                let code =
                    Rect::from_min_size(origin + vec2(quiet_pt, quiet_pt), vec2(code_pt, code_pt));
                let texture = cached_texture(ui.ctx(), self.payload, modules);
                let whole = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
                painter.image(texture.id(), code, whole, colors.qr_dark.color32());
            }
        }
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, self.caption));
        response
    }
}
