//! Reading inputs: bytes in, [`RawDoc`](parallax_model::RawDoc)s out.
pub mod encoding;
