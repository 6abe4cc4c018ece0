//! `shelfmark token create`: API tokens for the write endpoints. The token is printed
//! once; only its SHA-256 is stored.

use std::process::ExitCode;

use crate::{store::Store, web::api::token_hash};

#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Create a token and print it (it cannot be shown again).
    Create {
        /// A name to remember what the token is for.
        #[arg(long, default_value = "api")]
        name: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

pub async fn run(store: &dyn Store, args: Args) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::Create { name } => {
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes)
                .map_err(|e| anyhow::anyhow!("cannot read random bytes: {e}"))?;
            let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            let token = format!("smk_{token}");
            store.add_token(&token_hash(&token), &name).await?;
            super::print(&format!("{token}\n"))?;
            eprintln!("token \"{name}\" created; it is shown only this once");
        }
    }
    Ok(ExitCode::SUCCESS)
}
