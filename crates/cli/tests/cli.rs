//! End-to-end tests of the `parallax` command.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::string_slice)]

mod util;

use std::io::Write;
use util::*;

#[test]
fn ingest_a_mixed_folder_stores_the_good_and_names_the_bad() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(input.join(name), bytes).unwrap();

    // Good inputs.
    w("good.txt", article_text(1).as_bytes());
    w("good.html", b"<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1><p>The old bridge over the river reopened on Monday after two years of repairs, the mayor said.</p><p>Traffic will be limited to cars and buses.</p></article></body></html>");
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode("Мост открыли\n\nСтарый мост через реку открыли в понедельник после двух лет ремонта, сообщил мэр.\n");
    w("good_cp1251.txt", &cp1251);
    w("good.jsonl", b"{\"title\":\"A\",\"text\":\"The first record has a body of its own.\"}\n{\"title\":\"B\",\"text\":\"The second record has another body.\"}\n");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(article_text(2).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    w("good.txt.gz", &gz);

    // Bad inputs.
    w("empty.txt", b"");
    w("binary.bin", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0x00, 0x10, 0x20]);
    w("truncated.txt.gz", &gz[..gz.len() / 2]);
    let mut invalid = "Київ — столиця України. ".repeat(10).into_bytes();
    invalid.extend_from_slice(b"\xc3\x28\xa0\xa1 broken \xf0\x28\x8c\x28");
    w("invalid_utf8.txt", &invalid);
    w("huge.txt", &vec![b'a'; 50 << 20]);
    w(
        "malformed.html",
        b"<html><body><div class=\"x\"><script>var a = '<p>';</script><<><></ div><///>",
    );
    w(
        "malformed.xml",
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Unclosed",
    );
    w("malformed.json", b"{\"title\": \"x\", \"text\": \"unterminated");

    let data = dir.path().join("store");
    let o = run(&data, &["ingest", input.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "stderr: {err}");
    for (name, reason) in [
        ("empty.txt", "empty"),
        ("binary.bin", "binary"),
        ("truncated.txt.gz", "truncated gzip"),
        ("invalid_utf8.txt", "invalid UTF-8"),
        ("huge.txt", "too large"),
        ("malformed.html", "no article text"),
        ("malformed.xml", "malformed feed"),
        ("malformed.json", "malformed JSON"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not reported in:\n{err}"));
        assert!(line.contains(reason), "{name}: expected {reason:?} in {line:?}");
    }
    for good in ["good.txt", "good.html", "good_cp1251.txt", "good.jsonl", "good.txt.gz"] {
        assert!(
            !err.lines().any(|l| l.contains(&format!("/{good}:"))),
            "{good} reported as failed:\n{err}"
        );
    }
    let stored = articles(&data);
    assert_eq!(stored.len(), 6, "5 good files, one of them with two records");
    let ru =
        stored.iter().find(|a| a["source"].as_str().unwrap().ends_with("good_cp1251.txt")).unwrap();
    assert!(ru["text"].as_str().unwrap().contains("Старый мост"), "windows-1251 decoded");

    // Running it again stores nothing new.
    let again = run(&data, &["ingest", "--json", input.to_str().unwrap()]);
    let summary: serde_json::Value = serde_json::from_str(stdout(&again).trim()).unwrap();
    assert_eq!(summary["stored"], 0);
    assert_eq!(summary["duplicates"], 6);
    assert_eq!(articles(&data).len(), 6);
}

#[test]
fn articles_and_show_follow_the_json_contract() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, article_text(7)).unwrap();
    assert!(run(&data, &["ingest", file.to_str().unwrap()]).status.success());

    let list = articles(&data);
    let a = &list[0];
    for key in [
        "id",
        "source",
        "title",
        "language",
        "published",
        "outlet",
        "author",
        "kind",
        "tags",
        "text",
        "furniture",
    ] {
        assert!(a.get(key).is_some(), "articles --json lacks {key}");
    }
    assert_eq!(a["title"], "Council approves plan number 7 for the river district");
    assert_eq!(a["kind"], "news report");
    assert!(a["furniture"].as_array().unwrap().iter().any(|f| f == "Read more"));

    let id = a["id"].as_str().unwrap();
    let o = run(&data, &["show", &id[..6], "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let shown: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let text = shown["text"].as_str().unwrap();
    let sentences = shown["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 2);
    for s in sentences.iter().chain(shown["paragraphs"].as_array().unwrap()) {
        let (start, end) =
            (s["start"].as_u64().unwrap() as usize, s["end"].as_u64().unwrap() as usize);
        assert_eq!(
            s["text"].as_str().unwrap(),
            &text[start..end],
            "span text is exactly text[start..end]"
        );
    }

    let missing = run(&data, &["show", "ffffffffffff"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("no article with id"));
}

#[test]
fn stdin_global_flags_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let mut child = std::process::Command::new(bin())
        .args(["ingest", "-", "--data"])
        .arg(&data)
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(article_text(3).as_bytes()).unwrap();
    assert!(child.wait().unwrap().success(), "--data accepted after the subcommand");
    assert_eq!(articles(&data)[0]["source"], "-");

    assert_eq!(run(&data, &["ingest"]).status.code(), Some(2), "no PATH is a usage error");
    assert_eq!(run(&data, &["frobnicate"]).status.code(), Some(2));
    let nothing = run(&dir.path().join("nowhere"), &["articles"]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(stderr(&nothing).contains("no Parallax store"), "{}", stderr(&nothing));
}

#[test]
fn demo_ingests_the_bundled_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&dir.path().join("unused"), &["demo", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert!(v["failures"].as_array().unwrap().is_empty(), "{}", v["failures"]);
    let arts = v["articles"].as_array().unwrap();
    assert!(arts.len() >= 12);
    let langs: std::collections::BTreeSet<&str> =
        arts.iter().filter_map(|a| a["language"].as_str()).collect();
    for l in ["en", "uk", "ru"] {
        assert!(langs.contains(l), "demo has {l}: {langs:?}");
    }
    assert!(arts.iter().any(|a| a["kind"] == "aggregator summary"));
    assert!(arts.iter().any(|a| a["kind"] == "opinion"));
}
