//! Which rows of the tree are on screen: the window follows the cursor with
//! a margin of context towards where it goes; a jump can put a row at the
//! top, a search match in the middle.

use super::Tree;

/// Rows kept between the cursor and the edge of the window while more rows
/// follow, as vim's `scrolloff`.
const MARGIN: usize = 3;

impl Tree {
    /// Keeps the cursor inside a window of `height` rows, with a margin of a
    /// few rows to the edge it moves towards while more rows follow there.
    pub fn scroll_into_view(&mut self, height: usize) {
        let height = height.max(1);
        let margin = MARGIN.min(height.saturating_sub(1) / 2);
        if self.cursor < self.followed && self.cursor < self.offset + margin {
            self.offset = self.cursor.saturating_sub(margin);
        }
        if self.cursor > self.followed && self.cursor + margin >= self.offset + height {
            self.offset = self.cursor + margin + 1 - height;
        }
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
        self.followed = self.cursor;
    }

    /// Scrolls so that the cursor's row is at the top of the window.
    pub fn scroll_to_top(&mut self, height: usize) {
        self.offset = self.cursor.min(self.rows.len().saturating_sub(height.max(1)));
        self.followed = self.cursor;
    }

    /// Scrolls so that the cursor's row is in the middle of the window.
    pub fn scroll_to_middle(&mut self, height: usize) {
        let height = height.max(1);
        self.offset = self
            .cursor
            .saturating_sub(height / 2)
            .min(self.rows.len().saturating_sub(height));
        self.followed = self.cursor;
    }
}
