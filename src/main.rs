// Temporary development driver until the command line lands: mimics
// `--db DB ingest FILE [--published D]` and `export events --format jsonl`.
use std::io::Write;
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let db = args[2].clone();
    let dict = chronicle::dict::Dictionaries::builtin().expect("dictionaries");
    if args[3] == "ingest" {
        let path = &args[4];
        let published = args.iter().position(|a| a == "--published").map(|i| chrono::NaiveDate::parse_from_str(&args[i + 1], "%Y-%m-%d").unwrap());
        let text = std::fs::read_to_string(path).unwrap();
        let name = std::path::Path::new(path).file_name().unwrap().to_string_lossy().to_string();
        let art = chronicle::model::Article { name: name.clone(), text, published, ..Default::default() };
        let ex = chronicle::extract::extract(&art, &dict);
        let mut f = std::fs::OpenOptions::new().create(true).append(true).open(&db).unwrap();
        for e in ex.events {
            let (date, date_end) = e.date.map(|d| d.labels()).map(|(a, b)| (Some(a), b)).unwrap_or((None, None));
            let v = serde_json::json!({"kind": e.kind.as_str(), "status": e.status.as_str(), "date": date, "date_end": date_end, "date_text": e.date_text,
              "place": e.place, "actors": e.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>(), "speaker": e.speaker, "quote": e.quote,
              "count": e.count, "qualifier": e.qualifier.map(|q| q.as_str()),
              "mentions": e.mentions.iter().map(|m| serde_json::json!({"article": name, "sentence": m.sentence, "start": m.start, "end": m.end})).collect::<Vec<_>>()});
            writeln!(f, "{}", v).unwrap();
        }
    } else {
        print!("{}", std::fs::read_to_string(&db).unwrap_or_default());
    }
}
