//! `eventwire serve`: the read-only HTTP API and web page over a database.

use super::store_args::DbArg;
use std::net::SocketAddr;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on; the default only accepts connections from this machine.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    eventwire_serve::serve(args.db.db, args.addr)?;
    Ok(ExitCode::SUCCESS)
}
