//! Turns design tokens into egui's style and input settings.

use egui::{FontFamily, FontId, TextStyle, Vec2};

use super::{BOLD, Theme};

/// Applies text sizes, colours, spacing and touch tolerances to every style of `ctx`.
pub fn apply(theme: &Theme, ctx: &egui::Context) {
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    // egui's own widgets (scroll bars, the modal's backdrop) follow the palette's lightness.
    ctx.set_theme(if colors.background.luminance() < 0.5 {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| {
        let bold = FontFamily::Name(BOLD.into());
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(sizes.small_pt, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(sizes.body_pt, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(sizes.body_pt, FontFamily::Monospace),
            ),
            (
                TextStyle::Button,
                FontId::new(sizes.button_text_pt, bold.clone()),
            ),
            (TextStyle::Heading, FontId::new(sizes.heading_pt, bold)),
        ]
        .into();
        style.interaction.selectable_labels = false;
        style.interaction.multi_widget_text_select = false;
        style.spacing.item_spacing = Vec2::splat(sizes.item_spacing_pt);
        style.spacing.interact_size = Vec2::splat(sizes.min_touch_pt);
        style.spacing.scroll.bar_width = 12.0_f32.max(sizes.stroke_pt * 4.0);
        style.spacing.scroll.floating = false;
        style.animation_time = sizes.widget_animation_secs.max(0.0);
        let visuals = &mut style.visuals;
        visuals.override_text_color = Some(colors.text.color32());
        visuals.panel_fill = colors.background.color32();
        visuals.window_fill = colors.surface.color32();
        visuals.extreme_bg_color = colors.surface.color32();
        visuals.selection.bg_fill = colors.surface_pressed.color32();
        visuals.widgets.noninteractive.fg_stroke.color = colors.text.color32();
    });
    ctx.options_mut(|options| {
        // Kiosk users have no keyboard; nothing should zoom or quit by a key.
        options.zoom_with_keyboard = false;
        options.quit_shortcuts.clear();
        // A tap that changes the screen draws the new screen in the same frame (a second
        // pass); a third leaves room for a sizing pass of what the new screen shows.
        options.max_passes = std::num::NonZeroUsize::new(3).unwrap_or(options.max_passes);
        let input = &mut options.input_options;
        input.max_click_dist = sizes.max_click_dist_pt;
        input.max_click_duration = sizes.max_click_duration_secs;
    });
}
