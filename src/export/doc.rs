//! The shape of a document, written once for every format: the minutes and the extract walk
//! their records and call these blocks; Markdown and HTML each decide how a block looks and
//! how people's text is escaped. So both formats always hold the same content.

/// A bullet, with an optional list under it (the circles of a recorded value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub text: String,
    pub sub: Vec<String>,
}

impl Item {
    pub fn new(text: impl Into<String>) -> Item {
        Item {
            text: text.into(),
            sub: Vec::new(),
        }
    }
}

/// The blocks a document is built from. Every text passed in is plain text as people typed
/// it; the format escapes it.
pub trait Doc {
    /// The document's title (one per document).
    fn title(&mut self, text: &str);
    /// A line that must not be missed, such as "concept": set apart under the title.
    fn banner(&mut self, text: &str);
    /// Label and value pairs: the heading facts of a meeting or a pupil. Empty values are left
    /// out.
    fn facts(&mut self, facts: &[(&str, String)]);
    fn heading(&mut self, text: &str);
    /// A small heading inside a section ("Besluiten").
    fn label(&mut self, text: &str);
    /// A paragraph; a line break in `text` stays a line break.
    fn paragraph(&mut self, text: &str);
    fn list(&mut self, items: &[Item]);
    /// A table that should not be split over two pages.
    fn table(&mut self, header: &[&str], rows: &[Vec<String>]);
    /// Small print at the end: when the record was fixed, reopened.
    fn fine_print(&mut self, text: &str);
    fn finish(self) -> String;
}
