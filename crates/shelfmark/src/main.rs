//! The `shelfmark` binary.

use std::process::ExitCode;

fn main() -> ExitCode {
    shelfmark::cli::main()
}
