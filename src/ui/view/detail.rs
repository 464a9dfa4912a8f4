//! The detail pane, drawn: its text (see [`crate::ui::detail`]) under a
//! border that shows whether it has the keys, scrolled no further than its end.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::ui::app::{App, Focus};
use crate::ui::detail::{bound, lines};

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let theme = app.theme();
    let border = if app.focus() == Focus::Detail {
        theme.title
    } else {
        theme.dim
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .title(" Detail ")
        .border_style(border);
    let lines = lines(app, area.width);
    let scroll = app.detail_scroll().min(bound(lines.len(), area.height));
    let paragraph = Paragraph::new(lines).block(block).scroll((scroll, 0));
    frame.render_widget(paragraph, area);
}
