//! Prints the sentences and tokens of a text file: `cargo run -p eventwire-segment --example segment_file -- FILE`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: segment_file FILE")?;
    let text = std::fs::read_to_string(&path)?;
    for (i, sentence) in eventwire_segment::split_sentences(&text).iter().enumerate() {
        let tokens: Vec<&str> = sentence.tokens.iter().map(|t| &text[t.range()]).collect();
        println!("{i} [p{}] {}", sentence.paragraph, tokens.join(" | "));
    }
    Ok(())
}
