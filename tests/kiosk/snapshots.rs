//! Pixel snapshots of the home screen and a content page, landscape and portrait (and the page
//! in Spanish, extra large, high contrast), and of every
//! diagram at the size a 1920x1080 screen shows it (the endoscope in portrait too), rendered
//! headless with wgpu. `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites them.

use crate::common;

use egui::{Vec2, vec2};
use egui_kittest::Harness;
use patient_kiosk::app::Command;
use patient_kiosk::content::PageRef;
use patient_kiosk::diagram::{DiagramCache, DiagramView};
use patient_kiosk::images::ImageCache;
use patient_kiosk::theme::TextSize;
use patient_kiosk::{KioskApp, Theme};

fn kiosk(size: Vec2) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    common::with_listen_button(&mut app);
    // Past the attract screen, as after a first touch.
    app.apply(Command::Home);
    let mut harness = Harness::builder()
        .with_size(size)
        // Half a pixel per point: the same layout in a quarter of the pixels, so the committed
        // PNGs stay small.
        .with_pixels_per_point(0.5)
        .wgpu()
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    common::settle_pictures(&mut harness);
    harness
}

/// The page with the comparison table: the densest layout in the deck.
fn table_page() -> PageRef {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    language
        .pages()
        .find(|(_, page)| {
            page.blocks
                .iter()
                .any(|block| matches!(block, patient_kiosk::content::model::Block::Table { .. }))
        })
        .map(|(at, _)| at)
        .expect("the bundled content has a table")
}

#[test]
fn home_and_a_page_in_landscape_and_portrait() {
    let mut failures = Vec::new();
    for (orientation, size) in [
        ("landscape", vec2(1920.0, 1080.0)),
        ("portrait", vec2(1080.0, 1920.0)),
    ] {
        let mut harness = kiosk(size);
        if let Err(error) = harness.try_snapshot(format!("home_{orientation}")) {
            failures.push(error.to_string());
        }
        harness.state_mut().apply(Command::Open(table_page()));
        common::settle_pictures(&mut harness);
        if let Err(error) = harness.try_snapshot(format!("page_{orientation}")) {
            failures.push(error.to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "snapshots differ:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_table_page_in_spanish_at_extra_large_size_in_high_contrast() {
    let mut harness = kiosk(vec2(1080.0, 1920.0));
    for command in [
        Command::ChooseLanguage(1),
        Command::SetTextSize(TextSize::ExtraLarge),
        Command::SetHighContrast(true),
        Command::Open(table_page()),
    ] {
        harness.state_mut().apply(command);
    }
    common::settle_pictures(&mut harness);
    harness.snapshot("page_portrait_es_extra_large_high_contrast");
}

/// One diagram drawn alone, as wide as a page gives it.
struct DiagramAlone {
    theme: Theme,
    deck: patient_kiosk::Deck,
    id: String,
    open_hotspot: Option<String>,
    diagrams: DiagramCache,
    images: ImageCache,
    styled: bool,
}

impl DiagramAlone {
    fn ui(&mut self, ui: &mut egui::Ui) {
        if !self.styled {
            self.theme.apply(ui.ctx());
            self.styled = true;
        }
        let language = self.deck.language(self.deck.default_language);
        let Some(diagram) = self.deck.diagrams.get(&self.id) else {
            panic!("no diagram {:?}", self.id);
        };
        let (deck, images) = (&self.deck, &mut self.images);
        let max_side_px = self.theme.sizes.texture_max_side_px;
        DiagramView {
            diagram,
            words: language.diagram_texts.get(&self.id),
            alt: &self.id,
            max_height_pt: self.theme.sizes.figure_height_pt * 2.0,
            open_hotspot: self.open_hotspot.as_deref(),
            step: 0,
            hotspots: true,
            card: true,
        }
        .ui(ui, &self.theme, &mut self.diagrams, &mut |ctx, name| {
            images
                .texture(ctx, &deck.image_path(name), max_side_px)
                .cloned()
        });
    }
}

fn diagram_alone(
    id: &str,
    width_pt: f32,
    open_hotspot: Option<&str>,
) -> Harness<'static, DiagramAlone> {
    let state = DiagramAlone {
        theme: Theme::bundled(),
        deck: common::bundled_deck(),
        id: id.to_owned(),
        open_hotspot: open_hotspot.map(str::to_owned),
        diagrams: DiagramCache::default(),
        images: ImageCache::default(),
        styled: false,
    };
    let mut harness = Harness::builder()
        .with_size(vec2(width_pt, 800.0))
        .with_pixels_per_point(0.5)
        .wgpu()
        .build_ui_state(|ui, state: &mut DiagramAlone| state.ui(ui), state);
    harness.run();
    harness.fit_contents();
    harness.run();
    harness
}

#[test]
fn every_diagram_at_its_size_on_a_1920x1080_screen_and_the_endoscope_in_portrait() {
    let theme = Theme::bundled();
    let sizes = &theme.sizes;
    // The page column: at most `content_max_width_pt`, inside the page margins.
    let landscape_pt = sizes
        .content_max_width_pt
        .min(1920.0 - 2.0 * sizes.page_margin_pt);
    let portrait_pt = sizes
        .content_max_width_pt
        .min(1080.0 - 2.0 * sizes.page_margin_pt);
    let deck = common::bundled_deck();
    let mut failures = Vec::new();
    // The diagrams the pages show (not the home tiles' small pictures: few snapshots).
    let shown: std::collections::BTreeSet<&String> = (deck.language(0).pages())
        .flat_map(|(_, page)| page.diagram_ids())
        .collect();
    for id in deck.diagrams.keys().filter(|id| shown.contains(id)) {
        let mut harness = diagram_alone(id, landscape_pt, None);
        if let Err(error) = harness.try_snapshot(format!("diagram_{id}")) {
            failures.push(error.to_string());
        }
    }
    // Portrait, with one part tapped to show how a highlighted part looks.
    let mut harness = diagram_alone("endoscope", portrait_pt, Some("lens"));
    if let Err(error) = harness.try_snapshot("diagram_endoscope_portrait_lens") {
        failures.push(error.to_string());
    }
    assert!(
        failures.is_empty(),
        "snapshots differ:\n{}",
        failures.join("\n")
    );
}

/// The kiosk's window clears every frame to the page background, so its screens leave the
/// background out; a harness clears to transparent, so there the screens paint it. Either way
/// the page is painted once, in the background colour of the look chosen.
#[test]
fn the_page_background_is_painted_once_by_the_window_or_by_the_screen() {
    let deck = common::bundled_deck();
    for high_contrast in [false, true] {
        for window_clears in [false, true] {
            let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
            common::with_listen_button(&mut app);
            app.set_window_clears_background(window_clears);
            let mut harness = Harness::builder()
                .with_size(vec2(1280.0, 800.0))
                .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
            harness
                .state_mut()
                .apply(Command::SetHighContrast(high_contrast));
            harness
                .state_mut()
                .apply(Command::Open(PageRef { topic: 0, page: 0 }));
            harness.run();
            let background = harness.state().theme().colors.background.color32();
            assert_eq!(
                harness.state().clear_color(),
                background.to_normalized_gamma_f32()
            );
            let image = harness.render().expect("the screen renders");
            // The page's left margin, between the bars.
            let pixel = image.get_pixel(10, 400).0;
            if window_clears {
                assert_eq!(
                    pixel[3], 0,
                    "the screen painted the background the window clears to \
                     (high contrast {high_contrast})"
                );
            } else {
                assert_eq!(
                    pixel,
                    background.to_array(),
                    "the screen left out the background (high contrast {high_contrast})"
                );
            }
        }
    }
}
