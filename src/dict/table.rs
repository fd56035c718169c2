//! Reading the lazily parsed data files (`gazetteer.tsv`): their lines,
//! fields and name hashes, and the lookup table of the built-in gazetteer.
//!
//! Shared by the program and its build script (`build.rs` includes this file),
//! which builds the built-in gazetteer's table once, at build time: building
//! it at start took about 70 M instructions of every run (see
//! docs/performance.md). The build script and the run-time code hash names
//! with this same code, so the table cannot disagree with a lookup.

/// FNV-1a over the ASCII-lower-cased bytes: names that differ only in ASCII
/// case hash alike, without building a lower-case copy.
pub fn fold_hash(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3))
}

/// A `|`-separated list, without empty items.
pub fn items(list: &str) -> impl Iterator<Item = &str> {
    list.split('|').map(str::trim_ascii).filter(|s| !s.is_empty())
}

/// The fields of a data line, at most `N` of them, without allocating; a
/// field loses ASCII spaces around it. One plain pass over the bytes:
/// `str::split` and `find` took most of the gazetteer's first lookup.
pub fn fields<const N: usize>(line: &str) -> ([&str; N], usize) {
    let mut out = [""; N];
    let (mut n, mut start, mut i) = (0, 0, 0);
    let bytes = line.as_bytes();
    while n < N {
        while i < bytes.len() && bytes[i] != b'\t' {
            i += 1;
        }
        // Tabs are ASCII: `start..i` lies on character boundaries.
        out[n] = line[start..i].trim_ascii();
        n += 1;
        if i == bytes.len() {
            break;
        }
        i += 1;
        start = i;
    }
    (out, n)
}

/// Data lines of a text: `(line number, line)`, without comments and blank lines.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let start = line.trim_ascii_start();
        (!start.is_empty() && !start.starts_with('#')).then_some((i + 1, line))
    })
}

/// The high half of `fold_hash`: the prebuilt table's key. Half the size of
/// the full hash in the binary; a lookup checks each candidate's names anyway.
pub fn short_hash(s: &str) -> u32 {
    (fold_hash(s) >> 32) as u32
}

/// A gazetteer's lookup table, as the build script writes it for the
/// built-in file: the data lines, most populous first (then in file order),
/// each as its byte offset in the text (`rows`, a little-endian `u32` each),
/// and every spelling's `short_hash` with its row (`names`, two little-endian
/// `u32` each), sorted by hash, then row.
#[cfg_attr(not(test), allow(dead_code))]
pub fn gazetteer_table(text: &str) -> (Vec<u8>, Vec<u8>) {
    let mut rows: Vec<(Option<u64>, usize, &str)> = data_lines(text)
        .map(|(_, l)| {
            let (f, _) = fields::<7>(l);
            (f[3].parse().ok(), l.as_ptr() as usize - text.as_ptr() as usize, l)
        })
        .collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.0));
    let mut names: Vec<(u32, u32)> = Vec::new();
    let mut row_bytes = Vec::with_capacity(rows.len() * 4);
    for (n, &(_, offset, l)) in rows.iter().enumerate() {
        row_bytes.extend((offset as u32).to_le_bytes());
        let (f, _) = fields::<7>(l);
        let mut hashes: Vec<u32> = std::iter::once(f[0]).chain(items(f[6])).map(short_hash).collect();
        hashes.sort_unstable();
        hashes.dedup();
        names.extend(hashes.into_iter().map(|h| (h, n as u32)));
    }
    names.sort_unstable();
    let name_bytes = names.iter().flat_map(|&(h, r)| h.to_le_bytes().into_iter().chain(r.to_le_bytes())).collect();
    (row_bytes, name_bytes)
}
