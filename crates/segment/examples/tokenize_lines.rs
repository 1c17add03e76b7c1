//! Tokenizes each line of standard input and prints the tokens separated by spaces (for
//! comparing with treebank tokenization): `cargo run -p eventwire-segment --example tokenize_lines`.
use std::io::BufRead;

fn main() -> std::io::Result<()> {
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let tokens: Vec<&str> = eventwire_segment::tokenize(&line)
            .iter()
            .map(|t| &line[t.range()])
            .collect();
        println!("{}", tokens.join(" "));
    }
    Ok(())
}
