//! ONIX
