//! Compiles the morphology export of `scripts/morph/export.py` into the map the engine reads.
//!
//! Usage: `cargo run --release -p parallax-engine --example build_morph -- FORMS.tsv OUT.fst`
//! (run by `scripts/morph/build.sh`). FORMS.tsv holds "form<TAB>value" lines sorted by the form's
//! bytes.

use std::io::{BufRead, BufReader, BufWriter};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, output] = args.as_slice() else {
        return Err("usage: build_morph FORMS.tsv OUT.fst".into());
    };
    let reader = BufReader::new(std::fs::File::open(input)?);
    let mut map = fst::MapBuilder::new(BufWriter::new(std::fs::File::create(output)?))?;
    let mut n = 0usize;
    for line in reader.lines() {
        let line = line?;
        let (form, value) = line.split_once('\t').ok_or("a line without a tab")?;
        map.insert(form, value.parse::<u64>()?)?;
        n += 1;
    }
    map.finish()?;
    eprintln!("{n} forms → {output}");
    Ok(())
}
