//! Phone numbers as `tel:` links a phone's camera app offers to call.

/// The `tel:` link of a phone number as the content writes it: its digits, with the country
/// code +1 added to a 10-digit (North American) number. `"216.636.5860"` becomes
/// `"tel:+12166365860"`; a number written with `+` keeps its own country code. `None` for a
/// number without digits.
pub fn tel_uri(number: &str) -> Option<String> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let international = number.trim_start().starts_with('+');
    Some(match (international, digits.len()) {
        (true, _) => format!("tel:+{digits}"),
        (false, 10) => format!("tel:+1{digits}"),
        (false, 11) if digits.starts_with('1') => format!("tel:+{digits}"),
        (false, _) => format!("tel:{digits}"),
    })
}

#[cfg(test)]
mod tests {
    use super::tel_uri;

    #[test]
    fn numbers_become_tel_links_with_the_country_code() {
        assert_eq!(tel_uri("216.636.5860").as_deref(), Some("tel:+12166365860"));
        assert_eq!(
            tel_uri("1-866-588-2264").as_deref(),
            Some("tel:+18665882264")
        );
        assert_eq!(
            tel_uri("+44 20 7946 0000").as_deref(),
            Some("tel:+442079460000")
        );
        assert_eq!(tel_uri("555.0100").as_deref(), Some("tel:5550100"));
        assert_eq!(tel_uri("call us"), None);
    }
}
