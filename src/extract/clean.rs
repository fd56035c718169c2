//! Cleaning: page furniture, reader comments, repeated paragraphs, the headline.
//!
//! The input is split into units: lines, with hard-wrapped lines joined back into
//! their paragraph. A unit matching a `stop` rule of `data/furniture.tsv` ends the
//! article (reader comments, footers) once a sentence of text has been kept,
//! and is removed before that; one matching a `drop` rule is removed; one
//! that repeats an earlier unit is removed. The kept units, one a line, are the
//! cleaned text that mention offsets point into.

use foldhash::HashSet;
use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::dict::{Furniture, LineRule};

/// The article text as extraction sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub title: Option<String>,
    /// The photo captions taken out of the text, in order: they are no
    /// report, but may say where a meeting of the story was held.
    pub captions: Vec<String>,
}

/// A line that only gives a date or a time: a dateline, never a headline.
/// ASCII rules (`-u`): with Unicode classes it took 1.4 ms to compile.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)^(\w+day,?\s+)?([a-z]+\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[a-z]+\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\b.{0,30}$").unwrap()
});

/// Compiles the patterns cleaning keeps in code, so that start-up can do it
/// on a spare thread instead of the first article paying for it.
pub fn compile_patterns() {
    LazyLock::force(&DATELINE);
}

pub fn clean(text: &str, furniture: &Furniture) -> Cleaned {
    let mut kept: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::default();
    let mut captions: Vec<String> = Vec::new();
    'units: for mut unit in units(text) {
        loop {
            match furniture.rule(unit.as_bytes()) {
                // A comment link or footer line above the story's first
                // sentence ("Leave a comment" under a blog's title) is page
                // furniture; only after some text does it start the comments.
                Some((LineRule::Stop, _)) if kept.iter().any(|u| ends_sentence(u)) => break 'units,
                Some((LineRule::Stop, _)) => continue 'units,
                Some((LineRule::Drop, _)) => continue 'units,
                // A credit closing a paragraph of text ("... the ministry
                // said. (AFP)"), often the whole story on one line, is no
                // caption: captions run to two sentences at most.
                Some((LineRule::Caption, _)) if sentence_ends(&unit) >= 3 => break,
                Some((LineRule::Caption, _)) => {
                    if captions.len() < MAX_CAPTIONS && !captions.contains(&unit) {
                        captions.push(unit);
                    }
                    continue 'units;
                }
                // A label before the text: the rest of the line is looked at again.
                Some((LineRule::Strip, end)) if end > 0 && unit.is_char_boundary(end) => {
                    unit = unit[end..].trim_start().to_string();
                    if unit.is_empty() {
                        continue 'units;
                    }
                }
                _ => break,
            }
        }
        let key = normalise(&unit);
        if key.len() >= 20 && !seen.insert(key) {
            continue;
        }
        kept.push(unit);
    }
    drop_trails_before_headline(&mut kept);
    let title = headline(&kept).cloned();
    Cleaned { text: kept.join("\n"), title, captions }
}

/// How many photo captions an article keeps aside (a gallery page may hold
/// hundreds; the story's own come first).
const MAX_CAPTIONS: usize = 8;

/// Whether a kept unit ends as a sentence of text does, which a headline,
/// a byline or a menu seldom does.
fn ends_sentence(unit: &str) -> bool {
    unit.trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')']).ends_with(['.', '!', '?'])
}

/// How many sentences a unit has, counted by their ends: '.', '!' or '?'
/// after two lower-case letters (so not "U.S." or "Mr."), before a space or
/// the end (closing quotes between).
fn sentence_ends(unit: &str) -> usize {
    let b = unit.as_bytes();
    (2..b.len())
        .filter(|&k| {
            matches!(b[k], b'.' | b'!' | b'?') && b[k - 1].is_ascii_lowercase() && b[k - 2].is_ascii_lowercase() && {
                let rest = unit[k + 1..].trim_start_matches(['"', '\'', ')', '\u{201d}', '\u{2019}']);
                rest.is_empty() || rest.starts_with(char::is_whitespace)
            }
        })
        .count()
}

/// How many of the first lines are searched for a breadcrumb trail.
const TRAIL_LINES: usize = 5;

/// A line near the top that is a short trail followed by a headline that a
/// later line repeats ("Home Reports Leon gives an update", then "Leon gives
/// an update"): a breadcrumb trail without separators. The trail goes with
/// its line; the headline stays where it stands alone.
fn drop_trails_before_headline(kept: &mut Vec<String>) {
    let mut k = 0;
    while k < kept.len().min(TRAIL_LINES) {
        let line = &kept[k];
        let trail = kept.iter().skip(k + 1).take(3).any(|later| {
            let Some(head) = line.strip_suffix(later.as_str()) else { return false };
            let words = head.split_whitespace().count();
            head.ends_with(' ') && (1..=4).contains(&words) && later.split_whitespace().count() >= 3
        });
        if trail {
            kept.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Lines with hard wraps undone: a line that does not end a sentence and is
/// followed by one starting in lower case continues the same paragraph.
fn units(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for raw in lines(text) {
        let line = collapse_spaces(raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'));
        if line.is_empty() {
            open = false;
            continue;
        }
        // "... in western Nepal on" / "Thursday, he said": a line ending in
        // a word that ends no sentence continues, whatever the next one opens with.
        let dangling = out.last().is_some_and(|l| ends_in_function_word(l));
        let continues = open && (dangling || line.chars().next().is_some_and(|c| c.is_lowercase()));
        // A date run into the next line's first word ("Port Moresby, 12 March
        // 2019Political and ...", "17 Sep 2018In Sochi started"): the page lost
        // the break between a dateline or caption and the text; it is put back.
        let (line, rest) = match glued_date(&line) {
            Some(k) => (line[..k].to_string(), Some(line[k..].to_string())),
            None => (line, None),
        };
        match out.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(&line);
            }
            _ => out.push(line),
        }
        out.extend(rest);
        let last = out.last().map(String::as_str).unwrap_or("");
        open = !last.ends_with(['.', '!', '?', '"', '\u{201d}', ':', ')']);
    }
    out
}

/// Where the text after a date run into a capitalised word starts: a year
/// (19xx or 20xx) closing a day and a month name in either order ("12 March
/// 2019", "Sep 17, 2018") with a capital and a lower-case letter right after
/// it ("2019Political"). A cheap byte scan finds the few candidates.
fn glued_date(line: &str) -> Option<usize> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i-u)\b(?:\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?)\s+(?:19|20)\d\d$").unwrap()
    });
    let b = line.as_bytes();
    (6..b.len().saturating_sub(1)).find(|&k| {
        b[k].is_ascii_uppercase()
            && b[k + 1].is_ascii_lowercase()
            && b[k - 4..k].iter().all(u8::is_ascii_digit)
            && matches!(&b[k - 4..k - 2], b"19" | b"20")
            && DATE.is_match(&b[k.saturating_sub(24)..k])
    })
}

/// Words that never end a sentence: articles, prepositions, conjunctions.
const NO_SENTENCE_END: &[&str] =
    &["a", "an", "the", "of", "on", "in", "to", "for", "with", "by", "at", "from", "and", "or"];

/// Whether a line ends in a word that ends no sentence, written in lower case.
fn ends_in_function_word(line: &str) -> bool {
    let last = line.rsplit(' ').next().unwrap_or("");
    line.contains(' ') && NO_SENTENCE_END.contains(&last)
}

/// `text.split(['\n', '\r'])`, found by byte instead of by decoded character
/// (both are ASCII, so every piece is whole characters).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b'\n' || b == b'\r') {
            Some(k) => {
                rest = Some(&r[k + 1..]);
                Some(&r[..k])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

fn collapse_spaces(s: &str) -> String {
    // Most lines are ASCII with single spaces already: copied as they are.
    let b = s.as_bytes();
    if s.is_ascii() && !b.iter().any(|c| matches!(c, b'\t'..=b'\r')) && !s.contains("  ") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// ASCII letters and digits → their lower case; every other byte → 0.
static ASCII_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// Lower case, letters and digits only: two units that differ only in spacing,
/// quotes or punctuation are the same paragraph.
pub fn normalise(s: &str) -> String {
    if s.is_ascii() {
        // Each byte is written, and the length grows only past the kept ones:
        // no branch per byte.
        let mut kept = vec![0u8; s.len()];
        let mut n = 0;
        for &b in s.as_bytes() {
            let f = ASCII_FOLD[usize::from(b)];
            kept[n] = f;
            n += usize::from(f != 0);
        }
        kept.truncate(n);
        return String::from_utf8(kept).unwrap_or_default(); // ASCII in, ASCII out
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The headline among the first lines: the first that looks like one,
/// unless it is a section's name over the story's headline ("South &
/// Central Asia" above "Round of Talks to Start in Doha", "Media Wire" above
/// "Syrian FM to visit Qatar"): a few words, each capitalised, no number
/// (a date is no section: "10:22 19 Feb 2021"), with a longer line that
/// looks like a headline after it.
fn headline(kept: &[String]) -> Option<&String> {
    let mut heads = kept.iter().take(3).filter(|u| looks_like_headline(u));
    let first = heads.next()?;
    let words = |u: &str| u.split_whitespace().count();
    let label = words(first) <= SECTION_WORDS
        && first.split_whitespace().all(|w| !w.starts_with(|c: char| c.is_lowercase()))
        && !first.bytes().any(|b| b.is_ascii_digit());
    if !label {
        return Some(first);
    }
    heads.next().filter(|next| words(next) > words(first)).or(Some(first))
}

/// The most words a section's name above a headline has.
const SECTION_WORDS: usize = 4;

fn looks_like_headline(unit: &str) -> bool {
    let words = unit.split_whitespace().count();
    (3..=20).contains(&words) && !unit.ends_with(['.', '!', '?', ':', ',']) && !DATELINE.is_match(unit.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dictionaries;

    fn run(text: &str) -> Cleaned {
        clean(text, &Dictionaries::builtin().unwrap().furniture)
    }

    /// The ASCII fast path folds exactly as `char::to_lowercase` over the alphanumerics.
    #[test]
    fn normalise_keeps_lowercased_alphanumerics_of_any_script() {
        for s in ["Ébola, CAFÉ—Straße 12!", "Lavrov's  \"PLAN\"", "ΑΘΗΝΑ 2013", "İstanbul", "Plain ASCII, 2013!"]
        {
            let slow: String = s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
            assert_eq!(normalise(s), slow, "{s}");
        }
    }

    /// The built-in patterns with non-ASCII symbols, compiled with byte rules.
    #[test]
    fn furniture_with_bullets_guillemets_and_copyright_is_dropped() {
        let c =
            run("Body text here.\nShare • Tweet · Email\n« Previous page\nNext article »\n© 2013 Reuters\nMore body.");
        assert_eq!(c.text, "Body text here.\nMore body.");
    }

    #[test]
    fn a_date_run_into_the_first_word_of_the_text_is_a_line_of_its_own() {
        let c = run(
            "Talks resume\nNairobi, 4 May 2021The two delegations met on Monday.\nPhoto 3 Jun 2020In Lome leaders met.",
        );
        assert_eq!(
            c.text,
            "Talks resume\nNairobi, 4 May 2021\nThe two delegations met on Monday.\nPhoto 3 Jun 2020\nIn Lome leaders met."
        );
        // Not a date: a model number, a year with no day and month, a lower-case run.
        for line in ["The F2016Sport won.", "In 2019Political talks", "On 4 May 2019the talks"] {
            assert_eq!(glued_date(line), None, "{line}");
        }
    }

    #[test]
    fn lines_split_as_str_split_does() {
        for t in ["", "a", "a\nb", "a\r\nb\n", "\n\r\n", "caf\u{e9}\rx\n\n"] {
            let want: Vec<&str> = t.split(['\n', '\r']).collect();
            assert_eq!(lines(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    /// The copy-as-is path for lines already collapsed agrees with the general one.
    #[test]
    fn collapse_spaces_agrees_on_ascii_and_unicode_whitespace() {
        for (s, want) in [
            ("one two three", "one two three"),
            ("one  two\tthree", "one two three"),
            ("one\x0btwo\x0cthree", "one two three"),
            ("one\u{a0}two", "one two"),
            ("café  crème", "café crème"),
        ] {
            assert_eq!(collapse_spaces(s), want, "{s:?}");
        }
    }

    #[test]
    fn repeated_paragraphs_are_dropped() {
        let c = run("First paragraph is here and long.\nSecond one is also here.\nFirst paragraph is here and long.\n");
        assert_eq!(c.text, "First paragraph is here and long.\nSecond one is also here.");
    }

    #[test]
    fn furniture_lines_are_dropped() {
        let c = run("Support The Moscow Times!\n\nTitle of the Story Here\n\nBody text here.\n\nRead more\nShare | Tweet | Email");
        assert_eq!(c.text, "Title of the Story Here\nBody text here.");
        assert_eq!(c.title.as_deref(), Some("Title of the Story Here"));
    }

    #[test]
    fn reader_comments_are_cut_off() {
        let c = run("Body text.\n\nFiled under: Syria • U.S.\nsoundoff (61 Responses)\n  1. Mary\n\n  Syria will attend talks.\n");
        assert_eq!(c.text, "Body text.");
    }

    /// A comment link above the story ("Leave a comment" under a blog's
    /// title, "3 Comments" in its byline) cut the whole article off, so the
    /// ingest failed with no text left; it is now dropped like furniture.
    #[test]
    fn comment_link_above_the_text_is_no_comment_section() {
        let c = run("Leave a comment\n\nEnvoys meet in Vienna\n\n3 Comments\n\nThe envoys met in Vienna on Monday.\n\nLeave a comment\n\nMary: great.");
        assert_eq!(c.text, "Envoys meet in Vienna\nThe envoys met in Vienna on Monday.");
    }

    #[test]
    fn hard_wrapped_lines_join_their_paragraph() {
        let c = run("The minister said the talks\nwould go ahead.\n\nNext paragraph.");
        assert_eq!(c.text, "The minister said the talks would go ahead.\nNext paragraph.");
    }

    /// Photo captions and credit lines, from their label, their credit or the
    /// people's places in the picture; the story's own lines around them stay.
    #[test]
    fn photo_captions_and_credits_are_dropped() {
        for caption in [
            "The minister arrives for the summit in Brussels. REUTERS/Jan Novak",
            "Jan Novak, AFP | The foreign ministers of Chad and Niger meet in Niamey on March 3, 2021",
            "Rescue workers search the rubble in Kharkiv on Monday. (Photo: EPA-EFE / Jan Novak)",
            "Delegates arrive at the venue in Doha, Qatar, May 5, 2022. (AP/Jan Novak)",
            "Delegates arrive at the venue in Doha. (Jan Novak / AP)",
            "The envoy meets the rebel leader in Juba in this handout photo provided by his office. (AFP)",
            "The ministers shake hands after their talks in Ankara. Photo: 13 March 2021",
            "The ministers shake hands after their talks. Photograph: Jan Novak/Getty",
            "Airstrikes hit the port city again this week [File Photo: AFP]",
            "The prime minister at a parade in Addis Ababa, on November 17, 2020. © Jan Novak, AFP",
            "A mother mourns her son in the ruined city. —AP",
            "Image caption The envoy (left) called the destruction catastrophic",
            "Media captionThe envoy: \"The world must act\"",
            "Photo ITAR - TASS / Jan Novak",
            "This handout picture released by the presidency on May 10, 2023 shows the president meeting the envoy",
            "Photo taken on April 17, 2014 shows a view of the talks in Geneva, Switzerland.",
            "Foreign Minister Jan Novak (L) and his Chadian counterpart shake hands before their talks",
            "Foreign Minister Jan Novak, right, and the UN envoy shake hands after a news conference",
            "Credit: Jan Novak",
        ] {
            let c = run(&format!("Story line one.\n{caption}\nStory line two."));
            assert_eq!(c.text, "Story line one.\nStory line two.", "{caption}");
        }
        // The same captions from test articles (news/18, world-a a18).
        let c = run("Michael Dalder, AFP | US Secretary of State John Kerry (R) and Russia's Foreign Minister Sergei Lavrov lead the International Support Group for Syria (ISSG) meeting on February 11, 2016 in Munich\nBody.");
        assert_eq!(c.text, "Body.");
        let c = run("Anti-government protesters remove barriers on a bridge leading to the Green Zone during a demonstration in Baghdad, Iraq, October 26, 2019. (AP/Khalid Mohammed)\nBody.");
        assert_eq!(c.text, "Body.");
    }

    /// Wire datelines and sentences that only look like captions are text.
    #[test]
    fn datelines_and_story_sentences_are_not_captions() {
        for line in [
            "MOSCOW (AP) — The U.N. envoy for Syria has met Russian officials.",
            "BEIRUT, March 3 (Reuters) - Ten people were killed in Aleppo.",
            "The minister told AFP the talks would resume on Monday.",
            "The envoy said the picture was bleak: no side wants to talk.",
            "Rebels (about 200 fighters) left the town on Sunday.",
        ] {
            assert_eq!(run(line).text, line);
        }
    }

    /// Breadcrumb trails go, with separators or, when the headline follows
    /// on its own line, without them (world-a a12).
    #[test]
    fn breadcrumb_trails_are_dropped() {
        let c = run("Home > Politics > Ministers meet in Ankara\n\nMinisters meet in Ankara\n\nBody text.");
        assert_eq!(c.text, "Ministers meet in Ankara\nBody text.");
        assert_eq!(c.title.as_deref(), Some("Ministers meet in Ankara"));
        let c = run("News » World » Africa\nBody text.");
        assert_eq!(c.text, "Body text.");
        let c = run("Home | News    Wednesday 3 July 2019\n\nMediation calls for direct talks\n\nBody.");
        assert_eq!(c.title.as_deref(), Some("Mediation calls for direct talks"));
        let c = run(
            "Home Reports Leon gives an update on Libyan dialogue\n\nLeon gives an update on Libyan dialogue\n\nBody.",
        );
        assert_eq!(c.text, "Leon gives an update on Libyan dialogue\nBody.");
    }

    /// Links to other stories and prompts to share or follow are no text;
    /// "Check Also" opens the block of teasers at the end of a story (world-a a13).
    #[test]
    fn teasers_and_prompts_are_dropped() {
        let c = run("Body one.\nREAD: Hospitals report 47 dead in recent fighting\nRead more: The envoy's plan\nRelated: Talks stall again\nShort Url\nFollow\nSubscribe\nBody two.\n\nCheck Also\n\nAnother story's headline\n\nIts first lines …");
        assert_eq!(c.text, "Body one.\nBody two.");
    }

    /// A page date stamp before the first paragraph goes, the paragraph stays;
    /// a line that only gives a date is no text (and no headline).
    #[test]
    fn page_date_labels_and_date_lines_are_dropped() {
        let c = run(" date 2023-07-16 ALBAWABA - A delegation arrived in Jeddah on Saturday.\nMore.");
        assert_eq!(c.text, "ALBAWABA - A delegation arrived in Jeddah on Saturday.\nMore.");
        let c = run(" date 2023-03-11 \n\n\nThe envoy urged the parties to release prisoners.");
        assert_eq!(c.text, "The envoy urged the parties to release prisoners.");
        let c = run("Tuesday , 3 August 2021\nHafter in Abu Dhabi amid rumours of a meeting\nBody.");
        assert_eq!(c.title.as_deref(), Some("Hafter in Abu Dhabi amid rumours of a meeting"));
        for line in ["17.01.2014 11:30", "Thursday, October 29, 2015", "2014-01-17", "26 July 2013"] {
            assert_eq!(run(&format!("{line}\nBody.")).text, "Body.", "{line}");
        }
    }

    /// A section's name above the headline is no headline (world-g g12,
    /// world-k k07); a short headline with no line like one after it is.
    #[test]
    fn a_section_name_above_the_headline_is_not_the_headline() {
        let c = run("Middle East Wire\n\nKassalan minister to visit Orlan and Vesta this week\n\nBody.");
        assert_eq!(c.title.as_deref(), Some("Kassalan minister to visit Orlan and Vesta this week"));
        let c = run("Envoy Meets Rebels\n\nThe envoy met rebel leaders on Monday in Orlan.");
        assert_eq!(c.title.as_deref(), Some("Envoy Meets Rebels"));
    }

    #[test]
    fn a_dateline_is_not_a_headline() {
        let c = run("September 9th, 2013\n05:41 AM ET\n\nRussia calls for talks in Moscow\n\nBody.");
        assert_eq!(c.title.as_deref(), Some("Russia calls for talks in Moscow"));
        assert!(!c.text.contains("05:41"));
    }

    /// An agency credit closing a paragraph of text ("... said. (AFP)",
    /// "... said. — Reuters") made the caption rules drop the paragraph; a
    /// page that gives its whole story on one line lost all its text. A
    /// paragraph of three sentences or more is text; a caption is not.
    #[test]
    fn a_credit_closing_a_paragraph_of_text_keeps_the_paragraph() {
        let story = "The envoys met in Vienna on Monday for talks on a truce, officials said. \
                     The meeting lasted four hours. A second round is planned for next week.";
        for credit in ["(AFP)", "\u{2014} Reuters", "(Xinhua)"] {
            let text = format!("{story} {credit}");
            assert_eq!(run(&text).text, text, "{credit}");
        }
        // Captions with a credit still go, up to two sentences.
        for caption in [
            "Envoys shake hands before their talks in Vienna on Monday. (AFP)",
            "The envoy (C) arrives in Vienna. He met the minister on Monday. \u{2014} Reuters",
        ] {
            assert_eq!(run(&format!("{caption}\nBody.")).text, "Body.", "{caption}");
        }
    }
}
