//! Shelfmark, the application: the command line, the store, and (in later modules) the
//! web server. The bibliographic logic lives in the `biblio` crate; this crate adds IO.

pub mod cli;
pub mod demo;
pub mod ingest;
pub mod store;
pub mod web;
