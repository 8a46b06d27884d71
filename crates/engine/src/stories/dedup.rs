//! Near-duplicates: the same text reprinted, lightly edited, by several outlets.
//!
//! A wire story is published by the agency and reprinted by its clients, often with a new
//! headline, a dropped paragraph or an added line. Such copies are one report, not several
//! independent ones: they join the original's story, are counted once, and their reach (how
//! many articles and outlets carried the text) is kept.
//!
//! The method is MinHash over word shingles with banded locality-sensitive hashing (Broder 1997;
//! Indyk and Motwani 1998): the body's overlapping three-word shingles are hashed, 64 independent
//! hash functions keep their minimum over the shingles, and the fraction of equal minima between
//! two texts estimates the Jaccard similarity of their shingle sets. The 64 minima are cut into
//! 16 bands of 4; two texts that agree on a whole band are candidates (the store files
//! fingerprints by band), which finds pairs with Jaccard 0.5 with probability 0.64, 0.6 with
//! 0.89 and 0.7 with 0.99, while unrelated texts almost never meet. A candidate is a copy when
//! the estimated Jaccard similarity is at least [`COPY_JACCARD`]. Shingles are words, so copies
//! are found within a language; a translation is a different article of the same story.

use super::features::{hash64, mix, words};
use parallax_model::Fingerprint;

/// Hash functions in a signature.
pub const HASHES: usize = 64;
/// Rows per band.
pub const ROWS: usize = 4;
/// Words per shingle.
pub const SHINGLE: usize = 3;
/// Texts with fewer shingles get no fingerprint: too short to call a copy.
pub const MIN_SHINGLES: usize = 8;
/// The estimated Jaccard similarity from which a text is a copy of another.
pub const COPY_JACCARD: f32 = 0.5;

/// The fingerprint of an article's body (with its title when the body is very short).
pub fn fingerprint(title: &str, body: &str) -> Option<Fingerprint> {
    let mut w: Vec<String> = words(body).map(|x| x.1).collect();
    if w.len() < MIN_SHINGLES + SHINGLE {
        w = words(title).map(|x| x.1).chain(w).collect();
    }
    let mut shingles: Vec<u64> = w
        .windows(SHINGLE)
        .map(|s| {
            let parts: Vec<&[u8]> = s.iter().map(|x| x.as_bytes()).collect();
            hash64(&parts)
        })
        .collect();
    shingles.sort_unstable();
    shingles.dedup();
    if shingles.len() < MIN_SHINGLES {
        return None;
    }
    let params: Vec<(u64, u64)> = (0..HASHES as u64)
        .map(|i| (mix(0x9e37_79b9_7f4a_7c15 ^ i) | 1, mix(0x632b_e59b_d9b4_e019 ^ i)))
        .collect();
    let mut minhash = vec![u32::MAX; HASHES];
    for s in &shingles {
        for (m, (a, b)) in minhash.iter_mut().zip(&params) {
            let v = (s.wrapping_mul(*a).wrapping_add(*b) >> 32) as u32;
            if v < *m {
                *m = v;
            }
        }
    }
    let bands = minhash
        .chunks(ROWS)
        .enumerate()
        .map(|(i, rows)| {
            let bytes: Vec<u8> = rows.iter().flat_map(|r| r.to_le_bytes()).collect();
            hash64(&[&(i as u32).to_le_bytes(), &bytes])
        })
        .collect();
    Some(Fingerprint { bands, minhash, shingles: shingles.len().min(u32::MAX as usize) as u32 })
}

/// The estimated Jaccard similarity of two fingerprints' shingle sets.
pub fn jaccard(a: &Fingerprint, b: &Fingerprint) -> f32 {
    if a.minhash.len() != b.minhash.len() || a.minhash.is_empty() {
        return 0.0;
    }
    let same = a.minhash.iter().zip(&b.minhash).filter(|(x, y)| x == y).count();
    same as f32 / a.minhash.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "WARSAW, March 4. Poland is closely following the flood situation in the \
        south, the government spokesman told reporters on Tuesday, commenting on a newspaper \
        report about requests for pumps and helicopters. The spokesman declined to say whether \
        any request had been received, adding that contacts between the regions continue at \
        every level and that the agreement signed last month provides for such help.";

    #[test]
    fn a_lightly_edited_reprint_is_a_copy() {
        let a = fingerprint("", WIRE).unwrap();
        let edited = format!(
            "{} Read more on our website.",
            WIRE.replace("WARSAW, March 4. ", "").replace("on Tuesday", "on Tuesday evening")
        );
        let b = fingerprint("", &edited).unwrap();
        assert!(jaccard(&a, &b) >= COPY_JACCARD, "{}", jaccard(&a, &b));
        assert!(
            a.bands.iter().any(|x| b.bands.contains(x)),
            "the copy meets the original in a band"
        );
    }

    #[test]
    fn another_text_on_the_same_subject_is_not() {
        let a = fingerprint("", WIRE).unwrap();
        let other = "The government said on Tuesday it was following the floods in the south \
            closely. Its spokesman would not confirm that a letter asking for pumps and \
            helicopters had arrived, but said the regions keep in touch and that last month's \
            agreement allows help of this kind between them.";
        let b = fingerprint("", other).unwrap();
        assert!(jaccard(&a, &b) < 0.2, "{}", jaccard(&a, &b));
    }

    #[test]
    fn short_texts_have_no_fingerprint() {
        assert!(fingerprint("", "Too short to judge.").is_none());
        assert!(fingerprint("A title of some length here", "and a short body of words").is_some());
    }
}
