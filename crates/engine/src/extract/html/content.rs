//! Finding the main text: cleaning, scoring, collecting blocks, filtering furniture.
//!
//! See the module documentation of [`super`] for the algorithm and its reasons.

use super::cues::{self, *};
use super::dom::{AttrName, Dom, Tag, NONE};
use super::meta::element_text;
use super::text::{char_len, raw_stats, Collapser};
use super::{Block, BlockKind};
use parallax_model::{Furniture, FurnitureKind};
use std::collections::HashMap;

/// How many removed texts to keep as furniture, and how long each may be.
const MAX_FURNITURE: usize = 48;
const MAX_FURNITURE_CHARS: usize = 300;

const LINK_DENSITY_MAX: f32 = 0.2;
const MAX_COMMAS: u32 = 10;

/// Elements that start a new block of text.
pub(crate) fn is_block_tag(t: Tag) -> bool {
    use Tag::*;
    t.is_heading()
        || matches!(
            t,
            P | Div
                | Section
                | Article
                | Main
                | Header
                | Footer
                | Aside
                | Nav
                | Ul
                | Ol
                | Li
                | Dl
                | Dd
                | Dt
                | Blockquote
                | Pre
                | Table
                | Tr
                | Td
                | Th
                | Tbody
                | Thead
                | Tfoot
                | Caption
                | Figure
                | Figcaption
                | Form
                | Fieldset
                | Address
                | Center
                | Hr
                | Details
                | Summary
                | Hgroup
                | Dir
                | Menu
                | Listing
                | Body
                | Html
                | Legend
                | Dialog
                | Search
                | Plaintext
                | Xmp
                | Root
        )
}

/// Elements never part of the text (their content is code, media or controls).
fn is_never_text(t: Tag) -> bool {
    use Tag::*;
    matches!(
        t,
        Script
            | Style
            | Noscript
            | Template
            | Svg
            | Math
            | Iframe
            | Object
            | Embed
            | Applet
            | Canvas
            | Video
            | Audio
            | Select
            | Option
            | Optgroup
            | Button
            | Input
            | Textarea
            | Head
            | Title
            | Map
            | Frameset
            | Frame
            | Noembed
            | Noframes
            | Label
            | Dialog
            | Meta
            | Link
            | Base
            | Picture
            | Source
            | Track
    )
}

/// Per-node facts, in arrays indexed by node id.
pub(crate) struct Page<'d, 'a> {
    pub dom: &'d Dom<'a>,
    pub cue: Vec<u32>,
    /// Why the node itself was removed (0 = kept); its subtree goes with it.
    pub dropped: Vec<u32>,
    /// Removed, itself or through an ancestor.
    pub removed: Vec<bool>,
    /// Visible characters in the kept subtree.
    pub text: Vec<u32>,
    /// Of which inside links.
    pub link: Vec<u32>,
    pub commas: Vec<u32>,
    /// Characters of text nodes that are direct children.
    pub own: Vec<u32>,
    pub p: Vec<u32>,
    pub img: Vec<u32>,
    pub li: Vec<u32>,
    pub input: Vec<u32>,
    pub heading: Vec<u32>,
    /// Whether the subtree holds a block-level element (readability's "div as paragraph" test).
    pub has_block: Vec<bool>,
    /// Whether the subtree holds an article-body container.
    pub holds_body: Vec<bool>,
    /// Raw text characters of the subtree before any removal.
    pub raw_text: Vec<u32>,
    /// Of which inside `<p>` elements.
    pub raw_ptext: Vec<u32>,
    /// Whether the subtree holds a `<blockquote>` (an embedded post, a quotation).
    pub holds_quote: Vec<bool>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// All cues and cleaning.
    Strict,
    /// Only structural removals (scripts, hidden, nav/footer/aside): a fallback for pages whose
    /// markup misleads the cues.
    Relaxed,
}

impl<'d, 'a> Page<'d, 'a> {
    pub(crate) fn new(dom: &'d Dom<'a>) -> Self {
        let n = dom.nodes.len();
        let mut page = Page {
            dom,
            cue: vec![0; n],
            dropped: vec![0; n],
            removed: vec![false; n],
            text: vec![0; n],
            link: vec![0; n],
            commas: vec![0; n],
            own: vec![0; n],
            p: vec![0; n],
            img: vec![0; n],
            li: vec![0; n],
            input: vec![0; n],
            heading: vec![0; n],
            has_block: vec![false; n],
            holds_body: vec![false; n],
            raw_text: vec![0; n],
            raw_ptext: vec![0; n],
            holds_quote: vec![false; n],
        };
        page.classify_all();
        page.unmark_embedded_posts();
        page
    }

    /// Cues of every element, and bottom-up raw text and body-container flags.
    fn classify_all(&mut self) {
        let dom = self.dom;
        let mut cache: HashMap<&str, u32> = HashMap::new();
        for (i, node) in dom.nodes.iter().enumerate() {
            if node.tag == Tag::Text || node.tag == Tag::Root {
                continue;
            }
            let mut bits = 0u32;
            for a in dom.attrs(i as u32) {
                let Some(v) = dom.src.get(a.start as usize..a.end as usize) else { continue };
                match a.name {
                    AttrName::Class | AttrName::Id => {
                        if v.is_empty() {
                            continue;
                        }
                        bits |= match cache.get(v) {
                            Some(&b) => b,
                            None => {
                                let b = cues::classify(v);
                                cache.insert(v, b);
                                b
                            }
                        };
                    }
                    AttrName::Role => bits |= cues::classify_role(v),
                    AttrName::Itemprop => bits |= cues::classify_itemprop(v),
                    AttrName::Hidden => bits |= HIDDEN | NEG_STRONG,
                    AttrName::AriaHidden if v.trim().eq_ignore_ascii_case("true") => {
                        bits |= HIDDEN | NEG_STRONG;
                    }
                    AttrName::Style if cues::style_hides(v) => bits |= HIDDEN | NEG_STRONG,
                    _ => {}
                }
            }
            if bits & BODY != 0 {
                bits &= !(NEG_STRONG | NEG);
            }
            if matches!(node.tag, Tag::Html | Tag::Body) {
                // `<body id="article_body">` names the page, not a container within it.
                bits &= !(BODY | HIDDEN | NEG_STRONG);
            }
            self.cue[i] = bits;
        }
        for i in (1..dom.nodes.len()).rev() {
            let node = &dom.nodes[i];
            let parent = node.parent as usize;
            if node.tag == Tag::Text && !dom.nodes.get(parent).is_some_and(|p| is_never_text(p.tag))
            {
                self.raw_text[i] = raw_stats(dom.raw(i as u32)).chars;
            }
            if self.cue[i] & BODY != 0 && node.tag != Tag::Text {
                self.holds_body[i] = true;
            }
            if node.tag == Tag::P {
                self.raw_ptext[i] = self.raw_text[i];
            }
            if node.tag == Tag::Blockquote {
                self.holds_quote[i] = true;
            }
            if self.holds_quote[i] && parent < dom.nodes.len() {
                self.holds_quote[parent] = true;
            }
            if parent < dom.nodes.len() {
                self.raw_text[parent] += self.raw_text[i];
                self.raw_ptext[parent] += self.raw_ptext[i];
                if self.holds_body[i] {
                    self.holds_body[parent] = true;
                }
            }
        }
    }

    /// An embedded social post ("social-media-embed") is quoted text, not a share button.
    fn unmark_embedded_posts(&mut self) {
        for i in 0..self.cue.len() {
            let c = self.cue[i];
            if c & SHARE != 0 && self.holds_quote[i] && c & (TEASER | COMMENT | AD | NAV) == 0 {
                self.cue[i] = c & !(SHARE | NEG_STRONG | NEG);
            }
        }
    }

    /// Decides what to remove and computes the statistics of what remains.
    pub(crate) fn prepare(&mut self, mode: Mode) {
        let dom = self.dom;
        let n = dom.nodes.len();
        let total = self.raw_ptext.first().copied().unwrap_or(0).max(1);
        for i in 1..n {
            let node = &dom.nodes[i];
            let parent = node.parent as usize;
            self.dropped[i] = 0;
            if self.removed.get(parent).copied().unwrap_or(false) {
                self.removed[i] = true;
                continue;
            }
            self.removed[i] = false;
            if node.tag == Tag::Text {
                continue;
            }
            let why = self.drop_reason(i, mode, total);
            if why != 0 {
                self.dropped[i] = why;
                self.removed[i] = true;
            }
        }
        self.compute_stats();
    }

    /// Why element `i` should go (a cue bit, or [`NEG_STRONG`] for structure), or 0.
    fn drop_reason(&self, i: usize, mode: Mode, total: u32) -> u32 {
        use Tag::*;
        let tag = self.dom.nodes[i].tag;
        if is_never_text(tag) {
            return NEG_STRONG;
        }
        if matches!(tag, Html | Body) {
            return 0;
        }
        let cue = self.cue[i];
        // A wrapper holding most of the page's paragraphs is not furniture, whatever its class
        // says ("content-with-sidebar"); a comment thread is the exception.
        let protected = self.holds_body[i]
            || (u64::from(self.raw_ptext[i]) * 10 >= u64::from(total) * 6
                && self.raw_ptext[i] >= 400
                && cue & COMMENT == 0);
        if cue & HIDDEN != 0 && !self.holds_body[i] {
            return HIDDEN;
        }
        match tag {
            Nav | Menu if !protected => return NAV,
            Aside if !protected => return TEASER,
            Footer if !protected => return DISCLAIMER,
            // `header` is not dropped: an article's header holds its standfirst, and the
            // headline, byline and date in it are caught by cues and block filters.
            Form if !protected && self.raw_text[i] < 500 => return SUBSCRIBE,
            _ => {}
        }
        if mode == Mode::Strict && cue & NEG_STRONG != 0 && !protected {
            return cue & !(NEG_STRONG | NEG | POS);
        }
        0
    }

    fn compute_stats(&mut self) {
        let dom = self.dom;
        let n = dom.nodes.len();
        for v in [
            &mut self.text,
            &mut self.link,
            &mut self.commas,
            &mut self.own,
            &mut self.p,
            &mut self.img,
            &mut self.li,
            &mut self.input,
            &mut self.heading,
        ] {
            v.iter_mut().for_each(|x| *x = 0);
        }
        self.has_block.iter_mut().for_each(|x| *x = false);
        for i in (1..n).rev() {
            let node = &dom.nodes[i];
            let parent = node.parent as usize;
            if parent >= n {
                continue;
            }
            // Images and inputs are counted even when removed (readability counts them).
            match node.tag {
                Tag::Img => self.img[parent] += 1 + self.img[i],
                Tag::Input | Tag::Select | Tag::Textarea => self.input[parent] += 1,
                _ => {}
            }
            if self.removed[i] {
                continue;
            }
            if node.tag == Tag::Text {
                if is_never_text(dom.nodes[parent].tag) {
                    continue;
                }
                let s = raw_stats(dom.raw(i as u32));
                self.text[i] = s.chars;
                self.commas[i] = s.commas;
                self.own[parent] += s.chars;
            } else {
                if node.tag == Tag::A {
                    self.link[i] = self.text[i];
                }
                if node.tag.is_heading() {
                    self.heading[i] = self.text[i];
                }
                if node.tag != Tag::Img {
                    self.img[parent] += self.img[i];
                }
                self.p[parent] += self.p[i] + u32::from(node.tag == Tag::P);
                self.li[parent] += self.li[i] + u32::from(node.tag == Tag::Li);
                self.input[parent] += self.input[i];
                self.heading[parent] += self.heading[i];
                if self.has_block[i] || is_paragraph_block(node.tag) {
                    self.has_block[parent] = true;
                }
            }
            self.text[parent] += self.text[i];
            self.link[parent] += self.link[i];
            self.commas[parent] += self.commas[i];
        }
    }

    pub(crate) fn link_density(&self, id: u32) -> f32 {
        let t = self.text[id as usize];
        if t == 0 {
            0.0
        } else {
            self.link[id as usize] as f32 / t as f32
        }
    }

    /// Readability's class weight.
    fn class_weight(&self, id: u32) -> f32 {
        let c = self.cue[id as usize];
        let mut w = 0.0;
        if c & (NEG | NEG_STRONG) != 0 {
            w -= 25.0;
        }
        // Positive words ("content", "main") also name small widgets: they count only for
        // elements with some text.
        if c & (BODY | POS) != 0 && self.text[id as usize] >= 200 {
            w += 25.0;
        }
        w
    }
}

/// Blocks that make a `<div>` more than a paragraph (readability's `DIV_TO_P_ELEMS`, widened).
fn is_paragraph_block(t: Tag) -> bool {
    use Tag::*;
    t.is_heading()
        || matches!(
            t,
            P | Div
                | Blockquote
                | Dl
                | Ol
                | Ul
                | Pre
                | Table
                | Section
                | Article
                | Img
                | Figure
                | Header
                | Footer
                | Main
                | Form
        )
}

/// The chosen content: root elements whose kept text is the article, in document order.
pub(crate) struct Choice {
    pub roots: Vec<u32>,
    /// The best-scored candidates before widening, for `explain`.
    pub ranked: Vec<(u32, f32)>,
}

/// Readability-style scoring: paragraphs give points to their ancestors; the best-scored
/// element, widened by similar siblings, is the content.
pub(crate) fn choose(page: &Page) -> Choice {
    let dom = page.dom;
    let n = dom.nodes.len();
    let mut score = vec![0f32; n];
    let mut scored = vec![false; n];
    let mut candidates: Vec<u32> = Vec::new();
    let add = |page: &Page,
               at: u32,
               chars: u32,
               commas: u32,
               score: &mut Vec<f32>,
               scored: &mut Vec<bool>,
               candidates: &mut Vec<u32>| {
        // Commas mark prose; a list of names or figures in one cell is not ten times the prose.
        let content =
            1.0 + (commas.min(MAX_COMMAS) as f32 + 1.0) + (chars as f32 / 100.0).floor().min(3.0);
        let mut cur = at;
        let mut level = 0u32;
        while cur != NONE && level < 5 {
            let t = dom.tag(cur);
            if t == Tag::Root || t == Tag::Html {
                break;
            }
            let ci = cur as usize;
            if !scored[ci] {
                scored[ci] = true;
                score[ci] = initial_score(t) + page.class_weight(cur);
                candidates.push(cur);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[ci] += content / div;
            cur = dom.node(cur).parent;
            level += 1;
        }
    };
    for i in 1..n {
        if page.removed[i] {
            continue;
        }
        let tag = dom.nodes[i].tag;
        let id = i as u32;
        let is_item = match tag {
            Tag::P | Tag::Pre | Tag::Td | Tag::Blockquote => true,
            Tag::Div
            | Tag::Section
            | Tag::Article
            | Tag::Span
            | Tag::Font
            | Tag::Center
            | Tag::Other => {
                !page.has_block[i] && dom.tag(dom.node(id).parent) != Tag::P && is_div_like(tag)
            }
            _ => false,
        };
        if is_item {
            let chars = page.text[i];
            if chars >= 25 {
                let parent = dom.node(id).parent;
                add(page, parent, chars, page.commas[i], &mut score, &mut scored, &mut candidates);
            }
        } else if matches!(
            tag,
            Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Td
                | Tag::Body
                | Tag::Center
                | Tag::Other
        ) && page.has_block[i]
            && page.own[i] >= 25
        {
            // Text directly inside a container counts as a paragraph of it.
            add(page, id, page.own[i], 0, &mut score, &mut scored, &mut candidates);
        }
    }
    for &c in &candidates {
        score[c as usize] *= 1.0 - page.link_density(c);
    }
    let mut top = NONE;
    let mut best = f32::MIN;
    for &c in &candidates {
        if score[c as usize] > best {
            best = score[c as usize];
            top = c;
        }
    }
    let body = (1..n as u32).find(|&i| dom.tag(i) == Tag::Body).unwrap_or(0);
    if top == NONE || matches!(dom.tag(top), Tag::Body | Tag::Html) {
        return Choice { roots: vec![body], ranked: Vec::new() };
    }
    // Several near-equal candidates under one ancestor: take the ancestor.
    let mut sorted: Vec<u32> = candidates.clone();
    sorted.sort_by(|a, b| score[*b as usize].total_cmp(&score[*a as usize]));
    let alternatives: Vec<u32> = sorted
        .iter()
        .skip(1)
        .take(4)
        .copied()
        .filter(|&c| score[c as usize] / best >= 0.75)
        .collect();
    if alternatives.len() >= 3 {
        let mut parent = dom.node(top).parent;
        while parent != NONE && !matches!(dom.tag(parent), Tag::Body | Tag::Html | Tag::Root) {
            let holds =
                alternatives.iter().filter(|&&a| dom.is_ancestor_or_self(parent, a)).count();
            if holds >= 3 {
                top = parent;
                break;
            }
            parent = dom.node(parent).parent;
        }
    }
    // An ancestor scoring nearly as well but holding much more text is the article, split
    // into parts that each scored alone.
    if let Some(&anc) = sorted.iter().skip(1).take(4).find(|&&c| {
        score[c as usize] >= 0.85 * best
            && dom.is_ancestor_or_self(c, top)
            && c != top
            && page.text[c as usize] as f32 >= 1.5 * page.text[top as usize] as f32
            && !matches!(dom.tag(c), Tag::Body | Tag::Html)
    }) {
        top = anc;
    }
    // Climb while the parent scores about as well.
    let mut last = score[top as usize];
    let threshold = last / 3.0;
    let mut parent = dom.node(top).parent;
    while parent != NONE && !matches!(dom.tag(parent), Tag::Body | Tag::Html | Tag::Root) {
        if !scored[parent as usize] {
            parent = dom.node(parent).parent;
            continue;
        }
        let ps = score[parent as usize];
        if ps < threshold {
            break;
        }
        if ps > last {
            top = parent;
            break;
        }
        last = ps;
        parent = dom.node(parent).parent;
    }
    // A lone child: its parent is the same content.
    loop {
        let parent = dom.node(top).parent;
        if parent == NONE || matches!(dom.tag(parent), Tag::Body | Tag::Html | Tag::Root) {
            break;
        }
        let kept_children = dom
            .children(parent)
            .filter(|&c| dom.tag(c) != Tag::Text && !page.removed[c as usize])
            .count();
        if kept_children != 1 {
            break;
        }
        top = parent;
    }
    // Siblings that look like more of the same.
    let top_score = score[top as usize];
    let threshold = (top_score * 0.2).max(10.0);
    let parent = dom.node(top).parent;
    let top_class = dom.attr_raw(top, AttrName::Class).unwrap_or_default();
    let mut roots = Vec::new();
    if parent == NONE {
        roots.push(top);
    } else {
        for s in dom.children(parent) {
            if s == top {
                roots.push(s);
                continue;
            }
            if page.removed[s as usize] || dom.tag(s) == Tag::Text || looks_like_listing(page, s) {
                continue;
            }
            let mut bonus = 0.0;
            let class = dom.attr_raw(s, AttrName::Class).unwrap_or_default();
            if !class.is_empty() && class == top_class {
                bonus += top_score * 0.2;
            }
            let si = s as usize;
            let s_score = if scored[si] { score[si] } else { 0.0 };
            if scored[si] && s_score + bonus >= threshold {
                roots.push(s);
            } else if dom.tag(s) == Tag::P || (is_div_like(dom.tag(s)) && !page.has_block[si]) {
                let ld = page.link_density(s);
                let len = page.text[si];
                if len > 80 && ld < 0.25 {
                    roots.push(s);
                } else if len > 0 && len < 80 && ld == 0.0 {
                    let t = element_text(dom, s, 200);
                    if t.ends_with('.') || t.contains(". ") {
                        roots.push(s);
                    }
                }
            }
        }
    }
    let ranked = sorted.iter().take(5).map(|&c| (c, score[c as usize])).collect();
    Choice { roots, ranked }
}

/// A sibling that is a list of other stories: several `<article>` cards, or a part announced by
/// a removed "related" heading.
fn looks_like_listing(page: &Page, id: u32) -> bool {
    let dom = page.dom;
    let mut articles = 0;
    let mut cur = dom.node(id).first_child;
    while cur != NONE {
        let t = dom.tag(cur);
        if t == Tag::Article {
            articles += 1;
            if articles >= 2 {
                return true;
            }
        }
        if page.dropped[cur as usize] & TEASER != 0 {
            return true;
        }
        cur = dom.next_in(cur, id);
    }
    false
}

fn is_div_like(t: Tag) -> bool {
    matches!(
        t,
        Tag::Div | Tag::Section | Tag::Article | Tag::Span | Tag::Font | Tag::Center | Tag::Other
    )
}

fn initial_score(t: Tag) -> f32 {
    use Tag::*;
    match t {
        Div | Article | Main => 5.0,
        Pre | Td | Blockquote => 3.0,
        Address | Ol | Ul | Dl | Dd | Dt | Li | Form => -3.0,
        H1 | H2 | H3 | H4 | H5 | H6 | Th => -5.0,
        _ => 0.0,
    }
}

/// Article-body containers (`itemprop=articleBody`, `article-body`...): the outermost kept ones
/// with text, in document order.
pub(crate) fn body_containers(page: &Page) -> Vec<u32> {
    let dom = page.dom;
    let mut out = Vec::new();
    let mut i = 1usize;
    let n = dom.nodes.len();
    while i < n {
        let id = i as u32;
        if !page.removed[i]
            && dom.nodes[i].tag != Tag::Text
            && page.cue[i] & BODY != 0
            && page.text[i] > 0
        {
            out.push(id);
            // Skip the subtree.
            let next = dom.next_skipping(id, 0);
            if next == NONE {
                break;
            }
            i = next as usize;
            continue;
        }
        i += 1;
    }
    out
}

/// The first `n` alphanumeric characters of the kept text under `id` (a cheap signature).
pub(crate) fn kept_text_head(page: &Page, id: u32, n: usize) -> String {
    let dom = page.dom;
    let mut out = String::new();
    let mut cur = dom.node(id).first_child;
    while cur != NONE && out.len() < n * 4 {
        if page.removed[cur as usize] {
            cur = dom.next_skipping(cur, id);
            continue;
        }
        if dom.tag(cur) == Tag::Text && !is_never_text(dom.tag(dom.node(cur).parent)) {
            out.extend(super::text::clean(dom.raw(cur)).chars().filter(|c| c.is_alphanumeric()));
        }
        cur = dom.next_in(cur, id);
    }
    out.chars().take(n).collect()
}

/// One block being built, with what it is made of.
struct Pending {
    kind: BlockKind,
    text: Collapser,
    link_chars: usize,
}

/// A block with the facts the filters need.
pub(crate) struct RawBlock {
    pub block: Block,
    pub link_chars: usize,
}

/// Walks the content roots, producing blocks and collecting captions and furniture.
pub(crate) struct Collector<'p, 'd, 'a> {
    page: &'p Page<'d, 'a>,
    pub blocks: Vec<RawBlock>,
    pub captions: Vec<String>,
    pub furniture: Vec<Furniture>,
    cur: Pending,
    kinds: Vec<(u32, BlockKind)>,
    link_depth: u32,
    pre_depth: u32,
    br_run: u32,
    clean: bool,
}

impl<'p, 'd, 'a> Collector<'p, 'd, 'a> {
    pub(crate) fn new(page: &'p Page<'d, 'a>, clean: bool) -> Self {
        Collector {
            page,
            blocks: Vec::new(),
            captions: Vec::new(),
            furniture: Vec::new(),
            cur: Pending { kind: BlockKind::Paragraph, text: Collapser::new(), link_chars: 0 },
            kinds: Vec::new(),
            link_depth: 0,
            pre_depth: 0,
            br_run: 0,
            clean,
        }
    }

    fn kind(&self) -> BlockKind {
        self.kinds.last().map_or(BlockKind::Paragraph, |k| k.1)
    }

    fn flush(&mut self) {
        if self.cur.text.is_empty() {
            self.cur.link_chars = 0;
            return;
        }
        let text = self.cur.text.take();
        let text =
            if self.cur.kind == BlockKind::Preformatted { text.trim().to_string() } else { text };
        if !text.is_empty() {
            self.blocks.push(RawBlock {
                block: Block { kind: self.cur.kind, text },
                link_chars: self.cur.link_chars,
            });
        }
        self.cur.link_chars = 0;
    }

    pub(crate) fn furniture(&mut self, kind: FurnitureKind, text: String) {
        if self.furniture.len() >= MAX_FURNITURE {
            return;
        }
        let text = truncate_chars(text.trim(), MAX_FURNITURE_CHARS);
        if text.is_empty() || self.furniture.iter().any(|f| f.text == text) {
            return;
        }
        self.furniture.push(Furniture { kind, text });
    }

    fn removed_furniture(&mut self, id: u32, why: u32) {
        if self.furniture.len() >= MAX_FURNITURE {
            return;
        }
        let dom = self.page.dom;
        let kind = if why & BYLINE != 0 {
            FurnitureKind::Byline
        } else if why & BIO != 0 {
            FurnitureKind::AuthorBio
        } else if why & CREDIT != 0 {
            FurnitureKind::Credit
        } else if why & DATE != 0 {
            FurnitureKind::DateLine
        } else if why & (TEASER | COMMENT) != 0 {
            FurnitureKind::Teaser
        } else if why & (SHARE | NAV | SUBSCRIBE) != 0 {
            FurnitureKind::Button
        } else if why & (DISCLAIMER | AD) != 0 {
            FurnitureKind::Disclaimer
        } else if why & LABEL != 0 {
            FurnitureKind::Label
        } else if why & TITLE != 0 {
            FurnitureKind::Title
        } else {
            return;
        };
        let text = element_text(dom, id, MAX_FURNITURE_CHARS * 4);
        self.furniture(kind, text);
    }

    /// Whether readability's conditional cleaning removes this element of the content.
    fn cleaned_away(&self, id: u32) -> bool {
        use Tag::*;
        let page = self.page;
        let dom = page.dom;
        let tag = dom.tag(id);
        let i = id as usize;
        if !matches!(
            tag,
            Div | Section
                | Ul
                | Ol
                | Table
                | Form
                | Fieldset
                | Dl
                | Article
                | Aside
                | Header
                | Other
        ) {
            return false;
        }
        if matches!(tag, Div | Section | Article | Other) && !page.has_block[i] {
            // A paragraph in disguise; judged as a block later.
            return false;
        }
        let weight = page.class_weight(id);
        if weight < 0.0 {
            return true;
        }
        if page.commas[i] >= 10 {
            return false;
        }
        let is_list = matches!(tag, Ul | Ol);
        if page.holds_quote[i] && page.link_density(id) < 0.5 {
            // Quotations and embedded posts carry their source's links.
            return false;
        }
        let p = page.p[i] as f32;
        let img = page.img[i] as f32;
        let li = page.li[i] as f32 - 100.0;
        let input = page.input[i] as f32;
        let text = page.text[i];
        let heading_density = if text == 0 { 0.0 } else { page.heading[i] as f32 / text as f32 };
        let ld = page.link_density(id);
        (img > 1.0 && p / img < 0.5 && !self.in_figure(id))
            || (!is_list && li > p)
            || (input > (p / 3.0).floor())
            || (!is_list
                && heading_density < 0.9
                && text < 25
                && (img == 0.0 || img > 2.0)
                && !self.in_figure(id))
            || (!is_list && weight < 25.0 && ld > LINK_DENSITY_MAX)
            || (weight >= 25.0 && ld > 0.5)
    }

    fn in_figure(&self, id: u32) -> bool {
        let dom = self.page.dom;
        let mut cur = dom.node(id).parent;
        let mut steps = 0;
        while cur != NONE && steps < 8 {
            if dom.tag(cur) == Tag::Figure {
                return true;
            }
            cur = dom.node(cur).parent;
            steps += 1;
        }
        false
    }

    /// Collects the text of `root`'s subtree.
    pub(crate) fn collect(&mut self, root: u32) {
        let page = self.page;
        let dom = page.dom;
        self.flush();
        let mut cur = root;
        'walk: loop {
            // Enter `cur`.
            let node = dom.node(cur);
            let tag = node.tag;
            let mut descend = true;
            if tag == Tag::Text {
                if !page.removed[cur as usize] && !is_never_text(dom.tag(node.parent)) {
                    let raw = dom.raw(cur);
                    if self.cur.text.is_empty() {
                        self.cur.kind = self.kind();
                    }
                    let before = self.cur.text.out.len();
                    if self.pre_depth > 0 {
                        push_pre(&mut self.cur.text, raw);
                    } else {
                        self.cur.text.push_raw(raw);
                    }
                    let added = self.cur.text.out.len() - before;
                    if added > 0 {
                        self.br_run = 0;
                        if self.link_depth > 0 {
                            self.cur.link_chars +=
                                self.cur.text.out.get(before..).map_or(0, char_len);
                        }
                    }
                }
                descend = false;
            } else if cur != root && page.removed[cur as usize] {
                let why = page.dropped[cur as usize];
                if why != 0 {
                    if why & CAPTION != 0 {
                        self.caption(cur);
                    } else {
                        self.removed_furniture(cur, why);
                    }
                }
                if is_block_tag(tag) {
                    self.flush();
                }
                descend = false;
            } else if tag == Tag::Figure || tag == Tag::Figcaption {
                self.flush();
                self.figure(cur);
                descend = false;
            } else if cur != root && self.clean && self.cleaned_away(cur) {
                self.flush();
                let why = page.cue[cur as usize];
                let why = if why & (NEG | NEG_STRONG) != 0 { why } else { TEASER };
                self.removed_furniture(cur, why);
                descend = false;
            } else if tag == Tag::Br {
                self.br_run += 1;
                if self.br_run >= 2 {
                    self.flush();
                } else {
                    self.cur.text.space();
                }
                descend = false;
            } else if is_block_tag(tag) {
                self.flush();
                self.br_run = 0;
                if let Some(k) = block_kind(tag) {
                    // A paragraph inside a quotation, list item or cell keeps the outer kind.
                    let k = if k == BlockKind::Paragraph { self.kind() } else { k };
                    self.kinds.push((cur, k));
                }
                if tag == Tag::Pre {
                    self.pre_depth += 1;
                }
            } else if tag == Tag::A {
                self.link_depth += 1;
            } else if matches!(tag, Tag::Td | Tag::Th | Tag::Img) {
                self.cur.text.space();
            }
            if descend && node.first_child != NONE {
                cur = node.first_child;
                continue;
            }
            // Leave `cur` and climb until a next sibling.
            loop {
                self.leave(cur);
                if cur == root {
                    break 'walk;
                }
                let n = dom.node(cur);
                if n.next != NONE {
                    cur = n.next;
                    break;
                }
                cur = n.parent;
                if cur == NONE {
                    break 'walk;
                }
            }
        }
        self.flush();
        self.kinds.clear();
        self.link_depth = 0;
        self.pre_depth = 0;
    }

    fn leave(&mut self, id: u32) {
        let page = self.page;
        let dom = page.dom;
        let tag = dom.tag(id);
        if tag == Tag::Text || page.removed[id as usize] {
            return;
        }
        if tag == Tag::A {
            self.link_depth = self.link_depth.saturating_sub(1);
        } else if is_block_tag(tag) {
            if tag == Tag::Figure || tag == Tag::Figcaption {
                return;
            }
            self.flush();
            if self.kinds.last().is_some_and(|k| k.0 == id) {
                self.kinds.pop();
            }
            if tag == Tag::Pre {
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
        }
    }

    fn caption(&mut self, id: u32) {
        let t = element_text(self.page.dom, id, 2000);
        if !t.is_empty() && !self.captions.contains(&t) && self.captions.len() < 64 {
            self.captions.push(t);
        }
    }

    /// A figure gives its caption; the rest (images, embeds, pull quotes) is not body text.
    fn figure(&mut self, id: u32) {
        let dom = self.page.dom;
        if dom.tag(id) == Tag::Figcaption {
            self.caption(id);
            return;
        }
        let mut cur = dom.node(id).first_child;
        let mut found = false;
        while cur != NONE {
            let t = dom.tag(cur);
            if t == Tag::Figcaption
                || (t != Tag::Text && self.page.cue[cur as usize] & CAPTION != 0)
            {
                self.caption(cur);
                found = true;
                cur = dom.next_skipping(cur, id);
            } else {
                cur = dom.next_in(cur, id);
            }
        }
        if !found {
            let t = element_text(dom, id, 600);
            if !t.is_empty() && t.chars().count() < 300 {
                self.caption_text(t);
            }
        }
    }

    /// Captions of figures near the content (in the enclosing `<article>`, or the roots'
    /// parent), which are often outside the body container itself, and the furniture removed
    /// there (headline, byline, date line, share buttons).
    pub(crate) fn captions_around(&mut self, roots: &[u32]) {
        let page = self.page;
        let dom = page.dom;
        let Some(&first) = roots.first() else { return };
        let mut scope = dom.node(first).parent;
        let mut cur = first;
        for _ in 0..6 {
            if cur == NONE {
                break;
            }
            if matches!(dom.tag(cur), Tag::Article | Tag::Main) {
                scope = cur;
                break;
            }
            cur = dom.node(cur).parent;
        }
        if scope == NONE || matches!(dom.tag(scope), Tag::Body | Tag::Html | Tag::Root) {
            return;
        }
        let mut cur = dom.node(scope).first_child;
        while cur != NONE {
            let t = dom.tag(cur);
            let hidden = page.cue[cur as usize] & HIDDEN != 0;
            if t == Tag::Text || is_never_text(t) || hidden {
                cur = dom.next_skipping(cur, scope);
                continue;
            }
            if t == Tag::Figcaption || page.cue[cur as usize] & CAPTION != 0 {
                self.caption(cur);
                cur = dom.next_skipping(cur, scope);
                continue;
            }
            if roots.contains(&cur) {
                cur = dom.next_skipping(cur, scope);
                continue;
            }
            let why = page.dropped[cur as usize];
            if why != 0 {
                self.removed_furniture(cur, why);
                cur = dom.next_skipping(cur, scope);
                continue;
            }
            if t == Tag::H1 {
                self.removed_furniture(cur, TITLE);
                cur = dom.next_skipping(cur, scope);
                continue;
            }
            cur = dom.next_in(cur, scope);
        }
    }

    fn caption_text(&mut self, t: String) {
        if !self.captions.contains(&t) && self.captions.len() < 64 {
            self.captions.push(t);
        }
    }
}

fn push_pre(c: &mut Collapser, raw: &str) {
    // Keep line breaks inside <pre>; decode references.
    for (k, line) in raw.split('\n').enumerate() {
        if k > 0 {
            c.out.push('\n');
        }
        let mut tmp = Collapser::new();
        tmp.push_raw(line);
        c.out.push_str(&tmp.out);
    }
}

fn block_kind(t: Tag) -> Option<BlockKind> {
    use Tag::*;
    Some(match t {
        H1 | H2 | H3 | H4 | H5 | H6 => BlockKind::Heading,
        Li | Dd | Dt => BlockKind::ListItem,
        Blockquote => BlockKind::Quote,
        Pre | Listing | Xmp | Plaintext => BlockKind::Preformatted,
        Td | Th => BlockKind::TableCell,
        P | Div | Section | Article | Main | Address | Center | Details | Summary | Caption => {
            BlockKind::Paragraph
        }
        _ => return None,
    })
}

pub(crate) fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or(s).trim_end()),
        None => s.to_string(),
    }
}
