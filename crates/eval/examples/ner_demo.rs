//! Prints the mentions the tagger finds in text read from standard input, one per line:
//! `cargo run --release -p parallax-eval --example ner_demo -- uk < text.txt`.

use parallax_model::Lang;
use std::io::Read;

fn main() {
    let lang = std::env::args().nth(1).and_then(|l| l.parse::<Lang>().ok());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("ner_demo: cannot read standard input");
        return;
    }
    let sentences = parallax_engine::segment::sentences(&text, lang);
    for d in parallax_engine::entities::ner::detect(&text, &sentences, &[], lang) {
        println!(
            "{}\t{}\t{:.2}\t{}",
            d.span.start,
            d.kind,
            d.confidence,
            d.span.text(&text).unwrap_or("")
        );
    }
}
