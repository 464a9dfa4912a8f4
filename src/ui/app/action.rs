//! What the user meant (an [`Action`]), what the loop must do about it (an
//! [`Effect`]), and the changes this session records and may take back.

use crate::run::{Change, EvidenceKind};
use crate::timestamp::Timestamp;
use crate::ui::layout::Screen;
use crate::ui::line_edit::LineOp;

/// What the user meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    /// Collapse, or go to the parent (`h`, ←).
    Collapse,
    /// Expand, or go to the first child (`l`, →).
    Expand,
    SwitchPane,
    JumpToPhase(usize),
    /// The next or previous phase (`}` / `{`): every phase, also past 9.
    NextPhase,
    PreviousPhase,
    /// Tick or untick the selected item; on a header, fold or unfold it.
    Toggle,
    /// Tick the selected item and move to the next open one (Enter).
    TickAndAdvance,
    /// Tick every open item of the section or phase at the cursor, after a
    /// confirmation.
    TickAll,
    /// Answers to a confirmation.
    Yes,
    No,
    /// Ask for a reason and skip the selected item, or unskip it.
    Skip,
    EditNote,
    Undo,
    Redo,
    StartSearch,
    NextMatch,
    PreviousMatch,
    CycleFilter,
    NextOpen,
    PreviousOpen,
    EditChecklist,
    /// Run the selected item's command, after a confirmation (`!`).
    RunCommand,
    /// Run the selected item's verification, after a confirmation (`v`).
    VerifyItem,
    /// Copy the selected item's command to the clipboard (`c`).
    CopyCommand,
    /// Approve the phase at the cursor, with a note (`a`).
    Approve,
    ToggleHelp,
    Quit,
    /// Typing into the search or a prompt.
    Input(char),
    /// Text pasted at once (bracketed paste): typed into a prompt, ignored
    /// elsewhere, never read as keys.
    Paste(String),
    Backspace,
    /// Delete the word before the cursor of a prompt (Ctrl-w).
    DeleteWord,
    /// Move the cursor of a prompt, or delete around it.
    Line(LineOp),
    Confirm,
    Cancel,
    /// A mouse click at a screen position.
    Click {
        column: u16,
        row: u16,
    },
    ScrollUp,
    ScrollDown,
    /// The screen has a new size; the layout follows.
    Resize(Screen),
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Append these changes to the run log, then report with [`App::recorded`](super::App::recorded).
    Record(Vec<Edit>),
    /// Open the checklist file in the user's editor, then reload it.
    EditChecklist,
    /// Hand the terminal to an item's command (or verification), record what
    /// it showed, and take the terminal back.
    Run {
        index: usize,
        kind: EvidenceKind,
        line: String,
        forced: bool,
    },
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Record a value for a run parameter.
    SetParam {
        name: String,
        value: String,
    },
    /// Record this session's approval of the phase at this index, or its
    /// withdrawal: `change` is [`Change::Approve`] or [`Change::Withdraw`].
    Approve {
        phase: usize,
        change: Change,
    },
}

/// One change this session makes to one item, with what it replaces, so that it
/// can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub index: usize,
    pub before: Change,
    pub after: Change,
    pub kind: EditKind,
    /// When its event was recorded, once it was: an undo or redo takes it back
    /// only while the item's latest change is still this one.
    pub recorded: Option<Timestamp>,
    /// Made in a closed gated phase, after the operator chose to force it.
    pub forced: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    New,
    Undo,
    Redo,
}
