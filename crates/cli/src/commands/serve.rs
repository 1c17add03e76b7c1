//! `eventwire serve` (skeleton, filled in by its issue).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`serve` is not implemented yet")
}
