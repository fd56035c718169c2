//! The furniture patterns' forward NFA (`furniture.tsv`): how each pattern
//! becomes one alternative of it, the compilation, and a plain form of the
//! compiled NFA that `build.rs` writes for the built-in file and every run
//! reads back instead of compiling it again (see docs/performance.md,
//! "Start-up, round 12"). Shared by the build script and the program, so it
//! uses regex-automata alone.

use regex_automata::nfa::thompson::{BuildError, Builder, Compiler, Config, State, Transition, WhichCaptures, NFA};
use regex_automata::util::{look::Look, primitives::StateID, syntax};

/// A furniture pattern as one alternative of the matcher: the whole line (the
/// start of it for a `strip` rule), case-insensitively. With byte rules (`.` is one byte, `\w`, `\s` and `\b`
/// are ASCII) the patterns compile several times faster (the built-in ones
/// at build time, a user's at every start). Non-ASCII symbols ("©", "»") are allowed
/// there as literals. A pattern with non-ASCII letters keeps Unicode rules, so
/// that their case still folds, and so does one that needs them (a class of
/// non-ASCII characters, `\p{..}`).
pub fn whole_line(pattern: &str, bytes: bool, start_only: bool) -> String {
    let end = if start_only { "" } else { "$" };
    if bytes {
        format!("(?-u:^(?:{pattern}){end})")
    } else {
        format!("^(?:{pattern}){end}")
    }
}

/// Whether byte rules can keep the pattern's meaning: no non-ASCII letters.
pub fn byte_rules_fit(pattern: &str) -> bool {
    pattern.chars().all(|c| c.is_ascii() || !c.is_alphabetic())
}

/// Which of the matcher's parts checks a pattern (see docs/performance.md,
/// "Start-up, round 15"). One forward lazy DFA for every pattern made new
/// states at nearly every byte of a line: a dozen patterns open with `.*`,
/// so each stays alive to the line's end, trying its words again at every
/// byte, and together their partial matches made ever new combinations.
/// Taken apart, each part's states are few and soon all made. Any split
/// gives the same answer (the first pattern, in file order, that matches),
/// so this only has to be cheap to decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The rest, forward, together: they die within a few bytes of most lines.
    Main,
    /// `.*`-led and `.*`-ended ("the line holds ..."): forward, together.
    Contains,
    /// `.*`-led, with an end of their own ("... (AFP)"): each searched on
    /// its own, backward from the line's end, where most lines fail it at
    /// once. Byte rules only, so that the reverse lazy DFA never gives up
    /// on a Unicode `\b`; never a `strip` rule, whose match end matters.
    Reversed,
}

/// `pattern`'s part, from its text (`bytes`: it is read with byte rules).
pub fn part(pattern: &str, bytes: bool, start_only: bool) -> Part {
    let body = pattern.strip_prefix("(?-i:").unwrap_or(pattern);
    if start_only || !body.starts_with(".*") {
        Part::Main
    } else if body.ends_with(".*") || body.ends_with(".*)") {
        Part::Contains
    } else if bytes {
        Part::Reversed
    } else {
        Part::Main
    }
}

/// The reverse NFA of one `Reversed` pattern (`whole_line`'s form), for
/// an anchored search backward from the line's end: as `compile` reads it.
pub fn compile_reverse(alternative: &str) -> Result<NFA, Box<BuildError>> {
    Compiler::new()
        .syntax(syntax::Config::new().case_insensitive(true).utf8(false))
        .configure(
            Config::new().utf8(false).reverse(true).which_captures(WhichCaptures::None).nfa_size_limit(Some(10 << 20)),
        )
        .build(alternative)
        .map_err(Box::new)
}

/// Several `write` forms in one: each with its length before it (4 bytes, little-endian).
#[allow(dead_code)] // the build script's
pub fn pack(parts: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        out.extend((part.len() as u32).to_le_bytes());
        out.extend(part);
    }
    out
}

/// The forms `pack` packed, or `None` if the bytes are not such a pack.
pub fn unpack(mut bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let mut parts = Vec::new();
    while !bytes.is_empty() {
        let len = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        parts.push(bytes.get(4..4 + len)?);
        bytes = &bytes[4 + len..];
    }
    Some(parts)
}

/// The forward NFA of the furniture patterns, as `regex::bytes` reads them
/// (a line may hold any bytes), case-insensitively; with `meta::Regex`'s limit on its size.
pub fn compile(alternatives: &[String]) -> Result<NFA, Box<BuildError>> {
    Compiler::new()
        .syntax(syntax::Config::new().case_insensitive(true).utf8(false))
        .configure(Config::new().utf8(false).which_captures(WhichCaptures::Implicit).nfa_size_limit(Some(10 << 20)))
        .build_many(alternatives)
        .map_err(Box::new)
}

/// The NFA as a list of numbers, each written in 7-bit groups (LEB128): the
/// pattern count, the anchored and unanchored starts, each pattern's start,
/// then every state in order, a tag and its fields. A state's transitions
/// are written relative to the state itself (zigzag): most lead to a state
/// close by, so most take one byte (the built-in NFA: 8,251 states in 64 KB,
/// 198 KB as 32-bit words). `None` for what `read` could not rebuild the
/// same (a named group, a dense state: `compile` makes neither).
#[allow(dead_code)] // the build script's, and the tests'
pub fn write(nfa: &NFA) -> Option<Vec<u8>> {
    let id = |s: StateID| s.as_u32();
    let mut words: Vec<u32> = vec![nfa.pattern_len() as u32, id(nfa.start_anchored()), id(nfa.start_unanchored())];
    for pid in nfa.patterns() {
        words.push(id(nfa.start_pattern(pid)?));
    }
    words.push(nfa.states().len() as u32);
    for (i, state) in nfa.states().iter().enumerate() {
        let to = |s: StateID| zigzag(s.as_usize() as i64 - i as i64);
        let range = |words: &mut Vec<u32>, t: &Transition| words.extend([t.start.into(), t.end.into(), to(t.next)]);
        match state {
            State::ByteRange { trans } => {
                words.push(0);
                range(&mut words, trans);
            }
            State::Sparse(sparse) => {
                words.extend([1, sparse.transitions.len() as u32]);
                sparse.transitions.iter().for_each(|t| range(&mut words, t));
            }
            State::Look { look, next } => words.extend([2, look.as_repr(), to(*next)]),
            State::Union { alternates } => {
                words.extend([3, alternates.len() as u32]);
                words.extend(alternates.iter().map(|&s| to(s)));
            }
            State::BinaryUnion { alt1, alt2 } => words.extend([4, to(*alt1), to(*alt2)]),
            &State::Capture { next, pattern_id, group_index, slot } => {
                let group = group_index.as_usize();
                if nfa.group_info().to_name(pattern_id, group).is_some() {
                    return None;
                }
                let start = nfa.group_info().slot(pattern_id, group)? == slot.as_usize();
                words.extend([5, to(next), pattern_id.as_u32(), group_index.as_u32(), u32::from(start)]);
            }
            State::Fail => words.push(6),
            State::Match { pattern_id } => words.extend([7, pattern_id.as_u32()]),
            State::Dense(_) => return None,
        }
    }
    let mut bytes = Vec::with_capacity(words.len() * 2);
    for mut w in words {
        while w >= 0x80 {
            bytes.push((w & 0x7f) as u8 | 0x80);
            w >>= 7;
        }
        bytes.push(w as u8);
    }
    Some(bytes)
}

#[allow(dead_code)]
fn zigzag(d: i64) -> u32 {
    ((d << 1) ^ (d >> 63)) as u32
}

/// The NFA `write` wrote, rebuilt state by state with the same identifiers
/// (none of its states is an empty one that `Builder::build` would drop),
/// or `None` if the bytes are not such a form.
#[allow(dead_code)] // the tests'
pub fn read(bytes: &[u8]) -> Option<NFA> {
    read_as(bytes, false)
}

/// `read` of a forward (`reverse` false) or reverse NFA's form.
pub fn read_as(bytes: &[u8], reverse: bool) -> Option<NFA> {
    let mut at = 0;
    let mut next = || -> Option<u32> {
        let mut w = 0u32;
        for shift in (0..35).step_by(7) {
            let b = *bytes.get(at)?;
            at += 1;
            w |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(w);
            }
        }
        None
    };
    let sid = |w: Option<u32>| StateID::new(w? as usize).ok();
    // A transition of state `i`, written relative to it.
    let rel = |w: Option<u32>, i: usize| {
        let z = w?;
        let d = i64::from(z >> 1) ^ -i64::from(z & 1);
        StateID::new(usize::try_from(i as i64 + d).ok()?).ok()
    };
    let patterns = next()? as usize;
    let (anchored, unanchored) = (sid(next())?, sid(next())?);
    let mut starts = Vec::with_capacity(patterns);
    for _ in 0..patterns {
        starts.push(sid(next())?);
    }
    let states = next()? as usize;
    let mut builder = Builder::new();
    builder.set_utf8(false);
    builder.set_reverse(reverse);
    builder.set_size_limit(Some(10 << 20)).ok()?;
    // The pattern whose states are being added: the compiler adds each
    // pattern's states, its captures and match among them, together.
    let mut open: Option<u32> = None;
    let mut switch_to = |builder: &mut Builder, pattern: u32| -> Option<()> {
        if open == Some(pattern) {
            return Some(());
        }
        if let Some(done) = open {
            builder.finish_pattern(*starts.get(done as usize)?).ok()?;
        }
        if builder.start_pattern().ok()?.as_u32() != pattern {
            return None;
        }
        open = Some(pattern);
        Some(())
    };
    let transition = |w: &mut dyn FnMut() -> Option<u32>, i: usize| -> Option<Transition> {
        Some(Transition { start: u8::try_from(w()?).ok()?, end: u8::try_from(w()?).ok()?, next: rel(w(), i)? })
    };
    for i in 0..states {
        let added = match next()? {
            0 => builder.add_range(transition(&mut next, i)?),
            1 => {
                let n = next()? as usize;
                let mut transitions = Vec::with_capacity(n);
                for _ in 0..n {
                    transitions.push(transition(&mut next, i)?);
                }
                builder.add_sparse(transitions)
            }
            2 => {
                let look = Look::from_repr(next()?)?;
                builder.add_look(rel(next(), i)?, look)
            }
            3 => {
                let n = next()? as usize;
                let mut alternates = Vec::with_capacity(n);
                for _ in 0..n {
                    alternates.push(rel(next(), i)?);
                }
                builder.add_union(alternates)
            }
            4 => {
                let (alt1, alt2) = (rel(next(), i)?, rel(next(), i)?);
                builder.add_union(vec![alt1, alt2])
            }
            5 => {
                let (to, pattern, group, start) = (rel(next(), i)?, next()?, next()?, next()?);
                switch_to(&mut builder, pattern)?;
                if start == 1 {
                    builder.add_capture_start(to, group, None)
                } else {
                    builder.add_capture_end(to, group)
                }
            }
            6 => builder.add_fail(),
            7 => {
                switch_to(&mut builder, next()?)?;
                builder.add_match()
            }
            _ => return None,
        };
        if added.ok()?.as_usize() != i {
            return None;
        }
    }
    if let Some(done) = open {
        builder.finish_pattern(*starts.get(done as usize)?).ok()?;
    }
    if next().is_some() || builder.pattern_len() != patterns {
        return None;
    }
    builder.build(anchored, unanchored).ok()
}

/// Whether two NFAs are the same: their states, starts, capture slots,
/// byte classes and flags (what the lazy DFA and the PikeVM read).
#[allow(dead_code)] // the build script's and the tests' check
pub fn same(a: &NFA, b: &NFA) -> bool {
    a.states() == b.states()
        && format!("{a:?}") == format!("{b:?}")
        && a.patterns().all(|p| a.start_pattern(p) == b.start_pattern(p))
        && a.pattern_len() == b.pattern_len()
        && a.group_info().slot_len() == b.group_info().slot_len()
        && a.group_info().all_group_len() == b.group_info().all_group_len()
        && (a.has_capture(), a.has_empty(), a.is_utf8(), a.is_reverse(), a.is_always_start_anchored())
            == (b.has_capture(), b.has_empty(), b.is_utf8(), b.is_reverse(), b.is_always_start_anchored())
        && (a.look_set_any(), a.look_set_prefix_any()) == (b.look_set_any(), b.look_set_prefix_any())
        && a.memory_usage() == b.memory_usage()
}
