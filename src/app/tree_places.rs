//! A workaround for egui 0.37: a `Ui`'s node in the accessibility tree (panels, columns,
//! groups: AccessKit's GenericContainer and Pane) gets no bounds. Orca cannot place such a
//! node ("Exception getting extents for [panel]", "1 on-screen objects found") and skips
//! everything inside it, which was all of a page's text. After each frame, every node that
//! has none is given the place on screen its widget took. Belongs in egui: a `Ui` knows its
//! rect when it is done (`Ui::remember_min_rect`).

/// Gives every accessibility node of this frame without bounds its widget's rect, and the
/// window's node the whole screen; puts the window's parts, the children of `panels_parent`
/// (the app's own `Ui`), in reading order.
pub(super) fn place_unplaced_nodes(ctx: &egui::Context, panels_parent: egui::Id) {
    // No screen reader, no tree: nothing to walk on this frame.
    if !ctx.has_accesskit_node(egui::accesskit_root_id()) {
        return;
    }
    let screen = ctx.content_rect();
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |root| {
        root.set_bounds(accesskit_rect(screen));
    });
    let rects: Vec<(egui::Id, egui::Rect)> = ctx.viewport(|viewport| {
        viewport
            .this_pass
            .widgets
            .layers()
            .flat_map(|(_, widgets)| widgets.iter())
            .filter_map(|widget| {
                // A `Ui` still being drawn (one this runs inside) knows its rect only when
                // it ends: its rect of the frame before stands in.
                let rect = Some(widget.rect)
                    .filter(|rect| rect.is_positive())
                    .or_else(|| viewport.prev_pass.widgets.get(widget.id).map(|w| w.rect))
                    .filter(|rect| rect.is_positive())?;
                Some((widget.id, rect))
            })
            .collect()
    });
    // The window's parts in reading order, top to bottom: egui makes the bottom bar's panel
    // before the page's (a central panel comes last), so Orca walked Back and Next before the
    // page's title. The panels are the children of the app's own `Ui` (`panels_parent`); they
    // are sorted by where they start on screen.
    let tops: std::collections::HashMap<egui::accesskit::NodeId, f32> = (rects.iter())
        .map(|(id, rect)| (id.accesskit_id(), rect.top()))
        .collect();
    if ctx.has_accesskit_node(panels_parent) {
        ctx.accesskit_node_builder(panels_parent, |node| {
            let mut children = node.children().to_vec();
            let top =
                |child: &egui::accesskit::NodeId| tops.get(child).copied().unwrap_or(f32::INFINITY);
            children.sort_by(|a, b| top(a).total_cmp(&top(b)));
            node.set_children(children);
        });
    }
    for (id, rect) in rects {
        if !ctx.has_accesskit_node(id) {
            continue;
        }
        ctx.accesskit_node_builder(id, |node| {
            if node.bounds().is_none() {
                node.set_bounds(accesskit_rect(rect));
            }
        });
    }
}

fn accesskit_rect(rect: egui::Rect) -> egui::accesskit::Rect {
    egui::accesskit::Rect {
        x0: f64::from(rect.min.x),
        y0: f64::from(rect.min.y),
        x1: f64::from(rect.max.x),
        y1: f64::from(rect.max.y),
    }
}
