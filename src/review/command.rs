//! What a reviewer asks with one key or one button, as a value: the page maps keys and buttons to
//! a [`Command`], and [`Review::run`] carries out those that change the review.

use super::Review;
use crate::model::{Report, ReviewState};

/// One step of a review, as a key or a button asks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    Next,
    Previous,
    Accept,
    Reject,
    /// Open the selected figure's form: the page's business, [`Review::run`] leaves it alone.
    Edit,
    /// Accept every open figure of the selected figure's section.
    AcceptSection,
    Undo,
    Redo,
}

impl Review {
    /// Carry out `command` on the review of `report`.
    pub fn run(&mut self, report: &mut Report, command: Command) {
        match command {
            Command::Next => self.next(),
            Command::Previous => self.previous(),
            Command::Accept => self.set_state(report, ReviewState::Accepted),
            Command::Reject => self.set_state(report, ReviewState::Rejected),
            Command::AcceptSection => self.accept_section(report),
            Command::Undo => {
                self.undo(report);
            }
            Command::Redo => {
                self.redo(report);
            }
            Command::Edit => {}
        }
    }
}
