//! `shelfmark serve`: the web server.

use std::{net::SocketAddr, process::ExitCode, sync::Arc};

use anyhow::Context;

use crate::{demo, store::SqliteStore, web};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// The public address of the site, for canonical links and metadata
    /// (default: http://LISTEN).
    #[arg(long)]
    base_url: Option<String>,
    /// Do not load the demo books into an empty catalog.
    #[arg(long)]
    no_demo: bool,
}

pub async fn run(store: SqliteStore, args: Args) -> anyhow::Result<ExitCode> {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .try_init();
    if !args.no_demo {
        let loaded = demo::load_if_empty(&store).await?;
        if loaded > 0 {
            tracing::info!("loaded {loaded} demo books into the empty catalog");
        }
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    // With port 0 the system picks one; links must carry the real one.
    let bound = listener.local_addr()?;
    let base_url = args.base_url.unwrap_or_else(|| format!("http://{bound}"));
    let state = web::AppState::new(Arc::new(store), &base_url);
    eprintln!("Shelfmark is serving {base_url}/ (Ctrl-C stops it)");
    axum::serve(listener, web::router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(ExitCode::SUCCESS)
}
