//! A compact arena DOM built by a hand-written HTML tokenizer.
//!
//! The tokenizer scans bytes with `memchr` for `<`, recognises start and end tags, comments,
//! doctypes and raw-text elements (`script`, `style`, ...), and keeps only the attributes the
//! extractor reads. Nothing is copied: text nodes and attribute values are byte ranges into the
//! source, decoded only when the extractor keeps them.
//!
//! The tree builder follows the parts of the HTML5 tree-construction rules that change the
//! *shape* of real pages (void elements, `<p>` closed by a block, `<li>`/`<dd>`/`<td>`/`<tr>`
//! closing their open sibling, end tags that do not match being ignored, `</div>` not closing past
//! a table cell) and leaves out those that only matter for rendering (the adoption agency
//! algorithm, foster parenting, quirks). Nesting is capped at [`MAX_DEPTH`] and every walk over
//! the tree is iterative, so no input can overflow the stack or take quadratic time.

use super::entities;
use memchr::memchr;

/// No node.
pub(crate) const NONE: u32 = u32::MAX;
/// Elements nested deeper than this become children of the deepest open one instead.
pub(crate) const MAX_DEPTH: usize = 256;

macro_rules! tags {
    ($($v:ident => $s:literal),* $(,)?) => {
        /// Element names the extractor tells apart; everything else is [`Tag::Other`].
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub(crate) enum Tag { Root, Text, Other, $($v),* }
        fn tag_of(name: &[u8]) -> Tag {
            match name { $($s => Tag::$v,)* _ => Tag::Other }
        }
    };
}

tags! {
    A => b"a", Abbr => b"abbr", Address => b"address", Applet => b"applet", Area => b"area",
    Article => b"article", Aside => b"aside", Audio => b"audio", B => b"b", Base => b"base",
    Basefont => b"basefont", Bgsound => b"bgsound", Big => b"big", Blockquote => b"blockquote",
    Body => b"body", Br => b"br", Button => b"button", Canvas => b"canvas", Caption => b"caption",
    Center => b"center", Cite => b"cite", Code => b"code", Col => b"col", Colgroup => b"colgroup",
    Dd => b"dd", Del => b"del", Details => b"details", Dialog => b"dialog", Dir => b"dir",
    Div => b"div", Dl => b"dl", Dt => b"dt", Em => b"em", Embed => b"embed",
    Fieldset => b"fieldset", Figcaption => b"figcaption", Figure => b"figure", Font => b"font",
    Footer => b"footer", Form => b"form", Frame => b"frame", Frameset => b"frameset",
    H1 => b"h1", H2 => b"h2", H3 => b"h3", H4 => b"h4", H5 => b"h5", H6 => b"h6",
    Head => b"head", Header => b"header", Hgroup => b"hgroup", Hr => b"hr", Html => b"html",
    I => b"i", Iframe => b"iframe", Img => b"img", Input => b"input", Ins => b"ins",
    Kbd => b"kbd", Keygen => b"keygen", Label => b"label", Legend => b"legend", Li => b"li",
    Link => b"link", Listing => b"listing", Main => b"main", Map => b"map", Mark => b"mark",
    Marquee => b"marquee", Math => b"math", Menu => b"menu", Meta => b"meta", Nav => b"nav",
    Nobr => b"nobr", Noembed => b"noembed", Noframes => b"noframes", Noscript => b"noscript",
    Object => b"object", Ol => b"ol", Optgroup => b"optgroup", Option => b"option",
    Output => b"output", P => b"p", Param => b"param", Picture => b"picture",
    Plaintext => b"plaintext", Pre => b"pre", Progress => b"progress", Q => b"q", S => b"s",
    Samp => b"samp", Script => b"script", Search => b"search", Section => b"section",
    Select => b"select", Small => b"small", Source => b"source", Span => b"span",
    Strike => b"strike", Strong => b"strong", Style => b"style", Sub => b"sub",
    Summary => b"summary", Sup => b"sup", Svg => b"svg", Table => b"table", Tbody => b"tbody",
    Td => b"td", Template => b"template", Textarea => b"textarea", Tfoot => b"tfoot",
    Th => b"th", Thead => b"thead", Time => b"time", Title => b"title", Tr => b"tr",
    Track => b"track", Tt => b"tt", U => b"u", Ul => b"ul", Var => b"var", Video => b"video",
    Wbr => b"wbr", Xmp => b"xmp",
}

impl Tag {
    pub(crate) fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Basefont
                | Bgsound
                | Br
                | Col
                | Embed
                | Frame
                | Hr
                | Img
                | Input
                | Keygen
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
        )
    }

    pub(crate) fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }

    /// Whose content is raw text up to the matching end tag.
    fn is_raw_text(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script | Style | Xmp | Iframe | Noembed | Noframes | Noscript | Textarea | Title
        )
    }

    /// A start tag that closes an open `<p>`.
    fn closes_p(self) -> bool {
        use Tag::*;
        self.is_heading()
            || matches!(
                self,
                Address
                    | Article
                    | Aside
                    | Blockquote
                    | Center
                    | Details
                    | Dialog
                    | Dir
                    | Div
                    | Dl
                    | Fieldset
                    | Figcaption
                    | Figure
                    | Footer
                    | Form
                    | Header
                    | Hgroup
                    | Hr
                    | Main
                    | Menu
                    | Nav
                    | Ol
                    | P
                    | Pre
                    | Section
                    | Search
                    | Summary
                    | Table
                    | Ul
                    | Li
                    | Dd
                    | Dt
                    | Listing
                    | Plaintext
                    | Xmp
            )
    }

    /// HTML's "special" category: elements an unmatched inline end tag does not close past.
    fn is_special(self) -> bool {
        use Tag::*;
        self.closes_p()
            || matches!(
                self,
                Applet
                    | Area
                    | Base
                    | Basefont
                    | Bgsound
                    | Body
                    | Br
                    | Button
                    | Caption
                    | Col
                    | Colgroup
                    | Embed
                    | Frame
                    | Frameset
                    | Head
                    | Html
                    | Iframe
                    | Img
                    | Input
                    | Keygen
                    | Link
                    | Marquee
                    | Meta
                    | Noembed
                    | Noframes
                    | Noscript
                    | Object
                    | Param
                    | Script
                    | Select
                    | Source
                    | Style
                    | Table
                    | Tbody
                    | Td
                    | Template
                    | Textarea
                    | Tfoot
                    | Th
                    | Thead
                    | Title
                    | Tr
                    | Track
                    | Wbr
                    | Root
            )
    }

    fn is_formatting(self) -> bool {
        use Tag::*;
        matches!(
            self,
            A | B | Big | Code | Em | Font | I | Nobr | S | Small | Strike | Strong | Tt | U
        )
    }

    /// Boundaries of the default "has an element in scope" search.
    fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Applet
                | Caption
                | Html
                | Table
                | Td
                | Th
                | Marquee
                | Object
                | Template
                | Root
                | Svg
                | Math
        )
    }

    /// What may stay inside `<head>`.
    fn in_head(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Base | Basefont | Bgsound | Link | Meta | Noscript | Script | Style | Template | Title
        )
    }
}

/// Attributes the extractor reads; the others are skipped while tokenizing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum AttrName {
    Class,
    Id,
    Itemprop,
    Itemtype,
    Role,
    Style,
    Hidden,
    AriaHidden,
    Href,
    Rel,
    Property,
    Name,
    Content,
    Datetime,
    Lang,
    Type,
}

fn attr_of(name: &[u8]) -> Option<AttrName> {
    use AttrName::*;
    let mut buf = [0u8; 16];
    let lower = lowercase_into(name, &mut buf)?;
    Some(match lower {
        b"class" => Class,
        b"id" => Id,
        b"itemprop" => Itemprop,
        b"itemtype" => Itemtype,
        b"role" => Role,
        b"style" => Style,
        b"hidden" => Hidden,
        b"aria-hidden" => AriaHidden,
        b"href" => Href,
        b"rel" => Rel,
        b"property" => Property,
        b"name" => Name,
        b"content" => Content,
        b"datetime" => Datetime,
        b"lang" | b"xml:lang" => Lang,
        b"type" => Type,
        _ => return None,
    })
}

fn lowercase_into<'b>(name: &[u8], buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    if name.len() > buf.len() {
        return None;
    }
    let out = buf.get_mut(..name.len())?;
    for (o, &c) in out.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}

/// One attribute: its name and the byte range of its raw (undecoded) value.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attr {
    pub name: AttrName,
    pub start: u32,
    pub end: u32,
}

/// A node of the arena. Elements keep a range of [`Dom::attrs`]; text nodes a byte range of the
/// source.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Node {
    pub tag: Tag,
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub next: u32,
    pub start: u32,
    pub end: u32,
    /// Hash of the element name for [`Tag::Other`] (to match its end tag).
    hash: u32,
}

/// The parsed page.
pub(crate) struct Dom<'a> {
    pub src: &'a str,
    pub nodes: Vec<Node>,
    pub attrs: Vec<Attr>,
}

impl<'a> Dom<'a> {
    pub(crate) fn node(&self, id: u32) -> &Node {
        // Ids come from the arena itself; index 0 (the root) is always there.
        self.nodes.get(id as usize).unwrap_or(&self.nodes[0])
    }

    pub(crate) fn tag(&self, id: u32) -> Tag {
        self.node(id).tag
    }

    /// The raw text of a text node (or raw-text element content), undecoded.
    pub(crate) fn raw(&self, id: u32) -> &'a str {
        let n = self.node(id);
        self.src.get(n.start as usize..n.end as usize).unwrap_or("")
    }

    pub(crate) fn attrs(&self, id: u32) -> &[Attr] {
        let n = self.node(id);
        if n.tag == Tag::Text || n.tag == Tag::Root {
            return &[];
        }
        self.attrs.get(n.start as usize..n.end as usize).unwrap_or(&[])
    }

    /// The raw value of an attribute (entities not decoded).
    pub(crate) fn attr_raw(&self, id: u32, name: AttrName) -> Option<&'a str> {
        let a = self.attrs(id).iter().find(|a| a.name == name)?;
        self.src.get(a.start as usize..a.end as usize)
    }

    /// The value of an attribute with character references decoded and white space trimmed.
    pub(crate) fn attr(&self, id: u32, name: AttrName) -> Option<String> {
        let raw = self.attr_raw(id, name)?;
        let mut out = String::with_capacity(raw.len());
        super::text::push_collapsed(&mut out, raw);
        let t = out.trim();
        if t.len() == out.len() {
            Some(out)
        } else {
            Some(t.to_string())
        }
    }

    /// Children of `id`, in order.
    pub(crate) fn children(&self, id: u32) -> Children<'_, 'a> {
        Children { dom: self, next: self.node(id).first_child }
    }

    /// The node after `id` in document order that is not inside `id`'s subtree, or [`NONE`] when
    /// that would leave `root`'s subtree.
    pub(crate) fn next_skipping(&self, id: u32, root: u32) -> u32 {
        let mut cur = id;
        loop {
            if cur == root {
                return NONE;
            }
            let n = self.node(cur);
            if n.next != NONE {
                return n.next;
            }
            cur = n.parent;
            if cur == NONE {
                return NONE;
            }
        }
    }

    /// The node after `id` in document order within `root`'s subtree (pre-order), or [`NONE`].
    pub(crate) fn next_in(&self, id: u32, root: u32) -> u32 {
        let n = self.node(id);
        if n.first_child != NONE {
            return n.first_child;
        }
        self.next_skipping(id, root)
    }

    /// Whether `anc` is `id` or one of its ancestors.
    pub(crate) fn is_ancestor_or_self(&self, anc: u32, id: u32) -> bool {
        let mut cur = id;
        let mut steps = 0;
        while cur != NONE && steps <= MAX_DEPTH + 2 {
            if cur == anc {
                return true;
            }
            cur = self.node(cur).parent;
            steps += 1;
        }
        false
    }
}

pub(crate) struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: u32,
}

impl Iterator for Children<'_, '_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.node(id).next;
        Some(id)
    }
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn hash_name(name: &[u8]) -> u32 {
    // FNV-1a over the lower-cased name.
    let mut h: u32 = 0x811c_9dc5;
    for &c in name {
        h ^= u32::from(c.to_ascii_lowercase());
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Parses `src` into a [`Dom`]. Never fails; any byte sequence gives some tree.
pub(crate) fn parse(src: &str) -> Dom<'_> {
    let mut b = Builder {
        src: src.as_bytes(),
        nodes: Vec::with_capacity(src.len() / 40 + 16),
        attrs: Vec::with_capacity(src.len() / 100 + 16),
        stack: Vec::with_capacity(64),
        seen_html: false,
        seen_head: false,
        seen_body: false,
    };
    b.nodes.push(Node {
        tag: Tag::Root,
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        next: NONE,
        start: 0,
        end: 0,
        hash: 0,
    });
    b.stack.push(0);
    b.run();
    Dom { src, nodes: b.nodes, attrs: b.attrs }
}

struct Builder<'s> {
    src: &'s [u8],
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    stack: Vec<u32>,
    seen_html: bool,
    seen_head: bool,
    seen_body: bool,
}

impl Builder<'_> {
    fn byte(&self, i: usize) -> u8 {
        self.src.get(i).copied().unwrap_or(0)
    }

    fn current(&self) -> u32 {
        self.stack.last().copied().unwrap_or(0)
    }

    fn tag_at(&self, depth: usize) -> Tag {
        self.stack.get(depth).map_or(Tag::Root, |&id| self.nodes[id as usize].tag)
    }

    fn append(&mut self, node: Node) -> u32 {
        let id = self.nodes.len() as u32;
        let parent = node.parent;
        self.nodes.push(node);
        if let Some(p) = self.nodes.get_mut(parent as usize) {
            let last = p.last_child;
            p.last_child = id;
            if last == NONE {
                p.first_child = id;
            } else if let Some(l) = self.nodes.get_mut(last as usize) {
                l.next = id;
            }
        }
        id
    }

    fn text(&mut self, start: usize, end: usize) {
        if end <= start {
            return;
        }
        let all_ws = self.src.get(start..end).is_none_or(|s| s.iter().all(|&c| is_ws(c)));
        if !all_ws && self.tag_at(self.stack.len() - 1) == Tag::Head {
            self.pop_to_tag(Tag::Head);
        }
        let parent = self.current();
        self.append(Node {
            tag: Tag::Text,
            parent,
            first_child: NONE,
            last_child: NONE,
            next: NONE,
            start: start as u32,
            end: end as u32,
            hash: 0,
        });
    }

    fn pop_to_index(&mut self, depth: usize) {
        self.stack.truncate(depth.max(1));
    }

    fn pop_to_tag(&mut self, tag: Tag) {
        if let Some(d) = self.find(|t| t == tag, |_| false) {
            self.pop_to_index(d);
        }
    }

    /// Depth of the topmost open element satisfying `want`, searching down until `stop`.
    fn find(&self, want: impl Fn(Tag) -> bool, stop: impl Fn(Tag) -> bool) -> Option<usize> {
        for d in (1..self.stack.len()).rev() {
            let t = self.tag_at(d);
            if want(t) {
                return Some(d);
            }
            if stop(t) {
                return None;
            }
        }
        None
    }

    fn close_p(&mut self) {
        if let Some(d) = self.find(|t| t == Tag::P, |t| t.is_scope_boundary() || t == Tag::Button) {
            self.pop_to_index(d);
        }
    }

    fn start_tag(&mut self, tag: Tag, hash: u32, attr_start: usize, self_closing: bool) {
        use Tag::*;
        let attr_end = self.attrs.len();
        match tag {
            Html => {
                if self.seen_html {
                    return;
                }
                self.seen_html = true;
            }
            Body => {
                if self.seen_body {
                    return;
                }
                self.seen_body = true;
                self.pop_to_tag(Head);
            }
            Head => {
                if self.seen_body || self.seen_head {
                    return;
                }
                self.seen_head = true;
            }
            _ => {}
        }
        if !tag.in_head() && tag != Head && self.tag_at(self.stack.len() - 1) == Head {
            self.pop_to_tag(Head);
        }
        if tag.closes_p() {
            self.close_p();
        }
        match tag {
            Li => {
                if let Some(d) = self.find(
                    |t| t == Li,
                    |t| t.is_special() && !matches!(t, Address | Div | P) || matches!(t, Ol | Ul),
                ) {
                    self.pop_to_index(d);
                }
            }
            Dd | Dt => {
                if let Some(d) = self.find(
                    |t| matches!(t, Dd | Dt),
                    |t| t.is_special() && !matches!(t, Address | Div | P) || t == Dl,
                ) {
                    self.pop_to_index(d);
                }
            }
            Td | Th => {
                if let Some(d) = self.find(|t| matches!(t, Td | Th), |t| matches!(t, Table | Tr)) {
                    self.pop_to_index(d);
                }
            }
            Tr => {
                if let Some(d) =
                    self.find(|t| t == Tr, |t| matches!(t, Table | Tbody | Thead | Tfoot))
                {
                    self.stack.truncate(d.max(1));
                }
            }
            Tbody | Thead | Tfoot => {
                if let Some(d) = self.find(|t| matches!(t, Tbody | Thead | Tfoot), |t| t == Table) {
                    self.stack.truncate(d.max(1));
                } else if let Some(d) = self.find(|t| t == Tr, |t| t == Table) {
                    self.stack.truncate(d.max(1));
                }
            }
            Option | Optgroup if self.tag_at(self.stack.len() - 1) == Option => {
                self.stack.pop();
            }
            A => {
                if let Some(d) = self.find(|t| t == A, Tag::is_scope_boundary) {
                    self.pop_to_index(d);
                }
            }
            H1 | H2 | H3 | H4 | H5 | H6 if self.tag_at(self.stack.len() - 1).is_heading() => {
                self.stack.pop();
            }
            _ => {}
        }
        let parent = self.current();
        let id = self.append(Node {
            tag,
            parent,
            first_child: NONE,
            last_child: NONE,
            next: NONE,
            start: attr_start as u32,
            end: attr_end as u32,
            hash,
        });
        let foreign_self_closing = self_closing && (tag == Other || tag == Svg || tag == Math);
        if !tag.is_void() && !foreign_self_closing && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
    }

    fn end_tag(&mut self, tag: Tag, hash: u32) {
        use Tag::*;
        match tag {
            Html | Body | Root | Text => {}
            Head => self.pop_to_tag(Head),
            P => self.close_p(),
            Li => {
                if let Some(d) =
                    self.find(|t| t == Li, |t| t.is_scope_boundary() || matches!(t, Ol | Ul))
                {
                    self.stack.truncate(d.max(1));
                }
            }
            Td | Th | Tr | Tbody | Thead | Tfoot | Table | Caption => {
                if let Some(d) =
                    self.find(|t| t == tag, |t| matches!(t, Html | Table | Template) && t != tag)
                {
                    self.stack.truncate(d.max(1));
                }
            }
            Br => {}
            Other => {
                if let Some(d) = self.find(|t| t == Other, |t| t.is_special()) {
                    // Only close the element whose name matches.
                    let id = self.stack.get(d).copied().unwrap_or(0);
                    if self.nodes.get(id as usize).is_some_and(|n| n.hash == hash) {
                        self.stack.truncate(d.max(1));
                    } else if let Some(d2) = self.find_other(hash) {
                        self.stack.truncate(d2.max(1));
                    }
                }
            }
            _ if tag.is_formatting() || !tag.is_special() => {
                if let Some(d) = self.find(|t| t == tag, |t| t.is_special()) {
                    self.stack.truncate(d.max(1));
                }
            }
            _ => {
                if let Some(d) = self.find(|t| t == tag, Tag::is_scope_boundary) {
                    self.stack.truncate(d.max(1));
                }
            }
        }
    }

    /// The topmost open unknown element with this name hash, not searching past special ones.
    fn find_other(&self, hash: u32) -> Option<usize> {
        for d in (1..self.stack.len()).rev() {
            let n = &self.nodes[self.stack[d] as usize];
            if n.tag == Tag::Other && n.hash == hash {
                return Some(d);
            }
            if n.tag.is_special() {
                return None;
            }
        }
        None
    }

    fn run(&mut self) {
        let src = self.src;
        let len = src.len();
        let mut pos = 0usize; // where scanning resumes
        let mut text_start = 0usize; // start of pending text
        while pos < len {
            let Some(off) = memchr(b'<', src.get(pos..).unwrap_or_default()) else {
                break;
            };
            let lt = pos + off;
            let next = self.byte(lt + 1);
            if next.is_ascii_alphabetic() {
                self.text(text_start, lt);
                pos = self.parse_start_tag(lt);
                text_start = pos;
            } else if next == b'/' {
                let n2 = self.byte(lt + 2);
                if n2.is_ascii_alphabetic() {
                    self.text(text_start, lt);
                    let name_start = lt + 2;
                    let mut i = name_start;
                    while i < len && !is_ws(src[i]) && src[i] != b'/' && src[i] != b'>' {
                        i += 1;
                    }
                    let name = src.get(name_start..i).unwrap_or_default();
                    let mut buf = [0u8; 16];
                    let tag = lowercase_into(name, &mut buf).map_or(Tag::Other, tag_of);
                    let hash = if tag == Tag::Other { hash_name(name) } else { 0 };
                    pos = match memchr(b'>', src.get(i..).unwrap_or_default()) {
                        Some(o) => i + o + 1,
                        None => len,
                    };
                    text_start = pos;
                    self.end_tag(tag, hash);
                } else if n2 == b'>' {
                    self.text(text_start, lt);
                    pos = lt + 3;
                    text_start = pos;
                } else {
                    // A bogus comment up to the next '>'.
                    self.text(text_start, lt);
                    pos = skip_to(src, lt + 2, b">");
                    text_start = pos;
                }
            } else if next == b'!' {
                self.text(text_start, lt);
                if src.get(lt + 2..lt + 4) == Some(b"--") {
                    if src.get(lt + 4) == Some(&b'>') {
                        pos = lt + 5;
                    } else if src.get(lt + 4..lt + 6) == Some(b"->") {
                        pos = lt + 6;
                    } else {
                        pos = skip_to(src, lt + 4, b"-->");
                    }
                } else if src
                    .get(lt + 2..lt + 9)
                    .is_some_and(|s| s.eq_ignore_ascii_case(b"[CDATA["))
                {
                    pos = skip_to(src, lt + 9, b"]]>");
                } else {
                    pos = skip_to(src, lt + 2, b">");
                }
                text_start = pos;
            } else if next == b'?' {
                self.text(text_start, lt);
                pos = skip_to(src, lt + 2, b">");
                text_start = pos;
            } else {
                // A lone '<' is text.
                pos = lt + 1;
            }
        }
        self.text(text_start, len);
    }

    /// Parses the start tag at `lt`; returns the position after it (and after the content of a
    /// raw-text element).
    fn parse_start_tag(&mut self, lt: usize) -> usize {
        let src = self.src;
        let len = src.len();
        let name_start = lt + 1;
        let mut i = name_start;
        while i < len && !is_ws(src[i]) && src[i] != b'/' && src[i] != b'>' {
            i += 1;
        }
        let name = src.get(name_start..i).unwrap_or_default();
        let mut buf = [0u8; 16];
        let tag = lowercase_into(name, &mut buf).map_or(Tag::Other, tag_of);
        let hash = if tag == Tag::Other { hash_name(name) } else { 0 };
        let attr_start = self.attrs.len();
        let mut self_closing = false;
        // Attributes.
        loop {
            while i < len && (is_ws(src[i]) || src[i] == b'/') {
                self_closing = src[i] == b'/';
                i += 1;
            }
            if i >= len {
                break;
            }
            if src[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let an_start = i;
            i += 1; // the first character may be '='
            while i < len && !is_ws(src[i]) && !matches!(src[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let an = src.get(an_start..i).unwrap_or_default();
            while i < len && is_ws(src[i]) {
                i += 1;
            }
            let (mut vs, mut ve) = (i, i);
            if i < len && src[i] == b'=' {
                i += 1;
                while i < len && is_ws(src[i]) {
                    i += 1;
                }
                match src.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        vs = i + 1;
                        ve = match memchr(q, src.get(vs..).unwrap_or_default()) {
                            Some(o) => vs + o,
                            None => len,
                        };
                        i = (ve + 1).min(len);
                    }
                    _ => {
                        vs = i;
                        while i < len && !is_ws(src[i]) && src[i] != b'>' {
                            i += 1;
                        }
                        ve = i;
                    }
                }
            }
            if let Some(name) = attr_of(an) {
                self.attrs.push(Attr { name, start: vs as u32, end: ve as u32 });
            }
        }
        self.start_tag(tag, hash, attr_start, self_closing);
        if tag.is_raw_text() || tag == Tag::Plaintext {
            let content_start = i;
            let content_end = if tag == Tag::Plaintext { len } else { find_end_tag(src, i, name) };
            if content_end > content_start {
                let parent = self.current();
                self.append(Node {
                    tag: Tag::Text,
                    parent,
                    first_child: NONE,
                    last_child: NONE,
                    next: NONE,
                    start: content_start as u32,
                    end: content_end as u32,
                    hash: 0,
                });
            }
            // Close the raw-text element itself.
            if let Some(d) = self.find(|t| t == tag, |_| false) {
                self.stack.truncate(d.max(1));
            }
            let after = match memchr(b'>', src.get(content_end..).unwrap_or_default()) {
                Some(o) => content_end + o + 1,
                None => len,
            };
            return after;
        }
        i
    }
}

/// Position after `pat` searched from `from`, or the end of input.
fn skip_to(src: &[u8], from: usize, pat: &[u8]) -> usize {
    match src.get(from..).and_then(|s| memchr::memmem::find(s, pat)) {
        Some(o) => from + o + pat.len(),
        None => src.len(),
    }
}

/// Start of the `</name` that ends a raw-text element (case-insensitive), or the end of input.
fn find_end_tag(src: &[u8], from: usize, name: &[u8]) -> usize {
    let mut i = from;
    while let Some(o) = src.get(i..).and_then(|s| memchr::memmem::find(s, b"</")) {
        let at = i + o;
        let ns = at + 2;
        let ne = ns + name.len();
        if src.get(ns..ne).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && src.get(ne).is_none_or(|&c| is_ws(c) || c == b'>' || c == b'/')
        {
            return at;
        }
        i = at + 2;
    }
    src.len()
}

/// Decodes the character reference at the start of `s` (which begins with `&`). Returns the
/// character and how many bytes it took, or `None` when it is not a reference.
pub(crate) fn char_ref(s: &[u8]) -> Option<(char, usize)> {
    let rest = s.get(1..)?;
    if rest.first() == Some(&b'#') {
        let (hex, digits_from) = match rest.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let mut cp: u32 = 0;
        let mut n = 0;
        for &c in rest.get(digits_from..)?.iter() {
            let d = if hex { (c as char).to_digit(16) } else { (c as char).to_digit(10) };
            match d {
                Some(d) => {
                    cp = cp.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
                    n += 1;
                }
                None => break,
            }
        }
        if n == 0 {
            return None;
        }
        let mut used = 1 + digits_from + n;
        if s.get(used) == Some(&b';') {
            used += 1;
        }
        let cp = if cp > 0x10FFFF { 0xFFFD } else { cp };
        return Some((entities::numeric(cp), used));
    }
    let mut n = 0;
    while n < rest.len() && n < 32 && rest[n].is_ascii_alphanumeric() {
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let name = rest.get(..n)?;
    if rest.get(n) == Some(&b';') {
        entities::named(name).map(|c| (c, n + 2))
    } else if entities::legacy_without_semicolon(name) {
        entities::named(name).map(|c| (c, n + 1))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(dom: &Dom, id: u32, out: &mut String) {
        for c in dom.children(id) {
            let n = dom.node(c);
            if n.tag == Tag::Text {
                out.push_str(&format!("'{}'", dom.raw(c)));
            } else {
                out.push_str(&format!("{:?}(", n.tag).to_lowercase());
                outline(dom, c, out);
                out.push(')');
            }
        }
    }

    fn shape(html: &str) -> String {
        let dom = parse(html);
        let mut s = String::new();
        outline(&dom, 0, &mut s);
        s
    }

    #[test]
    fn implied_end_tags() {
        assert_eq!(shape("<p>a<p>b<div>c</div>"), "p('a')p('b')div('c')");
        assert_eq!(shape("<ul><li>a<li>b</ul>"), "ul(li('a')li('b'))");
        assert_eq!(
            shape("<table><tr><td>a<td>b<tr><td>c</table>"),
            "table(tr(td('a')td('b'))tr(td('c')))"
        );
        assert_eq!(shape("<div><span>a</div>b"), "div(span('a'))'b'");
        assert_eq!(shape("<p>a</span>b</p>"), "p('a''b')");
    }

    #[test]
    fn raw_text_and_comments() {
        assert_eq!(
            shape("<script>if (a<b) x='</div>'</script><p>t"),
            "script('if (a<b) x='</div>'')p('t')"
        );
        assert_eq!(shape("a<!-- <p>x</p> -->b"), "'a''b'");
        assert_eq!(shape("<style>p{}</STYLE >x"), "style('p{}')'x'");
    }

    #[test]
    fn attributes() {
        let dom = parse(r#"<div class="a b" id=main data-x='1' hidden>x</div>"#);
        assert_eq!(dom.attr_raw(1, AttrName::Class), Some("a b"));
        assert_eq!(dom.attr_raw(1, AttrName::Id), Some("main"));
        assert!(dom.attrs(1).iter().any(|a| a.name == AttrName::Hidden));
    }

    #[test]
    fn char_refs() {
        assert_eq!(char_ref(b"&amp;x"), Some(('&', 5)));
        assert_eq!(char_ref(b"&#8217;"), Some(('\u{2019}', 7)));
        assert_eq!(char_ref(b"&#x2014;"), Some(('\u{2014}', 8)));
        assert_eq!(char_ref(b"&#150;"), Some(('\u{2013}', 6)));
        assert_eq!(char_ref(b"&nbsp x"), Some(('\u{a0}', 5)));
        assert_eq!(char_ref(b"&foo;"), None);
    }

    #[test]
    fn deep_nesting_is_capped() {
        let html = "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000);
        let dom = parse(&html);
        assert!(dom.nodes.len() > 100_000);
    }
}
