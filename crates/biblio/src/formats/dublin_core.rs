//! DC
