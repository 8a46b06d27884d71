//! Robustness on real inputs (issue 22): a big JSON Lines input is committed as it goes, two
//! ingests into one store both finish, a store can be read without being written, the same
//! inputs in another order give the same entity ids, noise questions are refused, usage errors
//! exit 2, and file names cannot forge terminal output.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod util;

use parallax_model::Store;
use parallax_store_sqlite::SqliteStore;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use util::*;

/// One JSON Lines record per article of [`article_text`], with distinct titles and dates.
fn jsonl(records: usize) -> String {
    (0..records)
        .map(|n| {
            serde_json::json!({
                "title": format!("Council approves plan number {n}"),
                "text": article_text(n).repeat(2),
                "published": format!("2026-03-{:02}", 1 + n % 28),
                "outlet": "Harbour Gazette",
            })
            .to_string()
                + "\n"
        })
        .collect()
}

#[test]
fn a_killed_jsonl_ingest_keeps_its_committed_batches_and_resumes() {
    const RECORDS: usize = 4000;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("dump.jsonl");
    std::fs::write(&input, jsonl(RECORDS)).unwrap();
    let data = dir.path().join("store");
    let seen = ingest_then_kill(&data, &input);
    assert!(seen > 0, "nothing of the one input was committed before the deadline");
    let store = SqliteStore::open_existing(&data).unwrap();
    store.check_integrity().unwrap();
    let kept = store.count().unwrap();
    assert!(kept >= seen && kept < RECORDS, "{kept} of {RECORDS} kept");
    drop(store);

    let o = run(&data, &["ingest", "--json", input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(summary["stored"].as_u64().unwrap() as usize, RECORDS - kept);
    assert_eq!(SqliteStore::open_existing(&data).unwrap().count().unwrap(), RECORDS);
}

#[test]
fn two_ingests_into_one_store_both_finish() {
    let dir = tempfile::tempdir().unwrap();
    let mut inputs = vec![];
    for part in 0..2 {
        let folder = dir.path().join(format!("in{part}"));
        std::fs::create_dir(&folder).unwrap();
        for n in 0..150 {
            let k = part * 1000 + n;
            std::fs::write(folder.join(format!("{k:05}.txt")), article_text(k)).unwrap();
        }
        inputs.push(folder);
    }
    let spawn = |folder: &Path, store: &Path| {
        std::process::Command::new(bin())
            .arg("--data")
            .arg(store)
            .args(["ingest", "--quiet", "--jobs", "1"])
            .arg(folder)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let data2 = dir.path().join("store2");
    std::fs::create_dir(&data2).unwrap();
    // The store exists before the two start, as it does when a second ingest joins a running one.
    assert!(run(&data2, &["ingest", "--quiet", inputs[0].join("00000.txt").to_str().unwrap()])
        .status
        .success());
    let a = spawn(&inputs[0], &data2);
    let b = spawn(&inputs[1], &data2);
    for child in [a, b] {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "a concurrent ingest failed: {}", stderr(&o));
    }
    assert_eq!(SqliteStore::open_existing(&data2).unwrap().count().unwrap(), 300);
    SqliteStore::open_existing(&data2).unwrap().check_integrity().unwrap();
}

#[test]
fn a_store_is_read_without_being_written() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    for n in 0..5 {
        std::fs::write(folder.join(format!("{n}.txt")), article_text(n)).unwrap();
    }
    assert!(run(&data, &["ingest", "--quiet", folder.to_str().unwrap()]).status.success());
    let store = SqliteStore::open_read_only(&data).unwrap();
    assert!(store.is_read_only());
    assert_eq!(store.count().unwrap(), 5);
    drop(store);
    // Every reading command works on a store whose files and folder nobody may write to.
    let set_mode = |mode: u32| {
        use std::os::unix::fs::PermissionsExt;
        for e in std::fs::read_dir(&data).unwrap() {
            let p = e.unwrap().path();
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode & 0o666)).unwrap();
        }
        std::fs::set_permissions(&data, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    set_mode(0o555);
    let sizes = || -> BTreeMap<String, u64> {
        std::fs::read_dir(&data)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name().to_string_lossy().into_owned(), e.metadata().unwrap().len())
            })
            .collect()
    };
    let before = sizes();
    for args in [
        &["articles"][..],
        &["stories"],
        &["entities"],
        &["statements"],
        &["search", "council"],
        &["ask", "What did officials say about the pumps?"],
    ] {
        let o = run(&data, args);
        assert!(
            o.status.code() == Some(0) || o.status.code() == Some(3),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(!stderr(&o).contains("readonly"), "{args:?}: {}", stderr(&o));
    }
    let after = sizes();
    set_mode(0o755);
    assert_eq!(before.get("parallax.db"), after.get("parallax.db"), "reading changed the database");
}

/// The entity ids of a store: canonical name → id.
fn entity_ids(data: &Path) -> BTreeMap<String, String> {
    let o = run(data, &["entities", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|e| {
            (e["canonical"].as_str().unwrap_or("").to_string(), e["id"].as_str().unwrap().into())
        })
        .collect()
}

#[test]
fn the_same_inputs_in_reverse_order_give_the_same_entity_ids() {
    let dir = tempfile::tempdir().unwrap();
    let texts = [
        "Russia and Ukraine talks\n\nRussia said on Monday that talks with Ukraine would resume in Geneva next week, according to the foreign ministry in Moscow.\n",
        "Росія заявила про переговори\n\nРосія заявила в понеділок, що переговори з Україною відновляться в Женеві наступного тижня, повідомило МЗС.\n",
        "Germany and France\n\nGermany and France agreed in Berlin on Tuesday to share the cost of the new border checks, the German chancellor said.\n",
    ];
    let mut ids = vec![];
    for (k, order) in [[0, 1, 2], [2, 1, 0]].iter().enumerate() {
        let data = dir.path().join(format!("store{k}"));
        for &i in order {
            let f = dir.path().join(format!("in{k}_{i}.txt"));
            std::fs::write(&f, texts[i]).unwrap();
            assert!(run(&data, &["ingest", "--quiet", f.to_str().unwrap()]).status.success());
        }
        ids.push(entity_ids(&data));
    }
    let shared: Vec<&String> = ids[0].keys().filter(|k| ids[1].contains_key(*k)).collect();
    assert!(shared.iter().any(|k| k.as_str() == "Russia"), "{:?}", ids[0]);
    for k in shared {
        assert_eq!(ids[0][k], ids[1][k], "{k} has another id when the inputs come in reverse");
    }
}

#[test]
fn noise_questions_are_refused_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let f = dir.path().join("a.txt");
    std::fs::write(&f, article_text(1)).unwrap();
    assert!(run(&data, &["ingest", "--quiet", f.to_str().unwrap()]).status.success());
    for q in ["?!.", "%", "*", "这是什么问题", "'; DROP TABLE articles;--", "???"] {
        let o = run(&data, &["ask", q]);
        assert_eq!(o.status.code(), Some(3), "{q:?} was answered: {}", stdout(&o));
        assert!(stdout(&o).lines().count() < 12, "{q:?}: a refusal is short");
    }
    for args in [
        &["ask", ""][..],
        &["ask", "What did the council say?", "--limit", "0"],
        &["ask", "What did the council say?", "--since", "last tuesday"],
        &["articles", "--lang", "xx-nonsense"],
        &["search", "  "],
        &["eval", "nonsense-task"],
    ] {
        let o = run(&data, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).starts_with("error: "), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn file_names_are_escaped_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let evil = dir.path().join("bad\nerror: forged\u{1b}[31m.txt");
    std::fs::write(&evil, b"").unwrap();
    let o = run(&data, &["ingest", evil.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(!err.contains('\u{1b}'), "an escape reached the terminal: {err:?}");
    assert!(
        !err.lines().any(|l| l.starts_with("error: forged")),
        "a file name forged a line: {err:?}"
    );
    assert!(err.contains("\\n"), "{err:?}");
}

#[test]
fn restory_rebuilds_every_story_in_date_order() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    // Stored newest first: online, the newest founds the story; rebuilt, the earliest does.
    for (n, day) in [(3, "2026-03-12"), (2, "2026-03-11"), (1, "2026-03-10")] {
        let f = dir.path().join(format!("{n}.json"));
        let text = "The river rose to six metres at Halych on Tuesday and the town ordered the evacuation of three villages, the regional administration said.";
        let record = serde_json::json!({
            "title": format!("Halych evacuates three villages as the river rises ({n})"),
            "text": format!("{text} Update {n}: more pumps arrived."),
            "published": day,
        });
        std::fs::write(&f, record.to_string()).unwrap();
        assert!(run(&data, &["ingest", "--quiet", f.to_str().unwrap()]).status.success());
    }
    let o = run(&data, &["restory", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(summary["articles"], 3);
    let stories: Vec<Value> = stdout(&run(&data, &["stories", "--json"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(stories.len(), summary["stories"].as_u64().unwrap() as usize);
    let total: usize = stories.iter().map(|s| s["articles"].as_array().map_or(0, Vec::len)).sum();
    assert_eq!(total, 3usize, "every article is in a story again: {stories:?}");
    let earliest = articles(&data)
        .into_iter()
        .find(|a| a["published"] == "2026-03-10")
        .expect("the earliest article");
    let founded = format!("s{}", earliest["id"].as_str().unwrap());
    assert!(
        stories.iter().any(|s| s["id"].as_str() == Some(founded.as_str())),
        "the earliest article founds its story: {stories:?}"
    );
}

/// A JSON Lines input larger than its share of the read allowance is read as a stream (here
/// with `--max-file-mib 1`, anything over 128 KiB): the same records are stored, and a bad line
/// fails alone, named by its line, also inside gzip.
#[test]
fn a_large_jsonl_input_is_streamed_record_by_record() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let mut lines: Vec<Vec<u8>> = jsonl(400).lines().map(|l| l.as_bytes().to_vec()).collect();
    lines[4] = b"{\"title\": \"broken".to_vec();
    lines[6] = b"{\"text\": \"bad \xff byte in this line\"}".to_vec();
    lines.insert(10, b"   ".to_vec());
    let body: Vec<u8> = lines.join(&b"\n"[..]);
    assert!(body.len() > 128 << 10, "the input must exceed the streaming threshold");
    let plain = dir.path().join("dump.jsonl");
    std::fs::write(&plain, &body).unwrap();
    let gz = dir.path().join("dump2.jsonl.gz");
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&body).unwrap();
    std::fs::write(&gz, enc.finish().unwrap()).unwrap();
    for (k, input) in [plain, gz].iter().enumerate() {
        let data = dir.path().join(format!("store{k}"));
        let o = run(&data, &["ingest", "--json", "--max-file-mib", "1", input.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let summary: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        assert_eq!(summary["stored"], 398, "{summary}");
        let failed: Vec<&str> = summary["failures"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["source"].as_str().unwrap())
            .collect();
        let name = input.display().to_string();
        assert_eq!(failed, [format!("{name}#5"), format!("{name}#7")], "{summary}");
        let reasons = summary["failures"].to_string();
        assert!(reasons.contains("malformed JSON on line 5") && reasons.contains("UTF-8"));
    }
}

/// Lists keep to a budget in text (50 unless `--limit`) and say that more match; JSON gives all.
#[test]
fn text_lists_keep_to_a_budget_and_say_how_many_more() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let input = dir.path().join("dump.jsonl");
    std::fs::write(&input, jsonl(60)).unwrap();
    assert!(run(&data, &["ingest", "--quiet", input.to_str().unwrap()]).status.success());
    let o = run(&data, &["articles"]);
    let text = stdout(&o);
    assert_eq!(text.lines().count(), 1 + 50 + 1, "header, 50 rows, the 'more' line: {text}");
    assert!(text.contains("… and 10 more articles"), "{text}");
    assert_eq!(stdout(&run(&data, &["articles", "--json"])).lines().count(), 60);
    assert_eq!(stdout(&run(&data, &["articles", "--limit", "5"])).lines().count(), 1 + 5);
    let statements = stdout(&run(&data, &["statements"]));
    assert!(statements.contains("… and more: the first 50"), "{statements}");
    assert!(!stdout(&run(&data, &["statements", "--limit", "100"])).contains("… and more"));
}

/// A store whose analyses an older engine made is rebuilt from its raw bytes: killed midway it
/// loses nothing (the old store is only read, the new one commits as it goes) and the next run
/// resumes; at the end every analysis is this engine's, the ids are the same and the old store
/// is kept beside.
#[test]
fn reanalyse_brings_an_older_store_up_to_date_and_survives_a_kill() {
    const RECORDS: usize = 400;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let input = dir.path().join("dump.jsonl");
    std::fs::write(&input, jsonl(RECORDS)).unwrap();
    assert!(run(&data, &["ingest", "--quiet", input.to_str().unwrap()]).status.success());
    {
        let mut s = SqliteStore::open(&data).unwrap();
        let mut ids = vec![];
        s.scan(&mut |a| {
            ids.push(a.id.clone());
            std::ops::ControlFlow::Continue(())
        })
        .unwrap();
        for id in ids {
            let stored = s.get(&id).unwrap().unwrap();
            let mut analysis = stored.analysis;
            analysis.engine = "parallax-engine/0.0.1".into();
            let search = parallax_engine::search::index_text(&stored.article, &analysis);
            s.put_analysis(&id, &analysis, &search).unwrap();
        }
    }
    let ids = |d: &Path| {
        let mut v: Vec<String> =
            articles(d).iter().map(|a| a["id"].as_str().unwrap().to_string()).collect();
        v.sort();
        v
    };
    let before = ids(&data);
    assert_eq!(before.len(), RECORDS);
    let again = run(&data, &["ingest", input.to_str().unwrap()]);
    assert!(
        stderr(&again).contains(&format!("{RECORDS} stored articles were analysed by an older"))
            && stderr(&again).contains("parallax reanalyse"),
        "an ingest says the store holds stale analyses: {}",
        stderr(&again)
    );

    let target = dir.path().join("store.reanalysis");
    let seen = run_then_kill(&data, &["reanalyse", "--quiet"], &target);
    eprintln!("reanalyse killed after {seen} articles were rebuilt");
    if seen > 0 {
        let old = SqliteStore::open_read_only(&data).unwrap();
        assert_eq!(old.count().unwrap(), RECORDS, "the old store is untouched by a kill");
        let new = SqliteStore::open_read_only(&target).unwrap();
        new.check_integrity().unwrap();
    }
    let o = run(&data, &["reanalyse", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(summary["stale"], RECORDS, "{summary}");
    let resumed = summary["resumed"].as_u64().unwrap() as usize;
    assert_eq!(summary["rebuilt"].as_u64().unwrap() as usize + resumed, RECORDS, "{summary}");
    assert!(seen == 0 || resumed >= seen, "committed batches are not redone: {summary}");

    let store = SqliteStore::open_read_only(&data).unwrap();
    assert_eq!(store.engines().unwrap(), [(parallax_engine::ENGINE_VERSION.to_string(), RECORDS)]);
    assert_eq!(ids(&data), before, "articles keep their ids");
    assert!(!stdout(&run(&data, &["stories"])).is_empty());
    let backup = dir.path().join("store.before-reanalysis");
    assert_eq!(SqliteStore::open_read_only(&backup).unwrap().count().unwrap(), RECORDS);
    let again = run(&data, &["reanalyse", "--json"]);
    let again: Value = serde_json::from_str(stdout(&again).trim()).unwrap();
    assert_eq!(again["stale"], 0, "{again}");
}
