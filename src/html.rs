//! HTML → plain text for pages saved from a browser.
//!
//! Not a full HTML parser: it only has to keep the words a reader sees, in
//! order, with one line per block. `<script>`, `<style>` and similar elements
//! are dropped whole (their content must never reach extraction), comments are
//! dropped, block tags become line breaks and entities are decoded.

/// Elements whose content is never text for a reader.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "svg"];

/// Elements that start or end a line.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "title",
    "tr",
    "ul",
];

/// Whether bytes look like an HTML document rather than plain text.
pub fn looks_like_html(text: &str) -> bool {
    let start: String = text.trim_start().chars().take(15).collect::<String>().to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// The visible text of an HTML document, one block per line.
pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_text(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let starts_tag = rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        if !starts_tag {
            // A '<' in text ("1 < 2"): keep it.
            out.push('<');
            rest = &rest[1..];
            continue;
        }
        let Some(gt) = rest.find('>') else {
            // A lone '<' in text: keep it as text.
            push_text(&mut out, rest);
            rest = "";
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // `<!doctype>`, `<?xml?>`, `</>`.
            continue;
        }
        if !closing && HIDDEN.contains(&name.as_str()) && !tag.ends_with('/') {
            rest = skip_element(rest, &name);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            out.push('\n');
        }
    }
    push_text(&mut out, rest);
    tidy(&out)
}

/// Skips past the closing tag of a hidden element (case-insensitive).
fn skip_element<'a>(rest: &'a str, name: &str) -> &'a str {
    let lower = rest.to_ascii_lowercase();
    let close = format!("</{name}");
    match lower.find(&close) {
        Some(i) => match rest[i..].find('>') {
            Some(gt) => &rest[i + gt + 1..],
            None => "",
        },
        None => "",
    }
}

fn push_text(out: &mut String, text: &str) {
    out.push_str(&decode_entities(text));
}

/// Decodes character references: named (the common ones), decimal and hexadecimal.
pub fn decode_entities(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..].find(|c: char| c == ';' || c == '&' || c.is_whitespace()).map(|i| i + 1);
        let decoded = match end {
            Some(semi) if rest.as_bytes()[semi] == b';' => entity(&rest[1..semi]).map(|c| (c, semi + 1)),
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "laquo" => '«',
        "raquo" => '»',
        "eacute" => 'é',
        "euro" => '€',
        _ => return None,
    })
}

/// Collapses runs of spaces, trims every line and drops empty lines.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_styles_never_reach_the_text() {
        let html = "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style>\
                    <script>var said = 'Lavrov said';</script></head><body><p>Lavrov met Kerry.</p>\
                    <SCRIPT type=x>alert(1)</SCRIPT><p>Talks&nbsp;ended &amp; Kerry left.</p></body></html>";
        assert_eq!(to_text(html), "T\nLavrov met Kerry.\nTalks ended & Kerry left.\n");
    }

    #[test]
    fn entities_decode() {
        assert_eq!(decode_entities("a &lt;b&gt; &#8220;c&#x201D; &bogus; & d"), "a <b> “c” &bogus; & d");
    }

    #[test]
    fn comments_and_unclosed_tags_do_not_panic() {
        assert_eq!(to_text("<p>a<!-- hidden -->b</p><!-- open"), "ab\n");
        assert_eq!(to_text("1 < 2 and <script>never"), "1 < 2 and\n");
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("  <!doctype HTML><p>"));
        assert!(looks_like_html("<html>"));
        assert!(!looks_like_html("Lavrov said <b>"));
    }
}
