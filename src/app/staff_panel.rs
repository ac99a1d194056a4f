//! What staff see over the kiosk: the PIN pad, then the staff menu and its parts.

/// The PIN pad or the staff menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StaffPanel {
    /// Waiting for the PIN.
    PinPad {
        /// The digits typed so far.
        digits: PinDigits,
        /// The last PIN tried was wrong.
        wrong: bool,
    },
    /// The staff menu, after the right PIN.
    Menu {
        /// Which part of the menu shows.
        view: MenuView,
        /// What the last action did, if it has something to say.
        notice: Option<StaffNotice>,
    },
}

/// A part of the staff menu.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum MenuView {
    /// The list of actions.
    #[default]
    Main,
    /// The content's problems, from the last load that failed.
    Problems,
    /// The usage statistics report.
    Statistics,
}

/// What an action in the staff menu did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffNotice {
    /// Content reloaded; it has this many pages.
    Reloaded {
        /// Pages in the new content.
        pages: usize,
    },
    /// The content has problems; the last good content stays.
    ReloadFailed {
        /// How many.
        problems: usize,
    },
    /// A setting works now but could not be written to the settings file.
    NotSaved,
}

/// Digits typed on the PIN pad. Never printed, not even in debug output.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct PinDigits(String);

impl PinDigits {
    /// The digits as typed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How many digits there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether nothing is typed.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Adds a digit (0-9), up to the longest PIN.
    pub fn push(&mut self, digit: u8) {
        if digit <= 9 && self.0.len() < crate::staff::MAX_PIN_DIGITS {
            self.0.push(char::from(b'0' + digit));
        }
    }

    /// Removes the last digit.
    pub fn pop(&mut self) {
        self.0.pop();
    }
}

impl std::fmt::Debug for PinDigits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PinDigits({} digits)", self.0.len())
    }
}
