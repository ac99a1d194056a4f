//! A rectangle on a handout page.

/// A rectangle on the page, in points from the page's top-left corner (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Area {
    /// Left edge.
    pub x_pt: f32,
    /// Top edge.
    pub y_pt: f32,
    /// Width.
    pub width_pt: f32,
    /// Height.
    pub height_pt: f32,
}

impl Area {
    /// Its right edge.
    pub fn right_pt(&self) -> f32 {
        self.x_pt + self.width_pt
    }

    /// Its bottom edge.
    pub fn bottom_pt(&self) -> f32 {
        self.y_pt + self.height_pt
    }
}
