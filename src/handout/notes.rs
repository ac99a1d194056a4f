//! What the clinician writes on a handout for the patient: the procedure, the spine level, the
//! date, what to do and the next appointment. Never a name: there is no field for one.

use crate::content::model::HandoutWords;

/// One of the fields a clinician may fill in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoteField {
    /// The procedure planned.
    Procedure,
    /// The level of the spine, such as L4-L5.
    SpineLevel,
    /// The date of surgery.
    Date,
    /// What the patient is to do.
    Instructions,
    /// The next appointment.
    NextAppointment,
}

impl NoteField {
    /// Every field, in the order they are printed.
    pub const ALL: [Self; 5] = [
        Self::Procedure,
        Self::SpineLevel,
        Self::Date,
        Self::Instructions,
        Self::NextAppointment,
    ];

    /// The longest a field may be, in characters: a few lines on paper.
    pub fn max_chars(self) -> usize {
        match self {
            Self::Instructions => 400,
            Self::Procedure | Self::NextAppointment => 120,
            Self::SpineLevel | Self::Date => 40,
        }
    }

    /// Its name in the handout's words.
    pub fn name(self, words: &HandoutWords) -> &str {
        match self {
            Self::Procedure => &words.procedure,
            Self::SpineLevel => &words.spine_level,
            Self::Date => &words.date,
            Self::Instructions => &words.instructions,
            Self::NextAppointment => &words.next_appointment,
        }
    }

    /// Whether it takes more than one line of writing.
    pub fn is_long(self) -> bool {
        self == Self::Instructions
    }
}

/// The clinician's notes for one handout. Part of the session, so a reset wipes them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HandoutNotes {
    procedure: String,
    spine_level: String,
    date: String,
    instructions: String,
    next_appointment: String,
}

impl HandoutNotes {
    /// What is written in `field` (empty: nothing yet).
    pub fn get(&self, field: NoteField) -> &str {
        match field {
            NoteField::Procedure => &self.procedure,
            NoteField::SpineLevel => &self.spine_level,
            NoteField::Date => &self.date,
            NoteField::Instructions => &self.instructions,
            NoteField::NextAppointment => &self.next_appointment,
        }
    }

    /// Writes `text` in `field`: control characters become spaces, and anything past the
    /// field's length is cut off (at a character, never inside one).
    pub fn set(&mut self, field: NoteField, text: &str) {
        let clean: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(field.max_chars())
            .collect();
        *self.field_mut(field) = clean;
    }

    /// Whether nothing is written in any field.
    pub fn is_empty(&self) -> bool {
        NoteField::ALL
            .iter()
            .all(|&field| self.get(field).trim().is_empty())
    }

    fn field_mut(&mut self, field: NoteField) -> &mut String {
        match field {
            NoteField::Procedure => &mut self.procedure,
            NoteField::SpineLevel => &mut self.spine_level,
            NoteField::Date => &mut self.date,
            NoteField::Instructions => &mut self.instructions,
            NoteField::NextAppointment => &mut self.next_appointment,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_is_kept_to_its_length_and_to_one_line() {
        let mut notes = HandoutNotes::default();
        assert!(notes.is_empty());
        notes.set(
            NoteField::SpineLevel,
            "L4-L5\nand\tL5-S1 and more words past forty ñññ",
        );
        let level = notes.get(NoteField::SpineLevel);
        assert_eq!(level.chars().count(), 40);
        assert!(level.starts_with("L4-L5 and L5-S1"));
        notes.set(NoteField::SpineLevel, "   ");
        assert!(notes.is_empty(), "blank is nothing written");
        notes.set(NoteField::Date, "ñ".repeat(100).as_str());
        assert_eq!(notes.get(NoteField::Date), "ñ".repeat(40));
        assert!(!notes.is_empty());
    }
}
