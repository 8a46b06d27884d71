//! The sequence model: a linear scorer over hashed features with first-order tag transitions,
//! decoded by Viterbi under BIO constraints, and its compact file format.
//!
//! File format (all integers little-endian), deflated as a whole:
//!
//! ```text
//! "PXNER2"                      magic and version
//! u32 n                         number of feature rows
//! f32 scale                     weights are i16 × scale
//! f32 × (TAGS+1)×TAGS           transition weights (row TAGS is "from the sentence start")
//! n × { varint Δkey, u8 mask, i16 × popcount(mask) }   rows sorted by key
//! ```

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};

/// Number of tags: O, then B and I for each of PER, ORG, LOC.
pub const TAGS: usize = 7;

/// Coarse classes the model knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Per,
    Org,
    Loc,
}

impl Class {
    pub const ALL: [Class; 3] = [Class::Per, Class::Org, Class::Loc];

    pub fn begin(self) -> usize {
        1 + 2 * (self as usize)
    }

    pub fn from_tag(tag: usize) -> Option<Class> {
        match tag {
            1 | 2 => Some(Class::Per),
            3 | 4 => Some(Class::Org),
            5 | 6 => Some(Class::Loc),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Class::Per => "PER",
            Class::Org => "ORG",
            Class::Loc => "LOC",
        }
    }
}

pub fn is_inside(tag: usize) -> bool {
    tag != 0 && tag % 2 == 0
}

/// Whether `to` may follow `from` (`None` = sentence start): an I tag only continues its class.
pub fn allowed(from: Option<usize>, to: usize) -> bool {
    if !is_inside(to) {
        return true;
    }
    from.is_some_and(|f| f != 0 && Class::from_tag(f) == Class::from_tag(to))
}

/// Feature keys are already hashes; the map need not hash them again.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        // Spread the bits: hashbrown uses the top bits for its control bytes.
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub type Weights = HashMap<u32, [f32; TAGS], BuildHasherDefault<IdHasher>>;

/// A trained model.
#[derive(Clone, Default)]
pub struct Model {
    pub weights: Weights,
    /// `trans[from][to]`, with `from == TAGS` the sentence start.
    pub trans: [[f32; TAGS]; TAGS + 1],
}

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a Parallax NER model (bad magic)")]
    Magic,
    #[error("truncated model file")]
    Truncated,
    #[error("cannot inflate model: {0}")]
    Inflate(String),
}

const MAGIC: &[u8] = b"PXNER2";

impl Model {
    /// Adds the weights of `features` into per-tag scores.
    pub fn score(&self, features: &[u32], out: &mut [f32; TAGS]) {
        *out = [0.0; TAGS];
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (o, x) in out.iter_mut().zip(w) {
                    *o += x;
                }
            }
        }
    }

    /// The best tag sequence for per-token scores, under the BIO constraints.
    pub fn viterbi(&self, scores: &[[f32; TAGS]], out: &mut Vec<usize>) {
        viterbi(&self.trans, scores, out);
    }

    /// The model in its file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let max = self
            .weights
            .values()
            .flat_map(|w| w.iter())
            .fold(0.0f32, |m, x| m.max(x.abs()))
            .max(1e-6);
        let scale = max / f32::from(i16::MAX);
        // Rows whose weights all round to zero are left out, and the count written is of the
        // rows that remain.
        let mut rows: Vec<(u32, [i16; TAGS])> = self
            .weights
            .iter()
            .map(|(k, w)| (*k, w.map(|x| (x / scale).round() as i16)))
            .filter(|(_, q)| q.iter().any(|x| *x != 0))
            .collect();
        rows.sort_unstable_by_key(|(k, _)| *k);
        let mut raw = Vec::with_capacity(rows.len() * 10);
        raw.extend_from_slice(MAGIC);
        raw.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        raw.extend_from_slice(&scale.to_le_bytes());
        for row in &self.trans {
            for x in row {
                raw.extend_from_slice(&x.to_le_bytes());
            }
        }
        let mut last = 0u32;
        for (k, q) in rows {
            let mask =
                q.iter().enumerate().fold(0u8, |m, (i, x)| if *x != 0 { m | 1 << i } else { m });
            let mut d = k - last;
            last = k;
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    raw.push(b);
                    break;
                }
                raw.push(b | 0x80);
            }
            raw.push(mask);
            for x in q.iter().filter(|x| **x != 0) {
                raw.extend_from_slice(&x.to_le_bytes());
            }
        }
        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        // Writing into a Vec cannot fail.
        let _ = enc.write_all(&raw);
        enc.finish().unwrap_or_default()
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut raw = Vec::new();
        flate2::read::DeflateDecoder::new(bytes)
            .read_to_end(&mut raw)
            .map_err(|e| ModelError::Inflate(e.to_string()))?;
        let mut r = Reader { buf: &raw, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::Magic);
        }
        let n = r.u32()? as usize;
        let scale = f32::from_bits(r.u32()?);
        let mut model = Model::default();
        for row in model.trans.iter_mut() {
            for x in row.iter_mut() {
                *x = f32::from_bits(r.u32()?);
            }
        }
        model.weights.reserve(n);
        let mut key = 0u32;
        for _ in 0..n {
            let mut d = 0u32;
            let mut shift = 0;
            loop {
                let b = r.byte()?;
                d |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
                shift += 7;
                if b & 0x80 == 0 {
                    break;
                }
            }
            key = key.wrapping_add(d);
            let mask = r.byte()?;
            let mut w = [0.0f32; TAGS];
            for (i, x) in w.iter_mut().enumerate() {
                if mask & (1 << i) != 0 {
                    let b = r.take(2)?;
                    *x = f32::from(i16::from_le_bytes([b[0], b[1]])) * scale;
                }
            }
            model.weights.insert(key, w);
        }
        Ok(model)
    }
}

struct Reader<'a> {
    buf: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self.buf.get(self.at..self.at + n).ok_or(ModelError::Truncated)?;
        self.at += n;
        Ok(s)
    }
    fn byte(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// Viterbi decoding with transition weights `trans` (row `TAGS` is the start).
pub fn viterbi(trans: &[[f32; TAGS]; TAGS + 1], scores: &[[f32; TAGS]], out: &mut Vec<usize>) {
    out.clear();
    let n = scores.len();
    if n == 0 {
        return;
    }
    const NEG: f32 = f32::NEG_INFINITY;
    let mut back: Vec<[u8; TAGS]> = vec![[0; TAGS]; n];
    let mut prev = [NEG; TAGS];
    for (t, p) in prev.iter_mut().enumerate() {
        if allowed(None, t) {
            *p = trans[TAGS][t] + scores[0][t];
        }
    }
    for i in 1..n {
        let mut cur = [NEG; TAGS];
        for t in 0..TAGS {
            let mut best = NEG;
            let mut arg = 0u8;
            for (f, pf) in prev.iter().enumerate() {
                if *pf == NEG || !allowed(Some(f), t) {
                    continue;
                }
                let s = pf + trans[f][t];
                if s > best {
                    best = s;
                    arg = f as u8;
                }
            }
            if best > NEG {
                cur[t] = best + scores[i][t];
            }
            back[i][t] = arg;
        }
        prev = cur;
    }
    let mut last = 0;
    let mut best = NEG;
    for (t, s) in prev.iter().enumerate() {
        if *s > best {
            best = *s;
            last = t;
        }
    }
    out.resize(n, 0);
    out[n - 1] = last;
    for i in (1..n).rev() {
        last = usize::from(back[i][last]);
        out[i - 1] = last;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let mut m = Model::default();
        m.weights.insert(7, [0.5, -1.0, 0.0, 0.0, 2.0, 0.0, 0.25]);
        m.weights.insert(1 << 30, [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -3.0]);
        // Too small to survive quantisation: the row is dropped, and the rows after it still
        // read.
        m.weights.insert(9, [1e-7, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        m.trans[TAGS][2] = -1.5;
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        assert_eq!(back.weights.len(), 2);
        assert!((back.weights[&7][4] - 2.0).abs() < 1e-3);
        assert!((back.weights[&(1 << 30)][6] + 3.0).abs() < 1e-3);
        assert_eq!(back.trans[TAGS][2], -1.5);
        assert!(Model::from_bytes(b"garbage").is_err());
    }

    #[test]
    fn shipped_model_reads() {
        let m = Model::from_bytes(include_bytes!("../../../data/models/ner-ru.bin")).unwrap();
        assert!(m.weights.len() > 10_000);
    }

    #[test]
    fn viterbi_respects_bio() {
        let trans = [[0.0; TAGS]; TAGS + 1];
        // I-PER scores best on the first token but cannot start a sentence.
        let scores = [[0.0, 0.5, 3.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0]];
        let mut out = vec![];
        viterbi(&trans, &scores, &mut out);
        assert_eq!(out, [1, 2]);
    }
}
