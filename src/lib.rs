//! chronicle: news articles in, a timeline database of diplomatic events out.
//!
//! Data flows one way: read → clean → sentences → entities → dates → events →
//! store → query/export. [`extract::extract`] is pure: text and metadata in,
//! events out, no I/O.

pub mod article;
pub mod cli;
pub mod cmd;
pub mod dict;
pub mod export;
pub mod extract;
pub mod html;
pub mod model;
pub mod output;
pub mod record;
pub mod report;
pub mod store;
