//! Sentence splitting with byte offsets.
//!
//! A line break always ends a sentence. Inside a line a sentence ends at `.`, `!`
//! or `?` (with any closing quotes) followed by a space and a capital, a digit or
//! an opening quote, except after an abbreviation ("Gen.", "Nov.", "U.S.") or an
//! initial ("John F. Kerry"), and never inside an open quotation, so that a quote
//! of several sentences stays with its attribution ("They can bluster. ...," said Kerry).
//! A sentence that repeats an earlier one is left out.

use foldhash::HashSet;

/// A sentence as a byte range of the cleaned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
}

impl Sentence {
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

/// Words that end in a period without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "brig", "capt", "cpt", "sgt", "adm", "cmdr", "sen",
    "rep", "gov", "pres", "amb", "rev", "st", "ste", "mt", "ft", "jr", "sr", "no", "nos", "vol", "vs", "etc", "inc",
    "ltd", "co", "corp", "dept", "est", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "a.m", "p.m", "u.s",
    "u.n", "u.k", "e.u", "u.s.a", "u.a.e", "d.c", "al", "op", "cf", "e.g", "i.e",
];

/// Words that start sentences: after "U.S." or "U.N." they mean a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "However",
    "Meanwhile",
    "Yet",
    "So",
    "If",
    "When",
    "After",
];

/// The longest sentence the later stages read, in bytes. News sentences stay
/// well under it; a longer run of text (a page with no full stops, a list)
/// is cut at its clause marks, so that no stage's work on one sentence grows
/// faster than the text.
pub const MAX_SENTENCE: usize = 1_500;

pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut seen = HashSet::default();
    let mut line_start = 0;
    // One list of a line's parts for all the lines: a vector a line, grown
    // from empty, was most of the splitter's allocations.
    let mut parts = Vec::new();
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches('\n');
        split_line(body, &mut parts);
        for (s, e) in parts.iter().flat_map(|&(s, e)| bounded(body, s, e)) {
            let (s, e) = trim(body, s, e);
            if s < e {
                let key = super::clean::normalise(&body[s..e]);
                if key.len() < 20 || seen.insert(key) {
                    out.push(Sentence { start: line_start + s, end: line_start + e });
                }
            }
        }
        line_start += line.len();
    }
    out
}

/// `line[s..e]` in pieces of at most `MAX_SENTENCE` bytes, cut after the last
/// "; ", ", " or space that fits (on a character boundary as a last resort).
/// An iterator, not a vector: nearly every sentence is one piece, and a
/// vector of one was an allocation a sentence.
fn bounded(line: &str, mut s: usize, e: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        if e - s <= MAX_SENTENCE {
            done = true;
            return Some((s, e));
        }
        let window = &line[s..s + MAX_SENTENCE];
        let cut = ["; ", ", ", " "]
            .iter()
            .find_map(|mark| window.rfind(mark).filter(|&k| k > MAX_SENTENCE / 4).map(|k| k + mark.len()))
            .unwrap_or_else(|| {
                (1..=MAX_SENTENCE).rev().find(|&k| line.is_char_boundary(s + k)).unwrap_or(MAX_SENTENCE)
            });
        let piece = (s, s + cut);
        s += cut;
        Some(piece)
    })
}

fn trim(line: &str, s: usize, e: usize) -> (usize, usize) {
    let part = &line[s..e];
    let lead = part.len() - part.trim_start().len();
    let tail = part.len() - part.trim_end().len();
    (s + lead, e - tail)
}

/// The sentences of one line, as byte ranges, into `parts` (cleared first).
fn split_line(line: &str, parts: &mut Vec<(usize, usize)>) {
    let bytes = line.as_bytes();
    parts.clear();
    let mut start = 0;
    let mut in_quote = false;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => in_quote = !in_quote,
            '\u{201c}' => in_quote = true,
            '\u{201d}' => in_quote = false,
            '.' | '!' | '?' => {
                // Swallow runs of terminal punctuation and closing quotes or brackets.
                let mut end = i + c.len_utf8();
                let mut closes_quote = false;
                while let Some(&(j, d)) = chars.peek() {
                    match d {
                        '.' | '!' | '?' | ')' | '\u{2019}' | '\'' => {}
                        '"' | '\u{201d}' => closes_quote = true,
                        _ => break,
                    }
                    end = j + d.len_utf8();
                    chars.next();
                }
                if closes_quote {
                    in_quote = false;
                }
                if in_quote || end >= bytes.len() || bytes[end] != b' ' {
                    continue;
                }
                let next = line[end..].trim_start();
                let Some(first) = next.chars().next() else { continue };
                let opens = first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '\u{201c}' | '\'');
                if !opens || (c == '.' && !closes_quote && is_abbreviation(&line[start..i], next)) {
                    continue;
                }
                parts.push((start, end));
                start = end;
            }
            _ => {}
        }
    }
    if start < line.len() {
        parts.push((start, line.len()));
    }
}

/// Whether the word before a period (at the end of `before`) is an abbreviation
/// or an initial, given the text after the period.
fn is_abbreviation(before: &str, after: &str) -> bool {
    let word =
        before.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '\u{201c}').next().unwrap_or("");
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()) {
        return true; // an initial: "John F. Kerry"
    }
    let lower = word.to_lowercase();
    if !ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    // "U.S." and friends end a sentence when a sentence clearly starts after them.
    if lower.contains('.') {
        let next_word = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        return !SENTENCE_STARTERS.contains(&next_word);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_text_with_no_full_stop_is_cut_at_clause_marks() {
        let text = "Kerry said that ".repeat(400) + &"talks, ".repeat(500) + &"\u{e9}".repeat(2000);
        let parts = split(&text);
        assert!(parts.len() > 3, "{}", parts.len());
        for p in &parts {
            assert!(p.end - p.start <= MAX_SENTENCE, "{}", p.end - p.start);
            assert!(text.is_char_boundary(p.start) && text.is_char_boundary(p.end));
        }
        assert_eq!(parts.first().map(|p| p.start), Some(0));
        assert_eq!(parts.last().map(|p| p.end), Some(text.len()));
    }

    fn texts(s: &str) -> Vec<&str> {
        split(s).iter().map(|x| x.text(s)).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = "U.S. Secretary of State John F. Kerry met Gen. Smith on Nov. 25 in St. Petersburg. He left.";
        assert_eq!(texts(s).len(), 2);
    }

    #[test]
    fn us_at_the_end_of_a_sentence_splits_before_a_starter() {
        assert_eq!(texts("He flew to the U.S. The talks ended.").len(), 2);
    }

    #[test]
    fn quotes_stay_with_their_attribution() {
        let s = "\"They can bluster. They can protest,\" said Kerry. Moallem left.";
        assert_eq!(texts(s), vec!["\"They can bluster. They can protest,\" said Kerry.", "Moallem left."]);
    }

    #[test]
    fn closing_quote_after_period_splits() {
        let s = "He called the plan \u{201c}illogical.\u{201d} Anti-regime activists say more.";
        assert_eq!(texts(s).len(), 2);
    }

    #[test]
    fn lines_are_boundaries_and_offsets_point_at_text() {
        let s = "Headline Without Period\nFirst sentence here. Second one.";
        let got = split(s);
        assert_eq!(got.len(), 3);
        for g in &got {
            assert_eq!(&s[g.start..g.end], g.text(s));
        }
        assert_eq!(got[2].text(s), "Second one.");
    }

    #[test]
    fn repeated_sentences_are_dropped() {
        assert_eq!(texts("Kerry met Lavrov in Geneva today.\nKerry met Lavrov in Geneva today.").len(), 1);
    }
}
