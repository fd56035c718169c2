//! chronicle: news articles in, a timeline database of diplomatic events out.
//!
//! Data flows one way: read → clean → sentences → entities → dates → events →
//! store (where [`merge`] links the reports of one event across articles) →
//! query/export. [`extract::extract`] is pure: text and metadata in,
//! events out, no I/O.

pub mod article;
pub mod cli;
pub mod cmd;
pub mod dict;
pub mod export;
pub mod extract;
pub mod html;
pub mod merge;
pub mod model;
pub mod output;
pub mod record;
pub mod report;
pub mod store;
