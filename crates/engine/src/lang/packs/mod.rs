//! Language packs: what each supported language needs (abbreviations for now; cue verbs, temporal
//! words and descriptor nouns as later stages arrive).
