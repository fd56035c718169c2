//! Entities: who and where a sentence names.
//!
//! - [`dictionary`]: the actors, places, triggers and cues of `data/`, found
//!   word by word; the dictionary wins when it knows a name (canonical
//!   spelling, aliases, dated roles).
//! - [`words`]: the word classes of `data/words.tsv` (titles, organisation
//!   heads, particles, place nouns...) that tell what an unknown name is.
//! - [`names`]: names the dictionary does not know, found and typed from their
//!   shape and context: persons, organisations and groups, places.
//! - [`cast`]: the article's cast, so that a surname, an acronym, a pronoun
//!   or a description refers back to the entity it names.

pub mod cast;
pub mod dictionary;
pub mod names;
pub mod words;

pub use dictionary::*;

use crate::extract::tokens::Tok;
use words::ClassSet;

/// The word classes of a sentence (`Scan::classes`) by token: entry `k` holds
/// the classes of the phrase that starts at token `k` and the token after its
/// end.
pub fn classes_by_token(index: &Index, classes: &[Found], toks: &[Tok]) -> Vec<Option<(ClassSet, usize)>> {
    let mut out = vec![None; toks.len()];
    let mut k = 0;
    for f in classes {
        while k < toks.len() && toks[k].start < f.start {
            k += 1;
        }
        if k == toks.len() {
            break;
        }
        if toks[k].start != f.start {
            continue;
        }
        let end = toks[k..].iter().position(|t| t.start >= f.end).map_or(toks.len(), |p| k + p);
        let mut set = ClassSet::default();
        for c in index.classes_of(f) {
            set.push(c);
        }
        out[k] = Some((set, end));
    }
    out
}
