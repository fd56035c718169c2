//! A sentence's tokens, found once and shared by every later stage: words
//! (letters), numbers (digits) and single punctuation characters, each with
//! its byte offsets, its lower-case form and whether whitespace precedes it.
//! Dates, names and the event rules all read these; none splits the sentence
//! again.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Num,
    Punct,
}

#[derive(Clone, Debug)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// The word in lower case: the text itself when it already is, as most
    /// words are, else a slice of the tokenizer's buffer; "" for other tokens.
    pub lower: &'a str,
    pub kind: TokKind,
    /// No whitespace between this token and the one before.
    pub glued: bool,
}

/// The tokens of one text; `lowered` holds the lower-case forms of its words
/// that have capitals.
pub fn tokenize<'a>(s: &'a str, lowered: &'a mut String) -> Vec<Tok<'a>> {
    lowered.clear();
    let mut out = tokenize_all(&[s], lowered);
    out.pop().unwrap_or_default()
}

/// The tokens of each of `texts` (an article's sentences), found once for all
/// of them: the lower-case forms of words with capitals all go into
/// `lowered`, so that every sentence's tokens can live at once.
pub fn tokenize_all<'a>(texts: &[&'a str], lowered: &'a mut String) -> Vec<Vec<Tok<'a>>> {
    // Words with a capital: (sentence, token, range of their lower-case form in `lowered`).
    let mut fix: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut all: Vec<Vec<Tok<'a>>> =
        texts.iter().enumerate().map(|(n, s)| tokenize_one(s, n, lowered, &mut fix)).collect();
    let lowered: &'a str = lowered;
    for (n, k, from, to) in fix {
        all[n][k].lower = &lowered[from..to];
    }
    all
}

fn tokenize_one<'a>(
    s: &'a str,
    n: usize,
    lowered: &mut String,
    fix: &mut Vec<(usize, usize, usize, usize)>,
) -> Vec<Tok<'a>> {
    // About one token in five bytes of news text.
    let mut toks = Vec::with_capacity(s.len() / 5 + 4);
    let bytes = s.as_bytes();
    let mut prev_end = usize::MAX;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII without decoding: most of the text.
        let (kind, len) = match b {
            b' ' | b'\t'..=b'\r' => {
                i += 1; // the ASCII characters of `char::is_whitespace`
                continue;
            }
            b'0'..=b'9' => (TokKind::Num, 1),
            b'a'..=b'z' | b'A'..=b'Z' => (TokKind::Word, 1),
            0..0x80 => (TokKind::Punct, 1),
            _ => {
                let c = s[i..].chars().next().unwrap_or_default();
                if c.is_whitespace() {
                    i += c.len_utf8();
                    continue;
                }
                (if c.is_alphabetic() { TokKind::Word } else { TokKind::Punct }, c.len_utf8())
            }
        };
        let mut end = i + len;
        let mut ascii = len == 1;
        let mut upper = b.is_ascii_uppercase();
        match kind {
            TokKind::Num => end += bytes[end..].iter().take_while(|b| b.is_ascii_digit()).count(),
            TokKind::Word => loop {
                match bytes.get(end) {
                    Some(b) if b.is_ascii_alphabetic() => {
                        upper |= b.is_ascii_uppercase();
                        end += 1;
                    }
                    Some(b) if *b >= 0x80 => match s[end..].chars().next() {
                        Some(d) if d.is_alphabetic() => {
                            ascii = false;
                            end += d.len_utf8();
                        }
                        _ => break,
                    },
                    _ => break,
                }
            },
            TokKind::Punct => {}
        }
        let text = &s[i..end];
        let lower = match kind {
            TokKind::Word if ascii && upper => {
                let from = lowered.len();
                lowered.push_str(text);
                lowered[from..].make_ascii_lowercase();
                fix.push((n, toks.len(), from, lowered.len()));
                ""
            }
            TokKind::Word if !ascii && text.chars().any(char::is_uppercase) => {
                let from = lowered.len();
                lowered.push_str(&text.to_lowercase()); // rare; keeps final-sigma rules
                fix.push((n, toks.len(), from, lowered.len()));
                ""
            }
            TokKind::Word => text,
            _ => "",
        };
        toks.push(Tok { start: i, end, text, lower, kind, glued: prev_end == i });
        prev_end = end;
        i = end;
    }
    toks
}

pub fn is_capitalised(t: &Tok) -> bool {
    t.text.chars().next().is_some_and(char::is_uppercase)
}
