//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, and legacy single-byte
//! encodings (Latin-1 / Windows-1252 and kin) detected with chardetng; binary data is refused.

use crate::error::Reason;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::Encoding;

/// How many leading bytes are inspected to tell text from binary data.
const SNIFF_LEN: usize = 8192;

/// Decodes file contents to text, or says why they are not text.
pub fn decode(bytes: &[u8]) -> Result<String, Reason> {
    if bytes.is_empty() {
        return Err(Reason::Empty);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..]);
    }
    if looks_binary(&bytes[..bytes.len().min(SNIFF_LEN)]) {
        return Err(Reason::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        // Valid UTF-8 cut off inside its last character (a truncated download or copy): the
        // text is UTF-8, so the partial character is dropped rather than the whole file being
        // re-read as a legacy encoding, which would garble every accented letter in it.
        Err(e) if e.error_len().is_none() => {
            Ok(String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned())
        }
        Err(_) => {
            let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            // Not UTF-8 (checked above), so UTF-8 is not a candidate.
            decode_with(detector.guess(None, Utf8Detection::Deny), bytes)
        }
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, Reason> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        Err(Reason::UndecodableText)
    } else {
        Ok(text.into_owned())
    }
}

/// NUL bytes, or more than 1 in 50 control characters other than whitespace, mean binary data.
fn looks_binary(sample: &[u8]) -> bool {
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    sample.contains(&0) || controls * 50 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_cut_inside_its_last_character_stays_utf8() {
        let text = "Zelensky met Erdoğan in Zürich: “talks” – 5 €";
        // The euro sign is three bytes; cut after its first one.
        let truncated = &text.as_bytes()[..text.len() - 2];
        assert_eq!(decode(truncated).unwrap(), &text[..text.len() - 3]);
        // A bad byte in the middle is no truncation: the text is re-read as a legacy encoding.
        assert_eq!(decode(b"Caf\xe9 au lait").unwrap(), "Café au lait");
    }

    #[test]
    fn windows_1252_is_transcoded() {
        // "Café “Kyiv” talks – 5 €" in Windows-1252.
        let bytes = b"Caf\xe9 \x93Kyiv\x94 talks \x96 5 \x80 in M\xfcnchen, said the minist\xe8re.";
        assert_eq!(
            decode(bytes).unwrap(),
            "Café “Kyiv” talks – 5 € in München, said the ministère."
        );
    }

    #[test]
    fn utf8_bom_and_utf16_bom_are_honoured() {
        assert_eq!(decode(b"\xef\xbb\xbfPutin said.").unwrap(), "Putin said.");
        assert_eq!(decode(b"\xff\xfeH\0i\0").unwrap(), "Hi");
    }

    #[test]
    fn empty_and_binary_inputs_are_refused() {
        assert!(matches!(decode(b""), Err(Reason::Empty)));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(Reason::Binary)
        ));
        assert!(matches!(
            decode(&[1, 2, 3, 4, 5, b'a']),
            Err(Reason::Binary)
        ));
    }
}
